"""``lagebild forecasts``: the forecast ledger — who predicted what, how sure, by when."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from ..errors import LagebildError
from ..forecasts.query import STATUSES, list_forecasts
from ..store import Store
from ._util import DbOption, app, console, err_console


def _date(value: Optional[str], name: str) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise typer.BadParameter(f"{name} must be an ISO date (YYYY-MM-DD), not {value!r}") from e


@app.command("forecasts")
def forecasts_cli(
    db: str = DbOption,
    holder: Optional[str] = typer.Option(None, "--holder", help="Holder: actor id, 'author', or part of the name."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor id as holder or in the predicted event."),
    since: Optional[str] = typer.Option(None, "--since", help="Published on or after (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Published on or before (YYYY-MM-DD)."),
    status: Optional[str] = typer.Option(None, "--status", help="open | due | resolved"),
    limit: int = typer.Option(100, "--limit", "-n"),
    fmt: str = typer.Option("table", "--format", "-f", help="table | jsonl"),
) -> None:
    """List stored forecasts, newest publication first.

    Example:
        lagebild forecasts --holder author --status due --since 2025-01-01
    """
    if status and status not in STATUSES:
        raise typer.BadParameter(f"--status must be one of {', '.join(STATUSES)}")
    db = Path(db)
    if not db.exists():
        err_console.print(f"[red]No database at {db}; run `lagebild ingest` first.[/red]")
        raise typer.Exit(1)
    try:
        with Store(db, read_only=True) as store:
            rows = list_forecasts(
                store, holder=holder, actor=actor, since=_date(since, "--since"),
                until=_date(until, "--until"), status=status, limit=limit,
            )
    except LagebildError as e:
        err_console.print(f"[red]{e}[/red]")
        raise typer.Exit(1) from e
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    table = Table(title=f"{len(rows)} forecasts in {db}", title_justify="left")
    for col in ("id", "published", "holder", "p", "horizon", "status", "forecast", "condition"):
        table.add_column(col, overflow="fold")
    for r in rows:
        holder_name = r.get("holder_text") or r["holder"]
        if r.get("holder_text") and r["holder"] not in ("author", r.get("holder_text")):
            holder_name = f"{r['holder_text']} ({r['holder']})"
        horizon = ""
        if r.get("horizon_start") or r.get("horizon_end"):
            horizon = f"{r.get('horizon_start') or '…'} – {r.get('horizon_end') or '…'}"
        table.add_row(
            r["id"], str(r.get("published") or ""), holder_name or "",
            "" if r.get("probability") is None else f"{r['probability']:.2f}",
            horizon, r["status"], (r["text"] or "")[:160], (r.get("condition") or "")[:80],
        )
    console.print(table)
