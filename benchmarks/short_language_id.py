"""Does the trigram screen for short texts (``lagebild.language._screen_decides``) change
what language ID answers? (issue 15: a one-line headline loaded the ten languages' uni-
to five-gram models).

    python benchmarks/short_language_id.py [--shared ../shared]

Builds the short texts (under 120 characters, white space normalised): the sentences of
UD de-GSD dev, de-PUD test and en-EWT dev, the WNUT-17 tweets, the first 119 characters
of each news-de article and five pieces of 25-115 characters from each (random offsets,
seed 15; benchmark use: counts only, no text is printed), the language-ID test grids of
``tests/language`` and their prefixes. Runs ``detect_language`` on each with the screen
and without it (``_HIGH_ACCURACY_CHARS = 0``: every text takes the ten-language detector,
as before), and prints how many the screen decided and how many answers differ in the
language or in the side of 0.5 (warning W007), per source. Exits 1 if a language differs.
Takes ~1 minute and ~1 GB (it loads every model both paths need).
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def conllu_texts(path: Path) -> list:
    return [line[9:].strip() for line in path.open(encoding="utf-8") if line.startswith("# text = ")]


def wnut_texts(path: Path) -> list:
    texts, tokens = [], []
    for line in path.open(encoding="utf-8", errors="ignore"):
        line = line.rstrip("\n")
        if line.strip():
            tokens.append(line.split("\t")[0].split(" ")[0])
        elif tokens:
            texts.append(" ".join(tokens))
            tokens = []
    return texts


def short_texts(shared: Path) -> list:
    """``[(source, text)]``, every text under 120 characters."""
    rng = random.Random(15)
    out = []
    for name in ("de_gsd-ud-dev.conllu", "de_pud-ud-test.conllu", "en_ewt-ud-dev.conllu"):
        path = shared / "data" / "ud" / name
        if path.is_file():
            out += [("ud:" + name.split("-ud")[0], t) for t in conllu_texts(path)]
    for path in sorted((shared / "data" / "ner-en" / "wnut17").glob("*.conll*")):
        out += [("wnut17", t) for t in wnut_texts(path)]
    news = shared / "data" / "news-de" / "10kGNAD-test.csv"
    if news.is_file():
        for row in csv.reader(news.open(encoding="utf-8"), delimiter=";", quotechar="'"):
            if len(row) < 2:
                continue
            text = " ".join(row[1].split())
            out.append(("news-de first line", text[:119]))
            for n in (25, 40, 60, 85, 115):
                start = rng.randrange(0, max(1, len(text) - n))
                out.append(("news-de piece", text[start:start + n]))
    sys.path.insert(0, str(ROOT / "tests" / "language"))
    import test_language_id_memory as memory
    import test_language_id_other as other
    import test_language_id_screen as screen
    import test_language_id_short_screen as short

    grid = ([t for _, t in other.OTHER] + [t for _, t in other.SUPPORTED] + [t for _, t in screen.SHORT_SUPPORTED]
            + [t for _, t in screen.SHORT_OTHER] + [t for t, _ in memory.SHORT] + [t for _, t in short.DECIDED]
            + [t for _, t in short.NOT_DECIDED])
    for t in grid:
        out.append(("grid", t))
        out += [("grid prefix", t[:n]) for n in (15, 25, 40, 60, 85, 115)]
    out = [(k, " ".join(t.split())) for k, t in out]
    return [(k, t) for k, t in out if 3 <= len(t) < 120]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    import lagebild.language as language

    texts = short_texts(args.shared)
    new = [language.detect_language(t) for _, t in texts]
    decided = Counter(k for k, t in texts if language._screen_decides(t) is not None)
    language._HIGH_ACCURACY_CHARS = 0
    old = [language.detect_language(t) for _, t in texts]
    total = Counter(k for k, _ in texts)
    lang_diff = Counter(k for (k, _), o, n in zip(texts, old, new) if o[0] != n[0])
    w007_diff = Counter(k for (k, _), o, n in zip(texts, old, new) if o[0] == n[0] and (o[1] >= 0.5) != (n[1] >= 0.5))
    print(f"{'source':24} {'texts':>6} {'decided':>8} {'language differs':>17} {'W007 differs':>13}")
    for k in total:
        print(f"{k:24} {total[k]:6} {decided[k]:8} {lang_diff[k]:17} {w007_diff[k]:13}")
    print(f"{'all':24} {sum(total.values()):6} {sum(decided.values()):8} {sum(lang_diff.values()):17} "
          f"{sum(w007_diff.values()):13}")
    return 1 if lang_diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
