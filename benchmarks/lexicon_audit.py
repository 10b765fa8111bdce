"""Which events does one pattern file code on UNSEEN German news? (precision audit by hand)

    OMP_NUM_THREADS=1 python benchmarks/lexicon_audit.py --file patterns_de_broad \\
        --patterns src/lagebild/data/events/extra/patterns_de_broad.tsv [--limit 0] [--out /tmp/audit.tsv]

Analyses the 10kGNAD test articles that are NOT in ``annotation_lines.tsv`` (never the gold
articles) in corpus order and writes every event whose pattern comes from ``--file`` (the
event's ``pattern`` origin, e.g. ``patterns_de_broad.tsv:32``; ``--patterns`` adds an opt-in
file to the events component first, as a user would with ``patterns_path``): line, pattern row, CAMEO code,
source and target codes, and the sentence. The output holds article text: it is a scratch
file for the human judge and must never be committed (the corpus licence). It prints the
number of articles read and events found per pattern row, so a reviewer can judge each row's
precision and cut a row (or a kind of rows) that codes non-events.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", default="patterns_de_broad", help="pattern file name (stem) whose events to list")
    ap.add_argument("--limit", type=int, default=0, help="articles to read (0: all unseen ones)")
    ap.add_argument("--patterns", default=None, help="a pattern file to add to the German events component (patterns_path)")
    ap.add_argument("--out", default="-", help="scratch TSV with the sentences (default: stdout)")
    args = ap.parse_args(argv)
    import lagebild
    from lagebild import realgold

    if not realgold.available():
        print("news-de corpus not found under ../shared/data: nothing to audit")
        return 0
    if args.patterns:
        from lagebild.pipeline import load

        # lagebild.analyze uses the cached pipeline: add the file to its events component
        load("de").replace_pipe("lagebild_events", "lagebild_events", config={"patterns_path": args.patterns})
    ann = {ln for ln, _, _ in realgold.annotation_lines()}
    arts = realgold._articles()
    pool = [i for i in range(len(arts)) if i not in ann and arts[i].strip()]
    if args.limit:
        pool = pool[: args.limit]
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    per_row: Counter = Counter()
    n = 0
    try:
        for ln in pool:
            raw = arts[ln]
            doc = lagebild.analyze(raw, language="de")
            to_raw = realgold.offset_mapper(raw, doc.text)
            codes = {a.id: a.code or a.country for a in doc.actors}
            for e in doc.events:
                if not e.pattern or f"{args.file}.tsv" not in e.pattern:
                    continue
                n += 1
                per_row[e.pattern] += 1
                s, t = to_raw(e.span[0]), to_raw(e.span[1])
                text = " ".join(raw[s:t].split())
                out.write(f"{ln}\t{e.pattern}\t{e.cameo}\t{codes.get(e.source)}\t{codes.get(e.target)}\t{text}\n")
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{len(pool)} unseen articles, {n} events from {args.file}.tsv", file=sys.stderr)
    for row, k in per_row.most_common():
        print(f"  {row:32} {k}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
