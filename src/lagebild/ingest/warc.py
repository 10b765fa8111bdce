"""WARC files through warcio: each HTML response record becomes an article.

A file that does not start with a ``WARC/`` version line (after gunzipping) is refused
(E154) instead of yielding nothing. A truncated archive keeps every complete record
before the cut: a record whose body ends early is reported (E157), one whose header block
ends early (E158), and a gzip stream cut off or corrupt is reported after the records read (E152).
A broken record in the middle (a wrong Content-Length, a corrupt gzip member) is reported
(E017, with its offset) and reading goes on at the next record: the next ``WARC/1.x``
version line of a plain archive, the next gzip member of a compressed one
(:func:`next_record_start`); before, every record after it was lost.
A record whose Content-Length is too long is read up to the next record header inside its
block (:func:`real_block_end`) or the end of its gzip member, with W164. A ``.warc.gz``
compressed as one gzip stream (``gzip a.warc``), which warcio refuses after its first
record, is told by its first gzip member reaching the end of the file
(:func:`_one_stream_copy`): it is decompressed into a temporary plain WARC file that is
read as a plain archive (a Content-Length too long is W164, a cut keeps every whole record
before it), with offsets of the uncompressed bytes, said so in each message.
"""
from __future__ import annotations

import gzip
import io
import os
import re
import tempfile
import zlib
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

from ..errors import Errors, LagebildError, Warnings
from ..datafiles import data_path, word_list
from .build import article_from_html, article_from_text
from .decode import MAX_BYTES, decode_bytes, display_path
from .readers import IngestFailure, Item, _read_head, inflate, is_gzip, readers


class _OneGzipStream(Exception):
    """warcio refused a ``.warc.gz`` compressed as one gzip stream (``gzip a.warc``) after
    ``seen`` records, ``done`` of them articles: "non-chunked gzip file detected"."""

    def __init__(self, seen: int, done: int) -> None:
        super().__init__(seen, done)
        self.seen, self.done = seen, done


