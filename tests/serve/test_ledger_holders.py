"""The forecast ledger with --allow-edit: holders grouped as the scorecards group them, and
a page that went stale while another analyst decided never overrides that decision."""
from __future__ import annotations

import re

import pytest

from lagebild.schemas import Actor, Document, Forecast


def _doc(doc_id, authors, holders):
    return Document(
        id=doc_id, source=f"{doc_id}.txt", language="en", title=f"T {doc_id}", authors=authors, published="2024-01-05",
        sections=[], captions=[], text="Russia will attack. Russia attacked.",
        actors=[Actor(id="RUS", name="Russia", type="GPE", country="RUS")],
        forecasts=[Forecast(holder=h, holder_text=t, text=f"{doc_id} forecast {i}", span=(0, 5), probability=0.7)
                   for i, (h, t) in enumerate(holders)],
    )


@pytest.fixture()
def client(tmp_path, monkeypatch, store_target):
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app
    from lagebild.store import Store

    monkeypatch.setenv("LAGEBILD_ANALYST", "tester")
    with Store(store_target) as store:
        store.save_many([
            _doc("d1", ["Anna Berger"], [("author", None), ("unknown", "Experten"), ("RUS", "Moskau")]),
            _doc("d2", ["Max Müller"], [("author", None), ("unknown", "Experten"), ("unknown", "<b>es</b>")]),
            _doc("d3", [], [("author", None)]),
        ])
    app = create_app(store_target, allow_edit=True)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _headings(html):
    return sorted(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", h)).strip()
                  for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S))


def test_ledger_groups_holders_like_the_scorecards(client):
    page = client.get("/forecasts").text
    assert _headings(page) == sorted([
        "Anna Berger 1", "Max Müller 1", "unnamed author (d3.txt) 1", "Russia 1",
        "Experten (unlinked; d1.txt) 1", "Experten (unlinked; d2.txt) 1", "&lt;b&gt;es&lt;/b&gt; (unlinked; d2.txt) 1",
    ])
    assert "<b>es</b>" not in page
    items = client.get("/api/forecasts").json()["items"]
    labels = {(f["doc_id"], f["idx"]): f["holder_label"] for f in items}
    assert labels[("d1", 1)] == "Experten (unlinked; d1.txt)" and labels[("d1", 0)] == "Anna Berger"


def test_a_stale_page_never_overrides_a_decision(client):
    base = "/forecasts/d1/0"
    page = client.get("/forecasts").text
    assert re.search(r'action="/forecasts/d1/0/resolve"[^>]*>\s*<input type="hidden" name="expect" value="0">', page)
    assert client.post(f"{base}/resolve", data={"outcome": "true", "expect": "0"}, follow_redirects=False).status_code == 303
    stale = client.post(f"{base}/resolve", data={"outcome": "false", "expect": "0"})  # a second tab, opened before
    assert stale.status_code == 409 and "E136" in stale.text and "true by tester" in stale.text
    decision = [f for f in client.get("/api/forecasts?doc=d1").json()["items"] if f["idx"] == 0][0]["decision"]
    assert decision["outcome"] == "true" and decision["seq"] == 1
    assert 'name="expect" value="1"' in client.get("/forecasts").text  # the undo form names what it undoes
    assert client.post(f"{base}/undo", data={"expect": "1"}, follow_redirects=False).status_code == 303
    assert client.post(f"{base}/undo", data={"expect": "1"}).status_code == 409  # already undone elsewhere
    assert client.post(f"{base}/resolve", data={"outcome": "false", "expect": "0"}, follow_redirects=False).status_code == 303
    bad = client.post(f"{base}/resolve", data={"outcome": "false", "expect": "-1"})
    assert bad.status_code == 422
