"""CPU time per pipeline component of a German/English pipeline on its held-out syntax texts.

    OMP_NUM_THREADS=1 python training/pipeline_times.py [--lang de] [--model PATH] [--runs 3]

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
    args = ap.parse_args(argv)
    from lagebild.language import load_base
    from lagebild.language.evaluate import gold_docs

    nlp = load_base(args.lang, model=args.model)
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
    print(f"{args.model or args.lang}: {n_words} words, median of {args.runs} runs (CPU seconds)")
    for k, v in med.items():
        print(f"  {k:15s} {v:7.3f} s  {100 * v / total:5.1f} %")
    print(f"  {'total':15s} {total:7.3f} s  {n_words / total:,.0f} words per CPU-second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
