"""Grids of our own sentences for forecast holders, recall and false alarms (issue 11,
session 30). Each kind has rows that fail on main's code (``0a28883``); guard rows must
stay as they are. A row's id names its construction, so a failing row says which one broke.

* ``pronoun-speaker-between`` (precision): "X sagte, wenn Y nicht …, werde er …": the
  pronoun subject of a conditional act takes up the speaker although another actor stands
  between them; the reference layer (``language/reference.py``) decides whom it refers to
  (it prefers the subject of the speech clause). The speaker's own conditional act is a
  commitment or threat, no forecast; an outcome ("werde er die Wahl verlieren") and a
  pronoun that agrees only with the actor between ("sie" after a man and a woman) stay.
* ``source-insertion`` (recall, holder): a source or speech clause set into the clause
  between commas ("Die Preise werden, so der Ökonom X, im Herbst steigen", "…, wie X sagte,
  …", "…, laut einer Studie der Y, …") does not end the clause: the infinitive after it is
  the future's, and the source holds it. A present passive with an insertion ("Der Antrag
  wird, so die Ministerin, im Ausschuss beraten") stays no forecast.
* ``conviction-after`` (holder): the sentence after a forecast points back to it with an
  adjective of conviction ("Davon ist der Ökonom X überzeugt", "Dessen ist sich die
  Politologin Y sicher"): its subject holds the forecast, and the pointing-back sentence is
  no forecast of its own (as session 29's attribution-after with verbs).
* ``inserted-attitude`` (holder): "Die Preise, so erwartet der Ökonom X, werden steigen",
  "…, so glaubt die Politologin Y, …": the subject of an inserted "so" + attitude verb holds
  the clause around it; "so scheint es" names nobody.
* ``article-not-anaphor`` (recall): "Das Institut X rechnet mit …" after a forecast opens
  with an article, not the anaphor "Das": it is a forecast of its own, not an attribution
  of the sentence before (session 29's attribution-after took it for one and dropped it).
* ``unowned-document`` (holder): "laut Prognose" with no owner, after a source of a
  prediction was named ("Das Wifo rechnet mit … Die Arbeitslosigkeit wird laut Prognose …
  steigen"), is that source's forecast document. (statements/extract.py: the source of
  "laut Prognose auf 7,5 Prozent" stops before the amount.)
* ``passive-agent`` (holder): a passive expectation with its own "von" agent ("wird von den
  Maklern erwartet", "Von den meisten Ökonomen wird … erwartet", "wird vom Institut
  prognostiziert") is the agent's, also where the parse hangs the agent on the noun after
  it; "Ein Wachstum von 1,5 Prozent wird erwartet" has no agent.
* ``organ-announces-plan`` (precision): "Die Firma wird 300 Stellen abbauen, teilte der
  Vorstand mit", "…, sagte ein Sprecher": a body's bare organ or spokesperson announces the
  plan of the body the sentence is about — a plan the holder decides, no forecast (the
  real-de README's rule). A spokesperson of another body ("ein Sprecher der Gewerkschaft")
  and an outcome ("wird die Krise überstehen") stay forecasts. The same for a person and a
  bare spokesperson or "ihr Management" ("X wird ihre Karriere beenden, teilte ihr
  Management mit").
* ``leader-announces-plan`` (precision): "Konzernchef X sagte, der Konzern werde weiter
  investieren", "Der Konzern werde … einstellen, sagte die Geschäftsführerin Y": the head of
  a body speaks of "der Konzern"/"das Unternehmen" — the body's own plan, no forecast; an
  outcome, and an analyst speaking of a firm, stay forecasts.
* ``timetable`` (precision): the act of a scheduled service ("Der neue Zug wird künftig
  zwischen Wien und Brünn verkehren", "Die Fähre wird ab Juni … verkehren") is its
  operator's timetable, no forecast; a hedged one ("wird wohl nicht verkehren können")
  stays, and "Abzug" is no train.
* ``programme`` (precision): "Im Anschluss wird die Band spielen", "Zum Abschluss wird der
  Chor singen": the next item of an event's programme, set by the organiser; an outcome
  after the same marker stays.
* ``comparative-after-intensifier`` (recall): "Ab 2029 werde es deutlich teurer": the
  tagger may call a predicative comparative after an intensifier attributive; with no noun
  after it, it is the copula's change of degree in a future period, a forecast. An
  attributive comparative ("ein deutlich teurerer Wagen wird vorgestellt") stays out.
* ``comparison-tail`` (recall): "Die Preise werden stärker steigen als erwartet", "…
  länger dauern als geplant": the comparison after the infinitive has a participle of its
  own, which main took for the clause's right bracket (a passive) and dropped the forecast.
  "Der Antrag wird schneller beraten als erwartet" stays a present passive.
* ``impersonal-passive-reckon`` (recall): "Mit einer Entscheidung wird im Herbst gerechnet",
  "Es wird damit gerechnet, dass …": the impersonal passive of "rechnen mit" is an
  expectation; "Niemand hat damit gerechnet" judges the past.
* ``becomes-under-warning`` (recall): "Der Winter wird hart, warnen die
  Hilfsorganisationen": the copula of change with no future time is a prediction when a
  verb of warning or expectation frames it; after "sagte" it stays out.
* ``forecast-owner-preposition`` (holder): "Die OECD senkte ihre Wachstumsprognose für
  Österreich …": the owner of a forecast noun is a genitive or "von" modifier or the
  subject, not the country the forecast is for.
* ``conditioned-present-outcome`` (recall): "Falls die Gespräche scheitern, kommt es im Mai
  zu einem Streik", "Wenn die Wähler am 12. Juni … stimmen, passiert zunächst nichts": an
  outcome in the present indicative under a condition, dated in the future, is a
  conditional forecast. A timeless conditional, an entitlement ("erhalten die Familien …":
  a rule), the speakers' own prospect and a movement ("kommen viele Kinder") stay out.
* ``level-predicate`` (recall): "Die Inflation wird Ende 2027 bei 2,5 Prozent sein", "…
  werde 2028 wieder beim Stand von 2019 sein": "werden … sein" with a level (a preposition
  and a number or a level noun) predicts where a measure will stand; a prepositional
  predicate of duty or place ("werden am Montag im Einsatz sein") stays a schedule.

Each row runs the real pipeline (:func:`kinds_checks.forecasts_of`)."""
from __future__ import annotations

