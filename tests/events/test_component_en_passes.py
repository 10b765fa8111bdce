"""English events component: persons coded from the text (legal_roles) are coded in ONE
pass over the document plus a second pass only over the sentences that can involve them,
and the result equals coding the whole document again (the old third pass)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp_en():  # type: ignore[no-untyped-def]
    from lagebild.pipeline import load

    return load("en")


# our own texts: uncoded named persons, a legal trigger, pronouns and descriptions after them
TEXTS = [
    "The robbery happened in Texas. Mark Dunn attacked a guard. Prosecutors charged Mark Dunn with assault. "
    "He also threatened the sheriff. The governor praised the police.",
    "Police in Ohio arrested Jane Miller on Monday. Miller had attacked two officers. The mayor thanked the officers. "
    "A judge later sentenced her to ten years in prison.",
    "John Carter, a police officer, shot a man in Chicago. The suspect, Tom Reed, was charged with robbery. "
    "Reed accused Carter of lying. Officials criticized the department.",
    "The senator met the president in Washington. They discussed the budget.",
]


def _dicts(events):  # type: ignore[no-untyped-def]
    return [e.to_dict() if hasattr(e, "to_dict") else vars(e) for e in events]


@pytest.mark.parametrize("text", TEXTS)
def test_component_equals_coding_the_whole_document_again(nlp_en, text) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_en(text)
    component = nlp_en.get_pipe("lagebild_events")
    coder = component.coder
    # the component is done: its persons carry the codes the text gave them; coding the
    # whole document again with those codes (the old third pass) gives the same events
    again = coder.code_doc(doc)
    assert _dicts(again) == _dicts(doc._.events)
    assert coder.require_coded_actor is True  # no pass toggles the shared coder's option


def test_require_coded_actor_is_a_parameter_of_one_call(nlp_en) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_en("Samuel Pike attacked a guard in Texas.")
    coder = nlp_en.get_pipe("lagebild_events").coder
    relaxed = coder.code_doc(doc, require_coded_actor=False)
    assert any(e.cameo.startswith(("18", "19")) for e in relaxed)  # the uncoded attacker, when not required
    assert not coder.code_doc(doc)  # the coder's own option (on for English) is untouched
    assert coder.require_coded_actor is True


def test_affected_sentences_are_the_mentions_and_later_references(nlp_en) -> None:  # type: ignore[no-untyped-def]
    from lagebild.events.component import EventsComponent
    from lagebild.tokens import get_list

    doc = nlp_en("The storm hit Ohio. Mark Dunn attacked a guard. Prosecutors charged Mark Dunn. "
                 "The weather was cold. He threatened the guard.")
    sents = list(doc.sents)
    dunn = [a for a in get_list(doc, "actors") if "Dunn" in (a.name or "")]
    assert dunn
    affected = EventsComponent._affected(doc, dunn)
    assert sents[0].start not in affected  # before the person's first mention
    assert {sents[1].start, sents[2].start, sents[4].start} <= affected  # mentions, and "He" after them
