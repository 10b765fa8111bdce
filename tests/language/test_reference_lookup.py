"""RefLexicon.lookup (indexed by suffix length) answers as the plain scan of its suffix
list in order, for every form."""
from __future__ import annotations

from typing import Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.language.reference import RefLexicon, RefWord, load_reference_lexicon


def _scan(lex: RefLexicon, form: str) -> Optional[RefWord]:
    form = form.lower()
    hit = lex.words.get(form)
    if hit is not None:
        return hit
    for suffix, word in lex.suffixes:
        if form.endswith(suffix) and len(form) > len(suffix):
            return word
    return None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_suffix_and_word_as_the_scan(lang: str) -> None:
    lex = load_reference_lexicon(lang)
    for suffix, _ in lex.suffixes:
        for form in (suffix, "x" + suffix, "Wirtschafts" + suffix, suffix[1:], suffix.upper(), "A" + suffix[:-1]):
            assert lex.lookup(form) is _scan(lex, form), form
    for form in list(lex.words)[:300]:
        assert lex.lookup(form) is _scan(lex, form)


_LEX = {lang: load_reference_lexicon(lang) for lang in ("de", "en")}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["de", "en"]), st.data())
def test_any_form_as_the_scan(lang: str, data) -> None:  # type: ignore[no-untyped-def]
    lex = _LEX[lang]
    pieces = st.sampled_from([s for s, _ in lex.suffixes][:40] + ["", "a", "Ä", "-", "s", "en"])
    form = "".join(data.draw(st.lists(pieces, max_size=3))) + data.draw(st.text(max_size=4))
    assert lex.lookup(form) is _scan(lex, form)


def test_same_suffix_twice_first_wins_and_growth_reindexes() -> None:
    a, b, c = (RefWord(kind="group", agent=code) for code in ("GOV", "MIL", "COP"))
    lex = RefLexicon(words={}, suffixes=[("minister", a), ("ister", b), ("minister", c)])
    assert lex.lookup("Außenminister") is a and lex.lookup("Magister") is b
    assert lex.lookup("minister") is b  # not longer than "minister": the next suffix
    lex.suffixes.append(("ter", c))
    assert lex.lookup("Vater") is c