from typing import Callable, List

import pytest

from kinds_checks import forecasts_of

NO_FORECAST = lambda fcs: fcs == []  # noqa: E731


def held_by(*holders: str) -> Callable[[list], bool]:
    """Exactly one forecast, held by one of ``holders`` (its actor id, its holder as written,
    or "author")."""
    def ok(fcs: list) -> bool:
        return len(fcs) == 1 and any(h in (fcs[0].holder, fcs[0].holder_text or "author") for h in holders)
    return ok


def held_by_actor(word: str) -> Callable[[list], bool]:
    """Exactly one forecast, held by an actor (not the author, not "unknown") whose id
    contains ``word``."""
    def ok(fcs: list) -> bool:
        return len(fcs) == 1 and word in (fcs[0].holder or "") and fcs[0].holder not in ("author", "unknown")
    return ok


def one_forecast(fcs: list) -> bool:
    """Exactly one forecast (any holder)."""
    return len(fcs) == 1


PRONOUN_SPEAKER_BETWEEN = [
    ("masc-between", "Der Präsident Karl Stein sagte, wenn der Gouverneur Max Huber nicht zurücktrete, werde er die "
     "Mittel streichen.", NO_FORECAST),
    ("state-between", "Der Kanzler Leo Brandt drohte, falls Ungarn die Grenze nicht öffne, werde er die Zahlungen "
     "einfrieren.", NO_FORECAST),
    # guards: an outcome; a pronoun that agrees only with the actor between
    ("guard-outcome", "Der Präsident Karl Stein sagte, wenn der Gouverneur Max Huber nicht zurücktrete, werde er die "
     "Wahl verlieren.", held_by("Der Präsident Karl Stein")),
    ("guard-other-gender", "Der Präsident Karl Stein sagte, wenn die Ministerin Eva Lang nicht zurücktrete, werde sie "
     "die Mittel streichen.", held_by("Der Präsident Karl Stein")),
]

