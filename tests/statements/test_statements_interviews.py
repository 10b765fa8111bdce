"""Grids of our own interview-shaped texts (issue 11): who speaks in each turn of an
interview transcript.

Kinds: the outlet's label written in another case than the name the KB knows
("Standard:" for "STANDARD"), answer turns labelled by role ("Antwort:", "A:") that belong
to the one person the headline/lead names, question turns that stay the interviewer's,
and an interviewee whose lead role is a compound of a profession ("Sozioökonomin",
"Polizeiwissenschafter"). All texts are ours, written for these tests.
"""
from __future__ import annotations

import pytest

from lagebild.pipeline import analyze


def _turn_codes(text: str):
    """(speaker text, CAMEO code) of each interview-turn statement, in order."""
    from lagebild.actors.linker import clear_provisional

    clear_provisional()
    doc = analyze(text, language="de", published="2016-03-01")
    code = {a.id: (a.code or a.country or "---") for a in doc.actors}
    return [(s.speaker_text or "", code.get(s.speaker, s.speaker), s.speaker) for s in doc.statements
            if s.verb_class == "turn"]


def _interview(lead: str, q: str, a: str, lines=("Wie geht es weiter?", "Das wird sich zeigen.",
                                                    "Und im Herbst?", "Dann wird gewählt.")) -> str:
    return (f"{lead}\n\n{q}: {lines[0]}\n\n{a}: {lines[1]}\n\n{q}: {lines[2]}\n\n{a}: {lines[3]}")


# the outlet's label in title case: the outlet, coded as the KB codes it
OUTLET_CASES = [
    ("Standard", "AUTMED"),
    ("Spiegel", "DEUMED"),
    ("STANDARD", "AUTMED"),
]


@pytest.mark.parametrize("label,code", OUTLET_CASES)
def test_outlet_label_in_any_case_is_the_outlet(label, code):
    text = _interview("Der Politologe Laurenz Obermoser über die Wahl in Wien.", label, "Obermoser")
    got = [c for who, c, _ in _turn_codes(text) if who == label]
    assert got == [code, code], _turn_codes(text)


# answers labelled by role belong to the one person the headline or lead names
ROLE_LABELLED = [
    ("Politologe Laurenz Obermoser über die Wahl in Wien.", "Frage", "Antwort", "AUTEDU"),
    ("Die Historikerin Gudrun Pfeifenberger über das Gedenkjahr in Wien.", "F", "A", "AUTEDU"),
    ("Wien – Der Wirtschaftsforscher Karl Aigner hält die Prognose für zu optimistisch. Ein Gespräch.",
     "Frage", "Antwort", "AUTEDU"),
    ("Die SPÖ-Politikerin Hanna Krautgartner über Reformen in Wien.", "Interviewer", "Antwort", "AUTPTY"),
]


@pytest.mark.parametrize("lead,q,a,code", ROLE_LABELLED)
def test_role_labelled_answers_belong_to_the_lead_person(lead, q, a, code):
    got = _turn_codes(_interview(lead, q, a))
    answers = [(c, who_id) for who, c, who_id in got if who == a]
    questions = [c for who, c, _ in got if who == q]
    assert len(answers) == 2 and all(c == code for c, _ in answers), got
    assert len({who_id for _, who_id in answers}) == 1, got
    # the interviewer is not the interviewee
    assert all(c != code for c in questions), got


def test_role_labelled_answers_with_two_people_in_the_lead_stay_unresolved():
    """Two persons in the lead: nothing tells which of them answers."""
    text = _interview("Caritas-Präsident Michael Landauer und die Historikerin Sabine Haager über den Tod.",
                      "Frage", "Antwort")
    got = [(who, who_id) for who, _, who_id in _turn_codes(text) if who == "Antwort"]
    assert len(got) == 2 and all(who_id == "Antwort" for _, who_id in got), got  # no actor chosen


# the interviewee's lead role is a compound whose head is a profession (no office): the
# profession's agent; an office head ("Projektchef") does not make the person a government
PROFESSION_COMPOUNDS = [
    ("Armut trifft in Wien vor allem Alleinerzieher, sagt die Sozioökonomin Karin Heitzberger.", "Heitzberger", "AUTEDU"),
    ("Die Polizei in Wien war überfordert, sagt der Polizeiwissenschafter Rafael Behrendt.", "Behrendt", "AUTEDU"),
    ("Die Sozialhistorikerin Gudrun Pfeifenberger über das Gedenkjahr in Wien.", "Pfeifenberger", "AUTEDU"),
    ("Der Agrarökonom Franz Sinabelder über die Milchpreise in Wien.", "Sinabelder", "AUTEDU"),
]


@pytest.mark.parametrize("lead,surname,code", PROFESSION_COMPOUNDS)
def test_interviewee_with_a_profession_compound(lead, surname, code):
    got = [c for who, c, _ in _turn_codes(_interview(lead, "STANDARD", surname)) if who == surname]
    assert got == [code, code], _turn_codes(_interview(lead, "STANDARD", surname))


def test_office_compound_does_not_code_the_interviewee_as_government():
    text = _interview("Projektchef Chris Urmbacher über selbstfahrende Autos in Wien.", "STANDARD", "Urmbacher")
    got = [c for who, c, _ in _turn_codes(text) if who == "Urmbacher"]
    assert got and all(not c.endswith("GOV") for c in got), got


# Issue 11 (session 20): a lower-case outlet label -- a web address or a camel-case brand
# ("derStandard.at:", "derstandard.at:", "derStandard:") -- opens the interviewer's turns,
# in paragraphs and in a flattened transcript, and is the outlet (the KB name less the
# top-level domain and a glued article). Old code: 4 of 4 wrong (no turns at all).
LOWER_CASE_OUTLETS = [
    _interview("Die Historikerin Gudrun Pfeifenberger über das Gedenkjahr in Wien.", "derStandard.at", "Pfeifenberger"),
    _interview("Die Historikerin Gudrun Pfeifenberger über das Gedenkjahr in Wien.", "derstandard.at", "Pfeifenberger"),
    _interview("Die Historikerin Gudrun Pfeifenberger über das Gedenkjahr in Wien.", "derStandard", "Pfeifenberger"),
    "Die Historikerin Gudrun Pfeifenberger über das Gedenkjahr in Wien. derStandard.at: Wie geht es weiter? "
    "Pfeifenberger: Das wird sich zeigen. derStandard.at: Und im Herbst? Pfeifenberger: Dann wird gewählt.",
]


@pytest.mark.parametrize("text", LOWER_CASE_OUTLETS)
def test_lower_case_outlet_label_is_the_outlet(text):
    got = _turn_codes(text)
    assert [c for _, c, _ in got] == ["AUTMED", "AUTEDU", "AUTMED", "AUTEDU"], got


def test_lower_case_word_before_a_colon_is_no_label():
    # an ordinary lower-case word or a sentence part before a colon opens no turn
    text = "Die Lage ist ernst.\n\nfazit: Es bleibt schwierig.\n\nDer Minister sagte: Wir handeln."
    assert _turn_codes(text) == []
