"""The ledger's decision form in Chromium.

- Every decision made in a browser was refused "403 Cross-site form posts are refused": the
  workbench sent `Referrer-Policy: no-referrer`, under which Chromium posts its own forms
  with `Origin: null`. (The API tests post without an Origin header, so they passed.)
- The form preselected "true", so a stray click on "decide" recorded a hit. No outcome is
  preselected now; the browser refuses to send the form until one is chosen, and the
  server refuses an empty outcome.
- A form on another page posting to the workbench is still refused."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("LAGEBILD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def editable(duckdb_store, tmp_path, live_server):
    """A workbench with --allow-edit on a copy of the test store (decisions change it)."""
    from lagebild.serve import create_app

    path = tmp_path / "edit.duckdb"
    shutil.copy(duckdb_store, path)
    with live_server(create_app(str(path), allow_edit=True)) as base:
        yield base


def test_server_refuses_an_empty_outcome(duckdb_store, tmp_path):
    from fastapi.testclient import TestClient
    from lagebild.serve import create_app

    path = tmp_path / "e.duckdb"
    shutil.copy(duckdb_store, path)
    client = TestClient(create_app(str(path), allow_edit=True), raise_server_exceptions=False)
    fc = client.get("/api/forecasts").json()["items"][0]
    r = client.post(f"/forecasts/{fc['doc_id']}/{fc['idx']}/resolve", data={"outcome": ""}, follow_redirects=False)
    assert r.status_code == 422
    assert client.get("/api/forecasts").json()["items"][0].get("decision") is None


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
def test_decide_needs_a_chosen_outcome(editable):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no browser download needed)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        errors: list = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        posts: list = []
        page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
        page.goto(f"{editable}/forecasts")
        form = page.locator("form.resolve").first
        assert form.locator("select[name=outcome]").input_value() == ""
        form.locator("button[type=submit]").click()
        page.wait_for_timeout(300)
        assert posts == []  # the browser did not send the form
        assert "decision" not in page.url and page.locator("form.resolve").count() >= 1
        form.locator("select[name=outcome]").select_option("false")
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        assert len(posts) == 1 and posts[0].endswith("/resolve")
        assert "outcome: <b>false</b>" in page.content(), page.inner_text("main")
        assert errors == []
        # a form elsewhere (here: a blank page, origin "null") posting to the workbench
        other = browser.new_page()
        other.set_content(f'<form method="post" action="{editable}/forecasts/x/0/resolve">'
                          '<input name="outcome" value="true"><button>go</button></form>')
        with other.expect_navigation():
            other.locator("button").click()
        assert "Cross-site form posts are refused" in other.content()
        browser.close()


@pytest.mark.parametrize("end, outcome, flagged", [
    ("2999-12-31", "false", True), ("2999-12-31", "true", False), ("2024-03-31", "false", False),
])
def test_ledger_flags_a_miss_decided_before_the_horizon_ends(tmp_path, forecast_store, end, outcome, flagged):
    """As `lagebild resolve` warns W135, the ledger marks a "false" whose horizon has not
    ended: the scorecards count a miss the future may still turn into a hit."""
    from fastapi.testclient import TestClient

    from lagebild.resolve import record
    from lagebild.serve import create_app
    from lagebild.store import Store

    path = forecast_store(tmp_path / "p.duckdb", end)
    with Store(path) as st:
        record(st, "p1:f0", outcome, by="ana")
    html = TestClient(create_app(str(path))).get("/forecasts").text
    assert f"outcome: <b>{outcome}</b>" in html
    assert ("can still come true" in html) == flagged
