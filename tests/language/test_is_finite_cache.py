"""speech.is_finite (kept per morphology/POS/tag) answers as its uncached form for
tokens that share and that differ in any of the three."""
from __future__ import annotations

import itertools

import spacy
from spacy.tokens import Doc

from lagebild.language.speech import _is_finite, is_finite


def test_cached_answer_is_the_computed_one() -> None:
    vocab = spacy.blank("de").vocab
    morphs = ["", "VerbForm=Fin", "VerbForm=Part", "Mood=Ind|Tense=Past", "Mood=Sub", "Case=Nom"]
    poses = ["VERB", "AUX", "ADJ", "NOUN"]
    tags = ["VVFIN", "VVPP", "ADJD", "NN", "MD", ""]
    combos = list(itertools.product(morphs, poses, tags))
    words = [f"w{i}" for i in range(len(combos))]
    doc = Doc(vocab, words=words, morphs=[m for m, _, _ in combos], pos=[p for _, p, _ in combos],
              tags=[t or "_" for _, _, t in combos])
    for _ in range(2):  # the second pass reads the cache
        for tok in doc:
            assert is_finite(tok) == _is_finite(tok), (str(tok.morph), tok.pos_, tok.tag_)
    answers = {(str(t.morph), t.pos_, t.tag_): is_finite(t) for t in doc}
    assert answers[("VerbForm=Part", "VERB", "VVFIN")] is False  # the verb form decides
    assert answers[("Mood=Ind|Tense=Past", "ADJ", "ADJD")] is False
    assert answers[("Mood=Ind|Tense=Past", "VERB", "NN")] is True
    assert answers[("", "NOUN", "VVFIN")] is True
