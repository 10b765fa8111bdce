"""Publication dates: parse the forms headers and metadata use, and refuse absurd ones.

A date that cannot be real (before 1800, or after the moment of ingest — "year 3025") is
never stored as a date: the caller keeps the raw text and a coded warning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Dict, Optional

from ..datafiles import data_path, iter_tsv
from ..errors import Warnings

EARLIEST = date(1800, 1, 1)


@lru_cache(maxsize=1)
def month_names() -> Dict[str, int]:
    def check(row: Dict[str, str]) -> Optional[str]:
        return None if row["month"].isdigit() and 1 <= int(row["month"]) <= 12 else "month must be 1-12"

    rows = iter_tsv(data_path("ingest", "months.tsv"), required=("name", "month"), validate=check)
    return {r["name"].lower(): int(r["month"]) for r in rows}


_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# the time right after a timestamp's date ("2025-03-02T25:61:00Z", RFC 822 "… 2025 25:10:00")
_ISO_TIME = re.compile(r"[T ](\d{2}):(\d{2})(?::(\d{2}))?")
_SLASH = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")  # US m/d/yyyy
_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})\.?\s+([A-Za-zÄÖÜäöüé]{3,10})\.?\s+(\d{4})(?!\d)")
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)")

# the regex a header line's trailing date must match (numeric forms, 2- or 4-digit year)
HEADER_DATE = r"\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})"


def header_date_regex() -> str:
    """The dates a header line may end with: ``19.04.2025``/``19.04.25``, ISO
    ``2016-03-14``, German ``3. November 2025``, English ``3 November 2025`` and
    ``November 3, 2025`` (month names and abbreviations from ``data/ingest/months.tsv``)."""
    names = "|".join(sorted((re.escape(n) for n in month_names()), key=len, reverse=True))
    return (
        rf"(?:{HEADER_DATE}|\d{{4}}-\d{{2}}-\d{{2}}"
        rf"|\d{{1,2}}\.?\s+(?i:{names})\.?\s+\d{{4}}"
        rf"|(?i:{names})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    )


def expand_year(year: str) -> int:
    """Two-digit years: 00–69 → 2000s, 70–99 → 1900s (as strptime's %y does)."""
    value = int(year)
    if len(year) == 2:
        return value + (2000 if value < 70 else 1900)
    return value


def parse_date(text: str) -> Optional[date]:
    """The first calendar date written in ``text`` (German or English forms), or None.

    Returns a date even when it is absurd (year 3025); :func:`check_date` judges that.
    A timestamp whose time cannot be ("2025-03-02T25:61:00Z", "Sun, 02 Mar 2025 25:10:00
    GMT": hour 25) is None, as an impossible day is: the text is no timestamp, so its day
    is not trusted either. ``m/d/yyyy`` is read in US order unless its first number is
    over 12 ("13/03/2025" can only be 13 March); :func:`check_date` warns when both
    orders are days (W165).
    """
    text = text.strip()
    found = None
    for rx, order in ((_ISO, "ymd"), (_NUMERIC, "dmy"), (_SLASH, "mdy")):
        m = rx.search(text)
        if m:
            parts = dict(zip(order, m.groups()))
            if rx is _SLASH and int(parts["m"]) > 12 >= int(parts["d"]):
                parts["m"], parts["d"] = parts["d"], parts["m"]
            found = (m, expand_year(parts["y"]), int(parts["m"]), int(parts["d"]))
            break
    if found is None:
        months = month_names()
        m = _DAY_MONTH.search(text)
        if m and m.group(2).lower() in months:
            found = (m, int(m.group(3)), months[m.group(2).lower()], int(m.group(1)))
        else:
            m = _MONTH_DAY.search(text)
            if m and m.group(1).lower() in months:
                found = (m, int(m.group(3)), months[m.group(1).lower()], int(m.group(2)))
    if found is None:
        return None
    m, year, month, day = found
    if not _possible_time(text, m.end()):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _possible_time(text: str, at: int) -> bool:
    """False when a time (``T``/space, ``HH:MM[:SS]``) follows the date at ``at`` and it is no time of day: hour
    over 23 (24:00 with zero minutes and seconds is ISO 8601's end of day), minute over
    59, second over 60 (a leap second)."""
    m = _ISO_TIME.match(text, at)
    if not m:
        return True
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if hour == 24:
        return minute == 0 and second == 0
    return hour <= 23 and minute <= 59 and second <= 60


def ambiguous_order(raw: str) -> Optional[str]:
    """The ``m/d/yyyy`` date of ``raw`` when it reads as another day with day and month
    swapped ("02/03/2025": 3 February in US order, 2 March in European order), else None.
    Only the slash form is ambiguous here: parse_date reads dotted dates as day.month."""
    text = raw.strip()
    if _ISO.search(text) or _NUMERIC.search(text):
        return None
    m = _SLASH.search(text)
    if not m:
        return None
    first, second = int(m.group(1)), int(m.group(2))
    if first != second and 1 <= first <= 12 and 1 <= second <= 12:
        return m.group(0)
    return None


@dataclass
class CheckedDate:
    value: Optional[date]
    raw: Optional[str]
    warning: Optional[str] = None


def check_date(raw: Optional[str], *, now: Optional[datetime] = None) -> CheckedDate:
    """Parse ``raw`` and accept it only if it is plausible as a publication date.

    ``now`` is the time of ingest; a date more than a day after it is impossible.
    Warnings: W002 unreadable or impossible, W001 implausible (both leave ``value`` None),
    W165 a slash date whose day and month could be swapped (``value`` is the US reading).
    """
    if raw is None or not str(raw).strip():
        return CheckedDate(None, None)
    raw = str(raw).strip()
    parsed = parse_date(raw)
    if parsed is None:
        return CheckedDate(None, raw, Warnings.W002.format(raw=raw))
    limit = (now or datetime.now(timezone.utc)).date() + timedelta(days=1)
    if parsed > limit or parsed < EARLIEST:
        return CheckedDate(None, raw, Warnings.W001.format(raw=raw, limit=limit.isoformat()))
    if ambiguous_order(raw):
        return CheckedDate(parsed, raw, Warnings.W165.format(raw=raw, date=parsed.isoformat()))
    return CheckedDate(parsed, raw)
