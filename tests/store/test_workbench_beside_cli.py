"""A DuckDB file opened by the workbench (`lagebild serve`, read-only) beside the CLI, as an
analyst meets it: `export` of a stored table reads the file as `documents` does, so it works
while the workbench runs (it opened the file for writing and failed); a command that must
write (`ingest`, `export --table incidents`) is refused in one line that names the
workbench as the holder (it said "locked by another process writing to it (e.g. `lagebild
ingest`, process N)" for a read-only workbench).

The workbench is a real process (the file's holder must be another process); the CLI commands
beside it run in this process through typer's runner (what they print and exit with is the
test, not a process start; ``tests/test_cli.py`` starts real ones)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.store.backends import lock_holder

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "LAGEBILD_LOCK_WAIT": "0.5"}
RUNNER = CliRunner(env={"LAGEBILD_LOCK_WAIT": "0.5"})


class _Run:
    """What a CLI command run by the runner gave: ``returncode``, ``stdout``, ``stderr``."""

    def __init__(self, result) -> None:  # type: ignore[no-untyped-def]
        self.returncode, self.stdout, self.stderr = result.exit_code, result.stdout, result.stderr


def _lagebild(*args: str) -> _Run:
    return _Run(RUNNER.invoke(app, list(args)))


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A store of the examples, with a workbench serving it (read-only) until the tests end."""
    db = tmp_path_factory.mktemp("wb") / "news.duckdb"
    done = _lagebild("ingest", str(EXAMPLES), "--db", str(db), "-q")
    assert done.returncode == 0, done.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "lagebild", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    deadline = time.monotonic() + 300
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents", timeout=5).read()
            break
        except OSError:
            assert proc.poll() is None and time.monotonic() < deadline, "the workbench did not start"
            time.sleep(0.5)
    yield db, proc.pid
    proc.terminate()
    proc.wait(timeout=60)


@pytest.mark.parametrize("table,fmt", [("documents", "csv"), ("events", "parquet"), ("forecasts", "jsonl"),
                                       ("documents", "jsonl")])
def test_export_of_a_stored_table_works_beside_the_workbench(served, tmp_path, table, fmt):
    db, _ = served
    out = tmp_path / f"{table}.{fmt}"
    result = _lagebild("export", str(out), "--db", str(db), "--table", table, "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


@pytest.mark.parametrize("args", [
    ["resolve", "--all", "--as-of", "2030-01-01", "--format", "json"],
    ["resolve", "--history"],
    ["forecasts"],
    ["score"],
], ids=["resolve-list", "resolve-history", "forecasts", "score"])
def test_reading_the_ledger_works_beside_the_workbench(served, args):
    """`resolve` lists (and shows) without writing: it used to rewrite forecasts.status on
    every listing, so on DuckDB it failed with [E041] while the workbench ran."""
    db, _ = served
    result = _lagebild(*args, "--db", str(db))
    assert result.returncode == 0, result.stderr
    if args[0] == "resolve" and "--format" in args:
        items = json.loads(result.stdout)
        assert items, "the examples hold forecasts"
        one = _lagebild("resolve", items[0]["forecast_id"], "--db", str(db))
        assert one.returncode == 0, one.stderr


@pytest.mark.parametrize("args", [
    ["ingest", str(EXAMPLES / "en_summit.txt")],
    ["export", "incidents.jsonl", "--table", "incidents"],
], ids=["ingest", "export-incidents"])
def test_a_writer_is_told_that_the_workbench_holds_the_file(served, tmp_path, args):
    db, pid = served
    args = [str(tmp_path / a) if a.endswith(".jsonl") else a for a in args]
    result = _lagebild(*args, "--db", str(db))
    assert result.returncode == 2, result.stderr
    err = " ".join(result.stderr.split())
    assert "[E041]" in err and f"`lagebild serve`, process {pid}" in err, err
    assert "writing to it" not in err and len(result.stderr.strip().splitlines()) == 1


def test_lock_holder_names_other_programs_and_unknown_processes():
    other = subprocess.Popen([sys.executable, "-c", "import time; print('ready', flush=True); time.sleep(60)"],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "ready"  # past exec: its command line is readable
        assert lock_holder(other.pid) == f"`{Path(sys.executable).name} -c`, process {other.pid}"
    finally:
        other.kill()
        other.wait()
    assert lock_holder(None) == "e.g. `lagebild ingest` or `lagebild serve`"
    assert lock_holder(2 ** 22 + 12345) == f"process {2 ** 22 + 12345}"  # above Linux's pid_max: no /proc entry