def _records(path: Path, name: str, start: int, done: int, gz: bool = False,  # type: ignore[no-untyped-def]
             stream: bool = False, skip: int = 0, unzipped: bool = False):
    """Yield the articles and failures of the records of ``path`` from byte ``start`` on;
    return ``(offset to go on reading at or None, articles so far, the iterator)``: the
    next record after a broken one (E017), or the next record header found inside a block
    whose Content-Length is too long (W164, :func:`real_block_end`). ``stream``: read a
    ``.warc.gz`` compressed as one gzip stream through :func:`gzip.open`, leaving out its
    first ``skip`` records (read before warcio refused it: :class:`_OneGzipStream`); offsets
    are then those of the uncompressed bytes, so a broken record ends the reading (E017).
    ``unzipped``: ``path`` is the plain copy of the one-stream ``.warc.gz`` ``name``
    (:func:`_one_stream_copy`); messages say their offsets are of the uncompressed bytes."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    archive = None
    noted = _Noted()
    seen = 0

    def byte(at: object) -> str:
        return f"{at} (uncompressed)" if unzipped else str(at)

    def notes() -> Iterator[Item]:
        while noted.offsets:  # type: ignore[attr-defined]
            at = noted.offsets.pop(0)  # type: ignore[attr-defined]
            yield IngestFailure(f"{name}@{at}", Warnings.W163.format(offset=byte(at), path=name))

    try:
        with (gzip.open(path, "rb") if stream else path.open("rb")) as fh:
            fh.seek(start)
            archive = ArchiveIterator(fh)
            archive.INC_RECORD = noted
            for record in archive:
                seen += 1
                if seen <= skip:
                    continue
                yield from notes()
                length = (record.rec_headers.get_header("Content-Length") or "").strip()
                if record.rec_type not in WARC_TYPES or not length.isdigit():
                    # no valid WARC-Type or no Content-Length: the file was cut in this header block
                    yield IngestFailure(name, Errors.E158.format(offset=byte(archive.offset), done=done, path=name))
                    continue
                real = None if gz or stream else real_block_end(path, archive.offset, int(length))
                if real is not None:
                    # Content-Length too long: read the record up to the next record header
                    # inside its block, and go on there (warcio would swallow that record)
                    block_start, block_end, resume = real
                    where = (f"the next record header starts inside it, after {block_end - block_start} "
                             f"bytes (at byte {byte(resume)})")
                    note = Warnings.W164.format(path=name, offset=byte(archive.offset), declared=int(length), where=where)
                    with _Resized(path, archive.offset, block_start, block_end) as resized:
                        fixed = next(iter(ArchiveIterator(resized)))
                        for item in _record_items(fixed, name, note):
                            done += not isinstance(item, IngestFailure)
                            yield item
                    return resume, done, None
                too_long = None
                if gz:
                    too_long = Warnings.W164.format(path=name, offset=archive.offset, declared=int(length),
                                                    where="its gzip member ends before it")
                for item in _record_items(record, name, None, member=archive.reader if gz else None,
                                          too_long=too_long):
                    done += not isinstance(item, IngestFailure)
                    yield item
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error,
            AttributeError, TypeError, KeyError, IndexError) as e:  # warcio on a cut or malformed header block
        if gz and not stream and "non-chunked gzip" in str(e):
            raise _OneGzipStream(seen, done) from e
        at = archive.offset if archive is not None and archive.offset is not None else start
        at = max(at, start)
        yield from notes()
        yield IngestFailure(f"{name}@{at}", Errors.E017.format(path=f"{name}@{byte(at)}",
                                                               msg=_clean_reason(e, byte(at))))
        return (None if stream else next_record_start(path, at + 1, gz=gz)), done, None
    yield from notes()
    return None, done, archive


def _record_items(record, name: str, note: Optional[str], *, member=None,  # type: ignore[no-untyped-def]
                  too_long: Optional[str] = None) -> Iterator[Item]:
    """The article of one warcio ``record`` when it is an HTML page or a plain-text article
    (with the warning ``note`` when given), or the coded failure that says why it cannot
    be read. A page is a ``response`` with status 2xx, or a ``resource`` record (a page
    archived without its HTTP exchange), of an HTML or ``text/plain`` Content-Type; a
    plain-text site file (robots.txt, ads.txt …: :func:`_page_kind`) is no article. A 404 or 500 error page, a redirect, an image are no articles (the error
    page was stored as one). ``member``
    is warcio's decompressing reader of a gzipped archive: a record whose block ends early
    because its gzip member ended whole has a Content-Length too long, not a cut, and is
    kept with the warning ``too_long`` (a cut member never reaches its end)."""
    if record.rec_type not in ("response", "resource"):
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = f"{name}#{url}"
    warnings = [note] if note else []
    try:
        if record.rec_type == "resource":  # a page archived without its HTTP exchange
            ctype, status = record.rec_headers.get_header("Content-Type") or "", "200"
        elif record.http_headers:
            ctype = record.http_headers.get_header("Content-Type") or ""
            status = record.http_headers.get_statuscode() or ""
        else:
            ctype, status = "", ""
        kind = _page_kind(ctype, url)
        if kind is None or not status.startswith("2"):
            # not an article; still read to its end, which tells a record cut off
            # (even in its HTTP header block, which leaves no Content-Type) from a whole one
            while record.raw_stream.read(1 << 16):
                pass
            left = getattr(record.raw_stream, "limit", 0) or 0
            if left > 0 and not _member_ended(member):
                yield IngestFailure(source, _cut(record, left, source))
            return
        data = record.content_stream().read(MAX_BYTES + 1)
        left = getattr(record.raw_stream, "limit", 0) or 0
        if left > 0 and len(data) <= MAX_BYTES:
            if not _member_ended(member):
                yield IngestFailure(source, _cut(record, left, source))
                return
            warnings.append(str(too_long))
        text, decoded = decode_bytes(data, path=source)
        build = article_from_html if kind == "html" else article_from_text
        yield build(text, source=source, url=url, warnings=warnings + decoded, fmt="warc")
    except LagebildError as e:
        yield IngestFailure(source, str(e))
    except Exception as e:  # noqa: BLE001 - one record never stops the archive
        yield IngestFailure(source, Errors.E156.format(path=source, kind=type(e).__name__, msg=e))


_SITE_FILES: Optional[frozenset] = None


def _page_kind(ctype: str, url: Optional[str]) -> Optional[str]:
    """``"html"`` for an HTML Content-Type, ``"text"`` for ``text/plain`` (an article
    served as plain text, which was skipped without a word), else None (an image, a
    script, JSON …: not read). A ``text/plain`` URL whose last path segment is a site
    file a crawler fetches (``data/ingest/warc_plain_files.txt``: robots.txt, ads.txt …)
    or whose path is under ``/.well-known/`` is None too."""
    global _SITE_FILES
    ctype = ctype.lower()
    if "html" in ctype:
        return "html"
    if ctype.split(";", 1)[0].strip() != "text/plain":
        return None
    from urllib.parse import urlsplit

    path = urlsplit(url or "").path.lower()
    if _SITE_FILES is None:
        _SITE_FILES = word_list(str(data_path("ingest", "warc_plain_files.txt")))
    if path.startswith("/.well-known/") or path.rsplit("/", 1)[-1] in _SITE_FILES:
        return None
    return "text"


def _cut(record, left: int, source: str) -> str:  # type: ignore[no-untyped-def]
    """E157 for a record whose block ended ``left`` bytes before its Content-Length."""
    expected = record.rec_headers.get_header("Content-Length") or "?"
    got = int(expected) - left if str(expected).isdigit() else "?"
    return Errors.E157.format(got=got, expected=expected, path=source)


def _member_ended(member) -> bool:  # type: ignore[no-untyped-def]
    """True when ``member`` (warcio's DecompressingBufferedReader, or None) has read its
    gzip member to the member's own end (zlib ``eof``): the record in it is whole."""
    decompressor = getattr(member, "decompressor", None) if member is not None else None
    return bool(getattr(decompressor, "eof", False))


_HEADER_END = re.compile(rb"\r?\n\r?\n")
_RECORD_END = re.compile(rb"\r\n\r\n$|\n\n$")


def real_block_end(path: Path, offset: int, declared: int) -> Optional[Tuple[int, int, int]]:
    """Where the block of the record at byte ``offset`` of the plain WARC file ``path``
    really ends when its Content-Length ``declared`` is too long; None when it is not.

    Rule (documented in the README): a block ends where its header says when the bytes
    after it are the two line ends of ISO 28500 §5 (or ``\\n\\n``) followed by the end of
    the file or a ``WARC/1.x`` version line. When they are not, the block is searched for
    a ``WARC/1.0``/``WARC/1.1`` line after two line ends that warcio reads as a whole WARC
    header block (a known WARC-Type and a Content-Length); the first one found is the next
    record. Returns ``(block start, block end, next record start)`` as byte offsets. Reads
    the header block, 16 bytes at the declared end and the block in 1 MiB steps."""
    with path.open("rb") as fh:
        fh.seek(offset)
        head = fh.read(1 << 16)
        m = _HEADER_END.search(head)
        if not m:
            return None
        block_start = offset + m.end()
        end = block_start + declared
        fh.seek(end)
        after = fh.read(16)
        if re.match(rb"(\r?\n){2}(WARC/1\.|\s*$)", after):
            return None  # the block ends where its header says
    pos = block_start
    while True:
        found = next_record_start(path, pos, gz=False)
        if found is None or found > end:
            return None
        with path.open("rb") as fh:
            fh.seek(max(found - 4, block_start))
            before = fh.read(found - max(found - 4, block_start))
        if _RECORD_END.search(before) and _is_record_header(path, found):
            return block_start, found - len(_RECORD_END.search(before).group(0)), found
        pos = found + 1


def _is_record_header(path: Path, at: int) -> bool:
    """True when warcio reads a WARC header block with a known WARC-Type and a
    Content-Length at byte ``at`` of ``path``."""
    from warcio.recordloader import ArcWarcRecordLoader
    from warcio.bufferedreaders import DecompressingBufferedReader

    try:
        with path.open("rb") as fh:
            fh.seek(at)
            record = ArcWarcRecordLoader().parse_record_stream(
                DecompressingBufferedReader(fh), known_format="warc", no_record_parse=True)
            length = (record.rec_headers.get_header("Content-Length") or "").strip()
            return record.rec_type in WARC_TYPES and length.isdigit()
    except Exception:  # noqa: BLE001 - anything warcio cannot read is no header
        return False


class _Resized(io.RawIOBase):
    """The record at byte ``offset`` of ``path`` with its Content-Length set to its real
    block ``[block_start, block_end)`` and two line ends after it, read from the file in
    pieces (memory stays flat): what warcio reads in place of the record as written."""

    def __init__(self, path: Path, offset: int, block_start: int, block_end: int) -> None:
        super().__init__()
        with path.open("rb") as fh:
            fh.seek(offset)
            header = fh.read(block_start - offset)
        header = re.sub(rb"(?im)^(content-length:[ \t]*)\d+",
                        lambda m: m.group(1) + str(block_end - block_start).encode(), header, count=1)
        self._parts = [header]
        self._fh = path.open("rb")
        self._fh.seek(block_start)
        self._left = block_end - block_start
        self._tail = b"\r\n\r\n"
        self._pos = 0

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._fh.close()
        super().close()

    def tell(self) -> int:
        return self._pos

    def readinto(self, buf) -> int:  # type: ignore[no-untyped-def]
        if self._parts:
            chunk = self._parts.pop(0)
        elif self._left > 0:
            chunk = self._fh.read(min(len(buf), self._left, 1 << 16))
            self._left = self._left - len(chunk) if chunk else 0
        else:
            chunk, self._tail = self._tail, b""
        if len(chunk) > len(buf):
            self._parts.insert(0, chunk[len(buf):])
            chunk = chunk[:len(buf)]
        buf[:len(chunk)] = chunk
        self._pos += len(chunk)
        return len(chunk)


def gzip_problem(path: Path) -> Optional[str]:
    """Why the gzip file ``path`` is truncated or corrupt, or None when it is whole.

    Streams through the file keeping nothing (memory stays flat for any size)."""
    problems: List[str] = []
    try:
        with path.open("rb") as fh:
            for _ in inflate(fh, problems):
                pass
    except zlib.error as e:
        return f"corrupt data: {e}"
    except OSError as e:
        return str(e)
    return problems[0] if problems else None


# the record types of WARC 1.0 and 1.1 (ISO 28500, section 6): anything else is a header cut off
WARC_TYPES = frozenset(
    {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}
)


_VERSION_LINE = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n)")
_GZIP_MEMBER = b"\x1f\x8b\x08"
_SCAN = 1 << 20


