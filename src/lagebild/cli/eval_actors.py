"""``lagebild eval actors``: precision/recall of actor linking on the gold sets in
benchmarks/gold/actors_{de,en}.jsonl, and the seed checks (skipped when it is absent)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table

from ..actors import evaluate as ev
from ._util import PipelineOption, cells, console, eval_app, plain, split_langs


def _fmt(v: Any) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


@eval_app.command("actors")
def eval_actors_cli(
    lang: str = typer.Option("de,en", "--lang", "-l", help="Comma-separated languages."),
    gold_dir: Optional[Path] = typer.Option(None, "--gold-dir", help="Folder with actors_<lang>.jsonl."),
    seed: Optional[Path] = typer.Option(None, "--seed", help="Seed document (default: ../shared/seed/…)."),
    errors: bool = typer.Option(False, "--errors", help="List every wrong, missed and spurious mention."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    blank: bool = typer.Option(False, "--blank", help="No model: tokenizer + KB only (the user KB is never used)."),
    pipeline: Optional[str] = PipelineOption,
) -> None:
    """Actor-id precision/recall per mention on the gold sets, and the seed checks.

    Example: lagebild eval actors --lang de,en --errors
    """
    results = {}
    for code in split_langs(lang):
        results[code] = ev.evaluate_gold(code, gold_dir or ev.GOLD_DIR, blank=blank)
    checks = ev.seed_checks(seed or ev.SEED, blank=blank)
    if as_json:
        out = {k: v.as_row() for k, v in results.items()}
        out["seed"] = checks  # type: ignore[assignment]
        console.print_json(json.dumps(out, ensure_ascii=False))
        return
    table = Table(title="Actor linking (actor id per mention; overlap match)", title_justify="left")
    cols = ["gold", "predicted", "precision", "recall", "f1", "exact_recall", "detection_recall"]
    table.add_column("set")
    for c in cols:
        table.add_column(c, justify="right")
    for code, s in results.items():
        row = s.as_row()
        table.add_row(code, *[_fmt(row[c]) for c in cols])
    console.print(table)
    for code, s in results.items():
        tags = Table(title=f"{code}: recall by tag", title_justify="left")
        tags.add_column("tag")
        tags.add_column("gold", justify="right")
        tags.add_column("recall", justify="right")
        for tag, c in sorted(s.by_tag.items()):
            tags.add_row(tag, str(c["gold"]), _fmt(c["correct"] / c["gold"] if c["gold"] else 0.0))
        console.print(tags)
        if errors:
            for e in s.errors:
                console.print(
                    plain(f"[{e['type']}] {e['mention']!r}: predicted={e['predicted']} gold={e['gold']}  | {e['text'][:90]}"),
                    markup=False, highlight=False,
                )
    if checks is None:
        console.print("Seed checks skipped: seed document not found.")
        return
    seed_table = Table(title="Seed checks (2025-04-19)", title_justify="left")
    for c in ("text", "expected", "found", "ids", "ok"):
        seed_table.add_column(c)
    for r in checks:
        seed_table.add_row(*cells(r["text"], r["expected"], r["found"], ",".join(r["ids"]), "yes" if r["ok"] else "NO"))
    console.print(seed_table)
    console.print(f"seed: {sum(r['ok'] for r in checks)}/{len(checks)} resolve correctly")
