"""Distil the accurate German NER into the fast CNN NER (issues 10 and 15).

    LAGEBILD_E5_INT8=0 OMP_NUM_THREADS=1 nice -n 10 python training/distill.py --stages label
    python training/ner_data.py --name de_ner          # B's gold corpus
    OMP_NUM_THREADS=1 nice -n 10 python training/distill.py --stages corpus,train --shape d1|d2
    OMP_NUM_THREADS=1 nice -n 10 python training/distill.py --stages prune,corpus,train --shape p3g|p2g|p1g
    python training/distill.py --stages package --shape d1 [--dest DIR]

1. ``label``: the accurate NER (:class:`lagebild.language.accurate.AccurateModel`, the NER head
   only; float32 everywhere with ``LAGEBILD_E5_INT8=0``) labels the words of open-licence
   German text (:func:`silver_texts`: UD German GSD test, MobIE train/dev/test, SmartData
   **train**, UD German PUD; never their annotations, never GermEval, never 10kGNAD)
   -> ``training/corpus/de_ner_silver_<source>.spacy`` (git-ignored), Docs of at most
   SENTS_PER_DOC sentences.
2. ``corpus``: B's gold corpus (``ner_data.py --name de_ner``) + the silver Docs ->
   ``training/corpus/de_ner_distill_{train,dev}.spacy`` (dev = the gold dev part: GermEval
   train part, k % 10 == 4; GermEval's held-out 10 % is never read).
3. ``train``: ``train.py de --stages ner --vectors model --ner-corpus de_ner_distill`` with the
   student's tok2vec shape (``--shape d1``: 128/4 as B; ``d2``: 96/2) ->
   ``training/output/de/ner_<shape>/``. Warm shapes start from B's trained ``ner``
   (``configs/ner_warm.cfg``): ``d3`` as it is; ``p3g``/``p2g``/``p1g`` (and ``p2``/``p1`` at
   the warm learn rate) cut to its first 3 / 2 / 1 CNN layers by stage ``prune``
   (:func:`prune_ner`, written to ``training/output/de/pruned_<depth>``). Results (none
   shipped): ``training/README.md``, "Cut students".
4. ``package``: ``train.py de --stages package-ner`` -- the shipped pipeline (or ``--dest``) gets
   the student's ``ner`` (everything else unchanged).
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
_SENT_END = re.compile(r"^[.!?…]+$")  # a punctuation token: "18.", "Dr.", "z.B." do not end a sentence
MAX_SENT_WORDS = 120  # a longer run without a sentence end is cut (tables, lists of stops)


def split_sentences(tokens) -> List[List[str]]:
    """The words of a token sequence (a spaCy ``Doc``) cut into sentences after a token that
    is only . ! ? or … (the tokenizer keeps the period of "18.", "Dr.", "z.B." in the token, so
    ordinals and abbreviations do not end a sentence) and at a whitespace token with a line break; whitespace
    tokens are dropped; a run of MAX_SENT_WORDS words without an end is cut there. A rough
    splitter, enough to give the teacher sentence-sized units (its window is 510 pieces;
    words past it would get no label)."""
    sents: List[List[str]] = []
    words: List[str] = []
    for tok in tokens:
        if tok.is_space:
            if "\n" in tok.text and words:
                sents.append(words)
                words = []
            continue
        if _SENT_END.match(tok.text) and not words and sents:  # "?" "!" -> one end
            sents[-1].append(tok.text)
            continue
        words.append(tok.text)
        if _SENT_END.match(tok.text) or len(words) >= MAX_SENT_WORDS:
            sents.append(words)
            words = []
    if words:
        sents.append(words)
    return sents


def sentence_key(words: Sequence[str]) -> str:
    """A tokenisation-independent key of a sentence: its characters without whitespace, lower case."""
    return re.sub(r"\s+", "", "".join(words)).lower()


MIN_KEY_CHARS = 12  # shorter sentences ("Stau.", "Danke!") are common phrases, not shared text


_EVALUATION_KEYS: dict = {}


def evaluation_keys(nlp) -> set:
    """:func:`sentence_key` of every sentence of the sets lagebild evaluates German NER on --
    GermEval 2014 (all of it: the held-out 10 % and the teacher's training part) and DFKI
    SmartData **test** (cut by :func:`split_sentences`) -- so that no silver sentence repeats
    one. Needed: MobIE's tweets and traffic reports share text with SmartData test (measured
    2026-12 on sentences of >= 6 words: 193 of 3,558 MobIE train, 58 of 805 dev, 146 of 985 test)."""
    from lagebild.language.evaluate import germeval_sentences, shared_data_dir, smartdata_documents

    if id(nlp) in _EVALUATION_KEYS:  # read once per tokenizer (a few seconds)
        return _EVALUATION_KEYS[id(nlp)]
    keys = {sentence_key(w) for w, _ in germeval_sentences()}
    for d in smartdata_documents(shared_data_dir() / "ner-de" / "smartdata" / "test.json.gz"):
        keys.update(sentence_key(s) for s in split_sentences(nlp.make_doc(d["text"])))
    _EVALUATION_KEYS[id(nlp)] = {k for k in keys if len(k) >= MIN_KEY_CHARS}
    return _EVALUATION_KEYS[id(nlp)]


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
    own training data) and never 10kGNAD/news-de (non-commercial licence). A sentence that
    repeats one of the evaluation sets (:func:`evaluation_keys`) is dropped.
    SystemExit for an unknown source."""
    from lagebild.language.evaluate import shared_data_dir

    if source not in SILVER_SOURCES:
        raise SystemExit(f"unknown silver source {source!r} (choose from {', '.join(SILVER_SOURCES)})")

    data = shared_data_dir()
    held = evaluation_keys(nlp)
    for group in _source_groups(source, nlp, data):
        group = [s for s in group if sentence_key(s) not in held]
        if group:
            yield group


