"""Convert PETRARCH's English verb dictionary (``CAMEO.2.0.txt``) into lagebild's pattern format.

Usage::

    python scripts/petrarch_to_patterns.py [../shared/data/petrarch2/CAMEO.2.0.txt] \
        [-o src/lagebild/data/events/patterns_en_petrarch.tsv]

The dictionary is read with :func:`lagebild.events.petrarch.read_verb_dictionary` (verb
blocks, ``- pattern [code]`` lines, ``&SYNSET`` word sets) and every pattern that the TSV
format of ``data/events/patterns_<lang>.tsv`` can express is written as one row:

* ``trigger``: the verb's LEMMA -- PETRARCH lists inflected forms (``BAN {BANS BANNED}``)
  and multi-word forms (``+CORDONED_OFF``) as separate entries; they are mapped back to the
  head entry of their verb line (``ban``, ``cordon off``), and duplicate rows dropped;
* ``code``: the CAMEO code (``---`` = the verb codes nothing unless a pattern matches);
  PETRARCH's second code of ``[042:043]`` (the target's event back) is not expressible and
  is dropped;
* ``words``: the words a pattern requires after the verb (``+``-joined; a synset becomes an
  ``a|b|c`` alternative) -- object restrictions such as ``- * &MILITARY [190]``; in lagebild
  they must occur in the verb's predicate (their order is not checked);
* ``target``: ``prep:<p>`` where the pattern puts the target (``+``) after a preposition,
  ``obj`` where it follows the verb directly, empty (object, indirect object) otherwise.

Not expressible, so skipped (counted in the summary): patterns with words BEFORE the verb
(``NOT *``, ``WIRE_+TAP``), patterns whose source is not the subject (``$`` after the verb),
compound-subject patterns (``% *``), and placeholder codes (``[+++]``).

The output is committed as ``src/lagebild/data/events/patterns_en_petrarch.tsv`` with the
source, commit and MIT licence of the dictionary in its header (the raw file is never
committed). Re-run this script to regenerate it; the run is deterministic.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.events.petrarch import (  # noqa: E402
    PETRARCH_TARGET, _CODE, _strip_comment, _verb_entry, read_verb_dictionary,
)

DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "petrarch2" / "CAMEO.2.0.txt"
DEFAULT_OUT = ROOT / "src" / "lagebild" / "data" / "events" / "patterns_en_petrarch.tsv"
SOURCE_REPO = "openeventdata/petrarch2"
SOURCE_COMMIT = "676801c"
_WORD_OK = re.compile(r"^[a-z][a-z0-9 .'\-]*$")


def lemma_map(path: Path) -> Dict[str, str]:
    """Trigger of every verb entry → trigger of the head entry of its verb line
    (``banned`` → ``ban``, ``cordoned off`` → ``cordon off``)."""
    out: Dict[str, str] = {}
    in_synset = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = _strip_comment(raw).strip()
        if not line:
            in_synset = False
            continue
        if line.startswith("---"):
            in_synset = False
            continue
        if line.startswith("&"):
            in_synset = True
            continue
        if (in_synset and line.startswith("+")) or line.startswith("-"):
            continue
        forms_m = re.search(r"\{([^}]*)\}", line)
        head = re.sub(r"\{[^}]*\}", "", _CODE.sub("", line)).strip()
        if not head:
            continue
        lemma = _verb_entry(head)[0]
        out.setdefault(lemma, lemma)
        for form in forms_m.group(1).split() if forms_m else []:
            out.setdefault(_verb_entry(form)[0], lemma)
    return out


LICENCE = """\
# The MIT License (MIT)
#
# Copyright (c) 2014 Open Event Data
# Copyright (c) 2015 Open Event Data Alliance (CAMEO.2.0.txt)
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def convert(path: Path) -> Tuple[List[Tuple[str, str, str, str, str]], Counter]:
    """Rows ``(trigger, code, words, target, note)`` and counts of what was skipped."""
    lemmas = lemma_map(path)
    codebook = _codebook()
    skipped: Counter = Counter()
    rows: List[Tuple[str, str, str, str, str]] = []
    seen = set()
    for p in read_verb_dictionary(path):
        if p.codeless:
            skipped["placeholder code"] += 1
            continue
        if p.pre_words:
            skipped["words before the verb"] += 1
            continue
        if p.source_slots != ("subj",):
            skipped["source not the subject"] += 1
            continue
        if p.compound_source:
            skipped["compound subject"] += 1
            continue
        code = p.code.strip()
        if code != "---" and not (code.isdigit() and 2 <= len(code) <= 4):
            skipped["not a CAMEO code"] += 1
            continue
        if code != "---" and code not in codebook:
            # PETRARCH2's own extensions (1213, 176): the nearest code of the CAMEO codebook
            # above it (1213 -> 121; 176 -> 170, the root's unspecified code)
            parent = next((c for c in (code[:3], code[:2] + "0") if c in codebook), None)
            if parent is None:
                skipped["code not in the CAMEO codebook"] += 1
                continue
            skipped[f"code {code} coded as {parent}"] += 1
            code = parent
        trigger = lemmas.get(p.trigger, p.trigger)
        if not _WORD_OK.match(trigger) or len(trigger.split()) > 2 or (
                len(trigger.split()) == 2 and trigger.split()[1] not in _particles()):
            skipped["trigger not a verb or phrasal verb"] += 1
            continue
        cells = []
        bad = False
        for alts in p.words:
            ok = sorted(w for w in alts if _WORD_OK.match(w))
            if not ok:
                bad = True
                break
            cells.append("|".join(ok))
        if bad:
            skipped["word not expressible"] += 1
            continue
        if p.target == PETRARCH_TARGET or not p.target:
            target = ""
        elif all(s == "obj" or s.startswith("prep:") for s in p.target):
            target = ",".join(dict.fromkeys(p.target))
        else:
            skipped["target not the object or a preposition"] += 1
            continue
        key = (trigger, code, tuple(cells), target)
        if key in seen:
            skipped["duplicate (inflected form)"] += 1
            continue
        seen.add(key)
        line = p.origin.rsplit(":", 1)[-1]
        rows.append((trigger, code, "+".join(cells), target, f"CAMEO.2.0.txt:{line}" if line.isdigit() else "CAMEO.2.0.txt verb list"))
    return rows, skipped


