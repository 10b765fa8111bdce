"""The sentence guard (one pass over the token texts) forbids exactly the sentence
starts that may_start_sentence, asked token by token, forbids; starts set before it
(paragraph breaks) are kept."""
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from lagebild.language.sentences import may_start_sentence, sentence_guard

NLP = spacy.blank("de")
WORDS = ["Der", "Sprecher", "sagte", ".", "!", "…", ":", "„", "“", "\"", ")", "UN-Chef", "Peskow", "\n", "\n\n", "bar", "Nein"]


@settings(deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(["", " ", "\n"]), st.sampled_from([None, True, False])), min_size=1, max_size=25))
def test_guard_equals_may_start_sentence_token_by_token(tokens):
    words = [w for w, _, _ in tokens]
    spaces = [bool(s) for _, s, _ in tokens]
    doc = Doc(NLP.vocab, words=words, spaces=spaces)
    # a preset start, as the paragraph rule sets them (or a preset non-start)
    for tok, (_, _, preset) in zip(doc, tokens):
        if preset is not None and tok.i > 0:
            tok.is_sent_start = preset
    expected = [None] + [True if doc[i].is_sent_start else (doc[i].is_sent_start if may_start_sentence(doc, i) else False)
                         for i in range(1, len(doc))]
    sentence_guard(doc)
    assert [None] + [doc[i].is_sent_start for i in range(1, len(doc))] == expected


def test_guard_keeps_starts_after_sentence_ends_and_forbids_them_after_a_role_noun():
    doc = Doc(NLP.vocab, words=["Kreml-Sprecher", "Peskow", "sagte", ".", "Dann", "ging", "er"])
    sentence_guard(doc)
    assert doc[1].is_sent_start is False and doc[4].is_sent_start is None

