"""lagebild.language.blis_kernels: BLIS's AVX2 kernels where its detection fell back to its
generic ones; the products stay those of numpy's BLAS up to float32 rounding."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

blis_py = pytest.importorskip("blis.py")

from lagebild.language import blis_kernels  # noqa: E402


@pytest.mark.parametrize("flags, expected", [
    ("fpu sse2 avx avx2 fma bmi2", True),      # Haswell and later, Zen
    ("fpu sse2 avx avx2 bmi2", False),         # AVX2 without FMA: kernels would fault
    ("fpu sse2 avx fma", False),               # FMA without AVX2
    ("fpu sse2 sse4_2", False),                # older x86-64
])
def test_cpu_flags(tmp_path, flags, expected):
    info = tmp_path / "cpuinfo"
    info.write_text(f"processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: {flags}\n", encoding="ascii")
    assert blis_kernels.cpu_has_avx2_fma(str(info)) is expected


def test_cpu_flags_unreadable(tmp_path):
    assert blis_kernels.cpu_has_avx2_fma(str(tmp_path / "missing")) is False


@pytest.mark.parametrize("value", [None, "", "0", "yes"])
def test_without_opt_in_the_chosen_kernels_stay(monkeypatch, value):
    if value is None:
        monkeypatch.delenv(blis_kernels.ENV, raising=False)
    else:
        monkeypatch.setenv(blis_kernels.ENV, value)
    blis_kernels.use_avx2_kernels.cache_clear()
    try:
        assert blis_kernels.use_avx2_kernels() is False
    finally:
        blis_kernels.use_avx2_kernels.cache_clear()


def test_configuration_is_named():
    name = blis_kernels.blis_configuration()
    assert name is None or (name and name.isascii())


def test_switches_on_a_generic_avx2_machine(monkeypatch):
    """Where BLIS chose "generic" on a CPU with AVX2 and FMA (the project's AMD EPYC,
    family 0x19), the switch happens; elsewhere this is skipped."""
    monkeypatch.setenv(blis_kernels.ENV, "1")
    if blis_kernels.blis_configuration() != "generic" or not blis_kernels.cpu_has_avx2_fma():
        pytest.skip("BLIS knows this CPU, or it has no AVX2/FMA")
    blis_kernels.use_avx2_kernels.cache_clear()
    assert blis_kernels.use_avx2_kernels() is True


def _switch() -> None:
    """Opt in and switch (process-wide, as at run time with $LAGEBILD_BLIS_KERNELS=1), so the
    products below run on the AVX2 kernels where the switch applies."""
    import os

    old = os.environ.get(blis_kernels.ENV)
    os.environ[blis_kernels.ENV] = "1"
    try:
        blis_kernels.use_avx2_kernels.cache_clear()
        blis_kernels.use_avx2_kernels()
    finally:
        if old is None:
            del os.environ[blis_kernels.ENV]
        else:
            os.environ[blis_kernels.ENV] = old


# larger than the Haswell and generic block sizes (MC, KC, NC), so packing buffers are
# taken at the new sizes; the parser's step shapes (few states x 64 x classes)
LARGE = [(520, 1100, 4200), (7200, 384, 384), (4, 64, 150), (1, 64, 17), (33, 640, 384)]


@pytest.mark.parametrize("m, k, n", LARGE)
def test_products_equal_numpy_after_switch(m, k, n):
    _switch()
    rng = np.random.default_rng(m + k + n)
    x = rng.standard_normal((m, k)).astype("f")
    y = rng.standard_normal((n, k)).astype("f")
    out = blis_py.gemm(x, y, trans2=True)
    np.testing.assert_allclose(out, x @ y.T, rtol=1e-3, atol=1e-3 * np.sqrt(k))


@settings(max_examples=40, deadline=None)
@given(m=st.integers(1, 70), k=st.integers(1, 70), n=st.integers(1, 70),
       trans1=st.booleans(), trans2=st.booleans(), seed=st.integers(0, 2**16))
def test_small_products_equal_numpy_after_switch(m, k, n, trans1, trans2, seed):
    _switch()
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((k, m) if trans1 else (m, k)).astype("f")
    y = rng.standard_normal((n, k) if trans2 else (k, n)).astype("f")
    out = blis_py.gemm(x, y, trans1=trans1, trans2=trans2)
    plain = (x.T if trans1 else x) @ (y.T if trans2 else y)
    np.testing.assert_allclose(out, plain, rtol=1e-4, atol=1e-4)


@settings(max_examples=30, deadline=None)
@given(rows=st.integers(1, 50), dims=st.integers(1, 200), keys=st.integers(1, 5), seed=st.integers(0, 2**16))
def test_gather_add_equals_numpy_after_switch(rows, dims, keys, seed):
    """thinc's hash-embedding sum (``NumpyOps.gather_add``, BLIS saxpy) after the switch."""
    thinc_api = pytest.importorskip("thinc.api")
    _switch()
    rng = np.random.default_rng(seed)
    table = rng.standard_normal((97, dims)).astype("f")
    indices = rng.integers(0, 97, size=(rows, keys)).astype("uint32")
    out = thinc_api.NumpyOps().gather_add(table, indices)
    np.testing.assert_allclose(out, table[indices.astype(np.int64)].sum(axis=1), rtol=1e-5, atol=1e-5)
