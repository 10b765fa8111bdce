"""Event coding scored against the honest real-text gold (``benchmarks/gold/real-de``,
``benchmarks/gold/real-en``).

The gold was annotated by hand on real news (German: 10kGNAD articles listed in
``annotation_lines.tsv``; English: pages of the Article Extraction Benchmark), sentence by
sentence, as a political analyst reads them -- not from lagebild's output. Records hold
offsets, labels and sentence hashes only (see ``benchmarks/gold/real-de/README.md``).

Scoring (all per split; an article listed in ``articles_<split>.tsv`` is fully annotated, so
every predicted event in it counts for precision even where the gold has none):

* each article is analysed with :func:`lagebild.analyze` on its raw text; predicted event
  spans are mapped from the document's ``text`` back to raw offsets
  (:func:`lagebild.realgold.offset_mapper`) and assigned to the gold sentence that contains
  the midpoint of the event's trigger word (``trigger_span`` of the JSON contract; the
  sentence span's midpoint where an event has no trigger span), or to no gold sentence.
  ``placement="sentence"`` restores the older rule (the midpoint of lagebild's sentence),
  which puts an event of a lagebild sentence that runs past a gold boundary (a colon, a
  quote) into the wrong gold sentence; both are kept so that the change of measurement can
  be reported;
* actors are compared at the CAMEO code level, country + first agent
  (:func:`actor_matches`): a bare country and its government are the same actor (a state acts
  through its government), ``---AGT`` in the gold (country unknown or generic) accepts any
  country with that agent, and a gold list accepts any of its codes;
* **recall**: gold events with a predicted event in the same sentence whose root and source
  match (one-to-one, greedy in gold order);
* **root precision**: predicted events in sentences with gold events whose 2-digit root is
  one the sentence's gold events accept; **full-code precision** the same for the full code
  (a gold root-only code, e.g. ``"19"``, accepts any code under that root);
* **source accuracy**: of the gold events matched by root alone, the share whose source
  matches too;
* **triple P/R/F1**: one-to-one matches on (source, target, root) over every predicted event
  of the annotated articles;
* every recall figure is also reported per construction tag of the gold events.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from .. import realgold

GOLD_ROOT = Path(__file__).resolve().parents[3] / "benchmarks" / "gold"
GOLDS = ("real-de", "real-en", "gigaword")
#: the record field naming the annotated text of each gold set: a 10kGNAD line, an Article
#: Extraction Benchmark page hash, a sentence key of PETRARCH's GigaWord sample
KEY_FIELD = {"real-de": "line", "real-en": "page", "gigaword": "sid"}
#: the language each gold set is analysed in
GOLD_LANG = {"real-de": "de", "real-en": "en", "gigaword": "en"}
#: the date the actor linker reads the KB's dated offices at for an undated gold corpus
#: (realgold.NEWS_DE_PUBLISHED; ``$LAGEBILD_UNDATED_DATE`` of lagebild.actors.linker): the
#: articles stay undated for forecasts and time expressions
GOLD_UNDATED_ON = {"real-de": realgold.NEWS_DE_PUBLISHED}
#: the outlet a gold corpus comes from, passed as the article's ``source`` (10kGNAD is
#: derStandard.at's archive): an article without a dateline is then Austrian
#: (:mod:`lagebild.actors.home`), as it is for a user ingesting the outlet's pages
GOLD_SOURCE = {"real-de": "derStandard.at"}
#: the publication date of a gold item, where the corpus gives one per item (PETRARCH's
#: GigaWord sample dates each sentence): passed as the article's ``published`` date, as a
#: user ingesting the item with its date would (session 23; before, gigaword was undated and
#: "Bush" read as a former president)
GOLD_DATE = {"gigaword": realgold.gigaword_date}
#: CAMEO codes the gold does not annotate as events: a neutral "make statement" (010) is a
#: statement (statements.jsonl), not an event; predicted events with these codes are dropped.
OUT_OF_SCOPE = frozenset({"010"})


# -- actor codes ------------------------------------------------------------------------------

def code_key(code: Optional[str]) -> Optional[Tuple[str, str]]:
    """``(country-or-IGO, agent)`` of a CAMEO actor code at the level the gold compares:
    ``"RUSMILREB"`` -> ``("RUS", "MIL")``; ``"IGOUNOREFHCR"`` -> ``("IGOUNO", "")``;
    ``"RUS"``/``"RUSGOV"`` -> ``("RUS", "GOV")`` (a bare state is its government);
    ``"---REB"`` -> ``("---", "REB")``. None stays None."""
    if not code:
        return None
    code = code.upper()
    if code.startswith("IGO"):
        return (code[:6], "")
    country, agent = code[:3], code[3:6]
    if agent in ("", "GOV"):
        agent = "GOV"
    return (country, agent)


def actor_matches(gold: Any, predicted: Optional[str]) -> bool:
    """Whether a predicted actor code matches the gold actor (a code, a list of accepted
    codes, ``"author"`` or None). See the module docstring for the rules."""
    if isinstance(gold, (list, tuple)):
        return any(actor_matches(g, predicted) for g in gold)
    if gold == "---":  # an unidentified actor: no actor, or any actor of unknown country
        return predicted is None or predicted.startswith("---")
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if gold == "author" or predicted == "author":
        return gold == predicted
    g, p = code_key(gold), code_key(predicted)
    if g is None or p is None:
        return False
    if g[0] == "---":
        return g[1] == p[1] if g[1] else True
    return g == p


def as_list(value: Any) -> List[str]:
    """A gold field that may be one value or a list of accepted values, as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def root_of(code: Optional[str]) -> Optional[str]:
    """The 2-digit CAMEO root of a code (``"1121"`` -> ``"11"``)."""
    return code[:2] if code else None


