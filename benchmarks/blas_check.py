"""Which BLAS kernels do the pipeline's matrix products run on, and how fast? (issue 15)

    OMP_NUM_THREADS=1 python benchmarks/blas_check.py [--reps 20]

Prints the BLIS sub-configuration the ``blis`` package chose for this CPU, and single-
precision GFLOPS (CPU time, one thread) of numpy's BLAS and of BLIS on the products the
fast pipeline computes: a CNN tok2vec layer over a batch of tokens ((7200x384)·(384x384),
done by numpy, see ``lagebild.language.cpu_ops``) and a transition step of the parser
or NER (states x 64 hidden units · 64 x classes, done by BLIS in spaCy's step loop),
first with the kernels BLIS chose and then after
:func:`lagebild.language.blis_kernels.use_avx2_kernels` (which switches only when BLIS
chose ``generic`` on a CPU with AVX2 and FMA). Also the largest absolute difference
between BLIS's and numpy's products (float32 rounding, ~1e-4 for these sizes).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

# (rows, inner, columns): tok2vec layer over ~16 articles; parser step with 4 and 64 states
SHAPES = [(7200, 384, 384), (4, 64, 150), (64, 64, 150)]


def _gflops(product, a, b, reps: int) -> float:  # type: ignore[no-untyped-def]
    product(a, b)
    start = time.process_time()
    for _ in range(reps):
        product(a, b)
    seconds = max((time.process_time() - start) / reps, 1e-9)
    return 2 * a.shape[0] * a.shape[1] * b.shape[0] / seconds / 1e9


def main(argv=None) -> int:  # type: ignore[no-untyped-def]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=20, help="repetitions of the large product (small: x1000)")
    args = ap.parse_args(argv)
    import numpy as np

    try:
        import blis.py
    except ImportError:
        print("blis is not installed")
        return 0
    from lagebild.language import blis_kernels

    rng = np.random.default_rng(0)
    data = [(rng.random((m, k), dtype=np.float32), rng.random((n, k), dtype=np.float32)) for m, k, n in SHAPES]

    def numpy_product(a, b):  # type: ignore[no-untyped-def]
        return a @ b.T

    def blis_product(a, b):  # type: ignore[no-untyped-def]
        return blis.py.gemm(a, b, trans2=True)

    def table(label: str) -> None:
        for (m, k, n), (a, b) in zip(SHAPES, data):
            reps = args.reps if m * n > 10_000 else args.reps * 1000
            diff = float(np.abs(blis_product(a, b) - numpy_product(a, b)).max())
            print(f"  {label:22s} ({m}x{k})·({k}x{n}): numpy {_gflops(numpy_product, a, b, reps):6.1f}"
                  f"  BLIS {_gflops(blis_product, a, b, reps):6.1f} GFLOPS  max |BLIS - numpy| {diff:.1e}")

    print(f"BLIS sub-configuration: {blis_kernels.blis_configuration()}; "
          f"AVX2 and FMA: {blis_kernels.cpu_has_avx2_fma()}")
    table("kernels BLIS chose")
    if blis_kernels.use_avx2_kernels():
        table("after use_avx2_kernels")
    else:
        print("  use_avx2_kernels: not switched (BLIS knows this CPU, no AVX2/FMA, "
              f"or ${blis_kernels.ENV}=0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
