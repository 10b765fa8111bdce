"""German event audit on unseen news: precision and a recall-side estimate, judged by hand.

    python benchmarks/events_audit.py sample --seed 924 --n 45 --out /tmp/evde/audit.jsonl
    python benchmarks/events_audit.py score benchmarks/gold/real-de/events_audit.jsonl [--audit NAME]
    python benchmarks/events_audit.py score benchmarks/gold/real-de/events_audit.jsonl --rescore

Same pattern as ``benchmarks/forecast_audit.py``. ``sample`` shuffles the 10kGNAD test
articles that are NOT in ``annotation_lines.tsv`` (nor in an ``--exclude`` file's rounds) with
``--seed`` and analyses them in that order, as ``lagebild eval events --gold real-de`` does
(:func:`lagebild.events.realeval.analyse`: same source and undated-article date). Of each
article it draws up to two of lagebild's sentences in which it codes an event (side
``coded``; the 010 "make statement" events the scorer drops do not count) and one random
sentence that holds at least one mention of an actor with a CAMEO code and in which lagebild
codes no event (side ``uncoded``), until it has ``--n`` of each (``--coded`` sets the coded side apart; ``--political`` draws only from
articles with a political actor, a stratum with more events per sentence). It writes them, WITH their
text and the predicted events (source, target, code), to ``--out``: a scratch file for the
human judge that must never be committed (the corpus licence forbids shipping article text).
It prints the population a recall estimate needs (articles read, predicted events, sentences
with predicted events, uncoded sentences with a coded actor) and keeps it as ``population`` in
the round's first record.

The judge labels every sentence by the rules of ``benchmarks/gold/real-de/README.md`` (what
counts as an event; 010 is no event; persons by their role at the time) and commits, per
sentence, only line, offsets, sentence hash, side, the predicted events and the labels:

* ``events``: EVERY event the sentence reports, each ``{"source", "target", "root", "kind"}``
  (codes as in ``events.jsonl``, lists for two readings); ``kind`` names the construction or
  cause of a miss (``nominal``, ``no-actor-code``, ``verb-missing`` …) — free text, counted;
* ``false``: one kind per predicted event that matches no labelled event by root and source
  (``not-political``, ``wrong-sense``, ``statement-010`` …), in the order of ``predicted``.

``score`` checks each record's hash against the corpus and prints, per audit: precision of the
coded events (root and source right; root alone), with 95 % Wilson intervals; the share of
uncoded sentences that report an event; the kinds of false events and of missed events; and,
with a ``population``, a recall estimate (found = precision x predicted events; missed = events
per uncoded sentence x uncoded sentences with a coded actor + the missed events of coded
sentences scaled the same way). A predicted event matches a labelled one when the root is
accepted and the source matches (:func:`lagebild.events.realeval.actor_matches`), one to one.

``score --rescore`` analyses the same articles again with the code in the working tree and
compares, sentence by sentence, against the stored predictions (a paired re-score): labelled
events ``found`` (missed before, matched now) and ``lost`` (matched before, not now), false
events ``removed`` and ``added`` (a prediction now that matches no labelled event: the
sentences are labelled completely, so it is a false event), and precision/recall on the sample
before and after.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from forecast_audit import wilson  # noqa: E402  (95 % Wilson interval, shared with the forecast audit)

Pred = Tuple[Optional[str], Optional[str], str]  # (source code, target code, CAMEO code)


def political_article(line: int) -> bool:
    """Whether lagebild's analysis of an article has an actor whose CAMEO agent is one of the
    German lexicon's ``political_agents`` (``data/events/syntax.yaml``; any IGO counts)."""
    from lagebild.events import realeval as R
    from lagebild.events.lexicon import load_lexicon

    agents = load_lexicon("de").political_agents
    doc, _ = R.analyse("real-de", line)
    for a in doc.actors:
        code = (a.code or "").upper()
        if ("igo" if code.startswith("IGO") else code[3:6].lower()) in agents:
            return True
    return False


def article_sentences(line: int) -> Tuple[List[Tuple[int, int]], Dict[Tuple[int, int], List[Pred]], set]:
    """One unseen article analysed as the real-de scorer does: lagebild's sentences in raw
    offsets (non-blank), the predicted events of each sentence (placed by the trigger word's
    midpoint, :func:`lagebild.events.realeval.place`; 010 dropped; merged re-mentions
    predicted again, as the scorer does) and the set of sentences that hold a mention of an
    actor with a CAMEO code (country or code)."""
    from lagebild.events import realeval as R

    doc, to_raw = R.analyse("real-de", line)
    raw = R.raw_text("real-de", line)
    sents = [(to_raw(a), to_raw(b)) for a, b in doc.sentences]
    sents = [(s, e) for s, e in sents if raw[s:e].strip()]
    by: Dict[Tuple[int, int], List[Pred]] = defaultdict(list)
    for p in R.predicted_events("real-de", line):
        s = R.place(sents, p)
        if s is not None:
            by[s].append((p.source, p.target, p.code))
    coded = set()
    for ms, me, code in R.coded_mentions(doc, to_raw):
        if code:
            s = R.sentence_of(sents, ms, me)
            if s is not None:
                coded.add(s)
    return sents, by, coded


