"""Why do events miss on the real-news gold? A cause breakdown of ``lagebild eval events --gold``.

Usage::

    OMP_NUM_THREADS=1 python benchmarks/events_breakdown.py --gold real-en --split dev [--list]

Every gold event is put in the FIRST class that applies, in this order (one-to-one greedy
matching as in :mod:`lagebild.events.realeval`):

* ``hit``            -- a predicted event in the sentence matches source, target and root;
* ``target``         -- source and root match, the target does not (``target-none``: the
  prediction has no target; ``target-wrong``: another actor);
* ``source``         -- the root matches, the source does not (``source-none``: no source,
  ``source-unknown``: an actor without a code (``---``), ``source-wrong``: another code);
* ``root``           -- the sentence has predictions, none with an accepted root;
* ``no-event``       -- nothing is coded in the sentence (detection).

For the missed ones (``no-event``, ``root``) it also says whether the gold source/target
mention is an actor of the analysis with the right CAMEO code, another code, or none -- how
much of the miss is actor coding rather than event detection.

Predicted events are split into: matched (triple), in a gold sentence but unmatched, and
outside every gold sentence (spurious), the last two by whether they have a known source and
a target -- the shape of the false positives.

Every false triple (a predicted event that matches no gold event one to one on source, target
and root) is also put in the FIRST class that applies (:func:`classify_false`), the mirror of
the miss classes (issue 9, session 26):

* ``no-gold-event``  -- (a) the sentence has no gold event (or the event lies outside every
  gold sentence);
* ``root``           -- (b) no gold event of the sentence accepts its root;
* ``source``         -- (c) a gold event accepts the root, none the root and the source;
* ``target``         -- (d) a gold event accepts root and source, none the target as well;
* ``surplus``        -- a gold event accepts all three, but was already matched by another
  prediction (a duplicate).

``--list`` prints, for the dev split only, the sentences of each class (study material; never
use it on ``test``). Needs the corpus in ``../shared`` (skips with a message otherwise).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from typing import Any, Dict, Iterator, List, Optional, Tuple

from lagebild.events import realeval as R


def classify(golds: List[Dict[str, Any]], preds: List[R.PredEvent]) -> List[str]:
    """One cause class per gold event of one sentence (see the module docstring)."""
    def root_ok(g, p):
        return R.root_of(p.code) in R.as_list(g.get("root"))

    def src_ok(g, p):
        return R.actor_matches(g.get("source"), p.source)

    def tgt_ok(g, p):
        return R.actor_matches(g.get("target"), p.target)

    used: set = set()
    out: List[str] = [""] * len(golds)
    tests = [
        ("hit", lambda g, p: root_ok(g, p) and src_ok(g, p) and tgt_ok(g, p)),
        ("target", lambda g, p: root_ok(g, p) and src_ok(g, p)),
        ("source", root_ok),
    ]
    for name, ok in tests:
        for gi, g in enumerate(golds):
            if out[gi]:
                continue
            for pi, p in enumerate(preds):
                if pi not in used and ok(g, p):
                    used.add(pi)
                    if name == "target":
                        name2 = "target-none" if p.target is None else "target-wrong"
                    elif name == "source":
                        name2 = ("source-none" if p.source is None else
                                 "source-unknown" if p.source.startswith("---") and len(p.source) == 3
                                 else "source-wrong")
                    else:
                        name2 = name
                    out[gi] = name2
                    break
    for gi in range(len(golds)):
        if not out[gi]:
            out[gi] = "root" if preds else "no-event"
    return out


#: the classes of a false triple, in the order :func:`classify_false` tries them
FALSE_ORDER = ("no-gold-event", "root", "source", "target", "surplus")


def classify_false(golds: List[Dict[str, Any]], preds: List[R.PredEvent]) -> List[str]:
    """One class per predicted event of one gold sentence (``golds``: the sentence's gold
    events, [] for the events outside every gold sentence): ``"hit"`` when it is matched one
    to one on (source, target, root) as the scorer matches (greedy in gold order), else the
    first of :data:`FALSE_ORDER` that applies (see the module docstring)."""
    def root_ok(g, p):
        return R.root_of(p.code) in R.as_list(g.get("root"))

    def src_ok(g, p):
        return root_ok(g, p) and R.actor_matches(g.get("source"), p.source)

    def all_ok(g, p):
        return src_ok(g, p) and R.actor_matches(g.get("target"), p.target)

    hit: set = set()
    for g in golds:
        for pi, p in enumerate(preds):
            if pi not in hit and all_ok(g, p):
                hit.add(pi)
                break
    out = []
    for pi, p in enumerate(preds):
        if pi in hit:
            out.append("hit")
        elif not golds:
            out.append("no-gold-event")
        else:
            fits = [ok for ok in (root_ok, src_ok, all_ok) if any(ok(g, p) for g in golds)]
            out.append(FALSE_ORDER[1 + len(fits)])
    return out


def pred_shape(p: R.PredEvent) -> str:
    src = "src?" if (p.source is None or p.source == "---") else "src"
    tgt = "tgt" if p.target is not None else "no-tgt"
    return f"{src}+{tgt}"


def no_event_misses(gold: str, keys: List[Any], by_key: Dict[Any, List[Dict[str, Any]]]
                    ) -> Iterator[Tuple[str, List[Tuple[int, int, Optional[str]]], Dict[str, Any]]]:
    """The gold events of ``keys`` that get no event at all (:func:`classify` "no-event",
    predictions placed by trigger), in article and text order: ``(sentence text, the
    article's coded actor mentions (R.coded_mentions), gold record)``."""
    for key in keys:
        golds = by_key.get(key, [])
        if not golds:
            continue
        preds = R.predicted_events(gold, key)
        raw = R.raw_text(gold, key)
        doc, to_raw = R.analyse(gold, key)
        coded = R.coded_mentions(doc, to_raw)
        sents, sent_of, pby = R.by_gold_sentence(golds, preds, "trigger")
        for sent in sents:
            gs = sent_of[sent]
            for g, cls in zip(gs, classify(gs, pby.get(sent, []))):
                if cls == "no-event":
                    yield raw[sent[0]:sent[1]], coded, g


def selected_articles(args: Any, what: str) -> Tuple[Optional[int], List[Any]]:
    """The articles a breakdown script reads (``args``: its ``--gold``, ``--split``,
    ``--lines``, ``--list``): ``(None, keys)``, or ``(exit code, [])`` after printing why
    not -- 0 when the corpus is absent (nothing to ``what``), 2 for ``--list`` on the test
    half (never studied) or a ``--lines`` key that is not an annotated article."""
    if not R.available(args.gold):
        print(f"corpus for {args.gold} not found under ../shared/data: nothing to {what}")
        return 0, []
    if args.list and args.split == "test":
        print("--list is for dev only (do not study the test half)")
        return 2, []
    try:
        return None, R.select_articles(args.gold, args.split, R.parse_keys(args.lines))
    except ValueError as exc:
        print(exc)
        return 2, []


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default="real-en", choices=R.GOLDS)
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--list", action="store_true", help="list sentences per class (dev only)")
    ap.add_argument("--placement", default="trigger", choices=R.PLACEMENTS,
                    help="place a predicted event in a gold sentence by its trigger word or its sentence's midpoint")
    ap.add_argument("--lines", default=None, help="only these annotated articles (comma/space-separated keys)")
    args = ap.parse_args(argv)
    code, keys = selected_articles(args, "break down")
    if code is not None:
        return code
    by_key = R.records_by_article(args.gold, "events", args.split)
    classes: Counter = Counter()
    by_con: Dict[str, Counter] = defaultdict(Counter)
    pred_kind: Counter = Counter()
    spurious_roots: Counter = Counter()
    listing: Dict[str, List[str]] = defaultdict(list)
    actor_found: Dict[str, Counter] = {"source": Counter(), "target": Counter()}
    false_cls: Counter = Counter()
    n_pred = 0
    for key in keys:
        preds = R.predicted_events(args.gold, key)
        n_pred += len(preds)
        golds = by_key.get(key, [])
        sents, sent_of, pby = R.by_gold_sentence(golds, preds, args.placement)
        raw = R.raw_text(args.gold, key) if args.list else ""
        doc, to_raw = R.analyse(args.gold, key)
        coded_spans = R.coded_mentions(doc, to_raw)
        for sent in sents:
            gs, ps = sent_of[sent], pby.get(sent, [])
            cls = classify(gs, ps)
            hits = sum(c == "hit" for c in cls)
            for g, c in zip(gs, cls):
                classes[c] += 1
                found = ""
                if c in ("no-event", "root"):
                    for role in ("source", "target"):
                        span = g.get(f"{role}_span")
                        if not span:
                            continue
                        codes = [code for s, e, code in coded_spans if s < span[1] and e > span[0]]
                        ok = any(R.actor_matches(g.get(role), code) for code in codes)
                        actor_found[role]["right code" if ok else "other code" if any(codes) else "no actor"] += 1
                        if role == "source" and ok:
                            found = " (source actor found)"
                for tag in g.get("constructions") or ["(none)"]:
                    by_con[tag][c] += 1
                if args.list:
                    listing[c].append(
                        f"{raw[sent[0]:sent[1]]!r}\n     gold {g.get('source')} -> {g.get('target')} "
                        f"{g.get('root')} [{','.join(g.get('constructions') or [])}]{found}\n     pred "
                        + "; ".join(f"{p.source}->{p.target} {p.code}" for p in ps))
            for p, fc in zip(ps, classify_false(gs, ps)):
                false_cls[fc] += 1
                if args.list and fc != "hit":
                    listing[f"false {fc}"].append(
                        f"{raw[sent[0]:sent[1]]!r}\n     pred {p.source}->{p.target} {p.code} {p.modality}\n     gold "
                        + "; ".join(f"{g.get('source')}->{g.get('target')} {g.get('root')}" for g in gs))
            pred_kind["in gold sentence, matched (triple)"] += hits
            for p in ps[hits:] if hits <= len(ps) else []:
                pred_kind[f"in gold sentence, unmatched, {pred_shape(p)}"] += 1
        for p in pby.get(None, []):
            false_cls["no-gold-event"] += 1
            pred_kind[f"outside gold sentences, {pred_shape(p)}"] += 1
            spurious_roots[p.code[:2]] += 1
            if args.list:
                listing["spurious"].append(f"{raw[p.start:p.end]!r}\n     pred {p.source}->{p.target} {p.code} {p.modality}")
    n_gold = sum(classes.values())
    print(f"{args.gold} {args.split}: {len(keys)} articles, {n_gold} gold events, {n_pred} predicted")
    print("\nGold events by cause (first that applies)")
    order = ["hit", "target-none", "target-wrong", "source-none", "source-unknown", "source-wrong", "root", "no-event"]
    for c in order:
        print(f"  {c:16} {classes[c]:4}  {classes[c] / max(n_gold, 1):.3f}")
    print("\nMissed gold events (no-event, root): is the gold actor's mention an actor of the analysis?")
    for role in ("source", "target"):
        c = actor_found[role]
        print(f"  {role:7} mention with the right code {c['right code']:3}, another code {c['other code']:3}, "
              f"no coded actor {c['no actor']:3}")
    print("\nPredicted events")
    for k, v in sorted(pred_kind.items(), key=lambda kv: -kv[1]):
        print(f"  {k:48} {v:4}")
    print("  spurious by root: " + ", ".join(f"{r}:{n}" for r, n in spurious_roots.most_common()))
    print("\nFalse triples by class (first that applies)")
    for c in FALSE_ORDER:
        print(f"  {c:16} {false_cls[c]:4}  {false_cls[c] / max(n_pred, 1):.3f} of predicted")
    print("\nCause by construction tag (gold events)")
    print(f"  {'tag':20}" + "".join(f"{c[:8]:>9}" for c in order))
    for tag in sorted(by_con, key=lambda t: -sum(by_con[t].values())):
        print(f"  {tag:20}" + "".join(f"{by_con[tag][c]:9}" for c in order))
    if args.list:
        for c in order[1:] + ["spurious"] + [f"false {c}" for c in FALSE_ORDER[1:]]:
            print(f"\n=== {c} ({len(listing[c])})")
            for line in listing[c]:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
