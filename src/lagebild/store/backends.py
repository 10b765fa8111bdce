"""Database backends: DuckDB (embedded, the default) and PostgreSQL (server).

Both speak the same SQL through :class:`Backend`: ``?`` placeholders, explicit
transactions, rows as dicts. Only the column types of the schema and bulk export differ;
a backend names its types so the migrations can be written once.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Sequence

from ..errors import Errors, LagebildError

PG_PREFIXES = ("postgresql://", "postgres://")


class Backend:
    name = "abstract"
    types: Dict[str, str] = {}

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> List[Dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description] if cur.description else []
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def close(self) -> None:
        raise NotImplementedError

    @staticmethod
    def load_json(value: Any) -> Any:
        """JSON columns come back as text (DuckDB) or already decoded (PostgreSQL)."""
        return json.loads(value) if isinstance(value, (str, bytes)) else value


class DuckDBBackend(Backend):
    name = "duckdb"
    types = {"JSON": "JSON", "TEXT_ARRAY": "VARCHAR[]", "DOUBLE": "DOUBLE"}

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        import duckdb

        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(path, read_only=read_only and Path(path).exists())
        except duckdb.Error as e:
            raise LagebildError(Errors.E015.format(db=path, msg=e)) from e

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.con.execute(sql, list(params))

    def close(self) -> None:
        self.con.close()


class PostgresBackend(Backend):
    name = "postgresql"
    types = {"JSON": "JSONB", "TEXT_ARRAY": "TEXT[]", "DOUBLE": "DOUBLE PRECISION"}

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as e:  # pragma: no cover - depends on the install
            raise LagebildError(Errors.E015.format(db=url, msg="install lagebild[postgres] (psycopg)")) from e
        try:
            # autocommit: transactions are opened explicitly with BEGIN, as with DuckDB
            self.con = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise LagebildError(Errors.E015.format(db=url, msg=e)) from e

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if params:
            sql = sql.replace("%", "%%").replace("?", "%s")
        return self.con.execute(sql, list(params) if params else None)

    def close(self) -> None:
        self.con.close()


def connect(target: str, *, read_only: bool = False) -> Backend:
    """A PostgreSQL backend for ``postgresql://…`` URLs, else DuckDB on a file path."""
    if target.startswith(PG_PREFIXES):
        return PostgresBackend(target)
    return DuckDBBackend(target, read_only=read_only)
