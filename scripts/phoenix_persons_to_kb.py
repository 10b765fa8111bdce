"""Convert the persons of PETRARCH 2's Phoenix actor dictionaries into lagebild's dated
person-code table (``kb/persons_phoenix.tsv``).

Usage::

    python scripts/phoenix_persons_to_kb.py ../shared/data/petrarch2/Phoenix.Countries.actors.txt \
        ../shared/data/petrarch2/Phoenix.International.actors.txt \
        ../shared/data/petrarch2/Phoenix.MilNonState.actors.txt > src/lagebild/data/kb/persons_phoenix.tsv

The Phoenix dictionaries (Open Event Data Alliance, MIT licence; the output's header repeats
it) list each person as a block of names closed by dated CAMEO codes::

    REINHOLD_MITTERLEHNER_  # CountryInfo.txt
        [AUTGOVLAB 090101-090831]
        [AUTGOV >090901]

A block is a **person** when at least one of its codes is dated (offices have terms; bodies
and groups have none) or its comment names ``CountryInfo.txt`` (the Phoenix source of heads
of state and cabinets). Kept: names of two or more words (one word is no full name), whose
codes start with a country of ``kb/countries.tsv`` or an IGO/NGO prefix. Each name and
``+`` alias becomes one row keyed by its folded form (:func:`lagebild.actors.phoenix.fold`:
upper case, diacritics dropped, hyphens as spaces), with all of the block's codes; the
linker reads the code valid at an article's date (:mod:`lagebild.actors.phoenix`). A key
two blocks give different codes is dropped (two persons of one name).
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "lagebild" / "data" / "kb"
sys.path.insert(0, str(ROOT / "src"))

from lagebild.actors.phoenix import fold  # noqa: E402
from lagebild.actors.userkb import parse_code  # noqa: E402

CODE = re.compile(r"\[([^\]]*)\]")
HEADER = """# Persons of PETRARCH 2's Phoenix actor dictionaries (Countries, International, MilNonState)
# with their dated CAMEO codes, converted by scripts/phoenix_persons_to_kb.py (do not edit by
# hand; persons.tsv/offices.tsv win). key: the folded name (actors.phoenix.fold); codes:
# "CODE START END" separated by "|", dates ISO or empty (open). Source: Open Event Data
# Alliance, https://github.com/openeventdata/petrarch2 -- The MIT License (MIT), Copyright (c)
# 2014 Open Event Data Alliance: permission is granted, free of charge, to deal in the
# Software without restriction, subject to including the copyright notice and this
# permission notice; THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND."""
PREFIXES = ("IGO", "NGO", "IMG", "MNC", "---")


def countries() -> set:
    out = set()
    with (KB / "countries.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader((r for r in fh if not r.startswith("#")), delimiter="\t"):
            if row and len(row[0]) == 3 and row[0].isupper():
                out.add(row[0])
    return out


def blocks(path: Path):  # type: ignore[no-untyped-def]
    """``(names, code specs, comment)`` of each block of an ``.actors`` file."""
    names: List[str] = []
    codes: List[str] = []
    comment = ""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            text, _, note = raw.rstrip("\n").partition("#")
            if not text.strip():
                continue
            found = CODE.findall(text)
            name = CODE.sub("", text).strip()
            if name and not name.startswith("+") and raw[:1] not in (" ", "\t"):
                if names and codes:
                    yield names, codes, comment
                names, codes, comment = [], [], note
            if name:
                names.append(name.lstrip("+").strip("_ "))
            codes.extend(c.strip() for c in found)
    if names and codes:
        yield names, codes, comment


def main(paths: List[str]) -> None:
    iso = countries()
    rows: Dict[str, str] = {}
    clash = set()
    for path in map(Path, paths):
        for names, specs, comment in blocks(path):
            parsed = [c for c in (parse_code(s) for s in specs) if c]
            if not parsed:
                continue
            dated = any(s or e for _, s, e in parsed)
            if not dated and "CountryInfo" not in comment:
                continue
            if not all(c[:3] in iso or c.startswith(PREFIXES) for c, _, _ in parsed):
                continue
            codes = "|".join(f"{c} {s.isoformat() if s else ''} {e.isoformat() if e else ''}".rstrip()
                             for c, s, e in parsed)
            for name in names:
                name = re.sub(r"\(.*?\)", " ", name)
                key = fold(name.replace("_", " "))
                if len(key.split()) < 2:
                    continue
                old = rows.get(key)
                if old is not None and old != codes:
                    clash.add(key)
                rows.setdefault(key, codes)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    print(HEADER)
    out.writerow(["key", "codes"])
    for key in sorted(rows):
        if key not in clash:
            out.writerow([key, rows[key]])
    print(f"{len(rows) - len(clash)} keys, {len(clash)} dropped as two persons", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
