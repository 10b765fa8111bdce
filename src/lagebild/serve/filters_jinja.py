"""Jinja filters and globals of the workbench templates (formatting only, no markup)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlencode

from .records import QUAD_NAMES
from .svg import QUAD_COLOURS


def _date(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _prob(value: Any) -> str:
    return "" if value is None else f"{float(value):.0%}"


def _num(value: Any, digits: int = 1) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    return f"{float(value):.{digits}f}"


def install(env: Any) -> None:
    env.filters["isodate"] = _date
    env.filters["prob"] = _prob
    env.filters["num"] = _num
    env.filters["pathquote"] = lambda v: quote(str(v), safe=":@")
    env.filters["qs"] = lambda d: urlencode({k: v for k, v in d.items() if v not in (None, "")})
    env.globals["QUAD_NAMES"] = QUAD_NAMES
    env.globals["QUAD_COLOURS"] = QUAD_COLOURS
