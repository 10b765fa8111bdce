"""LAS/UAS on the held-out treebank with the gold sentence boundaries against the CNN's own.

    OMP_NUM_THREADS=1 python training/syntax_gold_sents.py en fast|accurate

The same documents and scorer as ``lagebild eval syntax`` (``evaluate.gold_docs`` +
``nlp.evaluate``), run twice: once with every token's ``is_sent_start`` preset from the gold
sentences before the pipeline runs (spaCy's parser keeps preset boundaries, and the accurate
pipeline's biaffine parser parses inside the CNN's sentences, so both then parse the gold
sentences: sentence F 1.0), once as ``lagebild eval syntax`` does (the CNN's boundaries). The
difference is the share of the LAS that the sentence boundaries cost (session 28, issue 10).
Prints one line per mode and a JSON line ``{"gold": {...}, "cnn": {...}}`` with ``dep_uas``,
``dep_las``, ``sents_f``, ``pos_acc`` (fractions). Needs ../shared (UD); ``accurate`` needs
the ``[encoder]`` extra.
"""
from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path
from typing import Dict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from lagebild.language import evaluate as ev  # noqa: E402
from lagebild.language import load_base  # noqa: E402


def scores(lang: str, pipeline: str) -> Dict[str, Dict[str, float]]:
    """``{"gold": scores, "cnn": scores}`` of ``pipeline`` on ``lang``'s held-out treebank."""
    from spacy.training import Example

    nlp = load_base(lang, pipeline=pipeline)
    _name, docs = ev.gold_docs("syntax", lang, nlp.vocab, None, make_doc=nlp.make_doc)
    out = {}
    for mode in ("gold", "cnn"):
        examples = []
        for d in docs:
            p = nlp.make_doc(d.text)
            if mode == "gold":
                starts = {t.idx for t in d if t.is_sent_start}
                for t in p:
                    t.is_sent_start = t.idx in starts
            examples.append(Example(p, d))
        s = nlp.evaluate(examples)
        out[mode] = {k: round(float(s[k]), 4) for k in ("dep_uas", "dep_las", "sents_f", "pos_acc")}
        print(mode, out[mode], flush=True)
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lang", choices=("de", "en"))
    ap.add_argument("pipeline", choices=("fast", "accurate"))
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    print(json.dumps({"lang": args.lang, "pipeline": args.pipeline, **scores(args.lang, args.pipeline)}))
