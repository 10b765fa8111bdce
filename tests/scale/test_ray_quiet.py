"""`ingest --engine ray --quiet` printed Ray's own lines on a successful run: a
`core_worker.cc … max_restarts > 0` ERROR line (Ray Data causes it on every actor pool),
"Progress bars disabled" and the token-authentication notice. Quiet now means quiet: Ray's
output of the run goes to a temporary log file, removed after a success; a run that fails
inside Ray is E056, naming that file; lagebild's own failures still come out coded."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lagebild.scale import ray_engine
from lagebild.scale.ray_engine import ray_output_to_file

SRC = str(Path(__file__).resolve().parents[2] / "src")


@pytest.mark.parametrize("quiet", [True, False])
def test_ray_output_goes_to_a_file_only_when_quiet(quiet, capfd):
    with ray_output_to_file(quiet) as log:
        os.write(2, b"[2026 E 1 1] core_worker.cc:2465: noise\n")  # as Ray's C++ core writes
    err = capfd.readouterr().err
    if quiet:
        assert log and "core_worker" not in err and "core_worker" in Path(log).read_text()
        os.write(2, b"after\n")  # stderr is back
        assert "after" in capfd.readouterr().err
        Path(log).unlink()
    else:
        assert log is None and "core_worker" in err


def test_a_failure_inside_ray_is_coded_and_keeps_the_log(monkeypatch, tmp_path):
    ray = pytest.importorskip("ray", reason="Ray is the optional extra [ray] (make setup installs it)")

    def failing(*args, **kwargs):
        os.write(2, b"Ray's own message about the failure\n")
        raise ray.exceptions.RayError("an actor died\nsecond line")

    monkeypatch.setattr(ray_engine, "_run_on_ray", failing)
    with pytest.raises(RuntimeError) as info:
        ray_engine.run_ray([str(tmp_path)], tmp_path / "out", quiet=True)
    text = str(info.value)
    assert text.startswith("[E056]") and "an actor died" in text and "second line" not in text
    log = re.search(r"in (\S+lagebild-ray-\S+\.log)", text).group(1)
    assert "Ray's own message" in Path(log).read_text()
    Path(log).unlink()


def test_a_quiet_success_leaves_no_log(monkeypatch, tmp_path):
    pytest.importorskip("ray", reason="Ray is the optional extra [ray] (make setup installs it)")
    seen = []

    def ok(*args, **kwargs):
        seen.append(os.readlink("/proc/self/fd/2"))  # where Ray's output went during the run
        return ray_engine.RayReport(out=str(tmp_path / "out"))

    monkeypatch.setattr(ray_engine, "_run_on_ray", ok)
    ray_engine.run_ray([str(tmp_path)], tmp_path / "out", quiet=True)
    assert "lagebild-ray-" in seen[0] and not Path(seen[0]).exists()


def test_ingest_on_ray_with_quiet_prints_only_lagebild_lines(tmp_path):
    """A real local Ray: stderr holds the one coded failure and nothing of Ray's."""
    pytest.importorskip("ray", reason="Ray is the optional extra [ray] (make setup installs it)")
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2):
        (folder / f"a{i}.txt").write_text(f"Meldung {i}\n\nDie Regierung in Kiew kündigte am Montag Gespräche an.\n")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    env = dict(os.environ, PYTHONPATH=SRC, OMP_NUM_THREADS="1")
    proc = subprocess.run([sys.executable, "-m", "lagebild", "ingest", str(folder), "--engine", "ray",
                           "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"],
                          capture_output=True, text=True, env=env, timeout=500)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1, proc.stderr
    assert len(lines) == 1 and lines[0].startswith("failed ") and "[E002]" in lines[0], proc.stderr
    assert "wrote Parquet partitions of 3 files" in proc.stdout


def test_another_error_is_raised_as_it_is_and_leaves_no_log(monkeypatch, tmp_path):
    pytest.importorskip("ray", reason="Ray is the optional extra [ray] (make setup installs it)")
    seen = []

    def missing(*args, **kwargs):
        seen.append(os.readlink("/proc/self/fd/2"))
        raise FileNotFoundError("no such input")

    monkeypatch.setattr(ray_engine, "_run_on_ray", missing)
    with pytest.raises(FileNotFoundError):
        ray_engine.run_ray([str(tmp_path)], tmp_path / "out", quiet=True)
    assert "lagebild-ray-" in seen[0] and not Path(seen[0]).exists()


def test_the_library_default_leaves_the_callers_stderr_alone(monkeypatch, tmp_path, capfd):
    """``run_ray`` from Python (no ``quiet``) redirected the caller's file descriptor 2 into
    a log file removed after the run: a notebook's or service's own stderr lines written
    meanwhile were lost. Only ``quiet=True`` (``ingest --quiet``) redirects now."""
    pytest.importorskip("ray", reason="Ray is the optional extra [ray] (make setup installs it)")

    def ok(*args, **kwargs):
        os.write(2, b"the caller's own line during the run\n")
        return ray_engine.RayReport(out=str(tmp_path / "out"))

    monkeypatch.setattr(ray_engine, "_run_on_ray", ok)
    ray_engine.run_ray([str(tmp_path)], tmp_path / "out")
    assert "the caller's own line during the run" in capfd.readouterr().err
