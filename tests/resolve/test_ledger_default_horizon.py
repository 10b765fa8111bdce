"""One "due" for the whole product: a forecast that gives no horizon is judged on the year
after its publication by `lagebild resolve` (README: "365 days after publication when the
forecast gives no horizon"), and the ledger — `lagebild forecasts --status`, the
workbench's /forecasts and /api/forecasts and its open/due counts — now says the same. It
called such a forecast "open" for ever: a 2019 prediction was "open" in `forecasts` and the
workbench while `resolve` proposed it as due ("the horizon ended … with no matching
event")."""
from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Dict, Optional

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.forecasts.query import DEFAULT_HORIZON_DAYS, effective_status
from lagebild.schemas import Document, Forecast
from lagebild.store import Store

TODAY = date.today()

# document id -> (published, horizon end or None, the status at TODAY)
CASES: Dict[str, tuple] = {
    "old-nohz": (TODAY - timedelta(days=DEFAULT_HORIZON_DAYS + 30), None, "due"),  # a year and a month ago
    "new-nohz": (TODAY - timedelta(days=30), None, "open"),  # last month: its year is not over
    "edge-nohz": (TODAY - timedelta(days=DEFAULT_HORIZON_DAYS), None, "open"),  # the year ends today
    "nodate-nohz": (None, None, "open"),  # neither a horizon nor a publication date
    "past-hz": (TODAY - timedelta(days=30), TODAY - timedelta(days=1), "due"),  # a stated horizon rules
    "long-hz": (TODAY - timedelta(days=3 * DEFAULT_HORIZON_DAYS), TODAY + timedelta(days=10), "open"),
}


def _doc(doc_id: str, published: Optional[date], end: Optional[date]) -> Document:
    horizon = {"text": "bis dahin", "start": None, "end": end.isoformat()} if end else None
    fc = Forecast(holder="author", text="Russland wird angreifen", span=(0, 23), probability=0.7, horizon=horizon,
                  predicted={"source": "RUS", "cameo": "190", "target": None})
    return Document(id=doc_id, source=f"{doc_id}.txt", language="de", title="Ausblick", authors=["Anna Berger"],
                    published=published.isoformat() if published else None, sections=[], captions=[],
                    text="Russland wird angreifen.", forecasts=[fc])


@pytest.fixture()
def ledger(store_target) -> str:
    with Store(store_target) as st:
        for doc_id, (published, end, _) in CASES.items():
            st.save(_doc(doc_id, published, end))
    return store_target


@pytest.mark.parametrize("doc_id", list(CASES))
def test_effective_status_grid(doc_id):
    published, end, want = CASES[doc_id]
    assert effective_status(None, end, TODAY, published) == want
    assert effective_status(None, end.isoformat() if end else None, TODAY,
                            published.isoformat() if published else None) == want
    assert effective_status("resolved", end, TODAY, published) == "resolved"


def _ids(result) -> set:
    assert result.exit_code == 0, result.output
    return {json.loads(line)["doc_id"] for line in result.stdout.splitlines() if line.strip()}


def test_forecasts_status_agrees_with_resolve(ledger):
    runner = CliRunner()
    for status in ("due", "open"):
        got = _ids(runner.invoke(app, ["forecasts", "--db", ledger, "--status", status, "-f", "jsonl", "-n", "0"]))
        assert got == {d for d, case in CASES.items() if case[2] == status}, status
    listed = runner.invoke(app, ["forecasts", "--db", ledger, "-f", "jsonl", "-n", "0"])
    assert {json.loads(l)["doc_id"]: json.loads(l)["status"] for l in listed.stdout.splitlines()} == {
        d: case[2] for d, case in CASES.items()}
    queue = runner.invoke(app, ["resolve", "--db", ledger, "--all", "-f", "json"])
    assert queue.exit_code == 0, queue.output
    by_doc = {item["forecast_id"].split(":")[0]: item["status"] for item in json.loads(queue.stdout)}
    assert by_doc == {d: case[2] for d, case in CASES.items()}


def test_workbench_ledger_agrees(ledger):
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app

    client = TestClient(create_app(ledger), raise_server_exceptions=False)
    for status in ("due", "open"):
        r = client.get("/api/forecasts", params={"status": status, "limit": 100})
        assert r.status_code == 200, r.text
        items = r.json()["items"]
        assert {i["doc_id"] for i in items} == {d for d, case in CASES.items() if case[2] == status}, status
        assert {i["status"] for i in items} == {status}
    page = client.get("/forecasts.json")
    assert page.status_code == 200, page.text
    counts = page.json()["counts"]
    assert (counts["due"], counts["open"]) == (2, 4), counts
    doc = client.get("/api/documents/old-nohz").json()
    assert doc["forecasts"][0]["status"] == "due"


@pytest.mark.parametrize("as_of,warned", [
    ("2016-06-01", True),   # within the year after publication: it can still come true
    ("2017-03-10", False),  # the year is over
])
def test_a_miss_within_the_default_horizon_is_premature(store_target, as_of, warned):
    """W135 used the stated horizon only: `resolve ID -o false` on a forecast without one was
    never premature, though the resolver still looks for its event for a year."""
    with Store(store_target) as st:
        st.save(_doc("w1", date(2016, 3, 1), None))
    shown = CliRunner().invoke(app, ["resolve", "w1:f0", "-o", "false", "--as-of", as_of, "--db", store_target])
    assert shown.exit_code == 0, shown.output
    assert ("[W135]" in shown.output) == warned, shown.output
    if warned:
        assert "2017-03-01" in shown.output
