"""Bytes → text, refusing what is not text: empty, binary, undecodable or huge input."""
from __future__ import annotations

import unicodedata
from typing import List, Tuple

from ..errors import BadInputError, Errors, Warnings

MAX_BYTES = 20_000_000  # one document; bigger inputs are refused (E004), never half-read
MAX_CHARS = 1_000_000  # longer text is cut (W003) so the parser's memory stays bounded


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 10 % control characters, in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control / len(head) > 0.10


def decode_bytes(data: bytes, *, path: str = "<input>") -> Tuple[str, List[str]]:
    """Decode ``data`` to NFC text; returns ``(text, warnings)``.

    UTF-8 (with or without BOM) first, then UTF-16 by BOM, then the best guess of
    charset-normalizer; undecodable input raises :class:`BadInputError`.
    """
    if len(data) > MAX_BYTES:
        raise BadInputError(Errors.E004.format(size=len(data), limit=MAX_BYTES, path=path), path=path)
    if not data.strip():
        raise BadInputError(Errors.E001.format(path=path), path=path)
    warnings: List[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if looks_binary(data):
            raise BadInputError(Errors.E002.format(path=path), path=path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _guess_decode(data, path)
    if "\ufffd" in text:
        warnings.append(Warnings.W004)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadInputError(Errors.E001.format(path=path), path=path)
    return text, warnings


def _guess_decode(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise BadInputError(Errors.E003.format(path=path), path=path)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as e:
        raise BadInputError(Errors.E003.format(path=path), path=path) from e


def clip(text: str, warnings: List[str]) -> Tuple[str, bool]:
    """Cut ``text`` to :data:`MAX_CHARS` at a paragraph break; True if it was cut."""
    if len(text) <= MAX_CHARS:
        return text, False
    cut = text.rfind("\n", 0, MAX_CHARS)
    text = text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]
    warnings.append(Warnings.W003.format(limit=MAX_CHARS))
    return text, True
