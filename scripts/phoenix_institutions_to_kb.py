"""Convert the state bodies of PETRARCH 2's Phoenix country dictionary into lagebild's
institution format (``kb/institutions_phoenix.tsv``).

Usage::

    python scripts/phoenix_institutions_to_kb.py ../shared/data/petrarch2/Phoenix.Countries.actors.txt \
        > src/lagebild/data/kb/institutions_phoenix.tsv

``Phoenix.Countries.actors.txt`` (Open Event Data Alliance, MIT licence; the header of the
output repeats it) lists names in blocks, each closed by its CAMEO code(s)::

    FEDERAL_BUREAU_OF_INVESTIGATION_
    +FBI_
    +DRUG_ENFORCEMENT_AGENCY_
        [USACOP]

A block becomes institution rows (English, the block's code as the actor: country + first
agent, ``[USAGOVLEG]`` -> ``USAGOV``) when it is a **body**, not a person: it has exactly one
code and that code is undated (persons carry dated offices, ``[USAGOV 090120-170120]``), the
code is a known country + a known agent (``kb/agent_codes.tsv``), and at least one of its
names holds a body head word (:data:`BODY_WORDS`: "bureau", "department", "court",
"police" …). Kept names: multi-word names with a body word that do not start with a given name
(``language/names.py``) and hold no person word (:data:`PERSON_WORDS`: "secretary",
"spokesman" …: a person, coded by the role nouns instead), and acronyms of 3–6 capitals that abbreviate one of them
("FBI", "DEA"); dropped: names a hand-made KB file already lists (``institutions.tsv``,
organisations, places) and single common words ("SENATE": whose senate the context says,
through the role nouns).
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "lagebild" / "data" / "kb"
sys.path.insert(0, str(ROOT / "src"))

#: words that make a name a state body
BODY_WORDS = frozenset("""agency agencies bureau department departments court courts police
congress senate house parliament assembly committee commission council service services
administration ministry office command guard army navy marines corps force forces
intelligence security patrol directorate authority board tribunal prosecutor's
prosecutors legislature cabinet""".split())
#: words that make a name a person (or a person's office)
PERSON_WORDS = frozenset("""secretary spokesman spokeswoman spokesperson director chief
minister president vice official officials press general admiral judge justices commander ambassador envoy advisor adviser deputy head chairman""".split())
CODE = re.compile(r"\[([^\]]*)\]")


def known_codes():  # type: ignore[no-untyped-def]
    countries, agents = set(), set()
    for name, col, out in (("countries.tsv", 0, countries), ("agent_codes.tsv", 0, agents)):
        with (KB / name).open(encoding="utf-8") as fh:
            for row in csv.reader((r for r in fh if not r.startswith("#")), delimiter="\t"):
                if row and row[col] not in ("iso3", "agent", "id"):
                    out.add(row[col])
    return countries, agents


def listed_forms() -> set:
    """Lower-cased surface forms the hand-made KB files already list."""
    out = set()
    for path in [KB / "institutions.tsv", *sorted(KB.glob("organisations*.tsv"))]:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                for cell in line.rstrip("\n").split("\t"):
                    out.update(f.strip().lower() for f in cell.split("|") if f.strip())
    return out


def blocks(lines):  # type: ignore[no-untyped-def]
    """``(names, codes)`` of each block: names as written (underscores, ``+`` stripped)."""
    names, codes = [], []
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        found = CODE.findall(line)
        name = CODE.sub("", line).strip()
        if name and codes:  # a new block begins
            yield names, codes
            names, codes = [], []
        if name:
            names.append(name.lstrip("+").strip("_ "))
        codes.extend(c.strip() for c in found)
    if names and codes:
        yield names, codes


SMALL = frozenset(("of", "the", "and", "for", "on", "in", "to", "a"))


def surface(name: str, acronyms=frozenset()) -> str:
    """A Phoenix name as news writes it: ``US_HOUSE_OF_REPRESENTATIVES`` -> "US House of
    Representatives" (dotted abbreviations and "US" kept, small words lower case)."""
    words = [w for w in re.split(r"_+", name) if w]
    out = []
    for i, w in enumerate(words):
        if "." in w or w in ("US", "UN", "EU") or w in acronyms:
            out.append(w)
        elif w.lower() in SMALL and i:
            out.append(w.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def initials(name: str) -> set:
    """Acronyms a name may be written as: initials of all words and of the content words
    ("FEDERAL_BUREAU_OF_INVESTIGATION" -> FBOI, FBI), also without a leading "US"."""
    words = [w for w in re.split(r"[_\-]+", name) if w]
    out = set()
    for ws in (words, words[1:] if words and words[0] in ("US", "UNITED") else []):
        if ws and ws[0] == "STATES":
            ws = ws[1:]
        if ws:
            out.add("".join(w[0] for w in ws))
            out.add("".join(w[0] for w in ws if w.lower() not in SMALL))
    return out


def keep_names(names, given: frozenset):  # type: ignore[no-untyped-def]
    """The surface forms of a block's names worth listing: body names (a body word, no
    person word, not starting with a given name) and acronyms of one of them."""
    bodies = []
    for n in names:
        words = [w for w in re.split(r"_+", n) if w]
        lower = {w.lower() for w in words}
        if len(words) < 2 or not lower & BODY_WORDS or lower & PERSON_WORDS or words[0].title() in given:
            continue
        bodies.append(n)
    acronyms = set().union(*(initials(n) for n in bodies)) if bodies else set()
    written = [n for n in names if re.fullmatch(r"[A-Z]{3,6}", n)]
    out = [surface(n, frozenset(w for w in written if w in acronyms)) for n in bodies]
    out += [n for n in written if n in acronyms]
    return out


#: a body coded with GOV and a branch ("[USAGOVLEG]", Congress) is that branch
BRANCHES = frozenset(("LEG", "JUD", "MIL", "COP", "SPY"))


def main(path: str) -> None:
    from lagebild.language.names import given_names

    given = given_names()
    countries, agents = known_codes()
    listed = listed_forms()
    out = sys.stdout
    out.write(
        "# State bodies converted from PETRARCH 2's Phoenix.Countries.actors.txt by\n"
        "# scripts/phoenix_institutions_to_kb.py (do not edit by hand; institutions.tsv rows\n"
        "# and the organisation files win). Source: Open Event Data Alliance,\n"
        "# https://github.com/openeventdata/petrarch2 -- The MIT License (MIT), Copyright (c)\n"
        "# 2014 Open Event Data Alliance: permission is granted, free of charge, to deal in\n"
        "# the Software without restriction, subject to including the copyright notice and this\n"
        "# permission notice; THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n"
        "lang\tforms\tactor\n"
    )
    seen = set()
    lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    for names, codes in blocks(lines):
        if len(codes) != 1 or not re.fullmatch(r"[A-Z]{6,15}", codes[0]):
            continue
        code = codes[0][:6]
        if code[3:6] == "GOV" and codes[0][6:9] in BRANCHES:
            code = code[:3] + codes[0][6:9]
        if code[:3] not in countries or code[3:6] not in agents:
            continue
        forms = []
        for form in keep_names(names, given):
            if form and form.lower() not in listed and form.lower() not in seen:
                seen.add(form.lower())
                forms.append(form)
        if forms:
            out.write(f"en\t{'|'.join(forms)}\t{code}\n")


if __name__ == "__main__":
    main(sys.argv[1])
