"""Language choice for short texts by lexicon: when statistical identification is unsure
or names a language lagebild cannot analyse ("Selenskyj traf Macron." read as Dutch), the
supported language whose event lexicon (verb forms, triggers, cue and reporting verbs) and
referring words cover more of the text's words wins.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import FrozenSet, Optional

from . import SUPPORTED

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=4)
def _vocabulary(lang: str) -> FrozenSet[str]:
    from ..events.lexicon import load_lexicon
    from .reference import load_reference_lexicon

    lex = load_lexicon(lang)
    words = set(lex.forms) | {t for t in lex.patterns.triggers() if " " not in t}
    words |= set(lex.cue_verbs) | set(lex.reporting) | set(lex.negation) | set(lex.definite)
    words |= {w for w in load_reference_lexicon(lang).words if " " not in w}
    return frozenset(w for w in words if len(w) >= 2)


def lexicon_language(text: str) -> Optional[str]:
    """The supported language (``"de"``/``"en"``) whose lexicon covers more words of
    ``text`` (first 2,000 characters), or None on a tie or no hit at all."""
    words = [w.lower() for w in _WORD.findall(text[:2000])]
    if not words:
        return None
    scores = {lang: sum(1 for w in words if w in _vocabulary(lang)) for lang in SUPPORTED}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] == 0 or list(scores.values()).count(scores[best]) > 1:
        return None
    return best
