"""End-to-end throughput: docs/s and words/s over ../shared/data/news-de (and the seed),
with per-stage timings and peak memory, as the median of several runs.

    python benchmarks/throughput.py [--runs 3] [--limit 1028] [--store]
    python benchmarks/throughput.py scale [--workers 1,2] [--ray] [--scales 1,2,5,10]   # see throughput_scale.py

Stages: ingest (plain-text parsing), language identification, the tokenizer, every
spaCy pipe of the pipeline (base model and lagebild components), and — with --store —
saving into a fresh DuckDB file. Single process, as the machines are shared and noisy.
"""
from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Dict, List

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
NEWS = SHARED / "data" / "news-de" / "10kGNAD-test.csv"
SEED = SHARED / "seed" / "000_cf532f787b11b18a.txt"


BATCH = 16


def load_corpus(limit: int) -> List[str]:
    texts: List[str] = []
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    if NEWS.exists():
        from lagebild.realgold import news_texts

        texts.extend(news_texts(limit))
    return texts[:limit]


def write_folder(texts: List[str], prefix: str) -> Path:
    """``texts`` as ``00000.txt``, ``00001.txt``, … in a new temporary folder ``…/in``
    (the input of an ingest run); returns the folder."""
    folder = Path(tempfile.mkdtemp(prefix=prefix)) / "in"
    folder.mkdir()
    for i, t in enumerate(texts):
        (folder / f"{i:05d}.txt").write_text(t, encoding="utf-8")
    return folder


def run_once(texts: List[str], *, store: bool) -> Dict[str, float]:
    from lagebild.ingest import article_from_text
    from lagebild.pipeline import _prepare, choose_language, load, to_document

    times: Dict[str, float] = defaultdict(float)
    words = 0
    db = None
    if store:
        from lagebild.batch import BatchReport, save_results
        from lagebild.store import Store

        db = Store(Path(tempfile.mkdtemp()) / "bench.duckdb")
    t_all = time.perf_counter()
    for first in range(0, len(texts), BATCH):
        # as `lagebild ingest` works: batches of 16, nlp.pipe per stage, one commit each
        batch = []
        for i, raw in enumerate(texts[first : first + BATCH], start=first):
            t = time.perf_counter()
            article = article_from_text(raw, source=f"bench:{i}")
            times["ingest"] += time.perf_counter() - t
            t = time.perf_counter()
            batch.append((choose_language(article), article))
            times["language id"] += time.perf_counter() - t
        documents = []
        for lang in sorted({lang for lang, _ in batch}):
            nlp = load(lang)
            articles = [a for l, a in batch if l == lang]
            t = time.perf_counter()
            docs = [_prepare(nlp, a) for a in articles]
            times["tokenizer"] += time.perf_counter() - t
            words += sum(1 for doc in docs for tok in doc if not tok.is_space and not tok.is_punct)
            for name, proc in nlp.pipeline:
                t = time.perf_counter()
                docs = list(proc.pipe(docs, batch_size=BATCH)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
                times[name] += time.perf_counter() - t
            documents.extend(to_document(a, d) for a, d in zip(articles, docs))
        if db is not None:
            t = time.perf_counter()
            save_results(db, documents, BatchReport())  # as `lagebild ingest` stores a batch
            db.release_due()
            times["store"] += time.perf_counter() - t
    times["total"] = time.perf_counter() - t_all
    times["_words"] = words
    if db is not None:
        db.close()
    return times


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "scale":
        # `throughput.py scale …`: worker processes, Ray, scaling (benchmarks/throughput_scale.py)
        sys.argv.pop(1)
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import throughput_scale

        return throughput_scale.main()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=1029, help="documents per run (seed + news-de)")
    parser.add_argument("--store", action="store_true", help="also time saving into DuckDB")
    args = parser.parse_args()
    texts = load_corpus(args.limit)
    if not texts:
        print(f"no corpus: {NEWS} and {SEED} are absent", file=sys.stderr)
        return 2
    from lagebild.pipeline import load

    t = time.perf_counter()
    for lang in ("de", "en"):
        load(lang)
    load_s = time.perf_counter() - t
    run_once(texts[:5], store=False)  # warm-up: lazy tables, lingua models
    results = []
    for _ in range(args.runs):
        gc.collect()
        results.append(run_once(texts, store=args.store))
    med = {k: statistics.median(r[k] for r in results) for k in results[0]}
    words = med.pop("_words")
    total = med.pop("total")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"lagebild throughput: {len(texts)} docs, {int(words):,} words, median of {args.runs} runs")
    table.add_column("stage")
    table.add_column("seconds", justify="right")
    table.add_column("share", justify="right")
    table.add_column("words/s", justify="right")
    for stage, secs in sorted(med.items(), key=lambda kv: -kv[1]):
        table.add_row(stage, f"{secs:.3f}", f"{secs / total:.0%}", f"{words / secs:,.0f}" if secs else "-")
    table.add_row("[bold]end to end", f"[bold]{total:.3f}", "100%", f"[bold]{words / total:,.0f}")
    console = Console()
    console.print(table)
    console.print(
        f"docs/s: {len(texts) / total:.1f}   words/s: {words / total:,.0f}   "
        f"peak RSS: {peak_mb:.0f} MiB   pipeline load (de+en): {load_s:.1f} s   "
        "runs (s): " + ", ".join(f"{r['total']:.2f}" for r in results)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
