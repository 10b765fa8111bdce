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

Provisional actors: :func:`ingest_parallel` (``lagebild ingest``) stores exactly what
one process stores — see :class:`ExactParallelIngest`. :func:`analyze_parallel` (and the
Ray engine) analyse with provisional-actor learning frozen (see
:func:`lagebild.actors.provisional.freeze_provisional`): their results do not depend on
the number of workers either, but a document does not learn from the ones before it.
"""
from __future__ import annotations

import multiprocessing
from pathlib import Path
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from ..batch import BatchReport, analysis_failure, merge_results
from ..ingest.readers import IngestFailure, Item
from ..schemas import Article, Document

Result = Union[Document, IngestFailure]
Entry = Tuple[Any, Item]  # (path or None, article or failure)

MAX_FAILED_STARTS = 3  # pools in a row that die before finishing anything: give up
CHUNK = 8  # documents per task: large enough to amortise IPC, small enough to balance
# documents per task of the exact ingest (ExactParallelIngest): a chunk is analysed with
# the provisional actors known when it is sent, so the fewer documents ahead of a
# document the fewer it must be analysed again for. 300 news articles, 2 workers
# (benchmarks/ingest_cpu.py): chunks of 8 / 4 / 2 -> 40 / 18 / 8 analysed again,
# 147 / 136 / 133 CPU ms per article in all processes
EXACT_CHUNK = 4
ONE_PROCESS_BATCH = 16  # documents per batch of `lagebild ingest` in one process (batch.ingest_paths)


def default_workers() -> int:
    """The number of CPU cores this process may use (``os.sched_getaffinity``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def choose_workers(requested: int, n_docs: Optional[int]) -> int:
    """``requested`` if given (> 0), else the number of cores — unless the input holds
    fewer than 16 documents per core (two chunks of 8): starting a worker costs one pipeline load (~2 s), more
    than a few documents take to analyse, so small inputs are analysed in-process."""
    if requested > 0:
        return requested
    cores = default_workers()
    if n_docs is not None and n_docs < 2 * 8 * cores:
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


def _take(source: Iterator[Entry], n: int, first: Sequence[Entry] = ()) -> List[Entry]:
    """``first`` and then entries of ``source`` up to ``n`` in all (at least ``first``);
    fewer only when ``source`` runs out."""
    chunk: List[Entry] = list(first)
    for entry in source:
        chunk.append(entry)
        if len(chunk) >= n:
            break
    return chunk


def _analyze_chunk(articles: List[Article], with_tokens: bool = False) -> List[Union[Document, str]]:
    """In a worker: analyse ``articles``; a document that raised becomes its error text."""
    from ..actors.provisional import freeze_provisional
    from ..pipeline import analyze_batch

    with freeze_provisional():
        results = analyze_batch(
            articles, language=_WORKER.get("language"), model=_WORKER.get("model"), with_tokens=with_tokens
        )
    return [analysis_failure(r) if isinstance(r, Exception) else r for r in results]


ExactResult = Tuple[Union[Document, str], List[List[dict]], List[str], List[Tuple[str, ...]], str]


def _analyze_exact(articles: List[Article], registry: List[dict], with_tokens: bool = False) -> List[ExactResult]:
    """In a worker: analyse ``articles`` with exactly the provisional actors ``registry``
    (records, in registration order). Per article: its Document (or error text), what it
    taught the linker and which registry ids the linker looked up
    (:func:`~lagebild.actors.provisional.record_learning`), the texts of its tokens in
    order (one tuple per Doc: the text, or each window of a long text), and the
    language of the pipeline that analysed it.

    Documents analysed in one ``nlp.pipe`` batch do not teach each other (frozen); a long
    document analysed window by window learns from its own earlier windows, as in the
    one-process path."""
    from ..actors.provisional import clear_provisional, freeze_provisional, record_learning, register_provisional
    from ..language import SUPPORTED
    from ..pipeline import WINDOW_CHARS, analyze_batch
    from spacy.attrs import ORTH

    language, model = _WORKER.get("language"), _WORKER.get("model")

    def reset() -> None:
        clear_provisional()
        register_provisional(registry)

    def finish(article: Article, r: Any, learning: Any, sequences: List[Tuple[str, ...]]) -> ExactResult:
        lang = language or article.language or "en"
        lang = lang if lang in SUPPORTED else "en"
        if isinstance(r, Exception):
            sequences = []
        key = id(article)
        return (
            analysis_failure(r) if isinstance(r, Exception) else r,
            learning.calls.get(key, []), sorted(learning.lookups.get(key, ())), sequences, lang,
        )

    out: List[Any] = [None] * len(articles)
    # the texts of the analysed Docs' tokens (the tokenizer's, no component retokenises),
    # read from the Docs rather than tokenising each text a second time
    sequences: Dict[int, List[Tuple[str, ...]]] = {}

    def keep_tokens(i: int, doc: Any) -> None:
        # ``Token.text`` is the ORTH string: read from the token array, no Token objects
        strings = doc.vocab.strings
        sequences.setdefault(i, []).append(tuple([strings[o] for o in doc.to_array(ORTH).tolist()]))

    short = [i for i, a in enumerate(articles) if len(a.text) <= WINDOW_CHARS]
    if short:
        reset()
        with freeze_provisional(), record_learning() as learning:
            results = analyze_batch([articles[i] for i in short], language=language, model=model, with_tokens=with_tokens,
                                    on_doc=lambda j, doc: keep_tokens(short[j], doc))
        for i, r in zip(short, results):
            out[i] = finish(articles[i], r, learning, sequences.get(i, []))
    for i, article in enumerate(articles):
        if out[i] is None:
            reset()
            with record_learning() as learning:
                (r,) = analyze_batch([article], language=language, model=model, with_tokens=with_tokens,
                                     on_doc=lambda _, doc, i=i: keep_tokens(i, doc))
            out[i] = finish(article, r, learning, sequences.get(i, []))
    return out


# -- the parent side --------------------------------------------------------------------


def _detect_languages(articles: Sequence[Article], language: Optional[str]) -> None:
    """Detect the language of each article that has none, here in the parent, before it
    is sent (:func:`lagebild.pipeline.detect_article_language`): the detector's models
    then load once per run instead of once per worker (~2 s CPU and ~230 MB each), and
    the workers find the language set. Nothing to do when ``language`` is forced. A
    document whose detection raises is left as it was: its worker detects again and
    reports the error as that document's failure, as before."""
    if language:
        return
    from ..pipeline import detect_article_language

    for article in articles:
        try:
            detect_article_language(article)
        except Exception:  # noqa: BLE001 - reported by the worker, per document
            pass


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

    def _pool(self, workers: int = 0) -> ProcessPoolExecutor:
        # spawn: a clean interpreter per worker (the parent may hold DuckDB threads)
        ctx = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=workers or self.workers, mp_context=ctx, initializer=_init_worker,
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
                chunk = _take(source, self.chunk)
                if not chunk:
                    exhausted = True
                    return
                task = _Task(chunk)
                articles = [item for _, item in chunk if not isinstance(item, IngestFailure)]
                if articles:
                    _detect_languages(articles, self.language)
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


class _BatchSteps:
    """The batch boundaries and provisional-actor replay steps of the one-process path
    (:func:`lagebild.batch.analyze_items` driven by :func:`lagebild.batch.ingest_paths`),
    applied in input order to this process's registry, which parallel ingest keeps as
    the registry the one-process path would have before each document."""

    def __init__(self, replay: Any, batch_size: int, batch_chars: int) -> None:
        self.replay = replay
        self.batch_size = max(1, batch_size)
        self.batch_chars = batch_chars
        self.count = 0
        self.chars = 0

    def before(self, item: Item) -> None:
        size = 0 if isinstance(item, IngestFailure) else len(item.text)
        if self.count and self.chars + size > self.batch_chars:
            self._cut()
        action = self.replay.barrier(item)
        if action is not None:
            if self.count:
                self._cut()
            action()
        self.count += 1
        self.chars += size

    def after(self) -> None:
        if self.count >= self.batch_size:
            self._cut()

    def _cut(self) -> None:
        self.replay.batch_done()
        self.count = 0
        self.chars = 0


@dataclass
class _ExactTask:
    entries: List[Entry]
    registry: List[dict] = field(default_factory=list)  # the provisional actors (records) its documents are analysed with
    future: Optional[Future] = None
    sent: bool = False  # submitted to the current pool (False again after a restart)


@dataclass
class ExactParallelIngest(ParallelIngest):
    """Parallel analysis whose results equal the one-process path's, document for
    document, provisional actors included.

    In one process, a document is analysed with the provisional actors registered
    before it (from the store and from the documents before it in this run). Here the
    parent keeps that registry, in input order, as the one-process path would
    (:class:`_BatchSteps`, :class:`lagebild.batch._ProvisionalReplay`, and each
    document's recorded learning). A chunk is analysed ahead, speculatively, with the
    registry known when it is sent, cut down to the actors that can influence its
    documents (:func:`~lagebild.actors.provisional.relevant_provisional`). When a
    document's turn comes, the actors relevant to it in the true registry are compared
    with those it was analysed with: the same (the usual case: a name learnt a few
    documents earlier rarely occurs in this one) — its result is the one-process
    result; different — it is analysed again with the true registry (``redone``
    counts them).

    Chunks are sent just in time: at most ``workers + 1`` of them are queued or being
    analysed in the pool (the rest of the ``window`` are results waiting for their
    turn), and a chunk's registry is taken when it is sent, so that it misses fewer of
    the actors learnt before it (fewer documents analysed again). A document analysed
    again goes to the same pool (no extra process and pipeline load): it waits behind
    at most ``workers + 1`` chunks, while the parent keeps the pool fed.
    """

    replay: Any = None
    batch_size: int = 16
    batch_chars: int = 100_000
    redone: int = 0
    chunk: int = EXACT_CHUNK

    def run(self, entries: Iterable[Entry]) -> Iterator[Tuple[Any, Result]]:  # type: ignore[override]
        from ..actors.provisional import ProvisionalIndex, influencing, learn_provisional, relevant_provisional
        from ..schemas import Actor

        # the whole registry, indexed: asked for every chunk and every document, so its
        # cost must not grow with the number of actors learnt (the corpus)
        known = ProvisionalIndex()

        steps = _BatchSteps(self.replay, self.batch_size, self.batch_chars)
        self._executor = self._pool()
        self._failed_starts = 0
        window = self.window or 2 * self.workers + 1
        busy_limit = self.workers + 1  # chunks queued or being analysed in the pool
        pending: Deque[_ExactTask] = deque()
        self._pending = pending
        source = iter(entries)
        exhausted = False
        first: List[Entry] = []
        for entry in source:  # the first document's replay step runs before anything is sent
            steps.before(entry[1])
            first.append(entry)
            break
        stepped = bool(first)

        def submit(task: _ExactTask) -> None:
            articles = [item for _, item in task.entries if not isinstance(item, IngestFailure)]
            task.sent = True
            if articles:
                _detect_languages(articles, self.language)
                texts = [a.text for a in articles]
                task.registry = known.relevant("\n".join(texts))
                task.future = self._submit(articles, task.registry)
            else:
                task.future = None

        def refill() -> None:
            nonlocal exhausted
            busy = sum(1 for t in pending if t.sent and t.future is not None and not t.future.done())
            for t in pending:  # chunks to send again after a restart, in order
                if busy >= busy_limit:
                    return
                if not t.sent:
                    submit(t)
                    busy += t.future is not None
            while not exhausted and len(pending) < window and busy < busy_limit:
                chunk = _take(source, self.chunk, first)
                first.clear()
                if not chunk:
                    exhausted = True
                    return
                task = _ExactTask(chunk)
                submit(task)
                busy += task.future is not None
                pending.append(task)

        self._refill = refill

        def accept(entry: Entry, task: _ExactTask, result: Any) -> Iterator[Tuple[Any, Result]]:
            path, item = entry
            if isinstance(item, IngestFailure):
                yield path, item
                return
            if result is not None and not isinstance(result[0], str):
                _, _, lookups, sequences, lang = result
                tokens = _name_tokens(lang, self.model)
                if influencing(task.registry, set(lookups), set(), item.text, tokens, sequences) != known.influencing(
                    set(lookups), item.text, tokens, sequences
                ):
                    self.redone += 1
                    result = None
            elif result is not None and known.relevant(item.text) != relevant_provisional(task.registry, item.text):
                result = None  # a failure: analysed again if the registry it saw was not the true one
            if result is None:
                result = self._single(item, known.relevant(item.text))
            doc, calls = result[0], result[1]
            for call in calls:
                learn_provisional([Actor(provisional=True, **r) for r in call])
            yield from merge_results([entry], [doc])

        try:
            refill()
            while pending:
                task = pending[0]
                if not task.sent:
                    refill()
                if task.future is not None:
                    self._wait(task.future)
                pending.popleft()
                try:
                    results = list(task.future.result()) if task.future is not None else []
                    broken = False
                except BrokenProcessPool:
                    # a worker died: restart the pool, send the chunks in flight again and
                    # analyse this one document by document, so that only the document
                    # that kills a worker is reported as failed
                    self._restart()
                    results, broken = [], True
                self._failed_starts = 0 if not broken else self._failed_starts
                it = iter(results)
                for entry in task.entries:
                    if not stepped:
                        steps.before(entry[1])
                    stepped = False
                    result = None
                    if not isinstance(entry[1], IngestFailure) and not broken:
                        result = next(it)
                    try:
                        yield from accept(entry, task, result)
                    except _WorkerDied as died:
                        yield entry[0], died.failure
                    steps.after()
                refill()
            self._executor.shutdown(wait=True)
        finally:
            self._executor.shutdown(wait=False, cancel_futures=True)

    def _submit(self, articles: List[Article], registry: List[dict]) -> Future:
        """``_analyze_exact(articles, registry)`` in the pool; a pool that is already
        broken (a worker died on another chunk) gives a future holding that error, which
        is handled when its turn comes."""
        try:
            return self._executor.submit(_analyze_exact, articles, registry, self.with_tokens)
        except BrokenProcessPool as e:
            future: Future = Future()
            future.set_exception(e)
            return future

    def _wait(self, future: Future) -> None:
        """Wait for ``future``, sending chunks whenever one finishes meanwhile (the pool
        stays fed while the parent waits for the document whose turn it is)."""
        from concurrent.futures import FIRST_COMPLETED, wait

        while not future.done():
            busy = [t.future for t in self._pending if t.sent and t.future is not None and not t.future.done()]
            wait(busy + [future], return_when=FIRST_COMPLETED)
            self._refill()

    def _restart(self) -> None:  # type: ignore[override]
        super()._restart()
        for t in getattr(self, "_pending", ()):  # the new pool has none of them
            t.sent, t.future = False, None

    def _pool_broken(self) -> bool:
        """Whether the current pool is known to be broken: a chunk sent to it finished
        with :class:`BrokenProcessPool`, or the executor marked itself broken (a worker
        died, also one that was idle)."""
        if getattr(self._executor, "_broken", False):
            return True
        return any(
            t.sent and t.future is not None and t.future.done() and not t.future.cancelled()
            and isinstance(t.future.exception(), BrokenProcessPool)
            for t in self._pending
        )

    def _single(self, item: Article, registry: List[dict]) -> ExactResult:
        """Analyse one document again, with ``registry``, in the pool: it is queued behind
        the chunks sent ahead (at most ``workers + 1``), and the pool is kept fed while
        the parent waits for it. If the pool dies meanwhile, the death may have been
        another chunk's document: the pool is restarted and the document analysed again
        alone; a worker that dies on it alone makes it a failure (raised as
        :class:`_WorkerDied`).

        A pool that is already broken when the document would be sent (a chunk sent
        ahead killed a worker, and its future is done with that error before its turn
        came) is restarted first: the document would otherwise be sent "alone" into a
        dead pool and blamed for a death that was another document's."""
        if self._pool_broken():
            self._restart()
        alone = not any(t.sent and t.future is not None and not t.future.done() for t in self._pending)
        for attempt in range(2):
            future = self._submit([item], registry)
            try:
                if not alone:
                    self._wait(future)
                (result,) = future.result()
                self._failed_starts = 0  # a document was finished
                return result
            except BrokenProcessPool:
                if alone:
                    self._executor.shutdown(wait=False, cancel_futures=True)
                    self._executor = self._pool()  # not counted: the pool started, this document kills it
                    self.restarts += 1
                    break
                self._restart()
                alone = True  # the chunks sent ahead wait for the next refill: it is analysed alone
        raise _WorkerDied(IngestFailure(
            item.source or item.id, "analysis failed: the worker process died (crash or out of memory)"
        ))


_TOKENIZERS: Dict[Tuple[str, Optional[str]], Any] = {}


def _name_tokens(lang: str, model: Optional[str]) -> Optional[Callable[[str], Tuple[str, ...]]]:
    """``name -> token texts`` with the tokenizer of the pipeline that analyses ``lang``,
    cached per name; None when that tokenizer cannot be loaded here (the caller then falls
    back to the text test of :func:`~lagebild.actors.provisional.relevant_provisional`).

    Only token texts are asked for, and they depend on the tokenizer's rules alone (its
    special cases and affix patterns, serialised in the pipeline's ``tokenizer`` file),
    not on the vocabulary's strings, vectors or lexeme attributes. So when the pipeline
    uses spaCy's default tokenizer, a blank pipeline of its language is given those
    rules (``tokenizer.from_disk``: 0.08 s CPU) instead of loading the pipeline's
    vocabulary and vectors (``spacy.load`` without components: 0.8 s), and its
    vocabulary computes no lexeme attributes (half the cost of tokenising a new name).
    Same token texts for all 1,028 news-de articles and 44,792 name-like strings of them
    (tests/scale/test_local.py checks a grid of names and texts against the full load)."""
    key = (lang, model)
    if key not in _TOKENIZERS:
        tokenizer = None
        try:
            import spacy

            from ..language import MODELS_DIR

            path = Path(model) if model else MODELS_DIR / lang
            if (path / "config.cfg").is_file():
                tokenizer = _rules_tokenizer(path)
            elif not model:
                tokenizer = spacy.blank(lang).tokenizer  # the fallback pipeline of load_base
        except Exception:  # noqa: BLE001 - no tokenizer: the conservative text test is used
            tokenizer = None
        cache: Dict[str, Tuple[str, ...]] = {}

        def tokens(name: str) -> Tuple[str, ...]:
            hit = cache.get(name)
            if hit is None:
                hit = cache[name] = tuple(t.text for t in tokenizer(name))  # type: ignore[misc]
            return hit

        _TOKENIZERS[key] = tokens if tokenizer is not None else None
    return _TOKENIZERS[key]


def _rules_tokenizer(path: Path) -> Any:
    """The tokenizer of the spaCy pipeline at ``path`` (a folder with ``config.cfg``), for
    token texts only: a blank pipeline of its language with the ``tokenizer`` file's rules
    when its config names spaCy's default tokenizer, else the pipeline loaded without its
    components (a custom tokenizer may need the vocabulary)."""
    import spacy

    config = spacy.util.load_config(path / "config.cfg")
    nlp_cfg = config["nlp"]
    default = nlp_cfg.get("tokenizer", {}).get("@tokenizers") == "spacy.Tokenizer.v1"
    if default and (path / "tokenizer").is_file() and not nlp_cfg.get("before_creation") \
            and not nlp_cfg.get("after_creation"):
        blank = spacy.blank(nlp_cfg["lang"])
        blank.vocab.lex_attr_getters = {}  # token texts need no lexeme attributes
        return blank.tokenizer.from_disk(path / "tokenizer")
    return spacy.load(path, exclude=list(nlp_cfg["pipeline"])).tokenizer


class _WorkerDied(Exception):
    def __init__(self, failure: IngestFailure) -> None:
        super().__init__(failure.reason)
        self.failure = failure


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
    resume: bool = False,
    chunk: int = EXACT_CHUNK,
) -> BatchReport:
    """Like :func:`lagebild.batch.ingest_paths`, with ``workers`` analysis processes, and
    with the same stored result: every document is analysed with the provisional actors
    the one-process path would have registered before it (:class:`ExactParallelIngest`),
    so re-ingesting is exactly idempotent and the store does not depend on ``workers``.

    Only this (the parent) process writes: the first document alone, as soon as it is
    analysed (so that the first result is visible early), then every ``commit_every``
    documents, in input order, are stored in one transaction (:func:`lagebild.batch.save_results`: a batch
    the database refuses is stored again document by document, so a refused document
    is rolled back alone and reported, and the run goes on), and the DuckDB file is
    then released when that is due (:meth:`~lagebild.store.Store.release_due`) so that
    readers can get in. On KeyboardInterrupt the workers are
    stopped and ``interrupted`` is set; every document received from them is stored.
    chunk: documents per task (:data:`EXACT_CHUNK`).
    """
    from ..batch import BATCH_CHARS, _notifier, _ProvisionalReplay, save_results
    from ..ingest.readers import iter_items

    report = BatchReport()
    notify = _notifier(on_item)
    replay = _ProvisionalReplay(store)
    engine = ExactParallelIngest(
        workers=workers, language=language, model=model, setup=setup,
        replay=replay, batch_size=ONE_PROCESS_BATCH, batch_chars=BATCH_CHARS, chunk=chunk,
    )

    def items() -> Iterator[Entry]:
        for path, item in iter_items(paths, fmt=fmt):
            if resume and not isinstance(item, IngestFailure) and item.id in replay.seqs:
                report.skipped += 1  # as ingest_paths: skipped before analysis
                notify(path, item, "skipped")
                continue
            yield path, item

    results = engine.run(items())
    if not store.path.startswith("postgresql"):
        _warm_arrow()
    store.release()
    pending: List[Tuple[Any, Result]] = []

    def flush(release: bool = False) -> None:
        batch = pending[:]
        pending.clear()
        saved = save_results(store, [result for _, result in batch], report)
        if release:
            store.release()  # readers can see the batch when it is reported
        for (path, _), (result, outcome) in zip(batch, saved):
            notify(path, result, outcome)

    first = True
    try:
        for path, result in results:
            pending.append((path, result))
            if first:  # the first result is committed and visible at once, not after a batch
                first = False
                flush(release=True)
            elif len(pending) >= max(1, commit_every):
                flush()
                store.release_due()
        flush()
    except KeyboardInterrupt:
        report.interrupted = True
        flush()  # what was analysed is stored
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the pool
        report.redone = engine.redone
        store.release()
    return report


def _warm_arrow() -> threading.Thread:
    """Import pyarrow and pandas in a background thread of the parent, now, while the
    workers load their pipelines and the parent mostly waits for them.

    DuckDB stores a batch of more than 8 rows per table through a pyarrow table
    (:meth:`lagebild.store.Store._insert_rows`), and pyarrow imports pandas at its first
    conversion of Python values (``pa.array``): 0.3 s of CPU on a quiet machine, about
    1 s on a loaded one, the largest item of the parent's store stage. Done at the first
    commit of 32 documents, it held the parent -- and the chunks it sends -- for that
    long while the workers ran out of work; here it overlaps their start-up instead.
    An import that fails is left to the store, which reports it where it needs it."""

    def warm() -> None:
        try:
            import pyarrow as pa

            pa.array([0])
        except Exception:  # noqa: BLE001 - the store imports it again and reports
            pass

    thread = threading.Thread(target=warm, name="lagebild-warm-arrow", daemon=True)
    thread.start()
    return thread


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
