"""The linker's cached surface matcher: same matches as spaCy's PhraseMatcher(LOWER), a
disk cache that is used, invalidated by any change of the forms, and optional."""
import os

import pytest
import spacy
from hypothesis import given, settings, strategies as st
from spacy.matcher import PhraseMatcher

from lagebild.actors.surface_matcher import SurfaceMatcher, build_surface_matcher

FORMS = ["Putin", "Wladimir Putin", "US-Präsident", "Präsident", "EU", "Europäische Union", "WHO",
         "Russland", "Russlands", "New York", "St. Petersburg", "Dr. Angela Merkel", "Angela Merkel"]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("de")


def _phrase_matches(nlp, forms, doc):
    pm = PhraseMatcher(nlp.vocab, attr="LOWER")
    for f in forms:
        pm.add(f.lower(), [nlp.make_doc(f)])
    return sorted((nlp.vocab.strings[k], s, e) for k, s, e in pm(doc))


TEXTS = [
    "Wladimir Putin traf den US-Präsidenten. Putin und die EU sprachen in St. Petersburg.",
    "Die europäische union und RUSSLANDS Präsident; Dr. Angela Merkel in New York, who knows.",
    "",
    "Putin Putin Wladimir Putin",
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_phrase_matcher(nlp, tmp_path, text):
    matcher, how = build_surface_matcher(nlp, FORMS, directory=tmp_path)
    doc = nlp.make_doc(text)
    assert sorted(matcher(doc)) == _phrase_matches(nlp, FORMS, doc)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FORMS + ["und", "der", ",", "  ", "Moskau", "\n"]), max_size=25))
def test_same_matches_as_phrase_matcher_on_any_word_sequence(words):
    nlp, _ = _family_matcher()  # one blank pipeline for all examples (~0.1 s each)
    matcher = SurfaceMatcher.from_patterns({f.lower(): [tuple(t.lower_ for t in nlp.make_doc(f))] for f in FORMS})
    doc = nlp.make_doc(" ".join(words))
    assert sorted(matcher(doc)) == _phrase_matches(nlp, FORMS, doc)


def test_cache_is_used_and_invalidated_by_a_changed_form(nlp, tmp_path):
    assert build_surface_matcher(nlp, FORMS, directory=tmp_path)[1] == "built"
    assert build_surface_matcher(nlp, list(reversed(FORMS)), directory=tmp_path)[1] == "cache"  # order-free
    changed = FORMS + ["Olaf Scholz"]
    matcher, how = build_surface_matcher(nlp, changed, directory=tmp_path)
    assert how == "built"
    assert ("olaf scholz", 0, 2) in matcher(nlp.make_doc("Olaf Scholz sagte"))


