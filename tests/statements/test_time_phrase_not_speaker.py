"""A fronted time phrase is never the speaker (lead, session 27).

The German parser often takes "Anfang März", "Mitte Mai" or "Ende Jänner" in the Vorfeld
for the subject of the speech verb ("Anfang/NOUN nsubj"), and the real subject after the
finite verb for something else; the statement then had the time phrase as its speaker
(the day words "gestern", "heute" too, session 27 second wave).
`statements.extract._untimed` drops a subject headed by a time noun of
`data/temporal/<lang>.yaml` (via `language.timewords`). Sentences are our own."""
from __future__ import annotations

import pytest

from lagebild import analyze

GRID = [
    # (sentence, expected speaker text)
    ("Schon Anfang März hatte er gegenüber dem Sender betont: Wir gewinnen das Derby.", "er"),
    ("Anfang April hatte sie erklärt, man werde die Gebühren senken.", "sie"),
    ("Mitte Mai sagte sie, die Verhandlungen seien gescheitert.", "sie"),
    ("Ende Jänner hatte er angekündigt, er werde zurücktreten.", "er"),
    # the parser may also label the real subject an object and leave the verb without
    # any subject; that is another fault (the statement keeps no speaker)
    pytest.param("Bereits Mitte Oktober hatte die Ministerin gewarnt, das Geld reiche nicht.", "die Ministerin",
                 marks=pytest.mark.xfail(strict=True, reason="subject parsed as obj, no nsubj at all")),
    ("Am Wochenende sagte der Bürgermeister, die Brücke bleibe gesperrt.", "der Bürgermeister"),
    # day words (data/temporal/de.yaml day_words)
    ("Gestern sagte er, die Verhandlungen gingen weiter.", "er"),
    ("Heute erklärte sie, man werde den Antrag prüfen.", "sie"),
    ("Vorgestern hatte er angekündigt, er trete nicht mehr an.", "er"),
    # a time word that is part of the speaker's mention or far from the Vorfeld: unchanged
    ("Der Sprecher sagte Anfang März, die Zahlen seien gestiegen.", "Der Sprecher"),
    ("Die Gewerkschaft erklärte, bis Ende Mai werde gestreikt.", "Die Gewerkschaft"),
]


@pytest.mark.parametrize("text,speaker", GRID)
def test_time_phrase_is_no_speaker(text, speaker):
    stmts = analyze(text, language="de").statements
    assert stmts, f"no statement in {text!r}"
    assert stmts[0].speaker_text == speaker, (text, [s.speaker_text for s in stmts])
