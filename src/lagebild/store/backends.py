"""Database backends: DuckDB (embedded, the default) and PostgreSQL (server).

Both speak the same SQL through :class:`Backend`: ``?`` placeholders, explicit
transactions, rows as dicts. Only the column types of the schema and bulk export differ;
a backend names its types so the migrations can be written once.
"""
from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from ..errors import DatabaseLockedError, Errors, LagebildError

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

    def json_text(self, column: str, *path: str) -> str:
        """SQL for the text at ``path`` inside the JSON ``column`` (NULL if absent)."""
        raise NotImplementedError


def lock_holder(pid: Optional[int]) -> str:
    """Who holds a DuckDB file, for [E041]: ``"`lagebild serve`, process 4711"`` when the
    process's command line (Linux ``/proc/PID/cmdline``) names a lagebild verb,
    ``"`python worker.py`, process 4711"`` for another program, ``"process 4711"`` when
    its command line cannot be read, and ``"e.g. `lagebild ingest` or `lagebild serve`"``
    when DuckDB named no process. The lock may be held by a reader: a workbench opens the
    file read-only and still shuts writers out."""
    if pid is None:
        return "e.g. `lagebild ingest` or `lagebild serve`"
    try:
        argv = [a for a in Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace").split("\0") if a]
    except OSError:
        return f"process {pid}"
    names = [Path(a).name for a in argv]
    for i, name in enumerate(names):
        if name == "lagebild" or (name == "-m" and i + 1 < len(names) and names[i + 1] == "lagebild"):
            rest = argv[i + (2 if name == "-m" else 1):]
            verb = next((a for a in rest if not a.startswith("-")), "")
            return f"`{f'lagebild {verb}'.strip()}`, process {pid}"
    if not names:  # a kernel thread, or a process between fork and exec
        return f"process {pid}"
    return f"`{' '.join(names[:2])}`, process {pid}"


# the first bytes of files that are mistaken for a store (``--db article.txt``), by kind
_SIGNATURES = (
    (b"SQLite format 3\x00", "an SQLite database (lagebild reads DuckDB files and PostgreSQL)"),
    (b"PAR1", "a Parquet file (load the Parquet output of `ingest --engine ray` with `lagebild load-parquet`)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF", "a PDF document"),
    (b"WARC/", "a WARC web archive (an input: `lagebild ingest FILE --db news.duckdb`)"),
)


def not_duckdb(path: Path) -> Optional[str]:
    """What ``path`` is when it exists and is not a DuckDB database file (a folder, an
    empty file, an SQLite database, a text file …), for [E053]; None for a DuckDB file or a
    path that does not exist. A DuckDB file holds the magic bytes ``DUCK`` at offset 8
    (DuckDB's storage format: an 8-byte checksum, then the magic)."""
    if path.is_dir():
        return "a folder"
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except FileNotFoundError:
        return None
    except OSError as e:
        return f"a file that cannot be read ({e.strerror or e})"
    if head[8:12] == b"DUCK":
        return None
    if not head:
        return "an empty file"
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            return kind
    try:
        head.decode("utf-8")
        return "a text file"
    except UnicodeDecodeError as e:
        # a multi-byte character cut by the 4096-byte read is still text
        return "a text file" if e.start >= len(head) - 3 else "a file of another kind"


def missing_folder(path: str | Path) -> Optional[Path]:
    """The parent folder of ``path`` when it does not exist (``[E054]``: lagebild writes
    files into existing folders only), else None."""
    parent = Path(path).parent
    return None if parent.is_dir() else parent


class DuckDBBackend(Backend):
    name = "duckdb"
    types = {"JSON": "JSON", "TEXT_ARRAY": "VARCHAR[]", "DOUBLE": "DOUBLE"}

    def __init__(self, path: str, *, read_only: bool = False, wait: float | None = None) -> None:
        """Open ``path`` (created unless ``read_only``; its folder must exist: [E054]; a file
        that is not a DuckDB database is [E053], before DuckDB is asked). DuckDB lets one process write a
        file at a time (readers too are shut out while a writer holds it); a held lock is
        retried for ``wait`` seconds (default $LAGEBILD_LOCK_WAIT or 10), then
        :class:`DatabaseLockedError` ([E041]) says who holds it. lagebild's own writer
        holds the lock only while committing (see :meth:`Store.release`)."""
        import duckdb

        if path != ":memory:":
            kind = not_duckdb(Path(path))
            if kind is not None:
                raise LagebildError(Errors.E053.format(db=path, kind=kind))
            folder = missing_folder(path)
            if folder is not None and not read_only:
                raise LagebildError(Errors.E054.format(folder=folder, path=path))
        wait = lock_wait() if wait is None else wait
        deadline = time.monotonic() + wait
        delay = 0.02
        while True:
            try:
                self.con = duckdb.connect(path, read_only=read_only and path != ":memory:")
                return
            except duckdb.Error as e:
                if "lock" not in str(e).lower():
                    raise LagebildError(Errors.E015.format(db=path, msg=e)) from e
                if time.monotonic() >= deadline:
                    pid = re.search(r"PID (\d+)", str(e))
                    raise DatabaseLockedError(Errors.E041.format(
                        db=path, holder=lock_holder(int(pid.group(1)) if pid else None), wait=wait,
                    )) from e
                time.sleep(delay)
                delay = min(delay * 2, 0.25)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.con.execute(sql, list(params))

    def json_text(self, column: str, *path: str) -> str:
        return f"json_extract_string({column}, '$.{'.'.join(path)}')"

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

    def json_text(self, column: str, *path: str) -> str:
        return f"({column} #>> '{{{','.join(path)}}}')"

    def close(self) -> None:
        self.con.close()


def lock_wait() -> float:
    """Seconds to wait for a DuckDB file another process writes ($LAGEBILD_LOCK_WAIT, 10)."""
    try:
        return max(0.0, float(os.environ.get("LAGEBILD_LOCK_WAIT", "10")))
    except ValueError:
        return 10.0


def refused(e: BaseException) -> Optional[LagebildError]:
    """``[E057]`` (what the role lacks and the GRANT that gives it) for PostgreSQL's
    ``InsufficientPrivilege`` (SQLSTATE 42501: a role without the right to create lagebild's
    tables, to write them or to read them), else None. It had been printed as "this is a
    bug". Told by SQLSTATE, so psycopg need not be imported."""
    if getattr(e, "sqlstate", None) != "42501":
        return None
    msg = str(e).splitlines()[0] if str(e) else type(e).__name__
    err = LagebildError(Errors.E057.format(msg=msg))
    err.__cause__ = e
    return err


def connect(target: str, *, read_only: bool = False, wait: float | None = None) -> Backend:
    """A PostgreSQL backend for ``postgresql://…`` URLs, else DuckDB on a file path."""
    if target.startswith(PG_PREFIXES):
        return PostgresBackend(target)
    return DuckDBBackend(target, read_only=read_only, wait=wait)
