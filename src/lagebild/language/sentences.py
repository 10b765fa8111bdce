"""A sentence-boundary guard for news prose, run before the parser.

Statistical parsers that also predict sentence boundaries sometimes split inside a
sentence, typically after an abbreviation-like or hyphenated role noun ("Kreml-Sprecher
Peskow wies …", "UN-Generalsekretär Guterres sagte …"). In edited news text a sentence
starts only at the beginning of the text, after sentence-final punctuation (. ! ? … : ;),
after a closing quote or bracket that follows such punctuation, or after a line break.
The component ``lagebild_sentence_guard`` marks every other token as "not a sentence
start" (``Token.is_sent_start = False``), a constraint spaCy's transition-based parser
respects; boundaries already set to True (paragraph breaks) are kept.

A stretch in which no sentence may start is cut after :data:`MAX_SENTENCE_TOKENS`
tokens (after a comma, semicolon or dash in its second half when there is one): text
without sentence ends (a list, a table flattened into one line, a hostile input) would
otherwise become one sentence whose analysis costs grow faster than its length
(a 16,000-word sentence took 36 s). Edited news sentences stay far below the cap.
"""
from __future__ import annotations

from typing import List

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

# tokens after which a new sentence may begin
SENTENCE_FINAL = frozenset(".!?…:;")
CLOSERS = frozenset("\"'“”„«»‚‘’)]")
# The longest stretch of tokens the guard lets pass without a possible sentence start.
# The longest sentence in the 1,028 news-de articles is far shorter (measured with
# benchmarks/same_output.py: the cap changes no stored result there).
MAX_SENTENCE_TOKENS = 150
CLAUSE_BREAKS = frozenset(",;–—-")


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
    forced = []
    free = 0  # the last token where a sentence may start
    for i in range(1, len(toks)):
        tok = toks[i]
        if starts[i] > 0:  # set by an earlier rule (a blank line): keep it
            free = i
            continue
        prev = toks[i - 1]
        if prev.is_space or "\n" in prev.whitespace_ or texts[i - 1].endswith("\n"):
            free = i
            continue
        k = i - 1
        while k > 0 and texts[k] in CLOSERS:
            k -= 1
        last = texts[k]
        if last and last[-1] in SENTENCE_FINAL:
            free = i
            continue
        if texts[i - 1] in CLOSERS and tok.is_title and k < i - 1:
            free = i
            continue
        if i - free >= MAX_SENTENCE_TOKENS:
            free = _cut(texts, free, i)
            forced.append(free)
        forbid.append(i)
    _capitalised_adverbs(toks, texts, forbid)
    if forbid or forced:
        starts = starts.copy()
        starts[forbid] = -1
        starts[forced] = 1
        doc.from_array([SENT_START], starts.view(numpy.uint64))
    return doc


def _capitalised_adverbs(toks: list, texts: List[str], inside: List[int]) -> None:
    """A capitalised word inside a sentence (``inside``: indices of tokens where no
    sentence may start; ``toks``/``texts``: the Doc's tokens and their texts) that the tagger
    called an adverb (or whitespace) is a noun or a name -- German (and English) adverbs are
    written in lower case ("Offenbar haben Taliban-Kämpfer/ADV …", "… hatte Poroschenko/ADV …"); its
    part of speech becomes NOUN (a hyphenated compound, "SU-24-Bomber") or PROPN, so that
    the word-order reading of a clause (language.clauses) sees the phrase. The texts are
    tested first: most tokens are never looked at as Token objects. Called once per Doc:
    linear in its length."""
    for i in inside:
        text = texts[i]
        if not text[:1].isupper() or text.isupper() or not texts[i - 1][-1:].isalnum():
            continue
        tok = toks[i]
        if tok.pos_ in ("ADV", "SPACE"):
            tok.pos_ = "NOUN" if "-" in text else "PROPN"


def _cut(texts: List[str], free: int, i: int) -> int:
    """Where to start a new sentence in the over-long stretch ``texts[free:i + 1]``: after
    the last clause break (comma, semicolon, dash) in its second half, else at ``i``."""
    for j in range(i, free + (i - free) // 2, -1):
        if texts[j - 1] in CLAUSE_BREAKS:
            return j
    return i
