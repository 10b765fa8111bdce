"""The workbench's access to the store: one connection, serialised by a lock, and the
keyset-paginated list query every list view uses.

Every SQL text here is a constant of this package; user input only ever reaches the
database as ``?`` parameters (filters) or is checked against a closed set first (sort
columns, directions).
"""
from __future__ import annotations

import base64
import json
import threading
from datetime import date
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..errors import Errors, LagebildError
from ..store import Store


class CursorError(ValueError):
    """A pagination cursor that was not made by this server for this list and sort."""


class Database:
    """A :class:`~lagebild.store.Store` shared by the request threads.

    DuckDB and psycopg connections are not safe for concurrent use, so queries take
    :attr:`lock`; a local workbench answers one analyst, and each query is milliseconds.
    """

    def __init__(self, target: str, *, read_only: bool = True) -> None:
        self.target = target
        self.read_only = read_only
        self.store = Store(target, read_only=read_only)
        if read_only and self.store.backend.name == "postgresql":
            # the database itself refuses writes from this session
            self.store.backend.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        self.lock = threading.Lock()
        try:
            self.store.backend.execute("SELECT count(*) FROM documents").fetchall()
        except Exception as e:  # a DuckDB file or PostgreSQL database without our schema
            self.store.close()
            from ..store.backends import refused

            # a role that may not read the tables is told what to grant, not to fill the store
            raise refused(e) or LagebildError(Errors.E501.format(db=target, msg=str(e).splitlines()[0])) from e

    @property
    def backend(self) -> str:
        return self.store.backend.name

    def query(self, sql: str, params: Sequence[Any] = ()) -> List[Dict[str, Any]]:
        with self.lock:
            return self.store.query(sql, params)

    def one(self, sql: str, params: Sequence[Any] = ()) -> Optional[Dict[str, Any]]:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return next(iter(row.values())) if row else None

    def execute_write(self, statements: Sequence[Tuple[str, Sequence[Any]]]) -> None:
        """Run write statements in one transaction (only with ``--allow-edit``)."""
        if self.read_only:
            raise PermissionError("the workbench is read-only; start it with --allow-edit")
        with self.lock:
            b = self.store.backend
            b.execute("BEGIN TRANSACTION")
            try:
                for sql, params in statements:
                    b.execute(sql, params)
                b.execute("COMMIT")
            except BaseException:
                b.execute("ROLLBACK")
                raise

    def json(self, value: Any) -> Any:
        return self.store.backend.load_json(value) if value is not None else None

    def close(self) -> None:
        self.store.close()


# -- LIKE patterns --------------------------------------------------------------------------


def like(term: str) -> str:
    """``%term%`` with LIKE's wildcards in ``term`` escaped (use with ``ESCAPE '\\'``)."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def words(q: Optional[str]) -> List[str]:
    """The search words of ``q`` (every one must match), at most 8."""
    return [w for w in (q or "").split() if w][:8]


# -- keyset pagination ------------------------------------------------------------------------


def encode_cursor(key: str, values: Sequence[Any]) -> str:
    raw = json.dumps([key, [v.isoformat() if isinstance(v, date) else v for v in values]])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, key: str, types: Sequence[str]) -> List[Any]:
    """The values of ``cursor``, typed; :class:`CursorError` if it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got_key, values = json.loads(raw)
    except (ValueError, TypeError) as e:
        raise CursorError("cursor is not valid; use the 'next' value of a previous answer") from e
    if got_key != key or not isinstance(values, list) or len(values) != len(types):
        raise CursorError("cursor belongs to another list, sort or order; start again without it")
    out: List[Any] = []
    try:
        for value, kind in zip(values, types):
            if value is None:
                out.append(None)
            elif kind == "date":
                out.append(date.fromisoformat(value))
            elif kind == "num":
                out.append(float(value))
            elif kind == "int":
                out.append(int(value))
            else:
                out.append(str(value))
    except (ValueError, TypeError) as e:
        raise CursorError("cursor is not valid; use the 'next' value of a previous answer") from e
    return out


