"""CPU time per pipeline component of a German/English pipeline on its held-out syntax texts.

    OMP_NUM_THREADS=1 python training/pipeline_times.py [--lang de] [--model PATH] [--runs 3]
    OMP_NUM_THREADS=1 python training/pipeline_times.py --news 200 [--model PATH]   # German news

With ``--news N`` the texts are the first N articles of ../shared/data/news-de (read by
``lagebild.realgold.news_texts``; absent corpus: exit 2) and a column gives CPU milliseconds
per article -- the unit of the ingest benchmarks.

Runs the tokenizer and then each component over all texts (batch 64), ``--runs`` times,
and prints the median CPU seconds per component, its share and words per CPU-second for the
whole pipeline. CPU time (this process only) is used because the shared machine is loaded;
compare two models in the same session. Used to choose the size of the NER's tok2vec.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", default="de")
    ap.add_argument("--model", help="pipeline directory (default: the shipped one)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--news", type=int, default=0, metavar="N",
                    help="time the first N German news articles instead of the syntax dev texts")
    args = ap.parse_args(argv)
    from lagebild.language import load_base
    from lagebild.language.evaluate import gold_docs

    nlp = load_base(args.lang, model=args.model)
    if args.news:
        from lagebild.realgold import news_texts

        try:
            texts = news_texts(args.news)
        except FileNotFoundError:
            texts = []
        if not texts:
            print("no corpus: ../shared/data/news-de is absent", file=sys.stderr)
            return 2
        n_words = sum(1 for t in texts for tok in nlp.make_doc(t) if not tok.is_space)
    else:
        _, docs = gold_docs("syntax", args.lang, nlp.vocab)
        texts = [d.text for d in docs]
        n_words = sum(1 for d in docs for t in d if not t.is_space)
    times = {n: [] for n in ["tokenizer"] + nlp.pipe_names}
    for _ in range(args.runs):
        c = time.process_time()
        out = [nlp.make_doc(t) for t in texts]
        times["tokenizer"].append(time.process_time() - c)
        for name, proc in nlp.pipeline:
            c = time.process_time()
            out = list(proc.pipe(out, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in out]
            times[name].append(time.process_time() - c)
    med = {k: statistics.median(v) for k, v in times.items()}
    total = sum(med.values())
    what = f"{len(texts)} news articles, " if args.news else ""
    print(f"{args.model or args.lang}: {what}{n_words} words, median of {args.runs} runs (CPU seconds)")
    per = (lambda v: f"  {1000 * v / len(texts):6.1f} ms/article") if args.news else (lambda v: "")
    for k, v in med.items():
        print(f"  {k:15s} {v:7.3f} s  {100 * v / total:5.1f} %{per(v)}")
    print(f"  {'total':15s} {total:7.3f} s  {n_words / total:,.0f} words per CPU-second{per(total)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
