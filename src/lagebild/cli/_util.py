"""The typer app every CLI verb registers on, and small shared CLI helpers."""
from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console

app = typer.Typer(
    name="lagebild",
    help="Turn news and commentary into events, statements and forecasts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

DEFAULT_DB = Path(os.environ.get("LAGEBILD_DB", "lagebild.duckdb"))

DbOption = typer.Option(
    DEFAULT_DB,
    "--db",
    help="DuckDB database file (default: ./lagebild.duckdb, or $LAGEBILD_DB).",
    envvar="LAGEBILD_DB",
)

eval_app = typer.Typer(help="Evaluate lagebild against held-out and gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
