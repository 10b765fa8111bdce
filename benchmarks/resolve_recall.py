"""Candidate recall on the resolution test corpus, through the real pipeline.

    python benchmarks/resolve_recall.py [--as-of 2026-01-31] [--db PATH]

Ingests tests/data/resolve_corpus (an invented commentator's dated articles, 2024-2025,
German and English, and the later news that decides them), lists the forecasts due with
``resolution_queue`` and compares the candidates with the hand labels in
tests/data/resolve_corpus_labels.tsv. Prints one row per labelled forecast (status,
proposal, rank of the deciding evidence) and recall@1 / recall@3 over the forecasts whose
outcome is decided by an event in the corpus, and the forecasts whose condition did not
occur that still got a proposal (the target: none).
"""
from __future__ import annotations

import argparse
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "resolve_corpus"
LABELS = REPO / "tests" / "data" / "resolve_corpus_labels.tsv"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--as-of", default="2026-01-31")
    ap.add_argument("--db", default=None, help="Keep the ingested store here (default: temporary).")
    args = ap.parse_args()

    from lagebild.batch import ingest_paths
    from lagebild.resolve import resolution_queue
    from lagebild.resolve.evaluate import load_labels, match_label, recall_at_k
    from lagebild.store import Store

    labels = load_labels(LABELS)
    tmp = tempfile.TemporaryDirectory()
    path = args.db or str(Path(tmp.name) / "corpus.duckdb")
    with Store(path) as st:
        ingest_paths([CORPUS], st)
        titles = {r["id"]: r["title"] for r in st.query("SELECT id, title FROM documents")}
        items = resolution_queue(st, date.fromisoformat(args.as_of))
    rows = []
    for label in labels:
        item = next((i for i in items if match_label(labels, i["text"]) is label), None)
        rank = "-"
        if item and label["evidence"]:
            ranks = [n for n, c in enumerate(item["candidates"], 1) if titles.get(c["document_id"]) == label["evidence"]]
            rank = str(ranks[0]) if ranks else "missed"
        rows.append((
            label["text"][:48], label["holder"], label["outcome"] or "(open)",
            item["status"] if item else "(not listed)",
            (item["proposal"] or {}).get("outcome", "") if item else "", rank,
        ))
    head = ("forecast", "holder", "label", "status", "proposal", "evidence rank")
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    print("  ".join(h.ljust(w) for h, w in zip(head, widths)))
    for r in rows:
        print("  ".join(str(v).ljust(w) for v, w in zip(r, widths)))
    at1, at3 = recall_at_k(items, labels, titles, k=1), recall_at_k(items, labels, titles, k=3)
    print()
    print(f"recall@1  {at1['recall']:.2f} ({at1['found']}/{at1['total']})")
    print(f"recall@3  {at3['recall']:.2f} ({at3['found']}/{at3['total']})  target >= 0.90")
    print(f"proposals for forecasts whose condition did not occur: {len(at3['condition_not_met_with_proposal'])}  target 0")
    agree = sum(
        1 for i in items
        if (lab := match_label(labels, i["text"])) and lab["outcome"] in ("true", "false")
        and i["proposal"] and i["proposal"]["outcome"] == lab["outcome"]
    )
    binary = sum(1 for lab in labels if lab["outcome"] in ("true", "false"))
    print(f"proposals agreeing with the analyst's true/false decision: {agree}/{binary}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
