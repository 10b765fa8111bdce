"""English real-news kinds of issue 9 (own sentences): parse repairs of clauses whose
finite verb the parser read as a participle or a noun's modifier, the author of an act as
the target of criticism, conditional threats linked to their content, and mutual nominal
events "between X and Y". The construction grid (grid_en.tsv) holds these kinds crossed
with actors; these tests check the mechanisms one by one."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from lagebild.language.clauses import repair_english_verbs


def _doc(rows):
    """A Doc from (word, head, dep, pos, tag) rows (one sentence)."""
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=[r[0] for r in rows], heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], tags=[r[4] for r in rows], sent_starts=[i == 0 for i in range(len(rows))])
    return doc


def _tree(doc):
    return [(t.text, t.dep_, t.head.i) for t in doc]


def test_root_noun_subject_of_a_participle_verb():
    # "Police in Poland fired/amod tear gas/nmod at protesters": the root noun is the subject
    doc = _doc([("Police", 0, "ROOT", "NOUN", "NNS"), ("in", 2, "case", "ADP", "IN"), ("Poland", 3, "obl", "PROPN", "NNP"),
                ("fired", 5, "amod", "VERB", "VBN"), ("tear", 5, "compound", "NOUN", "NN"), ("gas", 0, "nmod", "NOUN", "NN"),
                ("at", 7, "case", "ADP", "IN"), ("protesters", 0, "nmod", "NOUN", "NNS"), (".", 0, "punct", "PUNCT", ".")])
    assert repair_english_verbs(doc[:], lambda f: False) == 1
    tree = _tree(doc)
    assert tree[3] == ("fired", "ROOT", 3)
    assert tree[0] == ("Police", "nsubj", 3)
    assert tree[5] == ("gas", "obj", 3)
    assert tree[2][2] == 0  # "in Poland" stays with the subject
    assert tree[7] == ("protesters", "obl", 3)  # "at protesters" is the verb's phrase


def test_noun_before_the_participle_is_its_subject():
    # "Obama begged/amod lawmakers/nsubj not to forget/ROOT Ukraine"
    doc = _doc([("Obama", 1, "compound", "PROPN", "NNP"), ("begged", 2, "amod", "VERB", "VBN"),
                ("lawmakers", 5, "nsubj", "NOUN", "NNS"), ("not", 5, "advmod", "PART", "RB"), ("to", 5, "mark", "PART", "TO"),
                ("forget", 5, "ROOT", "VERB", "VB"), ("Ukraine", 5, "obj", "PROPN", "NNP"), (".", 5, "punct", "PUNCT", ".")])
    assert repair_english_verbs(doc[:], lambda f: False) == 1
    tree = _tree(doc)
    assert tree[1] == ("begged", "ROOT", 1)
    assert tree[0] == ("Obama", "nsubj", 1)
    assert tree[2] == ("lawmakers", "obj", 1)
    assert tree[5] == ("forget", "xcomp", 1)


def test_a_prepositional_object_is_no_subject():
    # "In Poland/nsubj, riot police fired …": the phrase after "in" is not the subject
    doc = _doc([("In", 1, "case", "ADP", "IN"), ("Poland", 5, "nsubj", "PROPN", "NNP"), (",", 1, "punct", "PUNCT", ","),
                ("police", 5, "compound", "NOUN", "NNS"), ("fired", 5, "amod", "VERB", "VBN"), ("bullets", 5, "ROOT", "NOUN", "NNS")])
    repair_english_verbs(doc[:], lambda f: False)
    assert doc[1].dep_ != "nsubj" or doc[1].head.i != 4
    assert doc[3].dep_ == "nsubj" and doc[3].head.i == 4


def test_have_as_root_over_a_participle():
    # "police have/ROOT laid/amod siege/obj to a university"
    doc = _doc([("police", 1, "nsubj", "NOUN", "NNS"), ("have", 1, "ROOT", "AUX", "VBP"), ("laid", 3, "amod", "VERB", "VBN"),
                ("siege", 1, "obj", "NOUN", "NN"), ("to", 5, "case", "ADP", "IN"), ("university", 3, "nmod", "NOUN", "NN")])
    doc[1].lemma_ = "have"
    repair_english_verbs(doc[:], lambda f: False)
    tree = _tree(doc)
    assert tree[2] == ("laid", "ROOT", 2)
    assert tree[1] == ("have", "aux", 2)
    assert tree[0][2] == 2 and tree[3] == ("siege", "obj", 2)
    assert tree[5] == ("university", "obl", 2)


def test_appositive_subject_of_a_parataxis_verb():
    # "The Daily, the mouthpiece of the party, warned …" with the verb as the root's parataxis
    doc = _doc([("Daily", 0, "ROOT", "PROPN", "NNP"), (",", 0, "punct", "PUNCT", ","), ("mouthpiece", 0, "appos", "NOUN", "NN"),
                (",", 4, "punct", "PUNCT", ","), ("warned", 0, "parataxis", "VERB", "VBD"), ("Trump", 4, "obj", "PROPN", "NNP")])
    repair_english_verbs(doc[:], lambda f: False)
    assert doc[4].dep_ == "ROOT" and doc[0].dep_ == "nsubj" and doc[0].head.i == 4


def test_a_well_formed_clause_is_left_alone():
    doc = _doc([("Police", 1, "nsubj", "NOUN", "NNS"), ("fired", 1, "ROOT", "VERB", "VBD"), ("gas", 1, "obj", "NOUN", "NN")])
    before = _tree(doc)
    assert repair_english_verbs(doc[:], lambda f: False) == 0
    assert _tree(doc) == before


@pytest.fixture(scope="module")
def nlp_en():
    from lagebild.pipeline import load

    return load("en")


def test_conditional_threat_links_to_its_content(nlp_en):
    doc = nlp_en("Putin said he would impose sanctions on Poland if the talks failed.")
    events = doc._.events
    threat = [e for e in events if e.cameo.startswith("13")]
    content = [e for e in events if e.cameo.startswith("16")]
    assert threat and content
    assert threat[0].source == content[0].source == "per:vladimir_putin"
    assert threat[0].target == content[0].target == "POL"
    assert threat[0].modality == "asserted" and content[0].modality == "conditional"
    assert content[0].speech_act is not None and content[0].speech_act in {f"e{i}" for i in range(len(events))}
    assert threat[0].content_of


@pytest.mark.parametrize("text", [
    # a threat verb already codes the speech act: the conditional content adds no second threat
    "Trump threatened to impose tariffs on China if Beijing did not cut its surplus.",
    "Biden threatened to cut aid to Israel if the offensive continued.",
    "Erdogan warned that he would expel the ambassadors if Germany did not apologise.",
    # no threat verb: the reported conditional coercion is the one threat
    "Putin said he would impose sanctions on Poland if the talks failed.",
])
def test_one_threat_per_conditional_coercion(nlp_en, text):
    events = nlp_en(text)._.events
    threats = [e for e in events if e.cameo.startswith("13")]
    contents = [e for e in events if not e.cameo.startswith("13")]
    assert len(threats) == 1 and len(contents) == 1, [(e.cameo, e.source, e.target) for e in events]
    assert (threats[0].source, threats[0].target) == (contents[0].source, contents[0].target)


def test_unconditional_acts_are_no_threats(nlp_en):
    doc = nlp_en("Putin imposed sanctions on Poland.")
    assert not [e for e in doc._.events if e.cameo.startswith("13")]


def test_the_author_of_a_criticised_act_is_the_target(nlp_en):
    for text in ("Macron condemned the move by Putin.", "Macron criticised the decision announced by Putin."):
        got = [(e.source, e.target, e.cameo[:2]) for e in nlp_en(text)._.events]
        assert ("per:emmanuel_macron", "per:vladimir_putin", "11") in got, (text, got)


@pytest.mark.parametrize("text,root", [
    # senses that code nothing (patterns_en.tsv "---" rows with context words) ...
    ("Kentucky Democrats beat Governor Matt Bevin in the election.", None),
    ("Poland beat Lithuania 2-1 in the final.", None),
    ("Two Polish soldiers were killed in a helicopter crash.", None),
    ("The court is expected to issue major rulings on Serbia.", None),
    # ... and the event senses beside them
    ("Gunmen beat two journalists in Nigeria.", "18"),
    ("Rebels killed two soldiers in an attack.", "18"),
    ("Police in Poland fired tear gas at protesters.", "17"),
    ("Trump raised tariffs on Chinese imports.", "16"),
    ("Mexico made concessions to the United States.", "08"),
])
def test_senses(nlp_en, text, root):
    roots = {e.cameo[:2] for e in nlp_en(text)._.events}
    if root is None:
        assert not roots, (text, roots)
    else:
        assert root in roots, (text, roots)


def test_plural_subject_verb_read_as_a_noun():
    # "Police in Lithuania deny/NN accusations": the base verb after a plural subject
    doc = _doc([("Police", 0, "ROOT", "NOUN", "NNS"), ("in", 4, "case", "ADP", "IN"), ("Lithuania", 3, "compound", "PROPN", "NNP"),
                ("deny", 4, "compound", "NOUN", "NN"), ("accusations", 0, "nmod", "NOUN", "NNS"), (".", 0, "punct", "PUNCT", ".")])
    repair_english_verbs(doc[:], lambda form: form in ("denies", "denied"))
    tree = _tree(doc)
    assert tree[3] == ("deny", "ROOT", 3) and doc[3].pos_ == "VERB"
    assert tree[0] == ("Police", "nsubj", 3)
    assert tree[4] == ("accusations", "obj", 3)
    assert tree[2] == ("Lithuania", "nmod", 0) and tree[1][2] == 2


def test_a_noun_compound_after_a_singular_noun_stays():
    # "the city council vote results": no plural subject, no known verb → untouched
    doc = _doc([("council", 2, "compound", "NOUN", "NN"), ("vote", 2, "compound", "NOUN", "NN"), ("results", 2, "ROOT", "NOUN", "NNS")])
    before = _tree(doc)
    repair_english_verbs(doc[:], lambda form: form in ("votes", "voted"))
    assert _tree(doc) == before and doc[1].pos_ == "NOUN"
