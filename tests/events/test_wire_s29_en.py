"""Wire copy, English (issue 9, session 29): the grid ``wire_s29_grid_en.tsv`` of own
wire-style sentences, one test per kind so that a failing kind is named by the test id: a
clause reported after "said" without "that" whose verb the parser read as a modifier of its
object (``clauses._reported_clause_read_as_modifier``), and the actor whose position, camp,
base or vehicle is hit as the target (``EventCoder._place_owner``, syntax.yaml
``owned_places``), and the verb read as a modifier of its object when the object's
possessor stands between them (``clauses._possessed_object``), a group noun with a
possessive coded as the possessor's country's agents (``Arguments._resolve_anaphor``), and
an act ordered or authorised by an authority (``support_verbs_en.tsv``), and the author
of a rejected call or offer named in its "from" phrase (``Arguments._agent_of_noun``);
coordinated actors that agree to act (``patterns_en.tsv`` agree 030 mutual) and no event in
an open "whether" question (``EventCoder._believed``); the one threatened named inside a
threat's content (``EventCoder._threat_content_target``); the other side of a fight that
killed the subject of an agentless passive (``EventCoder._means_agents``)."""
from __future__ import annotations

import pytest
from grid_rows import check_kind_grid

GRID = "wire_s29_grid_en.tsv"
KINDS = {"reported clause: said X VERBed/amod Y", "owned place: rebel positions",
         "possessor between: X VERBed/amod Y's N", "possessive group: its soldiers",
         "ordered act: ordered the arrest of X", "from-agent: calls from X",
         "agreed (mutual): X and Y agreed to VERB", "open question: whether X VERBed",
         "threat content: threatened to cut X to Y", "killed in clashes with X", "keep"}


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from lagebild.pipeline import load

    return load("en")


def test_wire_s29_grid_shape(nlp) -> None:  # type: ignore[no-untyped-def]
    check_kind_grid(nlp, GRID, "wire s29 grid en", KINDS, min_rows=20)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_wire_s29_kind(nlp, kind: str) -> None:  # type: ignore[no-untyped-def]
    check_kind_grid(nlp, GRID, "wire s29 grid en", KINDS, kind=kind)
