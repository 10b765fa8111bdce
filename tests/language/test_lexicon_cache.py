"""The language-ID lexicons (:func:`lagebild.language._lexicons`) through their on-disk
cache equal the ones built from the vocabulary files, and the cache is rebuilt when a
vocabulary file changes, ignored when corrupt, and skipped when unwritable."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild import language


def _vocabs(tmp_path: Path) -> dict:
    de = tmp_path / "de.json"
    en = tmp_path / "en.json"
    de.write_text(json.dumps(["droht", "traf", "haus", "Haus", "the", "x1", "und"]), encoding="utf-8")
    en.write_text(json.dumps(["the", "threatens", "met", "und", "House"]), encoding="utf-8")
    return {"de": de, "en": en}


def _count_builds(paths: dict) -> tuple:
    calls = []

    def build() -> dict:
        calls.append(1)
        return language._build_lexicons(paths)
    return calls, build


def test_cached_lexicons_equal_the_built_ones_and_are_read_back(tmp_path):
    paths = _vocabs(tmp_path)
    calls, build = _count_builds(paths)
    first = language._cached_lexicons(paths, build, directory=tmp_path / "cache")
    second = language._cached_lexicons(paths, build, directory=tmp_path / "cache")
    assert first == second == language._build_lexicons(paths)
    assert first == {"de": frozenset({"droht", "traf", "haus"}), "en": frozenset({"threatens", "met"})}
    assert len(calls) == 1  # the second call read the cache


def test_a_changed_vocabulary_rebuilds_the_cache(tmp_path):
    paths = _vocabs(tmp_path)
    calls, build = _count_builds(paths)
    language._cached_lexicons(paths, build, directory=tmp_path / "cache")
    paths["en"].write_text(json.dumps(["the", "droht"]), encoding="utf-8")
    again = language._cached_lexicons(paths, build, directory=tmp_path / "cache")
    assert len(calls) == 2
    assert again["de"] == frozenset({"traf", "haus", "und"})  # "und" left the English list


def test_a_corrupt_cache_file_is_rebuilt(tmp_path):
    paths = _vocabs(tmp_path)
    calls, build = _count_builds(paths)
    cache = tmp_path / "cache"
    language._cached_lexicons(paths, build, directory=cache)
    (target,) = cache.glob("language-lexicons-*.marshal")
    target.write_bytes(b"\x00not marshal")
    assert language._cached_lexicons(paths, build, directory=cache) == language._build_lexicons(paths)
    assert len(calls) == 2


def test_an_unwritable_cache_directory_still_gives_the_lexicons(tmp_path):
    paths = _vocabs(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    calls, build = _count_builds(paths)
    out = language._cached_lexicons(paths, build, directory=blocker / "cache")
    assert out == language._build_lexicons(paths) and len(calls) == 1


@pytest.mark.skipif(not (language.MODELS_DIR / "de" / "vocab" / "strings.json").is_file(),
                    reason="shipped models not installed")
def test_shipped_lexicons_through_the_cache_equal_a_fresh_build(tmp_path, monkeypatch):
    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))
    paths = {lang: language.MODELS_DIR / lang / "vocab" / "strings.json" for lang in language.SUPPORTED}
    built = language._build_lexicons(paths)
    language._lexicons.cache_clear()
    try:
        assert language._lexicons() == built  # builds and stores
        language._lexicons.cache_clear()
        assert language._lexicons() == built  # reads the stored file
        assert list(tmp_path.glob("language-lexicons-*.marshal"))
    finally:
        language._lexicons.cache_clear()
