"""A small store for the workbench tests: a handful of short articles written for these
tests (German and English, one carrying <script> and onerror= payloads), analysed with the
shipped pipeline and stored in DuckDB, and — when $LAGEBILD_TEST_PG names a server — in
PostgreSQL too."""
from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import uuid
from typing import Iterator, List

import pytest

XSS_TITLE = 'Alarm <script>window.__xss = 1</script>'
XSS_BODY = (
    'Russland hat die Ukraine angegriffen <img src=x onerror="window.__xss = 2">. '
    'Selenskyj verurteilte den Angriff <script>document.title = "pwned"; window.__xss = 3</script> scharf.'
)

ARTICLES = [
    ("Waffenruhe gebrochen. Anna Berger. 19.04.2025.\n\n"
     "Russland hat die Ukraine am Freitag angegriffen. Selenskyj verurteilte den Angriff scharf. "
     "Putin lehnt den Waffenstillstand ab. Die Regierung in Kiew erwartet, dass die Kämpfe bis "
     "zum Sommer wahrscheinlich andauern werden.", "2025-04-19"),
    ("Talks in Geneva. John Smith. 2025-05-02.\n\n"
     "The United States and China agreed to resume trade talks on Monday. Germany promised to "
     "send aid to Ukraine. \"We will probably reach a deal by June,\" the US President said. "
     "Iran threatened to attack Israel if the sanctions continue.", "2025-05-02"),
    ("Hilfe für Kiew. Max Müller. 12.03.2024.\n\n"
     "Deutschland hat der Ukraine weitere Hilfe zugesagt. Russland griff die Ukraine erneut an. "
     "Frankreich kritisierte Russland. Der Minister rechnet damit, dass der Krieg bis Ende 2024 "
     "nicht enden wird.", "2024-03-12"),
    (f"{XSS_TITLE}. Eva Klein. 01.02.2025.\n\n{XSS_BODY}", "2025-02-01"),
]


PAYLOADS = ('<script>window.__xss = 1</script>', '<img src=x onerror="window.__xss = 2">',
            '<script>document.title = "pwned"; window.__xss = 3</script>')


def _analyze_with_payloads(text: str, day: str):  # type: ignore[no-untyped-def]
    """The document of ``text`` with its HTML payloads kept as text. Ingest removes HTML tags
    from plain text (W166), so the payloads are analysed as runs of one letter of the same
    length (offsets stay valid) and put back into every string of the document afterwards:
    the store then holds what a hostile store may hold, which the workbench must escape."""
    import json

    import lagebild
    from lagebild.schemas import Document

    marks = {p: chr(ord("Q") + i) * len(p) for i, p in enumerate(PAYLOADS)}
    for payload, mark in marks.items():
        text = text.replace(payload, mark)
    data = json.dumps(lagebild.analyze(text, published=day).to_dict(), ensure_ascii=False)
    for payload, mark in marks.items():
        data = data.replace(mark, json.dumps(payload, ensure_ascii=False)[1:-1])
    return Document.from_dict(json.loads(data))


def _documents() -> List:
    return [_analyze_with_payloads(text, day) for text, day in ARTICLES]


@pytest.fixture(scope="session")
def serve_documents():
    return _documents()


@pytest.fixture(scope="session")
def duckdb_store(tmp_path_factory, serve_documents) -> str:
    from lagebild.store import Store

    path = str(tmp_path_factory.mktemp("serve") / "serve.duckdb")
    with Store(path) as store:
        store.save_many(serve_documents)
    return path


@pytest.fixture(scope="session")
def pg_store(serve_documents) -> Iterator[str]:
    url = os.environ.get("LAGEBILD_TEST_PG")
    if not url:
        pytest.skip("LAGEBILD_TEST_PG is not set (scripts/test-postgres.sh starts a server)")
    import psycopg

    name = f"lagebild_serve_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    base, _, _ = url.rpartition("/")
    db_url = f"{base}/{name}"
    from lagebild.store import Store

    with Store(db_url) as store:
        store.save_many(serve_documents)
    yield db_url
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(scope="session", params=["duckdb", "postgresql"])
def store_url(request) -> str:
    return request.getfixturevalue("duckdb_store" if request.param == "duckdb" else "pg_store")


@pytest.fixture(scope="session")
def client(store_url):
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app

    return TestClient(create_app(store_url), raise_server_exceptions=False)


@contextlib.contextmanager
def _live_server(app) -> Iterator[str]:
    """Serve the ASGI ``app`` with a real uvicorn server on a free local port in a thread;
    yields its base URL ("http://127.0.0.1:PORT") and stops the server on exit. Skips the
    test when uvicorn is not installed."""
    uvicorn = pytest.importorskip("uvicorn")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        assert time.time() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def live_server():
    """The context manager :func:`_live_server` (``with live_server(app) as base_url:``), for
    the browser tests: a real uvicorn server on a free port, stopped on exit."""
    return _live_server


def _forecast_store(path, end: str) -> str:  # type: ignore[no-untyped-def]
    """A DuckDB store at ``path`` holding one German document with one forecast
    ("Russland wird angreifen", probability 0.7, published 2024-01-05, horizon ending
    ``end``), id ``p1:f0``; returns the path as a string."""
    from lagebild.schemas import Document, Forecast
    from lagebild.store import Store

    fc = Forecast(holder="author", text="Russland wird angreifen", span=(0, 8), probability=0.7,
                  horizon={"text": "bald", "start": "2024-01-05", "end": end})
    doc = Document(id="p1", source="p1.txt", language="de", title="Ausblick", authors=["Anna Berger"],
                   published="2024-01-05", sections=[], captions=[], text="Russland wird angreifen.", forecasts=[fc])
    with Store(str(path)) as st:
        st.save(doc)
    return str(path)


@pytest.fixture(scope="session")
def forecast_store():
    """The function :func:`_forecast_store` (``forecast_store(path, end) -> str``): a store
    with one forecast whose horizon ends ``end``, for the decision and ledger tests."""
    return _forecast_store
