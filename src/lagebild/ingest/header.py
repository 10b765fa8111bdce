"""The header line of blog-style plain-text articles.

Variants seen on commentary blogs (a date always closes the line):

    Title. Author. 19.04.2025.
    Title | Author. 22.10.2025.
    Author: Title. 11.05.2025.
    | Vitaliy Portnikov @gvlua. 05.07.24.
    Title. 19.04.2025.
    Title. Author. 2016-03-14 | 3. November 2025 | 3 November 2025 | November 3, 2025
    Title. Portnikov. 19.04.2025.   (one word: an agency, or a word no lexicon knows)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional

from ..datafiles import data_path, word_list
from functools import lru_cache

from .dates import header_date_regex


@lru_cache(maxsize=1)
def _header_regex() -> "re.Pattern[str]":
    return re.compile(rf"^(?P<head>.*?)(?P<sep>[\s.,|:;–-]*)\b(?P<date>{header_date_regex()})\.?$")


# a date closing a sentence ("… findet am 3. November 2025 statt." ends differently, but
# "Die Wahl ist am 3. November 2025." would match): a lower-case word right before the
# date (a preposition) makes the line body text, not a header
_PREPOSITION_BEFORE = re.compile(r"(?:^|\s)[a-zäöüß]+$")
_HANDLE = re.compile(r"\s*@\w+")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|/|&|\bund\b|\band\b)\s*")
_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜÀ-ÞĀ-ſА-ЯЁІЇЄҐ][\w'’.\-]*$")
# one word as a surname: capitalised, lower case after (not an acronym such as "NATO"),
# parts joined by hyphens ("Müller-Lüdenscheid"), at least three letters
_ONE_WORD_NAME = re.compile(r"^[A-ZÄÖÜÀ-ÞĀ-ſА-ЯЁІЇЄҐ][a-zäöüßà-ÿā-ſа-яёіїєґ'’]{2,}(?:-[A-ZÄÖÜÀ-ÞĀ-ſА-ЯЁІЇЄҐ][a-zäöüßà-ÿā-ſа-яёіїєґ'’]+)*$")


@dataclass
class Header:
    title: Optional[str]
    authors: List[str] = field(default_factory=list)
    date_raw: Optional[str] = None


def _particles() -> frozenset:
    return word_list(str(data_path("ingest", "name_particles.txt")))


def _function_words() -> frozenset:
    return word_list(str(data_path("ingest", "title_words.txt")))


def looks_like_name(text: str, *, min_tokens: int = 2) -> bool:
    """A personal name such as "Vitaly Portnikov" or "Ursula von der Leyen"."""
    tokens = text.split()
    if not (min_tokens <= len(tokens) <= 5) or len(text) > 60:
        return False
    capitalised = 0
    for tok in tokens:
        if tok in _particles():  # lower-case "von der" inside a name
            continue
        if tok.lower() in _function_words():
            return False
        if _NAME_TOKEN.match(tok) and not any(ch.isdigit() for ch in tok):
            capitalised += 1
        else:
            return False
    return capitalised >= 1


def _agencies() -> frozenset:
    return word_list(str(data_path("ingest", "byline_agencies.txt")))


def one_word_byline(word: str) -> bool:
    """True if the single word ``word`` can stand alone as a byline: a news agency of
    ``data/ingest/byline_agencies.txt`` ("APA", "Reuters"), or a capitalised word
    ("Portnikov", "Müller-Lüdenscheid") that neither the German nor the English lexicon
    knows (:func:`lagebild.language.lemmas.is_known`: simplemma's form lists, as written
    and in lower case) and that is no label of ``title_words.txt`` ("Liveblog"). A
    surname that is also a word ("Fischer", "Kurz") or a known name ("Merkel") is not
    taken: "Title. Subtitle. Date." stays a title, as before."""
    if word in _agencies():
        return True
    if not _ONE_WORD_NAME.match(word) or word.lower() in _function_words():
        return False
    from ..language.lemmas import is_known

    return not any(is_known(form, lang) for form in (word, word.lower()) for lang in ("de", "en"))


def split_authors(text: str, *, min_tokens: int = 2, one_word: bool = False) -> Optional[List[str]]:
    """Author names in ``text`` if every part looks like a name, else None. With
    ``one_word``, a part may also be one word that :func:`one_word_byline` accepts."""
    text = _HANDLE.sub("", text).strip(" .,|")
    parts = [p.strip(" .") for p in _AUTHOR_SPLIT.split(text) if p.strip(" .")]
    if parts and all(
        looks_like_name(p, min_tokens=min_tokens) or (one_word and " " not in p and one_word_byline(p))
        for p in parts
    ):
        return parts
    return None


def parse_header(line: str) -> Optional[Header]:
    """Title, authors and raw date of a header line, or None if ``line`` is not one."""
    line = " ".join(line.replace("\u00a0", " ").split())
    m = _header_regex().match(line)
    if not m:
        return None
    head, date_raw = m.group("head").strip(), m.group("date")
    if head and not m.group("sep").strip() and _PREPOSITION_BEFORE.search(head):
        return None
    if len(head) > 300:
        return None
    header = Header(title=None, date_raw=date_raw)
    if head.startswith("|"):
        header.authors = split_authors(head.lstrip("| "), min_tokens=1) or []
        if not header.authors and head.strip("| ."):
            header.title = head.strip("| .")
        return header
    body = head.rstrip(" .|")
    if not body:
        return header
    if " | " in body:
        title, author = body.rsplit(" | ", 1)
        authors = split_authors(author, min_tokens=1)
        if authors:
            header.title, header.authors = title.strip(" .") or None, authors
            return header
    colon = re.match(r"^(?P<a>[^:]{3,80}):\s+(?P<t>.+)$", body)
    if colon:
        authors = split_authors(colon.group("a"))
        if authors:
            header.title, header.authors = colon.group("t").strip(" .") or None, authors
            return header
    if ". " in body:
        title, author = body.rsplit(". ", 1)
        authors = split_authors(author, one_word=True)
        if authors:
            header.title, header.authors = title.strip(" .") or None, authors
            return header
    header.title = body
    return header
