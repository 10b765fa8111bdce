"""Score statement detection and speaker attribution against
``benchmarks/gold/statements_<lang>.jsonl`` (format: see that file's header).

- detection P/R/F1: a predicted statement matches a gold one when the gold ``match``
  string lies in its text;
- speaker P/R: matched statements with the right speaker ("author", or the gold name in
  the speaker id / text) over all predicted, resp. all gold statements;
- kind accuracy (direct/indirect) and commitment accuracy over matched statements.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

from ..forecasts.evaluate import GOLD_DIR, analyse_text, holder_ok, load_gold
from ..schemas import Statement


@dataclass
class StatementScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_correct: int = 0
    n_pred: int = 0
    n_gold: int = 0
    kind_ok: int = 0
    commit_ok: int = 0
    commit_n: int = 0
    errors: List[str] = field(default_factory=list)

    def as_dict(self) -> Dict[str, Any]:
        def div(a: float, b: float) -> float:
            return a / b if b else 0.0

        p, r = div(self.tp, self.tp + self.fp), div(self.tp, self.tp + self.fn)
        return {
            "gold": self.n_gold,
            "predicted": self.n_pred,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(div(2 * p * r, p + r), 3),
            "speaker_precision": round(div(self.speaker_correct, self.n_pred), 3),
            "speaker_recall": round(div(self.speaker_correct, self.n_gold), 3),
            "kind_acc": round(div(self.kind_ok, self.tp), 3) if self.tp else None,
            "commitment_acc": round(div(self.commit_ok, self.commit_n), 3) if self.commit_n else None,
        }


def score_statements(
    items: Sequence[Dict[str, Any]], predict: Callable[[Dict[str, Any]], List[Statement]]
) -> StatementScores:
    sc = StatementScores()
    for item in items:
        gold = item.get("statements") or []
        pred = predict(item)
        sc.n_gold += len(gold)
        sc.n_pred += len(pred)
        used: set = set()
        for g in gold:
            cands = [k for k, s in enumerate(pred) if k not in used and g["match"] in s.text]
            # prefer the tightest statement (a quote inside a turn, not the whole turn)
            hit = min(cands, key=lambda k: len(pred[k].text)) if cands else None
            if hit is None:
                sc.fn += 1
                sc.errors.append(f"FN {item['id']}: {g['match']!r} ({item.get('note', '')})")
                continue
            used.add(hit)
            s = pred[hit]
            sc.tp += 1
            if holder_ok(g["speaker"], s.speaker, s.speaker_text):
                sc.speaker_correct += 1
            else:
                sc.errors.append(f"SPEAKER {item['id']}: gold {g['speaker']!r}, got {s.speaker!r}/{s.speaker_text!r}")
            sc.kind_ok += int(g.get("kind", s.kind) == s.kind)
            if "commitment" in g:
                sc.commit_n += 1
                sc.commit_ok += int(g["commitment"] == s.commitment)
        for k, s in enumerate(pred):
            if k not in used:
                sc.fp += 1
                sc.errors.append(f"FP {item['id']}: {s.text[:70]!r} cue={s.cue!r} ({item.get('note', '')})")
    return sc


def evaluate_gold(lang: str, gold_dir: Path = GOLD_DIR, split: Optional[str] = None) -> Optional[StatementScores]:
    """Scores on ``statements_<lang>.jsonl``; ``split``: "dev" (lines without a split),
    "test" (held out) or None for all."""
    path = Path(gold_dir) / f"statements_{lang}.jsonl"
    if not path.is_file():
        return None
    items = [i for i in load_gold(path) if split is None or i.get("split", "dev") == split]
    if not items:
        return None

    def predict(item: Dict[str, Any]) -> List[Statement]:
        doc = analyse_text(item["text"], item.get("lang", lang), item.get("published"))
        return list(doc._.statements or [])

    return score_statements(items, predict)
