"""Load the Parquet output of the Ray engine into a store (DuckDB or PostgreSQL).

Each row is one document: ``ok`` rows carry the whole JSON contract in ``document`` and
are stored as the local path stores them (``Store.save_many``, one transaction per
batch, re-loading replaces); failed rows are reported with their source and reason.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterator, List, Optional, Tuple, Union

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


def iter_parquet(path: Union[str, Path]) -> Iterator[Union[Document, IngestFailure]]:
    """Documents (ok rows) and failures from the Parquet files under ``path``."""
    import pyarrow.parquet as pq

    for f in parquet_files(path):
        table = pq.read_table(f, columns=["id", "source", "ok", "error", "document"])
        for row in table.to_pylist():
            if row["ok"] and row["document"]:
                yield Document.from_dict(json.loads(row["document"]))
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
    ``lagebild ingest`` (failed rows in ``failures``). Ctrl-C keeps committed batches."""
    report = BatchReport()
    pending: List[Document] = []

    def flush() -> None:
        for doc, is_new in zip(pending, store.save_many(pending)):
            report.stored += int(is_new)
            report.updated += int(not is_new)
            report.partial += int(doc.partial)
        pending.clear()

    try:
        for item in iter_parquet(path):
            if isinstance(item, IngestFailure):
                report.failures.append(item)
            else:
                pending.append(item)
                if len(pending) >= commit_every:
                    flush()
            if on_item is not None:
                on_item(item)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        flush()
    return report


def summary(report: BatchReport) -> Tuple[int, int, int]:
    return report.stored, report.updated, len(report.failures)
