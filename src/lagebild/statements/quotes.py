"""Direct quotations: pairs of quotation marks from ``data/<lang>/quote_marks.tsv``."""
from __future__ import annotations

from dataclasses import dataclass
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
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        closers = openers.get(ch)
        if not closers:
            i += 1
            continue
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
