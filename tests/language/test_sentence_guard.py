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



@settings(deadline=None)
@given(st.lists(st.sampled_from(["sehr", ",", "gut", "und", "–", "X"]), min_size=1, max_size=700))
def test_guard_cuts_every_stretch_without_a_sentence_end_at_the_cap(words):
    from lagebild.language.sentences import MAX_SENTENCE_TOKENS

    doc = Doc(NLP.vocab, words=words)
    sentence_guard(doc)
    starts = [0] + [i for i in range(1, len(doc)) if doc[i].is_sent_start is not False]
    # no run of forbidden starts is longer than the cap ...
    for a, b in zip(starts, starts[1:] + [len(doc)]):
        assert b - a <= MAX_SENTENCE_TOKENS
    # ... and a forced start follows a clause break when the second half of the stretch has one
    for i in starts[1:]:
        if doc[i].is_sent_start and doc[i - 1].text not in {",", "–"}:
            window = [doc[j].text for j in range(i - MAX_SENTENCE_TOKENS // 2, i - 1)]
            assert "," not in window and "–" not in window


def test_guard_leaves_ordinary_sentences_alone():
    words = ["Der", "Minister", "sagte", ",", "er", "komme", "."] * 40
    doc = Doc(NLP.vocab, words=words)
    sentence_guard(doc)
    assert not any(t.is_sent_start is True for t in doc[1:])


def test_a_run_on_text_is_parsed_in_bounded_sentences():
    from lagebild.language.sentences import MAX_SENTENCE_TOKENS
    from lagebild.pipeline import load

    text = "Der Präsident sagte, " + "sehr " * 3000 + "gut."
    doc = load("de")(text)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS


def test_capitalised_adverb_repair_runs_once_per_doc(monkeypatch):
    """The ADV→NOUN/PROPN repair looks at every in-sentence token once per Doc; called per
    token (session 21's first version) it made the guard quadratic in a sentence's length."""
    import spacy

    from lagebild.language import sentences

    calls = []
    real = sentences._capitalised_adverbs
    monkeypatch.setattr(sentences, "_capitalised_adverbs", lambda *a: calls.append(1) or real(*a))
    doc = spacy.blank("de").make_doc(" ".join(["wort"] * 500 + ["Ende."]))
    sentences.sentence_guard(doc)
    assert len(calls) == 1


def test_capitalised_adverb_becomes_a_name():
    """A capitalised word inside a sentence that the tagger called ADV is a name (PROPN), a
    hyphenated one a noun; lower-case adverbs and sentence starts are left alone."""
    import spacy

    from lagebild.language.sentences import sentence_guard

    words = ["Offenbar", "hatte", "Poroschenko", "gestern", "SU-24-Bomber", "gesehen", "."]
    doc = spacy.tokens.Doc(spacy.blank("de").vocab, words=words,
                           pos=["ADV", "AUX", "ADV", "ADV", "ADV", "VERB", "PUNCT"])
    sentence_guard(doc)
    assert [t.pos_ for t in doc] == ["ADV", "AUX", "PROPN", "ADV", "NOUN", "VERB", "PUNCT"]


def test_add_sentence_guard_puts_it_before_the_parser_once():
    from lagebild.language import load_base
    from lagebild.language.sentences import add_sentence_guard

    nlp = load_base("de", fresh=True)
    assert "lagebild_sentence_guard" not in nlp.pipe_names
    add_sentence_guard(nlp)
    add_sentence_guard(nlp)
    names = nlp.pipe_names
    assert names.count("lagebild_sentence_guard") == 1
    assert names.index("lagebild_sentence_guard") == names.index("parser") - 1
    blank = spacy.blank("de")
    add_sentence_guard(blank)  # no parser: nothing to guard
    assert blank.pipe_names == []


def test_held_out_evaluation_scores_the_pipeline_analyze_runs():
    import pytest

    from lagebild.language.evaluate import evaluate

    try:
        on = evaluate("ner", "en", speed_runs=0)
    except FileNotFoundError as e:
        pytest.skip(f"held-out data not present: {e}")
    off = evaluate("ner", "en", speed_runs=0, guard=False)
    assert on["sentence_guard"] is True and off["sentence_guard"] is False
