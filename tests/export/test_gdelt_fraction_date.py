"""GDELT's ``FractionDate`` stays inside its year. The codebook gives the fraction's range
as 0 to 0.9999; year + day of year / 365 put 31 December at ``.0000`` of the next year
(day 365) or past it (``.0027``, day 366 of a leap year), so a consumer that takes the
integer part, or sorts by it, put the last day of a year into the next one."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.export_gdelt import GDELT_EVENT_COLUMNS, fraction_date
from lagebild.schemas import Actor, Document, Event
from lagebild.store import Store

# (day, FractionDate): days 1-364 as GDELT computes them, the year's last day(s) held at .9999
ROWS = [
    ("2025-01-01", "2025.0027"),
    ("2025-04-01", "2025.2493"),
    ("2025-12-30", "2025.9973"),
    ("2025-12-31", "2025.9999"),
    ("2024-12-30", "2024.9999"),
    ("2024-12-31", "2024.9999"),
    ("2008-12-31", "2008.9999"),
    ("2000-12-31", "2000.9999"),
    ("1900-12-31", "1900.9999"),
]


@pytest.mark.parametrize("day,expected", ROWS, ids=[r[0] for r in ROWS])
def test_fraction_date(day, expected):
    assert fraction_date(date.fromisoformat(day)) == expected


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2100])
def test_integer_part_is_the_year_and_order_kept(year):
    days = [date(year, 1, 1) + timedelta(n) for n in range(367)]
    values = [float(fraction_date(d)) for d in days]
    assert all(int(v) == d.year for v, d in zip(values, days))
    assert values == sorted(values)


def test_export_row(tmp_path):
    text = "Schweden griff Finnland an. Weitere Einzelheiten folgten."
    t, trig = text.index("Finnland"), text.index("griff")
    doc = Document(
        id="d0", source="s.txt", language="de", title="Bericht", authors=[], published="2024-12-31",
        sections=[], captions=[], text=text, url="https://www.o.de/0",
        actors=[Actor(id="SWE", name="Schweden", type="GPE", country="SWE", code="SWE", mentions=[(0, 8)]),
                Actor(id="FIN", name="Finnland", type="GPE", country="FIN", code="FIN", mentions=[(t, t + 8)])],
        events=[Event(source="SWE", target="FIN", cameo="190", quad_class=4, goldstein=-10.0, date="2024-12-31",
                      sentence=text, span=(0, len(text)), trigger="griff", trigger_span=(trig, trig + 5))],
    )
    db = str(tmp_path / "g.duckdb")
    with Store(db) as store:
        store.save_many([doc])
    out = tmp_path / "g.tsv"
    assert CliRunner().invoke(app, ["export", str(out), "--format", "gdelt", "--db", db]).exit_code == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    row = dict(zip(GDELT_EVENT_COLUMNS, line.split("\t")))
    assert (row["SQLDATE"], row["Year"], row["FractionDate"]) == ("20241231", "2024", "2024.9999")
