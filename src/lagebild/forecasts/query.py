"""Read stored forecasts back: the forecast ledger behind ``lagebild forecasts``.

:func:`list_forecasts` filters the store's ``forecasts`` table by holder, actor,
publication date and status:

- ``open``: not resolved, and its horizon has not ended;
- ``due``: not resolved, and its horizon end lies before ``today``;
- ``resolved``: an analyst (or the resolver) marked it resolved.

A forecast that gives no horizon ends :data:`DEFAULT_HORIZON_DAYS` after its publication,
as ``lagebild resolve`` judges it (:func:`lagebild.resolve.candidates.horizon_of`); one
with neither a horizon nor a publication date stays open.
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any, Callable, Dict, List, Optional, Tuple

STATUSES = ("open", "due", "resolved")
DEFAULT_HORIZON_DAYS = 365  # a forecast without a horizon is judged on the year after it

# the day a forecast's horizon ends, in SQL over ``forecasts f`` (DuckDB and PostgreSQL
# both add an integer number of days to a DATE)
HORIZON_END_SQL = f"coalesce(f.horizon_end, f.published + {DEFAULT_HORIZON_DAYS})"
DUE_SQL = f"coalesce(f.status, 'open') <> 'resolved' AND {HORIZON_END_SQL} < ?"
OPEN_SQL = f"coalesce(f.status, 'open') <> 'resolved' AND ({HORIZON_END_SQL} IS NULL OR {HORIZON_END_SQL} >= ?)"

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
        # an actor id exactly, or part of a name (case-insensitive): the holder as written,
        # the linked actor's name, or the document's author for the author's own forecasts
        # (as the workbench's ledger and `lagebild score` name holders; "Rubio" and "Anna
        # Berger" found nothing when the text said "the Secretary of State" or "author")
        where.append(
            f"(f.holder = ? OR {json_text('f.data', 'holder_text')} ILIKE ? "
            "OR f.holder IN (SELECT a.id FROM actors a WHERE a.name ILIKE ?) "
            "OR (f.holder = 'author' AND f.doc_id IN "
            "(SELECT d.id FROM documents d WHERE array_to_string(d.authors, ' ') ILIKE ?)))"
        )
        params += [holder] + [f"%{holder}%"] * 3
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
        where.append(DUE_SQL)
        params.append(today)
    elif status == "open":
        where.append(OPEN_SQL)
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
        row["status"] = effective_status(row.get("status"), row.get("horizon_end"), today, row.get("published"))
        for key in ("holder_text", "kind", "cues", "negated", "predicted", "horizon"):
            row.setdefault(key, extra.get(key))
        out.append(row)
    return out


def _day(value: Any) -> Optional[date]:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def effective_status(stored: Optional[str], horizon_end: Any, today: date, published: Any = None) -> str:
    """"resolved", "due" or "open" at ``today`` (the module docstring's rule). ``horizon_end``
    and ``published``: a date, an ISO string or None; without a horizon the forecast ends
    :data:`DEFAULT_HORIZON_DAYS` after ``published``."""
    if stored == "resolved":
        return "resolved"
    end = _day(horizon_end)
    if end is None and _day(published) is not None:
        end = _day(published) + timedelta(days=DEFAULT_HORIZON_DAYS)
    return "due" if end is not None and end < today else "open"
