"""What ``lagebild ingest --engine ray`` runs (kept here so the CLI module stays small)."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import List, Optional

ENGINES = ("local", "ray")


def ingest_with_engine(
    engine: str,
    paths: List[Path],
    *,
    db: str,
    address: Optional[str],
    out: Optional[Path],
    workers: int,
    fmt: Optional[str],
    language: Optional[str],
    model: Optional[str],
    quiet: bool,
) -> int:
    """Run ``engine`` on ``paths``; returns the exit code (0 ok, 1 some documents failed,
    2 usage error). With ``out`` the Parquet partitions stay there and nothing is stored;
    without, they go to a temporary folder and are loaded into ``db``."""
    from ..cli._util import console, err_console, safe
    from ..errors import redact_db

    if engine not in ENGINES:
        err_console.print(f"[red]unknown engine {engine!r}; choose one of {', '.join(ENGINES)}[/red]")
        return 2
    if fmt:
        err_console.print("[yellow]--input-format is detected per file on the Ray engine; ignored[/yellow]")
    from ..batch import earlier_versions
    from ..incidents import refresh_incidents
    from ..store import Store
    from .parquet import load_parquet
    from .ray_engine import env_address, run_ray

    provisional: list = []
    if out is None:
        with Store(db) as store:
            provisional = store.provisional_actors()
    target = out or Path(tempfile.mkdtemp(prefix="lagebild-ray-out-"))
    try:
        report = run_ray(
            paths, target, address=address or env_address(), workers=workers, language=language,
            model=model, provisional=provisional, quiet=quiet,
        )
    except (RuntimeError, FileNotFoundError) as e:
        err_console.print(f"[red]{e}[/red]")
        return 2
    if out is not None:
        failed = _failures_in(report.out)
        for source, reason in failed or ():
            err_console.print(f"[red]failed[/red] {safe(source, oneline=True)}: {safe(reason, oneline=True)}", soft_wrap=True)
        counted = f"{len(failed)} failed, " if failed is not None else ""
        console.print(f"wrote Parquet partitions of {report.files} files to {safe(report.out)} ({counted}"
                      f"{report.seconds:.1f} s); load them with: lagebild load-parquet {safe(report.out)} --db DB",
                      soft_wrap=True)
        return 1 if failed else 0
    try:
        with Store(db) as store:
            loaded = load_parquet(target, store)
            refresh_incidents(store)
            total = store.count()
            changed = earlier_versions(store, loaded.new_documents)
    finally:
        import shutil

        shutil.rmtree(target, ignore_errors=True)
    for failure in loaded.failures:
        err_console.print(f"[red]failed[/red] {safe(failure.source, oneline=True)}: {safe(failure.reason, oneline=True)}",
                          soft_wrap=True)
    console.print(
        f"stored {loaded.stored} new, {loaded.updated} updated, {len(loaded.failures)} failed; "
        f"{total} documents in {safe(redact_db(db))} (Ray, {report.details.get('workers')} workers, {report.seconds:.1f} s)"
    )
    from ..cli.ingest import print_changed

    print_changed(changed)  # W160, as the local engine reports it
    return 0 if not loaded.failures else 1


def _failures_in(out: object) -> Optional[List[tuple]]:
    """``(source, reason)`` of every row the Ray run wrote with ``ok`` false (documents that
    could not be read or analysed), read from the Parquet partitions in ``out``; None when
    they cannot be read back (then the run's summary says nothing about failures)."""
    try:
        import pyarrow.parquet as pq

        table = pq.read_table(str(out), columns=["ok", "source", "error"])
    except Exception:  # noqa: BLE001 - a remote or unreadable folder: no count, not a failure
        return None
    return [(r["source"], r["error"] or "failed") for r in table.to_pylist() if not r["ok"]]
