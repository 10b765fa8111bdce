"""The resolution queue at a date: a forecast with nothing to match ("no predicted event")
or whose condition has not held is listed once it is due, like any other, and not before.
Before, both were listed at any --as-of: an undated article's forecast (no horizon, never
due) "awaited a decision" in 2016 as in 2030, and a forecast for 2030 was due in 2024."""
from datetime import date

import pytest

from lagebild.resolve.candidates import resolution_queue
from lagebild.schemas import Forecast
from lagebild.store import Store

from .test_candidates import _doc, _fc


def _nothing_to_match(text, end=None):
    hz = {"text": "t", "start": None, "end": end} if end else None
    return Forecast(holder="author", text=text, span=(0, len(text)), probability=0.7, horizon=hz, predicted=None)


@pytest.fixture()
def queue_store(store_target):
    with Store(store_target) as st:
        st.save(_doc("p1", "2024-03-01", ["CHN", "TWN", "USA"], forecasts=[
            _nothing_to_match("The harbour in Tromsø will reopen by spring", end="2024-05-31"),
            _nothing_to_match("The ferry line to Bodø will close in 2030", end="2030-12-31"),
            _fc("If China attacks Taiwan, the US will impose sanctions on China", "USA", "163", "CHN",
                condition="If China attacks Taiwan", cond_event={"source": "CHN", "cameo": "190", "target": "TWN"},
                end="2030-12-31"),
        ]))
        st.save(_doc("u1", None, ["USA"], forecasts=[_nothing_to_match("Prices for salmon will rise")]))
    return store_target


# (as of, texts listed)
GRID = [
    (date(2024, 4, 1), set()),
    (date(2024, 6, 30), {"The harbour in Tromsø will reopen by spring"}),
    (date(2031, 1, 1), {"The harbour in Tromsø will reopen by spring", "The ferry line to Bodø will close in 2030",
                        "If China attacks Taiwan, the US will impose sanctions on China"}),
]


@pytest.mark.parametrize("as_of,listed", GRID, ids=[str(g[0]) for g in GRID])
def test_listed_when_due(queue_store, as_of, listed):
    with Store(queue_store) as st:
        left_out: dict = {}
        items = resolution_queue(st, as_of, left_out=left_out)
        assert {i["text"] for i in items} == listed
        assert left_out["undated"] == 1  # the salmon forecast: no horizon, no publication date
        assert left_out["not_due"] == 3 - len(listed)
        everything = resolution_queue(st, as_of, include_open=True)
        assert len(everything) == 4
