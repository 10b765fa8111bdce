"""Speakers of whole articles we wrote (session 30, #11): ``tests/statements/articles``.

The real-news speaker accuracy of one split fell when rules that move every later mention
of a person (an interview's polite "Sie", namesake surnames, pronouns taking group nouns)
met articles of shapes the grids of single sentences do not have. These articles --
interviews with "Frage:" and outlet labels and one with unlabelled questions, profiles
quoting one woman throughout, a text whose sentence-initial "Sie" means "they", court,
police, sport, economy and a portrait naming officials -- pin the speakers an analyst gives
(``articles/expected.tsv``; its header says the columns). ``benchmarks/speaker_diff.py``
compares two revisions on the same folder.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from lagebild.datafiles import iter_tsv
from lagebild.events.realeval import actor_matches

HERE = Path(__file__).with_name("articles")
ROWS = list(iter_tsv(HERE / "expected.tsv", required=("file", "content", "code", "speaker", "kind")))


@lru_cache(maxsize=None)
def _statements(name: str) -> Tuple[str, List[Tuple[int, int, str, str]]]:
    """``(text, [(start, end, speaker id, speaker code)])`` of one article, analysed as
    :func:`lagebild.events.realeval.analyse` analyses a real-de gold article."""
    from lagebild import realgold
    from lagebild.actors.linker import UNDATED_ENV, clear_provisional
    from lagebild.events.realeval import actor_code
    from lagebild.pipeline import analyze

    clear_provisional()  # each article is its own corpus
    raw = (HERE / name).read_text(encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv(UNDATED_ENV, realgold.NEWS_DE_PUBLISHED.isoformat())
    try:
        doc = analyze(raw, language="de", source="derStandard.at")
    finally:
        mp.undo()
    return doc.text, [(s.span[0], s.span[1], s.speaker, actor_code(doc.actors, s.speaker) or "-")
                      for s in doc.statements]


def _speaker(name: str, content: str) -> Tuple[str, str]:
    """``(speaker id, code)`` of the innermost statement holding ``content`` (a reported
    clause inside an interview question is a statement of its own)."""
    text, sts = _statements(name)
    at = text.index(content)
    holding = [(end - start, speaker, code) for start, end, speaker, code in sts if start <= at < end]
    return min(holding)[1:] if holding else ("none", "none")


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['kind']}:{r['file']}:{r['_line']}" for r in ROWS])
def test_article_speaker(row: Dict[str, str]) -> None:
    speaker, code = _speaker(row["file"], row["content"])
    # "a|b": any of these codes or speakers (e.g. "none|author" for the author's own words)
    codes, speakers = row["code"].split("|"), row["speaker"].split("|")
    ok = (row["code"] == "*" or actor_matches(codes, code)) and ("*" in speakers or speaker in speakers)
    if row.get("known"):
        # a known fault: the row must still fail, so that a mend shows (strict)
        assert not ok, f"[{row['kind']}] {row['file']}: now right ({speaker}, {code}) -- remove 'known'"
        return
    assert ok, (f"[{row['kind']}] {row['file']}:{row['_line']}: got {speaker} ({code}), "
                f"want {row['speaker']} ({row['code']}) -- content {row['content']!r}")


def test_every_article_has_rows() -> None:
    files = {p.name for p in HERE.glob("*.txt")}
    assert files == {r["file"] for r in ROWS}
