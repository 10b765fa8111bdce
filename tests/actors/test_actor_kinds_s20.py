"""Actor-code kinds of session 20 (issues 9 and 11), each a general mechanism tested on
sentences we wrote (more rows in ``grid_codes.tsv``, kinds ``dateline``, ``ofbody``,
``genitive``, ``party``):

- the document's home country (``actors.home``): the dateline's place ("Wien – …"), else
  the outlet's country, for offices and bodies named without a country;
- a role whose of-phrase names its body further in ("Leiter der Rechtsabteilung in der
  Wirtschaftskammer", "Direktor des Instituts für …");
- a person's genitive after a role ("ein Sprecher Hrubýs") is the principal, whose role is
  not learnt;
- a party in brackets overrides the country a bare office only guessed;
- the linker's cross-article memory keeps only codes from strong evidence, and the
  document's own evidence beats it.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.actors.home import DATELINE_WINDOW, dateline_span, outlet_country


# -- the dateline -------------------------------------------------------------------------------

DATELINES = [
    ("Wien – Die Regierung hat beschlossen.", "Wien"),
    ("Titel der Meldung. Der Lead folgt hier. Wien – Die Regierung hat beschlossen.", "Wien"),
    ("Kopfzeile. Istanbul- Der Konflikt eskaliert.", "Istanbul"),
    ("Kopfzeile. Prag (APA) – Gegen den Chef wird ermittelt.", "Prag"),
    ("Kopfzeile. Linz/Wien – Die SPÖ tagte.", "Linz/Wien"),
    ("Kopfzeile. Den Haag – Das Gericht urteilte.", "Den Haag"),
    ("Kopfzeile. St. Pölten – Der Landtag tagte.", "St. Pölten"),
]


@pytest.mark.parametrize("text,place", DATELINES)
def test_dateline_span_finds_the_place(text, place):
    span = dateline_span(text)
    assert span is not None and text[span[0]:span[1]] == place


@pytest.mark.parametrize("text", [
    "Der SPÖ-Chef sagte – nichts.",            # a dash inside a sentence, no place before it
    "Die Regierung hat beschlossen, dass …",   # no dash
    "SPÖ-Chef Michael Ludwig sagte, er bleibe.",  # a hyphen inside a compound
])
def test_no_dateline(text):
    assert dateline_span(text) is None


def test_dateline_only_near_the_start():
    text = "Ein Satz. " * (DATELINE_WINDOW // 10 + 5) + "Wien – Die Regierung hat beschlossen."
    assert dateline_span(text) is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_dateline_span_property(text):
    """For any text: None, or a non-empty capitalised span inside the window."""
    span = dateline_span(text)
    if span is not None:
        start, end = span
        assert 0 <= start < end <= min(len(text), DATELINE_WINDOW)
        assert text[start:end][:1].isupper()


def _lookup(nlp):
    return next(proc for name, proc in nlp.pipeline if name == "lagebild_actors").linker._kb_named


@pytest.mark.parametrize("source,url,country", [
    ("derStandard.at", None, "AUT"),
    (None, "https://www.derstandard.at/story/2000012345/titel", "AUT"),
    ("Der Standard", None, "AUT"),
    ("Some Blog", "https://example.org/post", None),
    (None, None, None),
])
def test_outlet_country(nlp_de, source, url, country):
    assert outlet_country(source, url, _lookup(nlp_de)) == country


# -- codes in context (full pipeline) -----------------------------------------------------------

def _codes(text: str, source=None):
    # learn=True: the linker's memory across documents is the ingest path's
    from lagebild.ingest import article_from_string
    from lagebild.pipeline import analyze_batch

    (doc,) = analyze_batch([article_from_string(text, source=source, published="2016-03-01")],
                           language="de", learn=True)
    return {a.name: (a.code or a.country or "---") for a in doc.actors}


@pytest.fixture(autouse=True)
def _fresh_registry():
    from lagebild.actors.linker import clear_provisional

    clear_provisional()
    yield
    clear_provisional()


def test_outlet_gives_the_country_when_the_text_names_none():
    text = "Bildungsministerin Johanna Pfleger sagte, die Reform komme."
    assert _codes(text, source="derStandard.at")["Johanna Pfleger"] == "AUTGOV"


def test_dateline_beats_the_outlet():
    text = "Berlin – Bildungsministerin Johanna Pfleger sagte, die Reform komme."
    assert _codes(text, source="derStandard.at")["Johanna Pfleger"] == "DEUGOV"


# -- the linker's memory ------------------------------------------------------------------------

def test_a_guessed_office_country_does_not_spread_to_later_articles():
    first = _codes("Athen – Finanzminister Hans Obermair sagte, Athen müsse sparen.")
    assert first["Hans Obermair"] == "GRCGOV"  # the document's guess
    later = _codes("Wien – Hans Obermair sagte, man werde sehen.")
    assert later["Hans Obermair"] == "---"  # no evidence here, and the guess was weak


def test_a_strong_code_is_remembered():
    _codes("Wien – ÖVP-Klubobmann Reinhold Lindenthaler sagte, man werde sehen.")
    assert _codes("Athen – Reinhold Lindenthaler sagte, man werde sehen.")["Reinhold Lindenthaler"] == "AUTLEG"


def test_a_single_article_does_not_depend_on_weak_codes_before_it():
    article = "Wien – Johann Edlinger kündigte an, die Reform komme. Edlinger sagte, sie sei nötig."
    alone = _codes(article)
    from lagebild.actors.linker import clear_provisional

    clear_provisional()
    _codes("Rom – Innenminister Johann Edlinger sagte, Rom müsse handeln.")
    assert _codes(article) == alone


def _turns(text: str):
    from lagebild.pipeline import analyze

    doc = analyze(text, language="de", published="2016-03-01")
    code = {a.id: (a.code or a.country or "---") for a in doc.actors}
    return [(s.speaker_text, code.get(s.speaker)) for s in doc.statements if s.verb_class == "turn"]


def test_the_interview_lead_beats_memory():
    """Earlier articles coded the name strongly (a party role); the interview's own lead
    ("Die Politologin über …") is this document's evidence and wins."""
    interview = ("Die Politologin über die Wahl in Wien.\n\nSTANDARD: Wie geht es weiter?\n\n"
                 "Karin Heitzberger: Das wird sich zeigen.\n\nSTANDARD: Und im Herbst?\n\n"
                 "Karin Heitzberger: Dann wird gewählt.")
    alone = _turns(interview)
    assert ("Karin Heitzberger", "AUTEDU") in alone
    from lagebild.actors.linker import clear_provisional

    clear_provisional()
    assert _codes("Wien – SPÖ-Abgeordnete Karin Heitzberger sagte, die Wahl sei knapp.")["Karin Heitzberger"] == "AUTLEG"
    assert _turns(interview) == alone
