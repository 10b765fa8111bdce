"""End-to-end through the CLI (typer's runner and, once, a real subprocess)."""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from lagebild.cli import app

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_cli_analyze_seed(seed_path):
    result = invoke("analyze", seed_path, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["title"] == "Die Flucht Donald Trumps"
    assert doc["authors"] == ["Vitaly Portnikov"]
    assert doc["published"] == "2025-04-19"
    assert doc["language"] == "de"
    assert [s["title"] for s in doc["sections"]] == ["Putins Fallstrick", "Reputation eines Friedensstifters"]
    assert doc["captions"][0]["credit"] == "Alex Brandon / AP/East News"
    assert "Kommentar verfassen" not in doc["text"]
    assert "\u00a0" not in doc["text"]
    for key in ("id", "source", "actors", "events", "statements", "forecasts"):
        assert key in doc
    for start, end in doc["sentences"]:
        assert 0 <= start < end <= len(doc["text"])


def test_cli_ingest_twice_no_duplicates_then_read_back(tmp_path, examples_dir):
    EXAMPLES = examples_dir
    db = tmp_path / "x.duckdb"
    first = invoke("ingest", EXAMPLES, "--db", db, "-q")
    assert first.exit_code == 0, first.output
    second = invoke("ingest", EXAMPLES, "--db", db, "-q")
    assert second.exit_code == 0 and "0 new" in second.stdout
    listed = invoke("documents", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == len([p for p in EXAMPLES.iterdir() if p.is_file()])
    shown = invoke("show", rows[0]["id"][:8], "--db", db, "--format", "json")
    assert json.loads(shown.stdout)["id"] == rows[0]["id"]
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"docs.{fmt}"
        assert invoke("export", out, "--db", db, "--format", fmt).exit_code == 0
        assert out.stat().st_size > 0


def test_cli_ingest_bad_documents_reported_and_exit_code(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Titel. 01.02.2025.\n\nDie Regierung in Kyiv lehnte den Vorschlag ab.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    db = tmp_path / "x.duckdb"
    result = invoke("ingest", folder, "--db", db, "-q")
    assert result.exit_code == 1
    assert "1 new" in result.stdout and "2 failed" in result.stdout
    assert "empty.txt" in result.output and "binary.txt" in result.output


def test_cli_show_unknown_id(tmp_path):
    from lagebild.store import Store

    Store(tmp_path / "x.duckdb").close()
    result = invoke("show", "doesnotexist", "--db", tmp_path / "x.duckdb")
    assert result.exit_code == 2 and "[E011]" in result.output


def test_cli_analyze_folder_prints_jsonl(examples_dir):
    result = invoke("analyze", examples_dir, "--format", "json")
    assert result.exit_code == 0
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert {d["language"] for d in docs} == {"de", "en"}


def test_cli_real_process_entry_point():
    proc = subprocess.run([sys.executable, "-m", "lagebild", "--help"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "ingest" in proc.stdout


def test_cli_ingest_and_export_in_each_backend(store_target, examples_dir, tmp_path):
    result = invoke("ingest", examples_dir, "--db", store_target, "-q")
    assert result.exit_code == 0, result.output
    again = invoke("ingest", examples_dir, "--db", store_target, "-q")
    assert "0 new" in again.stdout
    rows = [json.loads(line) for line in invoke("documents", "--db", store_target, "--format", "jsonl").stdout.splitlines()]
    assert len(rows) == 2
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        assert invoke("export", out, "--db", store_target, "--format", fmt, "--table", "documents").exit_code == 0
        assert out.stat().st_size > 0


# -- article text is data, never markup: hostile titles and texts in every view ---------

HOSTILE = [
    "[/]",
    "[link=https://evil.example/x]KLICK[/link]",
    "[bold]FETT[/bold]",
    "\x1b[31mROT\x1b[0m",
    "\x1b]8;;https://evil.example\x1b\\OSC\x1b]8;;\x1b\\",
    "\u202eRTL",
    "Zeile\rweg",
    "[red",
]


def _hostile_doc(i, text):
    from lagebild.schemas import Actor, Document, Event, Forecast, Statement

    sent = f"Putin {text} lehnt ab."
    return Document(
        id=f"h{i:02d}", source=f"{text}.txt", language="de", title=f"Titel {text}", authors=[f"Autor {text}"],
        published="2025-04-19", sections=[], captions=[], text=sent + "\n", warnings=[f"W {text}"],
        actors=[Actor(id="putin", name=f"Putin {text}", type="PER", country="RUS", role=text, mentions=[(0, 5)])],
        events=[Event(source="putin", target=None, cameo="125", modality="asserted", sentence=sent + "\n",
                      span=(0, len(sent)), issue=f"Issue {text}", target_text=f"Ziel {text}")],
        statements=[Statement(speaker="author", kind="indirect", text=sent, span=(0, len(sent)))],
        forecasts=[Forecast(holder="author", text=sent, span=(0, len(sent)), probability=0.7, condition=text,
                            horizon={"text": "bald", "start": "2025-04-19", "end": "2025-05-19"})],
    )


def _squash(output: str) -> str:
    """Output without table borders and whitespace (rich wraps long cells)."""
    return "".join(ch for ch in output if not ch.isspace() and ch not in "│┃║|─━┏┓┗┛┡┩└┘╭╮╰╯┳┻╇╋┼┬┴├┤═")


@pytest.fixture()
def wide_console():
    """No wrapping (a cell spread over lines would hide what is printed)."""
    from lagebild.cli import _util

    old = (_util.console.width, _util.err_console.width)
    _util.console.width = _util.err_console.width = 1000
    yield
    _util.console.width, _util.err_console.width = old


def _fill_hostile(store) -> None:  # type: ignore[no-untyped-def]
    for i, text in enumerate(HOSTILE):
        store.save(_hostile_doc(i, text))


@pytest.fixture()
def hostile_db(tmp_path, wide_console):
    """A store of the hostile documents, this test's own (a copy of one built per session)."""
    from stores import stored_copy

    return stored_copy("hostile", _fill_hostile, tmp_path / "hostile.duckdb")


def _assert_literal(output: str) -> None:
    assert "\x1b" not in output and "\u202e" not in output and "\r" not in output
    flat = _squash(output)
    for needle in ("[/]", "[link=https://evil.example/x]KLICK[/link]", "[bold]FETT[/bold]"):
        assert needle in flat, needle


@pytest.mark.parametrize("args", [
    ["documents"],
    ["documents", "--search", "[/]"],
    ["forecasts"],
    *[["show", f"h{i:02d}"] for i in range(len(HOSTILE))],
])
def test_cli_hostile_text_is_shown_literally(hostile_db, args):
    result = invoke(*args, "--db", hostile_db)
    assert result.exit_code == 0, result.output
    if args[0] == "show":
        text = HOSTILE[int(args[1][1:])]
        flat = _squash(result.output)
        for needle in ("[/]", "[link=", "[bold]FETT[/bold]", "[red"):
            if needle in text:
                assert _squash(f"Titel {text}") in flat
        assert "\x1b" not in result.output and "\r" not in result.output
        # the events table: target column shows the target (text), the issue its own column
        assert "Ziel" in flat and "Issue" in flat
        return
    if args[0] == "documents" and len(args) == 1:
        _assert_literal(result.output)


def test_cli_hostile_text_in_analyze_table_and_failure_lines(tmp_path, wide_console):
    folder = tmp_path / "in"
    folder.mkdir()
    body = " ".join(HOSTILE)
    (folder / "a.txt").write_text(f"Titel [/] [bold]FETT[/bold]. 19.04.2025.\n\nDie Regierung lehnte {body} den Plan ab.", encoding="utf-8")
    (folder / "[red]empty[link=https:evil].txt").write_bytes(b"")
    result = invoke("analyze", folder, "--format", "table")
    assert result.exit_code == 1
    flat = _squash(result.output)
    assert "[bold]FETT[/bold]" in flat and "[/]" in flat
    assert "[red]empty[link=https:evil].txt" in flat  # the failure line names the file as it is
    assert "\x1b" not in result.output
    ingest = invoke("ingest", folder, "--db", tmp_path / "x.duckdb")
    assert ingest.exit_code == 1 and "[red]empty[link=https:evil].txt" in _squash(ingest.output)


def test_cli_hostile_kb_entries(tmp_path, wide_console):
    kb = tmp_path / "kb"
    add = invoke("kb", "add", "per:jane_markup", "Jane [/] [bold]Doe[/bold]", "--alias", "\x1b[31mJD", "--kb-dir", kb)
    assert add.exit_code == 0, add.output
    for args in (["kb", "search", "jane_markup"], ["kb", "show", "per:jane_markup"]):
        out = invoke(*args, "--kb-dir", kb)
        assert out.exit_code == 0, out.output
        assert "[bold]Doe[/bold]" in _squash(out.output) and "\x1b" not in out.output


# -- every user mistake: a non-zero exit, a message naming the bad value, no traceback ---

MISTAKES = [
    (["documents", "--format", "xml"], "xml"),
    (["documents", "--limit", "-1"], "-1"),
    (["documents", "--lang", "xx"], "xx"),
    (["forecasts", "--format", "json"], "json"),
    (["forecasts", "--status", "closed"], "closed"),
    (["forecasts", "--since", "2025-13-01"], "2025-13-01"),
    (["forecasts", "--limit", "-5"], "-5"),
    (["show", "h0", "--format", "jsonl"], "jsonl"),
    (["export", "OUT", "--table", "nope"], "nope"),
    (["export", "OUT", "--format", "xlsx"], "xlsx"),
    (["analyze", "IN", "--format", "yaml"], "yaml"),
    (["analyze", "IN", "--lang", "fr"], "fr"),
    (["analyze", "IN", "--input-format", "pdf"], "pdf"),
    (["ingest", "IN", "--lang", "nl"], "nl"),
    (["eval", "actors", "--lang", "de,xx"], "xx"),
    (["eval", "syntax", "--lang", "it"], "it"),
    (["kb", "show", "per:donald_trump", "--on", "gestern"], "gestern"),
    (["kb", "search", "x", "--limit", "-2"], "-2"),
    (["kb", "add", "per:x", "X", "--type", "ALIEN"], "ALIEN"),
    (["eval", "events", "--gold", "real-fr"], "real-fr"),
    (["eval", "forecasts", "--gold", "real-de", "--split", "train"], "train"),
    (["eval", "statements", "--gold", "real-xx"], "real-xx"),
    (["resolve", "--format", "xml"], "xml"),
    (["resolve", "h00:f0", "--outcome", "maybe"], "maybe"),
    (["resolve", "--candidates", "-1"], "-1"),
    (["score", "--format", "csv"], "csv"),
]


@pytest.mark.parametrize("args,bad", MISTAKES, ids=[" ".join(a) for a, _ in MISTAKES])
def test_cli_user_mistake_is_one_clear_message(hostile_db, tmp_path, args, bad):
    args = [str(tmp_path / "out.jsonl") if a == "OUT" else str(EXAMPLES_FILE) if a == "IN" else a for a in args]
    if args[0] in ("documents", "forecasts", "show", "export", "resolve", "score"):
        args += ["--db", str(hostile_db)]
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert bad in result.output
    assert "Traceback" not in result.output
    if "--table" in args:
        assert "table" in result.output and "format" not in result.output.split("--table")[-1].split("\n")[0]


EXAMPLES_FILE = __import__("pathlib").Path(__file__).resolve().parent.parent / "examples" / "en_summit.txt"


@pytest.mark.parametrize("verb", [["documents"], ["show", "abc"], ["forecasts"], ["export", "OUT"]])
def test_cli_read_commands_never_create_a_database(tmp_path, verb):
    db = tmp_path / "typo.duckdb"
    args = [str(tmp_path / "o.jsonl") if a == "OUT" else a for a in verb]
    result = invoke(*args, "--db", db)
    assert result.exit_code == 2
    assert "[E040]" in result.output and "typo.duckdb" in _squash(result.output)
    assert not db.exists() and list(tmp_path.iterdir()) == []


def test_cli_ambiguous_prefix_lists_matches(hostile_db):
    result = invoke("show", "h0", "--db", hostile_db)
    assert result.exit_code == 2
    flat = _squash(result.output)
    assert "[E042]" in result.output and "ambiguous" in result.output
    assert all(f"h0{i}" in flat for i in range(len(HOSTILE)))
    assert invoke("show", "nothere", "--db", hostile_db).exit_code == 2


def test_cli_counts_match_the_filter(hostile_db, tmp_path):
    from lagebild.store import Store

    with Store(hostile_db) as store:
        other = _hostile_doc(99, "x")
        other.language = "en"
        store.save(other)
    result = invoke("documents", "--lang", "de", "-n", "2", "--db", hostile_db)
    assert result.exit_code == 0
    assert f"2 of {len(HOSTILE)} documents in 'de'" in result.output
    assert len(invoke("documents", "--limit", "0", "--format", "jsonl", "--db", hostile_db).stdout.splitlines()) == len(HOSTILE) + 1


def test_cli_evidence_sentences_have_no_trailing_newline(hostile_db):
    from rich.console import Console

    from lagebild.cli._render import render_document
    from lagebild.store import Store

    with Store(hostile_db, read_only=True) as store:
        doc = store.get("h01")
    console = Console(width=400, record=True)
    console.print(render_document(doc))
    lines = console.export_text().splitlines()
    row = next(line for line in lines if "│ putin" in line.lower() or "Putin" in line and "125" in line)
    assert "lehnt ab." in row  # the sentence sits on the event's row, not pushed to a new line


def test_cli_version_and_debug(tmp_path):
    from lagebild.about import __version__

    assert invoke("--version").stdout.strip() == f"lagebild {__version__}"
    missing = tmp_path / "nope.duckdb"
    quiet = subprocess.run([sys.executable, "-m", "lagebild", "documents", "--db", str(missing)],
                           capture_output=True, text=True, timeout=120)
    assert quiet.returncode == 2 and "Traceback" not in quiet.stderr and "[E040]" in quiet.stderr
    assert len(quiet.stderr.strip().splitlines()) == 1
    loud = subprocess.run([sys.executable, "-m", "lagebild", "--debug", "documents", "--db", str(missing)],
                          capture_output=True, text=True, timeout=120)
    assert loud.returncode != 0 and "Traceback" in loud.stderr


def test_cli_uninstalled_model_is_one_line_in_a_real_process():
    proc = subprocess.run([sys.executable, "-m", "lagebild", "analyze", str(EXAMPLES_FILE), "--model", "xx_no_such_model"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "[E013]" in proc.stderr and "xx_no_such_model" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_cli_eval_without_shared_data_is_skipped_the_same_way(monkeypatch, tmp_path):
    import lagebild.events.evaluate as events_eval

    monkeypatch.setenv("LAGEBILD_SHARED_DATA", str(tmp_path / "absent"))
    monkeypatch.setattr(events_eval, "SHARED", tmp_path / "absent")
    for args in (["eval", "syntax", "--lang", "de"], ["eval", "ner", "--lang", "en"], ["eval", "petrarch"]):
        result = invoke(*args)
        assert result.exit_code == 0, (args, result.output)
        assert result.output.startswith("skipped: "), (args, result.output)
    # a path the user names explicitly is a mistake, not a skip
    assert invoke("eval", "petrarch", "--records", tmp_path / "nope.xml").exit_code == 2


@pytest.mark.parametrize("terminal", [True, False], ids=["live display", "plain line"])
def test_cli_ingest_progress_counts_documents(tmp_path, monkeypatch, terminal):
    from lagebild.cli import ingest as ingest_cli

    display = ingest_cli.progress_display
    monkeypatch.setattr(ingest_cli, "progress_display", lambda quiet: display(quiet, terminal=terminal))
    monkeypatch.setattr(ingest_cli, "PLAIN_EVERY", 0.0)  # the plain line on every document
    feed = tmp_path / "batch.jsonl"
    feed.write_text("\n".join(json.dumps({"text": f"Die Regierung in Berlin kritisierte Plan {i}.", "title": f"T{i}"}) for i in range(3)),
                    encoding="utf-8")
    result = invoke("ingest", feed, "--db", tmp_path / "x.duckdb")
    assert result.exit_code == 0, result.output
    counted = "ingest 3 documents" if terminal else "ingest: 3 documents"
    assert counted in result.output and "1 files" in result.output


def test_cli_every_read_command_on_each_backend(store_target, tmp_path):
    from lagebild.store import Store

    with Store(store_target) as store:
        for i, text in enumerate(HOSTILE[:3]):
            store.save(_hostile_doc(i, text))
    for args in (["documents"], ["documents", "--lang", "de", "--search", "[/]", "--format", "jsonl"],
                 ["show", "h01", "--format", "json"], ["show", "h02"],
                 ["forecasts"], ["forecasts", "--holder", "author", "--format", "jsonl"],
                 ["forecasts", "--actor", "putin", "--status", "due", "--since", "2025-01-01"],
                 ["export", tmp_path / "f.csv", "--table", "forecasts", "--format", "csv"]):
        result = invoke(*args, "--db", store_target)
        assert result.exit_code == 0, (args, result.output)
    rows = [json.loads(line) for line in invoke("forecasts", "--holder", "author", "--format", "jsonl", "--db", store_target).stdout.splitlines()]
    assert len(rows) == 3 and {r["doc_id"] for r in rows} == {"h00", "h01", "h02"}
    assert json.loads(invoke("documents", "--search", "[/]", "--format", "jsonl", "--db", store_target).stdout)["id"] == "h00"
