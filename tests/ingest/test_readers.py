import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.ingest import IngestFailure, detect_format, read_paths
from lagebild.ingest.decode import MAX_BYTES, decode_bytes
from lagebild.errors import BadInputError

GOOD = "Ein Titel. Anna Berger. 01.02.2025.\n\nDie Regierung in Berlin kündigte neue Hilfen für die Ukraine an.\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_readers_bad_inputs_reported_batch_goes_on(tmp_path):
    _write(tmp_path, "a_good.txt", GOOD.encode())
    _write(tmp_path, "b_empty.txt", b"")
    _write(tmp_path, "c_binary.txt", bytes(range(256)) * 10)
    _write(tmp_path, "d_latin1.txt", GOOD.encode("latin-1"))
    _write(tmp_path, "e_spaces.txt", "\u00a0 \n \n".encode())
    items = list(read_paths([tmp_path]))
    by_source = {Path(i.source).name: i for i in items}
    assert not isinstance(by_source["a_good.txt"], IngestFailure)
    assert "[E001]" in by_source["b_empty.txt"].reason
    assert "[E002]" in by_source["c_binary.txt"].reason
    assert "Regierung" in by_source["d_latin1.txt"].text  # decoded by charset detection
    assert isinstance(by_source["e_spaces.txt"], IngestFailure)


def test_readers_huge_file_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    (item,) = list(read_paths([path]))
    assert isinstance(item, IngestFailure) and "[E004]" in item.reason


def test_readers_missing_path(tmp_path):
    (item,) = list(read_paths([tmp_path / "nope.txt"]))
    assert isinstance(item, IngestFailure) and "[E007]" in item.reason


def test_readers_jsonl_bad_line_does_not_stop_file(tmp_path):
    lines = [
        json.dumps({"text": GOOD, "url": "https://example.org/a", "published": "2025-02-01"}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"html": "<html><body><p>" + "Die Regierung kritisierte Moskau scharf. " * 5 + "</p></body></html>", "title": "HTML-Zeile"}),
    ]
    path = _write(tmp_path, "batch.jsonl", "\n".join(lines).encode())
    items = list(read_paths([path]))
    assert len(items) == 4
    assert items[0].url == "https://example.org/a" and items[0].published == "2025-02-01"
    assert "[E008]" in items[1].reason and items[1].source.endswith(":2")
    assert "[E009]" in items[2].reason
    assert items[3].title == "HTML-Zeile" and "Moskau" in items[3].text


def test_readers_feed(tmp_path):
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>Erster Beitrag</title><link>https://example.org/1</link>
    <pubDate>Sat, 19 Apr 2025 10:00:00 GMT</pubDate><author>a@b.c (Anna Berger)</author>
    <description>&lt;p&gt;Die Regierung in Kyiv lehnte den Vorschlag aus Moskau ab und forderte Garantien.&lt;/p&gt;</description></item>
    <item><title>Zweiter</title><link>https://example.org/2</link><description>Russland griff erneut an.</description></item>
    </channel></rss>"""
    path = _write(tmp_path, "feed.xml", rss.encode())
    assert detect_format(path) == "feed"
    items = list(read_paths([path]))
    assert [i.title for i in items] == ["Erster Beitrag", "Zweiter"]
    assert items[0].published == "2025-04-19" and items[0].url == "https://example.org/1"
    assert "Garantien" in items[0].text


def test_readers_warc(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    html = b"<html><body><article><h1>Angriff</h1><p>" + "Russische Truppen griffen in der Nacht die Stadt Charkiw an. ".encode() * 4 + b"</p></article></body></html>"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record("https://example.org/x", "response", payload=io.BytesIO(html), http_headers=headers))
    (item,) = list(read_paths([path]))
    assert item.url == "https://example.org/x" and "Charkiw" in item.text


def test_readers_gzipped_text(tmp_path):
    path = _write(tmp_path, "a.txt.gz", gzip.compress(GOOD.encode()))
    (item,) = list(read_paths([path]))
    assert item.title == "Ein Titel"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_readers_decode_never_crashes(data):
    try:
        text, _ = decode_bytes(data)
    except BadInputError as e:
        assert str(e).startswith(("[E00", "[E155]"))  # E155: only invisible characters
    else:
        assert text.strip()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(
    st.binary(max_size=200).filter(lambda b: b"\n" not in b and b"\r" not in b),
    st.builds(lambda t, h: json.dumps({"text": t} if h else {"html": t}).encode(), st.text(max_size=200), st.booleans()),
), max_size=8))
def test_readers_jsonl_one_item_per_nonblank_line_never_raises(tmp_path_factory, lines):
    data = b"\n".join(lines)
    path = tmp_path_factory.mktemp("jsonl") / "x.jsonl"
    path.write_bytes(data)
    items = list(read_paths([path]))
    if data.startswith(b"\x1f\x8b"):  # sniffed as gzip whatever the name: one E152 when corrupt
        assert items  # reported, never silently dropped
        assert len([i for i in items if isinstance(i, IngestFailure) and i.reason.startswith("[E152]")]) <= 1
        return
    records = sum(1 for line in lines if line.strip())
    if not records:  # an empty file is reported (E001), not silently skipped
        assert len(items) == 1 and items[0].reason.startswith("[E001]")
        return
    assert len(items) == records
    for item in items:
        assert isinstance(item, IngestFailure) or item.text.strip()


@pytest.mark.parametrize("body", [b"\x1f\x8b", b"\x1f\x8b\n\x00", b"\x1f\x8b\x08\x00garbage\n{}"])
def test_readers_jsonl_with_gzip_magic_but_corrupt_is_one_coded_failure(tmp_path, body):
    path = tmp_path / "x.jsonl"
    path.write_bytes(body)
    items = list(read_paths([path]))
    assert len(items) == 1 and isinstance(items[0], IngestFailure)
    assert items[0].reason.startswith("[E152]")


@pytest.mark.parametrize("record", [{"url": "https://x.example"}, {"text": ""}, {"text": "  \n "}, {"html": ""},
                                    {"text": None, "html": " "}])
def test_jsonl_record_without_text_says_so(tmp_path, record):
    """An empty "text" used to be reported as having "neither 'text' nor 'html'", which reads
    as a missing field to someone looking at a record that has one."""
    import json

    path = _write(tmp_path, "one.jsonl", (json.dumps(record) + "\n").encode())
    (item,) = list(read_paths([path]))
    assert "[E009]" in item.reason and "missing, empty or blank" in item.reason


def test_a_gzip_bomb_is_refused_with_what_is_known_of_its_size(tmp_path):
    """A small .gz that inflates past the limit was "too large (20000001 bytes …)": gunzip
    stops one byte past the limit, so that number was never the input's size."""
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb") as fh:
        for _ in range(MAX_BYTES // 1_000_000 + 2):
            fh.write(b"A" * 1_000_000)
    (item,) = list(read_paths([path]))
    assert isinstance(item, IngestFailure) and "[E159]" in item.reason
    assert f"{MAX_BYTES + 1} bytes" not in item.reason and f"{path.stat().st_size} bytes compressed" in item.reason
