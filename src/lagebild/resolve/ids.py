"""Stable ids of stored forecasts and events: ``<document id>:f<index>`` and
``<document id>:e<index>``.

A document id is the content hash of its title and text (:func:`lagebild.ingest.ids.content_id`),
and a record's index is its position in the document's ``forecasts``/``events`` list, so the
same analysis of the same text always gives the same ids. ``lagebild forecasts`` and
``lagebild resolve`` print them; the store keys its rows by (doc_id, idx).
"""
from __future__ import annotations

import re
from typing import Tuple

from ..errors import Errors, LagebildError

_ID = re.compile(r"^([0-9A-Za-z_.-]+):([fe])(0|[1-9][0-9]*)$")


def forecast_id(doc_id: str, idx: int) -> str:
    """The id of forecast ``idx`` of document ``doc_id`` (e.g. ``"3f2a…:f0"``)."""
    return f"{doc_id}:f{int(idx)}"


def event_id(doc_id: str, idx: int) -> str:
    """The id of event ``idx`` of document ``doc_id`` (e.g. ``"3f2a…:e4"``)."""
    return f"{doc_id}:e{int(idx)}"


def parse_id(value: str, kind: str) -> Tuple[str, int]:
    """(doc_id, idx) of a forecast (``kind="f"``) or event (``kind="e"``) id.

    Raises LagebildError [E130] when ``value`` is not such an id.
    """
    m = _ID.match(value.strip())
    if not m or m.group(2) != kind:
        what = {"f": "forecast", "e": "event"}[kind]
        raise LagebildError(Errors.E130.format(value=value, what=what, example=f"3f2a9c0e1b7d4a55:{kind}0"))
    return m.group(1), int(m.group(3))
