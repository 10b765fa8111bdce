"""Rule-based finder of temporal expressions (rules and words from data files)."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Dict, List, Optional, Pattern, Tuple

from ..datafiles import data_path, load_yaml
from ..errors import DataFileError
from . import resolve

KINDS = ("date", "range", "duration", "set")


@dataclass(frozen=True)
class TimeExpr:
    """One temporal expression: ``text == source[start:end]``; a single day has
    ``start_date == end_date``; dates are None when they cannot be resolved."""

    text: str
    start: int
    end: int
    start_date: Optional[date]
    end_date: Optional[date]
    kind: str  # date | range | duration | set
    rule: str = ""

    def to_dict(self) -> Dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "kind": self.kind,
        }


@dataclass
class Rule:
    name: str
    kind: str
    resolver: str
    regex: Pattern[str]
    options: Dict[str, Any]
    # what any match of ``regex`` contains (:func:`rule_needs`): one of these strings
    # (lower case) or, for ``ANY_DIGIT``, a digit; None: no such condition was derived
    needs: Optional[Tuple[str, ...]] = None


@dataclass
class Lexicon:
    lang: str
    months: Dict[str, int]
    weekdays: Dict[str, int]
    day_words: Dict[str, int]
    numbers: Dict[str, int]
    units: Dict[str, str]
    coming_span: Dict[str, int]
    rules: List[Rule]
    seasons: Dict[str, Tuple[int, int]] = dataclasses.field(default_factory=dict)
    quick: Optional[Pattern[str]] = None  # any word a rule needs: texts without one are skipped
    # the same test without the regex (:func:`_quick`): the one-word entries of ``quick``,
    # lower case, as substrings of the lower-cased text, and a regex of its multiword
    # entries; None when a word has a character outside _FOLD_SAFE (then ``quick`` runs)
    quick_words: Optional[Tuple[str, ...]] = None
    quick_rest: Optional[Pattern[str]] = None


def _alt(words: Any) -> str:
    # longest first so "ein paar" wins over "ein"
    items = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")" if items else "(?!x)x"


@lru_cache(maxsize=8)
def load_rules(lang: str) -> Lexicon:
    """The lexicon and compiled rules for ``lang`` (``data/temporal/<lang>.yaml``)."""
    path = data_path("temporal", f"{lang}.yaml")
    if not path.is_file():
        path = data_path("temporal", "en.yaml")
    raw = load_yaml(path) or {}
    lex = {k: {str(w).lower(): v for w, v in (raw.get(k) or {}).items()}
           for k in ("months", "weekdays", "day_words", "numbers", "units")}
    subst = {
        "MONTHS": _alt(lex["months"]),
        "WEEKDAYS": _alt(lex["weekdays"]),
        "WEEKDAY_SUFFIXES": _alt(raw.get("weekday_suffixes") or []),
        "DAY_WORDS": _alt(lex["day_words"]),
        "UNITS": _alt(lex["units"]),
        "N": r"(?:\d{1,3}|" + _alt(lex["numbers"])[3:],
        "PAST": _alt(raw.get("past_mods") or []),
        "THIS": _alt(raw.get("this_mods") or []),
        "NEXT": _alt(raw.get("next_mods") or []),
        "SEASONS": _alt(raw.get("seasons") or {}),
    }
    rules: List[Rule] = []
    for i, spec in enumerate(raw.get("rules") or []):
        for key in ("name", "kind", "resolver", "pattern"):
            if key not in spec:
                raise DataFileError(str(path), 0, f"rule #{i + 1} lacks {key!r}")
        if spec["kind"] not in KINDS:
            raise DataFileError(str(path), 0, f"rule {spec['name']!r}: unknown kind {spec['kind']!r}")
        if not hasattr(resolve, "resolve_" + spec["resolver"]):
            raise DataFileError(str(path), 0, f"rule {spec['name']!r}: unknown resolver {spec['resolver']!r}")
        pattern = spec["pattern"]
        for key, value in subst.items():
            pattern = pattern.replace("{" + key + "}", value)
        try:
            regex = re.compile(r"(?<![\w.])" + pattern + r"(?!\w)", re.I)
        except re.error as e:
            raise DataFileError(str(path), 0, f"rule {spec['name']!r}: {e}") from e
        options = {k: v for k, v in spec.items() if k not in ("name", "kind", "resolver", "pattern")}
        rules.append(Rule(spec["name"], spec["kind"], spec["resolver"], regex, options, rule_needs(regex)))
    vocabulary = set(lex["months"]) | set(lex["weekdays"]) | set(lex["day_words"]) | set(lex["units"])
    vocabulary |= {str(w).lower() for w in (raw.get("seasons") or {})}
    for spec in raw.get("rules") or []:
        # literal words of the rules ("ende", "heuer", "täglich", "ago", "later" …)
        vocabulary |= {w for w in re.findall(r"[a-zäöüß]{4,}", spec["pattern"].lower()) if w not in subst}
    quick = re.compile(r"\d|" + _alt(vocabulary), re.I)
    items = {str(w).lower() for w in vocabulary}
    single = tuple(sorted(w for w in items if " " not in w))
    multi = [w for w in items if " " in w]
    fast = all(ch in _FOLD_SAFE for w in single for ch in w)
    return Lexicon(
        quick=quick,
        quick_words=single if fast else None,
        quick_rest=re.compile(_alt(multi), re.I) if fast and multi else None,
        lang=lang,
        coming_span={str(k): int(v) for k, v in (raw.get("coming_span") or {}).items()},
        rules=rules,
        seasons={str(k).lower(): (int(v[0]), int(v[1])) for k, v in (raw.get("seasons") or {}).items()},
        **lex,
    )


def find_time_expressions(text: str, lang: str, published: Optional[date]) -> List[TimeExpr]:
    """Temporal expressions in ``text``, sorted by offset, without overlaps (the longest
    match wins; earlier rules win ties). Relative expressions are resolved against
    ``published``; with no anchor their dates are None.

    text (str): the text to search.
    lang (str): "de" or "en" (other codes use the English rules).
    published (date | None): the anchor date.
    RETURNS (List[TimeExpr]): the expressions found.

    Cached per ``(text, lang, published)``: the event coder and the forecast detector
    ask for the same sentences (about one call in five repeats one); the expressions
    are shared between the answers, so callers must not change them.
    """
    return list(_find(text, lang, published))


# Characters for which Python's case-insensitive regex matching (``re.I`` on str: the
# simple lower-case mapping plus the equivalences of ``re._casefix``) and ``str.lower``
# agree: a text character matches one of them under ``re.I`` exactly when the character's
# ``lower()`` is it -- unless the text holds one of _FOLD_ODD (tests/temporal/
# test_quick_prefilter.py checks both claims over every code point).
_FOLD_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzäöüàáâèéêëîïôûùçñ0123456789-.'’")
_FOLD_ODD = re.compile("[\u0130\u0131\u017f]")  # İ ı ſ: re.I reads them as i, i, s; lower() does not
_DIGIT = re.compile(r"\d")


def _quick(lex: Lexicon, text: str) -> bool:
    """``lex.quick.search(text) is not None``: a digit or one of the rules' words anywhere
    in ``text``, case-insensitively. One-word entries are tested as substrings of
    ``text.lower()`` (about 7x faster than the alternation regex), multiword ones
    (``gestern\\s+abend``) by their regex; a text with a character that ``re.I`` folds
    other than ``lower()`` does (_FOLD_ODD) is left to the regex."""
    if lex.quick_words is None or _FOLD_ODD.search(text):
        return lex.quick.search(text) is not None  # type: ignore[union-attr]
    if _DIGIT.search(text):
        return True
    low = text.lower()
    for w in lex.quick_words:
        if w in low:
            return True
    return lex.quick_rest is not None and lex.quick_rest.search(text) is not None


ANY_DIGIT = "\\d"  # in Rule.needs: any digit (``\d``); no literal run holds a backslash


def rule_needs(regex: Pattern[str]) -> Optional[Tuple[str, ...]]:
    """Strings one of which every match of ``regex`` (compiled with ``re.I`` and no other
    flag) contains, lower-cased, or ``ANY_DIGIT`` for "a digit"; None when the pattern
    gives no such condition (then the rule is always tried).

    Derived from the parsed pattern (``re._parser``, Python >= 3.11): a mandatory run of
    literal characters of _FOLD_SAFE is a needed string; a sequence needs what its most
    selective mandatory part needs (longest shortest string); an alternation needs the
    union of what each branch needs (nothing if one branch needs nothing); a group
    repeated at least once needs what the group needs; a class of digits only needs a
    digit; lookarounds, other classes and optional parts need nothing. Inline flags
    (``(?-i:…)``) give None for the whole pattern. Sound under :func:`_may_match`'s test
    (substrings of ``text.lower()``, texts with _FOLD_ODD characters always tried) by the
    same folding property as :func:`_quick` (tests/temporal/test_quick_prefilter.py);
    the rules' results are unchanged, only rules that cannot match are skipped."""
    if regex.flags & ~(re.I | re.U):
        return None
    try:
        parsed = re._parser.parse(regex.pattern, regex.flags)  # type: ignore[attr-defined]
    except (AttributeError, re.error):  # a Python without re._parser: every rule is tried
        return None
    try:
        found = _needs_seq(parsed)
    except _NoCondition:
        return None
    return tuple(sorted(found)) if found else None


