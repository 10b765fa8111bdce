"""Speed of forecast resolution on a large store: 10,000 documents with 2,000 forecasts.

    python benchmarks/resolve_speed.py [--docs 10000] [--forecasts 2000] [--news 60] [--runs 3] [--pg URL]

The store is built synthetically by replicating analysed rows: the resolution test corpus
(tests/data/resolve_corpus: a commentator's forecasts and the news that decides them) is
ingested through the real pipeline, plus ``--news`` German news articles from
../shared/data/news-de (when present; given publication dates) for a realistic number of
events per document. Forecast documents are then copied until the store holds
``--forecasts`` forecasts, news documents until it holds ``--docs`` documents; every copy
gets a new id and its dates (publication, event dates, horizons) shifted by a few days per
copy, so the replicas spread over about two years and compete as candidates.

Prints a table: store size, build time, and the median time of ``resolution_queue``
(every forecast checked against the store's events, as ``lagebild resolve`` does) and of
the CLI ``lagebild resolve --format json`` in a subprocess (start-up included).
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import List, Optional

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "resolve_corpus"
NEWS = REPO.parent / "shared" / "data" / "news-de" / "10kGNAD-test.csv"


def _shift(value: Optional[str], days: int) -> Optional[str]:
    """Shift an ISO date or a range 'a/b' by ``days``; other strings unchanged."""
    if not value:
        return value
    parts = []
    for part in str(value).split("/"):
        try:
            parts.append((date.fromisoformat(part[:10]) + timedelta(days=days)).isoformat())
        except ValueError:
            return value
    return "/".join(parts)


def replica(doc, r: int, days: int):
    new = copy.deepcopy(doc)
    new.id = hashlib.sha1(f"{doc.id}:{r}".encode()).hexdigest()[:16]
    new.published = _shift(doc.published, days)
    for ev in new.events:
        ev.date = _shift(ev.date, days)
    for fc in new.forecasts:
        if fc.horizon:
            fc.horizon = dict(fc.horizon, start=_shift(fc.horizon.get("start"), days), end=_shift(fc.horizon.get("end"), days))
    return new


def analysed(news: int):
    from lagebild import analyze
    from lagebild.batch import ingest_paths
    from lagebild.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        with Store(str(Path(tmp) / "base.duckdb")) as st:
            ingest_paths([CORPUS], st)
            docs = list(st.iter_documents())
    if news and NEWS.exists():
        from lagebild.realgold import news_texts

        for i, text in enumerate(news_texts(news)):
            docs.append(analyze(text, published=(date(2024, 1, 1) + timedelta(days=7 * i)).isoformat()))
    return docs


def build(path: str, n_docs: int, n_forecasts: int, news: int) -> dict:
    from lagebild.store import Store

    t0 = time.perf_counter()
    base = analysed(news)
    t_analyse = time.perf_counter() - t0
    fdocs = [d for d in base if d.forecasts]
    ndocs = [d for d in base if not d.forecasts]
    out: List = []
    total, r = 0, 0
    while total < n_forecasts:
        for d in fdocs:
            if total >= n_forecasts:
                break
            copy_ = replica(d, r, (r * 5) % 730 - 365)
            copy_.forecasts = copy_.forecasts[: n_forecasts - total]  # exactly n_forecasts
            total += len(copy_.forecasts)
            out.append(copy_)
        r += 1
    r = 0
    while len(out) < n_docs:
        d = ndocs[r % len(ndocs)]
        out.append(replica(d, 10_000 + r, (r * 3) % 730 - 365))
        r += 1
    t1 = time.perf_counter()
    with Store(path) as st:
        for i in range(0, len(out), 500):
            st.save_many(out[i : i + 500])
        counts = {t: st.count(t) for t in ("documents", "events", "forecasts")}
    counts.update(analyse_s=t_analyse, store_s=time.perf_counter() - t1)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--forecasts", type=int, default=2_000)
    ap.add_argument("--news", type=int, default=60, help="German news articles from ../shared added to the base (0: none)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--db", default=None, help="Keep the built DuckDB store here (default: a temporary file).")
    args = ap.parse_args()

    from lagebild.resolve import resolution_queue
    from lagebild.store import Store

    tmp = tempfile.TemporaryDirectory()
    path = args.db or str(Path(tmp.name) / "bench.duckdb")
    counts = build(path, args.docs, args.forecasts, args.news)
    as_of = date(2027, 12, 31)
    lib, cli, n_items, n_cands = [], [], 0, 0
    for _ in range(args.runs):
        with Store(path) as st:
            t = time.perf_counter()
            items = resolution_queue(st, as_of)
            lib.append(time.perf_counter() - t)
        n_items, n_cands = len(items), sum(len(i["candidates"]) for i in items)
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "lagebild", "resolve", "--db", path, "--as-of", as_of.isoformat(), "--format", "json"],
            capture_output=True, text=True,
        )
        cli.append(time.perf_counter() - t)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert len(json.loads(proc.stdout)) == n_items
    rows = [
        ("documents", f"{counts['documents']:,}"),
        ("events", f"{counts['events']:,}"),
        ("forecasts", f"{counts['forecasts']:,}"),
        ("analyse base corpus (s)", f"{counts['analyse_s']:.1f}"),
        ("build store (s)", f"{counts['store_s']:.1f}"),
        ("forecasts listed / candidates", f"{n_items:,} / {n_cands:,}"),
        (f"resolution_queue, median of {args.runs} (s)", f"{statistics.median(lib):.2f}"),
        (f"lagebild resolve --format json, median of {args.runs} (s)", f"{statistics.median(cli):.2f}"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  value")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
