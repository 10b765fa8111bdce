"""Forecast audit on unseen German news: precision and a recall-side estimate, judged by hand.

    python benchmarks/forecast_audit.py sample --seed 1120 --n 60 --out /tmp/audit.jsonl
    python benchmarks/forecast_audit.py sample --seed 2020 --n 60 --out /tmp/audit2.jsonl \
        --exclude benchmarks/gold/real-de/forecast_audit.jsonl
    python benchmarks/forecast_audit.py score benchmarks/gold/real-de/forecast_audit.jsonl [--audit NAME]
    python benchmarks/forecast_audit.py rescore benchmarks/gold/real-de/forecast_audit.jsonl --audit NAME \
        [--before /tmp/audit.jsonl] [--show]

``sample`` shuffles the 10kGNAD test articles that are NOT in ``annotation_lines.tsv`` with
``--seed`` and analyses them in that order. From each article it draws up to two of the
sentences lagebild calls forecasts (side ``predicted``) and one random sentence that holds a
future or predictive cue (a fixed regular expression, :data:`CUE`, independent of lagebild's
own lexicon) and that lagebild does NOT call a forecast (side ``not_predicted``), until it has
``--n`` of each. It writes them, WITH their text, to ``--out`` — a scratch file for the
human judge that must never be committed (the corpus licence forbids shipping article text).
With ``--random N`` it also draws one random sentence per article that lagebild does NOT call a
forecast, cue or not (side ``not_predicted_random``), until it has N: forecasts without any cue
word show up there. It prints the population counts a recall estimate needs (articles read,
forecasts predicted in them, cue sentences and all sentences not predicted in them) and keeps
them as ``population`` in the round's first record.

The judge labels each sentence by the definition in ``benchmarks/gold/real-de/README.md``
(a forecast predicts what its holder does not simply decide; plans and schedules of the
actor who controls them are not forecasts) and commits only line, offsets, sentence hash,
label and reason to ``forecast_audit.jsonl`` (and, for a wrong holder, ``holder_error``: its
kind, counted by ``score``).

``score`` checks each committed record's hash against the corpus and prints, per audit,
precision with a 95 % Wilson interval, the share of forecasts among the not-predicted cue
sentences (with its interval), and the reasons of the false alarms; for a round with a
``population``, a recall estimate: found = precision x forecasts predicted, missed = share of
forecasts among the not-predicted cue sentences x their number (the random side estimates the
forecasts outside them; one sentence per article, so short articles weigh a little more).

``rescore`` is the paired re-score: it analyses the articles of one round again with the code
as it is now and sets each judged sentence against what lagebild predicts in it now (a
prediction covers a sentence when they overlap by at least half of the shorter, as in
``forecasts/realeval.py``). Forecasts judged right and predicted before are *kept* or *lost*;
false alarms are *still there* or *removed*; judged forecasts that were not predicted are
*found* or still missed; judged non-forecasts that were not predicted and are now are *new
false alarms*. Predictions now that cover no judged sentence are counted as *unjudged* (with
``--show`` printed, text included, to judge by hand — never committed; so are, with ``--show``,
the judged sentences found, lost, removed or newly predicted). With ``--before`` (the
round's scratch file from ``sample``, which holds the holders of that time) a holder that
changed on a kept forecast is printed with the judge's verdict on the old one.

``whole`` (issue 11, session 26) is the recall round by whole articles: most missed forecasts sit
in sentences without a strong cue, which a cue-drawn side cannot reach. It shuffles the unseen
articles with ``--seed``, keeps those of the 10kGNAD categories ``--categories`` (political and
economic news: International, Inland, Wirtschaft by default) with at most
``--max-sentences`` sentences, and writes EVERY sentence of the first ``--n`` of them: side
``predicted`` (with lagebild's holder) where lagebild calls a forecast, ``whole_not_predicted``
otherwise. The judge labels each sentence forecast / not (and a predicted forecast's holder), so
the round measures recall directly: found / (found + forecasts among ``whole_not_predicted``).
``score`` prints that recall for a round with the second side.

``holders`` is the holder round (issue 11, session 26: holder accuracy is the weakest forecast
figure): it takes the sentences of earlier rounds that the judge labelled forecasts and lagebild
predicted, analyses them with the code as it is now, and writes each with the holder lagebild
gives it now (text included, a scratch file). The judge labels each holder (``holder_ok``: true,
"mention" for the right mention with no or an odd code, false; ``holder_error``: the kind of a
wrong one) and commits line, offsets, hash, the holder's class (author, cameo with its code, kb, provisional,
unknown: no names, which are corpus text) and the labels to
``forecast_holder_audit.jsonl``; ``score-holders`` counts them.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Tuple

CUE = re.compile(
    r"\b(wird|werden|werde|würde|würden|dürfte|dürften|könnte|könnten|droht|drohen|voraussichtlich|"
    r"künftig|erwartet|erwarten|rechnet|rechnen|Prognosen?|prognostiz\w*|befürcht\w*|wahrscheinlich|"
    r"vermutlich|demnächst|bald|nächsten?|kommenden?|soll|sollen)\b"
)

# The recall side's narrower cue set (``sample --cues expect``): future and expectation cues only,
# so that more of the not-predicted sentences drawn are candidate misses. "werden" + an infinitive
# is approximated on the surface (a form of "werden" and, later in the sentence, a word in -en/-ern/
# -eln before a comma, a full stop or the end); also expectation verbs and nouns, "rechnen mit",
# "dürfte", "drohen", "voraussichtlich", "Prognose" and a target year ("bis 2020", "bis Ende 2018").
EXPECT_CUE = re.compile(
    r"\b(?:(?:wird|werden|werde|würde|würden)\b[^,.;:?!]*?\b\w+(?:en|ern|eln)\s*(?:[,.;:?!]|$)|"
    r"erwart\w*|rechne[nt]?\s+(?:\w+\s+){0,3}?mit|gerechnet|dürfte[n]?|droh\w*|voraussichtlich|"
    r"Prognose\w*|prognostiz\w*|befürcht\w*|wahrscheinlich|[Bb]is\s+(?:(?:Ende|Mitte|Anfang)\s+)?20\d\d)"
)
CUES = {"any": CUE, "expect": EXPECT_CUE}


def wilson(k: int, n: int, z: float = 1.96) -> Tuple[float, float]:
    """95 % Wilson score interval of a proportion k/n (Wilson 1927)."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, round(c - h, 3)), min(1.0, round(c + h, 3)))


