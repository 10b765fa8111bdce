"""The home country of a document: where it was written, read from its dateline or its outlet.

News agencies and newspapers open a report with a *dateline*, the place it was filed from
("Wien – Die Regierung …", "Istanbul (APA) – …", "Linz/Wien – …"). A national office,
ministry or body the text names without a country ("Finanzminister Schelling", "das
Innenministerium", "der Bischof") is the office of that place's country, not of a foreign
country the article merely discusses — the convention CAMEO coders (and the real-news
gold, ``benchmarks/gold/real-de/README.md``) follow. Without a dateline the outlet's
country stands in (``derStandard.at`` -> AUT), found from the article's ``source`` or
``url`` among the KB's media organisations.

:func:`dateline_span` (:mod:`lagebild.language.dateline`) finds the dateline; :func:`dateline_country` and
:func:`outlet_country` resolve it with the actor linker's KB
(``ActorLinker.home_country``). The linker stores the result
in ``doc.user_data[HOME_KEY]`` so later components (``language.reference``) read the same
answer.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Optional
from urllib.parse import urlparse

from ..language.dateline import DATELINE_WINDOW, dateline_span

#: ``doc.user_data`` key of the home country (ISO alpha-3 or None) the linker found
HOME_KEY = "lagebild_home_country"
# the dateline itself (its shape, DATELINE_WINDOW) is found by lagebild.language.dateline,
# the one place that knows it; re-exported here for callers of this module
__all__ = ["HOME_KEY", "DATELINE_WINDOW", "dateline_span", "dateline_country", "outlet_country"]


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
