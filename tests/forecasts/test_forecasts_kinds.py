"""Grids of our own sentences for the forecast kinds fixed on the real-news dev half (issue 11):
risks, reported plans, actors' options, epistemic "dürfte", wishes, expectations whose object
or holder the parser hides, and elided first-person futures in quoted headlines.

Each grid runs the real pipeline; a grid passes when at least 95 % of its sentences come out
as expected (the statistical tagger and parser may slip on one sentence of twenty)."""
from __future__ import annotations

from typing import Callable, List, Optional, Sequence, Tuple

import pytest

from lagebild.pipeline import analyze

PUB = "2016-03-01"


def _forecasts(text: str):
    return analyze(text, language="de", published=PUB).forecasts


def _grid(cases: Sequence[Tuple[str, Callable[[list], bool]]]) -> List[str]:
    return [text for text, ok in cases if not ok(_forecasts(text))]


def _share_ok(cases, failed) -> float:
    return 1 - len(failed) / len(cases)


def one(holder: Optional[str] = None, cond: Optional[bool] = None) -> Callable[[list], bool]:
    def ok(fcs: list) -> bool:
        if len(fcs) != 1:
            return False
        f = fcs[0]
        if holder is not None and (f.holder_text or "author") != holder and f.holder != holder:
            return False
        return cond is None or bool(f.condition) == cond
    return ok


def none(fcs: list) -> bool:
    return fcs == []


RISK = [
    ("Im Falle einer Verurteilung drohen dem Angeklagten bis zu fünf Jahre Haft.", one("author")),
    ("Sollte es zu einem Prozess kommen, drohen dem Politiker bis zu zehn Jahre Haft.", one("author", True)),
    ("Der Regierung droht eine schwere Niederlage bei der Wahl.", one("author")),
    ("Doch dabei droht die Partei in der Versenkung zu verschwinden.", one("author")),
    ("Die Landesregierung riskiert, dass in den Städten Slums entstehen.", one("author")),
    ("Die Koalition riskiert einen offenen Bruch.", one("author")),
    ("Die Gefahr, dass der Konflikt auf die Nachbarländer übergreift, wächst.", one("author")),
    ("Die Gefahr nehme zu, dass ähnliche Anschläge verübt würden, sagte der Minister.", one("der Minister")),
    ("Es besteht das Risiko, dass die Verhandlungen scheitern.", one("author")),
    ("Den Bauern drohen Ernteausfälle in Millionenhöhe.", one("author")),
    # a threat, a state, past narration: no risk
    ("Russland droht der Ukraine mit neuen Angriffen.", none),
    ("Die Gewerkschaft drohte mit einem Streik.", none),
    ("Der Präsident droht den Rebellen.", none),
    ("Das Kind war in Gefahr.", none),
    ("Eine Eskalation drohte im vergangenen Jahr.", none),
    ("Die Gefahr ist gebannt.", none),
]


PLANS = [
    # a person's unhedged act reported as fact: a plan or schedule
    ("Der Erzbischof wird der Eucharistiefeier vorstehen.", none),
    ("Drei der sechs Gemeinderäte werden 2018 nicht mehr kandidieren.", none),
    ("Die Bürgermeisterin wird am Montag ihren Rücktritt erklären.", none),
    ("Der Minister wird im Mai nach Warschau reisen.", none),
    ("Der Kanzler wird die Delegation persönlich anführen.", none),
    ("Die Sängerin wird im Sommer drei Konzerte geben.", none),
    ("Der Jungstar soll das Mandat von Nicole Solarz übernehmen, die in Karenz gehen wird.", none),
    # outcomes, states, hedges, vague futures, pronouns, institutions: forecasts
    ("Der Minister wird die Wahl verlieren.", one("author")),
    ("Der Kanzler wird wohl im Amt bleiben.", one("author")),
    ("Die Bürgermeisterin wird bald zurücktreten.", one("author")),
    ("Sie wird einen neuen Anlauf unternehmen, eine Einigung im Zollstreit zu erzielen.", one("author")),
    ("Die Zentralbank wird die Zinsen im Juni senken.", one("author")),
    ("Die Inflation wird höher als erwartet ausfallen.", one("author")),
    ("Der Minister wird an dieser Reform scheitern.", one("author")),
]


OPTIONS = [
    # an actor's option or present conduct, no time anchor: no forecast
    ("Die Regierung könnte bedeutend mehr tun.", none),
    ("Großbritannien könnte EU-Gesetze abschaffen.", none),
    ("Die Partei könnte mit einem eigenen Kandidaten in die Wahl starten.", none),
    ("Andererseits dürfte auch die Opposition hoch pokern.", none),
    ("Die Regierung könnte als Vermittler auftreten.", none),
    # outcomes, things, anchors: forecasts
    ("Die Partei könnte den Bürgermeisterposten verlieren.", one("author")),
    ("Die Affäre könnte die Kandidatin im Wahlkampf belasten.", one("author")),
    ("Die Wahl könnte große Umwälzungen bringen.", one("author")),
    ("Die Regierung könnte im Herbst stürzen.", one("author")),
    ("Eine Entscheidung über die Nachfolge dürfte schon im März fallen.", one("author")),
    ("Eine Einigung dürfte bald gelingen.", one("author")),
]


WISHES = [
    ("Sie betonte, dass sie es gern erleben würde, wenn die Landesrätin auch Listenerste sei.", none),
    ("Sie würde gerne mehr Zeit mit ihrer Familie verbringen.", none),
    ("Der Minister würde gern eine Einigung erzielen.", none),
    ("Ohne Hilfe würde das Land zusammenbrechen, wenn der Winter kommt.", one("author", True)),
]


EXPECTATIONS = [
    ("Für den Dienstag erwartet die Bahn wieder auf beiden Strecken Verspätungen.", one("die Bahn")),
    ("Für das kommende Jahr erwartet die Regierung ein Defizit von drei Prozent.", one("die Regierung")),
    ("Bis zum späten Nachmittag wurden 2.400 Besucher erwartet, teilte die Polizei mit.", one("die Polizei")),
    ("Am Wochenende werden 5.000 Besucher erwartet, sagte der Veranstalter.", one("der Veranstalter")),
    ("Beobachter rechnen mit einem Rücktritt noch vor dem Sommer.", one("Beobachter")),
]


HEADLINE_INTENTIONS = [
    ('Bürgermeister will nicht zurücktreten – "Werde bis 2023 im Amt bleiben".', none),
    ('Präsidentin bleibt hart: "Werde keinen Millimeter weichen".', none),
    ("Bürgermeister will nicht zurücktreten – „Werde bis 2023 im Amt bleiben“.", none),
]


@pytest.mark.parametrize(
    "name,cases",
    [("risk", RISK), ("plans", PLANS), ("options", OPTIONS), ("wishes", WISHES),
     ("expectations", EXPECTATIONS), ("headline intentions", HEADLINE_INTENTIONS)],
)
def test_grid_kind(name, cases):
    failed = _grid(cases)
    assert _share_ok(cases, failed) >= 0.95 or len(failed) == 0, f"{name}: {failed}"


def _owned(text: str):
    return [(f.holder_text, f.kind) for f in _forecasts(text)]


PUBLISHED_FORECASTS = [
    ("Der Internationale Währungsfonds (IWF) hat seine Exportprognose von drei auf 2,2 Prozent gesenkt. "
     "Die Teuerung wird mit knapp 9 Prozent stärker als befürchtet ausfallen.", ["IWF", "IWF"]),
    ("Der IWF hat auf die Krise reagiert und seine Wachstumsprognose auf 1,2 Prozent gesenkt.", ["IWF"]),
    ("Der IWF senkte seine Prognose für das Wachstum auf 0,8 Prozent.", ["IWF"]),
    # no owner, no figure, negated: none
    ("Für den Ausgang des Referendums gibt es weiter keine klare Prognose.", []),
    ("Die Prognose ist schwierig.", []),
]


def test_grid_published_forecast_and_its_continuation():
    failed = [t for t, who in PUBLISHED_FORECASTS if [h for h, _ in _owned(t)] != who]
    assert not failed, failed


def test_grid_undated_documents_read_unmarked_times_as_future():
    """A corpus without publication dates: "am Freitag", "im März", "heuer" in a predictive
    sentence anchor it; a past marker does not."""
    def run(text):
        return analyze(text, language="de").forecasts
    cases = [
        ("Zu einer Einigung sollte es beim Gipfel am Dienstag allerdings nicht kommen.", 1),
        ("Eine Entscheidung dürfte schon im März fallen.", 1),
        ("Heuer dürften es 2,7 Prozent werden.", 1),
        ("Im vergangenen März dürfte es 0,4 Prozent gewesen sein.", 0),
    ]
    failed = [t for t, n in cases if len(run(t)) != n]
    assert not failed, failed


def test_grid_interviewer_prompts_are_no_forecasts():
    text = ("Frage: Die Reform wird scheitern.\n\nAntwort: Die Reform wird gelingen.\n\n"
            "Frage: Die Preise werden aber steigen.\n\nAntwort: Die Preise werden sinken.")
    fcs = _forecasts(text)
    assert [f.text for f in fcs] == ["Die Reform wird gelingen.", "Die Preise werden sinken."] or \
        [f.text.rstrip(".") for f in fcs] == ["Die Reform wird gelingen", "Die Preise werden sinken"]


