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
    # raw spans of the predicted speaker's/holder's actor mentions (to tell a wrong mention
    # from a right mention with a wrong code); None when not known
    who_spans: Optional[List[Tuple[int, int]]] = None
    who_text: Optional[str] = None  # the speaker/holder as written


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


def actor_spans(doc: Any, to_raw: Callable[[int], int], actor_id: Optional[str]) -> List[Tuple[int, int]]:
    """Raw spans of the mentions of ``actor_id`` in an analysed document ([] for the author,
    none or an unknown id)."""
    for a in doc.actors:
        if a.id == actor_id:
            return [(to_raw(m[0]), to_raw(m[1])) for m in a.mentions]
    return []


def predicted(gold: str, key: Any, model: Optional[str] = None) -> List[Pred]:
    """lagebild's statements for one gold article (raw offsets, speaker as CAMEO code)."""
    doc, to_raw = ev.analyse(gold, key, model)
    return [Pred(to_raw(s.span[0]), to_raw(s.span[1]), ev.pred_actor_code(doc, s.speaker), s.kind,
                 actor_spans(doc, to_raw, s.speaker), s.speaker_text)
            for s in doc.statements]


def error_kind(golds: List[Dict[str, Any]], gi: int, pred: Pred, who: str, raw: str = "") -> str:
    """Why a matched pair has the wrong speaker/holder: ``"code"`` when the predicted actor
    has a mention on the gold speaker's span (the right mention, coded wrongly — an actor
    coding fault), else ``"mention"`` (another mention, the author, or none was chosen — an
    attribution fault). A gold record without a speaker span (a continuation sentence) takes
    the span of the nearest earlier record of the article with the same speaker."""
    g = golds[gi]
    span = g.get(f"{who}_span")
    k = gi - 1
    while span is None and k >= 0:
        if golds[k].get(who) == g.get(who) and golds[k].get(f"{who}_span"):
            span = golds[k][f"{who}_span"]
        k -= 1
    if span is None:
        return "mention"
    if pred.who_spans and any(a < span[1] and b > span[0] for a, b in pred.who_spans):
        return "code"
    # no actor (or another actor's mentions) but the speaker as written is the gold mention
    # ("Stöger:" left unresolved): the mention is right, its actor/code is not
    written = " ".join((pred.who_text or "").split()).lower()
    gold_text = " ".join(raw[span[0]:span[1]].split()).lower()
    if written and gold_text and (written in gold_text or gold_text in written):
        return "code"
    return "mention"


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
    lines: Optional[Any] = None,
) -> Dict[str, Any]:
    """The scorer shared by statements and forecasts: predictions are matched to the gold
    records of ``layer`` by :func:`match` on ``gold_span(record)``.

    who: the gold field of the speaker/holder ("speaker", "holder"), compared with
        ``Pred.who`` by :func:`lagebild.events.realeval.actor_matches` (``<who>_acc``).
    second: ``(name, ok(gold_record, pred))`` for a second per-pair accuracy (``<name>_acc``).
    lines: only these annotated articles (their keys: line numbers for real-de), e.g. an
        annotation batch scored on its own before anything is tuned on it; None: all.
        Raises ValueError naming keys that are not ``layer``-annotated articles of the split
        (a typo must not silently shrink the evaluation; as ``events --lines``).
    Returns counts, precision, recall, F1, both accuracies and the hard-negative alarms of
    the sentences that look like a ``layer`` record; with ``details`` per-article misses,
    false alarms and wrong ``who`` (key ``wrong_<who>``).
    """
    looks_like = layer[:-1]  # "statements" -> "statement"
    second_name, second_ok = second
    keys, by_key, negs = ev.gold_by_article(gold, split, layer, looks_like)
    if lines is not None:
        wanted = set(lines)
        missing = sorted(wanted - set(keys), key=str)
        if missing:
            raise ValueError(f"not {layer}-annotated articles of {gold} {split}: {', '.join(map(str, missing))}")
        keys = [k for k in keys if k in wanted]
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
        for gi, pi in m.items():
            if not ev.actor_matches(golds[gi].get(who), preds[pi].who):
                c["wrong_" + error_kind(golds, gi, preds[pi], who, ev.raw_text(gold, key))] += 1
        c["negatives"] += len(negs.get(key, []))
        c["negative_alarms"] += sum(any(ev.sentence_of([n], p.start, p.end) for p in preds) for n in negs.get(key, []))
        if details:
            matched_p = set(m.values())
            rows.append({
                "article": key,
                "missed": [gspans[gi] for gi in range(len(golds)) if gi not in m],
                "false": [(p.start, p.end, p.who) for pi, p in enumerate(preds) if pi not in matched_p],
                f"wrong_{who}": [(gspans[gi], golds[gi].get(who), preds[pi].who, preds[pi].who_text,
                                  error_kind(golds, gi, preds[pi], who, ev.raw_text(gold, key)))
                                 for gi, pi in m.items()
                                 if not ev.actor_matches(golds[gi].get(who), preds[pi].who)],
            })
    p, r = ev.ratio(c["matched"], c["predicted"]), ev.ratio(c["matched"], c["gold"])
    out: Dict[str, Any] = {
        "articles": len(keys), "gold": c["gold"], "predicted": c["predicted"],
        "precision": p, "recall": r, "f1": ev.f1(p, r),
        f"{who}_acc": ev.ratio(c["who_ok"], c["matched"]),
        f"{second_name}_acc": ev.ratio(c["second_ok"], c["matched"]),
        # wrong speakers/holders split: another mention chosen vs the right mention, wrong code
        f"{who}_wrong_mention": c["wrong_mention"], f"{who}_wrong_code": c["wrong_code"],
        "hard_negatives": c["negatives"], "hard_negative_alarms": c["negative_alarms"],
    }
    if details:
        out["details"] = rows
    return out


def evaluate(gold: str, split: str, *, model: Optional[str] = None, details: bool = False,
             predict: Optional[Callable[[str, Any], List[Pred]]] = None,
             lines: Optional[Any] = None) -> Dict[str, Any]:
    """Precision, recall, speaker and kind accuracy of statements on one split (or only its
    annotated articles ``lines``, e.g. a freshly annotated batch); with ``details`` also
    ``details`` (misses, false alarms, wrong speakers, per article)."""
    return score_layer(
        gold, split, "statements",
        predict=predict or (lambda g, key: predicted(g, key, model)),
        gold_span=lambda g: tuple(g["content_span"]),
        who="speaker",
        second=("kind", lambda g, p: g.get("kind") == p.kind),
        details=details,
        lines=lines,
    )
