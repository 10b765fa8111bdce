"""German recall data of the event coder (issue 9, session 27): what a rule needs besides the
pattern files.

* ``data/events/misdeeds_<lang>.tsv``: verbs that code no event of their own ("täuschen",
  "vertuschen", "Schaden zufügen") but make a speaker's words about the verb's subject an
  accusation (CAMEO 112): "Der Minister habe die Bürger getäuscht, sagte die Opposition"; since
  session 28 also failures and neglect, a criticism (111: "habe versagt", "Fehler gemacht"). The
  file has the columns of ``patterns_<lang>.tsv`` and is read by
  :func:`lagebild.events.patterns.read_patterns`; the coder's
  :meth:`lagebild.events.coder.EventCoder._reported_misdeeds` applies it.
* ``data/events/misdeed_guards_<lang>.tsv``: the words that keep such a verb from being an
  accusation -- modal verbs over it ("könnte täuschen") and negative pronouns in its
  predicate ("habe niemanden getäuscht"); :func:`misdeed_guards`.
* ``data/language/bound_suffixes_<lang>.txt`` (session 28; read by :mod:`lagebild.language.word_class`): derivational endings ("-schaft") that
  a compound's last part never starts inside, so that the suffix match of pattern and sense
  words ("Untersuchungshaft" ~ haft) does not read "Gewerkschaft" as a kind of "Haft"
  (:func:`bound_suffixes`, :func:`inside_bound_suffix`).
* ``data/events/desires_<lang>.tsv`` (session 28): verbs of wanting ("will, dass", "wünscht
  sich, dass", "erwartet von X, dass") whose dass-clause about another actor is a demand on
  that actor (CAMEO 100; :func:`desire_patterns`, ``EventCoder._desire_demands``).

Errors name the file and line (:class:`lagebild.datafiles.DataFileError`)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, NamedTuple, Optional, Tuple

from ..datafiles import data_path, iter_tsv
from .patterns import Pattern, read_patterns


@lru_cache(maxsize=4)
def misdeed_patterns(lang: str) -> Dict[str, Tuple[Pattern, ...]]:
    """``{trigger lemma: rows}`` of ``data/events/misdeeds_<lang>.tsv``, rows with more
    required words first (then file order); ``{}`` when the language has no such file.

    Raises :class:`lagebild.datafiles.DataFileError` (file and line) on a bad row, as
    :func:`lagebild.events.patterns.read_patterns` does (codes must be CAMEO codes)."""
    return _pattern_table("misdeeds", lang)


@lru_cache(maxsize=4)
def desire_patterns(lang: str) -> Dict[str, Tuple[Pattern, ...]]:
    """``{trigger lemma: rows}`` of ``data/events/desires_<lang>.tsv`` (session 28: verbs of
    wanting whose dass-clause about another actor is a demand, read by
    :meth:`lagebild.events.coder.EventCoder._desire_demands`), ordered and checked as
    :func:`misdeed_patterns`; ``{}`` when the language has no such file."""
    return _pattern_table("desires", lang)


def _pattern_table(name: str, lang: str) -> Dict[str, Tuple[Pattern, ...]]:
    """``data/events/<name>_<lang>.tsv`` read with :func:`lagebild.events.patterns.read_patterns`
    and grouped by trigger, rows with more required words first."""
    path = data_path("events", f"{name}_{lang}.tsv")
    if not path.is_file():
        return {}
    by: Dict[str, List[Pattern]] = {}
    for p in read_patterns(path, lang):
        by.setdefault(p.trigger, []).append(p)
    return {k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in by.items()}


class MisdeedGuards(NamedTuple):
    """What keeps a reported misdeed from being an accusation (:func:`misdeed_guards`)."""

    modals: FrozenSet[str]  # lemmas of modal verbs: "könnte täuschen" is no report of a deed
    nobody: FrozenSet[str]  # negative pronouns (forms) that deny the deed: "habe niemanden belogen"


_GUARD_KINDS = ("modal", "nobody")


def _guard_row(row: Dict[str, Optional[str]]) -> Optional[str]:
    kind, word = row.get("kind") or "", row.get("word") or ""
    if kind not in _GUARD_KINDS:
        return f"kind {kind!r} is not one of {', '.join(_GUARD_KINDS)}"
    if word != word.lower() or " " in word:
        return f"word {word!r} must be one lower-case word"
    return None


@lru_cache(maxsize=4)
def misdeed_guards(lang: str) -> MisdeedGuards:
    """The modal verbs and negative pronouns of ``data/events/misdeed_guards_<lang>.tsv``
    (columns ``kind`` -- ``modal`` or ``nobody`` -- ``word``, ``note``); empty sets when the
    language has no such file.

    Raises :class:`lagebild.datafiles.DataFileError` (file and line) on an unknown kind, an
    empty cell or a word that is not one lower-case word."""
    path = data_path("events", f"misdeed_guards_{lang}.tsv")
    if not path.is_file():
        return MisdeedGuards(frozenset(), frozenset())
    return read_misdeed_guards(path)


def read_misdeed_guards(path: Path) -> MisdeedGuards:
    """One ``misdeed_guards`` file (format of :func:`misdeed_guards`); raises
    :class:`lagebild.datafiles.DataFileError` naming ``path`` and the line of a bad row."""
    by: Dict[str, set] = {k: set() for k in _GUARD_KINDS}
    for row in iter_tsv(path, required=("kind", "word"), validate=_guard_row):
        by[row["kind"]].add(row["word"])
    return MisdeedGuards(frozenset(by["modal"]), frozenset(by["nobody"]))
