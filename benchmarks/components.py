"""Where the analysis time goes, per pipeline component and for a few hot helpers, in CPU
milliseconds per article.

    python benchmarks/components.py [--limit 200] [--batch 16]

Runs the German pipeline's components one after the other over batches of the first
``--limit`` articles of ../shared/data/news-de (each component's ``pipe`` on the whole
batch, as ``nlp.pipe`` does), with the provisional-actor registry cleared first, and
prints a table: component, CPU ms per article, share. Helpers called inside the
components (time expressions) are timed by wrapping them and listed indented under the
table; their time is part of their callers' rows. Use it before and after a change that
must make one part cheaper (run both on the same machine; it is shared and noisy:
compare medians of several runs).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Dict

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _timed(module, name: str, bucket: Dict[str, float], label: str) -> None:  # type: ignore[no-untyped-def]
    inner = getattr(module, name)

    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        t = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            bucket[label] += time.process_time() - t

    setattr(module, name, wrapper)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--batch", type=int, default=16)
    args = ap.parse_args()

    from throughput import load_corpus
    from rich.console import Console
    from rich.table import Table

    import lagebild.temporal as temporal
    from lagebild.actors.provisional import clear_provisional
    from lagebild.ingest import article_from_text
    from lagebild.pipeline import _prepare, load

    texts = load_corpus(args.limit)
    if not texts:
        print("skipped: ../shared/data/news-de is absent")
        return 0
    nlp = load("de")
    helpers: Dict[str, float] = defaultdict(float)
    _timed(temporal, "find_time_expressions", helpers, "time expressions (temporal.find_time_expressions)")
    # warm up (lazy tables, caches of the first document) outside the measurement
    for doc in nlp.pipe([texts[0]]):
        pass
    helpers.clear()
    clear_provisional()
    times: Dict[str, float] = defaultdict(float)
    for i in range(0, len(texts), args.batch):
        batch = [article_from_text(t) for t in texts[i:i + args.batch]]
        t = time.process_time()
        docs = [_prepare(nlp, a) for a in batch]
        times["tokenizer"] += time.process_time() - t
        for name, proc in nlp.pipeline:
            t = time.process_time()
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            times[name] += time.process_time() - t
    n = len(texts)
    total = sum(times.values())
    table = Table(title=f"CPU ms per article, {n} news-de articles, batches of {args.batch}")
    for col in ("component", "ms/article", "share"):
        table.add_column(col, justify="left" if col == "component" else "right")
    for name, sec in sorted(times.items(), key=lambda kv: -kv[1]):
        table.add_row(name, f"{1000 * sec / n:.2f}", f"{sec / total:.0%}")
    table.add_row("total", f"{1000 * total / n:.2f}", "100%")
    for label, sec in helpers.items():
        table.add_row(f"  within: {label}", f"{1000 * sec / n:.2f}", f"{sec / total:.0%}")
    Console().print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
