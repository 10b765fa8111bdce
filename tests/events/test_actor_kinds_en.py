"""English actor kinds of domestic news (issue 9): title abbreviations ("Sen. X"), a place's
bodies ("Texas lawmakers", "the Chicago Police Department"), ministries and departments
expanded from PETRARCH's Phoenix substitution sets, and a titled person in a text that names
no country ("---LEG"). Own sentences in ``actor_kinds_grid_en.tsv``; a failing row names its
kind."""
from __future__ import annotations

import pytest

from grid_rows import actor_ok, coded_events, read_grid

ROWS = read_grid("actor_kinds_grid_en.tsv")


@pytest.fixture(scope="module")
def nlp_en():  # type: ignore[no-untyped-def]
    from lagebild.pipeline import load

    return load("en")


def test_actor_kinds_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    fails = []
    for row in ROWS:
        events = coded_events(nlp_en(row["text"]))
        if row["root"] == "--":
            ok = not any(s is not None and s.endswith("LEG") for s, _, _ in events)
        else:
            ok = any(actor_ok(row["source"], s) and actor_ok(row["target"], t) and (c or "").startswith(row["root"])
                     for s, t, c in events)
        if not ok:
            fails.append(f"{row['kind']}: {row['text']} -> {events}")
    assert not fails, "\n".join(fails)
