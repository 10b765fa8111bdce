"""The speaker-code audit on unseen news (benchmarks/actor_audit.py, issues 9 and 11): the
matching of a judged record to a predicted statement and the committed labels (offsets,
hashes and codes only; hashes match the corpus; articles outside the annotation lines)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from repo_scripts import load_script

from lagebild import realgold

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "benchmarks" / "gold" / "real-de" / "actor_audit.jsonl"


def _script():
    sys.path.insert(0, str(ROOT / "benchmarks"))  # it shares forecast_audit.wilson
    return load_script("benchmarks/actor_audit.py")


@pytest.mark.parametrize("span,preds,want", [
    ((0, 100), [(0, 100, "AUTGOV")], "AUTGOV"),
    ((0, 100), [(40, 200, "AUTGOV"), (0, 90, "DEUGOV")], "DEUGOV"),  # the larger overlap wins
    ((0, 100), [(80, 300, "AUTGOV")], ...),  # 20 of the shorter 100 characters: no match
    ((0, 100), [], ...),
    ((0, 100), [(0, 100, None)], None),  # a statement without a speaker matches, uncoded
])
def test_match(span, preds, want):
    got = _script()._match(span, preds)
    assert (got is ...) if want is ... else (got is not ... and got == want)


def test_audit_records_are_labels_only():
    keys = {"audit", "line", "start", "end", "sha", "code"}
    annotated = {ln for ln, _, _ in realgold.annotation_lines()} if realgold.available() else set()
    rows = [json.loads(x) for x in AUDIT.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 60
    for r in rows:
        assert set(r) == keys
        assert r["line"] not in annotated  # unseen text: outside the annotation lines
        assert 0 <= r["start"] < r["end"]
        codes = r["code"] if isinstance(r["code"], list) else [r["code"]]
        assert all(c is None or (isinstance(c, str) and len(c) >= 3) for c in codes)
    assert sum(r["code"] is not None for r in rows) >= 40


@pytest.mark.skipif(not realgold.available(), reason="news-de corpus (../shared/data/news-de) absent")
def test_audit_hashes_match_the_corpus():
    rows = _script().verified(AUDIT)
    by_round, spans = {}, {}
    for r in rows:
        by_round.setdefault(r["audit"], set()).add(r["line"])
        spans.setdefault(r["audit"], set()).add((r["line"], r["start"], r["end"]))
    names = list(by_round)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            # fresh articles each round -- or a second judge of part of another round's
            # sample (session 25: s25kb re-judges 60 of s25's 70 statements, seed 2525):
            # every statement of the one is a statement of the other; rounds are scored apart
            assert not (by_round[a] & by_round[b]) or spans[a] <= spans[b] or spans[b] <= spans[a], (a, b)
