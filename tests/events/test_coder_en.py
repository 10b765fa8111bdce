"""English event coding on hand-built parses."""
import pytest

from event_docs import build, content_events, triples

P = "PROPN"
V = "VERB"


@pytest.mark.parametrize(
    "rows,actors,expected",
    [
        # Rubio, Witkoff and Kellogg met Zelensky in Paris on Friday. (coordinated sources, place, date)
        ([("Rubio", 5, "nsubj", P, "Rubio"), (",", 2, "punct", "PUNCT", ","), ("Witkoff", 0, "conj", P, "Witkoff"),
          ("and", 4, "cc", "CCONJ", "and"), ("Kellogg", 0, "conj", P, "Kellogg"), ("met", 5, "ROOT", V, "meet"),
          ("Zelensky", 5, "obj", P, "Zelensky"), ("in", 8, "case", "ADP", "in"), ("Paris", 5, "obl", P, "Paris"),
          ("on", 10, "case", "ADP", "on"), ("Friday", 5, "obl", P, "Friday"), (".", 5, "punct", "PUNCT", ".")],
         {0: "RUBIO", 2: "WITKOFF", 4: "KELLOGG", 6: "SELENSKYJ", 8: "PAR"},
         [("KELLOGG", "SELENSKYJ", "040"), ("RUBIO", "SELENSKYJ", "040"), ("WITKOFF", "SELENSKYJ", "040")]),
        # Putin rejected the ceasefire.
        ([("Putin", 1, "nsubj", P, "Putin"), ("rejected", 1, "ROOT", V, "reject"), ("the", 3, "det", "DET", "the"),
          ("ceasefire", 1, "obj", "NOUN", "ceasefire"), (".", 1, "punct", "PUNCT", ".")], {0: "PUTIN"}, [("PUTIN", None, "127")]),
        # Kyiv was attacked by Russia. (passive: by-agent is the source)
        ([("Kyiv", 2, "nsubj:pass", P, "Kyiv"), ("was", 2, "aux:pass", "AUX", "be"), ("attacked", 2, "ROOT", V, "attack", "VerbForm=Part"),
          ("by", 4, "case", "ADP", "by"), ("Russia", 2, "obl:agent", P, "Russia"), (".", 2, "punct", "PUNCT", ".")],
         {0: "KYIV", 4: "RUS"}, [("RUS", "KYIV", "190")]),
        # The EU imposed sanctions on Russia. (light verb)
        ([("The", 1, "det", "DET", "the"), ("EU", 2, "nsubj", P, "EU"), ("imposed", 2, "ROOT", V, "impose"),
          ("sanctions", 2, "obj", "NOUN", "sanction"), ("on", 5, "case", "ADP", "on"), ("Russia", 2, "obl", P, "Russia"),
          (".", 2, "punct", "PUNCT", ".")], {1: "EU", 5: "RUS"}, [("EU", "RUS", "163")]),
        # The US put pressure on Ukraine.
        ([("The", 1, "det", "DET", "the"), ("US", 2, "nsubj", P, "US"), ("put", 2, "ROOT", V, "put"),
          ("pressure", 2, "obj", "NOUN", "pressure"), ("on", 5, "case", "ADP", "on"), ("Ukraine", 2, "obl", P, "Ukraine"),
          (".", 2, "punct", "PUNCT", ".")], {1: "USA", 5: "UKR"}, [("USA", "UKR", "170")]),
        # Russia pulled out of the talks. (phrasal verb)
        ([("Russia", 1, "nsubj", P, "Russia"), ("pulled", 1, "ROOT", V, "pull"), ("out", 1, "compound:prt", "ADP", "out"),
          ("of", 5, "case", "ADP", "of"), ("the", 5, "det", "DET", "the"), ("talks", 1, "obl", "NOUN", "talk"),
          (".", 1, "punct", "PUNCT", ".")], {0: "RUS"}, [("RUS", None, "166")]),
        # The US voted with Russia against the resolution of the UN.
        ([("The", 1, "det", "DET", "the"), ("US", 2, "nsubj", P, "US"), ("voted", 2, "ROOT", V, "vote"),
          ("with", 4, "case", "ADP", "with"), ("Russia", 2, "obl", P, "Russia"), ("against", 7, "case", "ADP", "against"),
          ("the", 7, "det", "DET", "the"), ("resolution", 2, "obl", "NOUN", "resolution"), ("of", 10, "case", "ADP", "of"),
          ("the", 10, "det", "DET", "the"), ("UN", 7, "nmod", P, "UN"), (".", 2, "punct", "PUNCT", ".")],
         {1: "USA", 4: "RUS", 10: "UN"}, [("USA", "RUS", "050"), ("USA", "UN", "120")]),
        # Experts criticize the policy. (no actor acts)
        ([("Experts", 1, "nsubj", "NOUN", "expert"), ("criticize", 1, "ROOT", V, "criticize"), ("the", 3, "det", "DET", "the"),
          ("policy", 1, "obj", "NOUN", "policy"), (".", 1, "punct", "PUNCT", ".")], {}, []),
    ],
)
def test_coder_en_pattern_families(coder_en, rows, actors, expected):
    events = coder_en.code_doc(build("en", rows, actors))
    assert triples(events) == expected


