"""Resolution candidates: which later stored events bear on a forecast, ranked with reasons.

For each forecast with a predicted event (``predicted = {source, cameo, target}``, or an
event the coder found inside the forecast's span) the store's later events are compared
with it:

- **time**: the evidence event (its date, else its document's publication date) lies on
  or after the forecast's publication and the horizon's start, in another document, no
  later than the horizon's end — or, when the forecast gives no horizon, than
  :data:`DEFAULT_HORIZON_DAYS` after publication — and no later than ``as_of``;
- **factuality**: the event is asserted (or reported by a source), not threatened,
  promised, demanded, proposed, conditional, hypothetical or predicted, and not negated;
- **action**: a graded CAMEO compatibility (:func:`cameo_match`): the same code 1.0, the
  same root 0.75, the same PLOVER type 0.5, the same quad class 0.25, else no candidate;
- **actors**: a graded actor compatibility (:func:`actor_match`) from the actor
  knowledge base's codes and countries: the same actor 1.0; an actor and the body it
  leads or belongs to (Putin, code RUSGOV, and RUSGOV) 0.9; a country and its government,
  military, leader or cities (RUS and RUSMIL) 0.75; two actors of one country 0.5.

The score is the weighted sum ``0.4 action + 0.3 source + 0.2 target + 0.1 time`` (× 0.9
for a reported event), in [0, 1]; every component adds a reason in words. Candidates
scoring below :data:`MIN_SCORE` are dropped; the rest are ranked best first.

Negated forecasts ("Putin will not meet Zelensky") are resolved by absence: matching events
are counter-evidence, and a forecast whose horizon ended without one is proposed true.

Conditional forecasts are looked at only once their condition holds: the same machinery is
applied to the condition's event (``condition_event``) from publication to the horizon's
end; only a match scoring at least :data:`PROPOSE_SCORE` counts, and outcome evidence must
then not predate it. Otherwise the forecast's status is "condition not met" and it gets no
candidates and no proposal. A condition the coder found no event for cannot be checked
automatically and stays "condition not met" until an analyst decides.

The proposals returned here are suggestions for an analyst; nothing in this module writes
to the store (decisions are :mod:`lagebild.resolve.decisions`).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from ..events.cameo import load_ontology
from ..forecasts.query import DEFAULT_HORIZON_DAYS  # one definition for resolve and the ledger
from .decisions import current, history
from .holders import HolderNames
from .ids import event_id, forecast_id, parse_id

MIN_SCORE = 0.45  # below this a "candidate" shares too little with the forecast
PROPOSE_SCORE = 0.7  # a candidate this good is proposed as evidence (and confirms a condition)
WEIGHTS = {"action": 0.4, "source": 0.3, "target": 0.2, "time": 0.1}
FACTUAL = {"asserted": 1.0, "reported": 0.9}
PREDICTIVE_MODALITIES = ("predicted", "conditional", "hypothetical")
SYMMETRIC_ROOTS = ("03", "04", "05", "06")  # meet, negotiate, cooperate: "A meets B" = "B meets A"
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
_COMPOSITE = re.compile(r"^[A-Z]{3}[A-Z]{3}$")


# ------------------------------------------------------------------ actors


@dataclass(frozen=True)
class ActorInfo:
    id: str
    name: str
    type: Optional[str]
    country: Optional[str]
    code: Optional[str]

    @property
    def is_country(self) -> bool:
        return self.type == "GPE" and self.country is not None and self.id == self.country


def _info(aid: str, row: Optional[Dict[str, Any]], code: Optional[str] = None) -> ActorInfo:
    row = row or {}
    country = row.get("country")
    if not country and _COMPOSITE.match(aid):
        country = aid[:3]  # a country + agent composite (RUSGOV) not in the actors table
    if not country and len(aid) == 3 and aid.isupper():
        country = aid
    return ActorInfo(
        id=aid, name=row.get("name") or aid, type=row.get("type") or ("GPE" if aid == country else None),
        country=country, code=code or row.get("code") or (aid if _COMPOSITE.match(aid) else None),
    )


def actor_match(a: ActorInfo, b: ActorInfo) -> Tuple[float, str]:
    """Graded compatibility of a predicted actor ``a`` with an evidence actor ``b``:
    (grade in [0, 1], reason). See the module docstring for the grades."""
    if a.id == b.id:
        return 1.0, f"same actor ({a.name})"
    ca, cb = a.code or a.id, b.code or b.id
    if ca == cb and not (a.is_country or b.is_country):
        return 0.9, f"{a.name} and {b.name} share the actor code {ca}"
    if a.is_country and b.country == a.id:
        return 0.75, f"{b.name} belongs to {a.name}"
    if b.is_country and a.country == b.id:
        return 0.75, f"{a.name} belongs to {b.name}"
    if a.country and a.country == b.country:
        return 0.5, f"{a.name} and {b.name} are both of {a.country}"
    return 0.0, f"{a.name} and {b.name} are unrelated"


# ------------------------------------------------------------------ actions


@lru_cache(maxsize=65536)
def cameo_match(predicted: str, found: str) -> Tuple[float, str]:
    """Graded CAMEO compatibility: (1.0 same code | 0.75 same root | 0.5 same PLOVER type |
    0.25 same quad class | 0.0, reason)."""
    onto = load_ontology()
    if predicted == found:
        name = onto.lookup(found).name
        return 1.0, f"same CAMEO code {found}" + (f" ({name})" if name else "")
    if predicted[:2] == found[:2]:
        return 0.75, f"same CAMEO root {found[:2]} ({predicted} vs {found})"
    p, f = onto.lookup(predicted), onto.lookup(found)
    if p.plover and p.plover == f.plover:
        return 0.5, f"same PLOVER type {p.plover} ({predicted} vs {found})"
    if p.quad_class and p.quad_class == f.quad_class:
        return 0.25, f"same quad class {p.quad_class}, {QUAD_NAMES.get(p.quad_class, '')} ({predicted} vs {found})"
    return 0.0, f"unrelated actions ({predicted} vs {found})"


# ------------------------------------------------------------------ the store's rows


@dataclass
class EventRow:
    doc_id: str
    idx: int
    source: Optional[str]
    target: Optional[str]
    cameo: str
    modality: str
    negated: bool
    when: Optional[date]  # the event's date, else its document's publication
    published: Optional[date]
    start: int
    end: int
    sentence: str


@dataclass
class ForecastRow:
    doc_id: str
    idx: int
    holder: str
    holder_name: str
    text: str
    condition: Optional[str]
    probability: Optional[float]
    published: Optional[date]
    horizon_start: Optional[date]
    horizon_end: Optional[date]
    negated: bool
    predicted: Optional[Dict[str, Any]]
    condition_event: Optional[Dict[str, Any]]
    start: int
    end: int

    @property
    def id(self) -> str:
        return forecast_id(self.doc_id, self.idx)


def _as_date(value: Any) -> Optional[date]:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value if type(value) is date else value.date()  # datetime -> date
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


Signature = Tuple[Optional[ActorInfo], Optional[ActorInfo], str, str]  # source, target, cameo, modality


@dataclass
class _Group:
    """Factual events sharing one signature, ordered by (date, event id)."""

    sig: Signature
    keys: List[Tuple[str, str]] = field(default_factory=list)  # (date iso, event id), sorted
    events: List[EventRow] = field(default_factory=list)


@dataclass
class Evidence:
    """Everything the matcher reads from a store, loaded once (see :func:`load`).

    Factual events (asserted or reported, not negated, dated) are grouped by their
    *signature* — source and target as actor identities (with their codes at the
    document's date), CAMEO code and modality — since every event of a group scores the
    same against a forecast; groups are indexed by the countries (else ids) of their
    actors. A forecast is compared with a few hundred groups, not with every event.
    """

    events: List[EventRow]
    forecasts: List[ForecastRow]
    actors: Dict[str, Dict[str, Any]]
    doc_codes: Dict[Tuple[str, str], str]  # (doc_id, actor_id) -> CAMEO actor code at that date
    by_doc: Dict[str, List[EventRow]] = field(default_factory=dict)
    groups: Dict[Signature, _Group] = field(default_factory=dict)
    by_key: Dict[str, List[_Group]] = field(default_factory=dict)
    _infos: Dict[Tuple[str, str], ActorInfo] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for ev in self.events:
            self.by_doc.setdefault(ev.doc_id, []).append(ev)
        for ev in self.events:
            if ev.modality not in FACTUAL or ev.negated or ev.when is None or not ev.cameo:
                continue
            src = self.info(ev.doc_id, ev.source) if ev.source else None
            tgt = self.info(ev.doc_id, ev.target) if ev.target else None
            sig = (src, tgt, ev.cameo, ev.modality)
            group = self.groups.get(sig)
            if group is None:
                group = self.groups[sig] = _Group(sig)
                keys = {a.country or a.id for a in (src, tgt) if a} or {""}
                for key in keys:
                    self.by_key.setdefault(key, []).append(group)
            group.events.append(ev)
        for group in self.groups.values():
            group.events.sort(key=lambda e: (e.when, event_id(e.doc_id, e.idx)))  # type: ignore[arg-type, return-value]
            group.keys = [(e.when.isoformat(), event_id(e.doc_id, e.idx)) for e in group.events]  # type: ignore[union-attr]

    def info(self, doc_id: str, aid: str) -> ActorInfo:
        key = (doc_id, aid)
        got = self._infos.get(key)
        if got is None:
            got = self._infos[key] = _info(aid, self.actors.get(aid), self.doc_codes.get(key))
        return got

    def _key(self, doc_id: str, aid: str) -> str:
        """The index key of an actor: its country, else its own id."""
        return self.info(doc_id, aid).country or aid

    def groups_for(self, keys: Iterable[str]) -> List[_Group]:
        seen: Dict[int, _Group] = {}
        for key in keys:
            for group in self.by_key.get(key, ()):
                seen[id(group)] = group
        return list(seen.values())


def load(store: Any) -> Evidence:
    """Read events, forecasts, actors and per-document actor codes from ``store``."""
    events = [
        EventRow(
            doc_id=r["doc_id"], idx=int(r["idx"]), source=r["source"], target=r["target"],
            cameo=str(r["cameo"] or ""), modality=r["modality"] or "asserted", negated=bool(r["negated"]),
            when=_as_date(r["date"]) or _as_date(r["published"]), published=_as_date(r["published"]),
            start=int(r["start_char"] or 0), end=int(r["end_char"] or 0), sentence=r["sentence"] or "",
        )
        for r in store.query(
            "SELECT e.doc_id, e.idx, e.source, e.target, e.cameo, e.modality, e.negated, e.date, "
            "d.published, e.start_char, e.end_char, e.sentence FROM events e JOIN documents d ON d.id = e.doc_id"
        )
    ]
    actors = {r["id"]: r for r in store.query("SELECT id, name, type, country, code FROM actors")}
    doc_codes: Dict[Tuple[str, str], str] = {}
    for r in store.query("SELECT doc_id, actor_id, data FROM document_actors"):
        data = store.backend.load_json(r["data"]) if r["data"] is not None else {}
        if data and data.get("code"):
            doc_codes[(r["doc_id"], r["actor_id"])] = data["code"]
    names = HolderNames(store, actors)
    forecasts = []
    for r in store.query(
        "SELECT f.doc_id, f.idx, f.holder, f.text, f.condition, f.horizon_start, f.horizon_end, "
        "f.probability, f.published, f.start_char, f.end_char, f.data FROM forecasts f "
        "ORDER BY f.published NULLS LAST, f.doc_id, f.idx"
    ):
        data = store.backend.load_json(r["data"]) if r["data"] is not None else {}
        forecasts.append(ForecastRow(
            doc_id=r["doc_id"], idx=int(r["idx"]), holder=r["holder"] or "author",
            holder_name=names.name(r["doc_id"], r["holder"] or "author", data.get("holder_text")),
            text=r["text"] or "", condition=r["condition"], probability=r["probability"],
            published=_as_date(r["published"]), horizon_start=_as_date(r["horizon_start"]),
            horizon_end=_as_date(r["horizon_end"]), negated=bool(data.get("negated")),
            predicted=data.get("predicted"), condition_event=data.get("condition_event"),
            start=int(r["start_char"] or 0), end=int(r["end_char"] or 0),
        ))
    return Evidence(events=events, forecasts=forecasts, actors=actors, doc_codes=doc_codes)


# ------------------------------------------------------------------ matching


@dataclass
class Target:
    """What to look for: an event pattern from a forecast (or its condition)."""

    doc_id: str
    source: Optional[str]
    target: Optional[str]
    cameo: str
    negated: bool = False


def _target_of(ev: Evidence, fc: ForecastRow) -> Optional[Target]:
    """The forecast's predicted event; else a predicted/conditional event the coder found
    inside the forecast's span (not its condition's)."""
    pred = fc.predicted
    if pred and pred.get("cameo"):
        return Target(fc.doc_id, pred.get("source"), pred.get("target"), str(pred["cameo"]), fc.negated)
    cond = fc.condition_event or {}
    for row in ev.by_doc.get(fc.doc_id, []):
        if row.modality in PREDICTIVE_MODALITIES and fc.start <= row.start < fc.end and row.cameo:
            if (row.source, row.cameo, row.target) == (cond.get("source"), cond.get("cameo"), cond.get("target")):
                continue
            return Target(fc.doc_id, row.source, row.target, row.cameo, fc.negated or row.negated)
    return None


def _condition_of(ev: Evidence, fc: ForecastRow) -> Optional[Target]:
    cond = fc.condition_event
    if not cond or not cond.get("cameo"):
        return None
    negated = any(
        row.negated for row in ev.by_doc.get(fc.doc_id, [])
        if fc.start <= row.start < max(fc.end, row.start + 1)
        and (row.source, row.cameo, row.target) == (cond.get("source"), cond.get("cameo"), cond.get("target"))
    )
    return Target(fc.doc_id, cond.get("source"), cond.get("target"), str(cond["cameo"]), negated)


def _slot(want: Optional[ActorInfo], got: Optional[ActorInfo], role: str) -> Tuple[float, str]:
    if want is None:
        return 0.5, f"{role}: the forecast names none"
    if got is None:
        return 0.3, f"{role}: the event names none"
    grade, why = actor_match(want, got)
    return grade, f"{role}: {why}"


@lru_cache(maxsize=262144)
def score_signature(
    want_source: Optional[ActorInfo], want_target: Optional[ActorInfo], want_cameo: str, sig: Signature,
    default_horizon: bool,
) -> Optional[Tuple[float, Tuple[str, ...], float]]:
    """(score, reasons, time grade) of any factual event with signature ``sig`` for the
    predicted pattern, or None when such an event is no candidate (unrelated action, a
    named actor that does not fit, or a score under :data:`MIN_SCORE`). The time grade is
    1.0 inside a stated horizon, 0.8 inside the default one."""
    src, tgt, cameo, modality = sig
    action, action_why = cameo_match(want_cameo, cameo)
    if action <= 0:
        return None
    factual = FACTUAL.get(modality, 0.0)
    tm = 0.8 if default_horizon else 1.0
    best: Optional[Tuple[float, Tuple[str, ...], float]] = None
    orders = [(src, tgt, "")]
    if want_cameo[:2] in SYMMETRIC_ROOTS and cameo[:2] in SYMMETRIC_ROOTS:
        orders.append((tgt, src, " (roles swapped: a symmetric action)"))
    for got_s, got_t, note in orders:
        s, s_why = _slot(want_source, got_s, "source")
        t, t_why = _slot(want_target, got_t, "target")
        if (want_source and got_s and s <= 0) or (want_target and got_t and t <= 0):
            continue  # a named actor that does not fit rules the event out
        if want_source and want_target and s < 0.5 and t < 0.5:
            continue
        score = WEIGHTS["action"] * action + WEIGHTS["source"] * s + WEIGHTS["target"] * t + WEIGHTS["time"] * tm
        reasons: Tuple[str, ...] = (action_why, s_why + note, t_why)
        if factual < 1.0:
            score *= factual
            reasons += (f"{modality} (not asserted by the document itself)",)
        if best is None or score > best[0]:
            best = (round(score, 3), reasons, tm)
    if best is None or best[0] < MIN_SCORE:
        return None
    return best


def find(
    ev: Evidence, want: Target, *, start: date, end: date, default_horizon: bool = False, limit: int = 5,
) -> List[Dict[str, Any]]:
    """Candidates for ``want`` dated in [start, end] from other documents, best first (at
    most ``limit``): ``{event_id, document_id, score, reasons, date, source, cameo,
    target, sentence}``."""
    if end < start:
        return []
    want_s = ev.info(want.doc_id, want.source) if want.source else None
    want_t = ev.info(want.doc_id, want.target) if want.target else None
    keys = {a.country or a.id for a in (want_s, want_t) if a} or set(ev.by_key)
    lo, hi = (start.isoformat(), ""), (end.isoformat(), "\uffff")
    found: List[Tuple[float, str, str, Tuple[str, ...], EventRow]] = []
    for group in ev.groups_for(keys):
        scored = score_signature(want_s, want_t, want.cameo, group.sig, default_horizon)
        if scored is None:
            continue
        taken = 0
        for i in range(bisect_left(group.keys, lo), bisect_right(group.keys, hi)):
            row = group.events[i]
            if row.doc_id == want.doc_id:
                continue
            found.append((scored[0], group.keys[i][0], group.keys[i][1], scored[1], row))
            taken += 1
            if taken >= limit:
                break  # later events of the group rank lower
    found.sort(key=lambda f: (-f[0], f[1], f[2]))
    out = []
    for score, when, eid, reasons, row in found[:limit]:
        if default_horizon:
            t_when = f"on {when}, inside the default horizon of {DEFAULT_HORIZON_DAYS} days (none given)"
        else:
            t_when = f"on {when}, inside the horizon (to {end})"
        out.append({
            "event_id": eid,
            "document_id": row.doc_id,
            "score": score,
            "reasons": list(reasons[:3]) + [t_when] + list(reasons[3:]),
            "date": when,
            "source": row.source,
            "cameo": row.cameo,
            "target": row.target,
            "sentence": row.sentence,
        })
    return out


def horizon_of(fc: ForecastRow) -> Tuple[Optional[date], Optional[date], bool]:
    """(start, end, default?) of a forecast's horizon; the default when it gives no end."""
    if fc.horizon_end:
        return fc.horizon_start, fc.horizon_end, False
    if fc.published:
        return fc.horizon_start, fc.published + timedelta(days=DEFAULT_HORIZON_DAYS), True
    return fc.horizon_start, None, True


