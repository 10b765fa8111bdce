"""Rank German verbs and event nouns of open text that the event lexicon does not know (issue 9).

    python scripts/derive_lexicon_candidates.py [--top 400] [--min-count 2] [--no-smartdata] \\
        [-o /tmp/candidates_de.tsv]

Method (deterministic, broad sources, no gold text):

* corpora: UD German GSD (dev, test) and PUD (``../shared/data/ud``; gold lemma, part of
  speech and ``compound:prt`` separable particles) and the DFKI SmartData newswire
  (``../shared/data/ner-de/smartdata``, train and test; lemma, part of speech and particle
  from lagebild's own German pipeline, ``lagebild.language.load_base``);
* a verb is counted as particle + lemma when it has a separable particle ("lehnte … ab" →
  ``ablehnen``, the event lexicon's key); a noun as its lemma;
* a word is *known* when the German event lexicon (every tier: ``load_patterns("de")``) has
  a pattern under its key, or -- for a noun -- under a compound head (``compound_keys``) or
  the stem the coder also tries ("Angriffe" → "angriff");
* the unknown ones are ranked by total frequency (ties: alphabetical).

Output TSV columns ``lemma  pos  count  ud  smartdata  discarded``: ``discarded`` is the
reason when the word is already reviewed and rejected in
``src/lagebild/data/events/extra/discards_de_broad.tsv``, ``accepted`` when it is a trigger
of ``extra/patterns_de_broad.tsv``. The reviewed result is
``src/lagebild/data/events/extra/patterns_de_broad.tsv`` (each row names the CAMEO.2.0.txt
line whose English verb it translates; an opt-in file, not loaded by default) and the
discards file; this script only proposes.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.datafiles import data_path, iter_tsv  # noqa: E402
from lagebild.events.patterns import load_patterns  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
UD_FILES = ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu")


def ud_words(path: Path) -> Iterator[Tuple[str, str]]:
    """``(key, pos)`` per VERB and NOUN token of a CoNLL-U file; a verb with a
    ``compound:prt`` child is keyed particle + lemma."""
    sent: List[List[str]] = []

    def flush() -> Iterator[Tuple[str, str]]:
        prts: Dict[str, str] = {}
        for cols in sent:
            if cols[7] == "compound:prt":
                prts[cols[6]] = cols[1].lower()
        for cols in sent:
            if cols[3] == "VERB":
                lemma = cols[2].lower()
                yield (prts.get(cols[0], "") + lemma, "VERB")
            elif cols[3] == "NOUN":
                yield (cols[2], "NOUN")

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                yield from flush()
                sent = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if len(cols) == 10 and cols[0].isdigit():
                    sent.append(cols)
    yield from flush()


def smartdata_words(limit: int = 0) -> Iterator[Tuple[str, str]]:
    """``(key, pos)`` per verb and noun of the SmartData texts, parsed by lagebild's base
    German pipeline (tagger, parser, dictionary lemmatiser)."""
    from lagebild.language import load_base
    from lagebild.language.evaluate import smartdata_documents

    nlp = load_base("de")
    texts = []
    for name in ("train.json.gz", "test.json.gz"):
        path = SHARED / "ner-de" / "smartdata" / name
        if path.is_file():
            texts.extend(d["text"] for d in smartdata_documents(path))
    if limit:
        texts = texts[:limit]
    for doc in nlp.pipe(texts, batch_size=32):
        for tok in doc:
            if tok.pos_ == "VERB":
                prt = "".join(c.lower_ for c in tok.children if c.dep_ in ("svp", "compound:prt"))
                yield (prt + tok.lemma_.lower(), "VERB")
            elif tok.pos_ == "NOUN":
                yield (tok.lemma_, "NOUN")


CAMEO_VERBS = SHARED / "petrarch2" / "CAMEO.2.0.txt"
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_VERB = re.compile(r"^\+?([A-Z][A-Z_'-]*)\b[^\[#]*(?:\[([^\]]*)\])?")
_PATTERN = re.compile(r"^-\s.*?\[([^\]]*)\]")


def cameo_line_code(lines: List[str], number: int) -> Tuple[str, str]:
    """``(English verb or pattern, CAMEO code)`` of line ``number`` (1-based) of
    PETRARCH2's ``CAMEO.2.0.txt``: a verb line's own ``[code]`` or else its block's
    (``---  SUGGEST   [020]  ---``), a pattern line's (``- * SANCTIONS [163]``) code; the
    code is ``---`` when the dictionary codes nothing there. Raises ValueError for a
    comment, blank or header line."""
    line = lines[number - 1].rstrip("\n")
    block = "---"
    for k in range(number - 1, -1, -1):
        m = _HEADER.match(lines[k])
        if m:
            block = m.group(2).split(":")[0].strip()
            break
    m = _PATTERN.match(line)
    if m:
        return line.split("[")[0].strip(), m.group(1).split(":")[0].strip()
    m = _VERB.match(line)
    if m and not line.startswith("---"):
        return m.group(1), (m.group(2).split(":")[0].strip() if m.group(2) else block)
    raise ValueError(f"CAMEO.2.0.txt:{number} is no verb or pattern line: {line!r}")


def cameo_verbs(path: Path = CAMEO_VERBS) -> Dict[str, List[Tuple[int, str]]]:
    """``{English verb: [(line, code), …]}`` of every verb line of CAMEO.2.0.txt (for
    reviewing a translation: ``--cameo VERB`` prints them)."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    out: Dict[str, List[Tuple[int, str]]] = {}
    for k, line in enumerate(lines, 1):
        if line and line[0] in "+ABCDEFGHIJKLMNOPQRSTUVWXYZ" and not line.startswith("---"):
            try:
                verb, code = cameo_line_code(lines, k)
            except ValueError:
                continue
            out.setdefault(verb, []).append((k, code))
    return out


