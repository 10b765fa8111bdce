"""``lagebild export``: write stored data as JSON Lines, CSV or Parquet."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import Errors, LagebildError
from ..store import Store, export
from ..store.export import TABLES
from ._util import DbOption, app, console, err_console, open_store, safe


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"  # GDELT 2.0 event TSV, one row per incident (--table incidents only)


# the format a file name asks for when --format is not given (the name decides: an events.csv
# used to be written as JSON Lines, an events.parquet too)
_BY_SUFFIX = {".jsonl": ExportFormat.jsonl, ".ndjson": ExportFormat.jsonl, ".json": ExportFormat.jsonl,
              ".csv": ExportFormat.csv, ".parquet": ExportFormat.parquet, ".pq": ExportFormat.parquet}


def format_for(out: Path) -> ExportFormat:
    """The export format the name ``out`` asks for: by its suffix (:data:`_BY_SUFFIX`);
    JSON Lines for a name without one ("OUT"); any other suffix (".tsv", ".xlsx", ".txt")
    is :class:`LagebildError` E050, since the old default wrote JSON Lines into it."""
    suffix = out.suffix.lower()
    if not suffix:
        return ExportFormat.jsonl
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    raise LagebildError(Errors.E050.format(path=out, suffix=suffix))


ExportTable = Enum("ExportTable", {t: t for t in TABLES}, type=str)  # type: ignore[misc]


@app.command("export")
def export_cli(
    out: Path = typer.Argument(..., help="Output file (overwritten)."),
    db: str = DbOption,
    fmt: Optional[ExportFormat] = typer.Option(
        None, "--format", "-f", help="Output format (default: from OUT's name, .jsonl .csv .parquet; "
        "JSON Lines for a name without a suffix)."),
    table: Optional[ExportTable] = typer.Option(
        None, "--table", "-t", help="Table to export (default: documents; incidents for --format gdelt)."),
) -> None:
    """Export a table (jsonl of documents = the full JSON contract, one per line).

    CSV: a text cell that begins with = + - @ (tab, CR) gets a leading single quote, so
    that a spreadsheet shows it as text instead of running it as a formula;
    lagebild.csvsafe.restore removes it. JSON Lines and Parquet are unchanged.

    Example:
        lagebild export events.parquet --format parquet --table events
        lagebild export incidents.jsonl --table incidents
        lagebild export gdelt.tsv --format gdelt
    """
    if fmt is None:
        fmt = format_for(out)
    if fmt is ExportFormat.gdelt:
        if table is not None and table.value != "incidents":
            raise LagebildError(Errors.E046.format(table=table.value))
        table_name = "incidents"
    else:
        table_name = table.value if table is not None else "documents"
    open_store(db).close()  # [E040] for a missing database: export never creates one
    # writable only for incidents (refreshed from the events first): any other table is read
    # as `documents` reads it, so it can be exported while a workbench has the DuckDB file open
    with Store(db, read_only=table_name != "incidents") as store:
        store.backend  # connect now (a read-only Store connects lazily): no empty OUT when it cannot
        try:
            n = export(store, out, fmt=fmt.value, table=table_name)
        except Exception as e:  # noqa: BLE001 - an unwritable output is the user's to fix
            if not isinstance(e, OSError) and type(e).__name__ not in ("IOException", "PermissionException"):
                raise
            msg = getattr(e, "strerror", None) or " ".join(str(e).split())
            raise LagebildError(Errors.E045.format(path=out, msg=msg)) from e
        if fmt is ExportFormat.gdelt:
            from ..export_gdelt import left_out

            skipped = left_out(store)
        else:
            skipped = {}
    what = "incidents (GDELT 2.0 events)" if fmt is ExportFormat.gdelt else table_name
    console.print(f"wrote {n} rows of {what} to {safe(out)}")
    if skipped:
        why = ", ".join(f"{k} {v}" for k, v in skipped.items())
        err_console.print(
            f"left out {sum(skipped.values())} incidents that did not take place as reported ({why}): GDELT's "
            "table has no modality or negation column; `--table incidents` has them", markup=False, soft_wrap=True)
