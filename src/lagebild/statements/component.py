"""spaCy component ``lagebild_statements``: fills ``doc._.statements``.

Who said what: direct quotes, reported speech (speech verbs, "dass"/"that" clauses,
German Konjunktiv I), attribution phrases ("laut X", "according to X", "X zufolge") and
interview turns. All cues are data files in ``lagebild/data/<lang>/`` (see
:mod:`lagebild.statements.lexicon`); the logic is in :mod:`lagebild.statements.extract`.
Runs after ``lagebild_actors`` and links speakers to its actors.
"""
from __future__ import annotations

import warnings

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Warnings
from ..tokens import get_list
from .lexicon import statement_lexicon
from .extract import extract_statements


@Language.factory(
    "lagebild_statements",
    assigns=["doc._.statements"],
    requires=["doc._.mentions", "doc._.actors"],
)
def make_statements_component(nlp: Language, name: str) -> "StatementsComponent":
    return StatementsComponent(nlp.lang)


class StatementsComponent:
    """Extract :class:`~lagebild.schemas.Statement` records into ``doc._.statements``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        lex = statement_lexicon(lang)
        if not lex.verbs_by_form:
            warnings.warn(Warnings.W301.format(lang=lang), stacklevel=2)

    def __call__(self, doc: Doc) -> Doc:
        found = extract_statements(doc, self.lang)
        statements = get_list(doc, "statements")
        statements.extend(found)
        return doc
