"""JSON Lines input: one ``{"text"|"html", "url", "published", "title", "authors"}`` per line.

Records are validated with pydantic (:class:`JsonRecord`) under explicit coercion rules,
so no value a producer can put in a JSON object stops a batch:

=================  ===========================================================================
field              accepted; coerced (with a ``W152`` warning on the document); refused
=================  ===========================================================================
``text``/``html``  a string; a number → its digits; an object/array/bool → the record is
                   refused (``E150``, no article text)
``title``, ``url``, a string; a number → its digits; an object/array/bool → dropped (``W152``)
``source``
``published``      a string or a number (then parsed like any date, ``W002`` if it is none;
/``date``          no ``W152``: ``20250419`` is a date; a Unix time in seconds (9–10 digits) or
                   milliseconds (12–13 digits) is its UTC day, with ``W152``); an
                   object/array/bool → dropped (``W152``)
``authors``        a string or a list of strings; ``{"name": …}`` objects → the name (schema.org
/``author``        Person); numbers, booleans, nested lists, other objects → dropped (``W152``)
other fields       ignored
=================  ===========================================================================

Every string has NUL/control characters removed and lone surrogates (``"\\ud800"``)
replaced (``W150``/``W153``). Integers longer than 100 digits are kept as their digit string
(Python refuses to convert ones over 4,300 digits); nesting deeper than the JSON parser's
limit is an ``E150``. Lines are read with a size limit (:data:`MAX_LINE_BYTES`) so one
huge line is refused (``E151``) without being held in memory; ``.jsonl.gz`` is read as a
stream and a truncated one keeps every complete line before the cut (``E152`` for the rest).
"""
from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Any, BinaryIO, Iterator, List, Optional, Tuple

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError, field_validator

from ..errors import BadInputError, Errors, LagebildError, Warnings
from .build import article_from_html, article_from_text
from .decode import MAX_BYTES, clean_text, display_path
from .readers import IngestFailure, Item, is_gzip, readers

MAX_LINE_BYTES = MAX_BYTES  # one record; a longer line is skipped while it is read (E151)
_BIG_INT_DIGITS = 100


def _parse_int(digits: str) -> Any:
    return int(digits) if len(digits) <= _BIG_INT_DIGITS else digits


def _scalar_text(value: Any) -> Optional[str]:
    """A string, or a number's digits; None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _epoch_date(value: Any) -> Optional[str]:
    """The UTC day (ISO) of a JSON number that is a Unix time: seconds with 9 or 10 digits
    (from 2001-09-09 on) or milliseconds with 12 or 13 digits; None for anything else
    (a string, ``20250419``, a year). Such numbers were "[W002] Unparseable publication
    date '1740787200'": scrapers and APIs write dates so."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    seconds = float(value)
    if 1e12 <= seconds < 1e13:
        seconds /= 1000
    if not 1e9 <= seconds < 1e10:
        return None
    from datetime import datetime, timezone

    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


class JsonRecord(BaseModel):
    """One JSONL record after coercion; ``notes`` are the W152 messages of what was dropped."""

    model_config = ConfigDict(extra="ignore", arbitrary_types_allowed=True)
    _warnings: List[str] = PrivateAttr(default_factory=list)  # from decoding the line

    text: Any = None
    html: Any = None
    title: Any = None
    url: Any = None
    source: Any = None
    published: Any = None
    date: Any = None
    authors: Any = None
    author: Any = None

    @field_validator("text", "html")
    @classmethod
    def _body(cls, value: Any) -> Any:
        """A string or a number (kept as given: :meth:`body` coerces it, with ``W152``)."""
        if value is None:
            return None
        if _scalar_text(value) is None:
            raise ValueError(f"must be a string, not {_kind(value)}")
        return value

    def body(self, name: str, warnings: List[str]) -> Optional[str]:
        """The ``text`` or ``html`` field (``name``) as a string; a number becomes its
        digits with a ``W152`` note in ``warnings`` (the table in the module docstring)."""
        value = getattr(self, name)
        if value is None or isinstance(value, str):
            return value
        warnings.append(Warnings.W152.format(field=name, msg=f"{_kind(value)} stored as its digits (a string was expected)"))
        return _scalar_text(value)

    def coerced(self, warnings: List[str]) -> dict:
        """The fields the builders take (``title``, ``url``, ``source``, ``published``,
        ``authors``), coerced by the rules in the module docstring; drops go to ``warnings``."""
        out: dict = {}
        for name in ("title", "url", "source"):
            out[name] = self._scalar(name, getattr(self, name), warnings, note_numbers=True)
        published = self.published if self.published not in (None, "") else self.date
        epoch = _epoch_date(published)
        if epoch is not None:
            warnings.append(Warnings.W152.format(field="published", msg=f"{published} read as a Unix time: {epoch} (UTC)"))
            published = epoch
        elif isinstance(published, int) and not isinstance(published, bool) and 10_000_101 <= published <= 99_991_231:
            digits = str(published)  # 20250419: a date's digits (yyyymmdd); was W002
            published = f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
        out["published"] = self._scalar("published", published, warnings)  # a number is a date's digits
        out["authors"] = self._authors(warnings)
        for key, value in out.items():
            if isinstance(value, str):
                out[key] = clean_text(value, key, warnings).strip() or None
        return out

    @staticmethod
    def _scalar(name: str, value: Any, warnings: List[str], *, note_numbers: bool = False) -> Optional[str]:
        if value is None:
            return None
        text = _scalar_text(value)
        if text is None:
            warnings.append(Warnings.W152.format(field=name, msg=f"{_kind(value)} dropped (a string was expected)"))
        elif note_numbers and not isinstance(value, str):
            warnings.append(Warnings.W152.format(field=name, msg=f"{_kind(value)} stored as its digits (a string was expected)"))
        return text

    def _authors(self, warnings: List[str]) -> Optional[List[str]]:
        value = self.authors if self.authors not in (None, "", []) else self.author
        if value is None or value == "":
            return None
        items = value if isinstance(value, list) else [value]
        names: List[str] = []
        dropped: List[str] = []
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                item = item["name"]
            if isinstance(item, str):
                if item.strip():
                    names.append(item.strip())
            else:
                dropped.append(_kind(item))
        if dropped:
            warnings.append(Warnings.W152.format(
                field="authors", msg=f"{', '.join(sorted(set(dropped)))} dropped (names must be strings)"
            ))
        return names or None


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


