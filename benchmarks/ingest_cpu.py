"""CPU time per article of ``lagebild ingest`` (read, analyse, store, incidents), split into
the parent (reader and writer) and the worker processes -- a figure that a loaded, shared
machine disturbs far less than wall time.

    python benchmarks/ingest_cpu.py [--limit 300] [--workers 2]   # --workers 0: one process
    python benchmarks/ingest_cpu.py --limit 300 --workers 2 --profile /tmp/prof   # + cProfile

The first ``--limit`` articles of ../shared/data/news-de are written as text files into a
temporary folder and ingested into a fresh DuckDB file (``batch.ingest_paths`` for
``--workers 0``, else ``scale.local.ingest_parallel``), then the incidents are refreshed,
as ``lagebild ingest`` does. Printed: wall seconds, parent and children CPU seconds (user +
system; the children include each worker's pipeline load), CPU ms per article, and how
many documents the exact parallel path analysed again.

Then a table of CPU seconds per process: the parent; each worker, its pipeline load
apart (each worker writes its own ``os.times()`` when it exits, through the ``setup``
hook every worker calls after loading); the workers' start-up. Then, per worker, from
the chunks it timed: when its first chunk began (start-up wall time), its CPU inside
chunks and outside them (the pool's receiving, unpickling and sending), and the wall
time it sat idle between chunks (the parent did not feed it) and after its last one.
With ``--profile DIR``
also a per-stage table of CPU ms per
article (stages: the cumulative time of the functions named in ``STAGES``, from a cProfile
of the parent's main thread and of each worker), and ``DIR/parent.prof``,
``DIR/worker-PID.prof`` for ``python -m pstats`` / snakeviz. The parent's other threads
(the executor's result thread unpickles the workers' results; DuckDB's own threads) are
the parent's total CPU less its main thread's.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional

_PROFILE_DIR = "LAGEBILD_BENCH_PROFILE_DIR"

# (process, stage, function); a stage's CPU is the cumulative time of its functions
# (cProfile's key: file name suffix, function name), summed over the processes of that kind
STAGES = [
    ("worker", "pipeline (nlp.pipe + windows)", [("spacy/language.py", "pipe"), ("lagebild/pipeline.py", "_analyze_windowed")]),
    ("worker", "to_document", [("lagebild/pipeline.py", "to_document")]),
    ("worker", "token texts for the exact check", [("lagebild/scale/local.py", "keep_tokens")]),
    ("worker", "send results (pickle + pipe)", [("multiprocessing/queues.py", "put")]),
    ("worker", "receive chunks (unpickle)", [("multiprocessing/connection.py", "recv_bytes"), ("multiprocessing/queues.py", "get")]),
    ("parent", "read + parse inputs", [("lagebild/ingest/readers.py", "iter_items")]),
    ("parent", "exact check (influencing)", [("lagebild/actors/provisional.py", "influencing")]),
    ("parent", "relevant registry per chunk", [("lagebild/actors/provisional.py", "relevant")]),
    ("parent", "replay steps", [("lagebild/scale/local.py", "before"), ("lagebild/scale/local.py", "after")]),
    ("parent", "learn provisional", [("lagebild/actors/provisional.py", "learn_provisional")]),
    ("parent", "documents analysed again", [("lagebild/scale/local.py", "_single")]),
    ("parent", "store (save_results)", [("lagebild/batch.py", "save_results")]),
    ("parent", "incidents", [("lagebild/incidents.py", "refresh_incidents")]),
]


def profile_worker() -> None:
    """The ``setup`` hook every worker calls after loading: from here (after the pipeline
    load) to the worker's exit, its CPU time (DIR/worker-PID.json) and, with --profile,
    a CPU-timed cProfile (DIR/worker-PID.prof)."""
    import cProfile
    from multiprocessing.util import Finalize

    from lagebild.pipeline import load

    import lagebild.scale.local as local

    load("de")  # the pipeline load (lazy in a worker) is counted apart
    folder = Path(os.environ[_PROFILE_DIR])
    start = os.times()
    prof = cProfile.Profile(time.process_time) if os.environ.get(_PROFILE_DIR + "_ON") else None
    # each task (a chunk): wall start and end (time.time, comparable with the parent's
    # clock) and CPU seconds; the pool looks the task function up by name in this
    # module, so wrapping it here times every task this worker runs
    tasks: List[List[float]] = []

    def timed(fn):  # type: ignore[no-untyped-def]
        def task(*args, **kwargs):  # type: ignore[no-untyped-def]
            t, c = time.time(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                tasks.append([t, time.time(), time.process_time() - c])
        return task

    local._analyze_exact = timed(local._analyze_exact)
    local._analyze_chunk = timed(local._analyze_chunk)

    def dump() -> None:
        end = os.times()
        if prof is not None:
            prof.disable()
            prof.dump_stats(str(folder / f"worker-{os.getpid()}.prof"))
        (folder / f"worker-{os.getpid()}.json").write_text(json.dumps({
            "load": start.user + start.system, "work": (end.user + end.system) - (start.user + start.system),
            "tasks": tasks,
        }))

    Finalize(None, dump, exitpriority=100)
    if prof is not None:
        prof.enable()


def _stage_table(folder: Path, n: int, parent_cpu: float, main_thread_cpu: float) -> None:
    import pstats

    totals: Dict[str, Dict[tuple, float]] = {}
    for kind, pattern in (("parent", "parent.prof"), ("worker", "worker-*.prof")):
        merged: Dict[tuple, float] = {}
        for f in sorted(folder.glob(pattern)):
            stats = pstats.Stats(str(f)).stats  # type: ignore[attr-defined]
            for (file, _, func), (_, _, _, ct, _) in stats.items():
                key = (file.replace(os.sep, "/"), func)
                merged[key] = merged.get(key, 0.0) + ct
        totals[kind] = merged
    print(f"\nCPU ms per article by stage ({n} articles; cumulative, a stage may contain another's calls)")
    print(f"{'process':8} {'stage':40} {'ms/article':>10}")
    for kind, stage, funcs in STAGES:
        secs = sum(ct for (file, func), ct in totals[kind].items() for suffix, name in funcs
                   if file.endswith(suffix) and func == name)
        print(f"{kind:8} {stage:40} {1000 * secs / n:10.1f}")
    other = parent_cpu - main_thread_cpu
    print(f"{'parent':8} {'other threads (unpickle results, DuckDB)':40} {1000 * other / n:10.1f}")


def _task_table(folder: Path, t0: float, wall: float) -> None:
    """Per worker, from the tasks it timed (``profile_worker``): when its first task
    started (seconds after the ingest began: start-up), CPU seconds inside tasks and
    outside them (receiving chunks, sending results, the pool's own loop), and the wall
    seconds it sat idle between its first and its last task (waiting for a chunk), and
    after its last task until the ingest (with the incidents) ended."""
    rows = []
    for f in sorted(folder.glob("worker-*.json")):
        cpu = json.loads(f.read_text())
        tasks = sorted(cpu.get("tasks") or [])
        if not tasks:
            continue
        in_task = sum(c for _, _, c in tasks)
        gaps = sum(max(0.0, tasks[i + 1][0] - tasks[i][1]) for i in range(len(tasks) - 1))
        rows.append((f.stem, len(tasks), tasks[0][0] - t0, in_task, cpu["work"] - in_task, gaps, t0 + wall - tasks[-1][1]))
    if not rows:
        return
    print(f"\nwall {wall:.1f} s; per worker (seconds)")
    print(f"{'process':24} {'tasks':>6} {'1st task at':>11} {'CPU in tasks':>12} {'CPU outside':>11} "
          f"{'idle between':>12} {'idle at end':>11}")
    for name, k, first, inside, outside, gaps, tail in rows:
        print(f"{name:24} {k:6d} {first:11.1f} {inside:12.1f} {outside:11.1f} {gaps:12.1f} {tail:11.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=0, help="documents per task (0: scale.local.EXACT_CHUNK)")
    parser.add_argument("--profile", type=Path, default=None, help="folder for cProfile output and the per-stage table")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from throughput import write_folder

    from lagebild.realgold import news_texts

    try:
        texts = news_texts(args.limit)
    except FileNotFoundError:  # news_texts raises when the corpus is absent
        texts = []
    if not texts:
        print("no corpus: ../shared/data/news-de is absent", file=sys.stderr)
        return 2
    folder = write_folder(texts, "ingest_cpu_")
    from lagebild.incidents import refresh_incidents
    from lagebild.store import Store

    # every worker records its CPU time (the pipeline load apart) through the setup hook
    import tempfile

    cpu_dir = args.profile or Path(tempfile.mkdtemp(prefix="ingest_cpu_"))
    cpu_dir.mkdir(parents=True, exist_ok=True)
    for old in list(cpu_dir.glob("*.prof")) + list(cpu_dir.glob("*.json")):
        old.unlink()
    os.environ[_PROFILE_DIR] = str(cpu_dir)
    setup: Optional[str] = "ingest_cpu:profile_worker"
    prof = None
    if args.profile is not None:
        import cProfile

        os.environ[_PROFILE_DIR + "_ON"] = "1"
        prof = cProfile.Profile(time.thread_time)  # the main thread's CPU

    store = Store(folder.parent / "x.duckdb")
    if args.workers == 0:
        from lagebild.pipeline import load

        load("de")  # as in a worker, the pipeline load is not part of the parent's figure
    t, c, ct, t0 = time.perf_counter(), time.process_time(), time.thread_time(), time.time()
    if prof is not None:
        prof.enable()
    if args.workers == 0:
        from lagebild.batch import ingest_paths

        report = ingest_paths([folder], store)
    else:
        from lagebild.scale.local import ingest_parallel

        extra = {"chunk": args.chunk} if args.chunk else {}  # default: EXACT_CHUNK
        report = ingest_parallel([folder], store, workers=args.workers, setup=setup, **extra)
    refresh_incidents(store)
    if prof is not None:
        prof.disable()
    wall, parent, main_thread = time.perf_counter() - t, time.process_time() - c, time.thread_time() - ct
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = usage.ru_utime + usage.ru_stime
    n = len(texts)
    print(f"{n} articles, workers={args.workers}: wall {wall:.1f} s, CPU parent {parent:.1f} s + workers "
          f"{children:.1f} s = {1000 * (parent + children) / n:.0f} ms/article (parent {1000 * parent / n:.1f} ms/article); "
          f"stored {report.stored}, analysed again {report.redone}")
    if prof is not None and args.profile is not None:
        prof.dump_stats(str(args.profile / "parent.prof"))
    print(f"\n{'process':24} {'load CPU s':>10} {'work CPU s':>10} {'work ms/article':>16}")
    print(f"{'parent (main thread)':24} {'':>10} {main_thread:10.1f} {1000 * main_thread / n:16.1f}")
    print(f"{'parent (all threads)':24} {'':>10} {parent:10.1f} {1000 * parent / n:16.1f}")
    work_all = load_all = 0.0
    for f in sorted(cpu_dir.glob("worker-*.json")):
        cpu = json.loads(f.read_text())
        work_all += cpu["work"]
        load_all += cpu["load"]
        print(f"{f.stem:24} {'':>10} {cpu['work']:10.1f} {1000 * cpu['work'] / n:16.1f}")
    rest = children - work_all  # the workers' start-up: imports and pipeline loads
    print(f"{'workers: start-up, loads':24} {'':>10} {rest:10.1f} {1000 * rest / n:16.1f}")
    print(f"{'all':24} {'':>10} {parent + children:10.1f} {1000 * (parent + children) / n:16.1f}")
    _task_table(cpu_dir, t0, wall)
    if prof is not None and args.profile is not None:
        _stage_table(args.profile, n, parent, main_thread)
    return 0


if __name__ == "__main__":
    sys.exit(main())
