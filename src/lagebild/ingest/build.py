"""From a decoded string (plain text or HTML) to an :class:`~lagebild.schemas.Article`."""
from __future__ import annotations

import html
import re
from datetime import date, datetime
from typing import List, Optional, Union

from ..errors import BadInputError, Errors, Warnings
from ..schemas import Article, Section
from .dates import check_date
from .decode import clean_text, clip, display_path, has_visible_text, has_words
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


# Tags of HTML body elements (opening, with attributes, or closing): text holding them is
# markup, not prose. Only real element names count, so "a < b", "<3" or "<Name>" stay text.
_INLINE_TAGS = ("a|abbr|b|big|cite|code|del|em|font|i|ins|kbd|mark|q|s|small|span|strike|strong|sub|sup|"
                "time|u|img|input|button|label|wbr")
_BLOCK_TAGS = ("address|article|aside|blockquote|body|br|caption|dd|div|dl|dt|figcaption|figure|footer|form|"
               "h[1-6]|head|header|hr|html|iframe|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|"
               "thead|title|tr|ul")
_TAG = re.compile(rf"</?(?:(?P<block>{_BLOCK_TAGS})|(?P<inline>{_INLINE_TAGS}))\b(?:\s[^<>]*)?/?>", re.I)
# elements whose content is no text at all
_HIDDEN = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)


def strip_markup(text: str, warnings: List[str]) -> str:
    """``text`` without HTML markup that a producer left in a plain-text field or file
    (``{"text": "… <b>Bund</b> …"}``, a .txt saved from a page): script/style elements and
    comments go with their content, block tags and ``<br>`` become paragraph or line
    breaks, inline tags vanish, and then character references are resolved
    (``&amp;`` → ``&``). Text without an element tag is returned as it is (its ``&amp;``
    too). Warns ``W166`` with the number of tags removed."""
    hidden = _HIDDEN.findall(text)
    out = _HIDDEN.sub(" ", text) if hidden else text
    tags = _TAG.findall(out)
    if not tags and not hidden:
        return text

    def swap(m: "re.Match[str]") -> str:
        if not m.group("block"):
            return ""
        return "\n" if m.group("block").lower() == "br" else "\n\n"

    out = _TAG.sub(swap, out)
    out = html.unescape(out)
    out = re.sub(r"[ \t]*\n[ \t]*", "\n", out)
    out = re.sub(r"\n{3,}", "\n\n", out).strip("\n")
    out = re.sub(r"[ \t]{2,}", " ", out)
    warnings.append(Warnings.W166.format(count=len(tags) + len(hidden)))
    return out


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
    fmt: str = "text",
) -> Article:
    """A plain-text article (header line, captions, headings and boilerplate handled).
    HTML tags in it are removed first (:func:`strip_markup`, ``W166``): article text is
    never markup, in the store, the exports or the workbench."""
    warnings = list(warnings or [])
    raw = clean_text(raw, "text", warnings)  # before parsing, so section offsets hold
    raw = strip_markup(raw, warnings)
    return _from_parsed(
        parse_plain_text(raw), fmt=fmt, source=source, url=url, published=published,
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
    that decoding's warnings on the article. Anything else but ``str``/``bytes`` (``None``
    included: a missing field, not an empty text) is a TypeError that names the type, as
    :func:`lagebild.analyze` documents; an empty or blank string is E001."""
    decoded: List[str] = []
    if isinstance(text_or_html, (bytes, bytearray, memoryview)):
        from .decode import decode_bytes

        text_or_html, decoded = decode_bytes(bytes(text_or_html), path=source or "<bytes>")
    elif not isinstance(text_or_html, str):
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
    if not has_words(text):
        raise BadInputError(Errors.E160.format(path=source or "<string>"), path=source)
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
