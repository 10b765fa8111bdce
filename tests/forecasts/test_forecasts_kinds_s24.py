"""Grids of our own sentences for the forecast kinds of session 24 (issue 11), from the fresh
unseen-news audit round ``s24-before`` (an audit round on unlisted news-de articles, withdrawn in session 29): three
holder kinds — the "ich" of a quote whose speaker the statement layer gives as a pronoun it has
linked ("Ich rechne mit …, sagte er"), a fronted prepositional phrase or time adverb the
statement layer took for the speaker ("Angesichts der Vorhersagen erwartete die Zentrale, dass
…", "Heuer rechnet das Wifo mit …"), an unmarked quote
that goes on in the first person in the next sentence ("…, sagte Mitterlehner. Viele Chancen
werden wir nicht erhalten.") — and three false-alarm kinds, a future under "wie geplant" (a
schedule kept, no forecast) and an epistemic modal over a verb of cause, dependence or property
with no future time ("Das dürfte an den Gehältern liegen": an inference about the present),
and a question that the sentence goes on after ("…werden?, wird er gefragt").

Each grid runs the real pipeline; a grid passes when every sentence comes out as expected."""
from __future__ import annotations

import pytest

from kinds_checks import failures, holder_not, none, one


def linked(fcs: list) -> bool:
    """One forecast, whose holder is an actor (an id: not the author, not unknown)."""
    return len(fcs) == 1 and fcs[0].holder not in ("author", "unknown", "")


QUOTE_FIRST_PERSON_PRONOUN_SPEAKER = [
    # the "ich"/"wir" of a quote is its speaker, also when the speaker is a pronoun that the
    # statement layer linked to the person named before ("…, sagte er")
    ("Der Wirt Josef Huber will das Fest retten. Ich rechne mit 3.000 Euro Kosten, sagte er der Zeitung.", linked),
    ("Die Ministerin Anna Berger besuchte das Werk. Wir erwarten im Herbst eine Einigung, sagte sie.", linked),
    ("Der Trainer Peter Moser sprach nach dem Spiel. Ich rechne mit einem harten Kampf um den Titel, sagte er.", linked),
    ("Die Ministerin Anna Berger besuchte das Werk. Ich glaube, dass die Preise steigen werden, sagte sie.", linked),
    # the quote's speaker named in the sentence itself: as before
    ("Ich rechne mit einem Anstieg der Preise, sagte der Ökonom Franz Maier.", holder_not("author")),
    # no quote: the author's own "ich" stays the author's
    ("Ich rechne mit einem Anstieg der Preise im Herbst.", one("Ich")),
]


MISREAD_SPEAKER = [
    # a fronted adverbial (a prepositional phrase, a time adverb such as Austrian "heuer") is
    # no speaker: the subject of the expectation verb holds it
    ("Mit Blick auf die Niederschläge erwartete die Hochwasserzentrale, dass die Flüsse weiter anschwellen.",
     one("die Hochwasserzentrale")),
    ("Angesichts der Umfragen erwartet die Parteiführung, dass die Partei Stimmen verlieren wird.",
     one("die Parteiführung")),
    ("Wegen der Dürre befürchtet der Bauernverband, dass die Ernte schlecht ausfallen wird.",
     one("der Bauernverband")),
    ("Angesichts der hohen Preise befürchtet der Handel, dass der Umsatz sinken wird.", one("der Handel")),
    ("Angesichts der Umfragen rechnet die Parteiführung damit, dass die Partei Stimmen verlieren wird.",
     one("die Parteiführung")),
    # the subject first: unchanged
    ("Die Hochwasserzentrale erwartete angesichts der Vorhersagen, dass die Pegel weiter steigen.",
     one("Die Hochwasserzentrale")),
    ("Der Bauernverband befürchtet wegen der Dürre, dass die Ernte schlecht ausfallen wird.",
     one("Der Bauernverband")),
    # after another sentence the statement layer gives no speaker at all: the same subject
    ("Der Regen hielt an. Mit Blick auf die Niederschläge erwartete die Hochwasserzentrale, dass die "
     "Wasserstände weiter zunehmen.", one("die Hochwasserzentrale")),
    ("Die Donau trat über die Ufer. Angesichts der Vorhersagen erwartete die Hochwasserzentrale, dass die Pegel "
     "weiter steigen.", one("die Hochwasserzentrale")),
    ("Heuer erwartet die Nationalbank ein Wachstum von zwei Prozent.", one("die Nationalbank")),
    ("Heute rechnet der Verband mit einem Streik.", one("der Verband")),
    ("Heuer befürchtet die Gewerkschaft einen Abbau von Stellen.", holder_not("Heuer")),
    ("Heuer dürfte die Wirtschaft um zwei Prozent wachsen, sagte Finanzminister Hans Jörg Schelling.",
     one("Finanzminister Hans Jörg Schelling")),
]


