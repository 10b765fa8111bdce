"""spaCy component ``lagebild_actors``: fills ``doc._.actors``.

Placeholder until the actors analyser lands: it leaves the field present and empty,
never invented (PRODUCT.md output contract).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..tokens import get_list


@Language.factory("lagebild_actors", assigns=["doc._.actors"])
def make_actors_component(nlp: Language, name: str) -> "EmptyActors":
    return EmptyActors()


class EmptyActors:
    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "actors")
        return doc
