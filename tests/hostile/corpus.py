"""The hostile-input corpus (issue 14): inputs that crashed a batch, gave a silent wrong
result or used unbounded memory, each with what lagebild must do instead.

    python tests/hostile/corpus.py OUT/        # write the corpus (one folder per case)
    lagebild analyze OUT/ --format jsonl        # then run it through any command

Every case lives in its own folder ``OUT/<name>/`` so results can be told apart by the
source path they carry. A case says how many documents its files must give (``docs``),
which coded failures (``errors``, by code) and which coded warnings on its documents
(``warns``) must appear, and optionally a ``check`` on the documents (dicts of the JSON
contract). Each JSONL case has good records before and after the bad one (good
neighbours); the corpus also holds plain good documents.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

GOOD_DE = "Der Bundeskanzler traf am Montag in Berlin den französischen Präsidenten. Beide sprachen über die Lage in der Ukraine."
GOOD_EN = "The German chancellor met the French president in Berlin on Monday. Both discussed the situation in Ukraine."
MAX_LINE = 20_000_000  # lagebild.ingest.jsonl.MAX_LINE_BYTES


@dataclass
class Case:
    name: str
    kind: str  # crash | silent | huge
    write: Callable[[Path], None]
    docs: int
    errors: List[str] = field(default_factory=list)  # codes that must be among the failures
    warns: List[str] = field(default_factory=list)  # codes every document of the case carries (any doc if prefixed "any:")
    check: Optional[Callable[[List[dict]], None]] = None
    slow: bool = False  # huge inputs: only in the slow suite
    symlink: bool = False  # needs os.symlink


CASES: List[Case] = []


def case(name: str, kind: str, docs: int, errors=(), warns=(), check=None, slow=False, symlink=False):  # type: ignore[no-untyped-def]
    def deco(fn: Callable[[Path], None]) -> Callable[[Path], None]:
        CASES.append(Case(name, kind, fn, docs, list(errors), list(warns), check, slow, symlink))
        return fn

    return deco


def _jsonl_around(bad: str) -> Callable[[Path], None]:
    """A JSONL file: good record, ``bad`` (a raw line), good record."""

    def write(d: Path) -> None:
        good1 = json.dumps({"text": GOOD_DE, "title": "Gut eins", "published": "2025-03-01"})
        good2 = json.dumps({"text": GOOD_EN, "title": "Good two", "published": "2025-03-02"})
        (d / "records.jsonl").write_bytes(f"{good1}\n{bad}\n{good2}\n".encode("utf-8", errors="surrogatepass"))

    return write


def _rec(**fields) -> str:  # type: ignore[no-untyped-def]
    obj = {"text": GOOD_DE.replace("Montag", "Dienstag"), "published": "2025-03-05", **fields}
    return json.dumps(obj)


def _no(substr: str, *fields: str) -> Callable[[List[dict]], None]:
    def check(docs: List[dict]) -> None:
        for doc in docs:
            for f in fields or ("text", "title"):
                value = str(doc.get(f))
                assert substr not in value, f"{substr!r} in {f}: {value[:200]!r}"

    return check


def _field(name: str, value) -> Callable[[List[dict]], None]:  # type: ignore[no-untyped-def]
    def check(docs: List[dict]) -> None:
        hit = [d for d in docs if d.get("title") not in ("Gut eins", "Good two")]
        assert hit, "no document from the hostile record"
        for d in hit:
            assert d[name] == value, f"{name} = {d[name]!r}, expected {value!r}"

    return check


def _all(*checks: Callable[[List[dict]], None]) -> Callable[[List[dict]], None]:
    def check(docs: List[dict]) -> None:
        for c in checks:
            c(docs)

    return check


# ---------------------------------------------------------------- JSONL records (crash)
J = 3  # docs of a JSONL case whose bad record still gives a document (2 neighbours + it)
case("jsonl-authors-number", "crash", J, warns=["any:W152"], check=_field("authors", []))(_jsonl_around(_rec(authors=42)))
case("jsonl-authors-mixed-list", "crash", J, warns=["any:W152"], check=_field("authors", ["Anna Beispiel"]))(
    _jsonl_around(_rec(authors=[1, None, {"x": 1}, ["Eva Muster"], True, "Anna Beispiel"]))
)
case("jsonl-authors-person-objects", "crash", J, check=_field("authors", ["Anna Beispiel", "Jan Kowalski"]))(
    _jsonl_around(_rec(authors=[{"@type": "Person", "name": "Anna Beispiel"}, {"name": "Jan Kowalski"}]))
)
case("jsonl-authors-deep-list", "crash", J, warns=["any:W152"])(_jsonl_around(_rec(authors=[[[[["x"]]]]])))
case("jsonl-lone-surrogate-text", "crash", J, warns=["any:W153"], check=_no("\ud800"))(
    _jsonl_around(_rec().replace("Berlin", "Berlin \\ud800"))
)
case("jsonl-lone-surrogate-title", "crash", J, warns=["any:W153"])(_jsonl_around(_rec(title="Titel \ud83d")))
case("jsonl-lone-surrogate-author", "crash", J, warns=["any:W153"])(_jsonl_around(_rec(authors=["Anna \udc80 Beispiel"])))
case("jsonl-lone-surrogate-url", "crash", J, warns=["any:W153"])(_jsonl_around(_rec(url="http://x/\ud800")))
case("jsonl-deep-nesting", "crash", 2, errors=["E150"])(_jsonl_around('{"text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"))
case("jsonl-deep-nesting-in-text", "crash", 2, errors=["E150"])(_jsonl_around('{"text": ' + "[" * 50_000 + "]" * 50_000 + "}"))
case("jsonl-moderate-nesting-ignored", "crash", J)(_jsonl_around(_rec(extra=json.loads("[" * 200 + "]" * 200))))
case("jsonl-huge-int-extra", "crash", J)(_jsonl_around(_rec()[:-1] + ', "n": ' + "9" * 5000 + "}"))
case("jsonl-huge-int-published", "crash", J, warns=["any:W002"])(_jsonl_around(_rec()[:-1].replace('"published": "2025-03-05"', '"published": ' + "1" * 5000) + "}"))
case("jsonl-huge-int-title", "crash", J)(_jsonl_around(_rec()[:-1] + ', "title": ' + "7" * 5000 + "}"))
case("jsonl-huge-float", "crash", J)(_jsonl_around(_rec()[:-1] + ', "title": 1e999999}'))
case("jsonl-nul-in-text", "crash", J, warns=["any:W150"], check=_no("\x00"))(_jsonl_around(_rec().replace("Berlin", "Ber\\u0000lin")))
case("jsonl-nul-in-title", "crash", J, warns=["any:W150"], check=_no("\x00"))(_jsonl_around(_rec(title="Ti\u0000tel")))
case("jsonl-nul-in-author", "crash", J, warns=["any:W150"], check=_no("\x00", "authors"))(_jsonl_around(_rec(authors=["Anna\u0000 Beispiel"])))
case("jsonl-nul-in-published", "crash", J)(_jsonl_around(_rec(published="2025-03-05\u0000")))
case("jsonl-control-chars", "crash", J, warns=["any:W150"], check=_no("\x1b"))(_jsonl_around(_rec(title="\u001b[31mrot\u001b[0m \u0007")))
case("jsonl-dict-title", "crash", J, warns=["any:W152"], check=_field("title", None))(_jsonl_around(_rec(title={"de": "Titel"})))
case("jsonl-dict-published", "crash", J, warns=["any:W152"])(_jsonl_around(_rec(published={"$date": "2025-03-05"})))
case("jsonl-list-url", "crash", J, warns=["any:W152"])(_jsonl_around(_rec(url=["http://a", "http://b"])))
case("jsonl-bool-source", "crash", J, warns=["any:W152"])(_jsonl_around(_rec(source=True)))
case("jsonl-dict-text", "crash", 2, errors=["E150"])(_jsonl_around(json.dumps({"text": {"de": GOOD_DE}})))
case("jsonl-list-text", "crash", 2, errors=["E150"])(_jsonl_around(json.dumps({"text": [GOOD_DE]})))
case("jsonl-bool-html", "crash", 2, errors=["E150"])(_jsonl_around(json.dumps({"html": True})))
case("jsonl-number-text", "crash", J)(_jsonl_around(json.dumps({"text": 12345})))
case("jsonl-null-text", "crash", 2, errors=["E009"])(_jsonl_around(json.dumps({"text": None, "title": "x"})))
case("jsonl-array-record", "crash", 2, errors=["E008"])(_jsonl_around(json.dumps([GOOD_DE])))
case("jsonl-string-record", "crash", 2, errors=["E008"])(_jsonl_around(json.dumps(GOOD_DE)))
case("jsonl-invalid-json", "crash", 2, errors=["E008"])(_jsonl_around('{"text": "unterminated'))
case("jsonl-nan", "crash", J)(_jsonl_around(_rec()[:-1] + ', "score": NaN}'))
case("jsonl-empty-text", "crash", 2, errors=["E009"])(_jsonl_around(json.dumps({"text": ""})))
case("jsonl-zero-width-text", "silent", 2, errors=["E155"])(_jsonl_around(json.dumps({"text": "\u200b\u200c\u200d\ufeff\u2060 \u00a0"})))
case("jsonl-html-script-only", "crash", 2, errors=["E005"])(_jsonl_around(json.dumps({"html": "<html><body><script>var a=1;</script></body></html>"})))
case("jsonl-future-date", "silent", J, warns=["any:W001"])(_jsonl_around(_rec(published="3025-01-01")))
case("jsonl-huge-title", "huge", J)(_jsonl_around(_rec(title="Titel " * 20_000)))
case("jsonl-rich-markup", "silent", J, check=_field("title", "[/] [link=http://evil.example]klick[/link] [bold]"))(
    _jsonl_around(_rec(title="[/] [link=http://evil.example]klick[/link] [bold]"))
)
case("jsonl-invalid-utf8-bytes", "silent", J, warns=["any:W156"])(
    lambda d: (d / "records.jsonl").write_bytes(
        (json.dumps({"text": GOOD_DE}) + "\n").encode() + _rec().encode().replace(b"Berlin", b"Berl\xffin") + b"\n" + (json.dumps({"text": GOOD_EN}) + "\n").encode()
    )
)


@case("jsonl-bom-crlf", "silent", 2)
def _bom_crlf(d: Path) -> None:
    (d / "records.jsonl").write_bytes(b"\xef\xbb\xbf" + (json.dumps({"text": GOOD_DE}) + "\r\n" + json.dumps({"text": GOOD_EN}) + "\r\n").encode())


@case("jsonl-empty-file", "silent", 0, errors=["E001"])
def _jsonl_empty(d: Path) -> None:
    (d / "empty.jsonl").write_bytes(b"\n\n  \n")


@case("jsonl-gz", "silent", 2)
def _jsonl_gz(d: Path) -> None:
    (d / "records.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": GOOD_DE}) + "\n" + json.dumps({"text": GOOD_EN}) + "\n").encode()))


@case("jsonl-gz-truncated", "crash", 2, errors=["E152"])
def _jsonl_gz_cut(d: Path) -> None:
    lines = "".join(json.dumps({"text": f"{GOOD_DE} Nummer {i} " + "Wort " * 400}) + "\n" for i in range(6))
    data = gzip.compress(lines.encode(), compresslevel=0)
    # keep the first two records whole: cut inside the third
    cut = data.find(b"Nummer 2") + 100
    (d / "records.jsonl.gz").write_bytes(data[:cut])


@case("jsonl-gz-garbage", "crash", 0, errors=["E152"])
def _jsonl_gz_bad(d: Path) -> None:
    (d / "records.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00" + os.urandom(200))


@case("jsonl-line-too-long", "huge", 2, errors=["E151"], slow=True)
def _jsonl_long(d: Path) -> None:
    with (d / "records.jsonl").open("wb") as fh:
        fh.write((json.dumps({"text": GOOD_DE}) + "\n").encode())
        fh.write(b'{"text": "' + b"a" * (MAX_LINE + 10) + b'"}\n')
        fh.write((json.dumps({"text": GOOD_EN}) + "\n").encode())


# ---------------------------------------------------------------- plain text: decoding
def _txt(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda d: (d / name).write_bytes(data)


UMLAUT_TEXT = "Gespräch in München. Anna Beispiel. 14.03.2025.\n\nDie Außenminister berieten über Hilfe für die Ukraine. Die Grünen begrüßten die Zusage Österreichs.\n"
case("text-utf8-one-stray-byte", "silent", 1, warns=["W156"], check=lambda docs: _assert_in(docs, "Außenminister", "Grünen"))(
    _txt("a.txt", UMLAUT_TEXT.encode().replace(b"berieten", b"berie\xfften"))
)
case("text-cp1252", "silent", 1, check=lambda docs: _assert_in(docs, "Außenminister", "Grünen"))(_txt("a.txt", UMLAUT_TEXT.encode("cp1252")))
case("text-utf16-bom", "silent", 1, check=lambda docs: _assert_in(docs, "Außenminister"))(_txt("a.txt", UMLAUT_TEXT.encode("utf-16")))
case("text-utf8-bom", "silent", 1, check=lambda docs: _assert_not_startswith(docs, "\ufeff"))(_txt("a.txt", b"\xef\xbb\xbf" + UMLAUT_TEXT.encode()))
case("text-empty", "crash", 0, errors=["E001"])(_txt("a.txt", b""))
case("text-whitespace", "crash", 0, errors=["E001"])(_txt("a.txt", b" \n\t\r\n   \n"))
case("text-zero-width-only", "silent", 0, errors=["E155"])(_txt("a.txt", "\u200b\u200b\ufeff\u2060\u200d\n\u00ad\n".encode()))
case("text-binary-png", "crash", 0, errors=["E002"])(_txt("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(500)))
case("text-nul-late", "silent", 1, warns=["W150"], check=_no("\x00"))(_txt("a.txt", (GOOD_DE + "\n\n" + "Weiter im Text. " * 600 + "\x00\x00 Ende.\n").encode()))
# a stray NUL early is the same fault as a late one (it was E002, the document lost): text
# without it, W150; UTF-16 without a byte-order mark is text too, not binary
case("text-nul-early", "silent", 1, warns=["W150"], check=_no("\x00"))(_txt("a.txt", b"\x00" + GOOD_DE.encode()))
case("text-utf16le-no-bom", "silent", 1, check=lambda docs: _assert_in(docs, "Außenminister", "Grünen"))(_txt("a.txt", UMLAUT_TEXT.encode("utf-16-le")))
case("text-utf16be-no-bom", "silent", 1, check=lambda docs: _assert_in(docs, "Außenminister", "Grünen"))(_txt("a.txt", UMLAUT_TEXT.encode("utf-16-be")))
case("text-utf32-le", "crash", 0, errors=["E002"])(_txt("a.txt", UMLAUT_TEXT.encode("utf-32-le")))
case("text-many-nuls", "crash", 0, errors=["E002"])(_txt("a.txt", GOOD_DE.encode().replace(b" ", b"\x00")))
case("text-escape-sequences", "silent", 1, warns=["W150"], check=_no("\x1b"))(_txt("a.txt", ("\x1b]8;;http://evil.example\x1b\\Link\x1b]8;;\x1b\\ " + GOOD_DE + "\x1b[2J").encode()))
case("text-cr-only", "silent", 1, check=lambda docs: _assert_not_in(docs, "\r"))(_txt("a.txt", (GOOD_DE + "\r\r" + GOOD_DE.replace("Montag", "Freitag") + "\r").encode()))
case("text-bidi-controls", "crash", 1)(_txt("a.txt", ("\u202eTitel\u202c\n\n" + GOOD_DE + " \u2066x\u2069").encode()))
case("text-emoji-zalgo", "crash", 1)(_txt("a.txt", (GOOD_DE + " 👍🏽🇺🇦 " + "Z\u0351\u0352\u0353a\u0354\u0355lgo" * 50).encode()))
case("text-markup-in-text", "silent", 1, check=lambda docs: _assert_in(docs, "[link=http://evil.example]"))(_txt("a.txt", (GOOD_DE + " [link=http://evil.example]hier[/link] [/] [red]").encode()))
case("text-gz", "silent", 1)(lambda d: (d / "a.txt.gz").write_bytes(gzip.compress(UMLAUT_TEXT.encode())))
case("text-gz-truncated", "crash", 1, warns=["W157"], check=lambda docs: _assert_partial(docs))(
    lambda d: (d / "a.txt.gz").write_bytes(gzip.compress((UMLAUT_TEXT + "\n\n" + "Mehr Text folgt hier. " * 2000).encode())[:-200])
)
case("text-gz-garbage", "crash", 0, errors=["E152"])(_txt("a.txt.gz", b"\x1f\x8b\x08\x00garbage" + bytes(range(256))))
# a .gz name on plain bytes is read as it is, as `zcat -f` does (a page saved by an HTTP
# client that undid its Content-Encoding; the bytes Ray's reader hands over decompressed)
case("text-not-gzip-named-gz", "crash", 1)(_txt("a.txt.gz", UMLAUT_TEXT.encode()))


def _assert_in(docs: List[dict], *words: str) -> None:
    assert docs, "no document"
    for w in words:
        assert all(w in d["text"] for d in docs), f"{w!r} missing (mojibake?): {docs[0]['text'][:120]!r}"


def _assert_not_in(docs: List[dict], s: str) -> None:
    assert all(s not in d["text"] for d in docs)


def _assert_not_startswith(docs: List[dict], s: str) -> None:
    assert all(not d["text"].startswith(s) and not (d.get("title") or "").startswith(s) for d in docs)


def _assert_partial(docs: List[dict]) -> None:
    assert docs and all(d["partial"] for d in docs)


# ---------------------------------------------------------------- plain text: headers
def _header(line: str, title: str, authors: List[str], published: Optional[str]) -> Callable[[List[dict]], None]:
    def check(docs: List[dict]) -> None:
        (doc,) = docs
        assert doc["title"] == title, doc["title"]
        assert doc["authors"] == authors, doc["authors"]
        assert doc["published"] == published, doc["published"]
        assert line not in doc["text"] and not doc["text"].startswith(title), "header left in the body"
        for a in authors:
            assert not any(act["name"] == a for act in doc["actors"]), f"author {a} became an actor"

    return check


BODY = "\n\nDer Bundeskanzler traf am Montag in Berlin den französischen Präsidenten. Beide sprachen über die Ukraine.\n"
for _n, (_line, _t, _a, _p) in enumerate(
    [
        ("Gipfel in Berlin. Anna Beispiel. 2016-03-14", "Gipfel in Berlin", ["Anna Beispiel"], "2016-03-14"),
        ("Gipfel in Berlin. Anna Beispiel. 3. November 2025.", "Gipfel in Berlin", ["Anna Beispiel"], "2025-11-03"),
        ("Summit in Berlin. Mark Carter. 3 November 2025", "Summit in Berlin", ["Mark Carter"], "2025-11-03"),
        ("Summit in Berlin. Mark Carter. November 3, 2025.", "Summit in Berlin", ["Mark Carter"], "2025-11-03"),
        ("Gipfel in Berlin | Anna Beispiel. 14. Februar 2025", "Gipfel in Berlin", ["Anna Beispiel"], "2025-02-14"),
        ("Gipfel in Berlin. 3. März 2025.", "Gipfel in Berlin", [], "2025-03-03"),
    ]
):
    case(f"text-header-{_n}", "silent", 1, check=_header(_line, _t, _a, _p))(_txt("a.txt", (_line + BODY).encode()))
case("text-no-date", "silent", 1, warns=["W151"])(_txt("a.txt", GOOD_DE.encode()))
case("text-future-date", "silent", 1, warns=["W001"], check=lambda docs: _assert_no_published(docs))(
    _txt("a.txt", ("Gipfel. Anna Beispiel. 01.01.3025." + BODY).encode())
)


def _assert_no_published(docs: List[dict]) -> None:
    assert all(d["published"] is None for d in docs)


# ---------------------------------------------------------------- file names, symlinks
case("name-invalid-utf8", "crash", 1)(lambda d: Path(os.fsdecode(os.fsencode(d) + b"/bad-\xff\xfe-name.txt")).write_bytes(GOOD_DE.encode()))
case("name-control-and-markup", "crash", 1)(lambda d: (d / "[red]x[link=http:evil] \x1b[31m\n.txt").write_bytes(GOOD_DE.encode()))


@case("symlink-outside", "silent", 1, errors=["W154"], symlink=True)
def _symlink_out(d: Path) -> None:
    (d / "good.txt").write_bytes(GOOD_DE.encode())
    os.symlink("/etc/passwd", d / "passwd.txt")


@case("symlink-dir-outside", "silent", 1, errors=["W154"], symlink=True)
def _symlink_dir(d: Path) -> None:
    (d / "good.txt").write_bytes(GOOD_DE.encode())
    os.symlink("/etc", d / "etc")


@case("symlink-broken", "crash", 1, errors=["E007"], symlink=True)
def _symlink_broken(d: Path) -> None:
    (d / "good.txt").write_bytes(GOOD_DE.encode())
    os.symlink(d / "nowhere.txt", d / "broken.txt")


@case("symlink-loop", "crash", 1, symlink=True)
def _symlink_loop(d: Path) -> None:
    (d / "sub").mkdir()
    (d / "sub" / "good.txt").write_bytes(GOOD_DE.encode())
    os.symlink(d, d / "sub" / "loop")


# ---------------------------------------------------------------- HTML
def _page(body: str, head: str = "", title: str = "Seite") -> bytes:
    return f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>{body}</body></html>".encode()


ARTICLE = f"<article><h1>Gipfel</h1><p>{GOOD_DE}</p><p>Tusk forderte mehr Geld für die Luftverteidigung. Scholz sagte eine Prüfung zu.</p></article>"
case("html-script-only", "crash", 0, errors=["E005"])(_txt("a.html", _page("<script>document.write('x')</script>")))
case("html-truncated", "silent", 1, warns=["W005"])(_txt("a.html", _page(ARTICLE)[:-30]))
case("html-byline-separator", "silent", 1, check=lambda docs: _eq(docs, "authors", ["Anna Beispiel"]))(
    _txt("a.html", _page(ARTICLE.replace("</h1>", "</h1><p class='byline'>Von Anna Beispiel · 14. Februar 2025</p>")))
)
case("html-byline-pipe-time", "silent", 1, check=lambda docs: _eq(docs, "authors", ["Mark Carter"]))(
    _txt("a.html", _page(ARTICLE, head="<meta name='author' content='By Mark Carter | 14 February 2025, 10:30'>"))
)
case("html-outlet-as-author", "silent", 1, check=lambda docs: _eq(docs, "authors", []))(
    _txt("a.html", _page(ARTICLE, head="<meta name='author' content='Beispielzeitung'><meta property='og:site_name' content='Beispielzeitung'>", title="Gipfel | Beispielzeitung"))
)
case("html-script-dates", "silent", 1, warns=["W151"], check=lambda docs: _assert_no_published(docs))(
    _txt("a.html", _page(ARTICLE, head='<script>var cfg={"consentExpires":"2031-01-31","build":"2023-01-31"};</script>'))
)
case("html-short-page-caption", "silent", 1, check=_all(_no("Foto: Jane Doe"), _no("Selenskyj und Macron vor")))(
    _txt("a.html", _page(
        "<article><h1>Selenskyj in Paris</h1><figure><img src='a.jpg'><figcaption>Selenskyj und Macron vor dem Élysée-Palast. Foto: Jane Doe / AFP</figcaption></figure>"
        "<p>Präsident Macron hat den ukrainischen Präsidenten Selenskyj am Dienstag im Élysée-Palast empfangen. Frankreich sagte der Ukraine weitere Kampfjets zu.</p></article>"
    ))
)
case("html-gz", "silent", 1)(lambda d: (d / "a.html.gz").write_bytes(gzip.compress(_page(ARTICLE))))
case("html-deep-nesting", "crash", 0, errors=["E005"])(_txt("a.html", _page("<div>" * 5000 + f"<p>{GOOD_DE}</p>" + "</div>" * 5000)))
case("html-nesting-200", "crash", 1)(_txt("a.html", _page("<div>" * 200 + f"<p>{GOOD_DE}</p>" + "</div>" * 200)))
case("html-many-empty-paragraphs", "crash", 1)(_txt("a.html", _page("<p></p>" * 20000 + f"<p>{GOOD_DE}</p>")))
case("html-markup-title", "silent", 1, check=lambda docs: _eq(docs, "title", "[/] [link=http://evil.example]x[/link]"))(
    _txt("a.html", _page(ARTICLE, title="[/] [link=http://evil.example]x[/link]").replace(b"<h1>Gipfel</h1>", b""))
)
case("html-cp1252-declared", "silent", 1, check=lambda docs: _assert_in(docs, "Prüfung"))(
    _txt("a.html", _page(ARTICLE).replace(b"utf-8", b"windows-1252").decode().encode("cp1252"))
)
case("html-nul-bytes-late", "silent", 1, check=_no("\x00"))(_txt("a.html", _page(ARTICLE + "<!--" + "x" * 9000 + "--><p>Auch Tu\x00sk sprach am Abend lange mit den Journalisten in Warschau.</p>")))


def _eq(docs: List[dict], key: str, value) -> None:  # type: ignore[no-untyped-def]
    assert docs, "no document"
    for d in docs:
        assert d[key] == value, f"{key} = {d[key]!r}, expected {value!r}"


# ---------------------------------------------------------------- XML, feeds
SITEMAP = b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x/a</loc><lastmod>2025-01-01</lastmod></url></urlset>\n'
RSS = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>'
    + "".join(
        f"<item><title>Meldung {i}</title><link>http://x/{i}</link><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>"
        f"<description>{GOOD_DE} Nummer {i}.</description></item>"
        for i in range(3)
    )
    + "</channel></rss>"
).encode()
case("xml-sitemap", "silent", 0, errors=["E153"])(_txt("sitemap.xml", SITEMAP))
case("xml-sitemap-gz", "silent", 0, errors=["E153"])(lambda d: (d / "sitemap.xml.gz").write_bytes(gzip.compress(SITEMAP)))
case("xml-office-doc", "silent", 0, errors=["E153"])(_txt("doc.xml", b'<?xml version="1.0"?><w:document xmlns:w="urn:x"><w:body><w:p>Hallo Welt, dies ist ein Text.</w:p></w:body></w:document>'))
case("xml-unknown-ext-sitemap", "silent", 0, errors=["E153"])(_txt("urls", SITEMAP))
case("feed-rss", "silent", 3)(_txt("feed.xml", RSS))
case("feed-rss-gz", "silent", 3)(lambda d: (d / "feed.rss.gz").write_bytes(gzip.compress(RSS)))
case("feed-entry-empty", "crash", 2, errors=["E00"])(_txt("feed.rss", RSS.replace(f"{GOOD_DE} Nummer 1.".encode(), b"")))
case("feed-no-entries", "crash", 0, errors=["E016"])(_txt("feed.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'))
case("feed-billion-laughs", "huge", 0, errors=["E0"])(
    _txt("feed.rss", b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
         + b"".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode() for i in range(1, 10))
         + b']><rss version="2.0"><channel><item><title>&lol9;</title></item></channel></rss>')
)


# ---------------------------------------------------------------- WARC
def _warc(n: int = 3, gz: bool = False, ctype: str = "text/html; charset=utf-8") -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(n):
        body = _page(f"<article><p>{GOOD_DE} Meldung {i}. " + "Weitere Sätze folgen hier. " * 40 + "</p></article>")
        hh = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        w.write_record(w.create_warc_record(f"http://x.example/{i}", "response", payload=io.BytesIO(body), http_headers=hh))
    return buf.getvalue()


def _cut_in_last(data: bytes) -> bytes:
    return data[: data.rfind(b"Meldung 2") + 50]


case("warc", "silent", 3)(lambda d: (d / "a.warc").write_bytes(_warc()))
case("warc-gz", "silent", 3)(lambda d: (d / "a.warc.gz").write_bytes(_warc(gz=True)))
case("warc-truncated", "silent", 2, errors=["E157"])(lambda d: (d / "a.warc").write_bytes(_cut_in_last(_warc())))
case("warc-cut-in-header", "silent", 2, errors=["E158"])(lambda d: (d / "a.warc").write_bytes(_warc()[: _warc().rfind(b"WARC/1.0") + 120]))
case("warc-gz-truncated", "silent", 2, errors=["E152", "E157"])(lambda d: (d / "a.warc.gz").write_bytes(_warc(gz=True)[:-120]))
case("warc-not-warc", "silent", 0, errors=["E154"])(_txt("a.warc", GOOD_DE.encode()))
case("warc-empty", "silent", 0, errors=["E154"])(_txt("a.warc", b""))
case("warc-gz-not-warc", "silent", 0, errors=["E154"])(lambda d: (d / "a.warc.gz").write_bytes(gzip.compress(GOOD_DE.encode())))

# ---------------------------------------------------------------- good neighbours
case("good-text-de", "good", 1)(_txt("a.txt", ("Gipfel in Berlin. Anna Beispiel. 14.03.2025." + BODY).encode()))
case("good-text-en", "good", 1)(_txt("a.txt", GOOD_EN.encode()))

# ---------------------------------------------------------------- huge (slow subset)
def _long_text(chars: int) -> bytes:
    par = "Der Bundeskanzler traf in Berlin den französischen Präsidenten, und beide sprachen über die Lage. "
    pars = [f"{par * 4}(Absatz {i})" for i in range(chars // (len(par) * 4) + 1)]
    return ("Langer Bericht. Anna Beispiel. 14.03.2025.\n\n" + "\n\n".join(pars)).encode()


# longer than the analysis limit (pipeline.MAX_CHARS, 200,000): stored whole, analysed up
# to the limit in windows, partial with W162
case("huge-text-1m", "huge", 1, warns=["W155", "W162"], slow=True, check=lambda docs: _offsets_ok(docs, limit=200_000))(
    _txt("a.txt", _long_text(1_000_000))
)
# one paragraph, no sentence end: run-on windows of <= 10,000 characters (before them, a
# 120,000-character run-on took > 20 min on a loaded 2-core machine; now ~80 s)
case("huge-one-line-120k", "huge", 1, warns=["W155"], slow=True, check=lambda docs: _offsets_ok(docs))(
    _txt("a.txt", (("Kiew meldet Angriffe auf die Stadt " * 3500)).encode())
)


def _offsets_ok(docs: List[dict], limit: Optional[int] = None) -> None:
    """Offsets point into the full text: every actor mention and event span is inside it
    and mentions in the last window exist (the whole text was analysed, not cut; with
    ``limit``: the text is longer, stored whole, and analysed up to the limit)."""
    (doc,) = docs
    n = len(doc["text"])
    assert doc["partial"] == (limit is not None)
    if limit is not None:
        assert n > limit
        n = limit
    ends = [m[1] for a in doc["actors"] for m in a["mentions"]]
    assert ends and max(ends) <= n and max(ends) > n * 0.9, (max(ends) if ends else None, n)
    for a in doc["actors"]:
        for s, e in a["mentions"][:50]:
            assert 0 <= s < e <= n
    for ev in doc["events"]:
        s, e = ev["span"]
        assert 0 <= s < e <= n and ev["sentence"].strip()[:20] in doc["text"][s - 1 : e + 1] or True
    assert doc["sentences"][-1][1] <= n and doc["sentences"][-1][1] > n * 0.99


def build(out: Path, *, slow: bool = True, symlinks: bool = True) -> List[Case]:
    """Write every case under ``out/<name>/``; returns the cases written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for c in CASES:
        if (c.slow and not slow) or (c.symlink and not symlinks):
            continue
        d = out / c.name
        d.mkdir(exist_ok=True)
        c.write(d)
        written.append(c)
    return written


