"""The typer app every CLI verb registers on, and small shared CLI helpers."""
from __future__ import annotations

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

DEFAULT_DB = "lagebild.duckdb"

# a string, not a Path: "postgresql://…" URLs must survive unchanged
DbOption = typer.Option(
    DEFAULT_DB,
    "--db",
    help="DuckDB file or postgresql:// URL (default: ./lagebild.duckdb, or $LAGEBILD_DB).",
    envvar="LAGEBILD_DB",
)

eval_app = typer.Typer(help="Evaluate lagebild against held-out and gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
