"""Decide which sentences predict, and build :class:`~lagebild.schemas.Forecast` records.

A sentence is a forecast when one of its clauses (outside a condition clause) carries a
predictive cue from ``data/<lang>/forecast_cues.tsv`` that survives the checks below, or
when it is the content of an "expect" statement ("Analysten erwarten, dass …"), or when a
hedge word (``wep.tsv``) meets a future anchor in a present-tense sentence ("Russland
greift wahrscheinlich im Sommer an").

Checks (morphology and the parse when the model gives them, surface fallbacks otherwise):

- future "werden"/"will" needs an infinitive in its clause; "werden" + participle is passive;
- "hätte/wäre" + participle or modal infinitive, "would/could … have" = counterfactual past
  — the whole sentence is no forecast;
- a question, or a cue inside an indirect question ("ob", "whether"), is no forecast;
- a modal with a generic subject ("ein kleines Land", "man", "one") and no future anchor is
  a timeless statement;
- a cue inside a statement that commits (promise, threat, demand, announcement, conditional
  commitment) is the speaker's commitment, not a forecast.

Holder: the innermost statement whose content holds the cue (its speaker), else the
interview turn's speaker, else the author.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span, Token

from .. import tokens
from ..datafiles import data_path, iter_tsv, lang_words
from ..language.timewords import time_phrase_head, time_words
from ..schemas import Event, Forecast, Statement
from ..statements.lexicon import match_phrases, statement_lexicon
from ..statements.syntax import (
    DETERMINERS,
    char_span,
    doc_text,
    clause_bounds,
    dep,
    feat,
    find_condition,
    has_parse,
    sentences,
)
from ..language.turns import get_turns, turn_at
from .horizon import find_horizon
from .lexicon import PREDICTIVE, ForecastLexicon, forecast_lexicon, forecast_words

COMMITTING = ("promise", "threat", "demand", "announcement", "conditional")
EXPECT_DEFAULT = 0.75  # an "expect" verb with no hedge: Kent "probable"
DOUBT_CEILING = 0.3  # a doubted outcome: at most Kent "probably not" (20-30 %)
MODAL_INFINITIVES = {lang: forecast_words("modal_infinitives", lang) for lang in ("de", "en")}
INFINITIVE_SUFFIXES = {lang: tuple(sorted(forecast_words("infinitive_suffixes", lang))) for lang in ("de",)}
SHORT_INFINITIVES_DE = forecast_words("short_infinitives_de")  # the infinitive the -en/-ern/-eln test misses ("wird … sein")


@dataclass
class _Found:
    kind: str
    tok: Token
    text: str
    prob: Optional[float]


@dataclass
class SentenceAnalysis:
    """What the detector saw in one sentence (returned for debugging and tests)."""

    cues: List[_Found] = field(default_factory=list)
    rejected: List[Tuple[str, str]] = field(default_factory=list)  # (cue, reason)
    condition: Optional[Tuple[int, int]] = None


# ------------------------------------------------------------------ morphology checks


def _clause(sent: Span, tok: Token) -> List[Token]:
    s, e = clause_bounds(sent, tok.i)
    return [sent.doc[i] for i in range(s, e)]


def _verb_form_de(tok: Token) -> Optional[str]:
    """"inf", "part" or None for a German word after "werden"/"hätte".

    German infinitives and participles are told apart by their shape (-en without ge-,
    ge-…-t, -iert, be-/ver-…-t) and the lemma (an infinitive is its own lemma); the
    model's VerbForm/tag decides only where these are ambiguous ("geraten", "gegeben" vs
    "geben") — so a tagger error on "überstehen" does not turn a future into a passive.
    """
    low = tok.lower_
    if (low in SHORT_INFINITIVES_DE or (low.endswith("tun") and low != "tun")) and tok.pos_ in ("VERB", "AUX", "") and tok.is_lower:
        # (compounds only: a bare "tun" — "würde so etwas nie tun" — is conduct, and stays rejected)
        return "inf"  # "wird … sein", "werden sich … schwertun": an infinitive without the -en ending
    if not tok.is_alpha or not tok.is_lower or len(low) <= 3:
        return None
    if tok.pos_ in ("NOUN", "PROPN", "DET", "PRON", "ADP", "NUM", "CCONJ", "SCONJ") or tok.tag_ == "ADJA":
        return None  # (a predicative ADJD "unternehmen" is a tagger slip: the shape decides)
    if tok.pos_ == "ADJ" and not low.endswith(INFINITIVE_SUFFIXES["de"]):
        return None
    if low in DETERMINERS["de"]:
        return None
    model = feat(tok, "VerbForm")
    if model is None and tok.tag_:
        model = "Inf" if tok.tag_.endswith("INF") else "Part" if tok.tag_.endswith("PP") else None
    ge_inf = _fallback_words("de", "ge_infinitives.txt")
    # participle shape: ge-… or prefix-ge-… — but "nachgeben" is nach + the infinitive "geben"
    ge_like = low not in ge_inf and (
        low.startswith("ge")
        or any(
            low.startswith(p + "ge") and low[len(p):] not in ge_inf
            for p in _fallback_words("de", "separable_prefixes.txt")
        )
    )
    insep = any(low.startswith(p) for p in _fallback_words("de", "inseparable_prefixes.txt"))
    if low.endswith("iert") or (low.endswith("t") and (ge_like or insep or model == "Part")):
        return "part"
    if low.endswith(INFINITIVE_SUFFIXES["de"]):
        lemma = tok.lemma_.lower() if tok.lemma_ else ""
        if lemma and lemma != low and lemma.endswith(INFINITIVE_SUFFIXES["de"]):
            return "part"  # "zerbrochen", "betrieben", "gegeben": not their own lemma
        if lemma == low and model != "Part":
            return "inf"
        if ge_like:  # "gegeben" / "geben": default participle; the tagger decides
            if model == "Part":
                return "part"
            return "inf" if model == "Inf" or lemma == low else "part"
        if insep:  # "unterschrieben" / "unterschreiben": an infinitive is its own lemma
            return "part" if model == "Part" and lemma != low else "inf"
        return "inf"
    return None


def _looks_infinitive(tok: Token, lang: str) -> bool:
    if lang == "de":
        return _verb_form_de(tok) == "inf"
    if feat(tok, "VerbForm"):
        return feat(tok, "VerbForm") == "Inf"
    if tok.pos_:
        return tok.pos_ in ("VERB", "AUX") and tok.tag_ not in ("VBN", "VBD", "VBZ", "VBG")
    return tok.is_lower and tok.is_alpha


def _looks_participle(tok: Token, lang: str) -> bool:
    if lang == "de":
        return _verb_form_de(tok) == "part"
    if feat(tok, "VerbForm"):
        return feat(tok, "VerbForm") == "Part"
    if tok.tag_:
        return tok.tag_ in ("VBN",)
    return tok.is_lower and tok.lower_.endswith("ed")


@lru_cache(maxsize=None)  # (word_list caches the file's words per process anyway)
def _fallback_words(lang: str, name: str) -> frozenset:
    return lang_words(lang, name, lower=False)


# words between "will" and its verb ("will not", "will probably", "will simply …")
EN_SKIP_AFTER_AUX = forecast_words("en_skip_after_aux")


COORDINATORS_DE = forecast_words("coordinators_de")


COMPARISON_OPENERS = forecast_words("comparison_openers", "de")


def _before_comparison_tail(toks: List[Token], tok: Token) -> List[Token]:
    """``toks`` (one clause, in order) up to a comparison placed after the clause's right
    bracket: a ``comparison_openers`` word ("als", "wie") right after an infinitive that
    follows ``tok`` ("werden stärker steigen als erwartet", "wird länger dauern als
    geplant"). The participle of the comparison ("erwartet") is not the clause's right
    bracket; the infinitive before it is."""
    for n, t in enumerate(toks):
        if n > 0 and t.i > tok.i + 1 and t.lower_ in COMPARISON_OPENERS and toks[n - 1].i > tok.i and (
            _verb_form_de(toks[n - 1]) == "inf"
        ):
            return toks[:n]
    return toks


INSERTION_OPENERS = forecast_words("insertion_openers", "de")


def _clause_across_insertions(sent: Span, tok: Token, limit: int = 12) -> List[Token]:
    """The comma-delimited clause of ``tok`` (:func:`_clause`), continued past the
    comma-enclosed insertions that follow ``tok`` and open with an ``insertion_openers`` word
    of forecast_words.tsv — a source or a speech clause set into the clause ("Die Preise
    werden, so der Ökonom X, im Herbst steigen", "…, laut dem Institut, …", "…, wie die
    Ministerin sagte, …"; at most ``limit`` tokens between the commas), without the
    insertions: the clause's right bracket stands after the insertion, not before it."""
    doc = sent.doc
    out = _clause(sent, tok)
    end = out[-1].i + 1 if out else tok.i + 1
    while (
        end + 1 < sent.end and doc[end].text == "," and end > tok.i
        and doc[end + 1].lower_ in INSERTION_OPENERS
    ):
        close = next((j for j in range(end + 2, min(sent.end, end + 2 + limit)) if doc[j].text == ","), None)
        if close is None or close + 1 >= sent.end or doc[close + 1].is_punct:
            break
        rest = _clause(sent, doc[close + 1])
        out = out + rest
        end = rest[-1].i + 1
    return out


def _is_future_aux(tok: Token, sent: Span, lang: str) -> bool:
    """"wird … unternehmen" yes; "wird beschädigt" (passive) and "wird Präsident" no."""
    doc = sent.doc
    if lang == "en":
        if tok.text == "May":
            return False
        if tok.i > sent.start and doc[tok.i - 1].lower_ in DETERMINERS["en"] | {"political", "free", "good", "own"}:
            return False  # "the will", "political will"
        if tok.pos_ and tok.pos_ not in ("AUX", "VERB", "PART") and tok.lower_ not in ("going", "gonna"):
            return False
        if has_parse(doc) and dep(tok) == "aux" and tok.head.i > tok.i and not tok.head.is_punct:
            return True  # the parser hangs "will" on its verb (even one the tagger calls a noun)
        nxt = [
            t for t in doc[tok.i + 1 : sent.end]
            if t.lower_ not in EN_SKIP_AFTER_AUX and not (t.pos_ in ("ADV", "PART") and not t.is_punct) and not t.is_space
        ]
        if not nxt:
            return False
        n = nxt[0]
        if n.is_punct or n.lower_ in DETERMINERS["en"]:
            return False
        if n.pos_:
            return n.pos_ in ("VERB", "AUX")
        return n.is_lower and n.is_alpha
    # German werden / würde
    if tok.i > sent.start and doc[tok.i - 1].lower_ == "zu":
        return False  # "tätig zu werden"
    if tok.lower_ == "werden" and any(
        t.lower_ in MODALS_DE | _fallback_words("de", "konjunktiv2.txt") for t in _clause(sent, tok) if t.i < tok.i
    ):
        return False  # "soll … übertragen werden": werden is itself an infinitive (passive)
    if tok.lower_ == "werden" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ in MODAL_INFINITIVES_AFTER | MODALS_DE:
        return False  # "damit … vermieden werden können": a passive infinitive under a modal
    # the right bracket: in a German clause the non-finite verb comes last ("wird … unternehmen",
    # "werden … verteilt") — more reliable than a parser that may hang "werden" elsewhere
    clause_toks = _before_comparison_tail([t for t in _clause_across_insertions(sent, tok) if not (t.is_space)], tok)
    after = next((t for t in clause_toks if t.i > tok.i), None)
    before = doc[tok.i - 1] if tok.i > sent.start else None
    if after is not None and after.lower_ in COORDINATORS_DE and before is not None and _verb_form_de(before) is not None:
        # "werden" closes its own verb-final clause and a coordinated one follows ("dass Daten
        # gesammelt werden und die Ergebnisse angezeigt werden"): the right bracket of the
        # second clause is not this one's
        clause_toks = [t for t in clause_toks if t.i <= tok.i]
    comma = next((t.i for t in clause_toks if t.i > tok.i and t.text == ","), None)
    if comma is not None:
        # the right bracket stands before a comma that opens "um … zu …" or another clause
        # ("wird … bedacht sein, um … zu unterbinden")
        clause_toks = [t for t in clause_toks if t.i < comma]
    clause_toks = [t for t in clause_toks if not t.is_punct]
    if clause_toks and clause_toks[-1].i > tok.i:
        last = clause_toks[-1]
        form = _verb_form_de(last)
        if form == "part":
            return False
        if form == "inf" and doc[last.i - 1].lower_ != "zu":
            return True
    if has_parse(doc):
        d = dep(tok)
        if d in ("aux", "aux:pass") and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX", ""):
            head = tok.head
            if d == "aux:pass" and (feat(head, "VerbForm") == "Part" or head.tag_.endswith("PP")):
                return False  # parser and tagger agree on a passive
            if head.i > 0 and doc[head.i - 1].lower_ == "zu":
                return False  # "wird nicht müde zu betonen": werden + adjective
            form = _verb_form_de(head)
            if form is not None:
                return form == "inf"
            if d == "aux:pass":
                return False
    if has_parse(doc) and dep(tok) not in ("aux", "aux:pass"):
        # "werden" heads its clause: a future only with an infinitive among its own
        # dependents ("Möwen werden … lang und erreichen …" is a copula)
        for c in tok.children:
            if dep(c) in ("conj", "parataxis", "advcl", "acl", "acl:relcl", "ccomp", "punct"):
                continue
            if _verb_form_de(c) == "inf" and not (c.i > 0 and doc[c.i - 1].lower_ == "zu"):
                return True
        return _verb_final_future(tok, sent)
    clause = [t for t in _clause(sent, tok) if t.i != tok.i]
    for t in reversed(clause):
        if t.is_punct or t.is_space:
            continue
        form = _verb_form_de(t)
        if form == "part":
            return False
        if form == "inf" and (t.i == 0 or doc[t.i - 1].lower_ != "zu"):
            return True
        if t.pos_:
            continue  # the tagger says this is no verb: look further left
        break
    return _verb_final_future(tok, sent)


def _open_question(sent: Span, tok: Token, flex: ForecastLexicon, slex) -> bool:  # type: ignore[no-untyped-def]
    """"wird sich zeigen/herausstellen", "wird man sehen" (a ``revelation_verb`` governed by
    the future ``tok``) with an indirect question in the sentence ("ob", a w-word, "wie"):
    the future of an answer, not a prediction ("Ob die Reform wirkt, wird sich zeigen").
    "Die Wahl wird zeigen, dass …" (a dass-clause) stays a forecast."""
    verbs = flex.words("revelation_verb")
    if not verbs or not any(_lemma(v) in verbs or v.lower_ in verbs for v in _main_verbs(sent, tok)[:2]):
        return False
    cs, ce = clause_bounds(sent, tok.i)
    return any(slex.clause_kind(t.lower_) in ("interrogative", "as_reported") for t in sent if not (cs <= t.i < ce))


PASSIVE_AGENT_PREPOSITIONS = forecast_words("passive_agent_prepositions")
REFLEXIVES_DE = forecast_words("reflexives_de")
# nouns of an accusative of time ("jedes Jahr", "nächste Woche"): an adverbial, no object
TIME_ACCUSATIVES = forecast_words("time_accusatives")


def _ambiguous_passive(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """"wird"/"werden" + a verb whose participle equals its infinitive (a
    ``participle_infinitive`` of forecast_cues.tsv: "beraten", "vertreten", "vergeben")
    read as a present passive: the verb closes the clause and has no accusative object (no
    ``obj`` in the parse, no reflexive pronoun), or an agent ("von/vom/durch") stands in
    the clause. "Der Antrag wird im Ausschuss beraten" is passive; "Der Minister wird das
    Land bei der Konferenz vertreten" is a future. Needs a parse (False without one)."""
    doc = sent.doc
    forms = flex.words("participle_infinitive")
    if not forms or not has_parse(doc):
        return False
    clause = _before_comparison_tail([t for t in _clause_across_insertions(sent, tok) if not t.is_space], tok)
    comma = next((t.i for t in clause if t.i > tok.i and t.text == ","), None)
    clause = [t for t in clause if not t.is_punct and (comma is None or t.i < comma)]
    if not clause:
        return False
    if clause[-1].i == tok.i and len(clause) > 1 and clause[-2].lower_ in forms and clause[-2].i == tok.i - 1:
        # verb-final order of a subordinate clause: "dass das Virus von Fledermäusen
        # übertragen wird" (a future time in the clause makes the present passive predict:
        # "der wohl bald entlassen wird")
        if any(t.lower_ in flex.words("vague_future") | flex.words("future_time") for t in clause):
            return False
        verb = clause[-2]
        between = [t for t in clause if t.i < verb.i]
    elif clause[-1].i <= tok.i or clause[-1].lower_ not in forms:
        return False
    else:
        verb = clause[-1]
        between = [t for t in clause if tok.i < t.i < verb.i]
    if any(t.lower_ in PASSIVE_AGENT_PREPOSITIONS for t in between):
        return True
    if any(t.lower_ in REFLEXIVES_DE for t in clause):
        return False  # "wird sich … vergessen": active
    heads = {verb.i, tok.i}
    core = [t for t in clause if t.head.i in heads and dep(t) in ("obj", "nsubj", "nsubj:pass")
            and (t.lemma_ or t.lower_).lower() not in TIME_ACCUSATIVES]
    # an object: an "obj" (not an accusative of time: "jedes Jahr"), or a second subject the
    # parser gave the object ("Die Firma wird 500 Mitarbeiter entlassen")
    return not (any(dep(t) == "obj" for t in core) or sum(dep(t).startswith("nsubj") for t in core) >= 2)


MODALS_DE = forecast_words("modals_de")
MODAL_INFINITIVES_AFTER = forecast_words("modal_infinitives_after")


def _verb_final_future(tok: Token, sent: Span) -> bool:
    """Subordinate clause: an infinitive right before the aux ("… kommen werden") — unless
    a modal earlier in the clause makes "werden" a passive infinitive ("… soll … werden")."""
    doc = sent.doc
    if tok.i > sent.start and _verb_form_de(doc[tok.i - 1]) == "inf":
        modals = _fallback_words("de", "konjunktiv2.txt") | MODALS_DE
        if any(t.lower_ in modals for t in _clause(sent, tok) if t.i < tok.i - 1):
            return False
        return True
    return False


def _is_counterfactual(tok: Token, sent: Span, lang: str, words: Sequence[str]) -> bool:
    """"hätte … müssen", "wäre … gewesen", "would have" (the phrase itself, in English)."""
    if lang != "de":
        return True
    for t in _clause(sent, tok):
        if t.i == tok.i:
            continue
        if t.lower_ in MODAL_INFINITIVES["de"]:
            return True
        if _verb_form_de(t) == "part":
            return True
    return False


def _clause_opener(sent: Span, tok: Token) -> Token:
    s, _ = clause_bounds(sent, tok.i)
    return sent.doc[s]


# ------------------------------------------------------------------ analysis


SEIN_PRESENT_DE = forecast_words("sein_present_de")
ALREADY_DE = forecast_words("already_de")  # focus particles of the present (Duden: "schon" = "bereits")
WARNED_ONLY = frozenset((w,) for w in forecast_words("warned_only"))  # Konjunktiv-I modals that predict only as the content of a warning
SEIN_PAST_DE = forecast_words("sein_past_de")


def analyse_sentence(
    sent: Span,
    lang: str,
    *,
    flex: Optional[ForecastLexicon] = None,
    anchored: bool = False,
) -> SentenceAnalysis:
    """Predictive cues of ``sent`` that survive the checks (see module docstring).

    anchored: the sentence has a future time expression (from the temporal finder).
    """
    flex = flex or forecast_lexicon(lang)
    slex = statement_lexicon(lang)
    doc = sent.doc
    out = SentenceAnalysis()
    text = tokens.span_text(sent).rstrip()
    if text.endswith("?"):
        out.rejected.append(("?", "question"))
        return out
    toks = list(sent)
    low = tokens.token_lowers(doc)[sent.start:sent.end]  # [t.lower_ for t in toks]
    out.condition = (
        find_condition(doc, sent.start, sent.end, slex.clause_words) or _verb_first_condition(sent)
        or (_nominal_condition(sent) if lang == "de" else None)
    )
    if lang == "de" and out.condition is not None:
        out.condition = _to_verb_final_end(sent, out.condition)
    if lang == "de" and out.condition is None:
        out.condition = _kii_nominal_condition(sent)  # (a phrase: no verb-final end to reach)
    if _counterfactual_condition(sent, out.condition, flex, slex):
        out.rejected.append(("wäre/hätte", "counterfactual condition"))  # "Wäre X, würde ich …"
        return out
    # a vague future ("bald", "langfristig", "früher oder später") anchors a modal in the
    # future as a dated one does: "Die Regierung könnte bald zurücktreten" predicts
    future_words = flex.words("future_time") | flex.words("vague_future")
    anchored = anchored or any(w in future_words for w in low) or bool(
        match_phrases(low, [p for p in flex.of_kind("vague_future") if len(p) > 1]))
    generic = flex.words("generic_subject")
    for s, e, phrase in match_phrases(low, flex.cues):
        cue = flex.cues[phrase]
        tok = toks[s]
        label = " ".join(t.text for t in toks[s:e])
        if cue.kind == "deontic" and anchored and phrase in EPISTEMIC_SHOULD and _thing_subject(sent, tok):
            # "Neue Produkte sollten den Einbruch in den kommenden Jahren ausgleichen", "2016 sollte
            # es aufwärtsgehen": "should" of expectation — a thing cannot be obliged
            out.cues.append(_Found("predictive_modal", tok, label, SHOULD_PROB))
            continue
        if (
            cue.kind == "deontic" and lang == "de" and phrase in REPORTED_SHOULD
            and (anchored or any(w in CURRENT_PERIOD for w in low))
            and (_thing_subject(sent, tok) or _expletive_subject(sent, tok) or _next_word(sent, tok) == "es")
            and _reported_amount(sent, tok, flex)
            and not (out.condition and out.condition[0] <= tok.idx < out.condition[1])
        ):
            # "Heuer sollen es etwa 800 Millionen Euro sein": hearsay "sollen" of an amount
            # of a future period — a reported forecast (plans and schedules — "soll …
            # stattfinden", "soll … ablösen" — have other verbs)
            out.cues.append(_Found("predictive_modal", tok, label, None))
            continue
        if (
            cue.kind == "deontic" and lang == "de" and phrase in REPORTED_SHOULD
            and (anchored or _has_marker(sent, tok, flex, "vague_future") or any(w in future_words for w in low))
            and (_thing_subject(sent, tok) or _measure_subject(sent, tok, lang) or _thing_after_modal(sent, tok))
            and _outcome_main_verb(sent, tok, flex)
            and not _perfect_infinitive(tok, sent)
            and _forecaster_source(sent, tok)
            and not (out.condition and out.condition[0] <= tok.idx < out.condition[1])
        ):
            # "Die Wirtschaft soll laut Wifo im nächsten Jahr um zwei Prozent wachsen", "Laut
            # Experten soll die Nachfrage im Herbst wieder anziehen": hearsay "sollen" of an
            # outcome of a thing, in a future period, sourced to a forecaster (a research body
            # or a word of forecasting) — a reported forecast; "Laut Regierung sollen die
            # Wartezeiten sinken" (a goal of who decides) and "soll … stattfinden" stay out
            out.cues.append(_Found("predictive_modal", tok, label, None))
            continue
        if (
            cue.kind == "deontic" and lang == "de" and phrase in REPORTED_SHOULD and anchored
            and (_expletive_subject(sent, tok) or _next_word(sent, tok) == "es")
            and _impersonal_change(sent, tok, flex)
            and not (out.condition and out.condition[0] <= tok.idx < out.condition[1])
        ):
            # "Morgen soll es wieder wärmer werden", "Am Wochenende soll es regnen": hearsay
            # "soll" over the weather or an impersonal change of state in a future period —
            # nobody decides it, so it is a reported forecast, not a plan or a goal
            out.cues.append(_Found("predictive_modal", tok, label, None))
            continue
        if (
            cue.kind == "konjunktiv2_form" and lang == "de" and phrase in HEDGED_NECESSITY
            and _clause_hedge(sent, tok, flex)
            and not (out.condition and out.condition[0] <= tok.idx < out.condition[1])
        ):
            # "Dann müsste die Reederei womöglich Entschädigungen leisten", "Um die Ersatzteile
            # müssten sich die Händler wohl keine Sorgen machen": a Konjunktiv-II necessity under an
            # epistemic hedge of its own clause predicts what will be needed (s27-wholeb kind
            # conditioned-outcome-kii; without the hedge "müsste" is advice)
            out.cues.append(_Found("predictive_modal", tok, label, None))
            continue
        if cue.kind not in PREDICTIVE:
            continue
        if lang == "de" and phrase in WARNED_ONLY and not any(
            t.lower_ in flex.words("warning_verb") for t in sent if t.i < tok.i
        ):
            out.rejected.append((label, "ability"))  # "Er könne nicht kommen": no warning frames it
            continue
        if out.condition and out.condition[0] <= tok.idx < out.condition[1]:
            out.rejected.append((label, "in condition"))
            continue
        kind = cue.kind
        if kind == "expectation" and lang == "de" and phrase[0] == "zu" and len(phrase) == 2:
            # "… ist jedenfalls kein Kurswechsel zu erwarten": the modal passive needs its
            # "sein" in the clause, in the present or Konjunktiv I ("war zu erwarten" judges
            # the past; "ohne … zu erwarten" is an infinitive clause)
            cs, ce = clause_bounds(sent, tok.i)
            forms = {doc[j].lower_ for j in range(cs, ce)}
            if not forms & SEIN_PRESENT_DE or forms & SEIN_PAST_DE:
                out.rejected.append((label, "no modal passive"))
                continue
        if kind == "expectation" and lang == "de" and phrase == ("gerechnet",) and not _impersonal_passive_expectation(sent, tok):
            out.rejected.append((label, "no passive expectation"))  # "hat damit gerechnet": an attitude
            continue
        if kind == "expectation" and lang == "de" and phrase[-1] == "dass":
            # "Es war unwahrscheinlich, dass er kam": a judgement about the past
            cs, _ = clause_bounds(sent, tok.i)
            d = s + len(phrase) - 1 + sent.start
            _, ce = clause_bounds(sent, d)
            if _past_clause(doc, cs, tok.i) or _past_clause(doc, d, ce):
                out.rejected.append((label, "judgement about the past"))
                continue
        if kind == "risk":
            why = _not_a_risk(tok, sent, flex)
            if why:
                out.rejected.append((label, why))  # "X droht Y mit Sanktionen": a threat
                continue
            out.cues.append(_Found(kind, tok, label, cue.prob))
            continue
        if kind == "counterfactual":
            if _is_counterfactual(tok, sent, lang, low) and not (lang == "de" and _stative_outcome(sent, tok, out.condition)):
                out.rejected.append((label, "counterfactual"))
                out.cues = []
                return out
            outcome_kii = lang == "de" and (
                _conditioned_outcome(sent, tok, out.condition) or _hypothetical_event_subject(sent, tok)
            )
            if not anchored and not outcome_kii:
                out.rejected.append((label, "hypothetical"))  # "es wäre dumm, wenn …"
                continue
            kind = "conditional_aux"
        else:
            outcome_kii = False
        prev = doc[tok.i - 1] if tok.i > sent.start else None
        if kind in ("conditional_aux", "backshift_aux") and (
            (prev is not None and slex.clause_kind(prev.lower_) == "comparative") or _in_as_if(sent, tok, slex)
        ):
            out.rejected.append((label, "as if"))  # "als würde er …", "as if he would …"
            continue
        if kind == "predictive_modal" and (
            (prev is not None and prev.lower_ == "als" and lang == "de") or _in_as_if(sent, tok, slex)
        ):
            out.rejected.append((label, "as if"))  # "klingt so, als könnten Sie …"
            continue
        if _before_question_mark(sent, tok):
            out.rejected.append((label, "question"))  # "Was macht Sie sicher, dass …?, wird er gefragt"
            continue
        if kind in ("future_aux", "conditional_aux", "backshift_aux") and not outcome_kii and not _is_future_aux(tok, sent, lang):
            if not (lang == "de" and (
                (out.condition and _becomes(tok, sent))
                or (kind == "future_aux" and _becomes_more(tok, sent) and anchored)
                or (kind == "future_aux" and _after_consequence_marker(sent, tok))
                or (kind == "future_aux" and _becomes(tok, sent) and _predicting_frame(sent, tok))
                or (kind == "future_aux" and anchored and _becomes(tok, sent) and _clause_hedge(sent, tok, flex))
            )):
                out.rejected.append((label, "not a future"))
                continue
            # "Warte man weiter ab, werde der Schaden noch teurer": a change of state under a
            # condition predicts; so does a change of degree in a future period ("Ab 2020
            # werde es wieder teurer", "in den kommenden Jahren wird der Anstieg größer") and
            # a passive after "sonst" ("Andernfalls werde die Armee hineingezogen"); a
            # change of state that a warning or expectation frames ("Der Winter wird hart,
            # warnen die Hilfsorganisationen"); and a hedged change of state in a future
            # period ("Im Sommer wird es wahrscheinlich sehr heiß"; session 31 inventory —
            # unhedged, "wird heute 70 Jahre alt" is a fact of the day)
        if lang == "de" and kind == "future_aux" and _open_question(sent, tok, flex, slex):
            out.rejected.append((label, "question"))  # "Ob die Reform wirkt, wird sich zeigen"
            continue
        if lang == "de" and kind == "future_aux" and _ambiguous_passive(sent, tok, flex):
            out.rejected.append((label, "not a future"))  # "Der Antrag wird im Ausschuss beraten": passive
            continue
        if lang == "de" and kind in ("future_aux", "conditional_aux") and not _predicting_copula(sent, tok, flex) and not (
            _framed_by_clause(sent, tok, out.condition) and _predicting_copula(sent, tok, flex, conditioned=True)
        ):
            out.rejected.append((label, "copula without outcome"))  # "wird eine Premiere sein", "wird notwendig sein"
            continue
        if lang == "de" and tok.text in ("Werde", "Würde") and (
            tok.i == next((t.i for t in sent if not (t.is_punct or t.is_space)), sent.start)
            or (tok.i > sent.start and doc[tok.i - 1].is_punct)
        ):
            out.rejected.append((label, "intention"))  # "Werde bis 2023 im Amt bleiben": elided "ich"
            continue
        if kind in ("future_aux", "backshift_aux", "conditional_aux", "predictive_modal") and _first_person_subject(tok, sent, slex) and not (
            lang == "de" and not _decided_act(sent, tok, flex) and _main_verbs(sent, tok)
            and any(_lemma(v) in flex.words("outcome_verb") for v in _main_verbs(sent, tok))
        ):
            # "wir werden nicht erlauben": a commitment — but an outcome that befalls the
            # speakers ("Wir könnten unseren Wohlstand verlieren") is predicted, not decided
            out.rejected.append((label, "intention"))
            continue
        if kind == "predictive_modal" and any(slex.clause_kind(t.lower_) == "means" and t.i > tok.i for t in sent if t.pos_ in ("SCONJ", "") or lang == "de"):
            out.rejected.append((label, "ability"))  # "könnten helfen, indem sie …"
            continue
        if kind in ("predictive_modal", "conditional_aux") and _has_marker(sent, tok, flex, "option_marker") and not _expletive_subject(sent, tok):
            out.rejected.append((label, "option"))  # "könnten dann etwa …"
            continue
        if kind == "predictive_modal" and _relative_clause(sent, tok) and not tok.lower_.startswith("dürft"):
            # ("dürfte" is only epistemic: "Reischl, der zum ORF wechseln dürfte" predicts)
            out.rejected.append((label, "relative clause"))  # "die Jobs, in die wir … drängen könnten"
            continue
        if kind == "predictive_modal" and not anchored and lang == "de" and tok.lower_.startswith("dürft") and any(
            t.lower_ in ALREADY_DE for t in _clause(sent, tok) if t.i > tok.i
        ) and not any(
            t.like_num or time_words("de").is_time_word(t.text) for t in _clause(sent, tok) if t.i > tok.i
        ):
            # "Plattwürmer dürften schon seit Jahrmillionen … leben", "Viele Kunden dürften das
            # Modell bereits besitzen": "schon/bereits/längst" with no future time puts the
            # estimate in the present ("dürfte schon bald fallen" has its future anchor; a date
            # or a weekday after it — "dürfte schon im März 2018 fallen" — points to the future
            # even where no publication date tells the horizon finder so)
            out.rejected.append((label, "estimate of the present"))
            continue
        if kind == "predictive_modal" and not anchored and lang == "de" and any(
            t.lower_ in PRESENT_ESTIMATE_ADVERBS for t in _clause(sent, tok)
        ):
            # "Die Zahl der Arbeitslosen dürfte derzeit bei 400.000 liegen", "Der Schaden könnte
            # aktuell höher sein": an adverb of the present with no future anchor makes the
            # modal an estimate of the present (hard-negative kind epistemic-present-estimate)
            out.rejected.append((label, "estimate of the present"))
            continue
        if kind == "predictive_modal" and not anchored and _copula_assessment(tok, sent, lang):
            out.rejected.append((label, "assessment of the present"))  # "dürfte … wert sein"
            continue
        if (kind == "conditional_aux" or (kind == "predictive_modal" and not anchored)) and _relation_verb(sent, tok, flex):
            # "dürfte an … liegen"; a legal relation judged now ("Der Entwurf würde gegen die
            # Verfassung verstoßen", "könnte dem Völkerrecht widersprechen", s27-prec) — under
            # a bare "würde" also when a date stands in the sentence (the date of the speech:
            # "…, sagte die Juristin am Montag")
            out.rejected.append((label, "inference about the present"))
            continue
        if kind == "predictive_modal" and lang == "de" and _perfect_infinitive(tok, sent):
            out.rejected.append((label, "inference about the past"))  # "dürfte … gegeben haben"
            continue
        if lang == "en" and kind == "predictive_modal" and tok.text == "May" and tok.i != sent.start:
            continue
        cs, _ = clause_bounds(sent, tok.i)
        if any(
            (slex.clause_kind(doc[j].lower_) in ("interrogative", "as_reported") and not _relative_w_word(doc, j))
            or _question_adverb(sent, j, flex)
            for j in range(cs, tok.i)
        ):
            out.rejected.append((label, "indirect question"))
            continue
        if kind in ("predictive_modal", "conditional_aux") and lang == "de" and _hedged_wording(sent, tok, flex):
            out.rejected.append((label, "hedged wording"))  # "könnte als … bezeichnet werden"
            continue
        if _goal_frame(sent, tok, flex):
            out.rejected.append((label, "goal"))  # "Ziel sei es, dass … geprüft werden könnten"
            continue
        if kind == "conditional_aux" and _has_marker(sent, tok, flex, "wish_marker"):
            out.rejected.append((label, "wish"))  # "er würde es gern so sehen, wenn …"
            continue
        if kind == "predictive_modal" and not anchored and lang == "de" and _actor_subject(sent, tok):
            if _decided_act(sent, tok, flex):
                # "Die Regierung könnte mehr tun", "dürfte auch die NF hoch pokern": an actor's
                # option or its present conduct, not a predicted outcome
                why = "option" if tok.lower_.startswith("könnt") else "estimate of the present"
                if tok.lower_.startswith(("könnt", "dürft")):
                    out.rejected.append((label, why))
                    continue
        if lang == "de" and kind in ("future_aux", "predictive_modal", "conditional_aux") and _free_relative_subject(sent, tok):
            # "Wer zu spät bucht, wird mehr bezahlen", "Wer die Regeln nicht kennt, könnte …":
            # a free relative "wer" is a generic subject (anyone who …) — a rule of thumb,
            # not a prediction (the concessive "Wer auch immer …, die Steuern werden …" has
            # its own subject and stays)
            out.rejected.append((label, "generic subject"))
            continue
        if kind in ("predictive_modal", "conditional_aux") and not anchored and not tok.lower_.startswith("dürft"):
            # ("dürfte" is only epistemic: "Eine Entscheidung dürfte im März fallen" is no
            # timeless statement about a generic subject)
            subj = _subject_word(sent, tok, lang)
            if kind == "conditional_aux" and subj is not None and _event_noun_subject(sent, tok):
                subj = None  # "ein Ausstieg würde … beeinträchtigen": a hypothetical event, no generic actor
            if subj is not None and subj.lower_ in generic and not _outcome_on_actor(sent, tok, subj, flex):
                out.rejected.append((label, "generic subject"))
                continue
        out.cues.append(_Found(kind, tok, label, cue.prob))
    if lang == "de" and not out.cues:
        near = _imminent(sent, flex, out.condition)
        if near is not None:
            tok, verb = near
            cue = flex.cues.get((verb.lower_,)) or flex.cues[(tok.lower_,)]
            if cue.kind == "konjunktiv2_form":
                cue = flex.cues.get(("würde",)) or flex.cues[(tok.lower_,)]  # "stünde … bevor": as "würde"
            out.cues.append(_Found("imminent", tok, tok.text if verb is tok else f"{verb.text} … {tok.text}", cue.prob))
    if lang == "de" and not out.cues:
        warned = _warning(sent, flex, out.condition)
        if warned is not None:
            verb, noun = warned
            prob = flex.cues[(verb.lower_,)].prob
            out.cues.append(_Found("warning", verb, f"{verb.text} vor {noun.text}", prob))
    return out


CONDITION_OPENERS_DE = forecast_words("condition_openers_de", "de")
CONDITIONED_EVENT_VERBS = forecast_words("conditioned_event_verbs", "de")


def _conditioned_present_outcome(sent: Span, cond: Tuple[int, int], flex: ForecastLexicon) -> Optional[Token]:
    """The finite verb of the main clause of a conditional sentence when it is an outcome in
    the present indicative: the first finite full verb (STTS ``VVFIN``) outside the
    condition ``cond`` (character offsets), not tagged past or subjunctive, whose lemma
    (particle joined) is a ``conditioned_event_verbs`` word of forecast_words.tsv (a change
    or an event that befalls: "steigen", "scheitern", "passieren", "kommen" of "kommt es zu
    …"; not "erhalten" or "bekommen", which under a condition state an entitlement, a rule),
    with no modal verb in the sentence and no first-person or impersonal subject ("Wenn …,
    verlieren wir" is a speaker's own prospect; "Wenn …, muss man …" a rule). The caller
    asks for a condition and a future time: "Falls die Gespräche scheitern, kommt es im Mai
    zu einem Streik". None otherwise."""
    if any(t.tag_ == "VMFIN" for t in sent):
        return None
    for t in sent:
        if cond[0] <= t.idx < cond[1] or t.tag_ != "VVFIN":
            continue
        if "Past" in t.morph.get("Tense") or "Sub" in t.morph.get("Mood"):
            return None
        lemma = _particle_lemma(t)
        if lemma not in CONDITIONED_EVENT_VERBS:
            return None
        if lemma == "kommen" and not (t.i + 1 < sent.end and sent.doc[t.i + 1].lower_ == "es"):
            return None  # "kommt es zu einem Streik" is an event; "kommen viele Kinder" a movement
        subj = _subject_word(sent, t, "de")
        if subj is not None and (subj.lower_ in FIRST_PERSON_SUBJECTS or subj.lower_ in IMPERSONAL):
            return None
        return t
    return None


BECOMES_FRAME_VERBS = forecast_words("becomes_frame_verbs", "de")


def _predicting_frame(sent: Span, tok: Token) -> bool:
    """Another verb of ``sent`` than ``tok`` is a verb of warning or expectation
    (``becomes_frame_verbs`` of forecast_words.tsv, by lemma, particle joined: "warnen",
    "erwarten", "befürchten", "glauben"): it frames the clause of ``tok`` as a prediction
    ("Der Winter wird hart, warnen die Hilfsorganisationen")."""
    return any(t.i != tok.i and t.pos_ in ("VERB", "AUX") and _particle_lemma(t) in BECOMES_FRAME_VERBS for t in sent)


WERDEN_FINITE_DE = forecast_words("werden_finite_de", "de")


def _impersonal_passive_expectation(sent: Span, tok: Token) -> bool:
    """``tok`` ("gerechnet") is the participle of the impersonal passive "Mit X wird …
    gerechnet": a finite form of "werden" (``werden_finite_de`` of forecast_words.tsv) and a
    "mit" before ``tok`` in its clause, and no perfect auxiliary "haben" ("Niemand hat damit
    gerechnet" judges an expectation of the past)."""
    cs, _ = clause_bounds(sent, tok.i)
    before = [sent.doc[j] for j in range(cs, tok.i)]
    low = {t.lower_ for t in before}
    return bool(low & WERDEN_FINITE_DE) and ("mit" in low or "damit" in low) and not any(
        _lemma(t) == "haben" for t in before)


FREE_RELATIVE_DE = forecast_words("free_relative_de")
RESUMPTIVE_DE = forecast_words("resumptive_de")
LEADING_DE = forecast_words("leading_de")


def _free_relative_subject(sent: Span, tok: Token) -> bool:
    """The finite cue ``tok`` is the verb right after a free relative clause opened by "wer"
    at the start of the sentence ("Wer zu spät bucht, wird …", "Wer …, der wird …"): the
    clause is the generic subject of ``tok`` (German Vorfeld: one constituent before the
    finite verb, so the cue is the first word after the clause's comma, or after a resumptive
    "der"). "Wer auch immer …, die Steuern werden …" (a concessive with its own subject) and
    an interrogative "wer" inside a clause do not match."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    k = 0
    while k < len(toks) and (toks[k].is_punct or toks[k].lower_ in LEADING_DE):
        k += 1
    if k >= len(toks) or toks[k].lower_ not in FREE_RELATIVE_DE or toks[k].i >= tok.i:
        return False
    comma = next((t for t in toks[k + 1:] if t.text == "," and t.i < tok.i), None)
    if comma is None:
        return False
    nxt = [t for t in toks if t.i > comma.i]
    if nxt and nxt[0].lower_ in RESUMPTIVE_DE and len(nxt) > 1:
        nxt = nxt[1:]
    return bool(nxt) and nxt[0].i == tok.i and doc[tok.i].pos_ in ("AUX", "VERB", "")


PLAN_SOURCE_PREPS_DE = forecast_words("plan_source_preps_de")
PLAN_SOURCE_SKIP_DE = frozenset({"ART", "PPOSAT", "PDAT", "ADJA", "APPRART"})


def _plan_source(sent: Span, flex: ForecastLexicon, anchor: Optional[Token] = None) -> bool:
    """The clause of ``anchor`` (the cue; the sentence when None) gives its content
    "according to" a plan, a draft or a rule ("Nach den Plänen der Stadt …", "Laut
    Gesetzentwurf …", "Dem Koalitionsvertrag zufolge …"): a preposition of :data:`PLAN_SOURCE_PREPS_DE` whose noun (after articles and attributive
    adjectives), or the noun before "zufolge", ends in a ``plan_noun`` of the lexicon. What a
    plan or a rule lays down is decided by its author, not predicted."""
    ends = tuple(flex.words("plan_noun"))
    if not ends:
        return False
    toks = [t for t in sent if not t.is_space]
    if anchor is not None:
        # the source attributes its own clause ("Nach dem Gesetz ist X angeklagt, ihr droht
        # eine Geldbuße": the risk in the next clause is not the law's content)
        cs, ce = clause_bounds(sent, anchor.i)
        toks = [t for t in toks if cs <= t.i < ce]

    def plan_noun(t: Token) -> bool:
        return t.pos_ in ("NOUN", "PROPN", "") and t.lower_.endswith(ends) and t.lower_[:1].isalpha()

    for k, t in enumerate(toks):
        if t.lower_ == "zufolge" and k > 0 and plan_noun(toks[k - 1]):
            return True
        if t.lower_ in PLAN_SOURCE_PREPS_DE and (t.pos_ in ("ADP", "") or t.lower_ != "nach"):  # (a tagger may call "gemäß" ADJD)
            j = k + 1
            while j < len(toks) and (toks[j].tag_ in PLAN_SOURCE_SKIP_DE or toks[j].lower_ in ("dem", "den", "der", "des")):
                j += 1
            if j < len(toks) and plan_noun(toks[j]):
                return True
    return False


PLAN_FRAME_VERBS = forecast_words("plan_frame_verbs", "de")
PRESENT_ESTIMATE_ADVERBS = forecast_words("present_estimate_adverbs", "de")


def _plan_frame(sent: Span, cue: Token, flex: ForecastLexicon) -> bool:
    """The cue stands in the content clause of a verb that lays down a plan or a rule
    (``plan_frame_verbs``: "Der Entwurf sieht vor, dass …", "Die Koalition vereinbarte,
    dass …", "Das Gesetz legt fest, dass …"; particle verbs joined; the cue's clause is the
    verb's "dass" complement in the parse): what a plan, a draft or an agreement lays down
    is decided by its authors, not predicted (hard-negative kinds bill-content-not-prediction,
    plan-not-prediction). A forecast noun as the subject ("Die
    Prognose sieht vor, dass …") keeps the forecast. False without a parse."""
    if not has_parse(sent.doc):
        return False
    clause = cue.head if dep(cue).startswith("aux") or dep(cue) == "cop" else cue
    verb = clause.head
    if dep(clause) != "ccomp" or verb.i >= cue.i or verb.i < sent.start or _particle_lemma(verb) not in PLAN_FRAME_VERBS:
        return False
    if not any(c.lower_ in ("dass", "daß") and dep(c) == "mark" for c in clause.children):
        return False  # (a dass-clause: "…, die Kosten zu berücksichtigen: heuer dürften es …" is none)
    subj = next((c for c in verb.children if dep(c) in ("nsubj", "nsubj:pass")), None)
    forecast_nouns = tuple(flex.words("forecast_noun"))
    return not (subj is not None and forecast_nouns and subj.lower_.endswith(forecast_nouns))


def _imminent(sent: Span, flex: ForecastLexicon, condition: Optional[Tuple[int, int]]) -> Optional[Tuple[Token, Token]]:
    """``(token of "bevorstehen", its finite verb)`` when ``sent`` holds an outcome imminent: the particle
    "bevor" closing a clause (next token a punctuation mark or the end) after a present or
    Konjunktiv form of "stehen" in that clause ("Den Grünen steht eine Niederlage bevor"),
    or a joined verb-final form ("dass dem Land eine Rezession bevorsteht"); both
    ``imminent``/``imminent_verb`` of forecast_cues.tsv. None for the conjunction ("Bevor
    die Wahl stattfindet"), the past ("stand … bevor"), the attribute ("die bevorstehende
    Wahl"), a question, a form inside the condition clause, and a calendar event as subject
    ("Die Wahl steht bevor": a ``schedule_noun``, a schedule)."""
    forms = flex.words("imminent")
    # (Konjunktiv II "stünde … bevor": the konjunktiv2_form rows of "stehen")
    verbs = flex.words("imminent_verb") | {w for w in flex.words("konjunktiv2_form") if w.startswith("stünd")}
    if not forms or tokens.span_text(sent).rstrip().endswith("?"):
        return None
    doc = sent.doc
    schedules = tuple(flex.words("schedule_noun"))
    for t in sent:
        if t.lower_ not in forms or (condition and condition[0] <= t.idx < condition[1]):
            continue
        if t.lower_ == "bevor":
            nxt = doc[t.i + 1] if t.i + 1 < sent.end else None
            if nxt is not None and not nxt.is_punct:
                continue  # "bevor die Wahl stattfindet": the conjunction
            cs, _ = clause_bounds(sent, t.i)
            verb = next((doc[j] for j in range(t.i - 1, cs - 1, -1) if doc[j].lower_ in verbs), None)
            if verb is None:
                continue
        else:
            verb = t
        subj = next((c for c in verb.children if dep(c) in ("nsubj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN")), None)
        if subj is not None and schedules and subj.lower_.endswith(schedules):
            continue
        return t, verb
    return None


WARNING_PREPOSITION = "vor"
WARNING_SKIP_POS = ("DET", "ADJ", "ADV", "NUM", "PRON", "ADP", "CCONJ", "PART")


def _undated_subject(sent: Span, subj: Optional[Token]) -> Optional[Token]:
    """``subj`` unless the parse put the subject on the sentence's dateline ("Graz – Die …
    Kammer … warnt vor …": "Graz" the subject, the real one hung on it as an apposition;
    :func:`lagebild.language.dateline.dateline_tokens`, the spaced hyphen included): then the
    first noun or name the dateline token heads after the dash, or None (s28-whole: a warner's
    holder was the dateline's place)."""
    if subj is None or not has_parse(sent.doc):
        return subj
    from ..language.dateline import dateline_tokens

    line = dateline_tokens(sent, hyphen=True)
    if subj.i not in line:
        return subj
    return next((c for c in subj.children if c.i > max(line) and c.pos_ in ("NOUN", "PROPN")), None)


def _voiced_by_a_person(tok: Token) -> bool:
    """The fear noun ``tok`` is the object of a verb whose subject is a person or an actor ("Die
    Gewerkschaft äußerte ihre Sorge vor …"): someone voices it. Not a fear that a thing stoked
    ("Der Tausch hat Sorgen vor einem Verlust befeuert": s27-wholeb judged such a sentence no
    forecast) nor a fear that is itself the subject ("Die Sorge vor … wächst")."""
    verb = tok.head
    if verb.i == tok.i or dep(tok) in ("nsubj", "nsubj:pass"):
        return False
    subj = next((c for c in verb.children if dep(c) in ("nsubj", "nsubj:pass") and c.i != tok.i), None)
    return subj is not None and _holder_subject(subj) is not None and (
        _person_like(tok.doc, subj) or _is_actor_token(tok.doc, subj) or _person_noun(subj))


def _warning(sent: Span, flex: ForecastLexicon, condition: Optional[Tuple[int, int]]) -> Optional[Tuple[Token, Token]]:
    """``(verb, harm noun)`` of a warning of a future harm: a ``warning_verb`` of
    forecast_cues.tsv ("warnte") or a ``fear_noun`` ("Sorge", "Angst", "Furcht": the real-news
    gold reads "Sorge vor … Terrorangriffen" as a forecast of those who worry; only a fear a
    person or actor voices, or a headline's) and, in its clause, "vor" + a noun phrase whose
    head ends in a ``harm_noun`` ("vor einer humanitären Krise", "vor neuen Versorgungsengpässen").
    None for "davor, dass …" (advice against an act), "vor" + a time ("vor zwei Wochen")
    or any other noun ("warnt vor Reisen"), a verb inside the condition clause, and a
    question. Source of the reading: the real-news gold's rule (README of
    benchmarks/gold/real-de: a warning a politician names is a forecast of that
    politician)."""
    fears = flex.words("fear_noun")
    verbs = flex.words("warning_verb") | fears
    risks = flex.words("risk")
    harms = tuple(flex.words("harm_noun") | risks)  # ("warnt vor der Gefahr eines …")
    if not verbs or not harms or tokens.span_text(sent).rstrip().endswith("?"):
        return None
    doc = sent.doc
    for t in sent:
        if t.lower_ not in verbs or (condition and condition[0] <= t.idx < condition[1]):
            continue
        if t.lower_ in fears and (t.pos_ not in ("NOUN", "PROPN") or any(c.lower_ in flex.words("negation") for c in t.children)):
            continue  # ("Wir sorgen vor": the verb, not the noun of fear; "keine Angst vor …": none voiced)
        if t.lower_ in fears and has_parse(doc) and not (_voiced_by_a_person(t) or not _has_finite_verb(doc, sent.start, sent.end)):
            continue  # (only a fear someone voices, or a headline's: "Die Sorge … wächst" names no one)
        cs, ce = clause_bounds(sent, t.i)
        for j in range(cs, ce):
            if doc[j].lower_ != WARNING_PREPOSITION:
                continue
            k = j + 1
            while k < ce and doc[k].pos_ in WARNING_SKIP_POS and not doc[k].is_punct:
                k += 1
            if k < ce and doc[k].pos_ in ("NOUN", "PROPN") and any(
                w.endswith(harms) for w in (doc[k].lower_, doc[k].lower_[:-1], (doc[k].lemma_ or "").lower())
            ):  # (also the dative plural: "vor … Versorgungsengpässen")
                if doc[k].lower_ in risks and not _outcome_genitive(sent, doc[k]):
                    continue  # "vor der Gefahr des Islamismus": a present threat, no outcome named
                return t, doc[k]
    return None


FIRST_PERSON_SUBJECTS = forecast_words("first_person_subjects")
THREAT_PREPOSITIONS = forecast_words("threat_prepositions")
RISK_NOUNS = forecast_words("risk_nouns")
RISK_BLOCKERS = forecast_words("risk_blockers")  # "in Gefahr", "außer Gefahr": a state, no outcome


def _zu_infinitive_after(sent: Span, tok: Token, limit: int = 12) -> bool:
    """A zu-infinitive after ``tok`` in its clause ("droht … zu verschwinden", "abzunehmen")."""
    doc = sent.doc
    _, ce = clause_bounds(sent, tok.i)
    for j in range(tok.i + 1, min(ce, tok.i + limit)):
        t = doc[j]
        if t.tag_ == "VVIZU" or (t.lower_ == "zu" and j + 1 < ce and _verb_form_de(doc[j + 1]) == "inf"):
            return True
    return False


def _not_a_risk(tok: Token, sent: Span, flex: ForecastLexicon) -> Optional[str]:
    """Why a risk cue ("droht", "riskiert", "Gefahr") does not state a looming outcome, or
    None when it does.

    - "Gefahr"/"Risiko" need a dass-clause or a zu-infinitive after them ("die Gefahr
      nehme zu, dass …"); "in Gefahr" is a state;
    - "drohen" with "mit" in its clause, or with an actor subject and no zu-infinitive
      ("Russland droht der Ukraine"), is a threat (an event), not a risk; its past forms
      predict only under "sonst" ("weil sonst Slums drohten");
    - "riskieren" always names a risk the subject runs.
    """
    doc = sent.doc
    low = tok.lower_
    if low in RISK_NOUNS:
        if tok.i > sent.start and doc[tok.i - 1].lower_ in RISK_BLOCKERS:
            return "state"
        after = [doc[j] for j in range(tok.i + 1, min(sent.end, tok.i + 8))]
        if any(t.lower_ in ("dass", "daß") for t in after) or _zu_infinitive_after(sent, tok, 8):
            return None
        if _outcome_genitive(sent, tok) and not (
            tok.i > sent.start and any(doc[j].lower_ in flex.words("negation") for j in range(max(sent.start, tok.i - 3), tok.i))
        ):  # ("kein substanzielles Risiko schwerer Schmerzen": a denied risk, an assessment)
            # "beschwor die Gefahr höherer Reisekosten herauf", "das Risiko eines Krieges"
            head = tok.head
            if _lemma(head) in STATE_RISK_VERBS and feat(head, "Tense") == "Past" and feat(head, "Mood") != "Sub":
                return "past state"  # "Die Gefahr eines Krieges bestand schon damals"
            return None
        return "no outcome named"
    if low.startswith("riskier"):
        return None
    clause = _clause(sent, tok)
    if any(t.lower_ in THREAT_PREPOSITIONS and t.i > tok.i for t in clause):
        return "threat"
    if low.endswith(("te", "ten")) and not any(t.lower_ == "sonst" for t in clause):
        return "past"
    penalties = tuple(flex.words("penalty_noun"))
    if penalties and any(t.pos_ == "NOUN" and t.lower_.endswith(penalties) for t in clause):
        if not _singular_person_in(clause, tok):
            return "rule"  # "Ihnen drohen Bußgelder zwischen 80 und 900 Euro": the law, not a forecast
        # "drohen dem Angeklagten / Brandner bis zu drei Jahre Haft": the person's risk, also
        # when the parser makes the (now linked) name the subject of "drohen"
        return None
    if _zu_infinitive_after(sent, tok):
        return None
    if _actor_subject(sent, tok) and not _dative_subject(sent, tok):
        return "threat"
    return None


STATE_RISK_VERBS = forecast_words("state_risk_verbs")


def _outcome_genitive(sent: Span, tok: Token) -> bool:
    """A risk noun with an indefinite genitive that names the outcome ("die Gefahr eines
    Krieges", "das Risiko höherer Kosten") — not a definite or actor genitive ("die Gefahr
    des Islamismus": a present threat)."""
    doc = sent.doc
    if tok.i + 1 >= sent.end:
        return False
    nxt = doc[tok.i + 1]
    if nxt.lower_ in ("eines", "einer"):
        noun = next((t for t in doc[tok.i + 2: min(sent.end, tok.i + 6)] if t.pos_ == "NOUN"), None)
        return noun is not None and not _is_actor_token(doc, noun)
    if nxt.pos_ == "ADJ" and feat(nxt, "Case") == "Gen":
        noun = doc[tok.i + 2] if tok.i + 2 < sent.end else None
        return noun is not None and noun.pos_ == "NOUN" and feat(noun, "Case") == "Gen" and not _is_actor_token(doc, noun)
    return False


def _singular_person_in(clause: List[Token], tok: Token) -> bool:
    """A singular person in the clause who faces the risk: a name, a singular third-person
    pronoun, or a noun with "dem"/"einem" ("dem Angeklagten", "Brandner", "ihm")."""
    doc = tok.doc
    types = {a.id: a.type for a in tokens.get_list(doc, "actors")}
    if clause and any(
        types.get(m.actor_id) == "PER"
        for m in tokens.mentions_in(doc, clause[0].idx, clause[-1].idx + len(clause[-1]))
    ):
        return True
    for t in clause:
        if t.i == tok.i:
            continue
        if t.pos_ == "PROPN":
            return True
        if t.pos_ == "PRON" and "3" in t.morph.get("Person") and "Sing" in t.morph.get("Number"):
            return True  # "ihr droht eine Geldbuße": one person or body named before
        if t.pos_ == "NOUN" and any(c.lower_ in ("dem", "einem") for c in t.children if dep(c) == "det"):
            return True
        if (
            t.pos_ == "NOUN" and t.i > tok.i and not list(t.children) and "Plur" not in t.morph.get("Number")
            and t.i - 1 >= 0 and tok.doc[t.i - 1].pos_ not in ("ADP", "DET", "ADJ", "NUM")
        ):
            return True  # a bare name the tagger took for a noun ("drohen Demirtaş …")
    return False


DATIVE_DETERMINERS = forecast_words("dative_determiners")


def _dative_subject(sent: Span, tok: Token) -> bool:
    """The parser's subject of "drohen" is its dative ("drohen dem Politiker zehn Jahre
    Haft", "Der Regierung droht eine Niederlage"): the determiner or case says dative, or
    the verb has a second subject that is a thing."""
    doc = sent.doc
    s = _subject_token(sent, tok)
    if s is None:
        return False
    if "Dat" in s.morph.get("Case") or any(c.lower_ in DATIVE_DETERMINERS for c in s.children if dep(c) == "det"):
        return True
    if s.lower_ in DATIVE_DETERMINERS:
        return True
    head = tok.head if dep(tok) in ("aux", "aux:pass") else tok
    subjects = [c for c in head.children if dep(c) in ("nsubj", "nsubj:pass") and c.i != s.i]
    return any(c.pos_ == "NOUN" and not _is_actor_token(doc, c) for c in subjects)


def _is_actor_token(doc: Doc, t: Token) -> bool:
    if any(m.start <= t.idx < m.end for m in tokens.mentions_in(doc, t.idx, t.idx + len(t))):
        return True
    try:
        from ..language.reference import classify

        found = classify(doc, t.idx, t.idx + len(t))
    except ImportError:  # pragma: no cover
        return False
    return found is not None and found[1].kind in ("group", "description")


def _subject_token(sent: Span, tok: Token) -> Optional[Token]:
    """The head of the subject of ``tok`` (or of the verb it is an auxiliary of), from the
    parse; a numeral head gives its noun ("Drei der sechs Gemeinderäte")."""
    doc = sent.doc
    if not has_parse(doc):
        return None
    head = tok.head if dep(tok) in ("aux", "aux:pass", "cop") else tok
    subjects = [c for c in head.children if dep(c) in ("nsubj", "nsubj:pass")]
    subj = subjects[0] if subjects else None
    if len(subjects) > 1 and subj is not None and subj.i < tok.i and subj.pos_ in ("PRON", "NOUN") and not any(
        dep(d) == "det" and d.lower_ in MASCULINE_NOMINATIVE for d in subj.children
    ):
        # two subjects ("Das wird der Fachverband entscheiden", "Die Frist wird der Richter
        # festlegen"): a masculine nominative article after the verb marks the real one, the
        # fronted "das"/"die …" (no such article of its own: "Der Erzbischof wird der Feier
        # vorstehen" keeps its subject) is the object
        later = next((c for c in subjects[1:] if c.i > tok.i and any(
            dep(d) == "det" and d.lower_ in MASCULINE_NOMINATIVE for d in c.children)), None)
        subj = later or subj
    if subj is not None and subj.i < tok.i and head.i != tok.i and subj.pos_ in ("PRON", "NOUN") and not any(
        dep(d) == "det" and d.lower_ in MASCULINE_NOMINATIVE for d in subj.children
    ):
        # the same with the real subject parsed as an object ("Das wird der internationale
        # Ruderverband festlegen"): "der" before a masculine singular noun is nominative only
        # (a feminine "der Regierung" is a dative or genitive)
        later = next((c for c in head.children if dep(c) == "obj" and c.i > tok.i and feat(c, "Gender") == "Masc"
                      and feat(c, "Number") != "Plur" and any(dep(d) == "det" and d.lower_ == "der" for d in c.children)),
                     None)
        subj = later or subj
    if subj is None and head.i != tok.i:
        subj = next((c for c in tok.children if dep(c) in ("nsubj", "nsubj:pass")), None)
    if subj is None and head.i != tok.i:
        # no subject at all: the parser took the inverted subject for an object ("Am Dienstag
        # wird die Bezirksvorsteherin bekanntgeben") — unless its article marks a case
        obj = next((c for c in head.children if dep(c) == "obj" and tok.i < c.i < head.i), None)
        if obj is not None and not any(d.lower_ in NON_NOMINATIVE for d in obj.children if dep(d) == "det"):
            subj = obj
    if subj is not None and subj.pos_ == "NUM":
        subj = next((c for c in subj.children if c.pos_ in ("NOUN", "PROPN")), subj)
    return subj


PERSONAL_PRONOUNS = forecast_words("personal_pronouns")
MASCULINE_NOMINATIVE = forecast_words("masculine_nominative_articles", "de")
NON_NOMINATIVE = forecast_words("non_nominative")


def _event_noun_subject(sent: Span, tok: Token) -> bool:
    """The subject is an indefinite singular noun naming an event or measure, not an actor
    ("ein Ausstieg", "eine Begrenzung"): under "würde" it is an implicit condition."""
    s = _subject_token(sent, tok)
    if s is None or s.pos_ != "NOUN" or "Plur" in s.morph.get("Number"):
        return False
    return not _is_actor_token(sent.doc, s) and s.lower_ not in PERSON_PLURALS


def _headline_attribution(turns: Sequence[Any], head_end: int) -> bool:
    """The document's only turn opens it (the headline "Obama: „…“ – …") and runs past
    ``head_end``, the end of the first sentence of its body: the statement layer read the
    headline's attribution as an interview turn that holds the whole article. An interview
    has turns of two speakers (question and answer), so a lone turn at the start is none."""
    return len(turns) == 1 and turns[0].start == 0 and turns[0].body_start < head_end < turns[0].end


def _interviewer_turn(doc: Doc, turn) -> bool:  # type: ignore[no-untyped-def]
    """An interviewer's turn: a "Frage:"-type label, or a label that names a news medium
    (the publication asking: "STANDARD:", "profil:") — its assertions prompt the answer."""
    if turn is None:
        return False
    if turn.role == "question":
        return True
    if not turn.speaker_actor_id:
        return False
    for a in tokens.get_list(doc, "actors"):
        if a.id == turn.speaker_actor_id:
            code = a.code or ""
            return len(code) >= 6 and code[3:6] == "MED"
    return False


def _forecast_owner(sent: Span, flex: ForecastLexicon) -> Optional[Tuple[str, Optional[str], str]]:
    """``(actor id, actor as written, noun)`` when ``sent`` reports a forecast an actor
    publishes ("Der IWF hat seine Wachstumsprognose … gesenkt", "die Prognose des IfW"):
    a ``forecast_noun`` (compound end) owned by an actor — a possessive on the noun and an
    actor subject of its verb, or an actor in its genitive/"von" modifier. A negated noun
    ("keine klare Prognose") or a sentence without a figure or time names no forecast."""
    doc = sent.doc
    if not has_parse(doc):
        return None
    ends = tuple(flex.words("forecast_noun") | flex.words("estimate_noun"))
    if not ends:
        return None
    # (only a noun with such an end and a figure in the sentence go on: tested on the
    # cached lower-case forms first, without Token objects)
    lowers = tokens.token_lowers(doc)
    if not any(lowers[i].endswith(ends) for i in range(sent.start, sent.end)):
        return None
    has_figure = any(t.like_num or t.pos_ == "NUM" for t in sent)
    if not has_figure:
        return None
    for t in sent:
        if t.pos_ != "NOUN" or not t.lower_.endswith(ends):
            continue
        if any(c.lower_ in flex.words("negation") for c in t.children) or (
            t.i > sent.start and doc[t.i - 1].lower_ in flex.words("negation")
        ):
            continue
        if any(c.tag_ == "ADJA" and c.lower_ in flex.words("future_time") for c in t.children):
            # "Für 23. Juni ist die nächste Konjunkturprognose des Wifo geplant": a forecast
            # still to be published names no figure of it — a schedule (s25 audit)
            continue
        # the owner: a genitive or "von" modifier ("die Prognose des IfW"), not a modifier
        # with another preposition ("ihre Prognose für Österreich": what it is about)
        cands: List[Token] = [c for c in t.children if dep(c) in ("nmod", "nmod:poss") and all(
            g.lower_ in PASSIVE_AGENT_PREPOSITIONS for g in c.children if dep(g) == "case")]
        if any(dep(c) in ("det:poss",) or c.tag_ == "PPOSAT" for c in t.children):
            verb = t.head
            subj = [c for c in verb.children if dep(c) == "nsubj"]
            if not subj and dep(verb) == "conj":  # "… hat reagiert und seine Prognose gesenkt"
                subj = [c for c in verb.head.children if dep(c) == "nsubj"]
            cands += subj
        for c in cands:
            a, b = subtree_span_tokens(c)
            ms = tokens.mentions_in(doc, a, b)
            if ms:
                m = ms[0]
                return m.actor_id, doc_text(doc)[m.start:m.end], t.text
        owner = _compound_owner(doc, t)
        if owner is not None and (cands or any(c.tag_ == "PPOSAT" for c in t.children)):
            return owner[0], owner[1], t.text  # "laut der Wifo-Prognose", "seine IWF-Prognose"
        if dep(t) == "nsubj" and _lemma(t.head) in PROJECTION_VERBS and t.lower_.endswith(tuple(flex.words("forecast_noun"))):
            # "Die Wifo-Prognose sieht ein Wachstum von 1,5 Prozent", "Die Prognose sieht
            # für 2017 einen Rückgang vor": the forecast noun projects a figure
            who = owner if owner is not None else ("unknown", t.text)
            return who[0], who[1], t.text
    return None


PROJECTION_VERBS = forecast_words("projection_verbs")


def _compound_owner(doc: Doc, noun: Token) -> Optional[Tuple[str, str]]:
    """``(actor id, modifier)`` of a hyphenated forecast compound whose modifier names an
    organisation ("Wifo-Prognose", "IWF-Prognose"): an actor of the document with that
    name, else the one knowledge-base organisation of that name (case-insensitive;
    ``language.turns._kb_org_named``), which is then added to the document with a mention
    on the modifier, as the interview labels are. None when the modifier is no known name
    ("Konjunktur-Prognose")."""
    if "-" not in noun.text:
        return None
    prefix = noun.text.rsplit("-", 1)[0].strip()
    if not prefix:
        return None
    key = prefix.casefold()
    actors = tokens.get_list(doc, "actors")
    for a in actors:
        if a.name.casefold() == key:
            return a.id, prefix
    from ..schemas import Actor, Mention
    from ..language.turns import _kb_org_named

    org = _kb_org_named(prefix)
    if org is None:
        return None
    if all(a.id != org.id for a in actors):
        actors.append(Actor(id=org.id, name=org.name, type="ORG", code=org.code, country=org.country))
    mentions = tokens.get_list(doc, "mentions")
    if not any(m.start == noun.idx and m.actor_id == org.id for m in mentions):
        mentions.append(Mention(actor_id=org.id, start=noun.idx, end=noun.idx + len(prefix), text=prefix, kind="name"))
        mentions.sort(key=lambda m: (m.start, m.end))
    return org.id, prefix


def _person_role_heads(lang: str) -> Tuple[str, ...]:
    """Heads of nouns that name a person by role (``data/<lang>/person_role_heads.txt``)."""
    return tuple(_fallback_words(lang, "person_role_heads.txt"))


def _person_noun(noun: Token) -> bool:
    """``noun`` names a person by a role or a description: a person-role head ("der
    CDU-Politiker", "die Sängerin", "der Youtube-Star"), a person plural, or a word the
    reference lexicon types as persons only."""
    if noun.pos_ not in ("NOUN", "PROPN", ""):
        return False
    low = noun.lower_
    lemma = (noun.lemma_ or "").lower()
    heads = _person_role_heads(noun.doc.lang_)
    if (low in PERSON_PLURALS or low.endswith(heads) or (lemma and lemma.endswith(heads))
            or organisation_noun(noun) == "person"):
        # (the tagger may call a hyphenated role "Youtube-Star" a PROPN; the lemma gives the
        # plural "Verhandlungschefs" its head "chef")
        return True
    if "Plur" not in noun.morph.get("Number") and any(
        (m.kind == "demonym" or (m.kind == "adjective" and noun.pos_ == "NOUN")) and m.start <= noun.idx < m.end
        for m in tokens.mentions_in(noun.doc, noun.idx, noun.idx + len(noun))
    ):
        return True  # "der Venezolaner", "die Österreicherin", "der Deutsche": one person of that country
    if noun.pos_ == "PROPN":
        return False
    try:
        from ..language.reference import classify

        found = classify(noun.doc, noun.idx, noun.idx + len(noun))
    except ImportError:  # pragma: no cover
        return False
    return found is not None and found[1].kind in ("group", "description") and set(found[1].types) == {"PER"}


def _person_subject(sent: Span, tok: Token) -> bool:
    """The subject of ``tok``'s clause is a person or persons: a mention of a PER actor (on
    the head or its name apposition), a person plural, or a description/group the reference
    lexicon types as persons only ("der Erzbischof", "Gemeinderäte", "Soldaten")."""
    doc = sent.doc
    s = _subject_token(sent, tok)
    if s is None or s.pos_ not in ("NOUN", "PROPN"):
        return False
    if s.lower_ in PERSON_PLURALS:
        return True
    if s.pos_ == "NOUN" and s.lower_.endswith(_person_role_heads(doc.lang_)):
        return True  # "der Erzbischof", "die Bürgermeisterin", "der CDU-Politiker"
    types = {a.id: a.type for a in tokens.get_list(doc, "actors")}
    near = [s] + [c for c in s.children if dep(c) in ("appos", "flat", "flat:name", "compound")]
    for t in near:
        for m in tokens.mentions_in(doc, t.idx, t.idx + len(t)):
            if m.start <= t.idx < m.end:
                return types.get(m.actor_id) == "PER"
    try:
        from ..language.reference import classify

        found = classify(doc, s.idx, s.idx + len(s))
    except ImportError:  # pragma: no cover
        return False
    if found is None or found[1].kind not in ("group", "description"):
        return False
    if set(found[1].types) == {"PER"}:
        return True
    # a group noun in the plural names its members ("21 Soldaten", "Gemeinderäte"), not the
    # institution ("die Regierung")
    return "Plur" in s.morph.get("Number") or found[1].number == "pl"


def _actor_subject(sent: Span, tok: Token) -> bool:
    """The subject of ``tok``'s clause is an actor — a linked actor mention, a personal
    pronoun, a person plural or a description/group the reference lexicon knows ("die
    Regierung", "der Minister") — rather than a thing, a measure or an event."""
    doc = sent.doc
    s = _subject_token(sent, tok)
    if s is None:
        return False
    conjuncts = [c for c in s.children if dep(c) == "conj" and c.pos_ in ("NOUN", "PROPN")]
    if conjuncts and not all(_actor_subject_word(doc, c) for c in conjuncts):
        # "Spanien, Hafen-Verkauf und Prozesse könnten ein Loch reißen": a subject that lists
        # things beside an actor names causes of an outcome, not an actor's option
        return False
    return _actor_subject_word(doc, s)


def _actor_subject_word(doc: Doc, s: Token) -> bool:
    """The subject word ``s`` is an actor (see :func:`_actor_subject`)."""
    if s.lower_ in PERSONAL_PRONOUNS or s.lower_ in PERSON_PLURALS:
        return True
    if s.pos_ not in ("NOUN", "PROPN"):
        return False
    # the head or its name apposition ("Der Erzbischof Franz Lackner") is an actor mention
    near = [s] + [c for c in s.children if dep(c) in ("appos", "flat", "flat:name", "compound")]
    for t in near:
        if any(m.start <= t.idx < m.end for m in tokens.mentions_in(doc, t.idx, t.idx + len(t))):
            return True
    try:
        from ..language.reference import classify

        found = classify(doc, s.idx, s.idx + len(s))
    except ImportError:  # pragma: no cover - reference is part of the package
        return False
    return found is not None and found[1].kind in ("group", "description")


CLOCK_TIME = re.compile(
    r"\b(\d{1,2}([.:]\d{2})?|ein|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s*Uhr\b"
    r"|\b\d{1,2}:\d{2}\s*(a\.?m\.?|p\.?m\.?)",
    re.IGNORECASE,
)
STATE_LEMMAS = forecast_words("state_lemmas")
NECESSITY_ABILITY = forecast_words("necessity_ability")  # modal infinitives under "wird"


def _reported_plan(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """An unhedged future in the author's voice whose subject is an actor and whose verb is
    an act the actor decides ("Der Erzbischof wird der Feier vorstehen", "werden 21 Soldaten
    das Rote Kreuz unterstützen"), or that sits in a relative clause about an actor ("…
    Solarz, die in Karenz gehen wird"): the author reports a plan or schedule, no forecast
    (the gold's rule: a forecast predicts what the holder does not simply decide). Outcomes
    and states ("wird die Wahl verlieren", "wird Präsident bleiben") stay forecasts."""
    doc = sent.doc
    if not _decided_act(sent, tok, flex):
        return False
    if match_phrases([t.lower_ for t in sent], flex.of_kind("vague_future")):
        return False  # "Die Regierung wird bald zurücktreten": no schedule, a prediction
    if _relative_clause(sent, tok):
        cs, _ = clause_bounds(sent, tok.i)
        before = (doc[max(sent.start, cs - 7)].idx, doc[cs - 1].idx)  # "Solarz (34), die …"
        if any(m.end <= before[1] and m.end >= before[0] for m in tokens.mentions_in(doc, sent.start_char, before[1])):
            return True
        # the noun the clause is about, by the parse ("Der Youtube-Star, der … veröffentlichen
        # wird", "Der Konzern, der … bauen wird"): a person or an organisation decides its act
        verb = tok.head if dep(tok) in ("aux", "aux:pass") else tok
        noun = verb.head if dep(verb) in ("acl", "acl:relcl") and verb.head.i < cs else None
        return noun is not None and (_person_noun(noun) or organisation_noun(noun) == "org")
    subj = _subject_token(sent, tok)
    # a pronoun subject is the commentator's own object of prediction ("Er wird einen
    # letzten Versuch unternehmen"); a reported plan names its actor
    return subj is not None and subj.lower_ not in PERSONAL_PRONOUNS and (
        _person_subject(sent, tok) or _person_noun(subj) or _organisation_subject(sent, subj)
        or organisation_noun(subj) == "org"
    )


@lru_cache(maxsize=None)
def _organisation_heads(lang: str) -> Tuple[Tuple[str, str, bool], ...]:
    """``(head, kind, whole word only)`` rows of ``data/<lang>/organisation_heads.tsv``,
    longest head first (so "notenbank" (state) wins over "bank" (org))."""
    path = data_path(lang, "organisation_heads.tsv")
    if not path.is_file():
        return ()
    rows = [
        (r["head"].lower(), r["kind"], r.get("match") == "word")
        for r in iter_tsv(path, required=("head", "kind"),
                          validate=lambda r: None if r["kind"] in ("org", "state", "person")
                          else f"kind {r['kind']!r} is not org|state|person")
    ]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def organisation_noun(noun: Optional[Token]) -> Optional[str]:
    """"org" when the common noun ``noun`` names an organisation that decides its own acts
    ("die Mobilfunker", "der Konzern", "das Museum", "die Stadt"), "state" for a state, a
    national government, a central bank or an army ("die Notenbank", "die Regierung"),
    "person" for the extra person heads of the file ("Youtube-Star"), None otherwise; from
    ``data/<lang>/organisation_heads.tsv`` (heads derived by CAMEO agent type), matched on
    the end of the word (a compound's head) unless the row says ``word``."""
    if noun is None or noun.pos_ not in ("NOUN", "PROPN", ""):
        return None
    low = noun.lower_
    for head, kind, whole in _organisation_heads(noun.doc.lang_):
        if low == head or (not whole and low.endswith(head) and len(low) > len(head) + 2):
            return kind
    return None


def _organisation_subject(sent: Span, subj: Token) -> bool:
    """The subject is a named organisation — a party, a company, an IGO: an actor mention
    of type ORG on the subject ("Die KPÖ wird … nicht verzichten"); not a state or its
    government, whose conduct is predicted ("Russland wird …", "Peking wird die Lage
    ausnutzen": a CAMEO code of a bare country or with the agent GOV)."""
    doc = sent.doc
    actors = {a.id: a for a in tokens.get_list(doc, "actors")}

    def organisation(actor_id: str) -> bool:
        a = actors.get(actor_id)
        if a is None or a.type != "ORG":
            return False
        code = (a.code or "").upper()
        return not code or code.startswith("IGO") or code[3:6] not in ("", "GOV")

    return any(m.start <= subj.idx < m.end and organisation(m.actor_id)
               for m in tokens.mentions_in(doc, subj.idx, subj.idx + len(subj)))


def _main_verb(sent: Span, tok: Token) -> Optional[Token]:
    """The non-finite verb an auxiliary/modal ``tok`` governs: its parse head, else the
    last infinitive of its clause."""
    verbs = _main_verbs(sent, tok)
    return verbs[0] if verbs else None


def _main_verbs(sent: Span, tok: Token) -> List[Token]:
    """Candidates for the verb ``tok`` governs, best first: the parse head, the last
    infinitive of the clause and the last infinitive of the sentence (a parser that hangs
    "könnte" on an adjective — "an Einwohnern armen" — still finds "verlieren")."""
    doc = sent.doc
    out: List[Token] = []
    if has_parse(doc) and dep(tok) in ("aux", "aux:pass") and tok.head.i != tok.i:
        out.append(tok.head)
    for scope in (_clause(sent, tok), list(sent)):
        for t in reversed(scope):
            if t.i > tok.i and _verb_form_de(t) == "inf" and not (t.i > 0 and doc[t.i - 1].lower_ == "zu"):
                # (a zu-infinitive — "…, das Hotel zu erreichen" — is another clause's verb:
                # an auxiliary or modal never governs it)
                if all(t.i != o.i for o in out):
                    out.append(t)
                break
    return out


def _decided_act(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """The verb under ``tok`` is an act its subject decides: no candidate verb is an
    outcome or state (``outcome_verb`` in forecast_cues.tsv, copulas)."""
    lemmas = [_lemma(v) for v in _main_verbs(sent, tok)]
    # (a modal infinitive — "wird … abbauen müssen", "wird … nicht verhindern können" — is a
    # necessity or an ability that befalls the subject, not its decision)
    keep = flex.words("outcome_verb") | STATE_LEMMAS | NECESSITY_ABILITY
    return bool(lemmas) and not any(lm in keep for lm in lemmas)


SCHEDULE_TAGS = {"VVINF", "VVPP", "VVIZU", "ADJD", "VAINF", "VMINF"}


def _scheduled_act(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """The future or conditional ``tok`` governs a scheduled act (``schedule_verb`` in
    forecast_cues.tsv): a procedure, a publication, a release, a meeting — "wird …
    stattfinden", "wird … erscheinen", "wird … vorgelegt werden" (the participle of a future
    passive), "wird … erhältlich sein" (a predicative adjective of availability), or a
    multi-word row ("in Kraft treten", "auf den Markt kommen") inside the clause of ``tok``.
    Such acts are set by whoever runs them; reported unhedged with a date they are a
    schedule, not a forecast (README of the real-news gold)."""
    words = flex.words("schedule_verb")
    if any(_lemma(v) in words for v in _main_verbs(sent, tok)[:1]):
        return True
    cs, ce = clause_bounds(sent, tok.i)
    clause = [sent.doc[j] for j in range(cs, ce)]
    for t in clause:
        if t.i > tok.i and t.tag_ in SCHEDULE_TAGS and (_lemma(t) in words or t.lower_ in words):
            return True
    multi = [p for p in flex.of_kind("schedule_verb") if len(p) > 1]
    return bool(multi and match_phrases([t.lower_ for t in clause if t.i > tok.i], multi))


FIXTURE_VERBS = {tuple(p.split()) for p in forecast_words("fixture_verbs", "de")}


def _fixture(sent: Span, tok: Token) -> bool:
    """The future ``tok`` governs a pairing against a named opponent: a main verb and
    preposition of ``fixture_verbs`` ("treffen auf", "antreten gegen", "spielen gegen") before
    a name (a proper noun, a PER/ORG/LOC entity or an actor mention: "wird im Halbfinale auf
    Nadal treffen"). A pairing is set by a draw or a fixture list, not predicted
    (hard-negative kind schedule-not-prediction); a common noun ("wird auf Widerstand
    treffen") stays. False without a parse."""
    doc = sent.doc
    if not has_parse(doc):
        return False
    for verb in _main_verbs(sent, tok)[:1]:
        preps = {p for v, p in FIXTURE_VERBS if v == _lemma(verb)}
        for j in range(tok.i + 1, verb.i):
            if doc[j].lower_ not in preps:
                continue
            # (the parse may hang the opponent on another noun: "in der Champions League auf
            # Real Madrid": the word after the preposition and its articles is read)
            k = j + 1
            while k < verb.i and doc[k].pos_ == "DET":
                k += 1
            if k < verb.i and (doc[k].pos_ == "PROPN" or doc[k].ent_type_ in ("PER", "ORG", "LOC")
                               or tokens.mentions_in(doc, doc[k].idx, doc[k].idx + len(doc[k]))):
                return True
    return False


def _agenda_act(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """The future ``tok`` governs a reflexive verb of taking up a topic (``agenda_verb`` in
    forecast_cues.tsv: "sich befassen/beschäftigen/auseinandersetzen mit", "sich widmen")
    with "sich" in its clause, and no modal infinitive of necessity or ability ("wird sich
    … befassen müssen"): the subject's agenda, which it sets itself — a programme or a
    schedule, not a forecast (README of the real-news gold; s27-prec kind own-plan-reported)."""
    words = flex.words("agenda_verb")
    verbs = _main_verbs(sent, tok)
    if not words or not verbs or _lemma(verbs[0]) not in words:
        return False
    cs, ce = clause_bounds(sent, tok.i)
    clause = [sent.doc[j] for j in range(cs, ce)]
    if not any(t.lower_ == "sich" for t in clause):
        return False
    return not any(t.i > tok.i and _lemma(t) in NECESSITY_ABILITY for t in clause)


TIMETABLE_SUBJECT_HEADS = forecast_words("timetable_subject_heads", "de")
PROGRAMME_MARKERS = tuple(tuple(p.split()) for p in forecast_words("programme_markers", "de"))


def _timetable_act(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """The subject of the future ``tok`` is a scheduled service — its head is a
    ``timetable_subject_heads`` word of forecast_words.tsv ("Zug", "Fähre", "Buslinie",
    "Flug"; the whole word or the part after a hyphen: "Abzug" and "Richtlinie" are no
    services) — and the verb is an act, not an outcome (:func:`_decided_act`;
    "wird … verkehren", "wird in Linz halten", "wird um 7 Uhr abfahren"): the operator's
    timetable, no forecast (real-de README: schedules are no forecasts). Needs a parse."""
    subj = _subject_token(sent, tok)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return False
    if subj.lower_.rsplit("-", 1)[-1] not in TIMETABLE_SUBJECT_HEADS:
        return False
    return _decided_act(sent, tok, flex)


def _programme_act(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """The clause of the future ``tok`` opens with a ``programme_markers`` phrase of
    forecast_words.tsv ("Im Anschluss", "Zum Abschluss", "Zum Auftakt") and its verb is an
    act, not an outcome (:func:`_decided_act`): the next item of an event's programme
    ("Im Anschluss wird die Band spielen"), set by the organiser — no forecast
    ("Anschließend wird die Inflation steigen" is an outcome and stays)."""
    cs, _ = clause_bounds(sent, tok.i)
    opening = [sent.doc[j].lower_ for j in range(cs, tok.i)]
    if not any(tuple(opening[: len(p)]) == p for p in PROGRAMME_MARKERS):
        return False
    return _decided_act(sent, tok, flex)


def _plan_marked(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """The clause of the cue ``tok`` holds a ``plan_marker`` of forecast_cues.tsv ("wie
    geplant", "planmäßig", "as planned") that no negation word right before it turns into a
    deviation ("nicht wie geplant zu 80, sondern nur zu 60 Prozent" predicts)."""
    markers = flex.of_kind("plan_marker")
    if not markers:
        return False
    cs, ce = clause_bounds(sent, tok.i)
    words = [sent.doc[j].lower_ for j in range(cs, ce)]
    neg = flex.words("negation")
    return any(a == 0 or words[a - 1] not in neg for a, _, _ in match_phrases(words, markers))


QUESTION_BREAKS = frozenset({":", ";", "–", "—"})  # punctuation that opens a new stretch of text


def _before_question_mark(sent: Span, tok: Token) -> bool:
    """``tok`` stands in a question that the sentence goes on after ("Was macht Sie sicher,
    dass Sie gewinnen werden?, wird sie gefragt", "Wird das gelingen?, fragte die
    Zeitung"): a "?" follows it in the sentence with no colon, semicolon or dash between
    (a question after a colon — "Er wird kommen: Aber wer zahlt?" — is another stretch)."""
    for j in range(tok.i + 1, sent.end):
        t = sent.doc[j]
        if t.text in QUESTION_BREAKS:
            return False
        if t.text == "?":
            return True
    return False


def _relation_verb(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """The modal ``tok`` governs a ``relation_verb`` of forecast_cues.tsv (its lemma) and the
    clause of ``tok`` holds the words the row adds ("liegen an", "handeln um", "eignen sich"):
    a cause, a dependence or a property inferred for the present, not a predicted event."""
    rows = flex.of_kind("relation_verb")
    if not rows:
        return False
    lemmas = {_lemma(v) for v in _main_verbs(sent, tok)}
    cs, ce = clause_bounds(sent, tok.i)
    words = {sent.doc[j].lower_ for j in range(cs, ce)}
    return any(p[0] in lemmas and all(w in words for w in p[1:]) for p in rows)


def _hedged_wording(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """The modal ``tok`` governs a ``naming_verb`` (bezeichnen, nennen, sagen …) in its
    clause, with the generic "man" as subject, in the passive ("… bezeichnet werden") or with
    an "als" predicate ("könnte man als Stillstand beschreiben"): the writer hedges a wording,
    nothing is predicted. A named subject keeps the reading of a predicted act ("Der
    Präsident könnte den Vertrag einen Fehler nennen" is rare, and a forecast)."""
    words = flex.words("naming_verb")
    cs, ce = clause_bounds(sent, tok.i)
    clause = [sent.doc[j] for j in range(cs, ce)]
    verbs = [t for t in clause if t.i > tok.i and t.tag_.startswith("VV") and _lemma(t) in words]
    if not verbs:
        return False
    v = verbs[-1]
    if any(t.lower_ == "man" for t in clause):
        return True
    if v.tag_ == "VVPP" and any(t.lower_ in ("werden", "worden") and t.i > v.i for t in clause):
        return True
    return any(t.lower_ == "als" and tok.i < t.i < v.i for t in clause) and _subject_token(sent, tok) is None


GOAL_COPULAS = forecast_words("goal_copulas", "de")


HEDGED_NECESSITY = {tuple(w.split()) for w in forecast_words("hedged_necessity", "de")}


def _clause_hedge(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """A one-word epistemic hedge of the WEP table (``wep.tsv``: "wohl", "womöglich",
    "vermutlich") in the clause of ``tok``, not negated right before it and not a certainty
    word ("sicher" also means safe)."""
    cs, ce = clause_bounds(sent, tok.i)
    neg = flex.words("negation")
    for j in range(cs, ce):
        t = sent.doc[j]
        h = flex.hedges.get((t.lower_,))
        if h is not None and h.probability < 0.9 and t.i != tok.i and (j == 0 or sent.doc[j - 1].lower_ not in neg):
            return True
    return False


def _goal_frame(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """The cue ``tok`` follows a goal frame of its sentence: a ``goal_noun`` of
    forecast_cues.tsv ("Ziel", "Zweck", "Absicht") with, within the next four words, a
    copula directly followed by "es" ("Ziel sei es, …", "Das erklärte Ziel der Regierung ist
    es, …"). What comes after it states an aim (s27-prec kind goal), not a forecast."""
    nouns = flex.words("goal_noun")
    if not nouns:
        return False
    doc = sent.doc
    for t in sent:
        if t.i >= tok.i:
            return False
        if t.lower_ in nouns and t.pos_ in ("NOUN", ""):
            for j in range(t.i + 1, min(tok.i, t.i + 5)):
                if doc[j].lower_ in GOAL_COPULAS and j + 1 < tok.i and doc[j + 1].lower_ == "es":
                    return True
    return False


def _lemma(tok: Token) -> str:
    low = tok.lower_
    lemma = (tok.lemma_ or "").lower()
    return lemma if lemma and lemma.endswith(("en", "ern", "eln", "n")) else low
RELATIVE_W_WORDS = forecast_words("relative_w_words")


def _question_adverb(sent: Span, j: int, flex: ForecastLexicon) -> bool:
    """Token ``j`` is a ``question_adverb`` ("wozu", "wodurch", "woran") that opens an
    indirect question: at the start of the sentence, or after a speech verb or a
    ``question_predicate`` ("Er sagte nicht, woran die Gespräche scheitern könnten",
    "Unklar ist, wovon …"). After a comma that continues another main clause it is a
    relative adverb ("Die Gespräche scheiterten, wodurch die Krise eskalieren könnte"):
    False."""
    doc = sent.doc
    if doc[j].lower_ not in flex.words("question_adverb"):
        return False
    first = next((t.i for t in sent if not (t.is_punct or t.is_space)), sent.start)
    if j == first:
        return True
    # (the parser labels a continuing relative "…, wodurch …" as ccomp too: the governing
    # word decides — a speech verb or a question_predicate before it)
    slex = statement_lexicon(doc.lang_ or "de")
    embedding = flex.words("question_predicate")
    return any(doc[k].lower_ in embedding or slex.verbs_by_form.get(doc[k].lower_) for k in range(sent.start, j))


def _relative_w_word(doc: Doc, j: int) -> bool:
    """"die Stadt, wo …", "the city where …": a w-word right after a noun (or a comma after
    a noun) opens a relative clause, not an indirect question."""
    if doc[j].lower_ not in RELATIVE_W_WORDS or j == 0:
        return False
    k = j - 1
    if doc[k].text == "," and k > 0:
        k -= 1
    return doc[k].pos_ in ("NOUN", "PROPN")


def _first_person_subject(tok: Token, sent: Span, slex) -> bool:  # type: ignore[no-untyped-def]
    """"wir werden …", "werden wir …", "I will …": a first-person future states an
    intention (a commitment), not a forecast."""
    doc = sent.doc
    if has_parse(doc):
        head = tok.head if dep(tok) in ("aux", "aux:pass") else tok
        subjects = [c for c in head.children if dep(c) in ("nsubj", "nsubj:pass")]
        seen = 0
        while not subjects and dep(head) == "conj" and head.head.i != head.i and seen < 8:
            # a coordinated verb shares the subject of its first conjunct ("Ich arbeite
            # gründlich, bin unabhängig und werde einen Bericht vorlegen"; UD hangs the
            # subject on the first conjunct only)
            head, seen = head.head, seen + 1
            subjects = [c for c in head.children if dep(c) in ("nsubj", "nsubj:pass")]
        if subjects:
            # any subject: a fronted time noun the parser also calls nsubj ("Anfang August
            # werden wir …") does not hide the "wir"
            return any(c.lower_ in FIRST_PERSON_SUBJECTS for c in subjects)
    neighbours = []
    j = tok.i - 1
    while j >= sent.start and doc[j].is_space:
        j -= 1
    neighbours.append(j)
    j = tok.i + 1
    while j < sent.end and doc[j].is_space:
        j += 1
    neighbours.append(j)
    return any(sent.start <= j < sent.end and doc[j].lower_ in FIRST_PERSON_SUBJECTS for j in neighbours)


def _counterfactual_condition(sent: Span, cond: Optional[Tuple[int, int]], flex, slex) -> bool:  # type: ignore[no-untyped-def]
    """A condition in Konjunktiv II ("wenn wir sie hätten", "Wäre X …, dann …", "if I were")
    is counterfactual: the sentence is hypothetical, no forecast."""
    kii = set(flex.words("counterfactual"))
    # Konjunktiv II of full verbs ("wenn es ihnen um X ginge") is counterfactual too; the
    # potential forms ("würde", "könnte", "sollte" …) are not
    potential = {p[0] for k in ("conditional_aux", "predictive_modal", "deontic", "volition") for p in flex.of_kind(k)}
    kii |= {w for w in _fallback_words(sent.doc.lang_, "konjunktiv2.txt") if w not in potential and not w.startswith(("müsst", "wollt"))}
    kii |= {"were", "had"} if sent.doc.lang_ == "en" else set()
    doc = sent.doc
    first = doc[sent.start]
    if first.lower_ in kii and any(t.text == "," for t in sent):
        return True
    if cond is None:
        return False
    return any(t.lower_ in kii for t in sent if cond[0] <= t.idx < cond[1])


ELLIPTIC_ANSWER_VERBS = forecast_words("elliptic_answer_verbs", "de")
ANSWER_NEGATIONS = forecast_words("answer_negations", "de")


def _elliptic_answer(sent: Span, question: Span, flex: ForecastLexicon) -> Optional[Tuple[Token, bool]]:
    """``(verb, negated)`` when ``sent`` is an elliptic first-person answer of belief ("Ich
    glaube, nicht viel mehr als zwei Jahre", "Ich fürchte, nein", "Ich denke schon": an
    ``elliptic_answer_verbs`` verb next to "ich" and no other finite verb) right after
    ``question``, a question ("?") that asks about the future — a predictive cue word of
    forecast_cues.tsv ("wird", "werden", "könnte") or a future time word in it. ``negated``:
    the answer ends in a negation ("nein", "nicht"). None otherwise."""
    qtoks = [t for t in question if not (t.is_space or t.is_punct)]
    if not qtoks or not tokens.span_text(question).rstrip().endswith("?"):
        return None
    cue_words = {p[0] for p, c in flex.cues.items() if c.kind in PREDICTIVE and len(p) == 1}
    future = flex.words("future_time") | flex.words("vague_future")
    if not any(t.lower_ in cue_words or t.lower_ in future for t in qtoks):
        return None
    if tokens.span_text(sent).rstrip().endswith("?"):
        return None
    toks = [t for t in sent if not t.is_space]
    k = next((i for i, t in enumerate(toks) if t.text == ":"), -1)  # (after a "Name:" label)
    body = [t for t in toks[k + 1:] if not t.is_punct]
    if len(body) < 2 or len(body) > 10:
        return None
    verb = None
    if body[0].lower_ == "ich" and body[1].lower_ in ELLIPTIC_ANSWER_VERBS:
        verb = body[1]
    elif body[0].lower_ in ELLIPTIC_ANSWER_VERBS and body[1].lower_ == "ich":
        verb = body[0]
    if verb is None:
        return None
    rest = [t for t in body if t.i > verb.i and t.lower_ != "ich"]
    if any(t.pos_ in ("VERB", "AUX") and (feat(t, "VerbForm") == "Fin" or t.tag_.endswith("FIN")) for t in rest):
        return None  # a full content clause: the other paths read it
    return verb, bool(rest) and rest[-1].lower_ in ANSWER_NEGATIONS


def _to_verb_final_end(sent: Span, cond: Tuple[int, int]) -> Tuple[int, int]:
    """A German condition clause cut short inside its comma stretch (a parse that hangs the
    clause's verb elsewhere: "Falls Präsidentin Park Geun-hye nicht auf das Ultimatum
    antwortet, …" parsed up to the name) reaches to the comma when the word before that comma
    is a finite verb — the right bracket of a verb-final subordinate clause. The condition as
    found otherwise."""
    doc = sent.doc
    first = next((t for t in sent if t.idx >= cond[0]), None)
    if first is None:
        return cond
    _, ce = clause_bounds(sent, first.i)
    if ce >= sent.end or doc[ce].text != "," or ce - 1 <= first.i:
        return cond
    last = doc[ce - 1]
    end = last.idx + len(last)
    if end <= cond[1] or not (last.tag_.endswith("FIN") or feat(last, "VerbForm") == "Fin"):
        return cond
    return cond[0], end


def _conditioned_outcome(sent: Span, tok: Token, cond: Optional[Tuple[int, int]]) -> bool:
    """"wäre"/"hätte" as the main verb of a clause under a condition of the same sentence,
    whose subject is a thing or an actor other than the speaker: "Der Streit wäre sofort
    vorbei, wenn es zu einer Einigung komme", "Die Partei hätte keine Mehrheit, falls …" —
    the Konjunktiv II of a predicted outcome (the Potentialis of reported forecasts; the
    condition itself in Konjunktiv II of a full verb is ruled counterfactual before this).
    Not with an expletive or demonstrative subject ("Es wäre dumm, wenn …", "Das wäre ein
    Fehler, wenn …": an evaluation of the condition) nor a first-person one ("Ich wäre froh,
    wenn …": a wish)."""
    if cond is None or cond[0] <= tok.idx < cond[1] or not has_parse(sent.doc):
        return False
    head = tok.head if dep(tok) in ("aux", "aux:pass", "cop") else tok
    subj = next((c for c in list(head.children) + list(tok.children) if dep(c) in ("nsubj", "nsubj:pass", "expl")), None)
    doc = sent.doc
    if subj is None and tok.i + 2 < sent.end and doc[tok.i + 1].lower_ in DEFINITE_ARTICLES_DE:
        # the parse lost the subject ("Bei einem Zahlungsausfall wären die Gläubiger …" with
        # "wären" hung on the condition's noun): the definite noun right after the verb
        subj = doc[tok.i + 2]
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or cond[0] <= subj.idx < cond[1]:
        return False  # (es, das, dies, ich, wir … and no subject at all)
    attitude = KII_ATTITUDE_PREDICATES
    return not any((t.lower_ in attitude or _lemma(t) in attitude) for t in _clause(sent, tok)
                   if not cond[0] <= t.idx < cond[1])


KII_ATTITUDE_PREDICATES = forecast_words("kii_attitude_predicates", "de")


def _in_as_if(sent: Span, tok: Token, slex) -> bool:  # type: ignore[no-untyped-def]
    cs, _ = clause_bounds(sent, tok.i)
    words = [sent.doc[j].lower_ for j in range(cs, tok.i)]
    return any(
        slex.clause_words.get(tuple(words[k : k + 2])) == "as_if" or slex.clause_words.get((words[k],)) == "as_if"
        for k in range(len(words))
    )


def _has_marker(sent: Span, tok: Token, flex: ForecastLexicon, kind: str) -> bool:
    """A marker of ``kind`` in the cue's clause, or opening the sentence before the cue
    ("In principle, the EU could …")."""
    cs, ce = clause_bounds(sent, tok.i)
    words = [sent.doc[j].lower_ for j in range(cs, ce)]
    if match_phrases(words, flex.of_kind(kind)):
        return True
    lead = [sent.doc[j].lower_ for j in range(sent.start, min(tok.i, sent.start + 4))]
    return any(s == 0 for s, _, _ in match_phrases(lead, flex.of_kind(kind)))


COPULAS = {lang: forecast_words("copulas", lang) for lang in ("de", "en")}
# "dürfte … haben": a present state judged probable (no forecast without a future anchor)
STATE_VERBS = {lang: forecast_words("state_verbs", lang) for lang in ("de", "en")}
RELATIVE_PRONOUNS = {lang: forecast_words("relative_pronouns", lang) for lang in ("de", "en")}


def _vague_future_content(doc: Doc, st: Statement, flex: ForecastLexicon) -> bool:
    """The content of an assumption has a word of an unscheduled future (``vague_future`` in
    forecast_cues.tsv: "bald", "demnächst", "früher oder später", "langfristig"): "X geht
    davon aus, dass die Krise früher oder später endet" points forward as a dated content
    does (the temporal finder dates none of them). Asked for assumptions ("davon ausgehen")
    only: for beliefs ("glaubt, dass … bald …") it added a false alarm on dev-B (session 31,
    aggregate count), so beliefs keep their stricter tests."""
    span = doc.char_span(st.span[0], st.span[1], alignment_mode="expand")
    if span is None:
        return False
    low = [t.lower_ for t in span]
    vague = flex.of_kind("vague_future")
    return any((w,) in vague for w in low) or bool(match_phrases(low, [p for p in vague if len(p) > 1]))


def _past_content(doc: Doc, st: Statement) -> bool:
    """The expected content is about the past: its finite verbs are all past indicative
    ("rechnen damit, dass die Bewegung am Abbröckeln war") — an assessment, no forecast."""
    span = doc.char_span(st.span[0], st.span[1], alignment_mode="expand")
    if span is None:
        return False
    finite = [t for t in span if t.tag_ in ("VVFIN", "VAFIN", "VMFIN", "VBD", "VBZ", "VBP", "MD")]
    if doc.lang_ == "de" and any(t.lower_ in FUTURE_TIME_OVERRIDE for t in span):
        return False  # "dass … bis 2020 abgeschlossen ist": a state in the future
    # (the tagger's Tense is unreliable on "senkt": past is read from the form)
    return bool(finite) and all(
        t.lower_ in PAST_FORMS.get(doc.lang_, set()) or t.tag_ == "VBD" or _past_finite_de(t) for t in finite
    )


PAST_MODALS = forecast_words("past_modals")
PERFECT_AUXILIARIES = forecast_words("perfect_auxiliaries")
FUTURE_TIME_OVERRIDE = forecast_words("future_time_override")


def _past_finite_de(t: Token) -> bool:
    """A German finite verb that places its clause in the past: a past modal ("entstehen
    konnten"), a weak preterite the tagger marks past ("handelte", "siegten" — the ending
    "-te(n)/-test" guards against the tagger's past on "senkt"), or the auxiliary of a
    perfect ("entstanden ist", "hat … gewonnen": haben/sein with a past participle as its
    head). "sollte" is epistemic and stays out."""
    low = t.lower_
    if t.tag_ == "VMFIN":
        return low in PAST_MODALS
    if t.tag_ == "VVFIN":
        return "Past" in t.morph.get("Tense") and low.endswith(("te", "ten", "test", "tet"))
    if t.tag_ == "VAFIN" and low in PERFECT_AUXILIARIES:
        head = t.head
        return dep(t) in ("aux", "cop") and head.tag_ in ("VVPP", "VAPP", "VMPP") and head.i != t.i
    return False


PAST_FORMS = {lang: forecast_words("past_forms", lang) for lang in ("de", "en")}


MEASURE_PRONOUNS = forecast_words("measure_pronouns")
EPISTEMIC_SHOULD = frozenset((w,) for w in forecast_words("epistemic_should"))
REPORTED_SHOULD = frozenset((w,) for w in forecast_words("reported_should"))
CURRENT_PERIOD = forecast_words("current_period")  # "this year": the rest of it lies ahead
AMOUNT_VERBS = forecast_words("amount_verbs")
LIMIT_WORDS = forecast_words("limit_words")


def _thing_after_modal(sent: Span, tok: Token) -> bool:
    """The parse gives the verb under the modal ``tok`` no subject, and the first noun after
    the modal is a common noun that no actor mention covers and that names no person ("Nach
    Berechnungen des IHS soll die Inflation im Herbst sinken": the parser made "die
    Inflation" the object): the subject it missed, a thing."""
    doc = sent.doc
    if not has_parse(doc):
        return False
    head = tok.head if dep(tok) in ("aux", "aux:pass") else tok
    if any(dep(c) in ("nsubj", "nsubj:pass", "expl") for c in list(head.children) + list(tok.children)):
        return False
    nxt = next((t for t in doc[tok.i + 1:sent.end] if t.pos_ in ("NOUN", "PROPN", "PRON", "VERB")), None)
    return (
        nxt is not None and nxt.pos_ == "NOUN" and not _person_noun(nxt)
        and not tokens.mentions_in(doc, nxt.idx, nxt.idx + len(nxt))
    )


FORECASTER_HEADS = tuple(sorted(forecast_words("forecaster_heads", "de")))
SOURCE_OPENERS_DE = forecast_words("forecast_source_openers_de")


def _forecaster_source(sent: Span, tok: Token) -> bool:
    """The clause of ``tok`` names its source with "laut"/"nach"/"zufolge"
    (``forecast_source_openers_de``) and the source is a forecaster: a noun ending in a
    ``forecaster_heads`` word ("Experten", "Wirtschaftsforscher", "IHS-Prognose",
    "Berechnungen") or an actor whose CAMEO code has the research agent ``EDU`` (the KB codes
    Wifo and IHS ``AUTEDU``)."""
    doc = sent.doc
    cs, ce = clause_bounds(sent, tok.i)
    opener = next((j for j in range(cs, ce) if doc[j].lower_ in SOURCE_OPENERS_DE), None)
    if opener is None:
        return False
    if doc[opener].lower_ == "zufolge":
        a, b = max(cs, opener - 6), opener
    else:
        b = opener + 1
        while b < ce and b - opener <= 6 and not doc[b].is_punct and doc[b].pos_ not in ("VERB", "AUX"):
            b += 1
        a = opener + 1
    if a >= b:
        return False
    words = [doc[j] for j in range(a, b)]
    if any(w.pos_ in ("NOUN", "PROPN") and (w.lower_.endswith(FORECASTER_HEADS) or (w.lemma_ or "").lower().endswith(FORECASTER_HEADS))
           for w in words):
        return True
    codes = {x.id: (x.code or "") for x in tokens.get_list(doc, "actors")}
    return any("EDU" in codes.get(m.actor_id, "") for m in tokens.mentions_in(doc, doc[a].idx, doc[b - 1].idx + len(doc[b - 1])))


def _reported_amount(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """The verb under a hearsay "soll(en)" states an amount: "sein"/"betragen" with a
    number in the clause ("sollen es etwa 800 Millionen Euro sein"). An outcome verb does
    not do ("Die Wartezeiten sollen in dieser Legislaturperiode sinken" is a goal, "Die
    Entscheidung soll im kommenden Jahr fallen" a schedule)."""
    verbs = [_lemma(v) for v in _main_verbs(sent, tok)]
    cs, ce = clause_bounds(sent, tok.i)
    if any(sent.doc[j].lower_ in LIMIT_WORDS for j in range(cs, ce)):
        return False  # "heuer sollen es höchstens 12.000 sein": a cap that is set, not an estimate
    return any(v in AMOUNT_VERBS for v in verbs) and any(sent.doc[j].like_num or sent.doc[j].pos_ == "NUM" for j in range(cs, ce))
def _impersonal_change(sent: Span, tok: Token, flex: ForecastLexicon) -> bool:
    """The verb under ``tok`` (with expletive "es") is a weather verb (``weather_verb`` in
    forecast_cues.tsv: "regnen", "schneien") or the copula "werden"/"bleiben" with a
    predicative adjective ("wärmer werden", "trocken bleiben") — and no perfect infinitive
    ("soll es geregnet haben" is hearsay about the past)."""
    if _perfect_infinitive(tok, sent):
        return False
    verbs = _main_verbs(sent, tok)[:2]
    if any(_lemma(v) in flex.words("weather_verb") or v.lower_ in flex.words("weather_verb") for v in verbs):
        return True
    cs, ce = clause_bounds(sent, tok.i)
    clause = [sent.doc[j] for j in range(cs, ce)]
    return any(v.lower_ in ("werden", "bleiben") for v in verbs) and any(
        t.i > tok.i and t.pos_ in ("ADJ", "ADV") and t.tag_ == "ADJD" for t in clause
    )


SHOULD_PROB = 0.7  # "sollte" of expectation ~ "dürfte": probable (Kent 63-87, lower half)


def _outcome_on_actor(sent: Span, tok: Token, subj: Token, flex: ForecastLexicon) -> bool:
    """An indefinite subject whose outcome befalls a named actor ("weil eine Migrantenliste
    die SPÖ Stimmen kosten könnte", "Ein Brexit könnte Großbritannien Milliarden kosten"):
    a specific prediction, not a timeless statement about a generic subject ("Ein kleines
    Land könnte verlieren"). Needs an ``outcome_verb`` under the modal and an actor mention
    in the clause outside the subject's phrase."""
    if not any(_lemma(v) in flex.words("outcome_verb") for v in _main_verbs(sent, tok)):
        return False
    doc = sent.doc
    cs, ce = clause_bounds(sent, tok.i)
    noun = subj.head if subj.head.pos_ in ("NOUN", "PROPN") and dep(subj) == "det" else subj
    a, b = noun.left_edge.idx, noun.idx + len(noun)  # (not the subtree: the parser may hang the object on it)
    end = doc[ce - 1].idx + len(doc[ce - 1])
    return any(not (a <= m.start < b) for m in tokens.mentions_in(doc, doc[cs].idx, end))


def _next_word(sent: Span, tok: Token) -> str:
    """The lower-case word after ``tok`` in ``sent`` ("" at the end)."""
    return sent.doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""


def _expletive_subject(sent: Span, tok: Token) -> bool:
    """The modal's subject is expletive "es" ("mit diesem Vertrauen könnte es vorbei
    sein"): a state or event is predicted, no actor's option is listed."""
    if not has_parse(sent.doc):
        return False
    head = tok.head if dep(tok) in ("aux", "aux:pass") else tok
    subj = [c for c in list(head.children) + list(tok.children) if dep(c) in ("nsubj", "nsubj:pass", "expl")]
    return any(c.lower_ == "es" for c in subj)


def _thing_subject(sent: Span, tok: Token) -> bool:
    """The modal's subject is expletive "es"/"it" or common nouns no actor is linked to
    (things, not persons or institutions that could be obliged)."""
    doc = sent.doc
    if not has_parse(doc):
        return False
    head = tok.head if dep(tok) in ("aux", "aux:pass") else tok
    subj = [c for c in list(head.children) + list(tok.children) if dep(c) in ("nsubj", "nsubj:pass", "expl")]
    if not subj:
        return False
    s = subj[0]
    if s.lower_ in ("es", "it"):
        return True
    if s.pos_ != "NOUN":
        return False
    a, b = subtree_span_tokens(s)
    if tokens.mentions_in(doc, a, b) or s.lower_ in PERSON_PLURALS:
        return False
    try:  # a description or group the reference lexicon knows ("die Regierung") is an actor
        from ..language.reference import classify

        return classify(doc, s.idx, s.idx + len(s)) is None
    except ImportError:
        return True


PERSON_PLURALS = forecast_words("person_plurals")


def subtree_span_tokens(tok: Token) -> Tuple[int, int]:
    toks = sorted(tok.subtree, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


TEAM_HEADS = tuple(sorted(forecast_words("team_heads", "de")))


def _measure_subject(sent: Span, tok: Token, lang: str) -> bool:
    """"Das würde rasch Wirkung zeigen", "Eine Begrenzung würde … bedrohen": a bare
    "würde"/"would" whose subject is a thing or measure (a demonstrative or a singular
    common noun no actor is linked to) predicts under an implicit condition; with a personal
    subject ("sie würden kommen") it is the Konjunktiv-I substitute of reported speech, and so
    with a team or a person noun ("die Mannschaft würde gut spielen": ``team_heads``,
    :func:`_person_noun`; a state or a government may still be a hypothetical's subject:
    "das Land würde … aushandeln") and under a marker of the present or the past ("würde seit
    Monaten wachsen": ``already_de``, ``present_markers``, ``past_markers``)."""
    doc = sent.doc
    if not has_parse(doc):
        return False
    head = tok.head if dep(tok) in ("aux", "aux:pass") else tok
    subj = [c for c in head.children if dep(c) in ("nsubj", "nsubj:pass")]
    if not subj:
        # the parser missed it: a demonstrative right next to "würde" ("würde das … bringen")
        near = [doc[j] for j in (tok.i - 1, tok.i + 1) if sent.start <= j < sent.end]
        return any(t.lower_ in MEASURE_PRONOUNS and t.lower_ not in ("it", "that") for t in near)
    s = subj[0]
    if any(t.lower_ in ALREADY_DE or t.lower_ in PRESENT_MARKERS or t.lower_ in PAST_MARKERS_DE for t in _clause(sent, tok)):
        return False  # "…, die Wirtschaft würde seit Monaten wachsen": a reported present or past, no consequence
    if s.lower_ in MEASURE_PRONOUNS:
        return True
    if s.pos_ != "NOUN":
        return False
    if s.lower_.endswith(TEAM_HEADS) or _person_noun(s):
        return False  # ("…, die Mannschaft würde gut spielen": a team or a person acts; no thing)
    return not tokens.mentions_in(doc, s.idx, s.idx + len(s)) and "Plur" not in s.morph.get("Number")


def _relative_clause(sent: Span, tok: Token) -> bool:
    """The modal sits in a relative clause ("die Jobs, in die wir … könnten", "eines von
    vielen, das passen könnte"): it describes what the noun allows, it predicts nothing."""
    cs, _ = clause_bounds(sent, tok.i)
    doc = sent.doc
    if cs <= sent.start or doc[cs - 1].text != ",":
        return False
    rel = RELATIVE_PRONOUNS.get(doc.lang_, set())
    first = doc[cs]
    before = doc[cs - 2] if cs - 2 >= sent.start else None
    if before is not None and doc.lang_ == "de" and before.pos_ in ("VERB", "AUX", "") and statement_lexicon("de").verbs_by_form.get(before.lower_):
        # "warnte, die Wüste könne …": after a speech verb the comma opens its content
        # (Konjunktiv I), "die" is an article; a relative clause extraposed after a verb
        # ("…übernehmen, die in Karenz gehen wird") follows other verbs
        return False
    if first.lower_ in rel and first.tag_ == "ART" and dep(first) == "det" and first.head.i > first.i and dep(first.head) == "conj":
        return False  # "Italien, der Verkauf und die Klagen könnten …": the article of a listed noun
    if first.lower_ in rel and (first.pos_ in ("PRON", "DET", "") or first.tag_ in ("PRELS", "PRELAT", "WDT", "WP")):
        if doc.lang_ == "en" and first.lower_ == "that":
            return False  # "said that …" is a complementizer
        return True
    second = doc[cs + 1] if cs + 1 < sent.end else None
    return first.pos_ == "ADP" and second is not None and second.lower_ in rel and second.i < tok.i


def _becomes(tok: Token, sent: Span) -> bool:
    """"werde/wird … größer": werden as a copula of change with an adjective, no participle."""
    clause = _clause(sent, tok)
    if any(_verb_form_de(t) == "part" for t in clause if t.i > tok.i):
        return False
    return any(t.pos_ == "ADJ" or t.tag_ == "ADJD" for t in clause if t.i > tok.i)


def _becomes_more(tok: Token, sent: Span) -> bool:
    """"wird/werde … teurer": "werden" as the copula of a comparative adjective
    (:func:`_comparative`) in the clause of ``tok`` up to its next comma, with no participle
    or infinitive — a change of degree, an outcome nobody simply decides. ("wird teurer" is
    also a trend of the present; the caller asks for a future time as well.)"""
    clause = _clause(sent, tok)
    comma = next((t.i for t in clause if t.i > tok.i and t.text == ","), None)
    clause = [t for t in clause if comma is None or t.i < comma]  # (not the "wenn" clause after it)
    if any(t.tag_ in NONFINITE_TAGS and t.pos_ in ("VERB", "AUX") for t in clause if t.i != tok.i):
        return False  # a passive or a future with its own verb (STTS tags: "erst" is no participle)
    # (the verb-final clause puts the adjective before "wird": "…, dass der Anstieg größer wird")
    # (a tagger may call a predicative comparative after an intensifier attributive —
    # "werde es deutlich teurer," — an "ADJA" that no noun follows is predicative)
    return any(t.i != tok.i and (t.pos_ == "ADJ" or t.tag_ == "ADJD") and _comparative(t)
               and (t.tag_ != "ADJA" or _no_noun_after(t)) for t in clause)


def _no_noun_after(t: Token) -> bool:
    """No noun follows the adjective ``t``: it ends its sentence or stands before a
    punctuation mark, a conjunction or a verb (a predicative, not an attributive form)."""
    doc = t.doc
    if t.i + 1 >= len(doc):
        return True
    nxt = doc[t.i + 1]
    return nxt.is_punct or nxt.pos_ in ("CCONJ", "SCONJ", "VERB", "AUX")


NONFINITE_TAGS = frozenset({"VVPP", "VAPP", "VMPP", "VVINF", "VAINF", "VMINF", "VVIZU"})
CONSEQUENCE_MARKERS = forecast_words("consequence_markers")


def _after_consequence_marker(sent: Span, tok: Token) -> bool:
    """"Andernfalls werde die Armee in den Streit hineingezogen", "Die Firma wird sonst
    verkauft": a ``consequence_markers`` adverb (forecast_words.tsv) before the finite
    "werden" in its clause, or right after it, takes up an unfulfilled condition, so the
    "werden" + participle is the future passive of a consequence, not a present passive
    (audit kind "conditional-sonst", s24 and s25)."""
    cs, ce = clause_bounds(sent, tok.i)
    # (before the finite verb, or right after it: "Die Firma wird sonst verkauft")
    return any(sent.doc[j].lower_ in CONSEQUENCE_MARKERS for j in range(cs, min(ce, tok.i + 2)))


def _comparative(t: Token) -> bool:
    """A comparative adjective: morphology ``Degree=Cmp``, else (a model that tags "kälter"
    as positive) a form in -er longer than its lemma ("kälter" ← "kalt"; "sicher" = its
    lemma stays out)."""
    if "Cmp" in t.morph.get("Degree"):
        return True
    lemma = (t.lemma_ or "").lower()
    return t.lower_.endswith("er") and bool(lemma) and lemma != t.lower_ and len(t.lower_) > len(lemma)


EXPLETIVES = forecast_words("expletives")


def _copula_assessment(tok: Token, sent: Span, lang: str) -> bool:
    """"Das Flugzeug dürfte … wert sein", "Kredite könnten konzessionspflichtig sein": a
    modal on a copula judges a present state. Existential "there could be …" still
    predicts."""
    clause = _clause(sent, tok)
    low = {t.lower_ for t in clause}
    if lang == "de" and {"sich", "um", "handeln"} <= low:
        # "Bei dem Toten dürfte es sich um den Besitzer handeln": "es handelt sich um" is the
        # identificational construction — which thing it is, a present state
        return True
    verbs = COPULAS.get(lang, set()) | (STATE_VERBS.get(lang, set()) if tok.lower_.startswith("dürft") else set())
    cop = [t for t in clause if t.i != tok.i and t.lower_ in verbs]
    if not cop:
        return False
    if any(t.lower_ in EXPLETIVES for t in clause):
        return False
    # "… werden/become" in the clause is a change of state, i.e. a prediction
    return not any(t.lower_ in ("werden", "become", "get") for t in clause if t.i > tok.i)


PERFECT_AUX = forecast_words("perfect_aux")


def _perfect_infinitive(tok: Token, sent: Span) -> bool:
    """A participle followed by "haben"/"sein" in the modal's clause."""
    clause = _clause(sent, tok)
    for a, b in zip(clause, clause[1:]):
        if b.lower_ in PERFECT_AUX and a.i != tok.i and (
            _verb_form_de(a) == "part" or a.tag_ == "VVPP" or (b.lower_ == "haben" and _participle_shape_adj(a))
        ):
            return True
    return False


def _participle_shape_adj(tok: Token) -> bool:
    """A word the tagger calls an adjective or adverb that has the shape of a participle with an
    inseparable prefix or ge- ("entfernt", "zerstört" tagged ADJD): before "haben" it is the
    participle of a perfect infinitive ("könnten … entfernt haben"); "recht haben", "satt
    haben" have no such shape (before "sein" an adjective stays a copula: "weit entfernt sein")."""
    low = tok.lower_
    if tok.pos_ not in ("ADJ", "ADV") or not tok.is_alpha or len(low) < 6:
        return False
    insep = any(low.startswith(p) for p in _fallback_words("de", "inseparable_prefixes.txt"))
    return low.endswith("iert") or ((low.startswith("ge") or insep) and low.endswith(("t", "en")))


def _verb_first_condition(sent: Span) -> Optional[Tuple[int, int]]:
    """German verb-first conditional: "Bleibt die Hilfe aus, wird die Front nachgeben."
    Needs the tagger: the sentence opens with a finite verb and its clause ends in a comma
    that a finite verb follows."""
    doc = sent.doc
    first = doc[sent.start]
    finite = feat(first, "VerbForm") == "Fin" or first.tag_ in ("VVFIN", "VAFIN", "VMFIN")
    # a Konjunktiv form the tagger took for a noun ("Komme …, würde er …")
    subjunctive = sent.doc.lang_ == "de" and (
        first.lower_ in _subjunctive_forms()
        # "Mache man nichts, …": a pronoun subject right after the first word makes it a verb
        # — unless the first word is a conjunction ("Weil man …", "Obwohl man …", "Da man …")
        or (sent.start + 1 < sent.end and doc[sent.start + 1].lower_ in V1_PRONOUNS and first.is_alpha
            and first.pos_ not in NO_V1_POS and not first.tag_.startswith("KO"))
    )
    if not (finite and first.pos_ in ("VERB", "AUX") or subjunctive) or tokens.span_text(sent).rstrip().endswith("?"):
        return None
    _, end = clause_bounds(sent, first.i)
    if end + 1 >= sent.end or doc[end].text != ",":
        return None
    nxt = doc[end + 1]
    if nxt.pos_ in ("VERB", "AUX") or feat(nxt, "VerbForm") == "Fin" or nxt.lower_ in _subjunctive_forms() | {"dann"}:
        return char_span(doc[sent.start : end])
    return None


V1_PRONOUNS = forecast_words("v1_pronouns")
NO_V1_POS = {"SCONJ", "CCONJ", "ADP", "ADV", "DET", "PRON"}  # a first word that is no verb


def _subjunctive_forms() -> frozenset:
    return frozenset(
        w for w in _fallback_words("de", "konjunktiv1.txt") | _fallback_words("de", "konjunktiv2.txt")
        | {"würde", "würden", "werde", "werden", "wird"}
    )


def _subject_word(sent: Span, tok: Token, lang: str) -> Optional[Token]:
    """The first word of the cue's subject (parse), else of the clause."""
    doc = sent.doc
    if has_parse(doc):
        head = tok.head if dep(tok) in ("aux", "aux:pass", "cop") else tok
        for c in head.children:
            if dep(c) in ("nsubj", "nsubj:pass", "expl"):
                return doc[c.left_edge.i]
        return None
    s, _ = clause_bounds(sent, tok.i)
    return doc[s]


def _hedges(
    sent: Span, flex: ForecastLexicon, skip: Optional[Tuple[int, int]]
) -> List[Tuple[str, float, Token]]:
    toks = list(sent)
    low = [t.lower_ for t in toks]
    neg = flex.words("negation")
    out = []
    for s, e, phrase in match_phrases(low, flex.hedges):
        tok = toks[s]
        if skip and skip[0] <= tok.idx < skip[1]:
            continue
        negated = any(low[j] in neg for j in range(max(0, s - 2), s))
        value = flex.hedges[phrase].value(negated)
        label = " ".join(t.text for t in toks[max(0, s - 2) if negated else s : e])
        if negated:
            label = " ".join(t.text for t in toks[s - 1 if low[s - 1] in neg else s - 2 : e])
        out.append((label, value, tok))
    return out


def _is_negated(
    sent: Span,
    flex: ForecastLexicon,
    hedge_toks: List[Token],
    skip: Optional[Tuple[int, int]],
    cue: Optional[Token],
    after: Optional[int] = None,
) -> bool:
    """A negation in the cue's clause that does not negate a hedge ("wird nicht …");
    ``after``: only from this character on (the content of a reported statement)."""
    neg = flex.words("negation")
    hedged = {t.i for t in hedge_toks}
    scope = list(sent)
    if cue is not None:
        s, e = clause_bounds(sent, cue.i)
        scope = [sent.doc[i] for i in range(s, e)]
    if after is not None:
        scope = [t for t in scope if t.idx >= after]
    for t in scope:
        if t.lower_ in neg and not (skip and skip[0] <= t.idx < skip[1]):
            nxt = t.i + 1
            if nxt in hedged or nxt + 1 in hedged:
                continue
            if t.lower_ in ("no",) and nxt < sent.end and sent.doc[nxt].lower_ in ("doubt",):
                continue
            return True
    return False


IMPERSONAL = forecast_words("impersonal")


def _own_side_subject(doc: Doc, sent: Span, cue: Token, stmt: Statement) -> bool:
    """The subject of a reported future is the speaker, the speaker's state, or impersonal
    "man" — the statement announces the speaker's own plans."""
    if stmt.speaker != "author" and _speaker_pronoun_act(doc, sent, cue, stmt):
        return True
    if stmt.speaker != "author" and _bare_organ_speaker(stmt) and (
        _body_subject(sent, cue) or _person_subject(sent, cue)
    ) and _decided_act(sent, cue, forecast_lexicon(doc.lang_)):
        # "Die Firma wird 300 Stellen abbauen, teilte der Vorstand mit", "Der Konzern wird das
        # Werk schließen, sagte ein Sprecher", "X wird ihre Karriere beenden, teilte ihr
        # Management mit": a body's organ or a person's spokesperson or management, with no
        # body of its own named, announces the plan of the body or person the sentence is about
        return True
    if stmt.speaker != "author" and _leader_speaker(stmt) and _definite_org_subject(sent, cue) and _decided_act(
        sent, cue, forecast_lexicon(doc.lang_)
    ):
        # "Konzernchef X sagte, der Konzern werde weiter in Österreich investieren": the head
        # of a body speaks of "der Konzern"/"das Unternehmen" — the body's own plan
        return True
    if stmt.speaker in ("author", "unknown"):
        subj_word = _subject_word(sent, cue, doc.lang_)
        return subj_word is not None and subj_word.lower_ in IMPERSONAL and stmt.speaker != "author"
    subj_word = _subject_word(sent, cue, doc.lang_)
    if subj_word is None:
        return False
    if subj_word.lower_ in IMPERSONAL:
        return True
    if (stmt.speaker_text or "").strip().lower() in PERSONAL_PRONOUNS and _person_subject(sent, cue):
        # "X wird nicht mehr kandidieren, erklärte sie": the pronoun speaker is the person
        # the sentence is about — her own plan
        return True
    actors = {a.id: a for a in tokens.get_list(doc, "actors")}
    speaker = actors.get(stmt.speaker)
    flex = forecast_lexicon(doc.lang_)
    for m in tokens.mentions_in(doc, subj_word.idx, subj_word.idx + len(subj_word)):
        if m.actor_id == stmt.speaker or (speaker is not None and speaker.country and m.actor_id == speaker.country):
            # "Russland werde nicht nachgeben, sagte Putin": the speaker's own state decides; an
            # outcome that befalls it ("Russland werde die Krise überstehen") is predicted
            return _decided_act(sent, cue, flex)
    if subj_word.lower_ in SPEAKER_POSSESSIVES and _own_side_noun(_subject_token(sent, cue)) and _decided_act(sent, cue, flex):
        # "Sein Land werde eine Protestnote schicken, sagte der Außenminister", "Ihre Partei
        # werde keinen Kandidaten aufstellen, sagte sie": the speaker's own side decides the act
        # ("Unsere Freunde werden nun besser verstehen, …" is about others: a forecast)
        return True
    return _same_body_subject(doc, sent, cue, speaker, actors) and _decided_act(sent, cue, flex)


BODY_ORGAN_HEADS = forecast_words("body_organ_heads", "de")


def _bare_organ_speaker(stmt: Statement) -> bool:
    """The speaker as written is a bare organ or spokesperson of a body or person: one to
    three words, the last ending in a ``body_organ_heads`` word of forecast_words.tsv ("der
    Vorstand", "ein Sprecher", "eine Konzernsprecherin", "ihr Management"), the words before
    it lower-case (an article, a possessive, an adjective) — no name, no genitive or "von"
    owner ("ein Sprecher der Polizei" speaks for the police, not for the body the sentence
    is about)."""
    words = (stmt.speaker_text or "").split()
    if not 1 <= len(words) <= 3 or any(not w.islower() for w in words[:-1]):
        return False
    last = words[-1].lower()
    return any(last == h or (last.endswith(h) and len(last) > len(h) + 2) for h in BODY_ORGAN_HEADS)


BODY_LEADER_HEADS = forecast_words("body_leader_heads", "de")
OWNER_WORDS = forecast_words("owner_words", "de")


def _leader_speaker(stmt: Statement) -> bool:
    """A word of the speaker as written ends in a ``body_leader_heads`` word of
    forecast_words.tsv or a ``body_organ_heads`` word ("Konzernchef X", "die
    Geschäftsführerin", "Vorstandschefin Y"), and no genitive or "von" owner follows it
    ("ein Sprecher der Gewerkschaft" speaks for another body): the speaker heads or speaks
    for the body the sentence takes up."""
    heads = tuple(BODY_LEADER_HEADS | BODY_ORGAN_HEADS)
    words = (stmt.speaker_text or "").split()
    at = next((k for k, w in enumerate(words) if w.lower().rsplit("-", 1)[-1].endswith(heads)), None)
    return at is not None and not any(w.lower() in OWNER_WORDS for w in words[at + 1:])


def _definite_org_subject(sent: Span, cue: Token) -> bool:
    """The subject of ``cue``'s clause is an organisation common noun with a definite article
    ("der Konzern", "das Unternehmen", "die Firma": :func:`organisation_noun` "org"): a
    body the text named before, taken up again."""
    subj = _subject_token(sent, cue)
    if subj is None or subj.pos_ != "NOUN" or organisation_noun(subj) != "org":
        return False
    return any(dep(c) == "det" and c.lower_ in DEFINITE_ARTICLES_DE for c in subj.children)


def _body_subject(sent: Span, cue: Token) -> bool:
    """The subject of ``cue``'s clause is an organisation or a state body: a common noun
    :func:`organisation_noun` calls "org" or "state" ("die Firma", "der Konzern", "die
    Stadt"), or a mention of an ORG actor that is no bare country or government
    (:func:`_organisation_subject`: "Die Alpina AG")."""
    subj = _subject_token(sent, cue)
    if subj is None:
        return False
    return organisation_noun(subj) in ("org", "state") or _organisation_subject(sent, subj)


SPEAKER_POSSESSIVES = forecast_words("speaker_possessives")
OWN_SIDE_HEADS = forecast_words("own_side_heads")


def _own_side_noun(noun: Optional[Token]) -> bool:
    """The head noun of a subject behind a speaker's possessive names a side the speaker
    speaks for: an organisation or a state body (:func:`organisation_noun`: "Partei",
    "Regierung", "Unternehmen") or an ``own_side_heads`` word of forecast_words.tsv ("Land",
    "Mannschaft", "Truppen"); not persons related to the speaker ("Freunde", "Gegner")."""
    if noun is None:
        return False
    return organisation_noun(noun) in ("org", "state") or noun.lower_ in OWN_SIDE_HEADS or _lemma(noun) in OWN_SIDE_HEADS


def _same_body_subject(doc: Doc, sent: Span, cue: Token, speaker, actors) -> bool:  # type: ignore[no-untyped-def]
    """The subject of the reported future is an organisation or body coded as the speaker
    is, down to the CAMEO agent ("Die GPA werde auf den Käufer zugehen, sagte GPA-Chef
    Katzian": both AUTLAB; "Die Regierung werde …, sagte der Kanzler": both AUTGOV): the
    speaker speaks for the body whose act it is. A person subject, or a code without an
    agent (a bare country: "Russland werde …", handled above by the speaker's country) does
    not count; a different agent ("Die Opposition werde …, sagte der Minister") does not."""
    code = ((speaker.code if speaker is not None else None) or "").upper()
    if len(code) < 6:
        return False
    subj = _subject_token(sent, cue)
    if subj is None:
        return False
    for m in tokens.mentions_in(doc, subj.idx, subj.idx + len(subj)):
        a = actors.get(m.actor_id)
        if a is not None and a.type == "ORG" and (a.code or "").upper()[:6] == code[:6]:
            return True
    return False


SPEAKER_PRONOUNS = forecast_words("speaker_pronouns")


def _speaker_pronoun_act(doc: Doc, sent: Span, cue: Token, stmt: Statement) -> bool:
    """"Der Minister sagte, er werde im Herbst zurücktreten", "Die Partei erklärte, dass sie
    keine Wahlempfehlung abgeben werde": the subject of the reported future is a pronoun
    that takes up the speaker named before it in the same sentence (with another actor
    mention between them — "X sagte, wenn Y nicht verhandle, werde er …" — only when the
    reference layer resolves the pronoun to the speaker), and the verb is an act the subject decides (``_decided_act``: not an
    outcome — "er werde die Wahl gewinnen" stays a forecast — nor a state). The speaker
    announces an intention, no forecast (the gold's rule on plans)."""
    if not stmt.speaker_text:
        return False
    subj = _subject_word(sent, cue, doc.lang_)
    if subj is None or subj.lower_ not in SPEAKER_PRONOUNS or subj.i < sent.start:
        return False
    sp = doc.char_span(stmt.span[0], stmt.span[1], alignment_mode="expand") if stmt.span else None
    text = doc_text(doc)
    at = text.find(stmt.speaker_text, sent.start_char, subj.idx)
    if at < 0:
        return False  # the speaker is not named before the pronoun in this sentence
    if sp is None:
        return False
    between = [m for m in tokens.mentions_in(doc, at + len(stmt.speaker_text), subj.idx)]
    if between and not (has_parse(doc) and _refers_to_speaker(doc, subj, stmt)):
        # another actor stands between ("X sagte, wenn Y nicht verhandle, werde er …"): the
        # reference layer decides whom the pronoun takes up (it prefers the subject of the
        # speech clause to a mention inside the condition)
        return False
    return _decided_act(sent, cue, forecast_lexicon(doc.lang_))


def _refers_to_speaker(doc: Doc, pronoun: Token, stmt: Statement) -> bool:
    """The reference layer (:func:`lagebild.language.reference.resolve_reference`) resolves
    ``pronoun`` to the actor id of the statement's speaker."""
    from ..language.reference import resolve_reference

    return resolve_reference(doc, pronoun.idx, pronoun.idx + len(pronoun)) == stmt.speaker


def _continued_speaker_pronoun_act(doc: Doc, sent: Span, cue: Token, stmt: Statement) -> bool:
    """A statement that goes on from an earlier sentence (its speaker is not named in
    ``sent``: "Der Abgeordnete kritisierte die Reform. Komme keine Einigung zustande, würde
    er den Plan unterstützen") whose reported future has as subject a third-person pronoun
    (``speaker_pronouns``) that the reference layer resolves to the speaker, and an act the
    subject decides (:func:`_decided_act`): the speaker's own intention. False without a
    parse, for a speaker named in ``sent`` (:func:`_speaker_pronoun_act` reads that case) or
    an unlinked speaker."""
    if not has_parse(doc) or stmt.speaker in ("unknown", "author", "", None):
        return False
    if stmt.speaker_text and doc_text(doc).find(stmt.speaker_text, sent.start_char, sent.end_char) >= 0:
        return False
    subj = _subject_token(sent, cue)
    if (subj is None or subj.lower_ not in SPEAKER_PRONOUNS) and cue.i + 1 < sent.end and doc[cue.i + 1].lower_ in SPEAKER_PRONOUNS:
        subj = doc[cue.i + 1]  # ("…, würde er …": the pronoun right after the inverted verb; a misparsed condition verb may hold the subject)
    if subj is None or subj.lower_ not in SPEAKER_PRONOUNS or subj.i < sent.start:
        return False
    if not _refers_to_speaker(doc, subj, stmt):
        return False
    return _decided_act(sent, cue, forecast_lexicon(doc.lang_))


def _negated_attitude(sent: Span, stmt: Statement, flex: ForecastLexicon) -> bool:
    """A negation in the attitude clause before the content ("glaube nicht, dass …",
    "don't think that …")."""
    neg = flex.words("negation")
    return any(t.lower_ in neg for t in sent if t.idx < stmt.span[0])


def _concessive_openers(lang: str) -> set:
    return {p[:1] for p, k in statement_lexicon(lang).clause_words.items() if k == "concessive"}


def _after_concessive(sent: Span, tok: Token, lang: str) -> bool:
    """``tok`` sits in a clause opened by "auch wenn"/"even if"/"obwohl"."""
    kinds = statement_lexicon(lang).clause_words
    s, _ = clause_bounds(sent, tok.i)
    doc = sent.doc
    first = doc[s].lower_
    second = doc[s + 1].lower_ if s + 1 < sent.end else ""
    return kinds.get((first, second)) == "concessive" or kinds.get((first,)) == "concessive"


def _innermost(statements: Sequence[Statement], char: int) -> Optional[Statement]:
    best = None
    for st in statements:
        if st.span[0] <= char < st.span[1]:
            if best is None or (st.span[1] - st.span[0]) < (best.span[1] - best.span[0]):
                best = st
    return best


def _event_dict(ev: Event) -> Dict[str, Any]:
    return {"source": ev.source, "target": ev.target, "cameo": ev.cameo}


def _events_in(events: Sequence[Event], start: int, end: int) -> List[Event]:
    return [ev for ev in events if start <= ev.span[0] and ev.span[1] <= end]


def _split_events(
    doc: Doc, events: Sequence[Event], sent: Span, cond: Optional[Tuple[int, int]]
) -> Tuple[List[Event], List[Event]]:
    """Events of ``sent``: (predicted candidates, condition events). An event belongs to the
    condition when its span lies inside it, or — for events spanning the whole sentence —
    when its trigger word is in the condition clause."""
    s0, s1 = sent.start_char, sent.end_char
    here = [ev for ev in events if ev.span[0] < s1 and ev.span[1] > s0]
    main: List[Event] = []
    in_cond: List[Event] = []
    cond_text = doc_text(doc)[cond[0] : cond[1]] if cond else ""
    for ev in here:
        inside = cond is not None and cond[0] <= ev.span[0] and ev.span[1] <= cond[1]
        if not inside and cond is not None and ev.trigger and (ev.span[1] - ev.span[0]) > (cond[1] - cond[0]):
            trig = ev.trigger.split()[0] if ev.trigger.split() else ""
            main_text = doc_text(doc)[s0 : cond[0]] + " " + doc_text(doc)[cond[1] : s1]
            inside = bool(trig) and trig in cond_text.split() and trig not in main_text.split()
        (in_cond if inside else main).append(ev)
    main.sort(key=lambda ev: ev.modality not in ("predicted", "conditional", "hypothetical"))
    return main, in_cond


def forecasts_for_doc(doc: Doc, lang: Optional[str] = None) -> List[Forecast]:
    """Forecasts of ``doc``: reads doc._.statements, doc._.events, doc._.published."""
    lang = lang or doc.lang_
    flex = forecast_lexicon(lang)
    if not flex.cues:
        return []
    statements = tokens.get_list(doc, "statements")
    events = tokens.get_list(doc, "events")
    published: Optional[date] = doc._.published
    turns = get_turns(doc)
    sents = sentences(doc)
    head_end = next((st.end_char for st in sents if turns and st.end_char > turns[0].body_start), 0)
    if _headline_attribution(turns, head_end):
        # 'Obama: „Sieg für die Sicherheit“ – …' opens the article: the name attributes the
        # headline's quote; it holds no later sentence (an interview has more than one turn)
        turns = []
        statements = [st for st in statements if not (st.verb_class == "turn" and st.span[0] >= head_end)]
    first_words = {p[0] for p, c in flex.cues.items() if c.kind in PREDICTIVE} | {p[0] for p in flex.hedges}
    first_words |= {p[0] for p in EPISTEMIC_SHOULD | REPORTED_SHOULD} | flex.words("warning_verb") | flex.words("konjunktiv2_form") | flex.words("imminent")
    first_words |= flex.words("fear_noun")
    # ("zu" opens a cue only before its verb — "zu erwarten": a bare "zu" does not make the
    # sentence a candidate, which keeps the analysis off most sentences)
    zu_verbs = {p[1] for p, c in flex.cues.items() if c.kind in PREDICTIVE and p[0] == "zu" and len(p) > 1}
    first_words = first_words - {"zu"}
    # (beliefs count when their content points to the future: "glaubt, dass … im nächsten Jahr …")
    expect_starts = sorted(st.span[0] for st in statements if st.verb_class in ("expect", "doubt", "believe"))
    # expectation verbs with a noun-phrase object ("rechnet mit 8.000 Kindern"), from statements
    expected_np = list(doc.user_data.get("lagebild_expectations", []))
    expect_starts = sorted(expect_starts + [e[0] for e in expected_np])
    evidential_starts = sorted(st.span[0] for st in statements if (st.cue or "").lower() in EVIDENTIAL_CUES)
    out: List[Forecast] = []
    prev_owner: Optional[Tuple[str, Optional[str]]] = None  # owner of a published forecast in the previous sentence
    frame_words = frozenset(flex.frames)
    # the conditional forecast of the previous sentence, which a bare Konjunktiv II continues
    # ("Sollten die Briten … stimmen, müsse man mit einem Schock rechnen. Das BIP würde … sinken.")
    prev_cond: Optional[Forecast] = None
    sent_starts = [st.start_char for st in sents]
    sent_index: Dict[int, int] = {}  # start character of a forecast span -> its sentence
    lowers = tokens.token_lowers(doc)
    for si, sent in enumerate(sents):
        span = char_span(list(sent))
        if span is None:
            continue
        cond_before, prev_cond = prev_cond, None
        owner_before, prev_owner = prev_owner, None
        owner = _forecast_owner(sent, flex) if lang == "de" else None
        if owner is not None and owner[2].lower().endswith(tuple(flex.words("estimate_noun"))) and (
            _past_clause(doc, sent.start, sent.end)
            or not ((hz := find_horizon(doc, sent, lang, published, flex)) is not None and hz.get("future"))
        ):
            owner = None  # "Nach Schätzung der Statistikbehörde waren im Juli …": an estimate of the past
        if owner is not None:
            # "Der IWF hat seine Wachstumsprognose auf 1,5 Prozent gesenkt": the owner's forecast
            prev_owner = owner
            out.append(Forecast(holder=owner[0], text=doc_text(doc)[span[0]:span[1]], span=span,
                                probability=EXPECT_DEFAULT, cues=[owner[2]], holder_text=owner[1], kind="expectation"))
            sent_index[span[0]] = si
            continue
        turn = turn_at(turns, span[1] - 1)
        if turn is not None and span[0] < turn.body_start:
            span = (turn.body_start, span[1])  # not the "Jones:" label
        if lang == "de" and turn is not None and si > 0 and (answer := _elliptic_answer(sent, sents[si - 1], flex)) is not None:
            # "Zeitung: Wie lange hält die Koalition noch? – X: Ich glaube, nicht viel
            # länger als ein Jahr.", "Ich fürchte, nein": the answer to a question about
            # the future holds the question's prediction (real-de README, test extension)
            verb, negated_answer = answer
            out.append(Forecast(holder=turn.speaker_actor_id or turn.speaker_text, text=doc_text(doc)[span[0]:span[1]],
                                span=span, probability=EXPECT_DEFAULT, cues=[verb.text], holder_text=turn.speaker_text,
                                kind="expectation", negated=negated_answer))
            sent_index[span[0]] = si
            continue
        if lang == "de" and out and sent_index.get(out[-1].span[0]) == si - 1 and lowers[sent.start] in ATTRIBUTION_AFTER_ANAPHORS and (
            _attribution_after(sent, statements) is not None
        ):
            continue  # "Dies erwartet der Minister." names the source of the forecast before; no forecast of its own
        low = lowers[sent.start:sent.end]  # [t.lower_ for t in sent]
        has_cue = any(w in first_words for w in low) or any(
            w == "zu" and k + 1 < len(low) and low[k + 1] in zu_verbs for k, w in enumerate(low))
        has_frame = lang == "de" and bool(frame_words) and any(
            t.lower_ in frame_words or (t.lemma_ or "").lower() in frame_words or t.lower_ in ("schließt", "zeichnet", "schließen", "zeichnen")
            or _lemma(t) in ("schließen", "zeichnen")  # ("schloss … nicht aus", "zeichnete sich ab")
            for t in sent
        )
        k = bisect_left(expect_starts, span[0])
        expect_here = k < len(expect_starts) and expect_starts[k] < span[1]
        k = bisect_left(evidential_starts, span[0])
        evidential_here = k < len(evidential_starts) and evidential_starts[k] < span[1]
        headline = lang == "de" and low[-2:-1] != ["?"] and bool(HEADLINE_PARTICIPLES_DE.intersection(low[-2:] if len(low) > 16 else low))
        impersonal_man = lang == "de" and "man" in low and bool(IMPERSONAL_CORRELATES.intersection(low))
        conditioned = lang == "de" and bool(CONDITION_OPENERS_DE.intersection(low))
        if not has_cue and not expect_here and not has_frame and cond_before is None and not evidential_here and not headline and not impersonal_man and not conditioned:
            continue  # nothing that could predict: skip the costlier analysis
        # the horizon of what is predicted, not of the speech: "…, a US official warned on
        # Sunday" — time expressions in the reporting frame do not count
        contents = [
            st.span for st in statements
            if st.verb_class != "turn" and st.span[0] < span[1] and st.span[1] > span[0]
            and not (st.span[0] <= span[0] and span[1] <= st.span[1])
        ]
        horizon = find_horizon(doc, sent, lang, published, flex, within=contents or None)
        anchored = horizon is not None and horizon.get("future", False)
        analysis = analyse_sentence(sent, lang, flex=flex, anchored=anchored)
        cond = analysis.condition
        cues = analysis.cues
        hedges = _hedges(sent, flex, cond)
        if cues and hedges:
            # hedges count in the cue's clause; else outside concessive clauses
            cs, ce = clause_bounds(sent, cues[0].tok.i)
            own = [h for h in hedges if cs <= h[2].i < ce]
            hedges = own or [
                h for h in hedges if (_clause_opener(sent, h[2]).lower_, ) not in _concessive_openers(lang)
                and not _after_concessive(sent, h[2], lang)
            ]
        kind = None
        stmt = None
        own_cue: Optional[str] = None
        frame = estimative_frame(sent, flex, cond) if has_frame else None
        frame_holder: Optional[Tuple[str, Optional[str]]] = None
        continued: Optional[Forecast] = None
        if frame is not None and not any(r[1] in ("counterfactual", "question", "counterfactual condition") for r in analysis.rejected):
            # an estimative frame governs the sentence ("X schließt … nicht aus", "gilt als
            # sicher", "es ist unrealistisch, dass …"): its judge holds the forecast
            kind = "expectation"
            stmt = _innermost(statements, frame.tok.idx)
            if frame.holder is not None:
                frame_holder = _token_actor(doc, frame.holder)
        elif cues:
            first = cues[0]
            stmt = _innermost(statements, first.tok.idx)
            if first.kind == "risk" and first.tok.lower_ in RISK_NOUNS and has_parse(doc) and first.tok.head.i != first.tok.i:
                # "Der Premierminister beschwor die Gefahr … herauf", "X sieht die Gefahr einer
                # Rezession": who names the risk holds it
                for verb in (first.tok.head, first.tok.head.head):
                    subj = next((c for c in verb.children if dep(c) == "nsubj" and c.i != first.tok.i
                                 and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
                    if subj is not None:
                        if _holder_subject(subj) is not None and _person_like(doc, subj):
                            frame_holder = _token_actor(doc, subj)
                        break
            if first.kind == "expectation" and frame_holder is None and has_parse(doc) and (exp := _experiencer(first.tok)) is not None:
                # "Für Experten ist es unwahrscheinlich, dass …": the experiencer holds it
                frame_holder = _token_actor(doc, exp)
            if first.kind == "warning" and has_parse(doc) and first.tok.lower_ in flex.words("fear_noun"):
                # "Die Bauern äußerten ihre Sorge vor einer Dürre": who voices the fear holds it;
                # "Die Angst vor einer Pleitewelle wächst", a headline "Sorge vor …": nobody named
                verb = first.tok.head
                subj = next((c for c in verb.children if dep(c) == "nsubj" and c.i != first.tok.i
                             and c.pos_ in ("NOUN", "PROPN", "PRON")), None) if verb.i != first.tok.i else None
                if _holder_subject(subj) is not None and (_person_like(doc, subj) or _is_actor_token(doc, subj) or _person_noun(subj)):
                    frame_holder = _token_actor(doc, subj)  # (a thing that stokes the fear holds nothing)
            elif first.kind == "warning" and has_parse(doc):
                # "Das Rote Kreuz warnte vor einer humanitären Krise": the warner holds it
                subj = _undated_subject(sent, next((c for c in first.tok.children if dep(c) in ("nsubj", "nsubj:pass")
                                                    and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ")), None))  # ("Rotes Kreuz": ADJ head)
                if _holder_subject(subj) is not None:  # (only an agent warns: no person test)
                    frame_holder = _token_actor(doc, subj)
            kind = {"future_aux": "future", "predictive_modal": "modal", "conditional_aux": "conditional", "backshift_aux": "backshift", "expectation": "expectation", "risk": "modal", "warning": "expectation", "imminent": "modal"}[first.kind]  # (a warning dated in the past still predicts)
            if lang == "de" and frame_holder is None and (imp := _impersonal_expectation(sent, True)) is not None and (
                imp[1] is not None and imp[0].i < first.tok.i
            ):
                # "Im Finanzministerium rechnet man damit, dass die Kosten steigen werden": the
                # future of the content is the expectation of the body the impersonal "man" is
                # placed in (s28-whole kind impersonal-man-in-body), not the author's
                frame_holder = _token_actor(doc, imp[1])
        else:
            # content of an "expect" statement ("Wir erwarten eine Eskalation")
            expect = [
                st for st in statements
                if (
                    (st.verb_class in ("expect", "doubt") and (anchored or not _assumption(st, lang, flex) or _vague_future_content(doc, st, flex)))
                    or (st.verb_class == "believe" and (anchored or _change_content(doc, st)))
                )
                and span[0] <= st.span[0] < span[1]
                and statement_lexicon(lang).clause_kind((st.text.split() or [""])[0]) != "interrogative"
            ]
            np_here = [e for e in expected_np if e[0] < span[1] and e[1] > span[0]
                       and not _cue_in_question(sent, Statement(speaker="", kind="", text="", span=(0, 0), cue=e[4]))]
            blocked = ("counterfactual", "question", "inference about the past", "assessment of the present")
            expect = [st for st in expect if not _past_content(doc, st) and not _cue_in_question(sent, st)
                      and not _pluperfect_attitude(sent, st.cue)
                      and not (lang == "en" and not anchored and _past_passive_expectation(sent, st))]
            np_here = [e for e in np_here if not _pluperfect_attitude(sent, e[4])]
            if expect and not any(r[1] in blocked for r in analysis.rejected):
                stmt = expect[0]
                kind = "expectation"
            elif np_here and not any(r[1] in blocked for r in analysis.rejected):
                e = np_here[0]
                stmt = Statement(speaker=e[2], kind="indirect", text="", span=(e[0], e[0]), speaker_text=e[3],
                                 cue=e[4], verb_class="expect")
                kind = "expectation"
            elif lang == "de" and not any(r[1] in blocked for r in analysis.rejected) and (
                impersonal := _impersonal_expectation(sent, anchored)
            ) is not None:
                # "In Berlin rechnet man mit einer Eskalation", "Im Ministerium erwartet man,
                # dass …": an impersonal expectation; the place or body it is located in holds
                # it, else who reports it, else the author
                kind = "expectation"
                verb, where = impersonal
                own_cue = verb.text
                stmt = next((st for st in statements if _known_speaker(st) and st.span[0] < span[1] and st.span[1] > span[0]), None)
                if where is not None:
                    frame_holder = _token_actor(doc, where)
            elif lang == "de" and not analysis.rejected and (head_cue := _headline_expectation(sent)) is not None:
                # "Exportplus von 2,5 Prozent erwartet": a headline's passive expectation
                kind = "expectation"
                own_cue = head_cue.text
            elif lang == "de" and not analysis.rejected and (feared := _headline_bare_object(sent)) is not None:
                # "UN-Hochkommissar für Menschenrechte befürchtet Eskalation": a headline's
                # expectation verb before a bare noun, which the parser reads as a participle
                # before its noun; the noun before it holds it
                kind = "expectation"
                own_cue = feared[0].text
                frame_holder = _token_actor(doc, feared[1])
            if kind == "expectation" and lang == "de" and stmt is not None and _obliged_expectation(sent, stmt.cue, flex) and any(
                t.tag_ == "VMFIN" and _free_relative_subject(sent, t) for t in sent
            ):
                # "Wer die Regeln bricht, muss mit einer Strafe rechnen": a generic rule whose
                # subject is anyone who does something, no forecast (hard-negative kind
                # conditional-rule-not-prediction; as "Wer zu spät bucht, wird …")
                continue
            if kind == "expectation" and stmt is not None and _obliged_expectation(sent, stmt.cue, flex):
                own_cue = stmt.cue
                # "Die Regierung muss mit Widerstand rechnen", "müsse das Unternehmen mit
                # Streiks rechnen, sagte der Gewerkschafter": the subject faces the outcome;
                # who says so predicts it (the reporting speaker, else the author)
                stmt = next((st for st in statements if st is not stmt and _known_speaker(st)
                             and st.verb_class not in ("expect", "doubt", "believe")
                             and st.span[0] < span[1] and st.span[1] > span[0]), None)
            elif lang == "de" and anchored and not analysis.rejected and (
                evidential := _evidential_forecast(doc, sent, statements, flex)
            ) is not None:
                # "Laut Prognose des Wifo wächst die Wirtschaft im kommenden Jahr um 1,7
                # Prozent", "Dem Institut zufolge sinkt die Arbeitslosigkeit 2017": a source's
                # claim about a future period, in the present tense
                kind = "expectation"
                stmt = evidential if _source_is_actor(doc, evidential, flex) else None
                own_cue = evidential.cue
            elif hedges and not analysis.rejected and (anchored or (
                cond is not None and any(h[2].pos_ in ("ADV", "ADJ") for h in hedges) and not _past_clause(doc, sent.start, sent.end)
            )):
                # "Russland greift wahrscheinlich im Sommer an"; under a condition the hedged
                # present predicts too ("Im Fall der Fälle bleibt das Land wohl zwei Jahre Mitglied")
                kind = "hedged"
                stmt = _innermost(statements, hedges[0][2].idx)
            elif lang == "de" and anchored and not analysis.rejected and _konjunktiv_ii(sent, flex) and not _has_marker(
                sent, sent[0], flex, "wish_marker"
            ):
                # "Die Regierung käme in der Abstimmung am nächsten Dienstag auf keine Mehrheit":
                # a Konjunktiv II of a future event predicts under an implicit condition
                kind = "conditional"
                stmt = next((st for st in statements if _known_speaker(st) and st.span[0] < span[1] and st.span[1] > span[0]), None)
            elif lang == "de" and anchored and cond is not None and not analysis.rejected and (
                outcome := _conditioned_present_outcome(sent, cond, flex)
            ) is not None:
                # "Falls die Gespräche scheitern, kommt es im Mai zu einem Streik", "Wenn die
                # Briten am 23. Juni für den Austritt stimmen, passiert zunächst nichts": an
                # outcome in the present indicative under a condition, dated in the future
                kind = "conditional"
                own_cue = outcome.text
                stmt = next((st for st in statements if _known_speaker(st) and st.span[0] < span[1] and st.span[1] > span[0]), None)
            elif cond_before is not None and (
                any(r[1] == "hypothetical" for r in analysis.rejected)
                or (lang == "de" and all(r[1] == "not a future" for r in analysis.rejected) and _konjunktiv_ii(sent, flex))
            ):
                # "Dies hätte auch Auswirkungen auf …" right after a conditional forecast: the
                # Konjunktiv II continues its condition
                kind = "conditional"
                continued = cond_before
                # a speaker named in this sentence holds it ("…, sagte WTO-Chef Azevedo")
                stmt = next((st for st in statements if _known_speaker(st) and st.span[0] < span[1] and st.span[1] > span[0]), None)
        if kind is None and lang == "de" and out and sent_index.get(out[-1].span[0]) == si - 1 and (
            _soll_projection(sent, flex, cond)
        ):
            # "Das Institut erwartet ein Wachstum von 1,5 Prozent. Die Arbeitslosigkeit soll von
            # 9,1 auf 9,5 Prozent steigen.": hearsay "soll" over a change of an amount right after
            # a forecast continues its projection, and its holder (a goal — "soll bis 2030 auf
            # fünf Prozent sinken" after no forecast — stays out)
            kind = "expectation"
            continued = out[-1]
            stmt = next((st for st in statements if _known_speaker(st) and st.span[0] < span[1] and st.span[1] > span[0]), None)
        if kind is not None and cond is None and cond_before is not None and not continued and kind != "expectation":
            # "Das BIP würde … sinken", "Wir könnten … verlieren" right after a conditional
            # forecast: the same holder continues it
            continued = cond_before
        if kind is None:
            continue
        anchor = cues[0].tok if cues else (frame.tok if frame is not None else None)
        if stmt is not None and lang == "de" and anchor is not None and not _reports_cue(sent, stmt, anchor, cond):
            # "Falls X nicht antwortet, wird …" (the speech verb in the condition), "… dürfte
            # nicht wirken, laut X gibt es …" (the evidential in another clause): that
            # statement does not report the forecast; another one around the cue may
            stmt = next((st for st in statements if st is not stmt and st.span[0] <= anchor.idx < st.span[1]
                         and _reports_cue(sent, st, anchor, cond)), None)
        if lang == "de" and kind != "expectation" and _plan_source(
            sent, flex, cues[0].tok if cues else (hedges[0][2] if hedges else None)
        ):
            continue  # "Nach den Plänen der Stadt wird das Areal bebaut": a plan's content, no forecast
        if lang == "de" and kind != "expectation" and cues and _plan_frame(sent, cues[0].tok, flex):
            continue  # "Der Entwurf sieht vor, dass die Steuer sinken wird": what a plan lays down, no forecast
        if _interviewer_turn(doc, turn_at(turns, span[0])) and not _third_party_expectation(stmt, kind):
            continue  # "STANDARD: … werden es schwer haben?": the interviewer's prompt, not a prediction
        if (
            kind not in ("future", "expectation") and horizon and not horizon.get("future") and horizon.get("end")
            and published and horizon["end"] < published.isoformat() and not hedges
        ):
            continue  # "… last year": the sentence is about the past
        if stmt is not None and stmt.verb_class == "hope":
            continue  # "hofft, dass …": a wish, not a prediction
        if stmt is not None and stmt.commitment in COMMITTING and not (stmt.commitment == "conditional" and cond is not None):
            continue  # a promise, a demand: the speaker's commitment, no forecast
        if stmt is not None and cues and kind == "future" and cond is None and _own_side_subject(doc, sent, cues[0].tok, stmt):
            continue  # "Man werde … reden", "X werde …" said by X's spokesman: an intention
        if (
            stmt is not None and cues and kind in ("future", "conditional") and cond is not None and not hedges
            and (_own_side_subject(doc, sent, cues[0].tok, stmt) or _continued_speaker_pronoun_act(doc, sent, cues[0].tok, stmt))
        ):
            # "Wenn die Regierung nicht einlenkt, werden die Grünen nicht zustimmen, sagte die
            # Grünen-Chefin", "Komme keine Einigung zustande, würde er den Plan unterstützen":
            # what the speaker's own side will do under a condition is a conditional commitment
            # or threat the speaker decides, no forecast (real-de README: "a forecast predicts
            # something the holder does not simply decide"); an outcome stays
            continue
        if (
            kind == "future" and stmt is None and cond is None and not hedges and lang == "de"
            and turn_at(turns, span[0]) is None and _reported_plan(sent, cues[0].tok, flex)
        ):
            continue  # "Drei Gemeinderäte werden 2018 nicht mehr kandidieren": a plan reported as fact
        if kind == "backshift":
            # English "would": the back-shifted "will" inside reported speech
            kind = "future" if stmt is not None and stmt.speaker != "author" and cond is None else "conditional"
        own_hedges = [h for h in hedges if cues and clause_bounds(sent, cues[0].tok.i)[0] <= h[2].i < clause_bounds(sent, cues[0].tok.i)[1]]
        if stmt is not None and stmt.verb_class == "expect" and lang == "de" and _pluperfect_attitude(sent, stmt.cue):
            continue  # "Niemand hat damit gerechnet, dass … würde": a superseded or surprised expectation
        if kind == "conditional" and stmt is not None and stmt.verb_class == "expect" and cond is None:
            kind = "expectation"  # "gehen davon aus, dass … unterstützen würden": the expected outcome
        if (
            kind == "conditional" and cond is None and not own_hedges and not anchored and continued is None
            and lang == "de" and out and sent_index.get(out[-1].span[0]) == si - 1 and cues
            and any(_lemma(v) in flex.words("outcome_verb") for v in _main_verbs(sent, cues[0].tok))
        ):
            # "Die ÖVP könnte ihr Ergebnis halten. Die SPÖ würde ebenfalls stark verlieren.": a
            # Konjunktiv-II outcome right after a forecast continues its projection
            continued = out[-1]
        if (
            kind == "conditional" and cond is None and not own_hedges and not anchored and continued is None
            and lang == "de" and cues and _reported_outcome(sent, cues[0].tok, stmt, flex)
        ):
            # "Der Minister sagte, die Verhandlungen würden scheitern": in reported speech the
            # Konjunktiv-II "würde" of an outcome stands for the speaker's "wird"
            kind = "future"
        if kind == "conditional" and cond is None and not own_hedges and not anchored and continued is None and not (
            cues and (_measure_subject(sent, cues[0].tok, lang) or (lang == "de" and _hypothetical_event_subject(sent, cues[0].tok)))
        ) and not (lang == "de" and cues and _warned_content(sent, cues[0].tok, stmt, flex)):
            # a bare "würde"/"would": the Konjunktiv-I substitute of reported speech, or a
            # polite/hypothetical form — no prediction
            continue
        if kind == "future" and horizon and horizon.get("day") and not hedges and cues and (
            (stmt is None and not _becomes_more(cues[0].tok, sent) and (
                not _outcome_main_verb(sent, cues[0].tok, flex)
                or any(_lemma(v) in ARRIVAL_VERBS for v in _main_verbs(sent, cues[0].tok))
            ))
            or (stmt is not None and stmt.verb_class not in ("expect", "believe", "doubt") and cond is None
                and _decided_act(sent, cues[0].tok, flex))
        ):
            # "X wird am Mittwoch nach Wien kommen": a dated plan reported as fact; also when a
            # source announces it ("X wird das Amt am 1. März übernehmen, wie der Verlag
            # mitteilte", "X wird laut dem Manager am Dienstag das Training leiten") — an
            # outcome or a change on the day ("wird am Sonntag die Wahl verlieren, sagte der
            # Analyst", "Morgen wird es kälter", "Die Preise werden am Montag steigen") stays,
            # with a source or without
            continue
        if (
            kind in ("future", "conditional") and not hedges and cues and lang == "de"
            and _scheduled_act(sent, cues[0].tok, flex)
            and not match_phrases([t.lower_ for t in sent], flex.of_kind("vague_future"))
            and (cond is not None or horizon is not None)
        ):
            # "Die eigentliche Feier wird erst stattfinden, wenn …", "würde der Familienrat
            # zusammentreten", "wird am Montag tagen", "wird im Mai erscheinen", "wird im
            # Herbst vorgelegt werden", "wird ab März erhältlich sein": a procedure, a release
            # or a dated schedule ("Auch wenn es regnet, wird das Spiel stattfinden" and the
            # hedged "dürfte im Herbst erscheinen" stay predictions)
            continue
        if (
            kind == "future" and not hedges and cond is None and cues and lang == "de"
            and (stmt is None or stmt.verb_class not in ("expect", "believe", "doubt"))
            and _agenda_act(sent, cues[0].tok, flex)
        ):
            # "Das Museum wird sich 2017 mit der Seefahrt befassen", "Der Ausschuss wird sich
            # am Montag mit dem Fall beschäftigen": the subject's own agenda or programme, set
            # by whoever runs it ("wird sich damit befassen müssen" is a necessity and stays)
            continue
        if (
            kind == "future" and not hedges and cond is None and cues and lang == "de"
            and (stmt is None or stmt.verb_class not in ("expect", "believe", "doubt"))
            and (_timetable_act(sent, cues[0].tok, flex) or _programme_act(sent, cues[0].tok, flex))
        ):
            # "Der neue Zug wird künftig zwischen Wien und Brünn verkehren", "Im Anschluss
            # wird die Band spielen": a timetable or an event's programme, set by whoever runs
            # it ("Die Fähre wird im Sturm wohl nicht verkehren können" is hedged and stays)
            continue
        if kind == "future" and not hedges and cond is None and lang == "de" and cues and _fixture(sent, cues[0].tok):
            # "Im Halbfinale wird Thiem auf Nadal treffen", "Salzburg wird auf Real Madrid
            # treffen": a pairing the draw or the fixture list has set, no forecast
            continue
        if kind == "future" and not hedges and cond is None and CLOCK_TIME.search(tokens.span_text(sent)):
            # "Morgen um 7.30 Uhr werde die Übung beginnen": a clock time is a schedule
            continue
        if (kind in ("future", "conditional") or (kind == "modal" and cues and (cues[0].tok.lower_,) in EPISTEMIC_SHOULD)) and (
            not hedges and cues and _plan_marked(sent, cues[0].tok, flex)
        ):
            # "Das Festival werde trotz des Sturms wie geplant stattfinden": a schedule kept;
            # "Die Untersuchung sollte ursprünglich im Sommer fertig sein": a plan of the past
            continue
        if (
            kind == "expectation" and not hedges and cond is None and lang == "de"
            and (CLOCK_TIME.search(tokens.span_text(sent)) or (horizon is not None and horizon.get("day")))
            and _expected_arrival(sent, counted=not CLOCK_TIME.search(tokens.span_text(sent)))
        ):
            # "Die Gäste werden um acht Uhr erwartet", "Der Präsident wird um 14 Uhr am
            # Flughafen erwartet": a person's or a body's arrival on the schedule
            continue
        if stmt is not None and stmt.kind == "direct" and stmt.verb_class != "turn":
            # a forecast inside a quote: its text is the quoted part of the sentence
            clipped = (max(span[0], stmt.span[0]), min(span[1], stmt.span[1]))
            if clipped[1] > clipped[0]:
                span = clipped
        expect_cue = stmt.cue if kind == "expectation" and stmt is not None else None
        if (
            lang == "de" and frame_holder is None and stmt is not None and stmt.speaker in ("unknown", "", None)
            and not stmt.speaker_text and kind == "expectation" and (subj := _misread_speaker(sent, stmt)) is not None
        ):
            # "Angesichts der Vorhersagen erwartete die Hochwasserzentrale, dass …" with no
            # speaker from the statement layer: the subject of its verb
            frame_holder = _token_actor(doc, subj)
        if stmt is not None and stmt.speaker in ("unknown", "", None) and not stmt.speaker_text and kind == "expectation":
            # an expectation that names no holder ("wurden … erwartet, teilte die Polizei
            # mit"): the speaker who reports it, else the author
            outer = [
                st for st in statements
                if st is not stmt and (st.speaker not in ("unknown", "") or st.speaker_text) and st.verb_class != "turn"
                and st.span[0] < span[1] and st.span[1] > span[0]
            ]
            stmt = outer[0] if outer else None
        if frame_holder is not None:
            holder, holder_text = frame_holder
        elif continued is not None and (stmt is None or (stmt.speaker in ("unknown", "", None) and not stmt.speaker_text)):
            holder, holder_text = continued.holder, continued.holder_text
        elif (stmt is None or (stmt.speaker in ("unknown", "", None) and not stmt.speaker_text)) and (
            reported := _reported_holder(sent, cues[0].tok if cues else (frame.tok if frame else None), statements,
                                         sent_starts[max(0, si - 2)], stmt, sents[si - 1] if si > 0 else None)
        ) is not None:
            # the cue follows "sagt X:", or the sentence continues X's reported speech
            # (Konjunktiv I, "demnach") without a speech verb of its own
            holder, holder_text = reported
        elif (stmt is None or (stmt.speaker in ("unknown", "", None) and not stmt.speaker_text)) and si > 0 and (
            judge := _colon_frame_judge(sents[si - 1], flex)
        ) is not None:
            # "Die Ministerin zeigte sich zuversichtlich: | Die Verhandlungen werden gelingen."
            # (the colon ended the sentence): the judge of the frame holds the content
            holder, holder_text = _token_actor(doc, judge)
        elif stmt is not None:
            holder, holder_text = stmt.speaker, stmt.speaker_text
        else:
            turn = turn_at(turns, span[0])
            if turn is not None:
                holder, holder_text = turn.speaker_actor_id or turn.speaker_text, turn.speaker_text
            elif owner_before is not None:
                # "Die Inflation wird … höher ausfallen" right after the owner's forecast: its content
                holder, holder_text = owner_before[0], owner_before[1]
            elif si > 0 and (cont := _quote_continuation(sent, statements, sent_starts[max(0, si - 2)],
                                                         _forecast_before(out, si, sent_index))) is not None:
                # "…, sagte die Bürgermeisterin. Viele weitere Gelegenheiten werden wir nicht bekommen.": an
                # unmarked quote (the corpus drops quotation marks) goes on in the first person
                holder, holder_text = cont
            elif (projector := _projection_source(out, si, sent, sent_index)) is not None:
                # "2020 werden 13,18 Milliarden aufzuwenden sein" after "Die Kommission erwartet
                # …": a projected figure is the projection of the source just named
                holder, holder_text = projector
            elif lang == "de" and si > 0 and (intro := _colon_statement_goes_on(sent, sents[si - 1], statements)) is not None:
                # "Die Statistiker betonen, dass ihre Zahlen ungenau sein könnten: | Die
                # Stichprobe ist so klein, dass die Arbeitslosigkeit auch sinken könnte." — the
                # speaker whose words end at the colon goes on (s27-wholeb holder kind
                # colon-introduction)
                holder, holder_text = intro
            elif lang == "de" and (expecter := _expectation_goes_on(out, si, sent, sent_index)) is not None:
                # "Auch der Ökonom X erwartet ein rückläufiges Angebot. In den USA wird es mächtig
                # sinken.": the expectation just stated is spelt out
                holder, holder_text = expecter
            elif lang == "de" and si > 0 and cues and cues[0].kind in ("risk", "warning") and (
                warner := _warning_goes_on(sent, sents[si - 1], statements, _forecast_before(out, si, sent_index), flex)
            ) is not None:
                # "Er warnte davor, dass die Länder eigene Regeln beschließen. Damit droht ein
                # Flickwerk.": the harm the warner just named is spelt out
                holder, holder_text = warner
            elif lang == "de" and si > 0 and (quoted := _direct_quote_continuation(sent, sents[si - 1], statements)) is not None:
                # "Das Team hat eine starke Saison gespielt, sagt X. Sie werden auch das
                # Finale gewinnen.": the direct quote (its marks lost) goes on after its attribution
                holder, holder_text = quoted
            else:
                holder, holder_text = "author", None
        if holder == "author" and stmt is None and lang == "de" and anchor is not None and (
            judge := _attitude_after(sent, anchor, flex)
        ) is not None:
            # "Die Mannschaft wird sich steigern, ist der Trainer überzeugt": the attitude after
            # the content names its holder
            holder, holder_text = _token_actor(doc, judge)
        if holder == "author" and lang == "de" and kind == "expectation" and turn_at(turns, span[0]) is None and (
            passive_cue := _expectation_participle(sent, cues, expect_cue or own_cue)
        ) is not None:
            if (agent := _passive_expectation_agent(sent, passive_cue)) is not None:
                # "Ein Rückgang der Mieten wird von den Maklern erwartet": the agent expects it
                holder, holder_text = _token_actor(doc, agent)
            elif (passive_source := _passive_expectation_source(sent, passive_cue, out, statements)) is not None:
                # "Für 2027 wird ein Wachstum von 1,5 Prozent erwartet" after the institute's
                # forecast: an agentless passive expectation is the source's named before
                holder, holder_text = passive_source
        if holder == "author" and lang == "de" and stmt is None and si + 1 < len(sents) and turn_at(turns, span[0]) is None and (
            source := _attribution_after(sents[si + 1], statements)
        ) is not None:
            # "Die Mieten werden weiter steigen. Das zeigt eine Studie des Instituts.": the
            # next sentence names the source of this one by pointing back to it
            holder, holder_text = source
        if holder == "author" and lang == "de" and (stmt is None or stmt.speaker in ("unknown", "", None)) and (
            source := _inline_evidential_source(sent, cond)
        ) is not None:
            # "Der Streit droht nach Ansicht der Vereinten Nationen zu eskalieren", "Die
            # Preise werden laut den Forschern steigen": an evidential phrase inside the clause
            # that the statement layer did not take as a statement names the holder
            holder, holder_text = source
        if holder == "unknown" and lang == "de" and _unowned_forecast_document(holder_text, flex) and (
            source := _last_prediction_source(sent, out, statements)
        ) is not None:
            # "Das Wifo rechnet mit … Die Arbeitslosigkeit wird laut Prognose auf 7,5 Prozent
            # steigen": a forecast document with no owner is the one of the source just named
            holder, holder_text = source
        if holder == "author" and lang == "de" and stmt is None and (source := _inserted_attitude_source(sent)) is not None:
            # "Die Preise, so erwartet der Ökonom X, werden steigen": an inserted attitude
            holder, holder_text = source
        if lang == "de" and stmt is not None and (holder_text or "").strip().lower() == "es" and (
            source := _hearsay_source(sent, stmt)
        ) is not None:
            # "…, hieß es in Regierungskreisen", "heißt es in einer Studie der Nationalbank"
            holder, holder_text = _token_actor(doc, source)
        if lang == "de" and stmt is not None and holder_text and holder_text == stmt.speaker_text and (
            subj := _misread_speaker(sent, stmt)
        ) is not None:
            # "Angesichts der Vorhersagen erwartete die Hochwasserzentrale, dass …", "Heuer
            # rechnet das Wifo mit …": the statement took a fronted adverbial for its speaker;
            # the verb's subject holds it
            holder, holder_text = _token_actor(doc, subj)
        if holder_text and (holder in ("unknown", "", None) or (
            holder == "author" and holder_text.strip().lower() in FIRST_PERSON_SUBJECTS
        )):
            # a holder as written that no actor mention covers: a pronoun, a description or
            # a group ("Er rechne damit, …, sagte der Analyst", "Die Experten erwarten …")
            resolved = _resolve_holder(doc, holder_text, span, sent_starts[max(0, si - 2)], statements)
            if resolved is None and si > 0 and holder_text.strip().lower() in FIRST_PERSON_SUBJECTS and turn_at(turns, span[0]) is None:
                resolved = _quote_continuation(sent, statements, sent_starts[max(0, si - 2)],  # ("Ich rechne …" after "…, sagte X.")
                                               _forecast_before(out, si, sent_index))
            if resolved is not None:
                holder, holder_text = resolved
        if frame is not None and kind == "expectation":
            probability = frame.prob
        elif hedges:
            probability = round(sum(h[1] for h in hedges) / len(hedges), 3)
        elif cues and cues[0].prob is not None:
            probability = cues[0].prob
        else:
            probability = EXPECT_DEFAULT
        negated = _is_negated(
            sent, flex, [h[2] for h in hedges], cond, cues[0].tok if cues else None,
            after=stmt.span[0] if stmt is not None and span[0] <= stmt.span[0] < span[1] else None,
        )
        if frame is not None and kind == "expectation":
            negated = False  # the frame's probability already reads its negation ("nicht auszuschließen")
        elif stmt is not None and stmt.verb_class in ("believe", "expect") and _negated_attitude(sent, stmt, flex):
            negated = not negated  # "Ich glaube nicht, dass er kommen wird" = he will not come
        if stmt is not None and stmt.verb_class == "doubt":
            # "Beobachter bezweifeln, dass Putin verhandeln wird": the doubter holds the
            # event unlikely — Kent "probably not" (≤ 0.3); a negated doubt ("no doubt")
            # keeps the probability
            if not _negated_attitude(sent, stmt, flex):
                probability = min(DOUBT_CEILING, round(1.0 - probability, 3))
        condition = doc_text(doc)[cond[0] : cond[1]] if cond else None
        main_events, cond_events = _split_events(doc, events, sent, cond)
        cue_texts = list(dict.fromkeys(([frame.label] if frame is not None and kind == "expectation" else [])
                                       + [c.text for c in cues] + [h[0] for h in hedges]))
        if own_cue and own_cue not in cue_texts:
            cue_texts.insert(0, own_cue)  # (the cue of the sentence, not of the reporting speaker)
        elif kind == "expectation" and not cues and expect_cue:
            cue_texts.insert(0, expect_cue)
        hz = None
        if horizon is not None:
            hz = {k: horizon[k] for k in ("text", "start", "end")}
        if lang == "de" and holder_text and holder in ("unknown", "") and " " not in holder_text.strip() and (
            holder_text.lower().endswith(tuple(flex.words("forecast_noun") | flex.words("estimate_noun")))
        ):
            # "Laut Wifo-Prognose …": the source is a forecast compound; its modifier owns it
            compound = next((t for t in sent if t.text == holder_text.strip()), None)
            owner = _compound_owner(doc, compound) if compound is not None else None
            if owner is not None:
                holder, holder_text = owner
        out.append(
            Forecast(
                holder=holder,
                text=doc_text(doc)[span[0] : span[1]],
                span=span,
                condition=condition,
                horizon=hz,
                probability=probability,
                predicted=_event_dict(main_events[0]) if main_events else None,
                cues=cue_texts,
                holder_text=holder_text,
                negated=negated,
                kind=kind,
                condition_event=_event_dict(cond_events[0]) if cond_events else None,
            )
        )
        sent_index[span[0]] = si
        if condition is not None or continued is not None:
            prev_cond = out[-1]
    return out


INTERLOCUTORS = forecast_words("interlocutors")


BELIEF_CHANGE_VERBS = forecast_words("belief_change_verbs", "de")


def _change_content(doc: Doc, st: Statement) -> bool:
    """The content of a belief ``st`` ("glaubt, dass die Brücke in Gefahr gerät") has a finite
    present-tense indicative verb of a change that has not happened yet (``belief_change_verbs`` in
    forecast_words.tsv: "geraten", "scheitern", "zerbrechen", "kippen" …; lemma with its
    separated particle): German uses the present for the future, so the belief predicts it
    without a future time word (s27-wholeb and the brief's kind belief-present-outcome).
    Verbs of a trend ("steigen", "sinken") and states stay out: their present may be now.
    False without a parse or for a past or perfect content."""
    if not BELIEF_CHANGE_VERBS or not has_parse(doc):
        return False
    content = doc.char_span(st.span[0], st.span[1], alignment_mode="expand")
    if content is None:
        return False
    for t in content:
        if t.pos_ != "VERB" or feat(t, "Mood") == "Sub" or _particle_lemma(t) not in BELIEF_CHANGE_VERBS:
            continue
        if any(dep(c).startswith("aux") for c in t.children) or t.lower_.endswith(("te", "ten", "tet")):
            continue  # a perfect ("gescheitert ist") or a weak past ("kippte")
        # (the tagger's tense is unsure in the verb-final slot: "gerät" may come out a participle,
        # "eskaliert" a past; a strong past such as "geriet" keeps Tense=Past)
        if feat(t, "Tense") != "Past" or t.lower_.endswith("iert"):
            return True
    return False


def _assumption(st: Statement, lang: str, flex: ForecastLexicon) -> bool:
    """The statement's verb is an assumption (``assumption_verb`` in forecast_cues.tsv:
    "davon ausgehen, dass"), whose content may be present ("Die Polizei geht davon aus, dass
    der Täter aus dem Umfeld stammt"): like "glauben" it predicts only with a future time or
    a future cue in its content (the cue path finds "… steigen werden" on its own)."""
    words = flex.words("assumption_verb")
    first = (st.cue or "").split()
    if not words or not first:
        return False
    return any(v.lemma in words for v in statement_lexicon(lang).verbs_by_form.get(first[0].lower(), ()))


def _expected_arrival(sent: Span, counted: bool = False) -> bool:
    """A passive "erwartet" ("wird/werden … erwartet") whose subject is a person, persons or
    an organisation (a person noun, an organisation noun, an actor mention or a pronoun),
    not a thing, an amount or the weather ("Heftige Gewitter werden ab 18 Uhr erwartet").
    With ``counted`` (the sentence dates a day, no clock time) a subject with a number is an
    estimate of a crowd, not an arrival on the schedule ("Am Sonntag werden 5.000 Besucher
    erwartet" predicts; "Obama wird am Sonntag in Hanoi erwartet" is a visit's schedule). A
    number word of ``data/<lang>/people_counts.txt`` ("Zehntausende Besucher") counts as a
    number, although the actor layer makes such a crowd a group of civilians."""
    doc = sent.doc
    if not has_parse(doc):
        return False
    counts = lang_words(doc.lang_ or "de", "people_counts.txt")
    for t in sent:
        if t.lower_ != "erwartet" or not any(_lemma(c) == "werden" for c in t.children if dep(c) in ("aux", "aux:pass")):
            continue
        subj = next((c for c in t.children if dep(c) in ("nsubj", "nsubj:pass")), None)
        if subj is None:
            continue
        if counted and (subj.like_num or subj.lower_ in counts
                        or any(c.like_num or dep(c) == "nummod" or c.lower_ in counts for c in subj.subtree if c.i != subj.i)):
            continue
        if subj.lower_ in PERSONAL_PRONOUNS or _person_noun(subj) or organisation_noun(subj) == "org":
            return True
        if _is_actor_token(doc, subj):  # an actor mention, or a group/description ("die Delegation")
            return True
    return False


def _third_party_expectation(stmt: Optional[Statement], kind: Optional[str]) -> bool:
    """An interviewer's turn that reports someone else's expectation ("STANDARD: Viele
    fürchten, dass diese Maßnahmen Arbeiterkinder abschrecken."): the claim belongs to the
    group it names, not to the interviewer's prompt (the real-news gold's convention).
    The interlocutors themselves ("Sie erwarten …", "wir fürchten …") do not count."""
    if stmt is None or kind != "expectation" or stmt.verb_class not in ("expect", "doubt", "believe"):
        return False
    who = (stmt.speaker_text or "").strip().lower()
    return bool(who) and who not in INTERLOCUTORS and not who.startswith(("sie ", "ich ", "wir "))


def _framed_by_clause(sent: Span, tok: Token, condition: Optional[Tuple[int, int]]) -> bool:
    """``tok`` stands outside a conditional clause of ``sent`` (``condition``: its character
    span) or outside a concessive one ("Auch wenn wir verlieren, wird …", "Selbst wenn …";
    the ``concessive`` rows of the statement lexicon's clause words) that the sentence has."""
    if condition is not None and not condition[0] <= tok.idx < condition[1]:
        return True
    lang = sent.doc.lang_ or "de"
    if _after_concessive(sent, tok, lang):
        return False
    return any(_after_concessive(sent, t, lang) for t in sent if t.pos_ in ("VERB", "AUX") and t.i != tok.i)


def _predicting_copula(sent: Span, tok: Token, flex: ForecastLexicon, conditioned: bool = False) -> bool:
    """For "werden/würde … sein": whether the copula predicts a state. Yes with a
    predicative adjective or participle ("wird schwierig sein", "wird … bedacht sein") or a
    negated pronoun ("Das wird sie nicht sein"); no with a normative adjective ("wird
    notwendig sein": a requirement) or a noun/prepositional predicate ("wird eine Premiere
    sein", "werden im Einsatz sein": a description or schedule) — unless the copula is
    ``conditioned`` by a conditional or concessive clause ("Auch wenn wir verlieren, wird die
    Saison ein Erfolg sein": what the state will be whatever happens, a prediction; s28 kind
    copula-under-concession). Any other verb: True."""
    doc = sent.doc
    _, ce = clause_bounds(sent, tok.i)
    rest = [doc[j] for j in range(tok.i + 1, ce) if not doc[j].is_punct and not doc[j].is_space]
    inf = next((t for t in reversed(rest) if _verb_form_de(t) == "inf"), None)
    if inf is None or inf.lower_ not in SHORT_INFINITIVES_DE:
        return True
    between = [doc[j] for j in range(tok.i + 1, inf.i) if not doc[j].is_punct]
    normative = flex.words("normative_adj")
    if any(t.lower_ in normative or (t.lemma_ or "").lower() in normative for t in between):
        return False
    if match_phrases([t.lower_ for t in between], flex.hedges):
        return True  # "wird wohl keine bloße Formalität sein": a hedged noun predicate is estimated, not described
    if conditioned:
        return True  # (a noun or prepositional predicate under a condition or concession)
    if _level_predicate(between):
        return True  # "wird 2028 bei 4,5 Prozent sein", "werde wieder beim Stand von 2019 sein": a level

    if has_parse(doc) and dep(inf) == "cop" and inf.head.i != inf.i:
        pred = inf.head  # the predicate the copula hangs on
        return pred.pos_ in ("ADJ", "VERB") and dep(pred) != "amod"
    if any((t.pos_ == "ADJ" and dep(t) != "amod") or t.tag_ in ("ADJD", "VVPP") for t in between):
        return True
    return any(t.lower_ in flex.words("negation") for t in between) and any(t.pos_ == "PRON" for t in between)


LEVEL_PREPOSITIONS = forecast_words("level_prepositions", "de")
LEVEL_NOUNS = forecast_words("level_nouns", "de")


def _level_predicate(between: Sequence[Token]) -> bool:
    """A predicate of level among ``between`` (the words between "werden/würde" and its
    "sein"): a ``level_prepositions`` word of forecast_words.tsv ("bei", "beim", "auf",
    "unter", "über") followed within three words by a number or a ``level_nouns`` word
    ("Stand", "Niveau", "Prozent") — "wird 2028 bei 4,5 Prozent sein", "werde wieder beim
    Stand von 2019 sein". A measure reaching a level is an outcome nobody simply decides,
    unlike a prepositional predicate of place or duty ("werden im Einsatz sein")."""
    for n, t in enumerate(between):
        if t.lower_ in LEVEL_PREPOSITIONS and any(
            u.like_num or u.lower_ in LEVEL_NOUNS for u in between[n + 1 : n + 4]
        ):
            return True
    return False


REPORTED_ADVERBS = forecast_words("reported_adverbs")  # "Das Land wird demnach …": per the source just named


def _known_speaker(st: Statement) -> bool:
    return st.verb_class != "turn" and st.speaker != "author" and (st.speaker not in ("unknown", "", None) or bool(st.speaker_text))


ADVERB_NOT_SPEAKER = forecast_words("adverb_not_speaker")


def _misread_speaker(sent: Span, st: Statement) -> Optional[Token]:
    """The nominal subject of the statement's verb when the speaker the statement gives
    cannot be one: a prepositional phrase ("Angesichts der Vorhersagen erwartete die
    Zentrale, dass …": a fronted adverbial) or a time adverb ("Heuer rechnet das Wifo mit
    …", ``adverb_not_speaker`` in forecast_words.tsv, or a weekday or month), or none at
    all. None when the speaker is another phrase, without a parse, or when the verb (the
    statement's cue, its first word, the last such word before the content) is not finite
    (a passive "werden … erwartet") or has no noun or name subject outside the speaker's
    words."""
    doc = sent.doc
    if not has_parse(doc) or not st.cue:
        return None
    at, end = -1, -1
    if st.speaker_text:  # (a statement with no speaker at all: the verb's subject, as for a misread one)
        at = doc_text(doc).find(st.speaker_text, sent.start_char, sent.end_char)
        first = next((t for t in sent if t.idx == at), None)
        if first is None:
            return None
        one = st.speaker_text.strip()
        adverb = " " not in one and (one.lower() in ADVERB_NOT_SPEAKER or time_words(doc.lang_).is_time_word(one))
        if first.pos_ != "ADP" and not adverb:
            return None
        end = at + len(st.speaker_text)
    word = st.cue.split()[0]  # ("rechnet … damit": the finite verb)
    verbs = [t for t in sent if t.text == word and t.idx < max(st.span[0], at + 1)] or [
        t for t in sent if t.text == word]
    if not verbs:
        return None
    verb = verbs[-1]
    if not (verb.tag_.endswith("FIN") or feat(verb, "VerbForm") == "Fin") or any(
        dep(c).startswith("aux") for c in verb.children
    ):
        # a participle under an auxiliary, also one tagged finite ("Zum Gipfel werden 40
        # Staatschefs erwartet", "Ein Anstieg wird im Herbst erwartet"): a passive names no
        # judge here (the shape cannot tell: "erwartet" is also the present)
        return None
    nouns = [c for c in verb.children if c.pos_ in ("NOUN", "PROPN") and not at <= c.idx < end]
    # (the parser, misled by the fronted phrase, may hang the subject after the verb on it as
    # an object or a modifier: in verb-second order the noun phrase that starts right after
    # the finite verb, with no preposition of its own, is the subject)
    return next((c for c in nouns if dep(c) == "nsubj"), None) or next(
        (c for c in nouns if c.left_edge.i == verb.i + 1 and not any(dep(x) == "case" for x in c.children)), None)


def _quote_continuation(
    sent: Span, statements: Sequence[Statement], window_start: int, before: Optional[Forecast] = None,
) -> Optional[Tuple[str, Optional[str]]]:
    """``(speaker, as written)`` of the latest statement that ends in the two sentences before
    ``sent`` (from ``window_start`` on: a colon may end a sentence) when ``sent`` speaks in the
    first person outside any statement of its own: the quote of that speaker goes on ("Das
    Streit muss aufhören, sagte die Bürgermeisterin. Denn viele weitere Gelegenheiten werden wir
    nicht erhalten."; news text without quotation marks, as in 10kGNAD, runs quotes on this
    way). The first person is read from the morphology
    (``Person=1`` on a pronoun or possessive); None without it, when a statement of ``sent``
    covers it, or when no statement with a known speaker ends there. An author who
    writes "ich" right after quoting someone is the rare case this gets wrong.

    The sentence's own first-person attitude ("Ich glaube, dass wir …": a statement whose
    speaker is "ich"/"wir") does not hide the first person of its content (s28 holder kind
    first-person-after-paraphrase). With no statement ended there, ``before`` — the forecast
    of the sentence right before, when it has one — gives its holder when the text names
    who holds it (an actor, or words that are no pronoun): "Die Ärztin warnte vor einer
    Grippewelle. Ich gehe davon aus, dass …" (a warning is a forecast, not a statement)."""
    doc = sent.doc
    firsts = [t for t in sent if t.pos_ in ("PRON", "DET") and feat(t, "Person") == "1"]
    if not firsts:
        return None
    if any(st.span[0] <= t.idx < st.span[1] and (st.speaker_text or "").strip().lower() not in FIRST_PERSON_SUBJECTS
           for t in firsts for st in statements):
        return None
    ended = [st for st in statements if _known_speaker(st) and window_start < st.span[1] <= sent.start_char + 1
             and (st.speaker_text or "").strip().lower() not in FIRST_PERSON_SUBJECTS]
    if not has_parse(doc):
        return None
    if not ended:
        if before is not None and before.holder not in ("author", "", None) and before.holder_text and (
            before.holder_text.strip().lower() not in SELF_REFERENCE_PRONOUNS | FIRST_PERSON_SUBJECTS | {"es", "man"}
        ):
            return before.holder, before.holder_text
        return None
    st = max(ended, key=lambda x: x.span[1])
    return st.speaker, st.speaker_text


def _forecast_before(out: Sequence[Forecast], si: int, sent_index: Dict[int, int]) -> Optional[Forecast]:
    """The last forecast of ``out`` when it stands in the sentence right before sentence ``si``
    (``sent_index``: start character of a forecast span -> its sentence), else None."""
    return out[-1] if out and sent_index.get(out[-1].span[0]) == si - 1 else None


def _expectation_goes_on(
    out: Sequence[Forecast], si: int, sent: Span, sent_index: Dict[int, int],
) -> Optional[Tuple[str, Optional[str]]]:
    """The holder of the expectation in the sentence right before ``sent`` (a forecast of kind
    ``expectation`` — "erwartet", "rechnet mit", a published forecast — held by an actor, not
    the author) when that sentence ends with a colon and ``sent``, a forecast that names no
    source, is not in the past: it spells that expectation out ("Auch X rechnet mit einer
    weiteren Annäherung an die USA: | Y wird die Beziehungen vertiefen müssen, …";
    the sentence splitter ends a sentence at such a colon). Without the colon the next
    sentence may change the topic and stays the author's ("Das Wifo rechnet mit einem
    Wachstum. Der Winter wird hart sein."). None otherwise."""
    if not out or sent_index.get(out[-1].span[0]) != si - 1:
        return None
    doc = sent.doc
    before = next((t for t in reversed(doc[:sent.start]) if not t.is_space), None)
    opener = next((t for t in sent if not t.is_space), None)
    if not ((before is not None and before.text == ":") or (opener is not None and opener.text == ":")):
        return None  # (without the colon a new sentence may change the topic: the author's)
    last = out[-1]
    if last.kind != "expectation" or last.holder in ("author", "", None) or (last.holder == "unknown" and (
        not last.holder_text or last.holder_text.strip().lower() in FRAME_PRONOUN_SUBJECTS | {"es", "man"}
    )):
        return None  # (a holder that is only "es" or "man" names nobody to carry on)
    if _past_clause(sent.doc, sent.start, sent.end):
        return None
    return last.holder, last.holder_text


def _warning_goes_on(
    sent: Span, prev: Span, statements: Sequence[Statement], before: Optional[Forecast], flex: ForecastLexicon,
) -> Optional[Tuple[str, Optional[str]]]:
    """``(speaker, as written)`` of a warning in the sentence ``prev`` right before ``sent``,
    when ``sent`` — a risk or harm ("droht", "Gefahr") that names no source of its own —
    spells it out: a statement of ``prev`` whose cue is a ``warning_verb`` ("Er warnte davor,
    dass …") with a known speaker, else the forecast ``before`` of ``prev`` when a warning
    verb is among its cues and an actor or a named holder holds it ("Die Kammer warnte vor
    Engpässen."). A warning points to a harm to come (Duden, "warnen"), so the harm of the
    next sentence is the warner's; other statements ("glaubt", "forderte") are followed by
    the author's own sentences as often as by their speaker's (dev-A), and stay the author's.
    Not in the past. None otherwise."""
    if _past_clause(sent.doc, sent.start, sent.end):
        return None
    verbs = flex.words("warning_verb")
    warned = [
        st for st in statements
        if prev.start_char <= st.span[1] <= prev.end_char + 1 and _known_speaker(st)
        and ((st.cue or "").split() or [""])[0].lower() in verbs
        and (st.speaker_text or "").strip().lower() not in FIRST_PERSON_SUBJECTS | {"es", "man"}
    ]
    if warned:
        st = warned[-1]
        return st.speaker, st.speaker_text
    if before is not None and before.holder not in ("author", "", None) and any(
        (c.split() or [""])[0].lower() in verbs for c in before.cues
    ) and (before.holder != "unknown" or (before.holder_text or "").strip().lower() not in FRAME_PRONOUN_SUBJECTS | {"es", "man"}):
        return before.holder, before.holder_text
    return None


def _expectation_participle(sent: Span, cues: Sequence[Any], cue_text: Optional[str]) -> Optional[Token]:
    """The token of an expectation's cue: the first detected cue, else the last token of
    ``sent`` spelt as the last word of ``cue_text`` (the statement layer's cue, "erwartet");
    None when there is neither."""
    if cues:
        return cues[0].tok
    word = (cue_text or "").split()[-1:]
    return next((t for t in reversed(list(sent)) if word and t.text == word[0]), None)


def _passive_expectation_agent(sent: Span, cue: Token) -> Optional[Token]:
    """The agent of a passive expectation: the head noun of a "von/vom/durch" phrase the
    parse hangs on the participle ``cue`` as an oblique ("Ein Rückgang wird von den Maklern
    erwartet", "Von den meisten Ökonomen wird eine Rezession erwartet", "wird vom Institut
    prognostiziert"), when ``cue`` is a participle (VVPP) under a form of "werden" in its
    clause. None otherwise, and without a parse ("ein Wachstum von 1,5 Prozent" hangs on
    its noun: no agent). The agent expects it: it holds the forecast, not the author."""
    doc = sent.doc
    if not _werden_participle(sent, cue):
        return None
    cs, _ = clause_bounds(sent, cue.i)

    def agentive(c: Token) -> bool:
        return c.pos_ in ("NOUN", "PROPN", "PRON") and any(
            g.lower_ in PASSIVE_AGENT_PREPOSITIONS and dep(g) == "case" for g in c.children)

    for c in cue.children:
        if dep(c).startswith("obl") and agentive(c):
            return c
    for j in range(cs, cue.i):
        # a "von" phrase the parse hung on the noun after it ("wird von der Nationalbank ein
        # Anstieg erwartet"): a German noun's "von" modifier follows its noun, so one before
        # an argument of the participle is the participle's agent
        c = doc[j]
        if dep(c) == "nmod" and c.head.i > c.i and c.head.head.i == cue.i and agentive(c):
            return c
    return None


def _passive_expectation_source(
    sent: Span, cue: Token, out: Sequence[Forecast], statements: Sequence[Statement],
) -> Optional[Tuple[str, Optional[str]]]:
    """``(holder, as written)`` for an agentless passive expectation ("Für 2027 wird ein
    Wachstum erwartet", "wurden für 2020 … prognostiziert": the participle ``cue`` under a
    form of "werden", no "von"/"durch" agent of its own): somebody expects it, and the
    author reports it from the source the article named last before it: the holder of a
    forecast in ``out`` or the speaker of an expectation or a belief (session 30: not of any
    statement), linked to an actor (a document with no
    owner — "laut Prognose" — names nobody), whichever ends last before ``sent``. None when
    the article named no such source before, without a parse, or for an active or an agented
    expectation (the real-de gold gives a report's passive projections to the report's
    owner)."""
    if not _werden_participle(sent, cue) or _passive_expectation_agent(sent, cue) is not None:
        return None  # (an active, or "wird von den Ökonomen erwartet": its own agent)
    return _last_prediction_source(sent, out, statements)


def _werden_participle(sent: Span, cue: Token) -> bool:
    """``cue`` is a participle (STTS ``VVPP``) with an auxiliary form of "werden" in its
    clause: a passive ("wird … erwartet", "wurden … prognostiziert"). Needs a parse."""
    doc = sent.doc
    if not has_parse(doc) or cue.tag_ != "VVPP":
        return False
    cs, ce = clause_bounds(sent, cue.i)
    return any(_lemma(doc[j]) == "werden" and doc[j].pos_ == "AUX" for j in range(cs, ce))


def _last_prediction_source(
    sent: Span, out: Sequence[Forecast], statements: Sequence[Statement],
) -> Optional[Tuple[str, Optional[str]]]:
    """``(holder, as written)`` of the source of a prediction the article named last before
    ``sent``: the holder of a forecast in ``out`` or the speaker of an expectation, belief or
    doubt, linked to an actor; None when there is none. Only sources of a prediction count: a
    speaker who said something else ("Sein Anwalt kündigte an, er werde …") is no source of
    "Das Urteil wird für Ende März erwartet"."""
    best: Optional[Tuple[int, str, Optional[str]]] = None
    named = [(f.span[1], f.holder, f.holder_text) for f in out] + [
        (st.span[1], st.speaker, st.speaker_text) for st in statements if st.verb_class in ("expect", "believe", "doubt")]
    for end, actor, written in named:
        if end <= sent.start_char and actor not in ("author", "unknown", "", None) and (best is None or end > best[0]):
            best = (end, actor, written)
    return (best[1], best[2]) if best is not None else None


def _unowned_forecast_document(holder_text: Optional[str], flex: ForecastLexicon) -> bool:
    """The holder as written is a forecast or estimate document with no owner ("Prognose",
    "laut Hochrechnung": its last word ends in a ``forecast_noun`` or ``estimate_noun`` of
    forecast_cues.tsv and it has at most two words, so no genitive owner)."""
    words = (holder_text or "").split()
    if not words or len(words) > 2:
        return False
    last = words[-1].lower()
    return last.endswith(tuple(flex.words("forecast_noun") | flex.words("estimate_noun")))


def _colon_statement_goes_on(
    sent: Span, prev: Span, statements: Sequence[Statement],
) -> Optional[Tuple[str, Optional[str]]]:
    """``(speaker, as written)`` of a statement of the sentence ``prev`` right before
    ``sent`` when ``prev`` ends with a colon (the sentence splitter ends a sentence there)
    and the statement's speaker is known and linked to an actor or named: what follows the
    colon spells out what the speaker said or pointed to. Not in the past (a narrated
    sentence after the colon is the author's), not for an interview turn. None otherwise."""
    doc = sent.doc
    last = next((t for t in reversed(list(prev)) if not t.is_space), None)
    if last is None or last.text != ":":
        return None
    if _past_clause(doc, sent.start, sent.end):
        return None
    cands = [
        st for st in statements
        if prev.start_char <= st.span[0] < prev.end_char and st.verb_class != "turn" and _known_speaker(st)
        and (st.speaker_text or "").strip().lower() not in SELF_REFERENCE_PRONOUNS | FIRST_PERSON_SUBJECTS | {"es", "man"}
    ]
    if not cands:
        return None
    st = cands[-1]
    return st.speaker, st.speaker_text


IMPERSONAL_EXPECT_VERBS = forecast_words("impersonal_expect_verbs", "de")
IMPERSONAL_PREPOSITIONAL = forecast_words("impersonal_expect_prepositional", "de")
IMPERSONAL_CORRELATES = forecast_words("impersonal_expect_correlates", "de")
IMPERSONAL_ASSUMPTIONS = forecast_words("impersonal_expect_assumptions", "de")
LOCATIVE_SOURCE_PREPS = forecast_words("locative_source_preps", "de")


def _particle_lemma(t: Token) -> str:
    """The lemma of ``t`` with its separated verb particle in front ("geht … aus" ->
    "ausgehen"; the particle is a compound child tagged PTKVZ that is no verb — the tagger
    may tag a verb-final verb PTKVZ), else :func:`_lemma`."""
    prt = next((c for c in t.children if c.tag_ == "PTKVZ" and c.pos_ in ("ADP", "ADV", "PART") and dep(c).startswith("compound")), None)
    return (prt.lower_ + _lemma(t)) if prt is not None else _lemma(t)


def _impersonal_expectation(sent: Span, anchored: bool = True) -> Optional[Tuple[Token, Optional[Token]]]:
    """``(verb, where)`` for an expectation verb (``impersonal_expect_verbs``: "rechnet man mit
    …", "erwartet man", "befürchtet man", "geht man davon aus") whose subject is impersonal
    "man", and not in a question or the pluperfect; ``where`` is the actor of its locative ("In
    Berlin", "im Ministerium", "bei der Polizei": ``locative_source_preps``) when it names one,
    else None. A verb of ``impersonal_expect_prepositional`` needs its correlate in the clause
    ("rechnet man mit/damit", "geht man davon aus": ``impersonal_expect_correlates``); an
    assumption (``impersonal_expect_assumptions``: "davon ausgehen", whose content may be
    present) counts only when the sentence is ``anchored`` in the future. None when there is
    no such verb (or no parse)."""
    doc = sent.doc
    if not has_parse(doc) or tokens.span_text(sent).rstrip().endswith("?"):
        return None
    for t in sent:
        lemma = _particle_lemma(t)
        if lemma not in IMPERSONAL_EXPECT_VERBS or t.pos_ != "VERB" or t.tag_ != "VVFIN":
            continue  # (finite: "muss man keine Folgen fürchten" is a need, not an expectation)
        if lemma in IMPERSONAL_ASSUMPTIONS and not anchored:
            continue  # ("Man geht davon aus, dass der Täter aus der Region stammt": a present assumption)
        if not any(c.lower_ == "man" and dep(c) in ("nsubj", "expl") for c in t.children):
            continue
        if any(c.lower_ == "sich" for c in t.children) or t.i == next(w.i for w in sent if not w.is_punct):
            continue  # ("Fürchtet man sich, …": being afraid; a verb-first clause is a condition)
        cs, ce = clause_bounds(sent, t.i)
        if any(doc[j].tag_ == "VMFIN" for j in range(cs, ce)):
            continue  # ("muss man weder Konsequenzen fürchten": a need under a modal; the tagger may call the infinitive finite)
        if lemma in IMPERSONAL_PREPOSITIONAL and not any(doc[j].lower_ in IMPERSONAL_CORRELATES for j in range(t.i + 1, ce)):
            continue  # ("rechnet man die Kosten zusammen": a sum, no expectation)
        if any(_lemma(c) == "haben" and dep(c) == "aux" and feat(c, "Tense") == "Past" for c in t.children):
            return None  # "hatte man … gerechnet": a superseded expectation
        where = None
        for c in t.children:
            if dep(c) in ("obl", "nmod", "advmod") and c.pos_ in ("NOUN", "PROPN") and any(
                g.lower_ in LOCATIVE_SOURCE_PREPS and dep(g) == "case" for g in c.children
            ) and _is_actor_token(doc, c):
                where = c
                break
        return t, where
    return None


def _direct_quote_continuation(sent: Span, prev: Span, statements: Sequence[Statement]) -> Optional[Tuple[str, Optional[str]]]:
    """``(speaker, as written)`` when ``prev`` ends with the attribution of a direct quote —
    indicative content, then its speech verb and speaker at the sentence's end ("Das Team hat
    eine starke Saison gespielt, sagt X.") — and ``sent``, in the indicative, has no
    statement of its own: the quote goes on ("Sie werden auch das Finale gewinnen."). 10kGNAD has
    lost the quotation marks, so a journalist's "…, sagt X. …" that continues the quote reads
    so; reported speech in Konjunktiv I ("…, sagte X.") and a report in the past after it
    ("Die Mannschaft spielte …") are the author's narration and stay out. None otherwise."""
    if _konjunktiv_i(sent) or _past_clause(sent.doc, sent.start, sent.end):
        return None
    if any(st.span[0] < sent.end_char and st.span[1] > sent.start_char and st.verb_class != "turn" for st in statements):
        return None
    doc = sent.doc
    for st in statements:
        if not _known_speaker(st) or not (prev.start_char <= st.span[0] and st.span[1] <= prev.end_char):
            continue
        if (st.speaker_text or "").strip().lower() in FRAME_PRONOUN_SUBJECTS | {"es", "man"}:
            continue  # ("…, heißt es in der Analyse.": hearsay, no speaker whose quote goes on)
        cue = next((t for t in prev if t.idx >= st.span[1] and t.lower_ == (st.cue or "").strip().lower()), None)
        if cue is None:
            continue  # (the speech verb before its content: "X sagte, …")
        after = [t for t in doc[cue.i + 1: prev.end] if not t.is_punct]
        if any(t.pos_ in ("VERB", "AUX") for t in after):
            continue  # (more clauses follow the attribution)
        content = doc.char_span(st.span[0], st.span[1], alignment_mode="expand")
        if content is None or _konjunktiv_i(content) or _konjunktiv_ii(content, forecast_lexicon("de")):
            continue
        return st.speaker, st.speaker_text
    return None


def _linked(st: Statement) -> bool:
    """The statement's speaker is an actor (an id), not only words ("unknown", "author")."""
    return st.speaker not in ("unknown", "author", "", None)


NOMINAL_CONDITION_HEADS = forecast_words("nominal_condition_heads")
NOMINAL_CONDITION_LINKS = forecast_words("nominal_condition_links")


def _nominal_condition(sent: Span) -> Optional[Tuple[int, int]]:
    """Character range of a nominal condition: "im Fall(e) eines EU-Austritts", "für den
    Fall des Brexit" — "im/für den" + Fall(e) + a genitive or "von" phrase, up to the end of
    that phrase's noun. None when there is none."""
    doc = sent.doc
    for t in sent:
        if t.lower_ not in NOMINAL_CONDITION_HEADS or t.i + 1 >= sent.end or t.i - 1 < sent.start:
            continue
        prev, nxt = doc[t.i - 1], doc[t.i + 1]
        if not (prev.lower_ == "im" or (prev.lower_ == "den" and t.i - 2 >= sent.start and doc[t.i - 2].lower_ == "für")):
            continue
        if nxt.lower_ not in NOMINAL_CONDITION_LINKS:
            continue
        start = doc[t.i - 2].idx if prev.lower_ == "den" else prev.idx
        end_tok = next((u for u in doc[nxt.i: sent.end] if u.pos_ in ("NOUN", "PROPN")), None)
        if end_tok is None:
            continue
        return start, end_tok.idx + len(end_tok)
    return None


KII_CONDITION_PREPOSITIONS = forecast_words("kii_condition_prepositions")
KII_INDEFINITE = forecast_words("kii_indefinite_articles")
KII_EVENT_NOUNS = tuple(sorted(forecast_words("kii_event_nouns")))
KII_EVALUATIVE = forecast_words("kii_evaluative_predicates")
KII_CONSEQUENCE_FORMS = forecast_words("kii_consequence_forms")
KII_PERFECT_PARTICIPLES = forecast_words("kii_perfect_participles")
DEFINITE_ARTICLES_DE = forecast_words("definite_articles_de")


def _kii_event_noun(t: Token) -> bool:
    """A noun (or a name the tagger took for one: "Brexit") whose last compound part is an
    event that may or may not come (``kii_event_nouns`` of forecast_words.tsv: "Scheitern",
    "EU-Austritt", "Zahlungsausfall")."""
    return t.pos_ in ("NOUN", "PROPN") and t.lower_.rsplit("-", 1)[-1].endswith(KII_EVENT_NOUNS)


def _indefinite_event(doc: Doc, j: int, end: int, bare: bool) -> Optional[Token]:
    """The event noun of an indefinite noun phrase starting at token ``j`` (before ``end``):
    "ein/eine/einem … (one adjective) + event noun", or with ``bare`` also the noun alone
    ("ohne Einigung"). None when the phrase names no event."""
    if j < end and doc[j].lower_ in KII_INDEFINITE:
        j += 1
    elif not bare:
        return None
    if j < end and doc[j].pos_ == "ADJ":
        j += 1
    return doc[j] if j < end and _kii_event_noun(doc[j]) else None


def _kii_nominal_condition(sent: Span) -> Optional[Tuple[int, int]]:
    """Character range of a nominal condition of a Konjunktiv II: "bei einem Scheitern",
    "ohne (eine) Einigung" (``kii_condition_prepositions`` + an indefinite event noun) with a
    ``kii_consequence_forms`` verb ("würde", "wäre", "hätte") after it in the same comma
    stretch: "Bei einem Scheitern der Gespräche wäre die Stadt zahlungsunfähig". An occasion
    ("Bei einem Treffen sagte er, …") or a definite noun ("bei der Sitzung") is none. None when
    there is none."""
    doc = sent.doc
    for t in sent:
        if t.lower_ not in KII_CONDITION_PREPOSITIONS:
            continue
        noun = _indefinite_event(doc, t.i + 1, sent.end, bare=t.lower_ == "ohne")
        if noun is None:
            continue
        cs, ce = clause_bounds(sent, noun.i)
        if any(doc[k].lower_ in KII_CONSEQUENCE_FORMS for k in range(cs, ce) if k != noun.i and not (t.i <= k <= noun.i)):
            return t.idx, noun.idx + len(noun)
    return None


def _hypothetical_event_subject(sent: Span, tok: Token) -> bool:
    """The Konjunktiv II ``tok`` ("würde", "wäre", "hätte") has an explicit hypothetical event
    for its subject, opening its clause: "Ein Austritt würde die Exporteure treffen", "…, dass
    ein Grexit verkraftbar wäre", "Eine Pleite hätte schwere Folgen" — an implicit condition
    (if it came), so the Konjunktiv II is its consequence, not the Konjunktiv-I stand-in of
    reported speech. Not when the predicate judges the option ("Ein Rücktritt wäre ein
    Fehler": ``kii_evaluative_predicates``) and not for a thing that is no event ("ein
    Kommentar")."""
    doc = sent.doc
    cs, ce = clause_bounds(sent, tok.i)
    j = cs
    while j < tok.i and (doc[j].is_punct or doc[j].pos_ in ("CCONJ", "SCONJ")):
        j += 1  # "…, dass ein Grexit …", "Und eine Pleite …"
    noun = _indefinite_event(doc, j, tok.i, bare=False)
    if noun is None:
        return False
    return not any(doc[k].lower_ in KII_EVALUATIVE or _lemma(doc[k]) in KII_EVALUATIVE for k in range(noun.i + 1, ce))


def _stative_outcome(sent: Span, tok: Token, cond: Optional[Tuple[int, int]]) -> bool:
    """Whether "wäre(n)" ``tok`` with a participle is a state that would follow the condition
    ``cond`` (a character range) rather than the counterfactual past: "Falls der Damm bricht,
    wären drei Dörfer überflutet" (Konjunktiv II of the state passive) under a condition clause
    whose verbs are all in the present (indicative or Konjunktiv I: "wenn es zu einer Einigung
    komme"). False with "gewesen/geworden/worden" (``kii_perfect_participles``) or a modal
    infinitive in the clause, under a nominal condition (no verb), and under a past, perfect or
    Konjunktiv-II condition ("wenn … gehandelt hätte")."""
    if cond is None or not tok.lower_.startswith("wär"):
        return False
    clause = [t for t in _clause(sent, tok) if t.i != tok.i and not cond[0] <= t.idx < cond[1]]
    if any(t.lower_ in KII_PERFECT_PARTICIPLES or t.lower_ in MODAL_INFINITIVES["de"] for t in clause):
        return False
    kii = _fallback_words("de", "konjunktiv2.txt") | KII_CONSEQUENCE_FORMS
    verbs = [t for t in sent if cond[0] <= t.idx < cond[1] and t.pos_ in ("VERB", "AUX")]
    return bool(verbs) and not any(
        _past_finite_de(t) or "Past" in t.morph.get("Tense") or t.lower_ in kii
        or t.tag_.endswith("PP")
        for t in verbs
    )


def _konjunktiv_ii(sent: Span, flex: ForecastLexicon) -> bool:
    """A finite Konjunktiv-II verb, not of the first person ("kämen", "müssten", "beliefen
    sich"; the tagger's Mood=Sub or a ``konjunktiv2_form`` of forecast_cues.tsv): after a
    conditional forecast, the mood of its consequences."""
    forms = flex.words("konjunktiv2_form")
    return any(
        (t.lower_ in forms or (feat(t, "Mood") == "Sub" and feat(t, "Tense") == "Past" and t.pos_ in ("VERB", "AUX")))
        and feat(t, "Person") != "1" and t.lower_ not in ("wäre", "wären", "hätte", "hätten")
        for t in sent
    ) and not tokens.span_text(sent).rstrip().endswith("?")


def _konjunktiv_i(sent: Span) -> bool:
    """A finite Konjunktiv-I verb ("werde", "sei", "habe"): the mood of reported speech. Also
    a finite verb in "-e" (not "-te") with a third-person singular noun or name subject ("…,
    wenn das Land nicht helfe"): the form is also the first-person indicative, which the
    morphology may give it, but a third-person subject leaves only the Konjunktiv I (the
    indicative is "hilft")."""
    return any(
        feat(t, "VerbForm") == "Fin" and feat(t, "Mood") == "Sub" and feat(t, "Tense") == "Pres"
        and feat(t, "Person") != "1"
        for t in sent
    ) or any(_third_person_e_form(t) for t in sent)


def _third_person_e_form(t: Token) -> bool:
    """``t`` is a finite present verb in "-e" whose subject is a singular noun or name (see
    :func:`_konjunktiv_i`)."""
    if not t.lower_.endswith("e") or t.lower_.endswith("te") or feat(t, "Tense") == "Past":
        return False
    if t.tag_ not in ("VVFIN", "VAFIN", "VMFIN") and not (
        t.tag_ == "ADJD" and not any(dep(c) == "cop" for c in t.children)
    ):
        return False  # (the tagger may call a verb-final "helfe" ADJD; a predicate with its copula is none)
    subj = next((c for c in t.children if dep(c) == "nsubj"), None)
    return subj is not None and subj.pos_ in ("NOUN", "PROPN") and "Plur" not in subj.morph.get("Number")


def _reported_holder(
    sent: Span, cue: Optional[Token], statements: Sequence[Statement], window_start: int,
    own: Optional[Statement] = None, prev: Optional[Span] = None,
) -> Optional[Tuple[str, Optional[str]]]:
    """The speaker who holds a forecast the statement layer gave no speaker:

    - a cue after a colon that follows a statement of this sentence ("…, sagt die Rektorin:
      Wenn man so weitermacht, riskiert man alles"): that statement's speaker;
    - a sentence in Konjunktiv I or with "demnach"/"demzufolge" that continues reported
      speech ("Eine Änderung sei völlig unrealistisch."): the speaker of the latest
      statement that ends before it, from ``window_start`` (two sentences back) on; with
      no statement there, the person the previous sentence ``prev`` has as subject ("Am
      Dienstag beschwor der Premierminister … herauf. Die Abwertung werde …").
    None when neither applies."""
    if cue is not None:
        colons = [t for t in sent if t.text == ":" and t.i < cue.i]
        if colons:
            c = colons[-1].idx
            before = [st for st in statements if _known_speaker(st) and st is not own
                      and sent.start_char <= st.span[1] <= c + 1 and st.span[0] < c]
            if before:
                st = max(before, key=lambda x: x.span[1])
                return st.speaker, st.speaker_text
    if _konjunktiv_i(sent) or any(t.lower_ in REPORTED_ADVERBS for t in sent) or (
        cue is not None and (cue.lower_,) in REPORTED_SHOULD
    ):
        earlier = [st for st in statements if _known_speaker(st) and st is not own
                   and window_start <= st.span[1] <= sent.start_char + 1]
        if earlier:
            st = max(earlier, key=lambda x: x.span[1])
            return st.speaker, st.speaker_text
        if prev is not None and _konjunktiv_i(sent) and has_parse(sent.doc):
            root = next((t for t in prev if dep(t) == "ROOT" or t.head.i == t.i), None)
            subj = next((c for c in root.children if dep(c) == "nsubj"), None) if root is not None else None
            if subj is not None and _holder_subject(subj) is not None and subj.pos_ != "PRON" and (
                tokens.mentions_in(sent.doc, subj.idx, subj.idx + len(subj)) or _person_like(sent.doc, subj)
            ):
                return _token_actor(sent.doc, subj)
    return None


SELF_REFERENCE_PRONOUNS = forecast_words("self_reference_pronouns")  # third-person pronouns that, in reported speech, stand for the speaker


def _resolve_holder(
    doc: Doc, holder_text: str, span: Tuple[int, int], window_start: int, statements: Sequence[Statement],
) -> Optional[Tuple[str, Optional[str]]]:
    """``(actor id, as written)`` of a holder that the statement or frame gave only as
    written (``holder_text``) with no actor linked, or None when it stays unresolved.

    The holder's mention is the last occurrence of ``holder_text`` from ``window_start``
    (two sentences back) to the end of the forecast ``span``. A third-person pronoun inside
    the content of a statement whose speaker is known is that speaker ("Er rechne damit,
    dass …, sagte der Analyst": reported speech turns the speaker's "ich" into "er"; German
    grammar, Duden Grammatik §§ 1598 ff.). Otherwise the mention is resolved like an event
    argument by :func:`lagebild.language.reference.resolve_reference` (the nearest earlier
    agreeing actor for a pronoun or description, an agent-coded actor for a group noun).
    Needs a parse; None without one."""
    if not has_parse(doc):
        return None
    text = doc_text(doc)
    a = text.rfind(holder_text, window_start, span[1])
    if a < 0:
        return None
    b = a + len(holder_text)
    if holder_text.strip().lower() in SELF_REFERENCE_PRONOUNS | FIRST_PERSON_SUBJECTS:
        # ("Ich rechne mit 3.000 Euro, sagte der Wirt": the first person of a quote is its
        # speaker; a pronoun speaker counts once the statement layer linked it to an actor —
        # "…, sagte er" after the man was named — and not while it is only the word)
        outer = [st for st in statements if _known_speaker(st) and st.span[0] <= a < st.span[1]
                 and (_linked(st) or (st.speaker_text or "").strip().lower() not in SELF_REFERENCE_PRONOUNS | FIRST_PERSON_SUBJECTS)]
        if outer:
            st = min(outer, key=lambda x: x.span[1] - x.span[0])
            return st.speaker, st.speaker_text
    if holder_text.strip().lower() in FIRST_PERSON_SUBJECTS:
        return None  # the author's own "ich"/"wir" (a commentary), or an interview turn's
    if holder_text.strip().lower() in RELATIVE_PRONOUNS["de"]:
        # "Belächelt werden Analysten, die sinkende Mieten erwarten": the relative
        # pronoun that holds the expectation stands for the noun its clause is attached to
        # (the parse's acl:relcl), not for a nearest earlier actor (s27-prec unjudged output)
        for t in doc[:]:
            if span[0] <= t.idx < span[1] and t.lower_ == holder_text.strip().lower() and dep(t) in ("nsubj", "nsubj:pass"):
                verb = t.head
                noun = verb.head if dep(verb) in ("acl", "acl:relcl") else None
                if noun is not None and noun.i < t.i and noun.pos_ in ("NOUN", "PROPN"):
                    return _token_actor(doc, noun)
        return None
    from ..language.reference import resolve_reference

    actor = resolve_reference(doc, a, b)
    return (actor, holder_text) if actor else None


PLUPERFECT_AUXILIARIES = forecast_words("pluperfect_auxiliaries")  # ("had expected")


def _pluperfect_attitude(sent: Span, cue: Optional[str]) -> bool:
    """The attitude verb ``cue`` ("gerechnet", "erwartet", "befürchtet") stands in the
    pluperfect ("Analysten hatten mit einem Gewinn gerechnet", the passive "war … erwartet
    worden"): an expectation the text reports as superseded — "had expected", set against what happened — not a forecast.
    The perfect ("haben … vorausgesagt") and the simple past ("erwarteten am Dienstag")
    report a forecast and stay."""
    words = (cue or "").lower().split()
    if not words:
        return False
    for t in sent:
        if t.lower_ != words[0]:
            continue
        cs, ce = clause_bounds(sent, t.i)
        if any(sent.doc[j].lower_ in PLUPERFECT_AUXILIARIES for j in range(cs, ce)):
            return True
        clause = [sent.doc[j].lower_ for j in range(cs, ce)]
        if "worden" in clause and any(w in ("war", "waren", "warst", "wart") for w in clause):
            return True  # the pluperfect passive ("Ein solcher Einbruch war nicht erwartet worden"; session 31)
        if t.tag_ == "VVPP" and any(sent.doc[j].lower_ in PERFECT_HABEN for j in range(cs, ce)) and any(
            sent.doc[j].lower_ in SURPRISE_NEGATIONS for j in range(cs, ce)
        ):
            # "Mit dieser Rückkehr haben selbst seine Freunde nicht gerechnet", "Niemand hat
            # damit gerechnet, dass …": a negated perfect expectation reports a surprise —
            # what was not expected has happened
            return True
    return False


PERFECT_HABEN = forecast_words("perfect_haben")
SURPRISE_NEGATIONS = forecast_words("surprise_negations")


OBLIGING_MODALS = forecast_words("obliging_modals")


def _obliged_expectation(sent: Span, cue: Optional[str], flex: ForecastLexicon) -> bool:
    """The expectation verb ``cue`` ("rechnen") stands under a modal of necessity in its
    clause ("muss mit Widerstand rechnen", "müsse sich auf Streiks einstellen", "sollte mit
    Protesten rechnen"): in German "mit X rechnen müssen" says that X is in store for the
    subject — a prediction of whoever says it, not an expectation the subject holds."""
    words = (cue or "").lower().split()
    if not words:
        return False
    doc = sent.doc
    for t in sent:
        if t.lower_ != words[0]:
            continue
        cs, ce = clause_bounds(sent, t.i)
        if any(doc[j].lower_ in OBLIGING_MODALS for j in range(cs, ce)):
            return True
    return False


EVIDENTIAL_CUES = forecast_words("evidential_cues")  # the statement layer's "according to" cues


def _evidential_forecast(doc: Doc, sent: Span, statements: Sequence[Statement], flex: ForecastLexicon) -> Optional[Statement]:
    """The evidential statement ("laut X", "X zufolge", "nach Einschätzung X") whose content
    in ``sent`` predicts in the present tense: its source names a forecast (a
    ``forecast_noun``: "laut Prognose", "Schätzungen zufolge") or its content's finite
    verb is an ``outcome_verb`` ("Laut Wifo wächst die Wirtschaft …"), and no verb of the
    sentence is in the past. The caller has checked that the sentence points to the future
    (a future time expression); schedules ("Laut Polizei beginnt die Demonstration am
    Samstag") and the source's own acts ("Laut Ministerium tritt das Gesetz … in Kraft")
    have no outcome verb and stay no forecast. None otherwise."""
    if not has_parse(doc) or _past_clause(doc, sent.start, sent.end):
        return None
    nouns = tuple(flex.words("forecast_noun") | flex.words("estimate_noun"))
    outcomes = flex.words("outcome_verb")
    for st in statements:
        if (st.cue or "").lower() not in EVIDENTIAL_CUES or not (sent.start_char <= st.span[0] < sent.end_char):
            continue
        if _names_forecast(st.speaker_text, nouns):
            return st
        verbs = [t for t in sent if st.span[0] <= t.idx < st.span[1] and t.pos_ in ("VERB", "AUX")
                 and (feat(t, "VerbForm") == "Fin" or (feat(t, "VerbForm") is None and feat(t, "Mood") is not None))]
        if verbs and _lemma(verbs[0]) in outcomes:
            return st
    return None


def _inline_evidential_source(sent: Span, cond: Optional[Tuple[int, int]]) -> Optional[Tuple[str, Optional[str]]]:
    """``(actor id, as written)`` of the source of an evidential phrase in ``sent`` ("nach
    Einschätzung der Vereinten Nationen", "laut dem Wifo", "den Forschern zufolge"; the
    ``evidential_cues`` of forecast_words.tsv) outside the condition ``cond``, when an actor
    mention lies on the source's noun phrase: the words after the cue up to the next verb or
    punctuation, or for the postposition "zufolge" the words before it. None when there is no
    such phrase or its source is no actor (a document: "laut Prognose")."""
    doc = sent.doc
    low = [t.lower_ for t in sent]
    phrases = [tuple(c.split()) for c in EVIDENTIAL_CUES]
    for a, b, phrase in match_phrases(low, phrases):
        cue = sent[a]
        if cond is not None and cond[0] <= cue.idx < cond[1]:
            continue
        if phrase == ("zufolge",):
            words = []
            for j in range(a - 1, max(-1, a - 7), -1):
                t = sent[j]
                if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "PRON"):
                    break
                words.insert(0, t)
        else:
            words = []
            for j in range(b, min(len(sent), b + 7)):
                t = sent[j]
                if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or (
                    t.pos_ == "ADP" and any(w.pos_ in ("NOUN", "PROPN") for w in words)
                ):
                    break  # (a new prepositional phrase after the source: "… zu einem Konflikt")
                words.append(t)
        while words and words[-1].pos_ not in ("NOUN", "PROPN"):
            words.pop()
        if not words:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        mentions = [m for m in tokens.mentions_in(doc, start, end) if start <= m.start and m.end <= end]
        if mentions:
            m = mentions[0]
            return (m.actor_id, doc_text(doc)[start:end])
    return None


def _inserted_attitude_source(sent: Span) -> Optional[Tuple[str, Optional[str]]]:
    """``(actor id, as written)`` of the subject of a comma-enclosed insertion "so" + a
    finite ``attribution_after_verbs`` verb + its subject ("Die Preise, so erwartet der
    Ökonom X, werden im Herbst steigen", "…, so glaubt die Ministerin, …"): the verb-second
    insertion names who holds the clause around it. The subject is the words after the verb
    up to the closing comma (at most six), resolved by the actor mention on them; None
    without such an insertion or when the words link no actor."""
    doc = sent.doc
    toks = list(sent)
    for k in range(len(toks) - 3):
        if toks[k].text != "," or toks[k + 1].lower_ != "so":
            continue
        verb = toks[k + 2]
        if _particle_lemma(verb) not in ATTRIBUTION_AFTER_VERBS | INSERTED_ATTITUDE_VERBS:
            continue
        words = []
        for t in toks[k + 3 : k + 10]:
            if t.text == ",":
                break
            words.append(t)
        else:
            continue  # no closing comma: no insertion
        if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        mentions = [m for m in tokens.mentions_in(doc, start, end) if start <= m.start and m.end <= end]
        if mentions:
            return (mentions[0].actor_id, doc_text(doc)[start:end])
    return None


INSERTED_ATTITUDE_VERBS = forecast_words("inserted_attitude_verbs", "de")
ATTRIBUTION_AFTER_ANAPHORS = forecast_words("attribution_after_anaphors", "de")
ATTRIBUTION_AFTER_ADJECTIVES = forecast_words("attribution_after_adjectives", "de")
ATTRIBUTION_AFTER_VERBS = forecast_words("attribution_after_verbs", "de")
ATTRIBUTION_AFTER_CONCLUSIONS = forecast_words("attribution_after_conclusions", "de")
ATTRIBUTION_AFTER_SOURCE_PREPS = forecast_words("attribution_after_source_preps", "de")
ATTRIBUTION_AFTER_MAX_WORDS = 30  # an attribution sentence is short; a longer one says something of its own


def _attribution_after(nxt: Span, statements: Sequence[Statement]) -> Optional[Tuple[str, Optional[str]]]:
    """``(actor id, as written)`` of the source that the sentence ``nxt`` right after a
    forecast names for it by pointing back: "Das zeigt eine Studie des Instituts", "Dies meldete
    die Feuerwehr", "Davon geht die Agentur aus", "Zu diesem Schluss kommt der Rechnungshof",
    "Das geht aus einem Bericht der Kommission hervor", "Davon ist der Ökonom überzeugt"
    (a copula with an ``attribution_after_adjectives`` word), or a verbless "So der Minister." (the
    real-de gold's convention, benchmarks/gold/real-de/README.md: a content before an
    anaphoric attribution is that source's).

    ``nxt`` must open with an anaphor of ``attribution_after_anaphors`` (or a conclusion
    phrase of ``attribution_after_conclusions`` before "kommen"/"gelangen"), have at most
    :data:`ATTRIBUTION_AFTER_MAX_WORDS` words and no statement content of its own; its main
    verb (particle verbs joined: "teilte … mit" -> "mitteilen") must be one of
    ``attribution_after_verbs`` in the active voice. The source is the verb's noun or name
    subject (or object: the parser may take the fronted "Das" for the subject), for
    "hervorgehen"/"ergeben sich" the noun after "aus" (``attribution_after_source_preps``),
    resolved by :func:`_token_actor` (a pronoun through the reference layer). None when the
    sentence is no such attribution, without a parse, or when the source is no actor."""
    doc = nxt.doc
    if not has_parse(doc):
        return None
    words = [t for t in nxt if not t.is_space]
    if not words or len(words) > ATTRIBUTION_AFTER_MAX_WORDS or words[-1].text == "?":
        return None
    low = [t.lower_ for t in words]
    conclusion = next((len(p.split()) for p in ATTRIBUTION_AFTER_CONCLUSIONS if low[:len(p.split())] == p.split()), 0)
    if not conclusion and (low[0] not in ATTRIBUTION_AFTER_ANAPHORS or words[0].tag_ == "ART" or dep(words[0]) == "det"):
        return None  # ("Das Institut rechnet mit …": an article, no anaphor — a sentence of its own)
    if any(nxt.start_char <= st.span[0] < nxt.end_char and st.verb_class != "turn" and not st.span[1] <= nxt.start_char + len(words[0])
           for st in statements if st.span[1] > nxt.start_char):
        return None  # (a sentence with its own reported content is a statement, no attribution)
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX") and (t.tag_.endswith("FIN") or feat(t, "VerbForm") == "Fin")]
    if low[0] == "so" and not verbs and len(words) > 1:
        # "So der Minister.": a verbless attribution; its first noun or name is the source
        noun = next((t for t in words[1:] if t.pos_ in ("NOUN", "PROPN")), None)
        found = _known_source(doc, noun)
        end = words[-2] if words[-1].is_punct else words[-1]
        return (found[0], doc_text(doc)[words[1].idx:end.idx + len(end)]) if found is not None else None
    if low[0] == "so":
        return None  # ("So wird es kommen": an adverb, no attribution)
    if len(verbs) != 1 or any(_lemma(v) == "werden" for v in verbs):
        return None  # (one finite verb; a passive "Das wurde … mitgeteilt" names its source otherwise)
    verb = verbs[0]
    lemma = _particle_lemma(verb)
    conviction = next((t for t in words if t.lower_ in ATTRIBUTION_AFTER_ADJECTIVES), None)
    if not conclusion and lemma == "sein" and conviction is not None:
        # "Davon ist der Ökonom überzeugt", "Dessen ist sich die Ministerin sicher": the
        # subject of the copula holds the conviction (the parse may hang it on the adjective)
        subj = next((c for h in (conviction, verb) for c in h.children if dep(c) == "nsubj"
                     and c.pos_ in ("NOUN", "PROPN", "PRON") and c.lower_ not in ATTRIBUTION_AFTER_ANAPHORS), None)
        return _known_source(doc, subj)
    if conclusion:
        if lemma not in ("kommen", "gelangen"):
            return None
    elif lemma not in ATTRIBUTION_AFTER_VERBS:
        return None
    if lemma in ("hervorgehen", "ergeben"):
        noun = next((c for c in verb.children if c.pos_ in ("NOUN", "PROPN") and any(
            g.lower_ in ATTRIBUTION_AFTER_SOURCE_PREPS and dep(g) == "case" for g in c.children)), None)
        if noun is not None or lemma == "hervorgehen":
            return _known_source(doc, noun)
    cands = [c for c in verb.children if dep(c) in ("nsubj", "obj") and c.i != words[0].i
             and c.pos_ in ("NOUN", "PROPN", "PRON") and c.lower_ not in ATTRIBUTION_AFTER_ANAPHORS]
    subj = next((c for c in cands if dep(c) == "nsubj"), None) or next(iter(cands), None)
    return _known_source(doc, subj)


def _known_source(doc: Doc, tok: Optional[Token]) -> Optional[Tuple[str, Optional[str]]]:
    """:func:`_token_actor` of ``tok``: an actor, or ``("unknown", phrase)`` for a noun or
    name that links none ("die Präsidentin der Notenbank": a description the holder step
    resolves later); None for no token or an unlinked pronoun."""
    if tok is None:
        return None
    actor, written = _token_actor(doc, tok)
    if actor in ("unknown", "", None) and tok.pos_ not in ("NOUN", "PROPN"):
        return None
    return actor, written


def _names_forecast(phrase: Optional[str], nouns: Tuple[str, ...]) -> bool:
    """A word of ``phrase`` ends in a ``forecast_noun``, also in the plural ("Schätzungen")."""
    return bool(nouns) and any(w.endswith(nouns) or w.endswith(tuple(n + "en" for n in nouns))
                               for w in (phrase or "").lower().split())


def _source_is_actor(doc: Doc, st: Statement, flex: ForecastLexicon) -> bool:
    """The source of an evidential statement is someone, not only the forecast document
    ("laut der Prognose", "den Prognosen zufolge"): a linked speaker, or a source phrase
    whose last word is no ``forecast_noun`` ("Schätzungen der Experten")."""
    if st.speaker not in ("unknown", "", None):
        return True
    words = (st.speaker_text or "").split()
    return bool(words) and not _names_forecast(words[-1], tuple(flex.words("forecast_noun") | flex.words("estimate_noun")))


PROJECTION_REACH = 3  # sentences back that a source of projected figures reaches
YEAR = re.compile(r"(?:19|20)\d\d$")


def _amount_figure(sent: Span) -> bool:
    """The sentence gives an amount or a share (a number that is no year: "13,18
    Milliarden", "2,46 Millionen", "vier Prozent")."""
    return any((t.like_num or t.pos_ == "NUM") and not YEAR.match(t.text) for t in sent)


def _projection_source(
    out: Sequence[Forecast], si: int, sent: Span, sent_index: Dict[int, int],
) -> Optional[Tuple[str, Optional[str]]]:
    """The holder of a projected figure that names no source: the holder (not the author)
    of the latest forecast at most :data:`PROJECTION_REACH` sentences back, when the
    sentence gives an amount. A journalist reports future amounts from a source — a
    commission's report, an institute's forecast — and names the source once (the real-news
    gold's practice: each figure of a report is the report owner's forecast). None
    otherwise."""
    if not out or not _amount_figure(sent):
        return None
    last = out[-1]
    if last.holder in ("author", "", None) or (last.holder == "unknown" and not last.holder_text):
        return None
    back = sent_index.get(last.span[0])
    if back is None or not (0 < si - back <= PROJECTION_REACH):
        return None
    return last.holder, last.holder_text


def _reports_cue(sent: Span, st: Statement, anchor: Token, cond: Optional[Tuple[int, int]]) -> bool:
    """Whether statement ``st`` reports the forecast cue ``anchor`` of ``sent``: not when its
    speech word and its speaker stand inside the condition ``cond`` ("Falls der Präsident nicht antwortet,
    wird das Land …": who answers is part of the condition), nor when it is an evidential
    ("laut", "zufolge", "nach Angaben") in another comma stretch of the sentence that has a
    finite verb of its own ("Die Preise dürften steigen, laut dem Verband sind die Lager leer":
    the source reports its own clause). A stretch without a finite verb ("Laut X, dem Chef
    des Instituts, wird …") is a phrase of the cue's clause. (s23, holder kinds of the audit)"""
    words = (st.cue or "").strip().lower().split()
    if not words or words[0] in (",", ":") or not has_parse(sent.doc):
        return True
    doc = sent.doc
    first = [t for t in sent if t.lower_ == words[0]]
    who = (st.speaker_text or "").strip()
    text = doc_text(doc)
    at = text.find(who, sent.start_char, sent.end_char) if who else -1
    if cond is not None and first and all(cond[0] <= t.idx < cond[1] for t in first) and not (
        cond[0] <= anchor.idx < cond[1]
    ) and at >= 0 and cond[0] <= at < cond[1]:
        # (the speaker stands in the condition too; a Konjunktiv-I continuation whose verb
        # opens the condition — "Schieder sprach. Komme nichts heraus, würde …" — keeps its
        # speaker from before)
        return False
    if " ".join(words) in EVIDENTIAL_CUES and first:
        ev = first[0]
        es, ee = clause_bounds(sent, ev.i)
        cs, ce = clause_bounds(sent, anchor.i)
        if (es, ee) != (cs, ce) and any(doc[j].tag_.endswith("FIN") and j != ev.i for j in range(es, ee)):
            return False
    return True


HEADLINE_PARTICIPLES_DE = forecast_words("headline_participles_de")  # of the "expect" verbs of speech_verbs.tsv that take an object


def _headline_expectation(sent: Span) -> Optional[Token]:
    """The participle of an expectation verb (:data:`HEADLINE_PARTICIPLES_DE`) ending a short
    line that has no other finite verb and a noun before it: a headline, which drops the
    auxiliary ("Exportplus von 2,5 Prozent erwartet" = "… wird erwartet"; Duden: headline
    style omits auxiliaries). Not "wie/als erwartet" (as expected), not a person's expected
    arrival (an actor mention before it: "Papst am Sonntag in Wien erwartet"), not a
    question. (s23, audit kind headline-expectation)"""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not 2 <= len(words) <= 15 or tokens.span_text(sent).rstrip().endswith("?"):
        return None
    last = words[-1]
    if last.lower_ not in HEADLINE_PARTICIPLES_DE or words[-2].lower_ in ("wie", "als"):
        return None
    if any(t.tag_ in ("VAFIN", "VMFIN", "VVFIN") and t.i != last.i for t in words):
        return None
    if any(t.text == "," for t in sent):
        return None  # "Gewinn gestiegen, Umsatz wie erwartet": a list of facts
    if not any(t.pos_ in ("NOUN", "PROPN") for t in words[:-1]):
        return None
    doc = sent.doc
    if tokens.mentions_in(doc, sent.start_char, last.idx):
        return None
    return last


def _headline_bare_object(sent: Span) -> Optional[Tuple[Token, Token]]:
    """``(verb, holder)`` for a headline "X befürchtet Eskalation": a short line (at most 15
    words, no "?") with no finite verb as tagged, in which a form of an expectation verb
    (:data:`HEADLINE_PARTICIPLES_DE`, which are also its third-person present forms) stands
    between a noun (the holder: the first noun or name of the line) and a noun without an
    article (headline style drops it; the parser then reads the verb as a participle before
    its noun). None otherwise. (s26, the known holder kind "befürchtet Eskalation")"""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not 3 <= len(words) <= 15 or tokens.span_text(sent).rstrip().endswith("?"):
        return None
    if any(t.tag_ in ("VAFIN", "VMFIN", "VVFIN") for t in words):
        return None
    for k, t in enumerate(words[1:-1], 1):
        if t.lower_ not in HEADLINE_PARTICIPLES_DE or t.is_lower is False:
            continue
        obj = words[k + 1]
        if obj.pos_ not in ("NOUN", "PROPN") and not (obj.pos_ == "ADJ" and k + 2 < len(words) and words[k + 2].pos_ == "NOUN"):
            continue  # (an adjective may stand before the noun: "befürchtet neue Gewalt")
        holder = next((w for w in words[:k] if w.pos_ in ("NOUN", "PROPN")), None)
        if holder is None or words[k - 1].lower_ in ("wie", "als"):
            return None
        return t, holder
    return None


ATTITUDE_FRAME_VERBS_DE = forecast_words("attitude_frame_verbs_de")
NOT_A_JUDGE_DE = forecast_words("not_a_judge_de")


def _attitude_after(sent: Span, anchor: Token, flex: ForecastLexicon) -> Optional[Token]:
    """The judge of an attitude frame in the comma stretch right after the cue's clause:
    a finite "ist/sind/zeigte (sich)/gab sich" + a noun phrase + an ``attitude_adj`` of
    forecast_cues.tsv ending the stretch ("…, ist der Trainer überzeugt", "…, ist sich der
    Ökonom sicher", "…, zeigte sich die Ministerin zuversichtlich"). None when the stretch is
    anything else ("…, das ist sicher": a demonstrative judges nothing of its own). (s23)"""
    adjs = flex.words("attitude_adj")
    if not adjs or not has_parse(sent.doc):
        return None
    doc = sent.doc
    _, ce = clause_bounds(sent, anchor.i)
    if ce >= sent.end - 1 or doc[ce].text != ",":
        return None
    a, b = clause_bounds(sent, ce + 1)
    words = [doc[j] for j in range(a, b) if not doc[j].is_punct]
    if len(words) < 3 or len(words) > 8 or words[0].lower_ not in ATTITUDE_FRAME_VERBS_DE or words[-1].lower_ not in adjs:
        return None
    between = [t for t in words[1:-1] if t.lower_ not in NOT_A_JUDGE_DE]
    return next((t for t in between if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "PRON" and t.tag_ == "PPER")), None)


HEARSAY_VERBS_DE = forecast_words("hearsay_verbs_de")
HEARSAY_PREPOSITIONS_DE = forecast_words("hearsay_prepositions_de")


def _hearsay_source(sent: Span, stmt: Statement) -> Optional[Token]:
    """The source of an impersonal "es hieß/heißt" (``stmt`` has the speaker "es"): the noun of
    its "in" phrase in the same comma stretch — a circle ("in Regierungskreisen") or a
    document whose genitive or "von" modifier names its author ("in einer Studie der
    Nationalbank": the modifier). None when there is no such phrase ("hieß es." alone) or no
    parse. (s23; the statement layer reads "aus dem Ministerium" itself.)"""
    if (stmt.cue or "").strip().lower() not in HEARSAY_VERBS_DE or not has_parse(sent.doc):
        return None
    verb = next((t for t in sent if t.lower_ == stmt.cue.strip().lower()), None)
    if verb is None:
        return None
    a, b = clause_bounds(sent, verb.i)
    doc = sent.doc
    for j in range(a, b):
        t = doc[j]
        if t.lower_ not in HEARSAY_PREPOSITIONS_DE or dep(t) != "case" or t.head.pos_ not in ("NOUN", "PROPN"):
            continue
        noun = t.head
        if not (a <= noun.i < b):
            continue
        owner = next((c for c in noun.children if dep(c) in ("nmod", "nmod:poss") and c.pos_ in ("NOUN", "PROPN")), None)
        return owner if owner is not None else noun
    return None


def _soll_projection(sent: Span, flex: ForecastLexicon, cond: Optional[Tuple[int, int]]) -> bool:
    """A hearsay "soll(en)" (outside a condition) whose verb is an ``outcome_verb`` of change
    ("steigen", "sinken", "zunehmen") or an amount verb ("sein", "betragen"), with an amount
    (a number that is no year) in its clause and no perfect infinitive ("soll gestiegen
    sein" is hearsay about the past): the content of a projection ("Die Arbeitslosigkeit soll
    von 4,2 auf 4,8 Prozent zunehmen"). The caller requires a forecast in the sentence
    before, whose projection it continues (s23, audit kind hearsay-soll-change)."""
    if not has_parse(sent.doc):
        return False
    for t in sent:
        if (t.lower_,) not in REPORTED_SHOULD or (cond and cond[0] <= t.idx < cond[1]):
            continue
        if _perfect_infinitive(t, sent):
            continue
        verbs = [_lemma(v) for v in _main_verbs(sent, t)]
        if not any(v in flex.words("outcome_verb") or v in AMOUNT_VERBS for v in verbs):
            continue
        cs, ce = clause_bounds(sent, t.i)
        if any(sent.doc[j].lower_ in LIMIT_WORDS for j in range(cs, ce)):
            continue  # "maximal 37.500": a cap that is set
        if any((sent.doc[j].like_num or sent.doc[j].pos_ == "NUM") and not YEAR.match(sent.doc[j].text)
               for j in range(cs, ce)):
            return True
    return False


def _warned_content(sent: Span, cue: Token, stmt: Optional[Statement], flex: ForecastLexicon) -> bool:
    """The cue stands in the content of a warning: the statement that holds it has a
    ``warning_verb`` as its cue ("…würden die Programme zusammenbrechen, warnte die
    Organisation", "Die Kammer warnt, die Wartezeiten würden …"), or a warning verb precedes
    it with a colon between ("Der Verband warnte vor den Folgen: Viele Betriebe würden …").
    A warning points to a harm to come (Duden, "warnen": auf eine Gefahr hinweisen), so a
    Konjunktiv II in its content is the predicted consequence, not the Konjunktiv-I
    substitute of reported speech (s23, audit kinds warning-konjunktiv2, conditional-warning)."""
    verbs = flex.words("warning_verb")
    if not verbs:
        return False
    if stmt is not None and (stmt.cue or "").strip().lower() in verbs:
        return True
    doc = sent.doc
    for t in sent:
        if t.i >= cue.i:
            break
        if t.lower_ in verbs and any(doc[j].text == ":" for j in range(t.i + 1, cue.i)):
            return True
    return False


ARRIVAL_VERBS = forecast_words("arrival_verbs", "de")


def _outcome_main_verb(sent: Span, cue: Token, flex: ForecastLexicon) -> bool:
    """A main verb under ``cue`` is an outcome (``outcome_verb`` in forecast_cues.tsv:
    "steigen", "verlieren", "gewinnen") or the weather (``weather_verb``: "regnen", "schneien"
    — nobody decides it, so "Es wird morgen regnen" is no dated plan) — a copula or a state
    ("wird … sein") is not one."""
    words = flex.words("outcome_verb") | flex.words("weather_verb")
    return any(_lemma(v) in words or v.lower_ in words for v in _main_verbs(sent, cue))


def _reported_outcome(sent: Span, cue: Token, stmt: Optional[Statement], flex: ForecastLexicon) -> bool:
    """The bare "würde" ``cue`` stands in the content of a known speaker's reported speech and
    governs an outcome (``outcome_verb`` in forecast_cues.tsv: "scheitern", "steigen",
    "verlieren"), which nobody simply decides: the back-shifted "wird" of the speaker ("Der
    Minister sagte, die Verhandlungen würden scheitern"), as English "would" is. A decided act
    ("…, er würde das Gesetz unterstützen") stays the Konjunktiv-I substitute of a present or
    an intention, and so does an outcome under a marker of the present or the past ("seit
    Jahren", "derzeit", "bereits": ``present_markers``, ``already_de``, ``past_markers``)."""
    if stmt is None or not _known_speaker(stmt) or stmt.verb_class in ("expect", "doubt", "believe"):
        return False
    if not (stmt.span[0] <= cue.idx < stmt.span[1]):
        return False
    said = next((t for t in sent if t.lower_ == (stmt.cue or "").strip().lower()), None)
    if said is not None and _lemma(said) in ("haben", "sein"):
        return False  # "Dass er dafür vor einem Richter stehen würde, habe er sich nicht gedacht": a past thought
    clause = [t.lower_ for t in _clause(sent, cue)]
    if any(w in ALREADY_DE or w in PRESENT_MARKERS or w in PAST_MARKERS_DE for w in clause):
        return False  # "die Preise würden seit Jahren steigen": a trend of the present or the past
    return _outcome_main_verb(sent, cue, flex) and not _decided_act(sent, cue, flex)


PRESENT_MARKERS = forecast_words("present_markers", "de")
PAST_MARKERS_DE = forecast_words("past_markers", "de")


def _cue_in_question(sent: Span, st: Statement) -> bool:
    """The attitude verb of ``st`` stands in an indirect question ("Wie weit er fürchtete,
    …, kann man nur vermuten"): the attitude is asked about, not held."""
    cue = (st.cue or "").split()
    if not cue:
        return False
    slex = statement_lexicon(sent.doc.lang_ or "de")
    return any(_in_indirect_question(sent, t, slex) for t in sent if t.lower_ == cue[0].lower())


def _apposed_name(doc: Doc, tok: Token, a: int, b: int) -> Optional[str]:
    """The actor of a name apposed to the role noun ``tok`` (its phrase ``[a, b)``): "der Chef
    der Fraktion im Europaparlament, Udo Bullmann" is Bullmann, not the parliament named
    inside the role phrase (which the linker may take the whole role phrase for). Read from
    an ``appos`` in the phrase with a proper noun in it (the parse may hang it on the
    phrase's last noun), else from a person's name between commas right after the phrase
    (the parse may hang it on the verb; a prepositional phrase of up to five words may stand
    between). None when there is none."""
    for c in tok.subtree:
        if dep(c) == "appos" and a <= c.idx < b and any(w.pos_ == "PROPN" for w in c.subtree):
            found = tokens.actor_in(doc, c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            if found:
                return found
    j = tok.right_edge.i + 1
    while j < min(len(doc), tok.right_edge.i + 6) and doc[j].text != "," and doc[j].pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ"):
        j += 1  # ("der Chef der Fraktion | im Europaparlament | , Name ,": a phrase the parse left out)
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].pos_ == "PROPN":
        k = j + 1
        while k < len(doc) and doc[k].pos_ == "PROPN":
            k += 1
        if k < len(doc) and doc[k].text == ",":
            persons = {x.id for x in tokens.get_list(doc, "actors") if getattr(x, "type", None) == "PER"}
            found = tokens.actor_in(doc, doc[j + 1].idx, doc[k - 1].idx + len(doc[k - 1]))
            if found in persons:
                return found
    return None


def _token_actor(doc: Doc, tok: Token) -> Tuple[str, Optional[str]]:
    """``(actor id, as written)`` of a holder token: the actor mention on the token, else on a
    name apposed to it ("der Chef der Fraktion, Udo Bullmann"), else on its phrase;
    ``("unknown", phrase)`` when no actor is linked (a group: "Beobachter")."""
    a, b = subtree_span_tokens(tok)
    text = doc_text(doc)
    first = doc[tok.left_edge.i] if has_parse(doc) else None
    if first is not None and first.i < tok.i and dep(first) == "case" and first.head.i == tok.i:
        a = doc[first.i + 1].idx  # "Für Schultes": the phrase, not its preposition
    elif first is not None and first.i < tok.i and first.is_punct:
        a = next(t for t in doc[first.i: tok.i + 1] if not t.is_punct).idx  # ("– Die Kammer": a dash the parse hung on it)
    # the phrase up to the head's right edge, without a trailing clause ("der Minister, der …")
    b = min(b, tok.idx + len(tok)) if any(c.i > tok.i and dep(c) in ("acl", "acl:relcl") for c in tok.children) else b
    actor = _apposed_name(doc, tok, a, b) if has_parse(doc) and tok.pos_ == "NOUN" else None
    actor = actor or tokens.actor_in(doc, tok.idx, tok.idx + len(tok)) or tokens.actor_in(doc, a, b)
    if actor is None and has_parse(doc):
        # a pronoun, a description or a group noun ("Er zeigte sich zuversichtlich", "Sie
        # warnt vor …", "Der Experte hält … für wahrscheinlich"): resolved like an event
        # argument, by the shared reference layer (the nearest agreeing earlier actor)
        from ..language.reference import resolve_reference

        actor = resolve_reference(doc, tok.idx, tok.idx + len(tok))
    return (actor or "unknown", text[a:b])


# ------------------------------------------------------------------ estimative frames (issue 11)

FRAME_NEGATORS = forecast_words("frame_negators")  # "kaum denkbar", "kaum auszuschließen": with the negation words of forecast_cues.tsv
FRAME_PRONOUN_SUBJECTS = forecast_words("frame_pronoun_subjects")
PERSON_SUBJECT_PRONOUNS = forecast_words("person_subject_pronouns")


@dataclass
class _FrameHit:
    """An estimative frame found in a sentence: the frame word's token, the probability the
    frame gives, and the holder's token (the subject of the judging verb) when the frame
    names one."""

    tok: Token
    prob: float
    holder: Optional[Token]
    label: str


def _has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    """Tokens ``[start, end)`` hold a finite verb (morphology, else an STTS finite tag): a
    clause, not a list of names."""
    return any(
        t.pos_ in ("VERB", "AUX") and (feat(t, "VerbForm") == "Fin" or t.tag_.endswith("FIN"))
        for t in doc[start:end]
    )


def _past_clause(doc: Doc, start: int, end: int) -> bool:
    """Tokens ``[start, end)`` report the past: a finite indicative past form, or a finite
    "haben"/"sein" with a participle (perfect)."""
    toks = [doc[i] for i in range(start, end)]
    for t in toks:
        if feat(t, "VerbForm") in ("Fin", None) and feat(t, "Mood") == "Ind" and feat(t, "Tense") == "Past":
            return True
    aux = any(_lemma(t) in ("haben", "sein") and feat(t, "VerbForm") == "Fin" and feat(t, "Mood") != "Sub" for t in toks)
    return aux and any(_verb_form_de(t) == "part" for t in toks)


def _negated_frame(tok: Token, sent: Span, flex: ForecastLexicon) -> bool:
    """The frame word or its verb is negated ("nicht wahrscheinlich", "schließt … nicht aus",
    "kaum denkbar"): a negation word among its or its head's dependents, or right before it."""
    neg = flex.words("negation") | FRAME_NEGATORS
    doc = sent.doc
    around = list(tok.children) + ([c for c in tok.head.children if c.i != tok.i] if tok.head.i != tok.i else [])
    if any(c.lower_ in neg for c in around):
        return True
    prev = doc[tok.i - 1] if tok.i > sent.start else None
    return prev is not None and prev.lower_ in neg


VOICING_VERBS_DE = forecast_words("voicing_verbs_de")


PAST_PASSIVE_AUX_EN = forecast_words("past_passive_aux_en")


def _past_passive_expectation(sent: Span, st: Statement) -> bool:
    """English "X was/were expected (forecast, predicted) to …" with no future time: an
    expectation of the past, reported after the fact ("The vote was expected to be close",
    "The storm was forecast to hit the coast, but it turned north"); the cue is a past
    participle with "was"/"were" (``past_passive_aux_en``) right before it or as its
    auxiliary. A future time keeps it ("was expected to pass next week"; the caller asks)."""
    cue = (st.cue or "").strip().lower()
    for t in sent:
        if t.lower_ != cue or t.tag_ not in ("VBN", "VBD"):
            continue  # (the tagger may read "was forecast" as a past form)
        aux = [c for c in t.children if dep(c) in ("aux", "aux:pass", "auxpass")]
        prev = sent.doc[t.i - 1] if t.i > sent.start else None
        if any(a.lower_ in PAST_PASSIVE_AUX_EN for a in aux) or (prev is not None and prev.lower_ in PAST_PASSIVE_AUX_EN):
            return True
    return False


def _noun_dass(tok: Token, sent: Span) -> Optional[Token]:
    """The "dass" of the clause that a noun ``tok`` takes ("die Erwartung, dass …", "die
    Befürchtung der Opposition, dass …"): the word after the first comma behind the noun, in
    at most eight tokens and before any finite verb; None otherwise. Needs NOUN/PROPN."""
    if tok.pos_ not in ("NOUN", "PROPN") or any(dep(c) == "case" for c in tok.children):
        return None  # ("erwartete angesichts der Vorhersagen, dass …": the clause is the verb's)
    doc = sent.doc
    for j in range(tok.i + 1, min(sent.end - 1, tok.i + 9)):
        t = doc[j]
        if t.text == ",":
            nxt = doc[j + 1]
            return nxt if nxt.lower_ == "dass" and _clause_of_noun(tok, nxt) else None
        if t.tag_ in ("VVFIN", "VAFIN", "VMFIN") or t.is_punct:
            return None
    return None


def _clause_of_noun(noun: Token, dass: Token) -> bool:
    """The clause that ``dass`` opens belongs to ``noun``: its verb hangs on the noun, or on
    the verb the noun is the subject or object of where that verb takes no content clause of
    its own (the parser hangs "…, dass" of "haben Angst" on "haben"); a speech or expectation
    verb's clause is that verb's ("Die Zentrale erwartete … Vorhersagen, dass …")."""
    verb = dass.head
    if verb.i == noun.i:
        return True
    if verb.head.i == noun.i:
        return True
    if verb.head.i != noun.head.i or dep(noun) not in ("obj", "nsubj", "nsubj:pass"):
        return False
    return not statement_lexicon("de").verbs_by_form.get(noun.head.lower_) or _lemma(noun.head) in VOICING_VERBS_DE


def _past_content_de(doc: Doc, start: int, end: int) -> bool:
    """:func:`_past_clause`, except a finite verb the tagger calls past that has the shape of
    the present third person of its lemma ("senkt" of "senken", "ändert" of "ändern": the
    tagger's tense is unsure on weak verbs in the verb-final slot); a strong past ("fiel",
    "hielt") and a weak one ("senkte") stay past."""
    def present_shape(t: Token) -> bool:
        lm = _lemma(t)
        return len(lm) > 3 and t.lower_ in (lm[:-2] + "t", lm[:-1] + "t", lm[:-2] + "et")
    keep = [i for i in range(start, end) if not (feat(doc[i], "Tense") == "Past" and present_shape(doc[i]))]
    toks = [doc[i] for i in keep]
    if any(feat(t, "VerbForm") in ("Fin", None) and feat(t, "Mood") == "Ind" and feat(t, "Tense") == "Past" for t in toks):
        return True
    aux = any(_lemma(t) in ("haben", "sein") and feat(t, "VerbForm") == "Fin" and feat(t, "Mood") != "Sub" for t in toks)
    return aux and any(_verb_form_de(t) == "part" for t in toks)


def _judged_in_past(noun: Token) -> bool:
    """The noun is the subject of a past indicative or perfect verb or copula ("Die
    Befürchtung, dass …, bewahrheitete sich", "… war unbegründet", "… hat sich bestätigt"):
    the sentence judges an expectation of the past."""
    if dep(noun) not in ("nsubj", "nsubj:pass"):
        return False
    head = noun.head
    verbs = [head] + [c for c in head.children if dep(c) in ("cop", "aux", "aux:pass")]
    past = any(feat(v, "Tense") == "Past" and feat(v, "Mood") != "Sub" for v in verbs)
    perfect = head.tag_ in ("VVPP", "VAPP") and any(dep(c) == "aux" and _lemma(c) in ("haben", "sein") for c in head.children)
    return past or perfect


def _noun_owner(noun: Token) -> Optional[Token]:
    """The genitive or "von" owner of an expectation noun ("die Erwartung der Ökonomen",
    "die Befürchtung von Experten", "die Prognose des Wifo"), before the comma of its clause."""
    for c in noun.children:
        if dep(c) not in ("nmod", "nmod:poss") or c.i < noun.i or c.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(noun.i < t.i < c.i and t.text == "," for t in noun.doc[noun.i:c.i]):
            continue
        cases = [g.lower_ for g in c.children if dep(g) == "case"]
        if (not cases and feat(c, "Case") == "Gen") or "von" in cases or (
            not cases and any(g.lower_ in ("des", "der") for g in c.children if dep(g) == "det")
        ):
            return c
    return None


def _among_group(noun: Token) -> Optional[Token]:
    """An "unter"/"bei" phrase of the verb the noun is the subject or object of ("Unter
    Ökonomen wächst die Erwartung, dass …", "Bei den Bauern ist die Sorge groß, dass …"):
    the group the expectation is found in."""
    head = noun.head if noun.head.i != noun.i else noun
    for c in head.children:
        if c.i != noun.i and dep(c) in ("obl", "nmod") and any(
            g.lower_ in ("unter", "bei") and dep(g) == "case" for g in c.children
        ):
            return c
    return None


def _judging_subject(tok: Token) -> Optional[Token]:
    """The subject of the verb that judges with ``tok`` (the frame word itself, its copula
    or the verb it hangs on: "Der Minister zeigte sich zuversichtlich")."""
    cs, ce = clause_bounds(tok.sent, tok.i) if tok.doc.has_annotation("SENT_START") else (0, len(tok.doc))
    for head in (tok, tok.head):
        if not cs <= head.i < ce:
            break  # ("Eine Gewähr gibt es nicht, da denkbar ist, dass …": another clause's subject)
        subj = next((c for c in head.children if dep(c) in ("nsubj", "nsubj:pass")
                     and c.pos_ in ("NOUN", "PROPN", "PRON", "")), None)
        if subj is not None:
            return subj
        if head.i == head.head.i:
            break
    return None


def _experiencer(tok: Token) -> Optional[Token]:
    """The "für" phrase of an estimative predicate ("Für Schuster ist es nicht denkbar, dass
    …", "Für die Ökonomin ist es wahrscheinlich, dass …"): the person it seems so to holds the
    judgement (the experiencer of the predicate); None when there is none or it is no actor."""
    doc = tok.doc
    heads = [tok] + ([tok.head] if tok.head.i != tok.i and dep(tok) in ("cop", "advmod", "xcomp") else [])
    heads += [c for c in tok.children if dep(c) == "cop"]
    for head in heads:
        for c in head.children:
            if dep(c) in ("obl", "nmod", "obj", "iobj") and c.i < tok.i and any(
                g.lower_ == "für" and dep(g) == "case" for g in c.children
            ) and _person_like(doc, c):
                return c
    return None


def _person_like(doc: Doc, t: Token) -> bool:
    """A subject that can hold a judgement: an actor mention, a name, a personal pronoun or
    a group/description the reference layer knows ("Beobachter", "der Experte"). A time
    phrase the parser took for a subject ("Anfang März hatte sie betont", "März"/PROPN as
    nsubj: a month, weekday or time noun of :mod:`lagebild.language.timewords` that no actor
    mention covers) holds nothing -- the forecasts' side of statements' ``_untimed``."""
    if time_phrase_head(t, doc.lang_ or "de"):
        return False
    if t.lower_ in PERSON_SUBJECT_PRONOUNS or t.pos_ == "PROPN":
        return True
    if t.lower_ in FRAME_PRONOUN_SUBJECTS:
        return False
    if t.lower_ in PERSON_PLURALS or t.lower_.endswith(_person_role_heads(doc.lang_ or "de") or ("\0",)):
        return True
    return _is_actor_token(doc, t)


def _holder_subject(subj: Optional[Token]) -> Optional[Token]:
    """The subject of a judging verb as the holder ("Die Analystin hält … für
    unwahrscheinlich"); None for an expletive or impersonal one ("Es ist …", "man")."""
    if subj is None or subj.lower_ in FRAME_PRONOUN_SUBJECTS:
        return None
    return subj


def _in_indirect_question(sent: Span, tok: Token, slex) -> bool:  # type: ignore[no-untyped-def]
    """``tok`` stands in a clause opened by an interrogative word ("ob", "wie weit", "wer")."""
    cs, _ = clause_bounds(sent, tok.i)
    doc = sent.doc
    return any(
        slex.clause_kind(doc[j].lower_) in ("interrogative", "as_reported") and not _relative_w_word(doc, j)
        for j in range(cs, tok.i)
    )


def _frame_words(tok: Token) -> Tuple[str, ...]:
    """The lemma forms a frame word may have: surface, lemma, and a separable verb with its
    particle ("schließt … aus" -> "ausschließen", "zeichnet … ab" -> "abzeichnen")."""
    out = [tok.lower_, (tok.lemma_ or "").lower()]
    for c in tok.children:
        if dep(c) in ("compound:prt", "compound", "svp") and c.is_alpha and c.i > tok.i:
            out.append(c.lower_ + (tok.lemma_ or tok.lower_).lower())
    for prt in ("aus", "ab", "an", "vor"):
        if tok.lower_.startswith(prt + "zu"):
            out.append(prt + tok.lower_[len(prt) + 2:])  # "auszuschließen" -> "ausschließen"
    return tuple(out)


def _copula_of(tok: Token) -> Optional[Token]:
    """The copula "sein" of a predicative word (the parser labels it cop, or aux)."""
    return next((c for c in tok.children if dep(c) == "cop" or (dep(c) == "aux" and _lemma(c) == "sein")), None)


def _colon_frame_judge(prev: Span, flex: ForecastLexicon) -> Optional[Token]:
    """The judge of a "dass"-frame that ends ``prev`` with a colon ("Die Ministerin zeigte
    sich zuversichtlich:"), whose content is the next sentence; None otherwise (or without
    a parse)."""
    toks = [t for t in prev if not t.is_space]
    if len(toks) < 3 or toks[-1].text != ":" or not has_parse(prev.doc):
        return None
    word = toks[-2]
    if prev.doc.lang_ == "de" and dep(word) in ("nsubj", "nsubj:pass") and word.pos_ in ("PRON", "NOUN", "PROPN") and (
        word.head.i < word.i and statement_lexicon("de").verbs_by_form.get(word.head.lower_)
    ):
        word = word.head  # "Im Mai sagte er: | …": the subject after the speech verb ends the frame
    frame = next((flex.frames[w] for w in _frame_words(word) if w in flex.frames), None)
    if frame is None and prev.doc.lang_ == "de" and statement_lexicon("de").verbs_by_form.get(word.lower_):
        # "Bereits im Dezember hatte er betont: | Auch wenn …, wird …" (the colon ended the
        # sentence): the speaker of the speech verb before the colon says the next sentence
        # — its subject that can speak (a time noun the parser also calls nsubj cannot)
        subjects = [c for c in word.children if dep(c) in ("nsubj", "nsubj:pass")]
        return next((c for c in subjects if _person_like(prev.doc, c)), None)
    if frame is None or "dass" not in frame.frames or _negated_frame(word, prev, flex):
        return None
    return _holder_subject(_judging_subject(word))


CHANCE_VERBS = forecast_words("chance_verbs", "de")
CHANCE_NOUNS = tuple(sorted(forecast_words("chance_nouns", "de")))


def _rated_chance(tok: Token, sent: Span, nouns: Tuple[str, ...]) -> Optional[Tuple[Token, Optional[Token]]]:
    """``(verb, holder)`` when the level adjective ``tok`` rates a chance or risk noun (a
    ``level_noun`` of forecast_frames.tsv, also at the end of a compound: "gute
    Siegchancen") that is the object of a ``chance_verbs`` verb in its clause ("sieht gute
    Chancen", "hätten gute Chancen", "räumt ihm geringe Chancen ein"); "haben" not in the past
    indicative ("hatte gute Chancen" reports the past; a judgement reported in the past,
    "sah gute Chancen", still looks ahead). The holder is the subject of a verb
    of judging ("sehen", "einräumen": who sees the chances); with "haben" the subject is
    whose chances they are, and no holder is named (None). None when there is no such frame."""
    if dep(tok) != "amod" or tok.head.i == tok.i:
        return None
    noun = tok.head
    if not (noun.lower_.endswith(nouns) or (noun.lemma_ or "").lower().endswith(nouns)):
        return None
    doc = sent.doc
    cs, ce = clause_bounds(sent, noun.i)
    verb = next((doc[j] for j in range(cs, ce) if doc[j].pos_ in ("VERB", "AUX")
                 and any(w in CHANCE_VERBS for w in _frame_words(doc[j]))), None)
    if verb is None:
        return None
    if _lemma(verb) == "haben":
        base = re.sub(r"(?:e|en|er|es|em)$", "", tok.lower_)  # ("schlechtere" -> "schlechter")
        lemma = (tok.lemma_ or "").lower()
        if _comparative(tok) or (base.endswith("er") and lemma and lemma != base and len(base) > len(lemma)):
            return None  # ("haben … schlechtere Chancen": groups compared, a finding of the present)
        if feat(verb, "Tense") == "Past" and feat(verb, "Mood") == "Ind" and verb.lower_ not in _subjunctive_forms():
            return None  # (the tagger reads "hätten" as an indicative at times)
        # (only chances one has, and "haben" as a full verb: "hat ein hohes Risiko übernommen"
        # is a perfect)
        if any(doc[j].tag_ in ("VVPP", "VAPP", "VMPP") for j in range(cs, ce)) or not noun.lower_.endswith(CHANCE_NOUNS):
            return None
        return verb, None
    subj = next((c for c in verb.children if dep(c) in ("nsubj",) and c.i != noun.i), None)
    return verb, (_holder_subject(subj) if subj is not None and _person_like(doc, subj) else None)


def _negated_passive_frame(tok: Token, sent: Span, flex: ForecastLexicon):  # type: ignore[no-untyped-def]
    """The frame of a ``neg_verb`` word (forecast_frames.tsv) when ``tok`` is its participle in
    a werden-passive ("wurde nicht ausgeschlossen", "wird nicht ausgeschlossen") whose clause
    reports nothing past after it (no past dass-clause); else None."""
    if not (_verb_form_de(tok) == "part" or tok.tag_ == "VVPP"):
        return None
    frame = flex.frames.get(_lemma(tok))
    if frame is None or "neg_verb" not in frame.frames:
        return None
    aux = [c for c in tok.children if dep(c) in ("aux", "aux:pass", "cop") and _lemma(c) == "werden"]
    if not aux or _past_content_after(sent, tok):
        return None
    return frame


def _past_content_after(sent: Span, tok: Token) -> bool:
    """A "dass"-clause after ``tok`` in its sentence reports the past ("schloss nicht aus,
    dass er geflohen war")."""
    doc = sent.doc
    d = next((t for t in doc[tok.i + 1: sent.end] if t.lower_ == "dass"), None)
    if d is None:
        return False
    _, ce = clause_bounds(sent, d.i)
    return _past_clause(doc, d.i, ce)


DEONTIC_FRAME_MODALS = forecast_words("deontic_frame_modals", "de")


def estimative_frame(
    sent: Span, flex: ForecastLexicon, cond: Optional[Tuple[int, int]] = None, slex=None,  # type: ignore[no-untyped-def]
) -> Optional[_FrameHit]:
    """The first estimative frame of ``sent`` (``data/<lang>/forecast_frames.tsv``): an
    estimative word in one of its constructions, about a non-past event, outside a condition
    clause and an indirect question. Returns None when there is none (or no parse)."""
    doc = sent.doc
    if not flex.frames or not has_parse(doc):
        return None
    slex = slex or statement_lexicon(doc.lang_ or "de")
    for tok in sent:
        frame = next((flex.frames[w] for w in _frame_words(tok) if w in flex.frames), None)
        if frame is None or frame.frames == ("level_noun",):
            continue
        if cond and cond[0] <= tok.idx < cond[1]:
            continue
        if _in_indirect_question(sent, tok, slex):
            continue
        prev = doc[tok.i - 1] if tok.i > sent.start else None
        nxt = [t for t in doc[tok.i + 1: min(sent.end, tok.i + 4)]]
        negated = _negated_frame(tok, sent, flex)
        holder: Optional[Token] = None
        hit = None
        passive = _negated_passive_frame(tok, sent, flex) if negated else None
        if passive is not None:
            # "Eine Einigung wurde nicht ausgeschlossen", "wird nicht ausgeschlossen": the
            # passive of a neg_verb frame judges impersonally (the reporting speaker or the
            # author holds it)
            hit = passive.prob
        elif "neg_verb" in frame.frames:
            if negated and (tok.pos_ in ("VERB", "AUX") or "zu" in tok.lower_[2:5]) and (
                feat(tok, "Tense") != "Past" or not _past_content_after(sent, tok)
            ):
                # "X schließt … nicht aus": X judges; "… ist nicht auszuschließen": impersonal;
                # reported in the past ("X schloss einen Rücktritt nicht aus") it still judges
                # what is to come, unless its dass-clause reports the past
                holder = None if "zu" in tok.lower_[2:5] else _holder_subject(_judging_subject(tok))
                hit = frame.prob
        elif "refl_verb" in frame.frames:
            cs, ce = clause_bounds(sent, tok.i)
            if (
                tok.pos_ == "VERB" and feat(tok, "Tense") != "Past" and any(doc[j].lower_ == "sich" for j in range(cs, ce))
                and not (_looks_participle(tok, "de") and _past_clause(doc, cs, ce))
            ):
                # ("eine Entwicklung, die sich abgezeichnet hat": the perfect reports the past)
                hit = frame.prob
        elif "level" in frame.frames:
            # "Die Ansteckungsgefahr sei gering", "Die Chancen stehen gut"
            verb = _copula_of(tok)
            subj = next((c for c in tok.children if dep(c) in ("nsubj", "nsubj:pass")), None)
            if verb is None and _lemma(tok.head) == "stehen" and tok.head.i != tok.i:
                verb = tok.head
                subj = next((c for c in verb.children if dep(c) in ("nsubj", "nsubj:pass")), None)
            nouns = tuple(w for w, f in flex.frames.items() if "level_noun" in f.frames)
            if (
                verb is not None and subj is not None and nouns
                and (subj.lower_.endswith(nouns) or (subj.lemma_ or "").lower().endswith(nouns))
                and not (feat(verb, "Tense") == "Past" and feat(verb, "Mood") == "Ind")
            ):
                hit = frame.value(negated)
            elif nouns and (chance := _rated_chance(tok, sent, nouns)) is not None:
                # "Die OECD sieht gute Chancen für eine Einigung", "Die Kinder hätten gute
                # Chancen auf einen Job": a rated chance as the object of seeing or having
                verb, holder = chance
                hit = frame.value(negated)
        elif "noun_dass" in frame.frames:
            d = _noun_dass(tok, sent)
            if d is not None and not _past_content_de(doc, d.i, clause_bounds(sent, d.i)[1]) and not _judged_in_past(tok):
                # "Die Erwartung, dass die Zinsen fallen, wächst", "äußerte die Befürchtung, dass …"
                holder = _noun_owner(tok) or _among_group(tok)
                subj = _holder_subject(_judging_subject(tok)) if dep(tok) != "nsubj" and holder is None else None
                if subj is not None and (
                    _person_like(doc, subj) or _is_actor_token(doc, subj) or _person_noun(subj)
                    or _lemma(tok.head) in VOICING_VERBS_DE
                ):
                    holder = subj  # ("Die Krise nährt die Sorge, dass …": a thing that stokes it holds nothing)
                if holder is not None and time_phrase_head(holder, "de"):
                    holder = None
                hit = frame.value(negated)
        elif tok.pos_ in ("ADJ", "ADV", "VERB") or tok.tag_ in ("ADJD", "VVPP") or (
            # a fronted, capitalised predicate the tagger read as a name ("Denkbar ist …")
            tok.pos_ in ("PROPN", "NOUN") and dep(tok) == "nsubj" and tok.i == _clause_opener(sent, tok).i
        ):
            colon = nxt[0] if nxt and nxt[0].text == ":" and nxt[0].i + 1 < sent.end else None
            if "dass" in frame.frames and colon is not None:
                # "Hofer zeigte sich zuversichtlich: Ich glaube, dass wir … liegen werden" — the
                # colon opens the content as "dass" would; a list after the colon ("Fraglich:
                # Itter (Knie), Dibon (krank)", a sports preview's line-up) has no clause
                if not _past_clause(doc, colon.i + 1, sent.end) and _has_finite_verb(doc, colon.i + 1, sent.end):
                    holder = _holder_subject(_judging_subject(tok))
                    hit = frame.value(negated)
            elif "dass" in frame.frames and any(t.lower_ == "dass" for t in nxt) and not any(t.lower_ == "ob" for t in nxt):
                d = next(t for t in nxt if t.lower_ == "dass")
                _, ce = clause_bounds(sent, d.i)
                cs, _ = clause_bounds(sent, tok.i)
                if not _past_clause(doc, d.i, ce) and not any(
                    doc[j].lower_ in DEONTIC_FRAME_MODALS for j in range(cs, tok.i)
                ):
                    # ("Es muss doch möglich sein, dass …" demands a possibility, s27-prec kind normative)
                    holder = _holder_subject(_judging_subject(tok)) or _experiencer(tok)
                    hit = frame.value(negated)
            elif "als" in frame.frames and prev is not None and prev.lower_ == "als" and any(
                _lemma(t) == "gelten" and feat(t, "Tense") != "Past" for t in sent
            ):
                hit = frame.value(negated)
            elif "fuer" in frame.frames and prev is not None and prev.lower_ == "für" and any(
                _lemma(t) == "halten" and feat(t, "Tense") != "Past" for t in sent
            ):
                holder = _holder_subject(_judging_subject(next(t for t in sent if _lemma(t) == "halten")))
                hit = frame.value(negated)
            elif "copula" in frame.frames:
                cop = _copula_of(tok)
                subj = next((c for c in tok.children if dep(c) in ("nsubj", "nsubj:pass")), None)
                if cop is None and subj is None and dep(tok) == "nsubj" and tok.i == _clause_opener(sent, tok).i and tok.i < tok.head.i:
                    # "Denkbar ist auch eine Verschiebung der Abstimmung": the fronted predicate taken
                    # for the subject of the noun (s27-wholeb kind denkbar-outcome); the noun
                    # with the copula is the subject
                    cop = _copula_of(tok.head)
                    subj = tok.head
                if (
                    cop is not None and subj is not None and subj.pos_ == "NOUN" and not _person_like(doc, subj)
                    and not (feat(cop, "Tense") == "Past" and feat(cop, "Mood") == "Ind")
                ):
                    hit = frame.value(negated)
        if hit is not None:
            return _FrameHit(tok, hit, holder, tok.text)
    return None
