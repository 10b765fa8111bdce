"""Resolvers named by the temporal rules: a regex match + the anchor date → (start, end).

A resolver returns ``(start_date, end_date)`` (either may be None when the anchor is
missing) or ``None`` to reject the match (e.g. "31.02.").
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Optional, Tuple

from dateutil.relativedelta import relativedelta

if TYPE_CHECKING:
    import re

    from .finder import Lexicon, Rule

Span = Optional[Tuple[Optional[date], Optional[date]]]
NONE_SPAN: Tuple[Optional[date], Optional[date]] = (None, None)


def resolve(rule: "Rule", m: "re.Match[str]", lex: "Lexicon", published: Optional[date]) -> Span:
    fn = globals()["resolve_" + rule.resolver]
    return fn(m, lex, published, rule.options)


def _g(m: "re.Match[str]", name: str) -> Optional[str]:
    try:
        value = m.group(name)
    except IndexError:
        return None
    return value.lower() if value else None


def _number(word: Optional[str], lex: "Lexicon", default: int = 1) -> int:
    if not word:
        return default
    word = " ".join(word.split())
    if word.isdigit():
        return int(word)
    return int(lex.numbers.get(word, default))


def _unit(word: Optional[str], lex: "Lexicon") -> str:
    return lex.units.get((word or "").lower(), "day")


def _add(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return d + relativedelta(months=n)
    if unit == "quarter":
        return d + relativedelta(months=3 * n)
    return d + relativedelta(years=n)


def _month(word: Optional[str], lex: "Lexicon") -> Optional[int]:
    if not word:
        return None
    word = word.rstrip(".")
    if word.isdigit():
        value = int(word)
        return value if 1 <= value <= 12 else None
    return lex.months.get(word)


def _year(word: Optional[str], published: Optional[date]) -> Optional[int]:
    if word:
        value = int(word)
        if value < 100:
            value += 2000 if value < 70 else 1900
        return value
    return published.year if published else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _until(m: "re.Match[str]", published: Optional[date], end: Optional[date]) -> Span:
    """"bis …"/"by …": from the anchor to the end of the expression."""
    if end is None:
        return NONE_SPAN
    start = published if published and published <= end else end
    return (start, end)


def resolve_none(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    return NONE_SPAN


def resolve_ymd(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    return resolve_dmy(m, lex, published, opts)


def resolve_dmy(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    month = _month(_g(m, "month") or _g(m, "monthnum"), lex)
    day_s = _g(m, "day")
    if month is None or not day_s:
        return None
    year = _year(_g(m, "year"), published)
    if year is None:
        return NONE_SPAN
    try:
        d = date(year, month, int(day_s))
    except ValueError:
        return None
    if _g(m, "until"):
        return _until(m, published, d)
    return (d, d)


def resolve_month(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    month = _month(_g(m, "month"), lex)
    if month is None:
        return None
    year = _year(_g(m, "year"), published)
    if year is None:
        return NONE_SPAN
    start, end = date(year, month, 1), _month_end(year, month)
    if _g(m, "until"):
        return _until(m, published, end)
    return (start, end)


_PARTS = {
    "anfang": (1, 10), "beginning": (1, 10), "start": (1, 10), "early": (1, 10),
    "mitte": (11, 20), "middle": (11, 20), "mid": (11, 20),
    "ende": (21, 31), "end": (21, 31), "late": (21, 31),
}


def resolve_part_of_month(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    month = _month(_g(m, "month"), lex)
    if month is None:
        return None
    year = _year(_g(m, "year"), published)
    if year is None:
        return NONE_SPAN
    first, last = _PARTS.get(_g(m, "part") or "", (1, 31))
    end = min(date(year, month, min(last, 28)) if last < 28 else _month_end(year, month), _month_end(year, month))
    start = date(year, month, first)
    if _g(m, "until"):
        return _until(m, published, end)
    return (start, end)


def resolve_year(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    year = _year(_g(m, "year"), published)
    if year is None:
        return NONE_SPAN
    text = m.group(0).lower()
    end = date(year, 12, 31)
    if text.startswith(("bis", "until", "by")):
        return _until(m, published, end)
    return (date(year, 1, 1), end)


def _period(anchor: date, unit: str) -> Tuple[date, date]:
    """The calendar week/month/quarter/year containing ``anchor``."""
    if unit == "week":
        start = anchor - timedelta(days=anchor.weekday())
        return start, start + timedelta(days=6)
    if unit == "month":
        return anchor.replace(day=1), _month_end(anchor.year, anchor.month)
    if unit == "quarter":
        first = 3 * ((anchor.month - 1) // 3) + 1
        return date(anchor.year, first, 1), _month_end(anchor.year, first + 2)
    if unit == "day":
        return anchor, anchor
    return date(anchor.year, 1, 1), date(anchor.year, 12, 31)


def resolve_rel_unit(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    unit = opts.get("unit") or _unit(_g(m, "unit"), lex)
    if published is None:
        return NONE_SPAN
    shift = -1 if _g(m, "past") else 1 if _g(m, "next") else 0
    start, end = _period(_add(published, shift, unit), unit)
    if m.group(0).lower().startswith(("bis ", "by ", "until ")):
        return _until(m, published, end)
    return (start, end)


def resolve_end_of(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    unit = _unit(_g(m, "unit"), lex)
    if published is None:
        return NONE_SPAN
    anchor = _add(published, 1, unit) if _g(m, "next") else published
    start, end = _period(anchor, unit)
    length = (end - start).days + 1
    part = _g(m, "part") or "ende"
    third = max(1, length // 3) if unit in ("month", "week") else None
    if unit == "year":
        # "Ende des Jahres": the last month; "Anfang": the first; "Mitte": June–July
        ranges = {"end": (date(start.year, 12, 1), end), "beginning": (start, date(start.year, 1, 31)),
                  "middle": (date(start.year, 6, 1), date(start.year, 7, 31))}
    elif unit == "quarter":
        ranges = {"end": (_period(start + relativedelta(months=2), "month")[0], end),
                  "beginning": (start, _month_end(start.year, start.month)),
                  "middle": _period(start + relativedelta(months=1), "month")}
    else:
        assert third is not None
        ranges = {"end": (end - timedelta(days=third - 1), end),
                  "beginning": (start, start + timedelta(days=third - 1)),
                  "middle": (start + timedelta(days=third), end - timedelta(days=third))}
    key = {"ende": "end", "end": "end", "anfang": "beginning", "beginning": "beginning", "start": "beginning",
           "mitte": "middle", "middle": "middle"}.get(part, "end")
    s, e = ranges[key]
    if _g(m, "until"):
        return _until(m, published, e)
    return (s, e)


def resolve_coming(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    unit = _unit(_g(m, "unit"), lex)
    if published is None:
        return NONE_SPAN
    if _g(m, "n"):
        end = _add(published, _number(_g(m, "n"), lex), unit)
    else:
        end = published + timedelta(days=lex.coming_span.get(unit, 7))
    return (published + timedelta(days=1) if end > published else published, end)


def resolve_recent(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    unit = _unit(_g(m, "unit"), lex)
    if published is None:
        return NONE_SPAN
    if _g(m, "n"):
        start = _add(published, -_number(_g(m, "n"), lex), unit)
    else:
        start = published - timedelta(days=lex.coming_span.get(unit, 7))
    return (start, published)


def resolve_offset(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    unit = _unit(_g(m, "unit"), lex)
    if published is None:
        return NONE_SPAN
    n = _number(_g(m, "n"), lex)
    sign = 1 if (_g(m, "dir") or "in") == "in" else -1
    d = _add(published, sign * n, unit)
    return (d, d)


def resolve_since(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    unit = _unit(_g(m, "unit"), lex)
    if published is None:
        return NONE_SPAN
    return (_add(published, -_number(_g(m, "n"), lex), unit), published)


def resolve_duration(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    return NONE_SPAN


def resolve_weekday(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    if _g(m, "day") and (_g(m, "month") or _g(m, "monthnum")):
        return resolve_dmy(m, lex, published, opts)
    wd = lex.weekdays.get(_g(m, "weekday") or "")
    if wd is None:
        return None
    if published is None:
        return NONE_SPAN
    if _g(m, "next") or _g(m, "this") and published.weekday() < wd:
        delta = (wd - published.weekday()) % 7 or 7
        d = published + timedelta(days=delta)
    else:
        # news report the recent past: the latest such weekday on or before the anchor;
        # "letzten Freitag" on a Friday means a week ago
        delta = (published.weekday() - wd) % 7
        if _g(m, "past") and delta == 0:
            delta = 7
        d = published - timedelta(days=delta)
    if _g(m, "until"):
        return _until(m, published, d)
    return (d, d)


def resolve_day_word(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    word = " ".join((_g(m, "word") or "").split())
    offset = lex.day_words.get(word)
    if offset is None:
        return None
    if published is None:
        return NONE_SPAN
    d = published + timedelta(days=int(offset))
    return (d, d)


def resolve_rest_of(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    """"later this year", "im Laufe des Jahres": from the anchor to the period's end."""
    if published is None:
        return NONE_SPAN
    return (published, _period(published, _unit(_g(m, "unit"), lex))[1])


