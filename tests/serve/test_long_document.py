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
