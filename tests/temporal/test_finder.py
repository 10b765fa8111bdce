from datetime import date

import pytest

from lagebild.temporal import find_time_expressions

PUB = date(2025, 4, 19)  # a Saturday


def _one(text, lang, published=PUB):
    found = find_time_expressions(text, lang, published)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


@pytest.mark.parametrize(
    "text,lang,expr,start,end,kind",
    [
        ("Am Freitag trafen sie sich.", "de", "Am Freitag", "2025-04-18", "2025-04-18", "date"),
        ("Er sagte gestern, er komme.", "de", "gestern", "2025-04-18", "2025-04-18", "date"),
        ("Das Treffen war am 18. April 2025.", "de", "am 18. April 2025", "2025-04-18", "2025-04-18", "date"),
        ("Datum: 18.04.2025", "de", "18.04.2025", "2025-04-18", "2025-04-18", "date"),
        ("Das war letzte Woche.", "de", "letzte Woche", "2025-04-07", "2025-04-13", "range"),
        ("Frieden bis Ende des Jahres", "de", "bis Ende des Jahres", "2025-04-19", "2025-12-31", "range"),
        ("in den kommenden Tagen", "de", "in den kommenden Tagen", "2025-04-20", "2025-04-26", "range"),
        ("in den nächsten Wochen", "de", "in den nächsten Wochen", "2025-04-20", "2025-05-17", "range"),
        ("Wahlen im nächsten Jahr", "de", "im nächsten Jahr", "2026-01-01", "2026-12-31", "range"),
        ("vor drei Tagen", "de", "vor drei Tagen", "2025-04-16", "2025-04-16", "date"),
        ("Ende April", "de", "Ende April", "2025-04-21", "2025-04-30", "range"),
        ("am Freitagabend", "de", "am Freitagabend", "2025-04-18", "2025-04-18", "date"),
        ("They met on Friday.", "en", "on Friday", "2025-04-18", "2025-04-18", "date"),
        ("They met on Monday.", "en", "on Monday", "2025-04-14", "2025-04-14", "date"),
        ("It happened on April 18, 2025.", "en", "on April 18, 2025", "2025-04-18", "2025-04-18", "date"),
        ("They talked last week.", "en", "last week", "2025-04-07", "2025-04-13", "range"),
        ("They meet next week.", "en", "next week", "2025-04-21", "2025-04-27", "range"),
        ("a deal by the end of the year", "en", "by the end of the year", "2025-04-19", "2025-12-31", "range"),
        ("in the coming days", "en", "in the coming days", "2025-04-20", "2025-04-26", "range"),
        ("three days ago", "en", "three days ago", "2025-04-16", "2025-04-16", "date"),
        ("yesterday", "en", "yesterday", "2025-04-18", "2025-04-18", "date"),
    ],
)
def test_finder_resolves(text, lang, expr, start, end, kind):
    t = _one(text, lang)
    assert (t.text, str(t.start_date), str(t.end_date), t.kind) == (expr, start, end, kind)


@pytest.mark.parametrize(
    "text,lang,kind",
    [("jeden Montag", "de", "set"), ("every week", "en", "set"), ("zwei Wochen lang", "de", "duration"),
     ("for three days", "en", "duration")],
)
def test_finder_kinds(text, lang, kind):
    assert _one(text, lang).kind == kind


@pytest.mark.parametrize("text,lang", [("am Freitag", "de"), ("next week", "en")])
def test_finder_without_anchor_keeps_expression(text, lang):
    t = _one(text, lang, None)
    assert t.start_date is None and t.end_date is None


@pytest.mark.parametrize("text,lang", [("He may 5 go.", "en"), ("am Morgen kam er", "de"), ("31.02.2025", "de")])
def test_finder_rejects_non_dates(text, lang):
    assert find_time_expressions(text, lang, PUB) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_finder_offsets_sorted(lang):
    text = "Gestern und am Freitag, letzte Woche und heute." if lang == "de" else "Yesterday and on Friday, last week and today."
    found = find_time_expressions(text, lang, PUB)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert len(found) == 4


@pytest.mark.parametrize(
    "text,lang,start,end",
    [
        ("im Sommer", "de", "2025-06-01", "2025-08-31"),
        ("im kommenden Winter", "de", "2025-12-01", "2026-02-28"),
        ("letzten Winter", "de", "2024-12-01", "2025-02-28"),
        ("im Frühjahr 2026", "de", "2026-03-01", "2026-05-31"),
        ("Ende nächsten Jahres", "de", "2026-12-01", "2026-12-31"),
        ("im Laufe des Jahres", "de", "2025-04-19", "2025-12-31"),
        ("next spring", "en", "2026-03-01", "2026-05-31"),
        ("in the fall of 2024", "en", "2024-09-01", "2024-11-30"),
        ("later this year", "en", "2025-04-19", "2025-12-31"),
        ("earlier this month", "en", "2025-04-01", "2025-04-19"),
    ],
)
def test_finder_seasons_and_parts_of_periods(text, lang, start, end):
    t = _one(text, lang)
    assert (str(t.start_date), str(t.end_date), t.kind) == (start, end, "range")


@pytest.mark.parametrize("text", ["Prices fall in May.", "The regime may fall soon."])
def test_finder_verb_fall_is_no_season(text):
    assert [t for t in find_time_expressions(text, "en", PUB) if "fall" in t.text.lower()] == []