def actor_code(actors: Iterable[Any], actor_id: Optional[str]) -> Optional[str]:
    """The CAMEO code of actor ``actor_id`` among ``actors`` (objects with ``id``, ``code``,
    ``country``: a stored Document's ``actors`` or a spaCy Doc's ``doc._.actors``): the
    actor's ``code``, else its country, else ``"---"`` (an actor with no known code, or an
    id not among ``actors``); None for no actor, ``"author"`` for the author."""
    if actor_id is None:
        return None
    if actor_id == "author":
        return "author"
    for a in actors:
        if a.id == actor_id:
            return a.code or a.country or "---"
    return "---"


def pred_actor_code(doc, actor_id: Optional[str]) -> Optional[str]:
    """The CAMEO code of a predicted actor id of a stored Document (:func:`actor_code`)."""
    return actor_code(doc.actors, actor_id)


def coded_mentions(doc, to_raw: Callable[[int], int]) -> List[Tuple[int, int, Optional[str]]]:
    """``(start, end, code)`` in raw offsets of every actor mention of a stored Document
    (``to_raw`` maps its text offsets to the raw article, as :func:`analyse` returns); the
    code is the actor's ``code``, else its country, else None."""
    return [(to_raw(s), to_raw(e), a.code or a.country) for a in doc.actors for s, e in a.mentions]


# -- gold -------------------------------------------------------------------------------------

def gold_dir(gold: str) -> Path:
    """Folder of a real gold set (``real-de``, ``real-en`` or ``gigaword``)."""
    if gold not in GOLDS:
        raise ValueError(f"unknown gold set {gold!r} (one of {', '.join(GOLDS)})")
    return GOLD_ROOT / gold


def annotated_articles(gold: str, split: str, layer: str = "events") -> List[Any]:
    """Keys (German: line numbers; English: page hashes; GigaWord: sentence keys) of the articles of ``split`` whose
    ``layer`` (events|statements|forecasts) is fully annotated, from ``articles_<split>.tsv``."""
    path = gold_dir(gold) / f"articles_{split}.tsv"
    out: List[Any] = []
    if not path.is_file():
        return out
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        layers = cols[1].split(",") if len(cols) > 1 else []
        if layer in layers:
            out.append(int(cols[0]) if gold == "real-de" else cols[0])
    return out


