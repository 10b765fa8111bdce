"""Peak resident memory of ``lagebild analyze`` on huge inputs (the whole process tree).

    python benchmarks/memory.py                 # all cases, prints a table
    python benchmarks/memory.py --cases text-1m --keep /tmp/mem

Each case writes its input into a temporary folder, runs ``lagebild analyze INPUT
--format jsonl`` with default settings and samples the summed RSS of the process and all
its children from /proc every 50 ms (Linux). The target (issue 14) is <= 2 GiB for any input.
The texts are built from lagebild's own examples/ with numbered variations, so the
benchmark needs no data outside the repository.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MIB = 2048


def _paragraphs() -> List[str]:
    pars: List[str] = []
    for f in sorted((ROOT / "examples").glob("*.txt")):
        lines = f.read_text(encoding="utf-8").split("\n")
        pars.extend(p.strip() for p in "\n".join(lines[1:]).split("\n\n") if len(p.strip()) > 100 and "Foto:" not in p)
    return pars


def long_text(chars: int, *, seed: int = 0) -> str:
    """A plain text of about ``chars`` characters: example paragraphs, numbered so that
    no two are identical."""
    pars = _paragraphs()
    out: List[str] = ["Langer Bericht. Anna Beispiel. 14.02.2025.", ""]
    size, i = 0, 0
    while size < chars:
        p = f"{pars[(i + seed) % len(pars)]} (Abschnitt {i + 1})"
        out.append(p)
        out.append("")
        size += len(p) + 2
        i += 1
    return "\n".join(out)


def _write_text(d: Path, chars: int) -> Path:
    p = d / "long.txt"
    p.write_text(long_text(chars), encoding="utf-8")
    return p


def _write_folder(d: Path, n: int, chars: int) -> Path:
    folder = d / "folder"
    folder.mkdir()
    for k in range(n):
        (folder / f"doc{k:02d}.txt").write_text(long_text(chars, seed=k), encoding="utf-8")
    return folder


def _write_jsonl(d: Path, chars: int) -> Path:
    p = d / "long.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        for k in range(2):
            fh.write(json.dumps({"text": long_text(chars, seed=k), "title": f"Lang {k}", "published": "2025-02-14"}) + "\n")
    return p


def _write_html(d: Path, chars: int) -> Path:
    body = "".join(f"<p>{p}</p>\n" for p in long_text(chars).split("\n\n")[1:])
    p = d / "long.html"
    p.write_text(f"<!DOCTYPE html><html><head><title>Lang</title></head><body><article>{body}</article></body></html>", encoding="utf-8")
    return p


CASES: Dict[str, Callable[[Path], Path]] = {
    "text-1m": lambda d: _write_text(d, 1_000_000),
    "html-1m": lambda d: _write_html(d, 1_000_000),
    "jsonl.gz-2x500k": lambda d: _write_jsonl(d, 500_000),
    "folder-8x250k": lambda d: _write_folder(d, 8, 250_000),
}


def _tree_rss_kib(pid: int) -> int:
    """Summed VmRSS of ``pid`` and its descendants, in KiB (0 when gone)."""
    children: Dict[int, List[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def measure(path: Path) -> Dict[str, object]:
    """Run ``lagebild analyze path`` and return peak tree RSS (MiB), seconds, exit code."""
    exe = Path(sys.executable).parent / "lagebild"
    cmd = [str(exe), "analyze", str(path), "--format", "jsonl"]
    env = dict(os.environ)
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kib(proc.pid))
            time.sleep(0.05)
        out.seek(0)
        docs = [json.loads(line) for line in out.read().decode("utf-8").splitlines() if line.strip()]
        err.seek(0)
        errors = err.read().decode("utf-8", errors="replace").strip().splitlines()
    return {
        "peak_mib": peak / 1024,
        "seconds": time.monotonic() - start,
        "rc": proc.returncode,
        "docs": len(docs),
        "chars": sum(len(d["text"]) for d in docs),
        "events": sum(len(d["events"]) for d in docs),
        "errors": errors[-3:],
    }


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", nargs="*", default=list(CASES), choices=list(CASES))
    ap.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    args = ap.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="lagebild-mem-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for name in args.cases:
            d = work / name
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir()
            r = measure(CASES[name](d))
            rows.append((name, r))
            print(f"  {name}: {r['peak_mib']:.0f} MiB, {r['seconds']:.0f} s, rc {r['rc']}", file=sys.stderr)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"| input | documents | characters analysed | events | peak RSS (MiB, process tree) | seconds | exit | <= {LIMIT_MIB} MiB |")
    print("|---|---|---|---|---|---|---|---|")
    ok = True
    for name, r in rows:
        met = r["peak_mib"] <= LIMIT_MIB and r["rc"] == 0
        ok &= met
        print(f"| {name} | {r['docs']} | {r['chars']:,} | {r['events']} | {r['peak_mib']:.0f} | {r['seconds']:.0f} | {r['rc']} | {'yes' if met else 'NO'} |")
        for line in r["errors"]:
            print(f"|   stderr: {line[:150]} |||||||")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
