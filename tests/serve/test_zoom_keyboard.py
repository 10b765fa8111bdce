"""The workbench at 200 % zoom (a 1280 px window = 640 CSS px) and by keyboard alone, in
Chromium: no page scrolls sideways (a wide list scrolls in its own box; before, /events and
/forecasts pushed the whole page 150–250 px wide), and the first Tab stop is a "Skip to
content" link that moves the focus past the header and navigation (WCAG 2.4.1)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("LAGEBILD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
def test_every_page_at_200_percent_and_by_keyboard(duckdb_store, live_server):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no browser download needed)")
    import json
    import urllib.request

    from lagebild.serve import create_app

    with live_server(create_app(duckdb_store)) as base:
        doc = json.load(urllib.request.urlopen(base + "/api/documents"))["items"][0]["id"]
        actor = json.load(urllib.request.urlopen(base + "/api/actors"))["items"][0]["id"]
        pages = ["/", "/documents", f"/documents/{doc}", "/events", "/forecasts", f"/actors/{actor}", "/?q=Russland"]
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 640, "height": 450}, device_scale_factor=2)
            errors: list = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            for path in pages:
                page.goto(base + path)
                assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1, path
                page.keyboard.press("Tab")
                skip = page.evaluate("[document.activeElement.tagName, document.activeElement.textContent.trim()]")
                assert skip == ["A", "Skip to content"], (path, skip)
                assert page.locator("a.skip").bounding_box()["x"] >= 0  # visible while focused
                page.keyboard.press("Enter")
                assert page.evaluate("document.activeElement.id") == "main", path
                page.keyboard.press("Tab")  # the next stop is inside the page's content, not the header
                assert page.evaluate("!!document.activeElement.closest('main')"), path
            assert errors == []
            browser.close()
