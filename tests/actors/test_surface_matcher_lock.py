"""The surface matcher's cache is built once when several processes miss it together
(the workers of a parallel ingest on an empty cache): the build runs under a file lock,
and whoever waited for the lock reads what the builder wrote."""
import threading
import time

import pytest
import spacy

from lagebild.actors import surface_matcher as sm
from lagebild.actors.surface_matcher import build_surface_matcher

fcntl = pytest.importorskip("fcntl")  # the lock is POSIX-only; elsewhere each process builds

FORMS = ["Putin", "Wladimir Putin", "EU", "Europäische Union", "New York"]
FAMILIES = [(["SPÖ", "EU"], ["Chef", "Sprecher"])]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("de")


def _cache_path(nlp, directory):
    key = sm.cache_key(nlp, sorted(set(FORMS)), [(list(p), list(f)) for p, f in FAMILIES])
    return directory / f"surfaces-{nlp.lang}-{key[:32]}.marshal", key


def _build_in_thread(nlp, directory):
    result = {}

    def run():
        result["how"] = build_surface_matcher(nlp, FORMS, families=FAMILIES, directory=directory)[1]

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, result


def test_a_builder_waits_for_the_one_already_building_and_reads_its_cache(nlp, tmp_path):
    path, key = _cache_path(nlp, tmp_path)
    with sm._build_lock(path):  # another process is building
        thread, result = _build_in_thread(nlp, tmp_path)
        time.sleep(0.5)
        assert thread.is_alive(), "did not wait for the build in progress"
        matcher = build_surface_matcher(nlp, FORMS, families=FAMILIES, use_cache=False)[0]
        assert sm._write_cache(path, key, matcher, nlp.lang) == "built"
    thread.join(30)
    assert result["how"] == "cache"


def test_a_lock_file_left_behind_does_not_block(nlp, tmp_path):
    path, _ = _cache_path(nlp, tmp_path)
    path.with_name(path.name[: -len(".marshal")] + ".lock").write_bytes(b"")  # a crashed builder's
    thread, result = _build_in_thread(nlp, tmp_path)
    thread.join(30)
    assert result["how"] == "built"
    assert build_surface_matcher(nlp, FORMS, families=FAMILIES, directory=tmp_path)[1] == "cache"


def test_waiting_builder_builds_itself_when_the_first_wrote_nothing(nlp, tmp_path):
    path, _ = _cache_path(nlp, tmp_path)
    with sm._build_lock(path):  # a builder that fails to write (or dies) while we wait
        thread, result = _build_in_thread(nlp, tmp_path)
        time.sleep(0.3)
        assert thread.is_alive()
    thread.join(30)
    assert result["how"] == "built"


def test_old_lock_files_are_pruned_with_their_cache(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(sm, "KEEP", 1)
    build_surface_matcher(nlp, FORMS, directory=tmp_path)
    time.sleep(0.01)
    build_surface_matcher(nlp, FORMS + ["Wien"], directory=tmp_path)
    assert len(list(tmp_path.glob("surfaces-de-*.marshal"))) == 1
    assert len(list(tmp_path.glob("surfaces-de-*.lock"))) == 1


# -- the build tokenizes with a scratch copy of the tokenizer: same tokens, no lexemes left --
SPLITS = ["Putin", "EU-Chef", "SPÖ-Sprecher", "Dr. Angela Merkel", "U.S.-Botschafter", "3-Jährige",
          "„Zitat“-Chef", "www.spoe.at-Chef", "z.B.-Sprecher", "New York-Reise", "ORF-Generaldirektor"]


@pytest.mark.parametrize("text", SPLITS)
def test_scratch_tokenizer_splits_as_the_pipeline_does(nlp, text):
    ours = [t.lower_ for t in sm._scratch_tokenizer(nlp)(text)]
    assert ours == [t.lower_ for t in nlp.tokenizer(text)]


def test_building_leaves_the_pipeline_vocabulary_alone(tmp_path):
    fresh = spacy.blank("de")
    before = len(fresh.vocab)
    build_surface_matcher(fresh, FORMS + ["Unbekanntwort"], families=FAMILIES, directory=tmp_path)
    assert len(fresh.vocab) == before
