"""WARC files through warcio: each HTML response record becomes an article."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import Errors, LagebildError
from .build import article_from_html
from .decode import MAX_BYTES, decode_bytes
from .readers import IngestFailure, Item, readers


@readers.register("warc")
def read_warc(path: Path) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in ctype.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                source = f"{path}#{url}"
                try:
                    data = record.content_stream().read(MAX_BYTES + 1)
                    text, warnings = decode_bytes(data, path=source)
                    yield article_from_html(text, source=source, url=url, warnings=warnings, fmt="warc")
                except LagebildError as e:
                    yield IngestFailure(source, str(e))
    except (ArchiveLoadFailed, OSError, ValueError) as e:
        yield IngestFailure(str(path), Errors.E017.format(path=path, msg=e))
