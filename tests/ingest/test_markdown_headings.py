"""Markdown headings in plain text (``.md`` files are read as text): the ``#`` marks never
reach the title, the text or a section title (the title was "# Überschrift"). Own sentences."""
from __future__ import annotations

import pytest

from lagebild.ingest.build import article_from_text

BODY = "Die Regierung in Wien kündigte am Montag neue Hilfen für die Ukraine an, sagte ein Sprecher des Ministeriums."


@pytest.mark.parametrize(
    "raw,title,sections",
    [
        (f"# Neue Hilfen\n\n{BODY}\n", "Neue Hilfen", []),
        (f"# Neue Hilfen #\n\n{BODY}\n", "Neue Hilfen", []),  # closing marks
        (f"# Neue Hilfen\n\n{BODY}\n\n## Reaktionen\n\n{BODY}\n", "Neue Hilfen", ["Reaktionen"]),
        (f"# Neue Hilfen\n\n{BODY}\n\n### Was folgt.\n\n{BODY}\n", "Neue Hilfen", ["Was folgt."]),  # a full stop
        (f"# Hilfen\n\n## Wien\n\nKurz.\n\n{BODY}\n", "Hilfen", ["Wien"]),  # a section before a short paragraph
        (f"Neue Hilfen. Anna Berger. 19.04.2025.\n\n## Reaktionen\n\n{BODY}\n", "Neue Hilfen", ["Reaktionen"]),
    ],
    ids=["h1", "closing-marks", "h2-section", "h3-with-stop", "short-next", "header-line-and-h2"],
)
def test_markdown_headings_lose_their_marks(raw, title, sections):
    article = article_from_text(raw)
    assert article.title == title
    assert [s.title for s in article.sections] == sections
    assert "#" not in article.text
    for s in article.sections:
        assert article.text[s.start : s.start + len(s.title)] == s.title


@pytest.mark.parametrize("line", ["#Ukraine steht im Trend.", "#1 der Charts ist ein Lied."])
def test_hashtags_are_text(line):
    article = article_from_text(f"{line}\n\n{BODY}\n")
    assert line in article.text
