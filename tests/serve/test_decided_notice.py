"""After a decision made in the workbench, the ledger names it and shows the warning that
`lagebild resolve` prints (W135: a "false" decided before the forecast's horizon ends);
before, the form redirected to the first ledger page and said nothing."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("LAGEBILD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.mark.parametrize("end, outcome, warned", [
    ("2999-12-31", "false", True), ("2999-12-31", "true", False), ("2024-03-31", "false", False),
    ("2999-12-31", "partly", False),
])
def test_decision_form_names_the_decision_and_its_warning(tmp_path, forecast_store, end, outcome, warned):
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app

    client = TestClient(create_app(forecast_store(tmp_path / "d.duckdb", end), allow_edit=True))
    r = client.post("/forecasts/p1/0/resolve", data={"outcome": outcome, "expect": "0"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/forecasts?decided=p1%3Af0"
    page = client.get(r.headers["location"]).text
    assert f"Recorded: <a href=\"/documents/p1\">p1:f0</a> is <b>{outcome}</b> (decision 1" in page
    assert ("[W135] p1:f0: decided &#39;false&#39;" in page or "[W135] p1:f0: decided 'false'" in page) == warned
    twin = client.get("/forecasts.json?decided=p1:f0").json()["decided"]
    assert twin["decision"]["outcome"] == outcome and bool(twin["warnings"]) == warned
    # undo: the notice says so; pager and tab links do not carry the notice along
    r = client.post("/forecasts/p1/0/undo", data={"expect": "1"}, follow_redirects=True)
    assert "p1:f0 has no decision now" in r.text and "[W135]" not in r.text
    import re

    tabs = re.findall(r'href="(/forecasts\?[^"]*)"', r.text)
    assert tabs and not any("decided" in t for t in tabs)


@pytest.mark.parametrize("bad", ["<script>", "p1:e0", "p1:f0 x", "x" * 300 + ":f0"])
def test_decided_is_a_forecast_id_or_422(tmp_path, forecast_store, bad):
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app

    client = TestClient(create_app(forecast_store(tmp_path / "b.duckdb", "2999-12-31")), raise_server_exceptions=False)
    r = client.get("/forecasts", params={"decided": bad})
    assert r.status_code == 422 and "<script>" not in r.text
    assert client.get("/forecasts", params={"decided": "zz:f3"}).status_code == 200  # unknown: no decision


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
def test_keyboard_only_decision_shows_w135_in_chromium(tmp_path, live_server, forecast_store):
    """By keyboard alone (Tab to the outcome, arrow keys to choose, Tab to "decide", Enter), at 200 %
    zoom: the ledger after the post names the decision and shows W135 in a status region."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no browser download needed)")
    from lagebild.serve import create_app

    with live_server(create_app(forecast_store(tmp_path / "k.duckdb", "2999-12-31"), allow_edit=True)) as base:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 640, "height": 480}, device_scale_factor=2)
            errors: list = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{base}/forecasts")
            select = page.locator("form.resolve select[name=outcome]")
            for _ in range(60):  # Tab until the outcome select has the focus
                page.keyboard.press("Tab")
                if select.evaluate("el => el === document.activeElement"):
                    break
            else:
                pytest.fail("the outcome select is not reachable by Tab")
            select.press("ArrowDown")  # true
            select.press("ArrowDown")  # false
            assert select.input_value() == "false"
            button = page.locator("form.resolve button[type=submit]")
            for _ in range(5):  # Tab on to the "decide" button (evidence, note, button)
                page.keyboard.press("Tab")
                if button.evaluate("el => el === document.activeElement"):
                    break
            else:
                pytest.fail("the decide button is not reachable by Tab")
            with page.expect_navigation():
                page.keyboard.press("Enter")
            status = page.locator("[role=status]")
            assert status.count() == 1
            text = " ".join(status.inner_text().split())
            assert "p1:f0 is false" in text and "[W135]" in text
            # the notice wraps within the narrow viewport (the ledger table may scroll: WCAG 1.4.10
            # exempts data tables from reflow)
            box = status.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 640 + 1
            assert status.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
            assert errors == []
            browser.close()
