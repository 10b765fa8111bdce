"""A ``.warc.gz`` made by ``gzip a.warc`` is one gzip stream, not one member per record.
Two faults were left in reading it: a record whose Content-Length is too long swallowed
the record after it (W163 + E017, and reading stopped there), and a cut stream kept only
the records warcio had read before the cut (with a 20-byte cut of three records, one). Such
a file is now decompressed into a temporary plain WARC file and read as a plain archive:
W164 and the next record kept, every whole record before a cut kept, E152 with the count;
offsets in messages say they are of the uncompressed bytes."""
from __future__ import annotations

import gzip
import io
import re
import tempfile
import zlib
from pathlib import Path

import pytest

from lagebild.ingest.readers import IngestFailure
from lagebild.ingest.warc import read_warc


def _record(i: int) -> bytes:
    """One plain WARC response record of an HTML page numbered ``i`` (words our own)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    body = (f"<html><body><article><h1>Bericht {i}</h1><p>Der Stadtrat von Lübeck vertagte am Dienstag "
            f"die Abstimmung über den Hafen. Folge {i}.</p></article></body></html>")
    hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(f"http://y.example/{i}", "response",
                                        payload=io.BytesIO(body.encode()), http_headers=hh))
    return buf.getvalue()


def _lengthen(raw: bytes, extra: int) -> bytes:
    m = re.search(rb"Content-Length: (\d+)", raw)
    return raw.replace(m.group(0), b"Content-Length: " + str(int(m.group(1)) + extra).encode(), 1)


def _read(tmp_path: Path, data: bytes):
    path = tmp_path / "a.warc.gz"
    path.write_bytes(data)
    items = list(read_warc(path))
    return ([a.title for a in items if not isinstance(a, IngestFailure)],
            [a for a in items if not isinstance(a, IngestFailure)],
            [i.reason for i in items if isinstance(i, IngestFailure)])


# extra bytes: 4 ends on the next version line, 5/40 inside the next header, 200 inside
# the next body, 100000 past the end of the file
@pytest.mark.parametrize("extra", [4, 5, 40, 200, 100_000])
@pytest.mark.parametrize("which", [0, 1], ids=["first record", "middle record"])
def test_one_stream_with_a_content_length_too_long_keeps_the_record_after_it(which, extra, tmp_path, capsys):
    records = [_record(i) for i in range(3)]
    records[which] = _lengthen(records[which], extra)
    titles, articles, failures = _read(tmp_path, gzip.compress(b"".join(records)))
    assert titles == ["Bericht 0", "Bericht 1", "Bericht 2"], failures
    assert failures == []
    coded = [w for w in articles[which].warnings if w.startswith("[W164]")]
    assert len(coded) == 1 and "(uncompressed)" in coded[0], articles[which].warnings
    assert "WARC" not in articles[which].text and f"Folge {which}." in articles[which].text
    assert "WARNING" not in capsys.readouterr().err


# bytes cut off the end of a three-record stream (None: half the stream is kept)
@pytest.mark.parametrize("cut", [4, 20, 100, None],
                         ids=["trailer only", "trailer and a little data", "a hundred bytes", "half the stream"])
def test_a_cut_one_stream_keeps_every_whole_record_before_the_cut(cut, tmp_path):
    records = [_record(i) for i in range(3)]
    data = gzip.compress(b"".join(records))
    data = data[:-cut] if cut else data[:len(data) // 2]
    construction = f"cut {cut}"
    got = zlib.decompressobj(wbits=31).decompress(data)  # what the cut stream still holds
    ends = [sum(len(r) for r in records[:i + 1]) for i in range(3)]
    whole = [i for i in range(3) if ends[i] - 4 <= len(got)]  # block whole (its two line ends may be cut)
    assert whole or cut is None
    titles, _, failures = _read(tmp_path, data)
    assert titles[:len(whole)] == [f"Bericht {i}" for i in whole], (construction, failures)
    assert failures and failures[-1].startswith("[E152]"), (construction, failures)
    assert f"after {len(titles)} complete" in failures[-1], (construction, failures)
    assert not any("non-chunked" in f for f in failures)


def test_a_record_per_member_is_still_read_member_by_member(tmp_path, monkeypatch):
    """An ordinary ``.warc.gz`` (one gzip member per record) is not copied: only its
    first member is inflated to tell it from a one-stream file."""
    data = b"".join(gzip.compress(_record(i)) for i in range(3))
    made = []
    real = tempfile.mkstemp
    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: made.append(real(*a, **k)) or made[-1])
    titles, _, failures = _read(tmp_path, data)
    assert titles == ["Bericht 0", "Bericht 1", "Bericht 2"] and failures == []
    assert made and not any(Path(p).exists() for _, p in made)  # the probe's copy is removed


def test_the_temporary_copy_is_removed_when_reading_stops_early(tmp_path, monkeypatch):
    made = []
    real = tempfile.mkstemp
    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: made.append(real(*a, **k)) or made[-1])
    path = tmp_path / "a.warc.gz"
    path.write_bytes(gzip.compress(b"".join(_record(i) for i in range(3))))
    items = read_warc(path)
    next(items)
    assert made and Path(made[0][1]).exists()
    items.close()
    assert not Path(made[0][1]).exists()
