"""Actor-code kinds of session 25 (issue 11): speakers and actor codes from context. Each
kind is a general mechanism; its rows are sentences we wrote (``grid_codes.tsv``), run one by
one on the shipped German pipeline so that a failing row names its construction:

- ``kb-country``: a person the KB knows with a country of its own, named with a role of a
  body the KB does not know ("Die Leiterin des Ifo-Instituts, Anna Berger"), keeps the KB's
  country when the role's country is only the document's guess (a dateline "Athen –" does
  not make a German economist Greek: ``ActorLinker._role_country``);
- ``person-of-part``: a person named right before "von der/vom" + a hyphenated department of
  a KB organisation ("Andreas X von der ORF-Unterhaltung", "Y von der ÖBB-Pressestelle")
  speaks for the organisation (``ActorLinker._member_of_part``); a first part that names
  no organisation ("Wiener-Linien-Zentrale") gives nothing.
"""
from __future__ import annotations

import pytest

from .test_code_grid import _rows, _run

KINDS = {"kb-country": 5, "person-of-part": 5}  # kind: the fewest rows it must have
ROWS = [r for r in _rows("de") if r["kind"] in KINDS]


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['kind']}:{r['_line']}" for r in ROWS])
def test_row(nlp_full, row):
    """One grid row on the full German pipeline (``conftest.nlp_full``)."""
    got = _run(nlp_full, row)
    assert got == row["code"], f"[{row['kind']}] {row['word']!r}: got {got}, want {row['code']} -- {row['text']}"
    assert sum(r["kind"] == row["kind"] for r in ROWS) >= KINDS[row["kind"]], row["kind"]


def test_every_kind_has_rows():
    assert {r["kind"] for r in ROWS} == set(KINDS)


@pytest.mark.parametrize("country,own,guessed,want", [
    ("GRC", "DEU", True, "DEU"),     # the document's guess loses to the KB's country
    ("GRC", "DEU", False, "GRC"),    # the text's own word for the role wins
    ("GRC", None, True, "GRC"),      # a person the KB gives no country: the guess
    (None, "DEU", False, "DEU"),
    (None, None, True, None),
])
def test_role_country(country, own, guessed, want):
    from lagebild.actors.linker import ActorLinker

    assert ActorLinker._role_country(country, own, guessed) == want

