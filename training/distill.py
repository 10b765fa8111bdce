"""Distil the accurate German NER into the fast CNN NER (issue 10, step 3).

    OMP_NUM_THREADS=1 nice -n 19 python training/distill.py --stages label,corpus,train,package

1. ``label``: the accurate pipeline (``lagebild.language.load_base("de", pipeline="accurate")``)
   labels open-licence unlabelled German text -- the texts of the DFKI SmartData **train**
   file (German news, tweets, traffic reports; CC BY 4.0; its own annotations are not
   used, its test file stays evaluation data) -- in documents of at most ten sentences
   -> ``training/corpus/de_ner_silver.spacy`` (git-ignored). Never 10kGNAD (non-commercial).
2. ``corpus``: gold GermEval training sentences (the held-out 10 % excluded; of the rest,
   index % 10 == 4 is the development part that chooses the best step) + silver ->
   ``training/corpus/de_ner_distill_{train,dev}.spacy``.
3. ``train``: ``spacy train training/configs/ner.cfg`` with the Brown-cluster vectors of the
   shipped German pipeline (the same table as before) -> ``training/output/de/ner_distill``.
4. ``package``: the shipped ``src/lagebild/models/de`` gets the new ``ner`` component
   (sourced; everything else unchanged).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
CORPUS = REPO / "training" / "corpus"
OUTPUT = REPO / "training" / "output" / "de"
MODEL = REPO / "src" / "lagebild" / "models" / "de"
ENV = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def stage_label(max_words: int) -> None:
    from spacy.tokens import DocBin

    from lagebild.language import load_base
    from lagebild.language.evaluate import shared_data_dir, smartdata_documents

    nlp = load_base("de", pipeline="accurate")
    texts = [d["text"] for d in smartdata_documents(shared_data_dir() / "ner-de" / "smartdata" / "train.json.gz")]
    out, words, t0 = DocBin(store_user_data=False), 0, time.perf_counter()
    keep = {"tok2vec", "tagger", "morphologizer", "paragraphs", "parser", "lagebild_e5"}
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep]):
        for n, doc in enumerate(nlp.pipe(texts, batch_size=8)):
            sents = list(doc.sents)
            for a in range(0, len(sents), 10):
                span = doc[sents[a].start:sents[min(a + 10, len(sents)) - 1].end]
                part = span.as_doc()
                part.ents = [e for e in part.ents if not any(t.is_space for t in e)]
                out.add(part)
            words += sum(not t.is_space for t in doc)
            if n % 100 == 0:
                log(f"label: {n + 1}/{len(texts)} documents, {words} words, {time.perf_counter() - t0:.0f} s")
            if words >= max_words:
                break
    CORPUS.mkdir(parents=True, exist_ok=True)
    out.to_disk(CORPUS / "de_ner_silver.spacy")
    log(f"label: {len(out)} silver documents, {words} words -> {CORPUS / 'de_ner_silver.spacy'}")


def stage_corpus() -> None:
    import spacy
    from spacy.tokens import DocBin

    from ner_data import germeval_split  # training/ner_data.py: the same train/dev carving

    from lagebild.language.evaluate import SENTS_PER_DOC, ner_doc

    nlp = spacy.blank("de")
    train, dev = germeval_split()
    db_train, db_dev = DocBin(), DocBin()
    for i in range(0, len(train), SENTS_PER_DOC):
        db_train.add(ner_doc(nlp.vocab, train[i:i + SENTS_PER_DOC]))
    for i in range(0, len(dev), SENTS_PER_DOC):
        db_dev.add(ner_doc(nlp.vocab, dev[i:i + SENTS_PER_DOC]))
    silver = DocBin().from_disk(CORPUS / "de_ner_silver.spacy")
    for doc in silver.get_docs(nlp.vocab):
        db_train.add(doc)
    db_train.to_disk(CORPUS / "de_ner_distill_train.spacy")
    db_dev.to_disk(CORPUS / "de_ner_distill_dev.spacy")
    log(f"corpus: {len(train)} gold + {len(silver)} silver documents train, {len(dev)} gold dev sentences")


def stage_train(max_steps: int) -> None:
    out = OUTPUT / "ner_distill"
    cmd = [sys.executable, "-m", "spacy", "train", str(REPO / "training" / "configs" / "ner.cfg"),
           "--output", str(out), "--code", str(REPO / "training" / "functions.py"), "--nlp.lang", "de",
           "--paths.train", str(CORPUS / "de_ner_distill_train.spacy"),
           "--paths.dev", str(CORPUS / "de_ner_distill_dev.spacy"),
           "--paths.vectors", str(MODEL),
           "--components.ner.model.tok2vec.embed.include_static_vectors", "true",
           "--training.max_steps", str(max_steps)]
    log("+ " + " ".join(cmd))
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with open(OUTPUT / "ner_distill.log", "w") as fh:
        subprocess.run(cmd, check=True, env=ENV, stdout=fh, stderr=subprocess.STDOUT)


def stage_package() -> None:
    import spacy

    sys.path.insert(0, str(REPO / "training"))
    import functions  # noqa: F401  (registers the training callback)

    nlp = spacy.load(MODEL)
    ner = spacy.load(OUTPUT / "ner_distill" / "model-best")
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=ner)
    nlp.meta["description"] = (nlp.meta.get("description", "") +
                               "; ner distilled from the accurate (e5) NER on SmartData train text"
                               " (training/distill.py)")
    nlp.config["initialize"]["before_init"] = None
    tmp = MODEL.with_name("de.new")
    nlp.to_disk(tmp)
    import shutil

    shutil.rmtree(MODEL)
    tmp.rename(MODEL)
    log(f"package: {MODEL} has the distilled ner")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stages", default="label,corpus,train,package")
    ap.add_argument("--max-words", type=int, default=150_000, help="silver words to label")
    ap.add_argument("--max-steps", type=int, default=4000)
    args = ap.parse_args()
    import torch

    torch.set_num_threads(1)
    for st in args.stages.split(","):
        log(f"== {st}")
        if st == "label":
            stage_label(args.max_words)
        elif st == "corpus":
            stage_corpus()
        elif st == "train":
            stage_train(args.max_steps)
        elif st == "package":
            stage_package()
        else:
            raise SystemExit(f"unknown stage {st}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
