"""Issue 14, ingest half: record validation, decoding, gzip, windows, headers, bylines,
short-text language id; grids of own examples per kind, and the field cases as tests."""
from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.errors import BadInputError
from lagebild.ingest import IngestFailure, read_paths
from lagebild.ingest.build import article_from_text
from lagebild.ingest.decode import clean_text, decode_bytes, display_path, has_visible_text
from lagebild.ingest.html import clean_author, parse_html
from lagebild.ingest.jsonl import article_from_record, parse_record
from lagebild.ingest.readers import gunzip, iter_files
from lagebild.pipeline import windows

SHARED_CASES = Path(__file__).resolve().parents[2].parent / "shared" / "cases" / "field"
TEXT = "Die Regierung in Berlin kündigte am Montag neue Hilfen für die Ukraine an."


# ------------------------------------------------------------------ JSONL records
@pytest.mark.parametrize(
    "fields,authors,title,warn",
    [
        ({"authors": 42}, [], None, "W152"),
        ({"authors": [1, None, "Anna Beispiel", ["x"]]}, ["Anna Beispiel"], None, "W152"),
        ({"authors": "Anna Beispiel"}, ["Anna Beispiel"], None, None),
        ({"author": "Jan Kowalski"}, ["Jan Kowalski"], None, None),
        ({"authors": [{"@type": "Person", "name": "Eva Muster"}]}, ["Eva Muster"], None, None),
        ({"authors": [{"id": 3}]}, [], None, "W152"),
        ({"title": 2025}, [], "2025", None),
        ({"title": {"de": "Titel"}}, [], None, "W152"),
        ({"title": ["a", "b"]}, [], None, "W152"),
        ({"title": "Ti\u0000tel"}, [], "Titel", "W150"),
        ({"title": "Ti\ud800tel"}, [], "Ti\ufffdtel", "W153"),
        ({"url": {"href": "x"}}, [], None, "W152"),
        ({"published": {"$date": 1}}, [], None, "W152"),
    ],
)
def test_jsonl_coercion_rules(fields, authors, title, warn):
    line = json.dumps({"text": TEXT, **fields}).encode()
    article = article_from_record(parse_record(line, lineno=1, path="x.jsonl", warnings=[]), source="x.jsonl:1")
    assert article.authors == authors
    assert article.title == title
    if warn:
        assert any(w.startswith(f"[{warn}]") for w in article.warnings), article.warnings


@pytest.mark.parametrize(
    "line,code",
    [
        (b'{"text": {"a": 1}}', "E150"),
        (b'{"text": [1]}', "E150"),
        (b'{"html": false}', "E150"),
        (b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "E150"),
        (b'{"text": "x", "deep": ' + b"{\"a\":" * 50_000 + b"1" + b"}" * 50_000 + b"}", "E150"),
        (b"[1, 2]", "E008"),
        (b'"just a string"', "E008"),
        (b'{"text": "unterminated', "E008"),
    ],
)
def test_jsonl_refused_records_are_coded(line, code):
    with pytest.raises(BadInputError, match=re.escape(f"[{code}]")):
        parse_record(line, lineno=7, path="x.jsonl")


def test_jsonl_huge_int_kept_as_digits_and_nul_stripped():
    line = b'{"text": "' + TEXT.encode() + b'\\u0000", "title": ' + b"9" * 5000 + b', "n": ' + b"1" * 6000 + b"}"
    article = article_from_record(parse_record(line, lineno=1, path="x", warnings=[]), source="x:1")
    assert article.title == "9" * 5000
    assert "\x00" not in article.text


def test_jsonl_too_long_line_skipped_rest_read(tmp_path, monkeypatch):
    from lagebild.ingest import jsonl

    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": TEXT}) + "\n" + json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": TEXT + " Zwei."}) + "\n"
    )
    items = list(jsonl.read_jsonl(path))
    assert [type(i).__name__ for i in items] == ["Article", "IngestFailure", "Article"]
    assert items[1].reason.startswith("[E151]") and items[1].source.endswith(":2")