def next_record_start(path: Path, after: int, *, gz: bool) -> Optional[int]:
    """The byte offset of the first record that may start after byte ``after`` of the
    WARC file ``path``: a gzip member header (``1f 8b 08``) when ``gz``, else a
    ``WARC/1.0`` or ``WARC/1.1`` version line at the start of a line; None when there is
    none. Reads the file in 1 MiB steps (memory stays flat)."""
    with path.open("rb") as fh:
        pos = after
        while True:
            fh.seek(pos)
            chunk = fh.read(_SCAN + 16)
            if not chunk:
                return None
            if gz:
                i = chunk.find(_GZIP_MEMBER)
                if i >= 0:
                    return pos + i
            else:
                m = _VERSION_LINE.search(chunk)
                if m:
                    return pos + m.start(1)
            if len(chunk) <= _SCAN:
                return None
            pos += _SCAN


def _clean_reason(e: BaseException, at: object, limit: int = 120) -> str:
    """The reason a record at byte ``at`` could not be read, fit for one line: warcio's
    "Invalid WARC record, first line: <the bytes found>" (corrupt bytes or a page's HTML)
    becomes a sentence that says what probably happened; other messages are cut to
    ``limit`` characters with control characters replaced."""
    text = str(e)
    if "first line" in text:
        return (f"no WARC record header at byte {at} (the record before it may have a wrong "
                "Content-Length, or the bytes are corrupt); reading goes on at the next record header")
    text = "".join(ch if ch.isprintable() else "\ufffd" for ch in text)
    return text[:limit] + ("…" if len(text) > limit else "")


