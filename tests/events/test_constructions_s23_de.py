"""Arguments that agreement morphology recovers (issue 9, session 23): own German
sentences in ``constructions_s23_grid_de.tsv`` -- a relative pronoun whose number or gender
rules out the noun its clause was attached to ("Sanktionen gegen Russland, das die Ukraine
angegriffen hatte": "das" is Russland), and a subject "sie" whose number the finite verb
shows ("Die Taliban … Danach griffen sie …"); a failing row names its kind. Also the
agreement checks themselves."""
from __future__ import annotations

from grid_rows import check_root_grid, coded_events, read_grid


def test_agreement_grid_de(nlp_de):
    rows = read_grid("constructions_s23_grid_de.tsv")
    assert len(rows) >= 22
    assert {r["kind"] for r in rows} == {"relative-agreement", "pronoun-agreement"}
    check_root_grid("agreement grid de", rows, nlp_de.pipe(r["text"] for r in rows), coded_events)


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


def test_subject_sie_takes_number_of_finite_verb_de(nlp_de):
    from lagebild.language.reference import resolve_references

    doc = nlp_de("Die Taliban haben Kabul erobert. Danach griffen sie die Armee an.")
    sie = next(t for t in doc if t.lower_ == "sie")
    assert resolve_references(doc, sie.idx, sie.idx + len(sie)) == ["org:taliban"]
    doc = nlp_de("Die Taliban haben Kabul erobert. Danach griff sie die Armee an.")
    sie = next(t for t in doc if t.lower_ == "sie")
    assert resolve_references(doc, sie.idx, sie.idx + len(sie)) != ["org:taliban"]  # singular: not the Taliban
