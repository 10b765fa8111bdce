"""``lagebild documents`` and ``lagebild show``: read back what is stored."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from ._render import render_document
from ..errors import redact_db
from ._util import (
    NARROW, DbOption, Lang, LimitOption, ShowFormat, TableFormat, app, console, lang_value, open_store, plain, safe,
)


@app.command("documents")
def documents_cli(
    db: str = DbOption,
    limit: int = LimitOption,
    language: Optional[Lang] = typer.Option(None, "--lang", help="Only documents in this language."),
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Substring of title or text (case-insensitive)."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """List stored documents, newest first.

    Opens the database read-only (never creates one); while an ingest writes to a DuckDB
    file, waits for its next commit ($LAGEBILD_LOCK_WAIT seconds at most).

    Example:
        lagebild documents --lang de --search Waffenstillstand
    """
    lang = lang_value(language)
    with open_store(db) as store:
        rows = store.documents(limit=limit, language=lang, search=search)
        total = store.count_documents(language=lang, search=search)
    if fmt is TableFormat.jsonl:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    what = "documents" + "".join(f" {k}" for k in (f"in {lang!r}" if lang else "", f"matching {search!r}" if search else "") if k)
    table = Table(title=Text(plain(f"{len(rows)} of {total} {what} in {redact_db(db)}")), title_justify="left")
    # below NARROW columns the four counts (actors/events/statements/forecasts) share one
    # column ("5/1/1/0", titled a/e/s/f): as four columns they took the room of the title,
    # which an 80-column terminal folded into 4-letter pieces
    narrow = console.width < NARROW
    counts = ("a/e/s/f",) if narrow else ("actors", "events", "stmts", "fcasts")
    for col in ("id", "published", "lang", "title", "authors") + counts:
        # an id or a date broken over lines cannot be copied into `lagebild show`: those two
        # never wrap; on a narrow terminal the title and the other cells give way
        table.add_column(col, overflow="fold", no_wrap=col in ("id", "published"),
                         min_width=len("2025-04-19") if col == "published" else None)
    for r in rows:
        numbers = (r["n_actors"], r["n_events"], r["n_statements"], r["n_forecasts"])
        cells = (
            r["id"], r["published"] or "", r["language"] or "", " ".join((r["title"] or "").split())[:60],
            ", ".join(r["authors"] or []), *(("/".join(map(str, numbers)),) if narrow else numbers),
        )
        table.add_row(*(Text(plain(c)) for c in cells))
    console.print(table)



@app.command("show")
def show_cli(
    doc_id: str = typer.Argument(..., help="Document id (a unique prefix is enough)."),
    db: str = DbOption,
    fmt: ShowFormat = typer.Option(ShowFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """Show one stored document with its actors, events, statements and forecasts.

    An id prefix that matches several documents is an error listing them.

    Example:
        lagebild show c6df --format json
    """
    with open_store(db) as store:
        doc = store.get(doc_id)
    if fmt is ShowFormat.json:
        typer.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
    else:
        console.print(render_document(doc, text_chars=100_000, narrow=console.width < NARROW))


__all__ = ["documents_cli", "show_cli", "safe"]
