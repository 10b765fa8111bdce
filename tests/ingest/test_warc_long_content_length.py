"""A WARC record whose Content-Length is too long swallowed the header of the record after
it: warcio read past the real end of its block, and that next record was lost (E017) or,
when the length ran past the end of the file, both were (E157). Now the block is read up
to the next record header found inside it (plain files) or to the end of its gzip member
(gzipped ones), with W164, and the record after it is kept."""
from __future__ import annotations

import gzip
import io
import re

import pytest

from lagebild.ingest.readers import IngestFailure
from lagebild.ingest.warc import read_warc, real_block_end


def _record(i: int, gz: bool, body: str | None = None) -> bytes:
    """One WARC response record (a gzip member when ``gz``) of an HTML page numbered ``i``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    body = body or (f"<html><body><article><h1>Meldung {i}</h1><p>Die Regierung in Kiew kündigte am "
                    f"Montag Gespräche an. Nummer {i}.</p></article></body></html>")
    hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(f"http://x.example/{i}", "response",
                                        payload=io.BytesIO(body.encode()), http_headers=hh))
    return buf.getvalue()


def _lengthen(record: bytes, extra: int, gz: bool) -> bytes:
    """``record`` with its Content-Length ``extra`` bytes longer than its block."""
    raw = gzip.decompress(record) if gz else record
    m = re.search(rb"Content-Length: (\d+)", raw)
    raw = raw.replace(m.group(0), b"Content-Length: " + str(int(m.group(1)) + extra).encode(), 1)
    return gzip.compress(raw) if gz else raw


def _read(tmp_path, data: bytes, gz: bool):
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    path.write_bytes(data)
    items = list(read_warc(path))
    articles = [i for i in items if not isinstance(i, IngestFailure)]
    failures = [i.reason for i in items if isinstance(i, IngestFailure)]
    return path, articles, failures


# extra bytes: 1-3 end inside the two line ends after the block (warcio reads those fine),
# 4 ends on the next version line, 5/40 inside the next header, 200 inside the next body,
# 100000 past the end of the file
@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("extra", [1, 2, 3, 4, 5, 40, 200, 100_000])
def test_a_content_length_too_long_keeps_the_record_after_it(extra, gz, tmp_path, capsys):
    data = _record(0, gz) + _lengthen(_record(1, gz), extra, gz) + _record(2, gz)
    _, articles, failures = _read(tmp_path, data, gz)
    assert [a.title for a in articles] == ["Meldung 0", "Meldung 1", "Meldung 2"], (extra, failures)
    assert failures == [], (extra, failures)
    second = articles[1]
    assert "Nummer 1." in second.text and "WARC" not in second.text
    coded = [w for w in second.warnings if w.startswith("[W164]")]
    if extra >= (5 if gz else 4):  # fewer: only line ends are swallowed, and nothing is lost
        assert len(coded) == 1 and "@" in coded[0], second.warnings
    assert not any(w.startswith("[W164]") for a in (articles[0], articles[2]) for w in a.warnings)
    assert "WARNING" not in capsys.readouterr().err


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_several_records_too_long_in_a_row(gz, tmp_path):
    data = b"".join(_lengthen(_record(i, gz), 60, gz) for i in range(4)) + _record(4, gz)
    _, articles, failures = _read(tmp_path, data, gz)
    assert [a.title for a in articles] == [f"Meldung {i}" for i in range(5)], failures
    assert sum(w.startswith("[W164]") for a in articles for w in a.warnings) == 4


def test_a_warc_inside_a_block_with_the_right_length_is_text(tmp_path):
    """A page that quotes a WARC record (version line after two line ends) is read whole:
    the block is searched only when it does not end where its header says."""
    quoted = ("<html><body><article><h1>Meldung 1</h1><pre>\r\n\r\nWARC/1.0\r\nWARC-Type: response\r\n"
              "Content-Length: 5\r\n\r\nhello</pre><p>Nummer 1.</p></article></body></html>")
    data = _record(0, False) + _record(1, False, body=quoted) + _record(2, False)
    _, articles, failures = _read(tmp_path, data, False)
    assert [a.title for a in articles] == ["Meldung 0", "Meldung 1", "Meldung 2"] and failures == []
    assert "hello" in articles[1].text and not any("W164" in w for w in articles[1].warnings)


def test_a_cut_last_record_is_still_a_cut(tmp_path):
    """The last record of a plain file that ends early has no record header inside it: it
    stays E157 (truncated), as before."""
    data = _record(0, False) + _record(1, False)[:-60]
    _, articles, failures = _read(tmp_path, data, False)
    assert [a.title for a in articles] == ["Meldung 0"]
    assert [f[:6] for f in failures] == ["[E157]"]


@pytest.mark.parametrize(
    "construction,extra,expected",
    [
        ("length right", 0, None),
        ("two bytes into the line ends", 2, None),
        ("ends on the next version line", 4, "found"),
        ("inside the next header", 40, "found"),
        ("past the end of the file", 10_000, "found"),
    ],
)
def test_real_block_end_grid(construction, extra, expected, tmp_path):
    first = _record(0, False)
    data = first + _lengthen(_record(1, False), extra, False) + _record(2, False)
    path = tmp_path / "a.warc"
    path.write_bytes(data)
    got = real_block_end(path, len(first), _declared(data, len(first)))
    if expected is None:
        assert got is None, construction
    else:
        start, end, resume = got
        assert data[resume:resume + 9] == b"WARC/1.0\r" and data[end:resume] == b"\r\n\r\n", construction
        assert data[start - 4:start] == b"\r\n\r\n" and b"Nummer 1." in data[start:end], construction


def _declared(data: bytes, offset: int) -> int:
    return int(re.search(rb"Content-Length: (\d+)", data[offset:]).group(1))


@pytest.mark.parametrize("cut", [0, 20], ids=["whole", "cut at the end"])
def test_a_warc_gzipped_as_one_stream_is_read_to_its_end(cut, tmp_path):
    """`gzip a.warc` makes one gzip stream, not one member per record: warcio refused it
    after the first record ("non-chunked gzip file detected"), so every later record was
    lost (E017 at byte 0). It is now read on through gzip.open; a cut stream is E152 with
    the number of records kept (not E017 with warcio's message)."""
    data = gzip.compress(b"".join(_record(i, False) for i in range(3)))
    _, articles, failures = _read(tmp_path, data[:-cut] if cut else data, True)
    titles = [a.title for a in articles]
    assert not any("non-chunked" in f for f in failures), failures
    if not cut:
        assert titles == ["Meldung 0", "Meldung 1", "Meldung 2"] and failures == []
    else:
        assert titles[:1] == ["Meldung 0"], failures  # (records warcio had not reached at the cut are lost)
        assert [f[:6] for f in failures] == ["[E152]"] and f"after {len(titles)} complete" in failures[0]
