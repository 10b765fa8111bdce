"""The home country of a document: where it was written, read from its dateline or its outlet.

News agencies and newspapers open a report with a *dateline*, the place it was filed from
("Wien – Die Regierung …", "Istanbul (APA) – …", "Linz/Wien – …"). A national office,
ministry or body the text names without a country ("Finanzminister Schelling", "das
Innenministerium", "der Bischof") is the office of that place's country, not of a foreign
country the article merely discusses — the convention CAMEO coders (and the real-news
gold, ``benchmarks/gold/real-de/README.md``) follow. Without a dateline the outlet's
country stands in (``derStandard.at`` -> AUT), found from the article's ``source`` or
``url`` among the KB's media organisations.

:func:`dateline_span` finds the dateline; :func:`dateline_country` and
:func:`outlet_country` resolve it with the actor linker's KB
(``ActorLinker.home_country``). The linker stores the result
in ``doc.user_data[HOME_KEY]`` so later components (``language.reference``) read the same
answer.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Optional, Tuple
from urllib.parse import urlparse

#: ``doc.user_data`` key of the home country (ISO alpha-3 or None) the linker found
HOME_KEY = "lagebild_home_country"
#: a dateline must begin within this many characters of the text (after a headline and a lead)
DATELINE_WINDOW = 1200

# one to three capitalised place words ("Den Haag"; "Frankfurt am Main" is cut at "am"),
# up to five such places joined by "/" ("Wien/Spielfeld/Athen/Belgrad"), an optional agency in brackets, then a
# dash with a space on at least one side, then the capitalised first word of the report
_PLACE = r"(?:St\. )?[A-ZÄÖÜ][\w'’]*(?:-[A-ZÄÖÜ][\w'’]*)?"
_DATELINE = re.compile(
    rf"(?:^|(?<=[.!?:;\"“”»«)] )|(?<=\n))(?P<place>{_PLACE}(?: {_PLACE}){{0,2}}(?:/{_PLACE}(?: {_PLACE}){{0,2}}){{0,4}})"
    r"(?: ?\((?P<agency>[^()\n]{1,30})\))?"
    r"(?: [–—-] ?|[–—-] )(?=[\"„»“]?[A-ZÄÖÜ0-9])"
)


def dateline_span(text: str, window: int = DATELINE_WINDOW) -> Optional[Tuple[int, int]]:
    """Character span ``(start, end)`` of the place words of the first dateline in the
    first ``window`` characters of ``text`` ("… Lead. Wien – Die …" -> the span of
    "Wien"), or None. A dateline stands at the start of the text or of a sentence; only
    its shape is checked here, :func:`dateline_country` checks that it names a place."""
    for m in _DATELINE.finditer(text[:window]):
        return m.span("place")
    return None


def dateline_country(text: str, lookup: Callable[[str], Iterable]) -> Optional[str]:
    """ISO alpha-3 code of the country of the place the dateline of ``text`` names, else
    None. ``lookup(name)``: the KB actors one of whose names is ``name`` (the linker's
    surface table). The longest known name wins ("Den Haag" before "Den"), then the first
    ("Wien/Budapest" -> AUT); a dateline place the KB does not know ("Eisenstadt") gives
    None."""
    span = dateline_span(text)
    if span is None:
        return None
    words = re.split(r"[ /]", text[span[0]:span[1]])
    for size in range(len(words), 0, -1):
        for i in range(0, len(words) - size + 1):
            for actor in lookup(" ".join(words[i:i + size])):
                if actor.type in ("GPE", "LOC") and actor.country and len(actor.country) == 3:
                    return actor.country
    return None


def outlet_country(source: Optional[str], url: Optional[str], lookup: Callable[[str], Iterable]) -> Optional[str]:
    """The country of the news outlet an article comes from: its ``source`` or the host of
    its ``url`` ("derstandard.at", "https://www.derstandard.at/…") named as a KB media
    organisation (agent MED), whose code begins with the country ("AUTMED" -> AUT); None
    when neither names one. ``lookup`` as in :func:`dateline_country`."""
    names = []
    for value in (source, url):
        if not value:
            continue
        value = value.strip()
        names.append(value)
        host = urlparse(value if "//" in value else "//" + value).hostname or ""
        if host:
            host = host[4:] if host.startswith("www.") else host
            names.extend((host, host.rsplit(".", 1)[0]))
    for name in names:
        for actor in lookup(name):
            code = actor.code or ""
            if actor.type == "ORG" and code[3:6] == "MED" and code[:3].isalpha() and code[:3] != "IGO":
                return code[:3]
    return None
