"""Feasibility probe: German NER from the frozen e5 encoder (issue 10, not shipped).

    OMP_NUM_THREADS=1 nice -n 19 python training/e5_ner_probe.py            # features + head
    python training/e5_ner_probe.py --epochs 30                              # reuse features

Reads GermEval 2014 through ``lagebild.language.evaluate`` (the official test file, outer
labels, ``-deriv``/``-part`` → O, OTH → MISC) with the project's split: every 10th sentence
(``is_held_out``) is held out and used ONLY for the final score; a tenth of the remaining
training sentences (index % 10 == 4) is the development part for choosing the epoch.

1. Features, computed once (``training/output/e5_ner_features.npz``, git-ignored): each
   word is tokenised on its own ("▁" + word, which is how the engine's Viterbi splits it,
   as pieces never cross a "▁"), a sentence is ``<s>`` + pieces + ``</s>`` (at most 512),
   and a word's feature is the mean of its pieces' hidden states of the last layer and of
   layer 8, concatenated (768 values, float16). The encoder is frozen.
2. The head (``--head``): ``mlp``, a one-hidden-layer MLP (768 → 256 → IOB tags) per word,
   or ``lstm``, a one-layer BiLSTM (2 x 128) over the sentence's word features; softmax,
   Adam, dropout 0.2, the epoch with the best dev F1; decoding repairs an I- after O into B-.
3. The score: exact-span precision / recall / F1 over PER/LOC/ORG/MISC (as spaCy's
   ``ents_f`` in ``lagebild eval ner``), overall and per label, printed as a table.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
FEATURES = REPO / "training" / "output" / "e5_ner_features.npz"
LAYERS = (8, 12)


def sentences() -> List[Tuple[List[str], List[str], str]]:
    """``[(words, IOB tags, part)]`` with part "train", "dev" (for epoch choice) or
    "heldout" (the project's held-out 10 %)."""
    from lagebild.language.evaluate import fix_iob, germeval_sentences, is_held_out

    out = []
    train_i = 0
    for i, (words, tags) in enumerate(germeval_sentences()):
        if is_held_out(i):
            part = "heldout"
        else:
            part = "dev" if train_i % 10 == 4 else "train"
            train_i += 1
        out.append((words, fix_iob(tags), part))
    return out


def word_features(enc, sents: Sequence[List[str]], batch_size: int = 16) -> List[np.ndarray]:  # type: ignore[no-untyped-def]
    """Per sentence a float16 array [words, 2 x hidden] (see module docstring)."""
    import torch

    tok = enc.tokenizer
    seqs, spans = [], []
    for words in sents:
        ids, sp = [tok.bos], []
        for w in words:
            p = tok.ids(w) or [tok.unk]
            if len(ids) + len(p) > enc.max_content + 1:
                p = p[: max(1, enc.max_content + 1 - len(ids))]
            sp.append((len(ids), len(ids) + len(p)))
            ids += p
        seqs.append(ids[: enc.max_content + 1] + [tok.eos])
        spans.append(sp)
    out: List[np.ndarray] = [np.zeros(0)] * len(sents)
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    t0 = time.perf_counter()
    for b in range(0, len(order), batch_size):
        idx = order[b:b + batch_size]
        layers = enc.hidden([seqs[i] for i in idx], layers=LAYERS)
        for k, i in enumerate(idx):
            feats = []
            for a, e in spans[i]:
                e = min(e, len(seqs[i]) - 1)
                a = min(a, e - 1)
                feats.append(torch.cat([lay[k][a:e].mean(0) for lay in layers]))
            out[i] = torch.stack(feats).numpy().astype(np.float16)
        if b // batch_size % 20 == 0:
            print(f"  features {b + len(idx)}/{len(seqs)} sentences, {time.perf_counter() - t0:.0f} s",
                  flush=True)
    return out


def spans_of(tags: Sequence[str]) -> set:
    """Entity spans ``{(start, end, label)}`` of an IOB2 sequence (the runtime's decoder,
    :func:`lagebild.language.accurate.spans_of`, as a set)."""
    from lagebild.language.accurate import spans_of as runtime_spans

    return set(runtime_spans(tags))


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> Dict[str, Dict[str, float]]:
    """Exact-span P/R/F1 overall ("ALL") and per label."""
    counts: Dict[str, List[int]] = {}
    for g, p in zip(gold, pred):
        gs, ps = spans_of(g), spans_of(p)
        for lab in {s[2] for s in gs | ps} | {"ALL"}:
            c = counts.setdefault(lab, [0, 0, 0])
            gl = {s for s in gs if lab in ("ALL", s[2])}
            pl = {s for s in ps if lab in ("ALL", s[2])}
            c[0] += len(gl & pl)
            c[1] += len(pl)
            c[2] += len(gl)
    res = {}
    for lab, (tp, np_, ng) in counts.items():
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        res[lab] = {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": ng}
    return res


class _LSTMHead:  # built lazily so that importing this script needs no torch
    @staticmethod
    def make(dim: int, n_labels: int):  # type: ignore[no-untyped-def]
        from torch import nn

        class Head(nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.drop = nn.Dropout(0.2)
                self.lstm = nn.LSTM(dim, 128, batch_first=True, bidirectional=True)
                self.out = nn.Linear(256, n_labels)

            def forward(self, x):  # type: ignore[no-untyped-def]
                h, _ = self.lstm(self.drop(x))
                return self.out(self.drop(h))

        return Head()


def train_head(X: Dict[str, List[np.ndarray]], Y: Dict[str, List[List[str]]], epochs: int,
               head_kind: str = "mlp", seed: int = 0):  # type: ignore[no-untyped-def]
    """Train the head on ``X["train"]``, keep the epoch with the best F1 on ``X["dev"]``;
    returns (predict function, best epoch, its dev F1). ``head_kind``: "mlp" (per word) or
    "lstm" (a one-layer BiLSTM, 2 x 128, over the sentence's frozen word features)."""
    import torch
    from torch import nn

    torch.manual_seed(seed)
    labels = sorted({t for s in Y["train"] for t in s})
    lid = {t: i for i, t in enumerate(labels)}
    dim = X["train"][0].shape[1]
    if head_kind == "lstm":
        head = _LSTMHead.make(dim, len(labels))
    else:
        head = nn.Sequential(nn.Dropout(0.2), nn.Linear(dim, 256), nn.GELU(), nn.Dropout(0.2),
                             nn.Linear(256, len(labels)))
    opt = torch.optim.Adam(head.parameters(), lr=1e-3)

    def batch_tensor(xs: List[np.ndarray]):  # type: ignore[no-untyped-def]
        L = max(len(x) for x in xs)
        out = torch.zeros((len(xs), L, dim))
        for i, x in enumerate(xs):
            out[i, : len(x)] = torch.from_numpy(x.astype(np.float32))
        return out

    def predict(xs: List[np.ndarray]) -> List[List[str]]:
        head.eval()
        out = []
        with torch.inference_mode():
            for b in range(0, len(xs), 64):
                chunk = xs[b:b + 64]
                if head_kind == "lstm":
                    scores = head(batch_tensor(chunk))
                    ids = [scores[i, : len(x)].argmax(1).tolist() for i, x in enumerate(chunk)]
                else:
                    ids = [head(torch.from_numpy(x.astype(np.float32))).argmax(1).tolist() for x in chunk]
                for seq in ids:
                    tags = [labels[i] for i in seq]
                    prev = "O"
                    for j, t in enumerate(tags):  # I- after O / another type -> B-
                        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
                            tags[j] = "B-" + t[2:]
                        prev = tags[j]
                    out.append(tags)
        head.train()
        return out

    if head_kind == "lstm":
        ys = [torch.tensor([lid[t] for t in s]) for s in Y["train"]]
    else:
        xtr = torch.from_numpy(np.concatenate(X["train"]).astype(np.float32))
        ytr = torch.tensor([lid[t] for s in Y["train"] for t in s])
    best = (-1.0, 0, None)
    for ep in range(1, epochs + 1):
        t0 = time.perf_counter()
        if head_kind == "lstm":
            perm = torch.randperm(len(ys)).tolist()
            for b in range(0, len(perm), 32):
                idx = perm[b:b + 32]
                x = batch_tensor([X["train"][i] for i in idx])
                y = torch.full(x.shape[:2], -100, dtype=torch.long)
                for k, i in enumerate(idx):
                    y[k, : len(ys[i])] = ys[i]
                loss = nn.functional.cross_entropy(head(x).reshape(-1, len(labels)), y.reshape(-1),
                                                   ignore_index=-100)
                opt.zero_grad()
                loss.backward()
                opt.step()
        else:
            perm = torch.randperm(len(ytr))
            for b in range(0, len(perm), 256):
                i = perm[b:b + 256]
                loss = nn.functional.cross_entropy(head(xtr[i]), ytr[i])
                opt.zero_grad()
                loss.backward()
                opt.step()
        f1 = score(Y["dev"], predict(X["dev"]))["ALL"]["f1"]
        if f1 > best[0]:
            best = (f1, ep, {k: v.clone() for k, v in head.state_dict().items()})
        print(f"  epoch {ep:>2}: dev F1 {f1:.4f} ({time.perf_counter() - t0:.0f} s)", flush=True)
    head.load_state_dict(best[2])
    return predict, best[1], best[0]


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--encoder", type=Path, default=REPO / "training" / "output" / "e5",
                    help="directory written by training/e5_convert.py")
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--recompute", action="store_true", help="recompute the cached features")
    ap.add_argument("--head", choices=("mlp", "lstm"), default="mlp")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import torch

    torch.set_num_threads(1)
    data = sentences()
    parts = ("train", "dev", "heldout")
    Y = {p: [t for _, t, q in data if q == p] for p in parts}
    if FEATURES.is_file() and not args.recompute:
        z = np.load(FEATURES, allow_pickle=False)
        flat, lengths = z["features"], z["lengths"]
        feats = np.split(flat, np.cumsum(lengths)[:-1])
    else:
        from lagebild.language.encoder import E5Encoder

        t0 = time.perf_counter()
        feats = word_features(E5Encoder(args.encoder), [w for w, _, _ in data])
        print(f"features for {len(data)} sentences in {time.perf_counter() - t0:.0f} s")
        FEATURES.parent.mkdir(parents=True, exist_ok=True)
        np.savez(FEATURES, features=np.concatenate(feats), lengths=np.array([len(f) for f in feats]))
    X = {p: [f for f, (_, _, q) in zip(feats, data) if q == p] for p in parts}
    print({p: len(X[p]) for p in parts}, "sentences (train / dev for the epoch / held out)")
    predict, epoch, dev_f1 = train_head(X, Y, args.epochs, args.head)
    res = score(Y["heldout"], predict(X["heldout"]))
    print(f"\nGermEval 2014 held-out 10 % (every 10th sentence), frozen e5 + {args.head} head "
          f"(epoch {epoch}, dev F1 {dev_f1:.4f})")
    print(f"{'label':<6}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for lab in sorted(res, key=lambda k: (k != "ALL", k)):
        r = res[lab]
        print(f"{lab:<6}{r['gold']:>6}{r['p']:>8.3f}{r['r']:>8.3f}{r['f1']:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
