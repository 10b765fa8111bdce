"""Forecast cues and words of estimative probability, read from ``lagebild/data/<lang>/``.

- ``forecast_cues.tsv``: cue, kind, prob, rationale (kinds documented in the file)
- ``wep.tsv``: term, probability, negated, kent_class, rationale — Sherman Kent's words of
  estimative probability and their German equivalents
- ``forecast_frames.tsv``: word, frame, prob, negated, rationale — estimative words that make
  a forecast only inside a construction ("gilt als sicher", "schließt … nicht aus")
- ``forecast_words.tsv``: set, word, rationale — the named word sets the detector's checks
  use (pronouns, auxiliaries, prepositions, verbs of a construction), read by
  :func:`forecast_words`

A language without these files gets no forecasts (and no error).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, Optional, Tuple

from ..datafiles import data_path, iter_tsv
from ..errors import DataFileError
from ..statements.lexicon import Phrase, PhraseTable, phrase_key

CUE_KINDS = (
    "future_aux",
    "predictive_modal",
    "conditional_aux",
    "backshift_aux",
    "expectation",
    "counterfactual",
    "deontic",
    "plan",
    "volition",
    "generic_subject",
    "negation",
    "future_time",
    "term_horizon",
    "ability",
    "deadline",
    "option_marker",
    "risk",
    "outcome_verb",
    "wish_marker",
    "vague_future",
    "forecast_noun",
    "penalty_noun",
    "normative_adj",
    "konjunktiv2_form",
    "schedule_verb",
    "warning_verb",
    "harm_noun",
    "imminent",
    "imminent_verb",
    "schedule_noun",
    "participle_infinitive",
    "question_adverb",
    "question_predicate",
    "estimate_noun",
    "revelation_verb",
    "naming_verb",
    "weather_verb",
    "assumption_verb",
    "plan_noun",
    "attitude_adj",
    "plan_marker",
    "relation_verb",
    "agenda_verb",
    "goal_noun",
    "fear_noun",
)
# kinds that make a sentence a forecast by themselves
PREDICTIVE = (
    "future_aux", "predictive_modal", "conditional_aux", "backshift_aux", "expectation", "counterfactual", "risk",
)


@dataclass(frozen=True)
class Cue:
    phrase: Phrase
    kind: str
    prob: Optional[float]


@dataclass(frozen=True)
class Hedge:
    phrase: Phrase
    probability: float
    negated: Optional[float]

    def value(self, negated: bool) -> float:
        if not negated:
            return self.probability
        return self.negated if self.negated is not None else round(1.0 - self.probability, 3)


FRAMES = ("dass", "als", "fuer", "copula", "neg_verb", "refl_verb", "level", "level_noun", "noun_dass")


@dataclass(frozen=True)
class Frame:
    """An estimative word (lemma) with the constructions it predicts in and the
    probability it gives (``negated``: when the word itself is negated)."""

    word: str
    frames: Tuple[str, ...]
    prob: float
    negated: Optional[float]

    def value(self, negated: bool) -> float:
        if not negated:
            return self.prob
        return self.negated if self.negated is not None else round(1.0 - self.prob, 3)


@dataclass
class ForecastLexicon:
    lang: str
    cues: Dict[Phrase, Cue] = field(default_factory=PhraseTable)
    hedges: Dict[Phrase, Hedge] = field(default_factory=PhraseTable)
    frames: Dict[str, Frame] = field(default_factory=dict)
    # (kind, "of_kind"|"words") -> (cues version, result): the detector asks for the same
    # kinds for every sentence; a change to ``cues`` (a PhraseTable) bumps its version
    _memo: Dict[Tuple[str, str], Tuple[object, object]] = field(default_factory=dict, repr=False, compare=False)

    def _cues_version(self) -> object:
        cues = self.cues
        return (id(cues), cues.version) if isinstance(cues, PhraseTable) else None

    def of_kind(self, kind: str) -> Dict[Phrase, Cue]:
        """The cues of ``kind`` as a :class:`PhraseTable` ``{phrase: Cue}`` in file order.
        The table is kept until ``cues`` changes and shared by all callers: read it, do not
        change it."""
        version = self._cues_version()
        hit = self._memo.get((kind, "of_kind"))
        if hit is not None and version is not None and hit[0] == version:
            return hit[1]  # type: ignore[return-value]
        table = PhraseTable((p, c) for p, c in self.cues.items() if c.kind == kind)
        self._memo[(kind, "of_kind")] = (version, table)
        return table

    def words(self, kind: str) -> frozenset:
        """The one-word cues of ``kind`` (lower-case), kept until ``cues`` changes."""
        version = self._cues_version()
        hit = self._memo.get((kind, "words"))
        if hit is not None and version is not None and hit[0] == version:
            return hit[1]  # type: ignore[return-value]
        words = frozenset(p[0] for p, c in self.cues.items() if c.kind == kind and len(p) == 1)
        self._memo[(kind, "words")] = (version, words)
        return words


def _prob(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        p = float(value)
    except ValueError:
        return f"probability {value!r} is not a number"
    if not 0.0 <= p <= 1.0:
        return f"probability {p} is outside [0, 1]"
    return None


def _check_cue(row: Dict[str, str]) -> Optional[str]:
    if row["kind"] not in CUE_KINDS:
        return f"kind must be one of {list(CUE_KINDS)}, not {row['kind']!r}"
    return _prob(row.get("prob"))


def _check_wep(row: Dict[str, str]) -> Optional[str]:
    return _prob(row.get("probability")) or _prob(row.get("negated"))


def _check_frame(row: Dict[str, str]) -> Optional[str]:
    bad = [f for f in (row.get("frame") or "").split(",") if f.strip() not in FRAMES]
    if bad or not row.get("frame"):
        return f"frame must be a comma-separated list of {list(FRAMES)}, not {row.get('frame')!r}"
    if not row.get("prob"):
        return "prob is required"
    return _prob(row.get("prob")) or _prob(row.get("negated"))


@lru_cache(maxsize=8)
def forecast_lexicon(lang: str) -> ForecastLexicon:
    lex = ForecastLexicon(lang=lang)
    path = data_path(lang, "forecast_cues.tsv")
    if path.is_file():
        for row in iter_tsv(path, required=("cue", "kind"), validate=_check_cue):
            key = phrase_key(lang, row["cue"])
            lex.cues[key] = Cue(key, row["kind"], float(row["prob"]) if row.get("prob") else None)
    path = data_path(lang, "wep.tsv")
    if path.is_file():
        for row in iter_tsv(path, required=("term", "probability"), validate=_check_wep):
            key = phrase_key(lang, row["term"])
            lex.hedges[key] = Hedge(
                key, float(row["probability"]), float(row["negated"]) if row.get("negated") else None
            )
    path = data_path(lang, "forecast_frames.tsv")
    if path.is_file():
        for row in iter_tsv(path, required=("word", "frame", "prob"), validate=_check_frame):
            word = row["word"].strip().lower()
            lex.frames[word] = Frame(
                word, tuple(f.strip() for f in row["frame"].split(",")), float(row["prob"]),
                float(row["negated"]) if row.get("negated") else None,
            )
    return lex


WORD_LANGS = ("de", "en")  # languages whose forecast_words.tsv a language-blind set unites
SET_NAME = re.compile(r"[a-z][a-z0-9_]*$")


def _check_word_row(row: Dict[str, str]) -> Optional[str]:
    if not SET_NAME.match(row["set"]):
        return f"set must be a lower-case name (letters, digits, _), not {row['set']!r}"
    if row["word"] != row["word"].lower():
        return f"word must be lower-case, not {row['word']!r}"
    return None


@lru_cache(maxsize=8)
def _word_sets(lang: str) -> Dict[str, frozenset]:
    """``{set name: words}`` of ``data/<lang>/forecast_words.tsv`` ({} without the file).
    Raises :class:`~lagebild.datafiles.DataFileError` (file and line) for a bad row or a
    word listed twice in one set."""
    path = data_path(lang, "forecast_words.tsv")
    sets: Dict[str, set] = {}
    if path.is_file():
        for row in iter_tsv(path, required=("set", "word"), validate=_check_word_row):
            words = sets.setdefault(row["set"], set())
            if row["word"] in words:
                raise DataFileError(str(path), row["_line"], f"{row['word']!r} is listed twice in set {row['set']!r}")
            words.add(row["word"])
    return {k: frozenset(v) for k, v in sets.items()}


def forecast_words(name: str, lang: Optional[str] = None) -> frozenset:
    """The lower-case words (or phrases) of set ``name`` in ``data/<lang>/forecast_words.tsv``;
    with ``lang`` None the union over :data:`WORD_LANGS` (for a check that runs whatever the
    document's language: "ich"/"wir"/"i"/"we"). A language without rows for the set gives an
    empty set; a name that no file lists raises LookupError (a typo in the code, not data)."""
    langs = (lang,) if lang is not None else WORD_LANGS
    if not any(name in _word_sets(lg) for lg in dict.fromkeys(WORD_LANGS + langs)):
        raise LookupError(f"no forecast_words.tsv lists a set {name!r}")
    return frozenset().union(*(_word_sets(lg).get(name, frozenset()) for lg in langs))


def wep_table(lang: str) -> Tuple[Tuple[str, float], ...]:
    """``(term, probability)`` pairs of ``lang``'s WEP table (for docs and the CLI)."""
    return tuple((" ".join(h.phrase), h.probability) for h in forecast_lexicon(lang).hedges.values())