def _source_groups(source: str, nlp, data: Path) -> Iterator[List[List[str]]]:
    from ner_data import mobie_sentences

    from lagebild.language.evaluate import read_conllu, smartdata_documents

    if source in ("gsd-test", "pud"):
        name = "de_gsd-ud-test.conllu" if source == "gsd-test" else "de_pud-ud-test.conllu"
        sents = [[t["word"] for t in s] for s in read_conllu(data / "ud" / name)]
    elif source == "mobie":
        sents = [w for part in ("train", "dev", "test")
                 for w, _ in mobie_sentences(data / "ner-de" / "mobie" / f"{part}.conll2003")]
    elif source == "smartdata":
        for d in smartdata_documents(data / "ner-de" / "smartdata" / "train.json.gz"):
            sents_d = split_sentences(nlp.make_doc(d["text"]))
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

    import torch

    torch.set_num_threads(1)
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


def stage_corpus(sources: Sequence[str], gold: str = "de_ner") -> None:
    """B's gold corpus (``training/corpus/<gold>_{train,dev}.spacy``, written by
    ``ner_data.py --name <gold>``: GermEval train part x3 + SmartData/MobIE/UNER-PUD gold) +
    the silver docs of ``sources`` -> ``de_ner_distill_{train,dev}.spacy``; dev = the gold
    dev part (GermEval train part, k % 10 == 4), unchanged."""
    import shutil

    import spacy
    from spacy.tokens import Doc, DocBin

    import functions

    nlp = functions.fix_tokenizer(spacy.blank("de"))
    held = evaluation_keys(nlp)  # labelled before the filter existed, or by an older run
    gold_train = DocBin().from_disk(CORPUS / f"{gold}_train.spacy")
    out = DocBin(store_user_data=False)
    for doc in gold_train.get_docs(nlp.vocab):
        out.add(doc)
    n_gold, counts = len(out), {}
    for source in sources:
        path = CORPUS / f"de_ner_silver_{source}.spacy"
        if not path.is_file():
            log(f"corpus: no silver file {path.name} (label it first); skipped")
            continue
        docs, dropped = [], 0
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
            sents = list(doc.sents)
            kept = [x for x in sents if sentence_key([t.text for t in x]) not in held]
            dropped += len(sents) - len(kept)
            if len(kept) == len(sents):
                docs.append(doc)
            elif kept:
                docs.append(Doc.from_docs([x.as_doc() for x in kept]))
        if dropped:
            log(f"corpus: {dropped} {source} sentences repeat an evaluation sentence; dropped")
        counts[source] = (len(docs), sum(len(d) for d in docs), sum(len(d.ents) for d in docs))
        for doc in docs:
            out.add(doc)
    out.to_disk(CORPUS / "de_ner_distill_train.spacy")
    shutil.copyfile(CORPUS / f"{gold}_dev.spacy", CORPUS / "de_ner_distill_dev.spacy")
    log(f"corpus: {n_gold} gold docs + silver (docs, words, entities) {counts} -> de_ner_distill_train.spacy")


