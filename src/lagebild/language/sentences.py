"""A sentence-boundary guard for news prose, run before the parser.

Statistical parsers that also predict sentence boundaries sometimes split inside a
sentence, typically after an abbreviation-like or hyphenated role noun ("Kreml-Sprecher
Peskow wies …", "UN-Generalsekretär Guterres sagte …"). In edited news text a sentence
starts only at the beginning of the text, after sentence-final punctuation (. ! ? … : ;),
after a closing quote or bracket that follows such punctuation, or after a line break.
The component ``lagebild_sentence_guard`` marks every other token as "not a sentence
start" (``Token.is_sent_start = False``), a constraint spaCy's transition-based parser
respects; boundaries already set to True (paragraph breaks) are kept.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

# tokens after which a new sentence may begin
SENTENCE_FINAL = frozenset(".!?…:;")
CLOSERS = frozenset("\"'“”„«»‚‘’)]")


def may_start_sentence(doc: Doc, i: int) -> bool:
    """Whether token ``i`` of ``doc`` may begin a sentence (see the module docstring)."""
    if i == 0:
        return True
    prev = doc[i - 1]
    if prev.is_space or "\n" in prev.whitespace_ or prev.text.endswith("\n"):
        return True
    k = i - 1
    while k > 0 and doc[k].text in CLOSERS:
        k -= 1
    last = doc[k].text
    if last and last[-1] in SENTENCE_FINAL:
        return True
    # a closing quote without punctuation before it may end a quoted headline
    return doc[i - 1].text in CLOSERS and doc[i].is_title and k < i - 1


@Language.component("lagebild_sentence_guard")
def sentence_guard(doc: Doc) -> Doc:
    """Forbid sentence starts where news prose has none (module docstring).

    The same test as :func:`may_start_sentence` for every token, on the token texts
    read once (``doc[i]`` makes a new Token object each time; the per-token calls
    made this guard cost as much as the tokenizer). The marks are written into the Doc
    in one ``Doc.from_array`` call: spaCy's ``Token.is_sent_start`` setter checks the
    whole Doc for a parse each time, which made one setter call per token quadratic in
    the length of the text."""
    toks = list(doc)
    texts = [t.text for t in toks]
    starts = doc.to_array([SENT_START]).view(numpy.int64)  # 1 start, -1 not, 0 unknown
    forbid = []
    for i in range(1, len(toks)):
        tok = toks[i]
        if starts[i] > 0:  # set by an earlier rule (a blank line): keep it
            continue
        prev = toks[i - 1]
        if prev.is_space or "\n" in prev.whitespace_ or texts[i - 1].endswith("\n"):
            continue
        k = i - 1
        while k > 0 and texts[k] in CLOSERS:
            k -= 1
        last = texts[k]
        if last and last[-1] in SENTENCE_FINAL:
            continue
        if texts[i - 1] in CLOSERS and tok.is_title and k < i - 1:
            continue
        forbid.append(i)
    if forbid:
        starts = starts.copy()
        starts[forbid] = -1
        doc.from_array([SENT_START], starts.view(numpy.uint64))
    return doc
