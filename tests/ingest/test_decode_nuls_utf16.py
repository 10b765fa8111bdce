"""Text that only looks binary: UTF-16 without a byte-order mark, and UTF-8 with a stray NUL
byte. Both were refused as binary ([E002]), the document lost; binary data still is.
Own sentences."""
from __future__ import annotations

import os

import pytest

from lagebild.errors import BadInputError
from lagebild.ingest.decode import decode_bytes

DE = "Die Außenministerin kündigte in München neue Hilfen für die Ukraine an. Kiew begrüßte die Zusage.\n"
RU = "Министр иностранных дел заявил, что переговоры продолжатся.\n"


@pytest.mark.parametrize(
    "data,expect",
    [
        (DE.encode("utf-16-le"), DE),
        (DE.encode("utf-16-be"), DE),
        (RU.encode("utf-16-le"), RU),  # Cyrillic: the high byte is 0x04, not NUL, yet spaces and digits say it
        ((DE * 300).encode("utf-16-le"), DE * 300),  # longer than the 8 KiB looked at
    ],
    ids=["de-le", "de-be", "ru-le", "long-le"],
)
def test_utf16_without_bom_is_text(data, expect):
    text, warnings = decode_bytes(data, path="x.txt")
    assert text == expect.replace("\r\n", "\n")


@pytest.mark.parametrize(
    "data",
    [
        b"\x00" + DE.encode(),  # first byte
        DE.encode().replace(b"Kiew", b"Ki\x00ew"),  # inside a word
        DE.encode() + b"\x00",  # a C string's terminator
        (DE * 20).encode().replace(b"Hilfen", b"Hil\x00fen", 2),  # two in 2 KB
    ],
    ids=["start", "inside", "end", "two"],
)
def test_stray_nul_bytes_are_removed_not_the_document(data):
    text, warnings = decode_bytes(data, path="x.txt")
    assert "\x00" not in text and "Kiew" in text and "Hilfen" in text
    assert any(w.startswith("[W150]") for w in warnings), warnings


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,  # an image
        DE.encode().replace(b" ", b"\x00"),  # NUL for every space: no stray bytes
        DE.encode("utf-32-le"),  # NULs at both parities
        b"\x00\x01\x02\x03" * 50,
        os.urandom(64) + b"\x00" + os.urandom(64),  # one NUL, the rest not UTF-8
    ],
    ids=["png", "nul-per-space", "utf-32", "control-bytes", "random"],
)
def test_binary_is_still_refused(data):
    with pytest.raises(BadInputError, match=r"\[E002\]"):
        decode_bytes(data, path="x.bin")