def test_corrupt_cache_is_rebuilt(nlp, tmp_path):
    build_surface_matcher(nlp, FORMS, directory=tmp_path)
    for f in tmp_path.iterdir():
        f.write_bytes(b"\x00garbage")
    assert build_surface_matcher(nlp, FORMS, directory=tmp_path)[1] == "built"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_cache_still_builds(nlp, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    matcher, how = build_surface_matcher(nlp, FORMS, directory=ro / "sub")
    assert how == "built (cache not writable)" and matcher(nlp.make_doc("Putin"))


def test_cache_dir_is_a_file_still_builds(nlp, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    matcher, how = build_surface_matcher(nlp, FORMS, directory=blocker)
    assert how == "built (cache not writable)" and matcher(nlp.make_doc("Putin"))


# -- compound families: "PREFIX-FORM" matched from two tables, not their cross product ----
# our own pieces: a hyphenated prefix, a multi-word form, spellings that differ only in
# case, and pieces the tokenizer does not write as prefix + joined token + form ("3-5" is
# three tokens, "(EU)-Chef" splits the bracket off) — those go through the trie
PREFIXES = ["EU", "Eu", "SPÖ", "al-Qaida", "IG-Metall", "(EU)", "3", "G7"]
ROLE_FORMS = ["Chef", "Chefin", "chef", "Hoher Vertreter", "Sprecher", "5", "(Chef)", "Metall-Chef"]
LEADERS = ["Trump", "Putin", "EU"]
SEAT_FORMS = ["Regierung", "Regime", "Chef"]
FAMILIES = [(PREFIXES, ROLE_FORMS), (LEADERS, SEAT_FORMS)]
LISTED = sorted({" ".join(f"{p}-{f}".split()) for ps, fs in FAMILIES for p in ps for f in fs})
COMPOUND_TEXTS = [
    "Der SPÖ-Chef und die EU-Chefin trafen den al-Qaida-Sprecher; der IG-Metall-Chef schwieg.",
    "EU-Hoher Vertreter, eu-hoher vertreter und der IG-Metall-Chef-Sprecher vor der Trump-Regierung.",
    "Die (EU)-Chef-Frage, 3-5 Tore, EU-(Chef) und G7-Chef; Putin-Regime, Trump-Chefs, SPÖ-Chef.",
    "SPÖ - Chef, SPÖ-, -Chef, SPÖChef, al-Qaida-Metall-Chef, EU-EU-Chef, -SPÖ-Chef, --EU-Chef.",
]


@pytest.mark.parametrize("text", COMPOUND_TEXTS)
def test_compound_families_match_as_the_listed_cross_product(nlp, tmp_path, text):
    matcher, how = build_surface_matcher(nlp, FORMS, families=FAMILIES, directory=tmp_path)
    assert how == "built" and matcher.compounds is not None
    doc = nlp.make_doc(text)
    assert matcher(doc) == sorted(matcher(doc), key=lambda m: (m[1], m[2]))  # sorted by span
    assert sorted(matcher(doc)) == _phrase_matches(nlp, FORMS + LISTED, doc)
    cached, how = build_surface_matcher(nlp, FORMS, families=FAMILIES, directory=tmp_path)
    assert how == "cache" and cached(doc) == matcher(doc)


def test_compounds_the_tokenizer_splits_otherwise_are_in_the_trie(nlp, tmp_path):
    matcher, _ = build_surface_matcher(nlp, FORMS, families=FAMILIES, directory=tmp_path)
    skipped = {(pkey, fkey) for _, pkey, _, fkey, _ in matcher.compounds.skip}
    assert ("3", "5") in skipped and ("(eu)", "chef") in skipped and ("eu", "(chef)") in skipped
    assert ("spö", "chef") not in skipped
    assert ("3-5", 0, 3) in matcher(nlp.make_doc("3-5"))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(PREFIXES + ROLE_FORMS + LEADERS + ["-", "und", ",", " ", "Chef-", "-Regierung"]),
                max_size=20),
       st.lists(st.booleans(), max_size=20))
def test_compound_families_match_on_any_word_sequence(words, glue):
    """Pieces glued by hyphens or spaces at random: the same matches as listing every
    compound in a PhraseMatcher."""
    text = "".join(w + ("-" if g else " ") for w, g in zip(words, glue + [False] * len(words)))
    nlp, matcher = _family_matcher()
    doc = nlp.make_doc(text)
    assert sorted(matcher(doc)) == _phrase_matches(nlp, FORMS + LISTED, doc)


_FAMILY_MATCHERS: dict = {}


def _family_matcher():
    """One blank pipeline and its matcher for all hypothesis examples."""
    if "m" not in _FAMILY_MATCHERS:
        nlp = spacy.blank("de")
        _FAMILY_MATCHERS["m"] = nlp, build_surface_matcher(nlp, FORMS, families=FAMILIES, use_cache=False)[0]
    return _FAMILY_MATCHERS["m"]


def test_a_changed_family_invalidates_the_cache(nlp, tmp_path):
    assert build_surface_matcher(nlp, FORMS, families=FAMILIES, directory=tmp_path)[1] == "built"
    assert build_surface_matcher(nlp, FORMS, families=FAMILIES[::-1][::-1], directory=tmp_path)[1] == "cache"
    grown = [(PREFIXES + ["NATO"], ROLE_FORMS), FAMILIES[1]]
    matcher, how = build_surface_matcher(nlp, FORMS, families=grown, directory=tmp_path)
    assert how == "built" and ("nato-chef", 1, 2) in matcher(nlp.make_doc("Der NATO-Chef sprach"))
    # the same strings as plain forms instead of a family are another cache entry
    assert build_surface_matcher(nlp, FORMS, directory=tmp_path)[1] == "built"
