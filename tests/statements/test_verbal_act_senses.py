"""A verb that is a verbal act in one sense and no event in another (a null row with an
``arg=`` class in the event patterns): its subject speaks the words after a colon only in
the verbal sense. Own sentences; a failing row names the verb and the sense."""
from __future__ import annotations

import pytest

from lagebild import analyze

GRID = [
    # (kind, sentence, the subject that must / must not speak the colon's words, speaks)
    ("bedauern-decision", "Der Betriebsrat bedauerte die Entscheidung: Hunderte Arbeitsplätze gehen verloren.", "Betriebsrat", True),
    ("bedauern-state-of-affairs", "Der Konzern bedauerte den Rückgang: Die Umsätze sinken seit Monaten.", "Konzern", False),
    ("bedauern-development", "Die Kammer bedauerte die Entwicklung: Immer weniger Lehrlinge finden eine Stelle.", "Kammer", False),
    ("drohen-threat", "Der Innenminister drohte: Wir werden die Grenzen schließen.", "Innenminister", True),
    ("drohen-penalty-subject", "Dem Bürgermeister drohen Jahre in Haft: Die Anklage lautet auf Untreue.", "Bürgermeister", False),
    ("bestreiten-denial", "Die Regierung bestritt die Vorwürfe: Es habe keine Absprachen gegeben.", "Regierung", True),
    ("bestreiten-match", "Die Nationalmannschaft bestritt das Finale: Es war ein hartes Spiel.", "Nationalmannschaft", False),
]


@pytest.mark.parametrize("kind,text,who,speaks", GRID, ids=[row[0] for row in GRID])
def test_verbal_act_sense_decides_the_colon_speaker(kind, text, who, speaks):
    colon = text.index(":")
    after = [s for s in analyze(text, language="de", published="2016-03-01").statements if s.span[1] > colon]
    got = any(who in (s.speaker_text or "") for s in after)
    assert got is speaks, (kind, [(s.speaker_text, s.span) for s in after])
