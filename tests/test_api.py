from datetime import date

import pytest

import lagebild
from lagebild.errors import BadInputError


def test_api_analyze_text_returns_contract():
    doc = lagebild.analyze("Die Regierung in Berlin kritisierte Moskau. Der Kanzler sagte, man werde helfen.", published="2025-04-19")
    data = doc.to_dict()
    assert data["language"] == "de" and data["published"] == "2025-04-19"
    for key in ("id", "source", "language", "title", "authors", "published", "sections", "captions", "text",
                "actors", "events", "statements", "forecasts"):
        assert key in data
    assert lagebild.Document.from_dict(data).to_dict() == data


def test_api_analyze_html_and_date_object():
    doc = lagebild.analyze("<html><body><p>" + "The president met the prime minister in London. " * 3 + "</p></body></html>", published=date(2025, 1, 2), url="https://example.org")
    assert doc.language == "en" and doc.published == "2025-01-02" and doc.url == "https://example.org"


@pytest.mark.parametrize("bad", ["", "   \n\u00a0 "])
def test_api_analyze_empty_raises(bad):
    with pytest.raises(BadInputError):
        lagebild.analyze(bad)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Putin lehnt den Waffenstillstand ab.", "de"),
        ("Putin rejects the ceasefire.", "en"),
        ("Der Kanzler reist nach Kyjiw.", "de"),
        ("The chancellor travels to Kyiv.", "en"),
        ("Selenskyj trifft Macron in Paris.", "de"),
    ],
)
def test_api_language_detection_short_texts(text, lang):
    from lagebild.language import detect_language

    assert detect_language(text)[0] == lang


def test_api_tokens_have_offsets_into_text():
    doc = lagebild.analyze("Der Kanzler traf am 18. April 2025 Präsident Macron in Paris.", with_tokens=True)
    words = [doc.text[s:e] for s, e in doc.tokens]
    assert words[:3] == ["Der", "Kanzler", "traf"]
    assert "Paris" in words