SOURCE_INSERTION = [
    ("so-person", "Die Preise werden, so der Ökonom Paul Huber, im Herbst steigen.", held_by_actor("paul_huber")),
    ("wie-sagte", "Die Preise werden, wie der Ökonom Paul Huber sagte, im Herbst steigen.", held_by_actor("paul_huber")),
    ("so-researcher", "Die Zahl der Touristen wird, so die Tourismusforscherin Lea Winter, im Sommer wieder wachsen.",
     held_by_actor("lea_winter")),
    ("laut-study", "Die Mieten werden, laut einer Studie der Arbeiterkammer, bis 2030 deutlich steigen.",
     held_by_actor("arbeiterkammer")),
    # a present passive with the same insertion is no future (main took the infinitive-shaped
    # participle after the insertion for one); guard: a scheduled passive
    ("passive-insertion", "Der Antrag wird, so die Ministerin, im Ausschuss beraten.", NO_FORECAST),
    ("guard-scheduled-passive", "Das Urteil wird, so die Richterin, am Freitag verkündet.", NO_FORECAST),
]

CONVICTION_AFTER = [
    ("davon-ueberzeugt", "Die Preise werden im Herbst steigen. Davon ist der Ökonom Paul Huber überzeugt.",
     held_by_actor("paul_huber")),
    ("dessen-sicher", "Die Koalition wird noch vor dem Sommer zerbrechen. Dessen ist sich die Politologin Eva Lang "
     "sicher.", held_by_actor("eva_lang")),
    # guards: a copula with another adjective; an anaphor before another verb
    ("guard-adverb-sicher", "Die Preise werden im Herbst steigen. Das ist sicher kein Zufall.", held_by("author")),
    ("guard-affected", "Die Preise werden im Herbst steigen. Davon sind viele Mieter betroffen.", held_by("author")),
]

INSERTED_ATTITUDE = [
    ("so-expects", "Die Preise, so erwartet der Ökonom Paul Huber, werden im Herbst steigen.", held_by_actor("paul_huber")),
    ("so-believes", "Die Koalition wird, so glaubt die Politologin Eva Lang, noch vor dem Sommer zerbrechen.",
     held_by_actor("eva_lang")),
    # guard: an impersonal insertion
    ("guard-so-scheint-es", "Die Preise werden, so scheint es, im Herbst steigen.", held_by("author")),
]

ARTICLE_NOT_ANAPHOR = [
    ("lede-then-institute", "Die heimische Wirtschaft wird im kommenden Jahr nur langsam wachsen. Das Institut Wifo "
     "rechnet für 2027 mit einem Plus von 0,9 Prozent.", lambda fcs: len(fcs) == 2 and "wifo" in (fcs[1].holder or "")),
    ("lede-then-bank", "Die Zinsen werden im Sommer wieder sinken. Die Nationalbank erwartet eine Senkung um einen "
     "halben Prozentpunkt.", lambda fcs: len(fcs) == 2),
    # guard: a pronoun "Das" still points back (no forecast of its own)
    ("guard-pronoun", "Die heimische Wirtschaft wird im kommenden Jahr nur langsam wachsen. Das erwartet das Institut "
     "Wifo.", held_by_actor("wifo")),
]

UNOWNED_DOCUMENT = [
    ("laut-prognose-after-source", "Das Institut Wifo rechnet für 2027 mit einem Plus von einem Prozent. Die "
     "Arbeitslosigkeit wird laut Prognose auf 7,5 Prozent steigen.",
     lambda fcs: len(fcs) == 2 and "wifo" in (fcs[1].holder or "")),
    # guard: with no source before, the document names nobody
    ("guard-no-source", "Die Arbeitslosigkeit wird laut Prognose auf 7,5 Prozent steigen.",
     lambda fcs: len(fcs) == 1 and fcs[0].holder in ("unknown", "author")),
]

