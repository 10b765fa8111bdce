"""The KB is built once per process when the user KB adds nothing: load_kb with the user
KB (the actor linker) and without it (statements, non-roles) share one entry while the
user KB directory is missing or holds no ``*.tsv``; a user KB file still gives its own."""
from __future__ import annotations

import pytest

from lagebild.actors import kb as kbmod


@pytest.fixture
def fresh_cache():
    kbmod._load_kb_cached.cache_clear()
    yield
    kbmod._load_kb_cached.cache_clear()


@pytest.mark.parametrize("layout", ["missing", "empty", "only-notes"])
def test_user_kb_without_files_shares_the_builtin_kb(tmp_path, fresh_cache, layout):
    udir = tmp_path / "kb"
    if layout != "missing":
        udir.mkdir()
    if layout == "only-notes":
        (udir / "README.txt").write_text("notes of my own, not a KB file\n", encoding="utf-8")
    with_user = kbmod.load_kb(udir)
    without = kbmod.load_kb(udir, include_user=False)
    assert with_user is without
    assert kbmod._load_kb_cached.cache_info().misses == 1


def test_user_kb_file_gives_its_own_kb(tmp_path, fresh_cache):
    udir = tmp_path / "kb"
    udir.mkdir()
    (udir / "aliases.tsv").write_text("actor\talias\n", encoding="utf-8")  # header only: a KB file all the same
    with_user = kbmod.load_kb(udir)
    without = kbmod.load_kb(udir, include_user=False)
    assert with_user is not without
    assert kbmod._load_kb_cached.cache_info().misses == 2