@pytest.mark.parametrize(
    "rows,actors,triple,modality,negated",
    [
        # Russia would attack Ukraine.
        ([("Russia", 2, "nsubj", P, "Russia"), ("would", 2, "aux", "AUX", "would"), ("attack", 2, "ROOT", V, "attack"),
          ("Ukraine", 2, "obj", P, "Ukraine"), (".", 2, "punct", "PUNCT", ".")], {0: "RUS", 3: "UKR"}, ("RUS", "UKR", "190"), "hypothetical", False),
        # Russia could have attacked Ukraine. (counterfactual)
        ([("Russia", 3, "nsubj", P, "Russia"), ("could", 3, "aux", "AUX", "could"), ("have", 3, "aux", "AUX", "have"),
          ("attacked", 3, "ROOT", V, "attack", "VerbForm=Part"), ("Ukraine", 3, "obj", P, "Ukraine"), (".", 3, "punct", "PUNCT", ".")],
         {0: "RUS", 4: "UKR"}, ("RUS", "UKR", "190"), "hypothetical", False),
        # Trump will meet Putin.
        ([("Trump", 2, "nsubj", P, "Trump"), ("will", 2, "aux", "AUX", "will"), ("meet", 2, "ROOT", V, "meet"),
          ("Putin", 2, "obj", P, "Putin"), (".", 2, "punct", "PUNCT", ".")], {0: "TRUMP", 3: "PUTIN"}, ("TRUMP", "PUTIN", "040"), "predicted", False),
        # China did not criticize Russia.
        ([("China", 3, "nsubj", P, "China"), ("did", 3, "aux", "AUX", "do"), ("not", 3, "advmod", "PART", "not"),
          ("criticize", 3, "ROOT", V, "criticize"), ("Russia", 3, "obj", P, "Russia"), (".", 3, "punct", "PUNCT", ".")],
         {0: "CHN", 4: "RUS"}, ("CHN", "RUS", "111"), "asserted", True),
        # Russia refused to meet Ukraine.
        ([("Russia", 1, "nsubj", P, "Russia"), ("refused", 1, "ROOT", V, "refuse"), ("to", 3, "mark", "PART", "to"),
          ("meet", 1, "xcomp", V, "meet"), ("Ukraine", 3, "obj", P, "Ukraine"), (".", 1, "punct", "PUNCT", ".")],
         {0: "RUS", 4: "UKR"}, ("RUS", "UKR", "040"), "asserted", True),
        # The US threatened to sanction Russia if talks fail.
        ([("The", 1, "det", "DET", "the"), ("US", 2, "nsubj", P, "US"), ("threatened", 2, "ROOT", V, "threaten"),
          ("to", 4, "mark", "PART", "to"), ("sanction", 2, "xcomp", V, "sanction"), ("Russia", 4, "obj", P, "Russia"),
          ("if", 8, "mark", "SCONJ", "if"), ("talks", 8, "nsubj", "NOUN", "talk"), ("fail", 2, "advcl", V, "fail"),
          (".", 2, "punct", "PUNCT", ".")], {1: "USA", 5: "RUS"}, ("USA", "RUS", "163"), "conditional", False),
        # The US threatened to sanction Russia.
        ([("The", 1, "det", "DET", "the"), ("US", 2, "nsubj", P, "US"), ("threatened", 2, "ROOT", V, "threaten"),
          ("to", 4, "mark", "PART", "to"), ("sanction", 2, "xcomp", V, "sanction"), ("Russia", 4, "obj", P, "Russia"),
          (".", 2, "punct", "PUNCT", ".")], {1: "USA", 5: "RUS"}, ("USA", "RUS", "163"), "threatened", False),
        # Zelensky said Russia had attacked Kyiv.
        ([("Zelensky", 1, "nsubj", P, "Zelensky"), ("said", 1, "ROOT", V, "say"), ("Russia", 4, "nsubj", P, "Russia"),
          ("had", 4, "aux", "AUX", "have"), ("attacked", 1, "ccomp", V, "attack", "VerbForm=Part"), ("Kyiv", 4, "obj", P, "Kyiv"),
          (".", 1, "punct", "PUNCT", ".")], {0: "SELENSKYJ", 2: "RUS", 5: "KYIV"}, ("RUS", "KYIV", "190"), "reported", False),
        # Zelensky said he would meet Putin. (reported prediction, not hypothetical)
        ([("Zelensky", 1, "nsubj", P, "Zelensky"), ("said", 1, "ROOT", V, "say"), ("he", 4, "nsubj", "PRON", "he"),
          ("would", 4, "aux", "AUX", "would"), ("meet", 1, "ccomp", V, "meet"), ("Putin", 4, "obj", P, "Putin"),
          (".", 1, "punct", "PUNCT", ".")], {0: "SELENSKYJ", 5: "PUTIN"}, ("SELENSKYJ", "PUTIN", "040"), "predicted", False),
        # Trump urged Zelensky to sign the deal. (demand, object control)
        ([("Trump", 1, "nsubj", P, "Trump"), ("urged", 1, "ROOT", V, "urge"), ("Zelensky", 1, "obj", P, "Zelensky"),
          ("to", 4, "mark", "PART", "to"), ("sign", 1, "xcomp", V, "sign"), ("the", 6, "det", "DET", "the"),
          ("deal", 4, "obj", "NOUN", "deal"), (".", 1, "punct", "PUNCT", ".")], {0: "TRUMP", 2: "SELENSKYJ"},
         ("SELENSKYJ", None, "057"), "demanded", False),
        # China proposed to negotiate with Ukraine.
        ([("China", 1, "nsubj", P, "China"), ("proposed", 1, "ROOT", V, "propose"), ("to", 3, "mark", "PART", "to"),
          ("negotiate", 1, "xcomp", V, "negotiate"), ("with", 5, "case", "ADP", "with"), ("Ukraine", 3, "obl", P, "Ukraine"),
          (".", 1, "punct", "PUNCT", ".")], {0: "CHN", 5: "UKR"}, ("CHN", "UKR", "046"), "proposed", False),
        # France promised to support Ukraine.
        ([("France", 1, "nsubj", P, "France"), ("promised", 1, "ROOT", V, "promise"), ("to", 3, "mark", "PART", "to"),
          ("support", 1, "xcomp", V, "support"), ("Ukraine", 3, "obj", P, "Ukraine"), (".", 1, "punct", "PUNCT", ".")],
         {0: "FRA", 4: "UKR"}, ("FRA", "UKR", "050"), "promised", False),
    ],
)
def test_coder_en_modality(coder_en, rows, actors, triple, modality, negated):
    events = content_events(coder_en.code_doc(build("en", rows, actors)))
    assert triples(events) == [triple]
    assert events[0].modality == modality
    assert events[0].negated is negated


