"""Actor-linking benchmarks beyond ``lagebild eval actors``.

1. Precision proxy on NER-annotated corpora (GermEval 2014 test, WikiGold): the share of
   name/surname/metonymy/demonym mentions the linker finds on tokens that the corpus
   annotates as an entity (anything the linker finds outside an entity is a likely false
   positive). Blank pipelines (tokenizer only): the KB alone, no model.
2. Speed of the ``lagebild_actors`` component alone on 300 German news articles (10kGNAD),
   on Docs already made, and of building the component (once per pipeline).

Needs ../shared/data (skips what is absent). Usage:
    python benchmarks/eval_actors.py [--sentences 3000]
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Iterator, List, Tuple

import spacy
from spacy.tokens import Doc

import lagebild.actors.component  # noqa: F401
from lagebild.tokens import register_extensions

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NAME_KINDS = ("name", "surname", "metonymy", "demonym")


def germeval(path: Path) -> Iterator[List[Tuple[str, str]]]:
    cur: List[Tuple[str, str]] = []
    for line in path.open(encoding="utf-8"):
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                yield cur
            cur = []
            continue
        cells = line.rstrip("\n").split("\t")
        cur.append((cells[1], cells[2]))
    if cur:
        yield cur


def conll(path: Path) -> Iterator[List[Tuple[str, str]]]:
    cur: List[Tuple[str, str]] = []
    for line in path.open(encoding="utf-8"):
        if not line.strip():
            if cur:
                yield cur
            cur = []
            continue
        word, label = line.rstrip("\n").rsplit(" ", 1)
        cur.append((word, label))
    if cur:
        yield cur


def precision_proxy(lang: str, sentences: Iterator[List[Tuple[str, str]]], limit: int) -> Counter:
    nlp = spacy.blank(lang)
    nlp.add_pipe("lagebild_actors", config={"user_kb": False})
    comp = nlp.get_pipe("lagebild_actors")
    stats: Counter = Counter()
    for n, sent in enumerate(sentences):
        if n >= limit:
            break
        doc = Doc(nlp.vocab, words=[w for w, _ in sent])
        doc._.published = date(2010, 1, 1)
        doc = comp(doc)
        for m in doc._.mentions:
            if m.kind not in NAME_KINDS:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            inside = any(sent[t.i][1] != "O" for t in span)
            stats["in_entity" if inside else "outside"] += 1
    return stats


def speed(n_docs: int = 300) -> Tuple[int, float, float]:
    path = SHARED / "news-de" / "10kGNAD-test.csv"
    texts = [line.split(";", 1)[1].strip().strip("'") for line in path.open(encoding="utf-8")][:n_docs]
    nlp = spacy.blank("de")
    start = time.perf_counter()
    nlp.add_pipe("lagebild_actors", config={"user_kb": False})
    build = time.perf_counter() - start
    docs = [nlp.make_doc(t) for t in texts]
    comp = nlp.get_pipe("lagebild_actors")
    start = time.perf_counter()
    for doc in docs:
        doc._.published = date(2016, 3, 1)
        comp(doc)
    return sum(len(d) for d in docs), time.perf_counter() - start, build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=3000)
    args = parser.parse_args()
    register_extensions()
    corpora = [
        ("de", "GermEval 2014 test", SHARED / "germeval2014" / "NER-de-test.tsv", germeval),
        ("en", "WikiGold", SHARED / "ner-en" / "wikigold" / "wikigold.conll.txt", conll),
    ]
    print(f"{'corpus':<22}{'lang':<6}{'mentions':>10}{'in entity':>11}{'precision~':>12}")
    for lang, name, path, reader in corpora:
        if not path.is_file():
            print(f"{name:<22}{lang:<6}  skipped: {path} absent")
            continue
        st = precision_proxy(lang, reader(path), args.sentences)
        total = st["in_entity"] + st["outside"]
        print(f"{name:<22}{lang:<6}{total:>10}{st['in_entity']:>11}{st['in_entity'] / max(total, 1):>12.3f}")
    if (SHARED / "news-de" / "10kGNAD-test.csv").is_file():
        tokens, seconds, build = speed()
        print(f"\nlagebild_actors alone: {tokens} tokens in {seconds:.2f} s = {tokens / seconds:,.0f} tokens/s "
              f"(component build: {build:.2f} s)")


if __name__ == "__main__":
    main()
