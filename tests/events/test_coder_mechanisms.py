"""Argument repairs and nominal events on hand-built German parses."""
import pytest

from event_docs import build, triples

P, V, N = "PROPN", "VERB", "NOUN"


def test_coder_nominal_meeting_with_coordinated_adjectives(coder_de):
    # Das Treffen von Rubio mit europäischen und ukrainischen Politikern in Paris endete.
    rows = [("Das", 1, "det", "DET", "der"), ("Treffen", 11, "nsubj", N, "Treffen"), ("von", 3, "case", "ADP", "von"),
            ("Rubio", 1, "nmod", P, "Rubio"), ("mit", 8, "case", "ADP", "mit"), ("europäischen", 8, "amod", "ADJ", "europäisch"),
            ("und", 7, "cc", "CCONJ", "und"), ("ukrainischen", 5, "conj", "ADJ", "ukrainisch"),
            ("Politikern", 1, "nmod", N, "Politiker"), ("in", 10, "case", "ADP", "in"), ("Paris", 8, "nmod", P, "Paris"),
            ("endete", 11, "ROOT", V, "enden"), (".", 11, "punct", "PUNCT", ".")]
    doc = build("de", rows, {3: "RUBIO", 5: "EU", 7: "UKR", 10: "PAR"})
    events = coder_de.code_doc(doc)
    assert triples(events) == [("RUBIO", "EU", "040"), ("RUBIO", "UKR", "040")]
    assert all(e.location == "Paris" for e in events)


def test_coder_anaphoric_country_noun(coder_de):
    # Rubio kündigte an, dass sich das Land zurückziehen könnte.
    rows = [("Rubio", 1, "nsubj", P, "Rubio"), ("kündigte", 1, "ROOT", V, "kündigen"), ("an", 1, "compound:prt", "ADP", "an"),
            (",", 8, "punct", "PUNCT", ","), ("dass", 8, "mark", "SCONJ", "dass"), ("sich", 8, "obj", "PRON", "sich", "Reflex=Yes"),
            ("das", 7, "det", "DET", "der"), ("Land", 8, "nsubj", N, "Land"), ("zurückziehen", 1, "ccomp", V, "zurückziehen", "VerbForm=Inf"),
            ("könnte", 8, "aux", "AUX", "können", "Mood=Sub"), (".", 1, "punct", "PUNCT", ".")]
    doc = build("de", rows, {0: "RUBIO"})
    doc._.actors[0].country = "USA"
    from lagebild.schemas import Actor

    doc._.actors.append(Actor("USA", "Vereinigte Staaten", "GPE", country="USA"))
    events = coder_de.code_doc(doc)
    assert triples(events) == [("USA", None, "166")]
    assert events[0].modality == "hypothetical" and "threatened" in events[0].modalities


def test_coder_extraposed_relative_clause(coder_de):
    # Das passt dem Präsidenten nicht, der Russland kritisiert.
    rows = [("Das", 1, "nsubj", "PRON", "der"), ("passt", 1, "ROOT", V, "passen"), ("dem", 3, "det", "DET", "der", "Case=Dat|Gender=Masc|Number=Sing"),
            ("Präsidenten", 1, "obl", N, "Präsident", "Case=Dat|Gender=Masc|Number=Sing"), ("nicht", 1, "advmod", "PART", "nicht"),
            (",", 8, "punct", "PUNCT", ","), ("der", 8, "nsubj", "PRON", "der", "Case=Nom|Gender=Masc|Number=Sing|PronType=Rel"),
            ("Russland", 8, "obj", P, "Russland"), ("kritisiert", 1, "ccomp", V, "kritisieren"), (".", 1, "punct", "PUNCT", ".")]
    events = coder_de.code_doc(build("de", rows, {3: "TRUMP", 7: "RUS"}))
    assert triples(events) == [("TRUMP", "RUS", "111")]


def test_coder_dateline_is_no_argument(coder_de):
    # Moskau – Kritisierte China gestern? (a dateline place must not become the source)
    rows = [("Moskau", 2, "nsubj", P, "Moskau"), ("–", 2, "punct", "PUNCT", "–"), ("kritisierte", 2, "ROOT", V, "kritisieren"),
            ("China", 2, "obj", P, "China"), (".", 2, "punct", "PUNCT", ".")]
    events = coder_de.code_doc(build("de", rows, {0: "RUS", 3: "CHN"}))
    assert not any(e.source == "RUS" or e.target == "RUS" for e in events)


def test_coder_headline_participle_is_passive(coder_de):
    # Zwei Palästinenser erschossen.
    rows = [("Zwei", 1, "nummod", "NUM", "zwei"), ("Palästinenser", 2, "nsubj", N, "Palästinenser"),
            ("erschossen", 2, "ROOT", V, "erschießen", "VerbForm=Part"), (".", 2, "punct", "PUNCT", ".")]
    assert triples(coder_de.code_doc(build("de", rows, {1: "PSE"}))) == [(None, "PSE", "1823")]


