"""WARC files through warcio: each HTML response record becomes an article.

A file that does not start with a ``WARC/`` version line (after gunzipping) is refused
(E154) instead of yielding nothing. A truncated archive keeps every complete record
before the cut: a record whose body ends early is reported (E157), one whose header block
ends early (E158), and a gzip stream cut off or corrupt is reported after the records read (E152).
A broken record in the middle (a wrong Content-Length, a corrupt gzip member) is reported
(E017, with its offset) and reading goes on at the next record: the next ``WARC/1.x``
version line of a plain archive, the next gzip member of a compressed one
(:func:`next_record_start`); before, every record after it was lost.
"""
from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Iterator, List, Optional

from ..errors import Errors, LagebildError, Warnings
from .build import article_from_html
from .decode import MAX_BYTES, decode_bytes, display_path
from .readers import IngestFailure, Item, _read_head, inflate, is_gzip, readers


def _records(path: Path, name: str, start: int, done: int):  # type: ignore[no-untyped-def]
    """Yield the articles and failures of the records of ``path`` from byte ``start`` on;
    return ``(offset of a broken record or None, articles so far, the iterator)``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    archive = None
    noted = _Noted()

    def notes() -> Iterator[Item]:
        while noted.offsets:  # type: ignore[attr-defined]
            at = noted.offsets.pop(0)  # type: ignore[attr-defined]
            yield IngestFailure(f"{name}@{at}", Warnings.W163.format(offset=at, path=name))

    try:
        with path.open("rb") as fh:
            fh.seek(start)
            archive = ArchiveIterator(fh)
            archive.INC_RECORD = noted
            for record in archive:
                yield from notes()
                length = (record.rec_headers.get_header("Content-Length") or "").strip()
                if record.rec_type not in WARC_TYPES or not length.isdigit():
                    # no valid WARC-Type or no Content-Length: the file was cut in this header block
                    yield IngestFailure(name, Errors.E158.format(offset=archive.offset, done=done, path=name))
                    continue
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                source = f"{name}#{url}"
                try:
                    ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                    if "html" not in ctype.lower():
                        # not an article; still read to its end, which tells a record cut off
                        # (even in its HTTP header block, which leaves no Content-Type) from a whole one
                        while record.raw_stream.read(1 << 16):
                            pass
                        left = getattr(record.raw_stream, "limit", 0) or 0
                        if left > 0:
                            expected = record.rec_headers.get_header("Content-Length") or "?"
                            got = int(expected) - left if str(expected).isdigit() else "?"
                            yield IngestFailure(source, Errors.E157.format(got=got, expected=expected, path=source))
                        continue
                    data = record.content_stream().read(MAX_BYTES + 1)
                    left = getattr(record.raw_stream, "limit", 0) or 0
                    if left > 0 and len(data) <= MAX_BYTES:
                        expected = record.rec_headers.get_header("Content-Length") or "?"
                        got = int(expected) - left if str(expected).isdigit() else "?"
                        yield IngestFailure(source, Errors.E157.format(got=got, expected=expected, path=source))
                        continue
                    text, warnings = decode_bytes(data, path=source)
                    done += 1
                    yield article_from_html(text, source=source, url=url, warnings=warnings, fmt="warc")
                except LagebildError as e:
                    yield IngestFailure(source, str(e))
                except Exception as e:  # noqa: BLE001 - one record never stops the archive
                    yield IngestFailure(source, Errors.E156.format(path=source, kind=type(e).__name__, msg=e))
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error,
            AttributeError, TypeError, KeyError, IndexError) as e:  # warcio on a cut or malformed header block
        at = archive.offset if archive is not None and archive.offset is not None else start
        at = max(at, start)
        yield from notes()
        yield IngestFailure(f"{name}@{at}", Errors.E017.format(path=f"{name}@{at}", msg=_clean_reason(e, at)))
        return at, done, None
    yield from notes()
    return None, done, archive


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


def _clean_reason(e: BaseException, at: int, limit: int = 120) -> str:
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
    done, start = 0, 0
    archive = None
    while True:
        failed_at, done, archive = yield from _records(path, name, start, done)
        if failed_at is None:
            break
        start = next_record_start(path, failed_at + 1, gz=gz)
        if start is None:
            return
    if archive is None:
        return
    problem = gzip_problem(path) if is_gzip(path) else None
    if problem:
        yield IngestFailure(name, Errors.E152.format(done=done, path=name, msg=problem))
    elif (getattr(archive, "next_line", None) or b"").strip():
        # warcio ends quietly when the file stops inside a record's header block: the
        # version line it had read for the next record is still pending (E158)
        yield IngestFailure(name, Errors.E158.format(offset=archive.offset, done=done, path=name))