class _NoCondition(Exception):
    """Raised inside :func:`rule_needs` for a construct it does not reason about."""


def _score(need: frozenset) -> int:
    return min(2 if w == ANY_DIGIT else len(w) for w in need)


def _needs_seq(items: Any) -> Optional[frozenset]:
    from re import _constants as c  # type: ignore[attr-defined]

    best: Optional[frozenset] = None
    run = ""

    def consider(need: Optional[frozenset]) -> None:
        nonlocal best
        if need and (best is None or _score(need) > _score(best)):
            best = need

    for op, av in items:
        if op is c.LITERAL and chr(av).lower() in _FOLD_SAFE and len(chr(av).lower()) == 1:
            run += chr(av).lower()
            continue
        if run:
            consider(frozenset([run]))
            run = ""
        consider(_needs_item(op, av))
    if run:
        consider(frozenset([run]))
    return best


def _needs_item(op: Any, av: Any) -> Optional[frozenset]:
    from re import _constants as c  # type: ignore[attr-defined]

    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _NoCondition
        return _needs_seq(sub)
    if op is c.ATOMIC_GROUP:
        return _needs_seq(av)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _needs_seq(sub) if low >= 1 else None
    if op is c.BRANCH:
        union: set = set()
        for branch in av[1]:
            need = _needs_seq(branch)
            if not need:
                return None
            union |= need
        return frozenset(union)
    if op is c.IN:
        digits = all(
            (kind is c.CATEGORY and val is c.CATEGORY_DIGIT)
            or (kind is c.LITERAL and chr(val).isdigit() and chr(val) in _FOLD_SAFE)
            or (kind is c.RANGE and all(chr(v).isdigit() and chr(v) in _FOLD_SAFE for v in val))
            for kind, val in av)
        return frozenset([ANY_DIGIT]) if av and digits else None
    return None


