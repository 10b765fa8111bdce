"""Re-ingesting a CHANGED document (the same file or URL, other text). Document ids are
content hashes, so the new version is a new document and the earlier one stays; before,
`ingest` said "1 new" and nothing else, and both versions counted in incidents and
scorecards. It now names each such pair ([W160]); unchanged input stays silent."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lagebild.batch import version_key
from lagebild.cli import app

ONE = "Gipfel in Genf. Anna Berger. 19.04.2025.\n\nRussland hat die Ukraine angegriffen.\n"
TWO = "Gipfel in Genf. Anna Berger. 19.04.2025.\n\nRussland hat die Ukraine erneut angegriffen.\n"


def _ingest(*args):
    result = CliRunner().invoke(app, ["ingest", *map(str, args), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


@pytest.mark.parametrize("url, source, key", [
    ("https://x.de/a", "batch.jsonl:3", "https://x.de/a"),
    (None, "news/a.txt", "news/a.txt"),
    (None, "feed.xml#tag:x.de,2025:17", "feed.xml#tag:x.de,2025:17"),
    (None, "batch.jsonl:3", None),  # a line number is not an article's identity
    (None, None, None),
])
def test_version_key(url, source, key):
    assert version_key(url, source) == key


def test_a_changed_file_is_named_and_an_unchanged_one_is_not(tmp_path):
    db, art = tmp_path / "n.duckdb", tmp_path / "a.txt"
    art.write_text(ONE, encoding="utf-8")
    assert "W160" not in _ingest(art, "--db", db)
    assert "W160" not in _ingest(art, "--db", db)  # unchanged: nothing to say
    art.write_text(TWO, encoding="utf-8")
    out = _ingest(art, "--db", db)
    assert "stored 1 new" in out and "[W160]" in out and str(art) in out
    from lagebild.store import Store

    with Store(str(db)) as store:
        ids = {r["id"] for r in store.query("SELECT id FROM documents")}
    assert len(ids) == 2 and all(i in out for i in ids)  # both versions named


def test_jsonl_versions_by_url_not_by_line(tmp_path):
    db = tmp_path / "j.duckdb"
    first, second = tmp_path / "b1" / "batch.jsonl", tmp_path / "b2" / "batch.jsonl"
    first.parent.mkdir()
    second.parent.mkdir()
    rec = {"title": "Genf", "published": "2025-04-19"}
    first.write_text("\n".join(json.dumps({**rec, "text": t}) for t in ("Russland griff an.", "Frankreich half.")) + "\n",
                     encoding="utf-8")
    assert "W160" not in _ingest(first, "--db", db)
    # the same file name and line numbers, other articles without URLs: not versions
    second.write_text("\n".join(json.dumps({**rec, "text": t}) for t in ("Polen protestierte.", "Ungarn schwieg.")) + "\n",
                      encoding="utf-8")
    assert "W160" not in _ingest(second, "--db", db)
    # the same URL with another text: a new version of that article
    third = tmp_path / "c.jsonl"
    third.write_text(json.dumps({**rec, "url": "https://x.de/genf", "text": "Russland griff an."}) + "\n", encoding="utf-8")
    _ingest(third, "--db", db)
    third.write_text(json.dumps({**rec, "url": "https://x.de/genf", "text": "Russland griff erneut an."}) + "\n",
                     encoding="utf-8")
    out = _ingest(third, "--db", db)
    assert out.count("[W160]") == 1 and "https://x.de/genf: the text changed" in out


def _parquet_of(folder, out):
    """The Ray engine's own functions, chained as Ray chains them, in this process."""
    from pathlib import Path

    import pyarrow as pa
    import pyarrow.parquet as pq

    from lagebild.scale.ray_engine import Analyzer, input_names, parse_file

    rows = []
    for f in input_names([folder]):
        rows.extend(parse_file({"path": f, "bytes": Path(f).read_bytes()}))
    Path(out).mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(Analyzer()({k: [r[k] for r in rows] for k in ("path", "article", "error")})),
                   Path(out) / "part-0.parquet")


def test_load_parquet_names_a_changed_document(tmp_path):
    """`load-parquet` (the second half of `ingest --engine ray --out`) said "1 new" for a
    changed article and nothing else; it now names both versions ([W160]), as `ingest` does."""
    db, folder = tmp_path / "p.duckdb", tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ONE, encoding="utf-8")
    _parquet_of(folder, tmp_path / "p1")
    runner = CliRunner()
    first = runner.invoke(app, ["load-parquet", str(tmp_path / "p1"), "--db", str(db)])
    assert first.exit_code == 0 and "W160" not in first.output
    again = runner.invoke(app, ["load-parquet", str(tmp_path / "p1"), "--db", str(db)])
    assert again.exit_code == 0 and "W160" not in again.output  # unchanged: nothing to say
    (folder / "a.txt").write_text(TWO, encoding="utf-8")
    _parquet_of(folder, tmp_path / "p2")
    result = runner.invoke(app, ["load-parquet", str(tmp_path / "p2"), "--db", str(db)])
    out = " ".join(result.output.split())
    assert result.exit_code == 0 and "stored 1 new" in out and "[W160]" in out and "a.txt" in out


def test_ray_engine_into_a_database_names_a_changed_document(tmp_path, monkeypatch):
    """`ingest --engine ray --db` (Parquet in a temporary folder, then loaded) reports W160."""
    from lagebild.scale import ray_engine

    db, folder = tmp_path / "r.duckdb", tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ONE, encoding="utf-8")

    def fake_run_ray(paths, out, **kwargs):
        _parquet_of(folder, out)
        return ray_engine.RayReport(out=str(out), files=1, seconds=0.1, details={"workers": 1})

    monkeypatch.setattr(ray_engine, "run_ray", fake_run_ray)
    runner = CliRunner()
    args = ["ingest", str(folder), "--engine", "ray", "--db", str(db), "-q"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "W160" not in first.output
    (folder / "a.txt").write_text(TWO, encoding="utf-8")
    result = runner.invoke(app, args)
    out = " ".join(result.output.split())
    assert result.exit_code == 0 and "stored 1 new" in out and "[W160]" in out


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_document_repeated_in_one_run_is_named(tmp_path, workers):
    """Two inputs with the same text and title are one document (ids are content hashes):
    the second counted as "1 updated" on an empty store and the first input's source was
    gone without a word. Now [W161] names both inputs; a third, different one is not named."""
    db = tmp_path / "r.duckdb"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ONE, encoding="utf-8")
    (folder / "b.txt").write_text(ONE, encoding="utf-8")
    (folder / "c.txt").write_text(TWO, encoding="utf-8")
    out = _ingest(folder, "--db", db, "--workers", workers)
    assert "[W161]" in out and "b.txt" in out.split("[W161]")[1] and "a.txt" in out.split("[W161]")[1]
    assert out.count("[W161]") == 1 and "W160" not in out
    assert "W161" not in _ingest(folder / "c.txt", "--db", db)
