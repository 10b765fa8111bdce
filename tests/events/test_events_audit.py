"""The German events audit on unseen news (benchmarks/events_audit.py, issue 9): the matching
of predicted to labelled events, and the committed labels (offsets, hashes, predicted codes
and labels only; hashes match the corpus; no line of the gold's annotation lines)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from repo_scripts import load_script

from lagebild import realgold

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "benchmarks" / "gold" / "real-de" / "events_audit.jsonl"


def _script():
    return load_script("benchmarks/events_audit.py")


@pytest.mark.parametrize("events, preds, source, want", [
    ([{"source": "RUS", "root": "19"}], [("RUSGOV", None, "190")], True, {0: 0}),  # bare state = GOV
    ([{"source": "RUS", "root": "19"}], [("UKR", None, "190")], True, {}),  # wrong source
    ([{"source": "RUS", "root": "19"}], [("UKR", None, "190")], False, {0: 0}),  # root alone
    ([{"source": ["ITABUS", "ITANGO"], "root": "05"}], [("ITA", "AUT", "051")], True, {}),  # list of codes
    ([{"source": "AUTOPP", "root": ["11", "17"]}], [("AUTOPP", None, "172")], True, {0: 0}),  # list of roots
    ([{"source": "USA", "root": "04"}], [("USA", None, "042"), ("USA", None, "043")], True, {0: 0}),  # one to one
    ([{"source": "---", "root": "18"}], [(None, "AUTCVL", "180")], True, {0: 0}),  # unidentified: no actor
])
def test_match_root_and_source_one_to_one(events, preds, source, want):
    assert _script().match(events, preds, source=source) == want


def test_audit_records_are_labels_only():
    keys = {"audit", "seed", "line", "start", "end", "sha", "side", "predicted", "events", "false", "population"}
    annotated = {ln for ln, _, _ in realgold.annotation_lines()} if realgold.available() else set()
    rows = [json.loads(x) for x in AUDIT.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 130
    for r in rows:
        assert set(r) <= keys and "text" not in r
        assert r["side"] in ("coded", "uncoded")
        assert r["line"] not in annotated  # unseen text: outside the annotation lines
        assert 0 <= r["start"] < r["end"]
        assert all(set(e) == {"source", "target", "root", "kind"} for e in r["events"])
        assert len(r["false"]) <= len(r["predicted"])
        assert r["side"] == "coded" or not r["predicted"]


@pytest.mark.skipif(not realgold.available(), reason="news-de corpus (../shared/data/news-de) absent")
def test_audit_hashes_match_the_corpus(capsys):
    _script().score(AUDIT)
    out = capsys.readouterr().out
    assert "s24-before: 42 coded sentences, 46 coded events: precision (root and source) 8/46" in out
    assert "report an event 5/42" in out
    assert "s24-recall: a recall-side round" in out and "report an event 5/50" in out
    # session 25: a coded round on political articles, labelled on main's code (8b64b9f)
    assert "s25-root: 72 coded sentences, 90 coded events: precision (root and source) 26/90" in out
    assert "root precision 39/90" in out
    # session 26: a recall-side round on political articles, labelled on main's code (31e143d)
    assert "s26-recall: a recall-side round" in out and "report an event 14/85" in out
