"""Real data, end to end: a commentator's dated articles (2024-2025, German and English)
and later news, ingested through the real pipeline; resolution candidates checked against
hand labels; the analyst's decisions recorded (and one undone) through the CLI; the
scorecards asserted against values computed by hand below."""
import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.resolve.evaluate import load_labels, match_label, recall_at_k
from lagebild.store import Store

HERE = Path(__file__).resolve().parent.parent / "data"
CORPUS = HERE / "resolve_corpus"
LABELS = load_labels(HERE / "resolve_corpus_labels.tsv")
AS_OF = "2026-01-31"
runner = CliRunner()


def invoke(*args):
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("resolve") / "corpus.duckdb"
    result = invoke("ingest", CORPUS, "--db", path, "-q")
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def queue(db):
    result = invoke("resolve", "--db", db, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def titles(db):
    with Store(db, read_only=True) as st:
        return {r["id"]: r["title"] for r in st.query("SELECT id, title FROM documents")}


@pytest.fixture(scope="module")
def forecasts(db):
    result = invoke("forecasts", "--db", db, "--format", "jsonl", "-n", "100")
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_labelled_forecast_was_extracted(forecasts):
    got = {match_label(LABELS, f["text"])["text"] for f in forecasts if match_label(LABELS, f["text"])}
    assert got == {label["text"] for label in LABELS}
    for f in forecasts:
        label = match_label(LABELS, f["text"])
        assert f["probability"] == pytest.approx(label["p"]), f["text"]


def test_queue_shape_and_candidate_recall(queue, titles):
    for item in queue:
        assert {"forecast_id", "holder", "text", "condition", "candidates"} <= set(item)
        scores = [c["score"] for c in item["candidates"]]
        assert scores == sorted(scores, reverse=True)
        for c in item["candidates"]:
            assert {"event_id", "document_id", "score", "reasons"} <= set(c)
            assert 0 <= c["score"] <= 1 and c["reasons"] and c["event_id"].startswith(c["document_id"] + ":e")
    # distractors: a threat, reversed roles, another supplier, a threat of sanctions
    distractors = {"Threats from Moscow", "Paris legt nach", "Drohung aus Brüssel"}
    assert not [c for i in queue for c in i["candidates"] + i["condition_evidence"] if titles[c["document_id"]] in distractors]
    report = recall_at_k(queue, LABELS, titles, k=3)
    assert report["total"] == 11
    assert report["recall"] >= 0.9, report["missed"]
    assert report["condition_not_met_with_proposal"] == []


def test_condition_that_never_held(queue):
    taiwan = next(i for i in queue if i["text"].startswith("Wenn China Taiwan angreift"))
    assert taiwan["status"] == "condition not met"
    assert taiwan["candidates"] == [] and taiwan["proposal"] is None
    sanctions = next(i for i in queue if i["text"].startswith("Wenn Russland die Ukraine angreift"))
    assert sanctions["condition_evidence"] and sanctions["proposal"]["outcome"] == "true"


def test_queue_by_holder(db):
    result = invoke("resolve", "--db", db, "--as-of", AS_OF, "--format", "json", "--holder", "zelensky")
    assert [i["holder"] for i in json.loads(result.stdout)] == ["Volodymyr Zelensky"]
    table = invoke("resolve", "--db", db, "--as-of", AS_OF)
    assert table.exit_code == 0 and "15 forecasts awaiting a decision" in table.stdout


def test_holders_are_named_never_one_author_lump(queue):
    holders = {i["holder"] for i in queue}
    assert "author" not in holders
    assert {"Markus Feldmann", "Anna Berger", "Volodymyr Zelensky"} <= holders


def test_open_forecast_is_not_listed_and_proposals_are_not_stored(db, queue):
    assert not any(i["text"].startswith("Russland wird wahrscheinlich im nächsten Jahr") for i in queue)
    with Store(db, read_only=True) as st:
        assert st.query("SELECT count(*) AS n FROM resolutions")[0]["n"] == 0


def test_decide_undo_score_plot_export(db, queue, titles, tmp_path):
    by_label = {match_label(LABELS, i["text"])["text"]: i for i in queue}
    # one mistaken decision, undone
    first = next(i for i in queue if i["text"].startswith("Turkey"))
    assert invoke("resolve", first["forecast_id"], "--outcome", "true", "--db", db, "--by", "intern").exit_code == 0
    assert invoke("resolve", first["forecast_id"], "--undo", "--db", db, "--by", "editor").exit_code == 0
    decided = 0
    for label in LABELS:
        if not label["outcome"]:
            continue
        item = by_label[label["text"]]
        args = ["resolve", item["forecast_id"], "--outcome", label["outcome"], "--db", db, "--by", "editor",
                "--note", f"hand label: {label['evidence'] or 'no such event'}"]
        ev = [c for c in item["candidates"] if titles[c["document_id"]] == label["evidence"]]
        if ev:
            args += ["--evidence", ev[0]["event_id"]]
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        decided += 1
    assert decided == 15
    one = json.loads(invoke("resolve", first["forecast_id"], "--db", db, "--format", "json", "--as-of", AS_OF).stdout)
    assert [(h["outcome"], h["decided_by"], h["undone_by"]) for h in one["history"]] == [
        ("true", "intern", "editor"), ("false", "editor", None)]
    assert one["decision"]["outcome"] == "false" and one["proposal"]["outcome"] == "false"
    assert invoke("resolve", first["forecast_id"], "--db", db).exit_code == 0  # the table view
    # decided forecasts leave the queue
    left = json.loads(invoke("resolve", "--db", db, "--as-of", AS_OF, "--format", "json").stdout)
    assert left == []

    result = invoke("score", "--db", db, "--format", "json", "--plot", tmp_path / "rel.png")
    assert result.exit_code == 0, result.output
    cards = {c["holder"]: c for c in json.loads(result.stdout)}
    assert set(cards) == {"Markus Feldmann", "Anna Berger", "Volodymyr Zelensky"}

    # Markus Feldmann, by hand: 13 forecasts; 12 decided; true: 0.75 0.93 0.75 0.7 0.4 0.75 0.75;
    # false: 0.8 0.75 0.25; partly: 0.4; void: 0.75; one still open (0.75, 2026)
    fm = cards["Markus Feldmann"]
    p = [0.75, 0.93, 0.75, 0.7, 0.4, 0.75, 0.75, 0.8, 0.75, 0.25]
    y = [1, 1, 1, 1, 1, 1, 1, 0, 0, 0]
    assert (fm["forecasts"], fm["resolved"], fm["hits"], fm["partly"], fm["void"]) == (13, 12, 7, 1, 1)
    assert fm["hit_rate"] == pytest.approx(7 / 10)
    assert fm["brier"] == pytest.approx(
        (0.25**2 + 0.07**2 + 0.25**2 + 0.3**2 + 0.6**2 + 0.25**2 + 0.25**2 + 0.8**2 + 0.75**2 + 0.25**2) / 10)
    assert fm["brier"] == pytest.approx(0.19699)  # = 1.9699 / 10
    assert fm["log_score"] == pytest.approx(-(
        4 * math.log(0.75) + math.log(0.93) + math.log(0.7) + math.log(0.4)
        + math.log(0.2) + math.log(0.25) + math.log(0.75)) / 10)
    base = 7 / 10  # Murphy: groups 0.75 -> [1, 1, 1, 1, 0]; 0.93, 0.7, 0.4 -> [1]; 0.8, 0.25 -> [0]
    rel = (5 * (0.75 - 0.8) ** 2 + 0.07**2 + 0.3**2 + 0.6**2 + 0.8**2 + 0.25**2) / 10
    res = (5 * (0.8 - base) ** 2 + 3 * (1 - base) ** 2 + 2 * (0 - base) ** 2) / 10
    d = fm["decomposition"]
    assert d["reliability"] == pytest.approx(rel) and d["resolution"] == pytest.approx(res)
    assert d["uncertainty"] == pytest.approx(base * (1 - base))
    assert d["reliability"] - d["resolution"] + d["uncertainty"] == pytest.approx(fm["brier"])
    assert fm["calibration"] == [
        {"bin": "0.2-0.3", "n": 1, "mean_p": pytest.approx(0.25), "observed": 0.0},
        {"bin": "0.4-0.5", "n": 1, "mean_p": pytest.approx(0.4), "observed": 1.0},
        {"bin": "0.7-0.8", "n": 6, "mean_p": pytest.approx((0.75 * 5 + 0.7) / 6), "observed": pytest.approx(5 / 6)},
        {"bin": "0.8-0.9", "n": 1, "mean_p": pytest.approx(0.8), "observed": 0.0},
        {"bin": "0.9-1.0", "n": 1, "mean_p": pytest.approx(0.93), "observed": 1.0},
    ]
    assert len(p) == len(y) == fm["scored"]

    ab = cards["Anna Berger"]  # two forecasts, both came true
    assert (ab["forecasts"], ab["resolved"], ab["hits"], ab["hit_rate"]) == (2, 2, 2, 1.0)
    assert ab["brier"] == pytest.approx((0.25**2 + 0.07**2) / 2)
    vz = cards["Volodymyr Zelensky"]  # one quoted forecast, refuted by absence
    assert (vz["forecasts"], vz["hits"], vz["hit_rate"], vz["brier"]) == (1, 0, 0.0, pytest.approx(0.64))

    assert (tmp_path / "rel.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert invoke("score", "--db", db, "--holder", "Berger", "--plot", tmp_path / "rel.svg").exit_code == 0
    assert "<svg" in (tmp_path / "rel.svg").read_text()[:2000]
    assert invoke("score", "--db", db, "--plot", tmp_path / "rel.gif").exit_code == 2

    assert invoke("export", tmp_path / "res.jsonl", "--table", "resolutions", "--db", db).exit_code == 0
    rows = [json.loads(line) for line in (tmp_path / "res.jsonl").read_text().splitlines()]
    assert len(rows) == 16 and sum(1 for r in rows if r["undone_at"]) == 1
    assert all(r["decided_by"] and r["decided_at"] for r in rows)