def _judged_spans(path: Optional[Path]) -> Dict[int, List[Tuple[int, int]]]:
    """The sentences an audit file's records judged, as ``{line: [(start, end), ...]}`` (raw
    character offsets); empty when ``path`` is None or absent."""
    spans: Dict[int, List[Tuple[int, int]]] = defaultdict(list)
    if path is not None and Path(path).is_file():
        for x in Path(path).read_text(encoding="utf-8").splitlines():
            if x.strip():
                r = json.loads(x)
                spans[r["line"]].append((r["start"], r["end"]))
    return spans


def sample(seed: int, n: int, out: Path, exclude: Optional[Path] = None, n_random: int = 0,
           cues: str = "any", per_article: int = 1, fresh_sentences: bool = False) -> None:
    """Draw an audit round (see the module docstring) and write it with its text to ``out``.

    ``cues`` names the cue set of the not-predicted side (``any``: :data:`CUE`; ``expect``:
    :data:`EXPECT_CUE`, the recall side's narrower set); ``per_article`` is how many
    not-predicted cue sentences one article may give (default 1, as in the committed rounds, whose
    draws this default reproduces). With ``fresh_sentences`` (session 27: the unseen articles
    are used up) the round draws only the predicted side, from the unseen articles that earlier
    rounds in ``exclude`` DID name, and leaves out every sentence those rounds judged (a
    prediction that overlaps a judged sentence at all): fresh sentences, not fresh articles.
    Raises KeyError for an unknown cue set."""
    import lagebild
    from lagebild import realgold

    cue = CUES[cues]
    arts = realgold._articles()
    rng = random.Random(seed)
    judged = _judged_spans(exclude) if fresh_sentences else {}
    if fresh_sentences:  # the articles of earlier rounds, in a seeded order; their judged sentences left out
        pool = [ln for ln in realgold.unseen_lines(rng) if ln in judged]
    else:
        pool = realgold.unseen_lines(rng, exclude)  # exclude: the articles of earlier audit rounds
    fc: List[Dict] = []
    neg: List[Dict] = []
    rnd: List[Dict] = []
    n_art = n_pred = n_cue = n_sent = 0
    for ln in pool:
        if len(fc) >= n and (fresh_sentences or len(neg) >= n) and len(rnd) >= n_random:
            break
        raw = arts[ln]
        doc = lagebild.analyze(raw, language="de")
        to_raw = realgold.offset_mapper(raw, doc.text)
        fs = [f for f in doc.forecasts if not any(min(e, to_raw(f.span[1])) - max(s, to_raw(f.span[0])) > 0
                                                  for s, e in judged.get(ln, ()))]
        rng.shuffle(fs)
        for f in fs[:2]:
            s, e = to_raw(f.span[0]), to_raw(f.span[1])
            if len(fc) < n:
                fc.append(dict(line=ln, start=s, end=e, side="predicted", holder=f.holder,
                               holder_text=f.holder_text, kind=f.kind, cues=f.cues,
                               horizon=(f.horizon or {}).get("text"), text=raw[s:e]))
        fspans = [(to_raw(f.span[0]), to_raw(f.span[1])) for f in doc.forecasts]
        cands = []
        plain = []
        n_art += 1
        n_pred += len(fs)
        for a, b in doc.sentences:
            s, e = to_raw(a), to_raw(b)
            if any(min(e, fe) - max(s, fs_) > 0 for fs_, fe in fspans):
                continue
            if not raw[s:e].strip():
                continue
            plain.append((s, e))
            if cue.search(raw[s:e]):
                cands.append((s, e))
        n_cue += len(cands)
        n_sent += len(plain)
        picks: List[Tuple[int, int]] = []
        if cands and len(neg) < n and not fresh_sentences:
            if per_article == 1:  # the committed rounds' draw: one rng.choice per article
                picks = [rng.choice(cands)]
            else:
                picks = rng.sample(cands, min(per_article, len(cands)))
        for s, e in picks:
            if len(neg) < n:
                neg.append(dict(line=ln, start=s, end=e, side="not_predicted", text=raw[s:e]))
        if plain and len(rnd) < n_random:  # any not-predicted sentence, with or without a cue
            s, e = rng.choice(plain)
            rnd.append(dict(line=ln, start=s, end=e, side="not_predicted_random", text=raw[s:e]))
    rows = fc + neg + rnd
    if rows:  # the population a recall estimate needs, kept with the round's first record
        rows[0]["population"] = dict(articles=n_art, predicted=n_pred, cue_sentences=n_cue, sentences=n_sent)
        if fresh_sentences:
            rows[0]["population"]["fresh_sentences"] = True
        if cues != "any":
            rows[0]["population"]["cues"] = cues
    _write_round(out, rows)
    print(f"{len(fc)} predicted, {len(neg)} not predicted, {len(rnd)} random not predicted; population: "
          f"{n_art} articles, {n_pred} forecasts predicted, {n_cue} cue sentences not predicted, "
          f"{n_sent} sentences not predicted")


