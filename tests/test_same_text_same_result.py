"""The same text gives the same analysis whatever the process analysed before it.

``lagebild.analyze`` / ``analyze_batch`` (default ``learn=False``) do not let one
document's provisional actors (names the KB lacks) change a later document; only the
one-process ingest (``learn=True``, :func:`lagebild.batch.analyze_items`) learns across
documents, made reproducible by its store. The texts are written here; the invented
names are unknown to the KB, so the entity model makes them provisional actors.
"""
from __future__ import annotations

from typing import Dict, List

import pytest

import lagebild
from lagebild.actors.provisional import clear_provisional, forget_learnt, provisional_actors, register_provisional
from lagebild.ingest import article_from_text
from lagebild.pipeline import analyze_batch
from lagebild.schemas import Actor

# (construction, first text, second text): the first names a person in full, the second
# names the same person again (or another), so a learnt name could change the second
TEXTS = [
    ("full name, then full name again",
     "Hamburg. Die Stadträtin Ilka Morwenstedt hat am Dienstag den Hafenplan verteidigt. "
     "Morwenstedt sagte, die Kosten seien gedeckt.",
     "Kiel. Der Streit um die Fähre geht weiter. Ilka Morwenstedt kündigte am Mittwoch eine "
     "Prüfung an, die Reederei widersprach."),
    ("full name, then organisation and other person",
     "Leipzig. Der Unternehmer Bartosz Quellwinkel will ein Werk in Sachsen bauen. "
     "Quellwinkel nannte keine Summe.",
     "Dresden. Die Firma Quellwinkel Logistik meldete Kurzarbeit an. Der Betriebsrat um "
     "Henrike Salzbrenner protestierte vor dem Werkstor."),
    ("english: full name, then surname",
     "London. The councillor Dorian Frethwick criticised the budget on Monday. "
     "Frethwick said the cuts were unfair.",
     "Leeds. Dorian Frethwick met the mayor on Tuesday, and the two men agreed on a plan."),
]


def _result(text: str) -> Dict:
    d = lagebild.analyze(text, published="2024-03-05").to_dict()
    d.pop("analyzed_at", None)
    return d


@pytest.mark.parametrize("construction,first,second", TEXTS, ids=[t[0] for t in TEXTS])
def test_a_then_b_then_a_is_identical(construction: str, first: str, second: str) -> None:
    clear_provisional()
    a1 = _result(first)
    b_after_a = _result(second)
    a2 = _result(first)
    assert a1 == a2, construction
    clear_provisional()
    b_alone = _result(second)
    assert b_alone == b_after_a, construction


@pytest.mark.parametrize("construction,first,second", TEXTS, ids=[t[0] for t in TEXTS])
def test_analyze_leaves_the_registry_as_it_was(construction: str, first: str, second: str) -> None:
    """What ``analyze`` finds is not registered for later calls; ``learn=True`` registers
    it (the ingest path), which shows the texts do teach a provisional actor."""
    clear_provisional()
    preloaded = Actor(id="prov:wiebke_tarnholm", name="Wiebke Tarnholm", type="PER", provisional=True)
    register_provisional([preloaded])
    result = _result(first)
    assert any(a["provisional"] for a in result["actors"]), construction
    assert [a.id for a in provisional_actors()] == [preloaded.id], construction
    analyze_batch([article_from_text(first, source="t:learn")], learn=True)
    assert len(provisional_actors()) > 1, construction
    clear_provisional()


def test_batch_order_does_not_change_a_document() -> None:
    clear_provisional()
    arts = [article_from_text(t, source=f"t:{i}") for i, t in enumerate(t for row in TEXTS for t in row[1:])]

    def dicts(batch: List) -> List[Dict]:
        out = []
        for r in analyze_batch(batch):
            d = r.to_dict()
            d.pop("analyzed_at", None)
            out.append(d)
        return out

    forward = dicts(arts)
    backward = dicts(list(reversed(arts)))
    assert forward == list(reversed(backward))
    alone = [dicts([a])[0] for a in arts]
    assert alone == forward


def test_forget_learnt_drops_names_registered_inside() -> None:
    """A name registered inside :func:`forget_learnt` is linked inside it and forgotten
    after it; one registered before stays."""
    clear_provisional()
    register_provisional([Actor(id="prov:jorinde_kaltwasser", name="Jorinde Kaltwasser", type="PER",
                                provisional=True)])
    text = "Bonn. Jorinde Kaltwasser und Ewald Brinkhorst-Lemm trafen sich am Freitag im Rathaus."
    inside: List[str] = []
    with forget_learnt():
        register_provisional([Actor(id="prov:ewald_brinkhorst_lemm", name="Ewald Brinkhorst-Lemm",
                                    type="PER", provisional=True)])
        inside = [a["id"] for a in _result(text)["actors"]]
    after = {a.id for a in provisional_actors()}
    assert "prov:ewald_brinkhorst_lemm" in inside and "prov:jorinde_kaltwasser" in inside
    assert after == {"prov:jorinde_kaltwasser"}
    clear_provisional()
