"""RSS/Atom feed files through feedparser: each entry becomes an article."""
from __future__ import annotations

import codecs
import html
import time
from datetime import date
from pathlib import Path
from typing import Iterator, Optional

import feedparser

import re

from ..errors import Errors, LagebildError, Warnings
from .build import article_from_html, article_from_text, looks_like_html
from .dates import _DAY_MONTH, _ISO, _MONTH_DAY, _NUMERIC, _SLASH, parse_date
from .decode import display_path
from .readers import IngestFailure, Item, read_bytes_checked, readers


def _entry_date(entry: dict) -> Optional[str]:
    """The entry's publication date as the feed wrote it, when :func:`parse_date` reads it:
    the outlet's own calendar day ("Tue, 01 Mar 2016 23:30:00 -0500" is 1 March, as the same
    timestamp is in JSON Lines or an HTML meta tag). feedparser's ``*_parsed`` values are
    converted to UTC (that one would be 2 March), so they are only the fallback for forms
    that parse_date does not know; None when the entry has no date.

    The keys are read with :func:`_own`, not ``entry.get``: feedparser answers a missing
    ``updated`` with ``published`` and a DeprecationWarning (its issue 310 fallback), which
    every caller's test output and ``-W error`` runs showed."""
    for key in ("published", "updated", "created"):
        raw = _own(entry, key)
        if isinstance(raw, str) and parse_date(raw) is not None:
            return raw
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = _own(entry, key)
        raw = _own(entry, key[: -len("_parsed")])
        if isinstance(value, time.struct_time) and _feedparser_read_it(raw, value):
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
            except ValueError:
                return None
    return _own(entry, "published") or _own(entry, "updated")


def _own(entry: dict, key: str) -> object:
    """``entry[key]`` when the entry itself holds ``key``, else None: a plain dict lookup
    that bypasses feedparser's key mapping (``updated`` → ``published``), which warns."""
    return dict.get(entry, key)


def _feedparser_read_it(raw: object, value: time.struct_time) -> bool:
    """False when feedparser's ``value`` for the text ``raw`` is a date the text does not
    name: feedparser rolls an impossible date over ("2025-13-45" became 1 January 2026,
    stored without a warning). Its value is taken only when the text is in none of the
    forms :func:`parse_date` reads (those it refused are impossible dates: W002) and the
    text holds the value's year (four digits, or the last two of an RFC 822 year)."""
    if not isinstance(raw, str):
        return True
    if any(p.search(raw) for p in (_ISO, _NUMERIC, _SLASH, _DAY_MONTH, _MONTH_DAY)):
        return False
    year = value.tm_year
    return re.search(rf"(?<!\d)({year}|{year % 100:02d})(?!\d)", raw) is not None


def _html_line(value: Optional[str]) -> Optional[str]:
    """A feed title of type HTML as text: tags removed, entities resolved, whitespace
    collapsed ("&lt;em&gt;Senat&lt;/em&gt;" was stored as "<em>Senat</em>", a doubly
    escaped "&amp;amp;" as "&amp;")."""
    if not value or not _MARKUP.search(value):
        return value
    import lxml.html
    from lxml import etree

    try:
        text = lxml.html.fragment_fromstring(value, create_parent="div").text_content()
    except (etree.ParserError, ValueError):
        text = html.unescape(re.sub(r"<[^>]*>", " ", value))
    return " ".join(text.split()) or None


# a tag or a character reference: what makes an HTML-typed feed text HTML
_MARKUP = re.compile(r"<[A-Za-z/!][^>]*>|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+\d*);")


def _is_html(entry: dict, key: str) -> bool:
    """feedparser says the entry's ``key`` (title, summary, content) is HTML or XHTML."""
    detail = entry.get(f"{key}_detail") or {}
    return "html" in str(detail.get("type", "")).lower()


@readers.register("feed")
def read_feed(path: Path) -> Iterator[Item]:
    name = display_path(path)
    try:
        data, problem = read_bytes_checked(path)
        data, mixed = _utf8_with_legacy_bytes(data)
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
        if mixed and not isinstance(item, IngestFailure):
            item.warnings.append(Warnings.W167.format(count=mixed))
        if bad_xml:  # the lenient parser read on past an XML error: say so on every entry
            note = Warnings.W158.format(msg=bad_xml)
            if isinstance(item, IngestFailure):
                item = IngestFailure(item.source, f"{item.reason} ({note})")
            else:
                item.warnings.append(note)
        yield item
    if problem:
        yield IngestFailure(name, Errors.E152.format(done=len(parsed.entries), path=name, msg=problem))


_DECLARED = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)""")


def _legacy_byte(error: UnicodeDecodeError) -> tuple:
    """Codec error handler: one byte that is not UTF-8, read as Windows-1252 (Latin-1 for
    the five bytes Windows-1252 leaves undefined)."""
    byte = error.object[error.start:error.start + 1]
    try:
        return byte.decode("cp1252"), error.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), error.start + 1


codecs.register_error("lagebild-cp1252", _legacy_byte)


def _utf8_with_legacy_bytes(data: bytes) -> "tuple[bytes, int]":
    """A UTF-8 feed (declared so, or declaring nothing) with some entries in a legacy
    encoding (a Latin-1 item pasted into a UTF-8 feed) as UTF-8 bytes: its UTF-8 stays
    UTF-8 and each byte that is not UTF-8 is read as Windows-1252; returns the bytes and
    how many bytes were read so (0: ``data`` unchanged). Before, feedparser fell back
    to Windows-1252 for the whole feed, so every emoji, dash and quotation mark of the
    UTF-8 entries became mojibake ("ðŸ”¥"), without a warning. UTF-16 feeds and feeds that
    declare another encoding are left to feedparser."""
    try:
        data.decode("utf-8")
        return data, 0
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data, 0
    declared = _DECLARED.match(data[:512])
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return data, 0
    text = data.decode("utf-8", errors="surrogateescape")
    count = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    return data.decode("utf-8", errors="lagebild-cp1252").encode("utf-8"), count


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
    body, html_body = "", False
    if entry.get("content"):
        best = max(entry["content"], key=lambda c: len(c.get("value", "")))
        body, html_body = best.get("value", ""), "html" in str(best.get("type", "")).lower()
    if not body:
        body, html_body = entry.get("summary", ""), _is_html(entry, "summary")
    title = entry.get("title")
    authors = [a.get("name") for a in entry.get("authors", []) if isinstance(a, dict) and isinstance(a.get("name"), str)]
    common = dict(
        source=source,
        url=entry.get("link"),
        published=_entry_date(entry),
        title=_html_line(title) if _is_html(entry, "title") else title,
        authors=authors or None,
    )
    try:
        # an HTML-typed body with a tag or a character reference is HTML even without a
        # paragraph ("… lobte <b>die Einigung</b>", "Satz.<br>Satz.", "&amp;"): read as
        # text, its markup was article text
        if looks_like_html(body) or (html_body and _MARKUP.search(body)):
            yield article_from_html(f"<html><body>{body}</body></html>", fmt="feed", **common)
        else:
            yield article_from_text(body, **common)
    except LagebildError as e:
        yield IngestFailure(source, str(e))
