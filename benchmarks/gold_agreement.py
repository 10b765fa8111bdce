"""Inter-annotator agreement on the real-news gold (issues 9 and 11): annotation B against A.

Usage::

    .venv/bin/python benchmarks/gold_agreement.py [--gold real-de|real-en|DIR] [--second DIR]
                                                  [--split dev|test] [--json]

``A`` is the gold of ``benchmarks/gold/real-de`` (``events.jsonl``, ``statements.jsonl``,
``forecasts.jsonl``, ``hard_negatives.jsonl``); ``B`` is a second, independent annotation of
some of its articles in the same record format, by default
``benchmarks/gold/real-de/agreement/`` (its ``articles.tsv`` names the articles and the
layers B annotated in each; see its README). ``--gold real-en`` compares the English gold
(``benchmarks/gold/real-en/events.jsonl``, keyed by page hash, events only) with its second
annotation in ``benchmarks/gold/real-en/agreement/``. ``--split`` keeps only the articles of
one split (default: every article B annotated). Only those articles of A are compared, and each
layer only on the articles where B annotated it (an article done for forecasts alone counts
for forecasts and forecast hard negatives only). ``--rank N`` prints how the forecast-only
articles are chosen (line numbers and counts only).

B is scored against A **with the matching the evaluators use**, imported from lagebild's
eval code (:mod:`lagebild.events.realeval`, :mod:`lagebild.statements.realeval`), as if B
were a system's output:

* events: :func:`~lagebild.events.realeval.score_article` and
  :func:`~lagebild.events.realeval.summarise` with B's events as predictions (each B record
  reduced to one prediction: its first accepted source, target and code), so "recall" is the
  share of A's events that B has in the same sentence with the same root and source, "root
  precision" the share of B's events in A's event sentences whose root A accepts, and triple
  P/R/F1 the (source, target, root) agreement. The same is reported with the roles swapped
  (A scored against B). **Root agreement**: B events paired with A events of the same
  sentence (the sentence of A holding the midpoint of B's span,
  :func:`~lagebild.events.realeval.sentence_of`) whose sources agree (any accepted code of
  either side, :func:`~lagebild.events.realeval.actor_matches`), greedy one-to-one; the share
  of pairs whose accepted roots overlap, and Cohen's kappa on the first root of each.
  **Source / target agreement**: B events paired with A events of the same sentence whose
  roots overlap (greedy one-to-one), and the share of those pairs whose sources (targets)
  agree. **Articles with events**: how many articles each side gives at least one event,
  how many both / neither, and Cohen's kappa of that yes/no label per article (agreement on
  "no event" counts, which matters where most pages are not political); and how many records
  of each side carry a root or code that is not a CAMEO root / code (:func:`malformed_codes`);
* statements and forecasts: :func:`~lagebild.statements.realeval.match` (content spans for
  statements, evidence sentences for forecasts, overlap of at least half the shorter span,
  one-to-one), precision = matched / B, recall = matched / A, F1 (the agreement F1),
  speaker/holder agreement on matched pairs (strict: B's first code as a system would give
  it; lenient: any code B accepts; and how often both annotators put the same code first),
  Cohen's kappa of the statement ``kind`` and of the forecast ``probability_class`` (no
  class = ``unhedged``), and agreement on whether a condition is present; hard negatives:
  how many of one side's hard-negative sentences hold an item of the other (the evaluators'
  false-alarm test), and the agreement F1 of the two hard-negative sets (same sentence, same ``looks_like``).

Cohen's kappa: ``(p_o - p_e) / (1 - p_e)`` with ``p_o`` the observed agreement and ``p_e``
the agreement expected from each annotator's label frequencies (Cohen 1960, "A coefficient
of agreement for nominal scales"); None for no pairs, 1.0 when both sides use one and the
same label throughout. Figures rest on few items: read them with the counts beside them.
Needs no corpus (hashes are checked only when ``../shared`` is present).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from lagebild import realgold
from lagebild.events import realeval as ev
from lagebild.statements import realeval as st

GOLD_DIR = ev.GOLD_ROOT / "real-de"
SECOND_DIR = GOLD_DIR / "agreement"
#: the gold sets this script compares, by name (``--gold``); a folder path works too
GOLD_SETS = ("real-de", "real-en")
LAYERS = ("events", "statements", "forecasts", "hard_negatives")

Records = Dict[Any, List[Dict[str, Any]]]  # article key (real-de line, real-en page) -> records


# -- reading -----------------------------------------------------------------------------------

ALL_LAYERS = frozenset(("events", "statements", "forecasts"))


def article_key(text: str) -> Any:
    """The article key of an ``articles.tsv`` first column: an int for a real-de line
    (``"4"``), the string itself for a real-en page hash."""
    text = text.strip()
    return int(text) if text.isdigit() else text


def read_article_layers(path: Path) -> Dict[Any, frozenset]:
    """``{line: layers}`` of an ``articles.tsv``: first column the article line (real-de) or
    page hash (real-en, :func:`article_key`), second the
    comma-separated layers annotator B did in it (``events``, ``statements``, ``forecasts``;
    all three when the column is absent); ``#`` comments skipped. Hard negatives go with their
    layer (``looks_like`` ``statement`` with statements, ``forecast`` with forecasts).

    Raises ValueError naming the file and line for an unknown layer or a line listed twice."""
    out: Dict[int, frozenset] = {}
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        layers = frozenset(x.strip() for x in cols[1].split(",") if x.strip()) if len(cols) > 1 else ALL_LAYERS
        if not layers or layers - ALL_LAYERS:
            raise ValueError(f"{path}:{no}: unknown layer(s) {sorted(layers - ALL_LAYERS) or '(none)'}")
        line = article_key(cols[0])
        if line in out:
            raise ValueError(f"{path}:{no}: article {line} listed twice")
        out[line] = layers
    return out


def read_articles(path: Path) -> List[Any]:
    """Article lines listed in a ``articles.tsv`` (first column; ``#`` comments skipped)."""
    return list(read_article_layers(path))


def load_dir(folder: Path, lines: Iterable[Any], verify: bool, key: str = "line") -> Dict[str, Records]:
    """The records of each layer file of ``folder`` for the articles ``lines``, by article.
    ``key`` is the record field naming the article: ``line`` (real-de, read with
    :func:`lagebild.realgold.load_gold`) or ``page`` (real-en, :func:`~lagebild.realgold.load_gold_en`).
    ``verify`` checks every sentence hash against the corpus (DataFileError names file and line)."""
    wanted = set(lines)
    read = realgold.load_gold_en if key == "page" else realgold.load_gold
    out: Dict[str, Records] = {}
    for layer in LAYERS:
        by: Records = defaultdict(list)
        path = folder / f"{layer}.jsonl"
        if path.is_file():
            for rec in read(path, verify=verify):
                if rec[key] in wanted:
                    by[rec[key]].append(rec)
        out[layer] = by
    return out


def rank_articles(gold: Path, split: str, looks_like: str, exclude: Iterable[int] = ()) -> List[Tuple[int, int, int]]:
    """Articles of ``split`` for a second annotation of one layer, by a neutral rule that
    needs no reading of A's records: ``(line, items, hard_negatives)`` for every article that
    ``articles_<split>.tsv`` lists with the layer (``forecast`` -> ``forecasts``), sorted by
    A's item count plus A's hard negatives of that kind (most first), ties by line number;
    lines in ``exclude`` are left out. Counts only; no record is returned."""
    layer = looks_like + "s"
    listed = [ln for ln, layers in read_article_layers(gold / f"articles_{split}.tsv").items() if layer in layers]
    items: Counter = Counter()
    negs: Counter = Counter()
    for raw in (gold / f"{layer}.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        items[rec["line"]] += rec.get("split") == split
    for raw in (gold / "hard_negatives.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        negs[rec["line"]] += rec.get("split") == split and rec.get("looks_like") == looks_like
    skip = set(exclude)
    rows = [(ln, items[ln], negs[ln]) for ln in listed if ln not in skip]
    return sorted(rows, key=lambda r: (-(r[1] + r[2]), r[0]))


# -- small helpers ---------------------------------------------------------------------------------

def first(value: Any) -> Any:
    """The first accepted value of a gold field that may be a list (None for an empty list)."""
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    return value


def values(value: Any) -> List[Any]:
    """All accepted values of a gold field; ``[None]`` for None (no actor)."""
    return ev.as_list(value) or [None]


def actors_agree(a: Any, b: Any) -> bool:
    """Whether two gold actor fields (codes, lists, ``"author"``, None) accept a common actor,
    by :func:`lagebild.events.realeval.actor_matches` in both directions."""
    return any(ev.actor_matches(a, x) for x in values(b)) or any(ev.actor_matches(b, x) for x in values(a))


def cohen_kappa(pairs: Sequence[Tuple[Any, Any]]) -> Optional[float]:
    """Cohen's kappa of labelled pairs ``[(label_A, label_B), ...]``; None without pairs."""
    n = len(pairs)
    if not n:
        return None
    p_o = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    p_e = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if p_e >= 1.0:
        return 1.0 if p_o >= 1.0 else 0.0
    return (p_o - p_e) / (1 - p_e)


def malformed_codes(records: Records, keys: Iterable[Any]) -> int:
    """How many event records of the articles ``keys`` carry a ``root`` that is not a 2-digit
    CAMEO root or a ``code`` that is not a 2-4 digit CAMEO code (e.g. a stray ``"1"`` in a list
    of accepted values). Such a value never matches a prediction, so it does not change the
    triple figures, but it is a slip in the annotation worth fixing."""
    def ok(values: List[Any], lengths: Tuple[int, ...]) -> bool:
        return all(isinstance(v, str) and v.isdigit() and len(v) in lengths for v in values)

    return sum(not (ok(ev.as_list(r.get("root")), (2,)) and ok(ev.as_list(r.get("code")), (2, 3, 4)))
               for k in keys for r in records.get(k, []))


def _ratio(a: int, b: int) -> Optional[float]:
    return ev.ratio(a, b)


# -- events ------------------------------------------------------------------------------------------

def as_predictions(records: List[Dict[str, Any]]) -> List[ev.PredEvent]:
    """Event records of one annotator as the evaluator's predictions (first accepted values)."""
    return [ev.PredEvent(start=r["start"], end=r["end"], source=first(r.get("source")),
                         target=first(r.get("target")),
                         code=str(first(r.get("code")) or first(r.get("root")) or ""),
                         modality=r.get("modality") or "asserted", negated=bool(r.get("negated")))
            for r in records]


def _score_events(gold: Records, other: Records, keys: Iterable[Any]) -> Dict[str, Any]:
    total: Dict[str, int] = defaultdict(int)
    per_con: Dict[str, List[int]] = defaultdict(lambda: [0, 0, 0])
    for key in keys:
        res = ev.score_article(gold.get(key, []), as_predictions(other.get(key, [])))
        for k, v in res["counts"].items():
            total[k] += v
        for tag, row in res["per_construction"].items():
            for i, v in enumerate(row):
                per_con[tag][i] += v
    return ev.summarise(total, per_con)


def _sentence_pairs(a_recs: List[Dict[str, Any]], b_recs: List[Dict[str, Any]],
                    agree: Callable[[Dict[str, Any], Dict[str, Any]], bool]) -> List[Tuple[Dict[str, Any], Dict[str, Any]]]:
    """(A, B) event pairs of one article: same A sentence (midpoint of B's span), ``agree(a, b)``,
    greedy one-to-one in A order."""
    sents = sorted({(r["start"], r["end"]) for r in a_recs})
    by_sent: Dict[Optional[Tuple[int, int]], List[Dict[str, Any]]] = defaultdict(list)
    for b in b_recs:
        by_sent[ev.sentence_of(sents, b["start"], b["end"])].append(b)
    used, out = set(), []
    for a in a_recs:
        for b in by_sent.get((a["start"], a["end"]), []):
            if id(b) not in used and agree(a, b):
                used.add(id(b))
                out.append((a, b))
                break
    return out


def root_pairs(a_recs: List[Dict[str, Any]], b_recs: List[Dict[str, Any]]) -> List[Tuple[Dict[str, Any], Dict[str, Any]]]:
    """(A, B) event pairs of one article whose sources agree (see :func:`_sentence_pairs`)."""
    return _sentence_pairs(a_recs, b_recs, lambda a, b: actors_agree(a.get("source"), b.get("source")))


def same_root_pairs(a_recs: List[Dict[str, Any]], b_recs: List[Dict[str, Any]]) -> List[Tuple[Dict[str, Any], Dict[str, Any]]]:
    """(A, B) event pairs of one article whose accepted roots overlap -- the pairs on which
    source and target agreement are measured (see :func:`_sentence_pairs`)."""
    return _sentence_pairs(
        a_recs, b_recs, lambda a, b: bool(set(ev.as_list(a.get("root"))) & set(ev.as_list(b.get("root")))))


def articles_with_events(a: Records, b: Records, keys: Sequence[Any]) -> Dict[str, Any]:
    """Agreement on which articles hold at least one event: counts of articles with events
    in A, in B, in both and in neither, the share of articles where A and B agree, and
    Cohen's kappa of the yes/no label."""
    labels = [(bool(a.get(k)), bool(b.get(k))) for k in keys]
    return {
        "articles": len(labels), "A": sum(x for x, _ in labels), "B": sum(y for _, y in labels),
        "both": sum(x and y for x, y in labels), "neither": sum(not x and not y for x, y in labels),
        "agreement": _ratio(sum(x == y for x, y in labels), len(labels)),
        "kappa": cohen_kappa(labels),
    }


def events_agreement(a: Records, b: Records, keys: Sequence[Any]) -> Dict[str, Any]:
    """Event agreement of B against A (and A against B) on the articles ``keys``."""
    pairs = [p for k in keys for p in root_pairs(a.get(k, []), b.get(k, []))]
    rpairs = [p for k in keys for p in same_root_pairs(a.get(k, []), b.get(k, []))]

    def outside(gold: Records, other: Records) -> int:
        # events of ``other`` in sentences where ``gold`` has no event (a whole event the
        # first annotator did not see, or did not count as an event)
        n = 0
        for k in keys:
            sents = sorted({(r["start"], r["end"]) for r in gold.get(k, [])})
            n += sum(ev.sentence_of(sents, r["start"], r["end"]) is None for r in other.get(k, []))
        return n

    root_ok = sum(bool(set(ev.as_list(x.get("root"))) & set(ev.as_list(y.get("root")))) for x, y in pairs)
    return {
        "A": sum(len(a.get(k, [])) for k in keys), "B": sum(len(b.get(k, [])) for k in keys),
        "B_vs_A": _score_events(a, b, keys), "A_vs_B": _score_events(b, a, keys),
        "B_outside_A_sentences": outside(a, b), "A_outside_B_sentences": outside(b, a),
        "source_pairs": len(pairs), "root_agreement": _ratio(root_ok, len(pairs)),
        "root_kappa": cohen_kappa([(first(x.get("root")), first(y.get("root"))) for x, y in pairs]),
        "modality_kappa": cohen_kappa([(x.get("modality", "asserted"), y.get("modality", "asserted")) for x, y in pairs]),
        "root_pairs": len(rpairs),
        "source_agreement": _ratio(sum(actors_agree(x.get("source"), y.get("source")) for x, y in rpairs), len(rpairs)),
        "target_agreement": _ratio(sum(actors_agree(x.get("target"), y.get("target")) for x, y in rpairs), len(rpairs)),
        "articles_with_events": articles_with_events(a, b, keys),
        "malformed_codes_A": malformed_codes(a, keys), "malformed_codes_B": malformed_codes(b, keys),
    }


# -- statements and forecasts -------------------------------------------------------------------------

def _neg_spans(negs: List[Dict[str, Any]], looks_like: str) -> List[Tuple[int, int]]:
    return [(n["start"], n["end"]) for n in negs if n.get("looks_like") == looks_like]


def layer_agreement(layer: str, a: Dict[str, Records], b: Dict[str, Records], keys: Sequence[Any]) -> Dict[str, Any]:
    """Agreement of B against A on ``statements`` or ``forecasts`` (see the module docstring)."""
    who = "speaker" if layer == "statements" else "holder"
    looks_like = layer[:-1]

    def span(r: Dict[str, Any]) -> Tuple[int, int]:
        return tuple(r["content_span"]) if layer == "statements" else (r["start"], r["end"])

    c: Dict[str, int] = defaultdict(int)
    kind_pairs, prob_pairs = [], []
    for key in keys:
        ra, rb = a[layer].get(key, []), b[layer].get(key, [])
        m = st.match([span(r) for r in ra], [span(r) for r in rb])
        c["A"] += len(ra)
        c["B"] += len(rb)
        c["matched"] += len(m)
        for gi, pi in m.items():
            x, y = ra[gi], rb[pi]
            c["who_strict"] += ev.actor_matches(x.get(who), first(y.get(who)))
            c["who_lenient"] += actors_agree(x.get(who), y.get(who))
            c["who_first"] += first(x.get(who)) == first(y.get(who))
            if layer == "statements":
                kind_pairs.append((x.get("kind"), y.get("kind")))
            else:
                prob_pairs.append((x.get("probability_class") or "unhedged", y.get("probability_class") or "unhedged"))
                c["cond_ok"] += (x.get("condition_span") is None) == (y.get("condition_span") is None)
        na = _neg_spans(a["hard_negatives"].get(key, []), looks_like)
        nb = _neg_spans(b["hard_negatives"].get(key, []), looks_like)
        c["negs_A"] += len(na)
        c["negs_B"] += len(nb)
        # the evaluators' false-alarm test: a hard-negative sentence holding an item of the other side
        c["B_items_in_A_negs"] += sum(any(ev.sentence_of([n], *span(r)) for r in rb) for n in na)
        c["A_items_in_B_negs"] += sum(any(ev.sentence_of([n], *span(r)) for r in ra) for n in nb)
        c["negs_matched"] += len(st.match(na, nb))
    p, r = _ratio(c["matched"], c["B"]), _ratio(c["matched"], c["A"])
    np_, nr = _ratio(c["negs_matched"], c["negs_B"]), _ratio(c["negs_matched"], c["negs_A"])
    out = {
        "A": c["A"], "B": c["B"], "matched": c["matched"], "precision": p, "recall": r, "f1": ev.f1(p, r),
        f"{who}_strict": _ratio(c["who_strict"], c["matched"]),
        f"{who}_lenient": _ratio(c["who_lenient"], c["matched"]),
        f"{who}_same_first": _ratio(c["who_first"], c["matched"]),
        "hard_negatives_A": c["negs_A"], "hard_negatives_B": c["negs_B"],
        "hard_negatives_f1": ev.f1(np_, nr),
        "B_items_in_A_hard_negatives": c["B_items_in_A_negs"],
        "A_items_in_B_hard_negatives": c["A_items_in_B_negs"],
    }
    if layer == "statements":
        out["kind_agreement"] = _ratio(sum(x == y for x, y in kind_pairs), len(kind_pairs))
        out["kind_kappa"] = cohen_kappa(kind_pairs)
    else:
        out["condition_agreement"] = _ratio(c["cond_ok"], c["matched"])
        out["probability_agreement"] = _ratio(sum(x == y for x, y in prob_pairs), len(prob_pairs))
        out["probability_kappa"] = cohen_kappa(prob_pairs)
    return out


def agreement(a: Dict[str, Records], b: Dict[str, Records], keys: Sequence[Any],
              layers: Optional[Dict[Any, Iterable[str]]] = None) -> Dict[str, Any]:
    """All three layers: ``{"articles", "layer_articles", "events", "statements", "forecasts"}``.

    ``layers`` maps an article to the layers B annotated in it (all three for an article it
    does not name, and for every article when it is None); each layer is scored only on the
    articles that have it, so an article annotated for forecasts only does not count B as
    missing all of A's events and statements there."""
    def keys_for(layer: str) -> List[Any]:
        return [k for k in keys if layers is None or k not in layers or layer in layers[k]]

    per = {layer: keys_for(layer) for layer in ("events", "statements", "forecasts")}
    return {
        "articles": list(keys),
        "layer_articles": per,
        "events": events_agreement(a["events"], b["events"], per["events"]),
        "statements": layer_agreement("statements", a, b, per["statements"]),
        "forecasts": layer_agreement("forecasts", a, b, per["forecasts"]),
    }


# -- output --------------------------------------------------------------------------------------------

def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def _short(key: Any) -> str:
    """An article key as printed: a real-de line in full, a real-en page hash by its first 8 digits."""
    return key[:8] if isinstance(key, str) else str(key)


def split_of(article: Any, key: str) -> Optional[str]:
    """The split (``dev``/``test``) of an article: a real-en page by
    :func:`lagebild.realgold.en_pages` (``key`` ``page``), a real-de line by
    :func:`lagebild.realgold.split_of`; None when the corpus does not list it."""
    if key == "page":
        return dict(realgold.en_pages()).get(article)
    return realgold.split_of(article)


def resolve_gold(gold: str) -> Tuple[Path, str]:
    """``(folder, key field)`` of ``--gold``: a gold set name of :data:`GOLD_SETS` or a folder;
    the key field is ``page`` for a real-en folder, else ``line``."""
    folder = ev.GOLD_ROOT / gold if gold in GOLD_SETS else Path(gold)
    return folder, ev.KEY_FIELD.get(folder.name, "line")


def format_table(res: Dict[str, Any]) -> str:
    """The agreement as plain-text tables, one per layer."""
    e, s, f = res["events"], res["statements"], res["forecasts"]
    ba, ab = e["B_vs_A"], e["A_vs_B"]
    rows: List[Tuple[str, Any, Any]] = [
        ("events A / B", e["A"], e["B"]),
        ("recall (same sentence, source and root)", ba["recall"], ab["recall"]),
        ("root precision (in the other's event sentences)", ba["root_precision"], ab["root_precision"]),
        ("full-code precision", ba["code_precision"], ab["code_precision"]),
        ("source accuracy (root matched)", ba["source_acc"], ab["source_acc"]),
        ("triple (source, target, root) P", ba["triple_precision"], ab["triple_precision"]),
        ("triple R", ba["triple_recall"], ab["triple_recall"]),
        ("triple F1 (agreement F1)", ba["triple_f1"], ab["triple_f1"]),
        ("modality accuracy (recall pairs)", ba["modality_acc"], ab["modality_acc"]),
        ("events in sentences where the other has none", e["B_outside_A_sentences"], e["A_outside_B_sentences"]),
        ("pairs with agreeing source (same sentence)", e["source_pairs"], None),
        ("root agreement on those pairs", e["root_agreement"], None),
        ("Cohen's kappa, first root", e["root_kappa"], None),
        ("Cohen's kappa, modality", e["modality_kappa"], None),
        ("pairs with overlapping root (same sentence)", e["root_pairs"], None),
        ("source agreement on those pairs", e["source_agreement"], None),
        ("target agreement on those pairs", e["target_agreement"], None),
    ]
    pe = e["articles_with_events"]
    rows += [
        ("articles with events A / B", pe["A"], pe["B"]),
        ("articles with events in both / in neither", pe["both"], pe["neither"]),
        ("articles-with-events agreement", pe["agreement"], None),
        ("Cohen's kappa, article has events", pe["kappa"], None),
        ("records with a malformed root or code (A / B)", e["malformed_codes_A"], e["malformed_codes_B"]),
    ]
    per = res.get("layer_articles") or {k: res["articles"] for k in ("events", "statements", "forecasts")}
    lines = [f"Agreement of annotation B with annotation A (the gold) on {len(res['articles'])} articles"]
    lines += [f"  {layer:<11} {len(per[layer]):>3} articles: " + " ".join(_short(k) for k in per[layer])
              for layer in ("events", "statements", "forecasts")]
    lines += ["", "EVENTS                                            B vs A    A vs B"]
    lines += [f"  {name:<47} {_fmt(x):>7}   {_fmt(y):>7}" for name, x, y in rows]
    for layer, d, who, extra in (
        ("STATEMENTS", s, "speaker", [("kind agreement", "kind_agreement"), ("Cohen's kappa, kind (direct/indirect)", "kind_kappa")]),
        ("FORECASTS", f, "holder", [("condition present agreement", "condition_agreement"),
                                    ("probability class agreement", "probability_agreement"),
                                    ("Cohen's kappa, probability class (hedge)", "probability_kappa")]),
    ):
        if not per[layer.lower()]:
            continue  # B did not annotate this layer (real-en: events only)
        lines += ["", f"{layer:<50}  value"]
        items = [("items A / B / matched", f"{d['A']} / {d['B']} / {d['matched']}"),
                 ("precision (matched / B)", d["precision"]), ("recall (matched / A)", d["recall"]),
                 ("F1 (agreement F1)", d["f1"]),
                 (f"{who} agreement, strict (B's first code)", d[f"{who}_strict"]),
                 (f"{who} agreement, lenient (any accepted code)", d[f"{who}_lenient"]),
                 (f"same first {who} code on both sides", d.get(f"{who}_same_first"))]
        items += [(name, d[key]) for name, key in extra]
        items += [("hard negatives A / B", f"{d['hard_negatives_A']} / {d['hard_negatives_B']}"),
                  ("hard-negative agreement F1", d["hard_negatives_f1"]),
                  ("A hard negatives holding a B item", d["B_items_in_A_hard_negatives"]),
                  ("B hard negatives holding an A item", d["A_items_in_B_hard_negatives"])]
        lines += [f"  {name:<47} {_fmt(v):>7}" for name, v in items]
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default="real-de",
                    help="annotation A (the gold): real-de (default), real-en, or a folder")
    ap.add_argument("--second", type=Path, default=None,
                    help="folder of annotation B with its articles.tsv (default: <gold>/agreement)")
    ap.add_argument("--split", choices=realgold.SPLITS,
                    help="only the articles of this split (default: all that B annotated)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--rank", metavar="N", type=int,
                    help="print only the N test articles with the most A forecasts + forecast hard "
                         "negatives that B has no forecast layer for (line and counts; how the "
                         "forecast-only articles were chosen) and exit")
    args = ap.parse_args(argv)
    gold_dir, key = resolve_gold(args.gold)
    args.gold = gold_dir
    if args.second is None:
        args.second = gold_dir / "agreement"
    if args.rank is not None:
        have = [ln for ln, ls in read_article_layers(args.second / "articles.tsv").items() if "forecasts" in ls]
        print("line\tforecasts\tforecast_hard_negatives")
        for row in rank_articles(args.gold, "test", "forecast", have)[:args.rank]:
            print("\t".join(map(str, row)))
        return 0
    layers = read_article_layers(args.second / "articles.tsv")
    keys = list(layers)
    if args.split:
        keys = [k for k in keys if split_of(k, key) == args.split]
    verify = realgold.en_available() if key == "page" else realgold.available()
    a = load_dir(args.gold, keys, verify, key)
    b = load_dir(args.second, keys, verify, key)
    res = agreement(a, b, keys, layers)
    print(json.dumps(res, indent=1, default=str) if args.json else format_table(res))
    if not verify:
        print("(corpus not found under ../shared: sentence hashes not checked)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
