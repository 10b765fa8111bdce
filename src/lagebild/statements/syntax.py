"""Small syntax helpers shared by statements and forecasts.

Dependency labels are normalised to Universal Dependencies, so the code works with the
project's UD-trained models and with official spaCy pipelines (TIGER labels for German,
ClearNLP labels for English). Everything degrades to surface heuristics when a Doc has no
parse or morphology (the blank fallback pipeline).
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span, Token

from ..tokens import doc_text  # noqa: F401  (re-exported for statements/forecasts)
from ..tokens import morph_values, token_lowers

# TIGER (de_core_news_*) and ClearNLP (en_core_web_*) → UD. Only the labels we read.
LABEL_MAP = {
    # TIGER
    "sb": "nsubj",
    "sbp": "obl",
    "oa": "obj",
    "da": "iobj",
    "oc": "ccomp",
    "svp": "compound:prt",
    "cp": "mark",
    "re": "ccomp",
    "cj": "conj",
    "cd": "cc",
    "mo": "advmod",
    "ng": "advmod",
    "pnc": "flat",
    "nk": "det",
    "ROOT": "root",
    # ClearNLP
    "nsubjpass": "nsubj:pass",
    "dobj": "obj",
    "dative": "iobj",
    "pobj": "obl",
    "prt": "compound:prt",
    "auxpass": "aux:pass",
    "neg": "advmod",
    "relcl": "acl:relcl",
    "compound": "compound",
}

SUBJECT_LABELS = {"nsubj", "nsubj:pass", "csubj"}
CONTENT_LABELS = {"ccomp", "parataxis", "xcomp"}
COORDINATORS = {"und", "oder", "aber", "sondern", "and", "or", "but"}
BOUNDARY_PUNCT = {",", ";", ":", "–", "—", "-", "(", ")"}
DETERMINERS = {
    "de": {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"},
    "en": {"the", "a", "an", "this", "that"},
}


def dep(token: Token) -> str:
    """The token's dependency label in UD terms ("" when unparsed)."""
    label = token.dep_
    if not label:
        return ""
    return LABEL_MAP.get(label, label.lower() if label != "ROOT" else "root")


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def has_morph(doc: Doc) -> bool:
    return doc.has_annotation("MORPH")


def feat(token: Token, name: str) -> Optional[str]:
    values = morph_values(token, name)  # token.morph.get(name), cached per analysis
    return values[0] if values else None


def subject_of(token: Token) -> Optional[Token]:
    """The subject of ``token``'s clause from the parse (through aux/cop heads)."""
    for cand in (token, token.head) if dep(token) in {"aux", "aux:pass", "cop"} else (token,):
        for child in cand.children:
            if dep(child) in SUBJECT_LABELS:
                return child
    return None


def subjects_of(token: Token) -> List[Token]:
    """All subject dependents of ``token``'s clause (through aux/cop heads)."""
    out: List[Token] = []
    for cand in (token, token.head) if dep(token) in {"aux", "aux:pass", "cop"} else (token,):
        out.extend(c for c in cand.children if dep(c) in SUBJECT_LABELS)
        if out:
            break
    return out


def subtree_span(token: Token) -> Tuple[int, int]:
    """Character range of ``token``'s subtree, trimmed of punctuation at both ends."""
    toks = sorted(token.subtree, key=lambda t: t.i)
    while toks and toks[0].is_punct:
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return token.idx, token.idx + len(token)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def trim(tokens: Sequence[Token]) -> List[Token]:
    """``tokens`` without leading/trailing punctuation and spaces."""
    toks = list(tokens)
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    return toks


def char_span(tokens: Sequence[Token]) -> Optional[Tuple[int, int]]:
    toks = trim(tokens)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def clause_bounds(sent: Span, i: int) -> Tuple[int, int]:
    """Token range ``[start, end)`` of the comma-delimited stretch of ``sent`` around token
    index ``i`` (a surface approximation of its clause)."""
    start = i
    while start > sent.start and sent.doc[start - 1].text not in BOUNDARY_PUNCT:
        start -= 1
    end = i + 1
    while end < sent.end and sent.doc[end].text not in BOUNDARY_PUNCT:
        end += 1
    return start, end


def words(tokens: Iterable[Token]) -> List[str]:
    return [t.lower_ for t in tokens]


