"""Analyse files into a store, robustly: one bad document never stops a batch.

This is the library behind ``lagebild ingest``; the CLI only adds a progress bar.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, List, Optional, Tuple, Union

from .actors.provisional import register_provisional
from .ingest.readers import IngestFailure, Item, iter_items
from .pipeline import analyze_batch
from .schemas import Document
from .store import Store


# Batches are sized by characters, not documents: a batch holds at most this many
# characters of text (or one document, however long; pipeline.WINDOW_CHARS bounds that one).
BATCH_CHARS = 100_000
COMMIT_CHARS = 2_000_000  # analysed documents waiting for the store, at most


@dataclass
class BatchReport:
    stored: int = 0  # new documents
    updated: int = 0  # documents that were already stored (re-ingested, replaced)
    failures: List[IngestFailure] = field(default_factory=list)
    partial: int = 0
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.failures and not self.interrupted


def analyze_items(
    items: Iterable[Tuple[Path | None, Item]],
    *,
    language: Optional[str] = None,
    model: Optional[str] = None,
    with_tokens: bool = False,
    batch_size: int = 16,
    batch_chars: int = BATCH_CHARS,
) -> Iterator[Tuple[Path | None, Union[Document, IngestFailure]]]:
    """Analyse articles in batches of at most ``batch_size`` documents and ``batch_chars``
    characters, in input order; an analysis error becomes a failure of that document only."""
    buffer: List[Tuple[Path | None, Item]] = []
    chars = 0

    def run() -> Iterator[Tuple[Path | None, Union[Document, IngestFailure]]]:
        articles = [item for _, item in buffer if not isinstance(item, IngestFailure)]
        results = iter(analyze_batch(articles, language=language, model=model, with_tokens=with_tokens))
        for path, item in buffer:
            if isinstance(item, IngestFailure):
                yield path, item
                continue
            result = next(results)
            if isinstance(result, Exception):
                reason = f"analysis failed: {type(result).__name__}: {result}"
                yield path, IngestFailure(item.source or item.id, reason)
            else:
                yield path, result
        buffer.clear()

    for entry in items:
        size = 0 if isinstance(entry[1], IngestFailure) else len(entry[1].text)
        if buffer and chars + size > batch_chars:
            yield from run()
            chars = 0
        buffer.append(entry)
        chars += size
        if len(buffer) >= batch_size:
            yield from run()
            chars = 0
    yield from run()


def ingest_paths(
    paths: Iterable[Union[str, Path]],
    store: Store,
    *,
    fmt: Optional[str] = None,
    language: Optional[str] = None,
    model: Optional[str] = None,
    commit_every: int = 16,
    on_item: Optional[Callable[[Path | None, Union[Document, IngestFailure]], None]] = None,
) -> BatchReport:
    """Analyse every document under ``paths`` and store it.

    Documents are committed in groups of ``commit_every`` (one transaction each: a group
    is stored whole or not at all). On KeyboardInterrupt the analysed documents still
    pending are committed before returning with ``interrupted=True``.
    """
    report = BatchReport()
    pending: List[Document] = []
    # actors met in earlier runs but not in the knowledge base keep their ids
    register_provisional(store.provisional_actors())

    def flush() -> None:
        for doc, is_new in zip(pending, store.save_many(pending)):
            report.stored += int(is_new)
            report.updated += int(not is_new)
            report.partial += int(doc.partial)
        pending.clear()

    try:
        for path, result in analyze_items(iter_items(paths, fmt=fmt), language=language, model=model):
            if isinstance(result, IngestFailure):
                report.failures.append(result)
            else:
                pending.append(result)
                if len(pending) >= commit_every or sum(len(d.text) for d in pending) >= COMMIT_CHARS:
                    flush()
            if on_item is not None:
                on_item(path, result)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        flush()
    return report
