"""The ``negative_valence`` class of ``senses_en.tsv`` is what ``scripts/vader_to_senses.py``
derives from VADER's lexicon (needs the optional ``vaderSentiment`` package, which lagebild
itself never imports; skipped without it)."""
from __future__ import annotations

from pathlib import Path

import pytest
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parents[2]


def _script():  # type: ignore[no-untyped-def]
    return load_script("scripts/vader_to_senses.py")


def test_selection_rules(tmp_path: Path) -> None:
    """Word shape and valence filters on a small lexicon of our own (no spaCy)."""
    lex = tmp_path / "lex.txt"
    lex.write_text("illegal\t-2.6\t0.8\t[]\nwtf\t-2.8\t0.9\t[]\n:(\t-1.9\t0.5\t[]\nfine\t0.8\t0.4\t[]\n"
                   "sad\t-2.1\t0.6\t[]\nmeh\t-0.3\t0.5\t[]\nodd\t-1.3\t0.5\t[]\n", encoding="utf-8")
    assert [w for w, _ in _script().candidates(lex)] == ["illegal", "sad"]


@pytest.mark.slow
def test_class_matches_script() -> None:
    pytest.importorskip("vaderSentiment")
    from lagebild.events.patterns import load_sense_classes

    mod = _script()
    cands = mod.candidates(mod.vader_path())
    keep = set(mod.adjectives([w for w, _ in cands]))
    assert load_sense_classes("en")["negative_valence"] == frozenset(keep)
    assert load_sense_classes("en")["negative_valence"] <= load_sense_classes("en")["negative_judgement"]
