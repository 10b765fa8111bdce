"""Evaluation of the event coder on the PETRARCH unit-test suite.

Each record's text is parsed with lagebild's own English pipeline (the records' Penn
Treebank parses are ignored), tagged with the suite's actor/agent dictionaries, and coded
with patterns converted from its verb dictionary. Scores are precision, recall and F1 of
(source, target, code) triples, overall and per record category, plus the 2-digit
root-code precision: the share of predicted events whose root code (first two digits)
is the root of a gold event of the same record.
"""
from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Tuple

from .coder import EventCoder
from .lexicon import load_lexicon
from .patterns import PatternIndex
from .petrarch import ActorDictionary, read_verb_dictionary

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "petrarch2"
Triple = Tuple[str, str, str]


@dataclass
class Record:
    id: str
    category: str
    date: Optional[date]
    text: str
    gold: Set[Triple] = field(default_factory=set)


def read_records(path: Path | str) -> List[Record]:
    """The ``<Sentence>`` records of a PETRARCH validation file."""
    raw = Path(path).read_text(encoding="utf-8", errors="replace")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    out: List[Record] = []
    for attrs, body in re.findall(r"<Sentence\s+([^>]*)>(.*?)</Sentence>", raw, flags=re.S):
        a = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', attrs))
        m = re.search(r"<Text>(.*?)</Text>", body, flags=re.S)
        if not m:
            continue
        d = a.get("date", "")
        when = date(int(d[:4]), int(d[4:6]), int(d[6:8])) if len(d) == 8 and d.isdigit() else None
        rec = Record(a.get("id", ""), a.get("category", ""), when, " ".join(m.group(1).split()))
        for coding in re.findall(r"<EventCoding\s+([^>]*)>", body):
            c = dict(re.findall(r"(\w+)\s*=\s*[\"']([^\"']*)[\"']", coding))
            if c.get("noevents", "").strip().lower() == "true" or "eventcode" not in c:
                continue
            rec.gold.add((c.get("sourcecode", ""), c.get("targetcode", ""), c["eventcode"]))
        out.append(rec)
    return out


def _discards(path: Optional[Path]) -> List[str]:
    if path is None or not path.is_file():
        return []
    out = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip().lstrip("+").strip()
        if line and not line.startswith("<"):
            out.append(" " + line.upper().replace("_", " ") + " ")
    return out


def _prf(tp: int, npred: int, ngold: int) -> Dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "gold": ngold, "predicted": npred, "correct": tp}


def evaluate_petrarch(
    records: Optional[Path | str] = None,
    *,
    verbs: Optional[Path | str] = None,
    actors: Optional[Path | str] = None,
    agents: Optional[Path | str] = None,
    discards: Optional[Path | str] = None,
    model: Optional[str] = None,
    nlp: Any = None,
    limit: Optional[int] = None,
    details: bool = False,
) -> Dict[str, Any]:
    """Score the coder on the PETRARCH unit tests (see the module docstring).

    records/verbs/actors/agents/discards: the suite's files (default: ../shared/data/petrarch2).
    model: a spaCy pipeline to parse with instead of ``lagebild.language.load_base("en")``.
    RETURNS (Dict[str, Any]): {"overall", "categories", "root_precision", "records", "seconds"}.
    """
    base = SHARED
    records_path = Path(records) if records else base / "PETR.UnitTest.records.xml"
    verbs_path = Path(verbs) if verbs else records_path.parent / "PETR.Validate.verbs.txt"
    actors_path = Path(actors) if actors else records_path.parent / "PETR.Validate.actors.txt"
    agents_path = Path(agents) if agents else records_path.parent / "PETR.Validate.agents.txt"
    discards_path = Path(discards) if discards else records_path.parent / "PETR.Validate.discards.txt"
    if nlp is None:
        from ..language import load_base

        nlp = load_base("en", model)
    import copy

    lexicon = copy.copy(load_lexicon("en"))
    lexicon.patterns = PatternIndex(read_verb_dictionary(verbs_path))
    # PETRARCH's agent dictionary codes generic groups itself
    coder = EventCoder("en", lexicon=lexicon, nested="governing", generic_groups=False)
    dictionary = ActorDictionary().read_actors(actors_path)
    if agents_path.is_file():
        dictionary.read_agents(agents_path)
    discard_phrases = _discards(discards_path)
    recs = read_records(records_path)[: limit or None]

    totals = [0, 0, 0]
    by_cat: Dict[str, List[int]] = defaultdict(lambda: [0, 0, 0])
    root_hits = root_total = 0
    per_record = []
    start = time.perf_counter()
    for rec in recs:
        doc = nlp(rec.text)
        doc._.published = rec.date
        doc._.mentions = dictionary.tag(doc, rec.date)
        doc._.actors = []
        doc._.statements = []
        padded = " " + " ".join(rec.text.upper().replace(",", " ").split()) + " "
        if any(p in padded for p in discard_phrases):
            events = []
        else:
            events = coder.code_doc(doc)
        pred = {(e.source or "---", e.target or "---", e.cameo) for e in events}
        tp = len(pred & rec.gold)
        gold_roots = {g[2][:2] for g in rec.gold}
        root_hits += sum(1 for p in pred if p[2][:2] in gold_roots)
        root_total += len(pred)
        for acc in (totals, by_cat[rec.category or "-"]):
            acc[0] += tp
            acc[1] += len(pred)
            acc[2] += len(rec.gold)
        if details:
            per_record.append({"id": rec.id, "category": rec.category, "text": rec.text,
                               "gold": sorted(rec.gold), "predicted": sorted(pred)})
    seconds = time.perf_counter() - start
    return {
        "overall": _prf(*totals),
        "categories": {c: _prf(*v) for c, v in sorted(by_cat.items())},
        "root_precision": round(root_hits / root_total, 3) if root_total else 0.0,
        "records": len(recs),
        "seconds": round(seconds, 2),
        "details": per_record,
    }


