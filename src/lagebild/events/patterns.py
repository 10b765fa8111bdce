"""Event patterns as data: ``data/events/patterns_<lang>.tsv`` → :class:`Pattern`.

A pattern maps a trigger (a verb lemma, with its separable particle in German —
"ablehnen" — or its phrasal particle in English — "pull out") to a CAMEO code; optional
``words`` constrain the predicate (light-verb and noun constructions: "Sanktionen
verhängen", "impose sanctions"); ``target`` names the argument slots that hold the
target actor; ``flags`` carry ``mutual``, ``requires=target`` and ``extra``.
PETRARCH dictionaries are converted into the same representation (see ``petrarch.py``).
"""
from __future__ import annotations

import re

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
    compound: bool = False  # noun trigger that also heads compounds ("Drohnenangriff" ~ angriff)
    passive: bool = False  # only a verb in the passive voice ("wurde am Arm getroffen" = hit, not met)
    predicative: bool = False  # words only in the predicative complement ("bezeichnete X als Angriff")
    tier: int = 0  # 0: own patterns; 1: a converted dictionary, tried only where no own pattern of the trigger matches
    agents: FrozenSet[str] = frozenset()  # sense by who acts: the source actor's CAMEO agent (GOV, COP, MIL …) must be one of these
    judgement: bool = False  # the subject judges or takes a stance in words: a speaker (statements); implied by predicative
    negative: bool = False  # a negative-polarity idiom: only in a negated clause, whose negation it consumes ("kommt nicht in Frage" = 120, not a negated event)
    actor_target: bool = False  # requires=actor: the target slot must hold an actor with a CAMEO code ("left NATO", not "left the camp")
    agentless: bool = False  # a state whose agent is not named ("sitzt in Untersuchungshaft"): coded with its target and no source, as an agentless passive
    # sense by argument class: ``arg=<slot>:<words>`` -- the head of the verb's subject or
    # object (slot subj|obj) must be one of the words (German compounds by their last part);
    # None (``arg=obj:*``) = any filled slot: an object or an object clause
    args: Tuple[Tuple[str, Optional[FrozenSet[str]]], ...] = ()

    @property
    def specificity(self) -> int:
        restricted = bool(self.words or self.pre_words or self.context or self.args)
        return (2 * (len(self.words) + len(self.pre_words)) + (1 if self.target != DEFAULT_TARGET else 0)
                + (1 if self.compound_source else 0) + (2 if self.context else 0) + (1 if self.exclude else 0)
                + (1 if self.passive else 0) + (1 if self.predicative else 0)
                # an idiom that needs the clause's negation beats the plain reading
                + (3 if self.negative else 0)
                + (2 if self.agents else 0)
                + 2 * len(self.args)
                # a restricted pattern that codes nothing (an idiom, a sport report) beats an
                # event reading restricted as much
                + (2 if self.null and restricted else 0))

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
        frozenset(w.strip().lower().replace("_", " ") for w in alt.split("|") if w.strip())  # "_" joins words
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
    classes: Optional[Dict[str, FrozenSet[str]]] = None,
    tier: int = 0,
) -> Pattern:
    """One :class:`Pattern` from the cells of a pattern file row.

    ``classes``: sense classes (``senses_<lang>.tsv``) that ``@name`` in ``words``,
    ``context=`` and ``not=`` stands for; an unknown class raises ``KeyError``."""
    if classes is not None or "@" in (words or "") + (flags or ""):
        words = expand_classes(words, classes or {})
        flags = expand_classes(flags, classes or {})
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
    source = next((v for k, _, v in (f.partition("=") for f in flag_set) if k == "source"), "")
    agents = next((v for k, _, v in (f.partition("=") for f in flag_set) if k == "agent"), "")
    source_slots = tuple(s.strip().lower() for s in source.split(",") if s.strip()) or ("subj",)
    args = tuple(
        (slot, None if words_ == "*" else frozenset(w.replace("_", " ") for w in words_.split("|") if w))
        for k, _, v in (f.partition("=") for f in sorted(flag_set)) if k == "arg"
        for slot, _, words_ in [v.partition(":")])
    return Pattern(
        trigger=trigger,
        code=code.strip(),
        words=_split_words(words) + extra_words,
        target=slots or DEFAULT_TARGET,
        mutual="mutual" in flag_set,
        requires_target="requires=target" in flag_set or "requires=actor" in flag_set,
        actor_target="requires=actor" in flag_set,
        extra="extra" in flag_set,
        nominal="noun" in flag_set,
        no_reflexive="no_reflexive" in flag_set,
        context=senses.get("context", frozenset()),
        exclude=senses.get("not", frozenset()),
        compound="compound" in flag_set,
        passive="passive" in flag_set,
        predicative="predicative" in flag_set,
        negative="negative" in flag_set,
        agentless="agentless" in flag_set,
        judgement="judgement" in flag_set or "predicative" in flag_set,
        source_slots=source_slots,
        agents=frozenset(a.strip().upper() for a in agents.split("|") if a.strip()),
        args=args,
        origin=origin,
        tier=tier,
    )


