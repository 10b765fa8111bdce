"""Re-ingesting unchanged files analyses them again (that is how a newer lagebild updates
stored documents) and costs as much as the first run; the summary said only "3 unchanged".
It now says they were analysed again and names ``--resume``, which skips them unanalysed."""
from __future__ import annotations

from typer.testing import CliRunner

from lagebild.cli import app

TEXTS = [
    "Der Landrat von Cham eröffnete am Montag eine neue Brücke über den Regen.\n",
    "Die Bürgermeisterin von Furth besuchte am Dienstag die Grundschule am Markt.\n",
]


def _ingest(*args):
    res = CliRunner().invoke(app, ["ingest", *map(str, args), "-q", "-w", "1"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return " ".join(res.output.split())


def test_unchanged_reingest_names_resume(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "u.duckdb"
    folder.mkdir()
    for i, t in enumerate(TEXTS):
        (folder / f"a{i}.txt").write_text(t, encoding="utf-8")
    first = _ingest(folder, "--db", db)
    assert "stored 2 new" in first and "analysed again" not in first
    again = _ingest(folder, "--db", db)
    assert "2 unchanged" in again
    assert "2 stored document(s) were analysed again with the same result" in again and "--resume" in again
    resumed = _ingest(folder, "--db", db, "--resume")
    assert "2 skipped" in resumed and "analysed again" not in resumed
