"""find_quotes jumps from opening mark to opening mark (a regex) instead of stepping
through every character: for any text and any mark pairs its result equals the
character walk it replaced (kept here as the reference)."""
from __future__ import annotations

from typing import List, Sequence, Tuple

from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.statements.lexicon import statement_lexicon
from lagebild.statements.quotes import MAX_QUOTE_CHARS, Quote, find_quotes


def _walk(text: str, pairs: Sequence[Tuple[str, str]]) -> List[Quote]:
    """The character walk of find_quotes before the regex jump (lagebild 3b08cc0)."""
    openers = {}
    for o, c in pairs:
        openers.setdefault(o, []).append(c)
    out: List[Quote] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        closers = openers.get(ch)
        if not closers:
            i += 1
            continue
        if ch in "'’‘" and i > 0 and text[i - 1].isalnum():
            i += 1
            continue
        limit = min(n, i + MAX_QUOTE_CHARS)
        para = text.find("\n\n", i + 1, limit)
        if para != -1:
            limit = para
        best = -1
        best_close = ""
        for c in closers:
            j = i + 1
            while True:
                j = text.find(c, j, limit)
                if j == -1:
                    break
                if c in "’'‘" and j + 1 < n and text[j + 1].isalpha():
                    j += 1
                    continue
                break
            if j != -1 and j > i + 1:
                best, best_close = j, c
                break
        if best == -1:
            i += 1
            continue
        out.append(Quote(i + 1, best, ch, best_close))
        i = best + len(best_close)
    return out


MARKS = "„“”»«›‹\"'’‘<>"
_TEXT = st.text(alphabet=MARKS + "ab .,\n-", max_size=120)
_PAIRS = st.lists(st.tuples(st.text(alphabet=MARKS, min_size=1, max_size=2), st.text(alphabet=MARKS, min_size=1, max_size=2)), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _PAIRS)
def test_jump_equals_the_character_walk(text, pairs):
    assert find_quotes(text, pairs) == _walk(text, pairs)


@settings(deadline=None)  # the first example loads the lexicons
@given(_TEXT)
def test_jump_equals_the_walk_with_the_real_mark_files(text):
    for lang in ("de", "en"):
        pairs = statement_lexicon(lang).quote_pairs
        assert find_quotes(text, pairs) == _walk(text, pairs)


def test_grid_of_quotes():
    pairs = statement_lexicon("de").quote_pairs
    for text in [
        "„Wir werden siegen“, sagte er.",
        "Er sagte: »Das ist falsch.« Dann ging er.",
        "Trump's \"deal\" is 'bad', he said; don’t.",
        "„Offen\n\nund nie geschlossen",
        "„a“ „b“ „c“ » d « ‚e‘",
        "",
        "kein Zitat hier",
    ]:
        assert find_quotes(text, pairs) == _walk(text, pairs), text
