"""English resultative adjectives split from their verb (issue 9, session 26):
:func:`lagebild.language.clauses.repair_resultative`. The grid rows are in
``scripts/make_event_grid.py`` (EN_S26, "resultative adjective"); here: the repair never
makes a cycle in the parse (an early version hung the root noun under its own dependent and
the coder's subtree walks never ended) and the phrasal pair comes from the pattern file."""
from __future__ import annotations

import pytest

SENTENCES = [
    "Police in Poland shot dead two protesters.",
    "Soldiers shot dead a man in Hebron on Friday.",
    "The gunman was shot dead by police.",
    "Israeli troops shot dead a Palestinian teenager.",
    "Police shot dead two protesters in Estonia.",
]


def _acyclic(doc) -> bool:  # type: ignore[no-untyped-def]
    for tok in doc:
        seen = set()
        while tok.head.i != tok.i:
            if tok.i in seen:
                return False
            seen.add(tok.i)
            tok = tok.head
    return True


@pytest.mark.parametrize("text", SENTENCES)
def test_repair_keeps_the_parse_a_tree(text):
    from lagebild.pipeline import load

    doc = load("en")(text)
    assert _acyclic(doc), text
    assert any(e.cameo == "1823" for e in doc._.events), [(e.cameo, e.trigger) for e in doc._.events]


def test_resultative_pairs_are_the_own_two_word_rows():
    from lagebild.events.coder import EventCoder

    coder = EventCoder("en")
    assert coder._resultative("shoot", "dead") and not coder._resultative("shoot", "down")
    assert not coder._resultative("shoot", "quick")