SHAPES = {"d1": (128, 4), "d2": (96, 2), "d3": (128, 4), "p2": (128, 2), "p1": (128, 1),
          "p3g": (128, 3), "p2g": (128, 2), "p1g": (128, 1)}  # the NER's own tok2vec (width, depth): D1 = B's, D2 = run C's
WARM = {"d3", "p2", "p1", "p3g", "p2g", "p1g"}  # warm start: the shipped pipeline's ner (B), trained further (configs/ner_warm.cfg)
PRUNED = {"p2", "p1", "p3g", "p2g", "p1g"}  # ... with only the first <depth> CNN layers of B's tok2vec (stage prune)
WARM_LEARN_RATE = "0.0005"  # half of ner.cfg's: the start is already trained
# "gentle" fine-tuning (p3g, p2g, p1g): p2 at WARM_LEARN_RATE with batches compounding from 100 words
# fell from dev-part F1 0.6532 (untrained cut) to 0.635 at step 400 (session 24): Adam's first
# steps move every weight by about the learn rate, whatever its gradient, and the weight
# averages keep that start. So: a fifth of the learn rate and batches of 1,000 words from the start
# (B ended its own training at 1,000).
GENTLE = {"p3g", "p2g", "p1g"}
GENTLE_LEARN_RATE = "0.0001"
GENTLE_BATCH_WORDS = "1000"


def _ner_cnn_stack(model):
    """The residual CNN layers (``MaxoutWindowEncoder``) of a NER model with its own tok2vec:
    ``(parent, stack)`` where ``stack`` is the chain of the residual layers (the layer itself
    when there is only one) and ``parent`` the ``with_array`` node that holds it. ValueError
    when the model has no such stack or more than one (a listener NER has none)."""
    def is_block(node):
        return node.name.startswith("residual(") and bool(node.layers) and node.layers[0].name.startswith("expand_window")

    found = [(n, n.layers[0]) for n in model.walk() if n.name.startswith("with_array(") and len(n.layers) == 1
             and (is_block(n.layers[0]) or (n.layers[0].layers and all(is_block(x) for x in n.layers[0].layers)))]
    if len(found) != 1:
        raise ValueError(f"expected one residual CNN stack in the NER's tok2vec, found {len(found)}")
    return found[0]


def prune_ner(nlp, depth: int):
    """Cut the ``ner`` of ``nlp`` (a NER with its own ``MaxoutWindowEncoder`` tok2vec, as B)
    to its first ``depth`` residual CNN layers, in place, and set the config's
    ``encode.depth`` to match, so that ``nlp.to_disk`` writes a pipeline that ``spacy.load``
    reads with the cut shape. The embedding, the kept layers and the transition model keep
    B's trained weights: a warm start for a cheaper student (layer dropping, as DistilBERT
    initialises its student from every other teacher layer: Sanh et al. 2019, "DistilBERT, a
    distilled version of BERT"). Each dropped layer is a residual block ``x + f(x)``, so the
    cut model is still a working NER (dev-part F1 measured 2026-12-01: B 0.6635, depth 3
    0.6564, depth 2 0.6532, depth 1 0.5876, untrained). Returns ``nlp``. ValueError when
    ``depth`` is not in 1 .. (B's depth - 1)."""
    ner = nlp.get_pipe("ner")
    parent, stack = _ner_cnn_stack(ner.model)
    blocks = list(stack.layers) if stack.layers[0].name.startswith("residual(") else [stack]
    if not 1 <= depth < len(blocks):
        raise ValueError(f"depth {depth}: the NER's tok2vec has {len(blocks)} CNN layers; keep 1 to {len(blocks) - 1}")
    if depth == 1:  # thinc's clone(layer, 1) is the layer itself, without a chain
        parent._layers = [blocks[0]]
    else:
        stack._layers = blocks[:depth]
    nlp.config["components"]["ner"]["model"]["tok2vec"]["encode"]["depth"] = depth
    return nlp


def pruned_directory(shape: str) -> Path:
    """Where stage ``prune`` writes the start of a PRUNED shape: ``training/output/de/pruned_<depth>``
    (shapes of one depth share it)."""
    return OUTPUT / f"pruned_{SHAPES[shape][1]}"


