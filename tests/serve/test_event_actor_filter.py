"""The workbench's ``/events`` and ``/incidents`` actor filters took an actor id only
(``?actor=Nordland`` found nothing); they now take the actor's name or code as
``/statements`` does (the shared :func:`lagebild.serve.filters._actor_clause`), and an id
stays exact: ``RUS`` never matches "Belarus" by its name."""
from __future__ import annotations

import pytest
from stores import filled

from lagebild.schemas import Actor, Document, Event

# fictional states, with CAMEO-style codes of our own
NOR = Actor(id="NRL", name="Nordland", type="GPE", country="NRL", code="NRLGOV", mentions=[(0, 8)])
SUD = Actor(id="SDM", name="Südmark", type="GPE", country="SDM", code="SDMMIL", mentions=[(30, 37)])
RUS = Actor(id="RUS", name="Russland", type="GPE", country="RUS", code="RUS", mentions=[(0, 8)])
BLR = Actor(id="BLR", name="Belarus", type="GPE", country="BLR", code="BLR", mentions=[(27, 34)])


def _ev(src, tgt, start, end, sentence):
    return Event(source=src, target=tgt, cameo="042", quad_class=1, goldstein=1.9, date="2025-03-04",
                 sentence=sentence, span=(start, end), trigger="besuchte", trigger_span=(start + 9, start + 17))


def _docs():
    t1 = "Nordland besuchte am Montag Südmark zu Gesprächen."
    t2 = "Russland besuchte am Montag Belarus zu Gesprächen."
    return [
        Document(id="e1", source="e1.txt", language="de", title="Besuch", authors=[], published="2025-03-04",
                 sections=[], captions=[], text=t1, actors=[NOR, SUD], events=[_ev("NRL", "SDM", 0, 50, t1)]),
        Document(id="e2", source="e2.txt", language="de", title="Besuch", authors=[], published="2025-03-05",
                 sections=[], captions=[], text=t2, actors=[RUS, BLR], events=[_ev("RUS", "BLR", 0, 50, t2)]),
    ]


@pytest.fixture()
def client(store_target):
    from fastapi.testclient import TestClient

    from lagebild.incidents import refresh_incidents
    from lagebild.serve import create_app

    def fill(store) -> None:  # type: ignore[no-untyped-def]
        store.save_many(_docs())
        refresh_incidents(store)

    # DuckDB: a copy of the store built once per session
    with TestClient(create_app(filled(store_target, "event-actor-filter", fill)), raise_server_exceptions=False) as c:
        yield c


# (how a user names the actor, the filter, the documents whose event it finds)
ROWS = [
    ("actor id", {"actor": "NRL"}, ["e1"]),
    ("actor name", {"actor": "Nordland"}, ["e1"]),
    ("part of the name, other case", {"actor": "nordl"}, ["e1"]),
    ("target by name", {"actor": "Südmark"}, ["e1"]),
    ("actor code", {"actor": "NRLGOV"}, ["e1"]),
    ("actor code, lower case", {"actor": "sdmmil"}, ["e1"]),
    ("an id is exact: not 'Belarus' by its name", {"actor": "RUS"}, ["e2"]),
    ("a name matching nothing", {"actor": "Ostland"}, []),
    ("actor and counterpart by name", {"actor": "Südmark", "counterpart": "Nordland"}, ["e1"]),
    ("actor and counterpart not together", {"actor": "Nordland", "counterpart": "Belarus"}, []),
    ("source by name", {"source": "Nordland"}, ["e1"]),
    ("target by name, not the source", {"target": "Nordland"}, []),
]


@pytest.mark.parametrize("what, params, docs", ROWS, ids=[r[0] for r in ROWS])
def test_events_actor_filter_takes_a_name_or_code(client, what, params, docs):
    for path in ("/events.json", "/api/events"):
        r = client.get(path, params=params)
        assert r.status_code == 200, r.text
        assert sorted({e["doc_id"] for e in r.json()["items"]}) == docs, (what, path)
    assert client.get("/events", params=params).status_code == 200


INCIDENT_ROWS = [r for r in ROWS if set(r[1]) == {"actor"}]


@pytest.mark.parametrize("what, params, docs", INCIDENT_ROWS, ids=[r[0] for r in INCIDENT_ROWS])
def test_incidents_actor_filter_takes_a_name_or_code(client, what, params, docs):
    r = client.get("/incidents.json", params=params)
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert r.json()["total"] == len(items) == len(docs), (what, items)
    sources = sorted({i["source"] for i in items})
    assert sources == [{"e1": "NRL", "e2": "RUS"}[d] for d in docs], what
    assert client.get("/api/incidents", params=params).json()["items"] == items
    assert client.get("/incidents", params=params).status_code == 200
