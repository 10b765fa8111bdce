"""Property: on any sequence of KB-relevant words the linker returns sorted,
non-overlapping mentions whose text matches the offsets, one actor record per id."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

WORDS = {
    "de": ("der die des dem , . und in im an von Kreml US-Präsident russische russischen Präsident "
           "Präsidenten Ukraine Russlands Putin Putins Trumps Sonderbeauftragter Steve Witkoff "
           "ehemalige stellvertretende Regierung Kiew Moskau Wien – / Amtskollegen Rubio Politikern "
           "Europäern EU-Kommissionspräsidentin UN Nato-Chef Bundeskanzler Selenskyjs Berater Xi Jinpings USA").split(),
    "en": ("the of 's , . and in Kremlin US president Russian President Russia Putin Trump envoy Steve "
           "Witkoff former deputy government Kyiv Moscow Vienna - / counterpart Rubio officials Europeans "
           "EU NATO chief chancellor Zelensky advisers Xi Jinping U.S. Secretary State").split(),
}


@settings(max_examples=150, deadline=None)
@given(
    lang=st.sampled_from(["de", "en"]),
    picks=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=25),
    year=st.integers(min_value=1995, max_value=2030),
)
def test_linker_mentions_are_consistent(nlp_de, nlp_en, lang, picks, year):
    nlp = nlp_de if lang == "de" else nlp_en
    words = WORDS[lang]
    doc = nlp.make_doc(" ".join(words[i % len(words)] for i in picks))
    doc._.published = date(year, 6, 1)
    doc = nlp(doc)
    mentions = doc._.mentions
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start
    for m in mentions:
        assert doc.text[m.start:m.end] == m.text
    actors = {a.id: a for a in doc._.actors}
    assert {m.actor_id for m in mentions} == set(actors)
    for actor in actors.values():
        assert sorted(actor.mentions) == sorted((m.start, m.end) for m in mentions if m.actor_id == actor.id)
