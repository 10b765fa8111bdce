"""``lagebild forecasts``: the forecast ledger — who predicted what, how sure, by when."""
from __future__ import annotations

import json
from datetime import date
from enum import Enum
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from ..forecasts.query import STATUSES, list_forecasts
from ..errors import redact_db
from ._util import NARROW, non_negative, DbOption, TableFormat, app, console, open_store, plain

Status = Enum("Status", {s: s for s in STATUSES}, type=str)  # type: ignore[misc]


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
    status: Optional[Status] = typer.Option(None, "--status", help="open: horizon not over; due: over, unresolved (no horizon: a year after publication); resolved."),
    limit: int = typer.Option(100, "--limit", "-n", callback=non_negative, help="At most this many rows (0: all)."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """List stored forecasts, newest publication first.

    Example:
        lagebild forecasts --holder author --status due --since 2025-01-01
    """
    since_date, until_date = _date(since, "--since"), _date(until, "--until")
    with open_store(db) as store:
        rows = list_forecasts(
            store, holder=holder, actor=actor, since=since_date, until=until_date,
            status=status.value if status else None, limit=limit or None,
        )
    if fmt is TableFormat.jsonl:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    table = Table(title=Text(plain(f"{len(rows)} forecasts in {redact_db(db)}")), title_justify="left")
    # below NARROW columns (as `documents`) p and status stand under the holder, and the
    # condition and horizon under the forecast's text: as eight columns an 80-column
    # terminal folded the text into 4-letter pieces ("SPÖ-|Kamp|agne")
    narrow = console.width < NARROW
    cols = ("id", "published", "holder", "forecast") if narrow else (
        "id", "published", "holder", "p", "horizon", "status", "forecast", "condition")
    for col in cols:
        # a forecast id broken over lines cannot be copied into `lagebild resolve ID` (as in
        # `documents`): the id and the date never wrap; the text columns give way
        table.add_column(col, overflow="fold", no_wrap=col in ("id", "published"),
                         min_width=len("2025-04-19") if col == "published" else None,
                         max_width=14 if narrow and col == "holder" else None)
    for r in rows:
        holder_name = r.get("holder_text") or r["holder"]
        if r.get("holder_text") and r["holder"] not in ("author", r.get("holder_text")):
            holder_name = f"{r['holder_text']} ({r['holder']})"
        horizon = ""
        if r.get("horizon_start") or r.get("horizon_end"):
            horizon = f"{r.get('horizon_start') or '…'} – {r.get('horizon_end') or '…'}"
        p = "" if r.get("probability") is None else f"{r['probability']:.2f}"
        text = " ".join((r["text"] or "").split())[:160]
        condition = " ".join((r.get("condition") or "").split())[:80]
        if narrow:
            cells: tuple = (
                r["id"], r.get("published") or "",
                "\n".join(x for x in (holder_name or "", f"p {p}" if p else "", r["status"]) if x),
                "\n".join(x for x in (text, f"if: {condition}" if condition else "",
                                       f"horizon: {horizon}" if horizon else "") if x),
            )
        else:
            cells = (r["id"], r.get("published") or "", holder_name or "", p, horizon, r["status"], text, condition)
        table.add_row(*(Text(plain(c)) for c in cells))
    console.print(table)
