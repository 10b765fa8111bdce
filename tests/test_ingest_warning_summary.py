"""``ingest`` named only partial documents after its summary: a document whose date was
dropped (W001, dated after the plausible limit) or whose text lost control characters was
stored silently and visible only in ``lagebild show``. The summary now adds one line that
counts the run's documents per warning code (never one line per document)."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.cli.ingest import warning_codes

BODY = "\n\nDie Bürgermeisterin von Furth besuchte am Dienstag die Grundschule am Markt.\n"


def _ingest(*args):
    res = CliRunner().invoke(app, ["ingest", *map(str, args), "-q"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def _files(folder, names_lines):
    folder.mkdir()
    for name, first in names_lines:
        (folder / name).write_text(first + BODY, encoding="utf-8")


@pytest.mark.parametrize("workers", ["1", pytest.param("2", marks=pytest.mark.slow)])
def test_summary_counts_documents_per_warning_code(tmp_path, workers):
    folder = tmp_path / "in"
    _files(folder, [
        ("a.txt", "Brücke eröffnet. Lena Hausmann. 01.02.2099."),   # W001: date dropped
        ("b.txt", "Markt verlegt. Jonas Pirker. 03.04.3025."),      # W001
        ("c.txt", "Schule saniert. Pia Lorenz. 05.06.2024."),       # dated, no warning of its own
        ("d.txt", "Hafen gesperrt. Ole Brandt. 07.08.2024. \u202eabc\u202c"),  # W168
    ])
    out = _ingest(folder, "--db", tmp_path / "w.duckdb", "-w", workers)
    lines = [ln for ln in out.splitlines() if ln.startswith("warnings:")]
    assert len(lines) == 1, out                      # one line, not one per document
    text = " ".join(out.split())
    assert "W001 in 2 documents" in text and "W168 in 1 document" in text, out
    assert not re.search(r"W00[1-9] in [13] ", text)
    assert "lagebild show" in text


def test_no_warning_line_for_a_clean_run(tmp_path):
    folder = tmp_path / "in"
    _files(folder, [("c.txt", "Schule saniert. Pia Lorenz. 05.06.2024.")])
    out = _ingest(folder, "--db", tmp_path / "w.duckdb", "-w", "1")
    assert "warnings:" not in out, out


@pytest.mark.parametrize("warnings, codes", [
    (None, set()),
    ([], set()),
    (["[W001] Implausible publication date"], {"W001"}),
    (["[W001] a", "[W001] b", "[W151] c"], {"W001", "W151"}),   # a document counts once per code
    (["no code at all"], {"other"}),
])
def test_warning_codes(warnings, codes):
    assert warning_codes(warnings) == codes
