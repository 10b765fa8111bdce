"""The temporal finder's fast prefilter (``finder._quick``) must answer exactly as the
alternation regex ``Lexicon.quick`` it replaces, for every text."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.temporal.finder import _FOLD_ODD, _FOLD_SAFE, _quick, load_rules

ODD = {"\u0130", "\u0131", "\u017f"}


def test_fold_safe_characters_fold_as_lower_does() -> None:
    """For each character of _FOLD_SAFE, the code points ``re.I`` matches to it are the
    ones whose ``lower()`` is it, apart from _FOLD_ODD (checked over every code point)."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    safe_class = "[" + "".join(re.escape(ch) for ch in sorted(_FOLD_SAFE)) + "]"
    # every code point that re.I matches to some safe character, or that lowers to one
    candidates = set(re.findall(safe_class, every, re.I)) | {c for c in every if c.lower() in _FOLD_SAFE}
    for ch in _FOLD_SAFE:
        matched = {c for c in candidates if re.fullmatch(re.escape(ch), c, re.I)}
        assert matched - ODD == {c for c in candidates if c.lower() == ch} - ODD, ch
    assert all(_FOLD_ODD.match(c) for c in ODD)


WORDS = ["Montag", "MÄRZ", "gestern  Abend", "heute\nmorgen", "Woche", "ago", "TODAY", "the day  after tomorrow"]
PIECES = st.sampled_from(WORDS + list("aäsßiİıſKkÅ 1.\n") + ["Jahr", "Montags", "iſt", "ſeit", "Tag"])
TEXT = st.lists(PIECES, max_size=12).map("".join) | st.text(max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["de", "en"]))
def test_quick_is_the_regex(text: str, lang: str) -> None:
    lex = load_rules(lang)
    assert lex.quick_words is not None  # the shipped vocabularies take the fast path
    assert _quick(lex, text) == (lex.quick.search(text) is not None)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_vocabulary_word_passes(lang: str) -> None:
    lex = load_rules(lang)
    for w in lex.quick_words:
        for text in (w, w.upper(), f"x {w.title()} y"):
            assert _quick(lex, text) == (lex.quick.search(text) is not None) == True  # noqa: E712
