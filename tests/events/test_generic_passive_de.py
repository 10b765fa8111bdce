"""Generic group nouns as event arguments and the patient of agentless passives (issue 9,
session 22): own German sentences in ``generic_passive_grid_de.tsv``; every row must pass,
and a failing row names its kind. Also the shared helper the argument rules use,
:func:`lagebild.language.reference.group_agent`."""
from __future__ import annotations

from test_senses_de import triple_failures


def test_generic_group_and_passive_patient_grid_de(nlp_de):
    from grid_rows import read_grid

    rows = read_grid("generic_passive_grid_de.tsv")
    assert len(rows) >= 30
    assert {r["kind"] for r in rows} == {"group-argument", "group-noun", "passive-patient"}
    failures = triple_failures(nlp_de, rows)
    print(f"generic/passive grid de: {len(rows) - len(failures)}/{len(rows)}")
    assert not failures, "\n".join(failures)


def test_group_agent_de(nlp_de):
    from lagebild.language.reference import group_agent

    doc = nlp_de("Die Polizei und Menschen wie Soldaten sahen zu, während Merkel redete.")
    by_text = {t.text: group_agent(t) for t in doc}
    assert by_text["Polizei"] == "COP"
    assert by_text["Menschen"] == "CVL"
    assert by_text["Soldaten"] is None  # the standard of a comparison refers to no one
    assert by_text["Merkel"] is None and by_text["redete"] is None and by_text["Die"] is None
