"""Grids of our own sentences for the forecast kinds of session 25 (issue 11), from the unseen-news
audit round ``s25-before`` (an audit round on unlisted news-de articles, withdrawn in session 29). Three false-alarm
kinds — officials' own plans (the largest kind: 9 of 33 false alarms), announced as the future
by someone who speaks for the body or the country that decides them ("Die GPA werde …, sagte
GPA-Chef X", "Sein Land werde …, sagte der Außenminister"); a decided act on a dated day that a
source announces ("X wird das Amt am 1. April übernehmen, wie der Verlag mitteilte"); a person's
arrival on a dated day ("Der Präsident wird am Sonntag in Hanoi erwartet") — and one missed kind,
a change of degree in a future period ("Ab 2030 werde es wieder teurer", "In den kommenden
Jahren wird der Abstand größer"; audit kind "werden-copula-change", once each in s23 and s24,
and two dev-A misses). Two holder kinds: an outcome that befalls the speaker's own state is
the speaker's forecast, not an intention ("Putin sagte, Russland werde die Krise überstehen");
an evidential phrase inside the clause names the holder ("Die Krise droht nach Einschätzung der
Vereinten Nationen zu eskalieren": audit kind "evidential-source", twice in s25). And a plan of
the past under "sollte ursprünglich" (audit kind "past-plan"), a penalty by law ("Straftätern
droht die Abschiebung"), an inferred state of the present ("dürfte ein Manko vorliegen") and
the date of the next forecast's publication ("Für Juni ist die nächste Prognose geplant");
one more missed kind, the passive of a consequence after "sonst"/"andernfalls"; and one more
holder kind, a headline 'Name: „quote“' that held every later sentence as an interview turn.

Each grid runs the real pipeline; a grid passes when every sentence comes out as expected."""
from __future__ import annotations

import pytest

from kinds_checks import failures, last_holder, none, one

OWN_SIDE_PLAN = [
    # the subject is the body the speaker speaks for (the same CAMEO code down to the agent)
    ("Die Gewerkschaft GPA werde auf den Käufer zugehen, sagte GPA-Chef Wolfgang Katzian.", none),
    ("Die Arbeiterkammer werde eine Klage einbringen, sagte AK-Präsident Rudolf Kaske.", none),
    # a possessive that takes up the speaker: the speaker's own country, party or government
    ("Ihr Land werde eine Protestnote an die Regierung in Ankara richten, sagte Außenministerin Jana Horvat.", none),
    ("Seine Partei werde keinen eigenen Kandidaten aufstellen, sagte der Grünen-Chef Werner Kogler.", none),
    ("Ihre Regierung werde das Abkommen nicht unterschreiben, sagte Premierministerin Theresa May.", none),
    ("Unser Land wird die Grenzen nicht schließen, sagte der Kanzler Werner Faymann.", none),
    # an outcome, or another body's act: a prediction of the speaker
    ("Seine Partei werde die Wahl gewinnen, sagte Bundeskanzler Werner Faymann.", one("Bundeskanzler Werner Faymann")),
    ("Die Gewerkschaft werde die Abstimmung verlieren, sagte Wirtschaftsminister Reinhold Mitterlehner.", one()),
    ("Die Opposition werde den Antrag ablehnen, sagte Bundeskanzler Werner Faymann.", one()),
    # a possessive over persons related to the speaker names others, not the speaker's side
    ("Unsere Nachbarn in der Region werden nun besser begreifen, wie eng die Beziehungen "
     "sind, sagte der Sprecher.", one("der Sprecher")),
]

ANNOUNCED_DATED_ACT = [
    # a decided act on a dated day, announced by a source: a schedule
    ("Robert Schneider wird das Amt am 1. April übernehmen, wie der Verlag mitteilte.", none),
    ("Die neue Trainerin wird am Dienstag ihr erstes Training leiten, sagte Clubmanager Alexander Gruber.", none),
    ("Der Verteidiger wird laut Sportdirektor Tobias Lechner schon am Freitag sein erstes Spiel bestreiten.", none),
    # an outcome on the day stays a prediction
    ("Die SPÖ wird am Sonntag die Wahl verlieren, sagte der Politologe Peter Filzmaier.",
     one("der Politologe Peter Filzmaier")),
]

