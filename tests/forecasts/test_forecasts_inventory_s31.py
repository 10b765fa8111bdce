"""The forecast construction inventory of session 31 (issue 11): a grid of our own German
and English sentences, one row per construction, written from the grammar of prediction and
from newsroom language — not from the real-news gold (``inventory_s31_grid.tsv``; its header
lists the columns and the kinds).

Each row states whether the sentence is a forecast and, where it is, its holder and
horizon. ``status`` says how the row stands:

* ``pass`` — right on main ``60990a2`` and here (inventory and guard rows: must stay so);
* ``fixed`` — wrong on main, right here (the kind rows of this session's fixes);
* ``open`` — wrong on main and here: a known fault, left for later (``xfail(strict=True)``,
  so a row that starts to pass must be promoted to ``fixed``/``pass``).

Each row runs the real pipeline once (:func:`lagebild.pipeline.analyze`, published at the
row's ``pub`` or :data:`PUB`). The default suite runs the ``fixed`` rows and the guard kinds
next to them (:data:`GUARDS_OF_FIXES`, ~100 rows, ~6 s); the rest of the inventory and the
``open`` rows are marked ``slow`` (``make test-all``)."""
from __future__ import annotations

from pathlib import Path
from typing import List, NamedTuple

import pytest

from lagebild.pipeline import analyze

GRID = Path(__file__).with_name("inventory_s31_grid.tsv")
PUB = "2026-03-01"  # a Sunday: "bis Freitag" is 2026-03-06
STATUSES = ("pass", "fixed", "open")
# the near misses of this session's fixes, run in the default suite with the fixed rows
GUARDS_OF_FIXES = {"expect-noun-guard", "expect-demand-guard", "expect-await-guard", "reported-should-guard",
                   "horizon-guard", "modal-guard", "schedule-guard", "past-guard"}


class Row(NamedTuple):
    lang: str
    kind: str
    expect: str
    holder: str
    start: str
    end: str
    pub: str
    status: str
    text: str


def _rows() -> List[Row]:
    out = []
    for n, line in enumerate(GRID.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("lang\t"):
            continue
        cols = line.split("\t")
        assert len(cols) == 9, f"{GRID.name}:{n}: 9 columns expected, got {len(cols)}"
        row = Row(*cols)
        assert row.lang in ("de", "en") and row.expect in ("yes", "no") and row.status in STATUSES, f"{GRID.name}:{n}"
        out.append(row)
    return out


ROWS = _rows()


def check(row: Row) -> str:
    """'' when the forecasts of ``row.text`` meet the row, else what is wrong."""
    fcs = analyze(row.text, language=row.lang, published=row.pub if row.pub != "-" else PUB).forecasts
    if row.expect == "no":
        return "" if not fcs else f"no forecast expected, got {[(f.holder, f.holder_text) for f in fcs]}"
    if len(fcs) != 1:
        return f"one forecast expected, got {len(fcs)}"
    f = fcs[0]
    if row.holder == "author":
        if f.holder != "author":
            return f"holder author expected, got {f.holder}/{f.holder_text}"
    elif row.holder != "-":
        want = row.holder.lower()
        if want not in (f.holder_text or "").lower() and want not in (f.holder or "").lower():
            return f"holder {row.holder} expected, got {f.holder}/{f.holder_text}"
    hz = f.horizon or {}
    if row.start != "-" and hz.get("start") != row.start or row.end != "-" and hz.get("end") != row.end:
        return f"horizon {row.start}..{row.end} expected, got {hz.get('start')}..{hz.get('end')}"
    return ""


def _param(i: int, row: Row):  # type: ignore[no-untyped-def]
    marks = [pytest.mark.xfail(strict=True, reason="known fault (status open)")] if row.status == "open" else []
    if not (row.status == "fixed" or (row.status == "pass" and row.kind in GUARDS_OF_FIXES)):
        marks.append(pytest.mark.slow)
    return pytest.param(row, id=f"{row.lang}-{row.kind}-{i}", marks=marks)


@pytest.mark.parametrize("row", [_param(i, r) for i, r in enumerate(ROWS)])
def test_inventory_row(row: Row) -> None:
    problem = check(row)
    assert not problem, f"{row.kind} ({row.status}): {row.text} — {problem}"


def test_inventory_size() -> None:
    """The brief's floor: at least 150 German and 50 English rows, none listed twice."""
    de = [r for r in ROWS if r.lang == "de"]
    en = [r for r in ROWS if r.lang == "en"]
    assert len(de) >= 150 and len(en) >= 50
    keys = [(r.lang, r.text, r.pub) for r in ROWS]
    assert len(keys) == len(set(keys)), "a sentence is listed twice"
