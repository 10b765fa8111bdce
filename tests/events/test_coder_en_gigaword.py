"""English kinds found on the fresh GigaWord gold (issue 9), own sentences: agent nouns of
PETRARCH's Phoenix dictionary (kb/agents_phoenix.tsv) with a country adjective or the
context's country, coordinated country modifiers sharing one group noun, light-verb
protests, role nouns of a named armed body, and the target of "met with X, Reuters
reports"."""
from __future__ import annotations

import pytest

from lagebild.actors.kb import load_kb


@pytest.fixture(scope="module")
def nlp_en():
    from lagebild.pipeline import load

    return load("en")


def _events(nlp, text):
    doc = nlp(text)
    codes = {a.id: (a.code or a.country) for a in doc._.actors}
    return [(codes.get(e.source, e.source), codes.get(e.target, e.target), e.cameo[:2]) for e in doc._.events]


def test_phoenix_agents_are_loaded_below_the_hand_made_rows():
    kb = load_kb(include_user=False)
    en = [n for n in kb.role_nouns if n.lang == "en"]
    terms = {n.term: n for n in en}
    assert terms["paramilitary"].agent == "MIL" and terms["smuggler"].agent == "CRM"
    # a hand-made row of agents.tsv is not repeated by the converted file
    assert sum(1 for n in en if n.term == "activist") == 1
    assert len(en) > 1000


@pytest.mark.parametrize("text,expected", [
    ("Filipino peacekeepers clashed with rebels.", ("PHLMIL", None, "19")),
    ("Gunmen abducted two American missionaries in Haiti.", (None, "USAREL", "18")),
    ("Colombian paramilitaries attacked a village.", ("COLMIL", None, "19")),
    ("Somali pirates attacked a Greek tanker.", ("SOMCRM", None, "19")),
    ("Turkish police arrested three Syrian smugglers.", ("TURCOP", "SYRCRM", "17")),
    ("Nepalese guerrillas attacked a police station.", ("NPLREB", None, "19")),
])
def test_agent_nouns_with_a_country_adjective(nlp_en, text, expected):
    got = _events(nlp_en, text)
    src, tgt, root = expected
    assert any(g[2] == root and (src is None or g[0] == src) and (tgt is None or g[1] == tgt) for g in got), (text, got)
