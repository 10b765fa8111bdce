"""``training/e5_heads.py en --stages ner``: the English NER head's data and its epoch score
(issue 10). No torch needed; the data test needs ``../shared/data/ner-en``."""
from __future__ import annotations

import pytest
from repo_scripts import load_script

from lagebild.language import evaluate as ev

e5 = load_script("training/e5_heads.py")
NER_EN = ev.shared_data_dir() / "ner-en"


@pytest.mark.parametrize("gold, pred, labels, want", [
    # a MISC span the dev set does not annotate is not a false positive there
    (["B-PER", "I-PER", "O", "B-MISC"], ["B-PER", "I-PER", "O", "B-MISC"], ["PER", "LOC", "ORG"], (1.0, 1.0, 1.0)),
    (["B-PER", "O", "O"], ["B-PER", "O", "B-MISC"], ["PER", "LOC", "ORG"], (1.0, 1.0, 1.0)),
    # without labels every span counts
    (["B-PER", "O", "O"], ["B-PER", "O", "B-MISC"], None, (0.5, 1.0, 2 / 3)),
    # a wrong label and a wrong boundary are both misses
    (["B-ORG", "I-ORG", "B-LOC"], ["B-ORG", "O", "B-PER"], ["PER", "LOC", "ORG"], (0.0, 0.0, 0.0)),
], ids=["misc-both-sides-ignored", "misc-prediction-ignored", "all-labels", "label-and-boundary-misses"])
def test_ner_f1_counts_only_the_labels_of_the_dev_set(gold, pred, labels, want):
    assert e5.ner_f1([gold], [pred], labels) == pytest.approx(want)


@pytest.mark.skipif(not (NER_EN / "uner-ewt").is_dir(), reason=f"needs {NER_EN} (../shared beside the repo)")
def test_english_ner_data_keeps_the_held_out_sets_out():
    data = e5.ner_sentences("en")
    parts = {p for _, _, p in data}
    assert parts == {"train", "dev", "heldout"}
    # the held-out wikigold tenth is marked (never encoded: main() drops it), as the CNN's split
    # (followed by the 77 UNER EWT dev sentences whose words equal a test sentence's)
    wiki = [tuple(w) for i, (w, _) in enumerate(ev.wikigold_sentences()) if ev.is_held_out(i)]
    held = [tuple(w) for w, _, p in data if p == "heldout"]
    assert held[:len(wiki)] == wiki and len(held) == len(wiki) + 77
    # UNER EWT dev: every 10th of its documents chooses the epoch (PER/LOC/ORG only, no
    # missing marks), the other nine tenths train; its test file is never read
    dev = [(w, t) for w, t, p in data if p == "dev"]
    assert len(dev) == 151
    assert {t[2:] for _, tags in dev for t in tags if t != "O"} == {"PER", "LOC", "ORG"}
    assert not {tuple(w) for w, _ in dev} & {tuple(w) for w, _, p in data if p == "train" and len(w) >= 6}
    test = {tuple(w) for w, _ in ev.read_columns(NER_EN / "uner-ewt" / "en_ewt-ud-test.iob2", 1, 2, sep="\t",
                                                 skip_comments=True, comment_prefix="#") if len(w) >= 6}
    assert not test & {tuple(w) for w, _, p in data if p == "train"}  # (EWT dev and test share one)
    # every training label is one of the four the heads know (WNUT's six are mapped), or the
    # missing mark of UNER's possible-MISC tokens (no loss)
    assert {t[2:] for _, tags, p in data if p == "train" for t in tags if t not in ("O", e5.MISSING)} == {
        "PER", "LOC", "ORG", "MISC"}
    assert sum(t == e5.MISSING for _, tags, p in data if p == "train" for t in tags) == 3 * 635
