"""RSS/Atom feed files through feedparser: each entry becomes an article."""
from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Iterator, Optional

import feedparser

from ..errors import Errors, LagebildError
from .build import article_from_html, article_from_text, looks_like_html
from .readers import IngestFailure, Item, read_bytes, readers


def _entry_date(entry: dict) -> Optional[str]:
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
    try:
        parsed = feedparser.parse(read_bytes(path))
    except (LagebildError, OSError) as e:
        yield IngestFailure(str(path), str(e))
        return
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no entries"
        yield IngestFailure(str(path), Errors.E016.format(path=path, msg=reason))
        return
    for i, entry in enumerate(parsed.entries):
        source = f"{path}#{entry.get('id') or entry.get('link') or i}"
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry["content"]), key=len)
        body = body or entry.get("summary", "")
        authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
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
