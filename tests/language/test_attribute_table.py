"""The lagebild_attribute_table component must give exactly what spaCy's attribute_ruler
gives with the same rules: on the shipped German lemma rules (a grid of our own sentences
and random token sequences with random parts of speech) and on rules of its own kinds."""
from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from lagebild.language.attribute_table import AttributeTable, compile_rules, use_attribute_table
from lagebild.language import MODELS_DIR

POS = ["PRON", "AUX", "VERB", "NOUN", "DET", "ADJ", "PROPN", "PUNCT", ""]


def _ruler_and_table(patterns):  # type: ignore[no-untyped-def]
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    table = AttributeTable(nlp, "t")
    rules = compile_rules(nlp.vocab, ruler.patterns)
    assert rules is not None
    table.set_rules(rules)
    return nlp, ruler, table


def _same(nlp, ruler, table, words, pos) -> None:  # type: ignore[no-untyped-def]
    a = Doc(nlp.vocab, words=words, pos=pos or None)
    b = Doc(nlp.vocab, words=words, pos=pos or None)
    ruler(a)
    table(b)
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
    assert [t.pos_ for t in a] == [t.pos_ for t in b]
    assert a.to_bytes() == b.to_bytes()


@pytest.fixture(scope="module")
def shipped():  # type: ignore[no-untyped-def]
    path = MODELS_DIR / "de" / "lemma_rules" / "patterns"
    if not path.is_file():
        pytest.skip("the shipped German pipeline is absent")
    import srsly

    return _ruler_and_table(srsly.msgpack_loads(path.read_bytes()))


GRID = [
    ("Er hätte es mir gesagt , wenn sie gewesen wären .", "PRON AUX PRON PRON VERB PUNCT SCONJ PRON AUX AUX PUNCT"),
    ("Man muss sein Haus sein lassen .", "PRON AUX DET NOUN AUX VERB PUNCT"),
    ("Wir würden uns freuen , sagte euch die Ministerin .", "PRON AUX PRON VERB PUNCT VERB PRON DET NOUN PUNCT"),
    ("SIE KÖNNTE Ihn Dich SEIN Lassen", "PRON AUX PRON PRON AUX VERB"),
    ("Sie sind es , die es gewollt haben .", "PRON AUX PRON PUNCT PRON PRON VERB AUX PUNCT"),
    ("Ich mag Kaffee , du möchtest Tee", "PRON VERB NOUN PUNCT PRON VERB NOUN"),
    ("Dürfte er ihm das Buch geben ?", "AUX PRON PRON DET NOUN VERB PUNCT"),
    ("Sein Bruder ist sein Freund", "DET NOUN AUX DET NOUN"),
]


@pytest.mark.parametrize("text,pos", GRID)
def test_shipped_rules_grid(shipped, text: str, pos: str) -> None:  # type: ignore[no-untyped-def]
    _same(*shipped, text.split(), pos.split())


FORMS = ["habe", "hätten", "ist", "sein", "Sein", "sei", "würde", "kann", "mir", "Mir", "euch", "uns",
         "man", "es", "sie", "Er", "ihn", "Haus", "gehen", "wird", "worden", "möchte", "gesollt", "-", "."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FORMS), st.sampled_from(POS)), min_size=1, max_size=20))
def test_shipped_rules_on_any_sequence(shipped, pairs) -> None:  # type: ignore[no-untyped-def]
    words = [w for w, _ in pairs]
    pos = [p for _, p in pairs]
    _same(*shipped, words, pos if all(pos) else None)


def test_later_rules_win_and_every_table_key_works() -> None:
    patterns = [
        {"patterns": [[{"LOWER": {"IN": ["a", "b"]}}]], "attrs": {"LEMMA": "first"}},
        {"patterns": [[{"LOWER": "a", "POS": "NOUN"}], [{"ORTH": "C"}]], "attrs": {"LEMMA": "second", "MORPH": "Case=Nom"}},
        {"patterns": [[{"NORM": "d", "TAG": {"IN": ["XY"]}}]], "attrs": {"LEMMA": "third", "POS": "X"}, "index": -1},
    ]
    nlp, ruler, table = _ruler_and_table(patterns)
    for words, pos, tags in (
        (["a", "A", "b", "C", "c", "d"], ["NOUN", "VERB", "NOUN", "NOUN", "NOUN", "NOUN"], ["", "", "", "", "", "XY"]),
        (["d", "d", "a"], ["VERB", "VERB", "NOUN"], ["XY", "", ""]),
    ):
        a = Doc(nlp.vocab, words=words, pos=pos, tags=tags)
        b = Doc(nlp.vocab, words=words, pos=pos, tags=tags)
        ruler(a)
        table(b)
        assert a.to_bytes() == b.to_bytes()
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


@pytest.mark.parametrize("pattern", [
    [[{"LOWER": "a"}, {"LOWER": "b"}]],  # two tokens
    [[{"LOWER": "a", "OP": "?"}]],  # an operator
    [[{"LOWER": {"NOT_IN": ["a"]}}]],  # another set predicate
    [[{"MORPH": {"IS_SUPERSET": ["Case=Acc"]}}]],  # a key the table does not read
    [[{"LENGTH": {">=": 2}}]],
    [[{}]],  # every token
])
def test_rules_the_table_cannot_express_keep_the_ruler(pattern) -> None:  # type: ignore[no-untyped-def]
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("attribute_ruler", name="lemma_rules")
    ruler.add(pattern, {"LEMMA": "x"})
    assert compile_rules(nlp.vocab, ruler.patterns) is None
    assert use_attribute_table(nlp) is False
    assert nlp.get_pipe("lemma_rules") is ruler


def test_use_attribute_table_keeps_name_and_place() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("attribute_ruler", name="lemma_rules")
    ruler.add([[{"LOWER": "bin"}]], {"LEMMA": "sein"})
    nlp.add_pipe("sentencizer", name="after")
    assert use_attribute_table(nlp) is True
    assert nlp.pipe_names == ["sentencizer", "lemma_rules", "after"]
    assert isinstance(nlp.get_pipe("lemma_rules"), AttributeTable)
    assert [t.lemma_ for t in nlp("Ich bin da")] == ["", "sein", ""]
    assert use_attribute_table(nlp) is False  # (no ruler there any more)
