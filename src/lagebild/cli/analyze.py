"""``lagebild analyze``: print the analysis of files (nothing is stored)."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ..batch import analyze_items
from ..ingest.readers import IngestFailure, iter_items
from ._render import render_document
from ._util import NARROW, Lang, PipelineOption, app, console, err_console, lang_value, safe


class AnalyzeFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class InputFormat(str, Enum):
    text = "text"
    html = "html"
    jsonl = "jsonl"
    feed = "feed"
    warc = "warc"


FORMATS = tuple(f.value for f in AnalyzeFormat)

ModelOption = typer.Option(None, "--model", help="spaCy pipeline name or path to use instead of the shipped one.")
InputFormatOption = typer.Option(None, "--input-format", help="Reader to use (default: detect from the file).")


def print_failure(failure: IngestFailure) -> None:
    """One line per failed document on stderr; the path and reason are data, not markup."""
    err_console.print(
        f"[red]failed[/red] {safe(failure.source, oneline=True)}: {safe(failure.reason, oneline=True)}", soft_wrap=True
    )


@app.command("analyze")
def analyze_cli(
    paths: List[Path] = typer.Argument(..., help="Text/HTML/JSONL/feed/WARC files or folders."),
    fmt: AnalyzeFormat = typer.Option(AnalyzeFormat.json, "--format", "-f", help="Output format."),
    language: Optional[Lang] = typer.Option(None, "--lang", help="Force a language."),
    model: Optional[str] = ModelOption,
    input_format: Optional[InputFormat] = InputFormatOption,
    tokens: bool = typer.Option(False, "--tokens", help="Include token offsets [start, end) into text."),
    pipeline: Optional[str] = PipelineOption,
) -> None:
    """Analyse documents and print the result (PRODUCT.md's JSON contract).

    One JSON object for one document; one per line for a folder, several inputs or
    --format jsonl. Exit code 1 if any document failed, 2 for a usage or setup error
    (e.g. a --model that is not installed).

    Example:
        lagebild analyze examples/de_verhandlungen.txt --format table
    """
    one = len(paths) == 1 and paths[0].is_file() and fmt is AnalyzeFormat.json
    failed = 0
    results = analyze_items(
        iter_items(paths, fmt=input_format.value if input_format else None),
        language=lang_value(language), model=model, with_tokens=tokens,
    )
    for _path, result in results:
        if isinstance(result, IngestFailure):
            failed += 1
            print_failure(result)
            continue
        if fmt is AnalyzeFormat.table:
            console.print(render_document(result, narrow=console.width < NARROW))
        elif one:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    raise typer.Exit(1 if failed else 0)
