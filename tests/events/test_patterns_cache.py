"""The on-disk cache of converted pattern dictionaries (issue 9: PETRARCH's tier cost
~1.4 s at every English start): the cached patterns equal the parsed ones, and any change
to the file rebuilds them; a corrupt or unwritable cache only costs the parse."""
from __future__ import annotations

from lagebild.datafiles import data_path
from lagebild.events.patterns import read_patterns, read_patterns_cached

HEADER = "trigger\tcode\twords\ttarget\tflags\tnote\n"


def _write(path, rows):
    path.write_text(HEADER + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")


def test_cached_equals_parsed_on_the_shipped_dictionary(tmp_path):
    path = data_path("events", "patterns_en_petrarch.tsv")
    built, how = read_patterns_cached(path, "en", tier=1, directory=tmp_path)
    assert how == "built"
    cached, how = read_patterns_cached(path, "en", tier=1, directory=tmp_path)
    assert how == "cache"
    assert cached == built == read_patterns(path, "en", tier=1)
    assert [p.origin for p in cached[:50]] == [p.origin for p in built[:50]]
    assert all(hash(a) == hash(b) for a, b in zip(cached[:500], built[:500]))


def test_a_changed_file_is_parsed_again(tmp_path):
    src = tmp_path / "patterns_en_test.tsv"
    cache = tmp_path / "cache"
    _write(src, [("accuse", "112", "", "obj", "requires=target", "")])
    first, how = read_patterns_cached(src, "en", tier=1, directory=cache)
    assert how == "built" and [p.code for p in first] == ["112"]
    assert read_patterns_cached(src, "en", tier=1, directory=cache)[1] == "cache"
    _write(src, [("accuse", "111", "", "obj", "requires=target", ""), ("praise", "051", "", "obj", "", "")])
    second, how = read_patterns_cached(src, "en", tier=1, directory=cache)
    assert how == "built" and [p.code for p in second] == ["111", "051"]
    assert second == read_patterns(src, "en", tier=1)


def test_a_corrupt_cache_is_rebuilt(tmp_path):
    src = tmp_path / "patterns_en_test.tsv"
    cache = tmp_path / "cache"
    _write(src, [("warn", "012", "", "obj", "", "")])
    read_patterns_cached(src, "en", tier=1, directory=cache)
    for f in cache.iterdir():
        f.write_bytes(b"\x00not marshal")
    pats, how = read_patterns_cached(src, "en", tier=1, directory=cache)
    assert how == "built" and pats == read_patterns(src, "en", tier=1)
    assert read_patterns_cached(src, "en", tier=1, directory=cache)[1] == "cache"


def test_an_unwritable_cache_still_parses(tmp_path):
    src = tmp_path / "patterns_en_test.tsv"
    _write(src, [("warn", "012", "", "obj", "", "")])
    blocker = tmp_path / "file"
    blocker.write_text("x")
    pats, how = read_patterns_cached(src, "en", tier=1, directory=blocker / "sub")
    assert how == "built (cache not writable)" and pats == read_patterns(src, "en", tier=1)
