"""tokens.span_text must be exactly spaCy's Span.text / Doc.text for every span of any text."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.tokens import span_text

_NLP = {lang: spacy.blank(lang) for lang in ("de", "en")}
PIECES = st.sampled_from(list("ab Ü.,–—-?!\n\t\"'") + ["  ", "--", "\n\n", "z. B.", "Haus", "U.S."])
TEXT = st.lists(PIECES, max_size=25).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXT, st.sampled_from(["de", "en"]))
def test_every_span_reads_as_spacy_reads_it(text: str, lang: str) -> None:
    doc = _NLP[lang](text)
    assert span_text(doc) == doc.text
    for i in range(len(doc) + 1):
        for j in range(i, len(doc) + 1):
            assert span_text(doc[i:j]) == doc[i:j].text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60) | TEXT, st.sampled_from(["de", "en"]))
def test_prepared_doc_text_is_the_input(text: str, lang: str) -> None:
    """``pipeline._prepare`` stores the input string as the Doc's text (no join of its
    tokens): spaCy's tokenisation must give back exactly that string, for any text."""
    from lagebild.pipeline import _prepare
    from lagebild.schemas import Article

    doc = _prepare(_NLP[lang], Article(id="a", source=None, text="unused"), text=text)
    assert span_text(doc) == text == doc.text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60) | TEXT, st.sampled_from(["de", "en"]))
def test_token_texts_from_the_orth_array(text: str, lang: str) -> None:
    """The exact path's token texts (read from the ORTH array) are ``Token.text``."""
    from spacy.attrs import ORTH

    doc = _NLP[lang](text)
    strings = doc.vocab.strings
    assert tuple([strings[o] for o in doc.to_array(ORTH).tolist()]) == tuple(t.text for t in doc)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60) | TEXT, st.sampled_from(["de", "en"]))
def test_token_texts_are_the_tokens_texts(text: str, lang: str) -> None:
    """``tokens.token_texts`` (cached on the Doc) is ``[t.text for t in doc]``."""
    from lagebild.tokens import token_texts

    doc = _NLP[lang](text)
    assert token_texts(doc) == [t.text for t in doc]
    assert token_texts(doc) is token_texts(doc)


def test_get_list_is_the_extension_attribute() -> None:
    """``tokens.get_list`` reads and creates the same list ``doc._.<name>`` holds."""
    from lagebild.tokens import get_list

    doc = _NLP["de"]("Ein Satz.")
    events = get_list(doc, "events")
    events.append("x")
    assert doc._.events is events == ["x"]
    doc._.actors = ["a"]
    assert get_list(doc, "actors") is doc._.actors
