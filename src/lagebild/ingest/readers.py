"""Readers: from a path (file or folder) to articles, one reader per input format.

Readers are registered by format name in :data:`readers` (a catalogue registry, so other
packages can add formats through the ``lagebild_readers`` entry point). Each yields
:class:`~lagebild.schemas.Article` or :class:`IngestFailure`, never raises for one bad
document, so a batch always goes on.
"""
from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Tuple, Union

import catalogue

from ..errors import BadInputError, Errors, LagebildError
from ..schemas import Article
from .build import article_from_html, article_from_text, looks_like_html
from .decode import MAX_BYTES, decode_bytes

readers = catalogue.create("lagebild", "readers", entry_points=True)

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}


@dataclass
class IngestFailure:
    """A document that could not be ingested, with where it came from and why."""

    source: str
    reason: str


Item = Union[Article, IngestFailure]
Reader = Callable[[Path], Iterator[Item]]


def detect_format(path: Path) -> str:
    """The reader name for ``path``, by extension, then by sniffing its first bytes."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".warc")):
        return "warc"
    if name.endswith(".gz"):
        name = name[:-3]
    ext = os.path.splitext(name)[1]
    if ext in EXTENSIONS and ext != ".xml":
        return EXTENSIONS[ext]
    head = _read_head(path)
    lowered = head.lower()
    if b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered:
        return "feed"
    if head.lstrip().startswith(b"WARC/"):
        return "warc"
    if head.lstrip().startswith(b"{"):
        return "jsonl"
    try:
        if looks_like_html(head.decode("utf-8", errors="ignore")):
            return "html"
    except Exception:  # pragma: no cover - decode with errors=ignore does not raise
        pass
    return "text"


def _read_head(path: Path, size: int = 4096) -> bytes:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:  # type: ignore[operator]
            return fh.read(size)
    except OSError:
        return b""


def read_bytes(path: Path) -> bytes:
    """File contents (gunzipped), refusing files over :data:`MAX_BYTES` before reading."""
    if path.stat().st_size > MAX_BYTES:
        raise BadInputError(
            Errors.E004.format(size=path.stat().st_size, limit=MAX_BYTES, path=path), path=str(path)
        )
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise BadInputError(Errors.E004.format(size=len(data), limit=MAX_BYTES, path=path), path=str(path))
        return data
    return path.read_bytes()


def _read_one(path: Path, build: Callable[..., Article]) -> Iterator[Item]:
    """A file that holds one article, decoded and handed to ``build``."""
    try:
        text, warnings = decode_bytes(read_bytes(path), path=str(path))
        yield build(text, source=str(path), warnings=warnings)
    except (LagebildError, OSError) as e:
        yield IngestFailure(str(path), str(e))


@readers.register("text")
def read_text(path: Path) -> Iterator[Item]:
    return _read_one(path, article_from_text)


@readers.register("html")
def read_html(path: Path) -> Iterator[Item]:
    return _read_one(path, article_from_html)


def iter_files(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Path, IngestFailure]]:
    """Files under ``paths`` (folders walked recursively, sorted; hidden files skipped)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if sub.is_file() and not any(part.startswith(".") for part in sub.relative_to(path).parts):
                    yield sub
        elif path.is_file():
            yield path
        else:
            yield IngestFailure(str(path), Errors.E007.format(path=path))


def iter_items(paths: Iterable[Union[str, Path]], *, fmt: Optional[str] = None) -> Iterator[Tuple[Path | None, Item]]:
    """``(file, article-or-failure)`` for every document under ``paths``."""
    from . import feeds, jsonl, warc  # noqa: F401  (reader registrations)

    for item in iter_files(paths):
        if isinstance(item, IngestFailure):
            yield None, item
            continue
        name = fmt or detect_format(item)
        try:
            reader = readers.get(name)
        except catalogue.RegistryError:
            yield item, IngestFailure(str(item), Errors.E006.format(fmt=name, path=item))
            continue
        for result in reader(item):
            yield item, result


def read_paths(paths: Iterable[Union[str, Path]], *, fmt: str | None = None) -> Iterator[Item]:
    """Articles and failures from every file under ``paths``, in order."""
    for _path, item in iter_items(paths, fmt=fmt):
        yield item