PASSIVE_AGENT = [
    ("von-group", "Ein Rückgang der Mieten wird von den Maklern für das kommende Jahr erwartet.", held_by("den Maklern")),
    ("von-fronted", "Von den meisten Ökonomen wird für 2027 eine Rezession erwartet.", held_by("den meisten Ökonomen")),
    ("vom-institute", "Für 2027 wird vom Wifo ein Wachstum von 1,5 Prozent prognostiziert.", held_by_actor("wifo")),
    ("von-misparsed", "Für das nächste Jahr wird von der Nationalbank ein Anstieg der Arbeitslosigkeit erwartet.",
     held_by_actor("oenb")),
    # guard: "von" of an amount is no agent
    ("guard-amount", "Ein Wachstum von 1,5 Prozent wird für 2027 erwartet.", held_by("author")),
]

ORGAN_ANNOUNCES_PLAN = [
    ("board-announced", "Die Firma Alpina wird 300 Stellen abbauen, teilte der Vorstand mit.", NO_FORECAST),
    ("spokesman-said", "Der Konzern wird das Werk in Steyr Ende Juni schließen, sagte ein Sprecher.", NO_FORECAST),
    ("spokesman-insertion", "Die Firma wird, wie ein Sprecher sagte, 300 Stellen abbauen.", NO_FORECAST),
    ("city-spokeswoman", "Die Stadt wird im Frühjahr 200 neue Bäume pflanzen, sagte eine Sprecherin.", NO_FORECAST),
    ("management", "Die Brauerei wird ab Mai ein alkoholfreies Bier anbieten, kündigte die Geschäftsführung an.",
     NO_FORECAST),
    ("person-management", "Brandner wird nach dem Turnier ihre Karriere beenden, teilte ihr Management mit.", NO_FORECAST),
    ("person-spokesman", "Der Minister Paul Weber wird im Mai zurücktreten, sagte ein Sprecher.", NO_FORECAST),
    # guards: a spokesman of another body; an outcome
    ("guard-other-body", "Die Firma Alpina wird 300 Stellen abbauen, sagte ein Sprecher der Gewerkschaft.", one_forecast),
    ("guard-outcome", "Die Firma wird die Krise überstehen, sagte ein Sprecher.", one_forecast),
    ("guard-person-outcome", "Der Minister Paul Weber wird die Wahl verlieren, sagte ein Sprecher.", one_forecast),
    ("guard-person-other-body", "Der Minister Paul Weber wird im Mai zurücktreten, sagte ein Sprecher der Opposition.",
     one_forecast),
]

LEADER_ANNOUNCES_PLAN = [
    ("chief-says-der-konzern", "Konzernchef Albert Brunner sagte, der Konzern werde weiterhin in Österreich investieren.",
     NO_FORECAST),
    ("managing-director-after", "Der Konzern werde 200 neue Mitarbeiter einstellen, sagte die Geschäftsführerin Eva "
     "Rainer.", NO_FORECAST),
    # guards: an outcome; an analyst on a firm
    ("guard-outcome", "Konzernchef Albert Brunner sagte, der Konzern werde die Krise überstehen.", one_forecast),
    ("guard-analyst", "Der Analyst Tom Ried sagte, der Konzern werde Stellen abbauen.", one_forecast),
]

TIMETABLE = [
    ("train-from-now-on", "Der neue Zug wird künftig zwischen Wien und Brünn verkehren.", NO_FORECAST),
    ("ferry-from-june", "Die Fähre wird ab Juni dreimal täglich zwischen Split und Hvar verkehren.", NO_FORECAST),
    ("night-train-stop", "Der Nachtzug wird ab Dezember auch in Innsbruck halten.", NO_FORECAST),
    # guards: a hedged service; a word ending in a service word is no service
    ("guard-hedged", "Die Fähre wird im Sturm wohl nicht verkehren können.", one_forecast),
    ("guard-withdrawal", "Der Abzug der Truppen wird die Lage im Norden verschärfen.", one_forecast),
]