def stage_prune(shape: str) -> None:
    """The shipped pipeline with its ``ner`` cut to the shape's depth (:func:`prune_ner`) ->
    :func:`pruned_directory`, the start that ``train`` sources for a PRUNED shape."""
    import spacy

    import functions  # noqa: F401  (the tokenizer callback in the shipped config)

    if shape not in PRUNED:
        raise SystemExit(f"shape {shape} is not pruned (choose from {', '.join(sorted(PRUNED))})")
    nlp = prune_ner(spacy.load(MODEL), SHAPES[shape][1])
    out = pruned_directory(shape)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    log(f"prune: ner cut to {SHAPES[shape][1]} CNN layers -> {out}")


def train_command(shape: str, max_steps: int) -> List[str]:
    """``training/train.py`` for the student ``shape`` on ``de_ner_distill``: the NER with its
    own CNN tok2vec of the shape's width/depth and the shipped pipeline's static vectors
    -> ``training/output/de/ner_<shape>/`` (model-best = best dev F1). A WARM shape starts
    from the shipped pipeline's ner instead, a PRUNED one from its cut copy
    (:func:`pruned_directory`; ``spacy train configs/ner_warm.cfg``; same vectors table, so
    the sourced component fits)."""
    width, depth = SHAPES[shape]
    if shape in WARM:
        out = OUTPUT / f"ner_{shape}"
        return [sys.executable, "-m", "spacy", "train", str(REPO / "training" / "configs" / "ner_warm.cfg"),
                "--output", str(out), "--code", str(REPO / "training" / "functions.py"), "--nlp.lang", "de",
                "--paths.train", str(CORPUS / "de_ner_distill_train.spacy"),
                "--paths.dev", str(CORPUS / "de_ner_distill_dev.spacy"),
                "--paths.vectors", str(MODEL),
                "--paths.ner_source", str(pruned_directory(shape) if shape in PRUNED else MODEL),
                "--training.max_steps", str(max_steps)] + (
                ["--training.optimizer.learn_rate", GENTLE_LEARN_RATE,
                 "--training.batcher.size.start", GENTLE_BATCH_WORDS] if shape in GENTLE else
                ["--training.optimizer.learn_rate", WARM_LEARN_RATE])
    return [sys.executable, str(REPO / "training" / "train.py"), "de", "--stages", "ner", "--vectors", "model",
            "--ner-corpus", "de_ner_distill", "--suffix", f"_{shape}", "--max-steps", str(max_steps),
            "--set", f"components.ner.model.tok2vec.encode.width={width}",
            "--set", f"components.ner.model.tok2vec.encode.depth={depth}"]


def stage_train(shape: str, max_steps: int) -> None:
    cmd = train_command(shape, max_steps)
    log("+ " + " ".join(cmd))
    if shape in WARM:
        OUTPUT.mkdir(parents=True, exist_ok=True)
        with open(OUTPUT / f"ner_{shape}.log", "w") as fh:
            subprocess.run(cmd, check=True, env=ENV, stdout=fh, stderr=subprocess.STDOUT)
    else:
        subprocess.run(cmd, check=True, env=ENV)


def stage_package(shape: str, dest: str = "") -> None:
    """``train.py de --stages package-ner`` with the student ``shape`` (into ``dest``, default
    the shipped ``src/lagebild/models/de``)."""
    cmd = [sys.executable, str(REPO / "training" / "train.py"), "de", "--stages", "package-ner",
           "--suffix", f"_{shape}"] + (["--dest", dest] if dest else [])
    log("+ " + " ".join(cmd))
    subprocess.run(cmd, check=True, env=ENV)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stages", default="label,corpus,train,package")
    ap.add_argument("--sources", default=",".join(SILVER_SOURCES), help="silver text sources, in this order")
    ap.add_argument("--max-words", type=int, default=400_000, help="silver words to label per source")
    ap.add_argument("--max-steps", type=int, default=4000)
    ap.add_argument("--shape", choices=sorted(SHAPES), default="d1", help="student NER tok2vec shape")
    ap.add_argument("--dest", default="", help="package: write the pipeline here instead of the shipped one")
    args = ap.parse_args()
    for st in args.stages.split(","):
        log(f"== {st}")
        if st == "label":
            stage_label(args.sources.split(","), args.max_words)
        elif st == "corpus":
            stage_corpus(args.sources.split(","))
        elif st == "prune":
            stage_prune(args.shape)
        elif st == "train":
            stage_train(args.shape, args.max_steps)
        elif st == "package":
            stage_package(args.shape, args.dest)
        else:
            raise SystemExit(f"unknown stage {st}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
