"""Analysts' decisions on forecasts: record, undo, read — the ``resolutions`` table.

A decision says how a forecast turned out (:data:`OUTCOMES`), who decided, when, on what
evidence (event and document ids) and why (a note). The table is append-only: recording a
new decision keeps the old rows, undoing one stamps ``undone_by``/``undone_at`` on it, so
the whole history stays readable (:func:`history`). The *current* outcome of a forecast is
its latest decision that is not undone. Automatic proposals (:mod:`.candidates`) are never
written here; only :func:`record` writes, and only the CLI's explicit
``lagebild resolve ID --outcome …`` (or the web UI's equivalent) calls it.

The forecast's ``status`` column in ``forecasts`` follows: "resolved" while a current
decision exists, "open" otherwise (the ledger recomputes "due" from the horizon).
"""
from __future__ import annotations

import getpass
import json
import os
import uuid
from datetime import date, datetime, timedelta, timezone
from typing import Any, Dict, Iterable, List, Optional, Sequence

from ..errors import Errors, LagebildError, NotFoundError, Warnings
from .ids import event_id as make_event_id
from .ids import forecast_id as make_forecast_id
from .ids import parse_id

OUTCOMES = ("true", "false", "partly", "void")

# PostgreSQL advisory lock key of the resolutions table: several analysts (CLI, workbench)
# deciding at once number their decisions one after the other (arbitrary constant)
_LOCK = 7_215_640_136


def analyst() -> str:
    """Who decides: ``$LAGEBILD_ANALYST``, else the login name."""
    name = os.environ.get("LAGEBILD_ANALYST")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no login name (containers)
        return "unknown"


def has_table(store: Any, name: str = "resolutions") -> bool:
    """Whether the store has ``name`` (a store opened read-only is not migrated)."""
    rows = store.query(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?", [name]
    )
    return bool(rows and rows[0]["n"])


def _now() -> datetime:
    # naive UTC: TIMESTAMP columns of both backends, no time zone conversions
    return datetime.now(timezone.utc).replace(tzinfo=None)


def record(
    store: Any,
    forecast: str,
    outcome: str,
    *,
    evidence: Sequence[str] = (),
    note: Optional[str] = None,
    by: Optional[str] = None,
    expect: Optional[int] = None,
) -> Dict[str, Any]:
    """Store an analyst's decision on ``forecast`` (a forecast id); returns the new row,
    with ``replaces``: the decision that was current before (``{seq, outcome, decided_by}``)
    or None.

    outcome: one of :data:`OUTCOMES` — "true" (it happened as predicted), "false" (it did
        not), "partly" (in part; excluded from hits and Brier scores), "void" (the forecast
        cannot be judged: its condition never held, it was too vague; excluded too).
    evidence: event ids (``<doc>:e<idx>``) or document ids; each is checked to exist.
    expect: the ``seq`` of the current decision the analyst saw (0: none); when another
        analyst has decided or undone meanwhile, nothing is written and E136 is raised
        (the workbench's forms send it, so a stale page never overrides a decision).
    Decisions are numbered under a lock (PostgreSQL advisory lock; DuckDB has one writer),
    so concurrent deciders never get the same ``seq``.
    Raises LagebildError E130 (bad id), E131 (no such forecast), E132 (no such event or
    document), E133 (bad outcome), E136 (decided meanwhile).
    """
    if outcome not in OUTCOMES:
        raise LagebildError(Errors.E133.format(value=outcome, choices=", ".join(OUTCOMES)))
    doc_id, idx = parse_id(forecast, "f")
    rows = store.query(
        "SELECT f.holder, f.text, f.probability, f.published, f.condition FROM forecasts f "
        "WHERE f.doc_id = ? AND f.idx = ?", [doc_id, idx],
    )
    if not rows:
        raise NotFoundError(Errors.E131.format(id=forecast, db=store.path))
    items = [_evidence_item(store, ev) for ev in evidence]
    snapshot = {k: (str(v) if k == "published" and v is not None else v) for k, v in rows[0].items()}
    fid = make_forecast_id(doc_id, idx)
    with store.exclusive(_LOCK):
        return _insert(store, fid, doc_id, idx, outcome, items, note, by, snapshot, expect)


