"""Proper scores of probability forecasts: Brier score, its Murphy decomposition, the log
score, and calibration tables.

All functions take forecast probabilities ``p`` (of the predicted event happening, in
[0, 1]) and binary outcomes ``y`` (1 = it happened, 0 = it did not), as equal-length
sequences. Empty input gives ``None`` (there is nothing to score).

Sources:

- Brier, G. W. (1950). Verification of forecasts expressed in terms of probability.
  Monthly Weather Review 78(1), 1-3: BS = mean((p - y)^2), 0 = perfect, lower is better.
- Murphy, A. H. (1973). A new vector partition of the probability score. Journal of
  Applied Meteorology 12(4), 595-600: BS = reliability - resolution + uncertainty, with the
  forecasts grouped by their distinct probability values (exact for such groups).
- Murphy, A. H. & Winkler, R. L. (1987). A general framework for forecast verification.
  Monthly Weather Review 115, 1330-1338: the calibration-refinement factorisation,
  BS = reliability + refinement, refinement = uncertainty - resolution.
- Good, I. J. (1952). Rational decisions. JRSS B 14(1), 107-114: the logarithmic score;
  reported here as the mean negative log-likelihood in nats ("log loss", lower is better),
  with p clipped to [eps, 1 - eps], eps = machine epsilon of float64, as scikit-learn's
  ``log_loss`` does.
"""
from __future__ import annotations

import math
import sys
from typing import Dict, List, Optional, Sequence

EPS = sys.float_info.epsilon  # 2.22e-16, numpy.finfo(float64).eps
N_BINS = 10


def _check(p: Sequence[float], y: Sequence[int]) -> None:
    if len(p) != len(y):
        raise ValueError(f"{len(p)} probabilities but {len(y)} outcomes")
    for v in p:
        if not (0.0 <= float(v) <= 1.0):
            raise ValueError(f"probability {v!r} outside [0, 1]")
    for v in y:
        if v not in (0, 1, True, False):
            raise ValueError(f"outcome {v!r} is not 0 or 1")


def brier(p: Sequence[float], y: Sequence[int]) -> Optional[float]:
    """Mean squared difference of probability and outcome, in [0, 1] (Brier 1950)."""
    _check(p, y)
    if not p:
        return None
    return sum((float(pi) - int(yi)) ** 2 for pi, yi in zip(p, y)) / len(p)


def log_score(p: Sequence[float], y: Sequence[int]) -> Optional[float]:
    """Mean negative log-likelihood in nats (Good 1952; scikit-learn's ``log_loss``), >= 0."""
    _check(p, y)
    if not p:
        return None
    total = 0.0
    for pi, yi in zip(p, y):
        q = min(max(float(pi), EPS), 1.0 - EPS)
        total -= math.log(q) if int(yi) else math.log(1.0 - q)
    return total / len(p)


def murphy_decomposition(p: Sequence[float], y: Sequence[int]) -> Optional[Dict[str, float]]:
    """Murphy's (1973) partition of the Brier score over the distinct forecast values.

    Returns ``{reliability, resolution, uncertainty, refinement}`` with
    ``brier == reliability - resolution + uncertainty`` (exactly, up to rounding) and
    ``refinement = uncertainty - resolution`` (Murphy & Winkler 1987). Reliability (lower
    is better) measures how far each stated probability is from the observed frequency of
    the forecasts that stated it; resolution (higher is better) how far those frequencies
    are from the base rate; uncertainty is the base rate's variance, o(1 - o).
    """
    _check(p, y)
    n = len(p)
    if not n:
        return None
    groups: Dict[float, List[int]] = {}
    for pi, yi in zip(p, y):
        groups.setdefault(float(pi), []).append(int(yi))
    base = sum(int(v) for v in y) / n
    rel = res = 0.0
    for pk, ys in groups.items():
        ok = sum(ys) / len(ys)
        rel += len(ys) * (pk - ok) ** 2
        res += len(ys) * (ok - base) ** 2
    rel, res = rel / n, res / n
    unc = base * (1.0 - base)
    return {"reliability": rel, "resolution": res, "uncertainty": unc, "refinement": unc - res}


def bin_label(k: int, n_bins: int = N_BINS) -> str:
    return f"{k / n_bins:.1f}-{(k + 1) / n_bins:.1f}"


def calibration_table(p: Sequence[float], y: Sequence[int], n_bins: int = N_BINS) -> List[Dict[str, object]]:
    """Forecasts grouped into ``n_bins`` equal probability bins ([0, 0.1), …, [0.9, 1.0]).

    One row per non-empty bin, lowest first: ``{bin: "0.7-0.8", n, mean_p, observed}``
    where ``observed`` is the fraction of the bin's forecasts that came true — the points of
    a reliability diagram (a calibrated forecaster's lie on the diagonal).
    """
    _check(p, y)
    bins: Dict[int, List[int]] = {}
    sums: Dict[int, float] = {}
    for pi, yi in zip(p, y):
        k = min(int(math.floor(round(float(pi) * n_bins, 9))), n_bins - 1)  # 0.7*10 = 7.000…1
        bins.setdefault(k, []).append(int(yi))
        sums[k] = sums.get(k, 0.0) + float(pi)
    return [
        {
            "bin": bin_label(k, n_bins),
            "n": len(bins[k]),
            "mean_p": sums[k] / len(bins[k]),
            "observed": sum(bins[k]) / len(bins[k]),
        }
        for k in sorted(bins)
    ]
