"""How often the document's home country is right on the real-news dev gold (issue 11).

For each dev article of ``benchmarks/gold/real-de`` whose events or statements name national
actors (agents GOV, COP, JUD, LEG, PTY, OPP, MIL), the truth is the country of most of those
gold codes. Compared: the dateline's country (``lagebild.actors.home.dateline_country``), the
dominant country (``language.reference.document_country`` without a dateline), the dateline
else the dominant, and the outlet's country (AUT for derStandard) alone. Counts only; no
article text is printed. Usage: ``python benchmarks/home_country.py [--split dev]``.
"""
from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold" / "real-de"
NATIONAL = {"GOV", "COP", "JUD", "LEG", "PTY", "OPP", "MIL"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev",), help="dev only: test is never studied")
    args = ap.parse_args()
    from lagebild import realgold
    from lagebild.actors.home import dateline_country
    from lagebild.actors.linker import clear_provisional
    from lagebild.language.reference import document_country
    from lagebild.pipeline import load

    truth = collections.defaultdict(collections.Counter)
    for layer in ("events", "statements"):
        for line in (GOLD / f"{layer}.jsonl").open(encoding="utf-8"):
            r = json.loads(line)
            if r["split"] != args.split:
                continue
            for field in ("source", "speaker", "target"):
                v = r.get(field)
                for c in (v if isinstance(v, list) else [v]):
                    if isinstance(c, str) and len(c) >= 6 and c[:3].isalpha() and c[3:6] in NATIONAL and c[:3] != "IGO":
                        truth[r["line"]][c[:3]] += 1
    nlp = load("de")
    linker = next(p for n, p in nlp.pipeline if n == "lagebild_actors").linker
    rows = collections.Counter()
    for line, counts in sorted(truth.items()):
        clear_provisional()
        doc = nlp(realgold.article(line))
        gold = counts.most_common(1)[0][0]
        dateline = dateline_country(doc.text, linker._kb_named)
        doc.user_data.pop("lagebild_document_country", None)
        doc.user_data.pop("lagebild_home_country", None)
        dominant = document_country(doc)
        rows["articles"] += 1
        rows["dateline found"] += dateline is not None
        rows["dateline right (of found)"] += dateline == gold
        rows["dominant right"] += dominant == gold
        rows["dateline, else dominant right"] += (dateline or dominant) == gold
        rows["outlet (AUT) alone right"] += gold == "AUT"
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"home country on real-de {args.split} (truth: majority national gold code)")
    table.add_column("measure")
    table.add_column("articles", justify="right")
    for k, v in rows.items():
        table.add_row(k, str(v))
    Console().print(table)


if __name__ == "__main__":
    main()
