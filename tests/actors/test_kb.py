"""The built-in KB: loading, validation with file and line, dated offices, composites."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lagebild.actors.kb import load_kb
from lagebild.errors import DataFileError


@pytest.fixture(scope="module")
def kb():
    return load_kb(include_user=False)


def test_kb_loads_countries_cities_orgs_persons(kb):
    types = {}
    for actor in kb.actors.values():
        types[actor.type] = types.get(actor.type, 0) + 1
    assert types["GPE"] >= 249  # every ISO country (+ regions)
    assert types["LOC"] >= 100
    assert types["ORG"] >= 30
    assert types["PER"] >= 150
    assert "Moskau" in kb.get("loc:moscow").names["de"]
    assert "russisch" in kb.get("RUS").adjectives["de"]


@pytest.mark.parametrize(
    "role,of,on,expected",
    [
        ("president", "USA", date(2025, 4, 19), ["per:donald_trump"]),
        ("president", "USA", date(2023, 4, 19), ["per:joe_biden"]),
        ("president", "USA", date(2019, 4, 19), ["per:donald_trump"]),
        ("president", "USA", date(2025, 1, 20), ["per:donald_trump"]),  # inauguration day
        ("foreign_minister", "USA", date(2025, 4, 19), ["per:marco_rubio"]),
        ("foreign_minister", "USA", date(2024, 4, 19), ["per:antony_blinken"]),
        ("chancellor", "DEU", date(2024, 4, 19), ["per:olaf_scholz"]),
        ("chancellor", "DEU", date(2025, 6, 1), ["per:friedrich_merz"]),
        ("president", "RUS", date(2010, 1, 1), ["per:dmitry_medvedev"]),
        ("president", "RUS", date(2025, 1, 1), ["per:vladimir_putin"]),
        ("secretary_general", "org:nato", date(2025, 1, 1), ["per:mark_rutte"]),
    ],
)
def test_kb_holders_at_date(kb, role, of, on, expected):
    assert sorted({o.actor for o in kb.holders(role, of, on)}) == expected


def test_kb_former_holders_latest_first(kb):
    former = [o.actor for o in kb.former_holders("president", "USA", date(2023, 4, 19))]
    assert former[:2] == ["per:donald_trump", "per:barack_obama"]


@pytest.mark.parametrize("ident,name,code", [("RUSMIL", "Russian military", "RUSMIL"), ("UKRGOV", "Ukrainian government", "UKRGOV")])
def test_kb_composite_country_agent(kb, ident, name, code):
    actor = kb.get(ident)
    assert (actor.name, actor.code, actor.country) == (name, code, ident[:3])


def test_kb_search_finds_transliterations(kb):
    assert kb.search("Selenskyj")[0].id == "per:volodymyr_zelensky"
    assert kb.search("Medwedew")[0].id == "per:dmitry_medvedev"


@pytest.mark.parametrize(
    "filename,content,problem",
    [
        ("offices.tsv", "actor\troles\tof\tcode\tstart\tend\nper:donald_trump\tpresident\tUSA\tUSAGOV\t2029-13-01\t\n", "ISO date"),
        ("offices.tsv", "actor\troles\tof\tcode\tstart\tend\nper:nobody\tpresident\tUSA\tUSAGOV\t\t\n", "unknown actor"),
        ("offices.tsv", "actor\troles\tof\tcode\tstart\tend\nper:donald_trump\tkaiser\tUSA\tUSAGOV\t\t\n", "unknown role key"),
        ("actors.tsv", "id\tname\ttype\tcountry\nper:x\tX Y\tALIEN\tUSA\n", "type"),
        ("actors.tsv", "id\tname\ttype\tcountry\nper:x\tX Y\tPER\tXXX\n", "unknown country"),
    ],
)
def test_kb_user_file_errors_name_file_and_line(tmp_path: Path, filename, content, problem):
    (tmp_path / filename).write_text("# a comment\n" + content, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_kb(tmp_path)
    assert err.value.path.endswith(filename)
    assert err.value.line == 3
    assert problem in str(err.value)


def test_kb_single_holder_offices_do_not_overlap(kb):
    """Data check: two people never hold a one-holder office of one country at once."""
    clashes = []
    for (role, of), offices in kb.by_office.items():
        if (kb.role_keys.get(role) or {}).get("single") != "y":
            continue
        for i, a in enumerate(offices):
            for b in offices[i + 1:]:
                start = max(a.start or date.min, b.start or date.min)
                end = min(a.end or date.max, b.end or date.max)
                if a.actor != b.actor and start < end:
                    clashes.append((role, of, a.actor, b.actor, start.isoformat()))
    assert clashes == []