_CLASS_REF = re.compile(r"@(\w+)")


def expand_classes(cell: Optional[str], classes: Dict[str, FrozenSet[str]]) -> Optional[str]:
    """``@name`` in a words/flags cell replaced by the class's words joined with ``|``
    ("context=@militär" → "context=armee|truppe|…"). Raises ``KeyError`` (the name) for a
    class that is not defined."""
    if not cell or "@" not in cell:
        return cell

    def sub(m: "re.Match[str]") -> str:
        name = m.group(1)
        if name not in classes:
            raise KeyError(name)
        return "|".join(sorted(classes[name]))

    return _CLASS_REF.sub(sub, cell.lower())


def read_sense_classes(path: Path | str) -> Dict[str, FrozenSet[str]]:
    """Sense classes of a ``senses_<lang>.tsv`` file (columns ``class``, ``words``, ``note``):
    ``{name: words}``; a class may name earlier classes (``@militär|bombe``). Errors
    (:class:`~lagebild.datafiles.DataFileError`) name the file and line."""
    out: Dict[str, FrozenSet[str]] = {}

    def validate(row: Dict[str, Optional[str]]) -> Optional[str]:
        name = (row.get("class") or "").lower()
        if not re.fullmatch(r"\w+", name):
            return f"class name {name!r} must be letters, digits or _"
        if name in out:
            return f"class {name!r} is defined twice"
        if any(ch.isspace() for ch in (row.get("words") or "").strip()):
            return "a space inside the words (a flag cell splits on spaces): join words with _ ('bei_kämpfen')"
        try:
            words = expand_classes(row.get("words"), out) or ""
        except KeyError as e:
            return f"unknown sense class @{e.args[0]} (define it on an earlier line)"
        out[name] = frozenset(w.strip() for w in words.split("|") if w.strip())
        return None

    for _ in iter_tsv(path, required=("class", "words"), validate=validate):
        pass
    return out


