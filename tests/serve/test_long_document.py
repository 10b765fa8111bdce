"""The document view of a document with more records than a page can carry: a 1 MB run-on
text gave 11,434 events and 22,744 statements, and its view was a 60 MB page that took 50 s
to load. The view now shows and highlights the first RECORDS_SHOWN of each kind, says so and
links to every record (events explorer, JSON twin); the JSON keeps everything. The caps are
lowered here so that the small test store exceeds them."""
from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from lagebild.serve.views import documents as view

CHROMIUM = os.environ.get("LAGEBILD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def client(duckdb_store, monkeypatch):
    from fastapi.testclient import TestClient
    from lagebild.serve import create_app

    monkeypatch.setattr(view, "RECORDS_SHOWN", 1)
    monkeypatch.setattr(view, "MENTIONS_SHOWN", 1)
    return TestClient(create_app(duckdb_store), raise_server_exceptions=False)


def _rich_doc(client):
    items = client.get("/api/documents", params={"limit": 100}).json()["items"]
    best = max(items, key=lambda d: (d["n_events"], d["n_statements"]))
    assert best["n_events"] >= 2, "the test store needs a document with two or more events"
    return best


def test_shown_cuts_each_kind_and_keeps_indices():
    doc = {"events": [{"i": i} for i in range(5)], "statements": [{"i": 0}], "forecasts": []}
    view_doc, cut = view.shown(doc, limit=2)
    assert [e["i"] for e in view_doc["events"]] == [0, 1]
    assert cut == {"events": 5}
    assert len(doc["events"]) == 5  # the stored record is not changed
    assert view.shown(doc, limit=5)[1] == {}


def test_long_document_page_shows_the_first_records_and_links_to_all(client):
    summary = _rich_doc(client)
    html = client.get(f"/documents/{summary['id']}").text
    assert f"Events (first 1 of {summary['n_events']})" in html
    assert 'class="warn cut"' in html and f'/documents/{summary["id"]}.json' in html
    assert f'/events?doc={summary["id"]}' in html
    # only the shown records are rendered and highlighted: e0, never e1
    assert 'id="rec-e0"' in html and 'id="rec-e1"' not in html
    assert not re.search(r'data-refs="[^"]*\be1\b', html)
    # actor offsets in the panel are cut too, with the total
    full = client.get(f"/documents/{summary['id']}.json").json()
    many = [a for a in full["actors"] if len(a["mentions"]) > 1]
    assert ("in all)" in html) == bool(many)
    for a in many:
        assert f"… ({len(a['mentions'])} in all)" in html
    # the JSON twin and the API keep every record
    assert len(full["events"]) == summary["n_events"]
    assert len(client.get(f"/api/documents/{summary['id']}").json()["events"]) == summary["n_events"]


def test_short_document_page_has_no_cut_note(duckdb_store):
    from fastapi.testclient import TestClient
    from lagebild.serve import create_app

    client = TestClient(create_app(duckdb_store))
    summary = _rich_doc(client)
    html = client.get(f"/documents/{summary['id']}").text
    assert 'class="warn cut"' not in html
    assert f"Events ({summary['n_events']})" in html


def test_long_document_in_the_browser(duckdb_store, monkeypatch, live_server):
    """In Chromium: the cut page loads without console errors, says what it cut, and a click
    on the highlighted event shows its record."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from lagebild.serve import create_app

    monkeypatch.setattr(view, "RECORDS_SHOWN", 1)
    with live_server(create_app(duckdb_store)) as base:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            errors: list = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda d: (errors.append(d.message), d.dismiss()))
            page.goto(f"{base}/api/documents?limit=100")
            items = json.loads(page.inner_text("body"))["items"]
            doc = max(items, key=lambda d: d["n_events"])
            assert page.goto(f"{base}/documents/{doc['id']}").status == 200
            assert page.locator("p.cut").is_visible()
            assert page.locator("#doc-text .hl.k-event").count() >= 1
            assert page.locator(".record.rec-event").count() == 1
            page.locator("#doc-text .hl.k-event").first.click()
            assert page.locator("#rec-e0").is_visible()
            assert errors == []
            browser.close()


# ------------------------------------------------------------------ a long text in parts
# a 1.25 MB one-line text made a 7.2 MB page; the view now shows a long text in parts of
# TEXT_PART_CHARS (?part=2 …), each with the highlights and records that start in it


@pytest.mark.parametrize(
    "construction,text,size,expected",
    [
        ("short text: one part", "Ein Satz.", 100, [(0, 9)]),
        ("empty text: one empty part", "", 100, [(0, 0)]),
        ("cut after a paragraph break", "a" * 70 + "\n\n" + "b" * 70, 100, [(0, 72), (72, 142)]),
        ("cut after a line break", "a" * 70 + "\n" + "b" * 70, 100, [(0, 71), (71, 141)]),
        ("cut after a sentence end", "Satz eins ist hier. " * 7, 100, [(0, 100), (100, 140)]),
        ("one line of words: cut after a space", "wort " * 50, 100, [(0, 100), (100, 200), (200, 250)]),
        ("no space at all: cut hard", "x" * 250, 100, [(0, 100), (100, 200), (200, 250)]),
    ],
)
def test_text_parts_grid(construction, text, size, expected):
    parts = view.text_parts(text, size)
    assert parts == expected, construction
    assert "".join(text[s:e] for s, e in parts) == text


def test_segments_of_a_part_are_that_part_with_clipped_highlights():
    from lagebild.serve.highlight import segments

    text = "Alpha trifft Beta. " * 10
    doc = {"text": text, "actors": [{"mentions": [[0, 5], [19, 24], [180, 185]]}],
           "events": [{"span": [15, 25]}], "statements": [], "forecasts": []}
    segs = segments(doc, 20, 60)
    assert "".join(s["text"] for s in segs) == text[20:60]
    assert segs[0]["refs"] == ["a0", "e0"] and segs[0]["text"] == text[20:24]  # clipped at 20
    assert not any("a0" in s["refs"] for s in segments(doc, 30, 60))


def test_shown_with_a_span_keeps_the_stored_indices():
    doc = {"text": "x" * 100, "events": [{"span": [i * 10, i * 10 + 5]} for i in range(10)],
           "statements": [{"span": [55, 60]}], "forecasts": []}
    part, cut = view.shown(doc, limit=300, span=(50, 80))
    assert part["indices"] == {"events": [5, 6, 7], "statements": [0], "forecasts": []}
    assert cut == {}
    from lagebild.serve.highlight import spans

    assert sorted(ref for _, _, ref in spans(part)) == ["e5", "e6", "e7", "s0"]


@pytest.fixture
def parts_client(duckdb_store, monkeypatch):
    from fastapi.testclient import TestClient
    from lagebild.serve import create_app

    monkeypatch.setattr(view, "TEXT_PART_CHARS", 60)
    return TestClient(create_app(duckdb_store), raise_server_exceptions=False)


def test_a_long_text_is_shown_in_parts(parts_client):
    items = parts_client.get("/api/documents", params={"limit": 100}).json()["items"]
    full = None
    for item in sorted(items, key=lambda d: -d["n_events"]):
        candidate = parts_client.get(f"/documents/{item['id']}.json").json()
        if len(candidate["text"]) > 180 and len(candidate["events"]) >= 2:
            full = candidate
            break
    assert full is not None, "the test store needs a document of over 180 characters with events"
    parts = view.text_parts(full["text"], 60)
    assert len(parts) >= 3
    seen_events = set()
    for k, (start, end) in enumerate(parts, 1):
        res = parts_client.get(f"/documents/{full['id']}", params={"part": k})
        assert res.status_code == 200
        html = res.text
        assert f"part {k} of {len(parts)}" in html
        # the text of this part only (escaped as HTML; compare a stretch without markup)
        text_div = html.split('id="doc-text">', 1)[1].split("</div>", 1)[0]
        assert len(re.sub(r"<[^>]+>", "", text_div)) < 60 * 2
        for ref in re.findall(r'id="rec-e(\d+)"', html):
            i = int(ref)
            assert start <= full["events"][i]["span"][0] < end  # the stored index, on its part
            seen_events.add(i)
        assert f"{len(full['events'])} in the document" in html
    assert seen_events == set(range(len(full["events"])))  # every event is on one part
    res = parts_client.get(f"/documents/{full['id']}", params={"part": len(parts) + 1})
    assert res.status_code == 404 and f"{len(parts)} part(s)" in res.text


def test_a_short_text_has_no_parts(duckdb_store):
    from fastapi.testclient import TestClient
    from lagebild.serve import create_app

    client = TestClient(create_app(duckdb_store))
    summary = _rich_doc(client)
    html = client.get(f"/documents/{summary['id']}").text
    assert 'class="warn parts"' not in html
