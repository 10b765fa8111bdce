"""German recall data of the event coder (issue 9, session 27): what a rule needs besides the
pattern files.

* ``data/events/misdeeds_<lang>.tsv``: verbs that code no event of their own ("täuschen",
  "vertuschen", "Schaden zufügen") but make a speaker's words about the verb's subject an
  accusation (CAMEO 112): "Der Minister habe die Bürger getäuscht, sagte die Opposition"; since
  session 28 also failures and neglect, a criticism (111: "habe versagt", "Fehler gemacht"). The
  file has the columns of ``patterns_<lang>.tsv`` and is read by
  :func:`lagebild.events.patterns.read_patterns`; the coder's
  :meth:`lagebild.events.coder.EventCoder._reported_misdeeds` applies it.
* ``data/events/bound_suffixes_<lang>.txt`` (session 28): derivational endings ("-schaft") that
  a compound's last part never starts inside, so that the suffix match of pattern and sense
  words ("Untersuchungshaft" ~ haft) does not read "Gewerkschaft" as a kind of "Haft"
  (:func:`bound_suffixes`, :func:`inside_bound_suffix`).
* ``data/events/desires_<lang>.tsv`` (session 28): verbs of wanting ("will, dass", "wünscht
  sich, dass", "erwartet von X, dass") whose dass-clause about another actor is a demand on
  that actor (CAMEO 100; :func:`desire_patterns`, ``EventCoder._desire_demands``).

Errors name the file and line (:class:`lagebild.datafiles.DataFileError`)."""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Tuple

from ..datafiles import data_path, word_list
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


@lru_cache(maxsize=4)
def bound_suffixes(lang: str) -> Tuple[str, ...]:
    """The endings of ``data/events/bound_suffixes_<lang>.txt`` (lower case, longest first);
    ``()`` when the language has no such file."""
    path = data_path("events", f"bound_suffixes_{lang}.txt")
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
