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