class ListQuery:
    """A list with filters, one sort column and keyset pagination.

    base: ``SELECT … FROM …`` whose output columns include the sort column and ``pk``
        (the unique tie-breakers, ascending).
    sorts: allowed sort column → value type (``date`` | ``num`` | ``int`` | ``str``).
    Rows come ``ORDER BY sort <order> NULLS LAST, pk…``; the cursor holds the last row's
    sort value and keys, and the next page starts strictly after it, so pages stay fast
    and stable however deep one pages (no OFFSET).
    """

    def __init__(self, name: str, base: str, pk: Sequence[Tuple[str, str]], sorts: Dict[str, str]) -> None:
        self.name, self.base, self.pk, self.sorts = name, base, list(pk), sorts

    def sql(
        self,
        where: Sequence[str],
        params: Sequence[Any],
        *,
        sort: str,
        order: str,
        cursor: Optional[str],
        limit: Optional[int],
    ) -> Tuple[str, List[Any]]:
        if sort not in self.sorts or order not in ("asc", "desc"):
            raise ValueError(f"bad sort {sort!r} {order!r}")
        params = list(params)
        sql = f"SELECT * FROM ({self.base}{' WHERE ' + ' AND '.join(where) if where else ''}) t"
        if cursor:
            values = decode_cursor(cursor, self._key(sort, order), [self.sorts[sort]] + [k for _, k in self.pk])
            cond, cparams = self._after(sort, order, values)
            sql += f" WHERE {cond}"
            params += cparams
        sql += f" ORDER BY t.{sort} {order.upper()} NULLS LAST, " + ", ".join(f"t.{c}" for c, _ in self.pk)
        if limit is not None:
            sql += f" LIMIT {int(limit) + 1}"
        return sql, params

    def _key(self, sort: str, order: str) -> str:
        return f"{self.name}:{sort}:{order}"

    def _after(self, sort: str, order: str, values: List[Any]) -> Tuple[str, List[Any]]:
        last, keys = values[0], values[1:]
        # strictly after the last row by the tie-breakers: (a > ?) OR (a = ? AND b > ?) …
        parts, pparams = [], []
        for i, (col, _) in enumerate(self.pk):
            eqs = [f"t.{c} = ?" for c, _ in self.pk[:i]]
            parts.append("(" + " AND ".join(eqs + [f"t.{col} > ?"]) + ")")
            pparams += keys[:i] + [keys[i]]
        pk_after = "(" + " OR ".join(parts) + ")"
        if last is None:  # inside the NULL tail
            return f"(t.{sort} IS NULL AND {pk_after})", pparams
        op = "<" if order == "desc" else ">"
        return (
            f"(t.{sort} IS NULL OR t.{sort} {op} ? OR (t.{sort} = ? AND {pk_after}))",
            [last, last] + pparams,
        )

    def page(
        self,
        db: Database,
        where: Sequence[str],
        params: Sequence[Any],
        *,
        sort: str,
        order: str,
        cursor: Optional[str],
        limit: int,
    ) -> Tuple[List[Dict[str, Any]], Optional[str]]:
        """One page of rows and the cursor of the next (None on the last page)."""
        sql, all_params = self.sql(where, params, sort=sort, order=order, cursor=cursor, limit=limit)
        rows = db.query(sql, all_params)
        nxt = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1]
            nxt = encode_cursor(self._key(sort, order), [last[sort]] + [last[c] for c, _ in self.pk])
        return rows, nxt

    def count(self, db: Database, where: Sequence[str], params: Sequence[Any]) -> int:
        sql = f"SELECT count(*) AS n FROM ({self.base}{' WHERE ' + ' AND '.join(where) if where else ''}) t"
        return int(db.scalar(sql, params) or 0)
