"""Relative clauses that a weak parse hangs on the wrong noun (issue 9, session 23): own
German sentences in ``constructions_s23_grid_de.tsv``, each a relative pronoun whose number
or gender rules out the noun its clause was attached to ("Sanktionen gegen Russland, das
die Ukraine angegriffen hatte": "das" is Russland); a failing row names its kind. Also the
agreement check itself (``ArgumentsMixin._disagrees``)."""
from __future__ import annotations

from grid_rows import check_root_grid, coded_events, read_grid


def test_relative_agreement_grid_de(nlp_de):
    rows = read_grid("constructions_s23_grid_de.tsv")
    assert len(rows) >= 14
    assert {r["kind"] for r in rows} == {"relative-agreement"}
    check_root_grid("relative agreement grid de", rows, nlp_de.pipe(r["text"] for r in rows), coded_events)


def test_relative_pronoun_takes_agreeing_antecedent_de(nlp_de):
    from lagebild.events.arguments import ArgumentsMixin
    from lagebild.pipeline import load

    coder = load("de").get_pipe("lagebild_events").coder
    doc = nlp_de("Die EU verhängte Sanktionen gegen Russland, das die Ukraine angegriffen hatte.")
    words = [t.text for t in doc]
    das, sanktionen, russland = (doc[words.index(w)] for w in ("das", "Sanktionen", "Russland"))
    assert ArgumentsMixin._disagrees(das, sanktionen)  # neuter singular vs. plural
    assert not ArgumentsMixin._disagrees(das, russland)
    coder._bounds = (doc[0].sent.start, doc[0].sent.end)
    coder._dateline_tokens = set()
    assert coder.relative_antecedent(das).text == "Russland"
