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
from ._util import Lang, PipelineOption, cells, console, eval_app, plain, skipped, split_langs

LangsOption = typer.Option("de,en", "--lang", "-l", help="Comma-separated languages.")
GoldOption = typer.Option(None, "--gold-dir", help="Folder with forecasts_<lang>.jsonl (default: benchmarks/gold).")
ErrorsOption = typer.Option(False, "--errors", help="Also list every miss, false alarm and wrong holder.")
JsonOption = typer.Option(False, "--json", help="Print the scores as JSON.")
RealGoldOption = typer.Option(None, "--gold", help="Score on the honest real-news gold instead: real-de.")
SplitOption = typer.Option("dev", "--split", help="With --gold: dev | test (tune on dev only).")
LinesOption = typer.Option(None, "--lines", help="With --gold real-de: only these annotated articles, comma-separated lines (e.g. a fresh batch, out of sample).")


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
    gold: Optional[str] = RealGoldOption,
    split: str = SplitOption,
    pipeline: Optional[str] = PipelineOption,
    lines: Optional[str] = LinesOption,
) -> None:
    """Forecast detection and holder attribution P/R. Default: the regression suite (tuned
    on) in benchmarks/gold and the seed checks; with --gold real-de: the hand-annotated real
    news gold, one split.

    Example:
        lagebild eval forecasts --lang de --errors
        lagebild eval forecasts --gold real-de --split dev
        lagebild eval forecasts --gold real-de --split dev --lines 635,648,656
    """
    if gold is not None:
        _real("forecasts", gold, split, errors, as_json, _line_set(lines))
        return
    out: Dict[str, Any] = {"forecasts": {}, "statements": {}}
    errs: List[str] = []
    for code in split_langs(lang):
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
        console.print(_table("Forecasts: regression suite (tuned on; benchmarks/gold/forecasts_<lang>.jsonl)", out["forecasts"]))
    if out["statements"]:
        console.print(_table("Statements: regression suite (tuned on; benchmarks/gold/statements_<lang>.jsonl)", out["statements"]))
    if seed_rows is None:
        console.print("[yellow]Seed document not found; seed checks skipped.[/yellow]")
    else:
        table = Table(title="Seed document checks", title_justify="left")
        for c in ("check", "ok", "detail"):
            table.add_column(c, overflow="fold")
        for r in seed_rows:
            check, detail = cells(r["check"], r["detail"])
            table.add_row(check, "[green]yes[/green]" if r["ok"] else "[red]no[/red]", detail)
        console.print(table)
    if errors:
        for e in errs:
            console.print(plain(e), markup=False, highlight=False)


@eval_app.command("statements")
def eval_statements_cli(
    lang: str = LangsOption,
    gold_dir: Optional[Path] = GoldOption,
    errors: bool = ErrorsOption,
    as_json: bool = JsonOption,
    gold: Optional[str] = RealGoldOption,
    split: str = SplitOption,
    pipeline: Optional[str] = PipelineOption,
    lines: Optional[str] = LinesOption,
) -> None:
    """Statement detection and speaker attribution P/R. Default: the regression suite (tuned
    on) in benchmarks/gold; with --gold real-de: the hand-annotated real news gold, one split.

    Example:
        lagebild eval statements --lang en
        lagebild eval statements --gold real-de --split dev
        lagebild eval statements --gold real-de --split dev --lines 400,406
    """
    if gold is not None:
        _real("statements", gold, split, errors, as_json, _line_set(lines))
        return
    rows: Dict[str, Any] = {}
    errs: List[str] = []
    for code in split_langs(lang):
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
        console.print(_table("Statements: regression suite (tuned on; benchmarks/gold/statements_<lang>.jsonl)", rows))
    if errors:
        for e in errs:
            console.print(plain(e), markup=False, highlight=False)


