"""Scores of lagebild's linguistic pipelines on the held-out sets (thin wrapper).

    OMP_NUM_THREADS=1 python benchmarks/eval_linguistic.py            # de + en, syntax + ner
    OMP_NUM_THREADS=1 python benchmarks/eval_linguistic.py de ner
"""
from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.table import Table

from lagebild.language.evaluate import evaluate


def main(argv: list[str]) -> None:
    langs = [a for a in argv if a in ("de", "en")] or ["de", "en"]
    tasks = [a for a in argv if a in ("syntax", "ner")] or ["syntax", "ner"]
    table = Table(title="lagebild linguistic layer (held-out sets)")
    for col in ("lang", "task", "UPOS", "morph", "UAS", "LAS", "sent F",
                "NER P", "NER R", "NER F1", "words/s", "words/CPU-s"):
        table.add_column(col)
    results = []
    for lang in langs:
        for task in tasks:
            r = evaluate(task, lang)
            results.append(r)
            f = lambda k: "-" if r.get(k) is None else f"{r[k]:.3f}"  # noqa: E731
            table.add_row(lang, task, f("upos"), f("morph"), f("uas"), f("las"),
                          f("sents_f"), f("precision"), f("recall"), f("f1"),
                          f"{r['words_per_second']:,}", f"{r['words_per_cpu_second']:,}")
    console = Console(width=140)
    console.print(table)
    for r in results:
        console.print(f"{r['lang']} {r['task']}: {r['dataset']}")
    if "--json" in argv:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
