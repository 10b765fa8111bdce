"""Forecast detection on hand-built Docs: morphology, the parse, lexicons, holders."""
from __future__ import annotations

from datetime import date

import pytest

from lagebild.forecasts.detect import forecasts_for_doc
from lagebild.schemas import Event, Statement
from lagebild.statements.extract import extract_statements

PUB = date(2025, 3, 1)
FIN = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"


def run(doc):
    doc._.statements = extract_statements(doc)
    return forecasts_for_doc(doc)


def test_detect_future_needs_infinitive_morphology(make_doc):
    fut = make_doc("de", ["Er", "wird", "den", "Vertrag", "unterschreiben", "."], morphs=["", FIN, "", "", "VerbForm=Inf", ""])
    pas = make_doc("de", ["Der", "Vertrag", "wird", "unterschrieben", "."], morphs=["", "", FIN, "VerbForm=Part", ""])
    [f] = run(fut)
    assert (f.holder, f.kind, f.probability) == ("author", "future", 0.8)
    assert run(pas) == []


@pytest.mark.parametrize(
    "words,heads,deps,n",
    [
        (["Er", "wird", "kommen", "."], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "punct"], 1),
        (["Es", "wird", "gebaut", "."], [2, 2, 2, 2], ["nsubj:pass", "aux:pass", "ROOT", "punct"], 0),
        (["Er", "wird", "Präsident", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "obj", "punct"], 0),
    ],
)
def test_detect_future_from_parse(make_doc, words, heads, deps, n):
    assert len(run(make_doc("de", words, heads=heads, deps=deps))) == n


@pytest.mark.parametrize(
    "lang,text",
    [
        ("de", "Der Minister hätte früher handeln müssen."),
        ("de", "Wird die Regierung die Steuern erhöhen?"),
        ("de", "Ob die Regierung die Steuern erhöhen wird, ist offen."),
        ("de", "Ein kleines Land könnte sich nie wehren."),
        ("de", "Die Regierung muss jetzt handeln."),
        ("de", "Der Präsident will die Reform durchsetzen."),
        ("de", "Der Präsident versprach, dass die Renten steigen werden."),
        ("de", "Der Minister ahnt wahrscheinlich die Gefahr."),
        ("en", "The minister should have acted earlier."),
        ("en", "Whether the government will raise taxes remains open."),
        ("en", "The political will to compromise is missing."),
        ("en", "The president promised that taxes would fall."),
        ("en", "Will the government survive?"),
        ("de", "Wir werden die Grenze schützen."),
        ("de", "Das Flugzeug dürfte viel Geld wert sein."),
        ("de", "Die Bank dürfte die Zinsen bereits gesenkt haben."),
        ("de", "Es wäre dumm, wenn wir das täten."),
        ("de", "Wäre ich Kanzler, würde ich die Steuern senken."),
        ("de", "Die Zahl könnte diesmal höher sein als erwartet, wie er sagt."),
        ("de", "Die Lieferung soll nächste Woche übertragen werden."),
        ("de", "Er sagte, man werde darüber reden."),
        ("de", "Es sieht aus, als würde es regnen."),
        ("en", "She could not sleep after the attack."),
        ("en", "We could not have been happier."),
        ("en", "I will call you tomorrow."),
        ("en", "If I were president, I would cut taxes."),
    ],
)
def test_detect_hard_negatives(make_raw, lang, text):
    assert run(make_raw(lang, text, published=PUB)) == []


@pytest.mark.parametrize(
    "lang,text,probability,negated",
    [
        ("de", "Er wird kommen.", 0.8, False),
        ("de", "Er wird wahrscheinlich kommen.", 0.75, False),
        ("de", "Er wird höchstwahrscheinlich kommen.", 0.93, False),
        ("de", "Er wird kaum kommen.", 0.15, False),
        ("de", "Er wird nicht kommen.", 0.8, True),
        ("de", "Es ist nicht wahrscheinlich, dass er kommt.", 0.3, False),
        ("de", "Russland dürfte angreifen.", 0.7, False),
        ("en", "He will probably come.", 0.75, False),
        ("en", "He won't come.", 0.8, True),
        ("en", "It is not likely that he comes.", 0.3, False),
        ("en", "He is unlikely to come.", 0.25, False),
        ("en", "The talks may fail.", 0.4, False),
    ],
)
def test_detect_probability_from_wep(make_raw, lang, text, probability, negated):
    [f] = run(make_raw(lang, text, published=PUB))
    assert f.probability == pytest.approx(probability)
    assert f.negated is negated