def propose(ev: Evidence, fc: ForecastRow, as_of: date, *, limit: int = 5) -> Dict[str, Any]:
    """The resolution view of one forecast at ``as_of``.

    Returns ``{forecast_id, holder, holder_id, text, condition, probability, published,
    horizon: {start, end, default}, negated, status, candidates: [{event_id, document_id,
    score, reasons, …}], condition_evidence: […], proposal: {outcome, reason} | None}``.
    ``status``: "due" (the horizon ended by ``as_of``), "open", "condition not met", or
    "no predicted event" (nothing to match: an analyst must judge from the text).
    """
    hz_start, hz_end, default = horizon_of(fc)
    start = fc.published or hz_start or date.min
    end = min(hz_end, as_of) if hz_end else as_of
    due = hz_end is not None and hz_end < as_of
    out: Dict[str, Any] = {
        "forecast_id": fc.id,
        "holder": fc.holder_name,
        "holder_id": fc.holder,
        "text": fc.text,
        "condition": fc.condition,
        "probability": fc.probability,
        "published": fc.published.isoformat() if fc.published else None,
        "horizon": {
            "start": hz_start.isoformat() if hz_start else None,
            "end": hz_end.isoformat() if hz_end else None,
            "default": default,
        },
        "negated": fc.negated,
        "status": "due" if due else "open",
        "candidates": [],
        "condition_evidence": [],
        "proposal": None,
    }
    if fc.condition:
        cond = _condition_of(ev, fc)
        if cond is None:
            out["status"] = "condition not met"
            out["proposal_note"] = "the condition has no coded event; an analyst must judge whether it held"
            return out
        found = find(ev, Target(cond.doc_id, cond.source, cond.target, cond.cameo), start=start, end=end, limit=limit)
        if cond.negated:
            held = not [c for c in found if c["score"] >= PROPOSE_SCORE] and due
            found = []
        else:
            found = [c for c in found if c["score"] >= PROPOSE_SCORE]
            held = bool(found)
        out["condition_evidence"] = found
        if not held:
            out["status"] = "condition not met"
            return out
        if found:
            start = max(start, min(date.fromisoformat(c["date"]) for c in found))
    if hz_start and hz_start > start:
        start = hz_start  # "next year": events before it do not count
    want = _target_of(ev, fc)
    if want is None:
        out["status"] = "no predicted event"
        return out
    cands = find(ev, want, start=start, end=end, default_horizon=default, limit=limit)
    out["candidates"] = cands
    strong = [c for c in cands if c["score"] >= PROPOSE_SCORE]
    if not want.negated:
        if strong:
            out["proposal"] = {"outcome": "true", "reason": f"{len(strong)} matching event(s), best {strong[0]['score']:.2f}"}
        elif due:
            out["proposal"] = {"outcome": "false", "reason": f"the horizon ended {hz_end} with no matching event"}
    else:
        if strong:
            out["proposal"] = {"outcome": "false", "reason": f"predicted not to happen, but it did (best match {strong[0]['score']:.2f})"}
        elif due:
            out["proposal"] = {"outcome": "true", "reason": f"predicted not to happen; no matching event by {hz_end}"}
    return out


