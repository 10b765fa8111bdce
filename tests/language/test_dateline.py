"""The one dateline helper (lagebild.language.dateline): the dateline tokens of a parsed
sentence, the report start and the subject repair."""
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from lagebild.language.dateline import (dateline_span, dateline_subject, dateline_tokens,
                                        report_start)

NLP = spacy.blank("de")


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


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_dateline_span_property(text):
    """For any text: None, or a span of place words inside the window that starts with a
    capital letter and is followed (after an optional agency) by a dash."""
    span = dateline_span(text)
    if span is None:
        return
    a, b = span
    assert 0 <= a < b <= len(text) and text[a].isupper()
    assert any(d in text[b:b + 40] for d in ("–", "—", "-"))
