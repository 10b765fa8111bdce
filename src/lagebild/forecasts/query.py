"""Read stored forecasts back: the forecast ledger behind ``lagebild forecasts``.

:func:`list_forecasts` filters the store's ``forecasts`` table by holder, actor,
publication date and status:

- ``open``: not resolved, and its horizon has not ended (or it has no end);
- ``due``: not resolved, and its horizon end lies before ``today``;
- ``resolved``: an analyst (or the resolver) marked it resolved.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any, Callable, Dict, List, Optional, Tuple

STATUSES = ("open", "due", "resolved")

_COLUMNS = (
    "f.doc_id, f.idx, f.holder, f.text, f.condition, f.horizon_start, f.horizon_end, "
    "f.probability, f.status, f.published, f.start_char, f.end_char, f.data"
)


def build_query(
    *,
    holder: Optional[str] = None,
    actor: Optional[str] = None,
    since: Optional[date] = None,
    until: Optional[date] = None,
    status: Optional[str] = None,
    today: Optional[date] = None,
    limit: Optional[int] = None,
    json_text: Optional[Callable[..., str]] = None,
) -> Tuple[str, List[Any]]:
    """The SQL and parameters for :func:`list_forecasts` (exposed for tests).

    json_text: the backend's ``json_text(column, *path)`` (SQL for a text inside a JSON
    column; :meth:`lagebild.store.backends.Backend.json_text`); default DuckDB's."""
    if json_text is None:
        json_text = lambda col, *path: f"json_extract_string({col}, '$.{'.'.join(path)}')"  # noqa: E731
    if status is not None and status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
    today = today or date.today()
    where: List[str] = []
    params: List[Any] = []
    if holder:
        # an actor id exactly, or the holder as written (case-insensitive substring)
        where.append(f"(f.holder = ? OR {json_text('f.data', 'holder_text')} ILIKE ?)")
        params += [holder, f"%{holder}%"]
    if actor:
        where.append(
            f"(f.holder = ? OR {json_text('f.data', 'predicted', 'source')} = ? "
            f"OR {json_text('f.data', 'predicted', 'target')} = ?)"
        )
        params += [actor, actor, actor]
    if since:
        where.append("f.published >= ?")
        params.append(since)
    if until:
        where.append("f.published <= ?")
        params.append(until)
    if status == "resolved":
        where.append("f.status = 'resolved'")
    elif status == "due":
        where.append("coalesce(f.status, 'open') <> 'resolved' AND f.horizon_end < ?")
        params.append(today)
    elif status == "open":
        where.append("coalesce(f.status, 'open') <> 'resolved' AND (f.horizon_end IS NULL OR f.horizon_end >= ?)")
        params.append(today)
    sql = f"SELECT {_COLUMNS} FROM forecasts f"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY f.published DESC NULLS LAST, f.doc_id, f.idx"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return sql, params


def list_forecasts(store: Any, **filters: Any) -> List[Dict[str, Any]]:
    """Stored forecasts as dicts, newest publication first.

    store: a :class:`lagebild.store.Store` (anything with ``.query(sql, params)``).
    filters: holder, actor, since, until (published date), status (open|due|resolved),
        today (the date "due" is measured against; default: today), limit.
    Each row has the table's columns plus ``status`` recomputed ("due" when the horizon
    has ended and it is not resolved) and the record's extra fields (cues, kind, …).
    """
    today = filters.get("today") or date.today()
    backend = getattr(store, "backend", None)
    sql, params = build_query(**filters, json_text=getattr(backend, "json_text", None))
    rows = store.query(sql, params)
    out = []
    for row in rows:
        data = row.pop("data", None)
        extra = json.loads(data) if isinstance(data, str) else (data or {})
        row["id"] = f"{row['doc_id']}:f{row['idx']}"  # the stable forecast id (lagebild.resolve.ids)
        row["status"] = effective_status(row.get("status"), row.get("horizon_end"), today)
        for key in ("holder_text", "kind", "cues", "negated", "predicted", "horizon"):
            row.setdefault(key, extra.get(key))
        out.append(row)
    return out


def effective_status(stored: Optional[str], horizon_end: Any, today: date) -> str:
    if stored == "resolved":
        return "resolved"
    if horizon_end is not None:
        end = horizon_end if isinstance(horizon_end, date) else date.fromisoformat(str(horizon_end)[:10])
        if end < today:
            return "due"
    return "open"
