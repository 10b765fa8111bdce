"""What stands between a construction kind and its events? No-event misses per kind (issue 9)

Usage::

    OMP_NUM_THREADS=1 python benchmarks/events_kind_gaps.py --gold real-de --split dev \\
        [--lines "..."] [--kinds nominal,headline,speech-act,light-verb] [--list]

Takes the gold events that :mod:`benchmarks.events_breakdown` classes ``no-event`` (nothing
is coded in the sentence) and carry one of ``--kinds`` (gold construction tags), and splits
each kind three ways, so that a mechanism can be chosen before it is built:

* trigger: ``noun`` -- a noun of the sentence has a pattern of a gold root (the coder's own
  lexicon, :meth:`EventCoder.trigger_keys`); else ``verb`` -- a verb (or a verb the parse
  tagged ADJ) has one; else ``none``;
* gold source: ``null-ok`` -- the gold accepts no source (an agentless event: only an
  event without an agent can match it); else whether the analysis has an actor on the gold
  source mention with the right CAMEO code (``right``), another code (``other``), or none
  (``none``);
* gold target, the same way.

Measured with it in session 23 on the held-out dev-B half: of 19 nominal no-event misses,
11 have a noun trigger of the gold root and 10 accept no source; of 15 speech-act misses,
9 have a verb trigger and 8 a rightly coded source (issue 9 closing note). Without
``--list`` only counts are printed, so it can run on a held-out half; ``--list`` (dev only;
study only dev-A, the project's hold-out rule) prints each sentence.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_breakdown import no_event_misses, selected_articles  # noqa: E402

from lagebild.events import realeval as R  # noqa: E402

KINDS = ("nominal", "headline", "speech-act", "light-verb")


def null_ok(value: Any) -> bool:
    """Whether a gold actor field accepts no actor (None, ``---``, or a list holding one)."""
    if isinstance(value, (list, tuple)):
        return any(null_ok(v) for v in value)
    return value is None or value == "---"


def mention_class(gold: Any, span: Optional[List[int]], coded: List[tuple]) -> str:
    """``null-ok`` | ``right`` | ``other`` | ``none`` for one gold actor (see the docstring);
    ``coded`` holds (raw start, raw end, CAMEO code) of every actor mention of the analysis."""
    if null_ok(gold):
        return "null-ok"
    if not span:
        return "none"
    codes = [c for s, e, c in coded if s < span[1] and e > span[0]]
    if any(R.actor_matches(gold, c) for c in codes):
        return "right"
    return "other" if codes else "none"


def trigger_class(nlp, coder, text: str, roots: set) -> str:  # type: ignore[no-untyped-def]
    """``noun`` | ``verb`` | ``none``: the first word class of the sentence that holds a
    pattern of one of ``roots`` (nouns first: a nominal event is the question)."""
    doc = nlp(text)
    coder.begin_doc(doc)
    noun = verb = False
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN", "VERB", "AUX", "ADJ"):
            continue
        for key in coder.trigger_keys(tok):
            if any(p.code[:2] in roots and not p.null for p in coder.lex.patterns.get(key) or []):
                if tok.pos_ in ("NOUN", "PROPN"):
                    noun = True
                else:
                    verb = True
    return "noun" if noun else ("verb" if verb else "none")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default="real-de", choices=("real-de",))
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--lines", default=None, help="only these annotated articles (comma/space-separated keys)")
    ap.add_argument("--kinds", default=",".join(KINDS), help="gold construction tags, comma-separated")
    ap.add_argument("--list", action="store_true", help="list each sentence (dev only; study only dev-A)")
    args = ap.parse_args(argv)
    code, keys = selected_articles(args, "measure")
    if code is not None:
        return code
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    import lagebild.pipeline as P

    nlp = P.load("de")
    coder = nlp.get_pipe("lagebild_events").coder
    by_key = R.records_by_article(args.gold, "events", args.split)
    counts: Dict[str, Counter] = {k: Counter() for k in kinds}
    for text, coded, g in no_event_misses(args.gold, keys, by_key):
        tags = [k for k in kinds if k in (g.get("constructions") or [])]
        if not tags:
            continue
        trig = trigger_class(nlp, coder, text, set(R.as_list(g.get("root"))))
        src = mention_class(g.get("source"), g.get("source_span"), coded)
        tgt = mention_class(g.get("target"), g.get("target_span"), coded)
        for k in tags:
            c = counts[k]
            c["all"] += 1
            c[f"trigger {trig}"] += 1
            c[f"source {src}"] += 1
            c[f"target {tgt}"] += 1
            c[f"trigger {trig} / source {src}"] += 1
        if args.list:
            print(f"[{','.join(tags)}] {text!r}\n   gold {g.get('source')} -> {g.get('target')} {g.get('root')} "
                  f"trigger {trig}, source {src}, target {tgt}")
    print(f"{args.gold} {args.split}: {len(keys)} articles; no-event gold misses per construction kind")
    for k in kinds:
        c = counts[k]
        print(f"  {k}: {c['all']}")
        for label in sorted(x for x in c if x != "all"):
            print(f"    {label:40} {c[label]:4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
