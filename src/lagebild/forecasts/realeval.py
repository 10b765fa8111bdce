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

from typing import Any, Callable, Dict, Iterable, List, Optional

from ..events import realeval as ev
from ..statements.realeval import Pred, actor_spans, score_layer


def predicted(gold: str, key: Any, model: Optional[str] = None) -> List[Pred]:
    """lagebild's forecasts for one gold article (raw offsets, holder as CAMEO code);
    ``kind`` holds "cond" when the forecast has a condition."""
    doc, to_raw = ev.analyse(gold, key, model)
    return [Pred(to_raw(f.span[0]), to_raw(f.span[1]), ev.pred_actor_code(doc, f.holder),
                 "cond" if f.condition else None, actor_spans(doc, to_raw, f.holder), f.holder_text)
            for f in doc.forecasts]


def evaluate(gold: str, split: str, *, model: Optional[str] = None, details: bool = False,
             predict: Optional[Callable[[str, Any], List[Pred]]] = None,
             lines: Optional[Iterable[int]] = None) -> Dict[str, Any]:
    """Precision, recall, holder and condition accuracy of forecasts on one split; with
    ``details`` also ``details`` (misses, false alarms, wrong holders, per article). ``lines``
    keeps only those annotated articles (an annotation batch scored alone, out of sample)."""
    return score_layer(
        gold, split, "forecasts",
        predict=predict or (lambda g, key: predicted(g, key, model)),
        gold_span=lambda g: (g["start"], g["end"]),
        who="holder",
        second=("condition", lambda g, p: (g.get("condition_span") is not None) == (p.kind == "cond")),
        details=details,
        lines=lines,
    )
