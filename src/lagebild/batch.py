"""Analyse files into a store, robustly: one bad document never stops a batch.

This is the library behind ``lagebild ingest``; the CLI only adds a progress bar.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple, Union

from .actors.provisional import clear_provisional, provisional_actors, register_provisional
from .errors import DatabaseLockedError, Errors, Warnings
from .ingest.readers import IngestFailure, Item, iter_items
from .pipeline import analyze_batch
from .schemas import Document
from .store import Store


# Batches are sized by characters, not documents: a batch holds at most this many
# characters of text (or one document, however long; pipeline.WINDOW_CHARS bounds that one).
BATCH_CHARS = 100_000


@dataclass
class BatchReport:
    stored: int = 0  # new documents
    updated: int = 0  # stored documents whose analysis differed (replaced)
    unchanged: int = 0  # stored documents re-analysed to the same result (nothing written)
    skipped: int = 0  # stored documents not analysed again (resume)
    failures: List[IngestFailure] = field(default_factory=list)
    partial: int = 0
    interrupted: bool = False
    redone: int = 0  # parallel ingest: documents analysed again with the true provisional actors
    # (id, url, source) of the documents stored as new: for earlier_versions (W160)
    new_documents: List[Tuple[str, Optional[str], Optional[str]]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.interrupted


# what happened to one document, as passed to ``on_item``
OUTCOMES = ("new", "updated", "unchanged", "skipped", "failed")

Barrier = Callable[[Item], Optional[Callable[[], None]]]


def analysis_failure(exc: BaseException) -> str:
    """The reason recorded for a document whose analysis raised ``exc``."""
    return f"analysis failed: {type(exc).__name__}: {exc}"


def merge_results(
    entries: Iterable[Tuple[Any, Item]], results: Iterable[Union[Document, Exception, str]]
) -> Iterator[Tuple[Any, Union[Document, IngestFailure]]]:
    """Put analysis results back among the ``(path, item)`` entries they came from, in order.

    An entry that is already an IngestFailure passes through; every other entry takes the
    next result: a Document, or an Exception / a reason text (from a worker process), which
    becomes that document's IngestFailure.
    """
    it = iter(results)
    for path, item in entries:
        if isinstance(item, IngestFailure):
            yield path, item
            continue
        result = next(it)
        if isinstance(result, Exception):
            result = analysis_failure(result)
        yield path, (IngestFailure(item.source or item.id, result) if isinstance(result, str) else result)


def analyze_items(
    items: Iterable[Tuple[Path | None, Item]],
    *,
    language: Optional[str] = None,
    model: Optional[str] = None,
    with_tokens: bool = False,
    batch_size: int = 16,
    batch_chars: int = BATCH_CHARS,
    barrier: Optional[Barrier] = None,
    after_batch: Optional[Callable[[], None]] = None,
) -> Iterator[Tuple[Path | None, Union[Document, IngestFailure]]]:
    """Analyse articles in batches of at most ``batch_size`` documents and ``batch_chars``
    characters, in input order; an analysis error becomes a failure of that document only.

    barrier(item): may return an action that must run after every earlier item was
        analysed and before ``item`` is (the pending batch is analysed first).
    after_batch(): called once all results of a batch have been consumed, before the next
        input is read (ingest commits and releases the database there)."""
    buffer: List[Tuple[Path | None, Item]] = []
    chars = 0

    def run() -> Iterator[Tuple[Path | None, Union[Document, IngestFailure]]]:
        if not buffer:
            return
        articles = [item for _, item in buffer if not isinstance(item, IngestFailure)]
        results = analyze_batch(articles, language=language, model=model, with_tokens=with_tokens,
                                learn=True) if articles else []
        yield from merge_results(buffer, results)
        buffer.clear()
        if after_batch is not None:
            after_batch()

    for entry in items:
        size = 0 if isinstance(entry[1], IngestFailure) else len(entry[1].text)
        if buffer and chars + size > batch_chars:
            yield from run()
            chars = 0
        action = barrier(entry[1]) if barrier is not None else None
        if action is not None:
            yield from run()
            chars = 0
            action()
        buffer.append(entry)
        chars += size
        if len(buffer) >= batch_size:
            yield from run()
            chars = 0
    yield from run()


_NEW = 1 << 62  # documents not stored yet come after every stored one, in input order


class _ProvisionalReplay:
    """Which provisional actors a document may be linked to, made reproducible.

    A provisional actor (``prov:…``, a name the KB does not know) is matched in later
    documents. "Later" is the order documents were first stored (``documents.seq``): a
    document is analysed with exactly the provisional actors learnt from documents stored
    before it (``actors.learnt_seq`` < its ``seq``, with the records the linker learnt:
    :meth:`lagebild.store.Store.provisional_actors`), plus those the linker learns from the
    documents before it in this run. A stored document analysed again therefore sees what
    it saw the first time (re-ingest changes nothing, in any order), a new document sees
    every stored one, and a resumed run sees what an uninterrupted run would have seen.
    When a document comes after one that was stored later than it (input in another
    order), the registry is rebuilt for it from the store.
    """

    def __init__(self, store: Store) -> None:
        clear_provisional()  # this process may have analysed other documents before
        self.seqs = store.stored_seqs()
        self.actors = store.provisional_actors()  # ordered by the seq they were learnt at ("first_seq")
        self.next = 0  # self.actors[:next] are registered
        self.max_seen = 0  # highest seq analysed or buffered since the registry was built
        self.in_flight: Set[int] = set()  # seqs of the documents in the pending batch
        self.new = 0

    def barrier(self, item: Item) -> Optional[Callable[[], None]]:
        if isinstance(item, IngestFailure):
            return None
        seq = self.seqs.get(item.id)
        if seq is None:
            self.new += 1
            seq = _NEW + self.new
        if seq <= self.max_seen:
            return lambda: self._rebuild(seq)
        due = self._due(seq)
        # actors learnt from a document of the pending batch are re-learnt by the
        # linker when that document is analysed again: no need to cut the batch
        if all(a["first_seq"] in self.in_flight for a in self.actors[self.next:due]):
            self.next = due
            self._buffered(seq)
            return None
        return lambda: self._learn(due, seq)

    def _due(self, seq: int) -> int:
        due = self.next
        while due < len(self.actors) and self.actors[due]["first_seq"] < seq:
            due += 1
        return due

    def _buffered(self, seq: int) -> None:
        self.in_flight.add(seq)
        self.max_seen = max(self.max_seen, seq)

    def _learn(self, upto: int, seq: int) -> None:
        self.in_flight.clear()
        known = {a.id for a in provisional_actors()}
        register_provisional(a for a in self.actors[self.next:upto] if a.get("id") not in known)
        self.next = upto
        self._buffered(seq)

    def _rebuild(self, seq: int) -> None:
        clear_provisional()
        self.next, self.max_seen = 0, 0
        self._learn(self._due(seq), seq)

    def batch_done(self) -> None:
        self.in_flight.clear()


def ingest_paths(
    paths: Iterable[Union[str, Path]],
    store: Store,
    *,
    fmt: Optional[str] = None,
    language: Optional[str] = None,
    model: Optional[str] = None,
    resume: bool = False,
    commit_every: int = 16,
    on_item: Optional[Callable[..., None]] = None,
) -> BatchReport:
    """Analyse every document under ``paths`` and store it.

    Each batch (``commit_every`` documents analysed together) is stored in one
    transaction as soon as it is analysed, before the next input is read
    (:func:`save_results`); a document the database refuses is rolled back alone and
    reported ([E043]): the batch is then stored document by document and goes on.
    After a batch the DuckDB file is released for other processes when that is due
    (:meth:`Store.release_due`: at least every 5 s with the default lock wait).
    resume: documents whose content id is already stored are skipped before analysis
        (cheap: no parsing), e.g. to finish an interrupted run.
    on_item(path, result, outcome): after each document; outcome is one of
        :data:`OUTCOMES`; result is the Document, or the IngestFailure, or for "skipped"
        the Article. (A two-argument callable gets ``(path, result)``.) It is called
        once the document's batch is committed.
    Re-ingesting unchanged input changes nothing in the store (see
    :class:`_ProvisionalReplay`); on KeyboardInterrupt every analysed document is
    already stored and the report says ``interrupted=True``.
    """
    report = BatchReport()
    replay = _ProvisionalReplay(store)
    store.release()  # nothing to write until the first batch is analysed
    notify = _notifier(on_item)

    def items() -> Iterator[Tuple[Path | None, Item]]:
        for path, item in iter_items(paths, fmt=fmt):
            if resume and not isinstance(item, IngestFailure) and item.id in replay.seqs:
                report.skipped += 1
                notify(path, item, "skipped")
                continue
            yield path, item

    pending: List[Tuple[Path | None, Union[Document, IngestFailure]]] = []

    def flush() -> None:
        batch = pending[:]
        pending.clear()
        saved = save_results(store, [result for _, result in batch], report)
        for (path, _), (result, outcome) in zip(batch, saved):
            notify(path, result, outcome)

    def after_batch() -> None:
        flush()
        replay.batch_done()
        store.release_due()

    try:
        for entry in analyze_items(
            items(), language=language, model=model, batch_size=max(1, commit_every),
            barrier=replay.barrier, after_batch=after_batch,
        ):
            pending.append(entry)
        flush()
    except KeyboardInterrupt:
        report.interrupted = True
        flush()  # what was analysed is stored
    finally:
        store.release()
    return report


def save_results(
    store: Store, results: List[Union[Document, IngestFailure]], report: BatchReport
) -> List[Tuple[Union[Document, IngestFailure], str]]:
    """:func:`save_result` for each of ``results``, in order, with the same outcomes and
    counts, but the documents written in one transaction (:meth:`Store.save_documents`:
    one INSERT per table for the batch). If the database refuses the batch it is rolled
    back and stored document by document, so that only the refused document fails
    ([E043]) and the others are stored. DatabaseLockedError propagates."""
    docs = [r for r in results if not isinstance(r, IngestFailure)]
    outcomes: Optional[List[str]] = None
    if len(docs) > 1 and store.backend.name == "duckdb":  # PostgreSQL: one transaction per document
        try:
            outcomes = store.save_documents(docs)
        except DatabaseLockedError:
            raise
        except KeyboardInterrupt:
            raise
        except Exception:  # noqa: BLE001 - found again below, document by document
            outcomes = None
    if outcomes is None:
        return [save_result(store, r, report) for r in results]
    it = iter(outcomes)
    out: List[Tuple[Union[Document, IngestFailure], str]] = []
    for r in results:
        if isinstance(r, IngestFailure):
            report.failures.append(r)
            out.append((r, "failed"))
            continue
        outcome = next(it)
        report.stored += outcome == "new"
        report.updated += outcome == "updated"
        report.unchanged += outcome == "unchanged"
        report.partial += int(r.partial)
        if outcome == "new":
            report.new_documents.append((r.id, r.url, r.source))
        out.append((r, outcome))
    return out


def save_result(store: Store, result: Union[Document, IngestFailure], report: BatchReport) -> Tuple[Union[Document, IngestFailure], str]:
    """Store one analysis result in its own transaction and count it in ``report``.

    Returns ``(result, outcome)``: outcome is "new", "updated" or "unchanged" from
    :meth:`Store.save_document`, or "failed" -- for an IngestFailure, and for a document
    the database refuses, which is rolled back alone and returned as an IngestFailure
    ([E043]). DatabaseLockedError propagates: no later document could be written either.
    """
    outcome = "failed"
    if not isinstance(result, IngestFailure):
        try:
            outcome = store.save_document(result)
        except DatabaseLockedError:
            raise  # not this document's fault: the whole run cannot write
        except Exception as e:  # noqa: BLE001 - one document's failure, reported
            result = IngestFailure(
                result.source or result.id,
                Errors.E043.format(id=result.id, source=result.source, msg=f"{type(e).__name__}: {e}"),
            )
    if isinstance(result, IngestFailure):
        report.failures.append(result)
    else:
        report.stored += outcome == "new"
        report.updated += outcome == "updated"
        report.unchanged += outcome == "unchanged"
        report.partial += int(result.partial)
        if outcome == "new":
            report.new_documents.append((result.id, result.url, result.source))
    return result, outcome


def _notifier(on_item: Optional[Callable[..., None]]) -> Callable[..., None]:
    if on_item is None:
        return lambda *a: None
    try:
        import inspect

        n = len(inspect.signature(on_item).parameters)
    except (TypeError, ValueError):
        n = 3
    if n >= 3:
        return on_item
    return lambda path, result, outcome: on_item(path, result) if outcome != "skipped" else None


_LINE_SOURCE = re.compile(r"^[^#]*:\d+$")  # "batch.jsonl:12": a line number is no identity (feed entries: "feed.xml#id")


def version_key(url: Optional[str], source: Optional[str]) -> Optional[str]:
    """What makes two stored documents versions of one article: the same URL, else the
    same source path (a file, a feed entry ``feed.xml#<entry id>``); None for a JSON Lines
    record without a URL (``batch.jsonl:12`` names a line, not an article)."""
    if url:
        return url
    if source and not _LINE_SOURCE.search(source):
        return source
    return None


def earlier_versions(store: Store, new: Sequence[Tuple[str, Optional[str], Optional[str]]]) -> List[str]:
    """Warning W160 for each document of ``new`` (``(id, url, source)`` of the documents a
    run stored as new) whose URL or source another stored document has: the text changed
    since that one was stored (document ids are content hashes, so the new version is a new
    document and the earlier one is kept). One query per 500 documents."""
    by_key: Dict[str, Tuple[str, str]] = {}
    for doc_id, url, source in new:
        key = version_key(url, source)
        if key:
            by_key.setdefault(key, (doc_id, key))
    out: List[str] = []
    keys = sorted(by_key)
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        rows = store.query(
            f"SELECT id, url, source, seq FROM documents WHERE url IN ({marks}) OR (url IS NULL AND source IN ({marks})) "
            "ORDER BY seq", chunk + chunk,
        )
        for row in rows:
            key = version_key(row["url"], row["source"])
            if key not in by_key:
                continue
            new_id, label = by_key[key]
            if row["id"] != new_id:
                out.append(Warnings.W160.format(source=label, old=row["id"], new=new_id))
    return out
