"""German criticism in reported speech without a trigger verb (issue 9, session 28), each kind
with a grid of own sentences (``criticism_s28_grid_de.tsv``; a failing row names its kind):

* ``failure-verb``: "X habe versagt / die Reform verschlafen / einen Fehler gemacht / die
  Bauern im Stich gelassen, sagte Y" is Y criticising X (111; the code-111 rows of
  ``data/events/misdeeds_de.tsv``, ``EventCoder._reported_misdeeds``); guards: negated, the
  speaker's own side, a question, "die Zustimmung versagen", the author's own report;
* ``attributive-judgement``: "Der Plan von X sei ein lächerlicher Versuch, sagte Y" (111 to the
  owner; ``EventCoder._evaluative_predications``); guards: "X ist ein gefährliches Land", a
  positive adjective;
* ``blame-predicate``: "X sei schuld an der Misere", "X sei für das Chaos verantwortlich" (112;
  ``EventCoder._blame_predicate``); guard: responsible for something neutral;
* ``judging-object``: "X betreibe Panikmache" (111), "X trage die Schuld an der Misere / die
  Verantwortung für das Chaos" (112; ``misdeeds_de.tsv`` rows with words); guard: the same verbs
  with a neutral object."""
from __future__ import annotations

from grid_rows import kind_grid_tests

KINDS = {"failure-verb", "failure-verb-guard", "attributive-judgement", "attributive-judgement-guard",
         "blame-predicate", "blame-predicate-guard", "judging-object", "judging-object-guard"}


# the whole grid, and each kind on its own (a failing kind is named by the test id)
test_criticism_s28_grid_de, test_criticism_s28_kind_de = kind_grid_tests(
    "criticism_s28_grid_de.tsv", "criticism s28", KINDS, min_rows=15)


def test_failure_rows_are_criticism_de():
    """The failure verbs of ``misdeeds_de.tsv`` code 111 (criticize), the deceit verbs 112;
    "versagen" carries the refusal nouns as ``not=`` words."""
    from lagebild.events.recall_data import misdeed_patterns

    table = misdeed_patterns("de")
    assert all(p.code == "111" for k in ("versagen", "verschlafen", "versäumen") for p in table[k])
    assert all(p.code == "112" for p in table["täuschen"])
    assert "zustimmung" in table["versagen"][0].exclude


def test_blame_classes_de():
    """The blame classes are sense classes of ``senses_de.tsv``; "schuld" blames on its own."""
    from lagebild.events.patterns import load_sense_classes

    classes = load_sense_classes("de")
    assert {"schuld", "verantwortlich"} <= classes["schuld_prädikat"]
    assert classes["schuld_allein"] <= classes["schuld_prädikat"]
    assert {"niederlage", "misere"} <= classes["übel"]
