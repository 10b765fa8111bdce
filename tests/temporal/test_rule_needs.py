"""The temporal finder's per-rule prefilter (``finder.rule_needs``, ``finder._may_match``):
a rule is skipped only when it cannot match, so the expressions found are the same."""
from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.temporal import finder
from lagebild.temporal.finder import ANY_DIGIT, _may_match, load_rules, rule_needs

# (construction, pattern, what every match contains)
GRID = [
    ("plain literal", r"heuer", ("heuer",)),
    ("upper-case literal folds", r"Herbst", ("herbst",)),
    ("optional prefix needs nothing", r"(?:bis\s+)?sommer", ("sommer",)),
    ("alternation: union of branches", r"(?:frost|tau)wetter", ("wetter",)),
    ("alternation alone", r"(?:frost|tauwetter)", ("frost", "tauwetter")),
    ("a branch that needs nothing", r"(?:frost|\w+)", None),
    ("digit class", r"[0-3]?\d\.", (ANY_DIGIT,)),
    ("digit range only", r"[4-7]", (ANY_DIGIT,)),
    ("letter class needs nothing", r"[a-c]", None),
    ("repeat at least once", r"(?:ab){2,3}", ("ab",)),
    ("optional repeat", r"(?:ab)*x", ("x",)),
    ("lookarounds add nothing", r"(?<![\w.])quartal(?!\w)", ("quartal",)),
    ("longest shortest string wins", r"(?:im|am)\s+winterhalbjahr", ("winterhalbjahr",)),
    ("unsafe character ends a run", r"straße", ("stra",)),
    ("inline flag: no condition", r"(?-i:Mai)", None),
    ("wildcard only", r".+", None),
]


@pytest.mark.parametrize("construction,pattern,needs", GRID, ids=[g[0] for g in GRID])
def test_rule_needs_grid(construction: str, pattern: str, needs) -> None:
    assert rule_needs(re.compile(pattern, re.I)) == needs


def test_other_flags_give_no_condition() -> None:
    assert rule_needs(re.compile("heuer", re.I | re.M)) is None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_shipped_rules_mostly_have_a_condition(lang: str) -> None:
    """The prefilter is in use: all but a few rules of each language get a condition."""
    rules = load_rules(lang).rules
    assert sum(r.needs is not None for r in rules) >= len(rules) - 2


def _tried(text: str, lang: str) -> set:
    low, digit = text.lower(), bool(re.search(r"\d", text))
    return {r.name for r in load_rules(lang).rules if _may_match(r.needs, low, digit)}


WORDS = {
    "de": ["am", "Montag", "3.", "März", "2024", "bis", "Ende", "nächsten", "Jahres", "vor", "zwei", "Wochen",
           "seit", "im", "Herbst", "heute", "täglich", "innerhalb", "von", "Tagen", "jeden", "Monat", "lang",
           "Mitte", "des", "Quartals", "kommenden", "Jahresende", "heuer", "Sonnabend", "Feber"],
    "en": ["on", "Monday", "March", "3", "2024", "by", "end", "of", "next", "year", "two", "weeks", "ago",
           "since", "last", "in", "autumn", "today", "daily", "within", "days", "every", "month", "for",
           "later", "this", "quarter", "mid-", "04/05/2023", "the", "coming"],
}
SEPARATORS = [" ", "  ", ", ", "\n", "", "-", "."]


def _texts(lang: str):
    piece = st.sampled_from(WORDS[lang]).map(lambda w: w) | st.sampled_from([w.upper() for w in WORDS[lang]])
    return st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=10).map(
        lambda ps: "".join(w + s for w, s in ps))


@settings(max_examples=400, deadline=None)
@given(st.data())
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_rule_that_matches_is_tried(lang: str, data) -> None:
    text = data.draw(_texts(lang) | st.text(max_size=30))
    tried = _tried(text, lang)
    for rule in load_rules(lang).rules:
        if rule.regex.search(text) and not finder._FOLD_ODD.search(text):
            assert rule.name in tried, (rule.name, text)


@pytest.mark.parametrize("text", [
    "Bis Ende des nächsten Jahres will die Stiftung den Neubau in Gera beziehen.",
    "Am Sonnabend, 4. Oktober 2025, öffnet die Halle in Wismar wieder.",
    "Seit drei Wochen streiken die Fahrer; heute Abend wird verhandelt.",
    "Im Herbst 2026 soll die Brücke über die Saale fertig sein, binnen 14 Tagen kommt der Antrag.",
    "Jeden Montag trifft sich der Rat, täglich kommen Anfragen.",
    "Die Ausstellung lief 12 Wochen lang, vor zwei Jahren war sie in Kassel.",
])
def test_found_expressions_unchanged(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The expressions with the prefilter equal those with every rule tried."""
    anchor = date(2025, 9, 30)
    with_prefilter = finder.find_time_expressions(text, "de", anchor)
    finder._find.cache_clear()
    monkeypatch.setattr(finder, "_may_match", lambda needs, low, digit: True)
    assert finder.find_time_expressions(text, "de", anchor) == with_prefilter
    assert with_prefilter  # every row holds an expression
    finder._find.cache_clear()
