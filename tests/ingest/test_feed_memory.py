"""Peak memory of ``lagebild ingest`` on a feed stays flat in the number of items and
under issue 15's 1 GiB per worker. A feed of 5,000 one-line items peaked at 1.42 GB with
one worker: not from holding items (100 and 5,000 items peaked alike) but from the
language check loading every n-gram model for a text under 120 characters."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest


def _feed(path: Path, n: int) -> None:
    items = "".join(
        f"<item><title>Notiz {i}</title><link>https://example.org/n/{i}</link>"
        f"<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate><description>Der Stadtrat von Weiler{i} "
        f"bewilligte am Dienstag {i} Euro für neue Radwege.</description></item>" for i in range(n))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>'
                    f"{items}</channel></rss>", encoding="utf-8")


# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forking process (pytest,
# with pipelines loaded), VmHWM belongs to this process image alone
PROBE = ("import re, sys\nfrom lagebild.cli import app\ntry:\n    app(sys.argv[1:])\nexcept SystemExit as e:\n"
         "    print('rc', e.code, file=sys.stderr)\n"
         "print('peak_kb', re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n")


def _peak_mb(tmp_path: Path, n: int) -> float:
    feed, db = tmp_path / f"f{n}.xml", tmp_path / f"f{n}.duckdb"
    _feed(feed, n)
    out = subprocess.run([sys.executable, "-c", PROBE, "ingest", str(feed), "--db", str(db), "-w", "1", "-q"],
                         capture_output=True, text=True, timeout=900, env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert f"stored {n} new" in " ".join(out.stdout.split()), out.stdout + out.stderr
    return int(re.search(r"peak_kb (\d+)", out.stdout).group(1)) / 1024


@pytest.mark.slow
def test_short_item_feed_memory_is_flat_and_under_a_gib(tmp_path):
    small, large = _peak_mb(tmp_path, 200), _peak_mb(tmp_path, 2000)
    assert large - small < 100, (small, large)
    assert large < 1024, (small, large)   # was ~1,390 MB for either size
