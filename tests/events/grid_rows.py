"""Shared helpers of the German grid tests: read a grid file of own sentences and compare
coded events with a row's wanted actors (importable because conftest.py puts this folder
on sys.path)."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Set, Tuple

HERE = Path(__file__).parent


def read_grid(name: str) -> List[Dict[str, str]]:
    """The rows of the tab-separated grid ``name`` next to this file (``#`` lines skipped)."""
    with (HERE / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def actor_ok(want: str, code: Optional[str]) -> bool:
    """``want``: a CAMEO code, ``+`` (any actor), ``-`` (no actor) or ``*`` (anything)."""
    if want == "*":
        return True
    if want == "-":
        return code is None
    if want == "+":
        return code is not None
    return code == want


def coded_events(doc, negation: bool = False) -> List[Tuple]:  # type: ignore[no-untyped-def]
    """``(source code, target code, CAMEO code[, negated])`` of each coded event of ``doc``;
    an actor's code is its CAMEO code, else its country."""
    actors = {a.id: a.code or a.country for a in doc._.actors}
    return [(actors.get(e.source) if e.source else None, actors.get(e.target) if e.target else None, e.cameo)
            + ((e.negated,) if negation else ())
            for e in doc._.events if e.cameo]


def check_root_grid(label: str, rows: List[Dict[str, str]], docs: Iterable, events_of: Callable,  # type: ignore[type-arg]
                    floor: float = 0.95) -> None:
    """Score a grid of ``text, source, target, root, kind`` rows against ``docs`` (the rows'
    texts, analysed in order): a row passes when one of ``events_of(doc)`` -- ``(source,
    target, CAMEO code)`` triples -- has the row's root and its source and target (``*`` =
    any), or, for root ``---``, when nothing is coded. Prints the rate and the failing rows
    by kind; asserts the rate is at least ``floor``."""
    failures = []
    for row, doc in zip(rows, docs):
        got = events_of(doc)
        if row["root"] == "---":
            ok = not got
        else:
            ok = any(code[:2] == row["root"] and row["source"] in ("*", src) and row["target"] in ("*", tgt)
                     for src, tgt, code in got)
        if not ok:
            failures.append((row, got))
    rate = 1 - len(failures) / len(rows)
    report = "\n".join(f"  [{r['kind']}] {r['text']}  want {r['source']}->{r['target']} {r['root']}  got {got}"
                       for r, got in failures)
    print(f"{label}: {len(rows) - len(failures)}/{len(rows)} = {rate:.3f}; "
          f"failing by kind: {dict(Counter(r['kind'] for r, _ in failures))}\n{report}")
    assert rate >= floor, report


#: ``(id(nlp), text) -> Doc``: each grid sentence analysed once per test session, however many
#: tests (the whole grid, its kind) read it
_DOCS: Dict[Tuple[int, str], object] = {}


def analysed(nlp, texts: Iterable[str]) -> List:  # type: ignore[no-untyped-def,type-arg]
    """The Docs of ``texts`` through ``nlp``, each analysed once per session and as an article
    of its own: no provisional actor of another text (``clear_provisional`` first, then
    ``freeze_provisional`` so that no sentence teaches the next)."""
    from lagebild.actors.provisional import clear_provisional, freeze_provisional

    texts = list(texts)
    todo = list(dict.fromkeys(t for t in texts if (id(nlp), t) not in _DOCS))
    if todo:
        clear_provisional()
        with freeze_provisional():
            for text, doc in zip(todo, nlp.pipe(todo)):
                _DOCS[(id(nlp), text)] = doc
        clear_provisional()
    return [_DOCS[(id(nlp), t)] for t in texts]


def check_kind_grid(nlp, name: str, label: str, kinds: Set[str], kind: Optional[str] = None,  # type: ignore[no-untyped-def]
                    min_rows: int = 1) -> None:
    """A kind grid file ``name`` (rows ``text, source, target, root, kind``) analysed with
    ``nlp`` (:func:`analysed`: each sentence once per session, alone) and scored with
    :func:`check_root_grid` at floor 1.0: with ``kind`` None the whole grid (at least
    ``min_rows`` rows, exactly the kinds ``kinds``), else the rows of that kind alone (so that
    a failing kind is named by the test id)."""
    rows = read_grid(name)
    if kind is None:
        assert len(rows) >= min_rows
        assert {r["kind"] for r in rows} == kinds
    else:
        rows = [r for r in rows if r["kind"] == kind]
        assert rows
    check_root_grid(f"{label} {kind}" if kind else label, rows, analysed(nlp, (r["text"] for r in rows)),
                    coded_events, floor=1.0)


def kind_grid_tests(grid: str, label: str, kinds: Set[str], min_rows: int) -> Tuple[Callable, Callable]:  # type: ignore[type-arg]
    """The two tests of a German kind grid module, for ``test_X_grid_de, test_X_kind_de =
    kind_grid_tests(...)``: the whole grid ``grid`` (at least ``min_rows`` rows, exactly the
    kinds ``kinds``; reported as ``"<label> grid de"``), and each kind on its own,
    parametrised by ``kind`` (so that a failing kind is named by the test id). Both take the
    German pipeline fixture ``nlp_de`` (``conftest.py``)."""
    import pytest

    def test_grid(nlp_de) -> None:  # type: ignore[no-untyped-def]
        check_kind_grid(nlp_de, grid, f"{label} grid de", kinds, min_rows=min_rows)

    @pytest.mark.parametrize("kind", sorted(kinds))
    def test_kind(nlp_de, kind: str) -> None:  # type: ignore[no-untyped-def]
        """Each kind on its own, so that a failing kind is named by the test id."""
        check_kind_grid(nlp_de, grid, label, kinds, kind)

    return test_grid, test_kind


def grid_set_tests(grids: Dict[str, Tuple[str, Set[str], int]], lang: str) -> Tuple[Callable, Callable]:  # type: ignore[type-arg]
    """The two tests of a module with several kind grids, for ``test_X_grid_shape,
    test_X_kind = grid_set_tests(GRIDS, "en")``: ``grids`` maps a grid file to (label, its
    exact kinds, minimum rows); the first test checks each whole grid (parametrised by
    ``grid``), the second each kind of each grid on its own (``grid,kind``), so that a
    failing kind is named by the test id. The pipeline is ``lagebild.pipeline.load(lang)``
    (cached per process)."""
    import pytest

    def _nlp():  # type: ignore[no-untyped-def]
        from lagebild.pipeline import load

        return load(lang)

    @pytest.mark.parametrize("grid", sorted(grids))
    def test_grid_shape(grid: str) -> None:
        label, kinds, min_rows = grids[grid]
        check_kind_grid(_nlp(), grid, label, kinds, min_rows=min_rows)

    @pytest.mark.parametrize("grid,kind", [(g, k) for g in sorted(grids) for k in sorted(grids[g][1])])
    def test_kind(grid: str, kind: str) -> None:
        label, kinds, _ = grids[grid]
        check_kind_grid(_nlp(), grid, label, kinds, kind=kind)

    return test_grid_shape, test_kind
