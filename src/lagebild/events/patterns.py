"""Event patterns as data: ``data/events/patterns_<lang>.tsv`` → :class:`Pattern`.

A pattern maps a trigger (a verb lemma, with its separable particle in German —
"ablehnen" — or its phrasal particle in English — "pull out") to a CAMEO code; optional
``words`` constrain the predicate (light-verb and noun constructions: "Sanktionen
verhängen", "impose sanctions"); ``target`` names the argument slots that hold the
target actor; ``flags`` carry ``mutual``, ``requires=target`` and ``extra``.
PETRARCH dictionaries are converted into the same representation (see ``petrarch.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from ..datafiles import data_path, iter_tsv, word_list

# English particles that make a two-word trigger a phrasal verb ("pull out") rather than
# verb + required word ("hold talks")
PHRASAL_PARTICLES = frozenset(
    "up down off out in on over back away by about around along through together".split()
)
DEFAULT_TARGET = ("obj", "iobj")


@dataclass(frozen=True)
class Pattern:
    trigger: str  # lemma key, lower case ("ablehnen", "pull out")
    code: str
    words: Tuple[FrozenSet[str], ...] = ()  # each set: one of these lemmas must occur
    target: Tuple[str, ...] = DEFAULT_TARGET  # slots: obj, iobj, prep:<p>
    mutual: bool = False
    requires_target: bool = False
    extra: bool = False  # fires besides the best pattern of its trigger
    source_slots: Tuple[str, ...] = ("subj",)
    origin: str = ""  # file:line, for messages and debugging
    pre_words: Tuple[FrozenSet[str], ...] = ()  # must occur before the trigger (PETRARCH "NOT *")
    reverse_code: Optional[str] = None  # PETRARCH "[042:043]": the target's event back
    ordered: bool = False  # words must follow the trigger in this order (PETRARCH)
    adjacent: Tuple[bool, ...] = ()  # per word: directly after the previous one (PETRARCH "_")
    nominal: bool = False  # trigger is a noun ("das Treffen von X mit Y", "the attack on Y")
    compound_source: bool = False  # only with coordinated subjects (PETRARCH "% *")
    no_reflexive: bool = False  # not with a reflexive object ("verspricht sich" ≠ promises)
    context: FrozenSet[str] = frozenset()  # sense: one of these must occur in the sentence
    exclude: FrozenSet[str] = frozenset()  # sense: none of these may occur in the sentence
    tier: int = 0  # 0: own patterns; 1: a converted dictionary, tried only where no own pattern of the trigger matches

    @property
    def specificity(self) -> int:
        return (2 * (len(self.words) + len(self.pre_words)) + (1 if self.target != DEFAULT_TARGET else 0)
                + (1 if self.compound_source else 0) + (2 if self.context else 0) + (1 if self.exclude else 0))

    @cached_property
    def needs(self) -> Tuple[Tuple[FrozenSet[str], Tuple[str, ...], Tuple[str, ...]], ...]:
        """Per required word set (``words`` then ``pre_words``): its one-word alternatives,
        the first words of its multi-word alternatives, and the multi-word alternatives --
        for the coder's quick set tests (computed once per pattern)."""
        out = []
        for alts in self.words + self.pre_words:
            multi = tuple(sorted(w for w in alts if " " in w))
            out.append((frozenset(w for w in alts if " " not in w), tuple(w.split(" ", 1)[0] for w in multi), multi))
        return tuple(out)

    @property
    def null(self) -> bool:
        """A pattern that matches but codes nothing (PETRARCH ``[---]``)."""
        return self.code.strip() == "---"

    @cached_property
    def codeless(self) -> bool:
        """A pattern whose code is a placeholder (PETRARCH test markers ``[+++]``, ``[xxy]``):
        it is skipped."""
        return not self.null and not any(ch.isdigit() for ch in self.code)


@lru_cache(maxsize=65536)
def _split_words(cell: Optional[str]) -> Tuple[FrozenSet[str], ...]:
    """``a|b+c`` → ``({a, b}, {c})``; cached (converted dictionaries repeat a synset's cell
    on every verb of a block)."""
    if not cell:
        return ()
    return tuple(
        frozenset(w.strip().lower() for w in alt.split("|") if w.strip())
        for alt in cell.split("+")
        if alt.strip()
    )


