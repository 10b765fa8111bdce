"""From a decoded string (plain text or HTML) to an :class:`~lagebild.schemas.Article`."""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import List, Optional, Union

from ..errors import BadInputError, Errors, Warnings
from ..schemas import Article, Section
from .dates import check_date
from .decode import clean_text, clip, display_path, has_visible_text
from .html import ParsedHTML, parse_html
from .ids import content_id
from .text import ParsedText, parse_plain_text

_HTML_SNIFF = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article|div|p)\b", re.I | re.S)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:2048])) or "</p>" in text[:20000].lower()


def _published(
    article: Article, found_raw: Optional[str], override: Optional[str | date], now: Optional[datetime]
) -> None:
    raw = override.isoformat() if isinstance(override, date) else override
    checked = check_date(raw if raw else found_raw, now=now)
    article.published = checked.value.isoformat() if checked.value else None
    article.published_raw = checked.raw
    if checked.warning:
        article.warnings.append(checked.warning)
    elif checked.raw is None:
        # roles ("der US-Präsident") and relative dates are then resolved at today's date
        today = (now or datetime.now()).date().isoformat()
        article.warnings.append(Warnings.W151.format(today=today))


def _clip_sections(sections: List[Section], length: int) -> List[Section]:
    kept = [s for s in sections if s.start < length]
    for s in kept:
        s.end = min(s.end, length)
    return kept


def article_from_text(
    raw: str,
    *,
    source: Optional[str] = None,
    url: Optional[str] = None,
    published: Optional[str | date] = None,
    title: Optional[str] = None,
    authors: Optional[List[str]] = None,
    warnings: Optional[List[str]] = None,
    now: Optional[datetime] = None,
) -> Article:
    """A plain-text article (header line, captions, headings and boilerplate handled)."""
    warnings = list(warnings or [])
    raw = clean_text(raw, "text", warnings)  # before parsing, so section offsets hold
    return _from_parsed(
        parse_plain_text(raw), fmt="text", source=source, url=url, published=published,
        title=title, authors=authors, warnings=warnings, now=now,
    )


def article_from_html(
    html: str,
    *,
    source: Optional[str] = None,
    url: Optional[str] = None,
    published: Optional[str | date] = None,
    title: Optional[str] = None,
    authors: Optional[List[str]] = None,
    warnings: Optional[List[str]] = None,
    now: Optional[datetime] = None,
    fmt: str = "html",
) -> Article:
    """An HTML page through trafilatura (see :mod:`lagebild.ingest.html`). The page's
    lang attribute is not trusted: the language is detected from the text later."""
    warnings = list(warnings or [])
    html = clean_text(html, "text", warnings)
    parsed = parse_html(html, url=url)
    article = _from_parsed(
        parsed, fmt=fmt, source=source, url=url, published=published, title=title,
        authors=authors, warnings=(warnings or []) + parsed.warnings, now=now,
    )
    article.partial = article.partial or parsed.partial
    return article


def _from_parsed(
    parsed: Union[ParsedText, ParsedHTML],
    *,
    fmt: str,
    source: Optional[str],
    url: Optional[str],
    published: Optional[str | date],
    title: Optional[str],
    authors: Optional[List[str]],
    warnings: Optional[List[str]],
    now: Optional[datetime],
) -> Article:
    """An article from a parser's result; explicit ``title``/``authors`` win over found ones."""
    return _finish(
        parsed.text,
        fmt=fmt,
        source=source,
        url=url,
        title=title or parsed.title,
        authors=authors or parsed.authors,
        date_raw=parsed.date_raw,
        published=published,
        sections=parsed.sections,
        captions=parsed.captions,
        warnings=warnings,
        now=now,
    )


def article_from_string(
    text_or_html: str,
    *,
    source: Optional[str] = None,
    url: Optional[str] = None,
    published: Optional[str | date] = None,
    now: Optional[datetime] = None,
) -> Article:
    """Plain text or HTML, told apart by sniffing. ``bytes`` (a page as downloaded, a file's
    content) are decoded as files are (:func:`lagebild.ingest.decode.decode_bytes`: UTF-8,
    UTF-16 by BOM, else the best guess; E002 for binary data, E003 undecodable), with
    that decoding's warnings on the article. Anything else but ``str``/``bytes``/``None``
    is a TypeError that names the type (it used to fail inside a regular expression)."""
    decoded: List[str] = []
    if isinstance(text_or_html, (bytes, bytearray, memoryview)):
        from .decode import decode_bytes

        text_or_html, decoded = decode_bytes(bytes(text_or_html), path=source or "<bytes>")
    elif text_or_html is not None and not isinstance(text_or_html, str):
        raise TypeError(f"expected the text or HTML as str (or bytes to decode), got {type(text_or_html).__name__}")
    if not text_or_html or not text_or_html.strip():
        raise BadInputError(Errors.E001.format(path=source or "<string>"), path=source)
    build = article_from_html if looks_like_html(text_or_html) else article_from_text
    article = build(text_or_html, source=source, url=url, published=published, now=now)
    article.warnings[:0] = decoded
    return article


def _finish(
    text: str,
    *,
    fmt: str,
    source: Optional[str],
    url: Optional[str],
    title: Optional[str],
    authors: List[str],
    date_raw: Optional[str],
    published: Optional[str | date],
    sections: List[Section],
    captions: list,
    warnings: Optional[List[str]],
    now: Optional[datetime],
) -> Article:
    warnings = list(warnings or [])
    source = display_path(source) if source is not None else None
    if not text.strip():
        raise BadInputError(Errors.E005.format(path=source or "<string>"), path=source)
    if not has_visible_text(text):
        raise BadInputError(Errors.E155.format(path=source or "<string>"), path=source)
    # NUL/control characters and lone surrogates never reach an article (nor a store)
    text = clean_text(text, "text", warnings)
    title = clean_text(title, "title", warnings).strip() or None if title else None
    authors = [a for a in (clean_text(a, "authors", warnings).strip() for a in authors) if a]
    url = clean_text(url, "url", warnings) if url else None
    text, cut = clip(text, warnings)
    article = Article(
        id=content_id(text, title),
        source=source,
        text=text,
        title=title,
        authors=list(authors),
        sections=_clip_sections(sections, len(text)),
        captions=captions,
        url=url,
        format=fmt,
        warnings=warnings,
        partial=cut,
    )
    _published(article, date_raw, published, now)
    return article
