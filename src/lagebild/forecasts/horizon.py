"""The horizon of a forecast: a time expression in its sentence resolved to a date range.

Time expressions come from :func:`lagebild.temporal.find_time_expressions` (resolved
against ``doc._.published``); the first one that reaches into the future wins, else the
first one found. Terms of office ("während seiner Amtszeit", "during Trump's term",
cue kind ``term_horizon`` in ``forecast_cues.tsv``) give a horizon that starts at the
publication date and stays open at the end — unless the actor knowledge base (if present)
gives the end of that actor's term.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from typing import Any, Dict, Optional, Sequence, Tuple

from spacy.tokens import Span

from .. import tokens
from ..statements.lexicon import match_phrases
from ..statements.syntax import doc_text
from .lexicon import ForecastLexicon, forecast_words

# prepositions that open a term phrase ("während", "during", "bis", "until" …)
TERM_PREPOSITIONS = {lang: forecast_words("term_prepositions", lang) for lang in ("de", "en")}


def _iso(value: Optional[date]) -> Optional[str]:
    return value.isoformat() if value else None


def _time_expressions(text: str, lang: str, published: Optional[date]):  # type: ignore[no-untyped-def]
    try:
        from ..temporal import find_time_expressions
    except ImportError:  # the temporal module is optional for this component
        return []
    return find_time_expressions(text, lang, published)


def _term_end(doc, sent: Span, span, published: Optional[date]) -> Optional[date]:  # type: ignore[no-untyped-def]
    """End of the office term of the person the term phrase names ("die Zeit von Donald
    Trump im Weißen Haus") or, failing that, of the first person in the sentence — from
    the actor knowledge base, when it knows the end; None otherwise (left open)."""
    if published is None:
        return None
    try:
        from ..actors.kb import load_kb

        kb = load_kb()
    except Exception:  # the KB is optional here: a horizon without end is still valid
        return None
    types = {a.id: a.type for a in tokens.get_list(doc, "actors")}
    mentions = tokens.mentions_in(doc, span[0], span[1]) or tokens.mentions_in(doc, sent.start_char, sent.end_char)
    for m in mentions:
        if types.get(m.actor_id, "PER") != "PER":
            continue
        actor = kb.get(m.actor_id)
        office = actor.office_at(published) if actor is not None else None
        if office is not None:
            return office.end
    return None


_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b|['\u2019]\d\d\b|\b\d{1,2}\.\s?\d{1,2}\.\s?\d\d\b|\b\d{1,2}/\d{1,2}/\d\d")


def _states_year(text: str) -> bool:
    """Whether a time expression names its year: a four-digit year 1800-2199, an
    apostrophe year ("'16"), or a numeric date with a year ("15.5.16", "5/15/16"). A day and
    month alone ("am 15. Mai", "15.5.") do not."""
    return bool(_YEAR.search(text))


def _shift_to_future(te, sent: Span, published: Optional[date]):  # type: ignore[no-untyped-def]
    """In a future-tense sentence an expression without a year that resolved into the past
    means the next occurrence: "wird am Mittwoch kommen" (next Wednesday), "wird bis zum
    Frühjahr abziehen" (next spring). A bare weekday moves forward in a present-tense
    sentence as well ("muss am Sonntag wahrscheinlich verzichten": next Sunday)."""
    end = te.end_date or te.start_date
    if not published or end is None or end >= published:
        return te
    if not _future_tense(sent) and not (te.rule == "weekday" and (_present_tense(sent) or _looks_forward(sent))):
        return te
    if _states_year(te.text):
        return te  # a date with its year stays as written; "am 15. Mai" moves like "im Mai"
    if te.rule == "weekday":
        delta = timedelta(days=7)
        return dataclasses.replace(
            te, start_date=te.start_date + delta if te.start_date else None, end_date=te.end_date + delta if te.end_date else None
        )
    try:
        return dataclasses.replace(
            te,
            start_date=te.start_date.replace(year=te.start_date.year + 1) if te.start_date else None,
            end_date=te.end_date.replace(year=te.end_date.year + 1) if te.end_date else None,
        )
    except ValueError:  # 29 February
        return te


# stems matched anywhere in the sentence; "_" in a row stands for a space ("vor_" = "vor ")
PAST_MARKERS = {lang: tuple(sorted(w.replace("_", " ") for w in forecast_words("past_markers", lang))) for lang in ("de", "en")}
PREDICTIVE_FORMS = {lang: forecast_words("predictive_forms", lang) for lang in ("de", "en")}


def _undated_future(text: str, sent: Span, char: int) -> bool:
    """A document without a publication date (a news corpus that dropped it) cannot date a
    time expression; one without a year and without a past marker ("am Freitag", "im März",
    "heuer", "nächste Woche") in a sentence with a predictive verb form points forward."""
    lang = sent.doc.lang_
    low = text.lower()
    if any(ch.isdigit() for ch in low) and any(len(w) == 4 and w.isdigit() for w in low.split()):
        return False
    before = doc_text(sent.doc)[max(sent.start_char, char - 20):char].lower()  # (Doc.text joins every token)
    if any(m in low or m in before for m in PAST_MARKERS.get(lang, ())):
        return False
    # (a sentence-initial "Sollte …," opens a condition, it predicts nothing)
    return any(t.lower_ in PREDICTIVE_FORMS.get(lang, set()) for t in sent if t.i > sent.start)


PERFECT_AUX = forecast_words("perfect_auxiliaries")  # finite "haben"/"sein" of the perfect (as detect.PERFECT_AUXILIARIES)


def _present_tense(sent: Span) -> bool:
    """The sentence's finite verbs are all present tense and none is the auxiliary of a
    perfect ("hat … gewonnen"): a bare weekday in it ("Der VfB muss am Sonntag
    wahrscheinlich verzichten") is the next one — news reports past days in the past tense
    or the perfect. German only (the tags are STTS)."""
    if sent.doc.lang_ != "de":
        return False
    finite = [t for t in sent if t.tag_ in ("VVFIN", "VAFIN", "VMFIN")]
    if not finite:
        return False
    for t in finite:
        if "Past" in t.morph.get("Tense"):
            return False
        if t.tag_ == "VAFIN" and t.lower_ in PERFECT_AUX and any(
            u.tag_ in ("VVPP", "VAPP", "VMPP") for u in sent if u.i > t.i
        ):
            return False
    return True


WEEKDAY_FORWARD_FORMS = {lang: forecast_words("weekday_forward_forms", lang) for lang in ("de", "en")}
_PAST_FINITE_TAGS = {"de": ("VVFIN", "VAFIN", "VMFIN"), "en": ("VBD",)}


def _looks_forward(sent: Span) -> bool:
    """The sentence predicts without a future auxiliary — a predictive modal or a word of
    expectation (``predictive_forms``, ``weekday_forward_forms`` in forecast_words.tsv: "Die
    Abstimmung am Donnerstag dürfte knapp ausfallen", "The storm is forecast to hit on
    Friday") — and has no indicative past finite verb ("Die Abstimmung am Donnerstag fiel
    knapp aus, wie erwartet"; German Konjunktiv II "dürfte"/"könnte" carry Tense=Past with
    Mood=Sub in the tagger and do not count as past; English "could"/"would" are forms of
    the list). A bare weekday in such a sentence is the next one, as in the future tense."""
    lang = sent.doc.lang_
    forms = PREDICTIVE_FORMS.get(lang, frozenset()) | WEEKDAY_FORWARD_FORMS.get(lang, frozenset())
    if not any(t.lower_ in forms for t in sent):
        return False
    tags = _PAST_FINITE_TAGS.get(lang, ())
    for t in sent:
        if t.tag_ in tags and t.lower_ not in forms and "Past" in t.morph.get("Tense") + (["Past"] if lang == "en" else []) and (
            "Sub" not in t.morph.get("Mood")
        ):
            return False
    return True


REST_OF_PERIOD = {lang: forecast_words("rest_of_period", lang) for lang in ("de", "en")}


def _rest_of_period(sent: Span, char: int) -> bool:
    """The word before the time expression at ``char`` limits a current period to what is
    left of it ("noch diese Woche", "noch heuer", ``rest_of_period`` in forecast_words.tsv):
    the horizon starts at the publication date and points forward."""
    words = REST_OF_PERIOD.get(sent.doc.lang_, frozenset())
    prev = [t for t in sent if t.idx + len(t) <= char]
    return bool(words and prev and prev[-1].lower_ in words)


def _future_tense(sent: Span) -> bool:
    from .lexicon import forecast_lexicon

    fut = forecast_lexicon(sent.doc.lang_).words("future_aux")
    return any(t.lower_ in fut for t in sent)


def find_horizon(
    doc, sent: Span, lang: str, published: Optional[date], flex: ForecastLexicon,  # type: ignore[no-untyped-def]
    within: Optional[Sequence[Tuple[int, int]]] = None,
) -> Optional[Dict[str, Any]]:
    """``{"text", "start", "end", "future", "char_span"}`` for ``sent``, or None.

    within: character ranges (the content of reported speech); when given, only time
    expressions inside one of them count — "…, warned on Sunday" dates the warning, not
    the predicted event."""
    base = sent.start_char
    best = None
    for te in _time_expressions(tokens.span_text(sent), lang, published):
        if within is not None and not any(a <= base + te.start and base + te.end <= b for a, b in within):
            continue
        te = _shift_to_future(te, sent, published)
        first = te.text.split()[0].lower() if te.text.split() else ""
        if published and te.start_date and te.start_date > published and first in flex.words("deadline"):
            te = dataclasses.replace(te, start_date=published)  # "bis zum Frühjahr": from now on
        if published and te.start_date and te.end_date and te.start_date < published <= te.end_date and _rest_of_period(
            sent, base + te.start
        ):
            te = dataclasses.replace(te, start_date=published)  # "noch diese Woche": what is left of it
        future = bool(published and te.end_date and te.end_date >= published and (te.start_date or te.end_date) >= published)
        if published is None and not future:
            future = _undated_future(te.text, sent, base + te.start)
        if te.start_date is None and te.end_date is None and te.kind == "set":
            continue
        cand = {
            "text": te.text,
            "start": _iso(te.start_date),
            "end": _iso(te.end_date),
            "future": future,
            "day": te.kind == "date" and te.start_date == te.end_date,
            "char_span": (base + te.start, base + te.end),
        }
        if future:
            return cand
        if best is None:
            best = cand
    low = tokens.token_lowers(sent.doc)[sent.start:sent.end]  # [t.lower_ for t in sent]
    terms = flex.of_kind("term_horizon")
    found = match_phrases(low, terms)
    toks = list(sent) if found else []
    for s, e, _ in found:
        preps = TERM_PREPOSITIONS.get(lang, set())
        start = s
        for j in range(s - 1, max(-1, s - 10), -1):
            if toks[j].is_punct:
                break
            if low[j] in preps:
                start = j
                break
        if start == s:
            continue  # a bare "Amtszeit" is no horizon
        cs, ce = toks[start].idx, toks[e - 1].idx + len(toks[e - 1])
        return {
            "text": doc_text(doc)[cs:ce],
            "start": _iso(published),
            "end": _iso(_term_end(doc, sent, (cs, ce), published)),
            "future": True,
            "char_span": (cs, ce),
        }
    return best or _bare_year(sent, published, within)


YEAR_UNITS = forecast_words("year_units")


def _bare_year(sent: Span, published: Optional[date], within: Optional[Sequence[Tuple[int, int]]] = None):  # type: ignore[no-untyped-def]
    """A bare year as the only time of the sentence ("2020 werden bereits 27 Prozent …
    gedeckt", "wird spätestens 2025 festgelegt", "werde 2017 wieder beim Stand von 2008
    sein"): a four-digit numeral 1900–2099 that counts no noun after it ("2020 Soldaten",
    "2020 Euro" are amounts). The first such year at or after the publication year wins (any
    year when the document is undated); None when there is none. The temporal module
    leaves such years alone because out of context they may be amounts. In an undated
    document the year counts only in a sentence with a predictive verb form ("wird",
    "dürfte", "würde" …) and no finite verb in the past tense ("1970 ins Exil schickte")."""
    # most sentences hold no such numeral: answered from the token texts, without
    # creating a Token object per word
    if not any(len(x) == 4 and x.isdigit() and 1900 <= int(x) <= 2099
               for x in tokens.token_texts(sent.doc)[sent.start:sent.end]):
        return None
    toks = list(sent)
    if published is None and (
        not any(t.lower_ in PREDICTIVE_FORMS.get(sent.doc.lang_, set()) for t in toks)
        or any(t.tag_.endswith("FIN") and "Past" in t.morph.get("Tense") for t in toks)
    ):
        return None  # undated: only a year in a sentence with a predictive form and no past tense
    for k, t in enumerate(toks):
        if len(t.text) != 4 or not t.text.isdigit() or not 1900 <= int(t.text) <= 2099:
            continue
        if within is not None and not any(a <= t.idx and t.idx + 4 <= b for a, b in within):
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN") or nxt.tag_ == "ADJA" or nxt.lower_ in YEAR_UNITS):
            continue
        year = int(t.text)
        if published is not None and year < published.year:
            continue
        return {
            "text": t.text,
            "start": f"{year}-01-01",
            "end": f"{year}-12-31",
            "future": published is None or year >= published.year,
            "day": False,
            "char_span": (t.idx, t.idx + 4),
        }
    return None
