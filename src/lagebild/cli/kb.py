"""``lagebild kb show|search|add|import``: the actor knowledge base.

Thin wrappers over :mod:`lagebild.actors.userkb`; the user KB directory is ``--kb-dir``,
else ``$LAGEBILD_KB``, else ``~/.local/share/lagebild/kb``.
"""
from __future__ import annotations

import json
from datetime import date
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from ..actors import userkb
from ..errors import DataFileError, Errors
from ._util import non_negative, app, cells, console, err_console, plain, safe

class ActorType(str, Enum):
    PER = "PER"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    GRP = "GRP"


kb_app = typer.Typer(help="Show, search and extend the actor knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")

KbDirOption = typer.Option(
    None, "--kb-dir", envvar="LAGEBILD_KB",
    help="User KB directory (default: $LAGEBILD_KB or ~/.local/share/lagebild/kb).",
)
JsonOption = typer.Option(False, "--json", help="Print JSON.")


@kb_app.command("show")
def show_cli(
    actor_id: str = typer.Argument(..., help="Actor id (per:donald_trump, RUS, RUSMIL, org:nato) or a name."),
    on: Optional[str] = typer.Option(None, "--on", help="Date for the role shown (ISO, default today)."),
    kb_dir: Optional[Path] = KbDirOption,
    as_json: bool = JsonOption,
) -> None:
    """Show one actor with its names and dated offices.

    Example: lagebild kb show per:donald_trump --on 2019-05-01
    """
    try:
        day = date.fromisoformat(on) if on else None
    except ValueError as e:
        raise typer.BadParameter(f"{on!r} is not an ISO date (YYYY-MM-DD)", param_hint="'--on'") from e
    try:
        info = userkb.show_actor(actor_id, kb_dir=kb_dir, on=day)
    except KeyError:
        err_console.print(f"No actor {safe(repr(actor_id))} in the KB; try `lagebild kb search`.")
        raise typer.Exit(1)
    if as_json:
        console.print_json(json.dumps(info, ensure_ascii=False))
        return
    console.print(plain(f"{info['name']}  {info['id']}  {info['type']}  country={info['country']}  code={info['code']}"), markup=False)
    if info["role"]:
        console.print(plain(f"role: {info['role']}"), markup=False)
    for lang, names in info["names"].items():  # type: ignore[union-attr]
        console.print(plain(f"names ({lang}): " + " | ".join(names)), markup=False)
    if info["surnames"]:
        console.print(plain("surnames: " + " | ".join(info["surnames"])), markup=False)  # type: ignore[arg-type]
    if info["offices"]:
        table = Table("start", "end", "roles", "of", "code", "label")
        for o in info["offices"]:  # type: ignore[union-attr]
            table.add_row(*cells(o["start"], o["end"], "|".join(o["roles"]), o["of"], o["code"], o["label"]))
        console.print(table)


@kb_app.command("search")
def search_cli(
    query: str = typer.Argument(..., help="Part of an id, name or alias."),
    limit: int = typer.Option(20, "--limit", "-n", callback=non_negative, help="At most this many actors (0: all)."),
    kb_dir: Optional[Path] = KbDirOption,
    as_json: bool = JsonOption,
) -> None:
    """Find actors by id, name or alias (exact matches first).

    Example: lagebild kb search Selenskyj
    """
    hits = userkb.search_actors(query, kb_dir=kb_dir, limit=limit or 10**9)
    if as_json:
        console.print_json(json.dumps(hits, ensure_ascii=False))
        return
    table = Table("id", "name", "type", "country", "code", "role")
    for h in hits:
        table.add_row(*cells(*(h[c] for c in ("id", "name", "type", "country", "code", "role"))))
    console.print(table)


@kb_app.command("add")
def add_cli(
    actor_id: str = typer.Argument(..., help="New id, e.g. per:jane_doe (or an existing id to extend)."),
    name: str = typer.Argument(..., help="Canonical name."),
    type: ActorType = typer.Option(ActorType.PER, "--type", "-t", help="Actor type."),
    country: Optional[str] = typer.Option(None, "--country", "-c", help="ISO 3166 alpha-3."),
    code: Optional[str] = typer.Option(None, "--code", help="CAMEO code outside any office (e.g. USAELI)."),
    alias: List[str] = typer.Option([], "--alias", "-a", help="Other name or spelling (repeatable)."),
    surname: Optional[str] = typer.Option(None, "--surname", help="Surname-only forms, '|'-separated; '-' for none."),
    wikidata: Optional[str] = typer.Option(None, "--wikidata"),
    role: List[str] = typer.Option([], "--role", "-r", help="Role key of an office (repeatable), e.g. foreign_minister."),
    of: Optional[str] = typer.Option(None, "--of", help="Country/organisation of the office (default: --country)."),
    start: Optional[str] = typer.Option(None, "--start", help="Office start (ISO date)."),
    end: Optional[str] = typer.Option(None, "--end", help="Office end (ISO date)."),
    office_code: Optional[str] = typer.Option(None, "--office-code", help="CAMEO code while in office (e.g. FRAGOV)."),
    label: Optional[str] = typer.Option(None, "--label", help="Role label shown for the office."),
    kb_dir: Optional[Path] = KbDirOption,
) -> None:
    """Add an actor (and optionally one dated office) to the user KB; validated on write.

    Example: lagebild kb add per:jane_doe "Jane Doe" -c FRA -r foreign_minister --start 2026-01-10 --office-code FRAGOV
    """
    try:
        actor = userkb.add_actor(
            actor_id, name, type=type.value, country=country, code=code, aliases=alias, surname=surname,
            wikidata=wikidata, roles=role, of=of, start=start, end=end, office_code=office_code,
            label=label, kb_dir=kb_dir,
        )
    except userkb.KBEntryError as e:  # coded like every other refusal (it was a bare sentence)
        err_console.print(safe(Errors.E058.format(id=actor_id, msg=e)))
        raise typer.Exit(2)
    except DataFileError as e:
        err_console.print(safe(e))
        raise typer.Exit(2)
    console.print(safe(f"Added {actor.id} ({actor.name}) to {userkb.user_kb_dir(kb_dir)}"))


NOTES_SHOWN = 10  # names without a code listed by `kb import` (Phoenix's own files have thousands)


@kb_app.command("import")
def import_cli(
    paths: List[Path] = typer.Argument(..., exists=True, help="PETRARCH/Phoenix .actors/.agents files."),
    kb_dir: Optional[Path] = KbDirOption,
) -> None:
    """Import PETRARCH/Phoenix actor and agent dictionaries into the user KB.

    Example: lagebild kb import ../shared/data/petrarch2/Phoenix.*.actors.txt ../shared/data/petrarch2/Phoenix.agents.txt
    """
    notes: List[str] = []
    try:
        counts = userkb.import_petrarch(paths, kb_dir=kb_dir, notes=notes)
    except DataFileError as e:
        err_console.print(safe(e))
        raise typer.Exit(2)
    # unreadable code brackets are mistakes to mend: all of them; names without a code are
    # common in PETRARCH's own files (a block whose codes another file gives): the first few
    broken = [n for n in notes if " skipped: " not in n]
    uncoded = [n for n in notes if " skipped: " in n]
    for n in broken + uncoded[:NOTES_SHOWN]:
        err_console.print(safe(n))
    if len(uncoded) > NOTES_SHOWN:
        err_console.print(f"… and {len(uncoded) - NOTES_SHOWN:,} more name(s) without a code, skipped")
    console.print(", ".join(f"{k}: {v}" for k, v in counts.items()) + f"  -> {userkb.user_kb_dir(kb_dir) / 'imported'}")
