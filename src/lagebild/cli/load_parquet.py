"""``lagebild load-parquet``: store the Parquet output of ``ingest --engine ray --out``."""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import redact_db
from ._util import DbOption, app, console, err_console, safe


@app.command("load-parquet")
def load_parquet_cli(
    path: Path = typer.Argument(..., help="A Parquet file or a folder of them (the --out of ingest --engine ray)."),
    db: str = DbOption,
) -> None:
    """Load analysed documents from Parquet into the database (DuckDB or PostgreSQL).

    Re-loading replaces documents, never duplicates them; failed rows are reported and
    the exit code is then 1. A document whose text changed since an earlier version was
    stored (same URL or source) is stored as a new document, with warning W160.

    Example:
        lagebild ingest corpus/ --engine ray --address auto --out s3out/
        lagebild load-parquet s3out/ --db news.duckdb
    """
    from ..batch import earlier_versions
    from ..incidents import refresh_incidents
    from ..scale.parquet import check_parquet, load_parquet
    from .ingest import print_changed
    from ..store import Store

    try:
        check_parquet(path)  # [E047] before a database is opened or created
        with Store(db) as store:
            report = load_parquet(path, store)
            refresh_incidents(store)
            total = store.count()
            changed = earlier_versions(store, report.new_documents)
    except FileNotFoundError as e:
        err_console.print(f"[red]{e}[/red]")
        raise typer.Exit(2) from e
    for failure in report.failures:
        err_console.print(f"[red]failed[/red] {safe(failure.source, oneline=True)}: {safe(failure.reason, oneline=True)}",
                          soft_wrap=True)
    console.print(
        f"stored {report.stored} new, {report.updated} updated, {len(report.failures)} failed; {total} documents in {safe(redact_db(db))}", soft_wrap=True,
    )
    print_changed(changed)
    raise typer.Exit(130 if report.interrupted else (1 if report.failures else 0))
