"""Root choice on unseen news (issue 9, session 26): own German sentences for each kind of wrong
CAMEO root or false event that the events audit s26-root found (and dev-A's accusation contents),
each beside the reading the trigger keeps (``root_choice_s26_grid_de.tsv``). Every row must pass."""
from __future__ import annotations

from test_senses_de import assert_want_not_grid


def test_root_choice_s26_grid_de(nlp_de):
    assert_want_not_grid(nlp_de, "root_choice_s26_grid_de.tsv", "root choice s26 grid de", 60)


def test_accusation_lexicon_is_german_only():
    """The accusation rule reads its words from syntax.yaml for German; English has none, so its
    output cannot change."""
    from lagebild.events.lexicon import load_lexicon

    de, en = load_lexicon("de"), load_lexicon("en")
    assert {"vorwerfen", "beschuldigen"} <= de.accusation_verbs
    assert {"vorwurf", "verdacht"} <= de.accusation_nouns
    assert not en.accusation_verbs and not en.accusation_nouns