def _codebook():
    from lagebild.events.patterns import _codebook as codebook
    return codebook()


def _particles():
    from lagebild.events.patterns import PHRASAL_PARTICLES
    return PHRASAL_PARTICLES


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"{args.source}: not found (PETRARCH2's CAMEO.2.0.txt, see ../shared/data/README.md)", file=sys.stderr)
        return 2
    rows, skipped = convert(args.source)
    header = (
        "# English event patterns converted from PETRARCH2's verb dictionary CAMEO.2.0.txt\n"
        f"# source: https://github.com/{SOURCE_REPO} @ {SOURCE_COMMIT}, dictionaries/CAMEO.2.0.txt (MIT licence, below)\n"
        "# generated by scripts/petrarch_to_patterns.py -- do not edit by hand; add own patterns to\n"
        "# patterns_en.tsv, which wins ties. `note` gives the line of the pattern in CAMEO.2.0.txt.\n"
        "#\n" + LICENCE +
        "trigger\tcode\twords\ttarget\tflags\tnote\n"
    )
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(header)
        for trigger, code, words, target, note in rows:
            fh.write(f"{trigger}\t{code}\t{words}\t{target}\trequires=target\t{note}\n")
    print(f"{len(rows)} patterns for {len({r[0] for r in rows})} verbs written to {args.out}")
    for why, n in skipped.most_common():
        print(f"  {'kept, ' if why.startswith('code ') else 'skipped'} {n:6}  {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