PROGRAMME = [
    ("afterwards-band", "Im Anschluss wird die Band aus Graz spielen.", NO_FORECAST),
    ("closing-choir", "Zum Abschluss wird der Chor der Oper singen.", NO_FORECAST),
    # guard: an outcome after the same marker
    ("guard-outcome", "Im Anschluss wird die Stimmung im Saal wohl kippen.", one_forecast),
]

COMPARATIVE_AFTER_INTENSIFIER = [
    ("deutlich-reported", "Ab 2029 werde es deutlich teurer, warnte der Ökonom Max Berger.", held_by_actor("max_berger")),
    ("viel-reported", "Im kommenden Winter werde es viel kälter, sagte die Meteorologin Ida Brunner.",
     held_by_actor("ida_brunner")),
    # guard: an attributive comparative
    ("guard-attributive", "Ein deutlich teurerer Wagen wird am Montag vorgestellt.", NO_FORECAST),
]

COMPARISON_TAIL = [
    ("als-erwartet", "Die Preise werden stärker steigen als erwartet.", held_by("author")),
    ("als-angenommen", "Die Wirtschaft wird schneller wachsen als bisher angenommen.", held_by("author")),
    ("als-geplant", "Der Bau wird länger dauern als geplant.", held_by("author")),
    ("reported", "Die Nachfrage nach Elektroautos werde in Europa langsamer wachsen als erwartet, sagte der Autoexperte "
     "Kurt Lindner.", held_by_actor("kurt_lindner")),
    # guards: a present passive and a passive participle before the comparison
    ("guard-passive", "Der Antrag wird schneller beraten als erwartet.", NO_FORECAST),
    ("guard-participle", "Die Halle wird größer gebaut als geplant.", NO_FORECAST),
]

IMPERSONAL_PASSIVE_RECKON = [
    ("mit-wird-gerechnet", "Mit einer Entscheidung wird im Herbst gerechnet.", held_by("author")),
    ("mit-wird-gerechnet-said", "Mit einer Einigung wird noch im Laufe des Tages gerechnet, sagte die Diplomatin Ina "
     "Falk.", held_by_actor("ina_falk")),
    ("damit-dass", "Es wird damit gerechnet, dass die Zinsen im Juni sinken.", held_by("author")),
    # guards: a past attitude, a sum
    ("guard-perfect-attitude", "Niemand hat damit gerechnet, dass die Partei so stark verliert.", NO_FORECAST),
    ("guard-sum", "Die Kosten wurden zusammengerechnet.", NO_FORECAST),
]

BECOMES_UNDER_WARNING = [
    ("warnen", "Der Winter wird hart, warnen die Hilfsorganisationen.", one_forecast),
    ("befuerchten", "Das wird teuer, befürchten die Mieter.", one_forecast),
    ("erwartet-dass", "Die Ökonomin Lisa Kern erwartet, dass das Jahr schwierig wird.", held_by_actor("lisa_kern")),
    # guard: a plain speech verb
    ("guard-said", "Der Winter wird hart, sagte die Bäuerin.", NO_FORECAST),
]

FORECAST_OWNER_PREPOSITION = [
    ("fuer-country", "Die OECD senkte ihre Wachstumsprognose für Österreich auf 0,8 Prozent.", held_by_actor("oecd")),
    ("genitive-and-fuer", "Die Prognose des IfW für Deutschland sieht ein Wachstum von 1,1 Prozent.", held_by_actor("ifw")),
    ("vom-and-fuer", "Die Wachstumsprognose vom IWF für Italien liegt bei 0,5 Prozent.", held_by_actor("imf")),
]

CONDITIONED_PRESENT_OUTCOME = [
    ("kommt-es-zu", "Falls die Gespräche scheitern, kommt es im Mai zu einem Streik.", held_by("author")),
    ("passiert-nichts", "Wenn die Wähler am 12. Juni für den Austritt stimmen, passiert zunächst nichts.",
     held_by("author")),
    ("sollte-verliert", "Sollte die Regierung im Herbst scheitern, verliert die Partei ihre Mehrheit.", held_by("author")),
    # guards: timeless, an entitlement (a rule), the speakers' own prospect, a movement
    ("guard-timeless", "Wenn es regnet, steigt der Pegel.", NO_FORECAST),
    ("guard-entitlement", "Falls der Antrag bis Freitag eingeht, erhalten die Familien im Mai 500 Euro.", NO_FORECAST),
    ("guard-first-person", "Wenn wir im Mai gewinnen, steigen wir auf.", NO_FORECAST),
    ("guard-movement", "Wenn am Montag die Schule beginnt, kommen viele Kinder mit dem Rad.", NO_FORECAST),
]