class _Noted(str):
    """warcio writes "WARNING: Record not followed by newline …" to stderr itself when bytes
    follow a record's declared end (its Content-Length is too short, so the record is cut);
    this message template notes the offset instead, for a coded warning (W163)."""

    def __new__(cls) -> "_Noted":
        note = super().__new__(cls, "")
        note.offsets = []  # type: ignore[attr-defined]
        return note

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        self.offsets.append(args[0] if args else "?")  # type: ignore[attr-defined]
        return ""


def _one_stream_copy(path: Path) -> Optional[Path]:
    """A temporary plain copy of the gzipped WARC file ``path`` when it is one gzip stream
    (``gzip a.warc``: its first gzip member runs to the end of the file, or is cut before
    its end marker); None when another member follows the first (one member per record,
    as WARC writers make them: warcio reads those) or the first member is corrupt (the
    member-wise reading reports it). The copy holds every byte that decompresses (all of
    them before a cut) and is the caller's to remove. Reads and writes in 1 MiB steps
    (memory stays flat; the disk holds the uncompressed size)."""
    d = zlib.decompressobj(wbits=31)
    fd, tmp = tempfile.mkstemp(prefix="lagebild-", suffix=".warc")
    one = True
    try:
        with path.open("rb") as fh, os.fdopen(fd, "wb") as out:
            buf = b""
            while not d.eof:
                if not buf:
                    buf = fh.read(_SCAN)
                    if not buf:
                        break  # cut before its end marker: one stream, read up to the cut
                out.write(d.decompress(buf, _SCAN))
                buf = d.unconsumed_tail
            if d.eof:  # a whole first member: is anything but zero padding after it?
                rest = d.unused_data
                while one:
                    if rest.strip(b"\x00"):
                        one = False
                    rest = fh.read(_SCAN)
                    if not rest:
                        break
    except (zlib.error, OSError):  # corrupt, or the disk is full: read member by member
        one = False
    if not one:
        os.unlink(tmp)
        return None
    return Path(tmp)


