"""training/role_grid.py: the paired bootstrap that says whether two NERs' dev-part F1 differ
by more than the dev part's sampling noise (issue 10; synthetic counts, no model)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

import role_grid  # noqa: E402

DOCS = [(8, 2, 3), (5, 1, 1), (10, 4, 2), (3, 0, 2), (7, 3, 3), (6, 2, 1), (9, 1, 4), (4, 2, 2)]


def test_same_counts_give_a_zero_interval():
    assert role_grid.paired_bootstrap(DOCS, list(DOCS)) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("name, cand, sign", [
    ("every doc one more hit", [(tp + 1, fp, fn - 1 if fn else 0) for tp, fp, fn in DOCS], 1),
    ("every doc one more false alarm", [(tp, fp + 1, fn) for tp, fp, fn in DOCS], -1),
])
def test_a_change_in_every_doc_gives_an_interval_off_zero(name, cand, sign):
    diff, lo, hi = role_grid.paired_bootstrap(DOCS, cand)
    assert sign * diff > 0 and lo <= diff <= hi, name
    assert sign * lo > 0 and sign * hi > 0, name


def test_a_change_in_one_doc_gives_an_interval_around_zero():
    cand = list(DOCS)
    cand[0] = (9, 2, 2)  # one doc gets one more hit
    diff, lo, hi = role_grid.paired_bootstrap(DOCS, cand)
    assert diff > 0 and lo <= 0 <= hi


def test_f1_matches_the_pooled_formula():
    tp, fp, fn = (sum(r[i] for r in DOCS) for i in range(3))
    assert role_grid._f1(DOCS) == pytest.approx(2 * tp / (2 * tp + fp + fn))


@pytest.mark.parametrize("base, cand", [(DOCS, DOCS[:-1]), ([], [])])
def test_lists_of_other_docs_are_refused(base, cand):
    with pytest.raises(ValueError, match="same Docs"):
        role_grid.paired_bootstrap(base, cand)