def test_grid_penalties_of_the_law_are_no_forecasts():
    cases = [
        ("Dann drohen Bußgelder zwischen 80 und 900 Euro.", 0),
        ("Ihnen drohen von nun an Geldbußen zwischen 2.000 und 7.500 Euro.", 0),
        ("Bei Verstößen drohen Bußgelder bis zu 500 Euro.", 0),
        ("Im Falle einer Verurteilung drohen dem Angeklagten bis zu fünf Jahre Haft.", 1),
        ("Sollte es zu einer Anklage kommen, drohen dem Bürgermeister bis zu zwölf Jahre Haft.", 1),
    ]
    failed = [t for t, n in cases if len(_forecasts(t)) != n]
    assert not failed, failed


def test_grid_hypothetical_event_subject_under_wuerde():
    cases = [
        ("Ein Ausstieg würde das Wachstum des Landes beeinträchtigen.", 1),
        ("Eine Begrenzung der Leistung würde größere Familien mit Armut bedrohen.", 1),
        ("Ein Verbot würde den Handel schwer treffen.", 1),
        ("Ein kleines Land würde so etwas nie tun.", 0),
    ]
    failed = [t for t, n in cases if len(_forecasts(t)) != n]
    assert not failed, failed


# ---- issue 11, second round: kinds found on 16 fresh dev articles (annotated blind first)


def who(holder_text: Optional[str], prob: Optional[Tuple[float, float]] = None) -> Callable[[list], bool]:
    """Exactly one forecast, held by ``holder_text`` (as written; None: the author), with a
    probability in ``prob`` when given."""
    def ok(fcs: list) -> bool:
        if len(fcs) != 1:
            return False
        f = fcs[0]
        if holder_text is None:
            if f.holder != "author":
                return False
        elif (f.holder_text or "") != holder_text:
            return False
        return prob is None or (f.probability is not None and prob[0] <= f.probability <= prob[1])
    return ok


ESTIMATIVE_FRAMES = [
    # the judge named as subject holds it
    ("Der Finanzminister schließt einen Austritt Griechenlands aus der Eurozone nicht aus.", who("Der Finanzminister", (0.3, 0.6))),
    ("Die Ministerin schloss eine Verschiebung der Wahl am Montag nicht aus.", none),  # past: reported, not held now
    ("Der Minister zeigte sich zuversichtlich, dass es zu einer Einigung kommen könne.", who("Der Minister", (0.6, 0.9))),
    ("Die Gewerkschaft ist skeptisch, dass die Reform gelingt.", who("Die Gewerkschaft", (0.1, 0.4))),
    ("Der Experte hält einen Rücktritt des Kanzlers für wahrscheinlich.", who("Der Experte", (0.6, 0.9))),
    ("Die Analystin hält eine Zinserhöhung im Juni für unwahrscheinlich.", who("Die Analystin", (0.05, 0.35))),
    # impersonal: the author (or the speaker of the statement that holds it)
    ("Es ist völlig unrealistisch, dass die Reform noch heuer beschlossen wird.", who(None, (0.0, 0.2))),
    ("Es ist durchaus denkbar, dass die Koalition vor dem Sommer zerbricht.", who(None, (0.3, 0.5))),
    ("Die Nominierung der Kandidatin gilt als sicher.", who(None, (0.8, 1.0))),
    ("Ein Sieg der Opposition gilt als unwahrscheinlich.", who(None, (0.05, 0.35))),
    ("Ein Rücktritt des Ministers ist nicht auszuschließen.", who(None, (0.3, 0.6))),
    ("Bei der Wahl zeichnet sich ein knappes Ergebnis ab.", who(None, (0.6, 0.8))),
    ("Eine Einigung der Parteien ist unwahrscheinlich.", who(None, (0.05, 0.35))),
    ("Die Ansteckungsgefahr durch einen Bankenkollaps sei gering, sagte der Minister.", who("der Minister", (0.1, 0.3))),
    ("Die Chancen auf einen Kompromiss stehen gut.", who(None, (0.6, 0.8))),
    ("Das Risiko eines Zahlungsausfalls ist hoch.", who(None, (0.6, 0.8))),
    # no frame: states, the past, other readings
    ("Die Bankguthaben seien sicher, betonte die Regierung.", none),
    ("Die Kosten sind hoch.", none),
    ("Die Gefahr war groß.", none),
    ("Es war unwahrscheinlich, dass er kam.", none),
    ("Es ist durchaus denkbar, dass er die Akten gestern gelesen hat.", none),
    ("Ob ein Rücktritt wahrscheinlich ist, bleibt offen.", none),
    ("Er hält die Tür für offen.", none),
]


KONJUNKTIV_CONTINUATIONS = [
    # a bare Konjunktiv II right after a conditional forecast continues it, with its holder
    ("Sollten die Briten für den Austritt stimmen, werde die Wirtschaft einbrechen, sagte der Minister. "
     "Das Wachstum würde um drei Prozent sinken.", ["der Minister", "der Minister"]),
    ("Wenn die Regierung nicht handelt, wird die Arbeitslosigkeit steigen, warnte die Ökonomin. "
     "Dies hätte auch Folgen für die Pensionen.", ["die Ökonomin", "die Ökonomin"]),
    ("Wenn man jetzt nicht umsteuert, riskiert man alles, sagte die Rektorin. "
     "Wir könnten unsere besten Köpfe verlieren.", ["die Rektorin", "die Rektorin"]),
    # a nominal condition ("im Falle eines …") and further consequences in Konjunktiv II
    ("Die WTO sagt Norwegen hohe Handelskosten im Falle eines Abkommensbruchs voraus. "
     "Hinzu kämen Einfuhrabgaben von drei Milliarden Kronen.", ["Die WTO", "Die WTO"]),
    ("Sollten die Briten für den Austritt stimmen, werde die Wirtschaft einbrechen, sagte der Minister. "
     "Die Handelsbeziehungen müssten neu aufgestellt werden.", ["der Minister", "der Minister"]),
    # a speaker named in the continuing sentence holds it
    ("Der Fonds sagt im Falle eines Austritts hohe Kosten voraus. "
     "Die Zölle beliefen sich auf neun Milliarden Pfund, sagte die Ökonomin Maria Berger.", ["Der Fonds", "die Ökonomin Maria Berger"]),
    # without a conditional forecast before it, a bare "würde"/"hätte" predicts nothing
    ("Die Regierung tagte am Montag. Das hätte Folgen.", []),
    ("Der Minister sprach in Wien. Er würde gerne länger bleiben.", []),
    ("Der Minister sprach in Wien. Hinzu kämen weitere Termine.", []),
]


RISK_GENITIVES = [
    # a risk noun with an indefinite genitive names the outcome; who names it holds it
    ("Der Premierminister beschwor die Gefahr höherer Reisekosten herauf.", who("Der Premierminister")),
    ("Der Minister sieht die Gefahr einer Rezession.", who("Der Minister")),
    ("Das Risiko eines Krieges wächst.", who(None)),
    # a definite/actor genitive, a past state, a state: no forecast
    ("Die Regierung warnte vor der Gefahr des Islamismus.", none),
    ("Die Gefahr eines Krieges bestand schon damals.", none),
    ("Die Richter erklärten, dass das Mittel kein substanzielles Risiko schwerer Schmerzen darstelle.", none),
    ("Das Kind war in Gefahr.", none),
]


SCHEDULES = [
    # "wird … stattfinden/zusammentreten" without a hedge: a schedule or a procedure
    ("Die eigentliche Feier wird erst stattfinden, wenn die Ministerin landet.", none),
    ("Im Fall seines Todes würde der Familienrat zusammentreten.", none),
    ("Der Ausschuss wird am Montag tagen.", none),
    # hedged or vague: predicted
    ("Die Konferenz wird wohl im Mai stattfinden.", one("author")),
    ("Die Wahl wird bald stattfinden.", one("author")),
    ("Der Krieg wird bald beginnen.", one("author")),
]


BELIEFS_WITH_A_FUTURE = [
    # "glauben/meinen, dass …" predicts when the content points to the future
    ("Er glaube nicht, dass man bis zum Herbst ein neues Programm vorlegen könne, meinte der Parteichef.", one()),
    ("Die Ministerin glaubt, dass die Reform im nächsten Jahr kommt.", one("Die Ministerin")),
    ("Die Ministerin glaubt, dass die Reform gut ist.", none),
]


REPORTED_HOLDERS = [
    # the cue after "sagt X:" belongs to X; a Konjunktiv-I sentence continues the last speaker
    ("Das sei nötig, sagt die Rektorin: Wenn man so weitermacht, riskiert man alles.", ["die Rektorin"]),
    ("Der Gewerkschaftschef sagte, die Freizügigkeit sei Teil des EU-Rechts. "
     "Eine Änderung sei völlig unrealistisch.", ["Der Gewerkschaftschef"]),
    # the author's own sentence after a quote stays the author's
    ("Der Minister sagte, die Reform sei gut. Die Wahl wird die Koalition wohl verlieren.", ["author"]),
]


FUTURE_COPULA = [
    # "wird … sein" predicts with an adjective predicate
    ("Die Verhandlungen werden schwierig sein.", one("author")),
    ("Der Winter wird hart sein.", one("author")),
    ("Die Region wird weiter auf billiges Gas angewiesen sein.", one("author")),
    # normative predicates, descriptions and schedules: no forecast
    ("Es wird eine Kürzung bei den Förderungen nötig sein.", none),
    ("Es wird auch ganz entscheidend sein, unsere Angebote bekannter zu machen.", none),
    ("Die Vollversammlung wird auch für die Bischöfe eine Premiere sein.", none),
    ("Das werden vorwiegend Versorgungsdienste sein.", none),
    ("Am Montag werden 30 Soldaten im Einsatz sein.", none),
]