ARRIVAL_ON_A_DAY = [
    # "wird am <Tag> … erwartet" of a person or a body: a visit on the schedule
    ("Die Kanzlerin wird am Mittwoch zu Gesprächen über den Hafen in Lissabon erwartet.", none),
    ("Die Kanzlerin wird am Montag in Wien erwartet.", none),
    ("Der Papst wird morgen in Lissabon erwartet.", none),
    # a counted crowd is an estimate: a prediction
    ("Am Sonntag werden rund 5.000 Besucher in der Halle erwartet.", one()),
]

CHANGE_OF_DEGREE_IN_A_FUTURE_PERIOD = [
    # "werden" + a comparative with a future time: a predicted change
    ("Ab 2030 werde es wieder teurer, warnte der Ökonom Peter Maier.", one("der Ökonom Peter Maier")),
    ("Im nächsten Jahr wird die Lage an den Grenzen noch schwieriger.", one("author")),
    ("In den kommenden Jahren wird der Abstand zwischen den Regionen größer.", one("author")),
    ("Bemerkenswert ist, dass in den nächsten Jahren der Rückgang von Quartal zu Quartal stärker wird.", one("author")),
    ("Morgen wird es deutlich kälter.", one("author")),
    ("Ab 2035 werde es noch einmal deutlich enger, wenn die geburtenstarken Jahrgänge in Rente gehen, warnte der "
     "Ökonom Peter Maier.", one("der Ökonom Peter Maier")),
    # no future time (a present trend), a passive, a positive adjective: no forecast
    ("Die Lage wird immer schwieriger.", none),
    ("Das Leben in der Stadt wird teurer.", none),
    ("Im nächsten Jahr wird das Gesetz beschlossen.", none),
    ("Im nächsten Jahr wird die Lage sicher.", none),
]


OWN_STATE_OUTCOME = [
    # the speaker's own state as subject: its decided act is an intention, an outcome that
    # befalls it is the speaker's forecast (before, both were dropped as intentions)
    ("Putin sagte, Russland werde die Krise überstehen.", one("Putin")),
    ("Russland werde die Sanktionen überleben, sagte Putin.", one("Putin")),
    ("Putin sagte, Russland werde nicht nachgeben.", none),
    ("Russland werde Truppen an die Grenze schicken, sagte Putin.", none),
]

INLINE_EVIDENTIAL_SOURCE = [
    # an evidential phrase inside the clause of "drohen" (which the statement layer reads as a
    # speech verb) names the holder — audit kind "evidential-source"
    ("Der Streit im Tschad droht nach Ansicht der Vereinten Nationen in einen offenen Bürgerkrieg zu "
     "münden.", one("der Vereinten Nationen")),
    ("Die Verhandlungen drohen laut der EU-Kommission zu scheitern.", one("der EU-Kommission")),
    ("Die Lage droht nach Einschätzung der Vereinten Nationen außer Kontrolle zu geraten.",
     one("der Vereinten Nationen")),
    ("Der Streit droht nach Ansicht der Nato weiter zu eskalieren.", one("der Nato")),
    ("Der Konflikt droht der Nato zufolge auf die Nachbarländer überzugreifen.", one("der Nato")),
    # a source that is no actor, or a speaker of its own: unchanged
    ("Die Krise droht nach Einschätzung von Experten zu eskalieren.", one("author")),
    ("Dem Land droht eine Rezession, sagte der Minister.", one("der Minister")),
]


PLAN_OF_THE_PAST = [
    # "sollte ursprünglich", "sollte wie geplant": the plan, not an expectation (audit kind
    # "past-plan", twice in s25)
    ("Der Bericht sollte ursprünglich im Frühjahr vorgelegt werden.", none),
    ("Die Brücke sollte ursprünglich im nächsten Jahr eröffnet werden.", none),
    ("Der Bau sollte im nächsten Jahr wie geplant fertig werden.", none),
    # an expectation with "sollte", or a hedge: a prediction
    ("Die Preise sollten im nächsten Jahr sinken.", one()),
    ("Die Wahl dürfte wie geplant im Mai stattfinden.", one()),
]