def test_jsonl_gz_and_truncated_gz(tmp_path):
    lines = "".join(json.dumps({"text": f"{TEXT} Nummer {i}. " + "Wort " * 300}) + "\n" for i in range(5)).encode()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(lines))
    data = gzip.compress(lines, compresslevel=0)
    (tmp_path / "b.jsonl.gz").write_bytes(data[: data.find(b"Nummer 3") + 20])
    items = list(read_paths([tmp_path]))
    a = [i for i in items if "a.jsonl.gz" in i.source]
    b = [i for i in items if "b.jsonl.gz" in i.source]
    assert len(a) == 5 and not any(isinstance(i, IngestFailure) for i in a)
    assert [type(i).__name__ for i in b] == ["Article"] * 3 + ["IngestFailure"]
    assert b[-1].reason.startswith("[E152]") and "after 3 complete" in b[-1].reason


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(), lambda c: st.lists(c) | st.dictionaries(st.text(), c), max_leaves=20))
def test_jsonl_any_field_value_never_crashes(value):
    for key in ("text", "html", "title", "authors", "author", "url", "published", "source"):
        obj = {"text": TEXT, key: value}
        line = json.dumps(obj).encode("utf-8", errors="surrogatepass")
        try:
            article = article_from_record(parse_record(line, lineno=1, path="x", warnings=[]), source="x:1")
        except BadInputError as e:
            assert str(e).startswith("[E")
            continue
        for s in [article.text, article.title or "", *article.authors, article.url or "", article.source or ""]:
            s.encode("utf-8")  # no lone surrogates
            assert "\x00" not in s


# ------------------------------------------------------------------ decoding
UMLAUTS = "Die Außenminister berieten in München über Hilfe. Die Grünen begrüßten die Zusage Österreichs. "


def test_decode_mostly_utf8_keeps_utf8_and_warns():
    for stray in (b"\xff", b"\x80", b"\xc3", b"\xe2\x82"):
        data = (UMLAUTS * 5).encode().replace(b"berieten", b"berie" + stray + b"ten", 1)
        text, warnings = decode_bytes(data)
        assert "Außenminister" in text and "Grünen" in text and "\ufffd" in text
        assert warnings and warnings[0].startswith("[W156]")


@pytest.mark.parametrize("enc", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_decode_legacy_and_bom_encodings(enc):
    text, warnings = decode_bytes((UMLAUTS * 3).encode(enc))
    assert "Außenminister" in text and not text.startswith("\ufeff")
    assert not warnings


@pytest.mark.parametrize("text", ["\u200b", "\u200b\u200c\u200d\ufeff", "\u2060 \u00a0\n\u00ad", "\u202e\u202c \t"])
def test_invisible_text_is_refused(text):
    assert not has_visible_text(text)
    with pytest.raises(BadInputError, match=r"\[E155\]|\[E001\]"):
        decode_bytes(text.encode())
    with pytest.raises(BadInputError, match=r"\[E155\]|\[E005\]"):
        article_from_text(text)


def test_clean_text_removes_controls_keeps_layout():
    warnings: list = []
    assert clean_text("a\x00b\tc\nd\x1b[31me\ud800", "text", warnings) == "ab\tc\nd[31me\ufffd"
    assert [w[:6] for w in warnings] == ["[W150]", "[W153]"]


def test_display_path_escapes_invalid_utf8():
    p = Path(os.fsdecode(b"/tmp/bad-\xff.txt"))
    shown = display_path(p)
    assert shown == "/tmp/bad-\\xff.txt"
    shown.encode("utf-8")


def test_gunzip_keeps_everything_before_the_cut(tmp_path):
    data = os.urandom(300_000)
    whole = gzip.compress(data) + gzip.compress(b"second member")
    (tmp_path / "a.gz").write_bytes(whole)
    assert gunzip(tmp_path / "a.gz") == (data + b"second member", None)
    cut = gzip.compress(data, compresslevel=1)[:150_000]
    (tmp_path / "b.gz").write_bytes(cut)
    out, problem = gunzip(tmp_path / "b.gz")
    assert problem and data.startswith(out) and len(out) > 100_000
    (tmp_path / "c.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    assert gunzip(tmp_path / "c.gz")[1]


def test_symlinks_out_of_the_folder_not_followed(tmp_path):
    inside = tmp_path / "crawl"
    inside.mkdir()
    (inside / "a.txt").write_text(TEXT)
    (tmp_path / "secret.txt").write_text("geheim")
    os.symlink(tmp_path / "secret.txt", inside / "link.txt")
    os.symlink(inside / "a.txt", inside / "same.txt")
    os.symlink(tmp_path, inside / "up")
    found = list(iter_files([inside]))
    files = sorted(p.name for p in found if isinstance(p, Path))
    warned = [f for f in found if isinstance(f, IngestFailure)]
    assert files == ["a.txt", "same.txt"]
    assert len(warned) == 2 and all(f.reason.startswith("[W154]") for f in warned)


# ------------------------------------------------------------------ windows
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=3000), st.integers(10, 400))
def test_windows_cover_text_without_gaps(text, limit):
    spans = windows(text, limit)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e - s <= limit for s, e in spans)
    assert all(s < e for s, e in spans) or text == ""


