"""German event kinds found by the events audit on unseen news (issue 9, session 24), each
with a grid of own sentences (a failing row names its kind):

* ``political_doc_grid_de.tsv``: events among uncoded actors in documents without political
  actors -- sport, business, science and culture sentences whose actors the knowledge base
  does not code yield no event, while the same kind of event in a document that names a
  political body stays; also the option itself (``EventCoder(require_political_actor=...)``);
* ``population_movement_grid_de.tsv``: refugees or civilians who arrive, travel or leave do
  not make a visit or withdraw; political actors still do;
* ``decided_acts_grid_de.tsv``: "beschließen" with an event noun ("beschloss einen
  Haftbefehl gegen X") is a support verb: the deciding body is the source;
* ``accident_grid_de.tsv``: people hurt or killed in an accident or a natural disaster are
  no victims of a political actor; an attack stays an event;
* optimistic comments ("hofft auf", "zeigte sich zuversichtlich") are statements (010), as
  the real-news gold treats them (no 013 among its 463 dev events), not CAMEO 013 events."""
from __future__ import annotations

import pytest

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


def test_population_movement_grid_de(nlp_de):
    rows = read_grid("population_movement_grid_de.tsv")
    assert len(rows) >= 8
    check_root_grid("population-movement grid de", rows, nlp_de.pipe(r["text"] for r in rows), coded_events,
                    floor=1.0)


def test_movement_codes_are_data_de():
    from lagebild.events.lexicon import load_lexicon

    de, en = load_lexicon("de"), load_lexicon("en")
    assert {"042", "166"} <= de.movement_codes and {"ref", "cvl"} <= de.population_agents
    assert not en.movement_codes  # English unchanged


@pytest.mark.parametrize("text", [
    "Die britische Botschafterin hofft auf eine pragmatische Entscheidung der Regierung.",
    "Außenminister Steinmeier hofft auf eine rasche Einigung mit Russland.",
    "Finanzminister Schelling zeigte sich zuversichtlich über die Verhandlungen mit Griechenland.",
    "Die Nato äußerte sich optimistisch über die Gespräche mit Russland.",
    "Kanzlerin Merkel äußerte Zuversicht über die Gespräche mit der Türkei.",
], ids=["hoffen-auf", "hoffen-auf-einigung", "zuversichtlich-zeigen", "optimistisch-aeussern", "zuversicht-noun"])
def test_optimistic_comment_is_a_statement_de(nlp_de, text):
    codes = [code for _s, _t, code in coded_events(nlp_de(text))]
    assert "010" in codes and not any(c.startswith("013") for c in codes), codes


def test_decided_acts_grid_de(nlp_de):
    rows = read_grid("decided_acts_grid_de.tsv")
    assert len(rows) >= 5
    check_root_grid("decided-acts grid de", rows, nlp_de.pipe(r["text"] for r in rows), coded_events, floor=1.0)


def test_accident_grid_de(nlp_de):
    rows = read_grid("accident_grid_de.tsv")
    assert len(rows) >= 7
    check_root_grid("accident grid de", rows, nlp_de.pipe(r["text"] for r in rows), coded_events, floor=1.0)


def test_accident_nouns_are_data_de():
    from lagebild.events.lexicon import load_lexicon

    de, en = load_lexicon("de"), load_lexicon("en")
    assert {"unfall", "erdbeben"} <= de.accident_nouns and de.accident_roots == {"18", "19", "20"}
    assert "explosion" not in de.accident_nouns and "anschlag" not in de.accident_nouns  # may be attacks
    assert not en.accident_nouns  # English unchanged
