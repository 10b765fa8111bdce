"""Gold sets, the scorer, the eval CLI and the seed checks."""
from __future__ import annotations

import pytest

from lagebild.forecasts.evaluate import GOLD_DIR, check_seed, holder_ok, load_gold, score_forecasts
from lagebild.schemas import Forecast


@pytest.mark.parametrize("lang", ["de", "en"])
def test_eval_gold_sets_are_large_enough(lang):
    items = load_gold(GOLD_DIR / f"forecasts_{lang}.jsonl")
    assert len(items) >= 60
    positives = [i for i in items if i["forecasts"]]
    negatives = [i for i in items if not i["forecasts"]]
    assert len(positives) >= 25 and len(negatives) >= 25
    holders = {f["holder"] for i in positives for f in i["forecasts"]}
    assert "author" in holders and len(holders) > 5
    for item in positives:
        for f in item["forecasts"]:
            assert f["match"] in item["text"], item["id"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_eval_statement_gold_sets_parse(lang):
    items = load_gold(GOLD_DIR / f"statements_{lang}.jsonl")
    assert len(items) >= 20
    for item in items:
        for s in item["statements"]:
            assert s["match"] in item["text"], item["id"]


@pytest.mark.parametrize(
    "gold,holder,text,ok",
    [("author", "author", None, True), ("author", "TRUMP", "Trump", False), ("Trump", "TRUMP", "er", True),
     ("Petra Lang", "unknown", "Die Ökonomin Petra Lang", True), ("Jones", "author", None, False)],
)
def test_eval_holder_ok(gold, holder, text, ok):
    assert holder_ok(gold, holder, text) is ok


def test_eval_scorer_counts():
    items = [
        {"id": "a", "text": "X wird kommen. Y", "forecasts": [{"match": "X wird", "holder": "author", "probability": 0.8}]},
        {"id": "b", "text": "Nein.", "forecasts": []},
        {"id": "c", "text": "Z wird gehen.", "forecasts": [{"match": "Z wird", "holder": "Z"}]},
    ]
    preds = {
        "a": [Forecast(holder="author", text="X wird kommen", span=(0, 13), probability=0.7)],
        "b": [Forecast(holder="author", text="Nein", span=(0, 4))],
        "c": [],
    }
    sc = score_forecasts(items, lambda item: preds[item["id"]]).as_dict()
    assert (sc["precision"], sc["recall"]) == (0.5, 0.5)
    assert (sc["holder_precision"], sc["holder_recall"]) == (0.5, 0.5)
    assert sc["probability_mae"] == pytest.approx(0.1)


def test_eval_cli_prints_tables(tmp_path):
    from typer.testing import CliRunner

    from lagebild.cli import app

    res = CliRunner().invoke(app, ["eval", "forecasts", "--lang", "en", "--seed", str(tmp_path / "none.txt"), "--json"])
    assert res.exit_code == 0, res.output
    assert '"forecasts"' in res.output and '"seed": null' in res.output


@pytest.mark.shared
def test_eval_seed_checks_pass(seed_path):
    rows = check_seed(seed_path)
    failed = [r for r in rows if not r["ok"]]
    assert not failed, failed


def test_eval_forecast_sample_reads_csv_and_jsonl(tmp_path):
    from lagebild.forecasts.evaluate import sample_forecasts

    csv = tmp_path / "news.csv"
    csv.write_text("Inland;'Die Regierung wird bald zurücktreten.'\nSport;'Das Spiel endete 2:1.'\n", encoding="utf-8")
    rows = sample_forecasts(csv, "de", seed=1, n=5)
    assert [r["text"] for r in rows] == ["Die Regierung wird bald zurücktreten"]
    jl = tmp_path / "news.jsonl"
    jl.write_text('{"text": "The war will end soon."}\n', encoding="utf-8")
    assert [r["holder"] for r in sample_forecasts(jl, "en", n=1)] == ["author"]
