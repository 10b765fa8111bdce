"""Scorers of the honest real-news gold (events, statements, forecasts) on hand-made cases,
and the committed gold files checked against the corpus (skipped without ../shared)."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from lagebild import realgold
from lagebild.events import realeval as ev
from lagebild.events.realeval import PredEvent, actor_matches, score_article, summarise
from lagebild.statements.realeval import match, overlap

needs_de = pytest.mark.skipif(not realgold.available(), reason="../shared/data/news-de not present")
needs_en = pytest.mark.skipif(not realgold.en_available(), reason="../shared/data/html-aeb not present")


@pytest.mark.parametrize("gold,pred,ok", [
    ("RUSGOV", "RUSGOV", True),
    ("RUS", "RUSGOV", True),          # a bare state is its government
    ("RUSGOV", "RUS", True),
    ("RUSMIL", "RUSGOV", False),
    ("RUSMIL", "RUSMILREB", True),     # compared at country + first agent
    ("UKRMIL", "RUSMIL", False),
    ("---REB", "SYRREB", True),        # unknown country: any country with the agent
    ("---REB", "SYRMIL", False),
    ("---", None, True),               # an unidentified actor: nothing or an unknown one
    ("---", "---", True),
    ("---", "DEUCOP", False),
    (None, None, True),
    (None, "USA", False),
    ("USA", None, False),
    (["ISRGOV", "PSEGOV"], "PSEGOV", True),
    (["DEUGOV", None], None, True),
    ("author", "author", True),
    ("author", "DEUGOV", False),
    ("IGOUNO", "IGOUNOREFHCR", True),
])
def test_actor_matches(gold, pred, ok):
    assert actor_matches(gold, pred) is ok


def _g(start, end, source, target, root, code=None, tags=()):
    return {"start": start, "end": end, "source": source, "target": target, "root": root,
            "code": code or root + "0", "modality": "asserted", "negated": False, "constructions": list(tags)}


def test_score_article_counts():
    golds = [
        _g(0, 50, "RUSMIL", "UKR", "19", "190", ["perfect"]),
        _g(0, 50, "UKRGOV", "RUS", "11", "112", ["speech-act"]),
        _g(60, 100, "DEUGOV", None, ["02", "10"], ["020", "100"]),
    ]
    preds = [
        PredEvent(10, 30, "RUSMIL", "UKRGOV", "190"),   # triple right
        PredEvent(10, 30, "UKRGOV", None, "111"),       # root right, code wrong, target wrong
        PredEvent(62, 90, "USA", None, "100"),          # root right (alternative), source wrong
        PredEvent(120, 140, "FRA", "DEU", "040"),       # outside gold sentences: false positive
    ]
    c = score_article(golds, preds)["counts"]
    assert c["gold"] == 3 and c["predicted"] == 4
    assert c["recall_hits"] == 2                 # 190 and 111 (source+root), not the USA one
    assert c["pred_in_gold_sents"] == 3 and c["root_correct"] == 3 and c["code_correct"] == 2
    assert c["triple_hits"] == 1
    assert c["root_matched"] == 3 and c["root_matched_source_ok"] == 2
    s = summarise(c, {})
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["triple_precision"] == pytest.approx(1 / 4)
    assert s["triple_f1"] == pytest.approx(2 * (1 / 4) * (1 / 3) / (1 / 4 + 1 / 3))


def test_score_article_one_to_one_and_constructions():
    golds = [_g(0, 40, "USA", "IRN", "13", tags=["modal"]), _g(0, 40, "USA", "IRQ", "13", tags=["modal", "coordination"])]
    preds = [PredEvent(0, 40, "USA", "IRN", "130")]   # one prediction cannot match two gold events
    res = score_article(golds, preds)
    assert res["counts"]["recall_hits"] == 1 and res["counts"]["triple_hits"] == 1
    assert res["per_construction"]["modal"] == [2, 1, 1]
    assert res["per_construction"]["coordination"] == [1, 0, 0]


def test_empty_article_counts_for_precision():
    res = score_article([], [PredEvent(0, 10, "USA", None, "190")])
    s = summarise(res["counts"], {})
    assert s["triple_precision"] == 0.0 and s["recall"] is None


def test_span_matching():
    assert overlap((0, 10), (5, 30)) == 0.5
    assert overlap((0, 10), (10, 20)) == 0.0
    assert match([(0, 10), (20, 40)], [(22, 39), (1, 9), (100, 120)]) == {0: 1, 1: 0}
    assert match([(0, 10)], [(8, 30)]) == {}


def test_offset_mapper_respaced_text():
    raw = "Die  Polizei\n\nnahm acht Männer fest."
    text = "Die Polizei\nnahm acht Männer fest."
    to_raw = realgold.offset_mapper(raw, text)
    for word in ("Polizei", "acht", "fest"):
        assert raw[to_raw(text.index(word)):to_raw(text.index(word)) + len(word)] == word
    assert realgold.offset_mapper("abc", "abc")(2) == 2


@given(st.text(max_size=60), st.text(max_size=60))
def test_offset_mapper_stays_in_range(raw, text):
    to_raw = realgold.offset_mapper(raw, text)
    for off in range(len(text) + 1):
        assert 0 <= to_raw(off) <= len(raw)


def test_evaluate_with_injected_predictions(monkeypatch, tmp_path):
    """The split loop: articles listed as annotated count, with injected predictions."""
    monkeypatch.setattr(ev, "annotated_articles", lambda gold, split, layer="events": [1, 2])
    monkeypatch.setattr(ev, "load", lambda gold, name, split, verify=True: [
        dict(_g(0, 20, "USA", "CHN", "17"), line=1, split="dev")])
    preds = {1: [PredEvent(0, 20, "USA", "CHN", "172")], 2: [PredEvent(0, 20, "USA", None, "190")]}
    r = ev.evaluate("real-de", "dev", predict=lambda gold, key: preds[key])
    assert r["articles"] == 2 and r["gold"] == 1 and r["predicted"] == 2
    assert r["recall"] == 1.0 and r["triple_precision"] == 0.5


@needs_de
@pytest.mark.parametrize("name", ["events", "statements", "forecasts", "hard_negatives"])
def test_committed_de_gold_matches_corpus(name):
    path = ev.gold_dir("real-de") / f"{name}.jsonl"
    recs = realgold.load_gold(path)        # raises on a bad hash, split or line
    listed = {s: set().union(*(ev.annotated_articles("real-de", s, layer) for layer in ("events", "statements", "forecasts")))
              for s in realgold.SPLITS}
    for rec in recs:
        assert rec["line"] in listed[rec["split"]], f"{path.name}:{rec['_line']} article not listed as annotated"
        for key in ("source_span", "target_span", "speaker_span", "holder_span", "content_span", "condition_span"):
            span = rec.get(key)
            if span:
                assert rec["start"] <= span[0] < span[1] <= rec["end"], f"{path.name}:{rec['_line']} {key} outside sentence"


@needs_en
def test_en_pages_and_gold():
    pages = realgold.en_pages()
    assert len(pages) == 80 and [s for _, s in pages[:2]] == ["dev", "test"]
    assert list(pages) == sorted(pages)
    path = ev.gold_dir("real-en") / "events.jsonl"
    if path.is_file():
        realgold.load_gold_en(path)


def test_gold_files_hold_no_text():
    """Offsets, labels and hashes only: no string value longer than a label, in every real
    gold set (``ev.GOLDS``: real-de, real-en, gigaword)."""
    for path in [p for gold in ev.GOLDS for p in sorted(ev.gold_dir(gold).glob("*.jsonl"))]:
        for raw in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(raw)
            stack = [rec]
            while stack:
                v = stack.pop()
                if isinstance(v, dict):
                    stack.extend(v.values())
                elif isinstance(v, list):
                    stack.extend(v)
                elif isinstance(v, str):
                    assert len(v) <= 64 and " " not in v, f"{path.name}: text-like value {v!r}"


def test_cli_rejects_unknown_gold_and_split():
    from typer.testing import CliRunner

    from lagebild.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["eval", "events", "--gold", "real-xx"]).exit_code == 2
    assert runner.invoke(app, ["eval", "events", "--gold", "real-de", "--split", "train"]).exit_code == 2
    assert runner.invoke(app, ["eval", "statements", "--gold", "real-en"]).exit_code == 2


@needs_de
@pytest.mark.slow
def test_cli_real_de_dev_end_to_end():
    from typer.testing import CliRunner

    from lagebild.cli import app

    res = CliRunner().invoke(app, ["eval", "events", "--gold", "real-de", "--split", "dev", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["articles"] >= 1 and out["gold"] > 0 and 0.0 <= out["recall"] <= 1.0


def test_cli_real_events_and_statements_tables(monkeypatch):
    """The --gold views print the measures (scorer replaced by a canned result)."""
    from typer.testing import CliRunner

    from lagebild.cli import app
    from lagebild.forecasts import realeval as fc_real
    from lagebild.statements import realeval as st_real

    canned = summarise({"gold": 4, "predicted": 2, "recall_hits": 1, "triple_hits": 1, "pred_in_gold_sents": 2,
                        "root_correct": 2, "code_correct": 1, "root_matched": 2, "root_matched_source_ok": 1},
                       {"passive": [2, 1, 1]})
    canned["articles"] = 3
    monkeypatch.setattr(ev, "available", lambda gold: True)
    monkeypatch.setattr(ev, "evaluate", lambda gold, split, **kw: canned)
    runner = CliRunner()
    res = runner.invoke(app, ["eval", "events", "--gold", "real-de", "--split", "test"])
    assert res.exit_code == 0, res.output
    assert "real-de test" in res.output and "0.250" in res.output and "passive" in res.output
    res = runner.invoke(app, ["eval", "events", "--gold", "real-en", "--json"])
    assert json.loads(res.output)["recall"] == 0.25

    row = {"articles": 1, "gold": 2, "predicted": 2, "precision": 0.5, "recall": 0.5, "f1": 0.5,
           "speaker_acc": 1.0, "kind_acc": 1.0, "holder_acc": 0.0, "condition_acc": 1.0,
           "hard_negatives": 1, "hard_negative_alarms": 0}
    monkeypatch.setattr(st_real, "evaluate", lambda gold, split, **kw: row)
    monkeypatch.setattr(fc_real, "evaluate", lambda gold, split, **kw: row)
    res = runner.invoke(app, ["eval", "statements", "--gold", "real-de", "--split", "dev"])
    assert res.exit_code == 0 and "speaker acc" in res.output
    res = runner.invoke(app, ["eval", "forecasts", "--gold", "real-de", "--split", "dev", "--json"])
    assert json.loads(res.output)["holder_acc"] == 0.0


def test_regression_suite_is_labelled(monkeypatch):
    """Without --gold the old gold sets are scored and named what they are."""
    from typer.testing import CliRunner

    from lagebild.cli import app
    from lagebild.statements import evaluate as st_eval

    class Score:
        errors: list = []

        def as_dict(self):
            return {"gold": 1, "predicted": 1, "precision": 1.0, "recall": 1.0}

    monkeypatch.setattr(st_eval, "evaluate_gold", lambda lang, gold_dir, split: Score() if split is None else None)
    res = CliRunner().invoke(app, ["eval", "statements", "--lang", "de"])
    assert res.exit_code == 0 and "regression suite" in res.output and "tuned on" in res.output


def test_cli_forecasts_lines_filter(monkeypatch):
    """``--lines`` hands the article lines to the scorer; a bad list is a usage error."""
    from typer.testing import CliRunner

    from lagebild.cli import app
    from lagebild.forecasts import realeval as fc_real

    seen = {}
    row = {"articles": 2, "gold": 2, "predicted": 2, "precision": 0.5, "recall": 0.5, "f1": 0.5,
           "holder_acc": 1.0, "condition_acc": 1.0, "hard_negatives": 1, "hard_negative_alarms": 0}

    def fake(gold, split, **kw):
        seen.update(kw)
        return row

    monkeypatch.setattr(ev, "available", lambda gold: True)
    monkeypatch.setattr(fc_real, "evaluate", fake)
    runner = CliRunner()
    res = runner.invoke(app, ["eval", "forecasts", "--gold", "real-de", "--split", "dev", "--lines", "635, 648", "--json"])
    assert res.exit_code == 0, res.output
    assert seen["lines"] == [635, 648]
    assert runner.invoke(app, ["eval", "forecasts", "--gold", "real-de", "--lines", "6x"]).exit_code == 2
    assert runner.invoke(app, ["eval", "forecasts", "--gold", "real-de", "--lines", ","]).exit_code == 2


@needs_de
def test_forecast_scorer_keeps_only_the_lines_asked_for():
    """The line filter scores the named articles alone (an annotation batch out of sample)."""
    from lagebild.forecasts import realeval as fc_real

    asked = []
    r = fc_real.evaluate("real-de", "dev", predict=lambda g, key: asked.append(key) or [], lines=[669, 804])
    assert sorted(asked) == [669, 804]
    gold = [g for g in ev.load("real-de", "forecasts", "dev") if g["line"] in (669, 804)]
    assert r["articles"] == 2 and r["gold"] == len(gold) > 0 and r["recall"] == 0.0
    # a line that is not a forecast-annotated article is an error, never a silent shrink
    with pytest.raises(ValueError, match="999999"):
        fc_real.evaluate("real-de", "dev", predict=lambda g, key: [], lines=[669, 999999])


def test_parse_keys_and_select_articles(monkeypatch):
    """--lines: keys split on commas/spaces; unknown keys are an error, never a silent shrink."""
    assert ev.parse_keys("400, 406  425") == ["400", "406", "425"]
    assert ev.parse_keys(None) is None and ev.parse_keys("  ") is None
    monkeypatch.setattr(ev, "annotated_articles", lambda gold, split, layer="events": [80, 400, 406])
    assert ev.select_articles("real-de", "dev", None) == [80, 400, 406]
    assert ev.select_articles("real-de", "dev", ["406", 80]) == [80, 406]
    with pytest.raises(ValueError, match="999"):
        ev.select_articles("real-de", "dev", ["400", "999"])


def test_evaluate_restricted_to_some_articles(monkeypatch):
    monkeypatch.setattr(ev, "annotated_articles", lambda gold, split, layer="events": [1, 2])
    monkeypatch.setattr(ev, "load", lambda gold, name, split, verify=True: [
        dict(_g(0, 20, "USA", "CHN", "17"), line=1, split="dev")])
    preds = {1: [PredEvent(0, 20, "USA", "CHN", "172")], 2: [PredEvent(0, 20, "USA", None, "190")]}
    r = ev.evaluate("real-de", "dev", predict=lambda gold, key: preds[key], only=[2])
    assert r["articles"] == 1 and r["gold"] == 0 and r["predicted"] == 1


def test_cli_lines_needs_gold_and_known_articles():
    from typer.testing import CliRunner

    from lagebild.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["eval", "events", "--lines", "400"]).exit_code == 2
    res = runner.invoke(app, ["eval", "events", "--gold", "real-de", "--split", "dev", "--lines", "1,2"])
    assert res.exit_code in (0, 2)  # 2: not annotated articles; 0: skipped (no corpus)
    if ev.available("real-de"):
        assert res.exit_code == 2

def test_statements_line_filter(monkeypatch):
    """--lines / lines=: only those annotated articles are scored (statements too)."""
    from typer.testing import CliRunner

    from lagebild.cli import app
    from lagebild.statements import realeval as st_real

    monkeypatch.setattr(ev, "annotated_articles", lambda gold, split, layer="events": [1, 2, 3])
    gold = [dict(line=k, split="dev", start=0, end=20, speaker="USAGOV", kind="direct", content_span=[0, 20])
            for k in (1, 2, 3)]
    monkeypatch.setattr(ev, "load", lambda gold_, name, split, verify=True: gold if name == "statements" else [])
    monkeypatch.setattr(ev, "raw_text", lambda gold_, key: "x" * 40)
    pred = {1: [st_real.Pred(0, 20, "USAGOV", "direct")], 2: [], 3: [st_real.Pred(0, 20, "RUSGOV", "direct")]}
    r = st_real.evaluate("real-de", "dev", predict=lambda g, key: pred[key], lines=[1, 3])
    assert r["articles"] == 2 and r["gold"] == 2 and r["predicted"] == 2 and r["speaker_acc"] == 0.5
    r = st_real.evaluate("real-de", "dev", predict=lambda g, key: pred[key])
    assert r["articles"] == 3 and r["recall"] == 2 / 3
    monkeypatch.setattr(ev, "available", lambda gold_: True)
    runner = CliRunner()
    assert runner.invoke(app, ["eval", "statements", "--gold", "real-de", "--lines", "1,x"]).exit_code == 2
    seen = {}
    monkeypatch.setattr(st_real, "evaluate", lambda gold_, split, **kw: seen.update(kw) or {
        "articles": 1, "gold": 0, "predicted": 0, "precision": None, "recall": None, "f1": None,
        "speaker_acc": None, "kind_acc": None, "hard_negatives": 0, "hard_negative_alarms": 0})
    assert runner.invoke(app, ["eval", "statements", "--gold", "real-de", "--lines", "1, 3", "--json"]).exit_code == 0
    assert seen["lines"] == [1, 3]


def test_placement_by_trigger_word():
    """A lagebild sentence that runs over two gold sentences (past a colon): its event belongs
    to the gold sentence of its trigger word, not to the one holding the span's midpoint."""
    from lagebild.events.realeval import place

    golds = [
        {"start": 0, "end": 20, "source": "USA", "target": "IRN", "root": "13"},
        {"start": 21, "end": 100, "source": "IRN", "target": "USA", "root": "12"},
    ]
    sents = [(0, 20), (21, 100)]
    early = PredEvent(0, 100, "USA", "IRN", "130", trigger=(5, 12))   # midpoint 50: second sentence
    late = PredEvent(0, 100, "IRN", "USA", "120", trigger=(60, 66))
    no_trigger = PredEvent(0, 30, "IRN", "USA", "120")                 # falls back to the span
    assert place(sents, early) == (0, 20)
    assert place(sents, early, "sentence") == (21, 100)
    assert place(sents, late) == (21, 100)
    assert place(sents, no_trigger) == (0, 20)
    assert place(sents, PredEvent(0, 10, None, None, "190", trigger=(150, 155))) is None
    with pytest.raises(ValueError):
        place(sents, early, "midpoint")
    by_trigger = score_article(golds, [early, late])["counts"]
    by_sentence = score_article(golds, [early, late], "sentence")["counts"]
    assert by_trigger["recall_hits"] == 2 and by_trigger["root_correct"] == 2
    assert by_sentence["recall_hits"] == 1 and by_sentence["root_correct"] == 1


def test_repeats_are_predicted_at_their_mentions(monkeypatch):
    """``predicted_events`` predicts a merged event also at each re-mention (``mentions``),
    in raw offsets; ``mentions=False`` keeps the rule before session 19."""
    from types import SimpleNamespace

    from lagebild.schemas import Actor, Event

    ev_ = Event(source="a1", target=None, cameo="111", span=(0, 20), trigger_span=(6, 16), mentions=[(40, 50)])
    doc = SimpleNamespace(events=[ev_], actors=[Actor(id="a1", name="X", type="ORG", code="AUTPTY")])
    monkeypatch.setattr(ev, "analyse", lambda gold, key, model=None: (doc, lambda off: off + 1))
    preds = ev.predicted_events("real-de", 1)
    assert [(p.trigger, p.source, p.code) for p in preds] == [((7, 17), "AUTPTY", "111"), ((41, 51), "AUTPTY", "111")]
    assert len(ev.predicted_events("real-de", 1, mentions=False)) == 1
