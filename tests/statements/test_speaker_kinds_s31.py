"""Speaker kinds of session 31 (#11), found on the whole articles of newsroom shapes in
``tests/statements/articles`` (an agency piece, a party debate, a works dispute, an audit
report): ``speaker_grid_s31.tsv`` (its header names each kind's code and data). A row gives
the CAMEO code the speaker of the statement holding ``content`` must have and, where the
construction decides which person speaks, the speaker's actor id ("*": any); code "none":
the content is nobody's statement. Kind rows fail on main ``60990a2``; ``-none`` rows are
guards that pass on both."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Tuple

import pytest

from lagebild.datafiles import iter_tsv
from lagebild.events.realeval import actor_code

GRID = Path(__file__).with_name("speaker_grid_s31.tsv")
ROWS = list(iter_tsv(GRID, required=("kind", "text", "content", "code", "speaker")))
KINDS = {"outlet-addressee", "outlet-addressee-none", "area-spokesperson", "area-spokesperson-none",
         "plant-head", "plant-head-none", "audit-office", "audit-office-none", "counter-speech",
         "counter-speech-none", "outlet-label", "outlet-label-none", "there-source",
         "there-source-none", "titled-person", "titled-person-none", "free-relative", "free-relative-none",
         "hospitality", "interviewer-credit", "interviewer-credit-none"}


def _speaker(text: str, content: str) -> Tuple[str, str]:
    """``(code, actor id)`` of the speaker of the statement holding ``content``, or
    ``("none", "none")`` when no statement holds it."""
    from lagebild.actors.linker import clear_provisional
    from lagebild.pipeline import analyze

    clear_provisional()  # each row is its own corpus
    doc = analyze(text, language="de", source="derStandard.at", published="2016-06-01")
    at = doc.text.index(content)
    for s in doc.statements:
        if s.span[0] <= at < s.span[1]:
            return actor_code(doc.actors, s.speaker) or "-", s.speaker
    return "none", "none"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['kind']}:{r['_line']}" for r in ROWS])
def test_row(row: Dict[str, str]) -> None:
    code, speaker = _speaker(row["text"], row["content"])
    assert code == row["code"] and row["speaker"] in ("*", speaker), (
        f"[{row['kind']}] {GRID.name}:{row['_line']}: got {speaker} ({code}), "
        f"want {row['speaker']} ({row['code']}) -- {row['text']}")


def test_kinds_have_rows() -> None:
    assert {r["kind"] for r in ROWS} == KINDS
    for kind in KINDS:
        if not kind.endswith("-none"):
            assert sum(r["kind"] == kind for r in ROWS) >= 2, kind
