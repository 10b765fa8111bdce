"""German argument kinds of session 26, second wave (issue 9: the right source and target
of an event); grid ``arguments_s26b_grid_de.tsv`` of own sentences, one kind per row (a
failing row names its kind):

* ``patient-source``: a clause subject headed by an act noun whose genitive or "von"
  complement is the act's patient ("Die Tötung eines amerikanischen Soldaten hat
  Washington empört") takes no actor from it (``EventCoder._patient_free``);
* ``stative-passive``: "sein" + the participle of a verb with an object ("Der Journalist
  ist festgenommen") is a passive: its subject is the target
  (``ArgumentsMixin._stative_passive``, ``syntax.yaml`` ``sein_perfect_verbs``);
* ``co-subject-perfect``: "Merkel und Macron haben Russland kritisiert" is one event per
  conjunct (``ArgumentsMixin._conjunct_of``);
* guards (``*-guard``): the readings that must stay."""
from __future__ import annotations

import pytest

from grid_rows import coded_events, read_grid
from test_arguments_s26_de import row_passes

ROWS = read_grid("arguments_s26b_grid_de.tsv")


def test_grid_kinds():
    assert len(ROWS) >= 20
    assert {r["kind"] for r in ROWS} == {"patient-source", "patient-guard", "stative-passive", "stative-guard",
                                          "co-subject-perfect", "co-subject-guard"}


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['kind']}-{i}" for i, r in enumerate(ROWS)])
def test_arguments_s26b_grid_de(nlp_de, row):
    got = coded_events(nlp_de(row["text"]))
    want = f"{row['source']}->{row['target']} {row['root']}"
    assert row_passes(row, got), f"[{row['kind']}] {row['text']}: want {want}, got {got}"


@pytest.mark.parametrize("lemma,sein", [("reisen", True), ("kommen", True), ("treten", True), ("marschieren", True),
                                        ("festnehmen", False), ("verhaften", False), ("informieren", False),
                                        ("entführen", False)])
def test_sein_perfect_verbs_are_data(lemma, sein):
    """The list of verbs whose perfect takes "sein" is data (syntax.yaml), German only."""
    from lagebild.events.lexicon import load_lexicon

    assert (lemma in load_lexicon("de").sein_perfect_verbs) is sein
    assert not load_lexicon("en").sein_perfect_verbs
