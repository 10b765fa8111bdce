"""Score German NER pipelines on the "role noun + name" grid (issue 10).

    python training/role_grid.py [--model DIR ...] [--errors] [--dev]

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


def dev_scores(nlp, repair: bool, path: Path = ROOT / "training" / "corpus" / "de_ner_dev.spacy"):
    """Entity P/R/F1 (spaCy's scorer) of ``nlp`` (+ the repair) on the NER dev part that
    ``ner_data.py`` writes (GermEval's training part, k % 10 == 4; never the held-out 10 %).
    FileNotFoundError when it has not been written."""
    from spacy.scorer import Scorer
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example

    from lagebild.language import ner_roles

    comp = ner_roles.RoleNameRepair("de") if repair else None
    examples = []
    for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
        doc = nlp(Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref]))
        if comp is not None:
            doc = comp(doc)
        examples.append(Example(doc, ref))
    sc = Scorer.score_spans(examples, "ents")
    return {"p": round(sc["ents_p"], 4), "r": round(sc["ents_r"], 4), "f1": round(sc["ents_f"], 4)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", action="append", help="pipeline directory (repeatable; default: the shipped de)")
    ap.add_argument("--errors", action="store_true", help="list the sentences a model gets wrong")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dev", action="store_true",
                    help="also entity P/R/F1 on the ner_data dev part (training/corpus/de_ner_dev.spacy)")
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
