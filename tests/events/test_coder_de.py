"""German event coding on hand-built parses (one parametrized case per pattern family)."""
import pytest

from event_docs import build, content_events, triples

P = "PROPN"
V = "VERB"


def rows_meeting():
    return [("Rubio", 5, "nsubj", P, "Rubio"), (",", 2, "punct", "PUNCT", ","), ("Witkoff", 0, "conj", P, "Witkoff"),
            ("und", 4, "cc", "CCONJ", "und"), ("Kellogg", 0, "conj", P, "Kellogg"),
            ("trafen", 5, "ROOT", V, "treffen", "Mood=Ind|Tense=Past|VerbForm=Fin"), ("sich", 5, "obj", "PRON", "sich", "Reflex=Yes"),
            ("am", 8, "case", "ADP", "an"), ("Freitag", 5, "obl", "NOUN", "Freitag"), ("in", 10, "case", "ADP", "in"),
            ("Paris", 5, "obl", P, "Paris"), ("mit", 12, "case", "ADP", "mit"), ("Selenskyj", 5, "obl", P, "Selenskyj"),
            (".", 5, "punct", "PUNCT", ".")]


def test_coder_de_coordinated_sources_meet(coder_de):
    doc = build("de", rows_meeting(), {0: "RUBIO", 2: "WITKOFF", 4: "KELLOGG", 10: "PAR", 12: "SELENSKYJ"})
    events = coder_de.code_doc(doc)
    assert triples(events) == [("KELLOGG", "SELENSKYJ", "040"), ("RUBIO", "SELENSKYJ", "040"), ("WITKOFF", "SELENSKYJ", "040")]
    e = events[0]
    assert e.location == "Paris" and e.date == "2025-04-18" and e.modality == "asserted"
    assert e.plover == "CONSULT" and e.quad_class == 1 and e.goldstein == 1.0
    assert doc.text[e.span[0]:e.span[1]] == e.sentence


def test_coder_de_mutual_without_target(coder_de):
    rows = rows_meeting()[:7] + [(".", 5, "punct", "PUNCT", ".")]
    doc = build("de", rows, {0: "RUBIO", 2: "WITKOFF", 4: "KELLOGG"})
    assert len(triples(coder_de.code_doc(doc))) == 6


