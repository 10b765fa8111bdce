"""Temporal expressions: find dates, ranges, durations and sets in German and English text
and resolve them against the publication date.

    >>> from datetime import date
    >>> [t.start_date for t in find_time_expressions("am Freitag", "de", date(2025, 4, 19))]
    [datetime.date(2025, 4, 18)]

The lexicon (month names, weekdays, relative words) and the rules are data:
``lagebild/data/temporal/<lang>.yaml``. A third language is added by adding a file.
"""
from __future__ import annotations

from .finder import TimeExpr, find_time_expressions, load_rules

__all__ = ["TimeExpr", "find_time_expressions", "load_rules"]