WHOLE_CATEGORIES = ("International", "Inland", "Wirtschaft")


def sample_whole(seed: int, n: int, out: Path, exclude: Optional[Path] = None,
                 categories: Tuple[str, ...] = WHOLE_CATEGORIES, max_sentences: int = 40,
                 fresh_sentences: bool = False) -> None:
    """Draw a whole-article round (module docstring, ``whole``) and write it with its text to ``out``.

    Every sentence of the first ``n`` unseen articles (seeded order, earlier rounds in ``exclude``
    left out) whose 10kGNAD category is in ``categories`` and which have at most ``max_sentences``
    sentences (the cap keeps a round judgeable; say so with its figures). One record per sentence,
    side ``predicted`` (a lagebild forecast overlaps it; holder, holder text and kind attached) or
    ``whole_not_predicted``; the first record carries ``population`` (articles, sentences, forecasts
    predicted, categories, the cap). With ``fresh_sentences`` (session 27: the unseen articles
    are used up) the articles are those the rounds in ``exclude`` DID name (not whole-judged
    ones), and the sentences those rounds judged are left out: every sentence not judged before,
    of articles judged in part. Raises FileNotFoundError when the corpus is absent."""
    import csv

    import lagebild
    from lagebild import realgold

    with realgold.corpus_path().open(encoding="utf-8", newline="") as fh:
        cats = [row[0] for row in csv.reader(fh, delimiter=";", quotechar="'")]
    arts = realgold._articles()
    rng = random.Random(seed)
    judged = _judged_spans(exclude) if fresh_sentences else {}
    if fresh_sentences:
        whole_done = {json.loads(x)["line"] for x in Path(exclude).read_text(encoding="utf-8").splitlines()
                      if x.strip() and json.loads(x)["side"] == "whole_not_predicted"}
        pool = [ln for ln in realgold.unseen_lines(rng) if ln in judged and ln not in whole_done and cats[ln] in categories]
    else:
        pool = [ln for ln in realgold.unseen_lines(rng, exclude) if cats[ln] in categories]
    rows: List[Dict] = []
    n_art = n_pred = n_sent = 0
    for ln in pool:
        if n_art >= n:
            break
        raw = arts[ln]
        doc = lagebild.analyze(raw, language="de")
        if len(doc.sentences) > max_sentences:
            continue
        to_raw = realgold.offset_mapper(raw, doc.text)
        fspans = [((to_raw(f.span[0]), to_raw(f.span[1])), f) for f in doc.forecasts]
        n_art += 1
        n_pred += len(doc.forecasts)
        for a, b in doc.sentences:
            s, e = to_raw(a), to_raw(b)
            if not raw[s:e].strip() or any(min(e, je) - max(s, js) > 0 for js, je in judged.get(ln, ())):
                continue
            n_sent += 1
            hit = next((f for sp, f in fspans if min(e, sp[1]) - max(s, sp[0]) > 0), None)
            if hit is not None:
                rows.append(dict(line=ln, start=s, end=e, side="predicted", holder=hit.holder,
                                 holder_text=hit.holder_text, kind=hit.kind, text=raw[s:e]))
            else:
                rows.append(dict(line=ln, start=s, end=e, side="whole_not_predicted", text=raw[s:e]))
    if rows:
        rows[0]["population"] = dict(articles=n_art, predicted=n_pred, sentences=n_sent, whole=True,
                                     categories=list(categories), max_sentences=max_sentences)
        if fresh_sentences:
            rows[0]["population"]["fresh_sentences"] = True
    _write_round(out, rows)
    print(f"{n_art} whole articles, {n_sent} sentences, {sum(r['side'] == 'predicted' for r in rows)} of them "
          f"predicted ({n_pred} forecasts)")