FIRST_PERSON_OUTCOMES = [
    # an outcome that befalls "wir" is predicted; an act "wir" decide is an intention
    ("Wir könnten unseren Wohlstand verlieren.", one()),
    ("Wir werden bei dieser Wahl Stimmen verlieren.", one()),
    ("Wir werden die Reform umsetzen.", none),
    ("Wir könnten im Herbst einen Antrag stellen.", none),
]


ATTITUDES_IN_QUESTIONS = [
    ("Wie sehr sie fürchtete, den Posten ihrer Vorgängerin zu verlieren, lässt sich nur ahnen.", none),
    ("Ob die Experten erwarten, dass die Zinsen steigen, ist unklar.", none),
    ("Die Experten erwarten, dass die Zinsen steigen.", one("Die Experten")),
]


@pytest.mark.parametrize(
    "name,cases",
    [("estimative frames", ESTIMATIVE_FRAMES), ("future copula", FUTURE_COPULA),
     ("first-person outcomes", FIRST_PERSON_OUTCOMES), ("attitudes in questions", ATTITUDES_IN_QUESTIONS),
     ("beliefs with a future", BELIEFS_WITH_A_FUTURE), ("risk genitives", RISK_GENITIVES),
     ("schedules", SCHEDULES)],
)
def test_grid_kind_fresh_dev(name, cases):
    failed = _grid(cases)
    assert _share_ok(cases, failed) >= 0.95 or len(failed) == 0, f"{name}: {failed}"


def _holders(text: str) -> List[str]:
    return [(f.holder_text or f.holder) if f.holder != "author" else "author" for f in _forecasts(text)]


@pytest.mark.parametrize("text,expected", KONJUNKTIV_CONTINUATIONS + REPORTED_HOLDERS)
def test_grid_holders_across_sentences(text, expected):
    assert _holders(text) == expected


# ---- issue 11, third round: kinds found on 14 fresh dev articles (879 … 1016, annotated blind first)

WARNINGS_OF_HARM = [
    ("Die Hilfsorganisation warnte am Montag vor einer Hungersnot in der Region.", who("Die Hilfsorganisation")),
    ("Der Verband warnt vor massiven Versorgungsengpässen im Winter.", who("Der Verband")),
    ("Die Ministerin warnte vor einer weiteren Eskalation der Gewalt.", who("Die Ministerin")),
    ("Ökonomen warnen vor einer Rezession.", who("Ökonomen")),
    ("Die Opposition warnte vor der Gefahr eines Bürgerkriegs.", who("Die Opposition")),
    # advice against an act, a noun that is no harm, a question, a bare warning: no forecast
    ("Der Abgeordnete warnte davor, dass die Länder das Gesetz allein umsetzen.", none),
    ("Das Außenministerium warnt vor Reisen in den Norden des Landes.", none),
    ("Die Polizei warnte vor Betrügern am Telefon.", none),
    ("Warnt die Regierung vor einer Krise?", none),
    ("Der Bürgermeister warnte die Bewohner.", none),
]

FRONTED_TIME_OWN_PLANS = [
    ("Anfang Juli werden wir einen Parteitag abhalten.", none),
    ("Ende der Woche werden wir die Ergebnisse vorlegen.", none),
    ("Mitte März werden wir das Programm präsentieren, sagte der Sprecher.", none),
    ("Anfang Juli werden die Preise steigen.", one()),
]

HEDGED_NOUN_PREDICATES = [
    ("Die Abstimmung wird wohl keine bloße Formalität sein.", one("author")),
    ("Das Treffen wird vermutlich ein Fehlschlag sein.", one("author")),
    ("Der Gipfel wird wahrscheinlich eine Enttäuschung sein.", one("author")),
    # an unhedged description or schedule stays no forecast
    ("Das Konzert wird eine Premiere sein.", none),
    ("Die Beamten werden im Einsatz sein.", none),
]

HEARSAY_AMOUNTS = [
    ("Heuer sollen es rund drei Millionen Euro sein.", one("author")),
    ("Im kommenden Jahr soll das Defizit rund drei Milliarden Euro betragen.", one("author")),
    ("Im Jahr 2017 sollen es bereits 40.000 Anträge sein.", one("author")),
    # goals, plans, schedules, caps: no forecast
    ("Die Wartezeiten sollen in dieser Legislaturperiode sinken.", none),
    ("Die Entscheidung soll im kommenden Jahr fallen.", none),
    ("Künftig soll die Messe einmal im Jahr stattfinden.", none),
    ("Heuer sollen es höchstens 20.000 Anträge sein.", none),
    ("Die neue Brücke soll im nächsten Jahr die alte ersetzen.", none),
    ("Für Wohnungen soll künftig mehr Geld ausgegeben werden.", none),
]

EXPLETIVE_UNDER_OPTION_MARKERS = [
    ("Mit diesem Bündnis könnte es im nächsten Jahr vorbei sein.", one("author")),
    ("Mit dieser Mehrheit könnte es bei der Wahl am Sonntag knapp werden.", one("author")),
    # an actor's option stays no forecast
    ("Mit diesen Mitteln könnte die Regierung mehr tun.", none),
    ("Mit diesem Geld könnten die Gemeinden etwa Schulen bauen.", none),
]

INDEFINITE_SUBJECT_OUTCOME_ON_ACTOR = [
    ("Eine neue Partei könnte der SPÖ viele Stimmen kosten.", one("author")),
    ("Ein Brexit könnte Großbritannien Milliarden kosten.", one("author")),
    ("Ein Handelskrieg könnte China schwer treffen.", one("author")),
    # a timeless statement about a generic subject stays no forecast
    ("Ein kleines Land könnte dabei verlieren.", none),
    ("Ein Bürger könnte sich beschweren.", none),
]

REFLEXIVE_OUTCOMES = [
    ("Die Republikaner werden sich bei der Wahl im kommenden Jahr schwertun.", one("author")),
    ("Die Regierung wird sich mit der Reform schwertun.", one("author")),
    ("Die Konjunktur wird sich im Herbst erholen.", one("author")),
    ("Die Lage an der Grenze wird sich weiter zuspitzen.", one("author")),
    ("Der Kandidat wird sich am Ende durchsetzen.", one("author")),
    # an act the actor decides, dated: a reported plan
    ("Der Minister wird im kommenden Jahr sein Amt antreten.", none),
]

HEDGED_CONDITIONAL_PRESENT = [
    ("Im Fall der Fälle bleibt das Land wohl zwei weitere Jahre Mitglied.", one("author", True)),
    ("Wenn die Zinsen steigen, sinken die Preise vermutlich deutlich.", one("author", True)),
    ("Falls die Koalition scheitert, gibt es wahrscheinlich Neuwahlen.", one("author", True)),
    # no hedge, a modal verb as the only hedge, a past: no forecast
    ("Jedes Mal, wenn es regnet, bleibt das Stadion leer.", none),
    ("Wenn jeder auf eigene Faust wirbt, kann man sich nicht informieren.", none),
    ("Wenn es regnete, haben wir sehr wohl gespielt.", none),
]

KONJUNKTIV_II_WITH_A_FUTURE = [
    ("Die Regierung käme in der Abstimmung am nächsten Dienstag auf keine Mehrheit.", one("author")),
    ("Im kommenden Jahr bräuchte das Land rund zwei Milliarden Euro.", one("author")),
    ("Nach der Wahl im nächsten Jahr gäbe es keine Mehrheit für die Koalition.", one("author")),
    # no future anchor, a wish: no forecast
    ("Die Regierung käme auf keine Mehrheit.", none),
    ("Am nächsten Montag käme er gern nach Wien.", none),
]

ORGANISATION_PLANS = [
    # a named organisation's own act, reported by the author unhedged: a plan
    ("Die NEOS werden auch nicht auf ihr Rederecht verzichten.", none),
    ("Die SPÖ wird im Herbst einen Sonderparteitag abhalten.", none),
    ("Siemens wird in Wien ein neues Werk errichten.", none),
    # a country's act, an outcome of an organisation, a hedge: predicted
    ("Russland wird die Ukraine angreifen.", one("author")),
    ("Peking wird die Lage ausnutzen.", one("author")),
    ("Die SPÖ wird die Wahl verlieren.", one("author")),
    ("Die SPÖ wird wohl einen Sonderparteitag abhalten.", one("author")),
]

COLON_FRAMES = [
    ("Die Ministerin zeigte sich zuversichtlich: Die Verhandlungen werden gelingen.", who("Die Ministerin")),
    ("Für die Wahl im Mai zeigte sich der Kandidat zuversichtlich: Ich glaube, dass wir gewinnen werden.",
     who("der Kandidat")),
    ("Die Ministerin zeigte sich zuversichtlich: Die Verhandlungen waren ein Erfolg.", none),
]