QUOTE_GOES_ON_IN_THE_FIRST_PERSON = [
    # 10kGNAD drops quotation marks: after "…, sagte X: …" a sentence in the first person with
    # no speech verb of its own goes on with X's quote
    ("Der Streit muss aufhören, sagte Bürgermeisterin Kurz: Eine neue Runde und klare Absprachen müssen "
     "her. Denn viele weitere Gelegenheiten werden wir nicht bekommen.", linked),
    ("Die Saison war hart, sagte Trainer Franz Huber: Die Spieler haben alles gegeben. Im Finale wird unsere "
     "Mannschaft es aber schwer haben.", linked),
    ("Die Lage ist ernst, sagte Gewerkschaftschef Karl Maier: Die Firma hat uns getäuscht. Unsere Mitglieder "
     "werden die Kürzungen nicht hinnehmen können.", linked),
    # no first person: the author's (a carry-over without it is a coin flip on dev-A gold)
    ("Die Saison war hart, sagte Trainer Franz Huber: Die Spieler haben alles gegeben. Im Finale wird die "
     "Mannschaft es aber schwer haben.", one("author")),
    # no statement before: the author's own "ich"
    ("Der Winter war mild. Ich rechne im Sommer mit großer Hitze.", one("Ich")),
]


PLAN_MARKER = [
    # "wie geplant", "planmäßig": a schedule kept — no forecast
    ("Ein Sprecher der Stadt sagte, das Festival werde trotz des Sturms wie geplant stattfinden.", none),
    ("Die Konferenz wird wie geplant im Mai in Wien stattfinden.", none),
    ("Der Zug wird planmäßig um acht Uhr abfahren, teilte die Bahn mit.", none),
    ("Die Arbeiten würden wie vorgesehen bis Ende Juni abgeschlossen, sagte der Sprecher.", none),
    ("Der Ausschuss wird wie angekündigt am Dienstag einen Bericht vorlegen.", none),
    # a deviation from the plan, or a hedge: a prediction
    ("Die Strecke wird die Bahn bis zur WM nicht wie geplant zu 95 Prozent, sondern nur zu 60 Prozent "
     "elektrifizieren können.", one()),
    ("Die Konferenz wird wohl nicht wie geplant im Mai stattfinden können.", one()),
    ("Die Wahl dürfte wie geplant im Mai stattfinden.", one()),
]


INFERENCE_ABOUT_THE_PRESENT = [
    # "dürfte/könnte" over a verb of cause, dependence or property, with no future time: an
    # inference about the present (audit kind "present-inference", ten times in s22-s24)
    ("Das dürfte auch an den höheren Gehältern liegen.", none),
    ("Der Rückgang dürfte am schlechten Wetter liegen.", none),
    ("Bei ihrer Verletzung dürfte es sich um einen Bänderriss handeln.", none),
    ("Es könnte um weit mehr als 300.000 Franken gehen.", none),
    ("Einige Allergien könnten auf diese Zusatzstoffe zurückgehen.", none),
    ("Der Erfolg dürfte vom sozialen Zusammenhalt abhängen.", none),
    ("Hinter dem Angriff dürfte eine kriminelle Gruppe stecken.", none),
    ("Action-Spiele dürften sich am besten für das Gedächtnistraining eignen.", none),
    # a future time, or another verb: a prediction
    ("Die Entscheidung dürfte von der Wahl im Herbst abhängen.", one()),
    ("Der Regierung könnte es bald um ihr Überleben gehen.", one()),
    ("Die Inflation dürfte im nächsten Jahr bei zwei Prozent liegen.", one()),
    ("Die Preise dürften stark steigen.", one()),
    ("Die Partei könnte bei der Wahl viele Stimmen verlieren.", one()),
]


QUESTION_THE_SENTENCE_GOES_ON_AFTER = [
    # a direct question followed by its attribution ("…?, wird er gefragt"): the sentence does
    # not end with "?", the cue stands before it
    ("Was gibt Ihnen die Gewissheit, dass Sie gewinnen werden?, wird sie gefragt.", none),
    ("Wird die Regierung die Wahl verlieren?, fragte die Zeitung.", none),
    ("Könnte die Inflation im nächsten Jahr steigen?, wollte der Abgeordnete wissen.", none),
    ("Wann wird die Brücke fertig sein?, fragen sich die Anrainer.", none),
    # the cue after the question, or no question: a prediction
    ("Wer soll das bezahlen?, fragte der Minister und fügte hinzu, die Preise würden im nächsten Jahr steigen.",
     one("der Minister")),
    ("Die Regierung wird die Wahl verlieren, sagte er.", one()),
]


@pytest.mark.parametrize(
    "name,cases",
    [
        ("quote-first-person-pronoun-speaker", QUOTE_FIRST_PERSON_PRONOUN_SPEAKER),
        ("misread-speaker", MISREAD_SPEAKER),
        ("quote-goes-on-in-the-first-person", QUOTE_GOES_ON_IN_THE_FIRST_PERSON),
        ("plan-marker", PLAN_MARKER),
        ("inference-about-the-present", INFERENCE_ABOUT_THE_PRESENT),
        ("question-the-sentence-goes-on-after", QUESTION_THE_SENTENCE_GOES_ON_AFTER),
    ],
)
def test_grid_kind_s24(name, cases):
    failed = failures(cases)
    assert not failed, f"{name}: {failed}"