def _validate(row: Dict[str, Optional[str]], classes: Optional[Dict[str, FrozenSet[str]]] = None,
              root: Optional[str] = None, known_codes: Optional[FrozenSet[str]] = None) -> Optional[str]:
    code = row.get("code") or ""
    if code != "---" and (not code.isdigit() or not 2 <= len(code) <= 4):
        return f"code {code!r} is not a CAMEO code (2-4 digits) or --- (codes nothing)"
    if code != "---" and known_codes is not None and code not in known_codes:
        return f"code {code!r} is not in the CAMEO codebook (data/cameo/cameo.tsv)"
    trigger = row.get("trigger") or ""
    if "_" in trigger or "@" in trigger:
        return f"trigger {trigger!r}: a lemma, not a phrase ('_'/'@' belong in words; light verbs: trigger = the verb, words = the noun)"
    if root and code != "---" and not code.startswith(root):
        return f"code {code!r} does not belong to root {root} (the file's name says {root}_…)"
    for cell in ("words", "flags"):
        try:
            expand_classes(row.get(cell), classes or {})
        except KeyError as e:
            return f"unknown sense class @{e.args[0]} in {cell} (see senses_<lang>.tsv)"
    flags = (row.get("flags") or "").split()
    if "compound" in flags and "noun" not in flags:
        return "flag 'compound' needs 'noun' (only noun triggers head compounds)"
    if "compound" in flags and len(trigger) < 5:
        return f"flag 'compound' on {trigger!r}: a compound head needs 5+ letters ('Haft' would match 'Botschaft')"
    for flag in flags:
        name, eq, value = flag.partition("=")
        known = ("mutual", "extra", "noun", "no_reflexive", "compound", "passive", "predicative", "negative", "judgement",
                 "agentless")
        if not eq and name not in known:
            return f"unknown flag {flag!r} ({', '.join(known)}, requires=target, requires=actor, context=a|b, not=a|b, source=<slots>, agent=GOV|COP, arg=obj:a|b)"
        if eq and (name not in ("requires", "context", "not", "source", "agent", "arg") or not value):
            return f"bad flag {flag!r} (requires=target, requires=actor, context=a|b, not=a|b, source=<slots>, agent=GOV|COP, arg=obj:a|b)"
        if name == "arg" and (value.partition(":")[0] not in ("subj", "obj") or not value.partition(":")[2]):
            return f"bad flag {flag!r}: arg= takes a slot (subj or obj), a colon and words or * (arg=obj:@ware, arg=obj:*)"
        if name == "requires" and value not in ("target", "actor"):
            return f"bad flag {flag!r}: requires= takes target (a filled target slot) or actor (a coded actor in it)"
        if name == "agent" and not all(re.fullmatch(r"[A-Z]{3}", a) for a in value.split("|")):
            return f"bad flag {flag!r}: agent= takes CAMEO agent codes of three capitals (GOV|COP|JUD)"
        if name == "source" and any(x.strip() not in ("subj", "obj", "iobj", "poss") and not x.strip().startswith("prep:")
                                    for x in value.split(",")):
            return f"bad flag {flag!r}: source slots are subj, obj, iobj, poss, prep:<p>"
    for slot in (row.get("target") or "").split(","):
        slot = slot.strip()
        if slot and slot not in ("obj", "iobj", "poss", "subj") and not slot.startswith("prep:"):
            return f"unknown target slot {slot!r} (obj, iobj, poss, subj, prep:<p>)"
    return None


def read_patterns(path: Path | str, lang: str, classes: Optional[Dict[str, FrozenSet[str]]] = None,
                  *, check_codes: bool = True, tier: int = 0) -> List[Pattern]:
    """Patterns of a TSV file (columns trigger, code, words, target, flags, note).

    ``classes``: the sense classes ``@name`` may refer to (default: the shipped
    ``senses_<lang>.tsv``). A file whose name starts with a two-digit CAMEO root
    (``05_cooperate.tsv``) may hold only codes of that root; with ``check_codes`` every
    code must be in the CAMEO codebook. ``tier`` 1 marks a converted dictionary whose
    patterns yield to the own ones (:class:`Pattern`). Errors name the file and line
    (:class:`~lagebild.datafiles.DataFileError`)."""
    path = Path(path)
    if classes is None:
        classes = load_sense_classes(lang)
    m = re.match(r"(\d\d)_", path.name)
    root = m.group(1) if m else None
    known = frozenset(_codebook()) if check_codes else None
    return [
        make_pattern(
            row["trigger"], row["code"], words=row.get("words"), target=row.get("target"),
            flags=row.get("flags"), lang=lang, origin=f"{path.name}:{row['_line']}", classes=classes,
            tier=tier,
        )
        for row in iter_tsv(path, required=("trigger", "code"),
                            validate=lambda r: _validate(r, classes, root, known))
    ]