@pytest.mark.parametrize(
    "name,cases",
    [("reflexive outcomes", REFLEXIVE_OUTCOMES), ("hedged conditional present", HEDGED_CONDITIONAL_PRESENT),
     ("Konjunktiv II with a future", KONJUNKTIV_II_WITH_A_FUTURE), ("colon frames", COLON_FRAMES),
     ("organisation plans", ORGANISATION_PLANS),
     ("warnings of a harm", WARNINGS_OF_HARM), ("fronted time, own plans", FRONTED_TIME_OWN_PLANS),
     ("hedged noun predicates", HEDGED_NOUN_PREDICATES), ("hearsay amounts", HEARSAY_AMOUNTS),
     ("expletive under option markers", EXPLETIVE_UNDER_OPTION_MARKERS),
     ("indefinite subject, outcome on an actor", INDEFINITE_SUBJECT_OUTCOME_ON_ACTOR)],
)
def test_grid_kind_third_round(name, cases):
    failed = _grid(cases)
    assert _share_ok(cases, failed) >= 0.95 or len(failed) == 0, f"{name}: {failed}"


def test_grid_third_party_expectations_in_interviewer_turns():
    """An interviewer who reports a group's expectation ("Viele fürchten, dass …") states that
    group's forecast; the interviewer's own prompts and the interlocutors' ("Sie erwarten …")
    stay no forecasts."""
    text = ("STANDARD: Die Gebühren steigen. Viele fürchten, dass diese Maßnahmen Studierende abschrecken.\n\n"
            "Huber: Das sehe ich nicht so.\n\n"
            "STANDARD: Sie erwarten, dass die Zahl der Studierenden sinkt?\n\n"
            "Huber: Nein.\n\n"
            "STANDARD: Die Reform wird scheitern.\n\n"
            "Huber: Nein.")
    fcs = _forecasts(text)
    assert [(f.holder_text, f.text.rstrip(".")) for f in fcs] == [
        ("Viele", "Viele fürchten, dass diese Maßnahmen Studierende abschrecken")]


def test_separable_particle_makes_another_verb():
    """"rechnete … aus" (calculated) is no expectation, "sagte … ab" (cancelled) no speech;
    "rechnet damit" and "sagt … voraus" stay."""
    assert _forecasts("Der Minister rechnete mit seinen Beamten aus, dass rund 40 Stimmen fehlen.") == []
    assert len(_forecasts("Der Minister rechnet damit, dass die Kosten steigen werden.")) == 1
    assert len(_forecasts("Die Ökonomen sagen einen Abschwung voraus.")) == 1
    st = analyze("Der Minister sagte den Besuch ab, obwohl die Lage ruhig ist.", language="de", published=PUB).statements
    assert all(s.cue != "sagte" for s in st)


# -- fourth round (session 19): kinds enumerated from German grammar, not from dev misses --

def resolved(holder_text: Optional[str] = None) -> Callable[[list], bool]:
    """Exactly one forecast whose holder is a linked actor (not "unknown", not the author);
    with ``holder_text``, also written so."""
    def ok(fcs: list) -> bool:
        return (len(fcs) == 1 and fcs[0].holder not in ("unknown", "author", "", None)
                and (holder_text is None or fcs[0].holder_text == holder_text))
    return ok


PRONOUN_AND_REPORTED_HOLDERS = [
    # a frame or warning whose judge is a pronoun: the nearest earlier agreeing actor
    ("Bundeskanzler Werner Faymann sprach am Montag in Linz. Er zeigte sich zuversichtlich, dass die Koalition hält.",
     resolved()),
    ("Außenminister Sebastian Kurz traf am Montag seinen Amtskollegen. Er warnte vor einer Eskalation in der Ukraine.",
     resolved()),
    ("Kanzlerin Angela Merkel sprach am Dienstag in Berlin. Sie hält eine Einigung für wahrscheinlich.", resolved()),
    ("Wifo-Chef Karl Aiginger stellte am Montag die Zahlen vor. Er schließt eine Rezession nicht aus.", resolved()),
    ("Wladimir Putin empfing den Gast im Kreml. Er zeigte sich optimistisch, dass der Konflikt bald endet.", resolved()),
    # a Konjunktiv-I expectation of "er"/"sie" inside a named speaker's report: the speaker
    ("Er rechne damit, dass die Preise weiter steigen, sagte Finanzminister Hans Jörg Schelling.",
     one("Finanzminister Hans Jörg Schelling")),
    ("Sie erwarte, dass die Zahl der Anträge sinkt, sagte Innenministerin Johanna Mikl-Leitner.",
     one("Innenministerin Johanna Mikl-Leitner")),
    ("Er befürchte, dass die Verhandlungen scheitern, sagte der Gewerkschafter Rudolf Kaske.",
     one("der Gewerkschafter Rudolf Kaske")),
    ("Er rechne damit, dass die Preise weiter steigen, sagte der Analyst.", one("der Analyst")),
    # the first person of a quote is its speaker; the author's own "ich" stays the author's
    ("Ich rechne mit einem Anstieg der Arbeitslosigkeit, sagte Wifo-Chef Karl Aiginger.", one("Wifo-Chef Karl Aiginger")),
    ("Wir erwarten ein schwieriges Jahr, sagte der Bankchef.", one("der Bankchef")),
    ("Ich rechne mit einem harten Winter.", one("author")),
]


@pytest.mark.parametrize("name,cases", [("pronoun and reported holders", PRONOUN_AND_REPORTED_HOLDERS)])
def test_grid_kind_fourth_round(name, cases):
    failed = _grid(cases)
    assert _share_ok(cases, failed) >= 0.95 or len(failed) == 0, f"{name}: {failed}"


PROJECTED_FIGURES = [
    # a future amount with no source of its own continues the source of the forecast just before
    ("Die Pensionskommission erwartet bis 2020 einen Anstieg der Kosten. "
     "In absoluten Zahlen werden die Ausgaben 2020 bei 13 Milliarden Euro liegen.",
     ["Die Pensionskommission", "Die Pensionskommission"]),
    ("Das Wifo rechnet für heuer mit einem Wachstum von 1,5 Prozent. "
     "Die Arbeitslosenquote wird im Herbst auf 9,8 Prozent steigen.", ["Das Wifo", "Das Wifo"]),
    ("Die Nationalbank erwartet eine höhere Inflation. Im kommenden Jahr wird die Teuerung auf 2,1 Prozent steigen.",
     ["Die Nationalbank", "Die Nationalbank"]),
    ("Die Ökonomen der Bank Austria rechnen mit einer Erholung. Die Exporte werden um vier Prozent zulegen.",
     ["Die Ökonomen der Bank Austria", "Die Ökonomen der Bank Austria"]),
    # hearsay "sollen" of an amount: the speaker just named
    ("Der Sprecher des Ministeriums sagte, der Entwurf stehe. Heuer sollen es etwa 800 Millionen Euro sein.",
     ["Der Sprecher des Ministeriums"]),
    # no figure, too far back, or a statement (no forecast) before: the author's own
    ("Das Wifo rechnet mit einem Wachstum von 1,5 Prozent. Der Winter wird hart sein.", ["Das Wifo", "author"]),
    ("Das Wifo rechnet mit einem Wachstum. Der Minister trat zurück. Die Regierung tagte am Montag. "
     "Die Opposition protestierte. 2017 wird die Arbeitslosigkeit zehn Prozent erreichen.", ["Das Wifo", "author"]),
    ("Der Minister sagte, die Reform sei gut. Die Kosten werden wohl auf drei Milliarden steigen.", ["author"]),
]


@pytest.mark.parametrize("text,expected", PROJECTED_FIGURES)
def test_grid_projected_figures_keep_their_source(text, expected):
    assert _holders(text) == expected


IMMINENT = [
    # "bevorstehen": an outcome held imminent
    ("Eine Einigung im Tarifstreit steht unmittelbar bevor.", one("author")),
    ("Den Grünen steht eine schwere Niederlage bevor.", one("author")),
    ("Der Region steht ein harter Winter bevor.", one("author")),
    ("Die Experten sagen, dass dem Land eine Rezession bevorsteht.", one("Die Experten")),
    ("Dem Euro stehe eine schwierige Zeit bevor, sagte die Ökonomin.", one("die Ökonomin")),
    ("Möglicherweise steht der Partei eine Spaltung bevor.", one("author")),
    ("Sollte der Vertrag scheitern, stünde dem Land eine Pleite bevor.", one("author", True)),
    ("Der Bank stehen harte Jahre bevor, und die Aktionäre wissen das.", one("author")),
    # the conjunction, the past, the attribute, a question, a calendar event: no forecast
    ("Die Wahl stand damals unmittelbar bevor.", none),
    ("Bevor die Wahl stattfindet, muss das Budget beschlossen werden.", none),
    ("Die bevorstehende Wahl beschäftigt die Parteien.", none),
    ("Bevor er ging, sagte er nichts.", none),
    ("Steht der Koalition eine Krise bevor?", none),
    ("Die Landtagswahl steht bevor.", none),
    ("Der Parteitag der SPÖ steht unmittelbar bevor.", none),
    ("Er wartete, bevor er antwortete.", none),
]


def test_grid_imminent_outcomes():
    failed = _grid(IMMINENT)
    assert _share_ok(IMMINENT, failed) >= 0.95 or len(failed) == 0, f"imminent: {failed}"


