"""Load the Parquet output of the Ray engine into a store (DuckDB or PostgreSQL).

Each row is one document: ``ok`` rows carry the whole JSON contract in ``document`` and
are stored as the local path stores them (:func:`lagebild.batch.save_result`: one
transaction per document, re-loading replaces, a document the database refuses is rolled
back alone and reported); failed rows, and rows whose record cannot be read back, are
reported with their source and reason — one bad record never stops the load.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterator, List, Optional, Tuple, Union  # noqa: F401

from ..batch import BatchReport
from ..ingest.readers import IngestFailure
from ..schemas import Document


def parquet_files(path: Union[str, Path]) -> List[Path]:
    """The ``.parquet`` files of a folder (recursively, sorted), or the file itself."""
    p = Path(path)
    if p.is_file():
        return [p]
    if not p.is_dir():
        raise FileNotFoundError(f"no such file or folder: {p}")
    return sorted(f for f in p.rglob("*.parquet") if f.is_file())


# the columns iter_parquet reads (of ray_engine.PARQUET_COLUMNS)
READ_COLUMNS = ("id", "source", "ok", "error", "document")


def check_parquet(path: Union[str, Path]) -> List[Path]:
    """The Parquet files under ``path`` (:func:`parquet_files`), each checked to be the
    Ray engine's output before anything is stored: LagebildError E047 names a file that
    is not Parquet or lacks the columns (e.g. a table of ``lagebild export --format
    parquet``); FileNotFoundError for a missing path."""
    import pyarrow.parquet as pq

    from ..errors import Errors, LagebildError

    files = parquet_files(path)
    for f in files:
        try:
            names = set(pq.read_schema(f).names)
        except Exception as e:  # noqa: BLE001 - not a Parquet file at all
            raise LagebildError(Errors.E047.format(path=f, why=f"not readable as Parquet: {' '.join(str(e).split())[:200]}")) from e
        missing = [c for c in READ_COLUMNS if c not in names]
        if missing:
            raise LagebildError(Errors.E047.format(path=f, why="no column " + ", ".join(missing)))
    return files


def iter_parquet(path: Union[str, Path]) -> Iterator[Union[Document, IngestFailure]]:
    """Documents (ok rows) and failures from the Parquet files under ``path``; a row whose
    ``document`` is not a valid record becomes an IngestFailure naming file and row."""
    import pyarrow.parquet as pq

    for f in parquet_files(path):
        table = pq.read_table(f, columns=list(READ_COLUMNS))
        for n, row in enumerate(table.to_pylist()):
            if row["ok"] and row["document"]:
                try:
                    yield Document.from_dict(json.loads(row["document"]))
                except Exception as e:  # noqa: BLE001 - one unreadable record, reported
                    yield IngestFailure(
                        row["source"] or row["id"] or f"{f}#{n}",
                        f"unreadable record in {f} row {n}: {type(e).__name__}: {e}",
                    )
            else:
                yield IngestFailure(row["source"] or str(f), row["error"] or "analysis failed")


def load_parquet(
    path: Union[str, Path],
    store: Any,
    *,
    commit_every: int = 64,
    on_item: Optional[Callable[[Union[Document, IngestFailure]], None]] = None,
) -> BatchReport:
    """Store every document of the Parquet output under ``path``; returns a report like
    ``lagebild ingest`` (failed and refused rows in ``failures``). Each document is its
    own transaction (:func:`lagebild.batch.save_result`), so Ctrl-C keeps every stored
    document; every ``commit_every`` documents the DuckDB file is released when that is
    due (:meth:`~lagebild.store.Store.release_due`: a release checkpoints the file, which
    costs more the larger the store)."""
    from ..batch import save_result

    report = BatchReport()
    try:
        for n, item in enumerate(iter_parquet(path), start=1):
            item, _ = save_result(store, item, report)
            if on_item is not None:
                on_item(item)
            if n % commit_every == 0:
                store.release_due()
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        store.release()
    return report


def summary(report: BatchReport) -> Tuple[int, int, int]:
    return report.stored, report.updated, len(report.failures)
