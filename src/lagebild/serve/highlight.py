"""The document view's text, cut into segments at every boundary of an actor mention,
event, statement, forecast and section, so that overlapping records can all be shown.

A segment is ``{"text", "refs": ["a0", "e3", …], "kinds": {"actor", "event", …},
"anchor": section index or None}``; the template wraps each segment with refs in one
``<span>`` naming them, and the records themselves are rendered once, separately. Text is
never turned into markup here: the template escapes it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

KINDS = {"a": "actor", "e": "event", "s": "statement", "f": "forecast"}


def spans(doc: Dict[str, Any]) -> List[Tuple[int, int, str]]:
    """(start, end, ref) of every highlighted record; events are highlighted on their
    trigger word when it is known, else on their evidence span. A record's ref is its
    index in ``doc``'s list, or the index ``doc["indices"][kind]`` gives it (a view that
    shows some of the stored records, :func:`lagebild.serve.views.documents.shown`)."""
    n = len(doc.get("text") or "")
    indices = doc.get("indices") or {}

    def index(key: str, i: int) -> int:
        given = indices.get(key)
        return given[i] if given is not None and i < len(given) else i

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
        add(span[0], span[1], f"e{index('events', i)}")
    for kind, key in (("s", "statements"), ("f", "forecasts")):
        for i, rec in enumerate(doc.get(key) or []):
            span = rec.get("span") or (0, 0)
            add(span[0], span[1], f"{kind}{index(key, i)}")
    return out


def segments(doc: Dict[str, Any], start: int = 0, end: Optional[int] = None) -> List[Dict[str, Any]]:
    """The text of ``doc`` as consecutive segments (they concatenate to the text); with
    ``start``/``end``, of ``text[start:end]`` only (a part of a long text), the highlights
    cut to that part."""
    text = doc.get("text") or ""
    end = len(text) if end is None else max(start, min(end, len(text)))
    marks = [(max(s, start), min(e, end), ref) for s, e, ref in spans(doc) if s < end and e > start]
    anchors = {}
    for i, sec in enumerate(doc.get("sections") or []):
        try:
            at = max(0, min(len(text), int(sec["start"])))
        except (KeyError, TypeError, ValueError):
            continue
        if start <= at < end:
            anchors.setdefault(at, i)
    cuts = sorted({start, end, *anchors, *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
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
