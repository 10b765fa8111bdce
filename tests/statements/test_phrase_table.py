"""PhraseTable keeps match_phrases' first-word index across calls; it must match exactly as
a plain dict with the same items does, after any sequence of changes."""
from __future__ import annotations

import copy
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.forecasts.lexicon import forecast_lexicon
from lagebild.statements.lexicon import PhraseTable, match_phrases, statement_lexicon

WORDS = st.sampled_from(["a", "b", "c", "d"])
PHRASES = st.lists(WORDS, min_size=0, max_size=3).map(tuple)
OPS = st.lists(
    st.one_of(
        st.tuples(st.just("set"), PHRASES, st.integers(0, 9)),
        st.tuples(st.just("del"), PHRASES, st.just(0)),
        st.tuples(st.just("pop"), PHRASES, st.just(0)),
        st.tuples(st.just("setdefault"), PHRASES, st.integers(0, 9)),
        st.tuples(st.just("update"), PHRASES, st.integers(0, 9)),
        st.tuples(st.just("ior"), PHRASES, st.integers(0, 9)),
        st.tuples(st.just("clear"), PHRASES, st.just(0)),
        st.tuples(st.just("match"), PHRASES, st.just(0)),
    ),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(OPS, st.lists(WORDS, max_size=12))
def test_matches_as_a_plain_dict_after_any_changes(ops, words) -> None:
    table, plain = PhraseTable(), {}
    for op, phrase, value in ops:
        for d in (table, plain):
            if op == "set":
                d[phrase] = value
            elif op == "del" and phrase in d:
                del d[phrase]
            elif op == "pop":
                d.pop(phrase, None)
            elif op == "setdefault":
                d.setdefault(phrase, value)
            elif op == "update":
                d.update({phrase: value})
            elif op == "ior":
                d |= {phrase: value}
            elif op == "clear":
                d.clear()
        if op == "match":  # (builds the kept index, which later changes must drop)
            assert match_phrases(words, table) == match_phrases(words, plain)
    assert dict(table) == plain
    assert match_phrases(words, table) == match_phrases(words, plain)
    assert match_phrases(words, table) == match_phrases(words, list(plain))


def test_pickles_and_copies_as_a_phrase_table() -> None:
    table = PhraseTable({("a",): 1, ("a", "b"): 2})
    assert match_phrases(["a", "b"], table) == [(0, 2, ("a", "b"))]
    for other in (pickle.loads(pickle.dumps(table)), copy.copy(table), copy.deepcopy(table), table.copy()):
        assert isinstance(other, PhraseTable) and dict(other) == dict(table)
        other[("b",)] = 3
        assert match_phrases(["b"], other) == [(0, 1, ("b",))]
    assert match_phrases(["b"], table) == []


def test_forecast_lexicon_memos_follow_changes_to_the_cues() -> None:
    flex = forecast_lexicon("de")
    for kind in ("future_aux", "negation", "vague_future"):
        assert flex.words(kind) == frozenset(p[0] for p, c in flex.cues.items() if c.kind == kind and len(p) == 1)
        assert dict(flex.of_kind(kind)) == {p: c for p, c in flex.cues.items() if c.kind == kind}
        assert list(flex.of_kind(kind)) == [p for p, c in flex.cues.items() if c.kind == kind]
    # a cue added later (a user extending the lexicon in code) is seen by the next call
    from dataclasses import replace

    lex = replace(flex, cues=PhraseTable(flex.cues), _memo={})
    before = lex.words("future_aux")
    lex.cues[("zukunftswort",)] = next(c for c in lex.cues.values() if c.kind == "future_aux")
    assert lex.words("future_aux") == before | {"zukunftswort"}
    assert ("zukunftswort",) in lex.of_kind("future_aux")
    assert statement_lexicon("de").attribution.__class__ is PhraseTable
