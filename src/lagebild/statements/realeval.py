"""Statements scored against the honest real-text gold (``benchmarks/gold/real-de``).

Gold statements (``statements.jsonl``) give the speaker (CAMEO actor code, ``"author"`` or
``---AGT``), the speaker's span, the kind (direct|indirect) and the content span in the raw
article. A predicted statement (span mapped back to raw offsets) matches a gold statement
when their content spans overlap by at least half of the shorter one (one-to-one, greedy in
gold order). Reported: precision (matched predictions / predictions in the fully annotated
articles), recall (matched gold / gold), speaker accuracy (matched pairs whose speaker code
matches, :func:`lagebild.events.realeval.actor_matches`), kind accuracy, and the false alarms
on hard-negative sentences that look like statements (``hard_negatives.jsonl``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple

from ..events import realeval as ev


@dataclass
class Pred:
    """A predicted statement or forecast in raw-text offsets."""

    start: int
    end: int
    who: Optional[str]  # speaker/holder CAMEO code or "author"
    kind: Optional[str] = None


def overlap(a: Tuple[int, int], b: Tuple[int, int]) -> float:
    """Overlap of two spans as a share of the shorter one (0..1)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    short = min(a[1] - a[0], b[1] - b[0])
    return max(0, inter) / short if short > 0 else 0.0


def match(golds: List[Tuple[int, int]], preds: List[Tuple[int, int]], threshold: float = 0.5) -> Dict[int, int]:
    """Greedy one-to-one matching {gold index: pred index}, best overlap first per gold."""
    used, out = set(), {}
    for gi, g in enumerate(golds):
        best, best_ov = None, threshold
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            ov = overlap(g, p)
            if ov >= best_ov and (best is None or ov > best_ov):
                best, best_ov = pi, ov
        if best is not None:
            used.add(best)
            out[gi] = best
    return out


def predicted(gold: str, key: Any, model: Optional[str] = None) -> List[Pred]:
    """lagebild's statements for one gold article (raw offsets, speaker as CAMEO code)."""
    doc, to_raw = ev.analyse(gold, key, model)
    return [Pred(to_raw(s.span[0]), to_raw(s.span[1]), ev.pred_actor_code(doc, s.speaker), s.kind)
            for s in doc.statements]


def score_layer(
    gold: str,
    split: str,
    layer: str,
    *,
    predict: Callable[[str, Any], List[Pred]],
    gold_span: Callable[[Dict[str, Any]], Tuple[int, int]],
    who: str,
    second: Tuple[str, Callable[[Dict[str, Any], Pred], bool]],
    details: bool = False,
) -> Dict[str, Any]:
    """The scorer shared by statements and forecasts: predictions are matched to the gold
    records of ``layer`` by :func:`match` on ``gold_span(record)``.

    who: the gold field of the speaker/holder ("speaker", "holder"), compared with
        ``Pred.who`` by :func:`lagebild.events.realeval.actor_matches` (``<who>_acc``).
    second: ``(name, ok(gold_record, pred))`` for a second per-pair accuracy (``<name>_acc``).
    Returns counts, precision, recall, F1, both accuracies and the hard-negative alarms of
    the sentences that look like a ``layer`` record; with ``details`` per-article misses,
    false alarms and wrong ``who`` (key ``wrong_<who>``).
    """
    looks_like = layer[:-1]  # "statements" -> "statement"
    second_name, second_ok = second
    keys, by_key, negs = ev.gold_by_article(gold, split, layer, looks_like)
    c: Dict[str, int] = defaultdict(int)
    rows = []
    for key in keys:
        golds = by_key.get(key, [])
        preds = predict(gold, key)
        gspans = [gold_span(g) for g in golds]
        m = match(gspans, [(p.start, p.end) for p in preds])
        c["gold"] += len(golds)
        c["predicted"] += len(preds)
        c["matched"] += len(m)
        c["who_ok"] += sum(ev.actor_matches(golds[gi].get(who), preds[pi].who) for gi, pi in m.items())
        c["second_ok"] += sum(second_ok(golds[gi], preds[pi]) for gi, pi in m.items())
        c["negatives"] += len(negs.get(key, []))
        c["negative_alarms"] += sum(any(ev.sentence_of([n], p.start, p.end) for p in preds) for n in negs.get(key, []))
        if details:
            matched_p = set(m.values())
            rows.append({
                "article": key,
                "missed": [gspans[gi] for gi in range(len(golds)) if gi not in m],
                "false": [(p.start, p.end, p.who) for pi, p in enumerate(preds) if pi not in matched_p],
                f"wrong_{who}": [(gspans[gi], golds[gi].get(who), preds[pi].who) for gi, pi in m.items()
                                 if not ev.actor_matches(golds[gi].get(who), preds[pi].who)],
            })
    p, r = ev.ratio(c["matched"], c["predicted"]), ev.ratio(c["matched"], c["gold"])
    out: Dict[str, Any] = {
        "articles": len(keys), "gold": c["gold"], "predicted": c["predicted"],
        "precision": p, "recall": r, "f1": ev.f1(p, r),
        f"{who}_acc": ev.ratio(c["who_ok"], c["matched"]),
        f"{second_name}_acc": ev.ratio(c["second_ok"], c["matched"]),
        "hard_negatives": c["negatives"], "hard_negative_alarms": c["negative_alarms"],
    }
    if details:
        out["details"] = rows
    return out


def evaluate(gold: str, split: str, *, model: Optional[str] = None, details: bool = False,
             predict: Optional[Callable[[str, Any], List[Pred]]] = None) -> Dict[str, Any]:
    """Precision, recall, speaker and kind accuracy of statements on one split; with
    ``details`` also ``details`` (misses, false alarms, wrong speakers, per article)."""
    return score_layer(
        gold, split, "statements",
        predict=predict or (lambda g, key: predicted(g, key, model)),
        gold_span=lambda g: tuple(g["content_span"]),
        who="speaker",
        second=("kind", lambda g, p: g.get("kind") == p.kind),
        details=details,
    )