def premature(store: Any, forecast: str, outcome: str, today: Optional[date] = None) -> Optional[str]:
    """Warning W135 when ``outcome`` is "false" and the horizon of ``forecast`` ends after
    ``today`` (default: the current date): the predicted event may still happen, so a
    miss recorded now may be wrong. A forecast without a horizon ends a year after its
    publication, as the resolver and the ledger judge it
    (:data:`lagebild.forecasts.query.DEFAULT_HORIZON_DAYS`). None otherwise (other
    outcomes, neither a horizon nor a publication date, a horizon that is over). "true" is
    never premature: the event has happened."""
    from ..forecasts.query import DEFAULT_HORIZON_DAYS

    if outcome != "false":
        return None
    doc_id, idx = parse_id(forecast, "f")
    rows = store.query("SELECT horizon_end, published FROM forecasts WHERE doc_id = ? AND idx = ?", [doc_id, idx])
    end = rows[0]["horizon_end"] if rows else None
    if end is None and rows and rows[0]["published"] is not None:
        published = rows[0]["published"]
        published = published if isinstance(published, date) else date.fromisoformat(str(published)[:10])
        end = published + timedelta(days=DEFAULT_HORIZON_DAYS)
    if end is None:
        return None
    end = end if isinstance(end, date) else date.fromisoformat(str(end)[:10])
    today = today or date.today()
    if end <= today:
        return None
    return Warnings.W135.format(id=make_forecast_id(doc_id, idx), today=today.isoformat(), end=end.isoformat())


def _current_row(store: Any, doc_id: str, idx: int) -> Optional[Dict[str, Any]]:
    rows = store.query(
        "SELECT id, seq, outcome, decided_by FROM resolutions WHERE doc_id = ? AND idx = ? "
        "AND undone_at IS NULL ORDER BY seq DESC LIMIT 1", [doc_id, idx],
    )
    return dict(rows[0]) if rows else None


def _check_expected(fid: str, now: Optional[Dict[str, Any]], expect: Optional[int]) -> None:
    if expect is None or (now["seq"] if now else 0) == expect:
        return
    current = f"decision {now['seq']} ({now['outcome']} by {now['decided_by']})" if now else "none (undone)"
    raise LagebildError(Errors.E136.format(
        id=fid, current=current, seen=f"decision {expect}" if expect else "none"))


def _insert(store: Any, fid: str, doc_id: str, idx: int, outcome: str, items: List[Dict[str, Any]],
            note: Optional[str], by: Optional[str], snapshot: Dict[str, Any], expect: Optional[int]) -> Dict[str, Any]:
    now = _current_row(store, doc_id, idx)
    _check_expected(fid, now, expect)
    seq = 1 + int(store.query(
        "SELECT coalesce(max(seq), 0) AS n FROM resolutions WHERE doc_id = ? AND idx = ?", [doc_id, idx]
    )[0]["n"])
    row = {
        "id": uuid.uuid4().hex,
        "forecast_id": fid,
        "doc_id": doc_id,
        "idx": idx,
        "seq": seq,
        "outcome": outcome,
        "evidence": items,
        "note": note,
        "decided_by": by or analyst(),
        "decided_at": _now(),
    }
    store.backend.execute("BEGIN TRANSACTION")
    try:
        store.backend.execute(
            "INSERT INTO resolutions (id, forecast_id, doc_id, idx, seq, outcome, evidence, note, "
            "decided_by, decided_at, forecast) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row["id"], fid, doc_id, idx, seq, outcome, json.dumps(items, ensure_ascii=False), note,
             row["decided_by"], row["decided_at"], json.dumps(snapshot, ensure_ascii=False, default=str)],
        )
        store.backend.execute("UPDATE forecasts SET status = 'resolved' WHERE doc_id = ? AND idx = ?", [doc_id, idx])
        store.backend.execute("COMMIT")
    except BaseException:
        store.backend.execute("ROLLBACK")
        raise
    row["replaces"] = {k: now[k] for k in ("seq", "outcome", "decided_by")} if now else None
    return row


