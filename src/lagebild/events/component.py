"""spaCy component ``lagebild_events``: fills ``doc._.events``.

Placeholder until the events analyser lands: it leaves the field present and empty,
never invented (PRODUCT.md output contract).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..tokens import get_list


@Language.factory("lagebild_events", assigns=["doc._.events"])
def make_events_component(nlp: Language, name: str) -> "EmptyEvents":
    return EmptyEvents()


class EmptyEvents:
    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "events")
        return doc
