"""The one dateline helper (lagebild.language.dateline): the report's first token after a
dateline (where the German sentence guard starts a sentence), the dateline tokens of a parsed
sentence, the report start and the subject repair."""
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from lagebild.language.dateline import (dateline_sentence_starts, dateline_span, dateline_subject, dateline_tokens,
                                        report_start)
from lagebild.language.sentences import sentence_guard

NLP = spacy.blank("de")


@pytest.mark.parametrize("text,first", [
    ("Kabul – Am Montag griffen Kämpfer an.", "Am"),
    ("Wien/Brüssel – Die Regierung hat kritisiert.", "Die"),
    ("Prag (APA) – Gegen den Chef wird ermittelt.", "Gegen"),
    ("Titel der Meldung. Banda Aceh - In der Provinz wurden Paare bestraft.", "In"),
])
def test_sentence_start_after_the_dateline(text, first):
    doc = NLP.make_doc(text)
    starts = dateline_sentence_starts(doc)
    assert [doc[i].text for i in starts] == [first]
    sentence_guard(doc)
    assert doc[starts[0]].is_sent_start


@pytest.mark.parametrize("text", [
    "Der SPÖ-Chef sagte – nichts.",
    "SPÖ-Chef Michael Ludwig sagte, er bleibe.",
    "Die Regierung – so heißt es – bleibt.",
])
def test_no_sentence_start_without_a_dateline(text):
    doc = NLP.make_doc(text)
    assert dateline_sentence_starts(doc) == []


def test_english_text_is_not_split():
    doc = spacy.blank("en").make_doc("MOSCOW – The Kremlin said on Monday it would respond.")
    sentence_guard(doc)
    assert not any(t.is_sent_start for t in doc[1:])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_sentence_starts_property(text):
    """For any text: indices of tokens right after a dash token, each where a dateline match
    ends; the guard accepts the text."""
    doc = NLP.make_doc(text)
    starts = dateline_sentence_starts(doc)
    for i in starts:
        assert 0 < i < len(doc) and doc[i - 1].text in ("–", "—", "-", "--")
    sentence_guard(doc)
    assert dateline_span(text) is not None or not starts


def _parsed(words, heads, deps, pos, lemmas=None):
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas or words,
              sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def test_dateline_tokens_and_report_start():
    # Wien – Die Opposition kritisierte die Regierung .
    doc = _parsed(["Wien", "–", "Die", "Opposition", "kritisierte", "die", "Regierung", "."],
                  [4, 0, 3, 0, 4, 6, 4, 4], ["nsubj", "punct", "det", "appos", "ROOT", "det", "obj", "punct"],
                  ["PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"])
    sent = doc[:]
    assert dateline_tokens(sent) == {0}
    assert report_start(sent) == 2
    # the repair: the noun phrase hung on the place before the verb is the subject
    assert [t.text for t in dateline_subject([doc[0]], 4, {0})] == ["Opposition"]


def test_hyphen_counts_only_when_asked():
    # Jordan - also criticised the shift .   (an English subject before a hyphen)
    doc = _parsed(["Graz", "-", "Die", "Partei", "tagte", "."], [4, 0, 3, 4, 4, 4],
                  ["nsubj", "punct", "det", "appos", "ROOT", "punct"], ["PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"])
    assert dateline_tokens(doc[:]) == set()
    assert dateline_tokens(doc[:], hyphen=True) == {0}
    assert report_start(doc[:]) == 2


def test_subject_repair_skips_prepositional_phrases_and_adverbs():
    # Wien – Nach/case der Sitzung/appos kritisierte Pilz ...   and   Kairo – Zuvor/appos hatte ...
    doc = _parsed(["Wien", "–", "Nach", "der", "Sitzung", "kritisierte", "Pilz", "."], [5, 0, 4, 4, 0, 5, 5, 5],
                  ["nsubj", "punct", "case", "det", "appos", "ROOT", "nsubj", "punct"],
                  ["PROPN", "PUNCT", "ADP", "DET", "NOUN", "VERB", "PROPN", "PUNCT"])
    assert dateline_subject([doc[0]], 5, {0}) == []
    doc = _parsed(["Kairo", "–", "Zuvor", "hatte", "die", "Armee", "bombardiert", "."], [6, 0, 0, 6, 5, 6, 6, 6],
                  ["nsubj", "punct", "appos", "aux", "det", "obj", "ROOT", "punct"],
                  ["PROPN", "PUNCT", "NOUN", "AUX", "DET", "NOUN", "VERB", "PUNCT"],
                  lemmas=["Kairo", "–", "zuvor", "haben", "der", "Armee", "bombardieren", "."])
    assert dateline_subject([doc[0]], 3, {0}) == []
