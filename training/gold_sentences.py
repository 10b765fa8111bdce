"""Held-out scores with the gold sentence boundaries against the CNN's own (session 28).

    OMP_NUM_THREADS=1 python training/gold_sentences.py en fast|accurate            # LAS/UAS
    OMP_NUM_THREADS=1 python training/gold_sentences.py en accurate --task ner      # UNER EWT test

syntax (default):
The same documents and scorer as ``lagebild eval syntax`` (``evaluate.gold_docs`` +
``nlp.evaluate``), run twice: once with every token's ``is_sent_start`` preset from the gold
sentences before the pipeline runs (spaCy's parser keeps preset boundaries, and the accurate
pipeline's biaffine parser parses inside the CNN's sentences, so both then parse the gold
sentences: sentence F 1.0), once as ``lagebild eval syntax`` does (the CNN's boundaries). The
difference is the share of the LAS that the sentence boundaries cost (issue 10).
Scores: ``dep_uas``, ``dep_las``, ``sents_f``, ``pos_acc`` (fractions).

``--task ner`` (English): UNER English-EWT test as ``lagebild eval ner --dataset uner-ewt``
(predicted MISC dropped, PER/LOC/ORG exact spans), the gold sentence starts taken from the
file's sentences (the gold docs join 10 of them with single spaces). Scores: ``ents_p``,
``ents_r``, ``ents_f``.

Prints one line per mode and a JSON line ``{"gold": {...}, "cnn": {...}}``. Needs ../shared;
``accurate`` needs the ``[encoder]`` extra.
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


def ner_scores(pipeline: str) -> Dict[str, Dict[str, float]]:
    """``{"gold": scores, "cnn": scores}`` of ``pipeline`` on UNER English-EWT test."""
    from spacy.scorer import Scorer
    from spacy.training import Example

    nlp = load_base("en", pipeline=pipeline)
    _name, docs = ev.gold_docs("ner", "en", nlp.vocab, "uner-ewt", make_doc=nlp.make_doc)
    sents = list(ev.read_columns(ev.shared_data_dir() / "ner-en" / "uner-ewt" / "en_ewt-ud-test.iob2", 1, 2,
                                 sep="\t", skip_comments=True, comment_prefix="#"))
    starts = []  # character offsets of the sentence starts in each gold doc
    for i in range(0, len(sents), ev.SENTS_PER_DOC):
        off, st = 0, set()
        for words, _tags in sents[i:i + ev.SENTS_PER_DOC]:
            st.add(off)
            off += sum(len(w) + 1 for w in words)
        starts.append(st)
    if len(starts) != len(docs):
        raise ValueError("UNER EWT test: sentence grouping differs from evaluate.gold_docs")
    out = {}
    for mode in ("gold", "cnn"):
        preds = []
        for d, st in zip(docs, starts):
            p = nlp.make_doc(d.text)
            if mode == "gold":
                for t in p:
                    t.is_sent_start = t.idx in st
            preds.append(p)
        preds = list(nlp.pipe(preds))
        for p in preds:
            p.ents = [e for e in p.ents if e.label_ in ev.UNER_LABELS]
        s = Scorer.score_spans([Example(p, d) for p, d in zip(preds, docs)], "ents")
        out[mode] = {k: round(float(s[k]), 4) for k in ("ents_p", "ents_r", "ents_f")}
        print(mode, out[mode], flush=True)
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lang", choices=("de", "en"))
    ap.add_argument("pipeline", choices=("fast", "accurate"))
    ap.add_argument("--task", choices=("syntax", "ner"), default="syntax")
    args = ap.parse_args()
    if args.task == "ner" and args.lang != "en":
        ap.error("--task ner: English only (UNER English-EWT test)")
    warnings.simplefilter("ignore")
    res = scores(args.lang, args.pipeline) if args.task == "syntax" else ner_scores(args.pipeline)
    print(json.dumps({"lang": args.lang, "pipeline": args.pipeline, "task": args.task, **res}))