def resolve_start_of(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    """"earlier this year": from the period's start to the anchor."""
    if published is None:
        return NONE_SPAN
    return (_period(published, _unit(_g(m, "unit"), lex))[0], published)


def resolve_season(m: "re.Match[str]", lex: "Lexicon", published: Optional[date], opts: Any) -> Span:
    """A season: "im Sommer" (this year's, or the next one when it is over and the text
    says "kommenden"), "im Winter 2025" (Dec 2025 – Feb 2026)."""
    first, last = lex.seasons.get((_g(m, "season") or "").lower(), (0, 0))
    if not first:
        return None
    year = _year(_g(m, "year"), published)
    if year is None:
        return NONE_SPAN

    def instance(y: int) -> Tuple[date, date]:
        return date(y, first, 1), _month_end(y + (1 if last < first else 0), last)

    if not _g(m, "year") and published is not None:
        if _g(m, "next") or _g(m, "next2"):  # the first one that starts after the anchor
            year = next(y for y in (year - 1, year, year + 1, year + 2) if instance(y)[0] > published)
        elif _g(m, "past") or _g(m, "past2"):  # the last one that ended before it
            year = [y for y in (year - 2, year - 1, year) if instance(y)[1] < published][-1]
    start = date(year, first, 1)
    end = _month_end(year + (1 if last < first else 0), last)
    if _g(m, "until"):
        return _until(m, published, end)
    return (start, end)
