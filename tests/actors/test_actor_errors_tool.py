"""benchmarks/actor_errors.py: the bucket and shape rules of the actor-coding error counts."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tool():
    return load_script("benchmarks/actor_errors.py")


@pytest.mark.parametrize("pred,golds,actor,bucket", [
    (None, ["AUTGOV"], None, "no actor (speaker/holder unknown)"),
    ("---", ["AUTPTY"], SimpleNamespace(type="PER"), "person, no code"),
    ("---", ["AUTPTY"], SimpleNamespace(type="ORG"), "organisation/group, no code"),
    ("AUTLEG", ["AUTPTY", "AUTOPP"], None, "same country, other agent"),
    ("DEUCOP", ["AUTCOP"], None, "other country, same agent"),
    ("NORGOV", ["IGOEURCOE"], None, "other"),
])
def test_speaker_bucket(tool, pred, golds, actor, bucket):
    assert tool.speaker_bucket(pred, golds, actor) == bucket


@pytest.mark.parametrize("text,in_turn,shape", [
    ("Er", False, "pronoun"),
    ("wir", True, "pronoun in interview turn"),
    ("Der Provinzgouverneur", False, "description, head no KB role noun"),
    ("die Polizei", False, "description, head a KB role noun"),
    ("Gerda Schaffelhofer", False, "capitalised name"),
    ("21 Soldaten", False, "other"),
])
def test_mention_shape(tool, text, in_turn, shape):
    assert tool.mention_shape(text, in_turn, frozenset({"polizei", "soldaten"})) == shape