def _write_round(out: Path, rows: List[Dict]) -> None:
    """Write a drawn round to ``out`` (JSON Lines, one record per sentence), each record with
    the hash of its sentence (``realgold.sentence_hash``) that later checks match against the
    corpus; the text is for the labeller's eyes and never committed."""
    from lagebild import realgold

    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            r["sha"] = realgold.sentence_hash(r["text"])
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def _rounds(path: Path, audit: str = "") -> Dict[str, List[Dict]]:
    """The records of ``path`` by round (only round ``audit`` when given), each record's hash
    checked against the corpus. Raises SystemExit naming the first record that does not match."""
    from lagebild import realgold

    try:
        rows = realgold.load_audit(path)
    except ValueError as err:
        sys.exit(str(err))
    by: Dict[str, List[Dict]] = defaultdict(list)
    for r in rows:
        if not audit or r["audit"] == audit:
            by[r["audit"]].append(r)
    return by


def score(path: Path, audit: str = "") -> None:
    for name, rs in _rounds(path, audit).items():
        pred = [r for r in rs if r["side"] == "predicted"]
        neg = [r for r in rs if r["side"] == "not_predicted"]
        rnd = [r for r in rs if r["side"] == "not_predicted_random"]
        whole = [r for r in rs if r["side"] == "whole_not_predicted"]
        kp = sum(r["label"] == "forecast" for r in pred)
        kn = sum(r["label"] == "forecast" for r in neg)
        print(f"{name}: precision {kp}/{len(pred)} = {kp / max(1, len(pred)):.3f} {wilson(kp, len(pred))}"
              + (f"; forecasts among not-predicted cue sentences {kn}/{len(neg)} = {kn / max(1, len(neg)):.3f} "
                 f"{wilson(kn, len(neg))}" if neg else ""))
        held = [r.get("holder_ok") for r in pred if r["label"] == "forecast" and r.get("holder_ok") is not None]
        print(f"  holders judged {len(held)}: right {sum(h is True for h in held)}, right mention with no/odd "
              f"code {sum(h == 'mention' for h in held)}, wrong {sum(h is False for h in held)}")
        he = Counter(r["holder_error"] for r in pred if r.get("holder_error"))
        if he:
            print("  wrong holders by kind: " + ", ".join(f"{k} {v}" for k, v in he.most_common()))
        fa = Counter(r["kind"] for r in pred if r["label"] != "forecast")
        print("  false alarms by reason: " + ", ".join(f"{k} {v}" for k, v in fa.most_common()))
        ms = Counter(r["kind"] for r in neg if r["label"] == "forecast")
        if neg:
            print("  misses by kind: " + ", ".join(f"{k} {v}" for k, v in ms.most_common()))
        pop = next((r["population"] for r in rs if r.get("population")), None)
        if pop and not pop.get("whole") and neg:  # recall estimate: found = precision x predicted; missed = miss share x cue sentences not predicted
            found = kp / max(1, len(pred)) * pop["predicted"]
            missed = kn / max(1, len(neg)) * pop["cue_sentences"]
            lo_m, hi_m = (x * pop["cue_sentences"] for x in wilson(kn, len(neg)))
            print(f"  population {pop['articles']} articles: {pop['predicted']} predicted, {pop['cue_sentences']} cue "
                  f"sentences and {pop['sentences']} sentences not predicted; recall estimate (cue sentences) "
                  f"{found:.0f} / ({found:.0f} + {missed:.0f}) = {found / max(1e-9, found + missed):.3f} "
                  f"(miss-share interval alone: {found / max(1e-9, found + hi_m):.3f}-{found / max(1e-9, found + lo_m):.3f})")
        if whole:  # whole articles: every sentence judged, so recall is counted, not estimated
            kw = sum(r["label"] == "forecast" for r in whole)
            print(f"  whole articles: forecasts found {kp}, missed {kw} (of {len(whole)} sentences not predicted); "
                  f"recall {kp}/{kp + kw} = {kp / max(1, kp + kw):.3f} {wilson(kp, kp + kw)}")
            mw = Counter(r["kind"] for r in whole if r["label"] == "forecast")
            print("  whole-article misses by kind: " + ", ".join(f"{k} {v}" for k, v in mw.most_common()))
        if rnd:
            kr = sum(r["label"] == "forecast" for r in rnd)
            print(f"  forecasts among random not-predicted sentences {kr}/{len(rnd)} = {kr / len(rnd):.3f} "
                  f"{wilson(kr, len(rnd))}")
            mr = Counter(r["kind"] for r in rnd if r["label"] == "forecast")
            print("  random-side misses by kind: " + ", ".join(f"{k} {v}" for k, v in mr.most_common()))
            if pop:  # forecasts outside the cue sentences: the random side over all not-predicted sentences
                print(f"  forecasts among all {pop['sentences']} not-predicted sentences, estimated: "
                      f"{kr / len(rnd) * pop['sentences']:.0f} {tuple(round(x * pop['sentences']) for x in wilson(kr, len(rnd)))}")


