"""GDELT's SQLDATE is never empty: the date the text states, else the report's publication
date, else the day the report was ingested; the incidents table says which
(``data.date_basis``), as GDELT's own table cannot."""
import json
from datetime import date

from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.export_gdelt import GDELT_EVENT_COLUMNS
from lagebild.schemas import Actor, Document, Event
from lagebild.store import Store


def _doc(i: int, target: str, *, stated, published) -> Document:
    text = f"Russland griff {target} an. Weitere Einzelheiten folgten."
    t = text.index(target)
    trig = text.index("griff")
    return Document(
        id=f"d{i}", source=f"r{i}.txt", language="de", title=f"Bericht {i}", authors=[], published=published,
        sections=[], captions=[], text=text, url=f"https://www.o{i}.de/{i}",
        actors=[Actor(id="RUS", name="Russland", type="GPE", country="RUS", code="RUS", mentions=[(0, 8)]),
                Actor(id=target[:3].upper(), name=target, type="GPE", country=target[:3].upper(), code=target[:3].upper(),
                      mentions=[(t, t + len(target))])],
        events=[Event(source="RUS", target=target[:3].upper(), cameo="190", quad_class=4, goldstein=-10.0, date=stated,
                      sentence=text, span=(0, len(text)), trigger="griff", trigger_span=(trig, trig + 5))],
    )


def test_sqldate_and_date_basis(tmp_path):
    db = str(tmp_path / "g.duckdb")
    with Store(db) as store:
        store.save_many([
            _doc(0, "Georgien", stated="2025-04-15", published="2025-04-16"),  # the text dates it
            _doc(1, "Moldau", stated=None, published="2025-04-16"),  # the report's date
            _doc(2, "Estland", stated=None, published=None),  # neither: the day it was ingested
        ])
    runner = CliRunner()
    out, inc = tmp_path / "g.tsv", tmp_path / "i.jsonl"
    assert runner.invoke(app, ["export", str(out), "--format", "gdelt", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["export", str(inc), "--table", "incidents", "--db", db]).exit_code == 0
    rows = {r["Actor2Code"]: r for r in (dict(zip(GDELT_EVENT_COLUMNS, line.split("\t")))
                                          for line in out.read_text(encoding="utf-8").splitlines())}
    with Store(db, read_only=True) as store:
        (row,) = store.query("SELECT CAST(ingested_at AS DATE) AS day FROM documents WHERE id = 'd2'")
    today = date.fromisoformat(str(row["day"])[:10]).strftime("%Y%m%d")
    assert rows["GEO"]["SQLDATE"] == "20250415"
    assert rows["MOL"]["SQLDATE"] == "20250416"
    assert rows["EST"]["SQLDATE"] == today and rows["EST"]["DATEADDED"] == today + "000000"
    for r in rows.values():  # GDELT's consumers read these as integers
        int(r["SQLDATE"]), int(r["MonthYear"]), int(r["Year"]), float(r["FractionDate"])
    basis = {i["target"]: i["data"]["date_basis"] for i in map(json.loads, inc.read_text(encoding="utf-8").splitlines())}
    assert basis == {"GEO": "stated", "MOL": "published", "EST": "ingested"}
