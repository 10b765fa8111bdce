"""German NER training corpora from the open data in ../shared/data (issue 10, fast NER).

    python training/ner_data.py [--sources germeval,smartdata,mobie,uner-pud] [--germeval-repeat 3]

Writes ``training/corpus/de_ner_open_train.spacy`` and ``de_ner_open_dev.spacy``
(git-ignored; nothing from ../shared is committed). Deterministic.

Splits (GermEval 2014's only obtainable file, 5,100 sentences):
- **held out** (index % 10 == 9, 510 sentences): evaluation only
  (``lagebild eval ner --lang de``); never read here.
- **dev** (of the other 4,590, every 10th: k % 10 == 4, 459 sentences): chooses the
  training checkpoint.
- **train**: the other 4,131 GermEval sentences (``--germeval-repeat`` times) plus
  - DFKI SmartData **train** (German news, tweets, traffic reports; CC BY 4.0): person →
    PER, organization* → ORG, location* → LOC (its test file stays evaluation data:
    ``lagebild eval ner --lang de --dataset smartdata``);
  - MobIE **train** (German mobility tweets and reports; CC BY 4.0): same mapping;
  - UNER German-PUD (PER/LOC/ORG on the 1,000 PUD sentences; CC BY-SA 4.0).

None of the three extra sets annotates MISC (GermEval's OTH: events, works, products, ...),
and MobIE/SmartData's ``location-route`` ("A9", "S4") has no GermEval counterpart. Teaching
``O`` there would teach the model that such names are not entities, so those tokens are
marked **missing** (no loss either way): every ``location-route`` span, every occurrence
of a name that GermEval's train part labels MISC (a gazetteer read from the train part only),
and every proper noun outside an entity (STTS ``NE`` / ``PROPN`` by the shipped pipeline's
tagger, trained on UD German only). Without the last, MISC recall on dev fell to 0.22.
Other SmartData/MobIE types (dates, triggers, distances, ...) are ``O``, as in GermEval.

Role nouns and titles before a name are outside the PER span in GermEval ("Papst
[Franziskus]"); UNER-PUD and SmartData sometimes include them ("Dr. Stephan Riel", "Papst
Franziskus"). They are moved out (:func:`strip_role_nouns`; ``--keep-role-nouns`` keeps
them, as run B of 2026-12 did). Measured 2026-12: 0 of 3,654 GermEval train-part spans, 0 of
6,463 MobIE spans, 5 of 418 UNER-PUD PER spans and 10 of 674 SmartData PER spans.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

from lagebild.language.evaluate import (  # noqa: E402
    SENTS_PER_DOC, fix_iob, germeval_sentences, is_held_out, read_columns, shared_data_dir,
    smartdata_documents, smartdata_label,
)

CORPUS = ROOT / "training" / "corpus"
MISSING = "-"  # label of spans whose tokens get no NER annotation (missing, not O)
CHUNK_TOKENS = 250  # SmartData documents are cut at sentence ends into chunks of about this size


def germeval_split() -> Tuple[list, list]:
    """(train, dev) sentences of GermEval 2014 as (words, IOB2 tags); the held-out 10 %
    (``is_held_out``) is skipped, dev is every 10th of the rest (k % 10 == 4)."""
    train, dev, k = [], [], 0
    for i, (w, t) in enumerate(germeval_sentences()):
        if is_held_out(i):
            continue
        (dev if k % 10 == 4 else train).append((w, fix_iob(t)))
        k += 1
    return train, dev


def iob_spans(tags: Sequence[str]) -> List[Tuple[int, int, str]]:
    """(start, end, label) token spans of a valid IOB2 sequence."""
    spans, start, label = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if start is not None and not t.startswith("I-"):
            spans.append((start, i, label))
            start = None
        if t.startswith("B-"):
            start, label = i, t[2:]
    return spans


ROLE_STRIPPED: Counter = Counter()  # source -> PER spans whose leading role nouns were moved out


def strip_role_nouns(words: Sequence[str], spans: Iterable[Tuple[int, int, str]],
                     source: str = "") -> List[Tuple[int, int, str]]:
    """GermEval's convention in every set: role nouns and titles before a name stay outside
    the PER span ("Papst [Franziskus]", "Dr. [Stephan Riel]"; UNER-PUD and SmartData
    include them now and then). Leading tokens of a PER span that lagebild's role lexicon
    (:mod:`lagebild.language.ner_roles`) calls a role noun or title become O; the last
    word always stays. LOC/ORG spans are left as annotated ("General Motors")."""
    from lagebild.language.ner_roles import first_role_span

    out = []
    for a, e, lab in spans:
        if lab == "PER" and e - a > 1:
            k = first_role_span(words, a, e - 1)
            if k > a:
                ROLE_STRIPPED[source] += 1
                a = k
        out.append((a, e, lab))
    return out


def misc_gazetteer(train, min_rate: float = 0.5) -> Set[Tuple[str, ...]]:
    """Word sequences (lower-cased) that GermEval's train part labels MISC in at least
    ``min_rate`` of their occurrences (so "er" or "Euro", a few times mislabelled, stay O)."""
    labelled: Counter = Counter()
    for w, t in train:
        for a, e, lab in iob_spans(t):
            if lab == "MISC":
                labelled[tuple(x.lower() for x in w[a:e])] += 1
    seen: Counter = Counter()
    max_len = max((len(g) for g in labelled), default=0)
    for w, _ in train:
        low = [x.lower() for x in w]
        for n in range(1, max_len + 1):
            for i in range(len(low) - n + 1):
                g = tuple(low[i:i + n])
                if g in labelled:
                    seen[g] += 1
    return {g for g, n in labelled.items() if n >= min_rate * seen[g]}


def make_doc(vocab, words: List[str], spans: Iterable[Tuple[int, int, str]],
             gaz: Optional[Set[Tuple[str, ...]]] = None) -> Doc:
    """A Doc with entities ``spans`` (label ``MISSING`` = no annotation on those tokens);
    with ``gaz``, O-token runs equal to a gazetteer entry become missing too."""
    doc = Doc(vocab, words=words, spaces=[True] * len(words))
    return annotate(doc, spans, gaz)


def annotate(doc: Doc, spans: Iterable[Tuple[int, int, str]],
             gaz: Optional[Set[Tuple[str, ...]]] = None) -> Doc:
    ents, missing = [], []
    taken = [False] * len(doc)
    for a, e, lab in spans:
        if lab == MISSING:
            missing.append(Span(doc, a, e))
        else:
            ents.append(Span(doc, a, e, label=lab))
        for i in range(a, e):
            taken[i] = True
    if gaz:
        lower = [t.lower_ for t in doc]
        max_len = max(len(g) for g in gaz)
        i = 0
        while i < len(doc):
            hit = 0
            for n in range(min(max_len, len(doc) - i), 0, -1):
                if tuple(lower[i:i + n]) in gaz and not any(taken[i:i + n]):
                    hit = n
                    break
            if hit:
                missing.append(Span(doc, i, i + hit))
                i += hit
            else:
                i += 1
    ents = filter_spans(ents)
    covered = {i for s in ents for i in range(s.start, s.end)}
    missing = [s for s in missing if not any(i in covered for i in range(s.start, s.end))]
    doc.set_ents(ents, missing=filter_spans(missing), default="outside")
    return doc


def mobie_tag(t: str) -> str:
    lab = t[2:] if t != "O" else ""
    if lab == "location-route":
        return t[:2] + MISSING
    mapped = smartdata_label(lab) if lab else None
    return t[:2] + mapped if mapped else "O"


def mobie_sentences(path: Path):
    """(words, tags) per sentence of a MobIE CoNLL-2003 file (tab-separated columns; the
    ``-DOCSTART-`` lines are space-separated)."""
    words: List[str] = []
    tags: List[str] = []
    with open(path, encoding="utf8") as fh:
        for line in list(fh) + [""]:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("-DOCSTART-"):
                if words:
                    yield words, fix_iob([mobie_tag(x) for x in tags])
                words, tags = [], []
                continue
            cols = line.split("\t")
            words.append(cols[0])
            tags.append(cols[3])


def uner_sentences(path: Path):
    for w, t in read_columns(path, 1, 2, sep="\t", skip_comments=True, comment_prefix="#"):
        yield w, fix_iob([x if x[2:] in ("PER", "LOC", "ORG") else "O" for x in t])


_SENT_END = re.compile(r"[.!?]$")


def smartdata_docs(nlp, path: Path, gaz, strip_roles: bool = True) -> List[Doc]:
    """SmartData documents tokenised by ``nlp`` and cut at sentence ends (a . ! ? token or
    a line break) into chunks of about CHUNK_TOKENS tokens; mentions widened to whole
    tokens; whitespace tokens are never inside an entity; with ``strip_roles``, role nouns
    out of PER spans (:func:`strip_role_nouns`)."""
    out = []
    for d in smartdata_documents(path):
        doc = nlp.make_doc(d["text"])
        spans = []
        for a, e, kind in d["mentions"]:
            label = MISSING if kind == "location-route" else smartdata_label(kind)
            if not label:
                continue
            span = doc.char_span(a, e, alignment_mode="expand")
            if span is None or not len(span):
                continue
            s, t = span.start, span.end
            while s < t and doc[s].is_space:
                s += 1
            while t > s and doc[t - 1].is_space:
                t -= 1
            if s < t and not any(x.is_space for x in doc[s:t]):
                spans.append((s, t, label))
        # longest first for overlaps; entity labels win over missing on equal spans
        spans.sort(key=lambda x: (-(x[1] - x[0]), x[2] == MISSING))
        chosen, used = [], set()
        for s, t, lab in spans:
            if not used.intersection(range(s, t)):
                chosen.append((s, t, lab))
                used.update(range(s, t))
        if strip_roles:
            chosen = strip_role_nouns([t.text for t in doc], chosen, "smartdata")
        inside = {i for s, t, _ in chosen for i in range(s + 1, t)}
        start = 0
        cuts = []
        for i, tok in enumerate(doc):
            end_here = (_SENT_END.search(tok.text) or "\n" in tok.text) and (i + 1) not in inside
            if end_here and i + 1 - start >= CHUNK_TOKENS:
                cuts.append((start, i + 1))
                start = i + 1
        if start < len(doc):
            cuts.append((start, len(doc)))
        for a, b in cuts:
            part = doc[a:b].as_doc()
            local = [(s - a, t - a, lab) for s, t, lab in chosen if s >= a and t <= b]
            out.append(annotate(part, local, gaz))
    return out


def sentence_docs(vocab, sents, gaz=None, strip_roles: Optional[str] = None) -> List[Doc]:
    """SENTS_PER_DOC sentences per Doc; ``strip_roles`` (the source's name): role nouns out
    of PER spans (:func:`strip_role_nouns`)."""
    docs = []
    for i in range(0, len(sents), SENTS_PER_DOC):
        words, spans = [], []
        for w, t in sents[i:i + SENTS_PER_DOC]:
            sp = iob_spans(t)
            if strip_roles:
                sp = strip_role_nouns(w, sp, strip_roles)
            spans += [(a + len(words), e + len(words), lab) for a, e, lab in sp]
            words += w
        docs.append(make_doc(vocab, words, spans, gaz))
    return docs


def guard_proper_nouns(tagger_model: Path, docs: List[Doc]) -> List[Doc]:
    """Mark O tokens that the tagger of ``tagger_model`` calls a proper noun (STTS ``NE`` or
    UPOS ``PROPN``) as missing: in a set that annotates only PER/LOC/ORG, an unlabelled
    proper noun may well be a MISC name ("Bundesliga", "Tatort"). Only the tok2vec, tagger
    and morphologizer run -- trained on UD German alone, never on NER data."""
    nlp = spacy.load(tagger_model)
    procs = [(n, p) for n, p in nlp.pipeline if n in ("tok2vec", "tagger", "morphologizer")]
    out = []
    for doc in docs:
        tagged = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for _, proc in procs:
            tagged = proc(tagged)
        ents = [Span(doc, e.start, e.end, label=e.label_) for e in doc.ents]
        missing, run = [], None
        for i, (t, g) in enumerate(zip(doc, tagged)):
            mark = t.ent_iob == 0 or (t.ent_iob_ == "O" and not t.is_space
                                      and (g.tag_ == "NE" or g.pos_ == "PROPN"))
            if mark and run is None:
                run = i
            elif not mark and run is not None:
                missing.append(Span(doc, run, i))
                run = None
        if run is not None:
            missing.append(Span(doc, run, len(doc)))
        new = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        new.set_ents([Span(new, e.start, e.end, label=e.label_) for e in ents],
                     missing=[Span(new, m.start, m.end) for m in missing], default="outside")
        out.append(new)
    return out


def stats(name: str, docs: List[Doc]) -> str:
    n_tok = sum(len(d) for d in docs)
    labels = Counter(e.label_ for d in docs for e in d.ents)
    miss = sum(1 for d in docs for t in d if t.ent_iob == 0)
    return f"{name}: {len(docs)} docs, {n_tok} tokens, entities {dict(sorted(labels.items()))}, missing tokens {miss}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", default="germeval,smartdata,mobie,uner-pud")
    ap.add_argument("--germeval-repeat", type=int, default=3,
                    help="GermEval train part repeated N times (the evaluated domain and the only MISC labels)")
    ap.add_argument("--no-misc-guard", action="store_true",
                    help="label GermEval-MISC names in the extra sets O instead of missing")
    ap.add_argument("--no-propn-guard", action="store_true",
                    help="label unlabelled proper nouns in the extra sets O instead of missing")
    ap.add_argument("--tagger-model", default=str(ROOT / "src" / "lagebild" / "models" / "de"),
                    help="pipeline whose tagger finds the proper nouns (default: the shipped one)")
    ap.add_argument("--keep-role-nouns", action="store_true",
                    help="leave role nouns/titles inside PER spans as the sets annotate them "
                         "(default: moved out, GermEval's convention; run B of 2026-12 kept them)")
    ap.add_argument("--name", default="de_ner_open")
    args = ap.parse_args(argv)
    sources = args.sources.split(",")
    data = shared_data_dir()
    import functions  # noqa: F401

    nlp = spacy.blank("de")
    functions.fix_tokenizer(nlp)  # the tokenizer rule the shipped model carries
    train, dev = germeval_split()
    gaz = None if args.no_misc_guard else misc_gazetteer(train)
    parts: Dict[str, List[Doc]] = {}
    strip = not args.keep_role_nouns
    if "germeval" in sources:
        parts["germeval"] = sentence_docs(nlp.vocab, train, strip_roles="germeval" if strip else None) * args.germeval_repeat
    if "smartdata" in sources:
        parts["smartdata"] = smartdata_docs(nlp, data / "ner-de" / "smartdata" / "train.json.gz", gaz, strip)
    if "mobie" in sources:
        parts["mobie"] = sentence_docs(nlp.vocab, list(mobie_sentences(data / "ner-de" / "mobie" / "train.conll2003")), gaz,
                                       strip_roles="mobie" if strip else None)
    if "uner-pud" in sources:
        parts["uner-pud"] = sentence_docs(nlp.vocab, list(uner_sentences(data / "ner-de" / "uner-pud" / "de_pud-ud-test.iob2")), gaz,
                                          strip_roles="uner-pud" if strip else None)
    if strip:
        print("role nouns moved out of PER spans:", {k: ROLE_STRIPPED.get(k, 0) for k in sources})
    if not args.no_propn_guard:
        for name in parts:
            if name != "germeval":
                parts[name] = guard_proper_nouns(Path(args.tagger_model), parts[name])
    CORPUS.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    for name, docs in parts.items():
        print(stats(name, docs))
        for d in docs:
            db.add(d)
    db.to_disk(CORPUS / f"{args.name}_train.spacy")
    dev_docs = sentence_docs(nlp.vocab, dev)
    print(stats("dev (GermEval train part, k % 10 == 4)", dev_docs))
    DocBin(docs=dev_docs, store_user_data=False).to_disk(CORPUS / f"{args.name}_dev.spacy")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
