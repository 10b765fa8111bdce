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
