"""Shared checks of the forecast kind grids (``test_forecasts_kinds_s22.py`` … ``_s25.py``): each grid
row is ``(own sentence, check)``, a check takes the forecasts of the sentence analysed at
:data:`PUB` (importable because conftest.py puts this folder on sys.path)."""
from __future__ import annotations

from typing import Callable, List, Optional

from lagebild.pipeline import analyze

PUB = "2026-03-01"


def forecasts_of(text: str) -> list:
    """The forecasts of German ``text`` published at :data:`PUB`."""
    return analyze(text, language="de", published=PUB).forecasts


def one(holder: Optional[str] = None) -> Callable[[list], bool]:
    """Exactly one forecast (held by ``holder``: its holder text, or "author", or its code)."""
    def ok(fcs: list) -> bool:
        if len(fcs) != 1:
            return False
        f = fcs[0]
        return holder is None or (f.holder_text or "author") == holder or f.holder == holder
    return ok


def last(holder: Optional[str] = None) -> Callable[[list], bool]:
    """The last sentence of a two-sentence text is a forecast (held by ``holder``)."""
    def ok(fcs: list) -> bool:
        return len(fcs) == 2 and (holder is None or (fcs[1].holder_text or "author") == holder
                                  or fcs[1].holder == holder)
    return ok


def last_holder(holder: str) -> Callable[[list], bool]:
    """The text's last forecast (of any number) is held by ``holder``."""
    def ok(fcs: list) -> bool:
        return bool(fcs) and ((fcs[-1].holder_text or "author") == holder or fcs[-1].holder == holder)
    return ok


def holder_not(holder: str) -> Callable[[list], bool]:
    """One forecast whose holder is not ``holder`` (neither its code nor as written; no text
    counts as "author")."""
    def ok(fcs: list) -> bool:
        return len(fcs) == 1 and fcs[0].holder != holder and (fcs[0].holder_text or "author") != holder
    return ok


def only_first(fcs: list) -> bool:
    """Only the first sentence of a two-sentence text is a forecast."""
    return len(fcs) == 1


def none(fcs: list) -> bool:
    """No forecast."""
    return fcs == []


def failures(cases: List[tuple]) -> List[str]:
    """The sentences of ``cases`` (``(text, check)``) whose forecasts fail their check."""
    return [text for text, ok in cases if not ok(forecasts_of(text))]
