"""BLIS's AVX2 kernels on x86-64 CPUs that its run-time detection does not know.

spaCy's parser and NER run their transition loop (one small matrix product per step,
``spacy/ml/parser_model.pyx: predict_states``) and thinc's hash embeddings
(``gather_add``) through BLIS, the BLAS that thinc bundles (package ``blis``), whatever
:func:`lagebild.language.cpu_ops` chose for the large products. BLIS picks its kernels by
CPUID when it starts. The ``blis`` 1.3.4 wheel (``constraints.txt``) holds the Haswell and
Zen kernels but knows AMD CPUs only up to family 0x17 (Zen 2): on a Zen 3 or later CPU
(family 0x19, e.g. the project's AMD EPYC machine) it falls back to its ``generic``
reference kernels, about 2.9x slower on large single-precision products (29 against 83
GFLOPS, one thread) and 2.2x on a parser step of 64 states (22 against 47); at 4 states
the call's fixed cost dominates (``BLIS_ARCH_DEBUG=1`` prints the choice;
``benchmarks/blas_check.py`` measures it). Measured on German news, 4 articles per batch
as a parallel ingest's worker runs them: parser 0.6-0.9 CPU ms per article less
(13.9-14.1 -> 13.0-13.1 and 11.8 -> 11.2 in two sessions of alternating runs), NER and
the whole pipeline unchanged within the shared machine's noise. This wheel reads no
``BLIS_ARCH_TYPE`` to override the choice.

:func:`use_avx2_kernels` re-initialises BLIS's active context with its Haswell
(AVX2 + FMA) kernels and block sizes, through BLIS's exported configuration function
``bli_cntx_init_haswell``, when all hold:

* BLIS chose its ``generic`` configuration (a CPU it knows keeps its own choice);
* the CPU has AVX2 and FMA (``/proc/cpuinfo``; Linux only);
* the library exports the functions used (else nothing is changed);
* ``$LAGEBILD_BLIS_KERNELS`` is ``1``: the switch is opt-in. It writes BLIS's global
  context through a function BLIS exports but does not document as API, for about 1 % of
  the analysis' CPU (within the noise of a whole-pipeline run), so the lead chose at the
  session-27 merge not to make every process depend on it.

It is called once per process before a fast pipeline is loaded. The kernels compute the
same products in another order of float32 additions, so scores may differ in the last
bits; the analysis output was compared document by document (``benchmarks/same_output.py``,
see the CHANGELOG entry of session 27).
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Optional

ENV = "LAGEBILD_BLIS_KERNELS"


def _library():  # type: ignore[no-untyped-def]
    """The loaded BLIS shared object as a ctypes library, or None (no ``blis`` package, or
    not a shared object ctypes can open)."""
    try:
        import ctypes

        import blis.cy
    except ImportError:
        return None
    try:
        return ctypes.CDLL(blis.cy.__file__)
    except OSError:
        return None


def blis_configuration() -> Optional[str]:
    """The name of the BLIS sub-configuration in use ("generic", "haswell", "zen2" …), or
    None when it cannot be read (no ``blis``, or the symbols are not exported). Initialises
    BLIS if it was not yet."""
    import ctypes

    lib = _library()
    if lib is None:
        return None
    try:
        query, name = lib.bli_arch_query_id, lib.bli_arch_string
    except AttributeError:
        return None
    query.restype = ctypes.c_int
    name.restype = ctypes.c_char_p
    name.argtypes = [ctypes.c_int]
    value = name(query())
    return value.decode("ascii", "replace") if value else None


def cpu_has_avx2_fma(cpuinfo: str = "/proc/cpuinfo") -> bool:
    """Whether the CPU flags in ``cpuinfo`` (Linux's ``/proc/cpuinfo``) include ``avx2``
    and ``fma``; False when the file cannot be read."""
    try:
        with open(cpuinfo, encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[-1].split())
                    return "avx2" in flags and "fma" in flags
    except OSError:
        return False
    return False


@lru_cache(maxsize=1)
def use_avx2_kernels() -> bool:
    """Switch BLIS from its generic kernels to its Haswell (AVX2) ones when the conditions
    of the module docstring hold; True if it did. Once per process (cached)."""
    if os.environ.get(ENV, "").strip() != "1":
        return False
    if blis_configuration() != "generic" or not cpu_has_avx2_fma():
        return False
    import ctypes

    lib = _library()
    try:
        context, init = lib.bli_gks_query_cntx, lib.bli_cntx_init_haswell  # type: ignore[union-attr]
    except AttributeError:
        return False
    context.restype = ctypes.c_void_p
    init.argtypes = [ctypes.c_void_p]
    pointer = context()
    if not pointer:
        return False
    init(pointer)
    return True
