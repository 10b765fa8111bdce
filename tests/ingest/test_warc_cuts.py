"""A WARC file cut off at any byte keeps the complete records before the cut and reports
the cut record with a code (E017 in the version line, E158 in the header block, E157 in the
body): never silence (warcio ends quietly inside a header block)."""
import io

import pytest

from lagebild.ingest.readers import IngestFailure
from lagebild.ingest.warc import read_warc


def _warc(n: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    for i in range(n):
        body = f"<html><body><article><p>Die Regierung in Kiew kündigte am Montag Gespräche an. Meldung {i}.</p></article></body></html>"
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"http://x.example/{i}", "response", payload=io.BytesIO(body.encode()), http_headers=hh))
    return buf.getvalue()


def test_whole_warc_reports_nothing(tmp_path):
    path = tmp_path / "a.warc"
    path.write_bytes(_warc(3))
    items = list(read_warc(path))
    assert len(items) == 3 and not any(isinstance(i, IngestFailure) for i in items)


def test_warc_cut_anywhere_in_the_last_record_is_reported(tmp_path):
    data = _warc(2)
    start = data.rfind(b"WARC/1.0")  # the last record begins here
    path = tmp_path / "a.warc"
    for cut in range(start + 1, len(data) - 4, 5):  # the header block and the body, step 5 bytes
        path.write_bytes(data[:cut])
        items = list(read_warc(path))
        failures = [i for i in items if isinstance(i, IngestFailure)]
        articles = [i for i in items if not isinstance(i, IngestFailure)]
        assert len(articles) == 1 and "Meldung 0" in articles[0].text, cut
        assert len(failures) == 1, (cut, failures)
        assert failures[0].reason.startswith(("[E017]", "[E157]", "[E158]")), (cut, failures[0].reason)
