"""`lagebild export OUT` without --format: the name decides (events.csv was written as JSON
Lines, events.parquet too); a name whose format cannot be told is refused ([E050]) before
anything is written; --format still wins. Hand-built documents, no model."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.schemas import Actor, Document, Event
from lagebild.store import Store

runner = CliRunner()


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "n.duckdb"
    sent = "Putin kritisierte Selenskyj."
    with Store(path) as store:
        store.save(Document(
            id="d1", source="d1.txt", language="de", title="T", authors=[], published="2025-04-19", sections=[],
            captions=[], text=sent,
            actors=[Actor(id="putin", name="Putin", type="PER", mentions=[(0, 5)])],
            events=[Event(source="putin", target=None, cameo="111", sentence=sent, span=(0, len(sent)))],
        ))
    return path


def _read(path, kind):
    if kind == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if kind == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize(
    "name,kind,extra",
    [
        ("events.csv", "csv", []),
        ("EVENTS.CSV", "csv", []),
        ("events.parquet", "parquet", []),
        ("events.pq", "parquet", []),
        ("events.jsonl", "jsonl", []),
        ("events.ndjson", "jsonl", []),
        ("events", "jsonl", []),  # no suffix: the old default
        ("events.parquet", "csv", ["--format", "csv"]),  # --format wins over the name
        ("events.tsv", "jsonl", ["--format", "jsonl"]),
    ],
)
def test_export_format_from_the_name(db, tmp_path, name, kind, extra):
    out = tmp_path / name
    result = runner.invoke(app, ["export", str(out), "--db", str(db), "--table", "events", *extra])
    assert result.exit_code == 0, result.output
    rows = _read(out, kind)
    assert len(rows) == 1 and rows[0]["cameo"] == "111"


@pytest.mark.parametrize("name", ["events.tsv", "events.xlsx", "events.txt"])
def test_export_refuses_a_name_it_cannot_read(db, tmp_path, name):
    out = tmp_path / name
    result = runner.invoke(app, ["export", str(out), "--db", str(db), "--table", "events"])
    assert result.exit_code == 2 and "[E050]" in result.output and "--format" in result.output, result.output
    assert not out.exists()
