"""A provisional actor (one the KB does not know) is exported to GDELT as the incident's
reports coded it.

Since session 30 the ``actors`` row of a provisional actor is the record later documents
learn: a code the text gave only weakly (a person "von der Polizei" of the country the
article is about, a bare office under a foreign dateline) is not in it; each document keeps
its own code in ``document_actors``. The GDELT export read the ``actors`` row only, so such
an actor came out with an empty ``Actor1Code``/``Actor1CountryCode`` although the document
coded it. Documents are built by hand (no pipeline), in both store backends.
"""
from __future__ import annotations

from typing import List, Optional

import pytest

from lagebild.export_gdelt import gdelt_rows
from lagebild.incidents import refresh_incidents
from lagebild.schemas import Actor, Document, Event
from lagebild.store import Store

PERSON = "prov:lorenz_quirinsky"


def _doc(i: int, published: str, code: Optional[str], country: Optional[str], *, cameo: str = "111",
         learnt_code: Optional[str] = None, source: str = PERSON) -> Document:
    """"Lorenz Quirinsky kritisierte die Gewerkschaften." with the person coded ``code``
    in this document and ``learnt_code`` in the record later documents learn."""
    text = "Lorenz Quirinsky kritisierte die Gewerkschaften. Weitere Einzelheiten folgten."
    trig = text.index("kritisierte")
    person = Actor(id=PERSON, name="Lorenz Quirinsky", type="PER", country=country, code=code,
                   provisional=True, mentions=[(0, 16)])
    unions = Actor(id="GRCLAB", name="Gewerkschaften", type="ORG", country="GRC", code="GRCLAB",
                   mentions=[(text.index("Gewerkschaften"), text.index("Gewerkschaften") + 14)])
    return Document(
        id=f"d{i}", source=f"r{i}.txt", language="de", title=f"Bericht {i}", authors=[], published=published,
        sections=[], captions=[], text=text, url=f"https://www.o{i}.gr/{i}",
        actors=[person, unions],
        learnt_actors=[{"id": PERSON, "name": "Lorenz Quirinsky", "type": "PER", "country": None if learnt_code is None
                        else learnt_code[:3], "code": learnt_code}],
        events=[Event(source=source, target="GRCLAB", cameo=cameo, quad_class=3, goldstein=-2.0, date="2025-03-03",
                      sentence=text, span=(0, len(text)), trigger="kritisierte", trigger_span=(trig, trig + 11))],
    )


def _export(target: str, docs: List[Document]) -> List[List[str]]:
    with Store(target) as store:
        store.save_many(docs)
        refresh_incidents(store)
        return gdelt_rows(store)


def _actor1(row: List[str]) -> tuple:
    """(Actor1Code, Actor1Name, Actor1CountryCode, Actor1Type1Code)."""
    return row[5], row[6], row[7], row[12]


@pytest.mark.parametrize("store_target", ["duckdb", "postgres"], indirect=True)
def test_weakly_coded_provisional_actor_is_exported_with_its_documents_code(store_target):
    rows = _export(store_target, [_doc(0, "2025-03-03", "GRCGOV", "GRC")])
    assert [_actor1(r) for r in rows] == [("GRCGOV", "LORENZ QUIRINSKY", "GRC", "GOV")]
    with Store(store_target, read_only=True) as store:  # not vacuous: the stored record has no code
        assert store.query("SELECT code FROM actors WHERE id = ?", [PERSON]) == [{"code": None}]


@pytest.mark.parametrize("store_target", ["duckdb"], indirect=True)
def test_the_first_report_that_coded_the_actor_gives_the_code(store_target):
    """Three reports of one incident (the text dates it 3 March): the earliest uncoded, the
    later two coded in two ways -- the earliest report that coded the actor decides, not
    the order of ingest."""
    docs = [_doc(2, "2025-03-06", "CYPGOV", "CYP"), _doc(1, "2025-03-04", None, None), _doc(0, "2025-03-05", "GRCGOV", "GRC")]
    rows = _export(store_target, docs)
    assert len(rows) == 1 and rows[0][31:34] == ["3", "3", "3"]  # one incident, three reports
    assert _actor1(rows[0])[0] == "GRCGOV"  # d0 (5 March) before d2 (6 March)


@pytest.mark.parametrize("store_target", ["duckdb"], indirect=True)
@pytest.mark.parametrize("case, docs, expected", [
    # a document that codes the actor but reports another incident (another root) gives no code
    ("other-incident", lambda: [_doc(0, "2025-03-03", "GRCGOV", "GRC", cameo="042", source="GRCLAB"),
                                _doc(1, "2025-03-03", None, None)], {"111": ("", "LORENZ QUIRINSKY")}),
    # a code the record learnt (strong evidence) is the stored one and stays
    ("learnt-code", lambda: [_doc(0, "2025-03-03", "GRCGOV", "GRC", learnt_code="GRCGOV")], {"111": ("GRCGOV", "LORENZ QUIRINSKY")}),
    # an uncoded actor in every report stays uncoded
    ("never-coded", lambda: [_doc(0, "2025-03-03", None, None)], {"111": ("", "LORENZ QUIRINSKY")}),
])
def test_guards(store_target, case, docs, expected):
    rows = _export(store_target, docs())
    got = {r[26]: (r[5], r[6]) for r in rows}  # EventCode -> (Actor1Code, Actor1Name)
    for cameo, want in expected.items():
        assert got[cameo] == want, (case, rows)