def select_articles(gold: str, split: str, only: Optional[Iterable[Any]], layer: str = "events") -> List[Any]:
    """The annotated articles of ``split`` (:func:`annotated_articles`), restricted to
    ``only`` (German line numbers as int or str, English page hashes) when given -- e.g.
    an out-of-sample slice of the dev half annotated after the rules were written.

    Raises ValueError naming the keys of ``only`` that are not annotated articles of the
    split (a typo must not silently shrink the evaluation)."""
    keys = annotated_articles(gold, split, layer)
    if only is None:
        return keys
    wanted = [int(k) if gold == "real-de" else str(k) for k in only]
    missing = [k for k in wanted if k not in keys]
    if missing:
        raise ValueError(f"not {layer}-annotated articles of {gold} {split}: {', '.join(map(str, missing))}")
    return [k for k in keys if k in set(wanted)]


def parse_keys(text: Optional[str]) -> Optional[List[str]]:
    """``"400, 406 425"`` -> ``["400", "406", "425"]`` (commas and/or spaces); None or a
    blank string -> None (no restriction)."""
    if text is None or not text.strip():
        return None
    return [k for k in re.split(r"[\s,]+", text.strip()) if k]


def key_of(gold: str, rec: Dict[str, Any]) -> Any:
    """The key of the text a gold record annotates (see :data:`KEY_FIELD`)."""
    return rec[KEY_FIELD[gold]]


def raw_text(gold: str, key: Any) -> str:
    """The raw text that a gold set's offsets index into, read from ``../shared``."""
    if gold == "real-de":
        return realgold.article(key)
    if gold == "gigaword":
        return realgold.gigaword_sentence(key)
    return realgold.en_article(key)


def load(gold: str, name: str, split: Optional[str], verify: bool = True) -> List[Dict[str, Any]]:
    """Records of ``<gold>/<name>.jsonl`` (validated by hash); [] when the file is absent."""
    path = gold_dir(gold) / f"{name}.jsonl"
    if not path.is_file():
        return []
    if gold == "real-de":
        return realgold.load_gold(path, split=split, verify=verify)
    if gold == "gigaword":
        splits = {k: sp for sp in realgold.SPLITS for k in annotated_articles(gold, sp)}
        return realgold.load_gold_gigaword(path, splits, split=split, verify=verify)
    return realgold.load_gold_en(path, split=split, verify=verify)


def records_by_article(gold: str, layer: str, split: str) -> Dict[Any, List[Dict[str, Any]]]:
    """The gold records of ``layer`` (events, statements, forecasts) in ``split``, per
    article key (:func:`key_of`), in file order; an article without records is absent."""
    by_key: Dict[Any, List[Dict[str, Any]]] = defaultdict(list)
    for rec in load(gold, layer, split):
        by_key[key_of(gold, rec)].append(rec)
    return by_key


def gold_by_article(
    gold: str, split: str, layer: str, looks_like: str
) -> Tuple[List[Any], Dict[Any, List[Dict[str, Any]]], Dict[Any, List[Tuple[int, int]]]]:
    """The annotated articles of ``layer`` (statements, forecasts) in ``split``, its gold
    records per article, and per article the ``(start, end)`` of the hard negatives that
    look like a ``looks_like`` (statement, forecast)."""
    by_key = records_by_article(gold, layer, split)
    negs: Dict[Any, List[Tuple[int, int]]] = defaultdict(list)
    for rec in load(gold, "hard_negatives", split):
        if rec.get("looks_like") == looks_like:
            negs[key_of(gold, rec)].append((rec["start"], rec["end"]))
    return annotated_articles(gold, split, layer), by_key, negs


def available(gold: str) -> bool:
    """Whether the corpus behind a real gold set is present (``../shared``)."""
    if gold == "gigaword":
        return realgold.gigaword_available()
    return realgold.available() if gold == "real-de" else realgold.en_available()


_DOC_CACHE: Dict[Tuple[str, Any], Any] = {}


