"""``lagebild forecasts --holder NAME`` finds a holder by the name the ledger and
``lagebild score`` show: the linked actor's name ("Lund" for per:greta_lund, written "die
Ministerin" in the text) and the author's name for the author's own forecasts. Before, only
the id and the words of the text matched, so both found nothing."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.schemas import Actor, Document, Forecast
from lagebild.store import Store


def _docs():
    text = "Die Ministerin sagte, der Deich werde bis Mai erhöht. Der Sommer wird heiß."
    return [Document(
        id="h1", source="h1.txt", language="de", title="Deich", authors=["Anna Berger"], published="2025-02-03",
        sections=[], captions=[], text=text,
        actors=[Actor(id="per:greta_lund", name="Greta Lund", type="PER", country="DNK", mentions=[(4, 14)])],
        forecasts=[
            Forecast(holder="per:greta_lund", holder_text="Die Ministerin", text=text[:52], span=(0, 52), probability=0.8),
            Forecast(holder="author", text=text[53:], span=(53, len(text)), probability=0.7),
        ],
    )]


# (how the user names the holder, the forecasts found)
ROWS = [
    ("Lund", ["h1:f0"]),
    ("greta", ["h1:f0"]),
    ("Ministerin", ["h1:f0"]),
    ("per:greta_lund", ["h1:f0"]),
    ("Anna Berger", ["h1:f1"]),
    ("berger", ["h1:f1"]),
    ("author", ["h1:f1"]),
    ("Olsen", []),
]


@pytest.mark.parametrize("holder,found", ROWS, ids=[r[0] for r in ROWS])
def test_forecasts_holder_by_name(store_target, holder, found):
    with Store(store_target) as store:
        store.save_many(_docs())
    res = CliRunner().invoke(app, ["forecasts", "--holder", holder, "--format", "jsonl", "--db", store_target])
    assert res.exit_code == 0, res.output
    assert sorted(json.loads(line)["id"] for line in res.output.splitlines() if line.strip()) == found


def test_score_names_a_holder_that_matches_nothing(store_target):
    with Store(store_target) as store:
        store.save_many(_docs())
    res = CliRunner().invoke(app, ["score", "--holder", "Olsen", "--db", store_target])
    assert res.exit_code == 0, res.output
    assert "no forecast holder matches 'Olsen'" in " ".join(res.output.split())
    res = CliRunner().invoke(app, ["score", "--holder", "Lund", "--db", store_target])
    assert "no forecast holder matches" not in res.output
