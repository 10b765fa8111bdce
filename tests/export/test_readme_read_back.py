"""The README's recipe for reading exports back with pandas keeps CAMEO codes as text.
pandas guesses types in CSV and JSON Lines: ``"cameo": "040"`` came back as the number 40
from both ``read_csv`` and ``read_json`` (seen in a new user's trial), and the README said
so only for the GDELT table. The recipe is run here as the README writes it."""
from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.schemas import Actor, Document, Event
from lagebild.store import Store

README = Path(__file__).resolve().parents[2] / "README.md"


def _recipe() -> str:
    text = README.read_text(encoding="utf-8")
    part = text[text.index("**Reading an export back with pandas.**"):]
    return re.search(r"```python\n(.*?)```", part, re.S).group(1)


def test_readme_recipe_keeps_codes_as_text(tmp_path, monkeypatch):
    body = "Finnland verhandelte mit Estland. Weitere Einzelheiten folgten."
    doc = Document(
        id="d0", source="s.txt", language="de", title="Bericht", authors=[], published="2025-03-04",
        sections=[], captions=[], text=body,
        actors=[Actor(id="FIN", name="Finnland", type="GPE", country="FIN", code="FIN", mentions=[(0, 8)]),
                Actor(id="EST", name="Estland", type="GPE", country="EST", code="EST", mentions=[(25, 32)])],
        events=[Event(source="FIN", target="EST", cameo="040", quad_class=1, goldstein=1.0, date="2025-03-04",
                      sentence=body[:33], span=(0, 33), trigger="verhandelte", trigger_span=(9, 20))],
    )
    db = str(tmp_path / "r.duckdb")
    with Store(db) as store:
        store.save_many([doc])
    runner = CliRunner()
    for out, table in (("events.jsonl", "events"), ("incidents.csv", "incidents"), ("forecasts.parquet", "forecasts")):
        res = runner.invoke(app, ["export", str(tmp_path / out), "--table", table, "--db", db])
        assert res.exit_code == 0, res.output
    monkeypatch.chdir(tmp_path)
    names: dict = {}
    exec(_recipe(), names)  # noqa: S102 - the README's own snippet
    assert names["events"]["cameo"].tolist() == ["040"]
    assert names["incidents"]["cameo"].tolist() == ["040"] and names["incidents"]["root"].tolist() == ["04"]
    # what the recipe guards against: pandas without it
    import pandas as pd

    assert pd.read_csv(tmp_path / "incidents.csv")["cameo"].tolist() == [40]
