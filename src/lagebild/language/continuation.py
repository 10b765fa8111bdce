"""Does a sentence go on with a speaker's words? A classifier of continued speech for text
without quotation marks or paragraph breaks (issue 11, session 30).

News prose reports a speaker in one sentence ("Die Ministerin kritisierte den Entwurf
scharf.") and often goes on with the speaker's own words in the next, with no speech verb,
no quotation marks and no name ("Das ist inakzeptabel. Man muss jetzt handeln."); the
corpus we read dropped the marks and the paragraph breaks. The author's narration looks
alike on the surface ("Der Ausschuss tagte am Montag."). This module tells them apart from
what the sentence itself shows:

- for the speaker's words: the first or second person, the polite "Sie", Konjunktiv I or II,
  a deontic modal ("muss", "sollte"), modal particles ("ja", "doch", "halt"), a
  demonstrative or "man" as subject, an evaluative predicate ("ist inakzeptabel"), an
  exclamation or a question, a verbless fragment;
- for narration: a Präteritum verb, a counterfactual past, a named subject (a new
  actor), the speaker named again or referred to, a speech verb of its own, a source
  marker ("laut", "zufolge"), a narrative time word ("am Montag", "damals", "zuletzt"), a
  year, a dateline, a line ending in a colon, more than 25 words.

:func:`features` gives the cue values of one sentence (word lists in
``data/<lang>/speech_continuation.tsv``), :func:`score` the logistic model's probability
(weights and threshold in ``data/<lang>/speech_continuation_weights.tsv``; its header says
how they were set -- by hand, as an ordered rule, from counts on dev-A that
``benchmarks/train_continuation.py`` recomputes and can fit a logistic model to), and
:func:`continues_speech` the decision. The statements layer
(:mod:`lagebild.statements.extract`) makes such a sentence a statement of the previous
statement's speaker, and the event coder then reads a first-person subject in it as that
speaker (:meth:`lagebild.events.coder.EventCoder._as_speaker`).

Errors: a malformed data file raises :class:`lagebild.errors.DataFileError` naming file and
line (an unknown ``case``, a weight that is no number, a feature no cue computes).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, Optional, Tuple

from spacy.tokens import Span, Token

from ..datafiles import data_path, iter_tsv, lang_words
from ..errors import DataFileError
from .speech import frame_for, is_finite, konjunktiv1_form

#: cues computed from the parse, not from a word list (names of weight rows)
PARSE_FEATURES = (
    "first_person", "konjunktiv1", "konjunktiv2", "present", "past", "exclamation",
    "question", "fragment", "demonstrative_subject", "impersonal_subject", "evaluative_predicate",
    "named_subject", "speaker_subject", "other_actor", "speech_verb", "dateline", "colon_end",
    "year", "long", "parenthetical", "number", "counterfactual_past",
)
#: sentences longer than this many words are narration (none of dev-A's continued words was)
LONG_WORDS = 25
#: cues read from ``speech_continuation.tsv`` (a word of the list anywhere in the sentence)
WORD_FEATURES = (
    "second_person", "polite_address", "modal_particle", "deontic_modal", "evaluative",
    "narration_time", "weekday_month", "source_marker", "subjunctive_ii",
)
#: word lists that are no feature of their own: read only as a sentence's subject ("Das
#: ist …", "Man muss …", "Er ist …"), the caller's pronouns to resolve to the speaker
#: ("object_pronoun": "Man sollte ihm nicht glauben"), the auxiliaries of a
#: counterfactual past ("wäre … gewesen")
SUBJECT_WORDS = ("demonstrative", "impersonal", "speaker_pronoun", "object_pronoun", "counterfactual_aux")


@dataclass(frozen=True)
class Cues:
    """The word lists of one language: cue name -> (words, matched as written?)."""

    words: Dict[str, Tuple[FrozenSet[str], bool]]

    def hit(self, name: str, tok: Token) -> bool:
        entry = self.words.get(name)
        if entry is None:
            return False
        words, exact = entry
        return (tok.text if exact else tok.lower_) in words


@lru_cache(maxsize=4)
def cues(lang: str) -> Cues:
    """The cue word lists of ``lang`` (``data/<lang>/speech_continuation.tsv``; empty for a
    language without the file). Raises DataFileError on an unknown cue or case."""
    path = data_path(lang, "speech_continuation.tsv")
    out: Dict[str, Tuple[FrozenSet[str], bool]] = {}
    if not path.is_file():
        return Cues(out)
    for row in iter_tsv(path, required=("cue", "case", "words")):
        name, case = (row["cue"] or "").strip(), (row["case"] or "").strip()
        if name not in WORD_FEATURES + SUBJECT_WORDS:
            raise DataFileError(str(path), row["_line"], f"unknown cue {name!r} (one of {', '.join(WORD_FEATURES + SUBJECT_WORDS)})")
        if case not in ("lower", "exact"):
            raise DataFileError(str(path), row["_line"], f"case must be 'lower' or 'exact', not {case!r}")
        words = (row["words"] or "").split()
        out[name] = (frozenset(words if case == "exact" else (w.lower() for w in words)), case == "exact")
    return Cues(out)


def cue_words(lang: str, name: str) -> FrozenSet[str]:
    """The words of the cue ``name`` of ``lang`` (empty when the file or the row is absent)."""
    return cues(lang).words.get(name, (frozenset(), False))[0]


@dataclass(frozen=True)
class Model:
    """A logistic model: ``bias``, one weight per feature, the decision ``threshold``."""

    bias: float
    weights: Dict[str, float]
    threshold: float


@lru_cache(maxsize=4)
def model(lang: str) -> Optional[Model]:
    """The weights of ``lang`` (``data/<lang>/speech_continuation_weights.tsv``: rows
    ``feature<TAB>weight``, with the special rows ``(bias)`` and ``(threshold)``), or None
    when the language has none. Raises DataFileError naming file and line on a weight that
    is no number or a feature no cue computes."""
    path = data_path(lang, "speech_continuation_weights.tsv")
    if not path.is_file():
        return None
    known = set(PARSE_FEATURES) | set(WORD_FEATURES)
    bias, threshold, weights = 0.0, 0.5, {}
    for row in iter_tsv(path, required=("feature", "weight")):
        name = (row["feature"] or "").strip()
        try:
            value = float(row["weight"])
        except (TypeError, ValueError):
            raise DataFileError(str(path), row["_line"], f"weight {row['weight']!r} is no number") from None
        if name == "(bias)":
            bias = value
        elif name == "(threshold)":
            threshold = value
        elif name in known:
            weights[name] = value
        else:
            raise DataFileError(str(path), row["_line"], f"unknown feature {name!r}")
    return Model(bias, weights, threshold)


def _main_clause(tok: Token, sent: Span) -> bool:
    """Whether ``tok`` hangs on the sentence's root or a conjunct of it (not on a verb of a
    subordinate clause: "…, dass sie …" says nothing of who speaks)."""
    head = tok.head
    return head == sent.root or head.dep_ == "conj" and head.head == sent.root or tok == sent.root


def _subjects(sent: Span) -> Iterable[Token]:
    """The subjects of the sentence's main clause."""
    return (t for t in sent if t.dep_ in ("nsubj", "sb", "nsubj:pass", "csubj") and _main_clause(t, sent))


