"""How many person mentions on unseen German news get a CAMEO code, and from what.

    PYTHONPATH=src python benchmarks/kb_person_coverage.py [--n 200] [--seed 2015] [--date 2015-12-01] [--type PER]

Analyses ``--n`` articles of the 10kGNAD test split that are NOT in ``annotation_lines.tsv``
(shuffled with ``--seed``; the same articles on every run and every code version), at the
article date ``--date`` (the corpus is undated; 2015-12-01 is the date the real-news
evaluation reads the KB at, :data:`lagebild.realgold.NEWS_DE_PUBLISHED`), and prints one
table: person actors (type PER, one per article and id), their mentions, and the statement
speakers that are persons, each split by where the code came from -- the hand-made KB
(``per:``), a provisional person coded by the text's role or the Phoenix dictionary
(``prov:`` with a code), or no code at all. Run it on two code versions (two ``PYTHONPATH``
trees) to compare a KB change before and after. It prints counts only, never article text.

``--type ORG`` or ``--type LOC`` counts organisations or places the same way (an actor the
hand-made KB knows, ``org:``/``loc:``/a country, against a provisional one the model found,
with or without a code): how many bodies and places the KB lacks.
"""
from __future__ import annotations

import argparse
import random
from collections import Counter
from typing import Dict, List


def articles(n: int, seed: int) -> List[int]:
    """The ``n`` unseen corpus lines the audit reads: lines not in annotation_lines.tsv with
    text, shuffled by ``seed``."""
    from lagebild import realgold

    ann = {ln for ln, _, _ in realgold.annotation_lines()}
    arts = realgold._articles()
    pool = [i for i in range(len(arts)) if i not in ann and arts[i].strip()]
    random.Random(seed).shuffle(pool)
    return pool[:n]


def _kind(actor) -> str:
    if not actor.code:
        return "no code"
    return "KB person" if not actor.id.startswith("prov:") else "provisional, coded"


def audit(lines: List[int], published: str, kind: str = "PER") -> Dict[str, Counter]:
    """Counts per table row (``persons``, ``mentions``, ``speakers``) and source kind, for
    the actors of type ``kind`` (PER, ORG or LOC; the rows keep their names: "persons" are
    the actors of that type). The "KB person" column counts every actor that is not
    provisional (``per:``, ``org:``, ``loc:``, a country composite)."""
    import lagebild
    from lagebild import realgold

    out: Dict[str, Counter] = {"persons": Counter(), "mentions": Counter(), "speakers": Counter()}
    for ln in lines:
        doc = lagebild.analyze(realgold.article(ln), language="de", published=published)
        persons = {a.id: a for a in doc.actors if a.type == kind}
        for actor in persons.values():
            out["persons"][_kind(actor)] += 1
            out["mentions"][_kind(actor)] += len(actor.mentions)
        for st in doc.statements:
            actor = persons.get(st.speaker or "")
            if actor is not None:
                out["speakers"][_kind(actor)] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=2015)
    ap.add_argument("--date", default="2015-12-01")
    ap.add_argument("--type", default="PER", choices=("PER", "ORG", "LOC"), help="actor type counted")
    args = ap.parse_args()
    counts = audit(articles(args.n, args.seed), args.date, args.type)
    kinds = ["KB person", "provisional, coded", "no code"]
    print(f"{args.n} unseen news-de articles (seed {args.seed}), article date {args.date}, type {args.type}")
    print(f"{'':10} " + " ".join(f"{k:>20}" for k in kinds) + f" {'total':>7} {'coded':>7}")
    for row, c in counts.items():
        total = sum(c.values())
        coded = total - c["no code"]
        share = f"{coded / total:.3f}" if total else "-"
        print(f"{row:10} " + " ".join(f"{c[k]:>20}" for k in kinds) + f" {total:>7} {share:>7}")


if __name__ == "__main__":
    main()