@lru_cache(maxsize=1)
def _codebook() -> FrozenSet[str]:
    return frozenset(row["code"] for row in iter_tsv(data_path("cameo", "cameo.tsv"), required=("code",)))


@lru_cache(maxsize=8)
def load_sense_classes(lang: str) -> Dict[str, FrozenSet[str]]:
    """The shipped sense classes of ``lang`` (``data/events/senses_<lang>.tsv``; {} if none)."""
    path = data_path("events", f"senses_{lang}.tsv")
    return read_sense_classes(path) if path.is_file() else {}


def pattern_files(lang: str) -> List[Path]:
    """The shipped pattern files of ``lang``: ``patterns_<lang>.tsv``, then the files of
    the folder ``patterns_<lang>/`` in name order (one per CAMEO root: ``01_statements.tsv``…)."""
    out = []
    main = data_path("events", f"patterns_{lang}.tsv")
    if main.is_file():
        out.append(main)
    folder = data_path("events", f"patterns_{lang}")
    if folder.is_dir():
        out.extend(sorted(p for p in folder.iterdir() if p.suffix == ".tsv"))
    return out


class PatternIndex:
    """Patterns by trigger key, best (most specific, earliest) first."""

    def __init__(self, patterns: Iterable[Pattern] = ()) -> None:
        self._by_trigger: Dict[str, List[Pattern]] = {}
        self._order: Dict[Pattern, int] = {}
        self.add(patterns)

    def add(self, patterns: Iterable[Pattern]) -> None:
        touched = set()
        for p in patterns:
            self._order.setdefault(p, len(self._order))
            self._by_trigger.setdefault(p.trigger, []).append(p)
            touched.add(p.trigger)
            if p.compound:
                # compound heads are found under "*<trigger>" (see compound_keys)
                self._by_trigger.setdefault("*" + p.trigger, []).append(p)
                touched.add("*" + p.trigger)
                self._compound_min = min(getattr(self, "_compound_min", 99), len(p.trigger))
                self._compound_ends = getattr(self, "_compound_ends", set()) | {p.trigger[-4:]}
        order = self._order
        for key in touched:  # only the lists that grew need sorting again
            self._by_trigger[key].sort(key=lambda p: (p.tier, -p.specificity, order[p]))

    def get(self, key: str) -> Sequence[Pattern]:
        return self._by_trigger.get(key, ())

    def __contains__(self, key: str) -> bool:
        return key in self._by_trigger

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_trigger.values())

    def triggers(self) -> List[str]:
        return sorted(k for k in self._by_trigger if not k.startswith("*"))

    def compound_keys(self, lemma: str) -> List[str]:
        """Keys of ``compound`` noun patterns that ``lemma`` ends with, longest first
        ("drohnenangriffe"/"drohnenangriff" → ["*angriff"]): one dict lookup per suffix.
        The lemma itself is not a compound of itself."""
        low = getattr(self, "_compound_min", None)
        if low is None or lemma[-4:] not in self._compound_ends:
            return []
        return [key for key in ("*" + lemma[k:] for k in range(1, len(lemma) - low + 1)) if key in self._by_trigger]

    def patterns(self) -> List[Pattern]:
        """Every pattern, in the order they were added."""
        return sorted(self._order, key=self._order.__getitem__)


@lru_cache(maxsize=8)
def load_patterns(lang: str) -> PatternIndex:
    """The shipped patterns for ``lang``: ``data/events/patterns_<lang>.tsv`` and the
    files of ``data/events/patterns_<lang>/`` (:func:`pattern_files`), in that order; then
    any ``patterns_<lang>_<name>.tsv`` (converted dictionaries, e.g.
    ``patterns_en_petrarch.tsv`` from PETRARCH2's CAMEO.2.0.txt) as tier 1, in name order."""
    classes = load_sense_classes(lang)
    # each file through the on-disk cache (German: ~2,900 rows, 0.07 s parsed, 0.025 s cached)
    index = PatternIndex([p for path in pattern_files(lang) for p in read_patterns_cached(path, lang, classes)[0]])
    for extra in sorted(data_path("events").glob(f"patterns_{lang}_*.tsv")):
        index.add(read_patterns_cached(extra, lang, classes, tier=1)[0])
    return index


