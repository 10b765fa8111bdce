"""RSS/Atom feed files through feedparser: each entry becomes an article."""
from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Iterator, Optional

import feedparser

import re

from ..errors import Errors, LagebildError, Warnings
from .build import article_from_html, article_from_text, looks_like_html
from .dates import parse_date
from .decode import display_path
from .readers import IngestFailure, Item, read_bytes_checked, readers


def _entry_date(entry: dict) -> Optional[str]:
    """The entry's publication date as the feed wrote it, when :func:`parse_date` reads it:
    the outlet's own calendar day ("Tue, 01 Mar 2016 23:30:00 -0500" is 1 March, as the same
    timestamp is in JSON Lines or an HTML meta tag). feedparser's ``*_parsed`` values are
    converted to UTC (that one would be 2 March), so they are only the fallback for forms
    that parse_date does not know; None when the entry has no date."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if isinstance(raw, str) and parse_date(raw) is not None:
            return raw
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
            except ValueError:
                return None
    return entry.get("published") or entry.get("updated")


@readers.register("feed")
def read_feed(path: Path) -> Iterator[Item]:
    name = display_path(path)
    try:
        data, problem = read_bytes_checked(path)
        parsed = feedparser.parse(data)
    except (LagebildError, OSError) as e:
        yield IngestFailure(name, str(e))
        return
    if not parsed.entries:
        if not parsed.get("version"):
            m = re.search(rb"<(?![?!])([\w:.-]+)", data[:4096])
            root = m.group(1).decode("utf-8", errors="replace") if m else "?"
            if root.split(":")[-1].lower() not in ("rss", "feed", "rdf", "channel"):
                yield IngestFailure(name, Errors.E153.format(root=root, path=name))
                return
        reason = problem or getattr(parsed, "bozo_exception", None) or "no entries"
        yield IngestFailure(name, Errors.E016.format(path=name, msg=reason))
        return
    bad_xml = _not_well_formed(parsed)
    for item in _entries(parsed, name):
        if bad_xml:  # the lenient parser read on past an XML error: say so on every entry
            note = Warnings.W158.format(msg=bad_xml)
            if isinstance(item, IngestFailure):
                item = IngestFailure(item.source, f"{item.reason} ({note})")
            else:
                item.warnings.append(note)
        yield item
    if problem:
        yield IngestFailure(name, Errors.E152.format(done=len(parsed.entries), path=name, msg=problem))


def _not_well_formed(parsed) -> str:  # type: ignore[no-untyped-def]
    """feedparser's reason when the feed is not well-formed XML (a cut or garbled file:
    its entries come from the lenient parser, and the last one may be cut), else ""."""
    exc = getattr(parsed, "bozo_exception", None) if parsed.get("bozo") else None
    if exc is None or type(exc).__name__ in ("CharacterEncodingOverride", "NonXMLContentType"):
        return ""  # an encoding or content-type mismatch loses nothing
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:200]


def _entries(parsed, name: str) -> Iterator[Item]:  # type: ignore[no-untyped-def]
    for i, entry in enumerate(parsed.entries):
        try:
            yield from _entry(entry, i, name)
        except Exception as e:  # noqa: BLE001 - one entry never stops the feed
            yield IngestFailure(f"{name}#{i}", Errors.E156.format(path=f"{name}#{i}", kind=type(e).__name__, msg=e))


def _entry(entry, i: int, name: str) -> Iterator[Item]:  # type: ignore[no-untyped-def]
    source = f"{name}#{entry.get('id') or entry.get('link') or i}"
    body = ""
    if entry.get("content"):
        body = max((c.get("value", "") for c in entry["content"]), key=len)
    body = body or entry.get("summary", "")
    authors = [a.get("name") for a in entry.get("authors", []) if isinstance(a, dict) and isinstance(a.get("name"), str)]
    common = dict(
        source=source,
        url=entry.get("link"),
        published=_entry_date(entry),
        title=entry.get("title"),
        authors=authors or None,
    )
    try:
        if looks_like_html(body):
            yield article_from_html(f"<html><body>{body}</body></html>", fmt="feed", **common)
        else:
            yield article_from_text(body, **common)
    except LagebildError as e:
        yield IngestFailure(source, str(e))
