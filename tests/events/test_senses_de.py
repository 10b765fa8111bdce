"""Sense grid (issue 9): own German sentences for each word sense that coded a wrong CAMEO
root on fresh real-news dev articles, with the reading each trigger must keep
(``sense_grid_de.tsv``). Every row must pass: the rows are narrow and each names its kind."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def read_grid():
    with (HERE / "sense_grid_de.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def row_ok(row, codes):
    """Whether the coded CAMEO ``codes`` of a sentence satisfy the row's want/not columns."""
    want = row["want"].strip()
    banned = {r.strip() for r in (row.get("not") or "").split(",") if r.strip()}
    if any(c[:2] in banned for c in codes):
        return False
    if want == "---":
        return not codes
    if want == "*":
        return True
    if len(want) == 2:
        return any(c[:2] == want for c in codes)
    return want in codes


def test_row_ok_semantics():
    assert row_ok({"want": "---", "not": ""}, [])
    assert not row_ok({"want": "---", "not": ""}, ["040"])
    assert row_ok({"want": "18", "not": "04"}, ["180"])
    assert not row_ok({"want": "18", "not": "04"}, ["180", "040"])
    assert row_ok({"want": "116", "not": ""}, ["116"])
    assert not row_ok({"want": "116", "not": ""}, ["111"])
    assert row_ok({"want": "*", "not": "17"}, ["020"])
    assert not row_ok({"want": "*", "not": "17"}, ["173"])


@pytest.fixture(scope="module")
def nlp_de():
    from lagebild.pipeline import load

    return load("de")


def test_sense_grid_de(nlp_de):
    rows = read_grid()
    assert len(rows) >= 35
    failures = []
    for row, doc in zip(rows, nlp_de.pipe(r["text"] for r in rows)):
        codes = [e.cameo for e in doc._.events if e.cameo]
        if not row_ok(row, codes):
            failures.append(f"  [{row['kind']}] {row['text']}  want {row['want']} not {row['not'] or '-'}  got {codes}")
    print(f"sense grid de: {len(rows) - len(failures)}/{len(rows)}")
    assert not failures, "\n".join(failures)


def read_fresh_grid():
    with (HERE / "fresh_grid_de.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def actor_ok(want, code):
    """``want``: a CAMEO code, ``+`` (any actor), ``-`` (no actor) or ``*`` (anything)."""
    if want == "*":
        return True
    if want == "-":
        return code is None
    if want == "+":
        return code is not None
    return code == want


def test_fresh_mechanism_grid_de(nlp_de):
    rows = read_fresh_grid()
    assert len(rows) >= 15
    failures = []
    for row, doc in zip(rows, nlp_de.pipe(r["text"] for r in rows)):
        actors = {a.id: a.code or a.country for a in doc._.actors}
        got = [(actors.get(e.source) if e.source else None, actors.get(e.target) if e.target else None, e.cameo)
               for e in doc._.events if e.cameo]
        if not any(actor_ok(row["source"], s) and actor_ok(row["target"], t) and c[:2] == row["root"] for s, t, c in got):
            failures.append(f"  [{row['kind']}] {row['text']}  want {row['source']}->{row['target']} {row['root']}  got {got}")
    print(f"fresh mechanism grid de: {len(rows) - len(failures)}/{len(rows)}")
    assert not failures, "\n".join(failures)