def make_pattern(
    trigger: str,
    code: str,
    *,
    words: Optional[str] = None,
    target: Optional[str] = None,
    flags: Optional[str] = None,
    lang: str = "en",
    origin: str = "",
    tier: int = 0,
) -> Pattern:
    """One :class:`Pattern` from the cells of a pattern file row."""
    trigger = " ".join(trigger.lower().split())
    extra_words: Tuple[FrozenSet[str], ...] = ()
    parts = trigger.split(" ")
    if len(parts) > 1 and not (len(parts) == 2 and parts[1] in PHRASAL_PARTICLES):
        # "hold talks" → trigger "hold" + required word "talks"
        trigger = parts[0]
        extra_words = tuple(frozenset([w]) for w in parts[1:] if len(w) > 2)
    flag_set = set((flags or "").split())
    senses = {k: frozenset(w.lower().replace("_", " ") for w in v.split("|") if w)  # "_" joins words
              for k, _, v in (f.partition("=") for f in flag_set) if k in ("context", "not")}
    slots = tuple(s.strip().lower() for s in (target or "").split(",") if s.strip())
    return Pattern(
        trigger=trigger,
        code=code.strip(),
        words=_split_words(words) + extra_words,
        target=slots or DEFAULT_TARGET,
        mutual="mutual" in flag_set,
        requires_target="requires=target" in flag_set,
        extra="extra" in flag_set,
        nominal="noun" in flag_set,
        no_reflexive="no_reflexive" in flag_set,
        context=senses.get("context", frozenset()),
        exclude=senses.get("not", frozenset()),
        origin=origin,
        tier=tier,
    )


def _validate(row: Dict[str, Optional[str]]) -> Optional[str]:
    code = row.get("code") or ""
    if code != "---" and (not code.isdigit() or not 2 <= len(code) <= 4):
        return f"code {code!r} is not a CAMEO code (2-4 digits) or --- (codes nothing)"
    for flag in (row.get("flags") or "").split():
        name, eq, value = flag.partition("=")
        known = ("mutual", "extra", "noun", "no_reflexive")
        if not eq and name not in known:
            return f"unknown flag {flag!r} ({', '.join(known)}, requires=target, context=a|b, not=a|b)"
        if eq and (name not in ("requires", "context", "not") or not value):
            return f"bad flag {flag!r} (requires=target, context=a|b, not=a|b)"
    for slot in (row.get("target") or "").split(","):
        slot = slot.strip()
        if slot and slot not in ("obj", "iobj", "poss") and not slot.startswith("prep:"):
            return f"unknown target slot {slot!r} (obj, iobj, prep:<p>)"
    return None


def read_patterns(path: Path | str, lang: str, tier: int = 0) -> List[Pattern]:
    """Patterns of a TSV file (columns trigger, code, words, target, flags, note); ``tier``
    1 marks a converted dictionary whose patterns yield to the own ones (:class:`Pattern`)."""
    name = Path(path).name
    return [
        make_pattern(
            row["trigger"], row["code"], words=row.get("words"), target=row.get("target"),
            flags=row.get("flags"), lang=lang, origin=f"{name}:{row['_line']}", tier=tier,
        )
        for row in iter_tsv(path, required=("trigger", "code"), validate=_validate)
    ]


class PatternIndex:
    """Patterns by trigger key, best (most specific, earliest) first."""

    def __init__(self, patterns: Iterable[Pattern] = ()) -> None:
        self._by_trigger: Dict[str, List[Pattern]] = {}
        self._order: Dict[Pattern, int] = {}
        self.add(patterns)

    def add(self, patterns: Iterable[Pattern]) -> None:
        for p in patterns:
            self._order.setdefault(p, len(self._order))
            self._by_trigger.setdefault(p.trigger, []).append(p)
        for key, items in self._by_trigger.items():
            items.sort(key=lambda p: (p.tier, -p.specificity, self._order[p]))

    def get(self, key: str) -> Sequence[Pattern]:
        return self._by_trigger.get(key, ())

    def __contains__(self, key: str) -> bool:
        return key in self._by_trigger

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_trigger.values())

    def triggers(self) -> List[str]:
        return sorted(self._by_trigger)

    def patterns(self) -> List[Pattern]:
        """Every pattern, in the order they were added."""
        return sorted(self._order, key=self._order.__getitem__)


@lru_cache(maxsize=8)
def load_patterns(lang: str) -> PatternIndex:
    """The shipped patterns for ``lang``: ``data/events/patterns_<lang>.tsv``, then any
    ``patterns_<lang>_<name>.tsv`` (converted dictionaries, e.g. ``patterns_en_petrarch.tsv``
    from PETRARCH2's CAMEO.2.0.txt) in name order; earlier files win ties."""
    path = data_path("events", f"patterns_{lang}.tsv")
    index = PatternIndex(read_patterns(path, lang) if path.is_file() else [])
    for extra in sorted(data_path("events").glob(f"patterns_{lang}_*.tsv")):
        index.add(read_patterns(extra, lang, tier=1))
    return index


def separable_prefixes(lang: str) -> FrozenSet[str]:
    path = data_path("events", f"particles_{lang}.txt")
    return word_list(str(path)) if path.is_file() else frozenset()
