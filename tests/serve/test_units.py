"""Unit and property tests of the workbench's parts that need no server: text
segmentation for highlights, cursors (untrusted input), SVG geometry, keyset SQL."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.serve.db import CursorError, ListQuery, decode_cursor, encode_cursor, like
from lagebild.serve.highlight import segments
from lagebild.serve.svg import ego_graph, graph, timeline


def _doc(text, actors=(), events=(), statements=(), forecasts=(), sections=()):
    return {"text": text, "actors": list(actors), "events": list(events), "statements": list(statements),
            "forecasts": list(forecasts), "sections": list(sections)}


def test_segments_overlap_and_nest():
    text = "Putin sagte, Russland werde angreifen."
    doc = _doc(
        text,
        actors=[{"mentions": [[0, 5]]}, {"mentions": [[13, 21]]}],
        events=[{"span": [13, 37], "trigger_span": [28, 37]}],
        statements=[{"span": [13, 37]}],
        forecasts=[{"span": [0, 38]}],
    )
    segs = segments(doc)
    assert "".join(s["text"] for s in segs) == text
    by_text = {s["text"]: s["refs"] for s in segs}
    assert by_text["Putin"] == ["a0", "f0"]
    assert by_text["Russland"] == ["a1", "f0", "s0"]
    assert by_text["angreifen"] == ["e0", "f0", "s0"]
    assert by_text["."] == ["f0"] or by_text.get(".") is not None


@pytest.mark.parametrize("span", [[5, 2], [-4, 3], [30, 99], [None, 4], ["x", "y"], [7, 7]])
def test_segments_survive_bad_offsets(span):
    text = "Eine kurze Zeile."
    segs = segments(_doc(text, events=[{"span": span}], sections=[{"title": "x", "start": 99, "end": 100}]))
    assert "".join(s["text"] for s in segs) == text


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=8))
@settings(max_examples=200, deadline=None)
def test_segments_always_concatenate_to_the_text(text, spans):
    doc = _doc(text, actors=[{"mentions": [list(s) for s in spans]}], statements=[{"span": list(s)} for s in spans[:3]])
    segs = segments(doc)
    assert "".join(s["text"] for s in segs) == text
    for s in segs:  # a segment is highlighted exactly by the spans covering it
        assert len(s["refs"]) == len(set(s["refs"]))


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_decode_cursor_only_raises_cursor_error(raw):
    try:
        decode_cursor(raw, "events:day:desc", ["date", "str", "int"])
    except CursorError:
        pass


def test_cursor_round_trip_and_mismatch():
    c = encode_cursor("events:day:desc", [date(2025, 4, 19), "abc", 3])
    assert decode_cursor(c, "events:day:desc", ["date", "str", "int"]) == [date(2025, 4, 19), "abc", 3]
    with pytest.raises(CursorError):
        decode_cursor(c, "events:goldstein:desc", ["num", "str", "int"])
    bad_date = encode_cursor("events:day:desc", ["2025-99-01", "abc", 3])
    with pytest.raises(CursorError):
        decode_cursor(bad_date, "events:day:desc", ["date", "str", "int"])


def test_keyset_sql_is_parameterised():
    q = ListQuery("x", "SELECT * FROM t0", [("id", "str")], {"day": "date"})
    cursor = encode_cursor("x:day:desc", ["2025-01-01", "x' OR 1=1 --"])
    sql, params = q.sql([], [], sort="day", order="desc", cursor=cursor, limit=10)
    assert "OR 1=1" not in sql and "x' OR 1=1 --" in params
    with pytest.raises(ValueError):
        q.sql([], [], sort="id; DROP TABLE t0", order="desc", cursor=None, limit=10)


def test_like_escapes_wildcards():
    assert like("50%_a\\b") == "%50\\%\\_a\\\\b%"


def test_timeline_geometry():
    rows = [
        {"week": date(2025, 1, 6), "side": "source", "quad_class": 4, "events": 2},
        {"week": date(2025, 1, 6), "side": "source", "quad_class": 1, "events": 1},
        {"week": date(2025, 1, 20), "side": "target", "quad_class": 3, "events": 3},
    ]
    t = timeline(rows)
    assert t["weeks"] == 3 and len(t["bars"]) == 3
    above = [b for b in t["bars"] if b["y"] < t["axis_y"]]
    below = [b for b in t["bars"] if b["y"] >= t["axis_y"]]
    assert len(above) == 2 and len(below) == 1
    tallest = max(t["bars"], key=lambda b: b["h"])
    assert tallest["fill"] == "#f0a04b"  # 3 target events, verbal conflict, fills the half
    assert timeline([])["bars"] == []


def test_graph_colours_cooperation_and_conflict():
    nodes = [{"id": a, "name": a, "events": 3} for a in "ABC"]
    edges = [
        {"source": "A", "target": "B", "events": 3, "cooperation": 3, "conflict": 0},
        {"source": "B", "target": "C", "events": 2, "cooperation": 0, "conflict": 2},
        {"source": "A", "target": "C", "events": 2, "cooperation": 1, "conflict": 1},
    ]
    g = graph(nodes, edges)
    strokes = [e["stroke"] for e in g["edges"]]
    assert strokes == ["#2e8b57", "#c8382f", "#8c6bb1"]
    assert g["edges"][0]["width"] > g["edges"][1]["width"]
    ego = ego_graph({"id": "A", "name": "A"}, [{"id": "B", "name": "B", "events": 2, "cooperation": 2, "conflict": 0}])
    centre = next(n for n in ego["nodes"] if n["id"] == "A")
    assert (centre["x"], centre["y"]) == (ego["size"] / 2, ego["size"] / 2)


@pytest.mark.parametrize("n_counterparts, expected", [(0, 0), (1, 2), (25, 50)], ids=["none", "one", "more-than-shown"])
def test_ego_graph_centre_counts_its_events(n_counterparts, expected):
    """The actor page's graph said "1 event(s)" for an actor with none, and counted only
    the 20 counterparts shown."""
    cps = [{"id": f"B{i}", "name": f"B{i}", "events": 2, "cooperation": 2, "conflict": 0} for i in range(n_counterparts)]
    ego = ego_graph({"id": "A", "name": "A"}, cps)
    centre = next(n for n in ego["nodes"] if n["id"] == "A")
    assert centre["events"] == expected and centre["r"] >= 5
    assert len(ego["nodes"]) == 1 + min(n_counterparts, 20)
