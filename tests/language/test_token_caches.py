"""Caches of the language layer that must answer exactly as spaCy does (speed work,
issue 15): ``tokens.token_lowers``, ``tokens.morph_values`` and
``language.clauses.sentence_bounds`` with and without a ``sentence_hint``."""
from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from lagebild.language.clauses import sentence_bounds, sentence_hint
from lagebild.tokens import morph_values, token_lowers

_NLP = {lang: spacy.blank(lang) for lang in ("de", "en")}
PIECES = st.sampled_from(list("ab Ü.,–-?!\n\"") + ["  ", "Haus", "STRASSE", "Öl", "İstanbul", "ẞ", "U.S."])
TEXT = st.lists(PIECES, max_size=25).map("".join)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60) | TEXT, st.sampled_from(["de", "en"]))
def test_token_lowers_are_the_tokens_lower_forms(text: str, lang: str) -> None:
    doc = _NLP[lang](text)
    assert token_lowers(doc) == [t.lower_ for t in doc]
    assert token_lowers(doc) is token_lowers(doc)  # cached on the Doc


MORPHS = ["Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", "VerbForm=Inf", "Case=Nom|Gender=Fem|Number=Plur",
          "Mood=Ind|VerbForm=Fin", ""]


@pytest.mark.parametrize("morph", MORPHS)
@pytest.mark.parametrize("name", ["Mood", "VerbForm", "Person", "Case", "Degree"])
def test_morph_values_are_spacys(morph: str, name: str) -> None:
    doc = Doc(_NLP["de"].vocab, words=["Wort", "zwei"], morphs=[morph, morph])
    for tok in doc:
        assert morph_values(tok, name) == tuple(tok.morph.get(name))
        assert morph_values(tok, name) == tuple(tok.morph.get(name))  # the cached answer too


def _parsed(words, starts):  # type: ignore[no-untyped-def]
    return Doc(_NLP["de"].vocab, words=words, sent_starts=starts)


WORDS = ["Die", "Fähre", "legte", "ab", ".", "Dann", "kam", "Regen", ".", "Ende"]
STARTS = [True, False, False, False, False, True, False, False, False, True]


def test_bounds_without_a_hint_are_token_sent() -> None:
    doc = _parsed(WORDS, STARTS)
    for tok in doc:
        assert sentence_bounds(tok) == (tok.sent.start, tok.sent.end)


def test_bounds_of_a_doc_without_sentences() -> None:
    doc = Doc(_NLP["de"].vocab, words=["ohne", "Grenzen", "hier"])
    assert not doc.has_annotation("SENT_START")
    assert [sentence_bounds(t) for t in doc] == [(0, 3)] * 3


def test_the_hint_is_not_used_outside_its_range() -> None:
    doc = _parsed(WORDS, STARTS)
    with sentence_hint(doc, 0, 9):  # false: doc[0:9] holds two sentences
        assert sentence_bounds(doc[9]) == (9, 10)
    with sentence_hint(doc, 5, 9):
        assert sentence_bounds(doc[2]) == (0, 5)


def test_the_hint_is_not_used_for_another_doc() -> None:
    doc, other = _parsed(WORDS, STARTS), _parsed(WORDS, STARTS)
    with sentence_hint(doc, 0, 9):
        assert sentence_bounds(other[6]) == (5, 9)
        assert sentence_bounds(doc[6]) == (0, 9)


def test_hints_nest() -> None:
    doc = _parsed(WORDS, STARTS)
    with sentence_hint(doc, 3, 9):
        with sentence_hint(doc, 0, 9):
            assert sentence_bounds(doc[6]) == (0, 9)
        assert sentence_bounds(doc[6]) == (3, 9)
    assert sentence_bounds(doc[6]) == (5, 9)


def test_a_hint_that_lies_is_believed_inside_its_range() -> None:
    """The hint is a promise of the caller (the event coder codes ``doc.sents``): inside
    its range it is not checked, which is what makes it cheap."""
    doc = _parsed(WORDS, STARTS)
    with sentence_hint(doc, 0, 9):
        assert sentence_bounds(doc[6]) == (0, 9)
    assert sentence_bounds(doc[6]) == (5, 9)


def test_the_hint_is_restored_after_an_error() -> None:
    doc = _parsed(WORDS, STARTS)
    with pytest.raises(RuntimeError):
        with sentence_hint(doc, 0, 9):
            raise RuntimeError("boom")
    assert sentence_bounds(doc[6]) == (5, 9)