EVIDENTIAL_PRESENT = [
    # "laut/zufolge/nach Einschätzung" + a present-tense claim about a future period: the
    # source's forecast when the source is a forecast or the verb an outcome
    ("Laut Wifo wächst die Wirtschaft im kommenden Jahr um 1,7 Prozent.", one("Wifo")),
    ("Laut der Prognose bleibt die Arbeitslosigkeit bis 2018 hoch.", one("author")),
    ("Laut Wifo-Prognose wächst die Wirtschaft im kommenden Jahr kräftiger.", one()),
    ("Den Prognosen zufolge erholt sich der Tourismus im nächsten Sommer.", one("author")),
    ("Laut Schätzungen der Experten kostet die Reform bis 2020 rund zwei Milliarden Euro.",
     one("Schätzungen der Experten")),
    ("Nach Einschätzung der Nationalbank steigt die Inflation im nächsten Jahr auf zwei Prozent.", one()),
    ("Dem Institut zufolge sinkt die Arbeitslosigkeit im nächsten Jahr deutlich.", one("Dem Institut")),
    # the past, the present state, schedules and the source's own acts: no forecast
    ("Laut der Prognose stieg die Arbeitslosigkeit im vergangenen Jahr.", none),
    ("Laut Umfrage liegt die FPÖ derzeit bei 30 Prozent.", none),
    ("Laut Prognose ist die Lage derzeit stabil.", none),
    ("Laut Polizei beginnt die Demonstration am Samstag.", none),
    ("Laut Ministerium tritt das Gesetz im Juli in Kraft.", none),
    ("Laut dem Sprecher reist der Minister nächste Woche nach Brüssel.", none),
]


def test_grid_evidential_present_tense_forecasts():
    failed = _grid(EVIDENTIAL_PRESENT)
    assert _share_ok(EVIDENTIAL_PRESENT, failed) >= 0.95 or len(failed) == 0, f"evidential present: {failed}"


OBLIGED_EXPECTATIONS = [
    # "mit X rechnen müssen": X is in store for the subject — whoever says so predicts it
    ("Ohne neuen Tarifvertrag müsse die Bahn regelmäßig mit Arbeitsniederlegungen rechnen, sagte der Gewerkschafter.",
     ["der Gewerkschafter"]),
    ("Die Regierung muss mit heftigem Widerstand rechnen.", ["author"]),
    ("Die Opposition muss bei der Wahl mit Verlusten rechnen, sagte der Meinungsforscher.", ["der Meinungsforscher"]),
    # without the modal the subject expects
    ("Die Regierung rechnet mit heftigem Widerstand.", ["Die Regierung"]),
    ("Die Gewerkschaft rechnet mit langen Verhandlungen.", ["Die Gewerkschaft"]),
    ("Der Minister erwartet, dass die Preise steigen.", ["Der Minister"]),
]


@pytest.mark.parametrize("text,expected", OBLIGED_EXPECTATIONS)
def test_grid_obliged_expectations_belong_to_the_speaker(text, expected):
    assert _holders(text) == expected


AMBIGUOUS_PASSIVES = [
    # "wird" + a verb whose participle equals its infinitive, with no object: a present passive
    ("Wie viel Geld sie ausgeben will, wird vorerst nicht verraten.", none),
    ("Der Antrag wird derzeit im Ausschuss beraten.", none),
    ("Das Land wird bei der Konferenz vom Außenminister vertreten.", none),
    ("Die Mitarbeiter werden nach Kollektivvertrag entlohnt und nicht entlassen.", none),
    ("Die Frist wird in solchen Fällen meist verlassen.", none),
    ("Der Preis wird jedes Jahr an einen Künstler vergeben.", none),
    ("Das Gesetz wird im Parlament beraten, sobald der Entwurf vorliegt.", none),
    ("Der Bericht wird dem Ausschuss übergeben.", none),
    ("Darüber werde noch beraten, heißt es aus dem Ministerium.", none),
    # with an object (or a reflexive) the same verbs are a future (a pronoun subject: an
    # organisation noun's own act would be a reported plan, see ORGANISATION_NOUN_PLANS)
    ("Sie wird die Koalition verlassen.", one()),
    ("Er wird im Herbst 500 Mitarbeiter entlassen.", one()),
    ("Die Regierung wird den Auftrag an eine Wiener Firma vergeben.", one()),
    ("Die Partei wird bei der Wahl 30 Prozent erhalten.", one()),
    ("Niemand wird diese Niederlage vergessen.", one()),
]


QUESTION_ADVERBS = [
    # "wo(r)-" + preposition opening an indirect question: no forecast
    ("Wozu ermittelt werden könnte, ist unklar.", none),
    ("Wodurch die Krise enden könnte, ist unklar.", none),
    ("Woran die Verhandlungen scheitern könnten, sagte er nicht.", none),
    ("Er sagte nicht, woran die Verhandlungen scheitern könnten.", none),
    ("Unklar ist, wovon die Entscheidung abhängen wird.", none),
    ("Offen bleibt, womit die Regierung die Reform finanzieren wird.", none),
    # a continuing relative ("…, wodurch …") may predict
    ("Die Gespräche wurden abgebrochen, wodurch die Krise weiter eskalieren könnte.", one()),
    ("Die Regierung trat zurück, wonach es im Herbst Neuwahlen geben wird.", one()),
]


@pytest.mark.parametrize("name,cases", [("ambiguous passives", AMBIGUOUS_PASSIVES), ("question adverbs", QUESTION_ADVERBS)])
def test_grid_kind_fourth_round_precision(name, cases):
    failed = _grid(cases)
    assert _share_ok(cases, failed) >= 0.95 or len(failed) == 0, f"{name}: {failed}"


OPEN_QUESTIONS_AND_ESTIMATES = [
    # "wird sich zeigen/herausstellen", "wird man sehen" + an indirect question: an open question
    ("Dann wird sich zeigen, wie die Fraktionen abstimmen werden.", none),
    ("Ob die Reform wirkt, wird sich erst zeigen.", none),
    ("Es wird sich herausstellen, ob die Koalition hält.", none),
    ("Ob das reicht, wird man sehen.", none),
    ("Ob der Plan aufgeht, wird sich im Herbst weisen.", none),
    ("Die Reform wird sich als Fehler erweisen.", one("author")),
    ("Die Wahl wird zeigen, dass die Partei stark ist.", one("author")),
    # an estimate is a forecast only of a future figure
    ("Nach Schätzung der Statistikbehörde waren im Juli 4,1 Millionen Haushalte verschuldet.", none),
    ("Nach Schätzung der Statistikbehörde sind derzeit 4,1 Millionen Haushalte verschuldet.", none),
    ("Nach Schätzung von Eurostat werden im nächsten Jahr 20 Millionen Menschen arbeitslos sein.", one()),
    ("Der IWF hat seine Wachstumsprognose für 2017 auf 1,5 Prozent gesenkt.", one()),
]


def test_grid_open_questions_and_estimates():
    failed = _grid(OPEN_QUESTIONS_AND_ESTIMATES)
    assert _share_ok(OPEN_QUESTIONS_AND_ESTIMATES, failed) >= 0.95 or len(failed) == 0, f"open/estimates: {failed}"


def test_forecast_cue_words_have_one_kind():
    """A cue word has one kind in forecast_cues.tsv (the lexicon keys rows by their words:
    a second row would silently replace the first); "bald"/"demnächst" are both future_time
    and vague_future by design (the later row, vague_future, is the one read)."""
    from lagebild.datafiles import data_path

    seen: dict = {}
    dupes = []
    for raw in data_path("de", "forecast_cues.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#") or raw.startswith("cue\t"):
            continue
        word = raw.split("\t")[0]
        if word in seen:
            dupes.append(word)
        seen[word] = True
    assert sorted(dupes) == ["bald", "demnächst"]


SUPERSEDED_EXPECTATIONS = [
    # the pluperfect of an attitude verb: an expectation set against what happened
    ("Analysten hatten mit einem Gewinn von zwei Milliarden Euro gerechnet.", none),
    ("Die Ökonomen hatten erwartet, dass die Inflation steigt.", none),
    ("Experten hatten einen Rückgang der Arbeitslosigkeit vorausgesagt, tatsächlich stieg sie.", none),
    ("Viele hatten befürchtet, dass die Koalition zerbricht.", none),
    ("Die Polizei hatte mit 5.000 Demonstranten gerechnet, es kamen aber nur 2.000.", none),
    # present, simple past and perfect report a forecast
    ("Analysten rechnen mit einem Gewinn von zwei Milliarden Euro.", one("Analysten")),
    ("Die Ökonomen erwarteten am Dienstag, dass die Inflation im nächsten Jahr steigt.", one("Die Ökonomen")),
    ("Experten haben einen Rückgang der Arbeitslosigkeit für 2017 vorausgesagt.", one("Experten")),
]


def test_grid_superseded_expectations():
    failed = _grid(SUPERSEDED_EXPECTATIONS)
    assert _share_ok(SUPERSEDED_EXPECTATIONS, failed) >= 0.95 or len(failed) == 0, f"superseded: {failed}"


ENGLISH_KINDS = [
    ("The economy is expected to grow by 2 percent next year.", 1),
    ("Analysts expect the central bank to raise rates in June.", 1),
    ("The IMF forecasts a recession in Europe.", 1),
    ("The party is likely to lose the election.", 1),
    ("The company is poised to cut 500 jobs.", 1),
    ("The country is on track to miss its deficit target.", 1),
    ("The summit is scheduled for Monday.", 0),
    ("The minister will travel to Brussels on Monday.", 0),
    ("Whether the coalition will survive is unclear.", 0),
    ("He had expected a higher profit.", 0),
]


