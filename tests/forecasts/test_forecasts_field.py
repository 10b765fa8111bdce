"""Forecasts on real-model analyses: the field cases of ../shared/cases/field (skip without
../shared) and, for each kind of fault, a grid of our own sentences (issue 11)."""
from __future__ import annotations

import pytest

from lagebild.pipeline import analyze
from tests.conftest import SHARED, need_shared

FIELD = SHARED / "cases" / "field"
PUB = "2025-04-17"  # a Thursday


def _forecasts(text: str, lang: str, published: str = PUB):
    return analyze(text, language=lang, published=published).forecasts


def _case(name: str) -> str:
    paths = sorted(need_shared(FIELD).glob(f"{name}-*.txt"))
    if not paths:
        pytest.skip(f"field case {name} is absent from {FIELD}")
    return paths[0].read_text(encoding="utf-8")


# ---------------------------------------------------------------- field cases


def test_field_14_forecast_holders():
    fcs = analyze(_case("14")).forecasts
    cond = [f for f in fcs if f.condition and "Hormuz" in f.condition]
    assert cond and cond[0].holder != "author" and "official" in (cond[0].holder_text or "")
    assert cond[0].kind == "conditional"
    assert cond[0].horizon is None or cond[0].horizon["text"] != "on Sunday"  # the warning's date
    doubt = [f for f in fcs if "Tehran will take" in f.text]
    assert doubt and doubt[0].holder_text == "Analysts" and doubt[0].holder != "author"
    assert doubt[0].probability <= 0.3 or doubt[0].negated


def test_field_15_doubt_holder():
    [f] = analyze(_case("15")).forecasts
    assert f.holder != "author" and f.holder_text == "Beobachter"
    assert f.probability <= 0.3 or f.negated
    assert f.horizon and f.horizon["start"] == "2025-04-01"


def test_field_27_embedded_question_is_no_forecast():
    assert analyze(_case("27")).forecasts == []


# ---------------------------------------------------------------- grids


@pytest.mark.parametrize(
    "lang,text,holder_text",
    [
        ("de", "Diplomaten bezweifeln, dass Teheran im Herbst einlenken wird.", "Diplomaten"),
        ("de", "Die Opposition bezweifelt, dass die Reform im Herbst kommt.", "Die Opposition"),
        ("en", "Analysts doubt that the ceasefire will hold.", "Analysts"),
        ("en", "Many diplomats doubt that Moscow will accept the plan next year.", "Many diplomats"),
    ],
)
def test_grid_doubt_lowers_probability_and_holds(lang, text, holder_text):
    [f] = _forecasts(text, lang)
    assert f.holder_text == holder_text and f.holder != "author"
    assert f.probability <= 0.3 or f.negated


@pytest.mark.parametrize(
    "lang,text",
    [
        ("de", "Wichtig ist nicht, wann die Reform künftig greifen wird, sondern wer sie bezahlt."),
        ("de", "Niemand weiß, wo die Frontlinie künftig verlaufen wird."),
        ("de", "Offen ist, wann die Waffen geliefert werden."),
        ("de", "Es ist unklar, wie die Regierung reagieren wird."),
        ("en", "Nobody knows where the front line will run next year."),
        ("en", "It is unclear whether the talks will resume."),
    ],
)
def test_grid_indirect_question_is_no_forecast(lang, text):
    assert _forecasts(text, lang) == []


@pytest.mark.parametrize(
    "lang,text,holder_text",
    [
        ("de", "Der Ökonom Hans Müller sagte voraus, dass die Inflation im nächsten Jahr steigen wird.", "Hans Müller"),
        ("de", "Experten prognostizieren, dass die Preise weiter steigen werden.", "Experten"),
        ("de", "Analysten rechnen damit, dass die Zentralbank die Zinsen im Juni senkt.", "Analysten"),
        ("de", "Die Regierung erwartet, dass die Verhandlungen scheitern.", "Die Regierung"),
        ("de", "Nach Einschätzung des Politologen Markus Weber wird der Krieg noch Jahre dauern.", "Markus Weber"),
        ("en", "Economists predict that inflation will rise next year.", "Economists"),
        ("en", "According to the Foreign Office, the talks will resume next week.", "the Foreign Office"),
        ("en", "Experts forecast that the economy will shrink.", "Experts"),
    ],
)
def test_grid_prediction_verbs_and_evidentials_give_the_holder(lang, text, holder_text):
    [f] = _forecasts(text, lang)
    assert holder_text in (f.holder_text or "") and f.holder != "author"