def undo(store: Any, forecast: str, *, by: Optional[str] = None, expect: Optional[int] = None) -> Dict[str, Any]:
    """Undo the current decision on ``forecast``; the one before it (if any) is current
    again. Returns the undone row. expect: the ``seq`` of the decision the analyst means to
    undo; if another is current now, nothing is written (E136). Raises E130/E134/E136."""
    doc_id, idx = parse_id(forecast, "f")
    with store.exclusive(_LOCK):
        return _undo(store, forecast, doc_id, idx, by, expect)


def _undo(store: Any, forecast: str, doc_id: str, idx: int, by: Optional[str], expect: Optional[int]) -> Dict[str, Any]:
    now = _current_row(store, doc_id, idx)
    if now is None and not expect:
        raise NotFoundError(Errors.E134.format(id=forecast))
    _check_expected(make_forecast_id(doc_id, idx), now, expect)
    rows = [{"id": now["id"], "outcome": now["outcome"], "seq": now["seq"]}]
    who, when = by or analyst(), _now()
    store.backend.execute("BEGIN TRANSACTION")
    try:
        store.backend.execute(
            "UPDATE resolutions SET undone_by = ?, undone_at = ? WHERE id = ?", [who, when, rows[0]["id"]]
        )
        left = store.query(
            "SELECT count(*) AS n FROM resolutions WHERE doc_id = ? AND idx = ? AND undone_at IS NULL",
            [doc_id, idx],
        )[0]["n"]
        store.backend.execute(
            "UPDATE forecasts SET status = ? WHERE doc_id = ? AND idx = ?",
            ["resolved" if left else "open", doc_id, idx],
        )
        store.backend.execute("COMMIT")
    except BaseException:
        store.backend.execute("ROLLBACK")
        raise
    out = dict(rows[0])
    out.update(forecast_id=make_forecast_id(doc_id, idx), undone_by=who, undone_at=when)
    return out


def _evidence_item(store: Any, value: str) -> Dict[str, Any]:
    """``{event_id, document_id}`` of an event id, or ``{event_id: None, document_id}`` of a
    document id (a unique prefix is enough). Raises E132 when neither exists."""
    value = value.strip()
    if ":" in value:
        doc_id, idx = parse_id(value, "e")
        if store.query("SELECT 1 AS x FROM events WHERE doc_id = ? AND idx = ?", [doc_id, idx]):
            return {"event_id": make_event_id(doc_id, idx), "document_id": doc_id}
        raise NotFoundError(Errors.E132.format(id=value, db=store.path))
    try:
        return {"event_id": None, "document_id": store.resolve_id(value)}
    except NotFoundError as e:
        raise NotFoundError(Errors.E132.format(id=value, db=store.path)) from e


def _decode(store: Any, row: Dict[str, Any]) -> Dict[str, Any]:
    row = dict(row)
    for key in ("evidence", "forecast"):
        if key in row:
            row[key] = store.backend.load_json(row[key]) if row[key] is not None else None
    return row


def current(store: Any, ids: Optional[Iterable[str]] = None) -> Dict[str, Dict[str, Any]]:
    """The current decision per forecast id (latest not undone), for all or ``ids``."""
    if not has_table(store):
        return {}
    rows = store.query(
        "SELECT forecast_id, doc_id, idx, seq, outcome, evidence, note, decided_by, decided_at "
        "FROM resolutions WHERE undone_at IS NULL ORDER BY doc_id, idx, seq"
    )
    wanted = set(ids) if ids is not None else None
    out: Dict[str, Dict[str, Any]] = {}
    for row in rows:
        if wanted is None or row["forecast_id"] in wanted:
            out[row["forecast_id"]] = _decode(store, row)  # later seq overwrites
    return out


def history(store: Any, forecast: Optional[str] = None) -> List[Dict[str, Any]]:
    """Every decision (undone ones included), oldest first; of one forecast if given."""
    if not has_table(store):
        return []
    sql = "SELECT * FROM resolutions"
    params: List[Any] = []
    if forecast:
        doc_id, idx = parse_id(forecast, "f")
        sql += " WHERE doc_id = ? AND idx = ?"
        params = [doc_id, idx]
    rows = store.query(sql + " ORDER BY decided_at, doc_id, idx, seq", params)
    return [_decode(store, r) for r in rows]
