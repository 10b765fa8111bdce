"""Counts and a fitted model for the continued-speech classifier
(:mod:`lagebild.language.continuation`, issue 11, session 30).

    python benchmarks/train_continuation.py [--lines "80 106 …"] [--grid] [--fit OUT.tsv]

Collects the candidate sentences of the given real-de dev articles (default: the even dev
line numbers of ``annotation_lines.tsv``, "dev-A", the half we study): every sentence with no
statement of its own right after a sentence holding a statement of a named speaker (not the
author, not an interview turn), up to three sentences on. A candidate is positive when a gold
statement covers it (half of the shorter span) whose speaker is not named inside the
sentence (a continuation in the gold's sense). It prints, per cue of
:func:`~lagebild.language.continuation.features`, how many positive and negative
candidates carry it, then how the shipped weights (``speech_continuation_weights.tsv``)
decide the candidates. ``--grid`` adds the rows of
``tests/statements/continuation_grid_s30.tsv`` (our own sentences) as labelled candidates;
``--fit OUT.tsv`` fits an L2 logistic regression (scikit-learn, C=1) on all candidates and
writes its weights in the weights file's format to OUT.tsv, for comparison (the shipped
weights are the hand-set ordered rule its header describes).

Prints counts and the sentences' line numbers only, no article text (the news-de licence).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Dict, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _candidates(lines: List[int]) -> List[Tuple[Dict[str, float], int, int]]:
    """``(features, label, line)`` of every candidate sentence of the given dev lines."""
    import lagebild.statements.component as comp
    import lagebild.statements.extract as extract
    from lagebild import tokens
    from lagebild.events import realeval as ev
    from lagebild.language import continuation as cont
    from lagebild.statements.syntax import sentences

    captured = []
    original = comp.extract_statements

    def capture(doc, lang=None):  # type: ignore[no-untyped-def]
        found = original(doc, lang)
        captured.append((doc, found))
        return found

    comp.extract_statements = capture
    classifier = extract.continues_speech
    extract.continues_speech = lambda *a, **k: None  # candidates as the pipeline without the model sees them
    gold = [g for g in ev.load("real-de", "statements", "dev")]
    out = []
    try:
        for line in lines:
            captured.clear()
            document, to_raw = ev.analyse("real-de", line)
            golds = [g for g in gold if g["line"] == line]
            for doc, found in captured:
                off = max(document.text.find(doc.text[:200]), 0)
                last, dist = None, 0
                for sent in sentences(doc):
                    own = [st for st in found if st.span[0] < sent.end_char and st.span[1] > sent.start_char]
                    named = [st for st in own if st.speaker not in ("author", "unknown") and st.verb_class != "turn"]
                    if own:
                        last, dist = (named[-1] if named else None), 0
                        continue
                    if last is None or dist >= 3:
                        continue
                    dist += 1
                    ments = tokens.mentions_in(doc, sent.start_char, sent.end_char)
                    mine = frozenset((m.start, m.end) for m in ments if m.actor_id == last.speaker)
                    others = frozenset((m.start, m.end) for m in ments if m.actor_id != last.speaker)
                    feats = cont.features(sent, "de", mine, others)
                    a, b = to_raw(sent.start_char + off), to_raw(sent.end_char + off)
                    label = 0
                    for g in golds:
                        c0, c1 = g["content_span"]
                        inter = min(c1, b) - max(c0, a)
                        if inter > 0 and inter >= 0.5 * min(c1 - c0, b - a):
                            ss = g.get("speaker_span")
                            label = int(ss is None or not a <= ss[0] < b)
                            break
                    out.append((feats, label, line))
    finally:
        comp.extract_statements = original
        extract.continues_speech = classifier
    return out


def _grid() -> List[Tuple[Dict[str, float], int, int]]:
    """The grid rows of our own sentences as labelled candidates (features of the sentence
    that starts with the row's ``said``)."""
    import lagebild.statements.component as comp
    from lagebild.language import continuation as cont
    from lagebild.pipeline import analyze
    from lagebild.statements.syntax import sentences

    path = ROOT / "tests" / "statements" / "continuation_grid_s30.tsv"
    rows = [r for r in csv.DictReader((x for x in path.open(encoding="utf-8") if not x.startswith("#")), delimiter="\t")]
    captured = []
    original = comp.extract_statements
    comp.extract_statements = lambda doc, lang=None: (captured.append(doc), original(doc, lang))[1]
    out = []
    try:
        for k, r in enumerate(rows):
            captured.clear()
            text = r["text"].replace("\\n", "\n")
            analyze(text, language="de", source="derStandard.at", published="2016-06-01")
            doc = captured[-1]
            at = text.index(r["said"], text.index(".") + 1)
            sent = next(s for s in sentences(doc) if s.start_char <= at < s.end_char)
            out.append((cont.features(sent, "de"), int(r["expect"] != "no"), -k - 1))
    finally:
        comp.extract_statements = original
    return out


def main(argv=None) -> int:  # type: ignore[no-untyped-def]
    from lagebild.language import continuation as cont

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lines", default="", help="dev lines, space- or comma-separated (default: dev-A)")
    ap.add_argument("--grid", action="store_true", help="add the grid rows of our own sentences")
    ap.add_argument("--fit", default="", help="write a fitted logistic model's weights here")
    args = ap.parse_args(argv)
    if args.lines:
        lines = [int(x) for x in args.lines.replace(",", " ").split()]
    else:
        from lagebild.realgold import annotation_lines

        dev = [line for line, split, _ in annotation_lines() if split == "dev"]
        lines = [line for line in dev if line % 2 == 0]  # dev-A: the even line numbers
    data = _candidates(lines) + (_grid() if args.grid else [])
    pos = sum(lab for _, lab, _ in data)
    print(f"candidates {len(data)}, positive {pos}")
    names = list(cont.PARSE_FEATURES + cont.WORD_FEATURES)
    for name in names:
        p = sum(1 for f, lab, _ in data if lab and f[name])
        n = sum(1 for f, lab, _ in data if not lab and f[name])
        print(f"  {name:22s} positive {p:4d}  negative {n:4d}")
    m = cont.model("de")
    chosen = [(lab, line) for f, lab, line in data if (cont.score(f, "de") or 0) >= (m.threshold if m else 1)]
    tp = sum(lab for lab, _ in chosen)
    print(f"shipped weights: {len(chosen)} chosen, {tp} positive ({tp / max(len(chosen), 1):.2f}); recall {tp / max(pos, 1):.2f}")
    if args.fit:
        from sklearn.linear_model import LogisticRegression

        X = [[f[n] for n in names] for f, _, _ in data]
        y = [lab for _, lab, _ in data]
        clf = LogisticRegression(C=1.0, max_iter=1000).fit(X, y)
        with open(args.fit, "w", encoding="utf-8") as fh:
            fh.write(f"# fitted by benchmarks/train_continuation.py on {len(data)} candidates "
                     f"({'dev-A and the grid' if args.grid else 'dev-A'}), L2 logistic regression, C=1\n")
            fh.write("feature\tweight\n")
            fh.write(f"(bias)\t{clf.intercept_[0]:.4f}\n(threshold)\t0.5\n")
            for n, w in zip(names, clf.coef_[0]):
                fh.write(f"{n}\t{w:.4f}\n")
        print(f"wrote {args.fit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
