"""language.role_names: persons the text introduces by a role whose name the NER missed
(issue 11, session 18). Sentences of our own."""
from __future__ import annotations

import pytest

from lagebild.language.turns import find_turns


@pytest.fixture(scope="module")
def nlp_de():
    from lagebild.pipeline import load

    return load("de")


def _doc(nlp, text):
    from lagebild.actors.linker import clear_provisional

    clear_provisional()
    return nlp(text)


def _code_at(doc, word):
    start = doc.text.rindex(word)
    for m in doc._.mentions:
        if m.start <= start < m.end:
            return {a.id: a.code for a in doc._.actors}.get(m.actor_id)
    return None


def test_role_then_name_and_later_surname(nlp_de):
    doc = _doc(nlp_de, "In Wien sagt Politologe Laurenz Obermoser, die Partei verliere. Obermoser sieht keinen Ausweg.")
    assert _code_at(doc, "Obermoser sieht") == "AUTEDU"
    ids = {m.actor_id for m in doc._.mentions if "Obermoser" in m.text}
    assert len(ids) == 1 and next(iter(ids)).startswith("prov:")
    assert any(a.id in ids and a.type == "PER" for a in doc._.actors)


def test_add_is_idempotent(nlp_de):
    from lagebild.language.role_names import add_role_named_persons

    doc = _doc(nlp_de, "In Wien sagt Politologe Laurenz Obermoser, die Partei verliere.")
    n = len(doc._.mentions)
    assert add_role_named_persons(doc) == []
    assert len(doc._.mentions) == n


def test_known_person_keeps_its_code(nlp_de):
    doc = _doc(nlp_de, "In Berlin sagte Justizminister Heiko Maas, das sei falsch.")
    assert _code_at(doc, "Maas") == "DEUGOV"
    assert not [a for a in doc._.actors if a.id.startswith("prov:") and "Maas" in a.name]


def test_role_before_common_noun_is_no_name(nlp_de):
    doc = _doc(nlp_de, "In Wien sagt der Politologe Freitag, die Partei verliere.")
    assert not [a for a in doc._.actors if a.id.startswith("prov:freitag")]


@pytest.mark.parametrize("text", [
    "Massenflucht: Rotes Kreuz warnt vor Krise.\n\nKampala – Viele fliehen.",
    "Hintergrund: Die Regierung plant eine Reform.",
])
def test_lone_kicker_without_parse_is_no_turn(text):
    assert find_turns(text, "de") == []


def test_alternating_single_word_labels_stay_turns():
    text = "Intro.\n\nZEITUNG: Wie geht es?\n\nBerger: Gut.\n\nZEITUNG: Und dann?\n\nBerger: Weiter."
    assert [t.speaker_text for t in find_turns(text, "de")] == ["ZEITUNG", "Berger", "ZEITUNG", "Berger"]
