"""Geometry of the inline SVG charts, computed on the server (no JavaScript chart
library): the weekly event timeline of an actor and the relation graph of actors.

The functions return numbers and labels only; the templates ``_timeline.html`` and
``_graph.html`` turn them into SVG elements, so every label is escaped by Jinja.
"""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import timedelta
from typing import Any, Dict, List

QUAD_COLOURS = {1: "#4c9be8", 2: "#1f5fa8", 3: "#f0a04b", 4: "#c8382f", 0: "#999999"}
COOP, CONFLICT, MIXED = "#2e8b57", "#c8382f", "#8c6bb1"


def timeline(rows: List[Dict[str, Any]], *, width: int = 760, height: int = 220, max_weeks: int = 160) -> Dict[str, Any]:
    """Stacked weekly bars: events with the actor as source above the axis, as target
    below, each bar split by quad class.

    rows: ``{"week": date (a Monday), "side": "source"|"target", "quad_class": 0–4,
        "events": int}``. Only the last ``max_weeks`` weeks with events are drawn.
    Returns ``{"width", "height", "axis_y", "bars": [{x, y, w, h, fill, title}], "ticks":
    [{x, label}], "weeks"}``; coordinates in SVG user units (pixels).
    """
    if not rows:
        return {"width": width, "height": height, "axis_y": (height - 16) / 2, "bars": [], "ticks": [], "weeks": 0, "left": 34}
    last = max(r["week"] for r in rows)
    first = max(min(r["week"] for r in rows), last - timedelta(weeks=max_weeks - 1))
    n = (last - first).days // 7 + 1
    per: Dict[tuple, Dict[int, int]] = defaultdict(dict)
    for r in rows:
        if r["week"] >= first:
            per[(r["week"], r["side"])][r["quad_class"]] = r["events"]
    peak = max((sum(v.values()) for v in per.values()), default=1) or 1
    left, right, pad, band = 34, 8, 14, 16  # band: the date labels under the chart
    axis = (height - band) / 2
    half = axis - pad
    bw = (width - left - right) / n
    bars = []
    for (wk, side), quads in sorted(per.items()):
        x = left + ((wk - first).days // 7) * bw
        offset = 0.0
        for q in sorted(quads):
            h = quads[q] / peak * half
            y = axis - offset - h if side == "source" else axis + offset
            offset += h
            bars.append({
                "x": round(x + 0.5, 1), "y": round(y, 1), "w": round(max(bw - 1, 1), 1), "h": round(h, 1),
                "fill": QUAD_COLOURS.get(q, QUAD_COLOURS[0]),
                "title": f"week of {wk.isoformat()}: {quads[q]} event(s) as {side}, quad class {q or '?'}",
            })
    ticks = []
    step = max(1, -(-n // 7))
    for i in range(0, n, step):
        wk = first + timedelta(weeks=i)
        ticks.append({"x": round(left + i * bw, 1), "label": wk.isoformat()})
    return {"width": width, "height": height, "axis_y": axis, "bars": bars, "ticks": ticks, "weeks": n,
            "peak": peak, "left": left}


def graph(nodes: List[Dict[str, Any]], edges: List[Dict[str, Any]], *, size: int = 560, centre: str | None = None) -> Dict[str, Any]:
    """A circular layout of ``nodes`` (``centre`` in the middle when given) with straight
    edges; an edge is green when most of its events are cooperation (quad class 1–2),
    red when conflict (3–4), purple when even; its width grows with the square root of
    its event count.

    nodes: ``{"id", "name", "events"}``; edges: ``{"source", "target", "events",
    "cooperation", "conflict"}``. Returns ``{"size", "nodes": [{id, name, x, y, r,
    label_anchor, events}], "edges": [{x1, y1, x2, y2, stroke, width, title}]}``.
    """
    c = size / 2
    ring = [n for n in nodes if n["id"] != centre]
    pos: Dict[str, tuple] = {}
    if centre is not None:
        pos[centre] = (c, c)
    radius = c - 90
    for i, n in enumerate(ring):
        a = 2 * math.pi * i / max(len(ring), 1) - math.pi / 2
        pos[n["id"]] = (c + radius * math.cos(a), c + radius * math.sin(a))
    top = max((n["events"] for n in nodes), default=1) or 1
    out_nodes = []
    for n in nodes:
        if n["id"] not in pos:
            continue
        x, y = pos[n["id"]]
        out_nodes.append({
            "id": n["id"], "name": n["name"], "events": n["events"],
            "x": round(x, 1), "y": round(y, 1), "r": round(5 + 10 * math.sqrt(n["events"] / top), 1),
            "anchor": "middle" if abs(x - c) < 20 else ("start" if x > c else "end"),
            "lx": round(x + (0 if abs(x - c) < 20 else (14 if x > c else -14)), 1),
            "ly": round(y + (4 if abs(x - c) >= 20 else (-16 if y < c else 24)), 1),
        })
    peak = max((e["events"] for e in edges), default=1) or 1
    out_edges = []
    for e in edges:
        if e["source"] not in pos or e["target"] not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        stroke = COOP if e["cooperation"] > e["conflict"] else CONFLICT if e["conflict"] > e["cooperation"] else MIXED
        out_edges.append({
            "x1": round(x1, 1), "y1": round(y1, 1), "x2": round(x2, 1), "y2": round(y2, 1), "stroke": stroke,
            "width": round(1 + 6 * math.sqrt(e["events"] / peak), 1),
            "title": f"{e['source']} → {e['target']}: {e['events']} event(s), "
                     f"{e['cooperation']} cooperation, {e['conflict']} conflict",
            "source": e["source"], "target": e["target"],
        })
    return {"size": size, "nodes": out_nodes, "edges": out_edges}


def ego_graph(actor: Dict[str, Any], counterparts: List[Dict[str, Any]], *, limit: int = 20) -> Dict[str, Any]:
    """The actor in the centre and its ``limit`` most frequent counterparts around it. The
    centre's count (its tooltip, "N event(s)") is its events with any counterpart, not
    only the ``limit`` shown; 0 when it has none (it said 1)."""
    top = counterparts[:limit]
    nodes = [{"id": actor["id"], "name": actor["name"], "events": sum(c["events"] for c in counterparts)}]
    nodes += [{"id": c["id"], "name": c["name"], "events": c["events"]} for c in top]
    edges = [{"source": actor["id"], "target": c["id"], "events": c["events"],
              "cooperation": c["cooperation"], "conflict": c["conflict"]} for c in top]
    return graph(nodes, edges, centre=actor["id"])


__all__ = ["QUAD_COLOURS", "ego_graph", "graph", "timeline"]
