"""``lagebild score``: scorecards per holder — hit rate, Brier score (with its Murphy
decomposition), log score, calibration table, and a reliability diagram."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from ..errors import Errors, LagebildError, redact_db
from ..resolve import reliability_diagram, scorecards
from ..store.backends import missing_folder
from ._util import DbOption, ShowFormat, app, cells, console, err_console, open_store, plain


def _fmt(value: Optional[float], digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


@app.command("score")
def score_cli(
    db: str = DbOption,
    holder: Optional[str] = typer.Option(None, "--holder", help="Actor id, or part of the holder's name."),
    since: Optional[str] = typer.Option(None, "--since", help="Forecasts published on or after (YYYY-MM-DD)."),
    fmt: ShowFormat = typer.Option(ShowFormat.table, "--format", "-f", help="Output format."),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Write a reliability diagram (.png or .svg)."),
) -> None:
    """Scorecards of forecast holders from the analysts' decisions.

    Partly and void outcomes are counted apart and left out of hits and scores.

    Example:
        lagebild score --holder Portnikov --since 2024-01-01 --plot reliability.svg
    """
    fmt = fmt.value  # type: ignore[assignment]
    start = None
    if since:
        try:
            start = date.fromisoformat(since)
        except ValueError as e:
            raise typer.BadParameter(f"--since must be an ISO date (YYYY-MM-DD), not {since!r}") from e
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        err_console.print(Errors.E135.format(path=str(plot)), style="red", markup=False)
        raise typer.Exit(2)
    if plot is not None and missing_folder(plot) is not None:  # was a FileNotFoundError "bug" after scoring
        err_console.print(Errors.E054.format(folder=missing_folder(plot), path=plot), style="red", markup=False)
        raise typer.Exit(2)
    try:
        with open_store(db) as store:
            cards = scorecards(store, holder=holder, since=start)
    except LagebildError as e:
        err_console.print(str(e), style="red", markup=False)
        raise typer.Exit(2) from e
    if holder and not cards:  # an empty table alone left the user to guess: a typo, or no forecasts
        err_console.print(f"no forecast holder matches {holder!r}; `lagebild score` without --holder lists "
                          "every holder", style="yellow", markup=False, highlight=False)
    if plot is not None:
        reliability_diagram(cards, str(plot))
    if fmt == "json":
        typer.echo(json.dumps(cards, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"Scorecards ({len(cards)} holders) in {redact_db(db)}", title_justify="left")
    for col in ("holder", "fcasts", "resolved", "hits", "partly/void", "hit rate", "Brier", "REL/RES/UNC", "log"):
        table.add_column(col, overflow="fold")
    for c in cards:
        d = c["decomposition"] or {}
        table.add_row(*cells(
            c["holder"], str(c["forecasts"]), str(c["resolved"]), str(c["hits"]), f"{c['partly']}/{c['void']}",
            _fmt(c["hit_rate"], 2), _fmt(c["brier"]),
            "/".join(_fmt(d.get(k)) for k in ("reliability", "resolution", "uncertainty")) if d else "–",
            _fmt(c["log_score"]),
        ))
    console.print(table, markup=False)
    for c in cards:
        if c["calibration"]:
            bins = "; ".join(f"{r['bin']}: n={r['n']}, p={r['mean_p']:.2f}, observed {r['observed']:.2f}" for r in c["calibration"])
            console.print(plain(f"calibration of {c['holder']}: {bins}"), markup=False, highlight=False)
    if plot is not None:
        console.print(f"reliability diagram: {plot}", markup=False, highlight=False)