@pytest.mark.parametrize(
    "lang,text,condition",
    [
        ("de", "Wenn die Gespräche scheitern, wird Moskau angreifen.", "Wenn die Gespräche scheitern"),
        ("de", "Falls die Hilfe ausbleibt, wird die Front brechen.", "Falls die Hilfe ausbleibt"),
        ("en", "Moscow will attack if the talks fail.", "if the talks fail"),
        ("en", "Should the talks fail, Moscow would attack.", "Should the talks fail"),
    ],
)
def test_detect_condition(make_raw, lang, text, condition):
    [f] = run(make_raw(lang, text, published=PUB))
    assert f.condition == condition and f.holder == "author"


def test_detect_concessive_is_no_condition(make_raw):
    [f] = run(make_raw("de", "Auch wenn es regnet, wird das Spiel stattfinden.", published=PUB))
    assert f.condition is None


def test_detect_holder_is_reporting_actor(make_raw):
    doc = make_raw("de", "Der Minister sagte, die Waffenruhe werde halten.", actors=[("MIN", "PER", "DEU", "Minister", ["Minister"])])
    [f] = run(doc)
    assert (f.holder, f.holder_text) == ("MIN", "Minister")


def test_detect_holder_of_expectation_verb(make_raw):
    doc = make_raw("en", "Analysts expect oil prices to fall.", published=PUB)
    [f] = run(doc)
    assert (f.holder, f.holder_text, f.kind) == ("unknown", "Analysts", "expectation")


def test_detect_holder_is_interview_speaker(make_raw):
    text = "Smith: What next?\n\nJones: The war will end next year.\n\nSmith: Why?\n\nJones: Both sides are tired."
    [f] = run(make_raw("en", text, published=PUB))
    assert f.holder == "Jones" and f.text == "The war will end next year"


def test_detect_reported_conditional_commitment_is_the_speakers_conditional_forecast(make_raw):
    # issue 11: a reported conditional threat is a conditional forecast held by the speaker,
    # never the author's (it was dropped before)
    text = "Trump sprach. Er behauptete, dass die USA ihre Hilfe stoppen würden, wenn Kiew ablehnt."
    actors = [("TRUMP", "PER", "USA", "Donald Trump", ["Trump"]), ("USA", "GPE", "USA", "United States", ["USA"])]
    doc = make_raw("de", text, actors=actors, published=PUB)
    [f] = run(doc)
    assert (f.holder, f.kind, f.condition) == ("TRUMP", "conditional", "wenn Kiew ablehnt")
    assert doc._.statements[0].commitment == "conditional"


def test_detect_unconditional_promise_is_no_forecast(make_raw):
    text = "Merkel versprach, dass die Grenze im Sommer offen bleiben wird."
    doc = make_raw("de", text, actors=[("MERKEL", "PER", "DEU", "Angela Merkel", ["Merkel"])], published=PUB)
    assert run(doc) == []


@pytest.mark.parametrize(
    "lang,text,htext,start,end",
    [
        ("de", "Die Preise werden bis Ende des Jahres steigen.", "bis Ende des Jahres", "2025-03-01", "2025-12-31"),
        ("en", "Prices will rise next month.", "next month", "2025-04-01", "2025-04-30"),
        ("de", "Er wird während seiner Amtszeit keinen Krieg beginnen.", "während seiner Amtszeit", "2025-03-01", None),
    ],
)
def test_detect_horizon(make_raw, lang, text, htext, start, end):
    [f] = run(make_raw(lang, text, published=PUB))
    assert f.horizon == {"text": htext, "start": start, "end": end}


def test_detect_hedged_present_with_future_anchor(make_raw):
    [f] = run(make_raw("de", "Russland greift wahrscheinlich nächste Woche an.", published=PUB))
    assert (f.kind, f.probability) == ("hedged", 0.75)


def test_detect_predicted_and_condition_events(make_raw):
    text = "Wenn Kiew ablehnt, wird Moskau angreifen."
    doc = make_raw("de", text, published=PUB)
    doc._.events = [
        Event(source="RUS", target="UKR", cameo="190", span=(text.index("Moskau"), len(text) - 1), modality="predicted"),
        Event(source="UKR", target=None, cameo="125", span=(text.index("Kiew"), text.index(",")), modality="conditional"),
    ]
    [f] = run(doc)
    assert f.predicted == {"source": "RUS", "target": "UKR", "cameo": "190"}
    assert f.condition_event == {"source": "UKR", "target": None, "cameo": "125"}


def test_detect_language_without_data_files_gives_nothing(make_raw):
    doc = make_raw("fr", "Il viendra demain.")
    assert forecasts_for_doc(doc) == []


