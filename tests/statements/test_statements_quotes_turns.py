from __future__ import annotations

import pytest

from lagebild.statements.lexicon import statement_lexicon
from lagebild.statements.quotes import find_quotes
from lagebild.language.turns import find_turns

PAIRS = statement_lexicon("de").quote_pairs


@pytest.mark.parametrize(
    "text,inner",
    [
        ("Er sagte: „Wir bleiben hier.“ Dann ging er.", "Wir bleiben hier."),
        ("Er sagte: ‚Wir bleiben hier.‘", "Wir bleiben hier."),
        ("»Wir bleiben hier«, sagte er.", "Wir bleiben hier"),
        ("«Wir bleiben hier», sagte er.", "Wir bleiben hier"),
        ('"We stay here," he said.', "We stay here,"),
        ("“We stay here,” he said.", "We stay here,"),
        ("„Wir bleiben”, sagte er.", "Wir bleiben"),
    ],
)
def test_quotes_all_marks(text, inner):
    quotes = find_quotes(text, PAIRS)
    assert [text[q.start : q.end] for q in quotes] == [inner]


def test_quotes_apostrophes_are_no_quotes():
    assert find_quotes("Trump’s plan isn’t new, it’s old.", PAIRS) == []


def test_quotes_do_not_cross_paragraphs():
    assert find_quotes("„Ein Satz ohne Ende\n\nNeuer Absatz“", PAIRS) == []


def test_turns_named_speakers():
    text = "Intro.\n\nKushnar. Wie geht es weiter?\n\nPortnikov. Trump wird aufgeben.\n\nKushnar. Warum?\n\nPortnikov. Er ist müde."
    turns = find_turns(text, "de")
    assert [t.speaker_text for t in turns] == ["Kushnar", "Portnikov", "Kushnar", "Portnikov"]
    assert text[turns[1].body_start : turns[1].end] == "Trump wird aufgeben."


@pytest.mark.parametrize(
    "text,lang,speakers,roles",
    [
        ("Q: Will it end?\nA: Next year.", "en", ["Q", "A"], ["question", "answer"]),
        ("Frage: Wann?\n\nAntwort: Bald.", "de", ["Frage", "Antwort"], ["question", "answer"]),
        ("Intro text.\n\nJOHN SMITH: We will win.", "en", ["JOHN SMITH"], [None]),
    ],
)
def test_turns_labels(text, lang, speakers, roles):
    turns = find_turns(text, lang)
    assert [t.speaker_text for t in turns] == speakers
    assert [t.role for t in turns] == roles


@pytest.mark.parametrize(
    "text",
    ["Gut. Das ist alles.\n\nSo. Weiter geht es.", "Der lange Winter. Marta Kowalczyk. 03.02.2026.\n\nText."],
)
def test_turns_no_false_turns(text):
    assert find_turns(text, "de") == []
