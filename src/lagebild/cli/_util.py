"""The typer app every CLI verb registers on, and small shared CLI helpers.

- :func:`safe` makes article-derived text printable: every string that came from a document
  (titles, authors, text, sentences, failure reasons naming a file) goes through it before
  rich sees it, so ``[/]`` or ``[link=…]`` in an article is shown literally, never
  interpreted, and control characters cannot move the cursor or recolour the terminal.
- :class:`LagebildGroup` turns a :class:`~lagebild.errors.LagebildError` (and, outside
  ``--debug``, any other exception) into one coded line on stderr and a non-zero exit code.
- :func:`open_store` opens a database for a read command without ever creating one.
"""
from __future__ import annotations

import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from ..errors import Errors, LagebildError

# emoji=False: rich would turn ":x:" or ":fire:" in a title, an id (per:x: …) or a message
# into an emoji; lagebild prints text as it is (:func:`safe`)
console = Console(emoji=False)
err_console = Console(stderr=True, emoji=False)
# terminal columns below which the list tables (`documents`, `forecasts`) fold several
# fields into one column instead of folding the text into 4-letter pieces
NARROW = 110

DEFAULT_DB = "lagebild.duckdb"

# C0/C1 control characters except tab and newline, DEL, and the Unicode bidi overrides and
# isolates (they reorder what follows them on a terminal: "Trojan Source" style spoofing)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(value: Any, *, limit: Optional[int] = None, oneline: bool = False) -> str:
    """``value`` as text that rich prints literally.

    Rich markup (``[bold]``, ``[/]``, ``[link=https://…]``) is escaped; control characters
    (ESC sequences, BEL, carriage returns, bidi overrides) become U+FFFD; ``None`` → "".
    limit: cut to that many characters (adds "…"); oneline: newlines become spaces.
    """
    if value is None:
        return ""
    text = str(value)
    if oneline:
        text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    return escape(_CONTROL.sub("\ufffd", text))


def plain(value: Any) -> str:
    """``value`` with control characters replaced, for output that rich does not parse
    (typer.echo of tables of plain text); markup needs no escaping there."""
    return "" if value is None else _CONTROL.sub("\ufffd", str(value))


def cells(*values: Any) -> list:
    """Table cells that rich does not parse for markup (``Text``), control characters
    replaced; ``None`` → empty."""
    from rich.text import Text

    return [Text(plain(v)) for v in values]


# -- options with a fixed set of values: typer validates them and lists the choices ----

class Lang(str, Enum):
    de = "de"
    en = "en"


class TableFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


class ShowFormat(str, Enum):
    table = "table"
    json = "json"


def lang_value(lang: Optional[Lang]) -> Optional[str]:
    return lang.value if lang is not None else None


def split_langs(value: str) -> list:
    """``--lang de,en`` → ["de", "en"], each checked against the analysable languages."""
    codes = [c.strip() for c in value.split(",") if c.strip()]
    bad = [c for c in codes if c not in {x.value for x in Lang}]
    if bad or not codes:
        raise typer.BadParameter(
            f"{', '.join(map(repr, bad)) or repr(value)} is not a language lagebild analyses; "
            f"choose from {', '.join(x.value for x in Lang)} (comma-separated)",
            param_hint="'--lang'",
        )
    return codes


# -- one line per error, a traceback only with --debug ----------------------------------

_state = {"debug": bool(os.environ.get("LAGEBILD_DEBUG"))}


def _control_flow() -> tuple:
    """Exceptions click/typer use for exits and usage errors (typer ≥ 0.16 vendors its own
    click, older ones use click's): these pass through untouched."""
    kinds = {typer.Exit, typer.Abort, typer.BadParameter}
    for mod in ("typer._click.exceptions", "click.exceptions"):
        try:
            exc = __import__(mod, fromlist=["Exit"])
        except ImportError:
            continue
        kinds |= {getattr(exc, n) for n in ("Exit", "Abort", "ClickException") if hasattr(exc, n)}
    return tuple(kinds)


_PASS = _control_flow()


