"""Parallel analysis on one machine: worker processes that each load the pipeline once.

The parent reads and parses the inputs (cheap), sends articles in small chunks to a
``concurrent.futures.ProcessPoolExecutor`` whose initializer loads the pipeline once per
worker, and takes the results back in input order (a bounded window of chunks in flight
keeps memory flat on any corpus size). One writer — the parent — commits to the store in
batches, as DuckDB allows one writer.

Robustness, as in the single-process path (:mod:`lagebild.batch`):

* a document whose analysis raises becomes an :class:`IngestFailure` of that document;
* a worker that dies (segfault, out of memory) takes only its chunk with it: the pool is
  restarted and that chunk's documents are retried one by one, so only the document that
  kills a worker is reported as failed;
* Ctrl-C: workers ignore SIGINT, the parent commits what was analysed and stops the pool;
* ``kill -9`` of the parent loses nothing committed (each batch is one transaction), and
  the workers notice the parent is gone and exit.

Workers analyse with provisional-actor learning frozen (see
:func:`lagebild.actors.provisional.freeze_provisional`), so results do not depend on the
number of workers or on which worker got which document.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from ..batch import BatchReport, analysis_failure, merge_results
from ..ingest.readers import IngestFailure, Item
from ..schemas import Article, Document

Result = Union[Document, IngestFailure]
Entry = Tuple[Any, Item]  # (path or None, article or failure)

MAX_FAILED_STARTS = 3  # pools in a row that die before finishing anything: give up
CHUNK = 8  # documents per task: large enough to amortise IPC, small enough to balance


def default_workers() -> int:
    """The number of CPU cores this process may use (``os.sched_getaffinity``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def choose_workers(requested: int, n_docs: Optional[int]) -> int:
    """``requested`` if given (> 0), else the number of cores — unless the input holds
    fewer than 2 chunks per core: starting a worker costs one pipeline load (~2 s), more
    than a few documents take to analyse, so small inputs are analysed in-process."""
    if requested > 0:
        return requested
    cores = default_workers()
    if n_docs is not None and n_docs < 2 * CHUNK * cores:
        return 1
    return cores


# -- the worker side --------------------------------------------------------------------

_WORKER: Dict[str, Any] = {}


def _watch_parent(parent: int) -> None:
    """Exit when the parent is gone (kill -9): orphaned workers must not linger."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def run_setup(spec: Optional[str]) -> None:
    """Call ``"package.module:function"`` (no arguments), e.g. to register custom spaCy
    components or readers in a worker process."""
    if not spec:
        return
    import importlib

    module, _, name = spec.partition(":")
    getattr(importlib.import_module(module), name or "setup")()


def _init_worker(
    language: Optional[str], model: Optional[str], provisional: List[dict], parent: int, setup: Optional[str] = None
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    from ..actors.provisional import register_provisional
    from ..pipeline import load

    register_provisional(provisional)
    _WORKER.update(language=language, model=model)
    if language:
        load(language, model)  # load now, not on the first chunk
    run_setup(setup)


def _analyze_chunk(articles: List[Article], with_tokens: bool = False) -> List[Union[Document, str]]:
    """In a worker: analyse ``articles``; a document that raised becomes its error text."""
    from ..actors.provisional import freeze_provisional
    from ..pipeline import analyze_batch

    with freeze_provisional():
        results = analyze_batch(
            articles, language=_WORKER.get("language"), model=_WORKER.get("model"), with_tokens=with_tokens
        )
    return [analysis_failure(r) if isinstance(r, Exception) else r for r in results]


# -- the parent side --------------------------------------------------------------------


@dataclass
class _Task:
    entries: List[Entry]
    future: Optional[Future] = None


@dataclass
class ParallelIngest:
    """Analyse ``(path, item)`` entries with ``workers`` processes, yielding
    ``(path, Document | IngestFailure)`` in input order.

    workers (int): worker processes (1 still uses one worker process; use
        :func:`lagebild.batch.analyze_items` for in-process analysis).
    provisional (list of dict): provisional actors every worker starts with.
    """

    workers: int = 2
    language: Optional[str] = None
    model: Optional[str] = None
    with_tokens: bool = False
    provisional: List[dict] = field(default_factory=list)
    chunk: int = CHUNK
    window: int = 0  # chunks in flight; 0: 2 x workers + 1
    setup: Optional[str] = None  # "module:function" each worker calls after loading
    restarts: int = 0  # worker pools restarted after a crash (for reports and tests)

    def _pool(self) -> ProcessPoolExecutor:
        # spawn: a clean interpreter per worker (the parent may hold DuckDB threads)
        ctx = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=ctx, initializer=_init_worker,
            initargs=(self.language, self.model, self.provisional, os.getpid(), self.setup),
        )

    def run(self, entries: Iterable[Entry]) -> Iterator[Tuple[Any, Result]]:
        self._executor = self._pool()
        self._failed_starts = 0
        window = self.window or 2 * self.workers + 1
        pending: Deque[_Task] = deque()
        source = iter(entries)
        exhausted = False

        def refill() -> None:
            nonlocal exhausted
            while not exhausted and len(pending) < window:
                chunk: List[Entry] = []
                for entry in source:
                    chunk.append(entry)
                    if len(chunk) >= self.chunk:
                        break
                if not chunk:
                    exhausted = True
                    return
                task = _Task(chunk)
                articles = [item for _, item in chunk if not isinstance(item, IngestFailure)]
                if articles:
                    task.future = self._executor.submit(_analyze_chunk, articles, self.with_tokens)
                pending.append(task)

        try:
            refill()
            while pending:
                task = pending.popleft()
                try:
                    results = task.future.result() if task.future is not None else []
                except BrokenProcessPool:
                    # a worker died: restart the pool, redo the chunks that were in flight
                    # one document at a time, so that only the document that kills a
                    # worker is reported as failed
                    redo = [task] + list(pending)
                    pending.clear()
                    self._restart()
                    for t in redo:
                        for entry in t.entries:
                            yield from self._one_by_one(entry)
                    refill()
                    continue
                self._failed_starts = 0
                yield from merge_results(task.entries, results)
                refill()
            self._executor.shutdown(wait=True)  # all done: let the workers exit cleanly
        finally:
            self._executor.shutdown(wait=False, cancel_futures=True)

    def _restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._failed_starts += 1
        if self._failed_starts > MAX_FAILED_STARTS:
            raise RuntimeError(
                f"worker processes died {self._failed_starts} times in a row without finishing a "
                "document; they cannot start (see the error above) or every document kills them"
            )
        self._executor = self._pool()
        self.restarts += 1

    def _one_by_one(self, entry: Entry) -> Iterator[Tuple[Any, Result]]:
        path, item = entry
        if isinstance(item, IngestFailure):
            yield path, item
            return
        try:
            results = self._executor.submit(_analyze_chunk, [item], self.with_tokens).result()
            self._failed_starts = 0
        except BrokenProcessPool:
            self._restart()
            yield path, IngestFailure(
                item.source or item.id, "analysis failed: the worker process died (crash or out of memory)"
            )
            return
        yield from merge_results([entry], results)


def analyze_parallel(
    entries: Iterable[Entry],
    *,
    workers: int,
    language: Optional[str] = None,
    model: Optional[str] = None,
    with_tokens: bool = False,
    provisional: Optional[List[dict]] = None,
    setup: Optional[str] = None,
) -> Iterator[Tuple[Any, Result]]:
    """``(path, Document | IngestFailure)`` for each entry, in input order, analysed by
    ``workers`` processes (see :class:`ParallelIngest`)."""
    engine = ParallelIngest(
        workers=workers, language=language, model=model, with_tokens=with_tokens,
        provisional=list(provisional or []), setup=setup,
    )
    return engine.run(entries)


def ingest_parallel(
    paths: Iterable[Any],
    store: Any,
    *,
    workers: int,
    fmt: Optional[str] = None,
    language: Optional[str] = None,
    model: Optional[str] = None,
    commit_every: int = 32,
    on_item: Optional[Callable[..., None]] = None,
    setup: Optional[str] = None,
) -> BatchReport:
    """Like :func:`lagebild.batch.ingest_paths`, with ``workers`` analysis processes.

    Only this (the parent) process writes: each document is stored in its own transaction
    as it arrives (:func:`lagebild.batch.save_result`: a refused document is rolled back
    alone and reported, the run goes on), and the DuckDB file is released every
    ``commit_every`` documents so that readers can get in. On KeyboardInterrupt the
    workers are stopped and ``interrupted`` is set; every analysed document is stored.
    Unlike the one-process path, re-analysing stored documents here is not guaranteed to
    reproduce them exactly (provisional actors are frozen for the run), which is why
    ``lagebild ingest`` only uses this path when ``--workers`` asks for it.
    """
    from ..batch import _notifier, save_result
    from ..ingest.readers import iter_items

    report = BatchReport()
    notify = _notifier(on_item)
    results = analyze_parallel(
        iter_items(paths, fmt=fmt), workers=workers, language=language, model=model,
        provisional=store.provisional_actors(), setup=setup,
    )
    store.release()
    try:
        for n, (path, result) in enumerate(results, start=1):
            result, outcome = save_result(store, result, report)
            notify(path, result, outcome)
            if n % commit_every == 0:
                store.release()
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the pool
        store.release()
    return report


def count_documents(files: Iterable[Any], *, fmt: Optional[str] = None) -> Optional[int]:
    """How many documents ``files`` hold, for a progress bar: one per text/HTML file, one
    per non-empty line of a JSON Lines file; None when a feed or WARC file is among them
    (counting those would mean parsing them twice)."""
    from pathlib import Path

    from ..ingest.readers import detect_format, read_bytes

    total = 0
    for f in files:
        path = Path(f)
        name = fmt or detect_format(path)
        if name in ("text", "html"):
            total += 1
        elif name == "jsonl":
            try:
                total += sum(1 for line in read_bytes(path).splitlines() if line.strip())
            except Exception:  # noqa: BLE001 - the reader reports it; count it as one
                total += 1
        else:
            return None
    return total
