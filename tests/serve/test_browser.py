"""The workbench in a real headless browser: Debian's Chromium driven by Playwright over a
real uvicorn server on a free port. Skips when Chromium or Playwright is absent
(`.ci/run` installs Chromium; Playwright never downloads a browser here).

Set LAGEBILD_SCREENSHOTS=docs to (re)write the README's screenshots from this store.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("LAGEBILD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def server(duckdb_store, live_server):
    from lagebild.serve import create_app

    with live_server(create_app(duckdb_store)) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no browser download needed)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Watched:
    """A page that records console errors, uncaught exceptions and dialogs."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.errors: list = []
        self.dialogs: list = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def goto(self, url):
        r = self.page.goto(url)
        self.page.wait_for_load_state("load")
        return r


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.page.close()


def _doc_id(server, watched, q):
    import json

    watched.goto(f"{server}/api/documents?q={q}")
    return json.loads(watched.page.inner_text("body"))["items"][0]["id"]


def test_every_page_loads_without_console_errors(server, watched, tmp_path):
    doc = _doc_id(server, watched, "Waffenstillstand")
    shots = Path(os.environ.get("LAGEBILD_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    pages = {
        "overview": "/", "search": "/?q=Ukraine", "documents": "/documents", "document": f"/documents/{doc}", "actor": "/actors/RUS",
        "events": "/events", "forecasts": "/forecasts",
    }
    for name, path in pages.items():
        r = watched.goto(server + path)
        assert r.status == 200, path
        assert watched.page.locator("main h1").count() == 1, path
        if name == "document":
            watched.page.locator("#doc-text .hl.k-event").first.click()
        watched.page.screenshot(path=str(shots / f"workbench-{name}.png"), full_page=name != "document")
    assert (shots / "workbench-events.png").stat().st_size > 10_000
    assert watched.errors == []


def test_clicking_a_highlight_shows_its_record(server, watched):
    doc = _doc_id(server, watched, "Waffenstillstand")
    watched.goto(f"{server}/documents/{doc}")
    assert watched.page.locator(".record:visible").count() == 0
    event = watched.page.locator("#doc-text .hl.k-event").first
    refs = event.get_attribute("data-refs").split()
    event.click()
    visible = watched.page.locator(".record:visible")
    assert visible.count() == len(refs)
    ev_ref = next(r for r in refs if r.startswith("e"))
    record = watched.page.locator(f"#rec-{ev_ref}")
    assert record.is_visible() and "EVENT" in record.inner_text().upper() and "190" in record.inner_text()
    assert "selected" in event.get_attribute("class")
    # hovering an actor elsewhere does not replace a pinned record; clicking it does
    actor = watched.page.locator("#doc-text .hl.k-actor").last
    actor.hover()
    assert record.is_visible()
    actor.click()
    a_ref = next(r for r in actor.get_attribute("data-refs").split() if r.startswith("a"))
    assert watched.page.locator(f"#rec-{a_ref}").is_visible()
    assert watched.errors == []


def test_filter_then_follow_an_event_to_its_document(server, watched):
    watched.goto(f"{server}/events")
    before = watched.page.locator("#events-table tbody tr").count()
    watched.page.select_option("select[name=quad_class]", "4")
    watched.page.click("form.filters button[type=submit]")
    watched.page.wait_for_load_state("load")
    assert "quad_class=4" in watched.page.url and "since=" not in watched.page.url  # empty fields dropped
    rows = watched.page.locator("#events-table tbody tr")
    assert 0 < rows.count() < before
    assert rows.locator(".quad.q4").count() == rows.count()
    sentence = rows.first.locator("td.sentence").inner_text()
    rows.first.locator("a.doc-link").click()
    watched.page.wait_for_load_state("load")
    assert "/documents/" in watched.page.url
    assert sentence.strip()[:30] in watched.page.locator("#doc-text").inner_text()
    assert watched.errors == []


def test_article_markup_never_executes(server, watched):
    doc = _doc_id(server, watched, "onerror")
    for path in (f"/documents/{doc}", "/?q=script", "/?q=onerror", "/events?q=verurteilte", f"/events?doc={doc}"):
        watched.goto(server + path)
        watched.page.wait_for_timeout(200)
        assert watched.page.evaluate("typeof window.__xss") == "undefined", path
        assert watched.page.title() != "pwned"
        assert watched.page.locator("img[src=x]").count() == 0
    watched.goto(f"{server}/documents/{doc}")
    text = watched.page.locator("#doc-text").inner_text()
    assert "<script>" in text and 'onerror="window.__xss = 2"' in text  # shown as text
    assert watched.dialogs == [] and watched.errors == []
