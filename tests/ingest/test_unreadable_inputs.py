"""A file or folder the user may not read: the folder was skipped without a word and the
file failed with a bare ``[Errno 13] Permission denied`` (no code, counted as "other");
both are now ``[E161]`` naming the path, and the readable documents beside them are read.

Root reads everything, so as root the reader runs in a child process without the
capabilities that let root ignore file modes (``setpriv``, util-linux)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")
READ = ("import json, sys; from lagebild.ingest import read_paths; "
        "print(json.dumps([[type(i).__name__, getattr(i, 'source', None), getattr(i, 'reason', None)] "
        "for i in read_paths(sys.argv[1:])]))")


def _read_as_user(*paths: Path):
    cmd = [sys.executable, "-c", READ, *map(str, paths)]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: root reads files of any mode")
        drop = "-dac_override,-dac_read_search"
        cmd = ["setpriv", "--bounding-set", drop, "--inh-caps", drop, *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=SRC), check=True)
    return json.loads(out.stdout)


TEXT = "Die Bürgermeisterin von Husum eröffnete am Donnerstag den neuen Radweg an der Küste.\n"


@pytest.fixture()
def folder(tmp_path: Path):
    root = tmp_path / "in"
    (root / "closed").mkdir(parents=True)
    (root / "closed" / "inner.txt").write_text(TEXT, encoding="utf-8")
    (root / "ok.txt").write_text(TEXT, encoding="utf-8")
    (root / "secret.txt").write_text(TEXT.replace("Husum", "Tönning"), encoding="utf-8")
    os.chmod(root / "secret.txt", 0)
    os.chmod(root / "closed", 0)
    yield root
    os.chmod(root / "closed", 0o755)
    os.chmod(root / "secret.txt", 0o644)


def test_unreadable_file_and_folder_are_e161(folder: Path):
    got = _read_as_user(folder)
    kinds = sorted((kind, Path(source).name, (reason or "")[:6]) for kind, source, reason in got)
    assert kinds == [("Article", "ok.txt", ""), ("IngestFailure", "closed", "[E161]"),
                     ("IngestFailure", "secret.txt", "[E161]")], got


def test_unreadable_file_named_explicitly(folder: Path):
    ((kind, source, reason),) = _read_as_user(folder / "secret.txt")
    assert kind == "IngestFailure" and reason.startswith("[E161]") and "secret.txt" in reason


def test_unreadable_folder_named_explicitly(folder: Path):
    ((kind, source, reason),) = _read_as_user(folder / "closed")
    assert kind == "IngestFailure" and reason.startswith("[E161]") and "closed" in source
