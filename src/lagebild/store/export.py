"""Exports of a store: JSON Lines (whole documents), CSV and Parquet (one table).

CSV text cells that begin with a spreadsheet formula character (``= + - @``, tab, CR) get
a leading single quote (OWASP's rule against formula injection; :mod:`lagebild.csvsafe`);
JSON Lines and Parquet are written unchanged. CSV has no list type: a list cell (authors,
warnings, incident event ids) is a JSON array in both backends."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict, List

from ..csvsafe import duckdb_select, neutralise_table
from ..errors import Errors, LagebildError
from .db import CHILD_TABLES, Store

TABLES = ("documents", "actors") + CHILD_TABLES + ("resolutions", "incidents")  # resolutions: analysts' decisions; incidents: deduplicated events


def _export_jsonl(store: Store, out: Path, table: str) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        if table == "documents":
            for doc in store.iter_documents():
                fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
                n += 1
        else:
            for row in store.query(_select(table)):
                for key in ("data", "evidence", "forecast"):  # JSON columns (resolutions: evidence, forecast)
                    if key in row and row[key] is not None:
                        row[key] = store.backend.load_json(row[key])
                fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
                n += 1
    return n


# the row order of every export: its key (documents were in id order in JSON Lines and in
# the database's order, which PostgreSQL does not fix, in CSV and Parquet)
_ORDER = {
    "document_actors": "doc_id, actor_id",
    "mentions": "doc_id, start_char, end_char, actor_id",
    "events": "doc_id, idx", "statements": "doc_id, idx", "forecasts": "doc_id, idx",
}


def _select(table: str) -> str:
    """The SELECT of ``table``'s export, ordered by its key (:data:`_ORDER`, else ``id``),
    so JSON Lines, CSV and Parquet hold their rows in the same order on every backend."""
    order = f" ORDER BY {_ORDER.get(table, 'id')}"
    # the JSON column of documents repeats the other columns: keep flat exports flat
    return f"SELECT * FROM {table}{order}" if table != "documents" else (
        "SELECT id, source, url, language, title, authors, published, published_raw, text, "
        "partial, warnings, model, n_actors, n_events, n_statements, n_forecasts, ingested_at "
        f"FROM documents{order}"
    )


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value


def _tabular(fmt: str) -> Callable[[Store, Path, str], int]:
    """CSV/Parquet: DuckDB's own COPY, or pyarrow over the rows of another backend."""

    def run(store: Store, out: Path, table: str) -> int:
        if store.backend.name == "duckdb":
            options = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet"}[fmt]
            select = _select(table)
            if fmt == "csv":  # text cells that a spreadsheet would run as a formula get a quote
                columns = store.query(f"DESCRIBE {select}")
                text = [c["column_name"] for c in columns if c["column_type"] == "VARCHAR"]
                select = duckdb_select(_json_lists(select, [c["column_name"] for c in columns if c["column_type"].endswith("[]")]), text)
                select = f"SELECT * FROM ({select}) AS _rows ORDER BY {_ORDER.get(table, 'id')}"  # wrapped: order again
            store.backend.execute(f"COPY ({select}) TO '{_quote(out)}' ({options})")
            # every exported table (incidents too: Store.count knows only the stored ones)
            return int(store.query(f"SELECT count(*) AS n FROM {table}")[0]["n"])
        import pyarrow as pa

        rows = [{k: _flat(v) for k, v in row.items()} for row in store.query(_select(table))]
        data = pa.Table.from_pylist(rows)
        if fmt == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(data, out)
        else:
            import pyarrow.csv as pacsv

            # CSV has no list type: a list cell (authors, warnings, event_ids) is a JSON array
            data = pa.Table.from_pylist(
                [{k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in r.items()} for r in rows]
            ) if rows else data
            pacsv.write_csv(neutralise_table(data), out)  # formula injection: see lagebild.csvsafe
        return len(rows)

    return run


def _json_lists(select: str, columns: List[str]) -> str:
    """``select`` with each list column (``VARCHAR[]``: authors, warnings, event_ids) as the
    text of a JSON array, ``["Tom Krisher", "Ap Auto Writer"]``, which ``json.loads`` reads
    back, and which the PostgreSQL path writes too. DuckDB's own text of a list,
    ``[Tom Krisher, Ap Auto Writer]``, quotes only some elements and has no reader."""
    if not columns:
        return select
    cols = ", ".join(f'CAST(to_json({_ident(c)}) AS VARCHAR) AS {_ident(c)}' for c in columns)
    return f"SELECT * REPLACE ({cols}) FROM ({select}) AS _list_rows"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _export_gdelt(store: Store, out: Path, table: str) -> int:
    from ..export_gdelt import export_gdelt

    return export_gdelt(store, out, table)


EXPORT_FORMATS: Dict[str, Callable[[Store, Path, str], int]] = {
    "jsonl": _export_jsonl,
    "csv": _tabular("csv"),
    "parquet": _tabular("parquet"),
    "gdelt": _export_gdelt,  # GDELT 2.0 event TSV of the incidents (any --table)
}


def export(store: Store, out: str | Path, *, fmt: str = "jsonl", table: str = "documents") -> int:
    """Write ``table`` of ``store`` to ``out`` in ``fmt``; returns the number of rows. The
    folder of ``out`` must exist ([E054]: a mistyped folder is not created silently)."""
    if fmt not in EXPORT_FORMATS:
        raise LagebildError(Errors.E012.format(fmt=fmt, choices=", ".join(EXPORT_FORMATS)))
    if table not in TABLES:
        raise LagebildError(Errors.E044.format(table=table, choices=", ".join(TABLES)))
    out = Path(out)
    from .backends import missing_folder

    folder = missing_folder(out)
    if folder is not None:
        raise LagebildError(Errors.E054.format(folder=folder, path=out))
    if fmt == "gdelt" or table == "incidents":
        from ..incidents import refresh_incidents

        refresh_incidents(store)  # incidents follow the events, whoever wrote them
    return EXPORT_FORMATS[fmt](store, out, table)
