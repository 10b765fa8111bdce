"""``lagebild documents`` and ``lagebild show``: read back what is stored."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from ..errors import LagebildError
from ..store import Store
from ._render import render_document
from ._util import DbOption, app, console, err_console


@app.command("documents")
def documents_cli(
    db: str = DbOption,
    limit: int = typer.Option(50, "--limit", "-n"),
    language: Optional[str] = typer.Option(None, "--lang"),
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Substring of title or text."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | jsonl"),
) -> None:
    """List stored documents, newest first.

    Example:
        lagebild documents --lang de --search Waffenstillstand
    """
    with Store(db) as store:
        rows = store.documents(limit=limit, language=language, search=search)
        total = store.count()
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    table = Table(title=f"{len(rows)} of {total} documents in {db}", title_justify="left")
    for col in ("id", "published", "lang", "title", "authors", "actors", "events", "stmts", "fcasts"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r["id"], str(r["published"] or ""), r["language"] or "", (r["title"] or "")[:60],
            ", ".join(r["authors"] or []), str(r["n_actors"]), str(r["n_events"]),
            str(r["n_statements"]), str(r["n_forecasts"]),
        )
    console.print(table)


@app.command("show")
def show_cli(
    doc_id: str = typer.Argument(..., help="Document id (a unique prefix is enough)."),
    db: str = DbOption,
    fmt: str = typer.Option("table", "--format", "-f", help="table | json"),
) -> None:
    """Show one stored document with its actors, events, statements and forecasts.

    Example:
        lagebild show 3f2a --format json
    """
    try:
        with Store(db) as store:
            doc = store.get(doc_id)
    except LagebildError as e:
        err_console.print(f"[red]{e}[/red]")
        raise typer.Exit(1) from e
    if fmt == "json":
        typer.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
    else:
        console.print(render_document(doc, text_chars=100_000))
