"""Verbal clauses whose trigger the lexicon knows but whose arguments the parse hid
(issue 9, session 23): own German sentences in ``constructions_s23_grid_de.tsv`` for five
kinds (fronted time phrases, demonstrative subjects, pronouns of group nouns, relative
pronouns hung on the wrong noun, subjects hung on the finite auxiliary); a failing row
names its kind. Also the shared helper :func:`lagebild.language.clauses.time_adverbial`."""
from __future__ import annotations

from grid_rows import check_root_grid, coded_events, read_grid


def test_constructions_s23_grid_de(nlp_de):
    rows = read_grid("constructions_s23_grid_de.tsv")
    assert len(rows) >= 35
    assert {r["kind"] for r in rows} == {"fronted-time", "demonstrative-subject", "group-pronoun",
                                         "relative-agreement", "aux-agreement"}
    check_root_grid("constructions s23 grid de", rows, nlp_de.pipe(r["text"] for r in rows), coded_events)


def test_time_adverbial_de(nlp_de):
    from lagebild.language.clauses import time_adverbial

    doc = nlp_de("Diese Woche hat Russland dem Krieg kein Ende gesetzt, sagte Merkel Ende Mai am Montag.")
    by_text = {t.i: time_adverbial(t) for t in doc}
    words = [t.text for t in doc]
    assert by_text[words.index("Woche")]
    assert not by_text[words.index("Ende")]  # a light verb's object, not "Ende Mai"
    assert not by_text[words.index("Russland")] and not by_text[words.index("Merkel")]
    assert not by_text[words.index("Montag")]  # inside a prepositional phrase ("am Montag")
    late = [t for t in doc if t.text == "Ende"][-1]
    assert time_adverbial(late) or time_adverbial(doc[late.i + 1])  # "Ende Mai": a date


def test_demonstrative_takes_non_subject_referent_de(nlp_de):
    from lagebild.language.reference import resolve_references

    doc = nlp_de("Scholz rief Selenskyj an. Dieser dankte ihm.")
    dieser = next(t for t in doc if t.text == "Dieser")
    assert resolve_references(doc, dieser.idx, dieser.idx + len(dieser)) == ["per:volodymyr_zelensky"]
