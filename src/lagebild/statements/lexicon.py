"""Per-language word lists for statements and forecasts, read from ``lagebild/data/<lang>/``.

Files (all optional; a language without one simply lacks that cue):

- ``speech_verbs.tsv``  form, lemma, particle, commitment, class
- ``quote_marks.tsv``   open, close
- ``attribution.tsv``   phrase, position (before|after)
- ``turn_labels.tsv``   label, role (question|answer)
- ``clause_words.tsv``  word, kind (complementizer|interrogative|conditional|concessive …)
- ``author_pronouns.txt``, ``konjunktiv1.txt``, ``konjunktiv2.txt``: word lists

A third language is added by adding these files under ``data/<xx>/``.
Multi-word phrases are tokenised with the language's blank spaCy tokenizer, so they match
token sequences ("won't" → "wo", "n't").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from ..datafiles import data_path, iter_tsv, lang_words
from ..language.turns import turn_labels

Phrase = Tuple[str, ...]


class PhraseTable(dict):
    """A ``{phrase: value}`` dict (phrases as lower-case token tuples) that keeps the
    first-word index :func:`match_phrases` needs, so a table matched against every sentence
    is indexed once, not once per call. Any change to the table (item assignment, deletion,
    ``update``, ``pop``, ``setdefault``, ``clear`` …) drops the index; the next match
    rebuilds it from the table as it then is, so matching a changed table gives what
    matching a plain dict with the same items in the same order gives."""

    __slots__ = ("_index", "version")

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._index: Optional[Dict[str, List[Phrase]]] = None
        self.version = 0  # bumped on every change (lexicons key their own memos on it)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (dict(self),))  # (pickle: the items; the index is rebuilt)

    def copy(self) -> "PhraseTable":
        return type(self)(self)

    def _changed(self) -> None:
        self._index = None
        self.version += 1

    def __setitem__(self, key, value) -> None:  # type: ignore[no-untyped-def]
        super().__setitem__(key, value)
        self._changed()

    def __delitem__(self, key) -> None:  # type: ignore[no-untyped-def]
        super().__delitem__(key)
        self._changed()

    def __ior__(self, other):  # type: ignore[no-untyped-def]
        super().__ior__(other)
        self._changed()
        return self

    def clear(self) -> None:
        super().clear()
        self._changed()

    def pop(self, *args):  # type: ignore[no-untyped-def]
        self._changed()
        return super().pop(*args)

    def popitem(self):  # type: ignore[no-untyped-def]
        self._changed()
        return super().popitem()

    def setdefault(self, key, default=None):  # type: ignore[no-untyped-def]
        self._changed()
        return super().setdefault(key, default)

    def update(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().update(*args, **kwargs)
        self._changed()

    def index(self) -> Dict[str, List[Phrase]]:
        """``{first word: [phrases starting with it, longest first]}`` (ties in table order)."""
        if self._index is None:
            self._index = _first_word_index(self)
        return self._index


def _first_word_index(phrases: Iterable[Phrase]) -> Dict[str, List[Phrase]]:
    by_first: Dict[str, List[Phrase]] = {}
    for p in phrases:
        if p:
            by_first.setdefault(p[0], []).append(p)
    for cands in by_first.values():
        cands.sort(key=len, reverse=True)
    return by_first

COMMITMENTS = ("promise", "threat", "demand", "announcement", "conditional")
VERB_CLASSES = ("say", "claim", "believe", "expect")


@dataclass(frozen=True)
class SpeechVerb:
    form: str
    lemma: str
    particle: Optional[str]
    commitment: Optional[str]
    cls: str


@dataclass
class StatementLexicon:
    lang: str
    verbs_by_form: Dict[str, List[SpeechVerb]] = field(default_factory=dict)
    verbs_by_lemma: Dict[str, List[SpeechVerb]] = field(default_factory=dict)
    quote_pairs: List[Tuple[str, str]] = field(default_factory=list)
    attribution: Dict[Phrase, str] = field(default_factory=PhraseTable)  # phrase -> before|after
    turn_labels: Dict[str, str] = field(default_factory=dict)  # label -> role
    clause_words: Dict[Phrase, str] = field(default_factory=PhraseTable)
    author_pronouns: FrozenSet[str] = frozenset()
    konjunktiv1: FrozenSet[str] = frozenset()
    konjunktiv2: FrozenSet[str] = frozenset()

    @property
    def openers(self) -> FrozenSet[str]:
        return frozenset(o for o, _ in self.quote_pairs)

    @property
    def clause_words_flat(self) -> FrozenSet[str]:
        """Single-word clause openers."""
        return frozenset(p[0] for p in self.clause_words if len(p) == 1)

    def clause_kind(self, word: str) -> Optional[str]:
        return self.clause_words.get((word.lower(),))


def _validate_choice(column: str, choices: Sequence[str]):  # type: ignore[no-untyped-def]
    def check(row):  # type: ignore[no-untyped-def]
        value = row.get(column)
        if value and value not in choices:
            return f"{column} must be one of {list(choices)}, not {value!r}"
        return None

    return check


@lru_cache(maxsize=8)
def _tokenizer(lang: str):  # type: ignore[no-untyped-def]
    import spacy

    try:
        return spacy.blank(lang).tokenizer
    except ImportError:
        return spacy.blank("xx").tokenizer


def phrase_key(lang: str, text: str) -> Phrase:
    """``text`` as a tuple of lower-case tokens, as the tokenizer of ``lang`` splits it."""
    return tuple(t.lower_ for t in _tokenizer(lang)(text.strip()) if not t.is_space)


def _words(lang: str, name: str) -> FrozenSet[str]:
    return lang_words(lang, name, lower=False)


@lru_cache(maxsize=8)
def statement_lexicon(lang: str) -> StatementLexicon:
    """The statement word lists of ``lang`` (cached)."""
    lex = StatementLexicon(lang=lang)
    path = data_path(lang, "speech_verbs.tsv")
    if path.is_file():
        for row in iter_tsv(
            path,
            required=("form", "lemma"),
            validate=_validate_choice("commitment", COMMITMENTS),
        ):
            verb = SpeechVerb(
                form=row["form"].lower(),
                lemma=row["lemma"].lower(),
                particle=(row.get("particle") or None),
                commitment=row.get("commitment") or None,
                cls=row.get("class") or "say",
            )
            lex.verbs_by_form.setdefault(verb.form, []).append(verb)
            lex.verbs_by_lemma.setdefault(verb.lemma, []).append(verb)
    path = data_path(lang, "quote_marks.tsv")
    if path.is_file():
        lex.quote_pairs = [(r["open"], r["close"]) for r in iter_tsv(path, required=("open", "close"))]
    path = data_path(lang, "attribution.tsv")
    if path.is_file():
        for row in iter_tsv(
            path, required=("phrase", "position"), validate=_validate_choice("position", ("before", "after", "final"))
        ):
            lex.attribution[phrase_key(lang, row["phrase"])] = row["position"]
    lex.turn_labels = dict(turn_labels(lang))  # the language layer's (interview turns)
    path = data_path(lang, "clause_words.tsv")
    if path.is_file():
        for row in iter_tsv(path, required=("word", "kind")):
            lex.clause_words[phrase_key(lang, row["word"])] = row["kind"]
    lex.author_pronouns = frozenset(w.lower() for w in _words(lang, "author_pronouns.txt"))
    lex.konjunktiv1 = frozenset(w.lower() for w in _words(lang, "konjunktiv1.txt"))
    lex.konjunktiv2 = frozenset(w.lower() for w in _words(lang, "konjunktiv2.txt"))
    return lex


def match_phrases(words: Sequence[str], phrases: Iterable[Phrase]) -> List[Tuple[int, int, Phrase]]:
    """Non-overlapping ``(start, end, phrase)`` matches of ``phrases`` in ``words``
    (lower-case token texts), longest first at each position. A :class:`PhraseTable` is
    matched through its kept index; any other iterable is indexed for this call."""
    by_first = phrases.index() if isinstance(phrases, PhraseTable) else _first_word_index(phrases)
    out: List[Tuple[int, int, Phrase]] = []
    i = 0
    while i < len(words):
        for p in by_first.get(words[i], ()):
            if tuple(words[i : i + len(p)]) == p:
                out.append((i, i + len(p), p))
                i += len(p)
                break
        else:
            i += 1
    return out
