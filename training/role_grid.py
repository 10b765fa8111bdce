"""Score German NER pipelines on the "role noun + name" grid (issue 10).

    python training/role_grid.py [--model DIR ...] [--errors] [--dev [--bootstrap]]

The grid is ``tests/language/role_grid.tsv``: own sentences (no corpus text) with a role
noun, title or party-role compound before a person's name ("Die Landesrätin Anna Berger
..."), a surname after a role noun, and controls where the word after a role noun is a place
or an organisation. Every name of a sentence is annotated (GermEval 2014's convention: role
nouns and titles outside the PER span).

For each model (default: the shipped ``src/lagebild/models/de``), without and with the
post-NER repair ``lagebild.language.ner_roles``, prints one table row: sentences whose
entities are all exactly right, entity precision/recall/F1 over the grid, entities that
contain a role noun or title, and the right sentences per kind (female, male, title, party,
surname, control-*).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.datafiles import iter_tsv  # noqa: E402

GRID = ROOT / "tests" / "language" / "role_grid.tsv"


def load_grid(path: Path = GRID):
    """[(kind, sentence, {(text, label), ...})] of the grid file; DataFileError on a bad row."""
    rows = []

    def check(row):
        for item in (row["entities"] or "").split("|"):
            text, _, label = item.rpartition("=")
            if not text or label not in ("PER", "LOC", "ORG", "MISC"):
                return f"entity {item!r} is not TEXT=PER|LOC|ORG|MISC"
            if text not in row["sentence"]:
                return f"entity {text!r} is not in the sentence"
        return None

    for row in iter_tsv(path, required=("kind", "sentence", "entities"), validate=check):
        gold = {tuple(x.rpartition("=")[::2]) for x in row["entities"].split("|")}
        rows.append((row["kind"], row["sentence"], gold))
    return rows


def score(nlp, grid, repair: bool, errors: bool = False, name: str = ""):
    """{"sentences": right, "n": total, "p", "r", "f1", "role_inside": n, "kinds": {kind:
    (right, n)}} of ``nlp`` on ``grid`` (with the role-name repair when ``repair``)."""
    from lagebild.language import ner_roles

    lex = ner_roles.lexicon("de")
    comp = ner_roles.RoleNameRepair("de") if repair else None
    tp = fp = fn = right = inside = 0
    kinds: dict = defaultdict(lambda: [0, 0])
    for kind, sent, gold in grid:
        doc = nlp(sent)
        if comp is not None:
            doc = comp(doc)
        pred = {(e.text, e.label_) for e in doc.ents}
        inside += sum(1 for e in doc.ents if any(lex.is_role(t.text) for t in e[:1]))
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        ok = pred == gold
        right += ok
        kinds[kind][0] += ok
        kinds[kind][1] += 1
        if errors and not ok:
            print(f"  [{name}{' +repair' if repair else ''}] {kind}: {sent}\n     gold {sorted(gold)}\n     pred {sorted(pred)}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"sentences": right, "n": len(grid), "p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
            "role_inside": inside, "kinds": {k: tuple(v) for k, v in sorted(kinds.items())}}


DEV = ROOT / "training" / "corpus" / "de_ner_dev.spacy"


def _dev_pairs(nlp, repair: bool, path: Path = DEV):
    """(predicted Doc, reference Doc) for each Doc of the NER dev part that ``ner_data.py``
    writes (GermEval's training part, k % 10 == 4; never the held-out 10 %): ``nlp`` (+ the
    role repair) on the reference's words. FileNotFoundError when it has not been written."""
    from spacy.tokens import Doc, DocBin

    from lagebild.language import ner_roles

    comp = ner_roles.RoleNameRepair("de") if repair else None
    for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
        doc = nlp(Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref]))
        if comp is not None:
            doc = comp(doc)
        yield doc, ref


def dev_scores(nlp, repair: bool, path: Path = DEV):
    """Entity P/R/F1 (spaCy's scorer) of ``nlp`` (+ the repair) on the NER dev part
    (:func:`_dev_pairs`). FileNotFoundError when it has not been written."""
    from spacy.scorer import Scorer
    from spacy.training import Example

    sc = Scorer.score_spans([Example(doc, ref) for doc, ref in _dev_pairs(nlp, repair, path)], "ents")
    return {"p": round(sc["ents_p"], 4), "r": round(sc["ents_r"], 4), "f1": round(sc["ents_f"], 4)}


