"""Score forecast detection and holder attribution against the gold sets in
``benchmarks/gold/forecasts_<lang>.jsonl`` (and the seed document, when present).

Gold format (one text per line): ``{"id", "lang", "published", "text", "forecasts":
[{"match", "holder", "probability"?, "condition"?, "negated"?}], "note"}`` — a predicted
forecast matches a gold one when the gold ``match`` string lies in its text. An empty
``forecasts`` list is a hard negative.

Measures:

- detection P/R/F1 over forecasts;
- holder P/R: predicted forecasts whose holder is right ("author", or the gold name found
  in the holder id / holder text) over all predicted, resp. all gold forecasts;
- probability MAE, condition and negation accuracy over matched forecasts that annotate them.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

from ..datafiles import iter_jsonl
from ..schemas import Forecast, Statement

REPO_ROOT = Path(__file__).resolve().parents[3]
GOLD_DIR = REPO_ROOT / "benchmarks" / "gold"
SEED_PATH = REPO_ROOT.parent / "shared" / "seed" / "000_cf532f787b11b18a.txt"


def load_gold(path: Path | str) -> List[Dict[str, Any]]:
    return list(iter_jsonl(path, required=("id", "text")))


def analyse_text(text: str, lang: str, published: Optional[str] = None):  # type: ignore[no-untyped-def]
    """Run the full lagebild pipeline on ``text`` (warnings about missing models muted)."""
    from ..pipeline import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = load(lang)
    doc = nlp.make_doc(text)
    doc._.published = date.fromisoformat(published) if published else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "[W201] no parse" etc. once per text is noise here
        return nlp(doc)


def holder_ok(gold: str, holder: str, holder_text: Optional[str]) -> bool:
    """Is ``holder``/``holder_text`` the gold holder ("author" or a name as written)?"""
    if gold == "author":
        return holder == "author"
    if holder == "author":
        return False
    g = gold.lower()
    cands = [holder.lower(), (holder_text or "").lower()]
    return any(c and (g in c or (len(c) > 2 and c in g)) for c in cands)


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    holder_correct: int = 0
    n_pred: int = 0
    n_gold: int = 0
    prob_err: List[float] = field(default_factory=list)
    cond_ok: int = 0
    cond_n: int = 0
    neg_ok: int = 0
    neg_n: int = 0
    errors: List[str] = field(default_factory=list)

    @staticmethod
    def _div(a: float, b: float) -> float:
        return a / b if b else 0.0

    def as_dict(self) -> Dict[str, Any]:
        p = self._div(self.tp, self.tp + self.fp)
        r = self._div(self.tp, self.tp + self.fn)
        hp = self._div(self.holder_correct, self.n_pred)
        hr = self._div(self.holder_correct, self.n_gold)
        return {
            "gold": self.n_gold,
            "predicted": self.n_pred,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(self._div(2 * p * r, p + r), 3),
            "holder_precision": round(hp, 3),
            "holder_recall": round(hr, 3),
            "probability_mae": round(sum(self.prob_err) / len(self.prob_err), 3) if self.prob_err else None,
            "condition_acc": round(self._div(self.cond_ok, self.cond_n), 3) if self.cond_n else None,
            "negation_acc": round(self._div(self.neg_ok, self.neg_n), 3) if self.neg_n else None,
        }


def score_forecasts(items: Sequence[Dict[str, Any]], predict: Callable[[Dict[str, Any]], List[Forecast]]) -> Scores:
    """Compare ``predict(item)`` with each item's gold forecasts."""
    sc = Scores()
    for item in items:
        gold = item.get("forecasts") or []
        pred = predict(item)
        sc.n_gold += len(gold)
        sc.n_pred += len(pred)
        used: set = set()
        for g in gold:
            hit = next((k for k, f in enumerate(pred) if k not in used and g["match"] in f.text), None)
            if hit is None:
                sc.fn += 1
                sc.errors.append(f"FN {item['id']}: {g['match']!r} ({item.get('note', '')})")
                continue
            used.add(hit)
            f = pred[hit]
            sc.tp += 1
            if holder_ok(g.get("holder", "author"), f.holder, f.holder_text):
                sc.holder_correct += 1
            else:
                sc.errors.append(f"HOLDER {item['id']}: gold {g.get('holder')!r}, got {f.holder!r}/{f.holder_text!r}")
            if g.get("probability") is not None and f.probability is not None:
                sc.prob_err.append(abs(g["probability"] - f.probability))
            if g.get("condition"):
                sc.cond_n += 1
                if f.condition and (g["condition"] in f.condition or f.condition in g["condition"]):
                    sc.cond_ok += 1
                else:
                    sc.errors.append(f"COND {item['id']}: gold {g['condition']!r}, got {f.condition!r}")
            if "negated" in g:
                sc.neg_n += 1
                sc.neg_ok += int(bool(g["negated"]) == f.negated)
        for k, f in enumerate(pred):
            if k not in used:
                sc.fp += 1
                sc.errors.append(f"FP {item['id']}: {f.text[:70]!r} cues={f.cues} ({item.get('note', '')})")
    return sc


