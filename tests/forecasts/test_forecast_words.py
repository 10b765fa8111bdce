"""The detector's word sets as data (``data/<lang>/forecast_words.tsv``, issue 11): the loader
unites languages for a language-blind check, keeps them apart when asked for one language,
and reports a bad row with its file and line."""
from __future__ import annotations

import pytest

from lagebild.errors import DataFileError
from lagebild.forecasts import detect, horizon, lexicon
from lagebild.forecasts.lexicon import forecast_words


def test_union_and_per_language():
    assert forecast_words("first_person_subjects") == {"ich", "wir", "i", "we"}
    assert forecast_words("first_person_subjects", "de") == {"ich", "wir"}
    assert forecast_words("first_person_subjects", "en") == {"i", "we"}
    assert forecast_words("modal_infinitives", "en") == frozenset()  # a set with German rows only
    assert forecast_words("first_person_subjects", "uk") == frozenset()  # a language without the file


def test_unknown_set_is_an_error():
    with pytest.raises(LookupError, match="no_such_set"):
        forecast_words("no_such_set")


def test_code_reads_the_sets():
    assert "erwartet" in detect.HEADLINE_PARTICIPLES_DE
    assert detect.EPISTEMIC_SHOULD == {("sollte",), ("sollten",), ("should",)}
    assert detect.INFINITIVE_SUFFIXES["de"] == ("eln", "en", "ern")
    assert "vor " in horizon.PAST_MARKERS["de"] and "vor" not in horizon.PAST_MARKERS["de"]  # "_" = space


@pytest.mark.parametrize(
    "rows,message,line",
    [
        ("risk_nouns\tGefahr\t\n", "lower-case", 3),
        ("Risk Nouns\tgefahr\t\n", "lower-case name", 3),
        ("risk_nouns\tgefahr\t\nrisk_nouns\tgefahr\t\n", "listed twice", 4),
        ("risk_nouns\t\t\n", "empty", 3),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path, monkeypatch, rows, message, line):
    (tmp_path / "xx").mkdir()
    path = tmp_path / "xx" / "forecast_words.tsv"
    path.write_text("# comment\nset\tword\trationale\n" + rows, encoding="utf-8")
    monkeypatch.setattr(lexicon, "data_path", lambda *p: tmp_path.joinpath(*p))
    lexicon._word_sets.cache_clear()
    try:
        with pytest.raises(DataFileError) as err:
            lexicon._word_sets("xx")
        assert message in str(err.value) and err.value.path == str(path) and err.value.line == line
    finally:
        lexicon._word_sets.cache_clear()