def dev_counts(nlp, repair: bool, path: Path = DEV):
    """Per dev Doc (:func:`_dev_pairs`) the exact-span entity counts ``(tp, fp, fn)`` (span and
    label must both match; the F1 over all Docs equals :func:`dev_scores`'s)."""
    out = []
    for doc, ref in _dev_pairs(nlp, repair, path):
        gold = {(e.start, e.end, e.label_) for e in ref.ents}
        pred = {(e.start, e.end, e.label_) for e in doc.ents}
        out.append((len(gold & pred), len(pred - gold), len(gold - pred)))
    return out


def _f1(rows) -> float:
    tp = sum(r[0] for r in rows)
    wrong = sum(r[1] + r[2] for r in rows)
    return 2 * tp / (2 * tp + wrong) if tp or wrong else 0.0


def paired_bootstrap(base, cand, samples: int = 2000, seed: int = 0):
    """Paired bootstrap over documents (Efron & Tibshirani 1993, "An Introduction to the
    Bootstrap"; for NLP: Berg-Kirkpatrick et al. 2012, "An Empirical Investigation of
    Statistical Significance in NLP"): ``base`` and ``cand`` are :func:`dev_counts` lists of one
    dev set (same Docs, same order). Draws ``samples`` resamples of the Docs with replacement
    and returns ``(diff, lo, hi)``: F1(cand) - F1(base) on the whole set and the 2.5 / 97.5
    percentiles of the resampled differences. ValueError for lists of different lengths or empty."""
    import random

    if len(base) != len(cand) or not base:
        raise ValueError(f"paired bootstrap needs two count lists over the same Docs ({len(base)} vs {len(cand)})")
    rnd, n, diffs = random.Random(seed), len(base), []
    for _ in range(samples):
        idx = [rnd.randrange(n) for _ in range(n)]
        diffs.append(_f1([cand[i] for i in idx]) - _f1([base[i] for i in idx]))
    diffs.sort()
    return _f1(cand) - _f1(base), diffs[int(0.025 * samples)], diffs[min(samples - 1, int(0.975 * samples))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", action="append", help="pipeline directory (repeatable; default: the shipped de)")
    ap.add_argument("--errors", action="store_true", help="list the sentences a model gets wrong")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dev", action="store_true",
                    help="also entity P/R/F1 on the ner_data dev part (training/corpus/de_ner_dev.spacy)")
    ap.add_argument("--bootstrap", action="store_true",
                    help="with --dev and two or more --model: each model's dev F1 minus the first's, with a "
                         "95%% interval from a paired bootstrap over the dev Docs (with the repair)")
    args = ap.parse_args(argv)
    import spacy

    grid = load_grid()
    models = args.model or [str(ROOT / "src" / "lagebild" / "models" / "de")]
    results = []
    for m in models:
        nlp = spacy.load(m, exclude=["lemmatizer"])
        for repair in (False, True):
            res = score(nlp, grid, repair, args.errors, Path(m).name)
            res["model"] = m
            res["repair"] = repair
            if args.dev:
                res["dev"] = dev_scores(nlp, repair)
            results.append(res)
    if args.bootstrap and args.dev and len(models) > 1:
        counts = [dev_counts(spacy.load(m, exclude=["lemmatizer"]), True) for m in models]
        out = sys.stderr if args.json else sys.stdout  # --json: stdout stays one JSON document
        print(f"paired bootstrap over {len(counts[0])} dev Docs (2,000 samples, seed 0), with the repair:", file=out)
        for m, c in zip(models[1:], counts[1:]):
            diff, lo, hi = paired_bootstrap(counts[0], c)
            print(f"  {m} minus {models[0]}: F1 {diff:+.4f}, 95 % interval [{lo:+.4f}, {hi:+.4f}]", file=out)
    if args.json:
        import json

        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    kinds = sorted({k for r in results for k in r["kinds"]})
    head = ["model", "repair", "sentences right", "P", "R", "F1", "role in entity"] + kinds + (["dev part"] if args.dev else [])
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in results:
        cells = [r["model"], "yes" if r["repair"] else "no", f"{r['sentences']}/{r['n']}",
                 r["p"], r["r"], r["f1"], r["role_inside"]]
        cells += [f"{r['kinds'][k][0]}/{r['kinds'][k][1]}" if k in r["kinds"] else "" for k in kinds]
        if args.dev:
            cells.append(f"dev P/R/F1 {r['dev']['p']}/{r['dev']['r']}/{r['dev']['f1']}")
        print("| " + " | ".join(map(str, cells)) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
