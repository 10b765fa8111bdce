"""Grids of our own sentences for forecast holders and false alarms (issue 11, session 29).
Each kind fails on main's code (``1402217``); guard rows must stay as they are. A row's id
names its construction, so a failing row says which one broke.

* ``attribution-after``: the sentence after a forecast points back to it and names its
  source — "Das zeigt eine Studie des Instituts", "Dies teilte die Polizei mit", "Davon geht
  die Weltbank aus", "Zu diesem Schluss kommt …", "Das geht aus einem Bericht der … hervor",
  "So der Chef der …" (the real-de gold's convention for an anaphoric attribution,
  benchmarks/gold/real-de/README.md). The source holds the forecast, not the author, and the
  attribution ("Dies erwartet der Minister") is no forecast of its own. An anaphor before a
  verb of no attribution ("Das ist schlecht für …", "Davon profitieren …") leaves the author.

Each row runs the real pipeline (:func:`kinds_checks.forecasts_of`)."""
from __future__ import annotations

from typing import Callable, List

import pytest

from kinds_checks import forecasts_of


def first_held_by(*holders: str, count: int = 1) -> Callable[[list], bool]:
    """``count`` forecasts, the first held by one of ``holders`` (a code, an actor id or the
    holder as written; "author" for the author)."""
    def ok(fcs: list) -> bool:
        if len(fcs) != count:
            return False
        f = fcs[0]
        return any(h in (f.holder, f.holder_text or "author") for h in holders)
    return ok


def first_code(doc_code: str, count: int = 1) -> Callable[[list], bool]:
    """``count`` forecasts, the first held by an actor whose id or written form mentions
    ``doc_code`` (a word of the source's name, as the actor registry spells its id)."""
    def ok(fcs: list) -> bool:
        return len(fcs) == count and doc_code in (fcs[0].holder or "") and fcs[0].holder != "author"
    return ok


ATTRIBUTION_AFTER = [
    ("study-shows", "Die Mieten in Salzburg werden im kommenden Jahr kräftig steigen. Das zeigt eine neue Studie des Wifo.",
     first_code("wifo")),
    ("police-announced", "Die Zahl der Wohnungseinbrüche wird im Winter wieder zunehmen. Das teilte die Polizei am Montag mit.",
     first_held_by("die Polizei")),
    ("conclusion-comes", "Der Bedarf an Pflegekräften wird bis 2030 um ein Drittel wachsen. Zu diesem Schluss kommt die "
     "Bundesnetzagentur in einem Bericht.", first_code("bundesnetzagentur")),
    ("report-shows-from", "Die Arbeitslosigkeit wird im Herbst wieder sinken. Das geht aus einem Bericht der Bundesbank hervor.",
     first_code("bundesbank")),
    ("verbless-so", "Die Exporte nach Asien werden sich im nächsten Jahr erholen. So der Präsident der Bundesbank, Jens Weidmann.",
     first_code("weidmann")),
    ("expects-this", "Die Zinsen werden noch vor dem Sommer steigen. Dies erwartet Finanzminister Olaf Scholz.",
     first_code("scholz")),
    ("warns-of-this", "Der Hunger in der Sahelzone wird sich weiter ausbreiten. Davor warnt die Weltbank.",
     first_code("world", count=1)),
    # guards: an anaphor before a verb of no attribution, an adverb "so", a statement of its own
    ("guard-copula", "Die Zinsen werden noch vor dem Sommer steigen. Das ist eine schlechte Nachricht für die Sparer.",
     first_held_by("author")),
    ("guard-profit", "Die Zinsen werden noch vor dem Sommer steigen. Davon profitieren vor allem die Banken.",
     first_held_by("author")),
    ("guard-so-adverb", "Die Preise werden weiter steigen. So wird es auch im Winter bleiben, sagte der Händler Emil Gruber.",
     first_held_by("author", count=2)),
    ("guard-shows-how", "Die Preise werden weiter steigen. Das zeigt, wie knapp das Angebot ist.",
     first_held_by("author")),
]


def _rows(cases: List[tuple]) -> List:
    return [pytest.param(text, check, id=name) for name, text, check in cases]


@pytest.mark.parametrize("text, check", _rows(ATTRIBUTION_AFTER))
def test_attribution_after(text, check):
    assert check(forecasts_of(text)), [(f.holder, f.holder_text, f.text) for f in forecasts_of(text)]