def analyse(gold: str, key: Any, model: Optional[str] = None):
    """``(document, offset mapper)`` for one gold article, analysed once per process."""
    import lagebild

    ck = (gold, key, model)
    if ck not in _DOC_CACHE:
        raw = raw_text(gold, key)
        from ..actors.linker import UNDATED_ENV

        on = GOLD_UNDATED_ON.get(gold)
        before = os.environ.get(UNDATED_ENV)
        if on is not None:
            os.environ[UNDATED_ENV] = on.isoformat()
        try:
            dated = GOLD_DATE.get(gold)
            doc = lagebild.analyze(raw, language=GOLD_LANG[gold], model=model, source=GOLD_SOURCE.get(gold),
                                   published=dated(key) if dated else None)
        finally:
            if before is None:
                os.environ.pop(UNDATED_ENV, None)
            else:
                os.environ[UNDATED_ENV] = before
        _DOC_CACHE[ck] = (doc, realgold.offset_mapper(raw, doc.text))
    return _DOC_CACHE[ck]


# -- scoring ----------------------------------------------------------------------------------

@dataclass
class PredEvent:
    """A predicted event reduced to what the scorer compares (raw-text offsets)."""

    start: int
    end: int
    source: Optional[str]
    target: Optional[str]
    code: str
    modality: str = "asserted"
    negated: bool = False
    #: raw-text offsets of the trigger word (None: the coder gave no trigger span)
    trigger: Optional[Tuple[int, int]] = None


#: how a predicted event is placed in a gold sentence: by its trigger word (default) or by
#: the midpoint of lagebild's sentence (the rule before session 19)
PLACEMENTS = ("trigger", "sentence")


def ratio(a: int, b: int) -> Optional[float]:
    """``a / b``, None when ``b`` is 0."""
    return a / b if b else None


def f1(p: Optional[float], r: Optional[float]) -> Optional[float]:
    """Harmonic mean of precision and recall; None when either is undefined."""
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def sentence_of(sents: Sequence[Tuple[int, int]], start: int, end: int) -> Optional[Tuple[int, int]]:
    """The gold sentence (start, end) containing the midpoint of [start, end), or None."""
    mid = (start + end) / 2
    for s, e in sents:
        if s <= mid < e:
            return (s, e)
    return None


def place(sents: Sequence[Tuple[int, int]], p: PredEvent, placement: str = "trigger") -> Optional[Tuple[int, int]]:
    """The gold sentence of a predicted event: the one containing its trigger word's midpoint
    (``placement="trigger"``; the sentence span's midpoint when ``p.trigger`` is None), or the
    one containing its sentence span's midpoint (``placement="sentence"``). None: outside
    every gold sentence. Raises ValueError for another placement."""
    if placement not in PLACEMENTS:
        raise ValueError(f"unknown placement {placement!r} (one of {', '.join(PLACEMENTS)})")
    if placement == "trigger" and p.trigger is not None:
        return sentence_of(sents, p.trigger[0], p.trigger[1])
    return sentence_of(sents, p.start, p.end)


def by_gold_sentence(
    gold_events: List[Dict[str, Any]], preds: List[PredEvent], placement: str = "trigger"
) -> Tuple[List[Tuple[int, int]], Dict[Tuple[int, int], List[Dict[str, Any]]],
           Dict[Optional[Tuple[int, int]], List[PredEvent]]]:
    """An article's gold events grouped by their sentence ``(start, end)``: the sentences in
    text order, the gold events of each, and the predicted events placed in each by
    :func:`place` (key None: outside every gold sentence)."""
    by_sent: Dict[Tuple[int, int], List[Dict[str, Any]]] = defaultdict(list)
    for g in gold_events:
        by_sent[(g["start"], g["end"])].append(g)
    sents = sorted(by_sent)
    pred_by: Dict[Optional[Tuple[int, int]], List[PredEvent]] = defaultdict(list)
    for p in preds:
        pred_by[place(sents, p, placement)].append(p)
    return sents, by_sent, pred_by


