"""benchmarks/events_breakdown.py: the classes of a false triple (issue 9, session 26): no
gold event, wrong root, wrong source, wrong target, or a duplicate of a matched one."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from lagebild.events.realeval import PredEvent

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tool():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("events_breakdown", ROOT / "benchmarks" / "events_breakdown.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def pred(source, target, code):
    return PredEvent(start=0, end=10, source=source, target=target, code=code)


GOLD = [{"source": "RUSGOV", "target": ["UKR", "UKRGOV"], "root": "19"}]


@pytest.mark.parametrize("golds,p,cls", [
    (GOLD, pred("RUS", "UKRGOV", "190"), "hit"),
    ([], pred("RUS", "UKRGOV", "190"), "no-gold-event"),
    (GOLD, pred("RUS", "UKRGOV", "111"), "root"),
    (GOLD, pred("UKRMIL", "RUS", "190"), "source"),
    (GOLD, pred("RUS", None, "190"), "target"),
    (GOLD, pred("RUS", "POL", "195"), "target"),
])
def test_one_false_triple_class(tool, golds, p, cls):
    assert tool.classify_false(golds, [p]) == [cls]


def test_a_second_match_of_one_gold_event_is_surplus(tool):
    a, b = pred("RUS", "UKR", "190"), pred("RUSGOV", "UKRGOV", "193")
    assert tool.classify_false(GOLD, [a, b]) == ["hit", "surplus"]


def test_the_order_of_classes(tool):
    assert tool.FALSE_ORDER == ("no-gold-event", "root", "source", "target", "surplus")
