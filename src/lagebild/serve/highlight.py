"""The document view's text, cut into segments at every boundary of an actor mention,
event, statement, forecast and section, so that overlapping records can all be shown.

A segment is ``{"text", "refs": ["a0", "e3", …], "kinds": {"actor", "event", …},
"anchor": section index or None}``; the template wraps each segment with refs in one
``<span>`` naming them, and the records themselves are rendered once, separately. Text is
never turned into markup here: the template escapes it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Tuple

KINDS = {"a": "actor", "e": "event", "s": "statement", "f": "forecast"}


def spans(doc: Dict[str, Any]) -> List[Tuple[int, int, str]]:
    """(start, end, ref) of every highlighted record; events are highlighted on their
    trigger word when it is known, else on their evidence span."""
    n = len(doc.get("text") or "")
    out: List[Tuple[int, int, str]] = []

    def add(start: Any, end: Any, ref: str) -> None:
        try:
            s, e = max(0, int(start)), min(n, int(end))
        except (TypeError, ValueError):
            return
        if s < e:
            out.append((s, e, ref))

    for i, actor in enumerate(doc.get("actors") or []):
        for m in actor.get("mentions") or []:
            add(m[0], m[1], f"a{i}")
    for i, ev in enumerate(doc.get("events") or []):
        span = ev.get("trigger_span") or ev.get("span") or (0, 0)
        add(span[0], span[1], f"e{i}")
    for kind, key in (("s", "statements"), ("f", "forecasts")):
        for i, rec in enumerate(doc.get(key) or []):
            span = rec.get("span") or (0, 0)
            add(span[0], span[1], f"{kind}{i}")
    return out


def segments(doc: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The text of ``doc`` as consecutive segments (they concatenate to the text)."""
    text = doc.get("text") or ""
    marks = spans(doc)
    anchors = {}
    for i, sec in enumerate(doc.get("sections") or []):
        try:
            anchors.setdefault(max(0, min(len(text), int(sec["start"]))), i)
        except (KeyError, TypeError, ValueError):
            continue
    cuts = sorted({0, len(text), *anchors, *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
    starts: Dict[int, List[str]] = {}
    ends: Dict[int, List[str]] = {}
    for s, e, ref in marks:
        starts.setdefault(s, []).append(ref)
        ends.setdefault(e, []).append(ref)
    active: Dict[str, int] = {}
    out = []
    for a, b in zip(cuts, cuts[1:]):
        for ref in ends.get(a, []):
            active[ref] -= 1
            if not active[ref]:
                del active[ref]
        for ref in starts.get(a, []):
            active[ref] = active.get(ref, 0) + 1
        refs = sorted(active, key=lambda r: ("aefs".index(r[0]) if r[0] in "aefs" else 9, int(r[1:])))
        out.append({
            "text": text[a:b],
            "refs": refs,
            "kinds": sorted({KINDS[r[0]] for r in refs}),
            "anchor": anchors.get(a),
        })
    return out
