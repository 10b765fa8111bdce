"""proxy_kind's closed-compound test ("Integrationssprecherin" ends in the person proxy
noun "sprecherin" after at least 3 letters) looks up each suffix of the word in the
proxy-noun set instead of trying every listed noun as an ending: same answer for every
word and every word list."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lagebild.language.reference import load_proxy_nouns


def _by_endswith(low: str, words) -> bool:  # the test before (lagebild 3b08cc0)
    return any(low.endswith(w) and len(low) - len(w) >= 3 for w in words)


def _by_suffix(low: str, words) -> bool:  # the expression proxy_kind uses now
    return any(low[k:] in words for k in range(3, len(low) + 1))


@given(st.text(alphabet="abcsprei-", max_size=14), st.frozensets(st.text(alphabet="abcsprei-", max_size=6), max_size=8))
def test_suffix_lookup_equals_endswith_for_any_word_list(low, words):
    assert _by_suffix(low, words) == _by_endswith(low, words)


def test_grid_with_the_real_german_proxy_nouns():
    words, _ = load_proxy_nouns("de")["person"]
    grid = ["integrationssprecherin", "regierungssprecher", "pressesprecher", "sprecher", "prechersprecher",
            "budgetsprecherinnen", "vize-chefin", "ministeriumssprecherin", "abc", "", "pressebüro",
            "klimaschutzbeauftragte", "parteichef", "anwalt"]
    grid += [w for w in sorted(words)[:200]] + ["xyz" + w for w in sorted(words)[:200]] + ["xy" + w for w in sorted(words)[:50]]
    for low in grid:
        assert _by_suffix(low, words) == _by_endswith(low, words), low
