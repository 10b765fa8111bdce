"""The workbench's REST API and pages through FastAPI's TestClient, on DuckDB and (when
$LAGEBILD_TEST_PG is set) PostgreSQL."""
from __future__ import annotations

import io
import json

import pytest



def _all(client, url):
    """Every item of a paginated list, following `next`."""
    items, cursor, pages = [], None, 0
    while True:
        sep = "&" if "?" in url else "?"
        r = client.get(url + (f"{sep}cursor={cursor}" if cursor else ""))
        assert r.status_code == 200, r.text
        body = r.json()
        assert set(body) == {"items", "next"}
        items += body["items"]
        pages += 1
        cursor = body["next"]
        if not cursor:
            return items, pages


@pytest.mark.parametrize("path", ["/api/documents", "/api/actors", "/api/events", "/api/statements", "/api/forecasts"])
def test_lists_answer_items_and_next(client, path):
    body = client.get(path).json()
    assert set(body) == {"items", "next"} and body["items"]


@pytest.mark.parametrize("path,sort,key", [
    ("/api/events", "day", lambda e: (e["doc_id"], e["idx"])),
    ("/api/events", "goldstein", lambda e: (e["doc_id"], e["idx"])),
    ("/api/actors", "documents", lambda a: a["id"]),
    ("/api/actors", "name", lambda a: a["id"]),
    ("/api/actors", "mentions", lambda a: a["id"]),
    ("/api/documents", "title", lambda d: d["id"]),
    ("/api/statements", "published", lambda s: (s["doc_id"], s["idx"])),
])
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_keyset_pages_cover_the_list_once_in_order(client, path, sort, key, order):
    whole = client.get(f"{path}?limit=500&sort={sort}&order={order}").json()
    assert whole["next"] is None
    paged, pages = _all(client, f"{path}?limit=2&sort={sort}&order={order}")
    assert pages > 1
    assert [key(x) for x in paged] == [key(x) for x in whole["items"]]
    assert len({key(x) for x in paged}) == len(paged)


def test_document_detail_and_json_twins(client):
    doc = client.get("/api/documents?q=Waffenstillstand").json()["items"][0]
    full = client.get(f"/api/documents/{doc['id']}").json()
    assert full["id"] == doc["id"] and full["events"] and full["actors"]
    assert client.get(f"/documents/{doc['id']}.json").json() == full
    page = client.get(f"/documents/{doc['id']}")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "Putin lehnt den Waffenstillstand ab." in page.text
    assert 'data-refs="' in page.text and 'id="rec-e0"' in page.text


def test_actor_detail(client):
    actor = client.get("/api/actors/RUS").json()
    assert actor["name"] and actor["documents"] >= 2
    sides = {t["side"] for t in actor["timeline"]}
    assert sides == {"source", "target"}  # RUS attacks UKR; France criticises RUS
    assert any(c["id"] == "UKR" and c["conflict"] >= 1 for c in actor["counterparts"])
    assert all(m["text"] for m in actor["mentions"]) and len(actor["mentions"]) == actor["mention_count"]
    assert len(client.get("/api/actors/RUS?mentions=1").json()["mentions"]) == 1
    assert client.get("/api/actors/RUS?mentions=-1").status_code == 422
    assert client.get("/actors/RUS.json").json() == actor
    html = client.get("/actors/RUS").text
    assert "<svg class=\"timeline\"" in html and "<svg class=\"graph\"" in html
    prov = client.get("/api/actors?q=putin").json()["items"][0]["id"]
    assert client.get(f"/actors/{prov}").status_code == 200


