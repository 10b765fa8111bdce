"""Events among uncoded actors in documents without political actors (issue 9, session 24):
own German texts in ``political_doc_grid_de.tsv`` -- sport, business, science and culture
sentences whose actors the knowledge base does not code yield no event, while the same kind
of event in a document that names a political body stays; a failing row names its kind.
Also the option itself (``EventCoder(require_political_actor=...)``) and its data."""
from __future__ import annotations

from grid_rows import check_root_grid, coded_events, read_grid


def test_political_doc_grid_de(nlp_de):
    rows = read_grid("political_doc_grid_de.tsv")
    assert len(rows) >= 14
    assert {r["kind"] for r in rows} == {"sport", "business", "science", "culture", "political-keep"}
    check_root_grid("political-document grid de", rows, nlp_de.pipe(r["text"] for r in rows), coded_events,
                    floor=1.0)


def test_political_agents_are_data_de():
    from lagebild.events.coder import EventCoder
    from lagebild.events.lexicon import load_lexicon

    de, en = load_lexicon("de"), load_lexicon("en")
    assert {"gov", "cop", "jud", "pty", "igo"} <= de.political_agents
    assert not en.political_agents  # English keeps require_coded_actor instead
    assert EventCoder("de").require_political_actor
    assert not EventCoder("en").require_political_actor
    assert not EventCoder("de", require_political_actor=False).require_political_actor


def test_political_agent_of_actor_codes_de(coder_de):
    class A:
        def __init__(self, code):
            self.code = code

    assert coder_de._political_agent(A("AUTGOV"))
    assert coder_de._political_agent(A("---COP"))
    assert coder_de._political_agent(A("IGOUNO"))
    assert not coder_de._political_agent(A("AUT"))  # a bare country: a team in sport news
    assert not coder_de._political_agent(A("DEUBUS"))
    assert not coder_de._political_agent(A(None))
