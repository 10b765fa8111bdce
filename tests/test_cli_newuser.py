"""What a new user trips over first: every export combination the help offers, and output
piped into a reader that stops early (``| head``). Hand-built documents, no model."""
import csv
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.schemas import Actor, Document, Event
from lagebild.store import Store
from lagebild.store.export import TABLES

from stores import stored_copy

runner = CliRunner()


def _doc(i: int, title: str = "") -> Document:
    sent = f"Putin kritisierte Selenskyj am Tag {i}."
    return Document(
        id=f"d{i:05d}", source=f"s{i}.txt", language="de", title=title or f"Titel {i}", authors=["A"],
        published="2025-04-19", sections=[], captions=[], text=sent + "\n",
        actors=[Actor(id="putin", name="Wladimir Putin", type="PER", country="RUS", mentions=[(0, 5)]),
                Actor(id="zel", name="Wolodymyr Selenskyj", type="PER", country="UKR", mentions=[(19, 29)])],
        events=[Event(source="putin", target="zel", cameo="111", modality="asserted", sentence=sent,
                      span=(0, len(sent)), date="2025-04-19")],
    )


def _fill_small(store) -> None:  # type: ignore[no-untyped-def]
    for i in range(3):
        store.save(_doc(i))


@pytest.fixture()
def small_db(tmp_path):
    """A store of three documents, this test's own (a copy of one built per session)."""
    return stored_copy("small", _fill_small, tmp_path / "small.duckdb")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("table", TABLES)
def test_export_every_table_in_every_format(small_db, tmp_path, table, fmt):
    """Each (--table, --format) pair the help lists writes a readable file, and the count
    printed is the number of rows in it (incidents in CSV/Parquet used to crash)."""
    out = tmp_path / f"{table}.{fmt}"
    result = runner.invoke(app, ["export", str(out), "--db", str(small_db), "--format", fmt, "--table", table])
    assert result.exit_code == 0, result.output
    n = int(result.stdout.split()[1])  # "wrote N rows of TABLE to OUT"
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "csv":
        with out.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    else:
        rows = pq.read_table(out).to_pylist()
    assert len(rows) == n
    if table in ("documents", "events", "incidents", "actors"):
        assert n > 0


