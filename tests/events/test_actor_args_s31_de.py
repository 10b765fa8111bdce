"""German event arguments of session 31 (issue 9), each kind with a grid of own sentences
(``actor_args_s31_grid_de.tsv``; a failing row names its kind):

* ``group-noun``: generic groups and roles with no country of their own ("Grenzschützer",
  "Demonstrierende", "Geflüchtete", "Regimegegner", "Schmuggler", "Streikende") are
  agent-coded actors of the context's country -- the German nouns for the agent codes
  PETRARCH's ``Phoenix.agents.txt`` gives their English counterparts (``kb/agents.tsv``);
* ``member-noun``: "Mitglieder", "Vertreter", "Angehörige" stand for the body their genitive
  or "von" attribute names ("Vertreter der Opposition" -> OPP, no longer GOV; "Mitglieder"
  no longer a form of "Mitgliedstaat"; ``reference.tsv`` kind ``member``,
  :func:`lagebild.language.reference._member_of`);
* ``owned-place``: an attacked compound place names its owner in its first part
  ("Polizeistation" -> COP, "Rebellenlager" -> REB; syntax.yaml ``owned_places`` de,
  ``EventCoder._compound_place_owner``);
* ``object-sie``: an object "sie" whose singular feminine reading finds no one is plural
  ("Demonstranten zogen … Die Polizei setzte Tränengas gegen sie ein" -> the protesters;
  :func:`lagebild.language.reference.resolve_references`);
* ``possessive-supporters``: "Ihre Anhänger" after a group subject act for that group
  ("Die Opposition rief … Ihre Anhänger griffen …" -> OPP; ``reference._group_owner``).

Kinds ending in ``-guard`` pass on the code before these changes and must stay so."""
from __future__ import annotations

import pytest

from grid_rows import check_kind_grid, coded_events

KINDS = {"group-noun", "group-noun-guard", "member-noun", "member-noun-guard", "owned-place", "owned-place-guard",
         "object-sie", "object-sie-guard", "possessive-supporters", "possessive-supporters-guard"}
GRID = "actor_args_s31_grid_de.tsv"


def test_actor_args_s31_grid_de(nlp_de):
    check_kind_grid(nlp_de, GRID, "actor args s31 grid de", KINDS, min_rows=50)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_actor_args_s31_kind_de(nlp_de, kind):
    """Each kind on its own, so that a failing kind is named by the test id."""
    check_kind_grid(nlp_de, GRID, "actor args s31", KINDS, kind)


@pytest.mark.parametrize("text,actor,root", [
    ("Nach dem Angriff auf Kiew erklärte der russische Präsident, man wolle verhandeln.", "RUSGOV", "19"),
    ("Nach der Festnahme des Journalisten kritisierte die Regierung Kenias die Opposition.", "KENGOV", "173"),
    ("Wegen der Angriffe auf Polizisten verhängte die Regierung Malis eine Ausgangssperre.", "MLIGOV", "19"),
])
def test_nominal_in_pp_not_subjects_act_de(nlp_de, text, actor, root):
    """Guard (passes before and after session 31): the subject of a clause is not the
    agent of a nominal event in one of its prepositional phrases ("Nach dem Angriff auf Y
    erklärte X …" does not make X the attacker or the arrester)."""
    doc = nlp_de(text)
    assert not any(src == actor and code.startswith(root) for src, _, code in coded_events(doc)), coded_events(doc)
