"""Print how much of the CAMEO codebook the event lexicon of a language covers.

    python scripts/lexicon_coverage.py [--lang de] [--missing] [--codes [--below N]] [--compare en]

One row per CAMEO root: its event codes (3-4 digits), the share with >= 1 verb pattern and
with >= 1 noun pattern and with >= 1 light-verb (verb + required words) pattern,
the number of patterns; ``--missing`` lists the uncovered codes. ``--codes`` prints one row
per CAMEO code instead (issue 9, session 31): how many verb, particle-verb, noun and light-verb
patterns of ``--lang`` code it (:func:`lagebild.events.coverage.code_counts`), and the own and
converted (PETRARCH) pattern counts of ``--compare`` for comparison; ``--below N`` only the codes
with fewer than N own patterns; the totals close the table.
"""
from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table

from lagebild.events.cameo import load_ontology
from lagebild.events.coverage import code_counts, lexicon_coverage


def print_codes(lang: str, compare: str, below: int) -> None:
    """The per-code table of ``--codes``."""
    onto = load_ontology()
    mine, other = code_counts(lang), code_counts(compare)
    table = Table(title=f"CAMEO codes in the {lang} event lexicon ({compare} for comparison)")
    for col in ("code", "name", "verb", "particle", "noun", "light", f"{lang} all", f"{compare} own", f"{compare} conv."):
        table.add_column(col, justify="left" if col in ("code", "name") else "right")
    tot = [0] * 7
    for code, cc in mine.items():
        oc = other[code]
        row = [cc.verb, cc.particle, cc.noun, cc.light, cc.own, oc.own, oc.converted]
        tot = [a + b for a, b in zip(tot, row)]
        if cc.own < below:
            table.add_row(code, (onto.lookup(code).name or "")[:40], *map(str, row))
    table.add_row("all", f"{len(mine)} codes, {sum(1 for c in mine.values() if c.own == 0)} without {lang} pattern",
                  *map(str, tot))
    Console().print(table)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="de")
    ap.add_argument("--missing", action="store_true", help="list the codes without a verb/noun pattern")
    ap.add_argument("--codes", action="store_true", help="one row per CAMEO code: counts by trigger kind")
    ap.add_argument("--compare", default="en", help="the language shown for comparison with --codes")
    ap.add_argument("--below", type=int, default=10**9, help="with --codes: only codes with fewer own patterns")
    args = ap.parse_args()
    if args.codes:
        print_codes(args.lang, args.compare, args.below)
        return
    cov = lexicon_coverage(args.lang)
    onto = load_ontology()
    table = Table(title=f"CAMEO coverage of the {args.lang} event lexicon")
    for col in ("root", "name", "codes", "verb", "noun", "light verb", "patterns"):
        table.add_column(col, justify="left" if col in ("root", "name") else "right")
    n = v = k = lv = pats = 0
    for root, rc in cov.items():
        table.add_row(root, onto.lookup(root).name or "", str(len(rc.codes)),
                      f"{len(rc.verb) / len(rc.codes):.2f}", f"{len(rc.noun) / len(rc.codes):.2f}",
                      f"{len(rc.light) / len(rc.codes):.2f}", str(rc.patterns))
        n, v, k, lv, pats = n + len(rc.codes), v + len(rc.verb), k + len(rc.noun), lv + len(rc.light), pats + rc.patterns
    table.add_row("all", "", str(n), f"{v / n:.3f}", f"{k / n:.3f}", f"{lv / n:.3f}", str(pats))
    Console().print(table)
    if args.missing:
        for root, rc in cov.items():
            if rc.missing_verb or rc.missing_noun:
                print(f"{root}: no verb {rc.missing_verb}  no noun {rc.missing_noun}")


if __name__ == "__main__":
    main()
