"""A few stray NUL bytes in a small text: the text is kept without them (W150). Before, the
threshold was one NUL per 1,000 bytes, so three NULs in a 30-byte news item made it
"binary" (E002) and a text ending in a C string's NUL ("…\\0") was read as UTF-16
(two CJK characters). Small binary data is still E002."""
import pytest

from lagebild.errors import BadInputError
from lagebild.ingest.decode import decode_bytes

TEXT = [
    ("three in a short item", b"Kurz.\n\nDer Rat in Gotha\x00 tagte.\x00\x00\n", "Kurz.\n\nDer Rat in Gotha tagte.\n", 3),
    ("terminator", b"Die Stadt Aalen baut.\x00", "Die Stadt Aalen baut.", 1),
    ("two-word terminator", b"Regen kommt.\x00", "Regen kommt.", 1),
    ("umlauts and two", "Grüße aus Zwönitz\x00 und Bühl.\x00".encode("utf-8"), "Grüße aus Zwönitz und Bühl.", 2),
    ("eight in 200 bytes", (b"Ein Satz aus Jena.\x00 " * 8) + b"Ende der Meldung aus Weimar.",
     "Ein Satz aus Jena. " * 8 + "Ende der Meldung aus Weimar.", 8),
]


@pytest.mark.parametrize("name,data,want,count", TEXT, ids=[t[0] for t in TEXT])
def test_small_text_with_stray_nuls(name, data, want, count):
    text, warnings = decode_bytes(data, path="n.txt")
    assert text == want
    assert warnings == [f"[W150] {count} NUL or control character(s) removed from text"]


BINARY = [
    ("nul-dense", b"AB\x00\x00CD\x00\x00EF\x00\x00GH\x00\x00"),
    ("zip header", b"PK\x03\x04" + b"\x00" * 20 + b"name.txt"),
    ("nine in a long text", (b"Satz aus Suhl. " * 4) + b"\x00" * 9),
    ("control bytes", bytes(range(0, 32)) * 3),
    ("digits and NULs", b"\x00\x01\x00\x02" * 8),
]


@pytest.mark.parametrize("name,data", BINARY, ids=[b[0] for b in BINARY])
def test_small_binary_is_still_refused(name, data):
    with pytest.raises(BadInputError, match=r"\[E002\]"):
        decode_bytes(data, path="b.bin")
