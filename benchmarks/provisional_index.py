"""Cost of the parallel ingest parent's provisional-actor tests as the registry grows:
the plain functions (every registered actor tested per chunk and per document) against
:class:`lagebild.actors.provisional.ProvisionalIndex` (only actors whose key is in the
text), same answers.

    python benchmarks/provisional_index.py [--docs 200] [--sizes 250,1000,4000,16000]

Names are pairs of adjacent capitalised words from ../shared/data/news-de (what the NER
turns into provisional actors), registered as provisional actors; each of ``--docs``
articles is asked as the parent asks it: ``relevant`` once per chunk of 8 documents and
``influencing`` once per document (token texts from spaCy's German tokenizer). Printed:
CPU microseconds per document for both ways, and whether every answer was equal.
"""
from __future__ import annotations

import argparse
import re
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--sizes", default="250,1000,4000,16000")
    args = ap.parse_args()
    import spacy

    from lagebild.actors.provisional import (
        ProvisionalIndex, clear_provisional, influencing, provisional_actors, provisional_id,
        register_provisional, relevant_provisional,
    )
    from lagebild.realgold import news_texts
    from lagebild.schemas import Actor

    try:
        texts = news_texts(1028)
    except FileNotFoundError:
        print("no corpus: ../shared/data/news-de is absent", file=sys.stderr)
        return 2
    names = list(dict.fromkeys(m.group(0) for t in texts for m in re.finditer(r"\b[A-ZÄÖÜ][a-zäöüß]+ [A-ZÄÖÜ][a-zäöüß]+\b", t)))
    tok = spacy.blank("de").tokenizer
    cache: dict = {}

    def name_tokens(name: str):
        if name not in cache:
            cache[name] = tuple(t.text for t in tok(name))
        return cache[name]

    docs = texts[:args.docs]
    seqs = [[tuple(t.text for t in tok(d))] for d in docs]
    print(f"| registered actors | plain µs/doc | indexed µs/doc | same answers |\n|---|---|---|---|")
    for size in [int(s) for s in args.sizes.split(",")]:
        clear_provisional()
        index = ProvisionalIndex()
        for d in texts[-200:]:  # the parent has asked about earlier documents when actors are learnt
            index.relevant(d)
        register_provisional([Actor(id=provisional_id(n), name=n, type="PER", provisional=True) for n in names[:size]])
        n_actors = len(provisional_actors())
        index.relevant("")
        index.influencing(set(), "", name_tokens, [()])  # builds the index (then incrementally)
        index.influencing(set(), "", name_tokens, [()])
        out = {}
        for way in ("plain", "indexed"):
            answers = []
            c = time.process_time()
            for i, (d, seq) in enumerate(zip(docs, seqs)):
                if i % 8 == 0:
                    chunk = "\n".join(docs[i:i + 8])
                    answers.append(relevant_provisional(provisional_actors(), chunk) if way == "plain" else index.relevant(chunk))
                lookups = {provisional_id(n) for n in names[i:i + 3]}
                answers.append(influencing(provisional_actors(), lookups, set(), d, name_tokens, seq) if way == "plain"
                               else index.influencing(lookups, d, name_tokens, seq))
            out[way] = (1e6 * (time.process_time() - c) / len(docs), answers)
        print(f"| {n_actors:,} | {out['plain'][0]:,.0f} | {out['indexed'][0]:,.0f} | {out['plain'][1] == out['indexed'][1]} |")
    clear_provisional()
    return 0


if __name__ == "__main__":
    sys.exit(main())
