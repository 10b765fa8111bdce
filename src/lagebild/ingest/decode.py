"""Bytes → text, refusing what is not text: empty, binary, undecodable or huge input.

Also the small text hygiene every reader shares: control characters and lone surrogates
never reach an :class:`~lagebild.schemas.Article` (:func:`clean_text`), a text of only
invisible characters is not a text (:func:`has_visible_text`), and a path whose name is
not valid UTF-8 is shown with its bad bytes escaped (:func:`display_path`).
"""
from __future__ import annotations

import os
import re
import unicodedata
from typing import List, Optional, Tuple

from ..errors import BadInputError, Errors, Warnings

MAX_BYTES = 20_000_000  # one document (or one JSONL line); bigger inputs are refused (E004), never half-read
MAX_CHARS = 20_000_000  # longer text is cut (W003); long texts are analysed in windows (pipeline.WINDOW_CHARS)

# C0/C1 control characters other than tab and newline; NUL first among them
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# bidi embeddings, overrides and isolates (Unicode UAX #9, X1-X8): invisible, and they let a
# text display in another order than the one stored, analysed and quoted ("Trojan Source",
# CVE-2021-42574); the marks U+200E/U+200F/U+061C reorder nothing and are kept
_BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# a letter or a digit of any script: a text without one has no words (emoji, symbols only)
_WORD_CHAR = re.compile(r"[^\W_]")
# whitespace, zero-width, bidi and other format characters: a text of only these is empty
_INVISIBLE = re.compile(
    r"[\s\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]*"
)


def display_path(path: object) -> str:
    """``path`` as printable text: bytes that are not UTF-8 (a file name from another
    system) become ``\\xNN`` escapes instead of lone surrogates that crash printing and
    storing."""
    s = os.fspath(path) if isinstance(path, os.PathLike) else str(path)
    if isinstance(s, bytes):
        return s.decode("utf-8", errors="backslashreplace")
    if not _SURROGATE.search(s):
        return s
    return os.fsencode(s).decode("utf-8", errors="backslashreplace") if _fs_roundtrips(s) else _SURROGATE.sub("\ufffd", s)


def _fs_roundtrips(s: str) -> bool:
    try:
        os.fsencode(s)
        return True
    except UnicodeEncodeError:
        return False


def clean_text(value: str, field: str, warnings: List[str]) -> str:
    """``value`` without control characters (NUL …), bidi embedding/override/isolate
    controls (U+202A-U+202E, U+2066-U+2069) and lone surrogates, each kind reported once
    in ``warnings`` (W150, W168, W153). Tabs and newlines are kept, and so are the bidi
    marks U+200E/U+200F/U+061C, which reorder nothing. Offsets are into the cleaned
    text (it is what an article stores)."""
    count = len(_CONTROL.findall(value))
    if count:
        value = _CONTROL.sub("", value)
        warnings.append(Warnings.W150.format(count=count, field=field))
    count = len(_BIDI_CONTROL.findall(value))
    if count:
        value = _BIDI_CONTROL.sub("", value)
        warnings.append(Warnings.W168.format(count=count, field=field))
    count = len(_SURROGATE.findall(value))
    if count:
        value = _SURROGATE.sub("\ufffd", value)
        warnings.append(Warnings.W153.format(count=count, field=field))
    return value


def has_visible_text(text: str) -> bool:
    """False for empty text and text of only whitespace, zero-width and format characters."""
    return _INVISIBLE.fullmatch(text) is None


