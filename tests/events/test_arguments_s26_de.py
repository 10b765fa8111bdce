"""German argument kinds of session 26 (issue 9: the right source and target of an event),
found by the events audit round s26-src on unseen news and the dev-A list of events with
the right root and a wrong source or target; grid ``arguments_s26_grid_de.tsv`` of own
sentences, one kind per row (a failing row names its kind):

* ``inner-case-agent``: a passive's agent whose preposition the parse hung on a word inside
  the phrase ("vom französischen Präsidenten Macron kritisiert": ``ArgumentsMixin._inner_case``);
* ``compound-owner``: a target named by a hyphenated compound's first part ("bombardierte
  PKK-Stellungen"), when the document names that actor on its own (``_compound_owner``);
* ``circumstance-von``: "nach dem Besuch von Obama wurde X freigelassen": the von-phrase is
  the visit's, not the passive's agent (``noun_agent_phrase``, ``syntax.yaml``
  ``circumstance_preps``);
* ``demonstrative``: "Merkel traf Erdogan. Dieser kritisierte …": a German demonstrative
  pronoun refers to the last-mentioned actor that is not the subject
  (``language/reference.py`` ``_antecedents``);
* ``co-subject``: the second conjunct of a coordinated subject that the linear reading took
  for an object is a source, not its co-source's target (``coordinated_with``);
* ``act-author``: criticising an act named by a noun with a "durch" phrase is aimed at its
  author (``_act_author``); ``apposed-person``: "Die Präsidentin der Organisation X, Maria Y,
  warnte": the description is the person in apposition, not an earlier actor of its gender
  (``language/reference.py`` ``_apposed_person``);
* guards (``*-guard``): the readings that must stay."""
from __future__ import annotations

import pytest

from grid_rows import actor_ok, coded_events, read_grid

ROWS = read_grid("arguments_s26_grid_de.tsv")


def row_passes(row, got) -> bool:  # type: ignore[no-untyped-def]
    """A row passes when one coded event has its root, source and target (``---``: nothing
    coded; ``!NN``: no coded event of root NN with that source and target)."""
    if row["root"] == "---":
        return not got
    if row["root"].startswith("!"):
        return not any(code[:2] == row["root"][1:] and actor_ok(row["source"], src) and actor_ok(row["target"], tgt)
                       for src, tgt, code in got)
    return any(code[:2] == row["root"] and actor_ok(row["source"], src) and actor_ok(row["target"], tgt)
               for src, tgt, code in got)


def test_grid_kinds():
    assert len(ROWS) >= 20
    assert {r["kind"] for r in ROWS} == {"inner-case-agent", "inner-case-guard", "compound-owner", "compound-guard",
                                          "circumstance-von", "circumstance-guard", "demonstrative",
                                          "demonstrative-guard", "co-subject", "co-subject-guard", "act-author",
                                          "act-author-guard", "apposed-person", "apposed-person-guard"}


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['kind']}-{i}" for i, r in enumerate(ROWS)])
def test_arguments_s26_grid_de(nlp_de, row):
    got = coded_events(nlp_de(row["text"]))
    assert row_passes(row, got), f"[{row['kind']}] want {row['source']}->{row['target']} {row['root']}, got {got}"


def test_circumstance_preps_are_data():
    from lagebild.events.lexicon import load_lexicon

    de = load_lexicon("de").circumstance_preps
    assert {"nach", "vor", "trotz"} <= de
    assert not {"bei", "während"} & de  # an occasion's doers act in it (grid guard rows)
    assert not load_lexicon("en").circumstance_preps