def evaluate_gold(lang: str, gold_dir: Path = GOLD_DIR, split: Optional[str] = None) -> Optional[Scores]:
    """Scores on ``forecasts_<lang>.jsonl``; ``split``: "dev" (lines without a split, the
    ones the rules were developed on), "test" (held out), or None for all."""
    path = Path(gold_dir) / f"forecasts_{lang}.jsonl"
    if not path.is_file():
        return None
    items = [i for i in load_gold(path) if split is None or i.get("split", "dev") == split]
    if not items:
        return None

    def predict(item: Dict[str, Any]) -> List[Forecast]:
        doc = analyse_text(item["text"], item.get("lang", lang), item.get("published"))
        return list(doc._.forecasts or [])

    return score_forecasts(items, predict)


# -------------------------------------------------------------------- the seed document
# What the seed must yield (PRODUCT.md): two author forecasts (a last ceasefire attempt;
# if it fails, stepping aside and letting the Europeans help), one of them conditional;
# the reported campaign promises ("Er behauptete, dass … würden, wenn …") are statements
# of Trump, never forecasts of the author. Anchors are short phrases to find sentences.
SEED_CHECKS = (
    ("author forecast: last ceasefire attempt", "forecast", "letzten Versuch", {"holder": "author"}),
    ("author forecast: step aside (conditional)", "forecast", "zur Seite treten", {"holder": "author", "condition": True}),
    ("campaign promise is a statement", "statement", "militärische Unterstützung zurückziehen", {}),
    ("campaign promise is not an author forecast", "no_author_forecast", "militärische Unterstützung zurückziehen", {}),
)


def check_seed(path: Path = SEED_PATH) -> Optional[List[Dict[str, Any]]]:
    """The seed checks as rows ``{check, ok, detail}``; None when the seed is absent."""
    if not Path(path).is_file():
        return None
    from ..ingest import article_from_string
    from ..pipeline import analyze_article

    text = Path(path).read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        article = article_from_string(text, source=str(path))
        doc = analyze_article(article, language="de")
    rows = []
    for name, what, anchor, want in SEED_CHECKS:
        fcs = [f for f in doc.forecasts if anchor in f.text]
        if what == "forecast":
            ok = any(
                f.holder == want["holder"] and (not want.get("condition") or bool(f.condition)) for f in fcs
            )
            detail = "; ".join(f"{f.holder} p={f.probability} cond={f.condition!r}" for f in fcs) or "not found"
        elif what == "statement":
            sts: List[Statement] = [s for s in doc.statements if anchor in s.text]
            ok = bool(sts)
            detail = "; ".join(f"{s.speaker}/{s.speaker_text} {s.kind} commitment={s.commitment}" for s in sts) or "not found"
        else:
            bad = [f for f in fcs if f.holder == "author"]
            ok = not bad
            detail = "; ".join(f"{f.holder} {f.kind}" for f in fcs) or "no forecast"
        rows.append({"check": name, "ok": ok, "detail": detail})
    return rows


# -------------------------------------------------------------------- manual review samples


def _read_texts(path: Path) -> List[str]:
    """Texts of a file: JSON Lines with "text", 10kGNAD-style "label;'text'" lines, or one
    text per line."""
    import json as _json

    out: List[str] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            if line.startswith("{"):
                try:
                    out.append(str(_json.loads(line).get("text") or ""))
                    continue
                except ValueError:
                    pass
            head, sep, rest = line.partition(";")
            if sep and head.isalpha() and len(head) < 30:
                line = rest.strip().strip("'")
            out.append(line)
    return [t for t in out if t]


def sample_forecasts(path: Path | str, lang: str, *, seed: int = 0, n: int = 40) -> List[Dict[str, Any]]:
    """Forecasts found in ``n`` random texts of ``path`` (seeded), for judging precision by
    hand on real text: each row has holder, holder_text, kind, probability, text, condition."""
    import random

    texts = _read_texts(Path(path))
    rng = random.Random(seed)
    picked = rng.sample(texts, min(n, len(texts)))
    rows: List[Dict[str, Any]] = []
    for k, text in enumerate(picked):
        doc = analyse_text(text, lang)
        for f in doc._.forecasts or []:
            rows.append({
                "doc": k, "holder": f.holder, "holder_text": f.holder_text, "kind": f.kind,
                "probability": f.probability, "text": f.text, "condition": f.condition,
            })
    return rows
