import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.ingest.text import parse_caption, parse_plain_text

ARTICLE = (
    "Gespräche ohne Durchbruch. Anna Berger. 14.03.2025.\n\n\n"
    "Die Minister in Berlin, 13. März 2025. Foto: Max Beispiel / dpa\u00a0\n\n"
    "Die Außenminister trafen am Donnerstag in Berlin ihre Amtskollegen aus Polen, um über die Lage zu beraten.\n\n"
    "\u00a0\n\n"
    "Was bedeutet das\u00a0\n\n"
    "Die Europäer dürften den Druck auf Moskau in den kommenden Wochen erhöhen, sagen Diplomaten in Brüssel.\n\n"
    "Ein zweiter Abschnitt\n\n"
    "Der Kreml erklärte, Moskau lehne einen Waffenstillstand zu diesen Bedingungen ab, und kritisierte die EU.\n\n"
    "Teilen:\nTwitter\nFacebook\nGefällt mir Wird geladen …\n\n"
    "Kommentar verfassen\n"
)


def test_text_article_fields():
    parsed = parse_plain_text(ARTICLE)
    assert parsed.title == "Gespräche ohne Durchbruch"
    assert parsed.authors == ["Anna Berger"]
    assert parsed.date_raw == "14.03.2025"
    assert [c.credit for c in parsed.captions] == ["Max Beispiel / dpa"]
    assert parsed.captions[0].text == "Die Minister in Berlin, 13. März 2025"
    assert [s.title for s in parsed.sections] == ["Was bedeutet das", "Ein zweiter Abschnitt"]
    for s in parsed.sections:
        assert parsed.text[s.start : s.start + len(s.title)] == s.title
        assert 0 <= s.start < s.end <= len(parsed.text)
    for junk in ("Kommentar verfassen", "Teilen", "Facebook", "Wird geladen", "\u00a0", "Foto:"):
        assert junk not in parsed.text


@pytest.mark.parametrize(
    "line,text,credit",
    [
        ("Die Kanzlerin im Bundestag, 3. März 2026. Foto: Maria Lind / dpa/Picture Alliance\u00a0", "Die Kanzlerin im Bundestag, 3. März 2026", "Maria Lind / dpa/Picture Alliance"),
        ("The minister in Kyiv. Photo: Jane Doe/Reuters", "The minister in Kyiv", "Jane Doe/Reuters"),
        ("Soldaten an der Front (Bild: Bundeswehr)", "Soldaten an der Front", "Bundeswehr"),
        ("Protest in Tbilisi © AFP", "Protest in Tbilisi", "AFP"),
    ],
)
def test_text_caption(line, text, credit):
    caption = parse_caption(line)
    assert caption is not None and caption.text == text and caption.credit == credit


def test_text_without_header_uses_first_short_line_as_title():
    parsed = parse_plain_text("Ein Titel ohne Punkt\n\nDer erste Absatz ist deutlich länger als der Titel und erzählt etwas.")
    assert parsed.title == "Ein Titel ohne Punkt"
    assert parsed.text.startswith("Der erste Absatz")


def test_text_hard_wrapped_paragraph_is_joined():
    body = "\n".join(["Dies ist eine lange Zeile eines hart umbrochenen Absatzes mit Text"] * 4)
    parsed = parse_plain_text("Titel. 01.01.2025.\n\n" + body)
    assert "\n" not in parsed.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab cD.\n\u00a0:|Foto0123456789äÜ")), max_size=400))
def test_text_parser_never_raises_and_offsets_valid(raw):
    parsed = parse_plain_text(raw)
    for s in parsed.sections:
        assert 0 <= s.start <= s.end <= len(parsed.text)
        assert parsed.text[s.start :].startswith(s.title)
    assert "\u00a0" not in parsed.text
