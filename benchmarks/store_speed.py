"""Storing analysed documents into DuckDB: one transaction per document vs one per batch,
and releasing the file after every batch vs when due.

    python benchmarks/store_speed.py [--limit 300] [--runs 3] [--batch 16]

The first ``--limit`` articles of ../shared/data/news-de are analysed once (in this
process, as ``lagebild ingest`` does, not timed), then stored ``--runs`` times into a fresh
DuckDB file per way of writing; the table gives the median wall and CPU seconds and the
CPU milliseconds per article, and how long a second store of the same documents takes
(every document "unchanged"). Ways:

* per document, release: ``save_result`` per document, ``Store.release`` after each batch
  (ingest before issue 15's store work);
* batch, release: ``save_results`` (one transaction and one insert per table per batch),
  ``Store.release`` after each batch;
* batch, release when due: ``save_results`` and ``Store.release_due`` (ingest now).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent))


def analyse(limit: int) -> List:
    from throughput import load_corpus

    from lagebild.actors.provisional import clear_provisional
    from lagebild.ingest import article_from_text
    from lagebild.pipeline import analyze_batch

    clear_provisional()
    texts = load_corpus(limit)
    docs = []
    for first in range(0, len(texts), 16):
        articles = [article_from_text(t, source=f"store_speed:{i}") for i, t in enumerate(texts[first:first + 16], start=first)]
        docs.extend(r for r in analyze_batch(articles) if not isinstance(r, Exception))
    return docs


def run(docs: List, batch: int, write: Callable, release: Callable) -> Dict[str, float]:
    from lagebild.store import Store

    store = Store(Path(tempfile.mkdtemp(prefix="store_speed_")) / "x.duckdb")
    out: Dict[str, float] = {}
    for label in ("new", "unchanged"):
        t, c = time.perf_counter(), time.process_time()
        for i in range(0, len(docs), batch):
            write(store, docs[i:i + batch])
            release(store)
        out[f"{label} wall"] = time.perf_counter() - t
        out[f"{label} cpu"] = time.process_time() - c
    store.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()

    from rich.console import Console
    from rich.table import Table

    from lagebild.batch import BatchReport, save_result, save_results

    docs = analyse(args.limit)
    if not docs:
        print("no corpus: ../shared/data/news-de is absent", file=sys.stderr)
        return 2

    def one_by_one(store, chunk):  # type: ignore[no-untyped-def]
        report = BatchReport()
        for d in chunk:
            save_result(store, d, report)

    def batched(store, chunk):  # type: ignore[no-untyped-def]
        save_results(store, chunk, BatchReport())

    ways = {
        "per document, release": (one_by_one, lambda s: s.release()),
        "batch, release": (batched, lambda s: s.release()),
        "batch, release when due": (batched, lambda s: s.release_due()),
    }
    table = Table(title=f"storing {len(docs)} analysed news-de articles into DuckDB, batches of {args.batch}, "
                        f"median of {args.runs} runs")
    for col in ("way", "wall (s)", "CPU (s)", "CPU ms/article", "again: wall (s)", "again: CPU (s)"):
        table.add_column(col, justify="left" if col == "way" else "right")
    for name, (write, release) in ways.items():
        runs = [run(docs, args.batch, write, release) for _ in range(args.runs)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        table.add_row(name, f"{med['new wall']:.2f}", f"{med['new cpu']:.2f}", f"{1000 * med['new cpu'] / len(docs):.1f}",
                      f"{med['unchanged wall']:.2f}", f"{med['unchanged cpu']:.2f}")
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
