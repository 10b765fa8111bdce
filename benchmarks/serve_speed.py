"""Speed of the workbench (``lagebild serve``): median response time of every page and API
call on a store of 10,000 documents.

    python benchmarks/serve_speed.py [--docs 10000] [--repeat 15] [--db PATH] [--pg URL]

The machine this runs on matters: report the load next to the figures.

How the store is built (documented here because it is synthetic in its size, real in its
content):

1. The 1,028 German news articles of ``../shared/data/news-de`` (10kGNAD test split) are
   analysed ONCE with the shipped pipeline (``lagebild.pipeline.analyze_batch``), each given
   a publication date spread over 2015-06-01 … 2016-05-31 (the corpus has none: article
   ``i`` gets day ``(i * 37) % 366``). The analysed documents are cached as JSON Lines under
   ``$XDG_CACHE_HOME/lagebild`` (``~/.cache/lagebild``) — outside the repository, since the
   corpus licence forbids committing article text; ``--rebuild`` analyses again.
2. The store is filled with copies: copy ``k`` of document ``d`` gets the id
   ``sha1(d.id + ":" + k)[:16]`` and every date in it (publication, event dates, forecast
   horizons) moved ``k * 53`` weeks later, until ``--docs`` documents are stored. Actors,
   mentions, events, statements and forecasts are copied with their document, so the store
   has 10× the rows of one analysis run, with real text, real codes and real actor ids.
3. The store file is cached next to the analysis (``serve_speed_<docs>.duckdb``) and reused
   when present.

Every call is made through FastAPI's in-process ``TestClient`` (routing, query, rendering
and JSON encoding are measured; the network is not). Each URL is requested once to warm
up, then ``--repeat`` times; the table prints the median and the 90th percentile in ms.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

REPO = Path(__file__).resolve().parent.parent
NEWS = Path(os.environ.get("LAGEBILD_SHARED_DATA", REPO.parent / "shared" / "data")) / "news-de" / "10kGNAD-test.csv"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "lagebild"
BASE_DATE = date(2015, 6, 1)
TARGET_MS = 300.0


def corpus() -> List[str]:
    with NEWS.open(encoding="utf-8", newline="") as fh:
        return [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) >= 2 and row[1].strip()]


def analysed(rebuild: bool = False) -> Path:
    """The analysed corpus as JSON Lines (one Document.to_dict() per line), built once."""
    out = CACHE / "serve_speed_news-de.jsonl"
    if out.exists() and not rebuild:
        return out
    from lagebild.ingest import article_from_text
    from lagebild.pipeline import analyze_batch

    texts = corpus()
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".part")
    t0 = time.perf_counter()
    with tmp.open("w", encoding="utf-8") as fh:
        for first in range(0, len(texts), 16):
            articles = [
                article_from_text(raw, source=f"news-de:{i}", published=BASE_DATE + timedelta(days=(i * 37) % 366))
                for i, raw in enumerate(texts[first : first + 16], start=first)
            ]
            for doc in analyze_batch(articles, language="de"):
                if not isinstance(doc, Exception):
                    fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            print(f"\ranalysed {min(first + 16, len(texts))}/{len(texts)} ({time.perf_counter() - t0:.0f} s)", end="", file=sys.stderr)
    print(file=sys.stderr)
    tmp.rename(out)
    return out


def _shift(value: Any, days: int) -> Any:
    if not value or not isinstance(value, str) or len(value) < 10:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
        return value


def copies(docs: List[Dict[str, Any]], n: int) -> Iterator[Dict[str, Any]]:
    """``n`` documents: copy k of each analysed document, ids new, dates k*53 weeks later."""
    k = 0
    made = 0
    while made < n:
        days = k * 53 * 7
        for d in docs:
            if made >= n:
                return
            c = json.loads(json.dumps(d))
            if k:
                c["id"] = hashlib.sha1(f"{d['id']}:{k}".encode()).hexdigest()[:16]
                c["published"] = _shift(c.get("published"), days)
                for ev in c.get("events", []):
                    ev["date"] = _shift(ev.get("date"), days)
                for fc in c.get("forecasts", []):
                    if fc.get("horizon"):
                        for key in ("start", "end"):
                            fc["horizon"][key] = _shift(fc["horizon"].get(key), days)
            yield c
            made += 1
        k += 1


def build_store(target: str, n: int, rebuild: bool = False) -> str:
    from lagebild.schemas import Document
    from lagebild.store import Store

    if not target.startswith("postgres") and Path(target).exists() and not rebuild:
        return target
    if target.startswith("postgres") and not rebuild:
        with Store(target) as store:  # applies pending migrations
            if store.count() >= n:
                return target
    src = analysed(rebuild=False)
    docs = [json.loads(line) for line in src.open(encoding="utf-8")]
    t0 = time.perf_counter()
    with Store(target) as store:
        batch: List[Document] = []
        for c in copies(docs, n):
            batch.append(Document.from_dict(c))
            if len(batch) == 200:
                store.save_many(batch)
                batch = []
        if batch:
            store.save_many(batch)
        print(f"stored {store.count()} documents, {store.count('events')} events, "
              f"{store.count('mentions')} mentions in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return target


def urls(client: Any) -> List[Tuple[str, str]]:
    """(label, url) for every page and API call, with ids and values taken from the store."""
    doc = client.get("/api/documents?limit=1&sort=n_events&order=desc").json()["items"][0]["id"]
    actors = client.get("/api/actors?limit=2&sort=documents&order=desc").json()["items"]
    actor = actors[0]["id"]
    ev = client.get(f"/api/events?actor={actor}&limit=1").json()["items"][0]
    page2 = client.get("/api/events?limit=50").json()["next"]
    q = "Regierung"
    return [
        ("home", "/"),
        ("home.json", "/.json"),
        ("search (home)", f"/?q={q}"),
        ("document list", "/documents"),
        ("document list, search", f"/documents?q={q}"),
        ("document page", f"/documents/{doc}"),
        ("document.json", f"/documents/{doc}.json"),
        ("actor page", f"/actors/{actor}"),
        ("actor.json", f"/actors/{actor}.json"),
        ("events explorer", "/events"),
        ("events explorer, filtered", f"/events?actor={actor}&quad_class=4&since=2016-01-01"),
        ("events.json", "/events.json?root=" + ev["cameo"][:2]),
        ("forecast ledger", "/forecasts"),
        ("forecasts.json, due", "/forecasts.json?status=due"),
        ("api documents", "/api/documents"),
        ("api documents, search", f"/api/documents?q={q}"),
        ("api documents, lang+dates", "/api/documents?language=de&since=2016-01-01&until=2017-12-31"),
        ("api document", f"/api/documents/{doc}"),
        ("api actors", "/api/actors"),
        ("api actors, search", "/api/actors?q=mer"),
        ("api actor", f"/api/actors/{actor}"),
        ("api events", "/api/events"),
        ("api events, page 2", f"/api/events?limit=50&cursor={page2}"),
        ("api events, actor+root", f"/api/events?actor={actor}&root={ev['cameo'][:2]}"),
        ("api events, quad+modality", "/api/events?quad_class=3&modality=asserted&negated=false"),
        ("api events, country", "/api/events?country=DEU"),
        ("api events, q", f"/api/events?q={q}"),
        ("api statements", "/api/statements"),
        ("api statements, speaker", f"/api/statements?speaker={actor}"),
        ("api forecasts", "/api/forecasts"),
        ("api forecasts, open by holder", "/api/forecasts?status=open&holder=author"),
        ("events.csv, filtered", f"/api/events.csv?actor={actor}"),
        ("events.parquet, filtered", f"/api/events.parquet?actor={actor}"),
        ("openapi.json", "/openapi.json"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--db", help="store to use/build (default: the cache folder)")
    parser.add_argument("--pg", help="PostgreSQL URL to build (if it holds fewer documents) and measure instead")
    parser.add_argument("--rebuild", action="store_true", help="analyse the corpus and build the store again")
    parser.add_argument("--analyse-only", action="store_true", help="only build the analysis cache")
    args = parser.parse_args()
    if not NEWS.exists():
        print(f"no corpus at {NEWS}: the benchmark needs ../shared/data/news-de", file=sys.stderr)
        return 2
    analysed(rebuild=args.rebuild)
    if args.analyse_only:
        return 0
    target = args.pg or args.db or str(CACHE / f"serve_speed_{args.docs}.duckdb")
    build_store(target, args.docs, rebuild=args.rebuild)

    from fastapi.testclient import TestClient

    from lagebild.serve import create_app

    app = create_app(target)
    rows = []
    with app.state.db.lock:
        counts = {t: app.state.db.store.count(t) for t in ("documents", "actors", "events", "statements", "forecasts")}
    backend = app.state.db.backend
    with TestClient(app) as client:
        for label, url in urls(client):
            r = client.get(url)
            if r.status_code != 200:
                print(f"{url} answered {r.status_code}: {r.text[:300]}", file=sys.stderr)
                return 1
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, (url, r.status_code)
            times.sort()
            rows.append((label, url, statistics.median(times), times[int(0.9 * (len(times) - 1))], len(r.content)))
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"lagebild serve on {backend}: "
        + ", ".join(f"{v:,} {k}" for k, v in counts.items())
        + f"; median of {args.repeat} requests (ms)",
        title_justify="left",
    )
    for col, just in (("call", "left"), ("url", "left"), ("median", "right"), ("p90", "right"), ("bytes", "right"), ("< 300 ms", "center")):
        table.add_column(col, justify=just, overflow="fold")
    for label, url, med, p90, size in rows:
        table.add_row(label, url[:70], f"{med:.1f}", f"{p90:.1f}", f"{size:,}", "yes" if med < TARGET_MS else "[red]NO")
    Console(width=160).print(table)
    worst = max(rows, key=lambda r: r[2])
    print(f"slowest median: {worst[0]} {worst[2]:.1f} ms; all under {TARGET_MS:.0f} ms: {all(r[2] < TARGET_MS for r in rows)}")
    return 0 if all(r[2] < TARGET_MS for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