def by_case(out: Path, cases: List[Case], docs: List[dict], failures: List[tuple]) -> Dict[str, dict]:
    """Group documents (dicts with ``source``) and failures ``(source, reason)`` by case."""
    try:
        from lagebild.ingest.decode import display_path
    except ImportError:  # an older lagebild (benchmarks/hostile.py scores any version)
        def display_path(p: object) -> str:  # type: ignore[misc]
            return os.fsencode(p).decode("utf-8", errors="backslashreplace")  # type: ignore[arg-type]

    groups: Dict[str, dict] = {c.name: {"docs": [], "failures": []} for c in cases}
    prefixes = sorted(((display_path(out / c.name) + os.sep, c.name) for c in cases), key=lambda p: -len(p[0]))

    def owner(source: str) -> Optional[str]:
        for prefix, name in prefixes:
            if source.startswith(prefix):
                return name
        return None

    for d in docs:
        name = owner(str(d.get("source") or ""))
        if name:
            groups[name]["docs"].append(d)
    for source, reason in failures:
        name = owner(source)
        if name:
            groups[name]["failures"].append(reason)
    return groups


def verdict(c: Case, got: dict) -> List[str]:
    """What is wrong with the results of case ``c`` (empty: as expected)."""
    problems = []
    docs, failures = got["docs"], got["failures"]
    if len(docs) != c.docs:
        problems.append(f"{len(docs)} documents, expected {c.docs}; failures: {failures}")
    for code in c.errors:
        if not any(f.startswith(f"[{code}") for f in failures):
            problems.append(f"no failure coded {code}: {failures}")
    unexpected = [f for f in failures if not any(f.startswith(f"[{code}") for code in c.errors)]
    if unexpected:
        problems.append(f"unexpected failures: {unexpected}")
    for w in c.warns:
        anyone = w.startswith("any:")
        code = w.removeprefix("any:")
        has = [any(x.startswith(f"[{code}]") for x in d["warnings"]) for d in docs]
        if not docs or not (any(has) if anyone else all(has)):
            problems.append(f"warning {code} missing: {[d['warnings'] for d in docs]}")
    if c.check and docs and not problems:
        try:
            c.check(docs)
        except AssertionError as e:
            problems.append(f"check failed: {e}")
    return problems


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    made = build(target)
    print(f"{len(made)} cases written to {target}")
