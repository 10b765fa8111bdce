"""The construction grids (issue 9): every ordinary construction of German and English news
prose crossed with the 20 CAMEO roots, run through the full pipeline. A row passes when one
event has the expected source, target, CAMEO root, modality and negation. The grids are
written by ``scripts/make_event_grid.py``; the pass rate must stay at or above
:data:`MIN_PASS_RATE`, and failing rows are printed with their construction."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
MIN_PASS_RATE = 0.95


def read_grid(lang: str):
    with (HERE / f"grid_{lang}.tsv").open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def run_grid(lang: str):
    """(rows, failures): each failure is (row, the events found)."""
    from lagebild.pipeline import load

    nlp = load(lang)
    rows = read_grid(lang)
    failures = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        none = lambda v: None if v == "-" else v  # noqa: E731  ("-": no actor, an agentless event)
        want = (none(row["source"]), none(row["target"]), row["root"], row["modality"], row["negated"] == "true")
        got = [(e.source, e.target, e.cameo[:2], e.modality, e.negated) for e in doc._.events]
        if want not in got:
            failures.append((row, got))
    return rows, failures


@pytest.mark.parametrize("lang", ["de", "en"])
def test_construction_grid(lang):
    rows, failures = run_grid(lang)
    assert len(rows) >= 300
    rate = 1 - len(failures) / len(rows)
    by_construction = Counter(r["construction"] for r, _ in failures)
    report = "\n".join(f"  [{r['construction']}] {r['text']}  want {r['source']}->{r['target']} {r['root']} "
                       f"{r['modality']} neg={r['negated']}  got {got}" for r, got in failures)
    print(f"{lang}: {len(rows) - len(failures)}/{len(rows)} = {rate:.3f}; failing by construction: {dict(by_construction)}")
    print(report)
    assert rate >= MIN_PASS_RATE, f"{lang} grid pass rate {rate:.3f} < {MIN_PASS_RATE}\n{report}"
