"""Statements on real-model analyses: the field cases of ../shared/cases/field (skip without
../shared) and, for each kind of fault, a grid of our own sentences (issue 11)."""
from __future__ import annotations

import pytest

from lagebild.pipeline import analyze
from tests.conftest import SHARED, need_shared

FIELD = SHARED / "cases" / "field"
PUB = "2025-04-17"  # a Thursday


def _statements(text: str, lang: str):
    return analyze(text, language=lang, published=PUB).statements


def _case(name: str) -> str:
    paths = sorted(need_shared(FIELD).glob(f"{name}-*.txt"))
    if not paths:
        pytest.skip(f"field case {name} is absent from {FIELD}")
    return paths[0].read_text(encoding="utf-8")


# ---------------------------------------------------------------- field cases


def test_field_03_noun_states_and_warned_object_are_no_statements():
    doc = analyze(_case("03"))
    assert not any(s.cue in ("states", "state") for s in doc.statements)
    assert not any("Tehran against" in s.text for s in doc.statements)


def test_field_04_event_and_topic_are_no_statements():
    assert analyze(_case("04")).statements == []


def test_field_24_jussive_reminder_and_quoted_name_are_no_statements():
    assert analyze(_case("24")).statements == []


def test_field_28_insist_speaker():
    [st] = analyze(_case("28")).statements
    assert st.kind == "indirect" and st.speaker != "unknown" and "Orb" in (st.speaker_text or "")
    assert st.cue == "besteht darauf"
    assert "die Sanktionen vor allem Europa schadeten" in st.text


# ---------------------------------------------------------------- grids: no content argument


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "Several member states want a lower cap on Russian oil."),
        ("en", "Many states claim the right to self-defence in the charter."),
        ("en", "Washington warned Tehran against enriching more uranium."),
        ("en", "The minister warned of higher prices."),
        ("de", "Ex-Präsident Poroschenko kritisierte Selenskyj."),
        ("de", "Die Opposition kritisierte den Haushalt scharf."),
        ("de", "Die Minister sprachen u.a. über Flugabwehr, z.B. über weitere Patriot-Systeme."),
        ("de", "Die Außenminister sprachen am Montag über die Lage in Gaza."),
        ("de", "Man kann sagen, dass die Lage ernst ist."),
        ("en", "One could say that the war is lost."),
        ("de", "Gemäß dem Abkommen müssen die Truppen abziehen."),
        ("de", "Es sei daran erinnert, dass die Regierung keine Mehrheit hat."),
        ("de", "Hier sei angemerkt, dass der Vertrag ausläuft."),
        ("de", "Die Partei „Diener des Volkes“ gewann die Wahl."),
        ("en", 'The "interim" president met the envoy.'),
        ("de", "Es besteht die Gefahr einer Eskalation."),
    ],
)
def test_grid_no_statement_without_content_argument(lang, text):
    assert _statements(text, lang) == []


@pytest.mark.parametrize(
    "lang,text,content",
    [
        ("de", "Die Opposition kritisierte, dass der Haushalt zu spät komme.", "dass der Haushalt zu spät komme"),
        ("de", "Orbán besteht darauf, dass die Sanktionen Europa schaden.", "dass die Sanktionen Europa schaden"),
        ("de", "Der Minister sagte, die Lage sei stabil.", "die Lage sei stabil"),
        ("en", "The minister said the situation was stable.", "the situation was stable"),
        ("en", "Several member states said that the cap was too high.", "that the cap was too high"),
        ("en", "Washington warned that Tehran was enriching more uranium.", "that Tehran was enriching more uranium"),
    ],
)
def test_grid_statement_with_content_argument(lang, text, content):
    found = _statements(text, lang)
    assert [s.text for s in found] == [content]


# ---------------------------------------------------------------- grids: attribution


@pytest.mark.parametrize(
    "text,speaker_text",
    [
        (
            "„Wir werden die Ukraine nicht im Stich lassen.“ Diese Einschätzung äußerte der Politologe Peter Klein.",
            "Peter Klein",
        ),
        ("„Die Sanktionen wirken nicht.“ Dies sagte der Ökonom Jan Brandt.", "Jan Brandt"),
        ("Der Außenminister widersprach: »Das ist falsch, wir haben nie verhandelt.«", "Der Außenminister"),
        ("Die Kanzlerin entgegnete: „Das werden wir nicht hinnehmen.“", "Die Kanzlerin"),
    ],
)
def test_grid_quote_speaker_before_or_after(text, speaker_text):
    found = [s for s in _statements(text, "de") if s.kind == "direct"]
    assert len(found) == 1 and speaker_text in (found[0].speaker_text or "")


def test_grid_party_compound_is_a_person_not_the_party():
    text = "Friedrich Merz traf Kollegen. „Die Lage ist sehr ernst, wir müssen handeln“, sagte der CDU-Politiker."
    [st] = _statements(text, "de")
    assert st.speaker == "per:friedrich_merz" and st.speaker_text == "der CDU-Politiker"


