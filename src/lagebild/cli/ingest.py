"""``lagebild ingest``: analyse documents into the database."""
from __future__ import annotations

from collections import Counter
from enum import Enum
import re
import time
from pathlib import Path
from typing import Any, Callable, List, Optional

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..batch import earlier_versions, ingest_paths
from ..incidents import refresh_incidents
from ..ingest.readers import IngestFailure, iter_files
from ..store import Store
from ..errors import Warnings, redact_db
from ._util import DbOption, Lang, PipelineOption, app, console, err_console, lang_value, plain, safe
from .analyze import InputFormat, InputFormatOption, ModelOption


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command("ingest")
def ingest_cli(
    paths: List[Path] = typer.Argument(..., help="Text/HTML/JSONL/feed/WARC files or folders."),
    db: str = DbOption,
    language: Optional[Lang] = typer.Option(None, "--lang", help="Force a language."),
    model: Optional[str] = ModelOption,
    input_format: Optional[InputFormat] = InputFormatOption,
    pipeline: Optional[str] = PipelineOption,
    resume: bool = typer.Option(
        False, "--resume",
        help="Skip documents already stored (same content id) without analysing them, e.g. to finish an interrupted run.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=0, help="Analysis processes; default (or 0): the number of cores, 1 for fewer than 16 documents per core (1 analyses in this process). Any number stores exactly the same result. With --engine ray: analysis actors (default: the cluster's CPUs)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local, or ray (Ray Data; writes Parquet with --out, else into --db)."),
    address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address (default: start a local Ray)."),
    out: Optional[Path] = typer.Option(None, "--out", help="--engine ray: write Parquet partitions to this folder instead of the database."),
) -> None:
    """Analyse documents and store them (the same text twice is stored once).

    Bad documents are reported with their path and reason and the batch goes on; the exit
    code is 1 if any failed, 130 if interrupted (finished documents stay stored).
    Re-ingesting unchanged input leaves the database exactly as it was; a file or URL whose
    text changed is stored as a new document beside the earlier one, with warning W160
    naming both (ids are content hashes; decisions refer to them). A DuckDB file is
    held only while a batch is committed, so `lagebild documents` works during an ingest.

    Example:
        lagebild ingest examples/ --db news.duckdb
    """
    _check_pipeline(lang_value(language), model)  # [E170] before a database file is created
    if engine is not Engine.local:
        from ..scale.cli_hooks import ingest_with_engine

        raise typer.Exit(ingest_with_engine(
            engine.value, paths, db=db, address=address, out=out, workers=workers or 0,
            fmt=input_format.value if input_format else None, language=lang_value(language), model=model, quiet=quiet,
        ))
    from ..scale.local import choose_workers, count_documents, ingest_parallel

    if not workers:  # default: one worker process per core (exactly the one-process result)
        files_in = [f for f in iter_files(paths) if not isinstance(f, IngestFailure)]
        workers = choose_workers(0, count_documents(files_in, fmt=input_format.value if input_format else None))
    progress = progress_display(quiet)
    counts = {"new": 0, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    files: set = set()
    partials: List[tuple] = []  # (source, why) of documents stored as partial results
    stored_new: List[tuple] = []  # (id, url, source) of new documents: earlier versions? (W160)
    first_source: dict = {}  # id -> the source it was first read from in this run
    repeated: List[str] = []  # W161: inputs that are a document read earlier in this run
    warned: Counter = Counter()  # warning code -> documents of this run that carry it
    with Store(db) as store, progress:
        task = progress.add_task("ingest", total=None, status="", counts="")

        def on_item(path, result, outcome) -> None:  # type: ignore[no-untyped-def]
            if isinstance(result, IngestFailure):
                progress.console.print(
                    f"[red]failed[/red] {safe(result.source, oneline=True)}: {safe(result.reason, oneline=True)}",
                    soft_wrap=True,
                )
            counts[outcome] += 1
            if not isinstance(result, IngestFailure) and outcome in ("new", "updated", "unchanged"):
                first = first_source.setdefault(result.id, result.source)
                if first != result.source:
                    repeated.append(Warnings.W161.format(source=result.source, first=first, id=result.id))
            if not isinstance(result, IngestFailure) and outcome in ("new", "updated", "unchanged"):
                warned.update(warning_codes(getattr(result, "warnings", None)))
            if outcome == "new":
                stored_new.append((result.id, getattr(result, "url", None), result.source))
            if not isinstance(result, IngestFailure) and outcome != "skipped" and getattr(result, "partial", False):
                partials.append((result.source or result.id, _partial_reason(result.warnings)))
            if path is not None:
                files.add(path)
            label = result.source if isinstance(result, IngestFailure) else (result.title or result.id)
            progress.update(
                task, advance=1, status=safe(label, oneline=True, limit=50),
                counts=f"({len(files)} files; " + ", ".join(f"{v} {k}" for k, v in counts.items() if v) + ")",
            )

        kwargs = dict(fmt=input_format.value if input_format else None, language=lang_value(language), model=model)
        if workers > 1:  # worker processes store exactly what this process would
            report = ingest_parallel(
                paths, store, workers=workers, resume=resume,
                on_item=on_item, **kwargs,
            )
        else:
            report = ingest_paths(paths, store, resume=resume, on_item=on_item, **kwargs)
        with store.exclusive():  # concurrent ingests (PostgreSQL) refresh incidents in turn
            refresh_incidents(store)
        total = store.count()
        changed = earlier_versions(store, stored_new)
        store.release()
    extra = [f"{report.unchanged} unchanged"] if report.unchanged else []
    extra += [f"{report.skipped} skipped (already stored)"] if report.skipped else []
    extra += [f"{report.partial} partial"] if report.partial else []
    console.print(
        f"stored {report.stored} new, {report.updated} updated, {len(report.failures)} failed"
        f"{''.join(', ' + e for e in extra)}; {total} documents in {safe(redact_db(db))}", soft_wrap=True,
    )
    if report.unchanged:
        # re-analysing stored documents is how a newer lagebild updates them, and it costs as
        # much as the first run: say so, and name the cheap way, once
        err_console.print(
            f"{report.unchanged} stored document(s) were analysed again with the same result; "
            "`--resume` skips stored documents without analysing them", style="dim", markup=False,
            highlight=False, soft_wrap=True,
        )
    _explain(report.failures, partials)
    print_warned(warned)
    print_changed(changed)
    print_changed(repeated, what="repeated inputs ([W161])")
    if report.interrupted:
        err_console.print("[yellow]interrupted[/yellow]: finished documents are stored; `--resume` continues")
        raise typer.Exit(130)
    raise typer.Exit(0 if report.ok else 1)


PLAIN_EVERY = 60.0  # seconds between two plain progress lines when stderr is not a terminal


def progress_display(quiet: bool, *, terminal: Optional[bool] = None) -> Any:
    """The progress display of ``ingest`` on stderr: Rich's live line (spinner, counts,
    elapsed time) on a terminal; when stderr is a file or a pipe (``ingest … 2> log``,
    cron, CI) a :class:`PlainProgress` instead, so no animation frames end up in the log;
    nothing with ``quiet`` (failures are still printed). ``terminal`` overrides the test
    of ``err_console.is_terminal`` (for tests)."""
    if terminal is None:
        terminal = err_console.is_terminal
    if quiet or terminal:
        return Progress(
            SpinnerColumn(), TextColumn("[bold]ingest[/bold] {task.completed} documents"),
            TextColumn("{task.fields[counts]}"), TimeElapsedColumn(), TextColumn("{task.fields[status]}"),
            console=err_console, disable=quiet, transient=False,
        )
    return PlainProgress(err_console, every=PLAIN_EVERY)


class PlainProgress:
    """The ingest progress for a stderr that is not a terminal: one plain line
    (``ingest: 1200 documents (40 files; 1198 new, 2 failed) 0:05:00``) at most every
    ``every`` seconds (default :data:`PLAIN_EVERY`), none for a shorter run, no spinner,
    no carriage returns. Has the part of :class:`rich.progress.Progress` that ``ingest``
    uses (``console``, ``add_task``, ``update``, a context manager); ``clock`` gives
    seconds (``time.monotonic``)."""

    def __init__(self, console: Any, every: float = PLAIN_EVERY,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.console = console
        self.every = every
        self.clock = clock
        self.completed = 0
        self.fields: dict = {}
        self.started = self.last = clock()

    def __enter__(self) -> "PlainProgress":
        self.started = self.last = self.clock()
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, total: Optional[int] = None, **fields: Any) -> int:
        """Start counting; ``fields`` are ``counts`` and ``status`` as in the live display."""
        self.fields.update(fields)
        return 0

    def update(self, task: int, advance: int = 0, **fields: Any) -> None:
        """Count ``advance`` more documents; print the plain line when ``every`` seconds
        passed since the last one (or the start)."""
        self.completed += advance
        self.fields.update(fields)
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            elapsed = int(now - self.started)
            line = (f"ingest: {self.completed} documents {self.fields.get('counts', '')} "
                    f"{elapsed // 3600}:{elapsed // 60 % 60:02d}:{elapsed % 60:02d}")
            self.console.print(line, markup=False, highlight=False, soft_wrap=True)


# the warnings that make a result partial (a cut text, truncated HTML, a truncated archive)
PARTIAL_WARNINGS = ("[W003]", "[W005]", "[W157]", "[W162]")
SHOWN = 20  # partial documents named after the summary; the rest are counted


def _check_pipeline(language: Optional[str], model: Optional[str]) -> None:
    """ModelError E170 when the accurate pipeline is chosen (--pipeline or
    $LAGEBILD_PIPELINE) for a language that has trained encoder heads (German, English) and
    the [encoder] extra is missing. Checked before the store is opened: the error used to come
    with the first German document, after an empty database file had been created. A batch
    forced to a language without heads runs: it gets the fast pipeline and W170.
    Also E052 for a $LAGEBILD_MAX_CHARS that is not a whole number."""
    from ..language import MODELS_DIR, available_models
    from ..language.accurate import heads_directory, pipeline_choice, require_torch
    from ..pipeline import analysis_limit

    analysis_limit()  # [E052] for a $LAGEBILD_MAX_CHARS that is no number, before anything is read
    if pipeline_choice(None) != "accurate":
        return
    langs = [language] if language else list(available_models())
    if any((heads_directory(Path(model) if model else MODELS_DIR / lang) / "meta.json").is_file() for lang in langs):
        require_torch()


def print_changed(changed: List[str], what: str = "changed documents ([W160])") -> None:
    """The W160 lines of a run (documents whose text changed since an earlier version was
    stored), the first SHOWN of them, on stderr; ``ingest``, ``ingest --engine ray`` and
    ``load-parquet`` print them alike. Also the W161 lines of ``ingest`` (``what``): inputs
    that repeat a document read earlier in the run, counted as "updated" in the summary."""
    for line in changed[:SHOWN]:
        err_console.print(line, style="yellow", markup=False, highlight=False, soft_wrap=True)
    if len(changed) > SHOWN:
        err_console.print(f"… and {len(changed) - SHOWN} more {what}", markup=False, highlight=False)


_CODE = re.compile(r"\[(W\d+)\]")


def warning_codes(warnings: Optional[List[str]]) -> set:
    """The distinct warning codes (``{"W001", "W168"}``) of one document's ``warnings``
    (coded messages, ``"[W001] …"``); an uncoded message counts as ``"other"``."""
    return {(_CODE.match(w or "") or [None, "other"])[1] for w in warnings or ()}


def print_warned(warned: Counter) -> None:
    """One stderr line after the summary: how many documents of the run carry each warning
    code (``warnings: W001 in 2 documents, W168 in 1; `lagebild show ID` lists a
    document's warnings``). Before, only partial documents were named, so a dropped date
    (W001) or a removed control character (W168) was visible only in ``lagebild show``.
    Nothing is printed for a run without warnings."""
    if not warned:
        return
    parts = [f"{code} in {n} document{'s' if n != 1 else ''}" for code, n in sorted(warned.items())]
    err_console.print(f"warnings: {', '.join(parts)}; `lagebild show ID` lists a document's warnings",
                      style="yellow", soft_wrap=True, markup=False, highlight=False)


def _partial_reason(warnings: List[str]) -> str:
    marked = [w for w in warnings or () if w.startswith(PARTIAL_WARNINGS)]
    return (marked or list(warnings or ()) or ["partial"])[0]


def _explain(failures: list, partials: List[tuple]) -> None:
    """After the summary (stderr): the failed documents counted by error code (each was
    named with its reason when it failed), and the documents stored as partial results
    with the warning that made them partial -- a long batch's summary says which and why."""
    if failures:
        codes = Counter((re.match(r"\[(E\d+)\]", f.reason or "") or [None, "other"])[1] for f in failures)
        by_code = ", ".join(f"{code} ×{n}" for code, n in sorted(codes.items()))
        err_console.print(f"failed: {len(failures)} ({by_code}); each is named above with its reason", soft_wrap=True,
                          markup=False, highlight=False)
    for source, why in partials[:SHOWN]:
        err_console.print(f"partial: {plain(' '.join(str(source).split()))}: {plain(' '.join(why.split()))}", soft_wrap=True,
                          markup=False, highlight=False)
    if len(partials) > SHOWN:
        err_console.print(f"partial: … and {len(partials) - SHOWN} more", markup=False, highlight=False)
