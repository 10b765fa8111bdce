"""Actor-code kinds of session 26 (issue 11): role nouns in a sense that names no role, and
the office of a person who holds two at once. Grid rows are sentences we wrote
(``grid_codes.tsv``), run one by one on the shipped pipelines so that a failing row names
its construction (``lagebild.actors.nonroles``):

- ``body-part``: English "head" after a personal possessive or "in/on/to the" is the body
  part, no office ("shot a protester in the head" -- the protester stays the target);
  "the head of X" stays a role;
- ``rank-context``: "captain" is military only with a military context (a title before a
  name, a military noun or a body coded MIL in the same or the previous sentence); a team's
  or a ship's captain names no actor;
- ``sport-role``: "Schiedsrichter", "Linienrichter" (heads "Richter") are sport officials,
  no judges; "Verfassungsrichter", "Richter" stay JUD;
- ``manager-sector``: a "Manager" compound takes its modifier's sector ("Wahlkampfmanager"
  -> PTY, "Klinikmanager" -> HLH; ``compound_roles.tsv`` generic ``m``), else BUS.

``office-named`` (blank pipeline, ``conftest.link``): of two offices a person holds at once
the one the text names is shown and learned (``KBActor.office_at`` with roles).
"""
from __future__ import annotations

from datetime import date

import pytest

from lagebild.actors.kb import KBActor, Office

from .test_code_grid import _rows, _run

KINDS = {("en", "body-part"): 5, ("en", "rank-context"): 5, ("de", "sport-role"): 4, ("de", "manager-sector"): 4}
ROWS = [r for lang in ("de", "en") for r in _rows(lang) if (lang, r["kind"]) in KINDS]


@pytest.fixture(scope="module")
def pipelines():
    from lagebild.pipeline import load

    return {"de": load("de"), "en": load("en")}


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['lang']}:{r['kind']}:{r['_line']}" for r in ROWS])
def test_row(pipelines, row):
    """One grid row on the full pipeline of its language."""
    got = _run(pipelines[row["lang"]], row)
    assert got == row["code"], f"[{row['kind']}] {row['word']!r}: got {got}, want {row['code']} -- {row['text']}"
    key = (row["lang"], row["kind"])
    assert sum((r["lang"], r["kind"]) == key for r in ROWS) >= KINDS[key], row["kind"]


def test_every_kind_has_rows():
    assert {(r["lang"], r["kind"]) for r in ROWS} == set(KINDS)


def _two_offices() -> KBActor:
    """A made-up person holding two offices at once (the second started later)."""
    return KBActor(id="per:test_two", name="Test Two", type="PER", offices=[
        Office("per:test_two", ("foreign_minister",), "XYZ", "XYZGOV", date(2020, 1, 1), None),
        Office("per:test_two", ("national_security_adviser",), "XYZ", "XYZGOV", date(2021, 6, 1), None),
        Office("per:test_two", ("senator",), "XYZ", "XYZLEG", date(2010, 1, 1), date(2019, 12, 31)),
    ])


@pytest.mark.parametrize("roles,want", [
    (None, ("national_security_adviser",)),                # no role named: the latest started
    ({"foreign_minister"}, ("foreign_minister",)),         # the role the text names
    ({"national_security_adviser"}, ("national_security_adviser",)),
    ({"senator"}, ("national_security_adviser",)),         # an ended office is not held
    ({"mayor"}, ("national_security_adviser",)),           # a role not held: the latest
])
def test_office_at_prefers_named_role(roles, want):
    office = _two_offices().office_at(date(2022, 1, 1), roles)
    assert office is not None and office.roles == want


def test_office_at_none_before_any_office():
    assert _two_offices().office_at(date(2005, 1, 1), {"foreign_minister"}) is None


def _role_of(doc, actor_id: str):
    return next((a.role for a in doc._.actors if a.id == actor_id), None)


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Secretary of State Marco Rubio met the Chinese foreign minister in Rome.", "US Secretary of State"),
    ("en", "Marco Rubio, the US secretary of state, flew to Rome.", "US Secretary of State"),
    ("de", "Außenminister Marco Rubio traf in Rom den chinesischen Amtskollegen.", "US-Außenminister"),
    ("de", "US-Außenminister Rubio reiste am Montag nach Rom.", "US-Außenminister"),
    ("en", "Marco Rubio flew to Rome on Monday.", "US National Security Adviser (acting)"),
])
def test_office_named(link, lang, text, want):
    """office-named: the KB person's shown office is the one the text names (Rubio holds
    two since 2025-05-01); with no role named, the latest started."""
    doc = link(lang, text, "2025-06-10")
    assert _role_of(doc, "per:marco_rubio") == want, [(a.id, a.role) for a in doc._.actors]
