"""A short text (under 120 characters) that the all-languages trigram screen finds plainly
German or English is answered without the ten-language detector, whose high-accuracy
mode would load the uni- to five-gram models of ten languages for it (1.4-2.4 CPU s once
per process: a one-line headline given to ``lagebild analyze``). The answer keeps the
language and the side of 0.5 (warning W007) of the ten-language path; a short text in
another language, or one the screen is less sure of, still takes that path.
Own sentences."""
import pytest

import lagebild.language as language
from lagebild.language import detect_language

DECIDED = [
    ("de", "Regierung kündigt neue Hilfen für Landwirte an"),  # a headline
    ("de", "Stadtwerke erhöhen die Gaspreise zum Jahreswechsel"),
    ("de", "Gericht verbietet Versammlung vor dem Rathaus"),
    ("de", "Bürgermeister von Kleve will nicht mehr antreten"),
    ("de", "Neue Umgehungsstraße bei Wetzlar wird später fertig"),  # ß: German by lingua's rules
    ("de", "Polizei sucht Zeugen nach Einbruch in Apotheke"),
    ("en", "The council said on Monday that the bridge would stay closed while the engineers checked it."),
    ("en", "Residents were asked to use the ferry until the repairs on the old road were finished."),
    ("en", "Shops in the town centre will open later on Sunday because of the marathon."),
    ("en", "Ambulance crews say they are waiting hours outside the hospital every night."),
]

NOT_DECIDED = [
    ("de", "Streik legt den Hafen von Bremerhaven lahm"),  # the screen is less sure (0.79)
    ("de", "Bauern protestieren"),  # two words
    ("en", "Council delays vote on new bus depot"),  # English headlines: rarely sure enough
    ("en", "Minister warns of longer waits for hospital beds"),  # the screen's best is Danish
    ("sv", "Kommunen stänger huvudgatan i två veckor"),
    ("fr", "Le maire a fermé la rue principale pendant deux semaines"),
    ("nl", "De burgemeester sluit de hoofdstraat voor twee weken"),
    ("id", "Walikota menutup jalan utama selama dua minggu"),
]


def _ten_language_path(monkeypatch, text):
    """detect_language as before the screen: every text takes the ten-language detector."""
    with monkeypatch.context() as m:
        m.setattr(language, "_HIGH_ACCURACY_CHARS", 0)
        return detect_language(text)


@pytest.mark.parametrize("lang,text", DECIDED, ids=[t[:32] for _, t in DECIDED])
def test_plain_short_text_skips_the_ten_language_detector(monkeypatch, lang, text):
    assert len(text) < language._HIGH_ACCURACY_CHARS
    before = _ten_language_path(monkeypatch, text)

    def refuse():  # pragma: no cover - reached only when the screen does not decide
        raise AssertionError("the ten-language detector was asked")

    monkeypatch.setattr(language, "_detector", refuse)
    got, confidence = detect_language(text)
    assert got == lang == before[0]
    assert (confidence >= 0.5) == (before[1] >= 0.5)


@pytest.mark.parametrize("lang,text", NOT_DECIDED, ids=[t[:32] for _, t in NOT_DECIDED])
def test_other_short_text_takes_the_ten_language_path(monkeypatch, lang, text):
    assert language._screen_decides(text) is None
    got, confidence = detect_language(text)
    before = _ten_language_path(monkeypatch, text)
    # lingua's sums differ in the last bits from call to call
    assert (got, confidence) == (before[0], pytest.approx(before[1], abs=1e-9))
    assert got == lang


def test_lexicon_against_the_screen_leaves_it_open(monkeypatch):
    """A text whose words are German-only by the lexicons is not decided as English."""
    monkeypatch.setattr(language, "lexicon_votes", lambda text: {"de": 2, "en": 1})
    assert language._screen_decides(DECIDED[7][1]) is None
    assert language._screen_decides(DECIDED[0][1]) == ("de", pytest.approx(1.0))
