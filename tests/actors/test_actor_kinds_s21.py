"""Actor-code kinds of session 21 (issues 11 and 9), each a general mechanism tested on
sentences we wrote (rows in ``grid_codes.tsv``, kinds ``timeword``, ``dative``, ``dash``,
``profession``, ``report``, ``association``), and the one source of time words:

- the linker and the linear phrase reader read months, weekdays and parts of the day from
  the temporal lexicon (``data/temporal/<lang>.yaml``) through
  :mod:`lagebild.language.timewords`, not from copies of their own;
- the data rows the kinds add load and say what they claim.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.datafiles import data_path, load_yaml
from lagebild.language import clauses
from lagebild.language.timewords import time_words


# -- time words: one source ----------------------------------------------------------------------

@pytest.mark.parametrize("word", ["Freitag", "Freitagabend", "Montagfrüh", "Sonnabend", "Mai", "Jänner",
                                  "sonntagnacht", "Dezember"])
def test_german_time_words(word):
    assert time_words("de").is_time_word(word)


@pytest.mark.parametrize("word", ["Jan", "Sept", "Okt", "Foglar", "Tagung", "Freitags-Demo", "Abend", "Montagsdemo"])
def test_not_time_words(word):
    """Abbreviations (also given names: "Jan"), names and other words are no time words."""
    assert not time_words("de").is_time_word(word)


def test_time_words_are_the_temporal_lexicons():
    """Every month and weekday the temporal finder resolves (abbreviations aside) is a time
    word, and the phrase reader's time nouns contain them all: one list, three readers."""
    raw = load_yaml(data_path("temporal", "de.yaml"))
    tw = time_words("de")
    assert set(raw["weekdays"]) == set(tw.weekdays)
    assert {m for m in raw["months"] if len(m) > 4} <= set(tw.months)
    assert set(raw["weekday_suffixes"]) == set(tw.day_parts)
    nouns = clauses.TIME_NOUNS_DE
    assert tw.months | tw.weekdays | tw.day_parts <= nouns
    assert {"freitagabend", "montagfrüh", "wochenende", "anfang"} <= nouns


def test_linker_time_word_reads_the_lexicon(nlp_de):
    linker = nlp_de.get_pipe("lagebild_actors").linker
    for word in ("Montagfrüh", "Mai", "Sonnabend", "Freitagabend"):
        assert linker._time_word(word)
    assert not linker._time_word("Jan") and not linker._time_word("Foglar")
    assert {"mai", "sonnabend", "montag"} <= linker.common_words


def test_unknown_language_has_no_time_words():
    tw = time_words("xx")
    assert not tw.is_time_word("Montag") and not tw.time_nouns()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_time_word_property(word):
    """For any string: a time word is a weekday or month, alone or + a part of the day."""
    tw = time_words("de")
    if tw.is_time_word(word):
        low = word.lower()
        assert low in tw.months or low in tw.weekdays or any(
            low.startswith(d) and low[len(d):] in tw.day_parts for d in tw.weekdays)


# -- data rows of the kinds ------------------------------------------------------------------------

def test_profession_and_report_rows_load():
    from lagebild.actors.kb import load_kb

    kb = load_kb()
    de_terms = {n.term: n.agent for n in kb.role_nouns if n.lang == "de"}
    assert de_terms.get("Anwalt") == "JUD" and de_terms.get("Korrespondent") == "MED"
    heads = {h.form: h for h in kb.compound_heads["de"]}
    assert heads["bericht"].generic and not heads["bericht"].person
    mods = dict(kb.compound_modifiers["de"])
    assert mods["verband"] == "NGO" and mods["bauern"] == "AGR"
