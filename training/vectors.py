"""Static vectors from the Brown clusters in spacy-lookups-data (MIT licence).

spacy-lookups-data ships `<lang>_lexeme_cluster` tables (about 1M word forms -> Brown
cluster id, computed upstream on large corpora). spaCy v3 no longer uses them as a token
attribute, so we turn them into a static-vectors table: every word with a cluster gets the
vector of its cluster, and a cluster's vector is a sum of fixed pseudo-random codes for the
prefixes of its bit path (lengths 2, 4, ..., 16 and the full path), so clusters that share
a long prefix (are close in the Brown hierarchy) get similar vectors. Words share rows, so
the table is small (one row per cluster, plus the word -> row index).

This gives the small CNN word-class knowledge from far more text than our labelled data,
at no run-time cost beyond a table lookup, and with no custom code (plain spaCy vectors).

    python training/vectors.py de   ->  training/output/de/vectors (a spaCy pipeline dir)
    python training/vectors.py de --freq-bins   (rows = cluster x frequency-rank bin)

With --freq-bins a word's vector also encodes its frequency rank in the table (log2 rank
bins): the row is (cluster, rank bin), so the table stays small (clusters x ~20 rows), and
the model learns that a rare capitalised word is more likely a name. Words beyond
MAX_WORDS have no vector (zero), which is itself a "very rare" signal.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parents[1]
DIM = 64
MAX_WORDS = 400_000  # most frequent first (the table is ordered by frequency)
MAX_LEN = 40


def code(prefix: str) -> numpy.ndarray:
    seed = int.from_bytes(hashlib.sha1(prefix.encode()).digest()[:4], "little")
    return numpy.random.default_rng(seed).standard_normal(DIM).astype("float32")


def cluster_vector(c: int) -> numpy.ndarray:
    bits = bin(c)[2:]
    v = numpy.zeros(DIM, dtype="float32")
    for L in range(2, 17, 2):
        if L < len(bits):
            v += code(f"{L}:{bits[:L]}")
    v += code(f"full:{bits}")
    return v / numpy.linalg.norm(v)


def main(lang: str, freq_bins: bool = False):
    import spacy
    import spacy_lookups_data
    from spacy.vectors import Vectors

    src = Path(spacy_lookups_data.__file__).parent / "data" / f"{lang}_lexeme_cluster.json.gz"
    table = json.load(gzip.open(src))
    nlp = spacy.blank(lang)
    if not freq_bins:
        clusters = sorted({c for c in table.values() if c})
        row = {c: i for i, c in enumerate(clusters)}
        data = numpy.stack([cluster_vector(c) for c in clusters])
        vectors = Vectors(data=data, mode="default")
        n = 0
        for word, c in table.items():
            if not c or len(word) > MAX_LEN:
                continue
            vectors.add(nlp.vocab.strings.add(word), row=row[c])
            n += 1
            if n >= MAX_WORDS:
                break
    else:
        keys: dict = {}
        rows: list = []
        assign = []
        for rank, (word, c) in enumerate(table.items()):
            if rank >= MAX_WORDS:
                break
            if len(word) > MAX_LEN:
                continue
            key = (c, int(numpy.log2(rank + 1)))
            if key not in keys:
                keys[key] = len(rows)
                v = (cluster_vector(c) if c else numpy.zeros(DIM, dtype="float32"))
                v = v + 0.5 * code(f"rank:{key[1]}")
                rows.append(v / numpy.linalg.norm(v))
            assign.append((word, keys[key]))
        vectors = Vectors(data=numpy.stack(rows), mode="default")
        for word, r in assign:
            vectors.add(nlp.vocab.strings.add(word), row=r)
        n = len(assign)
        clusters = rows
    nlp.vocab.vectors = vectors
    out = ROOT / "training" / "output" / lang / ("vectors_freq" if freq_bins else "vectors")
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"{out}: {len(clusters)} rows x {DIM} dims, {n} words")


if __name__ == "__main__":
    main(sys.argv[1], freq_bins="--freq-bins" in sys.argv[2:])
