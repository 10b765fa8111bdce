"""Readers: from a path (file or folder) to articles, one reader per input format.

Readers are registered by format name in :data:`readers` (a catalogue registry, so other
packages can add formats through the ``lagebild_readers`` entry point). Each yields
:class:`~lagebild.schemas.Article` or :class:`IngestFailure`, never raises for one bad
document, so a batch always goes on.
"""
from __future__ import annotations

import gzip
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, List, Optional, Tuple, Union

import catalogue

from ..errors import BadInputError, Errors, LagebildError, Warnings
from ..schemas import Article
from .build import article_from_html, article_from_text, looks_like_html
from .decode import MAX_BYTES, clean_text, decode_bytes, display_path

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

TABLE_EXTENSIONS = (".csv", ".tsv")  # tables: refused with E049 unless --input-format says how to read them


@dataclass
class IngestFailure:
    """A document that could not be ingested, with where it came from and why."""

    source: str
    reason: str

    def __post_init__(self) -> None:
        # a file name with invalid UTF-8 bytes or a record with NUL/surrogates must not
        # break printing or storing the failure itself
        self.source = clean_text(display_path(self.source), "source", [])
        self.reason = clean_text(display_path(self.reason), "reason", [])


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
    if ext in TABLE_EXTENSIONS:
        return "table"  # refused by read_table_refused with a hint (it was read as one long text)
    if ext == ".parquet" or head.startswith(b"PAR1"):
        return "parquet"  # refused by read_parquet with a hint (it used to be E002 "looks binary")
    if is_duckdb_head(head):
        return "duckdb"  # refused by read_duckdb_refused (it was E002 "looks binary")
    lowered = head.lower()
    if b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered:
        return "feed"
    if head.lstrip().startswith(b"WARC/"):
        return "warc"
    if ext == ".xml" or lowered.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"):
        if not looks_like_html(head.decode("utf-8", errors="ignore")):
            return "xml"  # a sitemap, an office file …: refused by read_xml
    if head.lstrip().startswith(b"{"):
        return "jsonl"
    try:
        if looks_like_html(head.decode("utf-8", errors="ignore")):
            return "html"
    except Exception:  # pragma: no cover - decode with errors=ignore does not raise
        pass
    return "text"


def _read_head(path: Path, size: int = 4096) -> bytes:
    if is_gzip(path):
        data, _ = gunzip(path, limit=size)
        return data[:size]
    try:
        with open(path, "rb") as fh:
            return fh.read(size)
    except OSError:
        return b""


def is_gzip(path: Path) -> bool:
    """The gzip magic bytes (``1f 8b``) at the start, whatever the name. A ``.gz`` name
    without them is read as it is: a page saved by an HTTP client that already undid its
    Content-Encoding, or the bytes Ray's file reader (pyarrow) hands over already
    decompressed by the name, were "[E152] … incorrect header check" and lost."""
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == b"\x1f\x8b"
    except OSError:
        return False


def inflate(fh, problems: List[str], *, chunk: int = 1 << 20) -> Iterator[bytes]:
    """Decompressed pieces of the gzip stream ``fh`` (every member, zero padding after
    the last ignored). A stream cut off before its end marker appends a message to
    ``problems`` instead of raising, so everything before the cut is kept; corrupt data
    raises ``zlib.error``. Memory stays at about ``chunk`` bytes."""
    d = zlib.decompressobj(wbits=31)
    started = False
    buf = b""
    while True:
        if not buf:
            buf = fh.read(chunk)
            if not buf:
                if started and not d.eof:
                    problems.append("the stream ends before its end marker")
                return
        if d.eof:  # the next member
            buf = buf.lstrip(b"\x00")
            if not buf:
                continue
            d = zlib.decompressobj(wbits=31)
        started = True
        out = d.decompress(buf, chunk)
        buf = d.unused_data if d.eof else d.unconsumed_tail
        if out:
            yield out


def gunzip(path: Path, *, limit: int = MAX_BYTES + 1) -> Tuple[bytes, Optional[str]]:
    """Up to ``limit`` decompressed bytes of a gzip file (all members) and, when the
    stream is truncated or corrupt, a message saying so (``None`` when it is whole).

    Unlike :func:`gzip.open`, a cut-off file yields everything before the cut instead of
    raising ``EOFError``.
    """
    out = bytearray()
    problems: List[str] = []
    try:
        with open(path, "rb") as fh:
            for piece in inflate(fh, problems):
                out += piece
                if len(out) >= limit:
                    break
    except zlib.error as e:
        problems.append(f"corrupt data: {e}")
    except OSError as e:
        problems.append(str(e))
    if not out and not problems:
        problems.append("empty or not a gzip stream")
    return bytes(out[:limit]), (problems[0] if problems else None)