_MULTI_CACHE: Dict[int, tuple] = {}  # id(kinds) -> (kinds, value, len(kinds))


def _multi_conditionals(kinds: dict) -> Tuple[List[Tuple[str, ...]], frozenset]:
    """The multi-word conditional frames of ``kinds``, longest first, and their first
    words; computed once per lexicon dict (a performance cache: same order as sorting on
    every call)."""
    hit = _MULTI_CACHE.get(id(kinds))
    if hit is not None and hit[0] is kinds and len(kinds) == hit[2]:
        return hit[1]
    multi = sorted((p for p, k in kinds.items() if len(p) > 1 and k == "conditional"), key=len, reverse=True)
    value = (multi, frozenset(p[0] for p in multi))
    _MULTI_CACHE[id(kinds)] = (kinds, value, len(kinds))
    return value


def find_condition(
    doc: Doc, start: int, end: int, kinds: dict
) -> Optional[Tuple[int, int]]:
    """Character range of the first conditional clause ("wenn …", "if …", "falls …") in
    the token range ``[start, end)``; ``kinds`` maps word tuples to clause kinds
    (``clause_words.tsv``). Concessive "auch wenn"/"even if" is no condition.
    Multi-word frames ("im Falle, dass", "für den Fall, dass", "as long as", "in the event
    that") open a condition too; its clause is the one their last word introduces."""
    multi = _multi_conditionals(kinds)
    # the lower-case words of the range, read once (not once per token and phrase)
    low = token_lowers(doc)[start:end] if multi[0] else []
    i = start
    while i < end and multi[0]:
        if low[i - start] not in multi[1]:
            i += 1
            continue
        for phrase in multi[0]:
            n = len(phrase)
            if i + n <= end and tuple(low[i - start:i - start + n]) == phrase:
                last = doc[i + n - 1]
                if has_parse(doc) and dep(last) == "mark" and last.head.i > last.i and dep(last.head) != "root":
                    s, e = subtree_span(last.head)
                    if e > last.idx:
                        return doc[i].idx, e
                j = i + n
                while j < end and doc[j].text not in BOUNDARY_PUNCT and not doc[j].is_sent_end:
                    j += 1
                if j < end and doc[j].is_sent_end and not doc[j].is_punct:
                    j += 1
                span = char_span(doc[i:j])
                if span and j > i + n:
                    return span
        i += 1
    for i in range(start, end):
        tok = doc[i]
        kind = kinds.get((tok.lower_,))
        if kind == "conditional_inverted":
            # "Sollte der Plan scheitern, …" at the start of a sentence, or right after a
            # comma ("…, sollten weiterhin Migranten eintreffen")
            prev = doc[i - 1] if i > 0 else None
            if not (tok.is_sent_start or i == start or (prev is not None and prev.text == ",")):
                continue
            kind = "conditional"
        if kind != "conditional":
            continue
        if i > start and kinds.get((doc[i - 1].lower_, tok.lower_)) == "concessive":
            continue
        if has_parse(doc) and dep(tok) == "mark" and tok.head.i != tok.i and dep(tok.head) != "root":
            # (a mark on the root is a parser error: a condition cannot be the main clause)
            s, e = subtree_span(tok.head)
            s = min(s, tok.idx)
            # a coordinated clause after ", und dass …" is not part of the condition
            for j in range(i + 1, end - 1):
                t = doc[j]
                if t.idx >= e:
                    break
                if t.text == "," and (doc[j + 1].lower_ in COORDINATORS or kinds.get((doc[j + 1].lower_,)) == "complementizer"):
                    e = t.idx
                    break
            if e > tok.idx:
                return s, e
        j = i + 1
        while j < end and doc[j].text not in BOUNDARY_PUNCT and not doc[j].is_sent_end:
            j += 1
        if j < end and doc[j].is_sent_end and not doc[j].is_punct:
            j += 1
        span = char_span(doc[i:j])
        if span:
            return span
    return None


_SENTENCES_KEY = "lagebild_sentences"


