"""An HTML page with nothing but navigation (a menu, a header, a footer: a consent wall, an
index page, a page saved before its script filled it) was stored as a document whose text
was its menu ("Home"), since trafilatura falls back to any text it finds. Such a page has no
article: E005, like a page of scripts only. Pages written for this test."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.ingest import read_paths
from lagebild.ingest.readers import IngestFailure

PAGES = [
    ("a menu only", "<html><head><title>Start</title></head><body><nav><a href='/'>Home</a></nav></body></html>", None),
    ("header and footer", "<html><body><header><a href='/'>Startseite</a> <a href='/p'>Politik</a></header>"
     "<footer>Impressum Datenschutz Kontakt</footer></body></html>", None),
    ("a button and an aside", "<html><body><div><button>Alle akzeptieren</button></div><aside>Werbung</aside></body></html>", None),
    ("a page in one form", "<html><body><form><div><p>Der Kreistag von Verden tagte am Montag.</p></div></form></body></html>",
     "Der Kreistag von Verden tagte am Montag."),
    ("a menu and a sentence", "<html><body><nav>Home</nav><p>Der Kreistag von Verden tagte am Montag.</p></body></html>",
     "Der Kreistag von Verden tagte am Montag."),
    ("a title in the header and text", "<html><body><header><h1>Kreistag</h1></header><div><p>Der Kreistag von Verden "
     "tagte am Montag und vertagte die Wahl.</p></div></body></html>", "vertagte die Wahl"),
    ("text after a menu", "<html><body><nav>Home</nav>Der Kreistag von Verden tagte am Montag.</body></html>",
     "Der Kreistag von Verden tagte am Montag."),
]


@pytest.mark.parametrize("construction,html,text", PAGES, ids=[p[0] for p in PAGES])
def test_a_page_of_navigation_only_is_no_article(construction, html, text, tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (item,) = list(read_paths([path]))
    if text is None:
        assert isinstance(item, IngestFailure) and item.reason.startswith("[E005]"), construction
    else:
        assert not isinstance(item, IngestFailure), (construction, item.reason)
        assert text in item.text, (construction, item.text)
