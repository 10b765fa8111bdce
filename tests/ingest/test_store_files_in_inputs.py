"""A DuckDB store inside the folder it is filled from (``ingest . --db news.duckdb``) was
read as an input: "[E002] Input looks binary" for the store (and its write-ahead log),
exit 1. A folder walk now skips DuckDB databases and their .wal files, like hidden files;
a DuckDB file named explicitly is refused with E055, which says how a store is read."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.ingest.readers import IngestFailure, detect_format, iter_files
from lagebild.store import Store

ARTICLE = "Gipfel in Wien. Anna Beispiel. 14.03.2025.\n\nRussland droht der Ukraine mit neuen Angriffen."


def _store(path) -> None:
    with Store(str(path)) as store:
        store.backend


@pytest.mark.parametrize(
    "construction,name,is_store",
    [
        ("a DuckDB store named .duckdb", "news.duckdb", True),
        ("a DuckDB store with another suffix", "news.db", True),
        ("a DuckDB store without a suffix", "news", True),
        ("a text file named .duckdb", "notes.duckdb", False),
        ("a text article", "a.txt", False),
    ],
)
def test_walking_a_folder_skips_duckdb_stores(construction, name, is_store, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    if is_store:
        _store(tmp_path / name)
    elif name != "a.txt":
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    walked = sorted(p.name for p in iter_files([tmp_path]) if not isinstance(p, IngestFailure))
    if is_store:
        assert walked == ["a.txt"], construction
        assert detect_format(tmp_path / name) == "duckdb"
    else:
        assert name in walked, construction


def test_a_write_ahead_log_beside_a_store_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news.duckdb.wal").write_bytes(b"\x00\x01wal")  # DuckDB's WAL during a write
    (tmp_path / "other.wal").write_text(ARTICLE, encoding="utf-8")  # not beside a store: read
    walked = sorted(p.name for p in iter_files([tmp_path]) if not isinstance(p, IngestFailure))
    assert walked == ["a.txt", "other.wal"]


def test_ingest_of_the_folder_that_holds_the_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", ".", "--db", "news.duckdb", "--workers", "1"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["ingest", ".", "--db", "news.duckdb", "--workers", "1"])
    assert again.exit_code == 0 and "failed" not in again.output.replace("0 failed", ""), again.output
    named = runner.invoke(app, ["ingest", "news.duckdb", "--db", "other.duckdb", "--workers", "1"])
    assert named.exit_code == 1 and "[E055]" in named.output and "E002" not in named.output, named.output
