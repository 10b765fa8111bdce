"""English sentence boundaries of the product pipeline on UD English EWT (issue 10).

    OMP_NUM_THREADS=1 python benchmarks/sentences_en.py [--split dev|test] [--task syntax|ner|kinds]
        [--pipeline fast|accurate] [--no-guard]

``lagebild eval syntax|ner --lang en`` scores the linguistic pipeline **without** the
sentence guard (``lagebild_sentence_guard``, which :func:`lagebild.pipeline.load` adds before
the parser); this script scores the pipeline as ``analyze`` runs it, with the guard
(``--no-guard``: without, as the eval does). Same documents and scorers as
:mod:`lagebild.language.evaluate`:

* ``syntax``: ``dep_las``, ``dep_uas``, ``sents_p/r/f`` (spaCy: a sentence counts when its
  start and end are both right), ``pos_acc`` on UD English EWT ``--split``;
* ``ner``: PER/LOC/ORG P/R/F1 on UNER English-EWT ``--split`` (predicted MISC dropped);
* ``kinds``: sentence *starts* (P/R/F over start positions) and the counts of missed and
  spurious starts by kind (after sentence-final punctuation, after an abbreviation-like
  token, after a closing quote/bracket, after a comma or dash, no punctuation before an
  upper- or lower-case word).

Prints one JSON line. Needs ../shared (or $LAGEBILD_SHARED_DATA).
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from lagebild.language import evaluate as ev  # noqa: E402
from lagebild.language import load_base  # noqa: E402
from lagebild.language import sentences  # noqa: E402,F401  (registers the guard)


def _kind(prev, tok) -> str:
    p = prev.text
    if p and p[-1] in sentences.SENTENCE_FINAL:
        return "after_final_punct" if len(p) == 1 else "after_abbrev_like"
    if p in sentences.CLOSERS:
        return "after_closer"
    if p in {",", "-", "--", "—"}:
        return "after_comma_dash"
    return "no_punct_upper_next" if tok.text[:1].isupper() else "no_punct_lower_next"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--task", choices=("syntax", "ner", "kinds"), default="syntax")
    ap.add_argument("--pipeline", choices=("fast", "accurate"), default="fast")
    ap.add_argument("--no-guard", action="store_true")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    from spacy.scorer import Scorer
    from spacy.training import Example

    nlp = load_base("en", pipeline=args.pipeline, fresh=True)
    if not args.no_guard:
        nlp.add_pipe("lagebild_sentence_guard", before="parser")
    out = {"split": args.split, "task": args.task, "pipeline": args.pipeline,
           "guard": not args.no_guard}
    if args.task in ("syntax", "kinds"):
        _name, docs = ev.gold_docs("syntax", "en", nlp.vocab, args.split)
    if args.task == "syntax":
        s = nlp.evaluate([Example(nlp.make_doc(d.text), d) for d in docs])
        out.update({k: round(float(s[k]), 4) for k in
                    ("dep_las", "dep_uas", "sents_p", "sents_r", "sents_f", "pos_acc")})
    elif args.task == "ner":
        path = ev.shared_data_dir() / "ner-en" / "uner-ewt" / f"en_ewt-ud-{args.split}.iob2"
        sents = [(w, [t if t[2:] in ev.UNER_LABELS else "O" for t in tags]) for w, tags in
                 ev.read_columns(path, 1, 2, sep="\t", skip_comments=True, comment_prefix="#")]
        docs = [ev.ner_doc(nlp.vocab, sents[i:i + ev.SENTS_PER_DOC])
                for i in range(0, len(sents), ev.SENTS_PER_DOC)]
        preds = list(nlp.pipe(nlp.make_doc(d.text) for d in docs))
        for p in preds:
            p.ents = [e for e in p.ents if e.label_ in ev.UNER_LABELS]
        s = Scorer.score_spans([Example(p, d) for p, d in zip(preds, docs)], "ents")
        out.update({k: round(float(s[k]), 4) for k in ("ents_p", "ents_r", "ents_f")})
    else:
        keep = {"tok2vec", "tagger", "morphologizer", "paragraphs", "lagebild_sentence_guard",
                "parser"}
        tp = fp = fn = 0
        missed: collections.Counter = collections.Counter()
        spurious: collections.Counter = collections.Counter()
        with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep]):
            preds = list(nlp.pipe(d.text for d in docs))
        for g, p in zip(docs, preds):
            gold = {t.idx for t in g if t.is_sent_start}
            pred = {t.idx for t in p if t.is_sent_start}
            by_char = {t.idx: t for t in p}
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
            for c in gold - pred:
                t = by_char.get(c)
                missed["token_mismatch" if t is None else _kind(p[t.i - 1], t)] += 1
            for c in pred - gold:
                t = by_char[c]
                spurious[_kind(p[t.i - 1], t)] += 1
        prec, rec = tp / (tp + fp), tp / (tp + fn)
        out.update({"starts_p": round(prec, 4), "starts_r": round(rec, 4),
                    "starts_f": round(2 * prec * rec / (prec + rec), 4),
                    "missed": dict(missed.most_common()), "spurious": dict(spurious.most_common())})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