@pytest.mark.parametrize(
    "rows,actors,expected,issue",
    [
        # Putin lehnt den Waffenstillstand ab. (separable verb + issue)
        ([("Putin", 1, "nsubj", P, "Putin"), ("lehnt", 1, "ROOT", V, "lehnen"), ("den", 3, "det", "DET", "der"),
          ("Waffenstillstand", 1, "obj", "NOUN", "Waffenstillstand"), ("ab", 1, "compound:prt", "ADP", "ab"), (".", 1, "punct", "PUNCT", ".")],
         {0: "PUTIN"}, [("PUTIN", None, "127")], "den Waffenstillstand"),
        # Selenskyj unterstützt den Waffenstillstand.
        ([("Selenskyj", 1, "nsubj", P, "Selenskyj"), ("unterstützt", 1, "ROOT", V, "unterstützen"), ("den", 3, "det", "DET", "der"),
          ("Waffenstillstand", 1, "obj", "NOUN", "Waffenstillstand"), (".", 1, "punct", "PUNCT", ".")],
         {0: "SELENSKYJ"}, [("SELENSKYJ", None, "050")], "den Waffenstillstand"),
        # Kiew wurde von Russland angegriffen. (passive: source is the von-agent)
        ([("Kiew", 4, "nsubj:pass", P, "Kiew"), ("wurde", 4, "aux:pass", "AUX", "werden"), ("von", 3, "case", "ADP", "von"),
          ("Russland", 4, "obl", P, "Russland"), ("angegriffen", 4, "ROOT", V, "angreifen", "VerbForm=Part"), (".", 4, "punct", "PUNCT", ".")],
         {0: "KYIV", 3: "RUS"}, [("RUS", "KYIV", "190")], None),
        # Die EU verhängte Sanktionen gegen Russland. (light verb, target on the noun)
        ([("Die", 1, "det", "DET", "der"), ("EU", 2, "nsubj", P, "EU"), ("verhängte", 2, "ROOT", V, "verhängen"),
          ("Sanktionen", 2, "obj", "NOUN", "Sanktion"), ("gegen", 5, "case", "ADP", "gegen"), ("Russland", 3, "nmod", P, "Russland"),
          (".", 2, "punct", "PUNCT", ".")],
         {1: "EU", 5: "RUS"}, [("EU", "RUS", "163")], None),
        # Die USA üben Druck auf die Ukraine aus. (light verb + particle + prepositional target)
        ([("Die", 1, "det", "DET", "der"), ("USA", 2, "nsubj", P, "USA"), ("üben", 2, "ROOT", V, "üben"), ("Druck", 2, "obj", "NOUN", "Druck"),
          ("auf", 6, "case", "ADP", "auf"), ("die", 6, "det", "DET", "der"), ("Ukraine", 2, "obl", P, "Ukraine"),
          ("aus", 2, "compound:prt", "ADP", "aus"), (".", 2, "punct", "PUNCT", ".")],
         {1: "USA", 6: "UKR"}, [("USA", "UKR", "170")], None),
        # Die USA stimmten mit Russland gegen die Resolutionen der UN. (two slots, two events)
        ([("Die", 1, "det", "DET", "der"), ("USA", 2, "nsubj", P, "USA"), ("stimmten", 2, "ROOT", V, "stimmen"),
          ("mit", 4, "case", "ADP", "mit"), ("Russland", 2, "obl", P, "Russland"), ("gegen", 7, "case", "ADP", "gegen"),
          ("die", 7, "det", "DET", "der"), ("Resolutionen", 2, "obl", "NOUN", "Resolution"), ("der", 9, "det", "DET", "der"),
          ("UN", 7, "nmod", P, "UN"), (".", 2, "punct", "PUNCT", ".")],
         {1: "USA", 4: "RUS", 9: "UN"}, [("USA", "RUS", "050"), ("USA", "UN", "120")], None),
        # Man kritisiert die Politik. (no actor acts: nothing coded)
        ([("Man", 1, "nsubj", "PRON", "man"), ("kritisiert", 1, "ROOT", V, "kritisieren"), ("die", 3, "det", "DET", "der"),
          ("Politik", 1, "obj", "NOUN", "Politik"), (".", 1, "punct", "PUNCT", ".")], {}, [], None),
    ],
)
def test_coder_de_pattern_families(coder_de, rows, actors, expected, issue):
    events = coder_de.code_doc(build("de", rows, actors))
    assert triples(events) == expected
    if expected and issue is not None:
        assert events[0].issue == issue


def _threat_rows():
    # Die USA drohen, sich aus dem Friedensprozess zurückzuziehen, wenn es keine Fortschritte gibt.
    return [("Die", 1, "det", "DET", "der"), ("USA", 2, "nsubj", P, "USA"), ("drohen", 2, "ROOT", V, "drohen"),
            (",", 8, "punct", "PUNCT", ","), ("sich", 8, "obj", "PRON", "sich", "Reflex=Yes"), ("aus", 7, "case", "ADP", "aus"),
            ("dem", 7, "det", "DET", "der"), ("Friedensprozess", 8, "obl", "NOUN", "Friedensprozess"),
            ("zurückzuziehen", 2, "xcomp", V, "zurückziehen", "VerbForm=Inf"), (",", 14, "punct", "PUNCT", ","),
            ("wenn", 14, "mark", "SCONJ", "wenn"), ("es", 14, "expl", "PRON", "es"), ("keine", 13, "det", "DET", "kein"),
            ("Fortschritte", 14, "obj", "NOUN", "Fortschritt"), ("gibt", 2, "advcl", V, "geben"), (".", 2, "punct", "PUNCT", ".")]


