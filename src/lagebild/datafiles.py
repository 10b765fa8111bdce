"""Loaders for the readable data files (TSV, JSONL, YAML) that lexicons, patterns and the
actor knowledge base live in.

Each loader validates as it reads and raises :class:`DataFileError` naming the file and
line, so a user extending a lexicon sees exactly where a mistake is.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence

from .errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"

Validator = Callable[[Dict[str, Any]], Optional[str]]


def data_path(*parts: str) -> Path:
    """Path of a file shipped in ``lagebild/data``."""
    return DATA_DIR.joinpath(*parts)


def iter_tsv(
    path: Path | str,
    *,
    required: Sequence[str] = (),
    validate: Optional[Validator] = None,
) -> Iterator[Dict[str, Any]]:
    """Rows of a tab-separated file with a header line; ``#`` starts a comment line.

    Yields dicts with an extra ``_line`` key. Empty optional cells become ``None``.
    """
    path = Path(path)
    header: Optional[List[str]] = None
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in required if c not in header]
                if missing:
                    raise DataFileError(str(path), lineno, f"header lacks column(s) {missing}")
                continue
            if len(cells) > len(header):
                raise DataFileError(
                    str(path), lineno, f"{len(cells)} cells but the header has {len(header)}"
                )
            row: Dict[str, Any] = {
                name: (cells[i].strip() or None) if i < len(cells) else None
                for i, name in enumerate(header)
            }
            for name in required:
                if not row.get(name):
                    raise DataFileError(str(path), lineno, f"column {name!r} is empty")
            if validate is not None:
                problem = validate(row)
                if problem:
                    raise DataFileError(str(path), lineno, problem)
            row["_line"] = lineno
            yield row


def iter_jsonl(
    path: Path | str,
    *,
    required: Sequence[str] = (),
    validate: Optional[Validator] = None,
) -> Iterator[Dict[str, Any]]:
    """Objects of a JSON Lines file; blank lines and ``//`` comment lines are skipped."""
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.strip()
            if not line or line.startswith("//"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise DataFileError(str(path), lineno, f"invalid JSON: {e.msg}") from e
            if not isinstance(obj, dict):
                raise DataFileError(str(path), lineno, "each line must be a JSON object")
            for name in required:
                if obj.get(name) in (None, "", []):
                    raise DataFileError(str(path), lineno, f"key {name!r} is missing or empty")
            if validate is not None:
                problem = validate(obj)
                if problem:
                    raise DataFileError(str(path), lineno, problem)
            obj["_line"] = lineno
            yield obj


def load_yaml(path: Path | str) -> Any:
    """A YAML document; syntax errors are reported with file and line."""
    import yaml

    path = Path(path)
    try:
        with path.open(encoding="utf-8") as fh:
            # libyaml's loader when PyYAML has it: the same documents, ~8x faster (start-up)
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except yaml.MarkedYAMLError as e:
        line = (e.problem_mark.line + 1) if e.problem_mark is not None else 0
        raise DataFileError(str(path), line, str(e.problem or e)) from e


def lang_words(lang: str, name: str, *, lower: bool = True) -> frozenset:
    """The words of the optional word list ``data/<lang>/<name>`` (:func:`word_list`'s
    format), lower-cased unless ``lower`` is False; empty when the language has no such
    file (a language the list does not apply to)."""
    path = data_path(lang, name)
    if not path.is_file():
        return frozenset()
    words = word_list(str(path))
    return frozenset(w.lower() for w in words) if lower else words


@lru_cache(maxsize=None)
def word_list(path: str) -> frozenset:
    """A set of words from a file of whitespace-separated words (``#`` comments allowed).

    The spaCy ``stop_words.py`` style, but as data: one or more words per line.
    """
    words: set = set()
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0]
            words.update(w for w in line.split() if w)
    return frozenset(words)
