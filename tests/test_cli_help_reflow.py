"""`lagebild VERB --help` prints each prose paragraph of the verb's description as one
flowing paragraph. typer's rich help kept every line break of the docstring, so text
wrapped at 90 columns in the source came out as ragged half-lines on an 80-column terminal
("… the batch goes on; the exit" / "code is 1 …") and never filled a wider one. Example
blocks (indented lines) keep their lines."""
import inspect

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.cli._util import reflow_help


def _commands(typer_app, prefix=()):
    for info in typer_app.registered_commands:
        yield prefix + (info.name or info.callback.__name__.replace("_", "-"),), info
    for group in typer_app.registered_groups:
        yield from _commands(group.typer_instance, prefix + (group.name,))


def _prose(callback):
    """The multi-line prose paragraphs (not the first) of a verb's docstring."""
    doc = inspect.getdoc(callback) or ""
    for para in doc.split("\n\n")[1:]:
        lines = para.split("\n")
        if len(lines) > 1 and not any(line[:1].isspace() for line in lines[1:]):
            yield " ".join(line.strip() for line in lines)


CASES = [(path, para) for path, info in _commands(app) for para in _prose(info.callback)]


def test_some_verbs_have_multi_line_paragraphs():
    assert {p[0] for p, _ in CASES} >= {"ingest", "analyze", "export", "documents", "resolve"}


@pytest.mark.parametrize("path,para", CASES, ids=[" ".join(p) + f":{i}" for i, (p, _) in enumerate(CASES)])
def test_a_paragraph_is_one_line_on_a_wide_terminal(path, para):
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "2000"})
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert any(para[:50] in line and para[-30:] in line for line in lines), (para, result.output)


def test_examples_keep_their_lines():
    text = "Head.\n\nOne\ntwo.\n\nExample:\n    lagebild a\n    lagebild b"
    assert reflow_help(text) == "Head.\n\nOne two.\n\nExample:\n    lagebild a\n    lagebild b"
