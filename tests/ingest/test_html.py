import pytest

from lagebild.ingest import article_from_html, article_from_string

PAGE = """<!doctype html><html lang="de"><head><title>Gipfel in Paris | Zeitung</title>
<meta name="author" content="Anna Muster">
<meta property="article:published_time" content="2025-04-18T10:00:00Z"></head>
<body><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article><h1>Gipfel in Paris</h1>
<p>Der französische Präsident empfing am Freitag die Delegation aus Washington. Die Gespräche dauerten mehrere Stunden und endeten ohne Ergebnis, wie beide Seiten bestätigten.</p>
<figure><img src="a.jpg" alt="Macron"><figcaption>Macron im Élysée-Palast. Foto: Max Bild / dpa</figcaption></figure>
<h2>Kein Durchbruch</h2>
<p>Beide Seiten kündigten an, die Verhandlungen in der kommenden Woche fortzusetzen. Ein Sprecher sagte, man sei zuversichtlich, bald eine Einigung zu erzielen.</p>
</article><footer>Impressum Datenschutz</footer></body></html>"""


def test_html_extracts_metadata_sections_captions():
    article = article_from_html(PAGE, source="page.html")
    assert article.title == "Gipfel in Paris"
    assert article.authors == ["Anna Muster"]
    assert article.published == "2025-04-18"
    assert [s.title for s in article.sections] == ["Kein Durchbruch"]
    assert article.text[article.sections[0].start :].startswith("Kein Durchbruch")
    assert article.captions[0].credit == "Max Bild / dpa"
    assert "Impressum" not in article.text and "Politik" not in article.text
    assert not article.partial


def test_html_truncated_is_marked_partial():
    article = article_from_html(PAGE[: PAGE.index("<h2>")] + "<p>Der Rest fehlt, weil die Datei mitten im Absatz abbricht und kein Ende hat")
    assert article.partial
    assert any(w.startswith("[W005]") for w in article.warnings)
    assert "Delegation aus Washington" in article.text


def test_html_absurd_date_kept_raw():
    page = PAGE.replace("2025-04-18T10:00:00Z", "3025-04-18T10:00:00Z")
    article = article_from_html(page)
    assert article.published is None


@pytest.mark.parametrize("text,fmt", [(PAGE, "html"), ("Titel. 01.02.2025.\n\nEin Absatz mit Text.", "text")])
def test_html_string_sniffing(text, fmt):
    assert article_from_string(text).format == fmt
