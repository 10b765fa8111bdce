"""Scale benchmark: ingest end to end (read, analyse, store) with 1 and 2 worker processes,
the Ray engine, the tokenizer-only floor, peak memory per worker, and 1x..10x scaling.

    python benchmarks/throughput_scale.py [--limit 1028] [--runs 3] [--scales 1,2,5,10]
        [--workers 1,2] [--ray] [--quick]

Every row is the median of ``--runs`` runs over the same corpus (``../shared/data/news-de``,
written once as one text file per article into a temporary folder, so the timings include
reading and parsing as ``lagebild ingest`` does). The tokenizer-only floor (``nlp.make_doc``
over the same texts, one process) is measured in the same run and every speed is also
given as a ratio of it. Peak memory: the largest resident set of any worker process (its
``VmHWM``, sampled from /proc every 0.2 s while the run lasts; see :class:`WorkerPeaks`),
and of this process.

The worker counts measure the local engine (``lagebild.scale.local``) with the store
(DuckDB) written by the parent; scaling replicates the corpus (each copy made distinct
by a line naming the copy, so nothing is deduplicated) and runs the largest worker
count once per scale: time should grow linearly (the last column stays flat).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional

REPO = Path(__file__).resolve().parent.parent
NEWS = REPO.parent / "shared" / "data" / "news-de" / "10kGNAD-test.csv"


def load_texts(limit: int) -> List[str]:
    from lagebild.realgold import news_texts

    return news_texts(limit)


def write_corpus(texts: List[str], folder: Path, copies: int = 1) -> int:
    """One .txt per article (and per copy); returns the number of files."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for c in range(copies):
        for i, t in enumerate(texts):
            suffix = f"\n\nKopie {c}." if copies > 1 else ""
            (folder / f"{c:02d}_{i:05d}.txt").write_text(t + suffix, encoding="utf-8")
            n += 1
    return n