def test_windows_cut_at_paragraphs():
    pars = [f"Absatz {i} " + "x" * 80 for i in range(40)]
    text = "\n\n".join(pars)
    for s, e in windows(text, 500)[:-1]:
        assert text[e - 2 : e] == "\n\n"


def test_long_text_analysed_in_windows_offsets_in_full_text(monkeypatch):
    import lagebild.pipeline as pipeline
    from lagebild.ingest import article_from_string

    par = "Der Bundeskanzler traf in Berlin den französischen Präsidenten Emmanuel Macron."
    text = "\n\n".join(f"{par} (Absatz {i})" for i in range(60))
    monkeypatch.setattr(pipeline, "WINDOW_CHARS", 1000)
    article = article_from_string(text, published="2025-03-01")
    doc = pipeline.analyze_article(article, language="de")
    assert any(w.startswith("[W155]") for w in doc.warnings)
    assert len(doc.text) == len(article.text) and not doc.partial
    macron = [a for a in doc.actors if a.id == "per:emmanuel_macron"]
    assert macron and len(macron[0].mentions) == 60
    for s, e in macron[0].mentions:
        assert doc.text[s:e].endswith("Macron")  # the name, or the role phrase around it
    assert doc.sentences[-1][1] <= len(doc.text) and doc.sentences[-1][1] >= len(doc.text) - 2
    for ev in doc.events:
        assert ev.span[0] < ev.span[1] <= len(doc.text)
    assert len(pipeline.windows(article.text)) > 1  # the patched limit is what windows uses


def test_long_texts_keep_speech_act_links_across_windows(monkeypatch):
    import lagebild.pipeline as pipeline
    from lagebild.ingest import article_from_string

    par = "Die USA drohen, sich aus dem Friedensprozess zurückzuziehen, wenn es keine Fortschritte gibt."
    text = "\n\n".join(par for _ in range(30))
    monkeypatch.setattr(pipeline, "WINDOW_CHARS", 1000)
    assert len(pipeline.windows(text)) > 2
    doc = pipeline.analyze_article(article_from_string(text, published="2025-03-01"), language="de")
    records = doc.to_dict()["events"]
    by_id = {r["id"]: r for r in records}
    acts = [r for r in records if r["content_of"]]
    assert len(acts) == 30
    for act in acts:
        for ref in act["content_of"]:
            assert by_id[ref]["speech_act"] == act["id"]
            assert abs(by_id[ref]["span"][0] - act["span"][0]) < len(par)  # the same sentence


def test_batches_are_sized_by_characters(monkeypatch):
    import lagebild.batch as batch
    from lagebild.ingest import article_from_string

    sizes = []
    monkeypatch.setattr(batch, "analyze_batch", lambda arts, **kw: sizes.append(sum(len(a.text) for a in arts)) or list(arts))
    arts = [(None, article_from_string(f"Text {i}. " + "x " * 20_000)) for i in range(10)]
    list(batch.analyze_items(arts, batch_chars=100_000))
    assert max(sizes) <= 100_000 and sum(sizes) == sum(len(a.text) for _, a in arts)


# ------------------------------------------------------------------ headers
BODY = "\n\nDer Bundeskanzler traf am Montag in Berlin den französischen Präsidenten.\n"


