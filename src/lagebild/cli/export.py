"""``lagebild export``: write stored data as JSON Lines, CSV or Parquet."""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import LagebildError
from ..store import Store, export
from ._util import DbOption, app, console, err_console


@app.command("export")
def export_cli(
    out: Path = typer.Argument(..., help="Output file."),
    db: str = DbOption,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | csv | parquet | gdelt (GDELT 2.0 event TSV, one row per incident)"),
    table: str = typer.Option(
        "documents", "--table", "-t",
        help="documents | actors | document_actors | mentions | events | statements | forecasts | resolutions | incidents",
    ),
) -> None:
    """Export a table (jsonl of documents = the full JSON contract, one per line).

    Example:
        lagebild export events.parquet --format parquet --table events
        lagebild export incidents.jsonl --table incidents
        lagebild export gdelt.tsv --format gdelt
    """
    try:
        with Store(db) as store:
            n = export(store, out, fmt=fmt, table=table)
    except LagebildError as e:
        err_console.print(f"[red]{e}[/red]")
        raise typer.Exit(2) from e
    console.print(f"wrote {n} rows of {'incidents (GDELT 2.0 events)' if fmt == 'gdelt' else table} to {out}")
