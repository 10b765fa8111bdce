"""The seed commentary (19.04.2025): the actors the product brief names resolve."""
from __future__ import annotations

from datetime import date

import pytest

from lagebild.actors.evaluate import SEED_EXPECTED, SEED_ROLES


@pytest.fixture(scope="module")
def seed_doc(seed_text, nlp_de):
    doc = nlp_de.make_doc(seed_text)
    doc._.published = date(2025, 4, 19)
    return nlp_de(doc)


@pytest.mark.parametrize("surface,expected", sorted(SEED_EXPECTED.items()))
def test_seed_actor_resolves(seed_doc, surface, expected):
    found = [m.actor_id for m in seed_doc._.mentions
             if surface in m.text and (m.kind == "role" or surface not in SEED_ROLES)]
    assert found and set(found) == {expected}


def test_seed_trump_is_one_actor_with_role(seed_doc):
    trump = next(a for a in seed_doc._.actors if a.id == "per:donald_trump")
    assert len(trump.mentions) >= 20
    assert (trump.role, trump.code, trump.country) == ("US-Präsident", "USAGOV", "USA")
