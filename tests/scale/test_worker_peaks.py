"""The throughput benchmark's per-worker peak memory (benchmarks/throughput_scale.py):
the workers' own high-water mark, not ``ru_maxrss`` of the children, which on Linux
starts from the parent's peak (a spawned worker is the parent, vforked, before exec)."""
from __future__ import annotations

import multiprocessing
import sys
import time
from pathlib import Path

import pytest
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not any(Path("/proc/self/task").glob("*/children")),
    reason="needs Linux /proc/<pid>/task/<tid>/children",
)


def _bench():
    return load_script("benchmarks/throughput_scale.py")


def _child(mib: int) -> None:
    block = bytearray(mib * 2**20)
    for i in range(0, len(block), 4096):  # touched: resident
        block[i] = 1
    time.sleep(0.8)


def test_worker_peak_is_the_workers_own_not_the_parents():
    bench = _bench()
    parent_block = bytearray(200 * 2**20)
    for i in range(0, len(parent_block), 4096):
        parent_block[i] = 1
    ctx = multiprocessing.get_context("spawn")
    with bench.WorkerPeaks(interval=0.05) as peaks:
        proc = ctx.Process(target=_child, args=(40,))
        proc.start()
        proc.join()
    assert proc.exitcode == 0
    # the child's own peak: its 40 MiB and an interpreter, far below the parent's 200 MiB
    assert 40 <= peaks.largest < 150
    # what the benchmark reported before: the parent's peak carried into the child
    assert bench.children_peak_mib() >= 200
    del parent_block
