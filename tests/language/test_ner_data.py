"""training/ner_data.py: the German NER training corpora (issue 10, fast NER).

The held-out 10 % of GermEval is evaluation data: it must never reach a training or a
checkpoint-selection corpus. Tests that read ../shared skip when it is absent.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "training"))

import ner_data  # noqa: E402

needs_data = pytest.mark.skipif(not SHARED_DATA.is_dir(),
                                reason=f"needs {SHARED_DATA} (../shared beside the repo)")


def test_iob_spans():
    assert ner_data.iob_spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 6, "LOC")]
    assert ner_data.iob_spans([]) == []
    assert ner_data.iob_spans(["O", "O"]) == []


@pytest.mark.parametrize("tag, expected", [
    ("O", "O"), ("B-person", "B-PER"), ("I-organization-company", "I-ORG"),
    ("B-organization", "B-ORG"), ("B-location-city", "B-LOC"), ("I-location-stop", "I-LOC"),
    ("B-location-street", "B-LOC"), ("B-location-route", "B-" + ner_data.MISSING),
    ("B-date", "O"), ("I-trigger", "O"), ("B-event-cause", "O"), ("B-org-position", "O"),
])
def test_mobie_tags_map_to_the_germeval_labels(tag, expected):
    assert ner_data.mobie_tag(tag) == expected


def test_missing_spans_and_gazetteer_leave_tokens_unannotated():
    vocab = spacy.blank("de").vocab
    words = "Die S4 fährt nicht , sagte Anna Lena in Hamburg zur Bundesliga .".split()
    gaz = {("bundesliga",)}
    doc = ner_data.make_doc(vocab, words, [(1, 2, ner_data.MISSING), (6, 8, "PER"), (9, 10, "LOC")], gaz)
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna Lena", "PER"), ("Hamburg", "LOC")]
    iob = [t.ent_iob_ for t in doc]
    assert iob[1] == "" and iob[11] == ""  # missing: no loss either way
    assert iob[0] == "O" and iob[2] == "O" and iob[10] == "O"
    # a gazetteer hit inside a gold entity does not override it
    doc = ner_data.make_doc(vocab, ["Bundesliga"], [(0, 1, "ORG")], gaz)
    assert [(e.text, e.label_) for e in doc.ents] == [("Bundesliga", "ORG")]


def test_misc_gazetteer_keeps_names_mostly_labelled_misc():
    train = [(["die", "Bundesliga", "und", "er"], ["O", "B-MISC", "O", "B-MISC"]),
             (["er", "sagt"], ["O", "O"]), (["er", "geht"], ["O", "O"])]
    assert ner_data.misc_gazetteer(train) == {("bundesliga",)}


@needs_data
def test_germeval_split_never_contains_the_held_out_part():
    from lagebild.language.evaluate import germeval_sentences, is_held_out

    sents = list(germeval_sentences())
    held = {tuple(w) for i, (w, _) in enumerate(sents) if is_held_out(i)}
    train, dev = ner_data.germeval_split()
    assert len(train) + len(dev) == len(sents) - sum(1 for i in range(len(sents)) if is_held_out(i))
    assert len(dev) == 459
    # sentence identity by words (a few GermEval sentences repeat verbatim: count positions)
    kept = [tuple(w) for i, (w, _) in enumerate(sents) if not is_held_out(i)]
    assert sorted(kept) == sorted(tuple(w) for w, _ in train + dev)
    only_held = held - set(kept)
    assert only_held and not only_held & {tuple(w) for w, _ in train + dev}
