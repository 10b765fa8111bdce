"""Rich renderings of documents shared by ``analyze --format table`` and ``show``.

Every string taken from a document goes through :func:`~lagebild.cli._util.safe`: article
text is data, never markup (a title ``[/]`` or ``[link=…]`` is shown as written)."""
from __future__ import annotations

from typing import Any, Dict, List

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..schemas import Document
from ._util import plain, safe


def _table(title: str, columns: List[str], rows: List[List[Any]], *, lines: bool = False) -> Table:
    table = Table(title=title, title_justify="left", show_lines=lines, expand=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        # Text objects are never parsed for markup; control characters are replaced
        table.add_row(*[Text(plain(v)) for v in row])
    return table


def _cut(value: Any, n: int) -> str:
    """One line of at most ``n`` characters (evidence sentences keep no trailing newline)."""
    text = " ".join(str(value or "").split())
    return text[:n] + ("…" if len(text) > n else "")


def _lines(*values: Any) -> str:
    """The non-empty ``values`` one per line (a narrow table stacks columns in one cell)."""
    return "\n".join(str(v) for v in values if v not in (None, ""))


def render_document(doc: Document, *, text_chars: int = 600, narrow: bool = False) -> Group:
    """A panel of metadata plus one table per kind of finding. ``narrow`` (a terminal below
    :data:`~lagebild.cli._util.NARROW` columns): fewer, stacked columns -- at 80 columns the
    eight columns of the events table folded words into pieces ("sanctio|ns")."""
    if narrow:
        return Group(*_panels(doc, text_chars), *_narrow_tables(doc))
    return Group(*_panels(doc, text_chars), *_tables(doc))


def _panels(doc: Document, text_chars: int) -> List[Any]:
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
            meta.append(f"{plain(value)}\n")
    for w in doc.warnings:
        meta.append(f"   warning: {plain(w)}\n", style="yellow")
    if doc.partial:
        meta.append("   PARTIAL RESULT\n", style="bold red")
    snippet = doc.text[:text_chars] + ("…" if len(doc.text) > text_chars else "")
    return [Panel(meta, title="document"), Panel(Text(plain(snippet)), title="text")]


def _tables(doc: Document) -> List[Any]:
    parts: List[Any] = []
    names = {a.id: a.name for a in doc.actors}
    if doc.actors:
        parts.append(_table("actors", ["id", "name", "type", "country", "role", "mentions"],
                            [[a.id, a.name, a.type, a.country, a.role, len(a.mentions)] for a in doc.actors]))
    if doc.events:
        parts.append(_table(
            "events", ["source", "cameo", "target", "issue", "modality", "neg", "date", "sentence"],
            [[names.get(e.source, e.source or e.source_text), f"{e.cameo} {e.cameo_name or ''}".strip(),
              names.get(e.target, e.target) if e.target else e.target_text, e.issue, e.modality,
              "x" if e.negated else "", e.date, _cut(e.sentence, 90)] for e in doc.events]))
    if doc.statements:
        parts.append(_table("statements", ["speaker", "kind", "text"],
                            [[names.get(s.speaker, s.speaker), s.kind, _cut(s.text, 120)] for s in doc.statements]))
    if doc.forecasts:
        parts.append(_table("forecasts", ["holder", "p", "horizon", "condition", "text"],
                            [[names.get(f.holder, f.holder), f.probability,
                              (f.horizon or {}).get("end"), _cut(f.condition, 50), _cut(f.text, 110)]
                             for f in doc.forecasts]))
    return parts


def _narrow_tables(doc: Document) -> List[Any]:
    """The tables of :func:`_tables` in at most four columns: the actor's id under its
    name; source → target over the CAMEO code; modality, negation, date and issue in one
    cell; a forecast's p, horizon and condition under its holder."""
    parts: List[Any] = []
    names = {a.id: a.name for a in doc.actors}
    if doc.actors:
        parts.append(_table("actors", ["actor", "type", "country / role", "n"],
                            [[_lines(a.name, a.id), a.type, _lines(a.country, a.role), len(a.mentions)]
                             for a in doc.actors]))
    if doc.events:
        rows = []
        for e in doc.events:
            source = names.get(e.source, e.source or e.source_text) or "?"
            target = (names.get(e.target, e.target) if e.target else e.target_text) or "?"
            rows.append([_lines(f"{source} → {target}", f"{e.cameo} {e.cameo_name or ''}".strip()),
                         _lines(e.modality + (", negated" if e.negated else ""), e.date, e.issue and f"issue: {e.issue}"),
                         _cut(e.sentence, 90)])
        parts.append(_table("events", ["who → whom, what", "modality", "sentence"], rows, lines=True))
    if doc.statements:
        parts.append(_table("statements", ["speaker", "kind", "text"],
                            [[names.get(s.speaker, s.speaker), s.kind, _cut(s.text, 120)] for s in doc.statements]))
    if doc.forecasts:
        parts.append(_table("forecasts", ["holder", "text"],
                            [[_lines(names.get(f.holder, f.holder), f.probability is not None and f"p {f.probability}",
                                     (f.horizon or {}).get("end") and f"by {(f.horizon or {}).get('end')}"),
                              _lines(_cut(f.text, 110), f.condition and f"if: {_cut(f.condition, 50)}")]
                             for f in doc.forecasts], lines=True))
    return parts


__all__ = ["render_document", "safe"]
