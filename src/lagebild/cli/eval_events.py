"""``lagebild eval petrarch``: the event coder on the PETRARCH unit-test suite."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Optional

import typer
from rich.table import Table

from ._util import console, eval_app


def _table(result: Dict[str, Any]) -> Table:
    table = Table(title="PETRARCH unit tests: (source, target, code) triples", title_justify="left")
    for col in ("set", "gold", "pred", "correct", "P", "R", "F1"):
        table.add_column(col, justify="right" if col != "set" else "left", no_wrap=True)
    rows = [("overall", result["overall"])] + list(result["categories"].items())
    for name, r in rows:
        table.add_row(name, str(r["gold"]), str(r["predicted"]), str(r["correct"]),
                      f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}")
    return table


@eval_app.command("petrarch")
def eval_petrarch_cli(
    records: Optional[Path] = typer.Option(None, "--records", help="PETR.UnitTest.records.xml (default: ../shared/data/petrarch2/)."),
    verbs: Optional[Path] = typer.Option(None, "--verbs", help="Verb dictionary (default: PETR.Validate.verbs.txt next to the records)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to parse with (default: lagebild's English model)."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N records."),
    errors: bool = typer.Option(False, "--errors", help="List every record whose triples differ."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Precision, recall and F1 of (source, target, code) triples on the PETRARCH unit tests,
    overall and per record category, and the 2-digit root-code precision.

    Example:
        lagebild eval petrarch --errors
    """
    from ..events.evaluate import SHARED, evaluate_petrarch

    path = records or SHARED / "PETR.UnitTest.records.xml"
    if not path.is_file():
        console.print(f"PETRARCH unit tests not found at {path}; skipped.")
        raise typer.Exit(0)
    result = evaluate_petrarch(path, verbs=verbs, model=model, limit=limit, details=errors)
    if as_json:
        result = {k: v for k, v in result.items() if k != "details" or errors}
        console.print_json(json.dumps(result))
        return
    console.print(_table(result))
    console.print(f"2-digit root-code precision: {result['root_precision']:.3f}   "
                  f"records: {result['records']}   coding+parsing: {result['seconds']:.1f} s")
    if errors:
        for rec in result["details"]:
            if set(map(tuple, rec["gold"])) != set(map(tuple, rec["predicted"])):
                console.print(f"[bold]{rec['id']}[/bold] ({rec['category']}): {rec['text']}")
                console.print(f"   gold: {rec['gold']}\n   pred: {rec['predicted']}")