def known(index, key: str, pos: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the event lexicon has a pattern under ``key`` (nouns: also a compound head or
    the stem the coder tries, see ``EventCoder._trigger_keys``)."""
    low = key.lower()
    if low in index:
        return True
    if pos == "NOUN":
        for suffix in ("en", "n", "e", "s"):
            if low.endswith(suffix) and len(low) - len(suffix) >= 4 and low[: -len(suffix)] in index:
                return True
        return bool(index.compound_keys(low))
    return False


def reviewed() -> Tuple[Dict[str, str], set]:
    """``({lemma: discard reason}, {accepted triggers})`` from the two reviewed files."""
    discards = {row["lemma"].lower(): row["reason"] or ""
                for row in iter_tsv(data_path("events", "extra", "discards_de_broad.tsv"), required=("lemma", "reason"))}
    accepted = {row["trigger"].lower()
                for row in iter_tsv(data_path("events", "extra", "patterns_de_broad.tsv"), required=("trigger", "code"))}
    return discards, accepted


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=400, help="rows to print (0: all)")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--no-smartdata", action="store_true", help="UD only (fast; SmartData needs a parse, ~minutes)")
    ap.add_argument("--smartdata-limit", type=int, default=0, help="parse only the first N SmartData documents")
    ap.add_argument("--include-known", action="store_true", help="also list words the lexicon knows")
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--cameo", nargs="*", help="print the CAMEO.2.0.txt lines and codes of these English verbs and stop")
    args = ap.parse_args(argv)
    if args.cameo:
        verbs = cameo_verbs()
        for v in args.cameo:
            print(v.upper(), verbs.get(v.upper().replace(" ", "_"), "not in CAMEO.2.0.txt"))
        return 0
    if not (SHARED / "ud").is_dir():
        print(f"{SHARED / 'ud'} not found: nothing to derive", file=sys.stderr)
        return 0
    ud: Counter = Counter()
    for name in UD_FILES:
        if (SHARED / "ud" / name).is_file():
            ud.update(ud_words(SHARED / "ud" / name))
    sd: Counter = Counter()
    if not args.no_smartdata:
        sd.update(smartdata_words(args.smartdata_limit))
    index = load_patterns("de")
    discards, accepted = reviewed()
    total = ud + sd
    rows = []
    for (key, pos), n in total.items():
        if n < args.min_count or not key.isalpha() or len(key) < 3:
            continue
        is_known = known(index, key, pos)
        if is_known and not args.include_known:
            continue
        status = discards.get(key.lower(), "accepted" if key.lower() in accepted else "")
        rows.append((-n, key, pos, n, ud[(key, pos)], sd[(key, pos)], status))
    rows.sort()
    if args.top:
        rows = rows[: args.top]
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        out.write("lemma\tpos\tcount\tud\tsmartdata\tdiscarded\n")
        for _, key, pos, n, u, s, status in rows:
            out.write(f"{key}\t{pos}\t{n}\t{u}\t{s}\t{status}\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
