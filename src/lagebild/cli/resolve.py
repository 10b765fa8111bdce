"""``lagebild resolve``: forecasts due for a decision, their ranked evidence, and the
analyst's decision (true / false / partly / void), which can be undone."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from ..errors import Errors, LagebildError, redact_db
from ..resolve import OUTCOMES, history, record, resolution_queue, undo
from ..resolve.candidates import one_forecast
from ..resolve.decisions import premature
from ..store import Store
from ._util import NARROW, DbOption, ShowFormat, app, cells, console, err_console, non_negative, open_store, plain


def _outcome(value: Optional[str]) -> Optional[str]:
    """``--outcome`` checked against :data:`OUTCOMES`: an unknown value is the coded
    [E133] naming the accepted values (exit 2), as the library's ``record`` refuses it,
    rather than typer's usage error (the CLI's choice list lived only in --help)."""
    if value is None or value in OUTCOMES:
        return value
    err_console.print(Errors.E133.format(value=value, choices=", ".join(OUTCOMES)), style="red",
                      markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _as_of(value: Optional[str]) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise typer.BadParameter(f"--as-of must be an ISO date (YYYY-MM-DD), not {value!r}") from e


def _exists(db: str) -> None:
    open_store(db).close()  # [E040] for a missing DuckDB file: a decision never creates a database


@app.command("resolve")
def resolve_cli(
    forecast: Optional[str] = typer.Argument(None, help="A forecast id (<document id>:f<index>) to decide on."),
    db: str = DbOption,
    as_of: Optional[str] = typer.Option(None, "--as-of", help="List forecasts due by this date; with --outcome: the day the decision judges (W135 if a 'false' comes before the horizon ends). Default: today."),
    fmt: ShowFormat = typer.Option(ShowFormat.table, "--format", "-f", help="Output format."),
    include_open: bool = typer.Option(False, "--all", help="Also list undecided forecasts still open without evidence."),
    holder: Optional[str] = typer.Option(None, "--holder", help="Only this holder (actor id or part of the name)."),
    limit: int = typer.Option(3, "--candidates", "-k", callback=non_negative, help="Candidates shown per forecast."),
    outcome: Optional[str] = typer.Option(None, "--outcome", "-o", help=f"Decide: one of {', '.join(OUTCOMES)}."),
    evidence: List[str] = typer.Option([], "--evidence", "-e", help="Event id (<doc>:e<idx>) or document id; repeatable."),
    note: Optional[str] = typer.Option(None, "--note", "-m", help="Why (kept with the decision)."),
    by: Optional[str] = typer.Option(None, "--by", help="Who decides (default: $LAGEBILD_ANALYST or the login name)."),
    undo_: bool = typer.Option(False, "--undo", help="Undo the current decision on FORECAST (history is kept)."),
    show_history: bool = typer.Option(False, "--history", help="Show every decision in the store (undone ones too)."),
) -> None:
    """List forecasts due by --as-of with ranked evidence, or record a decision.

    With FORECAST alone: its candidates, current decision and history. Proposals are
    never stored; only --outcome (or --undo) writes.

    Examples:
        lagebild resolve --as-of 2025-12-31 --format json
        lagebild resolve ff75b4d61915614d:f1 --outcome true --evidence c6df78b83ebb1630:e0 --note "Reuters, 3 June"
        lagebild resolve ff75b4d61915614d:f1 --undo
    """
    fmt = fmt.value  # type: ignore[assignment]
    outcome = _outcome(outcome)
    if (outcome or undo_) and not forecast:
        raise typer.BadParameter("--outcome and --undo need a FORECAST id")
    if outcome and undo_:
        raise typer.BadParameter("give --outcome or --undo, not both")
    _exists(db)
    try:
        # only a decision writes: listing, one forecast and the history read (on DuckDB
        # they run beside the workbench, which holds the file)
        with Store(db, read_only=not (outcome or undo_)) as store:
            if outcome:
                day = _as_of(as_of)  # a bad date is refused before anything is written
                row = record(store, forecast, outcome, evidence=evidence, note=note, by=by)  # type: ignore[arg-type]
                early = premature(store, forecast, outcome, day)  # type: ignore[arg-type]
                if early:
                    row["warnings"] = [early]
                    err_console.print(early, style="yellow", markup=False, highlight=False, soft_wrap=True)
                was = row.get("replaces")
                _echo(fmt, row, f"{row['forecast_id']}: {outcome} (by {row['decided_by']}, decision {row['seq']})"
                      + (f"; replaces decision {was['seq']} ({was['outcome']} by {was['decided_by']}), kept in the "
                         "history" if was else ""))
                return
            if undo_:
                row = undo(store, forecast, by=by)  # type: ignore[arg-type]
                _echo(fmt, row, f"{row['forecast_id']}: undid decision {row['seq']} ({row['outcome']})")
                return
            if show_history and not forecast:
                rows = history(store)
                if fmt == "json":
                    typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
                else:
                    _history_table(rows)
                return
            if forecast:
                item = one_forecast(store, forecast, _as_of(as_of), limit=limit)
                if fmt == "json":
                    typer.echo(json.dumps(item, ensure_ascii=False, indent=2, default=str))
                else:
                    _queue_table([item], db, title=f"forecast {item['forecast_id']} in {redact_db(db)}" + (
                        "" if item.get("decision") else " (no decision yet)"))
                    _history_table(item["history"])
                return
            left_out: dict = {}
            items = resolution_queue(store, _as_of(as_of), include_open=include_open, limit=limit,
                                     left_out=left_out)
            if holder:
                items = [i for i in items if i["holder_id"] == holder or holder.lower() in i["holder"].lower()]
    except LagebildError as e:
        err_console.print(str(e), style="red", markup=False)
        raise typer.Exit(2) from e
    if fmt == "json":
        typer.echo(json.dumps(items, ensure_ascii=False, indent=2, default=str))
    else:
        _queue_table(items, db)
    if not holder and (left_out.get("not_due") or left_out.get("undated")):
        err_console.print(
            f"not listed: {left_out['not_due']} undecided forecast(s) not due by {_as_of(as_of) or 'today'}, "
            f"{left_out['undated']} with no horizon and no publication date (never due); --all lists them",
            markup=False, highlight=False, soft_wrap=True)


def _echo(fmt: str, row: dict, line: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(row, ensure_ascii=False, default=str))
    else:
        console.print(line, markup=False, highlight=False, soft_wrap=True)


def _queue_table(items: list, db: str, title: str = "") -> None:
    """The resolution queue as a table; below :data:`~lagebild.cli._util.NARROW` columns
    in three columns (holder, p and status under the id; the proposal under the
    candidates): at 100 columns the seven columns folded the forecast text into a
    13-character strip."""
    title = title or f"{len(items)} forecasts awaiting a decision in {redact_db(db)}"
    narrow = console.width < NARROW
    table = Table(title=plain(title), title_justify="left", show_lines=True)
    columns = (("forecast", "text / condition", "candidates (score: why) / proposal") if narrow else
               ("forecast", "holder", "p", "status", "text / condition", "candidates (score: why)", "proposal"))
    for col in columns:
        # an id to copy: never broken (narrow: the column also holds holder and status; the
        # id is one word, which rich keeps whole while the column can hold it)
        table.add_column(col, overflow="fold", no_wrap=col == "forecast" and not narrow)
    for it in items:
        cands = "\n".join(
            f"{c['event_id']} {c['score']:.2f}: {c['cameo']} {c['source'] or '-'}→{c['target'] or '-'} on {c['date']}; "
            + "; ".join(c["reasons"][:2])
            for c in it["candidates"]
        )
        text = it["text"][:160] + (f"\nif: {it['condition']}" if it.get("condition") else "")
        prop = it["proposal"]
        dec = it.get("decision")
        status = f"resolved: {dec['outcome']} (decision {dec['seq']}, {dec['decided_by']})" if dec else it["status"]
        p = "" if it["probability"] is None else f"{it['probability']:.2f}"
        proposal = f"{prop['outcome']}: {prop['reason']}" if prop else ""
        if narrow:
            who = "\n".join(v for v in (it["forecast_id"], it["holder"], p and f"p {p}", status) if v)
            table.add_row(*cells(who, text, "\n".join(v for v in (cands, proposal and f"proposal: {proposal}") if v)))
        else:
            table.add_row(*cells(it["forecast_id"], it["holder"], p, status, text, cands, proposal))
    console.print(table, markup=False)


def _history_table(rows: list) -> None:
    table = Table(title=f"{len(rows)} decisions", title_justify="left")
    for col in ("forecast", "#", "outcome", "by", "at", "evidence", "note", "undone"):
        table.add_column(col, overflow="fold", no_wrap=col == "forecast")
    for r in rows:
        ev = ", ".join(e.get("event_id") or e.get("document_id") for e in (r.get("evidence") or []))
        undone = f"{r['undone_by']} {r['undone_at']}" if r.get("undone_at") else ""
        table.add_row(*cells(r["forecast_id"], r["seq"], r["outcome"], r["decided_by"], str(r["decided_at"])[:19],
                             ev, r.get("note"), undone))
    console.print(table, markup=False)
