"""Place names that several places share: which one a document means.

"Georgia" is a country in the Caucasus and a US state, "Paris" the French capital and a
town in Texas. The linker's gazetteer returns every reading; this pass, run on the
chosen match atoms of one document before they are composed, keeps one:

1. **City, Region** ("Paris, Texas", "Springfield, Illinois"): a place followed by a comma
   and a place of ANOTHER country is a town in that region; the two atoms become one
   mention of the region (a place of its country, never the capital's government).
2. **Cue words** before the name that only sub-national places take ("the governor of",
   "der Gouverneur von", "US-Bundesstaat", "the state of"; ``linking.yaml`` ``subnational``)
   favour the reading that is not a country.
3. **Document context**: every other, unambiguous place, country, demonym or adjective of
   the document votes for its country; the reading whose country has most votes wins
   (the method of the "one sense per discourse" heuristic, Gale, Church & Yarowsky 1992).
   Ties keep the gazetteer's order (the country first).
   English (session 31): a sub-national reading ("Georgia", the US state) takes only the
   votes of other sub-national places of its country (a city or region that is not the
   capital: "Atlanta", "Florida") and cue words before or right after the name ("Georgia's
   governor", "Georgia Governor X"); the country itself, its adjective, demonym, capital,
   people and bodies are no clue to it -- international news names the United States
   beside Georgia the country all the time ("The United States sent aid to Georgia", "Bush
   called on Moscow to withdraw its troops from Georgia").
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, Iterable, List, Optional, Sequence, Set

from spacy.tokens import Doc

from .gazetteer import METONYMY, NAME, Entry
from .kb import KB

CUE_WEIGHT = 3  # a cue word outweighs up to two context votes


def _place_readings(kb: KB, entries: Sequence[Entry]) -> List[Entry]:
    out = []
    for e in entries:
        if e.kind != "actor" or e.mention_kind not in (NAME, METONYMY):
            continue
        actor = kb.get(e.target or "")
        if actor is not None and actor.type in ("GPE", "LOC") and actor.country:
            out.append(e)
    return out


def _country(kb: KB, entry: Entry) -> Optional[str]:
    if entry.kind in ("adj", "demonym"):
        return entry.target
    actor = kb.get(entry.target or "")
    return actor.country if actor is not None else None


def resolve_place_homonyms(doc: Doc, atoms: List, kb: KB, cues: Iterable[str]) -> List:
    """Atoms (``linker.Atom``: ``start``, ``end``, ``entries``), sorted by ``start`` and not
    overlapping, with one reading left for each shared place name and "City, Region" pairs
    merged. Returns a new list; atoms without competing place readings are unchanged.
    ``cues``: lower-cased words that precede sub-national places only."""
    cue_words: Set[str] = {c.lower() for c in cues}
    atoms = _merge_city_region(doc, atoms, kb)
    ambiguous: Dict[int, List[Entry]] = {}
    votes: Counter = Counter()
    place_votes: Counter = Counter()  # English: votes of sub-national places only
    english = doc.lang_ == "en"
    for i, a in enumerate(atoms):
        readings = _place_readings(kb, a.entries)
        countries = {_country(kb, e) for e in readings}
        if len(countries) > 1:
            ambiguous[i] = readings
            continue
        first = a.entries[0]
        if first.kind in ("actor", "adj", "demonym"):
            c = _country(kb, first)
            if c:
                votes[c] += 1
                if english and _sub_national_place(kb, first):
                    place_votes[c] += 1
    if not ambiguous:
        return atoms
    out = list(atoms)
    for i, readings in ambiguous.items():
        a = atoms[i]
        before = {t.lower_ for t in doc[max(0, a.start - 3):a.start]}
        before |= {p.lower() for t in doc[max(0, a.start - 3):a.start] for p in t.text.split("-")}
        if english:
            # "Georgia's governor", "Georgia Governor Brian Kemp", "Georgia state senator"
            after = [t for t in doc[a.end:a.end + 3] if t.lower_ not in ("'s", "’s", "'")][:1]
            before |= {t.lower_ for t in after}
        cue = bool(before & cue_words)

        def score(e: Entry) -> int:
            region = _is_region(kb, e)
            count = place_votes if english and region and _country_reading(kb, readings) else votes
            return count[_country(kb, e) or ""] + (CUE_WEIGHT if cue and region else 0)

        best = max(readings, key=score)  # max keeps the first of equal scores
        keep = [e for e in a.entries if e not in readings or e is best]
        out[i] = type(a)(a.start, a.end, keep)
    return out


def _sub_national_place(kb: KB, entry: Entry) -> bool:
    """Whether ``entry`` names a place inside a country that is neither the country itself
    nor its capital (a city or region: "Atlanta", "Florida"), by name (not metonymy)."""
    if entry.kind != "actor" or entry.mention_kind != NAME:
        return False
    actor = kb.get(entry.target or "")
    if actor is None or actor.type not in ("GPE", "LOC") or not actor.country or actor.id == actor.country:
        return False
    state = kb.get(actor.country)
    return state is None or state.capital != actor.id


def _country_reading(kb: KB, readings: Sequence[Entry]) -> bool:
    """Whether one of ``readings`` is a country itself (the KB actor whose id is its own
    country code: "Georgia" -> GEO)."""
    for e in readings:
        actor = kb.get(e.target or "")
        if actor is not None and actor.id == actor.country:
            return True
    return False


def _is_region(kb: KB, entry: Entry) -> bool:
    actor = kb.get(entry.target or "")
    return actor is not None and actor.type == "LOC"


def _merge_city_region(doc: Doc, atoms: List, kb: KB) -> List:
    out: List = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and b.start == a.end + 1 and doc[a.end].text == ",":
            city = _place_readings(kb, a.entries)
            regions = [e for e in _place_readings(kb, b.entries) if _is_region(kb, e)]
            if city and regions:
                region = regions[0]
                c_region = _country(kb, region)
                if all(_country(kb, e) != c_region for e in city):
                    out.append(type(a)(a.start, b.end, [region]))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out
