"""Rich renderings of documents shared by ``analyze --format table`` and ``show``."""
from __future__ import annotations

from typing import Any, Dict, List

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..schemas import Document


def _table(title: str, columns: List[str], rows: List[List[Any]]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    return table


def render_document(doc: Document, *, text_chars: int = 600) -> Group:
    """A panel of metadata plus one table per kind of finding."""
    meta = Text()
    fields: Dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "authors": ", ".join(doc.authors) or None,
        "published": doc.published or (f"(raw: {doc.published_raw})" if doc.published_raw else None),
        "language": doc.language,
        "source": doc.source,
        "sections": " | ".join(s.title for s in doc.sections) or None,
        "captions": " | ".join(f"{c.text} [{c.credit}]" for c in doc.captions) or None,
        "sentences": len(doc.sentences),
        "model": doc.model,
    }
    for key, value in fields.items():
        if value not in (None, ""):
            meta.append(f"{key:>10}: ", style="bold")
            meta.append(f"{value}\n")
    for w in doc.warnings:
        meta.append(f"   warning: {w}\n", style="yellow")
    if doc.partial:
        meta.append("   PARTIAL RESULT\n", style="bold red")
    snippet = doc.text[:text_chars] + ("…" if len(doc.text) > text_chars else "")
    parts: List[Any] = [Panel(meta, title="document"), Panel(snippet, title="text")]
    names = {a.id: a.name for a in doc.actors}
    if doc.actors:
        parts.append(_table("actors", ["id", "name", "type", "country", "role", "mentions"],
                            [[a.id, a.name, a.type, a.country, a.role, len(a.mentions)] for a in doc.actors]))
    if doc.events:
        parts.append(_table("events", ["source", "cameo", "target", "modality", "neg", "date", "sentence"],
                            [[names.get(e.source, e.source), f"{e.cameo} {e.cameo_name or ''}",
                              names.get(e.target, e.target or e.issue), e.modality, "x" if e.negated else "",
                              e.date, e.sentence[:90]] for e in doc.events]))
    if doc.statements:
        parts.append(_table("statements", ["speaker", "kind", "text"],
                            [[names.get(s.speaker, s.speaker), s.kind, s.text[:120]] for s in doc.statements]))
    if doc.forecasts:
        parts.append(_table("forecasts", ["holder", "p", "horizon", "condition", "text"],
                            [[names.get(f.holder, f.holder), f.probability,
                              (f.horizon or {}).get("end"), (f.condition or "")[:50], f.text[:110]]
                             for f in doc.forecasts]))
    return Group(*parts)