PENALTY_BY_LAW = [
    # "drohen" + a legal consequence for a class of persons: the law, not a forecast (audit kinds
    # "generic-rule" s25, "rule-penalty" s21)
    ("Abgelehnten Asylbewerbern droht nach einer Straftat die Abschiebung.", none),
    ("Straftätern droht die Ausweisung.", none),
    # one person's risk stays a forecast
    ("Dem Asylwerber droht nach dem Urteil die Abschiebung.", one()),
]

STATE_OF_THE_PRESENT = [
    # an epistemic "dürfte" over a verb of a present state, knowledge or possession, with no
    # future time: an inference about the present (audit kind "present-inference")
    ("Bei der Bewerberin dürfte eine Schwäche in der Bekanntheit vorliegen, vermutet der Politologe Jakob Renner.",
     none),
    ("Viele Kunden dürften ein solches Gerät besitzen.", none),
    # with a future time, the state is predicted
    ("Eine Entscheidung dürfte im März vorliegen.", one()),
    ("Der Bericht dürfte bald vorliegen.", one()),
]


PASSIVE_AFTER_SONST = [
    # "sonst/andernfalls/ansonsten" + "werden" + participle: the future passive of a consequence
    # (audit kind "conditional-sonst", s24 and s25)
    ("Andernfalls werde die Justiz in den Machtkampf der Parteien hineingezogen, warnte der Minister.", one("der Minister")),
    ("Die Bürger werden sonst noch stärker belastet, warnte der Ökonom Peter Maier.", one("der Ökonom Peter Maier")),
    ("Ansonsten werden die Preise deutlich erhöht.", one()),
    # no such adverb, or "wie sonst" (as usual): a present passive
    ("Die Firma wird verkauft.", none),
    ("Wie sonst auch wird das Fest im Park gefeiert.", none),
]


NEXT_FORECAST_PUBLICATION = [
    # "die nächste Prognose des X" is published later: its date is a schedule, no forecast of X
    ("Für 14. Oktober ist der nächste halbjährliche Bericht der Nationalbank und des Statistikamts "
     "geplant.", none),
    ("Die nächste Prognose des Wifo erscheint am 23. Juni.", none),
    # a published forecast's figure stays X's forecast
    ("Das Wifo hat seine Prognose für 2027 auf 1,5 Prozent gesenkt.", one()),
    ("Die Prognose des Wifo sieht für 2027 ein Wachstum von 1,5 Prozent.", one()),
]


HEADLINE_ATTRIBUTION = [
    # 'Name: „quote“ – …' as the headline is no interview turn: it holds no later sentence
    # (audit kind "headline-speaker", s25)
    ('Obama: "Sieg für die Sicherheit" – Republikaner kündigen Widerstand an. Washington – Die Demokraten haben '
     'eine Blockade des Abkommens verhindert. Doch nach der Abstimmung scheint nun ausgeschlossen, dass ein '
     'weiterer Anlauf noch Erfolg haben könnte.', last_holder("author")),
    ('Merkel: "Wir schaffen das" – Kritik aus Bayern. Berlin – Die Zahl der Flüchtlinge steigt weiter. Im '
     'nächsten Jahr dürften noch mehr Menschen kommen.', last_holder("author")),
    # the headline's own quote keeps its speaker
    ('Obama: "Der Deal wird halten". Washington – Der Präsident verteidigte das Abkommen.', one("Obama")),
]


@pytest.mark.parametrize(
    "name,cases",
    [
        ("own-side-plan", OWN_SIDE_PLAN),
        ("announced-dated-act", ANNOUNCED_DATED_ACT),
        ("arrival-on-a-day", ARRIVAL_ON_A_DAY),
        ("change-of-degree-in-a-future-period", CHANGE_OF_DEGREE_IN_A_FUTURE_PERIOD),
        ("own-state-outcome", OWN_STATE_OUTCOME),
        ("inline-evidential-source", INLINE_EVIDENTIAL_SOURCE),
        ("plan-of-the-past", PLAN_OF_THE_PAST),
        ("penalty-by-law", PENALTY_BY_LAW),
        ("state-of-the-present", STATE_OF_THE_PRESENT),
        ("passive-after-sonst", PASSIVE_AFTER_SONST),
        ("next-forecast-publication", NEXT_FORECAST_PUBLICATION),
        ("headline-attribution", HEADLINE_ATTRIBUTION),
    ],
)
def test_grid_kind_s25(name, cases):
    failed = failures(cases)
    assert not failed, f"{name}: {failed}"
