"""Precision on unseen news (issue 9, session 27): own German sentences for each kind of wrong
root, false event or wrong source that the events audit s27-prec found
(``precision_s27_grid_de.tsv``: sense by argument class, attributions; ``arguments_s27_grid_de.tsv``:
occasions of a visit or meeting, participles that share a passive auxiliary). Every row must pass."""
from __future__ import annotations

from grid_rows import coded_events, read_grid
from test_senses_de import assert_want_not_grid, triple_failures


def test_precision_s27_grid_de(nlp_de):
    assert_want_not_grid(nlp_de, "precision_s27_grid_de.tsv", "precision s27 grid de", 20)


def test_arguments_s27_grid_de(nlp_de):
    """Each row codes its (source, target, root) event, and no event of that root comes from
    the row's ``not_source`` (the wrong source the base code gave)."""
    rows = read_grid("arguments_s27_grid_de.tsv")
    assert len(rows) >= 8
    failures = triple_failures(nlp_de, rows)
    for row, doc in zip(rows, nlp_de.pipe(r["text"] for r in rows)):
        banned = (row.get("not_source") or "").strip()
        wrong = [e for e in coded_events(doc) if banned and e[0] == banned and (row["root"] == "*" or e[2][:2] == row["root"])]
        if wrong:
            failures.append(f"  [{row['kind']}] {row['text']}  an event of root {row['root']} from {banned}: {wrong}")
    print(f"arguments s27 grid de: {len(rows) - len(failures)}/{len(rows)}")
    assert not failures, "\n".join(failures)


def test_attribution_and_occasion_lexicon_is_german_only():
    """The attribution and occasion rules read their words from syntax.yaml for German; English
    has none, so its output cannot change through them."""
    from lagebild.events.lexicon import load_lexicon

    de, en = load_lexicon("de"), load_lexicon("en")
    assert {"laut", "zufolge"} <= de.attribution_preps and "bei" in de.occasion_preps
    assert de.occasion_preps <= de.occasion_preps_possessive and "nach" in de.occasion_preps_possessive
    assert not en.attribution_preps and not en.occasion_preps and not en.occasion_preps_possessive
    assert not en.expectation_modals and "sollte" in de.expectation_modals