def score_article(gold_events: List[Dict[str, Any]], preds: List[PredEvent],
                  placement: str = "trigger") -> Dict[str, Any]:
    """Counts for one fully annotated article (see the module docstring; ``placement`` as in
    :func:`place`). Returns a dict of
    counters plus ``per_construction`` ({tag: [gold, recall hits, triple hits]}) and
    ``details`` (per gold sentence: gold and predicted tuples, for --errors)."""
    sents, by_sent, pred_by = by_gold_sentence(gold_events, preds, placement)
    c = defaultdict(int)
    per_con: Dict[str, List[int]] = defaultdict(lambda: [0, 0, 0])
    details = []
    c["gold"] = len(gold_events)
    c["predicted"] = len(preds)
    for sent in sents:
        golds = by_sent[sent]
        ps = pred_by.get(sent, [])
        roots = {r for g in golds for r in as_list(g.get("root"))}
        codes = [cd for g in golds for cd in as_list(g.get("code")) or as_list(g.get("root"))]
        for p in ps:
            c["pred_in_gold_sents"] += 1
            if root_of(p.code) in roots:
                c["root_correct"] += 1
            if any(p.code == cd or (len(cd) == 2 and p.code.startswith(cd)) for cd in codes):
                c["code_correct"] += 1

        def greedy(ok: Callable[[Dict[str, Any], PredEvent], bool]) -> Dict[int, PredEvent]:
            used, out = set(), {}
            for gi, g in enumerate(golds):
                for pi, p in enumerate(ps):
                    if pi not in used and ok(g, p):
                        used.add(pi)
                        out[gi] = p
                        break
            return out

        def root_ok(g, p):
            return root_of(p.code) in as_list(g.get("root"))

        rec = greedy(lambda g, p: root_ok(g, p) and actor_matches(g.get("source"), p.source))
        by_root = greedy(root_ok)
        trip = greedy(lambda g, p: root_ok(g, p) and actor_matches(g.get("source"), p.source)
                      and actor_matches(g.get("target"), p.target))
        c["recall_hits"] += len(rec)
        c["root_matched"] += len(by_root)
        c["root_matched_source_ok"] += sum(actor_matches(golds[gi].get("source"), p.source) for gi, p in by_root.items())
        c["triple_hits"] += len(trip)
        for gi, p in rec.items():
            g = golds[gi]
            c["modality_pairs"] += 1
            c["modality_ok"] += (p.modality if p.modality != "reported" else "asserted") == g.get("modality", "asserted")
            c["negation_ok"] += bool(p.negated) == bool(g.get("negated", False))
        for gi, g in enumerate(golds):
            for tag in g.get("constructions") or ["(none)"]:
                row = per_con[tag]
                row[0] += 1
                row[1] += gi in rec
                row[2] += gi in trip
        details.append({
            "sentence": list(sent),
            "gold": [(g.get("source"), g.get("target"), g.get("root"), g.get("modality", "asserted")) for g in golds],
            "predicted": [(p.source, p.target, p.code, p.modality) for p in ps],
        })
    spurious = pred_by.get(None, [])
    if spurious:
        details.append({"sentence": None, "gold": [],
                        "predicted": [(p.source, p.target, p.code, p.modality, p.start, p.end) for p in spurious]})
    return {"counts": dict(c), "per_construction": {k: list(v) for k, v in per_con.items()}, "details": details}


def summarise(counts: Dict[str, int], per_con: Dict[str, List[int]]) -> Dict[str, Any]:
    """The reported figures from summed counters (None where a denominator is 0)."""
    p = ratio(counts.get("triple_hits", 0), counts.get("predicted", 0))
    r = ratio(counts.get("triple_hits", 0), counts.get("gold", 0))
    return {
        "gold": counts.get("gold", 0),
        "predicted": counts.get("predicted", 0),
        "recall": ratio(counts.get("recall_hits", 0), counts.get("gold", 0)),
        "root_precision": ratio(counts.get("root_correct", 0), counts.get("pred_in_gold_sents", 0)),
        "code_precision": ratio(counts.get("code_correct", 0), counts.get("pred_in_gold_sents", 0)),
        "source_acc": ratio(counts.get("root_matched_source_ok", 0), counts.get("root_matched", 0)),
        "triple_precision": p,
        "triple_recall": r,
        "triple_f1": f1(p, r),
        "modality_acc": ratio(counts.get("modality_ok", 0), counts.get("modality_pairs", 0)),
        "negation_acc": ratio(counts.get("negation_ok", 0), counts.get("modality_pairs", 0)),
        "per_construction": {
            tag: {"gold": row[0], "recall": ratio(row[1], row[0]), "triple_recall": ratio(row[2], row[0])}
            for tag, row in sorted(per_con.items())
        },
    }


