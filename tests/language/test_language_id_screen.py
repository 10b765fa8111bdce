"""The all-languages check of language ID screens with trigram models first: a short
German or English text (under 120 characters, where lingua's high-accuracy mode would
load the uni- to five-gram models of all 75 languages, ~5 CPU s and ~680 MB once per
process) is decided without the high-accuracy detector; a short text the screen finds
foreign is still decided by it. Own sentences."""
import pytest

import lagebild.language as language
from lagebild.language import detect_language

SHORT_SUPPORTED = [
    ("de", "Fährstreik auf Sylt: Pendler warten"),  # a headline: too few words for the lexicon shortcut
    ("de", "Hochwasser an der Mosel – Trier sperrt Ufer"),
    ("de", "Landrat tritt nach Kritik zurück"),
    ("de", "Kommune plant neue Brücke über die Saale"),
    ("en", "Ferry strike on Skye: commuters stranded"),
    ("en", "Mayor of Leeds resigns after audit"),
    ("en", "Flood warning for the Severn valley"),
]


@pytest.fixture
def no_full_models(monkeypatch):
    def refuse():  # pragma: no cover - reached only when the screen is bypassed
        raise AssertionError("the high-accuracy all-languages detector was asked")

    monkeypatch.setattr(language, "_all_detector", refuse)


@pytest.mark.parametrize("lang,text", SHORT_SUPPORTED, ids=[t for _, t in SHORT_SUPPORTED])
def test_short_supported_text_needs_no_full_models(no_full_models, lang, text):
    assert len(text) < 120
    assert not language._plainly_supported(
        text, language._detector().compute_language_confidence_values(text)[0]
    ), "the lexicon shortcut decides it: the row tests nothing"
    assert detect_language(text)[0] == lang


SHORT_OTHER = [
    ("sv", "Kommunen stänger huvudgatan i två veckor"),
    ("fi", "Pormestari sulkee pääkadun kahdeksi viikoksi"),
    ("id", "Walikota menutup jalan utama selama dua minggu"),
]


@pytest.mark.parametrize("lang,text", SHORT_OTHER, ids=[o[0] for o in SHORT_OTHER])
def test_short_other_language_is_decided_by_the_full_models(lang, text):
    asked = []
    full = language._all_detector

    def counted():
        asked.append(1)
        return full()

    language._all_detector = counted
    try:
        got, confidence = detect_language(text)
    finally:
        language._all_detector = full
    assert (got, bool(asked)) == (lang, True) and confidence >= 0.5
