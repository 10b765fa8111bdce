"""Precision on unseen news (issue 9, session 28): own German sentences for each kind of false
event that the events audit s28-prec found (``precision_s28_grid_de.tsv``: private business,
sense by argument class, light verbs, first-person reflexives), and the session's review of
the coder's data: the misdeed rule's guard words come from a data file, and the event and
statement layers share one argument-class matcher (:mod:`lagebild.language.word_class`).
Every grid row must pass."""
from __future__ import annotations

import pytest

from test_senses_de import assert_want_not_grid


def test_precision_s28_grid_de(nlp_de):
    assert_want_not_grid(nlp_de, "precision_s28_grid_de.tsv", "precision s28 grid de", 25)


def test_session28_lexicon_is_german_only():
    """The private-business roots and the first-person reflexives are German keys of
    syntax.yaml; English has none, so its output cannot change through them."""
    from lagebild.events.lexicon import load_lexicon

    de, en = load_lexicon("de"), load_lexicon("en")
    assert {"06", "07", "08", "16"} <= de.private_roots and "09" not in de.private_roots
    assert de.reflexive_persons["uns"] == "wir" and de.reflexive_persons["mir"] == "ich"
    assert not en.private_roots and not en.reflexive_persons


def test_misdeed_guards_from_data_file():
    from lagebild.events.recall_data import misdeed_guards

    de = misdeed_guards("de")
    assert {"können", "müssen", "sollen"} <= de.modals and "sagen" not in de.modals
    assert {"niemand", "niemanden", "nichts"} <= de.nobody
    assert not misdeed_guards("en").modals and not misdeed_guards("en").nobody


@pytest.mark.parametrize("row, problem", [
    ("modal\tKönnen\t", "lower-case"),
    ("adverb\tkaum\t", "kind 'adverb'"),
    ("nobody\tkein mensch\t", "one lower-case word"),
    ("nobody\t\t", "column 'word' is empty"),
])
def test_misdeed_guards_errors_name_file_and_line(tmp_path, row, problem):
    from lagebild.datafiles import DataFileError
    from lagebild.events.recall_data import read_misdeed_guards

    path = tmp_path / "misdeed_guards_xx.tsv"
    path.write_text("# guards\nkind\tword\tnote\nmodal\tdürfen\t\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_misdeed_guards(path)
    assert err.value.line == 4 and str(path) in str(err.value) and problem in str(err.value)


@pytest.mark.parametrize("text, index, word, lang, expected", [
    # German compounds by their last part, inflected forms, prefixes
    ("Die Haftstrafe wurde verkündet.", 1, "strafe", "de", True),
    ("Sie schützen die Außengrenzen.", 3, "grenze", "de", True),
    ("Sie verhängten Sanktionen.", 2, "sanktion", "de", True),
    ("Das Gesetz gilt.", 1, "gesetz", "de", True),
    # a word starts a form only with up to three letters more; any 4+-letter word ends
    # longer German words, but never inside a bound ending (data/language/bound_suffixes_de.txt:
    # "Botschaft" ends in "-schaft", not in "Haft"; "Untersuchungshaft" does end in "Haft")
    ("Die Haftanstalt ist voll.", 1, "haft", "de", False),
    ("Die Botschaft ist zu.", 1, "haft", "de", False),
    ("Die Untersuchungshaft dauert an.", 1, "haft", "de", True),
    ("Der Rat tagt.", 1, "rat", "de", True),
    ("Der Senat tagt.", 1, "rat", "de", False),
    # a phrase matches word by word from the token on
    ("Er kam aus der Haft frei.", 2, "aus der haft", "de", True),
    ("Er kam aus dem Urlaub.", 2, "aus der haft", "de", False),
    # English: no compound rule, prefixes only
    ("They imposed sanctions.", 2, "sanction", "en", True),
    ("The lawsuit failed.", 1, "suit", "en", False),
])
def test_word_class_matching(nlp_de, text, index, word, lang, expected):
    """:func:`lagebild.language.word_class.word_matches` on parsed tokens (the English rows
    need no parse: a blank tokenizer gives the forms)."""
    import spacy

    from lagebild.language.word_class import word_matches

    doc = nlp_de(text) if lang == "de" else spacy.blank("en")(text)
    assert word_matches(doc[index], word, lang) is expected


def test_statements_and_events_share_the_class_matcher(nlp_de):
    """The statement layer's argument classes ("Die Mannschaft bestritt das Finale": no
    denial, so no speech act) match as the event coder's ``arg=`` flag does: a compound
    object ends with a class word of the event patterns' null row for "bestreiten"."""
    from lagebild.statements.extract import _no_act_sense, verbal_act_exceptions

    conds = dict(verbal_act_exceptions("de")).get("bestreiten")
    assert conds, "patterns_de has an arg= null row for bestreiten"
    doc = nlp_de("Die Mannschaft aus Lyon bestritt gestern das Pokalfinale.")
    verb = next(t for t in doc if t.lemma_.lower() == "bestreiten")
    assert _no_act_sense("de", verb, "bestreiten")
