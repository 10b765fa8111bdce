"""Convert the open data in ../shared/data into spaCy DocBin corpora (training/corpus/).

Deterministic: same input files -> same corpora. Nothing is downloaded.

    python training/convert.py de|en
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
CORPUS = REPO / "training" / "corpus"
SENTS_PER_DOC = 10  # several sentences per Doc so the parser learns sentence boundaries


# --------------------------------------------------------------------------- UD
def read_conllu(path: Path):
    """Yield sentences as lists of token dicts.

    Multi-word tokens: if the syntactic words concatenate to the surface form
    (English "don't" = "do" + "n't") they are kept as words (spaCy's tokenizer
    splits the same way); otherwise (German "zum" = "zu" + "dem") they are merged
    into one token carrying the surface form, the first word's POS/lemma/relation
    and the union of the words' features -- spaCy's German tokenizer does not
    split contractions, so the model must learn them as one token.
    """
    sent: list[list[str]] = []
    for line in open(path, encoding="utf8"):
        line = line.rstrip("\n")
        if not line:
            if sent:
                yield _build(sent)
            sent = []
        elif not line.startswith("#"):
            sent.append(line.split("\t"))
    if sent:
        yield _build(sent)


def _build(rows):
    words = {}
    mwts = []
    for r in rows:
        if "." in r[0]:
            continue  # empty nodes
        if "-" in r[0]:
            a, b = map(int, r[0].split("-"))
            mwts.append((a, b, r[1], r[9]))
        else:
            words[int(r[0])] = r
    # map word id -> output token index
    out = []  # token dicts
    wid2tok = {}
    mwt_at = {a: (a, b, form, misc) for a, b, form, misc in mwts}
    i = 1
    n = max(words) if words else 0
    while i <= n:
        if i in mwt_at:
            a, b, form, misc = mwt_at[i]
            parts = [words[j] for j in range(a, b + 1)]
            space = "SpaceAfter=No" not in misc
            if "".join(p[1] for p in parts) == form:
                for k, p in enumerate(parts):
                    wid2tok[int(p[0])] = len(out)
                    out.append(_tok(p, space if k == len(parts) - 1 else False))
            else:
                feats = {}
                for p in parts:
                    if p[5] != "_":
                        for f in p[5].split("|"):
                            k2, v = f.split("=", 1)
                            feats.setdefault(k2, v)
                first = parts[0]
                # the word whose head lies outside the MWT carries the relation
                outside = [p for p in parts if not (a <= int(p[6]) <= b)] or [first]
                carrier = outside[0]
                t = _tok(first, space)
                t["word"] = form
                t["morph"] = "|".join(f"{k2}={feats[k2]}" for k2 in sorted(feats))
                t["_head"] = int(carrier[6])
                t["dep"] = carrier[7]
                idx = len(out)
                for p in parts:
                    wid2tok[int(p[0])] = idx
                out.append(t)
            i = b + 1
        else:
            p = words[i]
            wid2tok[i] = len(out)
            out.append(_tok(p, "SpaceAfter=No" not in p[9]))
            i += 1
    for idx, t in enumerate(out):
        h = t.pop("_head")
        t["head"] = idx if h == 0 else wid2tok[h]
        if t["dep"] == "root":
            t["dep"] = "ROOT"
    return out


def _tok(r, space):
    return {
        "word": r[1],
        "lemma": r[2] if r[2] != "_" else "",
        "pos": r[3],
        "tag": r[4] if r[4] != "_" else "",
        "morph": r[5] if r[5] != "_" else "",
        "_head": int(r[6]),
        "dep": r[7].split(":")[0] if r[7] not in ("_",) else "dep",
        "space": space,
    }


def sents_to_doc(vocab, sents):
    words, spaces, lemmas, pos, tags, morphs, heads, deps, sent_starts = ([] for _ in range(9))
    for s in sents:
        off = len(words)
        for k, t in enumerate(s):
            words.append(t["word"])
            spaces.append(t["space"])
            lemmas.append(t["lemma"])
            pos.append(t["pos"])
            tags.append(t["tag"])
            morphs.append(t["morph"])
            heads.append(t["head"] + off)
            deps.append(t["dep"])
            sent_starts.append(k == 0)
        spaces[-1] = True  # sentences are separated by a space
    return Doc(vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags,
               morphs=morphs, heads=heads, deps=deps, sent_starts=sent_starts)


def ud_docbin(lang, paths, out: Path):
    nlp = spacy.blank(lang)
    db = DocBin(store_user_data=False)
    sents = [s for p in paths for s in read_conllu(p)]
    for i in range(0, len(sents), SENTS_PER_DOC):
        db.add(sents_to_doc(nlp.vocab, sents[i:i + SENTS_PER_DOC]))
    db.to_disk(out)
    print(f"{out.name}: {len(sents)} sentences, {sum(len(s) for s in sents)} tokens")
    return sents


# --------------------------------------------------------------------------- NER
def read_columns(path: Path, word_col: int, tag_col: int, sep=None, skip_comments=False):
    """Yield sentences as (words, iob_tags) from a CoNLL-like column file."""
    words, tags = [], []
    for line in open(path, encoding="utf8"):
        line = line.rstrip("\n")
        if skip_comments and line.startswith("#\t"):
            continue
        parts = line.split(sep) if sep else line.split()
        if not line.strip() or (parts and parts[0] == "-DOCSTART-"):
            if words:
                yield words, tags
            words, tags = [], []
            continue
        words.append(parts[word_col])
        tags.append(parts[tag_col])
    if words:
        yield words, tags


def fix_iob(tags):
    """Make IOB1/IOB2 mixed tags valid IOB2 (I- after O or after another type -> B-)."""
    out, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def ner_doc(vocab, sents):
    words, spaces, ents = [], [], []
    for w, t in sents:
        words += w
        spaces += [True] * len(w)
        ents += fix_iob(t)
    doc = Doc(vocab, words=words, spaces=spaces)
    biluo = iob_to_biluo(ents)
    doc.ents = biluo_tags_to_spans(doc, biluo)
    return doc


def write_ner(lang, sents, out: Path, per_doc=SENTS_PER_DOC):
    nlp = spacy.blank(lang)
    db = DocBin(store_user_data=False)
    for i in range(0, len(sents), per_doc):
        db.add(ner_doc(nlp.vocab, sents[i:i + per_doc]))
    db.to_disk(out)
    n_ents = sum(sum(1 for t in fix_iob(s[1]) if t.startswith("B-")) for s in sents)
    print(f"{out.name}: {len(sents)} sentences, {n_ents} entities")


GERMEVAL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}


def germeval_tag(t):
    # GermEval's -deriv ("deutsche") and -part ("EU-Mitglied") are mapped to O:
    # downstream actor extraction wants names, not adjectives/compounds containing names.
    if t == "O" or t.endswith("deriv") or t.endswith("part"):
        return "O"
    return t[:2] + GERMEVAL_MAP[t[2:]]


WNUT_MAP = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG",
            "product": "MISC", "creative-work": "MISC"}


def wnut_tag(t):
    return "O" if t == "O" else t[:2] + WNUT_MAP[t[2:]]


def convert_de():
    CORPUS.mkdir(parents=True, exist_ok=True)
    ud = DATA / "ud"
    ud_docbin("de", [ud / "de_gsd-ud-test.conllu", ud / "de_pud-ud-test.conllu"], CORPUS / "de_syntax_train.spacy")
    ud_docbin("de", [ud / "de_gsd-ud-dev.conllu"], CORPUS / "de_syntax_dev.spacy")
    sents = [(w, [germeval_tag(x) for x in t]) for w, t in
             read_columns(DATA / "germeval2014" / "NER-de-test.tsv", 1, 2, sep="\t", skip_comments=True)]
    # deterministic split: every 10th sentence (index % 10 == 9) is held out
    train = [s for i, s in enumerate(sents) if i % 10 != 9]
    dev = [s for i, s in enumerate(sents) if i % 10 == 9]
    write_ner("de", train, CORPUS / "de_ner_train.spacy")
    write_ner("de", dev, CORPUS / "de_ner_dev.spacy")


def convert_en():
    CORPUS.mkdir(parents=True, exist_ok=True)
    ud = DATA / "ud"
    ud_docbin("en", [ud / "en_ewt-ud-train.conllu"], CORPUS / "en_syntax_train.spacy")
    ud_docbin("en", [ud / "en_ewt-ud-dev.conllu"], CORPUS / "en_syntax_dev.spacy")
    ud_docbin("en", [ud / "en_ewt-ud-test.conllu"], CORPUS / "en_syntax_test.spacy")
    ner = DATA / "ner-en"
    wiki = list(read_columns(ner / "wikigold" / "wikigold.conll.txt", 0, 1, sep=" "))
    # deterministic split: every 10th wikigold sentence (index % 10 == 9) is held out
    wiki_train = [s for i, s in enumerate(wiki) if i % 10 != 9]
    wiki_dev = [s for i, s in enumerate(wiki) if i % 10 == 9]
    other = []
    for f in sorted((ner / "btc").glob("*.conll")):
        other += list(read_columns(f, 0, 1, sep="\t"))
    for f in ["wnut17train.conll", "emerging.dev.conll", "emerging.test.annotated"]:
        other += [(w, [wnut_tag(x) for x in t]) for w, t in read_columns(ner / "wnut17" / f, 0, 1, sep="\t")]
    write_ner("en", wiki_train + other, CORPUS / "en_ner_train.spacy")
    write_ner("en", wiki_dev, CORPUS / "en_ner_dev.spacy")


if __name__ == "__main__":
    lang = sys.argv[1]
    {"de": convert_de, "en": convert_en}[lang]()
