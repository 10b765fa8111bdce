"""``benchmarks/speaker_diff.py``: pairing, change counts and change kinds (no analysis run)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "speaker_diff.py"
_spec = importlib.util.spec_from_file_location("speaker_diff", _PATH)
sd = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sd)  # type: ignore[union-attr]


def _rec(start, speaker, code, written, mentions=((0, 4),), cue="sagte"):
    return {"text": "a.txt", "start": start, "end": start + 10, "speaker": speaker, "code": code,
            "speaker_text": written, "mentions": [list(m) for m in mentions], "cue": cue}


def test_compare_counts_code_written_and_mentions():
    base = [_rec(10, "prov:eva_x", "AUTGOV", "sie"), _rec(30, "per:a", "AUTPTY", "Huber"), _rec(50, "x", "---", None)]
    new = [_rec(10, "AUTGOV", "AUTGOV", "sie", mentions=()), _rec(30, "prov:b", "---", "Huber"),
           _rec(70, "x", "---", None)]
    counts, changed = sd.compare(base, new)
    assert counts["a.txt"] == {"base": 3, "new": 3, "paired": 2, "code": 1, "written": 0, "mentions": 1}
    assert [r["start"] for _, r in changed] == [10, 30]


def test_change_kinds_name_no_text():
    pairs = [(_rec(10, "prov:eva_x", "AUTGOV", "sie"), _rec(10, "AUTCVL", "AUTCVL", "sie")),
             (_rec(30, "per:a", "AUTGOV", "Huber"), _rec(30, "prov:b", "---", "Huber")),
             (_rec(50, "per:a", "AUTGOV", "Huber", cue="Huber:"), _rec(50, "per:a", "AUTGOV", "Huber", cue="Huber:"))]
    kinds = sd.change_kinds(pairs)
    assert kinds == {"code: prov -> group | pronoun | verb": 1, "code: kb -> prov | name | verb": 1,
                     "same code: kb -> kb | name | turn": 1}


def test_classes():
    assert [sd.speaker_class(x) for x in (None, "unknown", "author", "prov:x", "per:y", "AUTGOV")] == \
        ["unknown", "unknown", "author", "prov", "kb", "group"]
    assert [sd.written_class(x) for x in (None, "Sie", "die 58-Jährige", "Anna Huber")] == \
        ["none", "pronoun", "description", "name"]
