"""Are the analysis results of two code versions identical? (performance work must not
change a single output).

    python benchmarks/same_output.py write OUT.jsonl [--limit 200] [--batch 16]
    python benchmarks/same_output.py compare BEFORE.jsonl AFTER.jsonl
    python benchmarks/same_output.py ingest [--limit 200] [--workers 2]

``write`` analyses the first ``--limit`` articles of ../shared/data/news-de (plus the seed
article) in one process, in input order, in batches of ``--batch`` as ``lagebild ingest``
does (provisional actors are learnt from document to document, as in the one-process
path), and writes one JSON line per document: the full output contract
(``Document.to_dict()``) with the analysis time stamp removed. Run it on the old and the
new code, into files OUTSIDE the repository (the news-de licence forbids committing
article text), then ``compare``: it prints which documents and which top-level fields
differ, and exits 1 if any does, 0 if every document is byte-identical.

``ingest`` checks that parallel ingest stores what one process stores: it writes the
articles as text files into a temporary folder, ingests them with one process
(``batch.ingest_paths``) and with ``--workers`` processes (``scale.local.ingest_parallel``)
into two fresh DuckDB files, then ingests the folder again in parallel (it must change
nothing), and compares every table row by row (documents in ``seq`` order with their
full record, actors with ``first_seq``, events, statements, forecasts, incidents).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent))

VOLATILE = ("analyzed_at", "created_at", "processed_at")  # wall-clock stamps, if present


def _canonical(record: dict) -> str:
    for key in VOLATILE:
        record.pop(key, None)
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def write(out: Path, limit: int, batch: int) -> int:
    from throughput import load_corpus

    from lagebild.actors.provisional import clear_provisional
    from lagebild.ingest import article_from_text
    from lagebild.pipeline import analyze_batch

    texts = load_corpus(limit + 1)
    if not texts:
        print("no corpus: ../shared/data/news-de is absent", file=sys.stderr)
        return 2
    clear_provisional()
    t = time.perf_counter()
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for first in range(0, len(texts), batch):
            articles = [article_from_text(raw, source=f"same:{i}") for i, raw in
                        enumerate(texts[first:first + batch], start=first)]
            for i, result in enumerate(analyze_batch(articles, learn=True), start=first):
                if isinstance(result, Exception):
                    line = json.dumps({"_index": i, "_error": f"{type(result).__name__}: {result}"})
                else:
                    record = result.to_dict()
                    record["_index"] = i
                    line = _canonical(record)
                fh.write(line + "\n")
                n += 1
    print(f"{n} documents written to {out} in {time.perf_counter() - t:.1f} s")
    return 0


def _read(path: Path) -> List[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def compare(before: Path, after: Path) -> int:
    a, b = _read(before), _read(after)
    if len(a) != len(b):
        print(f"different number of documents: {len(a)} vs {len(b)}")
        return 1
    fields: Dict[str, int] = {}
    bad = 0
    for x, y in zip(a, b):
        if _canonical(dict(x)) == _canonical(dict(y)):
            continue
        bad += 1
        diff = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
        for k in diff:
            fields[k] = fields.get(k, 0) + 1
        if bad <= 10:
            print(f"document {x.get('_index')}: fields differ: {', '.join(diff)}")
    digest = hashlib.sha256("".join(_canonical(dict(x)) for x in b).encode()).hexdigest()[:16]
    if bad:
        print(f"{bad} of {len(a)} documents differ; fields: " + ", ".join(f"{k} ({v})" for k, v in sorted(fields.items())))
        return 1
    print(f"identical: {len(a)} documents (sha256 {digest})")
    return 0


TABLES = {
    "documents": "SELECT seq, id, data FROM documents ORDER BY seq",
    "actors": "SELECT * EXCLUDE (first_seen) FROM actors ORDER BY id",  # first_seen: wall clock
    "events": "SELECT * FROM events ORDER BY doc_id, idx",
    "statements": "SELECT * FROM statements ORDER BY doc_id, idx",
    "forecasts": "SELECT * FROM forecasts ORDER BY doc_id, idx",
    "incidents": "SELECT * FROM incidents ORDER BY id",
}


def _dump(store) -> Dict[str, list]:  # type: ignore[no-untyped-def]
    out: Dict[str, list] = {}
    for table, sql in TABLES.items():
        try:
            rows = store.query(sql)
        except Exception:  # noqa: BLE001 - a table this version does not have
            continue
        out[table] = [json.dumps(r, sort_keys=True, default=str, ensure_ascii=False) for r in rows]
    return out


def ingest_check(limit: int, workers: int) -> int:
    from throughput import load_corpus, write_folder

    from lagebild.batch import ingest_paths
    from lagebild.incidents import refresh_incidents
    from lagebild.scale.local import ingest_parallel
    from lagebild.store import Store

    texts = load_corpus(limit + 1)
    if not texts:
        print("no corpus: ../shared/data/news-de is absent", file=sys.stderr)
        return 2
    folder = write_folder(texts, "same_output_")
    tmp = folder.parent
    dumps = {}
    for name, run in (
        ("one process", lambda st: ingest_paths([folder], st)),
        (f"{workers} workers", lambda st: ingest_parallel([folder], st, workers=workers)),
    ):
        # as `lagebild ingest` does after the documents: incidents from the stored events
        t = time.perf_counter()
        with Store(tmp / f"{name.replace(' ', '_')}.duckdb") as store:
            report = run(store)
            refresh_incidents(store)
            dumps[name] = _dump(store)
            line = f"{name}: {report.stored} stored, {len(report.failures)} failed in {time.perf_counter() - t:.1f} s"
            if report.redone:
                line += f" ({report.redone} documents analysed again with the true provisional actors)"
            print(line)
            if name != "one process":
                again = ingest_parallel([folder], store, workers=workers)
                refresh_incidents(store)
                changed = _dump(store) != dumps[name]
                print(f"{name}, again: {again.stored} new, {again.updated} updated, {again.unchanged} unchanged"
                      + (" -- THE STORE CHANGED" if changed else ""))
                if changed or again.updated or again.stored:
                    return 1
    a, b = dumps.values()
    bad = 0
    for table in a:
        if a[table] != b.get(table):
            diff = sum(1 for x, y in zip(a[table], b.get(table, [])) if x != y) + abs(len(a[table]) - len(b.get(table, [])))
            print(f"{table}: {diff} rows differ ({len(a[table])} vs {len(b.get(table, []))} rows)")
            bad += 1
        else:
            print(f"{table}: identical ({len(a[table])} rows)")
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--limit", type=int, default=200)
    w.add_argument("--batch", type=int, default=16)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    g = sub.add_parser("ingest")
    g.add_argument("--limit", type=int, default=200)
    g.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if args.cmd == "ingest":
        return ingest_check(args.limit, args.workers)
    if args.cmd == "write":
        return write(args.out, args.limit, args.batch)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