@pytest.mark.parametrize("reflexive,expected", [(True, []), (False, [("FRA", "UKR", "030")])])
def test_coder_reflexive_versprechen_is_no_promise(coder_de, reflexive, expected):
    # Frankreich verspricht sich/der Ukraine viel.
    obj = ("sich", 1, "iobj", "PRON", "sich", "Reflex=Yes") if reflexive else ("Ukraine", 1, "iobj", P, "Ukraine")
    rows = [("Frankreich", 1, "nsubj", P, "Frankreich"), ("verspricht", 1, "ROOT", V, "versprechen"), obj,
            ("viel", 1, "obj", "PRON", "viel"), (".", 1, "punct", "PUNCT", ".")]
    assert triples(coder_de.code_doc(build("de", rows, {0: "FRA", 2: "UKR"} if not reflexive else {0: "FRA"}))) == expected


def test_coder_word_order_repairs_two_subjects(coder_de):
    # Trump drohte China. (parsed with two subjects)
    rows = [("Trump", 1, "nsubj", P, "Trump", "Case=Nom"), ("drohte", 1, "ROOT", V, "drohen"),
            ("China", 1, "nsubj", P, "China", "Case=Nom"), (".", 1, "punct", "PUNCT", ".")]
    assert triples(coder_de.code_doc(build("de", rows, {0: "TRUMP", 2: "CHN"}))) == [("TRUMP", "CHN", "130")]


@pytest.mark.parametrize(
    "form,morph,modality",
    [("greift", "Mood=Ind|Tense=Pres", "asserted"), ("greife", "Mood=Sub|Tense=Pres", "reported"),
     ("griffe", "Mood=Sub|Tense=Past", "hypothetical")],
)
def test_coder_konjunktiv_of_main_verb(coder_de, form, morph, modality):
    # Russland greift/greife/griffe Kiew an.
    rows = [("Russland", 1, "nsubj", P, "Russland"), (form, 1, "ROOT", V, "greifen", morph), ("Kiew", 1, "obj", P, "Kiew"),
            ("an", 1, "compound:prt", "ADP", "an"), (".", 1, "punct", "PUNCT", ".")]
    events = coder_de.code_doc(build("de", rows, {0: "RUS", 2: "KYIV"}))
    assert triples(events) == [("RUS", "KYIV", "190")] and events[0].modality == modality


def test_coder_evaluative_that_clause_is_not_asserted(coder_de):
    # Es ist wichtig, dass Trump mit Putin verhandelt.
    rows = [("Es", 2, "expl", "PRON", "es"), ("ist", 2, "cop", "AUX", "sein"), ("wichtig", 2, "ROOT", "ADJ", "wichtig"),
            (",", 8, "punct", "PUNCT", ","), ("dass", 8, "mark", "SCONJ", "dass"), ("Trump", 8, "nsubj", P, "Trump"),
            ("mit", 7, "case", "ADP", "mit"), ("Putin", 8, "obl", P, "Putin"), ("verhandelt", 2, "csubj", V, "verhandeln"),
            (".", 2, "punct", "PUNCT", ".")]
    events = coder_de.code_doc(build("de", rows, {5: "TRUMP", 7: "PUTIN"}))
    assert triples(events) == [("TRUMP", "PUTIN", "046")] and events[0].modality == "hypothetical"


def test_coder_fronted_condition(coder_de):
    # Wenn es nicht klappt, wird Trump Putin treffen.
    rows = [("Wenn", 3, "mark", "SCONJ", "wenn"), ("es", 3, "expl", "PRON", "es"), ("nicht", 3, "advmod", "PART", "nicht"),
            ("klappt", 3, "ROOT", V, "klappen"), (",", 3, "punct", "PUNCT", ","), ("wird", 8, "aux", "AUX", "werden"),
            ("Trump", 8, "nsubj", P, "Trump"), ("Putin", 8, "obj", P, "Putin"), ("treffen", 3, "parataxis", V, "treffen", "VerbForm=Inf"),
            (".", 3, "punct", "PUNCT", ".")]
    events = coder_de.code_doc(build("de", rows, {6: "TRUMP", 7: "PUTIN"}))
    assert triples(events) == [("TRUMP", "PUTIN", "040")]
    assert events[0].modality == "conditional" and events[0].condition == "Wenn es nicht klappt" and not events[0].negated


def test_merged_repeats_keep_their_mentions():
    """A later event with the same source, target, code and modality is a re-mention: it is
    merged into the first, whose ``mentions`` keep the repeat's trigger span (so a scorer or
    a view can still place it in its sentence); an agentless nominal re-mention too."""
    from lagebild.events.coder import EventCoder
    from lagebild.schemas import Event

    first = Event(source="a", target="b", cameo="111", span=(0, 20), trigger_span=(6, 16), trigger="kritisiert")
    again = Event(source="a", target="b", cameo="111", span=(30, 90), trigger_span=(70, 80), trigger="kritisiert")
    other = Event(source="a", target="c", cameo="111", span=(30, 90), trigger_span=(40, 45), trigger="tadelt")
    nominal = Event(source=None, target="b", cameo="190", span=(100, 140), trigger_span=(104, 112), trigger="Angriff")
    attack = Event(source="a", target="b", cameo="190", span=(0, 20), trigger_span=(2, 5), trigger="griff")
    out = EventCoder.merge_repeats([first, again, other, attack, nominal])
    assert out == [first, other, attack]
    assert first.mentions == [(70, 80)] and other.mentions == [] and attack.mentions == [(104, 112)]
