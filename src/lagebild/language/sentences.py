"""A sentence-boundary guard for news prose, run before the parser.

Statistical parsers that also predict sentence boundaries sometimes split inside a
sentence, typically after an abbreviation-like or hyphenated role noun ("Kreml-Sprecher
Peskow wies …", "UN-Generalsekretär Guterres sagte …"). In edited news text a sentence
starts only at the beginning of the text, after sentence-final punctuation (. ! ? … : ;),
after a closing quote or bracket that follows such punctuation, or after a line break.
The component ``lagebild_sentence_guard`` marks every other token as "not a sentence
start" (``Token.is_sent_start = False``), a constraint spaCy's transition-based parser
respects; boundaries already set to True (paragraph breaks) are kept.

English web text (e-mails, reviews, forum posts) often ends a sentence without punctuation;
in English the guard also lets a sentence begin where :func:`en_may_start` allows it (after
an emoticon, a letter closing, a salutation, a rule of symbols, or before a capitalised
pronoun, article, verb or adverb after a lower-case word that can end a sentence) and
begins one itself before a capitalised opener after a lower-case word
(:func:`en_forced_start`, "the parcel came late We asked"). Names and titles stay whole.
German behaviour is unchanged. Measured on UD English EWT dev (session 29, the pipeline
with the guard, fast): sentence F 0.697 -> 0.739, LAS 0.788 -> 0.792.

A stretch in which no sentence may start is cut after :data:`MAX_SENTENCE_TOKENS`
tokens (after a comma, semicolon or dash in its second half when there is one): text
without sentence ends (a list, a table flattened into one line, a hostile input) would
otherwise become one sentence whose analysis costs grow faster than its length
(a 16,000-word sentence took 36 s). Edited news sentences stay far below the cap.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, FrozenSet, List

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..datafiles import data_path, iter_tsv, word_list

# tokens after which a new sentence may begin
SENTENCE_FINAL = frozenset(".!?…:;")
CLOSERS = frozenset("\"'“”„«»‚‘’)]")
# The longest stretch of tokens the guard lets pass without a possible sentence start.
# The longest sentence in the 1,028 news-de articles is far shorter (measured with
# benchmarks/same_output.py: the cap changes no stored result there).
MAX_SENTENCE_TOKENS = 150
CLAUSE_BREAKS = frozenset(",;–—-")
# English: parts of speech (UD UPOS, as the tagger sets them before the guard runs) of a
# word after which a sentence cannot end -- an article, preposition, conjunction,
# auxiliary, particle ("to") or a possessive waits for what follows it.
EN_NO_END_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})
# English: parts of speech of a capitalised word that may open a sentence after an
# unpunctuated lower-case word. Not PROPN, NOUN, ADJ, NUM: in news the parser split role
# nouns from names ("the marine biologist || Tomas Berg said") and product names
# ("its sturdy || Trail Runner boots") when those were allowed (real-en dev, session 29).
EN_START_POS = frozenset({"PRON", "DET", "AUX", "VERB", "ADV", "INTJ", "SCONJ"})
# English: of those, the ones that may open a sentence after a capitalised word (a name
# that ends a sentence: "... regards from Maya || We land at noon") when a lower-case word
# follows them; an adverb may be a surname ("Maya Soon"), a capitalised verb is mostly
# part of a title ("Harbor Watch Office", "Desk Lamp Deluxe"; real-en dev, session 29).
EN_AFTER_NAME_POS = frozenset({"PRON", "DET", "AUX", "INTJ", "SCONJ"})
# English: parts of speech of a lower-case word after which any capitalised word may open
# a sentence: a verb, adverb or pronoun is not a role noun or an adjective that a name
# follows ("thanks a lot || Maya sends her regards").
EN_END_POS = frozenset({"VERB", "ADV", "PRON", "INTJ"})


@lru_cache(maxsize=1)
def en_sentence_openers() -> Dict[str, str]:
    """Capitalised English words that begin a sentence when they follow a lower-case word
    or a number with no punctuation between: ``{word: next}`` with ``next`` "any" or
    "lower" (only before a lower-case word), from ``data/language/sentence_openers_en.tsv``
    (case-sensitive). Errors: DataFileError (file and line) for another ``next`` value."""
    path = data_path("language", "sentence_openers_en.tsv")
    rows = iter_tsv(path, required=("word", "next"),
                    validate=lambda r: None if r["next"] in ("any", "lower")
                    else f"next must be 'any' or 'lower', not {r['next']!r}")
    return {r["word"]: r["next"] for r in rows}


def en_forced_start(prev_text: str, text: str, next_text: str) -> bool:
    """English only: whether a sentence begins at a token with text ``text`` (between tokens
    ``prev_text`` and ``next_text``; "" at the end) although no punctuation lies between it
    and ``prev_text``: ``text`` is one of :func:`en_sentence_openers` (an opener marked
    "lower" only before a lower-case word) and ``prev_text`` a word that is not capitalised
    (it begins with a lower-case letter or a digit) -- "the parcel came late We asked",
    "open until 9pm Please call", "the room was cold The heating". A capitalised previous
    word is left to the parser (a title such as "Why We Fight", a salutation "Dear Tom We")."""
    need = en_sentence_openers().get(text)
    if need is None or not prev_text[-1:].isalnum():
        return False
    first = prev_text[:1]
    if not (first.islower() or first.isdigit()):
        return False
    return need == "any" or next_text[:1].islower()


@lru_cache(maxsize=1)
def en_title_abbreviations() -> FrozenSet[str]:
    """English title and rank abbreviations after which no sentence begins ("Lt. Gen. Omar
    Haddad"; ``data/language/title_abbreviations_en.txt``, case-sensitive). The parser split
    after some of them ("Lt. || Gen.", session 29)."""
    return word_list(str(data_path("language", "title_abbreviations_en.txt")))


def en_no_end_word(word: str) -> bool:
    """English only: whether ``word`` (a token text, or a word and its split-off full stop,
    :func:`_word_at`) is an abbreviation no sentence ends with: a title or rank
    (:func:`en_title_abbreviations`) or a name's initial, one capital letter and a full stop
    ("Hon. B. U. Nzeribe" would be split after "B." by the parser)."""
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True
    return word in en_title_abbreviations()


@lru_cache(maxsize=1)
def en_sentence_ends() -> Dict[str, FrozenSet[str]]:
    """English tokens after which a sentence may begin though they are not punctuation:
    ``{"emoticon": texts, "closing": lower-case words}`` from
    ``data/language/sentence_ends_en.tsv``. Errors: DataFileError (file and line) for a
    kind other than "emoticon" or "closing"."""
    out: Dict[str, set] = {"emoticon": set(), "closing": set()}
    path = data_path("language", "sentence_ends_en.tsv")
    for r in iter_tsv(path, required=("text", "kind"),
                      validate=lambda r: None if r["kind"] in ("emoticon", "closing")
                      else f"kind must be 'emoticon' or 'closing', not {r['kind']!r}"):
        out[r["kind"]].add(r["text"] if r["kind"] == "emoticon" else r["text"].lower())
    return {k: frozenset(v) for k, v in out.items()}


def en_may_start(toks: list, texts: List[str], i: int) -> bool:
    """English only: whether token ``i`` (``toks``: the Doc's tokens, ``texts``: their texts;
    ``i`` >= 1) may begin a sentence although no sentence-final punctuation precedes it.
    Web English (e-mails, reviews, forum posts: UD English EWT) often ends a sentence
    without a full stop. A start is left to the parser

    * after an emoticon (":)", data file :func:`en_sentence_ends`);
    * before a capitalised word after a letter closing and its comma ("Kind regards, Maya");
    * before a capitalised word after a salutation's comma or dash ("Dear Omar, || Thank
      you": a proper noun or interjection before the comma, no proper noun after it);
    * before a capitalised word after a rule of three or more symbols ("_____ || Maya");
    * before a capitalised word of a UPOS in :data:`EN_START_POS` (a pronoun, article,
      verb, ...; set by the tagger, which runs before the guard) when the previous token
      is a lower-case word that can end a sentence: not a UPOS in :data:`EN_NO_END_POS`,
      not a possessive. Names stay whole: "Prime Minister || Ana Lopez", "the
      marine biologist || Tomas Berg" are never split here.

    A lower-case next word stays forbidden: on EWT dev the CNN parser's unpunctuated
    starts before a lower-case word were wrong 153 times and right 43 (session 29)."""
    prev_text, text = texts[i - 1], texts[i]
    if prev_text in en_sentence_ends()["emoticon"]:
        return True
    if not text[:1].isupper():
        return False
    if prev_text == "," and i >= 2 and texts[i - 2].lower() in en_sentence_ends()["closing"]:
        return True
    if not prev_text[-1:].isalnum():
        # a salutation ("Dear Omar, || Thank you") or a rule of symbols ("_____ || Maya"):
        # not before a name after a name ("Lima, || Peru"), not in a run of symbols
        if prev_text in (",", "-", "--") and i >= 2 and toks[i].pos_ != "PROPN":
            return toks[i - 2].pos_ in ("PROPN", "INTJ")
        return prev_text not in CLAUSE_BREAKS and not prev_text[:1].isalnum() and \
            prev_text[-1:] not in "([{\"'“„«‚‘" and len(prev_text) > 2
    prev, tok = toks[i - 1], toks[i]
    if not prev_text[:1].islower() and (tok.pos_ not in EN_AFTER_NAME_POS or i + 1 == len(texts)
                                        or not texts[i + 1][:1].islower()):
        return False  # after a capitalised word only "Pronoun/Article + lower-case word"
    if prev.pos_ in EN_NO_END_POS or (prev.pos_ == "PRON" and "Poss=Yes" in str(prev.morph)):
        return False
    if tok.pos_ == "DET" and i + 1 < len(texts) and texts[i + 1][:1].isupper():
        return False  # an article that begins a name: "called itself || The Night Owls"
    return tok.pos_ in EN_START_POS or (prev_text[:1].islower() and prev.pos_ in EN_END_POS)


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
    if doc.lang_ == "en" and en_no_end_word(_word_at(list(doc), [t.text for t in doc], k)):
        return False
    if last and last[-1] in SENTENCE_FINAL:
        return True
    # a closing quote without punctuation before it may end a quoted headline
    if doc[i - 1].text in CLOSERS and doc[i].is_title and k < i - 1:
        return True
    return doc.lang_ == "en" and en_may_start(list(doc), [t.text for t in doc], i)


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
    english = doc.lang_ == "en"
    emoticons = en_sentence_ends()["emoticon"] if english else frozenset()
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
        if last and last[-1] in SENTENCE_FINAL and not (english and en_no_end_word(_word_at(toks, texts, k))):
            free = i
            continue
        if texts[i - 1] in CLOSERS and tok.is_title and k < i - 1:
            free = i
            continue
        if english and (texts[i][:1].isupper() or texts[i - 1] in emoticons) \
                and en_may_start(toks, texts, i):
            free = i
            if en_forced_start(texts[i - 1], texts[i], texts[i + 1] if i + 1 < len(texts) else ""):
                forced.append(i)
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


def _word_at(toks: list, texts: List[str], k: int) -> str:
    """The word that ends at token ``k``: its text, or for a full stop the tokenizer split
    off ("Lt" "." in "Lt. Gen."), the word before it with the stop ("Lt.")."""
    if texts[k] == "." and k > 0 and not toks[k - 1].whitespace_:
        return texts[k - 1] + "."
    return texts[k]


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


def add_sentence_guard(nlp) -> None:  # type: ignore[no-untyped-def]
    """Put ``lagebild_sentence_guard`` before the parser of ``nlp`` (in place), as
    :func:`lagebild.pipeline.load` does for every analysis; a pipeline without a parser or
    with the guard already in it is left as it is. The held-out evaluations call it too, so
    their sentence, LAS and NER figures are those of the pipeline ``analyze`` runs."""
    if "parser" in nlp.pipe_names and "lagebild_sentence_guard" not in nlp.pipe_names:
        nlp.add_pipe("lagebild_sentence_guard", before="parser")
