"""The second-tier German triggers derived from broad sources (issue 9, session 22):
``data/events/patterns_de_broad.tsv`` (reviewed translations of CAMEO.2.0.txt verb lines)
and ``discards_de_broad.tsv`` (rejected candidates with reasons)."""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from grid_rows import read_grid
from lagebild.datafiles import data_path, iter_tsv

ROOT = Path(__file__).resolve().parents[2]
CAMEO_VERBS = ROOT.parent / "shared" / "data" / "petrarch2" / "CAMEO.2.0.txt"
NOTE = re.compile(r"^CAMEO\.2\.0\.txt:(\d+) ([^\s;]+)")


def broad_rows():
    return list(iter_tsv(data_path("events", "patterns_de_broad.tsv"), required=("trigger", "code")))


def test_every_row_names_its_cameo_line():
    rows = broad_rows()
    assert len(rows) >= 50
    for row in rows:
        assert NOTE.match(row["note"] or ""), f"{row['trigger']}: note must start with 'CAMEO.2.0.txt:<line> <VERB>'"


@pytest.mark.skipif(not CAMEO_VERBS.is_file(), reason="../shared/data/petrarch2/CAMEO.2.0.txt not present")
def test_row_code_is_the_code_of_its_cameo_line():
    """Each row's code is the code CAMEO.2.0.txt gives the English verb (or pattern) on the
    line its note names: the verb's own [code] or its block's."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from derive_lexicon_candidates import cameo_line_code

    lines = CAMEO_VERBS.read_text(encoding="utf-8", errors="replace").splitlines()
    for row in broad_rows():
        number, english = NOTE.match(row["note"]).groups()
        verb, code = cameo_line_code(lines, int(number))
        assert code == row["code"], f"{row['trigger']}: CAMEO.2.0.txt:{number} ({verb}) codes {code}, row {row['code']}"
        if not verb.startswith("-"):
            assert verb == english, f"{row['trigger']}: CAMEO.2.0.txt:{number} is {verb}, note says {english}"


def test_broad_rows_are_new_triggers_and_loaded_as_second_tier():
    """A broad row never shadows a hand-written trigger: it adds a trigger (or a light-verb
    reading) the main lexicon lacks, and the loader puts it in tier 1."""
    from lagebild.events.patterns import load_patterns

    index = load_patterns("de")
    for row in broad_rows():
        pats = [p for p in index.get(row["trigger"].lower()) if p.origin and "patterns_de_broad" in p.origin]
        assert pats and all(p.tier == 1 for p in pats), row["trigger"]


def test_discards_are_not_triggers_of_the_broad_file():
    discards = {r["lemma"].lower() for r in iter_tsv(data_path("events", "discards_de_broad.tsv"), required=("lemma", "reason"))}
    assert discards and all(r["reason"] for r in iter_tsv(data_path("events", "discards_de_broad.tsv"), required=("lemma", "reason")))
    assert not discards & {r["trigger"].lower() for r in broad_rows()}


def test_broad_lexicon_grid_de():
    from lagebild.pipeline import load

    rows = read_grid("broad_lexicon_grid_de.tsv")
    assert len(rows) >= 40
    nlp = load("de")
    failures = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        actors = {a.id: a.code or a.country for a in doc._.actors}
        got = [(actors.get(e.source), actors.get(e.target), e.cameo) for e in doc._.events]
        if row["root"] == "---":
            ok = not got
        else:
            ok = any(code[:2] == row["root"] and row["source"] in ("*", src) and row["target"] in ("*", tgt)
                     for src, tgt, code in got)
        if not ok:
            failures.append((row, got))
    rate = 1 - len(failures) / len(rows)
    report = "\n".join(f"  [{r['kind']}] {r['text']}  want {r['source']}->{r['target']} {r['root']}  got {got}"
                       for r, got in failures)
    print(f"broad lexicon grid de: {len(rows) - len(failures)}/{len(rows)} = {rate:.3f}; "
          f"failing by kind: {dict(Counter(r['kind'] for r, _ in failures))}\n{report}")
    assert rate >= 0.95, report