@pytest.mark.parametrize("query,check", [
    ("actor=RUS", lambda e: "RUS" in (e["source"], e["target"])),
    ("source=RUS", lambda e: e["source"] == "RUS"),
    ("target=UKR", lambda e: e["target"] == "UKR"),
    ("root=19", lambda e: e["cameo"].startswith("19")),
    ("cameo=190", lambda e: e["cameo"].startswith("190")),
    ("quad_class=4", lambda e: e["quad_class"] == 4),
    ("quad_class=1", lambda e: e["quad_class"] == 1),
    ("plover=ASSAULT", lambda e: e["plover"] == "ASSAULT"),
    ("modality=promised", lambda e: e["modality"] == "promised"),
    ("negated=false", lambda e: e["negated"] is False),
    ("language=en", lambda e: e["language"] == "en"),
    ("since=2025-01-01", lambda e: str(e["day"]) >= "2025-01-01"),
    ("until=2024-12-31", lambda e: str(e["day"]) <= "2024-12-31"),
    ("q=angegriffen", lambda e: "angegriffen" in e["sentence"].lower()),
])
def test_event_filters(client, query, check):
    items = client.get(f"/api/events?{query}&limit=500").json()["items"]
    everything = client.get("/api/events?limit=500").json()["items"]
    assert items, query
    assert all(check(e) for e in items), query
    assert len([e for e in everything if check(e)]) >= len(items)


def test_country_filter(client):
    ukr = {a["id"] for a in client.get("/api/actors?country=UKR&limit=500").json()["items"]}
    items = client.get("/api/events?country=UKR&limit=500").json()["items"]
    assert items and all(e["source"] in ukr or e["target"] in ukr for e in items)


def test_filters_on_other_lists(client):
    docs = client.get("/api/documents?language=en").json()["items"]
    assert docs and all(d["language"] == "en" for d in docs)
    docs = client.get("/api/documents?actor=UKR").json()["items"]
    assert len(docs) >= 3
    assert client.get("/api/documents?q=zzzqqq").json() == {"items": [], "next": None}
    actors = client.get("/api/actors?country=UKR").json()["items"]
    assert actors and all(a["country"] == "UKR" for a in actors)
    st = client.get("/api/statements?speaker=IRN").json()["items"]
    assert st and all(s["speaker"] == "IRN" for s in st)
    fc = client.get("/api/forecasts?status=due").json()["items"]  # horizons in 2024/2025 have ended
    assert fc and all(f["status"] == "due" for f in fc)
    assert client.get("/api/forecasts?status=resolved").json()["items"] == []
    fc = client.get("/api/forecasts?holder=UKRGOV").json()["items"]
    assert fc and all(f["holder"] == "UKRGOV" for f in fc)


def test_search_across_documents_actors_codes(client):
    body = client.get("/.json?q=Ukraine").json()["results"]
    assert body["documents"] and any(a["id"] == "UKR" for a in body["actors"])
    codes = client.get("/.json?q=190").json()["results"]["codes"]
    assert codes[0]["cameo"] == "190" and codes[0]["events"] >= 2
    assert "Ukraine" in client.get("/?q=Ukraine").text


def test_like_wildcards_are_literal(client):
    assert client.get("/api/documents?q=%25").json()["items"] == []
    assert client.get("/api/actors?q=_").json()["items"] == [] or all(
        "_" in (a["id"] + a["name"] + (a.get("code") or "")) for a in client.get("/api/actors?q=_&limit=500").json()["items"]
    )


