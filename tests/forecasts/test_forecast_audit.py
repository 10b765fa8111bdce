"""The forecast audit on unseen news (benchmarks/forecast_audit.py, issue 11): the interval
arithmetic and the committed labels (offsets, hashes and labels only; hashes match the corpus)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from repo_scripts import load_script

from lagebild import realgold

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "benchmarks" / "gold" / "real-de" / "forecast_audit.jsonl"


def _script():
    return load_script("benchmarks/forecast_audit.py")


def test_wilson_interval():
    w = _script().wilson
    assert w(34, 60) == (0.441, 0.684)  # Wilson 1927, as in the README table
    assert w(0, 10)[0] == 0.0 and w(10, 10)[1] == 1.0
    assert w(0, 0) == (0.0, 1.0)


def test_audit_records_are_labels_only():
    keys = {"audit", "seed", "line", "start", "end", "sha", "side", "label", "kind", "lagebild_kind", "holder_ok", "population",
            "holder_error"}
    annotated = {ln for ln, _, _ in realgold.annotation_lines()} if realgold.available() else set()
    rows = [json.loads(x) for x in AUDIT.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 1120 + 614
    for r in rows:
        assert set(r) <= keys
        assert r["label"] in ("forecast", "not") and r["side"] in ("predicted", "not_predicted", "not_predicted_random", "whole_not_predicted")
        assert r["line"] not in annotated  # unseen text: outside the annotation lines
        assert 0 <= r["start"] < r["end"]


@pytest.mark.skipif(not realgold.available(), reason="news-de corpus (../shared/data/news-de) absent")
def test_audit_hashes_match_the_corpus(capsys):
    _script().score(AUDIT)
    out = capsys.readouterr().out
    assert "s20-before: precision 34/60" in out and "s20-after: precision 25/60" in out
    assert "s21-before: precision 32/60" in out and "s21-after: precision 31/60" in out
    assert "s22-before: precision 28/60" in out and "s22-after: precision 36/60" in out
    assert "s23-before: precision 27/60" in out and "forecasts among random not-predicted sentences 0/80" in out
    assert "s23-after: precision 23/60" in out
    assert "s24-before: precision 26/60" in out and "wrong holders by kind: previous-speaker 4" in out
    assert "s25-before: precision 28/60" in out and "forecasts among not-predicted cue sentences 7/60" in out
    # session 26: the recall round by whole articles counts recall; the last unseen articles' precision round
    assert "s26-whole: precision 2/4" in out and "recall 2/13 = 0.154" in out
    assert "s26-before: precision 5/5" in out and "forecasts among not-predicted cue sentences 4/40" in out
    # session 27: the last unseen articles (non-political), then fresh sentences of judged articles
    assert "s27-whole: precision 0/0" in out and "found 0, missed 0 (of 275 sentences" in out
    assert "s27-wholeb: precision 3/5" in out and "recall 3/18 = 0.167" in out
    assert "s27-prec: precision 21/55" in out and "false alarms by reason: rule-mechanism 5, own-plan-reported 5" in out
    # session 28: fresh sentences again (whole political articles, then predictions)
    assert "s28-whole: precision 1/1" in out and "recall 1/11 = 0.091" in out
    assert "s28-prec: precision 28/50" in out and "right 19, right mention with no/odd code 5, wrong 3" in out
    # every round is a fresh sample: no article is audited twice, except in the rounds drawn with
    # --fresh-sentences (the unseen articles are used up), whose sentences no other round judged
    rows = [json.loads(x) for x in AUDIT.read_text(encoding="utf-8").splitlines() if x.strip()]
    fresh = {r["audit"] for r in rows if (r.get("population") or {}).get("fresh_sentences")}
    assert fresh == {"s27-prec", "s27-wholeb", "s28-whole", "s28-prec"}
    by_round = {}
    for r in rows:
        if r["audit"] not in fresh:
            by_round.setdefault(r["audit"], set()).add(r["line"])
    rounds = list(by_round.values())
    assert all(not (a & b) for i, a in enumerate(rounds) for b in rounds[i + 1:])
    spans = [(r["audit"], r["line"], r["start"], r["end"]) for r in rows]
    for name, ln, s, e in spans:
        if name in fresh:
            assert not any(n2 != name and l2 == ln and min(e, e2) > max(s, s2) for n2, l2, s2, e2 in spans), (name, ln, s)


def test_rescore_match_is_realevals_half_overlap():
    covers = _script()._covers
    assert covers((0, 10), (5, 30))  # half of the shorter (10) overlaps
    assert not covers((0, 10), (6, 30))
    assert not covers((0, 10), (10, 20))  # touching is no overlap


def test_judged_spans_of_an_audit_file(tmp_path):
    """--fresh-sentences leaves out what earlier rounds judged: their sentences by line."""
    spans = _script()._judged_spans
    path = tmp_path / "audit.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (
        {"audit": "a", "line": 3, "start": 0, "end": 40}, {"audit": "b", "line": 3, "start": 41, "end": 90},
        {"audit": "a", "line": 7, "start": 10, "end": 20})) + "\n", encoding="utf-8")
    assert spans(path) == {3: [(0, 40), (41, 90)], 7: [(10, 20)]}
    assert spans(None) == {} and spans(tmp_path / "absent.jsonl") == {}


def test_rescore_needs_the_round(tmp_path):
    path = tmp_path / "audit.jsonl"
    path.write_text(json.dumps({"audit": "x", "line": 1}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="no records of audit 'y'"):
        _script().rescore(path, "y")


HOLDERS = ROOT / "benchmarks" / "gold" / "real-de" / "forecast_holder_audit.jsonl"


def test_holder_audit_records_are_labels_only():
    keys = {"audit", "line", "start", "end", "sha", "from_audit", "holder_class", "holder_code", "holder_ok", "holder_error"}
    rows = [json.loads(x) for x in HOLDERS.read_text(encoding="utf-8").splitlines() if x.strip()]
    judged = {(r["line"], r["start"], r["end"]) for r in map(json.loads, AUDIT.read_text(encoding="utf-8").splitlines())
              if r["side"] == "predicted" and r["label"] == "forecast"}
    assert len(rows) >= 81
    for r in rows:
        assert set(r) <= keys
        assert r["holder_ok"] in (True, False, "mention") and (r["holder_ok"] is False) == ("holder_error" in r)
        assert r["holder_class"] in ("author", "cameo", "kb", "provisional", "unknown")
        assert (r["line"], r["start"], r["end"]) in judged  # a holder round re-judges forecasts judged before


@pytest.mark.skipif(not realgold.available(), reason="news-de corpus (../shared/data/news-de) absent")
def test_holder_audit_scores(capsys):
    _script().score_holders(HOLDERS)
    out = capsys.readouterr().out
    assert "s26-holders: 81 judged forecasts" in out and "holders right 61/81" in out
    assert "wrong holders by kind: previous-speaker 3" in out
