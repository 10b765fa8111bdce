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


def _text_of(el: "etree._Element") -> str:
    return " ".join("".join(el.itertext()).split())


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


def _split_authors(value: Optional[str]) -> List[str]:
    if not value:
        return []
    return [a.strip() for a in re.split(r";|\s+und\s+|\s+and\s+|,\s*(?=[A-ZÄÖÜ])", value) if a.strip()]


def parse_html(html: str, *, url: Optional[str] = None) -> ParsedHTML:
    """Extract an article from ``html``; ``text`` is empty when nothing usable is found."""
    import trafilatura

    result = ParsedHTML(text="")
    if "</html>" not in html[-4096:].lower():
        result.warnings.append(Warnings.W005)
        result.partial = True
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
    if not xml:
        return result
    root = etree.fromstring(xml.encode("utf-8"))
    result.title = root.get("title") or None
    result.authors = _split_authors(root.get("author"))
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
    for el in (main if main is not None else root):
        text = _text_of(el)
        if not text or text in caption_texts:
            continue
        if el.tag == "head":
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