@pytest.mark.parametrize("url,status,words", [
    ("/documents/doesnotexist", 404, "No document with id"),
    ("/api/documents/doesnotexist", 404, "No document"),
    ("/actors/XXX.json", 404, "No actor"),
    ("/api/events?quad_class=9", 422, "quad_class"),
    ("/api/events?since=2025-13-01", 422, "since"),
    ("/api/events?modality=maybe", 422, "modality"),
    ("/api/events?root=ab", 422, "root"),
    ("/api/events?cameo=1;DROP", 422, "cameo"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?sort=sentence", 422, "sort"),
    ("/api/events?colour=red", 422, "colour"),
    ("/api/events?cursor=bm90IGpzb24", 422, "cursor"),
    ("/events?since=yesterday", 422, "since"),
    ("/nowhere", 404, "No page"),
    ("/api/events?q=a%00b", 422, "not a valid value"),
    ("/?q=%00", 422, "not a valid value"),
    ("/api/documents/a%00b", 404, "No document"),
    ("/actors/a%00b.json", 404, "No actor"),
])
def test_errors_are_clear_never_tracebacks(client, url, status, words):
    r = client.get(url)
    assert r.status_code == status
    assert words in r.text
    assert "Traceback" not in r.text and "File \"" not in r.text


def test_cursor_of_another_sort_is_refused(client):
    nxt = client.get("/api/events?limit=1&sort=day").json()["next"]
    r = client.get(f"/api/events?limit=1&sort=goldstein&cursor={nxt}")
    assert r.status_code == 422 and "another list" in r.json()["error"]["message"]
    r = client.get(f"/api/actors?limit=1&cursor={nxt}")
    assert r.status_code == 422


def test_downloads_of_filtered_events(client):
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    n = len(client.get("/api/events?root=19&limit=500").json()["items"])
    r = client.get("/api/events.csv?root=19")
    assert r.headers["content-type"].startswith("text/csv")
    table = pacsv.read_csv(io.BytesIO(r.content))
    assert table.num_rows == n and "sentence" in table.column_names
    assert all(str(c).startswith("19") for c in table.column("cameo").to_pylist())
    r = client.get("/api/events.parquet?root=19")
    assert pq.read_table(io.BytesIO(r.content)).num_rows == n
    empty = client.get("/api/events.parquet?root=01")
    assert empty.status_code == 200


def test_pages_render(client):
    for url in ("/", "/documents", "/documents?q=Ukraine&sort=title&order=asc", "/events", "/events?quad_class=4&actor=RUS",
                "/forecasts", "/forecasts?status=due"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-security-policy"].startswith("default-src 'none'")
    assert client.get("/events.json").json()["graph"]["edges"]
    assert set(client.get("/forecasts.json").json()["counts"]) == {"open", "due", "resolved"}


def test_article_text_is_escaped(client):
    doc = client.get("/api/documents?q=onerror").json()["items"][0]
    html = client.get(f"/documents/{doc['id']}").text
    assert "<script>window.__xss" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and "onerror=&#34;" in html
    for url in ("/?q=script", "/?q=onerror", "/events?q=Angriff"):
        assert "<script>document.title" not in client.get(url).text


def test_openapi_documents_every_path(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/documents", "/api/documents/{doc_id}", "/api/actors", "/api/actors/{actor_id}", "/api/events",
              "/api/statements", "/api/forecasts", "/api/events.csv", "/api/events.parquet", "/events", "/forecasts"):
        assert p in paths, p
    params = {x["name"] for x in paths["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "language", "actor", "country", "root", "cameo", "quad_class", "plover", "modality",
            "negated", "q", "sort", "order", "limit", "cursor"} <= params


def test_read_only_refuses_edits(client):
    fc = client.get("/api/forecasts").json()["items"][0]
    r = client.post(f"/forecasts/{fc['doc_id']}/{fc['idx']}/resolve", data={"outcome": "true"})
    assert r.status_code == 403 and "read-only" in r.text
    assert client.post(f"/forecasts/{fc['doc_id']}/{fc['idx']}/undo").status_code == 403
    assert ">decide<" not in client.get("/forecasts").text


def test_allow_edit_records_and_undoes_decisions(tmp_path, serve_documents, monkeypatch):
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app
    from lagebild.store import Store

    monkeypatch.setenv("LAGEBILD_ANALYST", "tester")
    path = str(tmp_path / "edit.duckdb")
    with Store(path) as store:
        store.save_many(serve_documents)
    client = TestClient(create_app(path, allow_edit=True), raise_server_exceptions=False)
    fc = client.get("/api/forecasts").json()["items"][0]
    base = f"/forecasts/{fc['doc_id']}/{fc['idx']}"
    assert ">decide<" in client.get("/forecasts").text and fc["decision"] is None
    ev = client.get("/api/events?limit=1").json()["items"][0]
    r = client.post(f"{base}/resolve", data={"outcome": "false", "note": "did not happen",
                                             "evidence": f"{ev['doc_id']}:e{ev['idx']}"}, follow_redirects=False)
    assert r.status_code == 303
    got = client.get(f"/api/forecasts?status=resolved&doc={fc['doc_id']}").json()["items"]
    assert [f["idx"] for f in got] == [fc["idx"]]
    assert got[0]["decision"]["outcome"] == "false" and got[0]["decision"]["decided_by"] == "tester"
    assert "outcome: <b>false</b>" in client.get("/forecasts").text
    assert client.post(f"{base}/undo", follow_redirects=False).status_code == 303
    again = client.get(f"/api/forecasts?doc={fc['doc_id']}").json()["items"]
    assert all(f["decision"] is None and f["status"] != "resolved" for f in again)
    undo_twice = client.post(f"{base}/undo")
    assert undo_twice.status_code == 404 and "E134" in undo_twice.text
    bad = client.post(f"{base}/resolve", data={"outcome": "closed"})
    assert bad.status_code == 422 and "E133" in bad.text
    missing = client.post(f"/forecasts/{fc['doc_id']}/99/resolve", data={"outcome": "true"})
    assert missing.status_code == 404
    bad_evidence = client.post(f"{base}/resolve", data={"outcome": "true", "evidence": "nope:e7"})
    assert bad_evidence.status_code in (404, 422)
    cross = client.post(f"{base}/resolve", data={"outcome": "true"}, headers={"origin": "http://evil.example"})
    assert cross.status_code == 403


def test_cli_serve_refuses_missing_store(tmp_path):
    from typer.testing import CliRunner

    from lagebild.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    # coded and exit 2, as every other reading command (it was an uncoded line and exit 1)
    assert result.exit_code == 2 and "[E040] No database" in result.output


def test_counterpart_filter(client):
    items = client.get("/api/events?actor=RUS&counterpart=UKR&limit=500").json()["items"]
    assert items and all({e["source"], e["target"]} == {"RUS", "UKR"} for e in items)
    html = client.get("/actors/RUS").text
    assert "/events?actor=RUS&amp;counterpart=UKR" in html


def test_unknown_query_strings_never_crash(client):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    names = st.sampled_from(["since", "quad_class", "negated", "cursor", "limit", "root", "actor", "q", "sort", "order", "x"])

    @given(st.lists(st.tuples(names, st.text(max_size=20)), max_size=4))
    @settings(max_examples=60, deadline=None)
    def check(pairs):
        r = client.get("/api/events", params=pairs)
        assert r.status_code in (200, 422), (pairs, r.text)

    check()


def test_a_database_without_the_schema_is_refused(tmp_path):
    import duckdb

    from lagebild.errors import LagebildError
    from lagebild.serve import create_app

    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(LagebildError, match="E501"):
        create_app(str(path))


@pytest.mark.parametrize("window", [1, 2, 3, 250])
@pytest.mark.parametrize("q", ["Ukraine", "angegriffen", "the", "zzzq", "Russland Ukraine"])
def test_postgres_search_probe_finds_what_the_plain_query_finds(pg_store, monkeypatch, window, q):
    from lagebild.serve import records
    from lagebild.serve.db import Database
    from lagebild.serve.filters import DocumentParams, document_where

    monkeypatch.setattr(records, "PROBE_WINDOW", window)
    db = Database(pg_store)
    try:
        for order in ("desc", "asc"):
            p = DocumentParams(q=q, limit=1, order=order)
            where, params = document_where(p)
            got, want, cursor = [], [], None
            while True:
                rows, cursor = records.list_documents(db, p.model_copy(update={"cursor": cursor}))
                got += [r["id"] for r in rows]
                if not cursor:
                    break
            cursor = None
            while True:
                rows, cursor = records.DOCUMENTS.page(db, where, params, sort="published", order=order, cursor=cursor, limit=1)
                want += [r["id"] for r in rows]
                if not cursor:
                    break
            assert got == want
    finally:
        db.close()


def test_document_list_page_pages_through_everything(client):
    import re

    ids, url = [], "/documents?limit=1"
    while url:
        html = client.get(url).text
        ids += re.findall(r'href="/documents/([0-9a-f]+)"', html)
        nxt = re.search(r'class="next" href="\?([^"]+)"', html)
        url = "/documents?" + nxt.group(1).replace("&amp;", "&") if nxt else None
    assert len(ids) == len(set(ids)) == len(client.get("/api/documents?limit=500").json()["items"])
    assert client.get("/documents.json?limit=2").json()["next"]
