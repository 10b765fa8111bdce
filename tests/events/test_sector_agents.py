"""Firms are coded but are no political actors on their own (issue 9, session 25 merge):
``sector_agents`` of ``data/events/syntax.yaml`` (BUS). The KB's new companies made
business news code events ("Siemens kritisierte Bosch", "Apple offered …") that the
political-document rule (German) and ``require_coded_actor`` (English) had dropped while
firms were uncoded; a firm acting on a government, or a government on a firm, stays."""
from __future__ import annotations

from grid_rows import check_root_grid, coded_events, read_grid


def test_sector_grid_de(nlp_de):
    rows = read_grid("sector_grid_de.tsv")
    assert {r["kind"] for r in rows} == {"business", "political-keep"} and len(rows) >= 6
    check_root_grid("sector grid de", rows, nlp_de.pipe(r["text"] for r in rows), coded_events, floor=1.0)


def test_sector_grid_en():
    from lagebild.pipeline import load

    rows = read_grid("sector_grid_en.tsv")
    assert {r["kind"] for r in rows} == {"business", "political-keep"} and len(rows) >= 5
    check_root_grid("sector grid en", rows, load("en").pipe(r["text"] for r in rows), coded_events, floor=1.0)


def test_sector_agents_are_data():
    from lagebild.events.lexicon import load_lexicon

    assert load_lexicon("de").sector_agents == {"bus"} and load_lexicon("en").sector_agents == {"bus"}


def test_a_firm_is_coded_but_not_a_coded_actor_for_the_rules(coder_de):
    class A:
        def __init__(self, code):
            self.code, self.country, self.type = code, code[:3], "ORG"

    coder_de._actor_types = {"f": A("DEUBUS"), "m": A("AUTMED"), "g": A("DEUGOV")}
    assert coder_de._coded("f") and not coder_de._coded_actor("f")
    assert coder_de._coded_actor("m") and coder_de._coded_actor("g")
    assert not coder_de._coded_actor(None)
