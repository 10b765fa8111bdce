"""Actor-code kinds of session 22 (issues 11 and 9): persons the text names but the hand-made
KB lacks take the dated code PETRARCH 2's Phoenix dictionaries give them
(:mod:`lagebild.actors.phoenix`, ``kb/persons_phoenix.tsv``):

- a person named in full with no role of the text's own ("Reinhold Mitterlehner sagte …")
  takes Phoenix's code at the article's date, and a surname alone later in the same
  document ("Mitterlehner") shares it;
- a surname the text only ever uses alone is not looked up (tried: the one Phoenix person of
  that surname in office in a country the text names; it changed nothing on dev-B);
- the text's own role wins over Phoenix; a name Phoenix lacks stays uncoded.

The sentences are ours; the dates are the articles' (Phoenix was last edited in 2015).
"""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.actors import phoenix
from lagebild.datafiles import data_path, iter_tsv

from .conftest import resolve_word


# -- the table and its reading -----------------------------------------------------------------

def test_fold_and_keys():
    assert phoenix.fold("Wolfgang Schüssel") == "WOLFGANG SCHUSSEL"
    assert phoenix.fold("Johanna Mikl-Leitner") == "JOHANNA MIKL LEITNER"
    assert phoenix.fold("Łukasz  Straße") == "LUKASZ STRASSE"
    assert phoenix.keys("Wolfgang Schüssel") == ["WOLFGANG SCHUSSEL", "WOLFGANG SCHUESSEL"]
    assert phoenix.keys("Werner Faymann") == ["WERNER FAYMANN"]


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_fold_is_idempotent_ascii_caps(text):
    out = phoenix.fold(text)
    assert phoenix.fold(out) == out
    assert out == out.strip() and "  " not in out
    assert all(ch == " " or ch.isalnum() for ch in out)


def test_every_row_parses_and_keys_are_folded():
    path = data_path("kb", "persons_phoenix.tsv")
    rows = list(iter_tsv(path, required=("key", "codes")))
    assert len(rows) > 15000
    for row in rows[::50]:
        assert phoenix.fold(row["key"]) == row["key"], row["_line"]
        assert len(row["key"].split()) >= 2, row["_line"]
        assert phoenix.terms(row["key"]), row["_line"]


def test_code_at_reads_terms_as_petrarch():
    terms = phoenix.terms("WERNER FAYMANN")  # AUTELI 1978-2007, AUTGOVBUS 2007-2008, AUTGOV >2008-12-02, AUTELI
    assert phoenix.code_at(terms, date(2015, 12, 1)) == "AUTGOV"
    assert phoenix.code_at(terms, date(2008, 1, 1)) == "AUTGOV"[:6]  # AUTGOVBUS cut to country + agent
    assert phoenix.code_at(terms, date(1990, 1, 1)) == "AUTELI"
    # an open term is trusted for one legislature after the dictionary's last edit, then the
    # undated code applies
    assert phoenix.edited() == date(2015, 2, 17)
    assert phoenix.code_at(terms, date(2030, 1, 1)) == "AUTELI"
    assert phoenix.person_code("Reinhold Mitterlehner", date(2030, 1, 1)) is None  # no undated code


def test_person_codes():
    on = date(2015, 12, 1)
    assert phoenix.person_code("Reinhold Mitterlehner", on) == ("AUT", "AUTGOV")
    assert phoenix.person_code("Wolfgang Schüssel", on) == ("AUT", "AUTELI")
    assert phoenix.person_code("Mitterlehner", on) is None  # one word is no full name
    assert phoenix.person_code("Erika Mustermann", on) is None


# -- the pipeline: a grid of our own sentences ---------------------------------------------------

GRID = [
    # Maria Fekter: in Phoenix (AUTGOV from 2008), not in the hand-made KB (persons.tsv has the
    # office holders of 2014-2017 by name, so Mitterlehner is no longer a Phoenix-only person)
    # (text, date, word, code); "-" = the word's actor has no code
    ("Wien – Maria Fekter sagte am Montag, man werde das prüfen.", "2015-12-01",
     "Fekter", "AUTGOV"),
    ("Maria Fekter traf am Montag Vertreter der Wirtschaft. Danach sagte Fekter, "
     "die Gespräche seien gut verlaufen.", "2015-12-01", "Fekter,", "AUTGOV"),
    ("Der ehemalige Kanzler Wolfgang Schüssel meldete sich am Mittwoch zu Wort.", "2015-12-01",
     "Schüssel", "AUTELI"),
    # the text's own role wins over the dictionary
    ("Wien – Die ÖVP-Abgeordnete Maria Fekter kritisierte den Entwurf.", "2015-12-01",
     "Fekter", "AUTLEG"),
    # a name the dictionary lacks stays uncoded
    ("Wien – Erika Mustermann sagte am Montag, man werde das prüfen.", "2015-12-01", "Mustermann", "---"),
    # a surname alone, never given in full, is nobody in particular
    ("Fekter sagte am Montag, man werde das prüfen.", "2015-12-01", "Fekter", "---"),
    ("Die österreichische Koalition streitet über die Steuerreform. Fekter sagte am Abend, "
     "man werde eine Lösung finden.", "2015-12-01", "Fekter", "---"),
]


@pytest.mark.parametrize("text,published,word,code", GRID)
def test_phoenix_grid(nlp_full, text, published, word, code):
    got = resolve_word(nlp_full, text, published, word)[1]
    assert got == code or (code == "---" and got == "-"), f"{word!r}: got {got}, want {code} -- {text}"


def test_open_term_from_a_leap_day(monkeypatch):
    """A table last edited on 29 February still trusts open terms for OPEN_TERM_YEARS years
    (the horizon falls on 28 February of a common year instead of raising ValueError)."""
    monkeypatch.setattr(phoenix, "edited", lambda: date(2016, 2, 29))
    term = ("AUTGOV", date(2010, 1, 1), None)
    assert phoenix._holds(term, date(2021, 2, 28))
    assert not phoenix._holds(term, date(2021, 3, 1))
