"""Convert PETRARCH 2's Phoenix agent dictionary into lagebild's role-noun format.

Usage::

    python scripts/phoenix_agents_to_kb.py ../shared/data/petrarch2/Phoenix.agents.txt \
        > src/lagebild/data/kb/agents_phoenix.tsv

``Phoenix.agents.txt`` (Open Event Data Alliance, MIT licence; the header of the output
repeats it) lists English agent nouns with their CAMEO agent code: ``ACTIVIST [~OPP]``,
``CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]``. Each entry becomes an English group
noun of ``kb/agents.tsv``'s format (no role key, not a single person): a country adjective or
the context gives its country ("Filipino peacekeepers" -> PHLMIL). Kept: entries whose first
agent code is one of lagebild's (``kb/agent_codes.tsv``; ``[~GOVMED]`` -> ``GOV``) and whose
term is not already a noun of ``agents.tsv`` or ``language/reference.tsv`` (the hand-made
rows win); substitution sets are expanded with their members as Phoenix defines them
(``!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES``: ``JUSTICE_!MINIST!`` ->
"justice minister", "justice ministries" …; ``CONGRESS!PERSON!`` -> "congressman" …), and
``!MINIST!`` also with "department(s)" (:data:`EXTRA_MEMBERS`: the United States and others
call their ministries departments -- "Justice Department", "Department of Homeland
Security"); skipped: codes lagebild lacks (``PPL``, ``UAF``), and words that name no actor in
ordinary news (:data:`SKIP`). Regular plurals
come from the inflection classes (``s``, ``es``, ``y``, ``man``); a ``{…}`` plural is taken
as written (``{}``: no plural form).
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "lagebild" / "data" / "kb"
LANG = ROOT / "src" / "lagebild" / "data" / "language"
#: a substitution set's definition line: ``!MINIST! = MINISTER, MINISTERS, …``
SUBST = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
#: members added to a Phoenix substitution set (see the module docstring)
EXTRA_MEMBERS = {"!MINIST!": ["DEPARTMENT", "DEPARTMENTS"]}
LINE = re.compile(r"^([A-Z][A-Z0-9_'\-.]*?)_*\s*(\{[^}]*\})?\s*\[~([A-Z]{3,9})\]")
#: words that name no actor in ordinary news, or whose news sense is mostly another one
#: ("deputy": a deputy minister or a member of parliament, not a sheriff's deputy, COP)
SKIP = frozenset("""people man men woman women person persons individual member members
party side sides source sources group groups force forces unit units body bodies office
deputy
agency organ delegate delegation representative representatives staff team crew""".split())


def own_terms() -> set:
    out = set()
    with (KB / "agents.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader((r for r in fh if not r.startswith("#")), delimiter="\t"):
            if len(row) > 3 and row[0] == "en":
                out.add(row[1].lower())
                out.update(f.lower() for f in row[3].split("|") if f)
    with (LANG / "reference.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader((r for r in fh if not r.startswith("#")), delimiter="\t"):
            if len(row) > 1 and row[0] == "en":
                out.add(row[1].lower())
    return out


def agent_codes() -> set:
    with (KB / "agent_codes.tsv").open(encoding="utf-8") as fh:
        return {row[0] for row in csv.reader((r for r in fh if not r.startswith("#")), delimiter="\t") if row}


def infl_of(term: str) -> str:
    last = term.split()[-1]
    if last.endswith("man") and len(last) > 4:
        return "man"
    if re.search(r"[^aeiou]y$", last):
        return "y"
    if re.search(r"[^s]s$", last):  # already plural ("troops") or Latin ("emeritus")
        return "-"
    if re.search(r"(ss|x|z|ch|sh)$", last):
        return "es"
    return "s"


def main(path: str) -> None:
    known, codes = own_terms(), agent_codes()
    seen = set()
    out = sys.stdout
    out.write(
        "# English agent nouns converted from PETRARCH 2's Phoenix.agents.txt by\n"
        "# scripts/phoenix_agents_to_kb.py (do not edit by hand; agents.tsv rows win).\n"
        "# Source: Open Event Data Alliance, https://github.com/openeventdata/petrarch2 --\n"
        "# The MIT License (MIT), Copyright (c) 2014 Open Event Data Alliance: permission is\n"
        "# granted, free of charge, to deal in the Software without restriction, subject to\n"
        "# including the copyright notice and this permission notice; THE SOFTWARE IS\n"
        "# PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n"
        "lang\tterm\tinfl\tforms\tagent\trole\tperson\timplies\n"
    )
    for term, plural, agent in entries(Path(path).read_text(encoding="utf-8", errors="replace").splitlines()):
        if agent not in codes or not re.fullmatch(r"[a-z][a-z' \-]*[a-z]", term) or len(term) < 4:
            continue
        if term in known or term in SKIP or term in seen:
            continue
        seen.add(term)
        if plural is not None:
            forms = plural.strip("{}").replace("_", " ").strip().lower()
            infl = "-"
            if forms in known:
                forms = ""
        else:
            forms, infl = "", infl_of(term)
        out.write(f"en\t{term}\t{infl}\t{forms}\t{agent}\t\t\t\n")


def entries(lines):  # type: ignore[no-untyped-def]
    """``(term, plural-or-None, agent)`` of each entry line of a Phoenix agents file, with
    substitution sets expanded (an expanded term gets no generated plural: the set lists
    both numbers, so its plural is ``"{}"``)."""
    sets = {}
    for raw in lines:
        d = SUBST.match(raw.strip())
        if d:
            sets[d.group(1)] = [w.strip() for w in d.group(2).split(",") if w.strip()] + EXTRA_MEMBERS.get(d.group(1), [])
    for raw in lines:
        if raw.startswith("#") or SUBST.match(raw.strip()):
            continue
        line = raw.strip()
        names = re.findall(r"![A-Z]+!", line.split("[", 1)[0])
        if not names:
            variants = [(line, None)]
        elif len(names) == 1 and names[0] in sets:
            head, sep, tail = line.partition("[")
            # "!MINIST! OF_JUSTICE" -> "MINISTRY_OF_JUSTICE" (the term is one underscored word)
            head = re.sub(r"\s*(![A-Z]+!)\s*(?=[A-Z])", r"\1_", head.strip()) + " "
            variants = [(head.replace(names[0], w) + sep + tail, "{}") for w in sets[names[0]]]
        else:
            continue
        for text, forced in variants:
            m = LINE.match(text)
            if not m:
                continue
            term = re.sub(r"_+", " ", m.group(1)).strip().lower()
            yield term, (forced if forced is not None else m.group(2)), m.group(3)[:3]


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "data" / "petrarch2" / "Phoenix.agents.txt"))
