"""Given names from the open German NER training sets -> src/lagebild/data/language/given_names_de.txt

    python training/given_names.py [--min-count 1] [--min-rate 0.75]

A word is taken as a given name when it is the first word of a PER span of two or more words
("Anna Berger") at least ``--min-count`` times, and at least ``--min-rate`` of all its
occurrences in those sets are such first words (so "Präsident" or "Herr" -- a few times
wrongly inside a span -- and surnames that are also first names now and then stay out).
Titles and listed role-noun forms of lagebild's role lexicon
(:mod:`lagebild.language.ner_roles`) are dropped, and so is every name already in ``kb/given_names.txt``.

Read: GermEval 2014's training part only (``ner_data.germeval_split()[0]``: neither the
held-out 10 % nor the dev part that chooses checkpoints and measures the repair), DFKI
SmartData train, MobIE train and UNER German-PUD -- the same files ``ner_data.py`` trains on.
The output is a list of names (single words), not text from the sets. Deterministic.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

import ner_data  # noqa: E402
from lagebild.language.evaluate import shared_data_dir, smartdata_documents  # noqa: E402

OUT = ROOT / "src" / "lagebild" / "data" / "language" / "given_names_de.txt"
HEADER = """# Given names (German NER training sets), written by training/given_names.py -- do not edit
# by hand; rerun it. A word here was the first word of a multi-word PER span in at least {min_count}
# of its occurrences and at least {rate:.0%} of them, in: GermEval 2014 (training part only;
# CC BY 4.0, Benikova et al. 2014), DFKI SmartData train (CC BY 4.0, Schiersch et al. 2018),
# MobIE train (CC BY 4.0, Hennig et al. 2021), UNER German-PUD (CC BY-SA 4.0, Mayhew et al. 2024).
# Used by lagebild.language.ner_roles beside kb/given_names.txt. {n} names.
"""


def sentences():
    """(words, IOB tags with PER/LOC/ORG/...) of every training sentence read."""
    data = shared_data_dir()
    train, _dev = ner_data.germeval_split()
    yield from train
    yield from ner_data.mobie_sentences(data / "ner-de" / "mobie" / "train.conll2003")
    yield from ner_data.uner_sentences(data / "ner-de" / "uner-pud" / "de_pud-ud-test.iob2")
    import spacy

    nlp = spacy.blank("de")
    for d in smartdata_documents(data / "ner-de" / "smartdata" / "train.json.gz"):
        doc = nlp.make_doc(d["text"])
        tags = ["O"] * len(doc)
        for a, e, kind in d["mentions"]:
            if kind != "person":
                continue
            span = doc.char_span(a, e, alignment_mode="expand")
            if span is None or not len(span):
                continue
            tags[span.start] = "B-PER"
            for i in range(span.start + 1, span.end):
                tags[i] = "I-PER"
        yield [t.text for t in doc], tags


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument("--min-rate", type=float, default=0.75)
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    from lagebild.datafiles import data_path, word_list
    from lagebild.language.ner_roles import _name_word, lexicon

    first, seen = Counter(), Counter()
    for words, tags in sentences():
        for w in words:
            seen[w] += 1
        for a, e, lab in ner_data.iob_spans(tags):
            if lab == "PER" and e - a >= 2:
                first[words[a]] += 1
    lex = lexicon("de")
    known = word_list(str(data_path("kb", "given_names.txt")))
    names = sorted(w for w, n in first.items()
                   if n >= args.min_count and n >= args.min_rate * seen[w] and len(w) >= 3
                   and _name_word(w) and "-" not in w and w not in lex.titles and w not in lex.words
                   and w not in known)
    out = Path(args.out)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(HEADER.format(min_count=args.min_count, rate=args.min_rate, n=len(names)))
        for i in range(0, len(names), 12):
            fh.write(" ".join(names[i:i + 12]) + "\n")
    print(f"{len(names)} given names -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
