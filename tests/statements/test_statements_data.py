"""The statement data files load, and a language without files yields empty lexicons."""
from __future__ import annotations

import pytest

from lagebild.datafiles import data_path
from lagebild.statements.lexicon import match_phrases, phrase_key, statement_lexicon


@pytest.mark.parametrize("lang", ["de", "en"])
def test_lexicon_loads_every_file(lang):
    lex = statement_lexicon(lang)
    assert lex.verbs_by_form and lex.quote_pairs and lex.attribution and lex.turn_labels
    assert lex.author_pronouns and lex.clause_words


@pytest.mark.parametrize(
    "lang,form,commitment",
    [("de", "versprach", "promise"), ("de", "drohte", "threat"), ("de", "forderte", "demand"),
     ("en", "promised", "promise"), ("en", "threatened", "threat"), ("en", "demanded", "demand"),
     ("de", "behauptete", None), ("en", "claimed", None)],
)
def test_lexicon_commitment_classes(lang, form, commitment):
    verbs = statement_lexicon(lang).verbs_by_form[form]
    assert commitment in {v.commitment for v in verbs}


def test_lexicon_unknown_language_is_empty():
    lex = statement_lexicon("fr")
    assert not lex.verbs_by_form and not lex.quote_pairs


def test_lexicon_phrases_use_language_tokenizer():
    assert phrase_key("en", "won't") == ("wo", "n't")
    assert phrase_key("de", "nach Angaben") == ("nach", "angaben")


@pytest.mark.parametrize(
    "words,expected",
    [(["nach", "angaben", "von", "x"], [(0, 2)]), (["laut", "x", "laut"], [(0, 1), (2, 3)]), (["nichts"], [])],
)
def test_lexicon_match_phrases_longest_first(words, expected):
    phrases = [("nach", "angaben"), ("nach",), ("laut",)]
    assert [(s, e) for s, e, _ in match_phrases(words, phrases)] == expected


def test_lexicon_bad_commitment_names_file_and_line(tmp_path, monkeypatch):
    from lagebild import datafiles
    from lagebild.errors import DataFileError
    from lagebild.statements import lexicon

    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "speech_verbs.tsv").write_text("form\tlemma\tparticle\tcommitment\tclass\nsaid\tsay\t\tpromize\tsay\n")
    monkeypatch.setattr(lexicon, "data_path", lambda *p: tmp_path.joinpath(*p))
    lexicon.statement_lexicon.cache_clear()
    try:
        with pytest.raises(DataFileError, match="line 2"):
            lexicon.statement_lexicon("xx")
    finally:
        lexicon.statement_lexicon.cache_clear()
    assert data_path("de", "speech_verbs.tsv").is_file()
