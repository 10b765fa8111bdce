"""Direct quotations: pairs of quotation marks from ``data/<lang>/quote_marks.tsv``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Sequence, Tuple

MAX_QUOTE_CHARS = 1500


@dataclass(frozen=True)
class Quote:
    start: int  # first character inside the marks
    end: int  # first character after the quoted text (the closing mark)
    open_mark: str
    close_mark: str

    @property
    def outer(self) -> Tuple[int, int]:
        return self.start - len(self.open_mark), self.end + len(self.close_mark)

    def n_words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def find_quotes(text: str, pairs: Sequence[Tuple[str, str]]) -> List[Quote]:
    """Quoted stretches of ``text``, outermost first, not crossing a paragraph break.

    At each opening mark the pairs are tried in file order and the nearest closing mark
    of the first pair that closes wins; a mark that is both opener and closer ('"')
    alternates.
    """
    openers = {}
    for o, c in pairs:
        openers.setdefault(o, []).append(c)
    out: List[Quote] = []
    # the next character that can open a quote, found by a regex (C) rather than a Python
    # step per character: the walk stops at exactly the positions it stopped at before.
    # The walk reads one character at a time, so a mark of several characters never opens.
    single = tuple(sorted(o for o in openers if len(o) == 1))
    if not single:
        return out
    next_opener = _opener_search(single)
    i = 0
    n = len(text)
    while i < n:
        m = next_opener(text, i)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        closers = openers[ch]
        # an opener must not be glued to a preceding letter (apostrophes: "Trump's")
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
                # a single closer followed by a letter is an apostrophe ("don’t")
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


@lru_cache(maxsize=64)
def _opener_search(marks: Tuple[str, ...]):  # type: ignore[no-untyped-def]
    """``(text, pos) -> Match | None``: the first of the one-character ``marks`` at or
    after ``pos``."""
    return re.compile("[" + "".join(re.escape(m) for m in marks) + "]").search
