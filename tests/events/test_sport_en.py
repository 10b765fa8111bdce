"""English sport reports (issue 9, session 26): ``sport_doc`` of ``data/events/syntax.yaml``
with the ``sport`` class of ``senses_en.tsv``, the rule German has had since session 25
(:meth:`EventCoder._in_sport_doc`). On 71 unseen English pages it removed the national
teams' "assaults" and "yields" of a football report and a qualifier draw."""
from __future__ import annotations

from grid_rows import check_root_grid, coded_events, read_grid


def test_sport_grid_en():
    from lagebild.pipeline import load

    rows = read_grid("sport_grid_en.tsv")
    assert {r["kind"].split(":")[0] for r in rows} >= {"sport", "political-keep"} and len(rows) >= 5
    check_root_grid("sport grid en", rows, load("en").pipe(r["text"] for r in rows), coded_events, floor=1.0)


def test_sport_words_avoid_common_words():
    from lagebild.events.lexicon import load_lexicon

    lex = load_lexicon("en")
    assert lex.sport_doc_min == 3 and "football" in lex.sport_words
    # a word of 4+ letters counts inside longer words: none may sit inside a common one
    for common in ("colleague", "strikers", "medallist", "matches", "coaches", "scores"):
        assert not any(w in common for w in lex.sport_words if len(w) >= 4), common
