"""lagebild.language.cpu_ops: pipelines loaded with numpy's BLAS instead of thinc's BLIS give
the same analyses (same maths up to float32 rounding)."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

thinc_api = pytest.importorskip("thinc.api")

from lagebild.language import MODELS_DIR, cpu_ops, load_base  # noqa: E402


def test_models_built_inside_use_numpy_blas(monkeypatch):
    monkeypatch.delenv("LAGEBILD_BLIS", raising=False)
    with cpu_ops():
        assert thinc_api.Linear(4, 3).ops.use_blis is False
    assert thinc_api.Linear(4, 3).ops.use_blis is True  # the context does not leak


def test_env_keeps_blis(monkeypatch):
    monkeypatch.setenv("LAGEBILD_BLIS", "1")
    with cpu_ops():
        assert thinc_api.Linear(4, 3).ops.use_blis is True


@settings(max_examples=40, deadline=None)
@given(m=st.integers(1, 40), k=st.integers(1, 40), n=st.integers(1, 40),
       trans1=st.booleans(), trans2=st.booleans(), seed=st.integers(0, 2**16))
def test_numpy_gemm_equals_blis_gemm(m, k, n, trans1, trans2, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((k, m) if trans1 else (m, k)).astype("f")
    y = rng.standard_normal((n, k) if trans2 else (k, n)).astype("f")
    blis = thinc_api.NumpyOps(use_blis=True).gemm(x, y, trans1=trans1, trans2=trans2)
    plain = thinc_api.NumpyOps(use_blis=False).gemm(x, y, trans1=trans1, trans2=trans2)
    assert plain.dtype == np.float32 and plain.shape == blis.shape == (m, n)
    np.testing.assert_allclose(plain, blis, rtol=1e-4, atol=1e-4)


def test_german_pipeline_same_analysis_with_and_without_blis(monkeypatch):
    if not (MODELS_DIR / "de" / "config.cfg").is_file():
        pytest.skip(f"no shipped model at {MODELS_DIR / 'de'}")
    text = ("Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten "
            "Emmanuel Macron. Die Deutsche Bank meldete einen Gewinn. Der Kreml-Sprecher Dmitri "
            "Peskow sagte, Russland werde nicht verhandeln.")
    monkeypatch.setenv("LAGEBILD_BLIS", "1")
    blis = load_base("de", fresh=True)
    monkeypatch.setenv("LAGEBILD_BLIS", "0")
    plain = load_base("de", fresh=True)
    assert plain.get_pipe("tok2vec").model.ops.use_blis is False
    a, b = blis(text), plain(text)
    assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
    assert [(t.tag_, t.pos_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.pos_, t.dep_, t.head.i) for t in b]


def test_openblas_runs_on_one_thread_after_cpu_ops(monkeypatch):
    threadpoolctl = pytest.importorskip("threadpoolctl")
    import lagebild.language as lang

    monkeypatch.delenv("LAGEBILD_BLIS", raising=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    controller = threadpoolctl.ThreadpoolController().select(internal_api="openblas")
    if not controller.lib_controllers:
        pytest.skip("numpy is not linked to OpenBLAS here")
    lang._one_blas_thread.cache_clear()
    with controller.limit(limits=2):  # restores the original limits afterwards
        with cpu_ops():
            pass
        assert all(info["num_threads"] == 1 for info in
                   threadpoolctl.ThreadpoolController().select(internal_api="openblas").info())
    lang._one_blas_thread.cache_clear()
