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
    result = invoke("show", "doesnotexist", "--db", tmp_path / "x.duckdb")
    assert result.exit_code == 1 and "[E011]" in result.output


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
