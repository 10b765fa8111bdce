"""Armed non-state groups of PETRARCH's Phoenix.MilNonState dictionary, imported by
``lagebild kb import`` into the built-in KB's ``imported/`` folder (issue 9, session 30):
the import's guard against names that are ordinary words (``userkb.group_name_kept``), the
guarded import of a small dictionary of our own, and the shipped groups coded in English
sentences of our own."""
from __future__ import annotations

import pytest

from lagebild.actors import userkb
from lagebild.actors.kb import load_kb

ORDINARY = frozenset({"front", "youth", "tiger", "popular", "army", "revolutionary", "cell", "brigade", "eta"})


@pytest.mark.parametrize("name,kept", [
    ("Boko Haram", True),            # not ordinary words
    ("Al-Shabaab", True),
    ("FARC", True),                  # an acronym in capitals
    ("ETA", True),                   # an acronym even when its letters spell a word
    ("Front", False),                # one ordinary word
    ("Youth", False),
    ("Tigers", False),               # a plural of an ordinary word
    ("Popular Army", False),         # only ordinary words
    ("Revolutionary Cells", False),
    ("Of Mohammed And The Jaish", False),  # a fragment of a longer name
    ("313", False),                  # no letters
    ("Erudia", False),               # a name the KB gives another actor
])
def test_group_name_kept(name: str, kept: bool) -> None:
    assert userkb.group_name_kept(name, ORDINARY, frozenset({"erudia"})) is kept


def test_import_guards_group_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "Groups.actors.txt"
    src.write_text(
        "ZORVAN_HILL_MILITIA [NGAREB]\n+NHM\n+FRONT\n\n"
        "POPULAR_YOUTH [NGAREB]\n+YOUTH\n\n"
        "AL-QARNA_BRIGADE [SOMREB]\n", encoding="utf-8")
    notes: list = []
    counts = userkb.import_petrarch([src], kb_dir=tmp_path / "kb", notes=notes)
    rows = (tmp_path / "kb" / "imported" / "actors_groups_actors.tsv").read_text(encoding="utf-8")
    assert "Zorvan Hill Militia" in rows and "NHM" in rows
    assert "Front" not in rows.split("\t")  # the ordinary alias is left out, the group kept
    assert "Popular Youth" not in rows      # a group with only ordinary names is skipped
    assert "al-Qarna Brigade" in rows       # wire copy's lower-case "al-"
    assert counts["skipped"] >= 1 and any("Popular Youth" in n for n in notes)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from lagebild.pipeline import load

    return load("en")


def test_shipped_groups_are_in_the_kb() -> None:
    kb = load_kb(include_user=False)
    codes = {a.code for a in kb.actors.values() if a.id.startswith("phx:")}
    assert {"NGAREB", "SOMREB", "COLREB"} <= codes


@pytest.mark.parametrize("text,source,target", [
    ("Boko Haram gunmen attacked a police station in Maiduguri on Tuesday.", "NGAREB", "NGACOP"),
    ("Al-Shabaab fighters clashed with Kenyan soldiers near the border.", "SOMREB", "KENMIL"),
    ("FARC guerrillas ambushed an army patrol in the south.", "COLREB", "COLMIL"),
])
def test_shipped_groups_coded(nlp, text: str, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    from grid_rows import coded_events

    got = coded_events(nlp(text))
    assert any(s == source and t == target and c.startswith("19") for s, t, c in got), got
