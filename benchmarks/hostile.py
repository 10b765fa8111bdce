"""Score the hostile-input corpus (tests/hostile/corpus.py), case by case, per backend.

    python benchmarks/hostile.py                      # analyze + DuckDB (+ PostgreSQL if $LAGEBILD_TEST_PG)
    python benchmarks/hostile.py --slow               # include the huge inputs
    python benchmarks/hostile.py --list               # one line per case and backend

Each case is run ALONE as its own batch (so one crash does not hide the next):

- ``analyze``: what ``lagebild analyze`` does (readers, then the analysis, in process);
- ``duckdb``: ``ingest`` into a fresh DuckDB file;
- ``postgres``: ``ingest`` into a fresh database on the server named by $LAGEBILD_TEST_PG.

A *crash* is an exception escaping the batch (the CLI prints a traceback, no later file is
read); a *wrong result* is a batch that finished but did not do what the case requires
(the wrong number of documents, a missing coded error or warning, a failed check — e.g.
mojibake, a header left in the body, a stored sitemap). Prints a table; exit 1 when any.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import tempfile
import traceback
import uuid
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("lagebild_hostile_corpus", ROOT / "tests" / "hostile" / "corpus.py")
corpus = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
sys.modules["lagebild_hostile_corpus"] = corpus
spec.loader.exec_module(corpus)  # type: ignore[union-attr]


def run_analyze(folder: Path) -> Tuple[List[dict], List[tuple]]:
    from lagebild.batch import analyze_items
    from lagebild.ingest.readers import IngestFailure, iter_items

    docs, failures = [], []
    for _p, r in analyze_items(iter_items([folder])):
        if isinstance(r, IngestFailure):
            failures.append((r.source, r.reason))
        else:
            docs.append(r.to_dict())
    return docs, failures


def run_store(folder: Path, db: str) -> Tuple[List[dict], List[tuple]]:
    from lagebild.batch import ingest_paths
    from lagebild.ingest.readers import IngestFailure
    from lagebild.store import Store

    seen: list = []
    with Store(db) as store:
        report = ingest_paths([folder], store, on_item=lambda _p, r: seen.append(r))
        docs = []
        for r in seen:
            if isinstance(r, IngestFailure):
                continue
            d = r.to_dict()
            if not store.has(r.id):
                d["_not_stored"] = True
            docs.append(d)
    return docs, [(f.source, f.reason) for f in report.failures]


def _pg_db(admin_url: str):  # type: ignore[no-untyped-def]
    import psycopg

    name = f"lagebild_hostile_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_url, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    return name, admin_url.rsplit("/", 1)[0] + "/" + name


def _pg_drop(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def score(case, backend: str, work: Path) -> Tuple[str, str]:  # type: ignore[no-untyped-def]
    """``("ok" | "crash" | "wrong", detail)`` for one case on one backend."""
    d = work / "corpus" / case.name
    shutil.rmtree(work / "corpus", ignore_errors=True)
    d.mkdir(parents=True)
    case.write(d)
    pg_name = None
    admin = os.environ.get("LAGEBILD_TEST_PG", "")
    try:
        if backend == "analyze":
            docs, failures = run_analyze(work / "corpus")
        elif backend == "duckdb":
            db = work / f"{uuid.uuid4().hex}.duckdb"
            docs, failures = run_store(work / "corpus", str(db))
        else:
            pg_name, url = _pg_db(admin)
            docs, failures = run_store(work / "corpus", url)
    except BaseException as e:  # noqa: BLE001 - what a crash is
        if isinstance(e, KeyboardInterrupt):
            raise
        return "crash", f"{type(e).__name__}: {str(e)[:120]}" + ("\n" + traceback.format_exc(limit=-2) if os.environ.get("DEBUG") else "")
    finally:
        if pg_name:
            _pg_drop(admin, pg_name)
    got = corpus.by_case(work / "corpus", [case], docs, failures)[case.name]
    problems = corpus.verdict(case, got)
    if any(doc.get("_not_stored") for doc in got["docs"]):
        problems.append("a document was analysed but not stored")
    return ("wrong", "; ".join(problems)[:200]) if problems else ("ok", "")


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--slow", action="store_true", help="include the huge inputs")
    ap.add_argument("--list", action="store_true", help="print every case that is not ok")
    ap.add_argument("--backends", nargs="*", default=None)
    ap.add_argument("--only", nargs="*", default=None, help="case names")
    args = ap.parse_args(argv)
    backends = args.backends or (["analyze", "duckdb"] + (["postgres"] if os.environ.get("LAGEBILD_TEST_PG") else []))
    cases = [c for c in corpus.CASES if (args.slow or not c.slow) and (not args.only or c.name in args.only)]
    work = Path(tempfile.mkdtemp(prefix="lagebild-hostile-"))
    table: Dict[str, Dict[str, int]] = {b: {"ok": 0, "crash": 0, "wrong": 0} for b in backends}
    try:
        for c in cases:
            for b in backends:
                verdict, detail = score(c, b, work)
                table[b][verdict] += 1
                if verdict != "ok" and args.list:
                    print(f"  {b:8} {verdict:5} {c.kind:6} {c.name}: {detail}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    hostile = sum(1 for c in cases if c.kind != "good")
    print(f"| backend | inputs ({hostile} hostile) | crash the batch | silent/wrong result | ok |")
    print("|---|---|---|---|---|")
    for b in backends:
        t = table[b]
        print(f"| {b} | {len(cases)} | {t['crash']} | {t['wrong']} | {t['ok']} |")
    return 0 if all(t["crash"] == 0 and t["wrong"] == 0 for t in table.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
