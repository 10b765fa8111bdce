"""``lagebild ingest``: analyse documents into the database."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..batch import ingest_paths
from ..ingest.readers import IngestFailure, iter_files
from ..incidents import refresh_incidents
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
    workers: int = typer.Option(0, "--workers", "-w", help="Analysis processes (default: the number of cores, or 1 — this process — for fewer than 16 documents per core)."),
    engine: str = typer.Option("local", "--engine", help="local | ray (Ray Data; writes Parquet with --out, else into --db)."),
    address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address (default: start a local Ray)."),
    out: Optional[Path] = typer.Option(None, "--out", help="--engine ray: write Parquet partitions to this folder instead of the database."),
) -> None:
    """Analyse documents and store them (re-ingesting replaces, never duplicates).

    Bad documents are reported with their path and reason and the batch goes on; the exit
    code is 1 if any failed, 130 if interrupted (finished documents stay stored).

    Example:
        lagebild ingest articles/ --db news.duckdb
    """
    if engine != "local":
        from ..scale.cli_hooks import ingest_with_engine

        raise typer.Exit(ingest_with_engine(
            engine, paths, db=db, address=address, out=out, workers=workers, fmt=input_format,
            language=language, model=model, quiet=quiet,
        ))
    from ..scale.local import choose_workers, count_documents, ingest_parallel

    files = [f for f in iter_files(paths) if not isinstance(f, IngestFailure)]
    n_docs = count_documents(files, fmt=input_format)
    workers = choose_workers(workers, n_docs)
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.fields[status]}"), console=err_console, disable=quiet, transient=False,
    )
    with Store(db) as store, progress:
        task = progress.add_task("ingest", total=n_docs or None, status="")

        def on_item(path, result) -> None:  # type: ignore[no-untyped-def]
            if isinstance(result, IngestFailure):
                progress.console.print(f"[red]failed[/red] {result.source}: {result.reason}")
            progress.advance(task)  # documents, not files
            progress.update(task, status=f"{result.source if isinstance(result, IngestFailure) else result.title or result.id}"[:50])

        if workers > 1:
            report = ingest_parallel(
                paths, store, workers=workers, fmt=input_format, language=language, model=model, on_item=on_item
            )
        else:
            report = ingest_paths(paths, store, fmt=input_format, language=language, model=model, on_item=on_item)
        refresh_incidents(store)
        total = store.count()
    console.print(
        f"stored {report.stored} new, {report.updated} updated, {len(report.failures)} failed"
        f"{', ' + str(report.partial) + ' partial' if report.partial else ''}; {total} documents in {db}"
    )
    if report.interrupted:
        err_console.print("[yellow]interrupted[/yellow]: finished documents are stored")
        raise typer.Exit(130)
    raise typer.Exit(0 if report.ok else 1)
