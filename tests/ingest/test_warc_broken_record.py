"""A broken record in the middle of a WARC file (corrupt bytes between records, a wrong
Content-Length, a corrupt gzip member) lost every record after it: warcio stopped and the
whole rest was one E017. Now the broken record is reported with its offset (E017) and
reading goes on at the next record header; warcio's own stderr warning is silenced."""
from __future__ import annotations

import io
import re

import pytest

from lagebild.ingest.readers import IngestFailure
from lagebild.ingest.warc import next_record_start, read_warc


def _records(n: int, gz: bool):
    """The bytes of ``n`` one-record WARC files (each a gzip member when ``gz``)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = []
    for i in range(n):
        buf = io.BytesIO()
        w = WARCWriter(buf, gzip=gz)
        body = f"<html><body><article><h1>Meldung {i}</h1><p>Die Regierung in Kiew kündigte am Montag Gespräche an. Nummer {i}.</p></article></body></html>"
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"http://x.example/{i}", "response", payload=io.BytesIO(body.encode()), http_headers=hh))
        out.append(buf.getvalue())
    return out


def _garbage_between(gz: bool) -> bytes:
    r = _records(3, gz)
    return r[0] + r[1] + b"\x07\x00garbage that is no record\r\n\r\n" + r[2]


def _short_content_length(gz: bool) -> bytes:
    r = _records(3, gz)
    # record 1 claims 40 bytes less than its block: the rest of its page follows it
    m = re.search(rb"Content-Length: (\d+)", r[1])
    broken = r[1].replace(m.group(0), b"Content-Length: " + str(int(m.group(1)) - 40).encode(), 1)
    return r[0] + broken + r[2]


def _corrupt_member(gz: bool) -> bytes:
    r = _records(3, gz)
    middle = bytearray(r[1])
    middle[30:50] = b"\x00" * 20  # inside the deflate data of the second member
    return r[0] + bytes(middle) + r[2]


@pytest.mark.parametrize(
    "construction,make,gz,kept,codes",
    [
        ("bytes between two records", _garbage_between, False, [0, 1, 2], ["E017"]),
        ("a Content-Length too short", _short_content_length, False, [0, 1, 2], ["W163"]),
        ("a corrupt gzip member", _corrupt_member, True, [0, 2], ["E017", "E152"]),
        ("bytes between two gzip members", _garbage_between, True, [0, 1, 2], ["E017", "E152"]),
    ],
)
def test_a_broken_record_in_the_middle_keeps_the_records_after_it(construction, make, gz, kept, codes, tmp_path, capsys):
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    path.write_bytes(make(gz))
    items = list(read_warc(path))
    titles = sorted(int(i.title.split()[-1]) for i in items if not isinstance(i, IngestFailure) and i.title)
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert set(kept) <= set(titles), (construction, titles, [f.reason for f in failures])
    found = sorted({f.reason[1:5] for f in failures})
    assert found == codes, (construction, [f.reason for f in failures])
    first = failures[0]
    assert re.search(r"@\d+", first.source) and "\ufffd" not in first.reason and "\x00" not in first.reason
    assert "WARNING" not in capsys.readouterr().err  # warcio's own stderr line is silenced


@pytest.mark.parametrize(
    "data,after,gz,expected",
    [
        (b"xxWARC/1.0\r\nrest", 0, False, None),  # not at a line start
        (b"xx\nWARC/1.0\r\nrest", 0, False, 3),
        (b"WARC/1.1\r\nrest", 0, False, 0),
        (b"xx\nWARC/1.0\r\nrest", 4, False, None),
        (b"ab\x1f\x8b\x08cd", 0, True, 2),
        (b"ab\x1f\x8b\x08cd", 3, True, None),
    ],
)
def test_next_record_start_grid(data, after, gz, expected, tmp_path):
    path = tmp_path / "x.warc"
    path.write_bytes(data)
    assert next_record_start(path, after, gz=gz) == expected
