"""Cold start: seconds from `lagebild analyze ARTICLE` to its first result, as a fresh process.

    python benchmarks/cold_start.py [--runs 5] [--ingest-workers 2] [ARTICLE]

Runs the real command (``python -m lagebild analyze ARTICLE``) ``--runs`` times with the
linker's surface-form cache warm (the normal case after the first run), then once with an
empty cache directory (the first run after install or after a KB change), and prints the
median wall time, CPU time and peak memory; then, in one process, where the time goes
(imports, pipeline load, the linker's matcher, the first document).
``--ingest-workers N`` adds a row: ``lagebild ingest`` of the article with N worker
processes on an empty cache (every worker needs the linker's matcher; they build it once
between them), CPU summed over the parent and its workers. The peak RSS column is the
largest single process of the runs so far (``ru_maxrss`` of the children).

ARTICLE defaults to a short German article written to a temporary file (~330 characters).
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List, Optional

ARTICLE = (
    "Entführung in Nigeria. Lena Probst. 16.04.2025.\n\n"
    "Bewaffnete haben am Dienstag im Norden Nigerias mehr als 40 Schüler entführt. Die Entführung "
    "der Schüler löste landesweit Entsetzen aus. Nach der Entführung vom Dienstag kündigte die "
    "Regierung eine Suchaktion an. Die Entführer verschleppten die Kinder in ein Waldgebiet.\n"
)


def timed_run(article: Path, env: dict, command: Optional[List[str]] = None) -> tuple:
    """``(wall s, CPU s, peak RSS MiB)`` of ``lagebild analyze ARTICLE`` (or ``command``) as a
    child process; CPU counts the child and its own children (workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(command or [sys.executable, "-m", "lagebild", "analyze", str(article)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"lagebild failed: {proc.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def breakdown(article: Path) -> list:
    code = f"""
import time; t0 = time.perf_counter()
import lagebild
from lagebild.pipeline import load
from lagebild.ingest.readers import iter_items
from lagebild.batch import analyze_items
t1 = time.perf_counter()
(path, art), = list(iter_items([{str(article)!r}]))
from lagebild.pipeline import choose_language
lang = choose_language(art)
t2 = time.perf_counter()
nlp = load(lang)
t3 = time.perf_counter()
linker = nlp.get_pipe("lagebild_actors").linker
doc = list(analyze_items(iter_items([{str(article)!r}])))
t4 = time.perf_counter()
print(f"{{t1-t0}} {{t2-t1}} {{t3-t2}} {{t4-t3}} {{linker.matcher_source}}")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return [float(x) for x in out[:4]] + [" ".join(out[4:])]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", nargs="?", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--ingest-workers", type=int, default=0,
                    help="also time `lagebild ingest --workers N` on an empty cache")
    args = ap.parse_args()
    from rich.console import Console
    from rich.table import Table

    tmp = Path(tempfile.mkdtemp(prefix="lagebild-cold-"))
    article = args.article or tmp / "kurz.txt"
    if args.article is None:
        article.write_text(ARTICLE, encoding="utf-8")
    env = dict(os.environ)
    timed_run(article, env)  # make sure the cache exists
    warm = [timed_run(article, env) for _ in range(args.runs)]
    cold_env = dict(env, LAGEBILD_CACHE=str(tmp / "empty-cache"))
    cold = timed_run(article, cold_env)
    table = Table(title=f"time to the first result of `lagebild analyze` ({article.stat().st_size} bytes), "
                        f"load average {os.getloadavg()[0]:.1f}")
    for col in ("case", "runs", "wall s (median)", "CPU s (median)", "peak RSS MiB"):
        table.add_column(col, justify="left" if col == "case" else "right")
    table.add_row("matcher cache warm", str(len(warm)), f"{statistics.median(w for w, _, _ in warm):.2f}",
                  f"{statistics.median(c for _, c, _ in warm):.2f}", f"{max(m for _, _, m in warm):.0f}")
    table.add_row("matcher cache empty (first run)", "1", f"{cold[0]:.2f}", f"{cold[1]:.2f}", f"{cold[2]:.0f}")
    if args.ingest_workers:
        n = args.ingest_workers
        ingest_env = dict(env, LAGEBILD_CACHE=str(tmp / "empty-cache-ingest"))
        folder = tmp / "ingest"
        folder.mkdir()
        # the pool starts a worker per task waiting for one: enough documents for two
        # tasks per worker (scale.local.EXACT_CHUNK documents each)
        for i in range(8 * n):
            (folder / f"{i}.txt").write_text(article.read_text(encoding="utf-8") + f"\n({i})\n", encoding="utf-8")
        run = timed_run(article, ingest_env, [sys.executable, "-m", "lagebild", "ingest", str(folder), "--db",
                                              str(tmp / "ingest.duckdb"), "--workers", str(n)])
        table.add_row(f"ingest --workers {n}, cache empty (first run)", "1", f"{run[0]:.2f}", f"{run[1]:.2f}",
                      f"{run[2]:.0f}")
    console = Console(width=max(Console().width, 120))
    console.print(table)
    parts = [breakdown(article) for _ in range(max(1, min(3, args.runs)))]
    stages = Table(title="where the time goes (one process, cache warm, median)")
    stages.add_column("stage")
    stages.add_column("seconds", justify="right")
    for i, name in enumerate(("imports", "read + language id", "pipeline load (base model + components)", "first document")):
        stages.add_row(name, f"{statistics.median(p[i] for p in parts):.2f}")
    console.print(stages)
    console.print(f"linker matcher: {parts[-1][4]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