def children_peak_mib() -> float:
    """``ru_maxrss`` of the waited-for children, MiB. NOT a worker's peak: Linux carries
    the high-water mark of the memory a process had before ``exec`` over into its
    ``ru_maxrss``, and a spawned worker is this process, vforked, before it execs the new
    interpreter -- so every worker's figure is at least this process's own peak at the
    moment the pool started (with the tokenizer floor's pipeline, the language detector
    and DuckDB loaded here). Kept for comparison with earlier reports only."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _vm_hwm_mib(pid: int) -> Optional[float]:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def _child_pids() -> List[int]:
    """This process's children (Linux ``/proc/self/task/*/children``)."""
    pids: List[int] = []
    for task in Path("/proc/self/task").glob("*"):
        try:
            pids.extend(int(p) for p in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return pids


class WorkerPeaks:
    """The largest peak resident set (``VmHWM``: the high-water mark of the process's own
    memory since its ``exec``, which ``ru_maxrss`` is not, see :func:`children_peak_mib`)
    of this process's child processes while the ``with`` block runs, in MiB, sampled
    every ``interval`` seconds from /proc (Linux; 0 elsewhere). ``VmHWM`` never falls, so
    only growth in a worker's last ``interval`` before it exits can be missed.
    ``peaks``: pid -> MiB (the pool's workers and the multiprocessing resource tracker)."""

    def __init__(self, interval: float = 0.2) -> None:
        import threading

        self.interval = interval
        self.peaks: Dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        for pid in _child_pids():
            mib = _vm_hwm_mib(pid)
            if mib is not None and mib > self.peaks.get(pid, 0.0):
                self.peaks[pid] = mib

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> "WorkerPeaks":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def largest(self) -> float:
        return max(self.peaks.values(), default=0.0)


def self_peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def tokenizer_floor(texts: List[str]) -> float:
    """Seconds for nlp.make_doc over ``texts`` (the pipeline already loaded)."""
    from lagebild.pipeline import load

    nlp = load("de")
    t = time.perf_counter()
    for text in texts:
        nlp.make_doc(text)
    return time.perf_counter() - t


def run_local(folder: Path, workers: int, db_dir: Path) -> Dict[str, float]:
    """One ingest of ``folder`` into a fresh DuckDB; seconds from start (pool start and
    pipeline loads included) to the last commit, and to the first result."""
    from lagebild.batch import ingest_paths
    from lagebild.scale.local import ingest_parallel
    from lagebild.store import Store

    db = db_dir / f"w{workers}-{time.time_ns()}.duckdb"
    first: List[float] = []
    t = time.perf_counter()

    def on_item(path, result) -> None:  # type: ignore[no-untyped-def]
        if not first:
            first.append(time.perf_counter() - t)

    with Store(db) as store, WorkerPeaks() as peaks:
        if workers <= 0:  # in this process (the pipeline is already loaded)
            report = ingest_paths([folder], store, on_item=on_item)
        else:
            report = ingest_parallel([folder], store, workers=workers, on_item=on_item)
        ingested = time.perf_counter() - t
        from lagebild.incidents import refresh_incidents

        refresh_incidents(store)  # as `lagebild ingest` does at the end (recomputed in full)
        n = store.count()
    total = time.perf_counter() - t
    db.unlink(missing_ok=True)
    return {"seconds": total, "first": first[0] if first else total, "docs": n, "failed": len(report.failures),
            "incidents": total - ingested, "redone": report.redone, "worker_peak": peaks.largest}


def run_ray(folder: Path, workers: int, out_dir: Path, db_dir: Path) -> Dict[str, float]:
    """Ray engine (Ray already started): analyse to Parquet, then load into DuckDB."""
    from lagebild.scale.parquet import load_parquet
    from lagebild.scale.ray_engine import run_ray as ray_run
    from lagebild.store import Store

    out = out_dir / f"ray-{time.time_ns()}"
    db = db_dir / f"ray-{time.time_ns()}.duckdb"
    t = time.perf_counter()
    ray_run([folder], out, workers=workers)
    analysed = time.perf_counter() - t
    with Store(db) as store:
        load_parquet(out, store)
        n = store.count()
    total = time.perf_counter() - t
    shutil.rmtree(out, ignore_errors=True)
    db.unlink(missing_ok=True)
    return {"seconds": total, "analyse": analysed, "docs": n}


def ray_worker_peak_mib() -> Optional[float]:
    """Largest peak resident set (VmHWM) among the live Ray analyser actor processes
    (Linux /proc; None elsewhere or when none is found)."""
    peak = 0.0
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="ignore")
        except OSError:
            continue
        if "Analyzer" in cmd or "MapWorker" in cmd:
            peak = max(peak, _vm_hwm_mib(int(proc.name)) or 0.0)
    return peak or None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1028)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", default="1,2", help="worker counts (0 = in this process)")
    ap.add_argument("--scales", default="1,2,5,10", help="corpus replications for the scaling table")
    ap.add_argument("--ray", action="store_true", help="also the Ray engine (needs lagebild[ray])")
    ap.add_argument("--quick", action="store_true", help="--limit 200 --runs 1 --scales 1,2")
    args = ap.parse_args()
    if args.quick:
        args.limit, args.runs, args.scales = 200, 1, "1,2"
    if not NEWS.exists():
        print(f"no corpus: {NEWS} is absent", file=sys.stderr)
        return 2
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 150))
    texts = load_texts(args.limit)
    tmp = Path(tempfile.mkdtemp(prefix="lagebild-bench-"))
    try:
        corpus = tmp / "x1"
        write_corpus(texts, corpus)
        floor = statistics.median(tokenizer_floor(texts) for _ in range(args.runs))
        floor_rate = len(texts) / floor
        worker_counts = [int(w) for w in args.workers.split(",") if w.strip()]
        table = Table(title=f"ingest end to end with store: {len(texts)} German news articles, median of {args.runs} runs "
                            f"(cores here: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f})")
        for col in ("engine", "workers", "seconds", "articles/s", "× tokenizer floor", "first result (s)", "peak RSS/worker (MiB)",
                    "incidents (s)", "re-analysed"):
            table.add_column(col, justify="right" if col != "engine" else "left")
        table.add_row("tokenizer only (floor)", "1", f"{floor:.2f}", f"{floor_rate:.0f}", "1.00", "-", "-", "-", "-")
        rates: Dict[str, float] = {}
        worker_peak = 0.0
        for w in worker_counts:
            runs = [run_local(corpus, w, tmp) for _ in range(args.runs)]
            if w > 0:
                worker_peak = max([worker_peak] + [r["worker_peak"] for r in runs])
            secs = statistics.median(r["seconds"] for r in runs)
            rate = len(texts) / secs
            rates[f"local{w}"] = rate
            peak = max(r["worker_peak"] for r in runs) if w > 0 else self_peak_mib()
            table.add_row("local", str(w) if w else "in-process", f"{secs:.2f}", f"{rate:.1f}", f"{rate / floor_rate:.3f}",
                          f"{statistics.median(r['first'] for r in runs):.1f}", f"{peak:.0f}",
                          f"{statistics.median(r['incidents'] for r in runs):.2f}", str(runs[0]["redone"]))
        console.print(table)
        if args.ray:
            import ray

            w = max(worker_counts)
            ray.init(num_cpus=max(w, 1), include_dashboard=False, object_store_memory=256 * 1024 * 1024,
                     log_to_driver=False, configure_logging=False)
            import logging

            logging.getLogger("ray").setLevel(logging.ERROR)
            try:
                run_ray(corpus, w, tmp, tmp)  # warm: actors and their pipelines start
                runs = [run_ray(corpus, w, tmp, tmp) for _ in range(args.runs)]
                peak = ray_worker_peak_mib()
            finally:
                ray.shutdown()
            secs = statistics.median(r["seconds"] for r in runs)
            rate = len(texts) / secs
            local = rates.get(f"local{w}")
            ray_table = Table(title=f"Ray engine on this machine (Ray started; analyse to Parquet + load into DuckDB), "
                                    f"median of {args.runs} runs")
            for col in ("engine", "workers", "seconds", "articles/s", "× tokenizer floor", "× local, same workers",
                        "peak RSS/actor (MiB)"):
                ray_table.add_column(col, justify="right" if col != "engine" else "left")
            ray_table.add_row("ray", str(w), f"{secs:.2f}", f"{rate:.1f}", f"{rate / floor_rate:.3f}",
                              f"{rate / local:.2f}" if local else "-", f"{peak:.0f}" if peak else "-")
            console.print(ray_table)
        # scaling
        w = max(worker_counts)
        scale_table = Table(title=f"scaling: corpus replicated, local engine, {w} workers, one run each")
        for col in ("× corpus", "articles", "seconds", "articles/s", "seconds per 1,000 articles"):
            scale_table.add_column(col, justify="right")
        for k in [int(s) for s in args.scales.split(",") if s.strip()]:
            folder = tmp / f"x{k}"
            if k == 1:
                folder = corpus
            else:
                write_corpus(texts, folder, copies=k)
            r = run_local(folder, w, tmp)
            worker_peak = max(worker_peak, r["worker_peak"])
            n = len(texts) * k
            scale_table.add_row(str(k), f"{n:,}", f"{r['seconds']:.1f}", f"{n / r['seconds']:.1f}", f"{1000 * r['seconds'] / n:.1f}")
            if k != 1:
                shutil.rmtree(folder, ignore_errors=True)
        console.print(scale_table)
        console.print(f"peak RSS: this process {self_peak_mib():.0f} MiB; largest worker {worker_peak:.0f} MiB (VmHWM); "
                      f"ru_maxrss of the children {children_peak_mib():.0f} MiB (not a worker's own peak: it includes "
                      "this process's peak before the workers' exec)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