def _finite_verbs(sent: Span) -> Iterable[Token]:
    return (t for t in sent if t.pos_ in ("VERB", "AUX") and is_finite(t))


def _group_subject(tok: Token) -> bool:
    """A definite singular subject that the reference layer reads as a group or a person
    description ("Die Opposition kündigt …", "Der Minister sieht …"): a new actor of the
    narration (a plural generic noun, "Die Pendler wünschen sich …", is no such actor)."""
    from .reference import classify

    if tok.pos_ != "NOUN" or "Plur" in tok.morph.get("Number"):
        return False
    if not any(c.dep_ in ("det", "nk") and "Def" in c.morph.get("Definite") for c in tok.children):
        return False
    found = classify(tok.doc, tok.idx, tok.idx + len(tok.text))
    return found is not None and found[1].kind in ("group", "description")


def features(sent: Span, lang: str, speaker_mentions: FrozenSet[Tuple[int, int]] = frozenset(),
             other_mentions: FrozenSet[Tuple[int, int]] = frozenset()) -> Dict[str, float]:
    """The cues of the parsed sentence ``sent`` (a spaCy Span), each 0.0 or 1.0, keyed by
    the names of :data:`PARSE_FEATURES` and :data:`WORD_FEATURES`.

    speaker_mentions / other_mentions: character spans ``(start, end)`` in the Doc of the
    previous speaker's actor mentions (with any pronoun the caller resolved to the speaker)
    and of other actors' mentions. ``speaker_subject``: a speaker's span anywhere in the
    sentence (the speaker named again; "Man sollte ihm nicht glauben", the author on the
    speaker) or a singular "er"/"sie" (``speaker_pronoun``) as the main clause's subject;
    ``other_actor``: another actor's span; ``named_subject``: another actor, a proper noun
    or a definite group or person noun as the main clause's subject."""
    from ..tokens import span_text
    from .dateline import dateline_tokens

    c = cues(lang)
    toks = [t for t in sent if not t.is_space]
    words = [t for t in toks if not t.is_punct]
    text = span_text(sent).rstrip()
    f: Dict[str, float] = {name: 0.0 for name in PARSE_FEATURES + WORD_FEATURES}
    for name in WORD_FEATURES:
        # the polite "Sie" and a modal particle never open the sentence: "Sie" there is
        # "they" as often, and "Doch"/"Eben" there are a conjunction and an adverb
        f[name] = float(any(c.hit(name, t) for k, t in enumerate(words)
                            if k > 0 or name not in ("polite_address", "modal_particle")))
    first = lang_words(lang, "first_person.txt")
    f["first_person"] = float(any(t.lower_ in first and t.pos_ in ("PRON", "DET") for t in words))
    # Konjunktiv II by form only: the tagger's Mood=Sub also marks indicatives ("kämpfen")
    konj2 = lang_words(lang, "konjunktiv2.txt") | cue_words(lang, "subjunctive_ii")
    finite = list(_finite_verbs(sent))
    f["konjunktiv2"] = float(any(t.lower_ in konj2 and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("V")) for t in words))
    if any(t.lower_ in cue_words(lang, "counterfactual_aux") for t in words) and any(t.tag_ in ("VVPP", "VAPP", "VMPP") for t in words):
        # "Das wäre ein Fehler gewesen": a counterfactual past, the author's hypothetical
        # (tests/statements/test_statements_field.py), not Konjunktiv II of reported words
        f["konjunktiv2"], f["counterfactual_past"] = 0.0, 1.0
    for v in finite:
        tense = v.morph.get("Tense")
        if v.lower_ in konj2:
            continue
        elif konjunktiv1_form(v.lower_, lang) and not any(t.lower_ == "ich" for t in words):
            f["konjunktiv1"] = 1.0
        elif "Past" in tense and v.lower_ != v.lemma_.lower():  # "dürfen", "bedürfen": the infinitive's form is present
            f["past"] = 1.0
        elif "Pres" in tense:
            f["present"] = 1.0
    # a verbless fragment ("Kein Wort zu den Alleinerziehern."); a personal pronoun says the
    # tagger missed the verb ("Nun drohten/ADJA ihnen Streiks")
    f["fragment"] = float(len(words) >= 2 and not any(
        t.pos_ in ("VERB", "AUX") or t.tag_.startswith("V") or t.tag_ == "PPER" for t in words))
    f["long"] = float(len(words) > LONG_WORDS)
    f["parenthetical"] = float(text.startswith("("))
    f["speaker_subject"] = float(any(a <= t.idx < b for t in words for a, b in speaker_mentions))
    f["other_actor"] = float(any(a <= t.idx < b for t in words for a, b in other_mentions)
                             and not all(any(a <= t.idx < b for a, b in speaker_mentions)
                                         for t in words if any(a <= t.idx < b for a, b in other_mentions)))
    f["exclamation"] = float(text.endswith("!"))
    f["question"] = float(text.endswith("?"))
    f["colon_end"] = float(text.endswith(":"))
    f["year"] = float(any(t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20") for t in words))
    f["dateline"] = float(bool(dateline_tokens(sent)))
    f["speech_verb"] = float(any(t.pos_ == "VERB" and frame_for(lang, t.lemma_) is not None for t in words))
    evaluative = cue_words(lang, "evaluative")
    for s in _subjects(sent):
        low = s.lower_
        if low in cue_words(lang, "demonstrative"):
            f["demonstrative_subject"] = 1.0
        if low in cue_words(lang, "impersonal"):
            f["impersonal_subject"] = 1.0
        if any(a <= s.idx < b for a, b in speaker_mentions) or (
                low in cue_words(lang, "speaker_pronoun") and s.pos_ == "PRON" and "Plur" not in s.morph.get("Number")):
            f["speaker_subject"] = 1.0
        elif any(a <= s.idx < b for a, b in other_mentions) or s.pos_ == "PROPN" or _group_subject(s):
            f["named_subject"] = 1.0
    f["evaluative_predicate"] = float(any(
        t.pos_ == "ADJ" and t.tag_ == "ADJD" and _main_clause(t, sent)
        and (t.dep_ in ("ROOT", "pd") or any(ch.lemma_ == "sein" for ch in t.children))
        or t.lower_ in evaluative for t in words) and f["past"] == 0.0)
    f["number"] = float(any(t.like_num and any(ch.isdigit() for ch in t.text) for t in words))
    return f


def score(feats: Dict[str, float], lang: str) -> Optional[float]:
    """The model's probability (0..1) that a sentence with the cue values ``feats`` (from
    :func:`features`) continues the previous speaker's words; None when ``lang`` has no
    model."""
    m = model(lang)
    if m is None:
        return None
    z = m.bias + sum(w * feats.get(name, 0.0) for name, w in m.weights.items())
    return 1.0 / (1.0 + math.exp(-z))


def continues_speech(sent: Span, lang: str, speaker_mentions: FrozenSet[Tuple[int, int]] = frozenset(),
                     other_mentions: FrozenSet[Tuple[int, int]] = frozenset()) -> Optional[str]:
    """``"direct"`` or ``"indirect"`` when ``sent`` goes on with the words of the speaker
    of the statement just before it (probability from :func:`score` at least the model's
    threshold), else None (also for a language without a model). The kind: "indirect" for
    a sentence in Konjunktiv I or II without the first or second person, "direct"
    otherwise. The mention spans are as in :func:`features`."""
    feats = features(sent, lang, speaker_mentions, other_mentions)
    p = score(feats, lang)
    m = model(lang)
    if p is None or m is None or p < m.threshold:
        return None
    person = feats["first_person"] or feats["second_person"] or feats["polite_address"]
    return "indirect" if (feats["konjunktiv1"] or feats["konjunktiv2"]) and not person else "direct"
