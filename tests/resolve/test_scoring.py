"""Brier score, Murphy decomposition, log score and calibration bins against scikit-learn
and hand-computed values."""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.resolve.scoring import brier, calibration_table, log_score, murphy_decomposition

sklearn_metrics = pytest.importorskip("sklearn.metrics")

probs = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
pairs = st.lists(st.tuples(probs, st.integers(0, 1)), min_size=1, max_size=60)
# stated probabilities are discrete (words of estimative probability): few distinct values
wep = st.lists(st.tuples(st.sampled_from([0.05, 0.25, 0.4, 0.5, 0.7, 0.75, 0.93]), st.integers(0, 1)), min_size=1, max_size=60)


@settings(max_examples=200, deadline=None)
@given(pairs)
def test_brier_matches_sklearn(data):
    p, y = [d[0] for d in data], [d[1] for d in data]
    assert brier(p, y) == pytest.approx(sklearn_metrics.brier_score_loss(y, p, pos_label=1), abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(pairs)
def test_log_score_matches_sklearn(data):
    p, y = [d[0] for d in data], [d[1] for d in data]
    expected = sklearn_metrics.log_loss(y, p, labels=[0, 1])
    assert log_score(p, y) == pytest.approx(expected, rel=1e-9, abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(wep)
def test_murphy_decomposition_adds_up(data):
    p, y = [d[0] for d in data], [d[1] for d in data]
    d = murphy_decomposition(p, y)
    assert d["reliability"] - d["resolution"] + d["uncertainty"] == pytest.approx(brier(p, y), abs=1e-12)
    assert d["reliability"] + d["refinement"] == pytest.approx(brier(p, y), abs=1e-12)
    assert d["reliability"] >= 0 and d["resolution"] >= 0 and 0 <= d["uncertainty"] <= 0.25


@settings(max_examples=100, deadline=None)
@given(pairs)
def test_calibration_bins_partition_the_forecasts(data):
    p, y = [d[0] for d in data], [d[1] for d in data]
    rows = calibration_table(p, y)
    assert sum(r["n"] for r in rows) == len(p)
    for r in rows:
        lo, hi = (float(x) for x in r["bin"].split("-"))
        assert lo - 1e-9 <= r["mean_p"] <= hi + 1e-9
        assert 0 <= r["observed"] <= 1


def test_hand_computed_values():
    p, y = [0.75, 0.93, 0.8, 0.4], [1, 1, 0, 1]
    assert brier(p, y) == pytest.approx((0.0625 + 0.0049 + 0.64 + 0.36) / 4)
    assert log_score(p, y) == pytest.approx(-(math.log(0.75) + math.log(0.93) + math.log(0.2) + math.log(0.4)) / 4)
    d = murphy_decomposition([0.7, 0.7, 0.2, 0.2], [1, 0, 0, 0])
    # groups: 0.7 -> observed 0.5 (n=2); 0.2 -> observed 0.0 (n=2); base rate 0.25
    assert d["reliability"] == pytest.approx((2 * 0.2**2 + 2 * 0.2**2) / 4)
    assert d["resolution"] == pytest.approx((2 * 0.25**2 + 2 * 0.25**2) / 4)
    assert d["uncertainty"] == pytest.approx(0.25 * 0.75)
    assert calibration_table([0.7, 0.75, 0.1, 0.0, 1.0], [1, 0, 0, 0, 1]) == [
        {"bin": "0.0-0.1", "n": 1, "mean_p": 0.0, "observed": 0.0},
        {"bin": "0.1-0.2", "n": 1, "mean_p": 0.1, "observed": 0.0},
        {"bin": "0.7-0.8", "n": 2, "mean_p": pytest.approx(0.725), "observed": 0.5},
        {"bin": "0.9-1.0", "n": 1, "mean_p": 1.0, "observed": 1.0},
    ]


def test_empty_and_bad_input():
    assert brier([], []) is None and log_score([], []) is None and murphy_decomposition([], []) is None
    assert calibration_table([], []) == []
    with pytest.raises(ValueError):
        brier([0.5], [1, 0])
    with pytest.raises(ValueError):
        brier([1.5], [1])
    with pytest.raises(ValueError):
        log_score([0.5], [2])
