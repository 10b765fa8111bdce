"""``lagebild eval syntax|ner --lang de``: scores of the linguistic pipelines on held-out data."""
from __future__ import annotations

import json
from typing import Any, Dict, Optional

import typer
from rich.table import Table

from ._util import Lang, PipelineOption, console, eval_app, skipped

LangOption = typer.Option(Lang.de, "--lang", "-l", help="Language.")
ModelOption = typer.Option(
    None, "--model", "-m", help="spaCy pipeline name or path (default: lagebild's own model)."
)
JsonOption = typer.Option(False, "--json", help="Print the scores as JSON instead of a table.")
RunsOption = typer.Option(5, "--speed-runs", min=0, help="Runs for the median words/s (0: skip).")
GuardOption = typer.Option(True, "--guard/--no-guard", help="Run the sentence guard before the parser, "
                           "as every analysis does (default); --no-guard scores the trained models alone.")


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.4f}" if v <= 1.0 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _run(task: str, lang: Lang, model: Optional[str], as_json: bool, runs: int,
         dataset: Optional[str] = None, guard: bool = True) -> None:
    from ..language.evaluate import evaluate

    try:
        res = evaluate(task, lang.value, model=model, speed_runs=runs, dataset=dataset, guard=guard)
    except FileNotFoundError as e:
        # the held-out data lives in ../shared: absent data is a skip, like every eval
        skipped(str(e))
    if as_json:
        console.print_json(json.dumps(res))
        return
    guarded = "sentence guard" if res.get("sentence_guard") else "no sentence guard"
    table = Table(title=f"{task} · {lang.value} · {res['model']} ({res['pipeline']}, {guarded}) · {res['dataset']}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    if task == "syntax":
        for key in ("upos", "xpos", "morph", "uas", "las", "sents_f", "lemma"):
            table.add_row(key, _fmt(res.get(key)))
        for feat, val in (res.get("morph_per_feat") or {}).items():
            table.add_row(f"morph {feat} (F)", _fmt(val))
    else:
        for key in ("precision", "recall", "f1"):
            table.add_row(key, _fmt(res.get(key)))
        per: Dict[str, Dict[str, float]] = res.get("per_label") or {}
        for label, sc in per.items():
            table.add_row(f"{label} P/R/F1", " / ".join(_fmt(sc[k]) for k in ("p", "r", "f1")))
    table.add_row("tokens", _fmt(res["tokens"]))
    table.add_row("words/s (median, wall clock)", _fmt(res.get("words_per_second")))
    table.add_row("words/s (median, CPU time)", _fmt(res.get("words_per_cpu_second")))
    console.print(table)


@eval_app.command("syntax")
def eval_syntax(lang: Lang = LangOption, model: Optional[str] = ModelOption,
                as_json: bool = JsonOption, speed_runs: int = RunsOption,
                pipeline: Optional[str] = PipelineOption, guard: bool = GuardOption) -> None:
    """UPOS, XPOS, morphology, UAS/LAS, sentence F, lemma accuracy on the held-out treebank
    (German: UD GSD dev; English: UD EWT test). Without ../shared: "skipped: …", exit 0.

    Example:
        lagebild eval syntax --lang en --speed-runs 0
    """
    _run("syntax", lang, model, as_json, speed_runs, guard=guard)


@eval_app.command("ner")
def eval_ner(lang: Lang = LangOption, model: Optional[str] = ModelOption,
             as_json: bool = JsonOption, speed_runs: int = RunsOption,
             pipeline: Optional[str] = PipelineOption, guard: bool = GuardOption,
             dataset: Optional[str] = typer.Option(
                 None, "--dataset", help="English: uner-ewt (UNER English-EWT test) instead of held-out "
                 "wikigold; German: smartdata (DFKI SmartData test) instead of held-out GermEval. "
                 "Both PER/LOC/ORG only: predicted MISC is not counted.")) -> None:
    """NER precision/recall/F1 per label on the held-out part (every 10th sentence) of
    GermEval 2014 (German) or wikigold (English), or on UNER English-EWT test
    (--dataset uner-ewt) or SmartData test (--dataset smartdata). Without ../shared: "skipped: …", exit 0.

    Example:
        lagebild eval ner --lang de --speed-runs 0 --pipeline accurate
    """
    _run("ner", lang, model, as_json, speed_runs, dataset, guard=guard)
