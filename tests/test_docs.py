"""Docs can't drift from the code: every CLI command has help text and is in the README."""
import re
from pathlib import Path

import pytest
import typer.main

from lagebild.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix=()):
    click_group = typer.main.get_group(app) if group is None else group
    for name, cmd in sorted(click_group.commands.items()):
        yield (*prefix, name), cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, (*prefix, name))


COMMANDS = list(_commands(None))


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_docs_every_command_has_help(path, cmd):
    assert (cmd.help or "").strip(), f"lagebild {' '.join(path)} has no help text"


@pytest.mark.parametrize("name", sorted({p[0] for p, _ in COMMANDS}))
def test_docs_every_verb_in_readme(name):
    assert re.search(rf"lagebild {re.escape(name)}\b", README), f"README's CLI tour lacks `lagebild {name}`"


def test_docs_quick_start_has_exactly_two_commands():
    block = README.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert len(commands) == 2