def test_detect_term_horizon_end_from_actor_kb(make_raw, monkeypatch):
    from types import SimpleNamespace

    from lagebild.actors import kb as kbmod

    office = SimpleNamespace(end=date(2021, 1, 20))
    fake = SimpleNamespace(get=lambda i: SimpleNamespace(office_at=lambda on: office) if i == "TRUMP" else None)
    monkeypatch.setattr(kbmod, "load_kb", lambda *a, **k: fake)
    doc = make_raw("de", "Trump wird während seiner Amtszeit keinen Krieg beginnen.",
                   actors=[("TRUMP", "PER", "USA", "Donald Trump", ["Trump"])], published=date(2019, 5, 1))
    [f] = run(doc)
    assert f.horizon == {"text": "während seiner Amtszeit", "start": "2019-05-01", "end": "2021-01-20"}


@pytest.mark.parametrize("factory", ["lagebild_statements", "lagebild_forecasts"])
def test_detect_component_warns_for_language_without_lexicons(factory):
    import spacy

    import lagebild.forecasts.component  # noqa: F401
    import lagebild.statements.component  # noqa: F401

    nlp = spacy.blank("fr")
    with pytest.warns(UserWarning, match=r"\[W30[12]\]"):
        nlp.add_pipe(factory)
    doc = nlp("Il viendra demain.")
    assert doc._.forecasts is None or doc._.forecasts == [] or doc._.statements == []


def test_detect_dated_plan_is_no_forecast(make_raw):
    text = "Der Kommissar wird am Mittwoch nach Wien kommen."
    assert run(make_raw("de", text, published=PUB)) == []
    # hedged, it is a forecast again
    [f] = run(make_raw("de", "Der Kommissar wird wohl am Mittwoch nach Wien kommen.", published=PUB))
    assert f.horizon["start"] == "2025-03-05"  # the next Wednesday, not the last one


def test_detect_sentence_wide_events_split_by_trigger(make_raw):
    text = "Putin wird Trump im Mai treffen, falls Kiew zustimmt."
    doc = make_raw("de", text, published=PUB)
    whole = (0, len(text))
    doc._.events = [
        Event(source="RUS", target="USA", cameo="040", span=whole, trigger="treffen", modality="predicted"),
        Event(source="UKR", target=None, cameo="019", span=whole, trigger="zustimmt", modality="asserted"),
    ]
    [f] = run(doc)
    assert f.predicted["cameo"] == "040" and f.condition_event["cameo"] == "019"


@pytest.mark.parametrize(
    "lang,text,negated",
    [
        ("de", "Ich glaube nicht, dass Putin den Vertrag unterschreiben wird.", True),
        ("de", "Ich glaube, dass Putin den Vertrag nicht unterschreiben wird.", True),
        ("de", "Ich glaube, dass Putin den Vertrag unterschreiben wird.", False),
        ("en", "I don't think that Putin will sign the treaty.", True),
    ],
)
def test_detect_negated_belief_negates_the_forecast(make_raw, lang, text, negated):
    [f] = run(make_raw(lang, text, published=PUB))
    assert f.negated is negated and f.holder == "author"


def test_detect_deadline_horizon_runs_from_publication(make_raw):
    [f] = run(make_raw("de", "Die Türkei wird ihre Truppen bis zum Frühjahr abziehen.", published=date(2025, 9, 10)))
    assert f.horizon["start"] == "2025-09-10" and f.horizon["end"].startswith("2026-")


@pytest.mark.parametrize(
    "text,start",
    [
        # a day and month without a year, past at publication (2015-12-01): the next one
        ("Der Minister wird wohl am 15. Mai nach Wien kommen.", "2016-05-15"),
        ("Die Verhandlungen werden voraussichtlich am 3. März beginnen.", "2016-03-03"),
        ("Der Prozess gegen den Ex-Minister wird wahrscheinlich am 20. Jänner eröffnet werden.", "2016-01-20"),
        # still ahead at publication: unchanged
        ("Der Minister wird wohl am 20. Dezember nach Wien kommen.", "2015-12-20"),
        # a stated year stays as written
        ("Der Minister wird wohl am 15. Mai 2017 nach Wien kommen.", "2017-05-15"),
    ],
)
def test_detect_day_month_without_year_is_the_next_one(make_raw, text, start):
    """A future-tense forecast dated by day and month only means the next such day, not the
    one already past at publication (it showed as "due" in the ledger)."""
    [f] = run(make_raw("de", text, published=date(2015, 12, 1)))
    assert f.horizon["start"] == start, f.horizon
