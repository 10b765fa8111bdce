"""Forecast audit on unseen German news: precision and a recall-side estimate, judged by hand.

    python benchmarks/forecast_audit.py sample --seed 1120 --n 60 --out /tmp/audit.jsonl
    python benchmarks/forecast_audit.py sample --seed 2020 --n 60 --out /tmp/audit2.jsonl \
        --exclude benchmarks/gold/real-de/forecast_audit.jsonl
    python benchmarks/forecast_audit.py score benchmarks/gold/real-de/forecast_audit.jsonl [--audit NAME]

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
label and reason to ``forecast_audit.jsonl``.

``score`` checks each committed record's hash against the corpus and prints, per audit,
precision with a 95 % Wilson interval, the share of forecasts among the not-predicted cue
sentences (with its interval), and the reasons of the false alarms; for a round with a
``population``, a recall estimate: found = precision x forecasts predicted, missed = share of
forecasts among the not-predicted cue sentences x their number (the random side estimates the
forecasts outside them; one sentence per article, so short articles weigh a little more).
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


def wilson(k: int, n: int, z: float = 1.96) -> Tuple[float, float]:
    """95 % Wilson score interval of a proportion k/n (Wilson 1927)."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, round(c - h, 3)), min(1.0, round(c + h, 3)))


def sample(seed: int, n: int, out: Path, exclude: Optional[Path] = None, n_random: int = 0) -> None:
    import lagebild
    from lagebild import realgold

    ann = {ln for ln, _, _ in realgold.annotation_lines()}
    if exclude is not None and exclude.is_file():  # the articles of earlier audit rounds
        ann |= {json.loads(x)["line"] for x in exclude.read_text(encoding="utf-8").splitlines() if x.strip()}
    arts = realgold._articles()
    pool = [i for i in range(len(arts)) if i not in ann and arts[i].strip()]
    rng = random.Random(seed)
    rng.shuffle(pool)
    fc: List[Dict] = []
    neg: List[Dict] = []
    rnd: List[Dict] = []
    n_art = n_pred = n_cue = n_sent = 0
    for ln in pool:
        if len(fc) >= n and len(neg) >= n and len(rnd) >= n_random:
            break
        raw = arts[ln]
        doc = lagebild.analyze(raw, language="de")
        to_raw = realgold.offset_mapper(raw, doc.text)
        fs = list(doc.forecasts)
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
        n_pred += len(doc.forecasts)
        for a, b in doc.sentences:
            s, e = to_raw(a), to_raw(b)
            if any(min(e, fe) - max(s, fs_) > 0 for fs_, fe in fspans):
                continue
            if not raw[s:e].strip():
                continue
            plain.append((s, e))
            if CUE.search(raw[s:e]):
                cands.append((s, e))
        n_cue += len(cands)
        n_sent += len(plain)
        if cands and len(neg) < n:
            s, e = rng.choice(cands)
            neg.append(dict(line=ln, start=s, end=e, side="not_predicted", text=raw[s:e]))
        if plain and len(rnd) < n_random:  # any not-predicted sentence, with or without a cue
            s, e = rng.choice(plain)
            rnd.append(dict(line=ln, start=s, end=e, side="not_predicted_random", text=raw[s:e]))
    rows = fc + neg + rnd
    if rows:  # the population a recall estimate needs, kept with the round's first record
        rows[0]["population"] = dict(articles=n_art, predicted=n_pred, cue_sentences=n_cue, sentences=n_sent)
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            r["sha"] = realgold.sentence_hash(r["text"])
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(fc)} predicted, {len(neg)} not predicted, {len(rnd)} random not predicted; population: "
          f"{n_art} articles, {n_pred} forecasts predicted, {n_cue} cue sentences not predicted, "
          f"{n_sent} sentences not predicted")


def score(path: Path, audit: str = "") -> None:
    from lagebild import realgold

    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    by: Dict[str, List[Dict]] = defaultdict(list)
    for i, r in enumerate(rows, 1):
        raw = realgold.article(r["line"])
        if realgold.sentence_hash(raw[r["start"]:r["end"]]) != r["sha"]:
            sys.exit(f"{path}:{i}: sentence hash does not match the corpus")
        if not audit or r["audit"] == audit:
            by[r["audit"]].append(r)
    for name, rs in by.items():
        pred = [r for r in rs if r["side"] == "predicted"]
        neg = [r for r in rs if r["side"] == "not_predicted"]
        rnd = [r for r in rs if r["side"] == "not_predicted_random"]
        kp = sum(r["label"] == "forecast" for r in pred)
        kn = sum(r["label"] == "forecast" for r in neg)
        print(f"{name}: precision {kp}/{len(pred)} = {kp / max(1, len(pred)):.3f} {wilson(kp, len(pred))}; "
              f"forecasts among not-predicted cue sentences {kn}/{len(neg)} = {kn / max(1, len(neg)):.3f} "
              f"{wilson(kn, len(neg))}")
        held = [r.get("holder_ok") for r in pred if r["label"] == "forecast" and r.get("holder_ok") is not None]
        print(f"  holders judged {len(held)}: right {sum(h is True for h in held)}, right mention with no/odd "
              f"code {sum(h == 'mention' for h in held)}, wrong {sum(h is False for h in held)}")
        fa = Counter(r["kind"] for r in pred if r["label"] != "forecast")
        print("  false alarms by reason: " + ", ".join(f"{k} {v}" for k, v in fa.most_common()))
        ms = Counter(r["kind"] for r in neg if r["label"] == "forecast")
        print("  misses by kind: " + ", ".join(f"{k} {v}" for k, v in ms.most_common()))
        pop = next((r["population"] for r in rs if r.get("population")), None)
        if pop:  # recall estimate: found = precision x predicted; missed = miss share x cue sentences not predicted
            found = kp / max(1, len(pred)) * pop["predicted"]
            missed = kn / max(1, len(neg)) * pop["cue_sentences"]
            lo_m, hi_m = (x * pop["cue_sentences"] for x in wilson(kn, len(neg)))
            print(f"  population {pop['articles']} articles: {pop['predicted']} predicted, {pop['cue_sentences']} cue "
                  f"sentences and {pop['sentences']} sentences not predicted; recall estimate (cue sentences) "
                  f"{found:.0f} / ({found:.0f} + {missed:.0f}) = {found / max(1e-9, found + missed):.3f} "
                  f"(miss-share interval alone: {found / max(1e-9, found + hi_m):.3f}-{found / max(1e-9, found + lo_m):.3f})")
        if rnd:
            kr = sum(r["label"] == "forecast" for r in rnd)
            print(f"  forecasts among random not-predicted sentences {kr}/{len(rnd)} = {kr / len(rnd):.3f} "
                  f"{wilson(kr, len(rnd))}")
            mr = Counter(r["kind"] for r in rnd if r["label"] == "forecast")
            print("  random-side misses by kind: " + ", ".join(f"{k} {v}" for k, v in mr.most_common()))
            if pop:  # forecasts outside the cue sentences: the random side over all not-predicted sentences
                print(f"  forecasts among all {pop['sentences']} not-predicted sentences, estimated: "
                      f"{kr / len(rnd) * pop['sentences']:.0f} {tuple(round(x * pop['sentences']) for x in wilson(kr, len(rnd)))}")


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
    c = sub.add_parser("score")
    c.add_argument("path", type=Path)
    c.add_argument("--audit", default="")
    a = ap.parse_args()
    if a.cmd == "sample":
        sample(a.seed, a.n, a.out, a.exclude, a.random)
    else:
        score(a.path, a.audit)


if __name__ == "__main__":
    main()