def test_coder_de_threat_with_condition(coder_de):
    everything = coder_de.code_doc(build("de", _threat_rows(), {1: "USA"}))
    events = content_events(everything)
    assert triples(events) == [("USA", None, "166")]
    # the threat itself is a speech act (130), asserted, linked to its content
    (act,) = [e for e in everything if e.content_of]
    assert act.cameo == "130" and act.source == "USA" and act.modality == "asserted" and act.condition is None
    assert act.content_of == [f"e{everything.index(events[0])}"] and events[0].speech_act == f"e{everything.index(act)}"
    e = events[0]
    assert e.modality == "conditional" and "threatened" in e.modalities
    assert e.condition == "wenn es keine Fortschritte gibt"
    assert e.negated is False and e.holder == "USA"
    assert e.target_text == "dem Friedensprozess"


@pytest.mark.parametrize(
    "rows,actors,triple,modality,negated",
    [
        # Russland würde die Ukraine angreifen. (Konjunktiv II)
        ([("Russland", 4, "nsubj", P, "Russland"), ("würde", 4, "aux", "AUX", "werden", "Mood=Sub"), ("die", 3, "det", "DET", "der"),
          ("Ukraine", 4, "obj", P, "Ukraine"), ("angreifen", 4, "ROOT", V, "angreifen", "VerbForm=Inf"), (".", 4, "punct", "PUNCT", ".")],
         {0: "RUS", 3: "UKR"}, ("RUS", "UKR", "190"), "hypothetical", False),
        # Trump wird Putin treffen. (future)
        ([("Trump", 3, "nsubj", P, "Trump"), ("wird", 3, "aux", "AUX", "werden", "Mood=Ind"), ("Putin", 3, "obj", P, "Putin"),
          ("treffen", 3, "ROOT", V, "treffen", "VerbForm=Inf"), (".", 3, "punct", "PUNCT", ".")],
         {0: "TRUMP", 2: "PUTIN"}, ("TRUMP", "PUTIN", "040"), "predicted", False),
        # China kritisiert Russland nicht.
        ([("China", 1, "nsubj", P, "China"), ("kritisiert", 1, "ROOT", V, "kritisieren"), ("Russland", 1, "obj", P, "Russland"),
          ("nicht", 1, "advmod", "PART", "nicht"), (".", 1, "punct", "PUNCT", ".")],
         {0: "CHN", 2: "RUS"}, ("CHN", "RUS", "111"), "asserted", True),
        # Selenskyj sagte, Russland habe Kiew angegriffen. (reported, Konjunktiv I)
        ([("Selenskyj", 1, "nsubj", P, "Selenskyj"), ("sagte", 1, "ROOT", V, "sagen"), (",", 6, "punct", "PUNCT", ","),
          ("Russland", 6, "nsubj", P, "Russland"), ("habe", 6, "aux", "AUX", "haben", "Mood=Sub"), ("Kiew", 6, "obj", P, "Kiew"),
          ("angegriffen", 1, "ccomp", V, "angreifen", "VerbForm=Part"), (".", 1, "punct", "PUNCT", ".")],
         {0: "SELENSKYJ", 3: "RUS", 5: "KYIV"}, ("RUS", "KYIV", "190"), "reported", False),
        # Trump forderte Selenskyj auf, das Abkommen zu unterzeichnen. (demand, object control)
        ([("Trump", 1, "nsubj", P, "Trump"), ("forderte", 1, "ROOT", V, "fordern"), ("Selenskyj", 1, "obj", P, "Selenskyj"),
          ("auf", 1, "compound:prt", "ADP", "auf"), (",", 8, "punct", "PUNCT", ","), ("das", 6, "det", "DET", "der"),
          ("Abkommen", 8, "obj", "NOUN", "Abkommen"), ("zu", 8, "mark", "PART", "zu"), ("unterzeichnen", 1, "xcomp", V, "unterzeichnen", "VerbForm=Inf"),
          (".", 1, "punct", "PUNCT", ".")],
         {0: "TRUMP", 2: "SELENSKYJ"}, ("SELENSKYJ", None, "057"), "demanded", False),
        # Frankreich verspricht, die Ukraine zu unterstützen. (promise)
        ([("Frankreich", 1, "nsubj", P, "Frankreich"), ("verspricht", 1, "ROOT", V, "versprechen"), (",", 6, "punct", "PUNCT", ","),
          ("die", 4, "det", "DET", "der"), ("Ukraine", 6, "obj", P, "Ukraine"), ("zu", 6, "mark", "PART", "zu"),
          ("unterstützen", 1, "xcomp", V, "unterstützen", "VerbForm=Inf"), (".", 1, "punct", "PUNCT", ".")],
         {0: "FRA", 4: "UKR"}, ("FRA", "UKR", "050"), "promised", False),
        # China schlug vor, mit der Ukraine zu verhandeln. (proposal; "schlug vor" is not "schlagen")
        ([("China", 1, "nsubj", P, "China"), ("schlug", 1, "ROOT", V, "schlagen"), ("vor", 1, "compound:prt", "ADP", "vor"),
          (",", 8, "punct", "PUNCT", ","), ("mit", 6, "case", "ADP", "mit"), ("der", 6, "det", "DET", "der"),
          ("Ukraine", 8, "obl", P, "Ukraine"), ("zu", 8, "mark", "PART", "zu"), ("verhandeln", 1, "xcomp", V, "verhandeln", "VerbForm=Inf"),
          (".", 1, "punct", "PUNCT", ".")],
         {0: "CHN", 6: "UKR"}, ("CHN", "UKR", "046"), "proposed", False),
        # Putin weigert sich, Selenskyj zu treffen. (refusal negates)
        ([("Putin", 1, "nsubj", P, "Putin"), ("weigert", 1, "ROOT", V, "weigern"), ("sich", 1, "obj", "PRON", "sich", "Reflex=Yes"),
          (",", 6, "punct", "PUNCT", ","), ("Selenskyj", 6, "obj", P, "Selenskyj"), ("zu", 6, "mark", "PART", "zu"),
          ("treffen", 1, "xcomp", V, "treffen", "VerbForm=Inf"), (".", 1, "punct", "PUNCT", ".")],
         {0: "PUTIN", 4: "SELENSKYJ"}, ("PUTIN", "SELENSKYJ", "040"), "asserted", True),
    ],
)
def test_coder_de_modality(coder_de, rows, actors, triple, modality, negated):
    events = content_events(coder_de.code_doc(build("de", rows, actors)))
    assert triples(events) == [triple]
    assert events[0].modality == modality
    assert events[0].negated is negated


def test_coder_de_reported_from_statement_span(coder_de):
    rows = [("Russland", 1, "nsubj", P, "Russland"), ("griff", 1, "ROOT", V, "greifen"), ("Kiew", 1, "obj", P, "Kiew"),
            ("an", 1, "compound:prt", "ADP", "an"), (".", 1, "punct", "PUNCT", ".")]
    doc = build("de", rows, {0: "RUS", 2: "KYIV"}, statements=[(0, 3, "SELENSKYJ")])
    events = coder_de.code_doc(doc)
    assert triples(events) == [("RUS", "KYIV", "190")]
    assert events[0].modality == "reported" and events[0].speaker == "SELENSKYJ"


def test_coder_de_without_lemmas_uses_forms(coder_de):
    rows = [("Russland", 1, "nsubj", P, ""), ("kritisierte", 1, "ROOT", V, ""), ("China", 1, "obj", P, ""), (".", 1, "punct", "PUNCT", "")]
    assert triples(coder_de.code_doc(build("de", rows, {0: "RUS", 2: "CHN"}))) == [("RUS", "CHN", "111")]
