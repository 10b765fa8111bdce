"""Find article text from ``../shared`` that slipped into the repository.

    python scripts/corpus_overlap.py                 # every tracked text file
    python scripts/corpus_overlap.py --diff main     # only files changed since a revision
    python scripts/corpus_overlap.py --show-text     # print the overlapping words (local use)

The licences of the news corpora forbid shipping their text (the developers' brief: "commit
offsets, labels and hashes, never the text"). Test sentences, comments, data-file examples
and CHANGELOG entries must be our own. This script compares every line of the tracked text
files with the corpora under ``../shared`` and reports each line that shares a run of
``N`` (7) consecutive words with one of them:

* ``data/news-de/10kGNAD-test.csv`` (German news, CC BY-NC-SA: never shipped),
* ``data/html-aeb/html/*.html.gz`` (the English pages of the Article Extraction Benchmark;
  markup removed),
* ``data/petrarch2/GigaWord.sample.PETR.xml`` (LDC GigaWord sentences, held out),
* ``seed/*.txt`` (the seed commentary).

The field cases (``cases/field/``) are not compared: they are inputs written for this project
to show a fault, with invented names, and their tests quote them on purpose.

Words are ``\\w+`` runs, case-folded, so punctuation and capitals do not hide a copy; a
run of numbers only is not reported.
A run that is common phrasing rather than article text (a title with a name, an agency
formula) may be allowed in ``tests/data/corpus_overlap_allow.tsv``: one line per run,
``<sha1 of the run's words joined by one space>\\t<reason>``, so the allowlist holds no
corpus text either. Lines of that file are checked: a malformed line is reported with its
file and line number (``ValueError``).

Exit status: 0 when nothing is found, 1 when lines overlap, 2 when ``../shared`` is missing.
Method: word n-gram containment, as in plagiarism and test-set contamination checks
(e.g. Broder 1997, "On the resemblance and containment of documents"); 7 words keeps
set phrases out while any copied clause is caught.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Set, Tuple

N = 7
REPO = Path(__file__).resolve().parent.parent
ALLOW = REPO / "tests" / "data" / "corpus_overlap_allow.tsv"
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)
# files that are not text we write: trained models, lockfiles, binary data
_SKIP_SUFFIXES = (".safetensors", ".bin", ".npz", ".pt", ".gz", ".zip", ".png", ".jpg",
                  ".ico", ".woff", ".woff2", ".duckdb", ".parquet", ".spacy", ".pkl")
_SKIP_PARTS = ("src/lagebild/models/",)


def words(text: str) -> List[str]:
    """Case-folded ``\\w+`` runs of ``text``."""
    return _WORD.findall(text.casefold())


def run_key(run: Iterable[str]) -> str:
    """The sha1 (hex) of a run of words joined by one space: the allowlist's key."""
    return hashlib.sha1(" ".join(run).encode("utf-8")).hexdigest()


def corpus_texts(shared: Path) -> Iterator[Tuple[str, str]]:
    """``(name, text)`` of every corpus document the check compares against."""
    csv = shared / "data" / "news-de" / "10kGNAD-test.csv"
    if csv.exists():
        yield csv.name, csv.read_text(encoding="utf-8", errors="replace")
    for page in sorted((shared / "data" / "html-aeb" / "html").glob("*.html.gz")):
        raw = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
        yield page.name, html.unescape(_TAG.sub(" ", raw))
    giga = shared / "data" / "petrarch2" / "GigaWord.sample.PETR.xml"
    if giga.exists():
        yield giga.name, giga.read_text(encoding="utf-8", errors="replace")
    for path in sorted((shared / "seed").glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8", errors="replace")


def corpus_grams(shared: Path) -> Dict[int, str]:
    """Hash of every ``N``-word run in the corpora -> the name of one document holding it."""
    return grams_of(corpus_texts(shared))


def grams_of(texts: Iterable[Tuple[str, str]]) -> Dict[int, str]:
    """Hash of every ``N``-word run of ``(name, text)`` pairs -> the first name holding it."""
    grams: Dict[int, str] = {}
    for name, text in texts:
        toks = words(text)
        for i in range(len(toks) - N + 1):
            grams.setdefault(hash(tuple(toks[i:i + N])), name)
    return grams


def load_allow(path: Path = ALLOW) -> Set[str]:
    """Allowed run keys from ``path``; ``ValueError`` names the file and line of a bad row."""
    keys: Set[str] = set()
    if not path.exists():
        return keys
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, _, reason = line.partition("\t")
        if not re.fullmatch(r"[0-9a-f]{40}", key) or not reason.strip():
            raise ValueError(f"{path}:{lineno}: expected '<sha1>\\t<reason>', got {line[:60]!r}")
        keys.add(key)
    return keys


def tracked_files(diff: Optional[str] = None) -> List[str]:
    """Tracked files of the repository (or those changed since ``diff``) that hold our text."""
    cmd = ["git", "diff", "--name-only", diff] if diff else ["git", "ls-files"]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, check=True).stdout
    keep = []
    for name in out.split():
        if name.endswith(_SKIP_SUFFIXES) or name.startswith(_SKIP_PARTS):
            continue
        if name == "tests/data/corpus_overlap_allow.tsv":
            continue
        keep.append(name)
    return keep


def find_overlaps(files: Iterable[str], grams: Dict[int, str], allow: Set[str], root: Path = REPO
                  ) -> List[Tuple[str, int, str, Tuple[str, ...]]]:
    """``[(file, line number, corpus document, the first shared run)]``, one per line;
    ``files`` are paths relative to ``root``; unreadable or binary files are skipped."""
    hits = []
    for name in files:
        path = root / name
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        for lineno, line in enumerate(text.splitlines(), 1):
            toks = words(line)
            for i in range(len(toks) - N + 1):
                run = tuple(toks[i:i + N])
                if all(t.isdigit() for t in run):
                    continue  # a run of numbers (a table header, a date) is nobody's text
                doc = grams.get(hash(run))
                if doc is not None and run_key(run) not in allow:
                    hits.append((name, lineno, doc, run))
                    break
    return hits


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--diff", help="only files changed since this revision")
    ap.add_argument("--show-text", action="store_true",
                    help="print the shared words (for the author's eyes; never commit them)")
    args = ap.parse_args(argv)
    if not (args.shared / "data").is_dir():
        print(f"no corpora at {args.shared}: nothing checked", file=sys.stderr)
        return 2
    grams = corpus_grams(args.shared)
    hits = find_overlaps(tracked_files(args.diff), grams, load_allow())
    for name, lineno, doc, run in hits:
        shown = " ".join(run) if args.show_text else run_key(run)
        print(f"{name}:{lineno}: {doc}: {shown}")
    print(f"{len(hits)} line(s) share {N} words with a corpus", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