# ---------------------------------------------------------------------------- gold sets

GOLD_DIR = Path(__file__).resolve().parents[3] / "benchmarks" / "gold"


def _label_matches(gold: Optional[str], actor_id: Optional[str], names: Dict[str, Tuple[str, Optional[str]]]) -> bool:
    if gold is None:
        return actor_id is None
    if actor_id is None:
        return False
    name, country = names.get(actor_id, ("", None))
    for g in gold.lower().split("|"):
        if g and (g in name.lower() or g == actor_id.lower() or (country or "").lower() == g):
            return True
    return False


def evaluate_gold(lang: str, *, gold_dir: Optional[Path | str] = None, model: Optional[str] = None,
                  details: bool = False) -> Dict[str, Any]:
    """End-to-end scores on ``benchmarks/gold/events_<lang>.jsonl`` (full pipeline: parse,
    actors, statements, events): P/R/F1 of (source, target, root code) with sources and
    targets matched by name, and the modality and negation accuracy of matched events.
    """
    from ..datafiles import iter_jsonl
    from ..pipeline import analyze

    path = Path(gold_dir or GOLD_DIR) / f"events_{lang}.jsonl"
    tp = npred = ngold = mod_ok = neg_ok = 0
    rows = []
    for item in iter_jsonl(path, required=("text",)):
        doc = analyze(item["text"], published=item.get("published"), language=lang, model=model)
        names = {a.id: (a.name or "", a.country) for a in doc.actors}
        preds = list(doc.events)
        gold = item.get("events") or []
        npred += len(preds)
        ngold += len(gold)
        used: Set[int] = set()
        for g in gold:
            for k, e in enumerate(preds):
                if k in used or e.cameo[:2] != g["root"]:
                    continue
                if _label_matches(g.get("source"), e.source, names) and _label_matches(g.get("target"), e.target, names):
                    used.add(k)
                    tp += 1
                    mod_ok += e.modality == g.get("modality", "asserted")
                    neg_ok += e.negated == bool(g.get("negated", False))
                    break
        if details:
            rows.append({"text": item["text"], "gold": gold,
                         "predicted": [{"source": names.get(e.source, (e.source,))[0] if e.source else None,
                                        "target": names.get(e.target, (e.target,))[0] if e.target else None,
                                        "cameo": e.cameo, "modality": e.modality, "negated": e.negated}
                                       for e in preds]})
    result = _prf(tp, npred, ngold)
    result.update({
        "modality_acc": round(mod_ok / tp, 3) if tp else 0.0,
        "negation_acc": round(neg_ok / tp, 3) if tp else 0.0,
        "lang": lang,
        "details": rows,
    })
    return result
