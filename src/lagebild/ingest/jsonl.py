"""JSON Lines input: one ``{"text"|"html", "url", "published", "title", "authors"}`` per line."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..errors import BadInputError, Errors, LagebildError
from .build import article_from_html, article_from_text
from .decode import MAX_BYTES
from .readers import IngestFailure, Item, readers


@readers.register("jsonl")
def read_jsonl(path: Path) -> Iterator[Item]:
    """One article per line; a bad line is reported and the file goes on."""
    try:
        fh = path.open("rb")
    except OSError as e:
        yield IngestFailure(str(path), str(e))
        return
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            source = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                if len(raw) > MAX_BYTES:
                    raise BadInputError(Errors.E004.format(size=len(raw), limit=MAX_BYTES, path=source))
                try:
                    obj = json.loads(raw.decode("utf-8", errors="replace"))
                except json.JSONDecodeError as e:
                    raise BadInputError(Errors.E008.format(line=lineno, path=path, msg=e.msg)) from e
                if not isinstance(obj, dict):
                    raise BadInputError(Errors.E008.format(line=lineno, path=path, msg="not an object"))
                yield article_from_record(obj, source=source, lineno=lineno, path=path)
            except LagebildError as e:
                yield IngestFailure(source, str(e))


def article_from_record(obj: dict, *, source: str, lineno: int = 0, path: Path | str = "<record>"):  # type: ignore[no-untyped-def]
    authors = obj.get("authors") or ([obj["author"]] if obj.get("author") else None)
    if isinstance(authors, str):
        authors = [authors]
    common = dict(
        source=obj.get("source") or source,
        url=obj.get("url"),
        published=obj.get("published") or obj.get("date"),
        title=obj.get("title"),
        authors=authors,
    )
    if isinstance(obj.get("html"), str) and obj["html"].strip():
        return article_from_html(obj["html"], **common)
    if isinstance(obj.get("text"), str) and obj["text"].strip():
        return article_from_text(obj["text"], **common)
    raise BadInputError(Errors.E009.format(line=lineno, path=path))
