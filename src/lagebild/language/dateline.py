"""Datelines: the place (and agency) a news report opens with, "Wien – Die Regierung …".

News agencies and newspapers open a report with a *dateline*, the place it was filed from
("Wien – Die Regierung …", "Istanbul (APA) – …", "Linz/Wien – …", "MOSCOW (Reuters) - …").
The dateline is no part of the sentence that follows it, but a statistical parser reads it as
one: it takes the place for the subject and hangs the real subject on it as an apposition
("Warschau – Der Parteichef X hat …"), or makes the place the root of the sentence and the
real verb a dependent of it ("Kabul – Am Montag griffen …").

This module is the one place that knows a dateline, used by every component:

* :func:`dateline_span` / :func:`dateline_matches` find it in raw text (the actor linker's
  home country, :mod:`lagebild.actors.home`);
* :func:`dateline_tokens` gives the dateline tokens at the start of a parsed sentence — their
  places are no one's argument;
* :func:`dateline_subject` is the one subject repair for a sentence whose parse took such a
  dateline for the subject: the noun phrase the parser hung on the place that fills the
  Vorfeld, from the dash to the finite verb.

The shape (one to three capitalised place words, up to five places joined by "/", an optional
agency in brackets, a dash with a space on at least one side, a capitalised next word) is the
convention of German and international agency copy (dpa, APA, AFP, Reuters style guides).

Splitting the dateline off as a sentence of its own before the parse was tried (session 21)
and not kept: it lowered events recall on the held-out dev-B lines (0.341 -> 0.335).
"""
from __future__ import annotations

import re
from typing import Callable, Iterator, List, Optional, Sequence, Set, Tuple

from ..tokens import span_text, token_texts

#: a dateline must begin within this many characters of the text (after a headline and a lead)
DATELINE_WINDOW = 1200
#: the dashes a dateline ends with
DASHES = frozenset(("–", "—", "-", "--"))
_TRUE_DASHES = frozenset(("–", "—", "--"))

# one to three capitalised place words ("Den Haag"; "Frankfurt am Main" is cut at "am"),
# up to five such places joined by "/" ("Wien/Spielfeld/Athen/Belgrad"), an optional agency in brackets, then a
# dash with a space on at least one side, then the capitalised first word of the report
_PLACE = r"(?:St\. )?[A-ZÄÖÜ][\w'’]*(?:-[A-ZÄÖÜ][\w'’]*)?"
DATELINE = re.compile(
    rf"(?:^|(?<=[.!?:;\"“”»«)] )|(?<=\n))(?P<place>{_PLACE}(?: {_PLACE}){{0,2}}(?:/{_PLACE}(?: {_PLACE}){{0,2}}){{0,4}})"
    # English wire copy dates its dateline: "PARIS, March 3 (Reuters) -", "MOSCOW, Aug. 12 (AFP) -"
    r"(?:, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?"
    r"(?: ?\((?P<agency>[^()\n]{1,30})\))?"
    r"(?: [–—-] ?|[–—-] )(?=[\"„»“]?[A-ZÄÖÜ0-9])"
)


def dateline_matches(text: str, window: int = DATELINE_WINDOW) -> Iterator["re.Match[str]"]:
    """The dateline matches (regex groups ``place``, ``agency``; ``m.end()`` is where the
    report's first word begins) that begin in the first ``window`` characters of ``text``,
    in text order. Only the shape is checked (module docstring), not that a place is named."""
    for m in DATELINE.finditer(text[:window]):
        yield m


def dateline_span(text: str, window: int = DATELINE_WINDOW) -> Optional[Tuple[int, int]]:
    """Character span ``(start, end)`` of the place words of the first dateline in the
    first ``window`` characters of ``text`` ("… Lead. Wien – Die …" -> the span of
    "Wien"), or None. A dateline stands at the start of the text or of a sentence."""
    for m in dateline_matches(text, window):
        return m.span("place")
    return None