def test_output_into_a_closed_pipe_stops_quietly(tmp_path):
    """``lagebild documents --format jsonl | head -1``: the reader closes the pipe early; the
    command stops with the shell's code for it (141) and no "this is a bug" line."""
    db = tmp_path / "many.duckdb"
    with Store(db) as store:
        for i in range(60):  # ~300 KB of JSON Lines: far more than a pipe buffer holds
            store.save(_doc(i, title="T" * 5000))
    proc = subprocess.Popen(
        [sys.executable, "-m", "lagebild", "documents", "--db", str(db), "--format", "jsonl", "--limit", "60"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    first = proc.stdout.readline()
    proc.stdout.close()  # what head does after its line
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert json.loads(first)["id"].startswith("d")
    assert proc.returncode == 141, err
    assert "bug" not in err and "Traceback" not in err and "Exception ignored" not in err, err


@pytest.mark.parametrize("width", [60, 80, 120])
def test_documents_table_keeps_ids_and_dates_whole_on_narrow_terminals(small_db, width):
    """The id is what a user copies into ``lagebild show``: never broken over lines, nor the date."""
    from lagebild.cli import _util

    old = _util.console.width
    _util.console.width = width
    try:
        result = runner.invoke(app, ["documents", "--db", str(small_db)])
    finally:
        _util.console.width = old
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for i in range(3):
        assert any(f"d{i:05d}" in line and "2025-04-19" in line for line in lines), result.stdout


def test_ingest_summary_names_failed_codes_and_partial_documents(tmp_path):
    """A batch with a few bad documents mixed in goes on; after the summary, the failures are
    counted by code and each partial document is named with the warning that made it
    partial (it used to say only "1 partial", with no way to tell which)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Meldung. 01.04.2025.\n\nRussland griff die Ukraine an.", encoding="utf-8")
    (folder / "b_empty.txt").write_text("", encoding="utf-8")
    (folder / "c[bold].jsonl").write_text(
        json.dumps({"text": "Die EU kritisierte Russland.", "published": "2025-04-02"}) + "\n{not json\n"
        + json.dumps({"html": "<html><body><p>Frankreich lobte Deutschland [bold]heute[/bold].</p>",
                      "url": "https://x.example/[red]cut"}) + "\n",
        encoding="utf-8",
    )
    (folder / "d_feed.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
                                       encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "t.duckdb"), "-q", "--workers", "1"])
    assert result.exit_code == 1, result.output
    out = result.output
    assert "stored 3 new" in out and "3 failed" in out and "1 partial" in out
    assert "failed: 3 (E001 ×1, E008 ×1, E016 ×1); each is named above with its reason" in out
    partial = [line for line in out.splitlines() if line.startswith("partial: ")]
    assert partial == [f"partial: {folder / 'c[bold].jsonl'}:3: [W005] HTML looks truncated (no closing </html>); "
                       "the result may be partial"]


@pytest.mark.parametrize("url", ["postgresql://analyst:s3cret-pw@127.0.0.1:1/news",
                                 "postgres://analyst:s3cret-pw@127.0.0.1:1/news"])
@pytest.mark.parametrize("verb", [["documents"], ["forecasts"], ["score"], ["resolve"], ["export", "x.jsonl"],
                                  ["ingest", "missing.txt"]])
def test_database_passwords_are_never_printed(url, verb):
    """A PostgreSQL URL with a password (`--db postgresql://user:pw@host/db`) was echoed
    whole in every error and summary line -- terminals, CI logs, screenshots."""
    result = runner.invoke(app, [*verb, "--db", url])
    assert result.exit_code != 0
    assert "s3cret-pw" not in result.output and "analyst:***@127.0.0.1:1/news" in result.output


def test_redact_db_keeps_everything_but_the_password():
    from lagebild.errors import Errors, redact_db

    assert redact_db("postgresql://u:p%40ss@h:5432/db?sslmode=require") == "postgresql://u:***@h:5432/db?sslmode=require"
    assert redact_db("postgresql://u@h/db") == "postgresql://u@h/db"
    assert redact_db("/data/news.duckdb") == "/data/news.duckdb"
    assert "pw" not in Errors.E040.format(db="postgresql://u:pw@h/db")


def _lines_at_width(width: int, args: list) -> list:
    """The stdout lines of ``lagebild ARGS`` on a terminal ``width`` columns wide; each fits."""
    from lagebild.cli import _util

    old = _util.console.width
    _util.console.width = width
    try:
        result = runner.invoke(app, args)
    finally:
        _util.console.width = old
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= width for line in lines)
    return lines


@pytest.mark.parametrize("width, narrow", [(80, True), (100, True), (130, False)])
def test_documents_table_leaves_the_title_room_on_narrow_terminals(tmp_path, width, narrow):
    """At 80 columns the four count columns took the title's room and folded it into
    4-letter pieces ("Shel|ling|in"); below 110 columns they now share one column
    ("2/1/0/0", titled a/e/s/f) and the title's words stay whole."""
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.save(_doc(0, title="Waffenruhe gebrochen in Charkiw"))
    lines = _lines_at_width(width, ["documents", "--db", str(db)])
    assert any("Waffenruhe" in line for line in lines) and any("Charkiw" in line for line in lines)
    assert any("2/1/0/0" in line for line in lines) == narrow
    assert any("a/e/s/f" in line for line in lines) == narrow


def _store_with_forecast(tmp_path, holder: str, doc: Document = None):
    """A store holding ``doc`` (default ``_doc(0)``) with one conditional forecast of
    ``holder`` whose words are long (a table that folds them shows it)."""
    from lagebild.schemas import Forecast

    db = tmp_path / "f.duckdb"
    doc = doc or _doc(0)
    doc.forecasts = [Forecast(holder=holder, text="Die Kampagnenleitung wird Verhandlungen ankündigen",
                              condition="wenn die Waffenruhe hält", probability=0.75, span=(0, 10),
                              horizon={"start": "2025-04-20", "end": "2025-05-31"})]
    with Store(db) as store:
        store.save(doc)
    return db


@pytest.mark.parametrize("width, narrow", [(80, True), (100, True), (130, False)])
def test_forecasts_table_keeps_the_text_readable_on_narrow_terminals(tmp_path, width, narrow):
    """At 80 columns the eight columns of `forecasts` folded the forecast into 4-letter
    pieces ("SPÖ-|Kamp|agne"); below 110 columns p and status stand under the holder,
    condition and horizon under the text, and the text's words stay whole."""
    db = _store_with_forecast(tmp_path, "author")
    lines = _lines_at_width(width, ["forecasts", "--db", str(db)])
    for word in ("Kampagnenleitung", "Verhandlungen", "d00000:f0", "2025-04-19", "0.75", "Waffenruhe"):
        assert any(word in line for line in lines), (word, lines)
    assert any("if: wenn" in line for line in lines) == narrow


@pytest.mark.parametrize("width, narrow", [(80, True), (100, True), (130, False)])
def test_show_keeps_words_whole_on_narrow_terminals(tmp_path, width, narrow):
    """`make demo` ends with `show` at 80 columns, where the eight columns of the events
    table folded words into pieces ("sanctio|ns", "per:marco_rubi|o"); below 110 columns
    source → target stand over the CAMEO code, modality, date and issue share a cell, the
    actor's id stands under its name and a forecast's p and horizon under its holder."""
    doc = _doc(0)
    doc.actors[0].role = "Präsident Russlands"
    doc.events[0].cameo_name = "Accuse, not specified below"
    doc.events[0].sentence = "Ukraine's president urged European governments to impose new sanctions on Moscow."
    db = _store_with_forecast(tmp_path, "putin", doc)
    lines = _lines_at_width(width, ["show", "d00000", "--db", str(db)])
    for word in ("Wladimir Putin", "Wolodymyr Selenskyj", "Accuse,", "sanctions", "governments",
                 "Präsident Russlands", "Kampagnenleitung", "Verhandlungen", "Waffenruhe", "0.75", "2025-05-31",
                 "asserted", "2025-04-19"):
        assert any(word in line for line in lines), (word, "\n".join(lines))
    assert any("Wladimir Putin →" in line for line in lines) == narrow
    assert any("if: wenn" in line for line in lines) == narrow


@pytest.mark.parametrize("width, narrow", [(80, True), (100, True), (130, False)])
def test_resolve_queue_keeps_the_text_readable_on_narrow_terminals(tmp_path, width, narrow):
    """At 100 columns the seven columns of `resolve` folded the forecast text into a
    13-character strip; below 110 columns holder, p and status stand under the id and the
    proposal under the candidates."""
    db = _store_with_forecast(tmp_path, "putin")
    lines = _lines_at_width(width, ["resolve", "--as-of", "2026-12-31", "--db", str(db)])
    for word in ("d00000:f0", "Wladimir Putin", "Kampagnenleitung", "Verhandlungen", "Waffenruhe", "0.75"):
        assert any(word in line for line in lines), (word, "\n".join(lines))
    assert any("p 0.75" in line for line in lines) == narrow