def test_coder_en_condition_text(coder_en):
    # The US will withdraw unless Russia soon agrees.
    rows = [("The", 1, "det", "DET", "the"), ("US", 3, "nsubj", P, "US"), ("will", 3, "aux", "AUX", "will"),
            ("withdraw", 3, "ROOT", V, "withdraw"), ("unless", 7, "mark", "SCONJ", "unless"), ("Russia", 7, "nsubj", P, "Russia"),
            ("soon", 7, "advmod", "ADV", "soon"), ("agrees", 3, "advcl", V, "agree"), (".", 3, "punct", "PUNCT", ".")]
    events = coder_en.code_doc(build("en", rows, {1: "USA", 5: "RUS"}))
    assert [e.cameo for e in events] == ["166"]
    assert events[0].modality == "conditional" and events[0].condition == "unless Russia soon agrees"
    assert "predicted" in events[0].modalities


@pytest.mark.parametrize("text", ["Russia attacked Ukraine."])
def test_coder_en_needs_a_parse(coder_en, text):
    import spacy

    doc = spacy.blank("en")(text)
    with pytest.warns(UserWarning, match="W201"):
        assert coder_en.code_doc(doc) == []


@pytest.mark.parametrize(
    "rows,actors,expected",
    [
        # Iran condemned Israel's attack on Damascus.
        ([("Iran", 1, "nsubj", P, "Iran"), ("condemned", 1, "ROOT", V, "condemn"), ("Israel", 4, "nmod:poss", P, "Israel"),
          ("'s", 2, "case", "PART", "'s"), ("attack", 1, "obj", "NOUN", "attack"), ("on", 6, "case", "ADP", "on"),
          ("Damascus", 4, "nmod", P, "Damascus"), (".", 1, "punct", "PUNCT", ".")],
         {0: "IRN", 2: "ISR", 6: "DAM"}, [("IRN", "ISR", "111"), ("ISR", "DAM", "190")]),
        # The meeting between Merz and Macron ended.
        ([("The", 1, "det", "DET", "the"), ("meeting", 6, "nsubj", "NOUN", "meeting"), ("between", 3, "case", "ADP", "between"),
          ("Merz", 1, "nmod", P, "Merz"), ("and", 5, "cc", "CCONJ", "and"), ("Macron", 3, "conj", P, "Macron"),
          ("ended", 6, "ROOT", V, "end"), (".", 6, "punct", "PUNCT", ".")],
         {3: "MERZ", 5: "MACRON"}, [("MACRON", "MERZ", "040"), ("MERZ", "MACRON", "040")]),
    ],
)
def test_coder_en_nominal_events(coder_en, rows, actors, expected):
    assert triples(coder_en.code_doc(build("en", rows, actors))) == expected