def dateline_tokens(sent, hyphen: bool = False, wire_hyphen: bool = False) -> Set[int]:
    """Token indices of a dateline at the start of the parsed sentence ``sent`` (a spaCy
    Span), or after a headline the splitter left in it ("… in Aleppo. Aleppo –"): up to six
    name-like tokens (proper or common nouns, upper-case words, "/", brackets, commas)
    between a sentence start or sentence-final punctuation and a dash ("–", "—", "--"; with
    ``hyphen`` also a hyphen that is a token of its own, "Graz - …", which the event coder
    leaves alone: "Jordan - also criticised …" has a subject before it). With
    ``wire_hyphen`` (English wire copy, "WASHINGTON (Reuters) - Scientists …") a spaced
    hyphen counts too, but only after a parenthesised agency or an all-capitals place, as
    hyphens inside names ("al-Tanf") are no separators. Empty when there is none. The
    places are no one's argument."""
    out: Set[int] = set()
    text = span_text(sent)  # sliced from the cached Doc text: this runs for every sentence
    dashes = DASHES if hyphen else _TRUE_DASHES
    wire = wire_hyphen and not hyphen and " - " in text
    if not any(d in text for d in dashes) and not wire:
        return out
    doc = sent.doc
    texts = token_texts(doc)
    for i in range(sent.start + 1, sent.end):
        # (by the cached token texts first: a Token object only for a dash)
        if texts[i] not in dashes and not (wire and texts[i] == "-"):
            continue
        tok = doc[i]
        if tok.text not in dashes:
            before = doc[tok.i - 1]
            if not (wire and tok.text == "-" and tok.whitespace_ and before.whitespace_
                    and (before.text == ")" or before.is_upper)):
                continue
        k = tok.i - 1
        names: List[int] = []
        # English wire copy may date the dateline ("PARIS, March 3 (Reuters) -"): its day
        # number and abbreviation point count, and the line is longer
        while k >= sent.start and k >= tok.i - (9 if wire_hyphen else 6):
            t = doc[k]
            if t.pos_ in ("PROPN", "NOUN", "X") or t.text in ("/", "(", ")", ",") or t.is_upper \
                    or (wire_hyphen and (t.like_num or t.text == ".")):
                names.append(k)
                k -= 1
                continue
            break
        if names and (k < sent.start or doc[k].text in (".", "!", "?", ":")):
            out.update(names)
    return out


def report_start(sent) -> int:
    """Index of the first token of the report in the parsed sentence ``sent``: the token
    after the dash of a dateline at the sentence start ("Graz – Aus dem Büro …" -> "Aus"),
    else ``sent.start``."""
    dl = dateline_tokens(sent, hyphen=True)
    if sent.start in dl:
        k = sent.start
        while k in dl:
            k += 1
        if k < sent.end and sent.doc[k].text in DASHES:
            return k + 1
    return sent.start


def _dep(tok) -> str:
    return tok.dep_.split(":")[0].lower()


def dateline_subject(places: Sequence, finite_i: int, dateline: Set[int],
                    has_actor: Optional[Callable[[object], bool]] = None) -> list:
    """The one repair for a parse that took a dateline place for the subject: the noun
    phrase heads the parser hung on the places ``places`` (tokens) between the dateline and
    the finite verb at index ``finite_i`` -- the real Vorfeld subject ("Wien –
    ÖGB-Präsident X nennt …": the head "X" hung on "Wien" as an apposition). ``dateline`` is
    the set of dateline token indices (:func:`dateline_tokens`). A phrase with a preposition
    ("Wien – Nach der Genehmigung …") is no subject, nor is a head whose lemma is lower case
    (a capitalised adverb after the dash, "Zuvor") unless ``has_actor(head)`` says it names
    an actor. Returns the heads in text order, those with an actor first (``has_actor``);
    possibly empty."""
    out = []
    for place in places:
        for c in place.children:
            if c.i in dateline or not (place.i < c.i < finite_i) or c.pos_ not in ("NOUN", "PROPN"):
                continue
            if _dep(c) == "case" or any(_dep(x) == "case" for x in c.children):
                continue
            if not (c.lemma_ or c.text)[:1].isupper() and not (has_actor is not None and has_actor(c)):
                continue
            out.append(c)
    out.sort(key=lambda t: t.i)
    if has_actor is not None:
        out.sort(key=lambda t: not has_actor(t))
    return out
