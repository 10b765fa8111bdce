"""`lagebild ingest … 2> log` left Rich's spinner frames ("⠦ ingest 46 documents …") in the
log: the live display was drawn although stderr was a file. Now a stderr that is not a
terminal gets no animation: a plain progress line at most every PLAIN_EVERY seconds."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import Progress

from lagebild.cli.ingest import PLAIN_EVERY, PlainProgress, progress_display

SRC = str(Path(__file__).resolve().parents[1] / "src")
ANIMATION = re.compile(r"[\u2800-\u28ff\r\x1b]")  # Braille spinner frames, carriage returns, ANSI


def test_ingest_into_a_log_file_has_no_animation_frames(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Meldung {i}\n\nDie Regierung in Kiew kündigte am Montag Gespräche an.\n")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    log = tmp_path / "err.log"
    env = dict(os.environ, PYTHONPATH=SRC, OMP_NUM_THREADS="1", COLUMNS="100")
    env.pop("FORCE_COLOR", None)
    with log.open("wb") as err:
        proc = subprocess.run([sys.executable, "-m", "lagebild", "ingest", str(folder), "--db",
                               str(tmp_path / "t.duckdb"), "--workers", "1"],
                              stdout=subprocess.PIPE, stderr=err, env=env, timeout=300)
    text = log.read_text(encoding="utf-8")
    assert proc.returncode == 1, text
    assert "[E002]" in text and "bad.txt" in text  # failures still come out, coded
    assert not ANIMATION.search(text), text
    assert "stored 3 new" in proc.stdout.decode()


@pytest.mark.parametrize(
    "ticks,lines",
    [
        ([1, 2, 3], 0),  # a short run: no line at all
        ([PLAIN_EVERY - 1, PLAIN_EVERY], 1),
        ([PLAIN_EVERY, PLAIN_EVERY + 1, 2 * PLAIN_EVERY - 1], 1),  # at most one line per interval
        ([PLAIN_EVERY, 2 * PLAIN_EVERY, 3 * PLAIN_EVERY + 5], 3),
    ],
)
def test_plain_progress_prints_a_line_at_most_every_interval(ticks, lines):
    now = [0.0]
    buf = io.StringIO()
    console = Console(file=buf, width=200)
    with PlainProgress(console, clock=lambda: now[0]) as progress:
        task = progress.add_task("ingest", counts="", status="")
        for t in ticks:
            now[0] = t
            progress.update(task, advance=1, counts="(1 files; 1 new)", status="[bold]x[/]")
    out = buf.getvalue().splitlines()
    assert len(out) == lines, out
    for line in out:
        assert re.fullmatch(r"ingest: \d+ documents \(1 files; 1 new\) \d+:\d\d:\d\d", line), line
        assert not ANIMATION.search(line)


@pytest.mark.parametrize(
    "quiet,terminal,kind",
    [(False, True, "live"), (False, False, "plain"), (True, True, "off"), (True, False, "off")],
)
def test_progress_display_by_terminal_and_quiet(quiet, terminal, kind):
    shown = progress_display(quiet, terminal=terminal)
    got = "plain" if isinstance(shown, PlainProgress) else ("off" if shown.disable else "live")
    assert isinstance(shown, (Progress, PlainProgress)) and got == kind
