"""Print how much of the CAMEO codebook the event lexicon of a language covers.

    python scripts/lexicon_coverage.py [--lang de] [--missing]

One row per CAMEO root: its event codes (3-4 digits), the share with >= 1 verb pattern and
with >= 1 noun pattern and with >= 1 light-verb (verb + required words) pattern,
the number of patterns; ``--missing`` lists the uncovered codes.
"""
from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table

from lagebild.events.cameo import load_ontology
from lagebild.events.coverage import lexicon_coverage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="de")
    ap.add_argument("--missing", action="store_true", help="list the codes without a verb/noun pattern")
    args = ap.parse_args()
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
