"""Evaluate resolution candidates against hand labels: recall@k of the deciding evidence,
and no proposal where a condition never held.

Labels are a TSV file (``text, holder, p, outcome, evidence``; see
``tests/data/resolve_corpus_labels.tsv``): ``text`` is the start of the forecast as
extracted, ``evidence`` the title of the document whose event decides it (empty when it is
decided by absence or its condition never held).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from ..datafiles import iter_tsv


def load_labels(path: str | Path) -> List[Dict[str, Any]]:
    """Rows ``{text, holder, p (float), outcome (str | None), evidence (str | None)}``."""
    rows = []
    for row in iter_tsv(Path(path), required=("text", "holder", "p")):
        rows.append({
            "text": row["text"], "holder": row["holder"], "p": float(row["p"]),
            "outcome": row.get("outcome") or None, "evidence": row.get("evidence") or None,
        })
    return rows


def match_label(labels: Sequence[Dict[str, Any]], text: str) -> Optional[Dict[str, Any]]:
    """The label whose ``text`` the forecast text starts with (None if unlabelled)."""
    for label in labels:
        if text.startswith(label["text"]):
            return label
    return None


def recall_at_k(
    items: Sequence[Dict[str, Any]], labels: Sequence[Dict[str, Any]], titles: Dict[str, str], k: int = 3
) -> Dict[str, Any]:
    """Recall@k over labelled forecasts with deciding evidence, from a resolution queue
    (:func:`lagebild.resolve.resolution_queue`) and a ``{document id: title}`` map.

    Returns ``{recall, found, total, missed: [text], condition_not_met_with_proposal: [text]}``.
    A forecast missing from the queue counts as missed.
    """
    by_label: Dict[str, Dict[str, Any]] = {}
    for item in items:
        label = match_label(labels, item["text"])
        if label is not None:
            by_label[label["text"]] = item
    wanted = [label for label in labels if label["evidence"]]
    missed = []
    for label in wanted:
        item = by_label.get(label["text"])
        top = item["candidates"][:k] if item else []
        if not any(titles.get(c["document_id"]) == label["evidence"] for c in top):
            missed.append(label["text"])
    bad_conditions = [
        item["text"] for item in items
        if item["status"] == "condition not met" and (item["candidates"] or item["proposal"])
    ]
    found = len(wanted) - len(missed)
    return {
        "recall": found / len(wanted) if wanted else None,
        "found": found,
        "total": len(wanted),
        "missed": missed,
        "condition_not_met_with_proposal": bad_conditions,
    }