def parse_record(raw: bytes, *, lineno: int, path: str, warnings: Optional[List[str]] = None) -> JsonRecord:
    """One line → a validated :class:`JsonRecord`; raises :class:`BadInputError` (E008/E150).
    Bytes that are not UTF-8 are replaced (W156 in ``warnings``); a BOM is ignored."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line = raw.decode("utf-8", errors="replace")
        if warnings is not None:
            warnings.append(Warnings.W156.format(count=line.count("\ufffd")))
    try:
        obj = json.loads(line, parse_int=_parse_int)
    except json.JSONDecodeError as e:
        # json's message without its position ("Invalid control character at") + the column
        where = f"column {e.colno}" if e.msg.endswith(" at") else f"at column {e.colno}"
        raise BadInputError(Errors.E008.format(line=lineno, path=path, msg=f"{e.msg} {where}")) from e
    except RecursionError as e:
        raise BadInputError(Errors.E150.format(line=lineno, path=path, msg="nested too deeply")) from e
    except ValueError as e:
        raise BadInputError(Errors.E150.format(line=lineno, path=path, msg=e)) from e
    if not isinstance(obj, dict):
        raise BadInputError(Errors.E008.format(line=lineno, path=path, msg=f"{_kind(obj)}, not an object"))
    try:
        record = JsonRecord.model_validate(obj)
        record._warnings = list(warnings or [])
        return record
    except ValidationError as e:
        msg = "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors())
        raise BadInputError(Errors.E150.format(line=lineno, path=path, msg=msg)) from e


def _lines(fh: BinaryIO, limit: int) -> Iterator[Tuple[int, Optional[bytes]]]:
    """``(line number, bytes)``; ``bytes`` is None for a line over ``limit`` (skipped
    in chunks, never held whole)."""
    lineno = 0
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:  # discard the rest of the over-long line
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, raw


@readers.register("jsonl")
def read_jsonl(path: Path) -> Iterator[Item]:
    """One article per line; a bad line is reported and the file goes on."""
    name = display_path(path)
    try:
        fh: BinaryIO = gzip.open(path, "rb") if is_gzip(path) else path.open("rb")  # type: ignore[assignment]
    except OSError as e:
        yield IngestFailure(name, str(e))
        return
    done = 0
    with fh:
        lines = _lines(fh, MAX_LINE_BYTES)
        while True:
            try:
                lineno, raw = next(lines)
            except StopIteration:
                if not done:
                    yield IngestFailure(name, Errors.E001.format(path=name))
                return
            except (EOFError, OSError, zlib.error) as e:
                yield IngestFailure(name, Errors.E152.format(done=done, path=name, msg=e or type(e).__name__))
                return
            source = f"{name}:{lineno}"
            if raw is None:
                yield IngestFailure(source, Errors.E151.format(line=lineno, path=name, limit=MAX_LINE_BYTES))
                continue
            if not raw.strip():
                continue
            done += 1
            try:
                record = parse_record(raw, lineno=lineno, path=name, warnings=[])
                yield article_from_record(record, source=source, lineno=lineno, path=name)
            except LagebildError as e:
                yield IngestFailure(source, str(e))
            except Exception as e:  # noqa: BLE001 - one record never stops the file
                yield IngestFailure(source, Errors.E156.format(path=source, kind=type(e).__name__, msg=e))


def article_from_record(record: "JsonRecord | dict", *, source: str, lineno: int = 0, path: Path | str = "<record>"):  # type: ignore[no-untyped-def]
    """An :class:`~lagebild.schemas.Article` from a JSONL record (a dict is validated first)."""
    if isinstance(record, dict):
        try:
            record = JsonRecord.model_validate(record)
        except ValidationError as e:
            raise BadInputError(Errors.E150.format(line=lineno, path=path, msg=e.errors()[0]["msg"])) from e
    warnings: List[str] = list(record._warnings)
    fields = record.coerced(warnings)
    common = dict(
        source=fields["source"] or source,
        url=fields["url"],
        published=fields["published"],
        title=fields["title"],
        authors=fields["authors"],
        warnings=warnings,
    )
    html = record.body("html", warnings)
    if html and html.strip():
        return article_from_html(html, **common)
    text = record.body("text", warnings)
    if text and text.strip():
        return article_from_text(text, **common)
    raise BadInputError(Errors.E009.format(line=lineno, path=path))
