"""Scorecards: per holder, how many forecasts, how many resolved, how often right, and how
well the stated probabilities match what happened.

Only analysts' decisions count (:mod:`.decisions`), never automatic proposals. Outcomes
"true" and "false" are the binary outcomes scored; "partly" and "void" are counted apart
and excluded from hits, hit rate, Brier and log scores and the calibration table. A
forecast's probability is that of the forecast coming true as stated (for "X will not
happen", that X does not happen); forecasts without a probability count in the hit rate
but not in the probability scores.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Optional

from .decisions import current
from .holders import HolderNames
from .ids import forecast_id
from .scoring import brier, calibration_table, log_score, murphy_decomposition


def _rows(store: Any, since: Optional[date]) -> List[Dict[str, Any]]:
    sql = "SELECT f.doc_id, f.idx, f.holder, f.probability, f.published, f.data FROM forecasts f"
    params: List[Any] = []
    if since:
        sql += " WHERE f.published >= ?"
        params.append(since)
    return store.query(sql + " ORDER BY f.published NULLS LAST, f.doc_id, f.idx", params)


def scorecards(store: Any, *, holder: Optional[str] = None, since: Optional[date] = None) -> List[Dict[str, Any]]:
    """One scorecard per holder, most forecasts first.

    holder: keep holders whose id equals it or whose name contains it (case-insensitive).
    since: only forecasts published on or after this date.
    Returns ``[{holder, holder_id, forecasts, resolved, hits, misses, partly, void,
    hit_rate, scored, brier, log_score, decomposition: {reliability, resolution,
    uncertainty, refinement} | None, calibration: [{bin, n, mean_p, observed}]}]``;
    ``resolved`` counts every decided forecast (partly and void included), ``hit_rate`` =
    hits / (hits + misses), ``scored`` = forecasts in the Brier/log scores (decided true or
    false and with a probability); scores are None when nothing is scored.
    """
    names = HolderNames(store)
    decided = current(store)
    groups: Dict[str, Dict[str, Any]] = {}
    for r in _rows(store, since):
        data = store.backend.load_json(r["data"]) if r["data"] is not None else {}
        key = names.key(r["doc_id"], r["holder"], data.get("holder_text"))
        g = groups.setdefault(key, {
            "holder": names.name(r["doc_id"], r["holder"], data.get("holder_text")),
            "holder_id": key, "forecasts": 0, "outcomes": [], "p": [], "y": [],
        })
        g["forecasts"] += 1
        dec = decided.get(forecast_id(r["doc_id"], r["idx"]))
        if dec is None:
            continue
        g["outcomes"].append(dec["outcome"])
        if dec["outcome"] in ("true", "false") and r["probability"] is not None:
            g["p"].append(float(r["probability"]))
            g["y"].append(1 if dec["outcome"] == "true" else 0)
    cards = []
    for key, g in groups.items():
        if holder and not (holder == key or holder.lower() in g["holder"].lower()):
            continue
        outcomes = g["outcomes"]
        hits, misses = outcomes.count("true"), outcomes.count("false")
        p, y = g["p"], g["y"]
        cards.append({
            "holder": g["holder"],
            "holder_id": key,
            "forecasts": g["forecasts"],
            "resolved": len(outcomes),
            "hits": hits,
            "misses": misses,
            "partly": outcomes.count("partly"),
            "void": outcomes.count("void"),
            "hit_rate": hits / (hits + misses) if hits + misses else None,
            "scored": len(p),
            "brier": brier(p, y),
            "log_score": log_score(p, y),
            "decomposition": murphy_decomposition(p, y),
            "calibration": calibration_table(p, y),
        })
    cards.sort(key=lambda c: (-c["forecasts"], c["holder"].lower()))
    return cards


def reliability_diagram(cards: List[Dict[str, Any]], path: str) -> str:
    """Write a reliability diagram of ``cards`` (observed frequency against mean stated
    probability per calibration bin, one line per holder, marker area ~ forecasts in the
    bin, the diagonal = perfect calibration) to ``path`` (.png or .svg; matplotlib, Agg
    backend, nothing shown on screen). Returns the path."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 6.8))
    try:
        ax.plot([0, 1], [0, 1], linestyle="--", color="grey", linewidth=1, label="perfect calibration")
        for card in cards:
            rows = card["calibration"]
            if not rows:
                continue
            xs = [r["mean_p"] for r in rows]
            ys = [r["observed"] for r in rows]
            label = card["holder"] + (f" (Brier {card['brier']:.3f}, n={card['scored']})" if card["brier"] is not None else "")
            line, = ax.plot(xs, ys, marker=None, linewidth=1.5, label=label)
            ax.scatter(xs, ys, s=[30 + 30 * r["n"] for r in rows], color=line.get_color(), alpha=0.7)
        ax.set_xlim(-0.03, 1.03)  # points at 0 and 1 stay whole
        ax.set_ylim(-0.03, 1.03)
        ax.set_xlabel("stated probability (mean per bin)")
        ax.set_ylabel("observed frequency")
        ax.set_title("Reliability diagram")
        ax.grid(True, alpha=0.3)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize="small", frameon=False)
        fig.tight_layout()
        fig.savefig(path)
    finally:
        plt.close(fig)
    return str(path)
