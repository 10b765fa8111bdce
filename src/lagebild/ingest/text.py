"""Plain-text articles: header line, captions with credits, sub-headings, boilerplate.

Markdown headings (``# Titel``, ``## Lage``) lose their ``#`` marks: the first is the
title when no header line gives one, the others are sub-headings; links, images, emphasis
and code spans lose their marks too, and link definitions are dropped
(:mod:`lagebild.ingest.markdown`).

Paragraphs are separated by blank lines (or stand one per line, as blogs export them);
the clean ``text`` joins them with blank lines and keeps sub-headings as paragraphs, so
section offsets point into it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import List, Optional

from ..datafiles import data_path, iter_tsv
from ..schemas import Caption, Section
from . import boilerplate
from .header import Header, parse_header
from .markdown import is_link_definition, strip_inline

HEADING_MAX_CHARS = 90
HEADING_MAX_WORDS = 12
CAPTION_MAX_CHARS = 400


@dataclass
class ParsedText:
    text: str
    title: Optional[str] = None
    authors: List[str] = field(default_factory=list)
    date_raw: Optional[str] = None
    sections: List[Section] = field(default_factory=list)
    captions: List[Caption] = field(default_factory=list)


@lru_cache(maxsize=1)
def _caption_regex() -> "re.Pattern[str]":
    markers = sorted(
        (r["marker"] for r in iter_tsv(data_path("ingest", "caption_markers.tsv"), required=("marker",))),
        key=len,
        reverse=True,
    )
    alternatives = "|".join(re.escape(m) for m in markers)
    return re.compile(
        rf"^(?P<text>.*?)[\s.,;(\[]*(?:\b(?:{alternatives})\s*:|©|\(c\))\s*(?P<credit>.+?)[)\]]?\s*$",
        re.IGNORECASE,
    )


def parse_caption(line: str) -> Optional[Caption]:
    """A photo caption with its credit ("… Foto: Alex Brandon / AP"), or None."""
    line = " ".join(line.replace("\u00a0", " ").split())
    if len(line) > CAPTION_MAX_CHARS:
        return None
    m = _caption_regex().match(line)
    if not m or not m.group("credit").strip(" ."):
        return None
    return Caption(text=m.group("text").strip(" .,;") or "", credit=m.group("credit").strip(" ."))


def _paragraphs(lines: List[str]) -> List[str]:
    """Blocks of lines; a hard-wrapped block (many mid-length lines) is joined."""
    blocks: List[List[str]] = [[]]
    for line in lines:
        if boilerplate.is_blank(line):
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(" ".join(line.replace("\u00a0", " ").split()))
    out: List[str] = []
    for block in blocks:
        if not block:
            continue
        wrapped = len(block) >= 3 and all(40 <= len(b) <= 100 for b in block[:-1])
        out.extend([" ".join(block)] if wrapped else block)
    return out


def is_heading(par: str, next_par: Optional[str]) -> bool:
    """Short, unpunctuated, capitalised lines followed by a longer paragraph."""
    if next_par is None or len(par) > HEADING_MAX_CHARS or len(par.split()) > HEADING_MAX_WORDS:
        return False
    if par[-1] in ".,;:–-" or not (par[0].isupper() or par[0].isdigit()):
        return False
    return len(next_par) > max(2 * len(par), 80)


def parse_plain_text(raw: str) -> ParsedText:
    """Split ``raw`` into header fields, captions, sections and clean body text."""
    lines = raw.split("\n")
    header: Optional[Header] = None
    first = next((i for i, line in enumerate(lines) if not boilerplate.is_blank(line)), None)
    if first is not None:
        header = parse_header(strip_inline(lines[first]))
        if header is not None:
            lines = lines[first + 1 :]
    pars = [strip_inline(p) for p in _paragraphs(lines) if not is_link_definition(p)]
    pars = [p for p in pars if p.strip()]
    marked = set()  # Markdown ATX headings ("## Lage"), their "#" marks removed
    for i, par in enumerate(pars):
        m = _ATX_HEADING.match(par)
        if m:
            pars[i] = m.group("text")
            marked.add(pars[i])
    result = ParsedText(text="")
    if header is not None:
        result.title, result.authors, result.date_raw = header.title, header.authors, header.date_raw
    elif len(pars) > 1 and (pars[0] in marked or _title_like(pars[0]) and len(pars[1]) > len(pars[0])):
        result.title = pars.pop(0)

    kept: List[str] = []
    for i, par in enumerate(pars):
        kind = boilerplate.classify(par)
        if kind == "tail" and i >= len(pars) * 2 / 3:
            break
        if kind:
            continue
        caption = parse_caption(par)
        if caption is not None:
            result.captions.append(caption)
            continue
        kept.append(par)

    pieces: List[str] = []
    offset = 0
    open_section: Optional[Section] = None
    for i, par in enumerate(kept):
        start = offset
        if (par in marked and i + 1 < len(kept)) or is_heading(par, kept[i + 1] if i + 1 < len(kept) else None):
            if open_section is not None:
                open_section.end = start - 2
            open_section = Section(title=par, start=start, end=start)
            result.sections.append(open_section)
        pieces.append(par)
        offset += len(par) + 2
    result.text = "\n\n".join(pieces)
    if open_section is not None:
        open_section.end = len(result.text)
    return result


# a Markdown ATX heading: 1-6 "#", a space, the text, optional closing "#"s ("#Ukraine",
# a hashtag, has no space and stays text)
_ATX_HEADING = re.compile(r"^#{1,6}\s+(?P<text>[^#\s].*?)(?:\s+#+)?\s*$")


def _title_like(par: str) -> bool:
    return len(par) <= 200 and not par.endswith(".")
