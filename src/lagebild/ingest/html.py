"""HTML pages through trafilatura: main text, title, authors, date, sub-headings, captions.

trafilatura drops ``<figcaption>``; captions and their credits are read from the page
with lxml and split by the same credit markers as plain text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional

import lxml.etree as etree
import lxml.html

from ..errors import Warnings
from ..schemas import Caption, Section
from .text import parse_caption

_META_DATE_XPATH = (
    "//meta[@property='article:published_time' or @name='date' or @name='pubdate' or "
    "@name='publishdate' or @itemprop='datePublished' or @name='DC.date.issued']/@content"
    " | //time[@datetime][1]/@datetime"
)
_CAPTION_XPATH = (
    "//figure//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')"
    " or contains(@class, 'wp-caption-text')]"
)
_CREDIT_CLASS = re.compile(r"credit|copyright|source|author", re.IGNORECASE)


@dataclass
class ParsedHTML:
    text: str
    title: Optional[str] = None
    authors: List[str] = field(default_factory=list)
    date_raw: Optional[str] = None
    language: Optional[str] = None
    sections: List[Section] = field(default_factory=list)
    captions: List[Caption] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    partial: bool = False


_LINE_BREAKS = {"lb", "br"}  # trafilatura's XML and HTML


def _raw_text(el: "etree._Element") -> str:
    """The text inside ``el`` as written; a line break (``<br>``, trafilatura's ``<lb/>``)
    inside it is a space."""
    parts = [el.text or ""]
    for child in el.iterdescendants():
        if child.tag in _LINE_BREAKS:
            parts.append(" ")
        elif isinstance(child.tag, str):
            parts.append(child.text or "")
        parts.append(child.tail or "")
    return "".join(parts)


def _text_of(el: "etree._Element") -> str:
    """The text of ``el`` on one line, whitespace collapsed; a line break is a space:
    "Hafen.<br>Zeile" was "Hafen.Zeile"."""
    return " ".join(_raw_text(el).split())


# trafilatura's inline elements (highlight, link, deletion, line break): a body fragment's
# text outside any block comes as its main's text and these elements with their tails
_INLINE = {"hi", "ref", "del", "lb"}


def _main_blocks(body: "etree._Element") -> List[tuple]:
    """``[(tag, text)]`` of trafilatura's ``<main>``: each block element, and each run of
    text outside a block (a feed's or a record's bare fragment: "Satz eins.<br>Satz
    zwei.") as a ``p``, its line breaks as spaces. The text after the first inline
    element of such a run was lost: only ``main.text`` was read."""
    blocks: List[tuple] = []
    run: List[str] = [body.text or ""]

    def flush() -> None:
        text = " ".join("".join(run).split())
        if text:
            blocks.append(("p", text))
        run.clear()

    for el in body:
        if isinstance(el.tag, str) and el.tag in _INLINE:
            run.append(" " if el.tag == "lb" else _raw_text(el))
        elif isinstance(el.tag, str):
            flush()
            blocks.append((el.tag, _text_of(el)))
        run.append(el.tail or "")
    flush()
    return blocks


def extract_captions(tree: "lxml.html.HtmlElement") -> List[Caption]:
    captions: List[Caption] = []
    seen = set()
    for el in tree.xpath(_CAPTION_XPATH):
        whole = _text_of(el)
        if not whole or whole in seen:
            continue
        seen.add(whole)
        credit_el = next(
            (c for c in el.iter() if c is not el and _CREDIT_CLASS.search(c.get("class") or "")),
            None,
        )
        if credit_el is not None:
            credit = _text_of(credit_el)
            text = whole.replace(credit, "").strip(" .,;")
            captions.append(Caption(text=text, credit=credit.lstrip("©").strip(" .") or None))
            continue
        captions.append(parse_caption(whole) or Caption(text=whole, credit=None))
    return captions


_BYLINE_PREFIX = re.compile(r"^(?:von|by|text|autor(?:in)?|author|written by|geschrieben von|from)\s*:?\s+", re.I)
_SEPARATORS = " \t·•|–—-,;:/()[]*"
_SCRIPT = re.compile(r"(<script\b(?![^>]*ld\+json)[^>]*>).*?(</script\s*>)", re.I | re.S)
_SITE_NAME_XPATH = (
    "//meta[@property='og:site_name' or @name='application-name' or @name='publisher'"
    " or @name='copyright' or @property='article:publisher' or @name='twitter:site']/@content"
)


def clean_author(name: str) -> Optional[str]:
    """One author as written in a byline, without "Von"/"By", separators and date residue
    ("Von Anna Beispiel · 14. Februar 2025" → "Anna Beispiel"); None when nothing
    name-like is left (a bare date, a separator)."""
    from .dates import header_date_regex

    text = " ".join(name.split())
    text = re.sub(rf"\b{header_date_regex()}.*$", "", text)
    text = re.sub(r"\b\d{1,2}:\d{2}(?:\s*Uhr)?\b.*$", "", text, flags=re.I)  # a time
    text = _BYLINE_PREFIX.sub("", text.strip(_SEPARATORS))
    text = text.strip(_SEPARATORS)
    if not text or not any(ch.isalpha() for ch in text) or len(text) > 80:
        return None
    return text


def _norm(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold().removeprefix("@"))


def outlet_names(tree: Optional["lxml.html.HtmlElement"], title: Optional[str], url: Optional[str]) -> set:
    """Normalised names of the outlet: og:site_name and similar metadata, the part of the
    <title> after the last " | " or " - ", the domain name. Authors equal to one of
    them are the outlet, not a person."""
    names = set()
    if tree is not None:
        names.update(str(v) for v in tree.xpath(_SITE_NAME_XPATH))
        page_title = tree.findtext(".//title") or ""
        for sep in (" | ", " – ", " — ", " - "):
            if sep in page_title:
                names.add(page_title.rsplit(sep, 1)[1])
    if title:
        for sep in (" | ", " – ", " — ", " - "):
            if sep in title:
                names.add(title.rsplit(sep, 1)[1])
    if url:
        host = re.sub(r"^[a-z]+://(?:www\.)?", "", url).split("/")[0]
        if host:
            names.add(host)
            names.add(host.split(".")[0])
    return {_norm(n) for n in names if n and _norm(n)}


def _split_authors(value: Optional[str], outlets: Optional[set] = None) -> List[str]:
    if not value:
        return []
    authors: List[str] = []
    for part in re.split(r";|\s+und\s+|\s+and\s+|,\s*(?=[A-ZÄÖÜ])|\s+[·•|]\s+", value):
        name = clean_author(part)
        if name and name not in authors and _norm(name) not in (outlets or set()):
            authors.append(name)
    return authors


_BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre"}
_SKIP = {"figure", "figcaption", "nav", "header", "footer", "aside", "script", "style", "form", "noscript", "template", "button"}


def paragraph_blocks(tree: "lxml.html.HtmlElement") -> List[tuple]:
    """``[(tag, text)]`` of the paragraph-level elements of the page's main container
    (``<article>``, ``<main>`` or ``<body>``), skipping figures, captions, navigation,
    headers and footers. The fallback when trafilatura runs a short page into one blob."""
    containers = tree.xpath("//article") or tree.xpath("//main | //*[@role='main']") or tree.xpath("//body")
    if not containers:
        return []
    out: List[tuple] = []
    for el in containers[0].iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCKS:
            continue
        if any(isinstance(a.tag, str) and a.tag in _SKIP | _BLOCKS for a in el.iterancestors()):
            continue
        if _CREDIT_CLASS.search(el.get("class") or "") or "byline" in (el.get("class") or ""):
            continue
        text = _text_of(el)
        if text:
            out.append(("head" if el.tag.startswith("h") else "p", text))
    return out


def _run_together(blocks: List[tuple], captions: List[Caption]) -> bool:
    """trafilatura's result looks like a short page run into one blob: a single block,
    or a block that contains a caption (text and credit) inside it."""
    texts = [t for _, t in blocks if t]
    if len(texts) == 1:
        return True
    for c in captions:
        needle = c.text if len(c.text) >= 15 else (f"{c.text} {c.credit}" if c.credit else "")
        if needle and any(needle in t and needle != t for t in texts):
            return True
    return False


# not "form": ASP.NET pages put their whole body in one
_NAVIGATION = ("nav", "header", "footer", "aside", "menu", "script", "style", "noscript", "template",
               "button", "select", "title", "head")


def _text_outside_navigation(tree: "lxml.html.HtmlElement") -> bool:
    """True when the page has any word outside navigation, header, footer, aside, button and
    script elements. A page without one has no article: trafilatura's fallback returned
    its menu ("Home", "Impressum Datenschutz Kontakt") as the article text; it is E005 now."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _NAVIGATION:
            continue
        if any(isinstance(a.tag, str) and a.tag in _NAVIGATION for a in el.iterancestors()):
            continue
        if (el.text or "").strip():
            return True
        if any((child.tail or "").strip() for child in el):  # text after a menu is outside it
            return True
    return False


_PAGE_TAG = re.compile(r"<(?:!doctype|html|head|body)\b", re.I)


def is_fragment(html: str) -> bool:
    """True for HTML without a page around it: no ``<!doctype>``, ``<html>``, ``<head>``
    or ``<body>`` tag anywhere (``<p>Text.</p>``, a feed entry's or a JSONL record's body)."""
    return _PAGE_TAG.search(html) is None


def parse_html(html: str, *, url: Optional[str] = None) -> ParsedHTML:
    """Extract an article from ``html``; ``text`` is empty when nothing usable is found."""
    import trafilatura

    result = ParsedHTML(text="")
    if is_fragment(html):
        # a body fragment ("<p>…</p>", as JSON Lines and feeds carry it) is no truncated
        # page; trafilatura and lxml need the document around it (without, one short
        # paragraph gave no text at all: E005)
        html = f"<html><body>{html}</body></html>"
    elif "</html>" not in html[-4096:].lower():
        result.warnings.append(Warnings.W005)
        result.partial = True
    # dates in scripts (consent expiry, build stamps) are not the article's: blank every
    # script except JSON-LD metadata before trafilatura/htmldate look for a date
    html = _SCRIPT.sub(r"\1\2", html)
    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_recall=False,
    )
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        tree = None
    if tree is not None:
        result.captions = extract_captions(tree)
        result.language = (tree.get("lang") or "").split("-")[0].lower() or None
    if not xml or (tree is not None and not _text_outside_navigation(tree)):
        return result
    root = etree.fromstring(xml.encode("utf-8"))
    result.title = root.get("title") or None
    result.authors = _split_authors(root.get("author"), outlet_names(tree, result.title, url))
    result.date_raw = root.get("date") or None
    if result.date_raw is None and tree is not None:
        found = tree.xpath(_META_DATE_XPATH)
        result.date_raw = str(found[0]) if found else None
    main = root.find("main")
    pieces: List[str] = []
    offset = 0
    caption_texts = {c.text for c in result.captions} | {
        f"{c.text} {c.credit}" for c in result.captions
    }
    body = main if main is not None else root
    blocks = _main_blocks(body)
    if tree is not None and _run_together(blocks, result.captions):
        fallback = paragraph_blocks(tree)
        if sum(len(t) for _, t in fallback) >= 0.3 * sum(len(t) for _, t in blocks):
            blocks = fallback
    for tag, text in blocks:
        if not text or text in caption_texts:
            continue
        if tag == "head":
            if not pieces and result.title and text == result.title:
                continue  # the page's <h1> repeats the title
            if result.sections:
                result.sections[-1].end = offset - 2
            result.sections.append(Section(title=text, start=offset, end=offset))
        pieces.append(text)
        offset += len(text) + 2
    result.text = "\n\n".join(pieces)
    if result.sections:
        result.sections[-1].end = len(result.text)
    return result