def sample(seed: int, n: int, out: Path, exclude: Optional[Path] = None, audit: str = "",
           n_coded: Optional[int] = None, political: bool = False) -> None:
    """Draw a round (see the module docstring) and write it, with text, to ``out``:
    ``n`` uncoded sentences and ``n_coded`` (default ``n``) coded ones; with ``political``
    only from articles with a political actor (:func:`political_article`), a stratum that
    the population counts then describe."""
    n_coded = n if n_coded is None else n_coded
    from lagebild import realgold

    arts = realgold._articles()
    rng = random.Random(seed)
    pool = realgold.unseen_lines(rng, exclude)  # exclude: the articles of earlier audit rounds
    pos: List[Dict[str, Any]] = []
    neg: List[Dict[str, Any]] = []
    n_art = n_pred = n_psent = n_unc = 0
    for ln in pool:
        if len(pos) >= n_coded and len(neg) >= n:
            break
        if political and not political_article(ln):
            continue
        raw = arts[ln]
        sents, by, coded = article_sentences(ln)
        n_art += 1
        n_pred += sum(len(v) for v in by.values())
        n_psent += len(by)
        with_ev = sorted(by)
        rng.shuffle(with_ev)
        for s in with_ev[:2]:
            if len(pos) < n_coded:
                pos.append(dict(line=ln, start=s[0], end=s[1], side="coded", predicted=by[s], text=raw[s[0]:s[1]]))
        cands = [s for s in sents if s in coded and s not in by]
        n_unc += len(cands)
        if cands and len(neg) < n:
            s = rng.choice(cands)
            neg.append(dict(line=ln, start=s[0], end=s[1], side="uncoded", predicted=[], text=raw[s[0]:s[1]]))
    rows = pos + neg
    if rows:  # the population a recall estimate needs, kept with the round's first record
        rows[0]["population"] = dict(articles=n_art, predicted=n_pred, coded_sentences=n_psent,
                                     uncoded_actor_sentences=n_unc, political_only=political)
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            r = dict(audit=audit, seed=seed, **r)
            r["sha"] = realgold.sentence_hash(r["text"])
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(pos)} coded, {len(neg)} uncoded sentences; population: {n_art} articles, {n_pred} events "
          f"predicted in {n_psent} sentences, {n_unc} uncoded sentences with a coded actor")


def match(events: Sequence[Dict[str, Any]], preds: Sequence[Pred], source: bool = True) -> Dict[int, int]:
    """One-to-one greedy matching of predicted events to labelled events of one sentence:
    ``{prediction index: event index}`` for each prediction whose root the event accepts and
    (with ``source``) whose source code matches the event's source."""
    from lagebild.events import realeval as R

    used: set = set()
    out: Dict[int, int] = {}
    for pi, (src, _tgt, code) in enumerate(preds):
        for gi, g in enumerate(events):
            if gi in used or R.root_of(code) not in R.as_list(g.get("root")):
                continue
            if source and not R.actor_matches(g.get("source"), src):
                continue
            used.add(gi)
            out[pi] = gi
            break
    return out


def _ratio(k: int, n: int) -> str:
    return f"{k}/{n} = {k / max(1, n):.3f} {wilson(k, n)}"


def rescore_predictions(rows: Sequence[Dict[str, Any]]) -> Dict[Tuple[int, int, int], List[Pred]]:
    """The events the working tree's code predicts now in each audited sentence
    (``{(line, start, end): [(source, target, code)]}``)."""
    now: Dict[Tuple[int, int, int], List[Pred]] = {}
    for ln in sorted({r["line"] for r in rows}):
        _sents, by, _coded = article_sentences(ln)
        for r in rows:
            if r["line"] == ln:
                now[(ln, r["start"], r["end"])] = [tuple(p) for p in by.get((r["start"], r["end"]), [])]
    return now


