"""Article text is never markup: HTML tags left in a plain-text input (a JSON Lines ``text``
field, a .txt saved from a page, a string given to ``lagebild.analyze``) are removed before
the analysis, with W166. Before, ``{"text": "… <script>…</script> …"}`` was stored and
analysed with its tags, so the script's content was part of the sentence and the tags were
shown (escaped) as article text in every view."""
import json
from pathlib import Path

import pytest

from lagebild.ingest import article_from_string, article_from_text, read_paths

# (construction, input text, the text stored)
GRID = [
    ("script element", "Die Landrätin von Cham <script>var x = 1;</script> lobte am Freitag die Feuerwehr.",
     "Die Landrätin von Cham lobte am Freitag die Feuerwehr."),
    ("style element", "<style>p {color: red}</style>Der Stadtrat von Hof tagte am Abend.",
     "Der Stadtrat von Hof tagte am Abend."),
    ("comment", "Der Kreistag <!-- Anzeige --> beschloss das Budget.", "Der Kreistag beschloss das Budget."),
    ("inline bold", "Die Bürgermeisterin nannte den Entwurf <b>unzureichend</b>.",
     "Die Bürgermeisterin nannte den Entwurf unzureichend."),
    ("link with attributes", 'Der Verband <a href="https://example.org/v" class="x">kritisierte</a> die Pläne.',
     "Der Verband kritisierte die Pläne."),
    ("paragraph tags", "<p>Erster Absatz über Lindau.</p><p>Zweiter Absatz über Kempten.</p>",
     "Erster Absatz über Lindau.\n\nZweiter Absatz über Kempten."),
    ("entity after tags", "Die Firma <em>Huber &amp; Söhne</em> expandiert.", "Die Firma Huber & Söhne expandiert."),
    ("upper-case tags", "Der Minister <B>warnte</B> vor Engpässen.", "Der Minister warnte vor Engpässen."),
    ("self-closing image", 'Ein Foto <img src="a.jpg" alt="Kran"/> zeigt die Baustelle.', "Ein Foto zeigt die Baustelle."),
]


@pytest.mark.parametrize("name,raw,want", GRID, ids=[g[0] for g in GRID])
def test_plain_text_loses_its_markup(name, raw, want):
    article = article_from_text(raw, source="t.txt", published="2025-05-05")
    assert article.text == want
    assert any(w.startswith("[W166]") for w in article.warnings)


# plain text with angle brackets or entities that are no HTML elements stays as it is
PROSE = [
    ("comparison", "Wenn die Inflation < 2 % bleibt und die Löhne > 3 % steigen, gewinnt Lohr."),
    ("bracketed name", "Die Nutzerin <Rosa_K> schrieb im Forum des Vereins."),
    ("heart", "Die Fans schickten <3 an die Mannschaft aus Fürth."),
    ("entity without tags", "Die Kanzlei Roth &amp; Partner klagte in Würzburg."),
]


@pytest.mark.parametrize("name,raw", PROSE, ids=[p[0] for p in PROSE])
def test_prose_with_brackets_is_kept(name, raw):
    article = article_from_text(raw, source="t.txt", published="2025-05-05")
    assert article.text == raw
    assert not any(w.startswith("[W166]") for w in article.warnings)


def test_jsonl_text_field_with_html(tmp_path: Path):
    path = tmp_path / "batch.jsonl"
    rows = [
        {"text": "Der Landrat von Kulmbach <script>alert(1)</script> kritisierte am Montag das Land.",
         "published": "2025-06-02"},
        {"text": "Ohne jede Auszeichnung sprach der Landrat von Coburg.", "published": "2025-06-02"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first, second = list(read_paths([path]))
    assert first.text == "Der Landrat von Kulmbach kritisierte am Montag das Land."
    assert "<" not in first.text and any(w.startswith("[W166]") for w in first.warnings)
    assert second.text == rows[1]["text"]


def test_analyze_string_with_inline_tags():
    article = article_from_string("Die Ministerin <i>bestätigte</i> den Termin in Gera.")
    assert article.text == "Die Ministerin bestätigte den Termin in Gera."


@pytest.mark.parametrize("value", [None, 42, 3.5, ["Text"], {"text": "x"}], ids=repr)
def test_anything_but_str_or_bytes_is_a_type_error(value):
    """``lagebild.analyze`` documents a TypeError for anything but str/bytes; None was E001."""
    with pytest.raises(TypeError, match=type(value).__name__):
        article_from_string(value)


def test_public_analyze_none_is_a_type_error():
    import lagebild

    with pytest.raises(TypeError, match="NoneType"):
        lagebild.analyze(None)  # type: ignore[arg-type]
