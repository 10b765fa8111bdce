"""The workbench's incidents (deduplicated events): an analyst filters them by actor, day and
CAMEO root, opens one and follows it to its mentions (the events, each with its sentence) and
to the documents that report them. Before, the workbench had no incident view: incidents
were only in `lagebild export --table incidents`."""
from __future__ import annotations

import shutil
from datetime import date

import pytest


@pytest.fixture(scope="module")
def inc_client(duckdb_store, tmp_path_factory):
    from fastapi.testclient import TestClient

    from lagebild.incidents import refresh_incidents
    from lagebild.serve import create_app
    from lagebild.store import Store

    path = str(tmp_path_factory.mktemp("incidents") / "inc.duckdb")
    shutil.copy(duckdb_store, path)
    with Store(path) as store:
        assert refresh_incidents(store) > 0
    return TestClient(create_app(path), raise_server_exceptions=False)


def _all(client, url):
    items, cursor = [], None
    while True:
        sep = "&" if "?" in url else "?"
        body = client.get(url + (f"{sep}cursor={cursor}" if cursor else "")).json()
        items += body["items"]
        cursor = body["next"]
        if not cursor:
            return items


def test_list_pages_cover_every_incident_once(inc_client):
    everything = _all(inc_client, "/api/incidents?limit=500")
    paged = _all(inc_client, "/api/incidents?limit=2")
    assert [i["id"] for i in paged] == [i["id"] for i in everything]
    assert len({i["id"] for i in paged}) == len(paged) > 1
    total = inc_client.get("/incidents.json").json()["total"]
    assert total == len(everything)


@pytest.mark.parametrize("query,check", [
    ("root=19", lambda i, q: i["cameo"].startswith("19")),
    ("cameo=11", lambda i, q: i["cameo"].startswith("11")),
    ("quad_class=4", lambda i, q: i["quad_class"] == 4),
    ("since=2025-01-01", lambda i, q: i["date"] is not None and i["date"] >= "2025-01-01"),
    ("until=2024-12-31", lambda i, q: i["date"] is not None and i["date"] <= "2024-12-31"),
    ("min_mentions=2", lambda i, q: i["num_mentions"] >= 2),
], ids=["root", "cameo", "quad", "since", "until", "min-mentions"])
def test_filters(inc_client, query, check):
    every = _all(inc_client, "/api/incidents?limit=500")
    got = _all(inc_client, f"/api/incidents?{query}&limit=500")
    assert got == [i for i in every if check(i, query)]


def test_actor_filter_and_names(inc_client):
    every = _all(inc_client, "/api/incidents?limit=500")
    actor = next(i["source"] for i in every if i["source"])
    got = _all(inc_client, f"/api/incidents?actor={actor}&limit=500")
    assert got and all(actor in (i["source"], i["target"]) for i in got)
    assert got == [i for i in every if actor in (i["source"], i["target"])]
    assert all(i["source_name"] for i in got if i["source"])


def test_incident_to_mentions_and_documents(inc_client):
    every = _all(inc_client, "/api/incidents?limit=500")
    inc = max(every, key=lambda i: i["num_mentions"])
    detail = inc_client.get(f"/api/incidents/{inc['id']}").json()
    assert detail["id"] == inc["id"] and len(detail["mentions"]) == inc["num_mentions"]
    for m in detail["mentions"]:
        event = inc_client.get(f"/api/events?doc={m['doc_id']}&limit=500").json()["items"]
        assert any(e["idx"] == m["idx"] and e["sentence"] == m["sentence"] for e in event)
    assert {d["id"] for d in detail["documents"]} == {m["doc_id"] for m in detail["mentions"]}
    assert len(detail["documents"]) == inc["num_documents"]
    html = inc_client.get(f"/incidents/{inc['id']}").text
    for d in detail["documents"]:
        assert f'href="/documents/{d["id"]}"' in html
        assert inc_client.get(f"/documents/{d['id']}").status_code == 200
    assert inc_client.get(f"/incidents/{inc['id']}.json").json() == detail


def test_pages_escape_and_link(inc_client):
    html = inc_client.get("/incidents").text
    assert 'id="incidents-table"' in html and 'class="incident-link"' in html
    assert "<script>window.__xss" not in html
    for inc in _all(inc_client, "/api/incidents?limit=500"):
        page = inc_client.get(f"/incidents/{inc['id']}").text
        assert "<script>" not in page.split("</head>", 1)[1].replace('<script src="/static/app.js"', "")
    assert 'href="/incidents"' in inc_client.get("/").text


def test_errors(inc_client):
    r = inc_client.get("/incidents/no-such-incident")
    assert r.status_code == 404 and "No incident with id" in r.text
    r = inc_client.get("/api/incidents?root=7x")
    assert r.status_code == 422 and "root" in r.text
    r = inc_client.get("/api/incidents?colour=red")
    assert r.status_code == 422 and "colour" in r.text


def test_a_stale_incident_table_is_named(duckdb_store, tmp_path):
    """Events stored after the last refresh (an ingest stopped by Ctrl-C) are counted on
    the list page, with the command that brings the incidents up to date."""
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app

    path = str(tmp_path / "stale.duckdb")
    shutil.copy(duckdb_store, path)  # the fixture's store: events, incidents never computed
    client = TestClient(create_app(path), raise_server_exceptions=False)
    body = client.get("/incidents.json").json()
    assert body["lag"] > 0 and body["total"] == 0
    assert 'id="incidents-lag"' in client.get("/incidents").text
