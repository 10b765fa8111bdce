"""Whether a word of the text belongs to a word class of a data file: the one matching rule
that the event patterns' ``words`` and ``arg=`` cells (``data/events/README.md``) and the
statement layer's reading of the same ``arg=`` rows share.

A class word ``w`` matches a token when

* ``w`` is the token's lemma or its lower-cased form;
* ``w`` has several words ("aus der Haft"): the tokens from this one on match the words one
  by one, each by lemma, form, or as the start of the form ("der" ~ "dem");
* ``w`` has 4+ letters and, in German, ends the lemma or ends the form before one of the
  German inflection endings (``GERMAN_ENDINGS``: "Haftstrafe" ~ ``strafe``, "Grenzen" ~
  ``grenze``) -- a compound matches by its last part, but never by a part that begins
  inside a derivational ending of ``data/language/bound_suffixes_<lang>.txt``
  ("Gewerkschaft" is no kind of ``haft``; :func:`inside_bound_suffix`);
* ``w`` has 4+ letters and the form starts with it and runs on for at most three letters
  ("Sanktionen" ~ ``sanktion``; in any language).

Source of the rule: the event coder's word matching as tuned since session 19 (issue 9);
session 28 moved it here so that the statement layer's argument classes match as the
event patterns do (before, statements had a simpler twin: lemma, form, or a German
compound's end).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, FrozenSet, Iterable, Optional, Tuple

from spacy.tokens import Token

from ..datafiles import data_path, word_list

#: German inflection endings a form may carry after a class word ("Grenze" + "n")
GERMAN_ENDINGS = ("", "e", "en", "n", "s", "es", "er", "ern")

LemmaOf = Callable[[Token], str]


def plain_lemma(token: Token) -> str:
    """The token's lower-cased lemma, else its lower-cased form (no lexicon look-up)."""
    return (token.lemma_ or token.lower_).lower()


@lru_cache(maxsize=4)
def bound_suffixes(lang: str) -> Tuple[str, ...]:
    """The endings of ``data/language/bound_suffixes_<lang>.txt`` (lower case, longest first);
    ``()`` when the language has no such file."""
    path = data_path("language", f"bound_suffixes_{lang}.txt")
    if not path.is_file():
        return ()
    return tuple(sorted(word_list(str(path)), key=len, reverse=True))


def inside_bound_suffix(word: str, start: int, lang: str) -> bool:
    """Whether the part of ``word`` (lower case) that begins at character ``start`` begins
    strictly inside one of :func:`bound_suffixes` that ``word`` contains, i.e. is no compound
    part: ``inside_bound_suffix("gewerkschaft", 8, "de")`` ("haft") is True,
    ``inside_bound_suffix("untersuchungshaft", 13, "de")`` False. Endings count wherever they
    occur in ``word`` (a plural or inflected form: "gewerkschaften"). O(len(word) x endings)."""
    for suf in bound_suffixes(lang):
        q = word.find(suf)
        while q != -1:
            if q < start < q + len(suf):
                return True
            q = word.find(suf, q + 1)
    return False


def word_matches(token: Token, word: str, lang: str, lemma_of: Optional[LemmaOf] = None) -> bool:
    """Whether the class word ``word`` (lower case; words joined by spaces for a phrase)
    matches ``token`` by the module's rule. ``lemma_of`` gives a token's lemma (lower
    case; default :func:`plain_lemma`): the event coder passes its own, which also knows
    the lexicon's verb forms. ``lang`` is an ISO code; only German compounds and endings
    depend on it. Pure: reads the token and its document only."""
    lemma_of = lemma_of or plain_lemma
    lemma = lemma_of(token)
    text = token.lower_
    if lemma == word or text == word:
        return True
    if " " in word:
        parts = word.split(" ")
        doc = token.doc
        i = token.i
        if i + len(parts) <= len(doc):
            window = [lemma_of(doc[i + k]) for k in range(len(parts))]
            texts = [doc[i + k].lower_ for k in range(len(parts))]
            if all(w in (a, b) or b.startswith(w) for w, a, b in zip(parts, window, texts)):
                return True
        return False
    if len(word) >= 4:
        if lang == "de" and (
                (lemma.endswith(word) and not inside_bound_suffix(lemma, len(lemma) - len(word), lang))
                or any(text.endswith(word + s)
                       and not inside_bound_suffix(text, len(text) - len(word) - len(s), lang)
                       for s in GERMAN_ENDINGS)):
            return True
        if text.startswith(word) and len(text) - len(word) <= 3:
            return True
    return False


def heads_in_class(heads: Iterable[Token], words: FrozenSet[str], lang: str,
                   lemma_of: Optional[LemmaOf] = None) -> bool:
    """Whether one of ``heads`` (argument heads: a verb's subject or object tokens, as the
    caller finds them) matches one of ``words`` (:func:`word_matches`). The test of a
    pattern's ``arg=<slot>:<words>`` flag; False for no heads."""
    return any(word_matches(h, w, lang, lemma_of) for h in heads for w in words)
