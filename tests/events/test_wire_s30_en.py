"""Wire copy, English (issue 9, session 30): the grid ``wire_s30_grid_en.tsv`` of own
wire-style sentences, one test per kind so that a failing kind is named by the test id:
generic armed groups named by their band ("militiamen", data/language/reference.tsv),
retorts and reprisals ("hit back at X", "vowed to retaliate against X", patterns_en.tsv),
the state an envoy is posted to or sent from as the target of a recall or an expulsion
(``EventCoder._posting_target``), and a light verb's noun as the subject of its passive
("sanctions were imposed on X by Y", ``EventCoder.match``), the author of a condemned or
welcomed nominal act as the reaction's target and the claimant of an attack as its author
(``EventCoder._act_author_targets``), a warning, protest or invitation handed to someone
("issued a warning to X", patterns_en.tsv), the coordinated agents of a mutual passive
("a deal was signed by X and Y", ``EventCoder._events``), the first of two coordinated
verbs read as a modifier inside the subject ("Rebels in X attacked/amod positions … and
seized …", ``clauses._first_verb_read_as_modifier``), and a plural pronoun standing for
every conjunct of its coordinated antecedent ("Britain and France said they …",
``Arguments._plural_antecedents``)."""
from __future__ import annotations

import pytest
from grid_rows import check_kind_grid

GRID = "wire_s30_grid_en.tsv"
KINDS = {"group noun: militiamen", "retort: hit back at X", "posting: its ambassador to X",
         "passive light verb: sanctions were imposed", "plural pronoun: X and Y said they",
         "act author: condemned the killing of X by Y", "act author: an attack claimed by X",
         "handed over: issued a warning to X", "passive mutual: signed by X and Y",
         "first verb in the subject: X in Y VERBed/amod Z and VERBed", "keep"}


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from lagebild.pipeline import load

    return load("en")


def test_wire_s30_grid_shape(nlp) -> None:  # type: ignore[no-untyped-def]
    check_kind_grid(nlp, GRID, "wire s30 grid en", KINDS, min_rows=20)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_wire_s30_kind(nlp, kind: str) -> None:  # type: ignore[no-untyped-def]
    check_kind_grid(nlp, GRID, "wire s30 grid en", KINDS, kind=kind)
