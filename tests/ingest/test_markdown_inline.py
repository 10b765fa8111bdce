"""Markdown inline markup in plain text: links, images, emphasis and code spans kept their
marks in the article text ("[Reuters](https://…)" was analysed and shown as written).
Each row names the construction; negative rows (gender star, snake_case, arithmetic)
must stay as they are."""
from __future__ import annotations

import pytest

from lagebild.ingest.build import article_from_text
from lagebild.ingest.markdown import is_link_definition, strip_inline


@pytest.mark.parametrize(
    "construction,raw,expected",
    [
        ("inline link", "Laut [Reuters](https://example.org/a_b) kam es zum Streit.", "Laut Reuters kam es zum Streit."),
        ("inline link with title", 'Siehe [den Bericht](https://example.org "Titel") dazu.', "Siehe den Bericht dazu."),
        ("link with <url>", "Der [Plan](<https://example.org/a b>) liegt vor.", "Der Plan liegt vor."),
        ("link with parentheses in the url", "Die [Seite](https://de.wikipedia.org/wiki/Kiew_(Stadt)) nennt es.", "Die Seite nennt es."),
        ("reference link", "Wie [die Agentur][1] meldet, endet es.", "Wie die Agentur meldet, endet es."),
        ("image is dropped", "![Foto von Kiew](bild.jpg) Die Stadt wurde angegriffen.", "Die Stadt wurde angegriffen."),
        ("autolink", "Mehr unter <https://example.org/x>.", "Mehr unter https://example.org/x."),
        ("strong with **", "Die **Regierung** widersprach.", "Die Regierung widersprach."),
        ("strong with __", "Die __Regierung__ widersprach.", "Die Regierung widersprach."),
        ("emphasis with *", "Das sei *kein* Zufall.", "Das sei kein Zufall."),
        ("emphasis with _", "Das sei _kein_ Zufall.", "Das sei kein Zufall."),
        ("strong and emphasis ***", "Es ist ***dringend***, sagte er.", "Es ist dringend, sagte er."),
        ("nested strong and emphasis", "Es ist **_sehr_ dringend**.", "Es ist sehr dringend."),
        ("strikethrough", "Der Termin ist ~~Montag~~ Dienstag.", "Der Termin ist Montag Dienstag."),
        ("emphasis inside quotes", "Er nannte es „*Unsinn*“.", "Er nannte es „Unsinn“."),
        ("emphasis in parentheses", "Der Vertrag (*Entwurf*) liegt vor.", "Der Vertrag (Entwurf) liegt vor."),
        ("code span", "Der Befehl `stop` kam spät.", "Der Befehl stop kam spät."),
        ("escaped star", "Ein \\*Stern\\* bleibt.", "Ein *Stern* bleibt."),
        ("link with emphasis inside", "Laut [**Reuters**](https://example.org) gilt das.", "Laut Reuters gilt das."),
        # negative rows: not Markdown markup
        ("gender star", "Lehrer*innen und Schüler*innen streiken.", "Lehrer*innen und Schüler*innen streiken."),
        ("snake_case word", "Die Datei hieß daten_2024_final.", "Die Datei hieß daten_2024_final."),
        ("multiplication", "Es sind 5 * 3 * 2 Kisten.", "Es sind 5 * 3 * 2 Kisten."),
        ("footnote star", "Der Preis* gilt bis Mai.", "Der Preis* gilt bis Mai."),
        ("brackets without a link", "Er sagte [sinngemäß], es gehe.", "Er sagte [sinngemäß], es gehe."),
        ("less-than without url", "Es waren <5 Tote und >3 Verletzte.", "Es waren <5 Tote und >3 Verletzte."),
        ("handle with underscores", "Der Account @kyiv_independent_news meldete es.", "Der Account @kyiv_independent_news meldete es."),
    ],
)
def test_strip_inline_grid(construction, raw, expected):
    assert strip_inline(raw) == expected, construction


@pytest.mark.parametrize(
    "line,expected",
    [
        ("[1]: https://example.org", True),
        ('[quelle]: https://example.org "Die Quelle"', True),
        ("[1] Fußnote ohne Doppelpunkt", False),
        ("[sinngemäß]: so sagte er es", False),
    ],
)
def test_link_definition_grid(line, expected):
    assert is_link_definition(line) is expected


def test_a_markdown_article_loses_its_marks_and_keeps_offsets():
    raw = (
        "# Angriff auf **Kiew**\n\n"
        "Laut [Reuters](https://example.org/r) hat *Russland* die Ukraine angegriffen.\n\n"
        "## Reaktionen\n\n"
        "Selenskyj verurteilte den Angriff [scharf][1] und sprach von **Terror**.\n\n"
        "[1]: https://example.org/quelle\n"
    )
    art = article_from_text(raw, published="2025-03-01")
    assert art.title == "Angriff auf Kiew"
    assert "](" not in art.text and "*" not in art.text and "example.org" not in art.text
    assert "Laut Reuters hat Russland die Ukraine angegriffen." in art.text
    assert art.text.endswith("sprach von Terror.")
    (section,) = art.sections
    assert art.text[section.start:section.start + len("Reaktionen")] == "Reaktionen"
