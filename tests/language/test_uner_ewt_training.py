"""UNER English-EWT dev as English NER training data (issue 10, session 30):
``training/convert.py`` (``uner_ewt_dev``, ``may_be_misc``, ``masked_ner_doc``), shared by the
CNN NER (``convert.py en``) and the e5 NER head (``e5_heads.py en --stages ner``).

UNER annotates PER/LOC/ORG only; the other English sets also have MISC. Tokens UNER leaves O
that may belong to a MISC name are marked missing (no loss) instead of O. Every 10th EWT
document chooses the epoch; UNER EWT test stays held out. Data tests skip without ../shared.
"""
from __future__ import annotations

from collections import Counter

import pytest
from repo_scripts import load_script

from lagebild.language import evaluate as ev

spacy = pytest.importorskip("spacy")
convert = load_script("training/convert.py", "convert")
UNER = ev.shared_data_dir() / "ner-en" / "uner-ewt"
needs_data = pytest.mark.skipif(not UNER.is_dir(), reason=f"needs {UNER} (../shared beside the repo)")


@pytest.mark.parametrize("word, upos, position, want", [
    ("Zenfone", "PROPN", 3, True),       # a product name UNER leaves O
    ("Thursday", "PROPN", 0, True),      # PROPN anywhere, also first
    ("Peruvian", "ADJ", 4, True),        # nationality adjective: wikigold's MISC
    ("Peruvian", "ADJ", 0, False),       # first word: capitalised anyway
    ("peruvian", "ADJ", 4, False),       # lower case in web text: left O
    ("Lovely", "ADJ", 0, False),
    ("Table", "NOUN", 2, False),         # a capitalised common noun stays O
    ("they", "PRON", 1, False),
], ids=["propn-product", "propn-first", "adj-nationality", "adj-first", "adj-lower", "adj-sentence-start",
        "noun-capitalised", "pronoun"])
def test_may_be_misc(word, upos, position, want):
    assert convert.may_be_misc(word, upos, position) is want


@pytest.mark.parametrize("sent_id, doc", [
    ("reviews-004711-0003", "reviews-004711"),
    ("email-enronsent07_02-0012", "email-enronsent07_02"),
    ("newsgroup-groups.google.com_x_0a1b_ENG_20050101_101000-0001",
     "newsgroup-groups.google.com_x_0a1b_ENG_20050101_101000"),
], ids=["reviews", "email", "newsgroup"])
def test_uner_document(sent_id, doc):
    assert convert.uner_document(sent_id) == doc


def test_masked_ner_doc_keeps_entities_and_marks_missing():
    nlp = spacy.blank("en")
    sents = [(["Ola", "Berg", "bought", "a", "Zenfone", "in", "Tromso"],
              ["B-PER", "I-PER", "O", "O", convert.MISSING, "O", "B-LOC"]),
             (["Fine", "."], ["O", "O"])]
    doc = convert.masked_ner_doc(nlp.vocab, sents)
    assert [(e.text, e.label_) for e in doc.ents] == [("Ola Berg", "PER"), ("Tromso", "LOC")]
    assert [t.ent_iob for t in doc] == [3, 1, 2, 2, 0, 2, 3, 2, 2]  # 0 = missing, 2 = O


@needs_data
def test_uner_ewt_dev_split_and_marks():
    rows = convert.uner_ewt_dev()
    assert len(rows) == 2001
    # 77 sentences equal a test sentence (signatures, greetings, names): held out
    assert Counter(p for _, _, p in rows) == {"train": 1773, "dev": 151, "heldout": 77}
    # by document: no document has sentences in both train and dev; every 10th document is dev
    # (one of the 32 has only sentences that are also in the test file)
    ids = [sid for sid in convert._sentences_by_id(UNER / "en_ewt-ud-dev.iob2", (1,))]
    parts = {}
    for sid, (_, _, part) in zip(ids, rows):
        parts.setdefault(convert.uner_document(sid), set()).add(part)
    assert not any({"train", "dev"} <= p for p in parts.values())
    assert sum("dev" in p for p in parts.values()) == 31 and len(parts) == 318
    # missing marks only in the train part and only where UNER says O
    plain = list(ev.read_columns(UNER / "en_ewt-ud-dev.iob2", 1, 2, sep="\t", skip_comments=True, comment_prefix="#"))
    for (words, tags, part), (w0, t0) in zip(rows, plain):
        assert words == w0
        t0 = ev.fix_iob([t if t[2:] in ev.UNER_LABELS else "O" for t in t0])
        for a, b in zip(tags, t0):
            assert a == b or (a == convert.MISSING and b == "O" and part == "train")
    assert sum(t.count(convert.MISSING) for _, t, _ in rows) == 635
    # the CNN's dev part is marked as well (spaCy's scorer ignores predictions there)
    marked = convert.uner_ewt_dev(mask_parts=("train", "dev"))
    assert sum(t.count(convert.MISSING) for _, t, p in marked if p == "dev") == 49
    # no sentence of UNER EWT test is trained on or chooses the epoch
    test = {tuple(w) for w, _ in ev.read_columns(UNER / "en_ewt-ud-test.iob2", 1, 2, sep="\t",
                                                 skip_comments=True, comment_prefix="#")}
    assert not test & {tuple(w) for w, _, p in rows if p != "heldout"}
