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
    """
    text = text.strip()
    for rx, order in ((_ISO, "ymd"), (_NUMERIC, "dmy"), (_SLASH, "mdy")):
        m = rx.search(text)
        if m:
            parts = dict(zip(order, m.groups()))
            try:
                return date(expand_year(parts["y"]), int(parts["m"]), int(parts["d"]))
            except ValueError:
                return None
    months = month_names()
    m = _DAY_MONTH.search(text)
    if m and m.group(2).lower() in months:
        try:
            return date(int(m.group(3)), months[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    m = _MONTH_DAY.search(text)
    if m and m.group(1).lower() in months:
        try:
            return date(int(m.group(3)), months[m.group(1).lower()], int(m.group(2)))
        except ValueError:
            return None
    return None


@dataclass
class CheckedDate:
    value: Optional[date]
    raw: Optional[str]
    warning: Optional[str] = None


def check_date(raw: Optional[str], *, now: Optional[datetime] = None) -> CheckedDate:
    """Parse ``raw`` and accept it only if it is plausible as a publication date.

    ``now`` is the time of ingest; a date more than a day after it is impossible.
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
    return CheckedDate(parsed, raw)
