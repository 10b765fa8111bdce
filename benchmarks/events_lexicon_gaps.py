"""Are the German no-event misses a LEXICON gap or a CONSTRUCTION failure? (issue 9)

Usage::

    OMP_NUM_THREADS=1 python benchmarks/events_lexicon_gaps.py --gold real-de --split dev \\
        [--lines "..."] [--list] [--all-sources]

Takes the gold events that :mod:`benchmarks.events_breakdown` classes ``no-event`` (nothing
is coded in the sentence) and -- unless ``--all-sources`` -- whose gold source mention IS an
actor of the analysis with the right CAMEO code (the actor is there and still nothing is
coded). For each it parses the gold sentence with the shipped German pipeline and asks the
event coder's own lexicon, word by word (verbs with their separable particle, nouns with
their compound heads: :meth:`EventCoder.trigger_keys`), whether the sentence holds a trigger:

* ``known trigger, gold root``   -- some word of the sentence has a pattern (own or second
  tier) of one of the gold's accepted roots: the lexicon knows the event, the construction
  (argument slots, words, sense restriction, actor resolution) failed;
* ``trigger, other roots only``  -- the sentence has triggers, none for the gold root: a
  lexicon gap of the SENSE kind (the word is known with another meaning);
* ``no trigger``                 -- no word of the sentence is a trigger at all: a plain
  lexicon gap.

The word test is generous (any word of the sentence, not only the one a reader sees as the
trigger), so ``known trigger`` is an upper bound for construction failures and the two gap
classes a lower bound for lexicon gaps. ``--list`` (dev only, and study only dev-A: the
project's hold-out rule) prints each sentence with its verbs/nouns that are no trigger; without
it only aggregate counts are printed, so the script can be run on a held-out half.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_breakdown import no_event_misses, selected_articles  # noqa: E402

from lagebild.events import realeval as R  # noqa: E402

CLASSES = ("known trigger, gold root", "trigger, other roots only", "no trigger")


def sentence_triggers(nlp, coder, text: str):  # type: ignore[no-untyped-def]
    """``(roots by trigger key, content words that are no trigger)`` of one sentence."""
    doc = nlp(text)
    coder.begin_doc(doc)
    index = coder.lex.patterns
    roots: Dict[str, set] = {}
    unknown: List[str] = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ", "AUX"):
            continue
        keys = coder.trigger_keys(tok)
        found = False
        for key in keys:
            pats = index.get(key)
            if pats:
                found = True
                roots.setdefault(key, set()).update(p.code[:2] for p in pats if not p.null and not p.codeless)
        if not found and tok.pos_ in ("VERB", "NOUN"):
            unknown.append(keys[0] if keys else tok.lemma_.lower())
    return roots, unknown


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default="real-de", choices=("real-de",))
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--lines", default=None, help="only these annotated articles (comma/space-separated keys)")
    ap.add_argument("--list", action="store_true", help="list each sentence (dev only; study only dev-A)")
    ap.add_argument("--all-sources", action="store_true", help="every no-event miss, not only those with a coded source")
    args = ap.parse_args(argv)
    code, keys = selected_articles(args, "measure")
    if code is not None:
        return code
    import lagebild.pipeline as P

    nlp = P.load("de")
    coder = nlp.get_pipe("lagebild_events").coder
    by_key = R.records_by_article(args.gold, "events", args.split)
    counts: Counter = Counter()
    by_root: Dict[str, Counter] = defaultdict(Counter)
    missing_words: Counter = Counter()
    n_noevent = 0
    for text, coded, g in no_event_misses(args.gold, keys, by_key):
        n_noevent += 1
        span = g.get("source_span")
        if not args.all_sources:
            if not span:
                continue
            codes = [c for s, e, c in coded if s < span[1] and e > span[0]]
            if not any(R.actor_matches(g.get("source"), c) for c in codes):
                continue
        roots, unknown = sentence_triggers(nlp, coder, text)
        gold_roots = set(R.as_list(g.get("root")))
        if any(r & gold_roots for r in roots.values()):
            c = CLASSES[0]
        elif roots:
            c = CLASSES[1]
        else:
            c = CLASSES[2]
        counts[c] += 1
        by_root["/".join(sorted(gold_roots))][c] += 1
        if c != CLASSES[0]:
            missing_words.update(sorted(set(unknown)))
        if args.list:
            known = {k: sorted(v) for k, v in roots.items()}
            print(f"[{c}] {text!r}\n   gold {g.get('source')} -> {g.get('target')} {g.get('root')} "
                  f"[{','.join(g.get('constructions') or [])}]\n   triggers {known}\n   no trigger: {unknown}")
    n = sum(counts.values())
    print(f"{args.gold} {args.split}: {len(keys)} articles; no-event gold events {n_noevent}; "
          f"{'all of them' if args.all_sources else 'with the gold source coded right'}: {n}")
    for c in CLASSES:
        print(f"  {c:28} {counts[c]:4}  {counts[c] / max(n, 1):.3f}")
    print(f"  lexicon gap (two last)       {counts[CLASSES[1]] + counts[CLASSES[2]]:4}")
    print("  by gold root: " + "; ".join(
        f"{r}: " + "/".join(str(by_root[r][c]) for c in CLASSES) for r in sorted(by_root)))
    if args.list:
        print("  words of gap sentences that are no trigger: " + ", ".join(f"{w}:{k}" for w, k in missing_words.most_common(60)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
