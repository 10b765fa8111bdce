"""``lagebild eval forecasts`` / ``lagebild eval statements``: precision and recall of
forecast and statement detection and of holder/speaker attribution on the gold sets in
benchmarks/gold/, plus the checks on the seed document (skipped when it is absent)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

import typer
from rich.table import Table

from ..forecasts import evaluate as fc_eval
from ..statements import evaluate as st_eval
from ._util import console, eval_app

LangsOption = typer.Option("de,en", "--lang", "-l", help="Comma-separated languages.")
GoldOption = typer.Option(None, "--gold-dir", help="Folder with forecasts_<lang>.jsonl (default: benchmarks/gold).")
ErrorsOption = typer.Option(False, "--errors", help="Also list every miss, false alarm and wrong holder.")
JsonOption = typer.Option(False, "--json", help="Print the scores as JSON.")


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


HEADERS = {
    "gold": "gold", "predicted": "pred", "precision": "P", "recall": "R", "f1": "F1",
    "holder_precision": "holder P", "holder_recall": "holder R", "speaker_precision": "speaker P",
    "speaker_recall": "speaker R", "probability_mae": "p MAE", "condition_acc": "cond acc",
    "negation_acc": "neg acc", "kind_acc": "kind acc", "commitment_acc": "commit acc",
}


def _table(title: str, rows: Dict[str, Dict[str, Any]]) -> Table:
    cols = list(next(iter(rows.values())).keys()) if rows else []
    table = Table(title=title, title_justify="left")
    table.add_column("set", no_wrap=True)
    for c in cols:
        table.add_column(HEADERS.get(c, c), justify="right", no_wrap=True)
    for lang, r in rows.items():
        table.add_row(lang, *[_fmt(r[c]) for c in cols])
    return table


@eval_app.command("forecasts")
def eval_forecasts_cli(
    lang: str = LangsOption,
    gold_dir: Optional[Path] = GoldOption,
    seed: Optional[Path] = typer.Option(None, "--seed", help="Seed document (default: ../shared/seed/…)."),
    errors: bool = ErrorsOption,
    as_json: bool = JsonOption,
) -> None:
    """Forecast detection and holder attribution P/R on the gold sets, and the seed checks.

    Example:
        lagebild eval forecasts --lang de --errors
    """
    out: Dict[str, Any] = {"forecasts": {}, "statements": {}}
    errs: List[str] = []
    for code in [c.strip() for c in lang.split(",") if c.strip()]:
        for split in ("dev", "test", "test2", None):
            sc = fc_eval.evaluate_gold(code, gold_dir or fc_eval.GOLD_DIR, split)
            if sc is not None:
                out["forecasts"][f"{code} {split or 'all'}"] = sc.as_dict()
                if split is None:
                    errs += sc.errors
        for split in ("dev", "test", None):
            ss = st_eval.evaluate_gold(code, gold_dir or fc_eval.GOLD_DIR, split)
            if ss is not None:
                out["statements"][f"{code} {split or 'all'}"] = ss.as_dict()
                if split is None:
                    errs += ss.errors
    seed_rows = fc_eval.check_seed(seed or fc_eval.SEED_PATH)
    out["seed"] = seed_rows
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if out["forecasts"]:
        console.print(_table("Forecasts (benchmarks/gold/forecasts_<lang>.jsonl)", out["forecasts"]))
    if out["statements"]:
        console.print(_table("Statements (benchmarks/gold/statements_<lang>.jsonl)", out["statements"]))
    if seed_rows is None:
        console.print("[yellow]Seed document not found; seed checks skipped.[/yellow]")
    else:
        table = Table(title="Seed document checks", title_justify="left")
        for c in ("check", "ok", "detail"):
            table.add_column(c, overflow="fold")
        for r in seed_rows:
            table.add_row(r["check"], "[green]yes[/green]" if r["ok"] else "[red]no[/red]", r["detail"])
        console.print(table)
    if errors:
        for e in errs:
            console.print(e, markup=False, highlight=False)


@eval_app.command("statements")
def eval_statements_cli(
    lang: str = LangsOption,
    gold_dir: Optional[Path] = GoldOption,
    errors: bool = ErrorsOption,
    as_json: bool = JsonOption,
) -> None:
    """Statement detection and speaker attribution P/R on the gold sets.

    Example:
        lagebild eval statements --lang en
    """
    rows: Dict[str, Any] = {}
    errs: List[str] = []
    for code in [c.strip() for c in lang.split(",") if c.strip()]:
        for split in ("dev", "test", None):
            ss = st_eval.evaluate_gold(code, gold_dir or fc_eval.GOLD_DIR, split)
            if ss is not None:
                rows[f"{code} {split or 'all'}"] = ss.as_dict()
                if split is None:
                    errs += ss.errors
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if rows:
        console.print(_table("Statements", rows))
    if errors:
        for e in errs:
            console.print(e, markup=False, highlight=False)


@eval_app.command("forecast-sample")
def eval_forecast_sample_cli(
    path: Path = typer.Argument(..., help="Texts: JSON Lines with 'text', 'label;text' CSV lines, or one text per line."),
    lang: str = typer.Option("de", "--lang", "-l"),
    seed: int = typer.Option(0, "--seed"),
    n: int = typer.Option(40, "--n", help="How many random texts."),
) -> None:
    """Print the forecasts found in n random texts, to judge precision by hand on real text.

    Example:
        lagebild eval forecast-sample ../shared/data/news-de/10kGNAD-test.csv --seed 4242
    """
    for row in fc_eval.sample_forecasts(path, lang, seed=seed, n=n):
        typer.echo(json.dumps(row, ensure_ascii=False))
