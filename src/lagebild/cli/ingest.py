"""``lagebild ingest``: analyse documents into the database."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..batch import ingest_paths
from ..ingest.readers import IngestFailure, iter_files
from ..store import Store
from ._util import DbOption, app, console, err_console


@app.command("ingest")
def ingest_cli(
    paths: List[Path] = typer.Argument(..., help="Text/HTML/JSONL/feed/WARC files or folders."),
    db: str = DbOption,
    language: Optional[str] = typer.Option(None, "--lang", help="Force a language (de, en)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline name or path."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="text | html | jsonl | feed | warc."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Analyse documents and store them (re-ingesting replaces, never duplicates).

    Bad documents are reported with their path and reason and the batch goes on; the exit
    code is 1 if any failed, 130 if interrupted (finished documents stay stored).

    Example:
        lagebild ingest articles/ --db news.duckdb
    """
    files = [f for f in iter_files(paths) if not isinstance(f, IngestFailure)]
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.fields[status]}"), console=err_console, disable=quiet, transient=False,
    )
    seen: set = set()
    with Store(db) as store, progress:
        task = progress.add_task("ingest", total=len(files) or None, status="")

        def on_item(path, result) -> None:  # type: ignore[no-untyped-def]
            if isinstance(result, IngestFailure):
                progress.console.print(f"[red]failed[/red] {result.source}: {result.reason}")
            if path is not None and path not in seen:
                seen.add(path)
                progress.advance(task)
            progress.update(task, status=f"{result.source if isinstance(result, IngestFailure) else result.title or result.id}"[:50])

        report = ingest_paths(paths, store, fmt=input_format, language=language, model=model, on_item=on_item)
        total = store.count()
    console.print(
        f"stored {report.stored} new, {report.updated} updated, {len(report.failures)} failed"
        f"{', ' + str(report.partial) + ' partial' if report.partial else ''}; {total} documents in {db}"
    )
    if report.interrupted:
        err_console.print("[yellow]interrupted[/yellow]: finished documents are stored")
        raise typer.Exit(130)
    raise typer.Exit(0 if report.ok else 1)
