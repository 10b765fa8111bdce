"""Web boilerplate in plain-text articles: share/like/comment lines and the like.

The patterns live in ``data/ingest/boilerplate.tsv`` so users can add their sites' lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional

from ..datafiles import data_path, iter_tsv

BLANK_CHARS = "\u00a0\u2007\u202f\u200b\ufeff \t"


@dataclass(frozen=True)
class BoilerplatePattern:
    regex: "re.Pattern[str]"
    kind: str  # "line" or "tail"


def _validate(row: Dict[str, str]) -> Optional[str]:
    if row.get("kind") not in ("line", "tail"):
        return "kind must be 'line' or 'tail'"
    try:
        re.compile(row["pattern"])
    except re.error as e:
        return f"bad regular expression: {e}"
    return None


@lru_cache(maxsize=1)
def patterns() -> List[BoilerplatePattern]:
    rows = iter_tsv(data_path("ingest", "boilerplate.tsv"), required=("pattern", "kind"), validate=_validate)
    return [
        BoilerplatePattern(re.compile(rf"^(?:{r['pattern']})[\s.:!…]*$", re.IGNORECASE), r["kind"])
        for r in rows
    ]


def is_blank(line: str) -> bool:
    """Empty, or only (non-breaking) spaces and zero-width characters."""
    return not line.strip(BLANK_CHARS)


def classify(line: str) -> Optional[str]:
    """"line" or "tail" if ``line`` is boilerplate, else None."""
    stripped = line.strip(BLANK_CHARS)
    if len(stripped) > 120:
        return None
    for pat in patterns():
        if pat.regex.match(stripped):
            return pat.kind
    return None
