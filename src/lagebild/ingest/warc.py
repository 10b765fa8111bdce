"""WARC files through warcio: each HTML response record becomes an article.

A file that does not start with a ``WARC/`` version line (after gunzipping) is refused
(E154) instead of yielding nothing. A truncated archive keeps every complete record
before the cut: a record whose body ends early is reported (E157), one whose header block
ends early (E158), and a gzip stream cut off or corrupt is reported after the records read (E152).
"""
from __future__ import annotations

import zlib
from pathlib import Path
from typing import Iterator, List, Optional

from ..errors import Errors, LagebildError
from .build import article_from_html
from .decode import MAX_BYTES, decode_bytes, display_path
from .readers import IngestFailure, Item, _read_head, inflate, is_gzip, readers


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


@readers.register("warc")
def read_warc(path: Path) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = display_path(path)
    if not _read_head(path, 64).lstrip().startswith(b"WARC/"):
        yield IngestFailure(name, Errors.E154.format(path=name))
        return
    done = 0
    try:
        with path.open("rb") as fh:
            archive = ArchiveIterator(fh)
            for record in archive:
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
        yield IngestFailure(name, Errors.E017.format(path=name, msg=e))
        return
    problem = gzip_problem(path) if is_gzip(path) else None
    if problem:
        yield IngestFailure(name, Errors.E152.format(done=done, path=name, msg=problem))
    elif (getattr(archive, "next_line", None) or b"").strip():
        # warcio ends quietly when the file stops inside a record's header block: the
        # version line it had read for the next record is still pending (E158)
        yield IngestFailure(name, Errors.E158.format(offset=archive.offset, done=done, path=name))
