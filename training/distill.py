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
import re
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator, List, Sequence

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "training"))
CORPUS = REPO / "training" / "corpus"
OUTPUT = REPO / "training" / "output" / "de"
MODEL = REPO / "src" / "lagebild" / "models" / "de"
SENTS_PER_DOC = 10  # sentences per silver Doc (as lagebild.language.evaluate.SENTS_PER_DOC)
ENV = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


SILVER_SOURCES = ("gsd-test", "mobie", "smartdata", "pud")
_SENT_END = re.compile(r"[.!?]$")


def silver_texts(source: str, nlp) -> Iterator[List[List[str]]]:
    """Unlabelled German text of one open-licence source as groups of up to SENTS_PER_DOC
    sentences (word lists). Only the words are read, never the sets' own annotations:

    - ``gsd-test``: UD German GSD **test** (CC BY-SA 4.0; the syntax training data; GSD dev,
      the syntax evaluation set, is not read);
    - ``mobie``: MobIE train, dev and test (CC BY 4.0; no lagebild evaluation uses MobIE);
    - ``smartdata``: DFKI SmartData **train** (CC BY 4.0; its test file is evaluation data and
      is not read), tokenised by ``nlp`` and cut into sentences at a . ! ? token or a line break;
    - ``pud``: UD German PUD (CC BY-SA 3.0; UNER-PUD's text).

    Never GermEval (its held-out 10 % is evaluation data, its training part is the teacher's
    own training data) and never 10kGNAD/news-de (non-commercial licence)."""
    from ner_data import mobie_sentences

    from lagebild.language.evaluate import read_conllu, shared_data_dir, smartdata_documents

    data = shared_data_dir()
    if source in ("gsd-test", "pud"):
        name = "de_gsd-ud-test.conllu" if source == "gsd-test" else "de_pud-ud-test.conllu"
        sents = [[t["word"] for t in s] for s in read_conllu(data / "ud" / name)]
    elif source == "mobie":
        sents = [w for part in ("train", "dev", "test")
                 for w, _ in mobie_sentences(data / "ner-de" / "mobie" / f"{part}.conll2003")]
    elif source == "smartdata":
        for d in smartdata_documents(data / "ner-de" / "smartdata" / "train.json.gz"):
            words, sents_d = [], []
            for tok in nlp.make_doc(d["text"]):
                if tok.is_space:
                    if "\n" in tok.text and words:
                        sents_d.append(words)
                        words = []
                    continue
                words.append(tok.text)
                if _SENT_END.search(tok.text) and len(words) > 1:
                    sents_d.append(words)
                    words = []
            if words:
                sents_d.append(words)
            for i in range(0, len(sents_d), SENTS_PER_DOC):
                yield sents_d[i:i + SENTS_PER_DOC]
        return
    else:
        raise SystemExit(f"unknown silver source {source!r} (choose from {', '.join(SILVER_SOURCES)})")
    sents = [s for s in sents if s]
    for i in range(0, len(sents), SENTS_PER_DOC):
        yield sents[i:i + SENTS_PER_DOC]


def stage_label(sources: Sequence[str], max_words: int) -> None:
    """Label each source with the accurate NER (the int8 base as shipped, unless
    ``$LAGEBILD_E5_INT8=0``) -> ``training/corpus/de_ner_silver_<source>.spacy``, one Doc
    per group of sentences (sentence starts set, entities = the teacher's IOB2 tags after
    its constrained Viterbi). Saved every 50 groups, so training can start on a partial
    corpus; ``max_words`` per source."""
    import spacy
    from spacy.tokens import Doc, DocBin

    import functions
    from lagebild.language.accurate import heads_directory, load_model, spans_of
    from lagebild.language.evaluate import shared_data_dir  # noqa: F401

    model = load_model(str(heads_directory(MODEL)))
    model.heads.pop("tagger", None)  # only the NER head is needed
    nlp = functions.fix_tokenizer(spacy.blank("de"))
    CORPUS.mkdir(parents=True, exist_ok=True)
    for source in sources:
        out, words, ents, t0, cpu0 = DocBin(store_user_data=False), 0, 0, time.perf_counter(), time.process_time()
        path = CORPUS / f"de_ner_silver_{source}.spacy"
        for n, group in enumerate(silver_texts(source, nlp)):
            tags = [r["ner"] for r in model.analyse(group)]
            flat = [w for s in group for w in s]
            starts = [k == 0 for s in group for k in range(len(s))]
            iob = [t for ts in tags for t in ts]
            doc = Doc(nlp.vocab, words=flat, sent_starts=starts, ents=iob)
            out.add(doc)
            words += len(flat)
            ents += len(doc.ents)
            if n % 50 == 49:
                out.to_disk(path)
                log(f"label {source}: {n + 1} groups, {words} words, {ents} entities, "
                    f"{time.perf_counter() - t0:.0f} s wall, {words / max(time.process_time() - cpu0, 1e-9):.0f} words/CPU-s")
            if words >= max_words:
                break
        out.to_disk(path)
        log(f"label {source}: {len(out)} groups, {words} words, {ents} entities -> {path}")


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
    ap.add_argument("--sources", default=",".join(SILVER_SOURCES), help="silver text sources, in this order")
    ap.add_argument("--max-words", type=int, default=400_000, help="silver words to label per source")
    ap.add_argument("--max-steps", type=int, default=4000)
    args = ap.parse_args()
    import torch

    torch.set_num_threads(1)
    for st in args.stages.split(","):
        log(f"== {st}")
        if st == "label":
            stage_label(args.sources.split(","), args.max_words)
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
