"""German recall data of the event coder (issue 9, session 27): what a rule needs besides the
pattern files.

* ``data/events/misdeeds_<lang>.tsv``: verbs that code no event of their own ("täuschen",
  "vertuschen", "Schaden zufügen") but make a speaker's words about the verb's subject an
  accusation (CAMEO 112): "Der Minister habe die Bürger getäuscht, sagte die Opposition". The
  file has the columns of ``patterns_<lang>.tsv`` and is read by
  :func:`lagebild.events.patterns.read_patterns`; the coder's
  :meth:`lagebild.events.coder.EventCoder._reported_misdeeds` applies it.

Errors name the file and line (:class:`lagebild.datafiles.DataFileError`)."""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Tuple

from ..datafiles import data_path
from .patterns import Pattern, read_patterns


@lru_cache(maxsize=4)
def misdeed_patterns(lang: str) -> Dict[str, Tuple[Pattern, ...]]:
    """``{trigger lemma: rows}`` of ``data/events/misdeeds_<lang>.tsv``, rows with more
    required words first (then file order); ``{}`` when the language has no such file.

    Raises :class:`lagebild.datafiles.DataFileError` (file and line) on a bad row, as
    :func:`lagebild.events.patterns.read_patterns` does (codes must be CAMEO codes)."""
    path = data_path("events", f"misdeeds_{lang}.tsv")
    if not path.is_file():
        return {}
    by: Dict[str, List[Pattern]] = {}
    for p in read_patterns(path, lang):
        by.setdefault(p.trigger, []).append(p)
    return {k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in by.items()}