@pytest.mark.parametrize(
    "line,title,authors,published",
    [
        ("Gipfel in Berlin. Anna Beispiel. 2016-03-14", "Gipfel in Berlin", ["Anna Beispiel"], "2016-03-14"),
        ("Gipfel in Berlin. Anna Beispiel. 3. November 2025.", "Gipfel in Berlin", ["Anna Beispiel"], "2025-11-03"),
        ("Gipfel in Berlin | Anna Beispiel. 14. Februar 2025", "Gipfel in Berlin", ["Anna Beispiel"], "2025-02-14"),
        ("Anna Beispiel: Gipfel in Berlin. 1. März 2024", "Gipfel in Berlin", ["Anna Beispiel"], "2024-03-01"),
        ("Summit in Berlin. Mark Carter. 3 November 2025", "Summit in Berlin", ["Mark Carter"], "2025-11-03"),
        ("Summit in Berlin. Mark Carter. November 3, 2025.", "Summit in Berlin", ["Mark Carter"], "2025-11-03"),
        ("Summit in Berlin | Mark Carter, Nov. 3, 2025", "Summit in Berlin", ["Mark Carter"], "2025-11-03"),
        ("Summit in Berlin. Mark Carter and Jane Roe. March 14th, 2016", "Summit in Berlin", ["Mark Carter", "Jane Roe"], "2016-03-14"),
        ("Gipfel in Berlin. 3. März 2025.", "Gipfel in Berlin", [], "2025-03-03"),
        ("Summit in Berlin. 2025-11-03", "Summit in Berlin", [], "2025-11-03"),
    ],
)
def test_header_date_forms(line, title, authors, published):
    article = article_from_text(line + BODY)
    assert (article.title, article.authors, article.published) == (title, authors, published)
    assert article.text.startswith("Der Bundeskanzler")


@pytest.mark.parametrize(
    "line",
    [
        "Die Wahl findet am 3. November 2025.",
        "The vote is scheduled for November 3, 2025.",
        "Das Abkommen gilt seit 2016-03-14.",
        "Talks resumed on 3 November 2025.",
    ],
)
def test_sentences_ending_in_a_date_are_not_headers(line):
    article = article_from_text(line + BODY)
    assert article.text.startswith(line[:10])


def test_missing_date_is_warned_not_silent():
    article = article_from_text("Gipfel in Berlin" + BODY)
    assert article.published is None
    assert any(w.startswith("[W151]") for w in article.warnings)
    dated = article_from_text("Gipfel. 2025-03-01" + BODY)
    assert not any(w.startswith("[W151]") for w in dated.warnings)


# ------------------------------------------------------------------ HTML bylines
@pytest.mark.parametrize(
    "raw,name",
    [
        ("Von Anna Beispiel · 14. Februar 2025", "Anna Beispiel"),
        ("By Mark Carter | November 3, 2025, 10:30", "Mark Carter"),
        ("Anna Beispiel, 14.02.2025, 10:30 Uhr", "Anna Beispiel"),
        ("Text: Jan Kowalski –", "Jan Kowalski"),
        ("Autorin: Eva Muster /", "Eva Muster"),
        ("· 14. Februar 2025", None),
        ("|", None),
        ("Ursula von der Leyen", "Ursula von der Leyen"),
    ],
)
def test_clean_author(raw, name):
    assert clean_author(raw) == name


def _page(head: str, body: str, title: str = "Gipfel") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>{body}</body></html>"


ARTICLE = (
    "<article><h1>Gipfel in Berlin</h1>{byline}<p>Der Bundeskanzler traf am Montag in Berlin den französischen Präsidenten. "
    "Beide sprachen über die Lage in der Ukraine und über neue Hilfen.</p><p>Tusk forderte mehr Geld für die "
    "Luftverteidigung. Scholz sagte eine Prüfung des Vorschlags zu.</p></article>"
)


@pytest.mark.parametrize(
    "head,byline,title,authors",
    [
        ("", "<p class='byline'>Von Anna Beispiel · 14. Februar 2025</p>", "Gipfel", ["Anna Beispiel"]),
        ("<meta name='author' content='Anna Beispiel und Jan Kowalski'>", "", "Gipfel", ["Anna Beispiel", "Jan Kowalski"]),
        ("<meta name='author' content='Beispielzeitung'><meta property='og:site_name' content='Beispielzeitung'>", "", "Gipfel", []),
        ("<meta name='author' content='Tagesblatt'>", "", "Gipfel | Tagesblatt", []),
        ("<meta name='author' content='Anna Beispiel, Tagesblatt'>", "", "Gipfel - Tagesblatt", ["Anna Beispiel"]),
    ],
)
def test_html_authors_cleaned_and_outlets_dropped(head, byline, title, authors):
    parsed = parse_html(_page(head, ARTICLE.format(byline=byline), title=title))
    assert parsed.authors == authors


