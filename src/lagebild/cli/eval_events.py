"""``lagebild eval petrarch``: the event coder on the PETRARCH unit-test suite."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Optional

import typer
from rich.table import Table

from ._util import PipelineOption, console, eval_app, plain, safe, skipped, split_langs


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
    records: Optional[Path] = typer.Option(None, "--records", exists=True, dir_okay=False, help="PETR.UnitTest.records.xml (default: ../shared/data/petrarch2/)."),
    verbs: Optional[Path] = typer.Option(None, "--verbs", exists=True, dir_okay=False, help="Verb dictionary (default: PETR.Validate.verbs.txt next to the records)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to parse with (default: lagebild's English model)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N records."),
    errors: bool = typer.Option(False, "--errors", help="List every record whose triples differ."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    pipeline: Optional[str] = PipelineOption,
) -> None:
    """Precision, recall and F1 of (source, target, code) triples on the PETRARCH unit tests,
    overall and per record category, and the 2-digit root-code precision. Without
    ../shared (and no --records): "skipped: …", exit 0.

    Example:
        lagebild eval petrarch --limit 20 --errors
    """
    from ..events.evaluate import SHARED, evaluate_petrarch

    path = records or SHARED / "PETR.UnitTest.records.xml"
    if not path.is_file():
        skipped(f"PETRARCH unit tests not found at {path}")
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
                console.print(f"[bold]{safe(rec['id'])}[/bold] ({safe(rec['category'])}): {safe(rec['text'])}")
                console.print(safe(f"   gold: {rec['gold']}\n   pred: {rec['predicted']}"))


@eval_app.command("events")
def eval_events_cli(
    lang: str = typer.Option("de,en", "--lang", "-l", help="Comma-separated languages."),
    gold_dir: Optional[Path] = typer.Option(None, "--gold-dir", help="Folder with events_<lang>.jsonl (default: benchmarks/gold)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to use instead of lagebild's."),
    errors: bool = typer.Option(False, "--errors", help="List every sentence whose events differ."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    gold: Optional[str] = typer.Option(None, "--gold", help="Score on the honest real-news gold instead: real-de | real-en | gigaword."),
    split: str = typer.Option("dev", "--split", help="With --gold: dev | test (tune on dev only)."),
    pipeline: Optional[str] = PipelineOption,
    lines: Optional[str] = typer.Option(None, "--lines", help="With --gold: only these annotated articles (real-de line numbers, real-en page hashes, gigaword sentence keys; comma- or space-separated)."),
    mentions: bool = typer.Option(True, "--mentions/--no-mentions", help="With --gold: also predict each event at the later sentences lagebild merged into it as re-mentions (Event.mentions; --no-mentions: the rule before session 19)."),
    placement: str = typer.Option("trigger", "--placement", help="With --gold: place a predicted event in the gold sentence of its trigger word (default) or of its sentence's midpoint ('sentence', the rule before session 19)."),
) -> None:
    """End-to-end event coding. Default: the regression suite (tuned on) in benchmarks/gold:
    P/R/F1 of (source, target, root code), modality and negation accuracy of the matched events.
    With --gold real-de|real-en: recall, root and full-code precision, source accuracy and
    (source, target, root) F1 on hand-annotated real news, per construction.

    Example:
        lagebild eval events --lang de --errors
        lagebild eval events --gold real-de --split dev
        lagebild eval events --gold real-de --split dev --lines 400,406,425
    """
    if gold is not None:
        _real_events(gold, split, model, errors, as_json, lines, placement, mentions)
        return
    if lines is not None:
        raise typer.BadParameter("--lines needs --gold real-de|real-en|gigaword", param_hint="'--lines'")
    from ..events.evaluate import evaluate_gold

    results = {}
    for code in split_langs(lang):
        results[code] = evaluate_gold(code, gold_dir=gold_dir, model=model, details=errors)
    if as_json:
        console.print_json(json.dumps({k: {x: y for x, y in v.items() if x != "details" or errors} for k, v in results.items()}))
        return
    table = Table(title="Event regression suite (tuned on; benchmarks/gold/events_<lang>.jsonl): (source, target, root) triples", title_justify="left")
    for col in ("lang", "gold", "pred", "correct", "P", "R", "F1", "modality acc", "negation acc"):
        table.add_column(col, justify="right" if col != "lang" else "left")
    for code, r in results.items():
        table.add_row(code, str(r["gold"]), str(r["predicted"]), str(r["correct"]), f"{r['precision']:.3f}",
                      f"{r['recall']:.3f}", f"{r['f1']:.3f}", f"{r['modality_acc']:.3f}", f"{r['negation_acc']:.3f}")
    console.print(table)
    if errors:
        for code, r in results.items():
            for row in r["details"]:
                console.print(f"[bold]{code}[/bold] {safe(row['text'])}\n" + safe(f"   gold: {row['gold']}\n   pred: {row['predicted']}"))


def _fmt(v: Any) -> str:
    return "-" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def _real_events(gold: str, split: str, model: Optional[str], errors: bool, as_json: bool,
                 lines: Optional[str] = None, placement: str = "trigger", mentions: bool = True) -> None:
    """``eval events --gold real-de|real-en --split dev|test``."""
    from ..events import realeval

    if gold not in realeval.GOLDS:
        raise typer.BadParameter(f"{gold!r} is not one of {', '.join(map(repr, realeval.GOLDS))}", param_hint="'--gold'")
    if split not in ("dev", "test"):
        raise typer.BadParameter(f"{split!r} is not one of 'dev', 'test'", param_hint="'--split'")
    if not realeval.available(gold):
        skipped(f"the corpus behind {gold} is not in ../shared/data")
    if placement not in realeval.PLACEMENTS:
        raise typer.BadParameter(f"{placement!r} is not one of {', '.join(map(repr, realeval.PLACEMENTS))}", param_hint="'--placement'")
    only = realeval.parse_keys(lines)
    try:
        keys = realeval.select_articles(gold, split, only)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--lines'") from None
    r = realeval.evaluate(gold, split, model=model, details=errors, only=keys, placement=placement, mentions=mentions)
    if as_json:
        console.print_json(json.dumps({k: v for k, v in r.items() if k != "details"}))
    else:
        subset = ("" if only is None else ", --lines subset") + ("" if placement == "trigger" else f", placement by {placement}") + ("" if mentions else ", no re-mentions")
        table = Table(title=f"Events on real news, {gold} {split} (hand-annotated; {r['articles']} articles{subset})",
                      title_justify="left")
        rows = (("gold events", "gold"), ("predicted events", "predicted"),
                ("recall (source and root right)", "recall"), ("root precision on gold sentences", "root_precision"),
                ("full-code precision on gold sentences", "code_precision"), ("source accuracy (root matched)", "source_acc"),
                ("(source, target, root) precision", "triple_precision"), ("(source, target, root) recall", "triple_recall"),
                ("(source, target, root) F1", "triple_f1"), ("modality accuracy (recalled)", "modality_acc"),
                ("negation accuracy (recalled)", "negation_acc"))
        table.add_column("measure")
        table.add_column("value", justify="right")
        for label, key in rows:
            table.add_row(label, _fmt(r[key]))
        console.print(table)
        ct = Table(title="Per construction (gold events with the tag)", title_justify="left")
        for h in ("construction", "gold", "recall (src+root)", "triple recall"):
            ct.add_column(h, justify="right" if h != "construction" else "left")
        for tag, row in r["per_construction"].items():
            ct.add_row(tag, str(row["gold"]), _fmt(row["recall"]), _fmt(row["triple_recall"]))
        console.print(ct)
    if errors:
        for line in realeval.format_details(gold, r.get("details", [])):
            console.print(plain(line), markup=False, highlight=False)
