"""Every ``Example:`` in every ``--help`` runs, as written, in a fresh working folder that
has the repository's ``examples/`` and a database ingested from them (./lagebild.duckdb)."""
from __future__ import annotations

import glob
import os
import re
import shlex
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lagebild.cli import app

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def _commands(cmd, path=()):
    import click  # noqa: F401  (typer's commands are click commands)

    yield path, cmd
    for name, sub in sorted(getattr(cmd, "commands", {}).items()):
        yield from _commands(sub, path + (name,))


def examples():
    """(command path, example command line) for every Example in the help texts."""
    root = typer.main.get_command(app)
    found = []
    for path, cmd in _commands(root):
        text = cmd.help or ""
        for m in re.finditer(r"Examples?:(.*?)(?:\n\s*\n|$)", text, flags=re.S):
            for line in m.group(1).splitlines():
                if line.strip().startswith("lagebild "):
                    found.append((" ".join(path), line.strip()))
    return found


EXAMPLES = examples()
SLOW = {"eval"}  # the evaluations run models over whole gold sets


def test_every_verb_has_an_example():
    root = typer.main.get_command(app)
    have = {p for p, _ in EXAMPLES}
    missing = [" ".join(p) for p, c in _commands(root) if p and not hasattr(c, "commands") and " ".join(p) not in have]
    assert not missing, f"commands without an Example in --help: {missing}"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("ex")
    work = root / "work"
    work.mkdir()
    (work / "examples").symlink_to(REPO / "examples")
    if SHARED.exists():
        (root / "shared").symlink_to(SHARED)
    old = Path.cwd()
    os.chdir(work)
    env = {"LAGEBILD_KB": str(root / "kb"), "LAGEBILD_DB": None}
    runner = CliRunner(env=env)
    result = runner.invoke(app, ["ingest", "examples/", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    yield runner
    os.chdir(old)


@pytest.mark.parametrize(
    "where,line",
    [pytest.param(w, ln, marks=pytest.mark.slow) if w.split()[0] in SLOW else (w, ln) for w, ln in EXAMPLES],
    ids=[ln for _, ln in EXAMPLES],
)
def test_help_example_runs(workspace, where, line):
    args = shlex.split(line)[1:]
    expanded = []
    for a in args:
        hits = sorted(glob.glob(a)) if any(ch in a for ch in "*?[") else []
        expanded += hits or [a]
    if any("../shared" in a for a in args) and not SHARED.exists():
        pytest.skip("the example reads ../shared, which is absent")
    if "--engine" in expanded and expanded[expanded.index("--engine") + 1] == "ray":
        import importlib.util

        if importlib.util.find_spec("ray") is None or "auto" in expanded:
            pytest.skip("the Ray engine needs Ray installed and a running Ray cluster (--address auto)")
    if expanded[0] == "load-parquet" and not Path(expanded[1]).exists():
        pytest.skip(f"reads {expanded[1]}, the output of the Ray example (skipped here)")
    if expanded[0] == "serve":  # a server runs until stopped: it must come up and answer
        _serve(expanded)
        return
    result = workspace.invoke(app, expanded, catch_exceptions=False)
    assert result.exit_code == 0, f"{line}\n{result.output}"


def _serve(args):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    port = int(args[args.index("--port") + 1]) if "--port" in args else 8000
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            pytest.skip(f"port {port} is in use on this machine")
    proc = subprocess.Popen([sys.executable, "-m", "lagebild", *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stdout.read().decode(errors="replace")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:
                    assert resp.status == 200
                    return
            except OSError:
                time.sleep(0.5)
        pytest.fail("the server did not answer within 120 s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