def test_grid_english_kinds():
    """English predictive constructions ("expected to", "likely to", "poised to", "on track
    to", "expect", "forecast") and their look-alikes (schedules, dated plans, embedded
    questions, the pluperfect "had expected")."""
    failed = [t for t, n in ENGLISH_KINDS if len(analyze(t, language="en", published=PUB).forecasts) != n]
    assert not failed, failed


# -- s20: kinds from the forecast audit on unseen news (an audit round on unlisted news-de articles, withdrawn in session 29) --

SCHEDULES = [
    # a release, a publication, a presentation, a procedure, unhedged and dated: a schedule
    # set by whoever runs it, no forecast (old code: 11 of these 15 fired)
    ("Das neue Album der Band wird im Mai erscheinen.", none),
    ("Die Serie wird ab Herbst im ORF ausgestrahlt werden.", none),
    ("Das Gerät wird ab März auch in Europa erhältlich sein.", none),
    ("Die neue Version der Software wird im kommenden Jahr veröffentlicht werden.", none),
    ("Der Nachfolger des Smartphones wird bis zum Sommer auf den Markt kommen.", none),
    ("Der Film wird im Dezember in die Kinos kommen.", none),
    ("Über den Antrag wird im März entschieden werden.", none),
    ("Eine neue Obergrenze wird spätestens 2025 festgelegt werden.", none),
    ("Der Bericht der Kommission wird im Herbst vorgelegt werden.", none),
    ("Das Gesetz wird im Juli in Kraft treten.", none),
    ("Die Preisverleihung wird im Juni in Wien stattfinden.", none),
    ("Die Ergebnisse der Studie werden im April präsentiert werden.", none),
    ("Das Museum wird im kommenden Frühjahr eröffnet werden.", none),
    ("Der Konzern lädt zu seiner Konferenz und wird dort seine Pläne für das kommende Jahr vorstellen.", none),
    ("Die Serie wird ab Herbst im ORF ausgestrahlt.", none),
    # outcomes, changes, hedged schedules: forecasts
    ("Die Wirtschaft wird im kommenden Jahr kräftig wachsen.", one("author")),
    ("Der Euro wird bis zum Sommer weiter fallen.", one("author")),
    ("Der Konflikt wird sich im Herbst verschärfen.", one("author")),
    ("Das Album dürfte erst im Herbst erscheinen.", one("author")),
    ("Der Bericht wird voraussichtlich erst im März vorliegen.", one("author")),
    ("Die Regierung wird die Wahl im Herbst verlieren.", one("author")),
    ("Die Koalition wird bis zum Sommer zerbrechen.", one("author")),
    ("Die Preise werden im kommenden Jahr deutlich steigen.", one("author")),
]


HEDGED_WORDING = [
    # a modal over a verb of naming or saying with "man", in the passive or with an "als"
    # predicate: the writer hedges a wording (old code: 4 of these 7 fired)
    ("Der 15. Oktober könnte als Tag der Entscheidung bezeichnet werden.", none),
    ("Diese Politik könnte man als Stillstand bezeichnen.", none),
    ("Das Ergebnis könnte man als Sensation beschreiben.", none),
    ("Die Verhandlungen könnten als gescheitert bezeichnet werden.", none),
    ("Man könnte sagen, dass die Regierung die Wahl bereits verloren hat.", none),
    ("Man könnte das Treffen einen Erfolg nennen.", none),
    ("Diese Entwicklung könnte man durchaus als Wende bezeichnen.", none),
    # a predicted act or outcome stays a forecast
    ("Der Präsident könnte morgen seinen Rücktritt verkünden.", one("author")),
    ("Die Opposition könnte die Wahl gewinnen.", one("author")),
    ("Der Streit könnte als Vorwand für einen Angriff dienen.", one("author")),
    ("Die Vereinbarung könnte die Spannungen in der Region verringern.", one("author")),
]


VAGUE_FUTURE_ANCHORS = [
    # a vague future ("bald", "langfristig", "früher oder später") anchors an actor's modal
    # as a date does (old code: 1 of these 4 missed; the options stay options)
    ("Die Regierung könnte bald zurücktreten.", one("author")),
    ("Die Reform könnte langfristig scheitern.", one("author")),
    ("Der Streit dürfte früher oder später eskalieren.", one("author")),
    ("Die Regierung könnte im Herbst stürzen.", one("author")),
    ("Die Regierung könnte bedeutend mehr tun.", none),
    ("Die Partei könnte mit einem eigenen Kandidaten in die Wahl starten.", none),
]


@pytest.mark.parametrize(
    "name,cases",
    [("schedules", SCHEDULES), ("hedged wording", HEDGED_WORDING), ("vague future anchors", VAGUE_FUTURE_ANCHORS)],
)
def test_grid_kind_s20(name, cases):
    failed = _grid(cases)
    assert _share_ok(cases, failed) >= 0.95 or len(failed) == 0, f"{name}: {failed}"


@pytest.mark.parametrize(
    "text,year",
    [
        ("Die Zinsen werden 2017 wieder steigen.", "2017"),
        ("2020 werden bereits 27 Prozent der Ausgaben durch Bundesmittel gedeckt sein.", "2020"),
        ("Die Arbeitslosigkeit dürfte 2018 leicht sinken.", "2018"),
        ("Die Armee wird 2020 Soldaten in den Süden schicken.", None),  # an amount, no year
        ("Die Zinsen werden im Jahr 2019 wieder steigen.", "2019"),  # the temporal finder's
    ],
)
def test_bare_year_horizon(text, year):
    """A bare year as the only time of a forecast is its horizon (the year, Jan 1 – Dec 31);
    a four-digit number that counts a noun is an amount."""
    fcs = _forecasts(text)
    assert len(fcs) == 1, text
    h = fcs[0].horizon
    if year is None:
        assert h is None or "2020" not in h["text"], h
    else:
        assert h is not None and year in h["text"] and h["start"].startswith(year), h


def test_bare_year_undated_past_is_no_horizon():
    """Undated (the news corpus): a year in a past-tense sentence anchors nothing."""
    doc = analyze("2010 versuchte das Ministerium eine Reform, ein Jahr später sollten die Regeln erlassen werden.",
                  language="de")
    assert doc.forecasts == []


ASSUMED_PAST = [
    # "davon ausgehen, dass …" (or another expectation verb) with a content in the past — a
    # perfect, a weak preterite, a past modal: an assessment of the past, no forecast (old
    # code: 4 of these 6 fired)
    ("Experten gehen davon aus, dass der Täter allein handelte.", none),
    ("Die Polizei geht davon aus, dass der Täter das Haus bereits verlassen hat.", none),
    ("Beobachter gehen davon aus, dass die Partei die Wahl gewonnen hat.", none),
    ("Die Archäologen gehen davon aus, dass erst der Ackerbau größere Siedlungen ermöglicht hat.", none),
    ("Die Polizei geht davon aus, dass der Brand gelegt wurde.", none),
    ("Die Ermittler gehen davon aus, dass die Tat geplant war.", none),
    # a future, a modal, a present with a future time, a future state: forecasts
    ("Beobachter gehen davon aus, dass die Partei die Wahl gewinnen wird.", one("Beobachter")),
    ("Der Minister geht davon aus, dass die Verhandlungen scheitern könnten.", one("Der Minister")),
    ("Ökonomen gehen davon aus, dass die Inflation im kommenden Jahr steigt.", one("Ökonomen")),
    ("Die Regierung rechnet damit, dass die Reform bis 2020 abgeschlossen ist.", one("Die Regierung")),
    ("Analysten rechnen damit, dass die Notenbank die Zinsen senkt.", one("Analysten")),
]


IMPERSONAL_EXPECTATIONS = [
    # "ist zu rechnen" and a passive "erwartet" whose subject the parser calls an oblique
    # ("rund 5.000 Zuschauer"): the author's (or the reporter's) expectation (old code: 4 of
    # these 6 missed)
    ("Mit weiteren Protesten ist zu rechnen.", one("author")),
    ("Die Polizei warnte, dass am Wochenende mit Staus zu rechnen ist.", one("Die Polizei")),
    ("Zur Eröffnung werden rund 3.000 Gäste erwartet.", one("author")),
    ("Zum Konzert werden rund 5.000 Besucher erwartet.", one("author")),
    ("Zum Gipfel werden 40 Staats- und Regierungschefs erwartet.", one("author")),
    ("Am Wochenende werden 5.000 Besucher erwartet, sagte der Veranstalter.", one("der Veranstalter")),
]


@pytest.mark.parametrize("name,cases", [("assumed past", ASSUMED_PAST), ("impersonal expectations", IMPERSONAL_EXPECTATIONS)])
def test_grid_kind_s20_expectations(name, cases):
    failed = _grid(cases)
    assert _share_ok(cases, failed) >= 0.95 or len(failed) == 0, f"{name}: {failed}"


SURPRISES = [
    # a negated perfect expectation reports a surprise: what was not expected has happened
    # (old code: 2 of these 4 fired)
    ("Mit diesem schnellen Comeback haben nicht einmal ihre engsten Vertrauten gerechnet.", none),
    ("Niemand hat damit gerechnet, dass die Partei so stark verlieren würde.", none),
    ("Mit einem solchen Ergebnis hat kaum jemand gerechnet.", none),
    ("Die Ökonomen haben einen solchen Einbruch nicht erwartet.", none),
    # present and reported expectations, and a positive perfect forecast, stay
    ("Die Ökonomen rechnen nicht mit einer Erholung im kommenden Jahr.", one("Die Ökonomen")),
    ("Der Minister hat erklärt, er rechne nicht mit einer Einigung vor dem Sommer.", one("Der Minister")),
    ("Analysten haben für das kommende Jahr ein Wachstum von zwei Prozent vorausgesagt.", one("Analysten")),
]


