"""PETRARCH dictionary readers (on small inline dictionaries) and the unit-test evaluation."""
from pathlib import Path

import pytest

from lagebild.events.evaluate import SHARED, read_records
from lagebild.events.petrarch import ActorDictionary, read_verb_dictionary

VERBS = """
&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064]  ---
RESTORE    # a comment
- * DIPLOMATIC TIES [064]
- NOT * RELATIONS  [112]
- * NEW_&TIETYPES_RELATIONS [903]
- * (TO BORDER) [154]

--- MEET  [031:031]  ---
MEET
+BREAK_DOWN {+BREAKS_DOWN}
WIRE_+TAP {WIRE_+TAPPED}
- * WITH + [036]
"""

ACTORS = """
ARNOR_  [ARN]
GONDOR [GON]
+MINAS_TIRITH
SAM_GAMGEE [HOB]
\t[HOBCIV <20080120]
\t[HOBGOV 20121109-20130119]
"""

AGENTS = """
!PERSON! = MAN, WOMAN
GOVERNMENT  [~GOV]
MSF {}  [NGO~]
CONGRESS!PERSON! [~LEG]
"""


@pytest.fixture()
def verbs(tmp_path: Path):
    path = tmp_path / "verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return read_verb_dictionary(path)


def test_petrarch_verbs_blocks_and_patterns(verbs):
    restore = [p for p in verbs if p.trigger == "restore"]
    assert [p.code for p in restore] == ["064", "064", "112", "903", "154"]
    ties = restore[1]
    assert ties.words == (frozenset({"diplomatic"}), frozenset({"ties"}))
    neg = restore[2]
    assert neg.pre_words == (frozenset({"not"}),)
    syn = restore[3]
    assert syn.words[1] == frozenset({"military", "economic"}) and syn.adjacent == (False, True, True)


@pytest.mark.parametrize("trigger,pre", [("meet", ()), ("break down", ()), ("tap", (frozenset({"wire"}),))])
def test_petrarch_verbs_multiword_and_double_codes(verbs, trigger, pre):
    pats = [p for p in verbs if p.trigger == trigger]
    assert pats[0].code == "031" and pats[0].reverse_code == "031"
    assert pats[0].pre_words == pre
    with_target = [p for p in pats if p.code == "036"][0]
    assert with_target.target == ("prep:with",) and with_target.words == ()


@pytest.mark.parametrize(
    "words,when,code",
    [
        ("Arnor restored ties", None, "ARN"),
        ("Minas Tirith restored ties", None, "GON"),
        ("Sam Gamgee restored ties", "2005-01-01", "HOBCIV"),
        ("Sam Gamgee restored ties", "2013-01-01", "HOBGOV"),
        ("Sam Gamgee restored ties", "2011-01-01", "HOB"),
    ],
)
def test_petrarch_actor_dictionary(tmp_path, words, when, code):
    from datetime import date

    import spacy

    (tmp_path / "a.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "g.txt").write_text(AGENTS, encoding="utf-8")
    d = ActorDictionary().read_actors(tmp_path / "a.txt").read_agents(tmp_path / "g.txt")
    doc = spacy.blank("en")(words)
    mentions = d.tag(doc, date.fromisoformat(when) if when else None)
    assert mentions[0].actor_id == code


def test_petrarch_agents_compose(tmp_path):
    import spacy
    from spacy.tokens import Doc

    (tmp_path / "a.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "g.txt").write_text(AGENTS, encoding="utf-8")
    d = ActorDictionary().read_actors(tmp_path / "a.txt").read_agents(tmp_path / "g.txt")
    nlp = spacy.blank("en")
    # "the Gondor government met": government is the head, Gondor a compound
    doc = Doc(nlp.vocab, words=["the", "Gondor", "government", "met"], heads=[2, 2, 3, 3],
              deps=["det", "compound", "nsubj", "ROOT"], pos=["DET", "PROPN", "NOUN", "VERB"])
    codes = {m.text: m.actor_id for m in d.tag(doc)}
    assert codes["the Gondor government"] == "GONGOV"
    doc = Doc(nlp.vocab, words=["MSF", "Arnor", "met"], heads=[1, 2, 2], deps=["compound", "nsubj", "ROOT"],
              pos=["PROPN", "PROPN", "VERB"])
    assert "NGOARN" in {m.actor_id for m in d.tag(doc)}


needs_shared = pytest.mark.skipif(not (SHARED / "PETR.UnitTest.records.xml").is_file(),
                                  reason="../shared/data/petrarch2 (PETRARCH unit tests) not present")


@needs_shared
def test_petrarch_records_read():
    recs = read_records(SHARED / "PETR.UnitTest.records.xml")
    assert len(recs) > 250
    assert sum(len(r.gold) for r in recs) > 300
    assert recs[0].gold == {("ARN", "GON", "064")}


@needs_shared
@pytest.mark.filterwarnings("ignore:.W201")
def test_petrarch_evaluation_runs_on_a_parsed_subset():
    """Hand the evaluation a tiny pipeline (blank + a rule 'parse') so it runs without models."""
    from lagebild.events.evaluate import evaluate_petrarch

    result = evaluate_petrarch(limit=5, nlp=_toy_parser())
    assert result["records"] == 5
    assert set(result["overall"]) >= {"precision", "recall", "f1"}


def _toy_parser():
    import spacy
    from spacy.language import Language

    @Language.component("toy_parse_for_events_test")
    def toy(doc):
        # every token hangs from the first verb-like token: enough to exercise the code path
        for t in doc:
            t.pos_ = "VERB" if t.lower_.endswith(("ed", "re")) else "PROPN"
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("toy_parse_for_events_test")
    return nlp
