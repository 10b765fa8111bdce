"""Background episodes and non-acts, English (issue 9, session 27): ``background_date`` of
``data/events/syntax.yaml`` (:meth:`EventCoder._year_phrase`, :meth:`EventCoder._background_date`),
the ``---`` rows of ``patterns_en.tsv`` for "asked not to be identified", "fear", "ask about" and
"affect", and the content of a negated cue verb (:meth:`EventCoder._cue_negated`). On
real-en dev these coded 8 events outside every gold event ("a refugee who feared … and asked
not to be identified", "They fear that …", "asked X about concerns", "Never urged X to
investigate Y", "X's crisis … affects every community"); on 71 unseen English pages the
dates, "ask about" and the negated cues removed 7 events, all false."""
from __future__ import annotations

import pytest
from grid_rows import check_root_grid, coded_events, read_grid


def test_background_grid_en():
    from lagebild.pipeline import load

    rows = read_grid("background_grid_en.tsv")
    assert sum(r["kind"].startswith("keep") for r in rows) >= 4 and len(rows) >= 12
    check_root_grid("background grid en", rows, load("en").pipe(r["text"] for r in rows), coded_events, floor=1.0)


def test_publication_date_is_the_documents_time():
    import lagebild

    text = "Turkey occupied the north of the island in 1974."
    assert [e.cameo for e in lagebild.analyze(text, language="en").events] == ["192"]  # no later year: kept
    assert lagebild.analyze(text, language="en", published="2020-05-04").events == []
    assert [e.cameo for e in lagebild.analyze(text, language="en", published="1975-05-04").events] == ["192"]


def test_background_date_is_english_data():
    from lagebild.events.lexicon import load_lexicon

    en, de = load_lexicon("en"), load_lexicon("de")
    assert en.background_years == 3 and {"in", "on", "during"} <= en.background_preps and "by" in en.background_target_marks
    assert de.background_years == 0


@pytest.mark.parametrize("text, want, not_want", [
    # what a negated cue verb governs was not asked for, promised or threatened
    ("Macron never urged Poland to investigate Scholz.", ("FRA", "POL", "020"), "09"),
    ("Kenya did not threaten to attack Uganda.", ("KEN", "UGA", "138"), "19"),
    ("Chile did not promise to sanction Bolivia.", None, "16"),
    # a negation inside the content stays with the content
    ("Macron urged Poland not to attack Belarus.", ("POL", "BLR", "190"), None),
    ("Kenya promised not to attack Uganda.", ("KEN", "UGA", "190"), None),
])
def test_negated_cue_content_en(text, want, not_want):
    from lagebild.pipeline import load

    doc = load("en")(text)
    got = coded_events(doc)
    countries = [(s[:3] if s else None, t[:3] if t else None, c) for s, t, c in got]
    assert want is None or want in countries or want in got, f"{text}: want {want}, got {got}"
    assert not_want is None or not any(c.startswith(not_want) for _, _, c in got), f"{text}: {not_want} coded: {got}"
