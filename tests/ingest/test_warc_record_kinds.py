"""Which WARC records are articles: an HTML ``response`` with a 2xx status, and a
``resource`` record of an HTML type (a page archived without its HTTP exchange). Before,
a 404 or 500 error page with an HTML Content-Type was stored as an article ("Seite nicht
gefunden"), and an HTML resource record was skipped without a word."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from lagebild.ingest import read_paths

PAGE = ("<html><head><title>{title}</title></head><body><article><p>{body}</p></article></body></html>")
ARTICLE = "Die Gemeinde Bad Tölz eröffnete am Samstag eine neue Brücke über die Isar für Radfahrer."


def _warc(path: Path, records, gz: bool) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for kind, url, status, ctype, body in records:
            if kind == "response":
                http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
            else:
                w.write_record(w.create_warc_record(url, kind, payload=io.BytesIO(body), warc_content_type=ctype))
    return path


def _page(title: str, body: str = ARTICLE) -> bytes:
    return PAGE.format(title=title, body=body).encode()


# (construction, record, is it an article)
GRID = [
    ("200 html", ("response", "https://example.org/ok", "200 OK", "text/html; charset=utf-8", _page("Brücke")), True),
    ("203 html", ("response", "https://example.org/203", "203 Non-Authoritative Information", "text/html", _page("Brücke")), True),
    ("404 html", ("response", "https://example.org/missing", "404 Not Found", "text/html",
                  _page("Seite nicht gefunden", "Die gesuchte Seite gibt es nicht mehr auf unserem Server in Rosenheim.")), False),
    ("500 html", ("response", "https://example.org/err", "500 Internal Server Error", "text/html",
                  _page("Fehler", "Auf dem Server in Traunstein ist ein interner Fehler aufgetreten, bitte später.")), False),
    ("301 html", ("response", "https://example.org/old", "301 Moved Permanently", "text/html",
                  _page("Umgezogen", "Diese Seite ist dauerhaft an eine andere Adresse in Landshut umgezogen worden.")), False),
    ("resource html", ("resource", "https://example.org/saved.html", None, "text/html", _page("Brücke")), True),
    ("resource png", ("resource", "https://example.org/logo.png", None, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x01" * 64), False),
    ("image response", ("response", "https://example.org/i.jpg", "200 OK", "image/jpeg", b"\xff\xd8\xff" + b"\x02" * 64), False),
    ("metadata", ("metadata", "https://example.org/ok", None, "application/warc-fields", b"outlink: https://example.org/x\r\n"), False),
]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("name,record,article", GRID, ids=[g[0] for g in GRID])
def test_which_records_are_articles(tmp_path: Path, name, record, article, gz):
    path = _warc(tmp_path / ("a.warc.gz" if gz else "a.warc"), [record], gz)
    items = list(read_paths([path]))
    if article:
        (item,) = items
        assert item.text == ARTICLE, getattr(item, "reason", None)
        assert item.url == record[1]
    else:
        assert items == [], [getattr(i, "reason", i) for i in items]


def test_error_pages_among_articles(tmp_path: Path):
    records = [r for _, r, _ in GRID]
    path = _warc(tmp_path / "mixed.warc.gz", records, True)
    got = sorted(a.url for a in read_paths([path]))
    assert got == ["https://example.org/203", "https://example.org/ok", "https://example.org/saved.html"]