def test_html_script_dates_not_published():
    head = '<script>var cfg={"consentExpires":"2031-01-31","build":"2023-01-31"};</script>'
    parsed = parse_html(_page(head, ARTICLE.format(byline="")))
    assert parsed.date_raw is None
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-02-14"}</script>'
    assert parse_html(_page(head + ld, ARTICLE.format(byline=""))).date_raw.startswith("2025-02-14")


@pytest.mark.parametrize(
    "caption,credit",
    [
        ("Selenskyj und Macron vor dem Élysée-Palast.", "Foto: Jane Doe / AFP"),
        ("Der Kanzler bei seiner Ankunft in Warschau.", "Bild: dpa"),
        ("Rettungskräfte am Ort des Anschlags.", "© Reuters"),
    ],
)
def test_html_short_page_keeps_caption_and_h1_out_of_text(caption, credit):
    html = _page("", f"<article><h1>Kurz gemeldet</h1><figure><img src='a.jpg'><figcaption>{caption} {credit}</figcaption></figure>"
                     "<p>Präsident Macron hat den ukrainischen Präsidenten am Dienstag empfangen.</p>"
                     "<p>Frankreich sagte weitere Hilfe zu.</p></article>")
    parsed = parse_html(html)
    assert caption not in parsed.text and credit not in parsed.text and "Kurz gemeldet" not in parsed.text
    assert parsed.text == "Präsident Macron hat den ukrainischen Präsidenten am Dienstag empfangen.\n\nFrankreich sagte weitere Hilfe zu."


# ------------------------------------------------------------------ language id
@pytest.mark.parametrize(
    "text,lang",
    [
        ("Selenskyj traf Macron.", "de"),
        ("Ticker. Selenskyj traf Macron.", "de"),
        ("Macron empfing Selenskyj.", "de"),
        ("Erdogan rief Putin an.", "de"),
        ("Zelensky traf Biden in Washington.", "de"),
        ("Putin droht der Nato.", "de"),
        ("Biden met Zelensky.", "en"),
        ("Trump warns Iran.", "en"),
        ("Orban blocks EU aid.", "en"),
        ("Hamas frees hostages.", "en"),
        ("Le président a rencontré Zelensky hier à Paris pour discuter.", "fr"),
    ],
)
def test_short_text_language_restricted_to_analysable(text, lang):
    from lagebild.language import detect_language

    assert detect_language(text)[0] == lang


# ------------------------------------------------------------------ field cases (../shared)
def _field(name: str) -> Path:
    matches = sorted(SHARED_CASES.glob(f"{name}.*")) if SHARED_CASES.is_dir() else []
    inputs = [p for p in matches if not p.name.endswith(".expect.md")]
    if not inputs:
        pytest.skip(f"needs ../shared/cases/field/{name}.* (the ../shared folder is absent)")
    return inputs[0]


def _analyze(path: Path):  # type: ignore[no-untyped-def]
    from lagebild.batch import analyze_items
    from lagebild.ingest.readers import iter_items

    ((_, doc),) = list(analyze_items(iter_items([path])))
    assert not isinstance(doc, IngestFailure), doc
    return doc


def test_field_01_byline_separator():
    doc = _analyze(_field("01-byline-separator"))
    assert doc.authors == ["Anna Beispiel"]
    assert doc.published == "2025-02-14"


def test_field_20_short_page_caption_leak():
    doc = _analyze(_field("20-short-page-caption-leak"))
    assert "Selenskyj in Paris" not in doc.text
    assert "Foto: Jane Doe / AFP" not in doc.text and "vor dem Élysée-Palast." not in doc.text
    assert not any("jane" in a.id or a.name == "Jane Doe" for a in doc.actors)
    assert doc.captions and doc.captions[0].credit == "Jane Doe / AFP"


def test_field_29_short_text_language_id():
    doc = _analyze(_field("29-short-text-language-id"))
    assert doc.language == "de"
    assert doc.authors == ["Tom Vogel"] and "Tom Vogel" not in doc.text