def has_words(text: str) -> bool:
    """True when ``text`` holds a letter or a digit of any script (Unicode categories
    L* and N*, as Python's ``\\w`` without ``_``); False for text of only emoji,
    symbols and punctuation, which has nothing to analyse (E160)."""
    return _WORD_CHAR.search(text) is not None


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

    UTF-8 (with or without BOM) first, then UTF-16 by BOM, or without one when its NUL
    bytes say so (:func:`_utf16_without_bom`); UTF-8 with a few stray NUL bytes keeps its
    text without them (``W150``); input that is mostly UTF-8 (more
    valid multi-byte characters than stray bytes, under 1 % of the input stray) is decoded
    as UTF-8 with the stray bytes replaced (W156) rather than given up to a legacy code
    page; otherwise the best guess of charset-normalizer. Undecodable input raises
    :class:`BadInputError` (E003), empty or invisible text E001/E155, binary E002.
    """
    if len(data) > MAX_BYTES:
        raise BadInputError(Errors.E004.format(size=len(data), limit=MAX_BYTES, path=path), path=path)
    if not data.strip():
        raise BadInputError(Errors.E001.format(path=path), path=path)
    warnings: List[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif looks_binary(data):
        # a few NULs are stray ones first ("Kurz.\0", a C string's end, was read as
        # UTF-16 and became two CJK characters); UTF-16 text of a few characters that is
        # ASCII reads the same either way
        stray_first = data.count(0) <= _FEW_NULS
        text = _text_with_stray_nuls(data, warnings) if stray_first else None
        if text is None:
            text = _utf16_without_bom(data)
        if text is None and not stray_first:
            text = _text_with_stray_nuls(data, warnings)
        if text is None:
            raise BadInputError(Errors.E002.format(path=path), path=path)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            mostly = _mostly_utf8(data)
            if mostly is not None:
                text, bad = mostly
                warnings.append(Warnings.W156.format(count=bad))
            else:
                text = _guess_decode(data, path)
    if "\ufffd" in text and not warnings:
        warnings.append(Warnings.W004)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadInputError(Errors.E001.format(path=path), path=path)
    if not has_visible_text(text):
        raise BadInputError(Errors.E155.format(path=path), path=path)
    return text, warnings


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """``data`` decoded as UTF-16 when it is UTF-16 without a byte-order mark, else None.

    Every ASCII character (spaces, digits, punctuation; all Latin letters but the
    accented ones) is a UTF-16 code unit with a zero high byte, so NUL bytes stand at odd
    offsets (little-endian) or at even ones (big-endian) and never at the others; binary
    data has them anywhere. Taken only when over 5 % of one parity and under 0.5 % of the
    other are NUL in the first 8 KiB, and the whole input decodes strictly to text with
    under 1 % control characters and at least half letters and spaces."""
    head = data[:8192]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    share = lambda part: part.count(0) / max(len(part), 1)  # noqa: E731
    for encoding, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if share(nuls) > 0.05 and share(other) < 0.005:
            try:
                text = data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                return None
            wordy = sum(1 for c in text if c.isalpha() or c.isspace())
            if len(_CONTROL.findall(text)) <= len(text) / 100 and wordy >= len(text) / 2:
                return text
    return None


# NUL bytes a small text may carry and still be text (see _text_with_stray_nuls)
_FEW_NULS = 8


def _text_with_stray_nuls(data: bytes, warnings: List[str]) -> Optional[str]:
    """Text with a few stray NUL bytes (a bad copy, a C string's terminator): the NULs
    removed (``W150``) when they are at most 1 in 1,000 bytes, or at most
    :data:`_FEW_NULS` and at most 1 in 8 bytes in a small file, and the rest is strict UTF-8 with under 1 % control
    characters and at least half letters and spaces (as :func:`_utf16_without_bom`
    requires); else None (binary). The floor is a count because a ratio alone made 3 NULs
    in a 60-byte news item "binary" (E002) while 3 in 3,000 bytes were stray."""
    nuls = data.count(0)
    if nuls > max(1, len(data) // 1000) and not (nuls <= _FEW_NULS and nuls * 8 <= len(data)):
        return None
    try:
        text = data.replace(b"\x00", b"").decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if len(_CONTROL.findall(text)) > len(text) / 100:
        return None
    if sum(1 for c in text if c.isalpha() or c.isspace()) < len(text) / 2:
        return None
    warnings.append(Warnings.W150.format(count=nuls, field="text"))
    return text


_STRAY = re.compile(r"[\udc80-\udcff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\udc80-\udcff]")


def _mostly_utf8(data: bytes) -> Optional[Tuple[str, int]]:
    """``(text, stray bytes)`` if ``data`` is UTF-8 with a few stray bytes, else None."""
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="surrogateescape")
    bad = len(_STRAY.findall(text))
    good = len(_NON_ASCII.findall(text))
    if bad == 0 or good <= bad or bad > max(1, len(data) // 100):
        return None
    return _STRAY.sub("\ufffd", text), bad


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
    """Cut ``text`` to :data:`MAX_CHARS` at a paragraph break; True if it was cut.

    :data:`MAX_CHARS` equals the byte limit, so only text built from several inputs
    (a JSON record's fields) can reach it; long texts are otherwise analysed whole, in
    windows (see :func:`lagebild.pipeline.windows`)."""
    if len(text) <= MAX_CHARS:
        return text, False
    cut = text.rfind("\n", 0, MAX_CHARS)
    text = text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]
    warnings.append(Warnings.W003.format(limit=MAX_CHARS))
    return text, True
