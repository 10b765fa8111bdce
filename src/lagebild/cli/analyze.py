"""``lagebild analyze``: print the analysis of files (nothing is stored)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..batch import analyze_items
from ..ingest.readers import IngestFailure, iter_items
from ._render import render_document
from ._util import app, console, err_console

FORMATS = ("json", "jsonl", "table")


@app.command("analyze")
def analyze_cli(
    paths: List[Path] = typer.Argument(..., help="Text/HTML/JSONL/feed/WARC files or folders."),
    fmt: str = typer.Option("json", "--format", "-f", help="json | jsonl | table"),
    language: Optional[str] = typer.Option(None, "--lang", help="Force a language (de, en)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline name or path to use instead of the shipped one."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="text | html | jsonl | feed | warc (default: detect)."),
    tokens: bool = typer.Option(False, "--tokens", help="Include token offsets [start, end) into text."),
) -> None:
    """Analyse documents and print the result (PRODUCT.md's JSON contract).

    One JSON object for one document; one per line for a folder, several inputs or
    --format jsonl. Exit code 1 if any document failed.

    Example:
        lagebild analyze examples/de_gipfel.txt --format table
    """
    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    one = len(paths) == 1 and paths[0].is_file() and fmt == "json"
    failed = 0
    results = analyze_items(
        iter_items(paths, fmt=input_format), language=language, model=model, with_tokens=tokens
    )
    for _path, result in results:
        if isinstance(result, IngestFailure):
            failed += 1
            err_console.print(f"[red]failed[/red] {result.source}: {result.reason}")
            continue
        if fmt == "table":
            console.print(render_document(result))
        elif one:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    raise typer.Exit(1 if failed else 0)
