"""spaCy component ``lagebild_forecasts``: fills ``doc._.forecasts``.

Placeholder until the forecasts analyser lands: it leaves the field present and empty,
never invented (PRODUCT.md output contract).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..tokens import get_list


@Language.factory("lagebild_forecasts", assigns=["doc._.forecasts"])
def make_forecasts_component(nlp: Language, name: str) -> "EmptyForecasts":
    return EmptyForecasts()


class EmptyForecasts:
    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "forecasts")
        return doc