def sentences(doc: Doc) -> List[Span]:
    """The Doc's sentences, also split at paragraph breaks (a model or the sentencizer
    may run a question and the next speaker's label together across a blank line).

    Computed once per Doc (statements and forecasts both ask; ~4 ms per news article)
    and kept in ``doc.user_data`` with the sentence starts and language it was computed
    from: a Doc whose sentence boundaries changed since is computed again. Returns a
    new list each call."""
    from spacy.attrs import SENT_START

    key = (doc.lang_, doc.has_annotation("SENT_START") or has_parse(doc), doc.to_array(SENT_START).tobytes())
    cached = doc.user_data.get(_SENTENCES_KEY)
    if cached is None or cached[0] != key:
        cached = (key, _sentences(doc))
        doc.user_data[_SENTENCES_KEY] = cached
    return list(cached[1])


def _sentences(doc: Doc) -> List[Span]:
    if doc.has_annotation("SENT_START") or has_parse(doc):
        sents = list(doc.sents)
    else:
        sents = [doc[:]]
    out: List[Span] = []
    for sent in sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n\n" in tok.text or "\n\n" in tok.whitespace_:
                end = tok.i if tok.is_space else tok.i + 1
                if end > start:
                    out.append(doc[start:end])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    out = [s for s in out if any(not t.is_space for t in s)]
    return _mend_quote_splits(doc, out)


SENTENCE_END = ".!?…"


def _mend_quote_splits(doc: Doc, sents: List[Span]) -> List[Span]:
    """Sentence boundaries around quotation marks, mended as a kind (models and rule-based
    splitters cut at the "." / "," inside a quote):

    - a "sentence" of quotation marks only belongs to the quote it opens or closes;
    - a quote closed by a comma (``"…, we will hit them," Trump told reporters.``) or by
      ?/! before a lower-case attribution (``"…?" he asked.``) runs on into its attribution;
    - a sentence that holds a closing mark after . ! ? and then a new opening mark
      (``"This is wrong." "It will fail," he warned.``) is split between the two quotes.

    Paragraph breaks are never crossed."""
    if len(sents) < 1:
        return sents
    from .lexicon import statement_lexicon
    from .quotes import find_quotes

    text = doc_text(doc)
    pairs = statement_lexicon(doc.lang_).quote_pairs if doc.lang_ else []
    if not pairs:
        return sents
    quotes = find_quotes(text, pairs)
    if not quotes:
        return sents
    open_at = {q.outer[0] for q in quotes}
    close_at = {q.end for q in quotes}  # index of the closing mark
    marks = {c for pair in pairs for c in pair}

    def only_marks(span: Span) -> bool:
        return all(t.is_space or (t.is_punct and all(ch in marks or ch in SENTENCE_END + "," for ch in t.text)) for t in span)

    # split at ." "
    split: List[Span] = []
    for sent in sents:
        start = sent.start
        for tok in sent:
            if tok.idx in close_at and tok.i > sent.start and doc[tok.i - 1].text[-1:] in SENTENCE_END:
                nxt = tok.i + 1
                while nxt < sent.end and doc[nxt].is_space:
                    nxt += 1
                if nxt < sent.end and doc[nxt].idx in open_at and doc[nxt].idx > tok.idx:
                    split.append(doc[start : tok.i + 1])
                    start = nxt
        if start < sent.end:
            split.append(doc[start : sent.end])
    out: List[Span] = []
    pending_open: Optional[int] = None
    for sent in split:
        first = next((t for t in sent if not t.is_space), None)
        if first is None:
            continue
        if pending_open is not None:
            sent = doc[pending_open : sent.end]
            pending_open = None
        elif out and "\n\n" not in text[out[-1].end_char : sent.start_char]:
            prev = out[-1]
            last = [t for t in prev if not t.is_space]
            glue = False
            if only_marks(sent) and first.idx in close_at:
                glue = True  # a lone closing mark
            elif len(last) >= 2 and last[-1].idx in close_at and (
                last[-2].text == "," or (last[-2].text in {"?", "!"} and first.is_lower)
            ):
                glue = True  # "…," Trump told reporters. / "…?" he asked.
            if glue:
                out[-1] = doc[prev.start : sent.end]
                continue
        if only_marks(sent) and first.idx in open_at:
            pending_open = sent.start  # a lone opening mark: joins the next sentence
            continue
        out.append(sent)
    if pending_open is not None:
        out.append(doc[pending_open : split[-1].end])
    return out
