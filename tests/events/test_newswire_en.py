"""Newswire constructions, English (issue 9, session 28): the grid ``newswire_grid_en.tsv``
(own sentences of kinds seen on unseen English news pages): a counterpart after an
office-holder named by role only (``ActorLinker._resolve_role``), a finite verb parsed as a
conjunct of a gerund complement (``Arguments._gerund_governor``), a predicate read as a
modifier with conjuncts after it (``clauses._later_conjuncts``), "traded accusations"
(``patterns_en.tsv``)."""
from __future__ import annotations

from grid_rows import check_root_grid, coded_events, read_grid


def test_newswire_grid_en():
    from lagebild.pipeline import load

    rows = read_grid("newswire_grid_en.tsv")
    assert sum(r["kind"].startswith("keep") for r in rows) >= 3
    check_root_grid("newswire grid en", rows, load("en").pipe(r["text"] for r in rows), coded_events, floor=1.0)
