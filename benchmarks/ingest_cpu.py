"""CPU time per article of ``lagebild ingest`` (read, analyse, store, incidents), split into
the parent (reader and writer) and the worker processes -- a figure that a loaded, shared
machine disturbs far less than wall time.

    python benchmarks/ingest_cpu.py [--limit 300] [--workers 2]   # --workers 0: one process

The first ``--limit`` articles of ../shared/data/news-de are written as text files into a
temporary folder and ingested into a fresh DuckDB file (``batch.ingest_paths`` for
``--workers 0``, else ``scale.local.ingest_parallel``), then the incidents are refreshed,
as ``lagebild ingest`` does. Printed: wall seconds, parent and children CPU seconds (user +
system; the children include each worker's pipeline load), CPU ms per article, and how
many documents the exact parallel path analysed again.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
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

    store = Store(folder.parent / "x.duckdb")
    if args.workers == 0:
        from lagebild.pipeline import load

        load("de")  # as in a worker, the pipeline load is not part of the parent's figure
    t, c = time.perf_counter(), time.process_time()
    if args.workers == 0:
        from lagebild.batch import ingest_paths

        report = ingest_paths([folder], store)
    else:
        from lagebild.scale.local import ingest_parallel

        report = ingest_parallel([folder], store, workers=args.workers)
    refresh_incidents(store)
    wall, parent = time.perf_counter() - t, time.process_time() - c
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = usage.ru_utime + usage.ru_stime
    n = len(texts)
    print(f"{n} articles, workers={args.workers}: wall {wall:.1f} s, CPU parent {parent:.1f} s + workers "
          f"{children:.1f} s = {1000 * (parent + children) / n:.0f} ms/article (parent {1000 * parent / n:.1f} ms/article); "
          f"stored {report.stored}, analysed again {report.redone}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
