"""How much of the CAMEO codebook a language's event lexicon covers.

``lexicon_coverage("de")`` counts, for every event code of ``data/cameo/cameo.tsv`` (the
3- and 4-digit codes; a 2-digit root is covered by its ``x0`` code), whether at least one
shipped pattern codes it with a verb trigger, with a noun trigger (flag ``noun``) and with
a verb that requires words (light verbs and verb + topic: "Kritik üben", "um Waffen bitten").
``scripts/lexicon_coverage.py`` prints the table; ``tests/events/test_lexicon_de.py`` holds
the German lexicon to full coverage.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Dict, List

from ..datafiles import data_path, iter_tsv
from .patterns import load_patterns


@dataclass
class RootCoverage:
    root: str
    codes: List[str] = field(default_factory=list)
    verb: List[str] = field(default_factory=list)  # codes with >= 1 verb pattern
    noun: List[str] = field(default_factory=list)  # codes with >= 1 noun pattern
    light: List[str] = field(default_factory=list)  # codes with >= 1 verb pattern with required words
    patterns: int = 0  # patterns of this root (verbs and nouns)

    @property
    def missing_verb(self) -> List[str]:
        return [c for c in self.codes if c not in self.verb]

    @property
    def missing_noun(self) -> List[str]:
        return [c for c in self.codes if c not in self.noun]


def event_codes() -> List[str]:
    """The 3- and 4-digit CAMEO event codes of the codebook, in file order."""
    return [row["code"] for row in iter_tsv(data_path("cameo", "cameo.tsv"), required=("code",))
            if len(row["code"]) >= 3]


def lexicon_coverage(lang: str) -> "OrderedDict[str, RootCoverage]":
    """Per CAMEO root (``"01"`` … ``"20"``): its codes and which have verb/noun patterns.

    Returns an ordered ``{root: RootCoverage}``; patterns coding nothing (``---``) do not count."""
    index = load_patterns(lang)
    verb: Dict[str, int] = {}
    noun: Dict[str, int] = {}
    light: Dict[str, int] = {}
    per_root: Dict[str, int] = {}
    for p in index.patterns():
        if p.null or p.codeless:
            continue
        (noun if p.nominal else verb)[p.code] = 1
        if not p.nominal and p.words:
            light[p.code] = 1
        per_root[p.code[:2]] = per_root.get(p.code[:2], 0) + 1
    out: "OrderedDict[str, RootCoverage]" = OrderedDict()
    for code in event_codes():
        rc = out.setdefault(code[:2], RootCoverage(code[:2], patterns=per_root.get(code[:2], 0)))
        rc.codes.append(code)
        if code in verb:
            rc.verb.append(code)
        if code in noun:
            rc.noun.append(code)
        if code in light:
            rc.light.append(code)
    return out


KINDS = ("verb", "particle", "noun", "light")


@dataclass
class CodeCounts:
    """How many shipped patterns code one CAMEO code, by kind of trigger.

    ``verb``: plain verbs (no required words, no separable particle); ``particle``: German
    separable (particle) verbs -- a trigger that starts with a particle of
    ``particles_<lang>.txt`` followed by 3+ letters, or an English phrasal verb ("pull out");
    ``noun``: nominal triggers (flag ``noun``); ``light``: verbs with required words
    (light-verb constructions and verb + topic: "Kritik üben", "in Gewahrsam nehmen").
    Tier-1 (converted dictionary) patterns are counted apart in ``converted``."""
    code: str
    verb: int = 0
    particle: int = 0
    noun: int = 0
    light: int = 0
    converted: int = 0

    @property
    def own(self) -> int:
        """Own (tier-0) patterns of the code, all kinds together."""
        return self.verb + self.particle + self.noun + self.light


def trigger_kind(pattern, prefixes) -> str:  # type: ignore[no-untyped-def]
    """The kind of ``pattern`` (a :class:`~lagebild.events.patterns.Pattern`) for
    :class:`CodeCounts`: ``"noun"``, ``"light"``, ``"particle"`` or ``"verb"``; ``prefixes``
    are the separable particles of the language (:func:`~lagebild.events.patterns.separable_prefixes`)."""
    if pattern.nominal:
        return "noun"
    if pattern.words:
        return "light"
    trig = pattern.trigger
    if " " in trig or any(trig.startswith(p) and len(trig) - len(p) >= 3 for p in prefixes):
        return "particle"
    return "verb"


def code_counts(lang: str) -> "OrderedDict[str, CodeCounts]":
    """Per CAMEO event code of the codebook (3- and 4-digit, file order): the counts of the
    shipped patterns of ``lang`` that code it, by trigger kind (:class:`CodeCounts`).
    A 2-digit root's patterns count for its ``x0`` code; ``---`` rows do not count."""
    from .patterns import separable_prefixes

    index = load_patterns(lang)
    prefixes = sorted(separable_prefixes(lang), key=len, reverse=True)
    out: "OrderedDict[str, CodeCounts]" = OrderedDict((c, CodeCounts(c)) for c in event_codes())
    for p in index.patterns():
        if p.null or p.codeless:
            continue
        code = p.code + "0" if len(p.code) == 2 else p.code
        cc = out.get(code)
        if cc is None:
            continue
        if p.tier:
            cc.converted += 1
            continue
        kind = trigger_kind(p, prefixes)
        setattr(cc, kind, getattr(cc, kind) + 1)
    return out
