"""spaCy component ``lagebild_forecasts``: fills ``doc._.forecasts``.

Predictions by the author, a quoted/reporting actor or an interview speaker: future tense,
predictive modals and hedges, conditionals and expectations, with holder, condition,
horizon and a probability from words of estimative probability. Cues and the WEP table
are data (``lagebild/data/<lang>/forecast_cues.tsv``, ``wep.tsv``); the logic is in
:mod:`lagebild.forecasts.detect`. Runs after ``lagebild_statements`` (holders) and
``lagebild_events`` (the predicted event).
"""
from __future__ import annotations

import warnings

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Warnings
from ..tokens import get_list
from .lexicon import forecast_lexicon
from .detect import forecasts_for_doc


@Language.factory(
    "lagebild_forecasts",
    assigns=["doc._.forecasts"],
    requires=["doc._.statements", "doc._.events"],
)
def make_forecasts_component(nlp: Language, name: str) -> "ForecastsComponent":
    return ForecastsComponent(nlp.lang)


class ForecastsComponent:
    """Extract :class:`~lagebild.schemas.Forecast` records into ``doc._.forecasts``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        lex = forecast_lexicon(lang)
        if not lex.cues:
            warnings.warn(Warnings.W302.format(lang=lang), stacklevel=2)

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "forecasts").extend(forecasts_for_doc(doc, self.lang))
        return doc
