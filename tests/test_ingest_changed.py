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