def read_bytes_checked(path: Path) -> Tuple[bytes, Optional[str]]:
    """File contents (gunzipped when gzip) and a truncation message or None; files over
    :data:`MAX_BYTES` are refused before reading (E004)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise BadInputError(Errors.E004.format(size=size, limit=MAX_BYTES, path=path), path=str(path))
    if is_gzip(path):
        data, problem = gunzip(path)
        if len(data) > MAX_BYTES:  # gunzip stops one byte past the limit: the real size is unknown
            raise BadInputError(Errors.E159.format(size=size, limit=MAX_BYTES, path=path), path=str(path))
        return data, problem
    return path.read_bytes(), None


def read_bytes(path: Path) -> bytes:
    """File contents (gunzipped), refusing files over :data:`MAX_BYTES` before reading and
    truncated/corrupt gzip files (E152)."""
    data, problem = read_bytes_checked(path)
    if problem:
        raise BadInputError(Errors.E152.format(done=0, path=path, msg=problem), path=str(path))
    return data


def _read_one(path: Path, build: Callable[..., Article]) -> Iterator[Item]:
    """A file that holds one article, decoded and handed to ``build``. A truncated gzip
    file keeps the text before the cut (W157, partial); with nothing before it, E152."""
    name = display_path(path)
    try:
        data, problem = read_bytes_checked(path)
        if problem and not data.strip():
            yield IngestFailure(name, Errors.E152.format(done=0, path=name, msg=problem))
            return
        text, warnings = decode_bytes(data, path=name)
        if problem:
            warnings.append(Warnings.W157.format(msg=problem))
        article = build(text, source=name, warnings=warnings)
        article.partial = article.partial or bool(problem)
        yield article
    except (LagebildError, OSError) as e:
        yield IngestFailure(name, str(e))


@readers.register("text")
def read_text(path: Path) -> Iterator[Item]:
    return _read_one(path, article_from_text)


@readers.register("html")
def read_html(path: Path) -> Iterator[Item]:
    return _read_one(path, article_from_html)


@readers.register("xml")
def read_xml(path: Path) -> Iterator[Item]:
    """XML that is not an RSS/Atom/RDF feed (a sitemap, an office file …): refused (E153),
    never stored as an article of raw markup."""
    import re

    head = _read_head(path).decode("utf-8", errors="replace")
    m = re.search(r"<(?![?!])([\w:.-]+)", head)
    name = display_path(path)
    yield IngestFailure(name, Errors.E153.format(root=m.group(1) if m else "?", path=name))


@readers.register("table")
def read_table_refused(path: Path) -> Iterator[Item]:
    """A CSV/TSV file (:data:`TABLE_EXTENSIONS`) given to ``ingest``/``analyze``: refused
    (E049) with the way in (JSON Lines, or ``--input-format text``). Read as text, a table of
    articles (10kGNAD's ``label;'text'`` rows) became one document of every row."""
    name = display_path(path)
    yield IngestFailure(name, Errors.E049.format(path=name))


@readers.register("parquet")
def read_parquet_refused(path: Path) -> Iterator[Item]:
    """A Parquet file given to ``ingest``/``analyze``: refused (E048) with the command
    that loads the Ray engine's Parquet output (``lagebild load-parquet``)."""
    name = display_path(path)
    yield IngestFailure(name, Errors.E048.format(path=name))


def is_duckdb_head(head: bytes) -> bool:
    """True when ``head`` (a file's first bytes) starts a DuckDB database: DuckDB's
    storage format puts the magic bytes ``DUCK`` after an 8-byte checksum."""
    return head[8:12] == b"DUCK"


def _is_store_file(path: Path) -> bool:
    """A DuckDB database (by its magic bytes), or the write-ahead log beside one
    (``news.duckdb.wal``): never an article, skipped when a folder is walked (a store
    kept in the folder it is filled from, ``ingest . --db news.duckdb``, was read as an
    input and reported binary, E002, exit 1)."""
    name = path.name
    if name.endswith(".wal"):
        base = path.with_name(name[: -len(".wal")])
        return base.suffix == ".duckdb" or (base.is_file() and _is_store_file(base))
    try:
        with open(path, "rb") as fh:
            return is_duckdb_head(fh.read(12))
    except OSError:
        return False


@readers.register("duckdb")
def read_duckdb_refused(path: Path) -> Iterator[Item]:
    """A DuckDB database named as an input: refused (E055); a lagebild store is read with
    ``lagebild documents``/``export``, not ingested."""
    name = display_path(path)
    yield IngestFailure(name, Errors.E055.format(path=name))


def _walk(root: Path) -> Iterator[Union[Path, IngestFailure]]:
    """Files under the folder ``root``, sorted; hidden ones and DuckDB databases with their
    write-ahead logs (:func:`_is_store_file`, a store kept beside its inputs) are skipped. Symbolic links are
    followed only when they point inside ``root`` (a link to a system file is reported
    with W154, not read); linked folders are never descended (no loops)."""
    top = root.resolve()
    unreadable: List[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable.append):
        yield from _unreadable(unreadable)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        for name in sorted(filenames + [d for d in dirnames if (here / d).is_symlink()]):
            if name.startswith("."):
                continue
            sub = here / name
            if sub.is_symlink():
                try:
                    target = sub.resolve(strict=True)
                except (OSError, RuntimeError):
                    target = Path(os.readlink(sub))
                    yield IngestFailure(display_path(sub), Errors.E007.format(path=display_path(target)))
                    continue
                if target != top and top not in target.parents:
                    yield IngestFailure(
                        display_path(sub), Warnings.W154.format(path=display_path(sub), target=display_path(target))
                    )
                    continue
                if target.is_dir():
                    continue  # inside the folder: walked there already
            if sub.is_file() and not _is_store_file(sub):
                yield sub
    yield from _unreadable(unreadable)


def _unreadable(errors: List[OSError]) -> Iterator[IngestFailure]:
    """A folder ``os.walk`` could not list (no permission, gone meanwhile) as a coded
    failure (E161) instead of a folder skipped without a word; ``errors`` is emptied."""
    while errors:
        e = errors.pop(0)
        where = display_path(e.filename) if e.filename is not None else "?"
        yield IngestFailure(where, Errors.E161.format(path=where, msg=e.strerror or e))


def _cannot_read(path: Path) -> Optional[IngestFailure]:
    """E161 for a file this user may not open (a permission, a file gone since the folder
    was listed), which had been reported as a bare ``[Errno 13]`` without a code; None
    when it opens."""
    try:
        with open(path, "rb"):
            return None
    except OSError as e:
        shown = display_path(path)
        return IngestFailure(shown, Errors.E161.format(path=shown, msg=e.strerror or e))


def iter_files(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Path, IngestFailure]]:
    """Files under ``paths`` (folders walked recursively, sorted; hidden files skipped;
    see :func:`_walk` for symbolic links). A path named explicitly is read as given."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        else:
            yield IngestFailure(display_path(path), Errors.E007.format(path=display_path(path)))


def iter_items(paths: Iterable[Union[str, Path]], *, fmt: Optional[str] = None) -> Iterator[Tuple[Path | None, Item]]:
    """``(file, article-or-failure)`` for every document under ``paths``."""
    from . import feeds, jsonl, warc  # noqa: F401  (reader registrations)

    for item in iter_files(paths):
        if isinstance(item, IngestFailure):
            yield None, item
            continue
        shown = display_path(item)
        done = 0
        refused = _cannot_read(item)
        if refused is not None:
            yield item, refused
            continue
        try:
            name = fmt or detect_format(item)
            try:
                reader = readers.get(name)
            except catalogue.RegistryError:
                yield item, IngestFailure(shown, Errors.E006.format(fmt=name, path=shown))
                continue
            for result in reader(item):
                done += 1
                yield item, result
        except Exception as e:  # noqa: BLE001 - no reader bug may stop a batch
            where = shown if not done else f"{shown} (after {done} record(s))"
            yield item, IngestFailure(shown, Errors.E156.format(path=where, kind=type(e).__name__, msg=e))


def read_paths(paths: Iterable[Union[str, Path]], *, fmt: str | None = None) -> Iterator[Item]:
    """Articles and failures from every file under ``paths``, in order."""
    for _path, item in iter_items(paths, fmt=fmt):
        yield item
