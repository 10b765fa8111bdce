"""Exports of a store: JSON Lines (whole documents), CSV and Parquet (one table)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Dict

from ..errors import Errors, LagebildError
from .db import CHILD_TABLES, Store

TABLES = ("documents", "actors") + CHILD_TABLES


def _export_jsonl(store: Store, out: Path, table: str) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        if table == "documents":
            for doc in store.iter_documents():
                fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
                n += 1
        else:
            for row in store.query(f"SELECT * FROM {table}"):
                fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
                n += 1
    return n


def _copy(fmt: str) -> Callable[[Store, Path, str], int]:
    options = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet"}[fmt]

    def run(store: Store, out: Path, table: str) -> int:
        # the JSON column duplicates the others in documents; keep exports flat
        columns = "* EXCLUDE (data)" if table == "documents" else "*"
        store.con.execute(f"COPY (SELECT {columns} FROM {table}) TO '{_quote(out)}' ({options})")
        return store.count(table)

    return run


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


EXPORT_FORMATS: Dict[str, Callable[[Store, Path, str], int]] = {
    "jsonl": _export_jsonl,
    "csv": _copy("csv"),
    "parquet": _copy("parquet"),
}


def export(store: Store, out: str | Path, *, fmt: str = "jsonl", table: str = "documents") -> int:
    """Write ``table`` of ``store`` to ``out`` in ``fmt``; returns the number of rows."""
    if fmt not in EXPORT_FORMATS:
        raise LagebildError(Errors.E012.format(fmt=fmt, choices=", ".join(EXPORT_FORMATS)))
    if table not in TABLES:
        raise LagebildError(Errors.E012.format(fmt=table, choices=", ".join(TABLES)))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    return EXPORT_FORMATS[fmt](store, out, table)
