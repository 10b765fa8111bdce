"""Time words of a language -- months, weekdays, parts of the day -- read from the one
lexicon that defines them: the temporal expression finder's ``data/temporal/<lang>.yaml``
(keys ``months``, ``weekdays``, ``weekday_suffixes``, ``time_nouns``).

Two other layers need the same words and used to keep their own copies (which differed:
"Mai", "Sonnabend", "früh"):

* the actor linker (:mod:`lagebild.actors.linker`): a weekday or month, alone or with a part
  of the day ("Freitagabend", "Montagfrüh"), is never the last word of a person's name --
  the entity model runs "sagte Foglar Freitagabend" into one PER span;
* the linear noun-phrase reader (:mod:`lagebild.language.clauses`): the nouns that end a
  temporal prepositional phrase ("am Montag Scholz" is two phrases).

A user adds a month spelling or a part of the day to the YAML file once, and all three
read it. Abbreviations ("Jan", "Sept", "Okt") count for dates but not here: a listed month
that is the beginning of another spelling of the same month is an abbreviation (and
"Jan" is also a given name).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet

from spacy.tokens import Token

from ..datafiles import DataFileError, data_path, load_yaml
from ..tokens import mentions_in


@dataclass(frozen=True)
class TimeWords:
    """The time words of one language, lower case.

    months: month names and spelling variants without abbreviations ("jänner", "mai").
    weekdays: "montag" … "sonntag", "sonnabend".
    day_parts: parts of the day a weekday compounds with ("abend", "früh").
    nouns: other nouns that head a time phrase ("wochenende", "anfang").
    days: one-word day words ("heute", "gestern", "morgen"; the ``day_words`` key).
    """

    months: FrozenSet[str]
    weekdays: FrozenSet[str]
    day_parts: FrozenSet[str]
    nouns: FrozenSet[str]
    days: FrozenSet[str] = frozenset()

    def is_time_word(self, word: str) -> bool:
        """Whether ``word`` (any case) is a weekday or month alone, or a weekday with a
        part of the day written as one word ("Freitagabend", "Montagfrüh")."""
        low = word.lower()
        if low in self.months or low in self.weekdays:
            return True
        for day in self.weekdays:
            if low.startswith(day) and low[len(day):] in self.day_parts:
                return True
        return False

    def never_subjects(self) -> FrozenSet[str]:
        """Words that head a time phrase and never name who speaks or expects: the
        :meth:`time_nouns` and the day words ("Gestern sagte er", "Anfang März hatte sie
        betont": the parser may call them the subject)."""
        return self.time_nouns() | self.days

    def time_nouns(self) -> FrozenSet[str]:
        """Every word that ends a temporal phrase: months, weekdays, parts of the day, the
        weekday compounds ("freitagabend") and the other time nouns."""
        combos = {d + p for d in self.weekdays for p in self.day_parts}
        return self.months | self.weekdays | self.day_parts | self.nouns | frozenset(combos)


def _full_months(months: dict) -> FrozenSet[str]:
    out = set()
    for name, number in months.items():
        if not any(o != name and o.startswith(name) and months[o] == number for o in months):
            out.add(name)
    return frozenset(out)


@lru_cache(maxsize=8)
def time_words(lang: str) -> TimeWords:
    """The time words of ``lang`` ("de", "en") from ``data/temporal/<lang>.yaml``; an
    unknown language has none. Read once per process. Errors: DataFileError (file and
    line) for a malformed file or a key that is not a list/mapping."""
    path = data_path("temporal", f"{lang}.yaml")
    if not path.is_file():
        return TimeWords(frozenset(), frozenset(), frozenset(), frozenset())
    raw = load_yaml(path) or {}

    def words(key: str, mapping: bool) -> dict:
        value = raw.get(key) or ({} if mapping else [])
        if mapping and not isinstance(value, dict) or not mapping and not isinstance(value, list):
            raise DataFileError(str(path), 0, f"{key!r} must be a {'mapping' if mapping else 'list'}")
        return {str(w).lower(): v for w, v in value.items()} if mapping else {str(w).lower(): None for w in value}

    return TimeWords(
        months=_full_months(words("months", True)),
        weekdays=frozenset(words("weekdays", True)),
        day_parts=frozenset(words("weekday_suffixes", False)),
        nouns=frozenset(words("time_nouns", False)),
        days=frozenset(w for w in words("day_words", True) if " " not in w),
    )


@lru_cache(maxsize=8)
def _never_subjects(lang: str) -> FrozenSet[str]:
    return time_words(lang).never_subjects()


def time_phrase_head(token: Token, lang: str) -> bool:
    """Whether ``token`` heads a time phrase that the parser may have taken for a subject
    ("Anfang März hatte sie betont", "Gestern sagte er": "Anfang"/"Gestern" as nsubj): a
    word of :meth:`TimeWords.never_subjects` of ``lang`` that no actor mention of the
    token's Doc covers. Such a token names no speaker and holds no forecast; the statements
    layer (``_untimed``) and the forecast holders (``_person_like``) both ask this."""
    return token.lower_ in _never_subjects(lang) and not mentions_in(token.doc, token.idx, token.idx + len(token))