def sample_holders(path: Path, audits: Tuple[str, ...], out: Path) -> None:
    """Draw a holder round (module docstring, ``holders``) and write it with its text to ``out``.

    For every committed record of the rounds ``audits`` in ``path`` that the judge labelled a
    forecast and lagebild predicted (side ``predicted``), analyse its article with the code as
    it is now and write the holder of the forecast that covers the sentence (half overlap, as
    :func:`rescore`), or none. Raises SystemExit when a round is absent or a hash does not
    match the corpus."""
    import lagebild
    from lagebild import realgold

    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    rs = [r for r in rows if r.get("audit") in audits and r["side"] == "predicted" and r["label"] == "forecast"]
    missing = set(audits) - {r["audit"] for r in rows}
    if missing:
        sys.exit(f"{path}: no records of audit {sorted(missing)}")
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for ln in sorted({r["line"] for r in rs}):
            raw = realgold.article(ln)
            doc = lagebild.analyze(raw, language="de")
            to_raw = realgold.offset_mapper(raw, doc.text)
            now = [((to_raw(f.span[0]), to_raw(f.span[1])), f) for f in doc.forecasts]
            for r in (r for r in rs if r["line"] == ln):
                text = raw[r["start"]:r["end"]]
                if realgold.sentence_hash(text) != r["sha"]:
                    sys.exit(f"{path}: line {ln} {r['start']}-{r['end']}: sentence hash does not match the corpus")
                hit = next((f for sp, f in now if _covers(sp, (r["start"], r["end"]))), None)
                rec = dict(line=ln, start=r["start"], end=r["end"], sha=r["sha"], from_audit=r["audit"],
                           holder=hit.holder if hit else None, holder_text=hit.holder_text if hit else None,
                           kind=hit.kind if hit else None, text=text)
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    print(f"{n} judged forecasts of {', '.join(audits)} with their holders now")