@readers.register("warc")
def read_warc(path: Path) -> Iterator[Item]:
    """The articles of the HTML response records of the WARC file ``path`` (plain or
    gzipped), and a coded failure for each record or stretch that cannot be read (see the
    module docstring); a broken record never ends the archive."""
    name = display_path(path)
    if not _read_head(path, 64).lstrip().startswith(b"WARC/"):
        yield IngestFailure(name, Errors.E154.format(path=name))
        return
    gz = is_gzip(path)
    plain = _one_stream_copy(path) if gz else None
    try:
        yield from _read_archive(path, name, gz, plain)
    finally:
        if plain is not None:
            plain.unlink(missing_ok=True)


def _read_archive(path: Path, name: str, gz: bool, plain: Optional[Path]) -> Iterator[Item]:
    """The items of :func:`read_warc`: of ``path`` member by member when ``gz``, or of its
    plain copy ``plain`` (a one-stream ``.warc.gz``) read as a plain archive."""
    done, start = 0, 0
    archive = None
    stream, skip = False, 0
    while True:
        try:
            if plain is not None:
                resume, done, archive = yield from _records(plain, name, start, done, unzipped=True)
            else:
                resume, done, archive = yield from _records(path, name, start, done, gz, stream, skip)
        except _OneGzipStream as one:  # `gzip a.warc`: read on through gzip.open
            stream, skip, start, done = True, one.seen, 0, one.done
            continue
        if archive is not None or resume is None:
            break
        start = resume
    problem = gzip_problem(path) if gz else None
    if problem:
        yield IngestFailure(name, Errors.E152.format(done=done, path=name, msg=problem))
    elif archive is not None and (getattr(archive, "next_line", None) or b"").strip():
        # warcio ends quietly when the file stops inside a record's header block: the
        # version line it had read for the next record is still pending (E158)
        at = f"{archive.offset} (uncompressed)" if plain is not None else archive.offset
        yield IngestFailure(name, Errors.E158.format(offset=at, done=done, path=name))
