"""Evaluate the linguistic pipelines on held-out data.

    from lagebild.language.evaluate import evaluate
    evaluate("syntax", "de")   # UD German GSD dev
    evaluate("ner", "en")      # held-out wikigold sentences

The held-out sets are read in place from ``../shared/data`` (next to the repository, or
``$LAGEBILD_SHARED_DATA``); nothing is downloaded. The readers below are also what
``training/convert.py`` uses to build the training corpora, so training and evaluation see
the same tokenisation and the same deterministic splits:

* syntax, de: UD German GSD **dev** (training used GSD test + PUD test);
* syntax, en: UD English EWT **test** (``dataset="dev"`` for EWT dev; training used train);
* ner, de: GermEval 2014 (official test file), every 10th sentence (index % 10 == 9) held
  out; ``-deriv``/``-part`` labels mapped to O, OTH to MISC;
* ner, en: wikigold, every 10th sentence (index % 10 == 9) held out; labels PER/LOC/ORG/MISC.

Scores for UD treebanks are computed on spaCy's tokenisation aligned to the gold tokens
(German contractions such as "zum" are one gold token here, see :func:`read_conllu`), so
they are close to, but not identical with, the official CoNLL 2018 evaluation.
"""
from __future__ import annotations

import os
import statistics
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

REPO_ROOT = Path(__file__).resolve().parents[3]


def shared_data_dir() -> Path:
    """``../shared/data`` relative to the repository root (or ``$LAGEBILD_SHARED_DATA``)."""
    env = os.environ.get("LAGEBILD_SHARED_DATA")
    if env:
        return Path(env)
    return REPO_ROOT.parent / "shared" / "data"


# --------------------------------------------------------------------------- readers
Token = Dict[str, Any]


