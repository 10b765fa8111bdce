"""The content of a belief is no event (issue 9, session 26): ``belief_verbs`` and
``belief_nouns`` of ``data/events/syntax.yaml``, :meth:`EventCoder._believed`. On real-en dev
the gold codes no event in "X thought voters would punish …", "the idea that a foreign army
is training …", "no knowledge of any plan to press …"; lagebild coded 7 such events, all
outside gold sentences."""
from __future__ import annotations

from grid_rows import check_root_grid, coded_events, read_grid


def test_belief_grid_en():
    from lagebild.pipeline import load

    rows = read_grid("belief_grid_en.tsv")
    assert sum(r["kind"].startswith("keep") for r in rows) >= 3 and len(rows) >= 10
    check_root_grid("belief grid en", rows, load("en").pipe(r["text"] for r in rows), coded_events, floor=1.0)


def test_belief_words_are_data_and_english_only():
    from lagebild.events.lexicon import load_lexicon

    en, de = load_lexicon("en"), load_lexicon("de")
    assert {"think", "believe"} <= en.belief_verbs and {"idea", "rumour"} <= en.belief_nouns
    assert not de.belief_verbs and not de.belief_nouns