def score_holders(path: Path) -> None:
    """Per holder round in ``path`` (``forecast_holder_audit.jsonl``): holders right, right
    mention with no or an odd code, wrong, and the wrong ones by kind. Raises SystemExit when a
    record's hash does not match the corpus."""
    for name, rs in _rounds(path).items():
        held = [r["holder_ok"] for r in rs]
        right = sum(h is True for h in held)
        print(f"{name}: {len(rs)} judged forecasts; holders right {right}/{len(held)} = "
              f"{right / max(1, len(held)):.3f} {wilson(right, len(held))}, right mention with no/odd code "
              f"{sum(h == 'mention' for h in held)}, wrong {sum(h is False for h in held)}")
        he = Counter(r["holder_error"] for r in rs if r.get("holder_error"))
        if he:
            print("  wrong holders by kind: " + ", ".join(f"{k} {v}" for k, v in he.most_common()))


def _covers(a: Tuple[int, int], b: Tuple[int, int]) -> bool:
    """Do two character spans overlap by at least half of the shorter one (realeval's match)?"""
    ov = min(a[1], b[1]) - max(a[0], b[0])
    return ov > 0 and ov * 2 >= min(a[1] - a[0], b[1] - b[0])


def rescore(path: Path, audit: str, before: Optional[Path] = None, show: bool = False) -> Dict[str, int]:
    """Paired re-score of audit round ``audit`` in ``path`` on the current code.

    Returns the counts (kept, lost, still_false, removed, found, missed, new_false, unjudged)
    and prints them with the precision on the judged sentences before and after. Raises
    SystemExit when the round is absent or a sentence hash does not match the corpus.
    """
    import lagebild
    from lagebild import realgold

    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    rs = [r for r in rows if r.get("audit") == audit]
    if not rs:
        sys.exit(f"{path}: no records of audit {audit!r}")
    old: Dict[Tuple[int, int, int], Dict] = {}
    if before is not None:
        for x in before.read_text(encoding="utf-8").splitlines():
            if x.strip():
                b = json.loads(x)
                old[(b["line"], b["start"], b["end"])] = b
    c: Counter = Counter()
    changed: List[str] = []
    moved: List[str] = []  # (with show: judged sentences found, lost, removed or newly predicted)
    unjudged: List[str] = []
    for ln in sorted({r["line"] for r in rs}):
        raw = realgold.article(ln)
        doc = lagebild.analyze(raw, language="de")
        to_raw = realgold.offset_mapper(raw, doc.text)
        now = [((to_raw(f.span[0]), to_raw(f.span[1])), f) for f in doc.forecasts]
        judged = [r for r in rs if r["line"] == ln]
        for r in judged:
            if realgold.sentence_hash(raw[r["start"]:r["end"]]) != r["sha"]:
                sys.exit(f"{path}: line {ln} {r['start']}-{r['end']}: sentence hash does not match the corpus")
            hit = next((f for sp, f in now if _covers(sp, (r["start"], r["end"]))), None)
            good = r["label"] == "forecast"
            if r["side"] == "predicted":
                c[("kept" if hit else "lost") if good else ("still_false" if hit else "removed")] += 1
                b = old.get((ln, r["start"], r["end"]))
                if good and hit is not None and b is not None and (b.get("holder"), b.get("holder_text")) != (hit.holder, hit.holder_text):
                    changed.append(f"  line {ln} {r['start']}: holder {b.get('holder')} ({b.get('holder_text')}) judged "
                                   f"{r.get('holder_ok')} -> {hit.holder} ({hit.holder_text})")
            else:
                c[("found" if hit else "missed") if good else ("new_false" if hit else "quiet")] += 1
                if show and hit is not None:
                    moved.append(f"  line {ln} {r['start']}-{r['end']} {'found' if good else 'NEW FALSE'} "
                                 f"[{hit.kind}; {hit.holder} ({hit.holder_text})] {raw[r['start']:r['end']]}")
            if show and r["side"] == "predicted" and hit is None:
                moved.append(f"  line {ln} {r['start']}-{r['end']} {'LOST' if good else 'removed'} {raw[r['start']:r['end']]}")
        for sp, f in now:
            if not any(_covers(sp, (r["start"], r["end"])) for r in judged):
                c["unjudged"] += 1
                if show:
                    unjudged.append(f"  line {ln} {sp[0]}-{sp[1]} [{f.kind}; {f.holder} ({f.holder_text})] {raw[sp[0]:sp[1]]}")
    pb = sum(r["side"] == "predicted" for r in rs)
    kb = sum(r["side"] == "predicted" and r["label"] == "forecast" for r in rs)
    pa = c["kept"] + c["still_false"] + c["found"] + c["new_false"]
    ka = c["kept"] + c["found"]
    print(f"{audit} paired re-score: judged forecasts kept {c['kept']}, lost {c['lost']}, found {c['found']} "
          f"(still missed {c['missed']}); false alarms still there {c['still_false']}, removed {c['removed']}, "
          f"new {c['new_false']}; precision on the judged sentences {kb}/{pb} = {kb / max(1, pb):.3f} -> "
          f"{ka}/{pa} = {ka / max(1, pa):.3f}; unjudged predictions now {c['unjudged']}")
    for line in changed + moved:
        print(line)
    for line in unjudged:
        print(line)
    return dict(c)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--n", type=int, default=60)
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--exclude", type=Path, help="an audit file whose articles are left out (a fresh sample)")
    s.add_argument("--random", type=int, default=0,
                   help="also draw this many random not-predicted sentences (any, cue or not): the recall side")
    s.add_argument("--cues", choices=sorted(CUES), default="any",
                   help="cue set of the not-predicted side: any (CUE) or expect (EXPECT_CUE, future and expectation cues)")
    s.add_argument("--per-article", type=int, default=1, help="not-predicted cue sentences drawn per article")
    s.add_argument("--fresh-sentences", action="store_true",
                   help="predicted side only, from the articles of the --exclude rounds, their judged sentences left out")
    w = sub.add_parser("whole", help="every sentence of N unseen articles (the recall round by whole articles)")
    w.add_argument("--seed", type=int, required=True)
    w.add_argument("--n", type=int, default=10, help="articles")
    w.add_argument("--out", type=Path, required=True)
    w.add_argument("--exclude", type=Path, help="an audit file whose articles are left out (a fresh sample)")
    w.add_argument("--categories", default=",".join(WHOLE_CATEGORIES), help="10kGNAD categories, comma-separated")
    w.add_argument("--max-sentences", type=int, default=40, help="skip longer articles")
    w.add_argument("--fresh-sentences", action="store_true",
                   help="articles of the --exclude rounds (not whole-judged ones), their judged sentences left out")
    c = sub.add_parser("score")
    c.add_argument("path", type=Path)
    c.add_argument("--audit", default="")
    r = sub.add_parser("rescore", help="paired re-score of one round on the current code")
    r.add_argument("path", type=Path)
    r.add_argument("--audit", required=True)
    r.add_argument("--before", type=Path, help="the round's scratch file from sample (holders of that time)")
    r.add_argument("--show", action="store_true", help="print the unjudged predictions, text included")
    h = sub.add_parser("holders", help="the holders of the judged forecasts of earlier rounds, on the current code")
    h.add_argument("path", type=Path)
    h.add_argument("--audits", required=True, help="rounds, comma-separated")
    h.add_argument("--out", type=Path, required=True)
    hs = sub.add_parser("score-holders", help="score a holder round file (forecast_holder_audit.jsonl)")
    hs.add_argument("path", type=Path)
    a = ap.parse_args()
    if a.cmd == "rescore":
        rescore(a.path, a.audit, a.before, a.show)
    elif a.cmd == "holders":
        sample_holders(a.path, tuple(a.audits.split(",")), a.out)
    elif a.cmd == "score-holders":
        score_holders(a.path)
    elif a.cmd == "whole":
        sample_whole(a.seed, a.n, a.out, a.exclude, tuple(a.categories.split(",")), a.max_sentences,
                     a.fresh_sentences)
    elif a.cmd == "sample":
        sample(a.seed, a.n, a.out, a.exclude, a.random, a.cues, a.per_article, a.fresh_sentences)
    else:
        score(a.path, a.audit)


if __name__ == "__main__":
    main()
