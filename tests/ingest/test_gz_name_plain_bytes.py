"""A file named .gz whose bytes are not gzip-compressed was "[E152] … incorrect header
check" and lost: a page saved by an HTTP client that undid its Content-Encoding, and every
.gz input of `ingest --engine ray` (Ray's pyarrow reader decompresses by the name before
lagebild sees the bytes). It is read as it is now, as `zcat -f` does; real gzip, whole or
cut, is still recognised by its magic bytes."""
from __future__ import annotations

import gzip

import pytest

from lagebild.ingest.readers import IngestFailure, is_gzip, iter_items

TEXT = "Gipfel in Wien. Anna Beispiel. 14.03.2025.\n\nRussland droht der Ukraine mit neuen Angriffen."
PAGE = f"<html><head><title>Gipfel</title></head><body><article><p>{TEXT}</p></article></body></html>"


@pytest.mark.parametrize(
    "construction,name,data,gz,stored,code",
    [
        ("plain text named .txt.gz", "a.txt.gz", TEXT.encode(), False, 1, None),
        ("plain HTML named .html.gz", "a.html.gz", PAGE.encode(), False, 1, None),
        ("plain JSON Lines named .jsonl.gz", "a.jsonl.gz", ('{"text": "%s"}\n' % "Russland droht der Ukraine.").encode(), False, 1, None),
        ("gzip text named .txt.gz", "a.txt.gz", gzip.compress(TEXT.encode()), True, 1, None),
        ("gzip text without .gz", "a.txt", gzip.compress(TEXT.encode()), True, 1, None),
        ("gzip text cut short", "a.txt.gz", gzip.compress(((TEXT + "\n\n") * 200).encode())[:-12], True, 1, "W157"),
        ("gzip magic, then garbage", "a.txt.gz", b"\x1f\x8b\x08\x00garbage" + bytes(range(256)), True, 0, "E152"),
    ],
)
def test_gzip_is_told_by_its_bytes(construction, name, data, gz, stored, code, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    assert is_gzip(path) is gz, construction
    items = [item for _, item in iter_items([path])]
    articles = [i for i in items if not isinstance(i, IngestFailure)]
    assert len(articles) == stored, (construction, [getattr(i, "reason", None) for i in items])
    notes = [i.reason for i in items if isinstance(i, IngestFailure)] + [w for a in articles for w in a.warnings]
    if code:
        assert any(n.startswith(f"[{code}]") for n in notes), (construction, notes)
    else:
        assert not any(n.startswith("[E152]") for n in notes), (construction, notes)
        assert "Russland droht der Ukraine" in articles[0].text
