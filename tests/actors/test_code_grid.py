"""The actor-code grid (issues 9 and 11): sentences we wrote (``grid_codes.tsv``), each with
a word and the CAMEO code of the actor it stands for, run on the shipped pipelines. The
pass rate must stay at or above 0.95 per language; a failing row prints its kind (the
mechanism: compound role nouns, appositions, predicative roles, party brackets, the
document's country for generic groups and roles, roles of unknown bodies, agent nouns)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from lagebild.datafiles import iter_tsv
from lagebild.events.realeval import actor_code

GRID = Path(__file__).with_name("grid_codes.tsv")
MIN_PASS = 0.95


def _rows(lang: str) -> List[Dict[str, str]]:
    return [r for r in iter_tsv(GRID, required=("lang", "kind", "text", "word", "code")) if r["lang"] == lang]


def _code(doc, actor_id: Optional[str]) -> str:
    return actor_code(doc._.actors, actor_id) or "-"


def _run(nlp, row: Dict[str, str]) -> str:
    from lagebild.actors.linker import clear_provisional
    from lagebild.language.reference import resolve_reference

    clear_provisional()  # each row is its own corpus
    doc = nlp(row["text"])
    word = row["word"].split()[0]
    after = row["word"][len(word):].strip()
    pattern = rf"(?<!\w){re.escape(word)}(?!\w)" + (rf"(?=\s+{re.escape(after)})" if after else "")
    m = re.search(pattern, doc.text)
    assert m is not None, f"{row['word']!r} not in {row['text']!r} ({GRID.name}:{row['_line']})"
    return _code(doc, resolve_reference(doc, m.start(), m.end()))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_actor_code_grid(lang):
    from lagebild.pipeline import load

    rows = _rows(lang)
    assert len(rows) >= 10
    nlp = load(lang)
    failures = []
    for row in rows:
        got = _run(nlp, row)
        if got != row["code"]:
            failures.append(f"{GRID.name}:{row['_line']} [{row['kind']}] {row['word']!r}: got {got}, want {row['code']} -- {row['text']}")
    rate = 1 - len(failures) / len(rows)
    assert rate >= MIN_PASS, f"{lang} actor-code grid {rate:.3f} < {MIN_PASS}:\n" + "\n".join(failures)
    if failures:  # shown with -rA / on failure
        print("\n".join(failures))
