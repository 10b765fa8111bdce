"""An editor's trial in the workbench: find statements by speaker and forecasts by holder
by the name the pages show, and follow a resolved forecast to its evidence.

Before: there was no statements page (only ``/api/statements``, by exact speaker id); the
ledger's holder filter searched actor names only, so "Anna Berger" (an author, as the
ledger names her) found nothing; a decision showed its outcome but not its evidence, and
its note only as a tooltip."""
from __future__ import annotations

import re

import pytest

from lagebild.schemas import Actor, Document, Event, Forecast, Statement

TEXT = ("Die Ministerin Greta Lund sagte, der Deich werde bis Mai erhöht. "
        "Ein Sprecher des Hafenamts erklärte, die Fähre fahre wieder. "
        "Der Deich wurde im Mai erhöht.")


def _docs():
    a = Document(
        id="d1", source="d1.txt", language="de", title="Deich", authors=["Anna Berger"], published="2025-02-03",
        sections=[], captions=[], text=TEXT,
        actors=[Actor(id="per:greta_lund", name="Greta Lund", type="PER", country="DNK", mentions=[(15, 25)])],
        statements=[
            Statement(speaker="per:greta_lund", kind="indirect", text="der Deich werde bis Mai erhöht", span=(32, 62),
                      speaker_text="Die Ministerin Greta Lund", cue="sagte"),
            Statement(speaker="unknown", kind="indirect", text="die Fähre fahre wieder", span=(100, 122),
                      speaker_text="Ein Sprecher des Hafenamts", cue="erklärte"),
            Statement(speaker="author", kind="indirect", text="Der Deich wurde im Mai erhöht", span=(124, 153)),
        ],
        forecasts=[
            Forecast(holder="per:greta_lund", holder_text="Die Ministerin Greta Lund", text="der Deich werde bis Mai erhöht",
                     span=(32, 62), probability=0.8),
            Forecast(holder="author", text="Der Deich wurde im Mai erhöht", span=(124, 153), probability=0.6),
        ],
    )
    b = Document(
        id="d2", source="d2.txt", language="de", title="Deich fertig", authors=["Max Ohm"], published="2025-05-30",
        sections=[], captions=[], text="Dänemark erhöhte den Deich. Weitere Einzelheiten folgten.",
        actors=[Actor(id="DNK", name="Dänemark", type="GPE", country="DNK", mentions=[(0, 8)])],
        events=[Event(source="DNK", target=None, cameo="057", quad_class=1, goldstein=4.0, date="2025-05-30",
                      sentence="Dänemark erhöhte den Deich.", span=(0, 27), trigger="erhöhte", trigger_span=(9, 16))],
        forecasts=[Forecast(holder="author", text="Weitere Einzelheiten folgten", span=(28, 56), probability=0.5)],
    )
    return [a, b]


@pytest.fixture()
def client(store_target, monkeypatch):
    from fastapi.testclient import TestClient

    from lagebild.resolve.decisions import record
    from lagebild.serve import create_app
    from lagebild.store import Store

    monkeypatch.setenv("LAGEBILD_ANALYST", "tester")
    with Store(store_target) as store:
        store.save_many(_docs())
        record(store, "d1:f0", "true", evidence=["d2:e0"], note="erhöht <am> 30. Mai")
    with TestClient(create_app(store_target), raise_server_exceptions=False) as c:
        yield c


def _statements(client, **params):
    r = client.get("/statements.json", params=params)
    assert r.status_code == 200, r.text
    return sorted((s["doc_id"], s["idx"]) for s in r.json()["items"])


# (how an editor names the speaker, the statements found)
SPEAKERS = [
    ("actor name", "Lund", [("d1", 0)]),
    ("actor name, other case", "greta lund", [("d1", 0)]),
    ("actor id", "per:greta_lund", [("d1", 0)]),
    ("words of an unlinked speaker", "Hafenamt", [("d1", 1)]),
    ("role words of a linked speaker", "Ministerin", [("d1", 0)]),
    ("author by name", "Anna Berger", [("d1", 2)]),
    ("author", "author", [("d1", 2)]),
    ("unknown", "unknown", [("d1", 1)]),
    ("no such speaker", "Olsen", []),
    ("LIKE wildcard is literal", "%", []),
]


@pytest.mark.parametrize("name,speaker,found", SPEAKERS, ids=[s[0] for s in SPEAKERS])
def test_statements_by_speaker(client, name, speaker, found):
    assert _statements(client, speaker=speaker) == found


def test_statements_page(client):
    page = client.get("/statements", params={"speaker": "Hafenamt"})
    assert page.status_code == 200
    assert "die Fähre fahre wieder" in page.text and "Ein Sprecher des Hafenamts" in page.text
    assert 'href="/documents/d1"' in page.text and "1 matching" in page.text
    assert 'href="/statements"' in client.get("/").text  # in the navigation
    assert _statements(client, kind="direct") == []
    assert _statements(client, q="Fähre") == [("d1", 1)]


# (how an editor names the holder, the forecasts found)
HOLDERS = [
    ("author by name", "Anna Berger", ["d1:f1"]),
    ("author by part of the name", "berger", ["d1:f1"]),
    ("another author", "Max Ohm", ["d2:f0"]),
    ("actor name", "Lund", ["d1:f0"]),
    ("actor id", "per:greta_lund", ["d1:f0"]),
    ("author", "author", ["d1:f1", "d2:f0"]),
    ("no such holder", "Olsen", []),
]


@pytest.mark.parametrize("name,holder,found", HOLDERS, ids=[h[0] for h in HOLDERS])
def test_forecasts_by_holder(client, name, holder, found):
    r = client.get("/forecasts.json", params={"holder": holder})
    assert r.status_code == 200, r.text
    assert sorted(f"{f['doc_id']}:f{f['idx']}" for f in r.json()["items"]) == found


def test_a_decision_links_its_evidence_and_shows_its_note(client):
    page = client.get("/forecasts", params={"holder": "Lund"}).text
    (cell,) = re.findall(r'<div class="evidence small">(.*?)</div>', page, re.S)
    assert 'href="/documents/d2"' in cell and "d2:e0" in cell
    assert "erhöht &lt;am&gt; 30. Mai" in page and "<am>" not in page
    item = client.get("/api/forecasts", params={"holder": "Lund"}).json()["items"][0]
    assert item["decision"]["evidence"] == [{"event_id": "d2:e0", "document_id": "d2"}]
    assert client.get("/documents/d2").status_code == 200
