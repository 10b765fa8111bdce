"""``--db`` naming a file that is not a database said "[E015] … is in use by another process
or cannot be opened" (the words "in use" misled); it is now [E053], naming what the file
is. ``ingest --db`` and ``export`` created missing parent folders silently (a typo'd
folder became a new store); they now refuse with [E054], as sqlite-utils and Datasette
users expect, and write nothing."""
from __future__ import annotations

import gzip

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.errors import LagebildError
from lagebild.store import Store
from lagebild.store.backends import not_duckdb


def _cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.mark.parametrize(
    "construction,content,kind",
    [
        ("a plain text article", "Putin lehnt den Waffenstillstand ab.\n".encode(), "a text file"),
        ("UTF-8 text cut inside a character at 4 KiB", ("x" * 4095 + "ä").encode(), "a text file"),
        ("an empty file", b"", "an empty file"),
        ("an SQLite database", b"SQLite format 3\x00" + b"\x00" * 100, "an SQLite database"),
        ("a Parquet file", b"PAR1" + b"\x00" * 100, "a Parquet file"),
        ("a gzip file", gzip.compress(b"text"), "a gzip-compressed file"),
        ("a ZIP archive", b"PK\x03\x04" + b"\x00" * 40, "a ZIP archive"),
        ("a PDF", b"%PDF-1.7\n", "a PDF document"),
        ("a WARC", b"WARC/1.0\r\n", "a WARC web archive"),
        ("binary data", bytes(range(256)) * 4, "a file of another kind"),
    ],
)
def test_a_file_that_is_not_a_database_is_e053(construction, content, kind, tmp_path):
    path = tmp_path / "news.duckdb"
    path.write_bytes(content)
    assert not_duckdb(path).startswith(kind), construction
    for read_only in (True, False):
        with pytest.raises(LagebildError, match=r"^\[E053\]") as err:
            Store(str(path), read_only=read_only).backend  # the store opens its file on first use
        assert kind in str(err.value) and "in use" not in str(err.value)
    assert path.read_bytes() == content  # the file is left as it was
    res = _cli("documents", "--db", path)
    assert res.exit_code == 2 and "[E053]" in res.output and kind in res.output, res.output


def test_a_folder_and_a_real_store_as_db(tmp_path):
    assert not_duckdb(tmp_path) == "a folder"
    with pytest.raises(LagebildError, match=r"^\[E053\].*a folder"):
        Store(str(tmp_path)).backend
    assert not_duckdb(tmp_path / "absent.duckdb") is None
    db = tmp_path / "real.duckdb"
    with Store(str(db)) as store:
        store.backend
    assert not_duckdb(db) is None
    with Store(str(db), read_only=True) as store:
        store.backend


@pytest.mark.parametrize("verb", ["ingest", "export", "export-gdelt"])
def test_a_missing_folder_is_e054_and_nothing_is_created(verb, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Gipfel. Anna Beispiel. 14.03.2025.\n\nRussland droht der Ukraine.", encoding="utf-8")
    good = tmp_path / "news.duckdb"
    assert _cli("ingest", article, "--db", good).exit_code == 0
    typo = tmp_path / "no_such_folder" / "deeper"
    if verb == "ingest":
        res = _cli("ingest", article, "--db", typo / "news.duckdb")
    elif verb == "export":
        res = _cli("export", typo / "docs.jsonl", "--db", good)
    else:
        res = _cli("export", typo / "events.tsv", "--format", "gdelt", "--db", good)
    assert res.exit_code == 2, res.output
    assert "[E054]" in res.output and "no_such_folder" in res.output
    assert not (tmp_path / "no_such_folder").exists()


def test_an_existing_folder_is_written_into(tmp_path):
    from lagebild.store.export import export

    (tmp_path / "out").mkdir()
    with Store(str(tmp_path / "out" / "news.duckdb")) as store:
        assert export(store, tmp_path / "out" / "docs.jsonl") == 0
    assert (tmp_path / "out" / "docs.jsonl").exists()


def test_score_plot_into_a_missing_folder_is_e054(tmp_path):
    db = tmp_path / "news.duckdb"
    with Store(str(db)) as store:
        store.backend
    res = _cli("score", "--plot", tmp_path / "no_such_folder" / "rel.svg", "--db", db)
    assert res.exit_code == 2 and "[E054]" in res.output and "bug" not in res.output, res.output
    assert not (tmp_path / "no_such_folder").exists()
