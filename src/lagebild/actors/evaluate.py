"""Evaluation of actor linking: precision/recall of the actor id per mention on the
hand-annotated gold sets ``benchmarks/gold/actors_{de,en}.jsonl``, and checks on the seed.

Gold line: ``{"text", "published", "mentions": [{"start", "end", "text", "actor"}], "tags"}``.
A predicted mention is correct when it overlaps a gold mention with the same actor id
(names may be predicted with or without a preceding role: "US-Außenminister Marco Rubio"
vs. "Marco Rubio"); "exact" scores require identical spans as well.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..datafiles import iter_jsonl

REPO_ROOT = Path(__file__).resolve().parents[3]
GOLD_DIR = REPO_ROOT / "benchmarks" / "gold"
SEED = REPO_ROOT.parent / "shared" / "seed" / "000_cf532f787b11b18a.txt"

# What must resolve in the seed: surface text -> actor id (every occurrence found must
# carry this id, and at least one occurrence must be found).
SEED_EXPECTED: Dict[str, str] = {
    "Donald Trump": "per:donald_trump",
    "Marco Rubio": "per:marco_rubio",
    "Steve Witkoff": "per:steve_witkoff",
    "Keith Kellogg": "per:keith_kellogg",
    "Putin": "per:vladimir_putin",
    "Zelensky": "per:volodymyr_zelensky",
    "Medwedew": "per:dmitry_medvedev",
    "Xi Jinping": "per:xi_jinping",
    "Kirill Dmitriev": "per:kirill_dmitriev",
    "Biden": "per:joe_biden",
    "Paris": "loc:paris",
    "Kyiv": "UKRGOV",
    "Moskau": "RUSGOV",
    "Kanada": "CAN",
    "Grönland": "GRL",
    "UN-Generalversammlung": "org:un_general_assembly",
    "US-Präsident": "per:donald_trump",
    "amerikanische Präsident": "per:donald_trump",
    "russische Präsident": "per:vladimir_putin",
}
# role-only phrases: only mentions of kind "role" count (not "russische Präsident Dmitri Medwedew")
SEED_ROLES = {"US-Präsident", "amerikanische Präsident", "russische Präsident"}


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    tp_pred: int = 0
    tp_gold: int = 0
    exact: int = 0
    detected_gold: int = 0
    errors: List[Dict[str, Any]] = field(default_factory=list)
    by_tag: Dict[str, Counter] = field(default_factory=dict)

    def as_row(self) -> Dict[str, Any]:
        p = self.tp_pred / self.predicted if self.predicted else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "gold": self.gold, "predicted": self.predicted, "precision": p, "recall": r, "f1": f,
            "exact_recall": self.exact / self.gold if self.gold else 0.0,
            "detection_recall": self.detected_gold / self.gold if self.gold else 0.0,
        }


def _overlap(a: Tuple[int, int], b: Tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def load_gold(path: Path) -> List[Dict[str, Any]]:
    def validate(obj: Dict[str, Any]) -> Optional[str]:
        text = obj.get("text", "")
        for m in obj.get("mentions", []):
            if text[m["start"]:m["end"]] != m.get("text"):
                return f"mention {m.get('text')!r} does not match text[{m['start']}:{m['end']}]"
            if not m.get("actor"):
                return f"mention {m.get('text')!r} has no actor"
        return None

    return list(iter_jsonl(path, required=("text",), validate=validate))


def actors_nlp(lang: str, *, blank: bool = False):  # type: ignore[no-untyped-def]
    """A fresh pipeline: the linguistic base and ``lagebild_actors`` only (the cached base
    of :func:`lagebild.language.load_base` is left untouched). ``blank``: tokenizer and
    sentencizer only, i.e. the KB without any model."""
    import warnings

    import spacy

    from ..language import load_base
    from . import component  # noqa: F401  (registers the factory)

    if blank:
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nlp = load_base(lang, fresh=True)
    nlp.add_pipe("lagebild_actors", config={"user_kb": False})
    return nlp


def score_docs(nlp, examples: Sequence[Dict[str, Any]]) -> Scores:  # type: ignore[no-untyped-def]
    scores = Scores()
    for ex in examples:
        doc = nlp.make_doc(ex["text"])
        doc._.published = date.fromisoformat(ex["published"]) if ex.get("published") else None
        doc = nlp(doc)
        pred = [(m.start, m.end, m.actor_id, m.text) for m in doc._.mentions]
        gold = [(m["start"], m["end"], m["actor"], m["text"]) for m in ex.get("mentions", [])]
        scores.gold += len(gold)
        scores.predicted += len(pred)
        for p in pred:
            if any(_overlap(p[:2], g[:2]) and p[2] == g[2] for g in gold):
                scores.tp_pred += 1
            else:
                match = next((g for g in gold if _overlap(p[:2], g[:2])), None)
                scores.errors.append({
                    "type": "wrong" if match else "spurious", "text": ex["text"], "mention": p[3],
                    "predicted": p[2], "gold": match[2] if match else None,
                })
        for g in gold:
            hit = [p for p in pred if _overlap(p[:2], g[:2])]
            if hit:
                scores.detected_gold += 1
            if any(p[2] == g[2] for p in hit):
                scores.tp_gold += 1
                if any(p[:3] == g[:3] for p in hit):
                    scores.exact += 1
            elif not hit:
                scores.errors.append({"type": "missed", "text": ex["text"], "mention": g[3], "predicted": None, "gold": g[2]})
            for tag in ex.get("tags", []) or ["all"]:
                c = scores.by_tag.setdefault(tag, Counter())
                c["gold"] += 1
                c["correct"] += int(any(p[2] == g[2] for p in hit))
    return scores


def evaluate_gold(lang: str, gold_dir: Path = GOLD_DIR, nlp=None, *, blank: bool = False) -> Scores:  # type: ignore[no-untyped-def]
    nlp = nlp or actors_nlp(lang, blank=blank)
    return score_docs(nlp, load_gold(gold_dir / f"actors_{lang}.jsonl"))


def seed_checks(seed: Path = SEED, nlp=None, *, blank: bool = False) -> Optional[List[Dict[str, Any]]]:  # type: ignore[no-untyped-def]
    """Per expected surface form: found occurrences and whether all resolve right.
    None when the seed is absent."""
    if not seed.is_file():
        return None
    from ..ingest import article_from_string

    article = article_from_string(seed.read_text(encoding="utf-8"))
    nlp = nlp or actors_nlp("de", blank=blank)
    doc = nlp.make_doc(article.text)
    doc._.published = article.published_date or date(2025, 4, 19)
    doc = nlp(doc)
    rows = []
    for surface, expected in SEED_EXPECTED.items():
        found = [
            m for m in doc._.mentions
            if surface in m.text and (m.kind == "role" or surface not in SEED_ROLES)
        ]
        ids = sorted({m.actor_id for m in found})
        rows.append({
            "text": surface, "expected": expected, "found": len(found), "ids": ids,
            "ok": bool(found) and ids == [expected],
        })
    return rows
