"""The forecast ledger: list_forecasts over a real (temporary) store, and the CLI."""
from __future__ import annotations

import json
from datetime import date

import pytest

from lagebild.forecasts.query import build_query, effective_status, list_forecasts
from lagebild.schemas import Document, Forecast
from lagebild.store import Store


def _doc(doc_id, published, forecasts):
    return Document(
        id=doc_id, source=None, language="de", title=doc_id, authors=["A"], published=published,
        sections=[], captions=[], text="x" * 200, forecasts=forecasts,
    )


@pytest.fixture
def store(tmp_path):
    st = Store(tmp_path / "t.duckdb")
    st.save(_doc("d1", "2025-01-10", [
        Forecast(holder="author", text="Er wird gehen", span=(0, 10), probability=0.8,
                 horizon={"text": "bis Ende Februar", "start": "2025-01-10", "end": "2025-02-28"},
                 predicted={"source": "TRUMP", "cameo": "0", "target": "UKR"}),
        Forecast(holder="PUTIN", holder_text="Putin", text="Der Krieg wird enden", span=(20, 40), probability=0.4),
    ]))
    st.save(_doc("d2", "2025-06-01", [
        Forecast(holder="author", text="Die Preise werden steigen", span=(0, 20), probability=0.75,
                 horizon={"text": "2026", "start": "2026-01-01", "end": "2026-12-31"}),
        Forecast(holder="author", text="Alt", span=(30, 40), status="resolved",
                 horizon={"text": "x", "start": "2025-01-01", "end": "2025-02-01"}),
    ]))
    yield st
    st.close()


TODAY = date(2025, 7, 1)


@pytest.mark.parametrize(
    "filters,texts",
    [
        ({}, ["Die Preise werden steigen", "Alt", "Er wird gehen", "Der Krieg wird enden"]),
        ({"holder": "putin"}, ["Der Krieg wird enden"]),
        ({"holder": "PUTIN"}, ["Der Krieg wird enden"]),
        ({"actor": "TRUMP"}, ["Er wird gehen"]),
        ({"since": date(2025, 5, 1)}, ["Die Preise werden steigen", "Alt"]),
        ({"until": date(2025, 5, 1)}, ["Er wird gehen", "Der Krieg wird enden"]),
        ({"status": "due"}, ["Er wird gehen"]),
        ({"status": "open"}, ["Die Preise werden steigen", "Der Krieg wird enden"]),
        ({"status": "resolved"}, ["Alt"]),
        ({"holder": "author", "status": "open"}, ["Die Preise werden steigen"]),
    ],
)
def test_query_filters(store, filters, texts):
    rows = list_forecasts(store, today=TODAY, **filters)
    assert [r["text"] for r in rows] == texts


def test_query_rows_carry_status_and_record_fields(store):
    rows = list_forecasts(store, today=TODAY, actor="TRUMP")
    assert rows[0]["status"] == "due" and rows[0]["predicted"]["source"] == "TRUMP"
    assert str(rows[0]["published"]) == "2025-01-10"


def test_query_rejects_unknown_status():
    with pytest.raises(ValueError):
        build_query(status="late")


@pytest.mark.parametrize(
    "stored,end,expected",
    [("open", None, "open"), ("open", date(2025, 1, 1), "due"), ("resolved", date(2025, 1, 1), "resolved"),
     ("open", "2030-01-01", "open")],
)
def test_query_effective_status(stored, end, expected):
    assert effective_status(stored, end, TODAY) == expected


def test_query_cli_jsonl_and_table(store, tmp_path):
    from typer.testing import CliRunner

    from lagebild.cli import app

    path = store.path
    store.close()
    runner = CliRunner()
    res = runner.invoke(app, ["forecasts", "--db", path, "--format", "jsonl", "--holder", "author"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines() if line.strip()]
    assert {r["text"] for r in rows} == {"Er wird gehen", "Die Preise werden steigen", "Alt"}
    res = runner.invoke(app, ["forecasts", "--db", path, "--status", "resolved"])
    assert res.exit_code == 0 and "Alt" in res.output
    res = runner.invoke(app, ["forecasts", "--db", path, "--status", "late"])
    assert res.exit_code != 0
