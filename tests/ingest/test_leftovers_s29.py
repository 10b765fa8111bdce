"""Leftovers of the last new-user trial, each a fault a demanding user would name:

* bidi embedding/override/isolate controls (U+202A-U+202E, U+2066-U+2069) were kept in
  article text, so a name could display reversed while the store and the analysis read
  it in stored order ("Trojan Source"); now removed with W168, the marks U+200E/U+200F kept;
* a text of only emoji or symbols was stored as an article (title of emoji, W007); now
  refused with E160 (no words), in a batch as one coded failure;
* a ``text/plain`` WARC response was skipped without a word; now read as a plain-text
  article, unless it is a site file a crawler fetches (robots.txt, ads.txt, /.well-known/).
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import lagebild
from lagebild.errors import BadInputError
from lagebild.ingest import read_paths
from lagebild.ingest.build import article_from_string
from lagebild.ingest.readers import IngestFailure

BODY = "Die Stadträtin aus Passau eröffnete am Dienstag die neue Bibliothek am {name} für alle Schüler."

# (construction, name as written, name as stored)
BIDI = [
    ("right-to-left override", "\u202eMarkt\u202c", "Markt"),
    ("left-to-right override", "\u202dMarkt\u202c", "Markt"),
    ("right-to-left embedding", "\u202bMarkt\u202c", "Markt"),
    ("left-to-right embedding", "\u202aMarkt\u202c", "Markt"),
    ("right-to-left isolate", "\u2067Markt\u2069", "Markt"),
    ("first-strong isolate", "\u2068Markt\u2069", "Markt"),
    ("left-to-right isolate", "\u2066Markt\u2069", "Markt"),
]


@pytest.mark.parametrize("name,written,stored", BIDI, ids=[b[0] for b in BIDI])
def test_bidi_controls_removed_with_w168(name, written, stored):
    article = article_from_string(BODY.format(name=written))
    assert article.text == BODY.format(name=stored)
    assert any(w.startswith("[W168]") and "2 " in w for w in article.warnings), article.warnings


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c"], ids=["LRM", "RLM", "ALM"])
def test_bidi_marks_kept(mark):
    """The marks reorder nothing; a right-to-left text needs them, so they stay."""
    article = article_from_string(BODY.format(name="Markt" + mark))
    assert mark in article.text
    assert not any(w.startswith("[W168]") for w in article.warnings)


def test_bidi_controls_in_title_and_jsonl(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    record = {"title": "Neue \u202eBibliothek\u202c in Passau", "text": BODY.format(name="\u2067Markt\u2069")}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (article,) = read_paths([path])
    assert "\u202e" not in (article.title or "") and "Bibliothek" in article.title
    assert article.text == BODY.format(name="Markt")


# (construction, text): nothing in them is a word
NO_WORDS = [
    ("emoji lines", "🔥🔥🔥\n\n😀 🎉\n"),
    ("emoji with joiners", "👩\u200d👩\u200d👧 👍🏽\n"),
    ("punctuation", "… !!! ??? — ***\n"),
    ("symbols", "★ ☆ ✓ → ← ♥ € $ %\n"),
    ("flags", "🇩🇪 🇫🇷 🇺🇦\n\n🇵🇱\n"),
]


@pytest.mark.parametrize("name,text", NO_WORDS, ids=[n[0] for n in NO_WORDS])
def test_text_without_words_is_e160(name, text):
    with pytest.raises(BadInputError, match=r"\[E160\]"):
        article_from_string(text)


# (construction, text): a word, however short, is something to analyse
WORDS = [
    ("one word and emoji", "🔥 Brand 🔥\n"),
    ("digits", "2025\n"),
    ("greek", "Αθήνα 🎉\n"),
    ("arabic", "مرحبا 😀\n"),
    ("cjk", "東京 🎉\n"),
]


@pytest.mark.parametrize("name,text", WORDS, ids=[w[0] for w in WORDS])
def test_text_with_a_word_is_read(name, text):
    assert article_from_string(text).text.strip()


def test_emoji_file_in_a_folder_is_one_failure(tmp_path: Path):
    (tmp_path / "a.txt").write_text(BODY.format(name="Markt"), encoding="utf-8")
    (tmp_path / "b.txt").write_text("🔥🔥🔥\n\n😀 🎉\n", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [f.reason[:6] for f in failures] == ["[E160]"] and "b.txt" in failures[0].reason
    assert len(items) == 2


def test_analyze_refuses_emoji_only():
    with pytest.raises(BadInputError, match=r"\[E160\]"):
        lagebild.analyze("😀😀 🎉")


PLAIN = "Der Kreistag in Weilheim beschloss am Mittwoch einen neuen Busfahrplan für die Dörfer am See."


def _warc(path: Path, records) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=path.suffix == ".gz")
        for kind, url, ctype, body in records:
            if kind == "response":
                http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
            else:
                w.write_record(w.create_warc_record(url, kind, payload=io.BytesIO(body), warc_content_type=ctype))
    return path


# (construction, record, read as an article)
PLAIN_GRID = [
    ("text/plain response", ("response", "https://example.org/news/bus.txt", "text/plain; charset=utf-8", PLAIN.encode()), True),
    ("text/plain no extension", ("response", "https://example.org/meldung/4711", "text/plain", PLAIN.encode()), True),
    ("text/plain resource", ("resource", "https://example.org/archiv/bus.txt", "text/plain", PLAIN.encode()), True),
    ("robots.txt", ("response", "https://example.org/robots.txt", "text/plain", b"User-agent: *\nDisallow: /intern/\n"), False),
    ("ads.txt upper case", ("response", "https://example.org/ADS.TXT", "text/plain", b"example.com, pub-1, DIRECT\n"), False),
    ("well-known", ("response", "https://example.org/.well-known/security.txt", "text/plain",
                    b"Contact: mailto:sicherheit@example.org\n"), False),
    ("text/css", ("response", "https://example.org/a.css", "text/css", b"body { color: red; }\n"), False),
    ("text/plain-ish javascript", ("response", "https://example.org/a.js", "text/javascript", b"var a = 1;\n"), False),
]


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
@pytest.mark.parametrize("name,record,article", PLAIN_GRID, ids=[p[0] for p in PLAIN_GRID])
def test_text_plain_warc_records(tmp_path: Path, name, record, article, suffix):
    items = list(read_paths([_warc(tmp_path / ("a" + suffix), [record])]))
    if article:
        (item,) = items
        assert item.text == PLAIN, getattr(item, "reason", None)
        assert item.url == record[1] and item.format == "warc"
    else:
        assert items == [], [getattr(i, "reason", i) for i in items]