def resolution_queue(
    store: Any, as_of: Optional[date] = None, *, include_open: bool = False, limit: int = 5,
    evidence: Optional[Evidence] = None, left_out: Optional[Dict[str, int]] = None,
) -> List[Dict[str, Any]]:
    """Forecasts awaiting a decision at ``as_of`` (default: today), with ranked candidates.

    Lists every forecast published by ``as_of`` that has no current decision and is due
    (its horizon, or the default one, ended), or is still open but already has a
    candidate; ``include_open`` lists all undecided ones. Oldest publication first.
    A forecast whose status is "no predicted event" or "condition not met" is listed when
    it is due, like any other (it was listed at any ``as_of``: an undated article's
    forecast, which has no horizon, "awaited a decision" in 2016 and in 2030 alike).
    ``left_out``, when given, receives the number of undecided forecasts not listed,
    ``{"not_due": n, "undated": m}`` (undated: no horizon and no publication date, so
    never due; ``include_open`` lists them).
    """
    as_of = as_of or date.today()
    ev = evidence or load(store)
    decided = current(store)
    out = []
    skipped = {"not_due": 0, "undated": 0}
    for fc in ev.forecasts:
        if fc.id in decided or (fc.published and fc.published > as_of):
            continue
        item = propose(ev, fc, as_of, limit=limit)
        end = horizon_of(fc)[1]
        if include_open or (end is not None and end < as_of) or item["candidates"]:
            out.append(item)
        else:
            skipped["undated" if end is None else "not_due"] += 1
    if left_out is not None:
        left_out.update(skipped)
    return out


def one_forecast(store: Any, fid: str, as_of: Optional[date] = None, *, limit: int = 5) -> Dict[str, Any]:
    """:func:`propose` for one forecast id, plus its ``decision`` (current, or None) and
    ``history`` (every decision, undone ones included). A forecast with a current decision
    has ``status`` "resolved" (as in ``lagebild forecasts`` and the ledger); the proposal's
    own status ("due", "condition not met", …) stays in ``proposal_status``. Raises E130/E131."""
    from ..errors import Errors, NotFoundError

    doc_id, idx = parse_id(fid, "f")
    ev = load(store)
    fc = next((f for f in ev.forecasts if f.doc_id == doc_id and f.idx == idx), None)
    if fc is None:
        raise NotFoundError(Errors.E131.format(id=fid, db=getattr(store, "path", "")))
    item = propose(ev, fc, as_of or date.today(), limit=limit)
    item["decision"] = current(store, [fc.id]).get(fc.id)
    item["history"] = history(store, fc.id)
    item["proposal_status"] = item["status"]
    if item["decision"]:
        item["status"] = "resolved"
    return item


def dumps(items: Sequence[Dict[str, Any]]) -> str:
    return json.dumps(list(items), ensure_ascii=False, indent=2, default=str)