LEVEL_PREDICATE = [
    ("bei-percent", "Die Inflation wird Ende 2027 bei 2,5 Prozent sein.", held_by("author")),
    ("beim-stand", "Der Minister Paul Weber sagte, die Arbeitslosenquote sinke und werde 2028 wieder beim Stand von "
     "2019 sein.", held_by_actor("paul_weber")),
    # guard: a prepositional predicate of duty
    ("guard-duty", "Die Soldaten werden am Montag im Einsatz sein.", NO_FORECAST),
]


KINDS = {
    "pronoun-speaker-between": PRONOUN_SPEAKER_BETWEEN,
    "source-insertion": SOURCE_INSERTION,
    "conviction-after": CONVICTION_AFTER,
    "inserted-attitude": INSERTED_ATTITUDE,
    "article-not-anaphor": ARTICLE_NOT_ANAPHOR,
    "unowned-document": UNOWNED_DOCUMENT,
    "passive-agent": PASSIVE_AGENT,
    "organ-announces-plan": ORGAN_ANNOUNCES_PLAN,
    "leader-announces-plan": LEADER_ANNOUNCES_PLAN,
    "timetable": TIMETABLE,
    "programme": PROGRAMME,
    "comparative-after-intensifier": COMPARATIVE_AFTER_INTENSIFIER,
    "comparison-tail": COMPARISON_TAIL,
    "impersonal-passive-reckon": IMPERSONAL_PASSIVE_RECKON,
    "becomes-under-warning": BECOMES_UNDER_WARNING,
    "forecast-owner-preposition": FORECAST_OWNER_PREPOSITION,
    "conditioned-present-outcome": CONDITIONED_PRESENT_OUTCOME,
    "level-predicate": LEVEL_PREDICATE,
}


def _rows() -> List:
    return [pytest.param(text, check, id=f"{kind}/{name}") for kind, cases in KINDS.items() for name, text, check in cases]


@pytest.mark.parametrize("text, check", _rows())
def test_kind(text, check):
    """One row of a kind's grid (the id is kind/construction)."""
    fcs = forecasts_of(text)
    assert check(fcs), [(f.holder, f.holder_text, f.text) for f in fcs]


@pytest.mark.parametrize("text", [
    pytest.param("Die Arbeitslosigkeit wird laut Prognose auf 7,5 Prozent steigen.", id="laut-auf-amount"),
    pytest.param("Die Inflation liegt 2027 laut Prognose bei zwei Prozent.", id="laut-bei-amount"),
])
def test_laut_source_stops_before_amount(text):
    """statements/extract.py: "laut Prognose auf 7,5 Prozent" — the source is "Prognose";
    the amount after "auf"/"bei"/"um" belongs to the clause (the forecast's holder as written
    was "Prognose auf 7,5 Prozent")."""
    from lagebild.pipeline import analyze

    sts = analyze(text, language="de", published="2026-03-01").statements
    assert [st.speaker_text for st in sts] == ["Prognose"]


@pytest.mark.parametrize("text, source", [
    pytest.param("Laut Angaben von 12 Ärzten ist die Lage ernst.", "Angaben von 12 Ärzten", id="guard-von-number"),
    pytest.param("Laut einer Umfrage unter 500 Lehrern fehlt Personal.", "einer Umfrage unter 500 Lehrern",
                 id="guard-unter-number"),
])
def test_laut_source_keeps_its_attribute(text, source):
    from lagebild.pipeline import analyze

    sts = analyze(text, language="de", published="2026-03-01").statements
    assert [st.speaker_text for st in sts] == [source]