# -- on-disk cache of pattern files (converted dictionaries and the own ones) -----------------
# PETRARCH2's verb dictionary converts to ~46,000 rows; reading and validating them took
# ~1.4-1.8 s at every English start. The parsed patterns are stored (``marshal``, plain
# field tuples) in lagebild's cache directory (see lagebild.actors.surface_matcher.cache_dir),
# keyed by a SHA-256 of the file's bytes, the sense classes, the CAMEO codebook, the
# Pattern fields and the lagebild version: any change to one of them rebuilds it.
_CACHE_FORMAT = 1
_CACHE_KEEP = 4  # cached files kept per dictionary (other versions); older ones are removed


def _cache_key(path: Path, lang: str, classes: Dict[str, FrozenSet[str]], tier: int) -> str:
    import hashlib
    from dataclasses import fields

    from ..about import __version__

    h = hashlib.sha256()
    h.update(f"{_CACHE_FORMAT}|{__version__}|{lang}|{tier}|".encode())
    h.update("|".join(f.name for f in fields(Pattern)).encode())
    h.update(path.read_bytes())
    h.update(repr(sorted((k, sorted(v)) for k, v in classes.items())).encode())
    h.update(data_path("cameo", "cameo.tsv").read_bytes())
    return h.hexdigest()


def read_patterns_cached(path: Path | str, lang: str, classes: Optional[Dict[str, FrozenSet[str]]] = None,
                         *, tier: int = 0, use_cache: bool = True,
                         directory: Optional[Path] = None) -> Tuple[List[Pattern], str]:
    """:func:`read_patterns` through an on-disk cache. Returns ``(patterns, how)`` with
    ``how`` one of ``"cache"``, ``"built"``, ``"built (cache not writable)"``. The result
    equals :func:`read_patterns`'s (a test checks it). A missing, stale, corrupt or
    unwritable cache only costs the parse; file errors are raised as by
    :func:`read_patterns` (:class:`~lagebild.datafiles.DataFileError`)."""
    from dataclasses import fields

    from ..actors.surface_matcher import cache_dir
    from ..diskcache import gc_paused, read_keyed, write_atomic

    path = Path(path)
    if classes is None:
        classes = load_sense_classes(lang)
    names = [f.name for f in fields(Pattern)]
    target = None
    if use_cache:
        try:
            key = _cache_key(path, lang, classes, tier)
            target = (directory or cache_dir()) / f"patterns-{lang}-{path.stem}-{key[:32]}.marshal"
            with gc_paused():  # ~46k small objects: collections during the load only cost time
                data = read_keyed(target, key)
                if data is not None:
                    make = object.__new__
                    out = []
                    for row in data["rows"]:
                        p = make(Pattern)
                        p.__dict__.update(zip(names, row))  # frozen dataclass: no __init__ per field
                        out.append(p)
                    return out, "cache"
        except (OSError, EOFError, KeyError, TypeError, ValueError):
            pass
    pats = read_patterns(path, lang, classes, tier=tier)
    if target is None:
        return pats, "built"
    try:
        write_atomic(target, {"key": key, "rows": [tuple(getattr(p, n) for n in names) for p in pats]})
        old = sorted(target.parent.glob(f"patterns-{lang}-{path.stem}-*.marshal"),
                     key=lambda f: f.stat().st_mtime, reverse=True)
        for stale in old[_CACHE_KEEP:]:
            try:
                stale.unlink()
            except OSError:
                pass
    except (OSError, ValueError):
        return pats, "built (cache not writable)"
    return pats, "built"


def separable_prefixes(lang: str) -> FrozenSet[str]:
    path = data_path("events", f"particles_{lang}.txt")
    return word_list(str(path)) if path.is_file() else frozenset()
