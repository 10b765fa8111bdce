"""spaCy component ``lagebild_statements``: fills ``doc._.statements``.

Placeholder until the statements analyser lands: it leaves the field present and empty,
never invented (PRODUCT.md output contract).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..tokens import get_list


@Language.factory("lagebild_statements", assigns=["doc._.statements"])
def make_statements_component(nlp: Language, name: str) -> "EmptyStatements":
    return EmptyStatements()


class EmptyStatements:
    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "statements")
        return doc
