"""Forecast holders where the German parser misreads the clause (issue 11, session 27).

Sentences are our own. Each row names its construction:

- ``dateline-mit``: "Ort – Mit … rechnet X …": the parser makes the dateline the subject
  and hangs the fronted "mit" object on it; the holder is the noun phrase after the verb
  (``statements.extract._fronted_mit_object``).
- ``dateline-subject``: "Ort – Für das Quartal erwartet X weniger Aufträge": the dateline is
  the parse's subject and X an object or a second subject; X holds it
  (``statements.extract._dateline_held``; datelines left out of the second-subject rule).
- ``fronted-mit``: "Mit … rechnet X für dieses Jahr": the fronted "mit" object is hung on a
  number or the subject takes a trailing phrase; the holder is the noun phrase after the
  verb, without the phrase after it.
- ``time-subject``: "Anfang März hatte sie betont: | …": a month, weekday or time noun the
  parser took for the subject of the speech verb before a colon is no holder
  (``forecasts.detect._time_subject``), also when the subject follows the verb ("Im Mai
  sagte er: | …").
- ``misread-object``: "Für den Montag erwartet X erneut an allen Deichen Hochwasser": the
  object after a prepositional phrase is parsed as a second subject, an apposition of the
  phrase or a bare oblique; the expectation is X's
  (``statements.extract._bare_object_after`` and the second-subject rule of ``_expected_np``).
"""
from __future__ import annotations

import pytest

from lagebild.pipeline import analyze

PUB = "2025-04-17"

GRID = [
    # (kind, text, holder text as written)
    ("dateline-mit", "Wien – Mit 400 zusätzlichen Pflegekräften rechnet das Sozialministerium im kommenden Jahr.", "das Sozialministerium"),
    ("dateline-mit", "Graz – Mit einem Rückgang der Übernachtungen rechnet der Tourismusverband für den Sommer.", "der Tourismusverband"),
    ("dateline-mit", "Linz – Mit 250 neuen Lehrlingen rechnet die Landesregierung für dieses Jahr.", "die Landesregierung"),
    ("dateline-mit", "Dresden – Mit 5.000 zusätzlichen Fahrgästen rechnet der Verkehrsverbund für dieses Jahr.", "der Verkehrsverbund"),
    ("dateline-mit", "Innsbruck – Mit einem Anstieg der Unfälle rechnet die Bergrettung für diesen Winter.", "die Bergrettung"),
    ("dateline-mit", "Bremen – Mit 300 neuen Wohnungen rechnet der Senat für das nächste Jahr.", "der Senat"),
    ("dateline-subject", "Köln – Für das kommende Quartal erwartet die Handelskammer weniger Aufträge.", "die Handelskammer"),
    ("dateline-subject", "Kiel – Im Herbst erwartet die Werft neue Aufträge.", "die Werft"),
    ("dateline-subject", "Mainz – Für 2026 erwartet die Landesbank niedrigere Zinsen.", "die Landesbank"),
    ("dateline-subject", "Ulm – Für den Sommer erwartet der Zoo deutlich mehr Besucher.", "der Zoo"),
    ("dateline-subject", "Passau – Am Wochenende erwartet die Polizei lange Staus.", "die Polizei"),
    ("fronted-mit", "Mit 900 zusätzlichen Flügen rechnet der Flughafen für diesen Sommer.", "der Flughafen"),
    ("fronted-mit", "Mit 600 neuen Fällen rechnet das Gesundheitsamt für diese Woche.", "das Gesundheitsamt"),
    ("fronted-mit", "Mit 120 weiteren Anträgen rechnet die Behörde für diesen Monat.", "die Behörde"),
    ("fronted-mit", "Mit 4.000 zusätzlichen Studierenden rechnet die Universität für dieses Semester.", "die Universität"),
    ("fronted-mit", "Mit einem Defizit von 40 Millionen Euro rechnet die Stadt für 2026.", "die Stadt"),
    ("fronted-mit", "Mit 300 zusätzlichen Einsätzen rechnet die Bergwacht für diesen Winter.", "die Bergwacht"),
    ("time-subject", "Die Trainerin sprach über ihre Zukunft. Schon Anfang März hatte sie gegenüber dem Sender betont: "
                     "Auch wenn ich den Pokal nicht hole, wird meine Laufbahn gelungen sein.", "sie"),
    ("time-subject", "Mitte April hatte die Ministerin gesagt: Die Steuern werden im nächsten Jahr steigen.", "die Ministerin"),
    ("time-subject", "Der Kapitän blickte zurück. Bereits Ende Februar hatte er im Interview betont: "
                     "Auch wenn wir absteigen, wird der Verein überleben.", "er"),
    ("time-subject", "Anfang Mai sagte er: Das Projekt wird sich um ein Jahr verzögern.", "er"),
    ("time-subject", "Im Mai sagte er: Das Projekt wird sich um ein Jahr verzögern.", "er"),
    ("misread-object", "Für den Donnerstag erwartet die Feuerwehr erneut an allen drei Deichen Hochwasser.", "die Feuerwehr"),
    ("misread-object", "Für den Freitag erwartet die Wetterwarte erneut in allen fünf Tälern Schneefall.", "die Wetterwarte"),
    ("misread-object", "Für den Dienstag erwartet die Stadt erneut an beiden Ufern Hochwasser.", "die Stadt"),
    ("misread-object", "Für Montag erwartet die Bahn erneut auf allen Linien Verspätungen.", "die Bahn"),
    ("misread-object", "Für den Sonntag erwartet die Wasserwacht erneut an beiden Seen Andrang.", "die Wasserwacht"),
]


@pytest.mark.parametrize("kind,text,holder_text", GRID, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(GRID)])
def test_forecast_holder_despite_the_parse(kind, text, holder_text):
    fcs = analyze(text, language="de", published=PUB).forecasts
    assert len(fcs) == 1, (kind, [(f.holder_text, f.text) for f in fcs])
    assert fcs[0].holder_text == holder_text, (kind, fcs[0].holder, fcs[0].holder_text)
    assert fcs[0].holder != "author", kind


def test_a_fronted_mit_phrase_that_is_not_the_object_names_no_holder():
    # the object is the "mit" phrase after the verb; the fronted one is a manner phrase
    fcs = analyze("Mit Sorge rechnet die Gemeinde im Frühjahr mit neuen Überschwemmungen.", language="de", published=PUB).forecasts
    assert len(fcs) == 1 and "Gemeinde" in (fcs[0].holder_text or ""), [(f.holder_text, f.text) for f in fcs]
