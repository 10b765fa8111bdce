"""Which kinds of actor coding fail on the real-news gold? Counts of the wrong-code speakers
and holders of ``lagebild eval statements|forecasts --gold real-de`` and of the gold event
sources that no coded actor covers, by kind.

Usage::

    OMP_NUM_THREADS=1 python benchmarks/actor_errors.py --split dev [--lines 87,97,…] [--list]

A speaker (holder) with the RIGHT mention but the WRONG code (``error_kind == "code"`` in
:mod:`lagebild.statements.realeval`) is put in one bucket by what was predicted:

* ``no actor``         -- the statement (forecast) has no speaker (holder) actor (a description the lexicons
  do not know: "der Entschärfungsdienst", "laut Entwurf");
* ``person, no code``    -- a person actor without a code (a name given no role the linker
  reads, a person the KB and Phoenix do not know);
* ``organisation/group, no code`` -- another actor without a code;
* ``same country, other agent`` / ``other country, same agent`` / ``other`` -- a coded
  actor with the wrong code.

Uncoded persons are split further by the gold agent and whether the gold country is known
(``---`` = the annotator gave none). Gold event sources of missed events (no event or a
wrong root in the sentence) that no actor mention covers are split by the mention's shape:
pronoun (in or outside an interview turn), a determiner description (whose head noun the
KB's role nouns do or do not know), a capitalised name, other.

Counts only, so it may run on any dev list (the held-out dev-B half included). ``--list``
prints each case (dev only -- never study ``test``). Needs the corpus in ``../shared``.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import Any, Dict, List, Optional

PRONOUNS = frozenset(("er", "sie", "es", "wir", "ich", "ihr", "man", "dieser", "diese", "jener"))
DETERMINERS = frozenset(("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "eines"))


def _keys(layer: str, split: str, lines: Optional[List[int]]) -> List[int]:
    """The articles of ``split`` annotated for ``layer``, restricted to ``lines`` (lines not
    annotated for this layer are skipped: a dev list mixes layers)."""
    from lagebild.events import realeval as ev

    keys = ev.annotated_articles("real-de", split, layer)
    return keys if lines is None else [k for k in keys if k in set(lines)]


def _golds(value: Any) -> List[str]:
    return [g for g in (value if isinstance(value, list) else [value]) if g]


def speaker_bucket(pred: Optional[str], golds: List[str], actor: Any) -> str:
    """The bucket of one wrong-code speaker/holder (see the module docstring)."""
    if pred not in (None, "---"):
        if any(g[:3] == pred[:3] for g in golds):
            return "same country, other agent"
        if any(g[3:6] == pred[3:6] for g in golds):
            return "other country, same agent"
        return "other"
    if actor is None:
        return "no actor (speaker/holder unknown)"
    return "person, no code" if getattr(actor, "type", None) == "PER" else "organisation/group, no code"


def mention_shape(text: str, in_turn: bool, role_forms: frozenset) -> str:
    """The shape of a gold source mention no actor covers."""
    words = text.split()
    if text.lower() in PRONOUNS:
        return f"pronoun{' in interview turn' if in_turn else ''}"
    if words and words[0].lower() in DETERMINERS:
        nouns = [w.strip(".,;:") for w in words[1:] if w[:1].isupper()]
        known = bool(nouns) and nouns[0].lower() in role_forms
        return f"description, head {'a' if known else 'no'} KB role noun"
    if words and all(w[:1].isupper() for w in words) and len(words) <= 3:
        return "capitalised name"
    return "other"


def layer_counts(layer: str, split: str, lines: Optional[List[int]], show: bool) -> Counter:
    """Wrong-code buckets of the statements (``layer="statements"``) or forecasts layer."""
    from lagebild.events import realeval as ev

    if layer == "statements":
        from lagebild.statements import realeval as mod
        who = "speaker"
    else:
        from lagebild.forecasts import realeval as mod  # type: ignore[no-redef]
        who = "holder"
    keys = _keys(layer, split, lines)
    out: Counter = Counter()
    for key in keys:
        result = mod.evaluate("real-de", split, details=True, lines=[key])
        doc, _ = ev.analyse("real-de", key)
        actors: Dict[str, Any] = {a.id: a for a in doc.actors}
        records = doc.statements if layer == "statements" else doc.forecasts
        for row in result.get("details", []):
            for span, gold, pred, text, kind in row.get(f"wrong_{who}", []):
                out[f"wrong {kind}"] += 1
                if kind != "code":
                    continue
                ids = [getattr(r, who) for r in records if getattr(r, f"{who}_text", None) == text]
                actor = actors.get(ids[0]) if ids else None
                bucket = speaker_bucket(pred, _golds(gold), actor)
                out[bucket] += 1
                if bucket == "person, no code":
                    golds = _golds(gold)
                    out["  uncoded person, gold agent " + "/".join(sorted({g[3:6] or "GOV" for g in golds}))] += 1
                    known = any(g[:3] != "---" for g in golds)
                    out[f"  uncoded person, gold country {'known' if known else '---'}"] += 1
                if show:
                    print(f"{layer} {key} {bucket}: {text!r} gold {gold} pred {pred}")
    return out


def source_counts(split: str, lines: Optional[List[int]], show: bool) -> Counter:
    """Shapes of the gold sources of missed events that no actor mention covers."""
    from lagebild.actors.kb import load_kb
    from lagebild.events import realeval as ev
    from lagebild.language.turns import find_turns

    kb = load_kb(include_user=False)
    forms = frozenset(f.lower() for n in kb.role_nouns if n.lang == "de" for f, _ in n.forms)
    out: Counter = Counter()
    by_key: Dict[Any, List[Dict[str, Any]]] = {}
    for rec in ev.load("real-de", "events", split):
        by_key.setdefault(ev.key_of("real-de", rec), []).append(rec)
    for key in _keys("events", split, lines):
        raw = ev.raw_text("real-de", key)
        doc, to_raw = ev.analyse("real-de", key)
        spans = [(to_raw(s), to_raw(e)) for a in doc.actors for s, e in a.mentions]
        preds = ev.predicted_events("real-de", key)
        turns = find_turns(raw, "de")
        golds = by_key.get(key, [])
        sents = sorted({(g["start"], g["end"]) for g in golds})
        placed: Dict[Any, List[Any]] = {}
        for p in preds:
            placed.setdefault(ev.place(sents, p, "trigger"), []).append(p)
        for g in golds:
            ps = placed.get((g["start"], g["end"]), [])
            roots = set(ev.as_list(g.get("root")))
            if any(ev.root_of(p.code) in roots for p in ps):
                continue  # the event (or its root) was found: not a detection miss
            span = g.get("source_span")
            if not span or any(s < span[1] and e > span[0] for s, e in spans):
                continue
            text = raw[span[0]:span[1]]
            in_turn = any(t.start <= span[0] < t.end for t in turns)
            shape = mention_shape(text, in_turn, forms)
            out[shape] += 1
            if show:
                print(f"source {key} {shape}: {text!r} gold {g.get('source')}")
    return out


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--lines", default=None, help="only these annotated articles (comma/space-separated lines)")
    ap.add_argument("--list", action="store_true", help="print each case (dev only)")
    args = ap.parse_args(argv)
    from lagebild import realgold
    from lagebild.events import realeval as ev

    if not realgold.available():
        print("skipped: the news-de corpus is not in ../shared/data")
        return 0
    if args.list and args.split == "test":
        print("--list is for dev only (do not study the test half)")
        return 2
    lines = [int(k) for k in ev.parse_keys(args.lines) or []] or None
    for title, counts in (
        ("statements: wrong speakers", layer_counts("statements", args.split, lines, args.list)),
        ("forecasts: wrong holders", layer_counts("forecasts", args.split, lines, args.list)),
        ("events: uncovered gold sources of missed events", source_counts(args.split, lines, args.list)),
    ):
        print(f"\n{title}")
        for k, v in sorted(counts.items(), key=lambda kv: (kv[0].startswith("  "), -kv[1], kv[0])):
            print(f"  {k:52} {v:4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
