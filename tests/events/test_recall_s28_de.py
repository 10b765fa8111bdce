"""German event recall kinds of session 28 (issue 9), each with a grid of own sentences
(``recall_s28_grid_de.tsv``; a failing row names its kind):

* ``bound-suffix``: a word that ends in "-schaft" is no compound of the noun "Haft"
  (``data/language/bound_suffixes_de.txt``): "Die Gewerkschaft drohte mit einem Streik" is a
  threat, not a penalty that threatens the union; ``bound-suffix-guard``: "Untersuchungshaft"
  still matches ``haft``;
* ``desire-demand``: "X will / wünscht sich, dass Y …" and "X erwartet von Y, dass …" are
  demands of X on Y (CAMEO 100;
  ``data/events/desires_de.tsv``, ``EventCoder._desire_demands``); ``desire-demand-guard``:
  negated, a question, a forecast, a wish about no actor;
* ``fronted-predicative``: "Unverantwortlich findet X den Plan von Y" -- the fronted adjective
  the parse read as a second subject is the predicative complement of "finden" (111 / 051);
  ``fronted-predicative-guard``: the same order without actors."""
from __future__ import annotations

import pytest

from grid_rows import kind_grid_tests

KINDS = {"bound-suffix", "bound-suffix-guard", "desire-demand", "desire-demand-guard", "fronted-predicative",
         "fronted-predicative-guard"}


# the whole grid, and each kind on its own (a failing kind is named by the test id)
test_recall_s28_grid_de, test_recall_s28_kind_de = kind_grid_tests(
    "recall_s28_grid_de.tsv", "recall s28", KINDS, min_rows=15)


@pytest.mark.parametrize("text", [
    "Der Außenminister Schwedens verurteilte den Anschlag auf die Botschaft Dänemarks in Beirut.",
    "Die Regierung in Lissabon verurteilte die Angriffe auf die Gewerkschaft der Hafenarbeiter.",
])
def test_schaft_is_no_prison_sentence_de(nlp_de, text):
    """"verurteilen" + "Haft" is a sentence to prison (116); an embassy or a union in the
    object is not Haft: the condemnation stays 111 (``bound-suffix``)."""
    codes = [e.cameo for e in nlp_de(text)._.events if e.cameo]
    assert "116" not in codes and any(c.startswith("111") for c in codes), codes


@pytest.mark.parametrize("word, start, inside", [
    ("gewerkschaft", 8, True),     # "haft" begun inside "-schaft"
    ("botschaften", 4, True),      # the plural: "haft" inside "-schaft" still
    ("untersuchungshaft", 13, False),
    ("gewerkschaft", 0, False),    # the whole word
    ("wirtschaftshaft", 11, False),  # a compound of Haft after a -schaft word
])
def test_inside_bound_suffix_de(word, start, inside):
    from lagebild.language.word_class import inside_bound_suffix

    assert inside_bound_suffix(word, start, "de") is inside


def test_desires_are_demand_rows_de():
    """The wanting verbs are a data file read like the pattern files (file and line in
    errors), all CAMEO root 10; "erwarten" needs its von-phrase (without it a forecast)."""
    from lagebild.events.recall_data import desire_patterns

    table = desire_patterns("de")
    assert {"wollen", "wünschen", "erwarten"} <= set(table)
    assert all(p.code.startswith("10") for rows in table.values() for p in rows)
    assert all(any("von" in alts for alts in p.words) for p in table["erwarten"])