FORECAST_NOUNS = [
    # a forecast noun that projects a figure ("Die Prognose sieht … vor"), and a compound
    # whose modifier is an organisation the KB knows, owned by it (old code: 3 of these 5
    # missed or had no holder code)
    ("Die Wifo-Prognose sieht ein Wachstum von 1,5 Prozent für das kommende Jahr.", one("Wifo")),
    ("Die Prognose sieht für 2017 einen Rückgang der Arbeitslosigkeit vor.", one()),
    ("Die Prognose des Wifo geht von einem Wachstum von 1,5 Prozent aus.", one("Wifo")),
    # a study's finding, a plan, a publication: no forecast
    ("Die Studie sieht die Ursache in der Finanzkrise.", none),
    ("Das Gutachten sieht eine Reform des Pensionssystems vor.", none),
    ("Die Prognose wurde gestern veröffentlicht.", none),
]


@pytest.mark.parametrize("name,cases", [("surprises", SURPRISES), ("forecast nouns", FORECAST_NOUNS)])
def test_grid_kind_s20_nouns(name, cases):
    failed = _grid(cases)
    assert _share_ok(cases, failed) >= 0.95 or len(failed) == 0, f"{name}: {failed}"


def test_compound_forecast_owner_gets_its_code():
    """"Laut Wifo-Prognose …": the modifier is the KB's Wifo, added to the document's actors
    with a mention, so the holder has its actor code."""
    doc = analyze("Laut Wifo-Prognose wird die Arbeitslosigkeit 2017 ihren Höhepunkt erreichen.", language="de")
    assert len(doc.forecasts) == 1
    holder = doc.forecasts[0].holder
    actor = next(a for a in doc.actors if a.id == holder)
    assert actor.code and actor.code.startswith("AUT")


SPEAKER_INTENTIONS = [
    # a reported future whose subject is a pronoun taking up the speaker named before it,
    # with an act the speaker decides: an announced intention (old code: 4 of these 5 fired)
    ("Der Minister sagte, er werde im Herbst zurücktreten.", none),
    ("Der Konzern teilte mit, er werde 500 Stellen streichen.", none),
    ("Die Partei erklärte, dass sie keine Wahlempfehlung abgeben werde.", none),
    ("Die Regierung kündigte an, sie werde die Steuern senken.", none),
    ("Die Bürgermeisterin sagte, sie werde im Mai nach Brüssel reisen.", none),
    # outcomes, other subjects, conditional threats: forecasts of the speaker
    ("Der Minister sagte, er werde die Wahl gewinnen.", one("Der Minister")),
    ("Der Minister sagte, die Regierung werde die Wahl verlieren.", one("Der Minister")),
    ("Der Präsident erklärte, Russland werde den Konflikt nicht gewinnen.", one("Der Präsident")),
    ("Trump sagte, wenn Putin nicht verhandle, werde er neue Sanktionen verhängen.", one("Trump", True)),
]


def test_grid_kind_s20_speaker_intentions():
    failed = _grid(SPEAKER_INTENTIONS)
    assert _share_ok(SPEAKER_INTENTIONS, failed) >= 0.95 or len(failed) == 0, failed


PRESENT_TENSE_WEEKDAYS = [
    # a hedged present with a bare weekday: the next one, so a dated forecast (old code:
    # 2 of these 3 missed); past and perfect stay past
    ("Der VfB muss am Sonntag wahrscheinlich auf seinen Stürmer verzichten.", one("author")),
    ("Die Partei gewinnt am Sonntag wahrscheinlich die Wahl.", one("author")),
    ("Die Regierung tritt wahrscheinlich im Herbst zurück.", one("author")),
    ("Am Sonntag hat die Partei die Wahl gewonnen.", none),
    ("Am Sonntag gewann die Partei wahrscheinlich die Wahl.", none),
]


@pytest.mark.parametrize("name,cases", [("present-tense weekdays", PRESENT_TENSE_WEEKDAYS)])
def test_grid_kind_s20_time(name, cases):
    failed = _grid(cases)
    assert _share_ok(cases, failed) >= 0.95 or len(failed) == 0, f"{name}: {failed}"


def test_present_tense_weekday_resolves_forward():
    """Published on a Tuesday (2016-03-01), "am Sonntag" in a present-tense forecast is
    Sunday 2016-03-06, not the Sunday before."""
    fcs = _forecasts("Der VfB muss am Sonntag wahrscheinlich auf seinen Stürmer verzichten.")
    assert len(fcs) == 1 and fcs[0].horizon["start"] == "2016-03-06", fcs[0].horizon


# ---------------------------------------------------------------- session 21 (issue 11)
# Grids written before the rules, from the kinds the unseen-news audit s21-before showed
# (an audit round on unlisted news-de articles, withdrawn in session 29); our own sentences, not the audit's.

ORGANISATION_NOUN_PLANS = [
    # an organisation named by a common noun (no actor mention: a company, a club, a
    # municipality, a broadcaster …), unhedged future of an act it decides: a reported plan
    ("Die Mobilfunker werden das neue Gerät ab Herbst anbieten.", none),
    ("Die Hersteller werden das Handy in drei Farben anbieten.", none),
    ("Die Stadt wird die Straße im Sommer sanieren.", none),
    ("Die Bahn wird auf der Strecke neue Züge einsetzen.", none),
    ("Das Museum wird die Ausstellung bis März verlängern.", none),
    ("Die Firma wird 200 neue Mitarbeiter einstellen.", none),
    ("Der Verein wird den Vertrag mit dem Trainer verlängern.", none),
    ("Die Gemeinde wird den Bau eines Kindergartens finanzieren.", none),
    ("Der Konzern wird sein Werk in Linz schließen.", none),
    ("Die Universität wird ab dem Wintersemester Studiengebühren einheben.", none),
    ("Das Ministerium wird die Förderung auf 50 Millionen Euro aufstocken.", none),
    ("Der Autobauer wird in China ein zweites Werk bauen.", none),
    ("Die Polizei wird in den Grenzbezirken verstärkt kontrollieren.", none),
    ("Die Fluglinie wird ab Mai täglich nach London fliegen.", none),
    ("Der Sender wird die Serie im Frühjahr ausstrahlen.", none),
    ("Die Partei wird die Koalition verlassen.", none),
    ("Die Firma wird im Herbst 500 Mitarbeiter entlassen.", none),
    # outcomes, experiences, failures, necessities, hedges, states and governments: predicted
    ("Die Firma wird in die roten Zahlen rutschen.", one("author")),
    ("Der Konzern wird die Krise nicht überleben.", one("author")),
    ("Die Stadt wird die Folgen noch lange spüren.", one("author")),
    ("Die Firma wird ihre Ziele verfehlen.", one("author")),
    ("Die Hersteller werden unter dem Preisdruck leiden.", one("author")),
    ("Der Verein wird den Abstieg nicht verhindern können.", one("author")),
    ("Die Firma wird 200 Stellen abbauen müssen.", one("author")),
    ("Die Bahn wird mit dem Ansturm überfordert sein.", one("author")),
    ("Die Mobilfunker werden die Preise wohl erhöhen.", one("author")),
    ("Der Konzern wird von der Reform profitieren.", one("author")),
    ("Russland wird die Ukraine angreifen.", one("author")),
    ("Die Zentralbank wird die Zinsen im Juni senken.", one("author")),
    ("Die Regierung wird an dieser Frage zerbrechen.", one("author")),
]

PERSON_NOUN_PLANS = [
    # a person named by a demonym in the singular or by a plural role noun, unhedged act: a plan
    ("Der Argentinier wird das Festspielkonzert 2027 dirigieren.", none),
    ("Die Unterhändler von Weltbank und OECD werden erst gegen Ende der Woche eintreffen.", none),
    ("Die Österreicherin wird im Finale gegen die Schweizerin antreten.", none),
    ("Der Deutsche wird die Leitung des Orchesters übernehmen.", none),
    # a people (plural demonym), an outcome: predicted
    ("Die Österreicher werden unter den hohen Preisen leiden.", one("author")),
    ("Der Venezolaner wird das Spiel verlieren.", one("author")),
    ("Die Venezolaner werden die Krise nicht so schnell vergessen.", one("author")),
]

def test_grid_konjunktiv_ii_outcomes_continue_a_forecast():
    """A bare "würde" + an outcome verb right after a forecast continues its projection (a
    poll's figures, a study's scenario) with the same holder; without a forecast before it,
    or with an act or a wish, the bare "würde" of reported speech predicts nothing."""
    cases = [
        ("Laut der Umfrage dürfte die ÖVP ihr Ergebnis knapp verfehlen. Die SPÖ würde ebenfalls stark verlieren.", 2),
        ("Die Partei dürfte die Wahl gewinnen. Die Grünen würden dagegen deutlich verlieren.", 2),
        ("Der Export dürfte im Herbst einbrechen. Viele Betriebe würden darunter leiden.", 2),
        ("Die Mitarbeiter würden mitziehen, sagte der Bürgermeister.", 0),
        ("Der Umsatz dürfte im Herbst steigen. Die Firma würde gern expandieren.", 1),
        ("Die Partei dürfte die Wahl gewinnen. Sie würde das Ergebnis begrüßen.", 1),
    ]
    failed = [(t, len(_forecasts(t))) for t, n in cases if len(_forecasts(t)) != n]
    assert not failed, failed


