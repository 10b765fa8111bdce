"""Query parameters of the list views (one pydantic model per list) and the parameterised
WHERE clauses they become.

The models are FastAPI query-parameter models: FastAPI documents them in the OpenAPI
schema and answers a bad value (a date like ``2025-13-01``, quad class 7, an unknown
parameter) with 422 and the field's message. Empty form fields count as absent, so the
HTML filter forms can be submitted as they are.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Callable, Iterable, List, Literal, Optional, Tuple

from pydantic import BaseModel, Field, model_validator

from ..forecasts.query import DUE_SQL, OPEN_SQL
from ..schemas import ACTOR_TYPES, MODALITIES
from .db import like, words

Order = Literal["asc", "desc"]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]
ActorType = Literal[ACTOR_TYPES]  # type: ignore[valid-type]
Status = Literal["open", "due", "resolved"]

_ID = r"^[^\x00-\x1f]{1,200}$"
_TEXT = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"  # no control characters (PostgreSQL refuses NUL)


class ListParams(BaseModel):
    """Paging shared by every list: ``limit`` rows after ``cursor`` (the ``next`` of the
    previous answer)."""

    model_config = {"extra": "forbid"}

    limit: int = Field(50, ge=1, le=500, description="Rows per page (1–500).")
    cursor: Optional[str] = Field(None, max_length=2000, pattern=r"^[A-Za-z0-9_-]*$", description="The `next` value of the previous page.")
    order: Order = Field("desc", description="Sort direction.")

    @model_validator(mode="before")
    @classmethod
    def _drop_empty(cls, values: Any) -> Any:
        """Empty form fields (``?since=``) mean "no filter"."""
        if isinstance(values, dict):
            return {k: v for k, v in values.items() if v not in ("", None)}
        return values

    def link(self, **changes: Any) -> str:
        """This query string with ``changes`` applied (for pager and sort links)."""
        from urllib.parse import urlencode

        values = {**self.model_dump(exclude_none=True), **changes}
        defaults = type(self)().model_dump()
        return urlencode({k: v for k, v in values.items() if v is not None and v != defaults.get(k)}, doseq=True)


class _Dated(ListParams):
    since: Optional[date] = Field(None, description="On or after this date (YYYY-MM-DD).")
    until: Optional[date] = Field(None, description="On or before this date (YYYY-MM-DD).")
    language: Optional[str] = Field(None, pattern=r"^[a-z]{2,3}$", description="Document language (ISO 639-1).")
    q: Optional[str] = Field(None, max_length=200, pattern=_TEXT, description="Full-text search: every word must occur (case-insensitive).")


class DocumentParams(_Dated):
    actor: Optional[str] = Field(None, pattern=_ID, description="Actor id mentioned in the document.")
    partial: Optional[bool] = Field(None, description="Only partial (true) or complete (false) documents.")
    sort: Literal["published", "title", "n_events", "n_forecasts"] = "published"


class ActorParams(ListParams):
    q: Optional[str] = Field(None, max_length=200, pattern=_TEXT, description="Part of the name, id or actor code.")
    country: Optional[str] = Field(None, pattern=r"^[A-Z]{3}$", description="ISO 3166 alpha-3 country.")
    type: Optional[ActorType] = Field(None, description="Actor type.")
    provisional: Optional[bool] = Field(None, description="Only provisional (true) or knowledge-base (false) actors.")
    sort: Literal["documents", "mentions", "name"] = "documents"


class EventParams(_Dated):
    actor: Optional[str] = Field(None, pattern=_ID, description="Actor: an id, or (when no actor has that id) part of an actor's name or its actor code; as source or target.")
    source: Optional[str] = Field(None, pattern=_ID, description="Source actor (id, name or code, as `actor`).")
    target: Optional[str] = Field(None, pattern=_ID, description="Target actor (id, name or code, as `actor`).")
    counterpart: Optional[str] = Field(None, pattern=_ID, description="With `actor`: only events between the two, either direction (id, name or code).")
    country: Optional[str] = Field(None, pattern=r"^[A-Z]{3}$", description="Country (alpha-3) of source or target.")
    root: Optional[str] = Field(None, pattern=r"^[0-2][0-9]$", description="CAMEO root code (01–20).")
    cameo: Optional[str] = Field(None, pattern=r"^[0-9]{2,4}$", description="CAMEO code; its sub-codes match too.")
    quad_class: Optional[int] = Field(None, ge=1, le=4, description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.")
    plover: Optional[str] = Field(None, pattern=r"^[A-Z_]{2,30}$", description="PLOVER event type, e.g. ACCUSE.")
    modality: Optional[Modality] = Field(None, description="Modality of the event.")
    negated: Optional[bool] = Field(None, description="Only negated (true) or affirmed (false) events.")
    doc: Optional[str] = Field(None, pattern=_ID, description="Document id.")
    sort: Literal["day", "goldstein", "confidence"] = "day"


class IncidentParams(ListParams):
    since: Optional[date] = Field(None, description="Incident day on or after this date (YYYY-MM-DD).")
    until: Optional[date] = Field(None, description="Incident day on or before this date (YYYY-MM-DD).")
    actor: Optional[str] = Field(None, pattern=_ID, description="Actor: an id, or (when no actor has that id) part of an actor's name or its actor code; as source or target.")
    root: Optional[str] = Field(None, pattern=r"^[0-2][0-9]$", description="CAMEO root code (01–20).")
    cameo: Optional[str] = Field(None, pattern=r"^[0-9]{2,4}$", description="CAMEO code; its sub-codes match too.")
    quad_class: Optional[int] = Field(None, ge=1, le=4, description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.")
    min_mentions: Optional[int] = Field(None, ge=1, le=1_000_000, description="Only incidents with at least this many mentions.")
    sort: Literal["date", "num_mentions", "num_documents"] = "date"


class StatementParams(_Dated):
    speaker: Optional[str] = Field(None, pattern=_ID, description=(
        "Speaker: actor id, 'author', 'unknown', or part of the speaker's name (an actor's name, "
        "the document author's name for 'author', the words that name the speaker in the text)."))
    kind: Optional[Literal["direct", "indirect"]] = None
    doc: Optional[str] = Field(None, pattern=_ID, description="Document id.")
    sort: Literal["published"] = "published"


class ForecastParams(_Dated):
    holder: Optional[str] = Field(None, pattern=_ID, description=(
        "Holder: actor id, 'author', or part of the holder's name (an actor's name, the document "
        "author's name for 'author', the words that name the holder in the text)."))
    status: Optional[Status] = Field(None, description="open (horizon not ended), due (ended, unresolved) or resolved.")
    min_probability: Optional[float] = Field(None, ge=0, le=1)
    max_probability: Optional[float] = Field(None, ge=0, le=1)
    doc: Optional[str] = Field(None, pattern=_ID, description="Document id.")
    sort: Literal["published", "horizon_end", "probability"] = "published"
    decided: Optional[str] = Field(
        None, pattern=r"^[0-9A-Za-z_.-]{1,100}:f(0|[1-9][0-9]{0,5})$",
        description="Ledger page only: the forecast id a decision was just recorded on (the decision form "
                    "redirects here); the page names that decision and its warning (W135). Not a filter.")

    def link(self, **changes: Any) -> str:
        """As :meth:`ListParams.link`, without ``decided`` (the notice belongs to one page view)."""
        return super().link(**{"decided": None, **changes})


Where = Tuple[List[str], List[Any]]


def _text(where: List[str], params: List[Any], q: Optional[str], columns: List[str]) -> None:
    for w in words(q):
        where.append("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in columns) + ")")
        params += [like(w)] * len(columns)


def _equals(where: List[str], params: List[Any], pairs: Iterable[Tuple[str, Any]]) -> None:
    """``column = ?`` for each ``(column, value)`` whose value is given (not None); the
    columns are literals of this module, never user input."""
    for col, value in pairs:
        if value is not None:
            where.append(f"{col} = ?")
            params.append(value)


def _dates(where: List[str], params: List[Any], p: _Dated, column: str) -> None:
    if p.since:
        where.append(f"{column} >= ?")
        params.append(p.since)
    if p.until:
        where.append(f"{column} <= ?")
        params.append(p.until)
    if p.language:
        where.append("d.language = ?")
        params.append(p.language)


def document_where(p: DocumentParams) -> Where:
    where: List[str] = []
    params: List[Any] = []
    _dates(where, params, p, "d.published")
    _text(where, params, p.q, ["d.title", "d.text"])
    if p.actor:
        where.append("EXISTS (SELECT 1 FROM document_actors x WHERE x.doc_id = d.id AND x.actor_id = ?)")
        params.append(p.actor)
    if p.partial is not None:
        where.append("d.partial = ?")
        params.append(p.partial)
    return where, params


def actor_where(p: ActorParams) -> Where:
    where: List[str] = []
    params: List[Any] = []
    _text(where, params, p.q, ["a.name", "a.id", "a.code"])
    _equals(where, params, (("a.country", p.country), ("a.type", p.type), ("a.provisional", p.provisional)))
    return where, params


def event_where(p: EventParams) -> Where:
    where: List[str] = []
    params: List[Any] = []
    _dates(where, params, p, "coalesce(e.date, d.published)")
    _text(where, params, p.q, ["e.sentence"])
    if p.actor and p.counterpart:
        (sa1, pa1), (tc1, pc1) = _actor_clause("e.source", "sa", p.actor), _actor_clause("e.target", "ta", p.counterpart)
        (sc2, pc2), (ta2, pa2) = _actor_clause("e.source", "sa", p.counterpart), _actor_clause("e.target", "ta", p.actor)
        where.append(f"(({sa1} AND {tc1}) OR ({sc2} AND {ta2}))")
        params += [*pa1, *pc1, *pc2, *pa2]
    else:
        _either(where, params, p.actor or p.counterpart, (("e.source", "sa"), ("e.target", "ta")))
    _either(where, params, p.source, (("e.source", "sa"),))
    _either(where, params, p.target, (("e.target", "ta"),))
    if p.country:
        where.append("(sa.country = ? OR ta.country = ?)")
        params += [p.country, p.country]
    if p.root:
        where.append("e.cameo LIKE ?")
        params.append(p.root + "%")
    if p.cameo:
        where.append("e.cameo LIKE ?")
        params.append(p.cameo + "%")
    _equals(where, params, (
        ("e.quad_class", p.quad_class),
        ("e.plover", p.plover), ("e.modality", p.modality), ("e.negated", p.negated), ("e.doc_id", p.doc),
    ))
    return where, params


def incident_where(p: IncidentParams) -> Where:
    """Filters of the incident list (:mod:`lagebild.incidents`); the day is the incident's
    date (the events' date, else the documents' publication date)."""
    where: List[str] = []
    params: List[Any] = []
    if p.since:
        where.append("i.date >= ?")
        params.append(p.since)
    if p.until:
        where.append("i.date <= ?")
        params.append(p.until)
    _either(where, params, p.actor, (("i.source", "sa"), ("i.target", "ta")))
    for code in (p.root, p.cameo):
        if code:
            where.append("i.cameo LIKE ?")
            params.append(code + "%")
    if p.min_mentions is not None:
        where.append("i.num_mentions >= ?")
        params.append(p.min_mentions)
    _equals(where, params, (("i.quad_class", p.quad_class),))
    return where, params


JsonText = Callable[..., str]


def _actor_clause(column: str, actor: str, value: str, also: Iterable[Tuple[str, Any]] = ()) -> Tuple[str, List[Any]]:
    """One actor column matched as the workbench's actor filters take it: ``value`` is an
    actor id (``RUS``, ``per:anna_berger``), or, when no stored actor has that id, part of
    the linked actor's name (alias ``actor``, case-insensitive) or its actor code
    (``RUSGOV``, any case), or any of the further name clauses ``also``
    (``(sql, parameter)`` pairs). An id is exact: ``RUS`` never matches "Belarus" by its
    name. Returns the parenthesised SQL and its parameters."""
    named = [f"{actor}.name ILIKE ? ESCAPE '\\'", f"upper({actor}.code) = upper(?)"]
    named_params: List[Any] = [like(value), value]
    for sql, param in also:
        named.append(sql)
        named_params.append(param)
    sql = (f"({column} = ? OR (NOT EXISTS (SELECT 1 FROM actors xid WHERE xid.id = ?) AND ("
           + " OR ".join(named) + ")))")
    return sql, [value, value, *named_params]


def _either(where: List[str], params: List[Any], value: Optional[str], pairs: Iterable[Tuple[str, str]]) -> None:
    """``value`` (as :func:`_actor_clause`) in any of the ``(column, actor alias)`` pairs."""
    if not value:
        return
    clauses = [_actor_clause(column, actor, value) for column, actor in pairs]
    where.append("(" + " OR ".join(sql for sql, _ in clauses) + ")")
    for _, ps in clauses:
        params += ps


def _who(where: List[str], params: List[Any], value: Optional[str], *, column: str, actor: str,
         said_by: str, json_text: Optional[JsonText]) -> None:
    """The speaker or holder filter, as the ledger and the scorecards name one
    (:func:`lagebild.resolve.holders.holder_identity`): the id itself (``author``,
    ``unknown``, an actor id), or part of its name (:func:`_actor_clause`: the linked
    actor's name or code), in the document's authors for an ``author`` record, or in the
    words that name it in the text (``data.<said_by>``: "der Sprecher des Hafens", linked
    or not). Typing the name the ledger shows ("Anna Berger", an author) found nothing:
    only actor names were searched. ``json_text`` is the store backend's
    :meth:`~lagebild.store.backends.Backend.json_text` (None: those words are not searched)."""
    if not value:
        return
    also: List[Tuple[str, Any]] = [
        (f"({column} = 'author' AND array_to_string(d.authors, ' ') ILIKE ? ESCAPE '\\')", like(value))]
    if json_text is not None:
        also.append((f"{json_text(column.split('.')[0] + '.data', said_by)} ILIKE ? ESCAPE '\\'", like(value)))
    sql, ps = _actor_clause(column, actor, value, also)
    where.append(sql)
    params += ps


def statement_where(p: StatementParams, json_text: Optional[JsonText] = None) -> Where:
    """``speaker`` as :func:`_who` (with ``json_text``, the backend's JSON accessor, the
    words naming the speaker are searched too); the other filters equal their column."""
    where: List[str] = []
    params: List[Any] = []
    _dates(where, params, p, "d.published")
    _text(where, params, p.q, ["s.text"])
    _who(where, params, p.speaker, column="s.speaker", actor="sp", said_by="speaker_text", json_text=json_text)
    _equals(where, params, (("s.kind", p.kind), ("s.doc_id", p.doc)))
    return where, params


def forecast_where(p: ForecastParams, today: date, json_text: Optional[JsonText] = None) -> Where:
    """The status is computed as :mod:`lagebild.forecasts.query` defines it: ``due`` when
    the horizon (a year after publication when it gives none) ended before ``today`` and it
    is not resolved. ``holder`` as :func:`_who`."""
    where: List[str] = []
    params: List[Any] = []
    _dates(where, params, p, "f.published")
    _text(where, params, p.q, ["f.text", "f.condition"])
    _who(where, params, p.holder, column="f.holder", actor="h", said_by="holder_text", json_text=json_text)
    if p.status == "resolved":
        where.append("f.status = 'resolved'")
    elif p.status == "due":
        where.append(DUE_SQL)
        params.append(today)
    elif p.status == "open":
        where.append(OPEN_SQL)
        params.append(today)
    if p.min_probability is not None:
        where.append("f.probability >= ?")
        params.append(p.min_probability)
    if p.max_probability is not None:
        where.append("f.probability <= ?")
        params.append(p.max_probability)
    if p.doc:
        where.append("f.doc_id = ?")
        params.append(p.doc)
    return where, params
