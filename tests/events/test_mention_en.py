"""Mutual event nouns only mentioned are no events (issue 9, session 27): ``mention_preps``
of ``data/events/syntax.yaml``, :meth:`EventCoder._mentioned_only`, the support verbs of
``support_verbs_en.tsv``. On real-en dev lagebild coded 6 events outside gold events from
"unable to reschedule a meeting between X and Y", "was not on the call between X and Y" and
"the deal between X and Y was supposed to be …"; the gold README leaves re-mentions and
background episodes uncoded. Also: "no" before an event noun or in a clause negates it
(``modality_en.yaml`` quoted it so that YAML reads a word, not the boolean false)."""
from __future__ import annotations

import pytest
from grid_rows import check_root_grid, coded_events, read_grid


def test_mention_grid_en():
    from lagebild.pipeline import load

    rows = read_grid("mention_grid_en.tsv")
    assert sum(r["kind"].startswith("keep") for r in rows) >= 5 and sum(r["kind"].startswith("mention") for r in rows) >= 5
    check_root_grid("mention grid en", rows, load("en").pipe(r["text"] for r in rows), coded_events, floor=1.0)


def test_mention_preps_are_words_and_english_only():
    from lagebild.events.lexicon import load_lexicon

    en, de = load_lexicon("en"), load_lexicon("de")
    assert {"on", "about", "under"} <= en.mention_preps and not de.mention_preps
    assert "no" in en.negation  # a YAML boolean before session 27


@pytest.mark.parametrize("text, want", [
    ("Kenya held no talks with Uganda in May.", ("KEN", "UGA", "040", True)),
    ("Kenya sent no troops to Somalia.", ("KEN", "KENMIL", "062", True)),
    ("Chile did not hold talks with Bolivia.", ("CHL", "BOL", "040", True)),
    ("Ghana and Togo held talks in Accra.", ("GHA", "TGO", "040", False)),
])
def test_no_negates_en(text, want):
    from lagebild.pipeline import load

    got = coded_events(load("en")(text), negation=True)
    assert want in got, f"{text}: want {want}, got {got}"