def _line_set(lines: Optional[str]) -> Optional[List[int]]:
    """``--lines "635, 648"`` (commas and/or spaces, as ``eval events --lines``) as a list of
    line numbers; None when not given."""
    from ..events import realeval as ev_real

    if lines is None:
        return None
    keys = ev_real.parse_keys(lines)
    if not keys:
        raise typer.BadParameter("no line numbers given", param_hint="'--lines'")
    try:
        return [int(x) for x in keys]
    except ValueError:
        raise typer.BadParameter(f"{lines!r} is not a list of line numbers", param_hint="'--lines'") from None


def _real(what: str, gold: str, split: str, errors: bool, as_json: bool, lines: Optional[List[int]] = None) -> None:
    """``eval statements|forecasts --gold real-de --split dev|test [--lines …]``."""
    from ..events import realeval as ev_real

    if gold != "real-de":
        raise typer.BadParameter(f"{gold!r} is not one of 'real-de' (statements and forecasts)", param_hint="'--gold'")
    if split not in ("dev", "test"):
        raise typer.BadParameter(f"{split!r} is not one of 'dev', 'test'", param_hint="'--split'")
    if not ev_real.available(gold):
        skipped(f"the corpus behind {gold} is not in ../shared/data")
    if what == "statements":
        from ..statements import realeval
        who = "speaker_acc"
    else:
        from ..forecasts import realeval  # type: ignore[no-redef]
        who = "holder_acc"
    try:
        r = realeval.evaluate(gold, split, details=errors, **({"lines": lines} if lines is not None else {}))
    except ValueError as exc:  # --lines names an article that is not annotated for this layer
        raise typer.BadParameter(str(exc), param_hint="'--lines'") from None
    if as_json:
        typer.echo(json.dumps({k: v for k, v in r.items() if k != "details"}, indent=2))
    else:
        cols = ["articles", "gold", "predicted", "precision", "recall", "f1", who]
        cols += ["kind_acc"] if what == "statements" else ["condition_acc"]
        cols += ["hard_negatives", "hard_negative_alarms"]
        cols += [c for c in (f"{who[:-4]}_wrong_mention", f"{who[:-4]}_wrong_code") if c in r]
        table = Table(title=f"{what.capitalize()} on real news, {gold} {split} (hand-annotated)", title_justify="left")
        table.add_column("measure")
        table.add_column("value", justify="right")
        for c in cols:
            table.add_row(c.replace("_", " "), _fmt(r[c]))
        console.print(table)
    if errors:
        from ..events.realeval import raw_text
        for row in r.get("details", []):
            raw = raw_text(gold, row["article"])
            for key in ("missed", "false", "wrong_holder", "wrong_speaker"):
                for item in row.get(key, []):
                    span = item[0] if key.startswith("wrong") else item
                    console.print(plain(f"{row['article']} {key}: {item}\n   {raw[span[0]:span[1]]}"), markup=False, highlight=False)


@eval_app.command("forecast-sample")
def eval_forecast_sample_cli(
    path: Path = typer.Argument(..., help="Texts: JSON Lines with 'text', 'label;text' CSV lines, or one text per line."),
    lang: Lang = typer.Option(Lang.de, "--lang", "-l", help="Language of the texts."),
    seed: int = typer.Option(0, "--seed"),
    n: int = typer.Option(40, "--n", min=1, help="How many random texts."),
) -> None:
    """Print the forecasts found in n random texts, to judge precision by hand on real text.

    Example:
        lagebild eval forecast-sample ../shared/data/news-de/10kGNAD-test.csv --seed 4242
    """
    if not path.is_file():
        if "shared" in path.parts:
            skipped(f"{path} not found (the ../shared data folder beside the repo is absent)")
        raise typer.BadParameter(f"no file {str(path)!r}", param_hint="'PATH'")
    for row in fc_eval.sample_forecasts(path, lang.value, seed=seed, n=n):
        typer.echo(json.dumps(row, ensure_ascii=False))