def predicted_events(gold: str, key: Any, model: Optional[str] = None, mentions: bool = True) -> List[PredEvent]:
    """The events lagebild codes for one gold article, in raw-text offsets with CAMEO actor codes.

    With ``mentions`` (default), an event that lagebild merged with its later re-mentions
    (``Event.mentions``: the same source, target, code and modality in a later sentence) is
    also predicted at each re-mention -- the gold has one record per sentence that reports an
    event -- so that a repeat counts for recall and for precision like any prediction."""
    doc, to_raw = analyse(gold, key, model)

    def raw_pair(pair) -> Tuple[int, int]:  # type: ignore[no-untyped-def]
        a = to_raw(pair[0])
        return (a, max(a + 1, to_raw(pair[1])))

    repeats = [PredEvent(
            start=raw_pair(m)[0], end=raw_pair(m)[1],
            source=pred_actor_code(doc, e.source), target=pred_actor_code(doc, e.target),
            code=e.cameo or "", modality=e.modality or "asserted", negated=bool(e.negated), trigger=raw_pair(m),
        ) for e in doc.events if mentions and e.cameo not in OUT_OF_SCOPE for m in (e.mentions or [])]
    out = list(PredEvent(
            start=to_raw(e.span[0]), end=to_raw(e.span[1]),
            source=pred_actor_code(doc, e.source), target=pred_actor_code(doc, e.target),
            code=e.cameo or "", modality=e.modality or "asserted", negated=bool(e.negated),
            trigger=(to_raw(e.trigger_span[0]), max(to_raw(e.trigger_span[0]) + 1, to_raw(e.trigger_span[1])))
            if e.trigger_span else None,
        ) for e in doc.events if e.cameo not in OUT_OF_SCOPE)
    return out + repeats


def evaluate(gold: str, split: str, *, model: Optional[str] = None, details: bool = False,
             predict: Optional[Callable[[str, Any], List[PredEvent]]] = None,
             only: Optional[Iterable[Any]] = None, placement: str = "trigger", mentions: bool = True) -> Dict[str, Any]:
    """Score lagebild's events on one split of a real gold set.

    ``placement`` puts each predicted event into a gold sentence (:func:`place`: ``trigger``,
    default, or ``sentence``, the rule before session 19); ``mentions`` also predicts each
    event at its merged re-mentions (:func:`predicted_events`; False: the rule before
    session 19).
    ``predict(gold, key)`` may replace the analysis (tests); ``only`` restricts the
    articles (:func:`select_articles`; ValueError for a key that is not annotated). Returns :func:`summarise`'s dict
    plus ``articles`` (count) and, with ``details``, ``details`` (per article and sentence).
    Raises FileNotFoundError when the corpus is absent (check :func:`available` first).
    """
    keys = select_articles(gold, split, only)
    by_key = records_by_article(gold, "events", split)
    total: Dict[str, int] = defaultdict(int)
    per_con: Dict[str, List[int]] = defaultdict(lambda: [0, 0, 0])
    rows = []
    for key in keys:
        preds = predict(gold, key) if predict else predicted_events(gold, key, model, mentions=mentions)
        res = score_article(by_key.get(key, []), preds, placement)
        for k, v in res["counts"].items():
            total[k] += v
        for tag, row in res["per_construction"].items():
            for i, v in enumerate(row):
                per_con[tag][i] += v
        if details:
            rows.append({"article": key, "sentences": res["details"]})
    out = summarise(total, per_con)
    out["articles"] = len(keys)
    if details:
        out["details"] = rows
    return out


def format_details(gold: str, rows: Iterable[Dict[str, Any]]) -> Iterable[str]:
    """Lines for ``--errors``: each sentence whose gold and predicted tuples differ, with the
    sentence text read from the local corpus (never stored)."""
    for row in rows:
        raw = raw_text(gold, row["article"])
        for s in row["sentences"]:
            gold_t = sorted(json.dumps(x) for x in s["gold"])
            pred_t = sorted(json.dumps(x) for x in s["predicted"])
            if gold_t == pred_t:
                continue
            where = s["sentence"]
            text = raw[where[0]:where[1]] if where else "(events outside gold sentences)"
            yield f"{row['article']} {where}: {text}\n   gold: {s['gold']}\n   pred: {s['predicted']}"
