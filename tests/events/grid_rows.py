"""Shared helpers of the German grid tests: read a grid file of own sentences and compare
coded events with a row's wanted actors (importable because conftest.py puts this folder
on sys.path)."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Dict, List, Optional, Tuple

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
