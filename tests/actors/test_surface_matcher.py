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
    nlp = spacy.blank("de")
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