class LagebildGroup(TyperGroup):
    """The top-level command: a lagebild error is one coded line on stderr and exit code 2
    (1 for other unexpected errors); ``--debug`` (or $LAGEBILD_DEBUG) re-raises instead."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _PASS:
            raise
        except KeyboardInterrupt:
            if _state["debug"]:
                raise
            err_console.print("[yellow]interrupted[/yellow]")
            ctx.exit(130)
        except BrokenPipeError:
            # the reader went away (``lagebild documents --format jsonl | head``): stop quietly,
            # as ``yes | head`` does; point stdout at devnull so the exit-time flush cannot
            # fail again (the recipe of the Python docs, "Note on SIGPIPE")
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            except (OSError, ValueError):  # no real stdout (CliRunner): nothing to redirect
                pass
            ctx.exit(141)  # 128 + SIGPIPE, the shell's code for a closed pipe
        except LagebildError as e:
            if _state["debug"]:
                raise
            err_console.print(f"[red]error[/red]: {safe(e, oneline=True)}", soft_wrap=True)
            ctx.exit(2)
        except Exception as e:  # noqa: BLE001 - the one place that turns a crash into a line
            if _state["debug"]:
                raise
            from ..store.backends import refused

            coded = refused(e)  # a PostgreSQL role without a right: [E057], not "a bug"
            if coded is not None:
                err_console.print(f"[red]error[/red]: {safe(coded, oneline=True)}", soft_wrap=True)
                ctx.exit(2)
            err_console.print(
                f"[red]error[/red]: {type(e).__name__}: {safe(e, oneline=True, limit=300)} "
                "(this is a bug; run with --debug for the traceback)", soft_wrap=True,
            )
            ctx.exit(1)


def reflow_help(text: str) -> str:
    """A command's help text with the line breaks of the source inside prose paragraphs
    joined: typer's rich help keeps each docstring line break, so a paragraph wrapped at 90
    columns in the source was printed as ragged half-lines on an 80-column terminal (and
    never filled a wide one). A paragraph with an indented line (an example command) keeps
    its lines; paragraphs stay apart. ``text`` is cleaned with :func:`inspect.cleandoc`."""
    import inspect

    out = []
    for para in inspect.cleandoc(text).split("\n\n"):
        lines = para.split("\n")
        if any(line[:1].isspace() for line in lines[1:]):
            out.append(para)
        else:
            out.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(out)


def reflow_commands(typer_app: typer.Typer) -> None:
    """:func:`reflow_help` on the help of every command registered on ``typer_app`` and
    its sub-apps (``eval …``); called once all verbs are registered."""
    import inspect

    for info in typer_app.registered_commands:
        text = info.help or (inspect.getdoc(info.callback) if info.callback else None)
        if text:
            info.help = reflow_help(text)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            reflow_commands(group.typer_instance)


app = typer.Typer(
    name="lagebild",
    help="Turn news and commentary into events, statements and forecasts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=LagebildGroup,
)


def _version(value: bool) -> None:
    if value:
        from ..about import __version__

        typer.echo(f"lagebild {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks instead of one-line errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Turn news and commentary into events, statements and forecasts."""
    _state["debug"] = debug or bool(os.environ.get("LAGEBILD_DEBUG"))


# a string, not a Path: "postgresql://…" URLs must survive unchanged
DbOption = typer.Option(
    DEFAULT_DB,
    "--db",
    help="DuckDB file or postgresql:// URL (default: ./lagebild.duckdb, or $LAGEBILD_DB).",
    envvar="LAGEBILD_DB",
)

def non_negative(value: Optional[int]) -> Optional[int]:
    """Option callback: a count that cannot be negative (the message names the value)."""
    if value is not None and value < 0:
        raise typer.BadParameter(f"{value} is negative; give 0 (no limit) or a positive number")
    return value


LimitOption = typer.Option(50, "--limit", "-n", callback=non_negative, help="At most this many rows (0: all).")

eval_app = typer.Typer(help="Evaluate lagebild against held-out and gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def is_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_store(db: str) -> Any:
    """A read-only :class:`~lagebild.store.Store` on ``db``; a DuckDB file that does not
    exist is an error naming it (a read command never creates a database)."""
    from ..store import Store

    if not is_url(db) and db != ":memory:" and not Path(db).is_file():
        raise LagebildError(Errors.E040.format(db=db))
    return Store(db, read_only=True)


def skipped(reason: str) -> None:
    """The one rule for an evaluation whose data is absent: say "skipped: <reason>" and
    exit 0 (a missing optional data set is not a failure of lagebild)."""
    console.print(f"skipped: {safe(reason)}")
    raise typer.Exit(0)


def echo_err(message: str) -> None:
    """A plain message on stderr (no markup interpretation)."""
    print(message, file=sys.stderr)


def _set_pipeline(value: Optional[str]) -> Optional[str]:
    """--pipeline callback: validate the choice and put it in $LAGEBILD_PIPELINE, which every
    load in this process and in worker processes started from it reads
    (:func:`lagebild.language.load_base`)."""
    if value is None:
        return value
    from ..language.accurate import pipeline_choice

    try:
        name = pipeline_choice(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from e
    os.environ["LAGEBILD_PIPELINE"] = name
    return name


PipelineOption = typer.Option(
    None, "--pipeline", callback=_set_pipeline, is_eager=True,
    help="Linguistic pipeline: fast (CNN, default) or accurate (e5 encoder heads; needs the "
         "encoder extra). Default: $LAGEBILD_PIPELINE, else fast.",
)