def test_grid_according_to_gives_speaker():
    [st] = _statements("According to the Foreign Office, the talks will resume next week.", "en")
    assert st.speaker_text == "the Foreign Office" and st.text == "the talks will resume next week"


@pytest.mark.parametrize(
    "text,n",
    [
        ('Trump spoke on Monday. "If they attack our ships, we will hit them very hard," Trump told reporters.', 1),
        ('"We are ready." The minister said: "This is wrong." "It will fail," he warned.', 2),
        ('"Why now?" she asked. "Because the war will not end soon," he replied.', 1),
    ],
)
def test_grid_english_quotes_stay_in_their_sentence(text, n):
    found = [s for s in _statements(text, "en") if s.kind == "direct" and s.cue not in ('""',)]
    assert len(found) >= n
    for st in found:
        assert st.speaker != "unknown" or st.speaker_text
        assert len(st.text.split()) >= 2


def test_trump_quote_is_one_sentence_with_addressee():
    text = 'Trump spoke on Monday. "If they attack our ships, we will hit them very hard," Trump told reporters.'
    [st] = [s for s in _statements(text, "en") if s.cue == "told"]
    assert st.text.startswith("If they attack our ships") and st.speaker == "per:donald_trump"
    assert st.addressee == "reporters"


# ---------------------------------------------------------------- grids found on dev-half news


def test_grid_inline_interview_turns():
    text = (
        "Die Ministerin im Gespräch. ZEITUNG: Wie geht es weiter? Berger: Wir werden die Reform bald beschließen. "
        "ZEITUNG: Und die Opposition? Berger: Die wird zustimmen, da bin ich sicher."
    )
    turns = [s for s in _statements(text, "de") if s.verb_class == "turn"]
    assert [s.speaker_text for s in turns] == ["ZEITUNG", "Berger", "ZEITUNG", "Berger"]


def test_grid_single_inline_label_is_no_interview():
    text = "Die Lage ist ernst. Fazit: Die Regierung muss handeln. Das sagen alle."
    assert not [s for s in _statements(text, "de") if s.verb_class == "turn"]


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin fest davon überzeugt, dass mein Weg am Ende Erfolg bringt.",
        "Meine Partei steht hinter dem Plan.",
    ],
)
def test_grid_possessive_is_no_konjunktiv(text):
    assert not [s for s in _statements(text, "de") if s.cue and s.cue.lower() == "meine"]


def test_grid_expletive_es_names_nobody():
    text = "Maria Huber schrieb einen Brief. In dem Brief heißt es, die Schule sei geschlossen."
    [st] = [s for s in _statements(text, "de") if s.cue == "heißt"]
    assert st.speaker == "unknown"


def test_grid_fronted_dass_clause_speaker_after_verb():
    text = "Dass der Vorsitz wieder an einen Juristen geht, vermutet Josef Kalina, ein erfahrener Berater, im Gespräch."
    [st] = _statements(text, "de")
    assert st.speaker_text == "Josef Kalina" and st.text.startswith("Dass der Vorsitz")


def test_grid_verb_first_konjunktiv_condition_is_reported():
    text = "Schieder sprach im Parlament. Komme in den nächsten Wochen nichts heraus, würde er den Plan unterstützen."
    [st] = _statements(text, "de")
    assert st.speaker_text == "Schieder" and st.text.startswith("Komme")


def test_grid_inverted_subject_parsed_as_object_is_the_speaker():
    [st] = _statements("Die Zahl der Delikte sei gestiegen, schrieb die Zeitung.", "de")
    assert st.speaker_text == "die Zeitung"


def test_grid_wuerde_after_reported_speech_continues_it():
    text = "Die Zahl der Delikte sei gestiegen, schrieb die Zeitung. Die Zahlen würden wohl noch steigen, da vieles nachgemeldet werde."
    found = _statements(text, "de")
    assert [s.speaker_text for s in found] == ["die Zeitung", "die Zeitung"]


@pytest.mark.parametrize(
    "text",
    [
        "Die Kandidatenlisten wurden bestätigt: Über ein Grundmandat ziehen Hans Schaller und Eva Roth ein.",
        "Die Zahlen wurden am Montag bestätigt, dass die Wirtschaft wächst.",
    ],
)
def test_grid_passive_subject_is_not_the_speaker(text):
    for st in _statements(text, "de"):
        assert st.speaker_text is None or "Kandidatenlisten" not in st.speaker_text and "Zahlen" not in st.speaker_text


@pytest.mark.parametrize(
    "second,reported",
    [
        ("Experten hätten die Granate am Morgen gesprengt.", True),  # plural Konjunktiv II stands in for Konjunktiv I
        ("Die Bewohner bräuchten nun Hilfe.", True),
        ("Das wäre ein Fehler gewesen.", False),  # singular: the author's hypothetical
    ],
)
def test_grid_plural_konjunktiv_two_continues_reported_speech(second, reported):
    text = "Die Granate sei scharf gewesen, teilte die Polizei mit. " + second
    found = [s for s in _statements(text, "de") if s.text.startswith(second.split()[0])]
    assert bool(found) == reported
