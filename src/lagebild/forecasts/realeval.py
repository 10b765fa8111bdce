"""Forecasts scored against the honest real-text gold (``benchmarks/gold/real-de``).

Gold forecasts (``forecasts.jsonl``) give the holder (CAMEO actor code, ``"author"`` or
``---AGT`` for a group), the holder's span, the condition span (or null), the horizon (ISO
date or period, or null), the hedge spans and probability class, and the predicted event
when it is clear. The evidence span ``start``/``end`` is the sentence (or sentences) holding
the prediction. A predicted forecast (span mapped back to raw offsets) matches a gold
forecast when the spans overlap by at least half of the shorter one (one-to-one). Reported:
precision, recall, holder accuracy (matched pairs whose holder matches,
:func:`lagebild.events.realeval.actor_matches`), condition detection accuracy (a condition
found exactly where the gold has one), and the false alarms on hard negatives that look like
forecasts (``hard_negatives.jsonl``).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Dict, List, Optional, Tuple

from ..events import realeval as ev
from ..statements.realeval import Pred, match


def predicted(gold: str, key: Any, model: Optional[str] = None) -> List[Pred]:
    """lagebild's forecasts for one gold article (raw offsets, holder as CAMEO code);
    ``kind`` holds "cond" when the forecast has a condition."""
    doc, to_raw = ev.analyse(gold, key, model)
    return [Pred(to_raw(f.span[0]), to_raw(f.span[1]), ev.pred_actor_code(doc, f.holder),
                 "cond" if f.condition else None) for f in doc.forecasts]


def _r(a: int, b: int) -> Optional[float]:
    return a / b if b else None


def evaluate(gold: str, split: str, *, model: Optional[str] = None, details: bool = False,
             predict: Optional[Callable[[str, Any], List[Pred]]] = None) -> Dict[str, Any]:
    """Precision, recall, holder and condition accuracy of forecasts on one split; with
    ``details`` also ``details`` (misses, false alarms, wrong holders, per article)."""
    keys, by_key, negs = ev.gold_by_article(gold, split, "forecasts", "forecast")
    c: Dict[str, int] = defaultdict(int)
    rows = []
    for key in keys:
        golds = by_key.get(key, [])
        preds = predict(gold, key) if predict else predicted(gold, key, model)
        gspans = [(g["start"], g["end"]) for g in golds]
        m = match(gspans, [(p.start, p.end) for p in preds])
        c["gold"] += len(golds)
        c["predicted"] += len(preds)
        c["matched"] += len(m)
        c["holder_ok"] += sum(ev.actor_matches(golds[gi].get("holder"), preds[pi].who) for gi, pi in m.items())
        c["cond_ok"] += sum((golds[gi].get("condition_span") is not None) == (preds[pi].kind == "cond") for gi, pi in m.items())
        c["negatives"] += len(negs.get(key, []))
        c["negative_alarms"] += sum(any(ev.sentence_of([n], p.start, p.end) for p in preds) for n in negs.get(key, []))
        if details:
            matched_p = set(m.values())
            rows.append({
                "article": key,
                "missed": [gspans[gi] for gi in range(len(golds)) if gi not in m],
                "false": [(p.start, p.end, p.who) for pi, p in enumerate(preds) if pi not in matched_p],
                "wrong_holder": [(gspans[gi], golds[gi].get("holder"), preds[pi].who) for gi, pi in m.items()
                                 if not ev.actor_matches(golds[gi].get("holder"), preds[pi].who)],
            })
    p, r = _r(c["matched"], c["predicted"]), _r(c["matched"], c["gold"])
    out: Dict[str, Any] = {
        "articles": len(keys), "gold": c["gold"], "predicted": c["predicted"],
        "precision": p, "recall": r, "f1": (2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)),
        "holder_acc": _r(c["holder_ok"], c["matched"]), "condition_acc": _r(c["cond_ok"], c["matched"]),
        "hard_negatives": c["negatives"], "hard_negative_alarms": c["negative_alarms"],
    }
    if details:
        out["details"] = rows
    return out
