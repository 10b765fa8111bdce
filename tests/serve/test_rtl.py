"""Right-to-left text in the workbench: the document text, its title and the evidence
sentences take their direction from their own first strong character (``dir="auto"``), so
an Arabic or Hebrew article reads right to left with its full stop at its end, while German
and English stay left to right. Before, every text was laid out left to right."""
from __future__ import annotations

import re

import pytest

ARABIC = ("افتتح المجلس البلدي يوم الأحد جسرا جديدا فوق النهر.\n\n"
          "وقال رئيس البلدية إن الجسر سيخدم آلاف السكان.")


@pytest.fixture(scope="module")
def rtl_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    import lagebild
    from lagebild.serve import create_app
    from lagebild.store import Store

    path = str(tmp_path_factory.mktemp("rtl") / "rtl.duckdb")
    doc = lagebild.analyze(ARABIC, published="2025-06-01")
    with Store(path) as store:
        store.save_many([doc])
    return TestClient(create_app(path)), doc


def test_document_text_and_title_take_their_own_direction(rtl_client):
    client, doc = rtl_client
    html = client.get(f"/documents/{doc.id}").text
    assert doc.language == "ar"
    assert re.search(r'<div class="text" dir="auto" id="doc-text">', html)
    assert re.search(r'<h1 dir="auto">', html)
    assert "افتتح المجلس البلدي" in html


def test_event_sentences_take_their_own_direction(client):
    html = client.get("/events").text
    cells = re.findall(r'<td class="sentence"[^>]*>', html)
    assert cells and all('dir="auto"' in c for c in cells)