def read_conllu(path: Path, no_xpos: bool = False) -> Iterator[List[Token]]:
    """Yield the sentences of a CoNLL-U file as lists of token dicts
    (word, lemma, pos, tag, morph, head (sentence-relative index), dep, space).

    Multi-word tokens: if the syntactic words concatenate to the surface form (English
    "don't" = "do" + "n't") they are kept as words, as spaCy's tokenizer splits them the
    same way; otherwise (German "zum" = "zu" + "dem") they are merged into one token with
    the surface form, the first word's POS/lemma, the union of the words' features and the
    relation of the word whose head lies outside the contraction -- spaCy's German
    tokenizer does not split contractions, so the model must learn them as one token.
    ``no_xpos`` drops the XPOS column (German PUD uses another tag set than GSD's STTS).
    """
    rows: List[List[str]] = []
    with open(path, encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield _conllu_sentence(rows, no_xpos)
                rows = []
            elif not line.startswith("#"):
                rows.append(line.split("\t"))
    if rows:
        yield _conllu_sentence(rows, no_xpos)


def _conllu_token(r: Sequence[str], space: bool, no_xpos: bool) -> Token:
    return {
        "word": r[1],
        "lemma": r[2] if r[2] != "_" else "",
        "pos": r[3],
        "tag": "" if (no_xpos or r[4] == "_") else r[4],
        "morph": r[5] if r[5] != "_" else "",
        "_head": int(r[6]),
        "dep": r[7].split(":")[0] if r[7] != "_" else "dep",
        "space": space,
    }


def _conllu_sentence(rows: List[List[str]], no_xpos: bool) -> List[Token]:
    words: Dict[int, List[str]] = {}
    mwts: Dict[int, Tuple[int, int, str, str]] = {}
    for r in rows:
        if "." in r[0]:
            continue  # empty nodes (enhanced UD)
        if "-" in r[0]:
            a, b = map(int, r[0].split("-"))
            mwts[a] = (a, b, r[1], r[9])
        else:
            words[int(r[0])] = r
    out: List[Token] = []
    wid2tok: Dict[int, int] = {}
    i, n = 1, (max(words) if words else 0)
    while i <= n:
        if i in mwts:
            a, b, form, misc = mwts[i]
            parts = [words[j] for j in range(a, b + 1)]
            space = "SpaceAfter=No" not in misc
            if "".join(p[1] for p in parts) == form:
                for k, p in enumerate(parts):
                    wid2tok[int(p[0])] = len(out)
                    out.append(_conllu_token(p, space if k == len(parts) - 1 else False, no_xpos))
            else:
                feats: Dict[str, str] = {}
                for p in parts:
                    if p[5] != "_":
                        for f in p[5].split("|"):
                            k2, v = f.split("=", 1)
                            feats.setdefault(k2, v)
                outside = [p for p in parts if not (a <= int(p[6]) <= b)] or [parts[0]]
                t = _conllu_token(parts[0], space, no_xpos)
                t["word"] = form
                t["morph"] = "|".join(f"{k2}={feats[k2]}" for k2 in sorted(feats))
                t["_head"] = int(outside[0][6])
                t["dep"] = outside[0][7].split(":")[0]
                for p in parts:
                    wid2tok[int(p[0])] = len(out)
                out.append(t)
            i = b + 1
        else:
            p = words[i]
            wid2tok[i] = len(out)
            out.append(_conllu_token(p, "SpaceAfter=No" not in p[9], no_xpos))
            i += 1
    for idx, t in enumerate(out):
        h = t.pop("_head")
        t["head"] = idx if h == 0 else wid2tok[h]
        if t["dep"] == "root":
            t["dep"] = "ROOT"
    return out


def sentences_to_doc(vocab, sents: Sequence[List[Token]]):  # type: ignore[no-untyped-def]
    """One spaCy Doc with gold annotation from several CoNLL-U sentences."""
    from spacy.tokens import Doc

    keys = ("word", "space", "lemma", "pos", "tag", "morph", "head", "dep")
    cols: Dict[str, list] = {k: [] for k in keys}
    starts: List[bool] = []
    for s in sents:
        off = len(cols["word"])
        for k, t in enumerate(s):
            for key in keys:
                cols[key].append(t[key] + off if key == "head" else t[key])
            starts.append(k == 0)
        cols["space"][-1] = True
    return Doc(vocab, words=cols["word"], spaces=cols["space"], lemmas=cols["lemma"],
               pos=cols["pos"], tags=cols["tag"], morphs=cols["morph"], heads=cols["head"],
               deps=cols["dep"], sent_starts=starts)


def read_columns(path: Path, word_col: int, tag_col: int, sep: Optional[str] = None,
                 skip_comments: bool = False,
                 comment_prefix: str = "#\t") -> Iterator[Tuple[List[str], List[str]]]:
    """Yield (words, IOB tags) per sentence from a CoNLL-like column file (with
    ``skip_comments``, lines starting with ``comment_prefix`` are skipped)."""
    words: List[str] = []
    tags: List[str] = []
    with open(path, encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if skip_comments and line.startswith(comment_prefix):
                continue
            parts = line.split(sep) if sep else line.split()
            if not line.strip() or parts[0] == "-DOCSTART-":
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            words.append(parts[word_col])
            tags.append(parts[tag_col])
    if words:
        yield words, tags


def fix_iob(tags: Sequence[str]) -> List[str]:
    """Valid IOB2 from IOB1/IOB2 mixtures (an I- after O or after another type becomes B-)."""
    out: List[str] = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def ner_doc(vocab, sents: Sequence[Tuple[List[str], List[str]]]):  # type: ignore[no-untyped-def]
    """One spaCy Doc with gold entities from several (words, IOB tags) sentences."""
    from spacy.tokens import Doc
    from spacy.training import biluo_tags_to_spans, iob_to_biluo

    words: List[str] = []
    tags: List[str] = []
    for w, t in sents:
        words += w
        tags += fix_iob(t)
    doc = Doc(vocab, words=words, spaces=[True] * len(words))
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
    return doc


# UNER annotates PER/LOC/ORG only (and OTH in a few files, scored as O here): predicted
# MISC entities are not counted against a UNER set (see :func:`evaluate`).
UNER_LABELS = ("PER", "LOC", "ORG")
GERMEVAL_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
WNUT_LABELS = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG",
               "product": "MISC", "creative-work": "MISC"}


def germeval_tag(t: str) -> str:
    """GermEval outer tag -> PER/LOC/ORG/MISC. -deriv ("deutsche") and -part ("EU-Mitglied")
    become O: actors are names, not adjectives or compounds containing a name."""
    if t == "O" or t.endswith("deriv") or t.endswith("part"):
        return "O"
    return t[:2] + GERMEVAL_LABELS[t[2:]]


def wnut_tag(t: str) -> str:
    return "O" if t == "O" else t[:2] + WNUT_LABELS[t[2:]]


def germeval_sentences(data: Optional[Path] = None):  # type: ignore[no-untyped-def]
    data = data or shared_data_dir()
    for w, t in read_columns(data / "germeval2014" / "NER-de-test.tsv", 1, 2, sep="\t",
                             skip_comments=True):
        yield w, [germeval_tag(x) for x in t]


def wikigold_sentences(data: Optional[Path] = None):  # type: ignore[no-untyped-def]
    data = data or shared_data_dir()
    return read_columns(data / "ner-en" / "wikigold" / "wikigold.conll.txt", 0, 1, sep=" ")


def is_held_out(index: int) -> bool:
    """The deterministic NER split: every 10th sentence is held out."""
    return index % 10 == 9


# --------------------------------------------------------------------------- gold sets
SENTS_PER_DOC = 10


def smartdata_documents(path: Path) -> Iterator[Dict[str, Any]]:
    """The documents of a DFKI SmartData file (``train.json.gz``/``test.json.gz``: a stream
    of pretty-printed JSON objects) as ``{"id", "text", "mentions": [(start, end, type)]}``
    (character offsets into ``text``)."""
    import gzip
    import json

    dec = json.JSONDecoder()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        buf = fh.read()
    i = 0
    while True:
        while i < len(buf) and buf[i].isspace():
            i += 1
        if i >= len(buf):
            return
        d, i = dec.raw_decode(buf, i)
        mentions = [(m["span"]["start"], m["span"]["end"], m["type"])
                    for m in ((d.get("conceptMentions") or {}).get("array") or [])]
        yield {"id": d["id"], "text": d["text"]["string"], "mentions": mentions}


def smartdata_label(kind: str) -> Optional[str]:
    """SmartData fine-grained type -> PER/LOC/ORG (person; organization, organization-company;
    location and its -city/-street/-stop/-route subtypes), None for the others (dates,
    distances, triggers, ...)."""
    if kind == "person":
        return "PER"
    if kind.startswith("organization"):
        return "ORG"
    if kind.startswith("location"):
        return "LOC"
    return None


def smartdata_gold(make_doc, path: Path):  # type: ignore[no-untyped-def]
    """Gold Docs (tokenised by ``make_doc``) with the PER/LOC/ORG mentions of a SmartData
    file; a mention is widened to whole tokens; overlapping mentions keep the longest."""
    from spacy.util import filter_spans

    docs = []
    for d in smartdata_documents(path):
        doc = make_doc(d["text"])
        spans = []
        for a, e, kind in d["mentions"]:
            label = smartdata_label(kind)
            span = doc.char_span(a, e, label=label, alignment_mode="expand") if label else None
            if span is not None and len(span):
                spans.append(span)
        doc.ents = filter_spans(spans)
        docs.append(doc)
    return docs


def gold_docs(task: str, lang: str, vocab, dataset: Optional[str] = None,
              make_doc=None):  # type: ignore[no-untyped-def]
    """Held-out gold Docs (and the dataset's name) for ``task`` and ``lang`` (``make_doc``:
    the tokenizer, needed by the SmartData set whose gold is given in characters)."""
    data = shared_data_dir()
    if not data.is_dir():
        raise FileNotFoundError(f"shared data not found at {data} (set LAGEBILD_SHARED_DATA)")
    if task == "syntax":
        if lang == "de":
            name = "UD_German-GSD dev"
            path = data / "ud" / "de_gsd-ud-dev.conllu"
        elif lang == "en":
            split = dataset or "test"
            name = f"UD_English-EWT {split}"
            path = data / "ud" / f"en_ewt-ud-{split}.conllu"
        else:
            raise ValueError(f"no syntax evaluation set for {lang!r}")
        sents = list(read_conllu(path))
        docs = [sentences_to_doc(vocab, sents[i:i + SENTS_PER_DOC])
                for i in range(0, len(sents), SENTS_PER_DOC)]
        return name, docs
    if task == "ner":
        if lang == "de" and dataset == "smartdata":
            return "SmartData test (PER/LOC/ORG)", smartdata_gold(
                make_doc, data / "ner-de" / "smartdata" / "test.json.gz")
        if lang == "de":
            name = "GermEval 2014 (every 10th sentence held out)"
            sents = [s for i, s in enumerate(germeval_sentences(data)) if is_held_out(i)]
        elif lang == "en" and dataset in ("uner-ewt", "uner-ewt-test"):
            name = "UNER English-EWT test (PER/LOC/ORG)"
            sents = [(w, [t if t[2:] in UNER_LABELS else "O" for t in tags]) for w, tags in
                     read_columns(data / "ner-en" / "uner-ewt" / "en_ewt-ud-test.iob2", 1, 2,
                                  sep="\t", skip_comments=True, comment_prefix="#")]
        elif lang == "en":
            name = "wikigold (every 10th sentence held out)"
            sents = [s for i, s in enumerate(wikigold_sentences(data)) if is_held_out(i)]
        else:
            raise ValueError(f"no NER evaluation set for {lang!r}")
        docs = [ner_doc(vocab, sents[i:i + SENTS_PER_DOC])
                for i in range(0, len(sents), SENTS_PER_DOC)]
        return name, docs
    raise ValueError(f"task must be 'syntax' or 'ner', not {task!r}")


# --------------------------------------------------------------------------- evaluation
def words_per_second(nlp, texts: Sequence[str], runs: int = 5) -> Tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median words/s of ``nlp.pipe(texts)`` over ``runs`` runs (after one warm-up run):
    (by wall-clock time, by CPU time of this process). Run with OMP_NUM_THREADS=1 for a
    one-core figure; on a busy machine the CPU-time rate is the fairer one-core number."""
    n_words = 0
    for doc in nlp.pipe(texts, batch_size=64):
        n_words += sum(1 for t in doc if not t.is_space)
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        wall.append(n_words / (time.perf_counter() - t0))
        cpu.append(n_words / max(time.process_time() - c0, 1e-9))
    return statistics.median(wall), statistics.median(cpu)


def _pct(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(float(x), 4)


def evaluate(task: str, lang: str, model: Optional[str] = None, *,
             dataset: Optional[str] = None, speed_runs: int = 5,
             pipeline: Optional[str] = None, guard: bool = True) -> Dict[str, Any]:
    """Scores of the pipeline for ``lang`` (or ``model``, a package name or path) on the
    held-out set of ``task`` ("syntax" or "ner").

    ``guard`` (default): the sentence guard runs before the parser, as in every analysis
    (:func:`lagebild.language.sentences.add_sentence_guard`), so the figures are those of
    the pipeline users get; ``guard=False`` scores the trained models alone (the figures
    reported up to session 28 were these; on UD English EWT the guard moved sentence F
    0.715 -> 0.640 before session 29's English rules).

    syntax: upos, xpos, morph (all features), per-feature accuracy for Case/Mood/...,
    uas, las, sentence-boundary P/R/F, lemma accuracy. ner: precision, recall, f1 overall
    and per label. Both: words_per_second (median of ``speed_runs`` runs, one thread).
    """
    from spacy.training import Example

    from . import load_base

    # a pipeline object of its own: the per-process one may carry lagebild's components
    # (pipeline.load adds them to it), and the guard must not be added to that one
    nlp = load_base(lang, model=model, pipeline=pipeline, fresh=True)
    if guard:
        from .sentences import add_sentence_guard

        add_sentence_guard(nlp)
    name, docs = gold_docs(task, lang, nlp.vocab, dataset, make_doc=nlp.make_doc)
    if name.startswith(("UNER", "SmartData")):
        # only the labels the set annotates: predicted MISC spans are dropped before scoring
        from spacy.scorer import Scorer

        preds = list(nlp.pipe(nlp.make_doc(d.text) for d in docs))
        for p in preds:
            p.ents = [e for e in p.ents if e.label_ in UNER_LABELS]
        scores = Scorer.score_spans([Example(p, d) for p, d in zip(preds, docs)], "ents")
    else:
        examples = [Example(nlp.make_doc(d.text), d) for d in docs]
        scores = nlp.evaluate(examples)
    n_tokens = sum(len(d) for d in docs)
    res: Dict[str, Any] = {
        "task": task,
        "lang": lang,
        "model": model or nlp.meta.get("name", lang),
        "pipeline": "accurate" if "lagebild_e5" in nlp.pipe_names else "fast",
        "sentence_guard": "lagebild_sentence_guard" in nlp.pipe_names,
        "dataset": name,
        "docs": len(docs),
        "tokens": n_tokens,
    }
    if task == "syntax":
        per_feat = scores.get("morph_per_feat") or {}
        res.update({
            "upos": _pct(scores.get("pos_acc")),
            "xpos": _pct(scores.get("tag_acc")),
            "morph": _pct(scores.get("morph_acc")),
            "morph_per_feat": {k: _pct(v.get("f")) for k, v in sorted(per_feat.items())
                               if k in ("Case", "Mood", "Tense", "Number", "Person", "Gender",
                                        "VerbForm", "Degree", "Definite", "PronType")},
            "uas": _pct(scores.get("dep_uas")),
            "las": _pct(scores.get("dep_las")),
            "sents_p": _pct(scores.get("sents_p")),
            "sents_r": _pct(scores.get("sents_r")),
            "sents_f": _pct(scores.get("sents_f")),
            "lemma": _pct(scores.get("lemma_acc")),
        })
    else:
        per_type = scores.get("ents_per_type") or {}
        res.update({
            "precision": _pct(scores.get("ents_p")),
            "recall": _pct(scores.get("ents_r")),
            "f1": _pct(scores.get("ents_f")),
            "per_label": {k: {"p": _pct(v["p"]), "r": _pct(v["r"]), "f1": _pct(v["f"])}
                          for k, v in sorted(per_type.items())},
        })
    texts = [d.text for d in docs]
    if speed_runs:
        wall, cpu = words_per_second(nlp, texts, runs=speed_runs)
        res["words_per_second"] = round(wall)
        res["words_per_cpu_second"] = round(cpu)
    else:
        res["words_per_second"] = res["words_per_cpu_second"] = None
    return res