@pytest.mark.parametrize(
    "lang,text,condition",
    [
        ("de", "Im Falle, dass die Hilfe ausbleibt, wird die Front im Sommer nachgeben.", "Im Falle, dass die Hilfe ausbleibt"),
        ("de", "Für den Fall, dass Russland angreift, wird die NATO reagieren.", "Für den Fall, dass Russland angreift"),
        ("de", "Solange die Sanktionen gelten, wird die Wirtschaft schrumpfen.", "Solange die Sanktionen gelten"),
        ("de", "Sollte die Hilfe ausbleiben, wird die Front nachgeben.", "Sollte die Hilfe ausbleiben"),
        ("en", "As long as the sanctions remain, the economy will shrink.", "As long as the sanctions remain"),
        ("en", "The general said the offensive would start in May unless the weather turns.", "unless the weather turns"),
        ("en", "In the event that talks fail, prices will rise.", "In the event that talks fail"),
    ],
)
def test_grid_condition_frames(lang, text, condition):
    [f] = _forecasts(text, lang)
    assert f.condition == condition


@pytest.mark.parametrize(
    "lang,text,holder_text",
    [
        ("de", "Trump sagte, wenn Putin nicht verhandle, werde er neue Sanktionen verhängen.", "Trump"),
        ("de", "Der Kanzler erklärte, falls Moskau angreife, werde Berlin mehr Waffen liefern.", "Der Kanzler"),
        (
            "en",
            "If Iran closes the Strait of Hormuz, the United States would strike Iranian ports, a senior US official warned on Sunday.",
            "a senior US official",
        ),
    ],
)
def test_grid_reported_conditional_threat_is_the_speakers(lang, text, holder_text):
    [f] = _forecasts(text, lang, published="2025-06-22")
    assert f.holder_text == holder_text and f.holder != "author" and f.condition
    assert f.horizon is None  # the date of the speech is not the horizon


def test_grid_horizon_of_the_predicted_event_not_the_speech():
    [f] = _forecasts("Der Minister sagte am Montag, die Waffen würden im Mai geliefert werden.", "de")
    assert f.horizon and f.horizon["text"] == "im Mai"


@pytest.mark.parametrize(
    "text,start",
    [
        ("Am Freitag wird Macron wahrscheinlich Warschau besuchen.", "2025-04-18"),
        ("Am Mittwoch wird die Kommission vermutlich neue Sanktionen vorschlagen.", "2025-04-23"),
        ("Der Minister erwartet, dass am Montag die Gespräche beginnen werden.", "2025-04-21"),
    ],
)
def test_grid_future_weekday_resolved_forward(text, start):
    [f] = _forecasts(text, "de")  # published Thursday 2025-04-17
    assert f.horizon and f.horizon["start"] == start


@pytest.mark.parametrize(
    "lang,text",
    [
        ("de", "Mit diesen Raketen könnte die Ukraine Ziele tief in Russland treffen."),
        ("de", "Grundsätzlich könnte die EU die Zölle senken."),
        ("en", "With these missiles Ukraine could strike targets deep inside Russia."),
        ("en", "In principle, the EU could lower the tariffs."),
    ],
)
def test_grid_ability_or_option_could_is_no_forecast(lang, text):
    assert _forecasts(text, lang) == []


@pytest.mark.parametrize(
    "text",
    [
        "Das hört sich so an, als könnten Sie als Bürgermeisterin kaum etwas ändern.",
        "Er tat so, als könnte ihn niemand aufhalten.",
    ],
)
def test_grid_as_if_modal_is_no_forecast(text):
    assert _forecasts(text, "de") == []


def test_grid_interview_answer_holds_the_forecast():
    text = (
        "Die Ministerin im Gespräch. ZEITUNG: Wie geht es weiter? Berger: Die Arbeitslosigkeit wird im Herbst sinken. "
        "ZEITUNG: Und die Opposition? Berger: Sie wird zustimmen."
    )
    fcs = _forecasts(text, "de")
    assert fcs and all(f.holder_text == "Berger" for f in fcs)


def test_grid_verb_first_konjunktiv_condition_forecast_is_the_speakers():
    text = "Schieder sprach im Parlament. Komme in den nächsten Wochen nichts heraus, würde der Plan scheitern."
    [f] = _forecasts(text, "de")
    assert f.holder_text == "Schieder" and f.condition and f.condition.startswith("Komme")


@pytest.mark.parametrize(
    "lang,text,speaker_text",
    [
        ("de", "Die Botschafterin Susan Berg hofft, dass die Briten pragmatisch entscheiden werden.", "Susan Berg"),
        ("en", "The ambassador hopes that the British will decide pragmatically.", "The ambassador"),
    ],
)
def test_grid_hope_is_a_statement_not_a_forecast(lang, text, speaker_text):
    doc = analyze(text, language=lang, published=PUB)
    assert doc.forecasts == []
    assert [s.verb_class for s in doc.statements] == ["hope"] and speaker_text in doc.statements[0].speaker_text


