"""`export` of one table in JSON Lines, CSV and Parquet held the rows in different orders:
JSON Lines of documents in id order, CSV and Parquet in the database's order (insertion
order in DuckDB, no fixed order in PostgreSQL), so two exports of the same store did not
line up row by row. Every format now holds every table in the order of its key."""
from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.csvsafe import restore

# four short documents written for this test; their file order is not their id order
TEXTS = {
    "a.txt": "Hafen. Eva Lind. 03.03.2025.\n\nDer Bürgermeister von Emden kritisierte am Montag das Land.",
    "b.txt": "Brücke. Ole Berg. 04.03.2025.\n\nDie Regierung von Dänemark lobte am Dienstag Schweden.",
    "c.txt": "Schule. Ida Roth. 05.03.2025.\n\nDer Landrat von Celle forderte am Mittwoch mehr Lehrer.",
    "d.txt": "Wahl. Tom Falk. 06.03.2025.\n\nDie Ministerin von Island traf am Donnerstag ihren Kollegen.",
}
KEYS = {"documents": ("id",), "events": ("doc_id", "idx"), "actors": ("id",), "mentions": ("doc_id", "start_char")}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(folder / "s.duckdb")
    result = CliRunner().invoke(app, ["ingest", *[str(folder / n) for n in TEXTS], "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return folder, db


def _keys(rows, table):
    return [tuple(str(r[k]) if table != "mentions" or k != "start_char" else int(r[k]) for k in KEYS[table]) for r in rows]


@pytest.mark.parametrize("table", list(KEYS))
def test_every_format_holds_the_rows_in_key_order(table, store):
    import pyarrow.parquet as pq

    folder, db = store
    got = {}
    for fmt in ("jsonl", "csv", "parquet"):
        out = folder / f"{table}.{fmt}"
        result = CliRunner().invoke(app, ["export", str(out), "--table", table, "--db", db])
        assert result.exit_code == 0, result.output
        if fmt == "jsonl":
            rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        elif fmt == "csv":
            with out.open(newline="", encoding="utf-8") as fh:  # ids such as "---EDU" are quoted
                rows = [{k: restore(v) for k, v in r.items()} for r in csv.DictReader(fh)]
        else:
            rows = pq.read_table(out).to_pylist()
        got[fmt] = _keys(rows, table)
    assert got["jsonl"], table
    assert got["jsonl"] == got["csv"] == got["parquet"] == sorted(got["jsonl"]), table