RELATIVE_CLAUSE_PLANS = [
    # a relative clause about a person or organisation noun, unhedged act: a plan
    ("Der Youtube-Star, der eine eigene Serie veröffentlichen wird, hat offene Fragen.", none),
    ("Die Sängerin, die im Sommer drei Konzerte geben wird, sagte die Tournee ab.", none),
    ("Der Konzern, der in Linz ein Werk bauen wird, sucht Fachkräfte.", none),
    ("Die Stadt, die den Platz neu gestalten wird, lädt zur Bürgerversammlung.", none),
    # an outcome or a hedge in the relative clause stays a prediction
    ("Die Firma, die die Krise nicht überleben wird, entließ alle Mitarbeiter.", one("author")),
    ("Der Trainer, der wohl bald entlassen wird, gab sich gelassen.", one("author")),
]

EPISTEMIC_DUERFTE_IN_RELATIVE_CLAUSES = [
    # "dürfte" is only epistemic: in a relative clause it still predicts
    ("Sie übernimmt den Posten von Lukas Brandner, der zur Nationalbank wechseln dürfte.", one("author")),
    ("Die Firma verordnet sich einen Sparkurs, der Hunderte Stellen kosten dürfte.", one("author")),
    ("Das Gesetz, das im Herbst in Kraft treten dürfte, ist umstritten.", one("author")),
    # other modals in a relative clause stay options or abilities
    ("Das sind die Jobs, in die wir junge Leute drängen könnten.", none),
    ("Es gibt Programme, die helfen könnten.", none),
]

HEARSAY_WEATHER = [
    # hearsay "soll" over the weather or an impersonal change of state with a future anchor
    ("Morgen soll es wieder wärmer werden.", one("author")),
    ("Am kommenden Wochenende soll es in ganz Österreich regnen.", one("author")),
    ("In der kommenden Woche soll es kälter werden.", one("author")),
    ("Morgen soll es im Westen schneien.", one("author")),
    # a schedule, an event or a past claim under "soll es": no forecast
    ("Morgen soll es eine Pressekonferenz geben.", none),
    ("Gestern soll es in der Stadt geregnet haben.", none),
    ("Es soll wärmer werden, fordern die Bauern.", none),
]


PAST_UNDER_ESTIMATIVES = [
    # a modal over a perfect infinitive whose participle the tagger mislabels, and an
    # emerging development in the perfect: inferences and reports about the past
    ("Zum einen könnten Sternwinde das Material weggeblasen haben, zum anderen könnten junge Planeten "
     "das Material auf ihrer Bahn entfernt haben.", none),
    ("Die Diebe dürften das Geld längst ins Ausland geschafft haben.", none),
    ("Der Täter könnte das Fenster zerstört haben.", none),
    ("Ein Trend, der sich angekündigt hat, und zwar in Brasilien.", none),
    ("Der Rückgang hatte sich schon im Vorjahr abgezeichnet.", none),
    # the present and the future stay predictions
    ("Eine Einigung zeichnet sich ab.", one("author")),
    ("Der Täter könnte bald gefasst werden.", one("author")),
    ("Die Preise dürften im Herbst wieder steigen.", one("author")),
]


VERB_FINAL_AMBIGUOUS_PASSIVES = [
    # a subordinate clause that ends "<participle = infinitive> wird" with no object, or with
    # a "von" agent, is a present passive, as in main clauses (AMBIGUOUS_PASSIVES)
    ("Die Forscher vermuten, dass das Virus von Fledermäusen übertragen wird.", none),
    ("Es ist bekannt, dass der Antrag im Ausschuss beraten wird.", none),
    ("Er sagt, dass der Preis jedes Jahr vergeben wird.", none),
    ("Sie betonte, dass das Land bei der Konferenz vom Botschafter vertreten wird.", none),
    # with an object or a reflexive the same order is a future
    ("Er glaubt, dass der Minister das Land bei der Konferenz vertreten wird.", one("Er")),
    ("Ich glaube, dass die Partei die Koalition verlassen wird.", one("Ich")),
    ("Er glaubt, dass sich niemand an den Vorfall erinnern wird.", one("Er")),
]

ASSUMPTIONS = [
    # "davon ausgehen, dass" is an assumption: with present content and no future time it
    # is a belief about the present, as "glauben" (expectation verbs keep their content)
    ("Die Hälfte der Manager geht davon aus, dass die Digitalisierung für ihre Firma relevant ist.", none),
    ("Die Polizei geht davon aus, dass der Täter aus dem Umfeld des Opfers stammt.", none),
    ("Die Forscher gehen davon aus, dass das Virus von Fledermäusen übertragen wird.", none),
    ("Der Minister geht davon aus, dass die Wirtschaft im nächsten Jahr wächst.", one("Der Minister")),
    ("Die Experten gehen davon aus, dass die Preise weiter steigen werden.", one("Die Experten")),
    ("Hollande geht davon aus, dass die Abgeordneten das Gesetz unterstützen würden.", one("Hollande")),
    ("Analysten erwarten, dass die Zinsen steigen.", one("Analysten")),
    ("Die Gewerkschaft befürchtet, dass Stellen wegfallen.", one("Die Gewerkschaft")),
]


ARRIVALS_AT_A_CLOCK_TIME = [
    # a person or a body "wird um <clock time> erwartet": an arrival on the schedule
    ("Die Gäste werden um acht Uhr erwartet.", none),
    ("Der Präsident wird um 14 Uhr am Flughafen erwartet.", none),
    ("Die Delegation wird gegen 10.30 Uhr in Wien erwartet.", none),
    ("Der Minister wird am Montag um 9 Uhr im Ausschuss erwartet.", none),
    # a crowd without a clock time, the weather and outcomes stay expectations
    ("Zehntausende Besucher werden am Samstag erwartet.", one()),
    # a number word counts although the actor layer makes the crowd civilians (session 30)
    ("Hunderte Gäste werden am Sonntag in Linz erwartet.", one()),
    ("Heftige Gewitter werden ab 18 Uhr erwartet.", one()),
    ("Für den Herbst wird ein Anstieg der Arbeitslosigkeit erwartet.", one()),
]


LIST_LABELS = [
    # an estimative word as the label of a list without a verb (the line-ups of a sports
    # preview: "Fraglich: X (Knie)") judges nothing; a colon before a clause still frames it
    ("Fraglich: Petsos (Rückenbeschwerden), Murg (Innenband-Teilriss).", none),
    ("Es fehlen: Hofbauer (nach Muskelfaserriss). Fraglich: Lenz (Grippe).", none),
    ("Rapid – Sturm (Sonntag, 16.30 Uhr). Fraglich: Dibon (Knöchel), Schwab (krank).", none),
    ("Unsicher: Müller (Oberschenkel).", none),
    ("Die Ministerin zeigte sich zuversichtlich: Die Verhandlungen werden gelingen.", one()),
    ("Der Trainer war zuversichtlich: Wir werden das Spiel gewinnen.", one()),
]


SUBORDINATE_OPENERS_ARE_NO_VERB_FIRST_CONDITIONS = [
    # "Weil/Nachdem/Obwohl man …, würden …": a conjunction and "man" open a subordinate
    # clause, not a verb-first condition ("Mache man nichts, …"); the bare "würden" of
    # reported speech then predicts nothing
    ("Weil man den Kompromiss gefunden habe, würden die Vereine zustimmen, sagte der Bürgermeister.", none),
    ("Nachdem man sich geeinigt habe, würden die Gespräche fortgesetzt, sagte er.", none),
    ("Obwohl man gewarnt habe, würden die Behörden untätig bleiben, sagte sie.", none),
    ("Da man keine Mittel habe, würden die Projekte ruhen, erklärte der Minister.", none),
    # verb-first conditions stay conditions
    ("Warte man weiter ab, werde der Schaden noch teurer.", one(cond=True)),
    ("Tut man nichts, wird die Krise eskalieren.", one(cond=True)),
]


@pytest.mark.parametrize(
    "name,cases",
    [("organisation-noun plans", ORGANISATION_NOUN_PLANS), ("arrivals at a clock time", ARRIVALS_AT_A_CLOCK_TIME),
     ("person-noun plans", PERSON_NOUN_PLANS),
     ("subordinate openers", SUBORDINATE_OPENERS_ARE_NO_VERB_FIRST_CONDITIONS),
     ("list labels", LIST_LABELS), ("past under estimatives", PAST_UNDER_ESTIMATIVES),
     ("assumptions", ASSUMPTIONS), ("verb-final ambiguous passives", VERB_FINAL_AMBIGUOUS_PASSIVES), ("relative-clause plans", RELATIVE_CLAUSE_PLANS),
     ("epistemic dürfte in relative clauses", EPISTEMIC_DUERFTE_IN_RELATIVE_CLAUSES),
     ("hearsay weather", HEARSAY_WEATHER)],
)
def test_grid_kind_s21(name, cases):
    failed = _grid(cases)
    assert _share_ok(cases, failed) >= 0.95 or len(failed) == 0, f"{name}: {failed}"