@pytest.mark.parametrize(
    "text",
    [
        "Es fehlen ja die Wohnungen, in die wir jemanden vermitteln könnten.",
        "Diese Maßnahme ist eine von mehreren, die helfen könnte.",
        "Die Koalitionsfraktionen dürften mehr Personal zur Verfügung haben.",
        "Dann könnten sich die Lehrer entweder an den Dienst oder an Vereine wenden.",
        "Wenn Schüler verletzt sind, würde sich das etwa durch Rückzug äußern.",
        "Werde bis 2023 im Amt bleiben.",
    ],
)
def test_grid_relative_option_state_and_intention_are_no_forecasts(text):
    assert _forecasts(text, "de") == []


@pytest.mark.parametrize(
    "text",
    [
        "Das würde rasch Wirkung zeigen.",
        "Die Begrenzung der Leistung würde größere Familien mit Armut bedrohen.",
        "Warte man weiter ab, werde der Schaden noch teurer.",
    ],
)
def test_grid_implicit_condition_and_change_of_state_predict(text):
    assert len(_forecasts(text, "de")) == 1


def test_grid_author_wuerde_with_condition_stays_the_authors():
    text = "Der Minister sagte, die Lage sei ernst. Ohne Hilfe würde das Land zusammenbrechen, wenn der Winter kommt."
    [f] = _forecasts(text, "de")
    assert f.holder == "author"


@pytest.mark.parametrize(
    "lang,text,holder_text",
    [
        ("de", "Mit 500 neuen Lehrstellen rechnet die Kammer im Herbst.", "die Kammer"),
        # the same construction where the parser goes wrong: a dateline read as the
        # subject, and a fronted object hung on its number (grid: test_holder_parse_faults)
        ("de", "Berlin – Mit 3.500 neuen Lehrlingen rechnet das Wirtschaftsministerium für dieses Jahr.", "das Wirtschaftsministerium"),
        ("de", "Mit 2.000 zusätzlichen Asylanträgen rechnet das Innenministerium für dieses Jahr.", "das Innenministerium"),
        ("de", "Experten erwarten eine Eskalation im Sommer.", "Experten"),
        ("de", "Die Welthandelsorganisation sagt Großbritannien hohe Zollkosten im Falle eines Austritts voraus.", "Welthandelsorganisation"),
        ("en", "Economists expect a recession next year.", "Economists"),
    ],
)
def test_grid_expectation_of_a_noun_phrase(lang, text, holder_text):
    [f] = _forecasts(text, lang)
    assert f.kind == "expectation" and holder_text in (f.holder_text or "")


def test_grid_expected_noun_phrase_is_no_statement():
    assert analyze("Experten erwarten eine Eskalation im Sommer.", language="de", published=PUB).statements == []


@pytest.mark.parametrize(
    "text,n",
    [
        ("Neue Produkte und Exporterfolge sollten den Einbruch in den kommenden Jahren wieder ausgleichen.", 1),
        ("Die Regierung sollte im nächsten Jahr die Steuern senken.", 0),
        ("Die Preise sollten sinken.", 0),  # no future anchor: advice or expectation, undecided
    ],
)
def test_grid_should_of_expectation_needs_a_thing_subject_and_an_anchor(text, n):
    assert len(_forecasts(text, "de")) == n


def test_grid_elided_first_person_future_in_a_quoted_headline_is_an_intention():
    assert _forecasts("„Werde bis 2023 im Amt bleiben“", "de") == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Präsident erwarte sich von der Politik, dass Bund und Länder zusammenarbeiten.",  # a demand
        "Die Familien fürchten, ihre Angehörigen könnten entführt worden sein.",  # about the past
        "Offenbar rechnen die Beamten damit, dass der Streik am Zerfallen war.",  # past content
    ],
)
def test_grid_expectation_verbs_that_do_not_predict(text):
    assert _forecasts(text, "de") == []


def test_grid_assume_holds_the_expected_outcome():
    [f] = _forecasts("Die Minister gehen davon aus, dass die Sozialisten die Regierung unterstützen würden.", "de")
    assert f.holder_text == "Die Minister" and f.kind == "expectation"


def test_grid_bare_wuerde_with_demonstrative_next_to_it():
    [f] = _forecasts("Für Bayern würde das eine Entlastung der Kommunen bringen, betonte der Minister.", "de")
    assert f.holder_text == "der Minister"
