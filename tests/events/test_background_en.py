"""Background episodes and non-acts, English (issue 9, session 27): ``background_date`` of
``data/events/syntax.yaml`` (:meth:`EventCoder._year_phrase`, :meth:`EventCoder._background_date`),
and the ``---`` rows of ``patterns_en.tsv`` for "asked not to be identified" and "fear". On
real-en dev they coded 5 events outside every gold event ("a refugee who feared …
and asked not to be identified", "I feared at the time …", "They fear that …"); on 71 unseen
English pages the dates removed 3 events, all false."""
from __future__ import annotations

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