def _may_match(needs: Optional[Tuple[str, ...]], low: str, has_digit: bool) -> bool:
    """Whether a rule with ``needs`` (:func:`rule_needs`) can match a text whose
    ``lower()`` is ``low`` and which holds a digit or not (the caller tries every rule on
    a text with a _FOLD_ODD character)."""
    if needs is None:
        return True
    for w in needs:
        if (has_digit if w == ANY_DIGIT else w in low):
            return True
    return False


@lru_cache(maxsize=4096)
def _find(text: str, lang: str, published: Optional[date]) -> Tuple[TimeExpr, ...]:
    lex = load_rules(lang)
    if lex.quick is not None and not _quick(lex, text):
        return ()
    found: List[Tuple[int, int, int, Rule, "re.Match[str]"]] = []
    # rules that cannot match (none of their needed strings in the text) are not run:
    # about four in five per sentence; a text with a _FOLD_ODD character runs them all
    odd = _FOLD_ODD.search(text) is not None
    low = text.lower()
    has_digit = _DIGIT.search(text) is not None
    for order, rule in enumerate(lex.rules):
        if not odd and not _may_match(rule.needs, low, has_digit):
            continue
        for m in rule.regex.finditer(text):
            if m.end() > m.start() and m.group(0).strip():
                found.append((m.start(), m.end(), order, rule, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: List[Tuple[int, int]] = []
    out: List[TimeExpr] = []
    for start, end, _order, rule, m in found:
        if any(start < e and s < end for s, e in taken):
            continue
        span = resolve.resolve(rule, m, lex, published)
        if span is None:
            continue
        start_date, end_date = span
        # strip leading/trailing whitespace the optional groups may have left
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        taken.append((s, e))
        out.append(TimeExpr(text[s:e], s, e, start_date, end_date, rule.kind, rule.name))
    out.sort(key=lambda t: t.start)
    return tuple(out)
