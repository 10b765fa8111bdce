"""'fordern' with a casualty object is a toll, not a demand (issue 9, session 23): "Der
Anschlag forderte fünf Tote" must not code CAMEO 100 (demand) for the attacker, while
demands with other objects keep their 10x codes. Own sentences; the `---` row in
``data/events/patterns_de.tsv`` (fordern + tote|todesopfer|opfer|verletzte|menschenleben)."""
from __future__ import annotations

import pytest

TOLL = [
    "Der russische Angriff auf Kiew forderte fünf Tote.",
    "Der Angriff Russlands auf die Stadt forderte zahlreiche Todesopfer.",
    "Der Anschlag der Taliban forderte viele Menschenleben.",
    "Der Angriff der israelischen Armee hat drei Verletzte gefordert.",
    "Die Offensive der syrischen Armee forderte nach Angaben der UNO Hunderte Opfer.",
    "Der Luftangriff der NATO auf das Dorf forderte auch zivile Todesopfer.",
]
DEMAND = [
    ("Die russische Regierung forderte die Freilassung der Gefangenen.", "1053"),
    ("Die Opposition forderte den Rücktritt des Ministers.", "1041"),
    ("Die ukrainische Armee forderte mehr Waffen.", "10"),
    ("Merkel forderte von Russland den Abzug der Truppen.", "1056"),
]


@pytest.mark.parametrize("text", TOLL)
def test_casualty_object_is_no_demand(nlp_de, text):
    codes = [e.cameo for e in nlp_de(text)._.events if e.cameo]
    assert not any(c.startswith("10") for c in codes), (text, codes)


@pytest.mark.parametrize("text,prefix", DEMAND)
def test_other_demands_stay(nlp_de, text, prefix):
    codes = [e.cameo for e in nlp_de(text)._.events if e.cameo]
    assert any(c.startswith(prefix) for c in codes), (text, codes)