def score(path: Path, audit: str = "", rescore: bool = False) -> None:
    """Print the audit's figures (see the module docstring). Exits with a message when a
    record's sentence hash does not match the corpus."""
    from lagebild import realgold

    try:
        rows = realgold.load_audit(path)
    except ValueError as err:
        sys.exit(str(err))
    by: Dict[str, List[Dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if not audit or r["audit"] == audit:
            by[r["audit"]].append(r)
    for name, rs in by.items():
        pos = [r for r in rs if r["side"] == "coded"]
        neg = [r for r in rs if r["side"] == "uncoded"]
        n_pred = sum(len(r["predicted"]) for r in pos)
        right = sum(len(match(r["events"], [tuple(p) for p in r["predicted"]])) for r in pos)
        rooted = sum(len(match(r["events"], [tuple(p) for p in r["predicted"]], source=False)) for r in pos)
        if pos:
            print(f"{name}: {len(pos)} coded sentences, {n_pred} coded events: precision (root and source) "
                  f"{_ratio(right, n_pred)}; root precision {_ratio(rooted, n_pred)}")
        else:
            print(f"{name}: a recall-side round (no coded sentences)")
        miss_pos = sum(len(r["events"]) for r in pos) - right
        n_ev_neg = sum(len(r["events"]) for r in neg)
        k_neg = sum(bool(r["events"]) for r in neg)
        print(f"  uncoded sentences with a coded actor that report an event {_ratio(k_neg, len(neg))}; "
              f"{n_ev_neg} events in them; {miss_pos} events of coded sentences not matched")
        fa = Counter(k for r in pos for k in r.get("false", []))
        print("  false events by kind: " + ", ".join(f"{k} {v}" for k, v in fa.most_common()))
        ms: Counter = Counter()
        for r in rs:
            hit = set(match(r["events"], [tuple(p) for p in r["predicted"]]).values())
            ms.update(g.get("kind", "?") for gi, g in enumerate(r["events"]) if gi not in hit)
        print("  missed events by kind: " + ", ".join(f"{k} {v}" for k, v in ms.most_common()))
        pop = next((r["population"] for r in rs if r.get("population")), None)
        if pop and pop.get("political_only"):
            print("  (a stratum: only articles with a political actor)")
        if pop and pos and neg:
            found = right / max(1, n_pred) * pop["predicted"]
            missed = (n_ev_neg / len(neg) * pop["uncoded_actor_sentences"]
                      + miss_pos / len(pos) * pop["coded_sentences"])
            print(f"  population {pop['articles']} articles: {pop['predicted']} events predicted in "
                  f"{pop['coded_sentences']} sentences, {pop['uncoded_actor_sentences']} uncoded sentences "
                  f"with a coded actor; recall estimate (sentences with a coded actor) {found:.0f} / "
                  f"({found:.0f} + {missed:.0f}) = {found / max(1e-9, found + missed):.3f}")
        if rescore:
            _rescore(rs)


def _rescore(rs: Sequence[Dict[str, Any]]) -> None:
    """The paired re-score of one audit round (see the module docstring)."""
    now = rescore_predictions(rs)
    found = lost = removed = added = 0
    n_before = n_after = right_before = right_after = 0
    n_events = sum(len(r["events"]) for r in rs)
    kinds: Dict[str, Counter] = defaultdict(Counter)
    for r in rs:
        before = [tuple(p) for p in r["predicted"]]
        after = now[(r["line"], r["start"], r["end"])]
        mb, ma = match(r["events"], before), match(r["events"], after)
        hb, ha = set(mb.values()), set(ma.values())
        for gi, g in enumerate(r["events"]):
            if gi in ha and gi not in hb:
                found += 1
                kinds["found"][g.get("kind", "?")] += 1
            elif gi in hb and gi not in ha:
                lost += 1
                kinds["lost"][g.get("kind", "?")] += 1
        fb = len(before) - len(mb)
        fa_ = len(after) - len(ma)
        removed += max(0, fb - fa_)
        added += max(0, fa_ - fb)
        n_before += len(before)
        n_after += len(after)
        right_before += len(mb)
        right_after += len(ma)
    print(f"  paired re-score on {len(rs)} sentences, {n_events} labelled events: found {found}, lost {lost}; "
          f"false events removed {removed}, added {added}")
    print(f"    before: precision {_ratio(right_before, n_before)}, recall {_ratio(right_before, n_events)}")
    print(f"    after:  precision {_ratio(right_after, n_after)}, recall {_ratio(right_after, n_events)}")
    for side in ("found", "lost"):
        if kinds[side]:
            print(f"    {side} by kind: " + ", ".join(f"{k} {v}" for k, v in kinds[side].most_common()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--n", type=int, default=45, help="sentences of each side")
    s.add_argument("--coded", type=int, help="coded sentences (default --n; 0: a recall-side round)")
    s.add_argument("--political", action="store_true",
                   help="only articles with a political actor (a stratum: more events per uncoded sentence)")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--audit", default="", help="the round's name, kept in each record")
    s.add_argument("--exclude", type=Path, help="an audit file whose articles are left out (a fresh sample)")
    c = sub.add_parser("score")
    c.add_argument("path", type=Path)
    c.add_argument("--audit", default="")
    c.add_argument("--rescore", action="store_true",
                   help="analyse the articles again with the working tree's code: found / lost / removed")
    a = ap.parse_args()
    if a.cmd == "sample":
        sample(a.seed, a.n, a.out, a.exclude, a.audit, a.coded, a.political)
    else:
        score(a.path, a.audit, a.rescore)


if __name__ == "__main__":
    main()
