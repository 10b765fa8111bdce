"""Compare the statement speakers of two lagebild checkouts on a folder of texts.

Usage::

    python benchmarks/speaker_diff.py BASE_TREE NEW_TREE --texts tests/statements/articles
    python benchmarks/speaker_diff.py BASE_TREE NEW_TREE --gold-lines "$(cat devA.txt)"

``BASE_TREE`` and ``NEW_TREE`` are checkouts (worktrees) of two revisions; each is run in
its own Python process with ``PYTHONPATH=<tree>/src``, so the two code bases never mix.
Every text is analysed as the real-news scorer analyses a gold article
(:func:`lagebild.events.realeval.analyse`: German, source ``derStandard.at``, the
corpus's publication date for an undated text). ``--texts`` takes ``*.txt`` files (one
article each); ``--gold-lines`` real-de gold lines (study only lines you may study: dev-A).

For each statement the tool records its content span, speaker actor id, the speaker's
CAMEO code as the scorer reads it (:func:`lagebild.events.realeval.pred_actor_code`), the
speaker as written and the spans of the speaker actor's mentions, and prints

- per text: statements on each side, how many kept their span but changed speaker code,
  speaker text, or the speaker actor's mention spans (a speaker that moves to another
  mention reads as a "wrong mention" in the scorer even when the code is right);
- with ``--kinds`` the changed statements counted by what changed, naming no word of the
  texts (safe on texts you may only count): the class of the speaker before -> after
  (author, unknown, group = an agent-coded group id, prov = a provisional actor, kb = a
  knowledge-base actor), the speaker as written (pronoun, description, name, none) and the
  cue (turn label, Konjunktiv/verb, quote) -- e.g. "prov -> group | pronoun | verb: 40"
  says forty pronoun speakers moved from a person to a group noun;
- with ``--show`` every changed statement (the text's own words: use only on texts you
  may read).

``--json OUT`` writes all records of both sides. Exit status 0; the counts are the result.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Tuple

_DUMP = r"""
import json, os, sys
from pathlib import Path
from lagebild.events import realeval as ev
from lagebild import realgold

def records(name, doc, to_raw, raw):
    out = []
    ids = {a.id: a for a in doc.actors}
    for s in doc.statements:
        start, end = to_raw(s.span[0]), to_raw(s.span[1])
        a = ids.get(s.speaker)
        spans = [[to_raw(m[0]), to_raw(m[1])] for m in (a.mentions if a else [])]
        out.append({"text": name, "start": start, "end": end, "speaker": s.speaker,
                    "code": ev.pred_actor_code(doc, s.speaker), "speaker_text": s.speaker_text,
                    "mentions": spans, "cue": s.cue, "kind": s.kind,
                    "actor_name": getattr(a, "name", None), "provisional": bool(getattr(a, "provisional", False))})
    return out

args = json.loads(sys.argv[1])
rows = []
for path in args["texts"]:
    raw = Path(path).read_text(encoding="utf-8")
    key = "file:" + Path(path).name
    ev.raw_text = (lambda orig: (lambda gold, k: raw if k == key else orig(gold, k)))(ev.raw_text)
    doc, to_raw = ev.analyse("real-de", key)
    rows += records(Path(path).name, doc, to_raw, raw)
for line in args["lines"]:
    doc, to_raw = ev.analyse("real-de", int(line))
    rows += records(str(line), doc, to_raw, ev.raw_text("real-de", int(line)))
json.dump(rows, sys.stdout)
"""


def dump(tree: Path, texts: List[str], lines: List[str]) -> List[Dict[str, Any]]:
    """The statement records of one checkout (``tree``) on ``texts`` (paths) and real-de
    gold ``lines``, computed in a fresh process with ``PYTHONPATH=<tree>/src``. Raises
    ``RuntimeError`` with the child's stderr when it fails."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"), OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "1"))
    proc = subprocess.run([sys.executable, "-c", _DUMP, json.dumps({"texts": texts, "lines": lines})],
                          cwd=str(tree), env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{tree}: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def compare(base: List[Dict[str, Any]], new: List[Dict[str, Any]]) -> Tuple[Dict[str, Dict[str, int]], List[Tuple[Dict[str, Any], Dict[str, Any]]]]:
    """Per-text counts and the changed pairs: statements are paired by text and identical
    content span; a pair counts as changed when its speaker code, speaker as written or the
    speaker actor's mention spans differ. Returns ``(counts, changed)`` where counts are
    ``{text: {base, new, paired, code, written, mentions}}``."""
    by: Dict[Tuple[str, int, int], Dict[str, Any]] = {(r["text"], r["start"], r["end"]): r for r in base}
    counts: Dict[str, Dict[str, int]] = {}
    changed = []
    for r in base:
        counts.setdefault(r["text"], dict.fromkeys(("base", "new", "paired", "code", "written", "mentions"), 0))["base"] += 1
    for r in new:
        c = counts.setdefault(r["text"], dict.fromkeys(("base", "new", "paired", "code", "written", "mentions"), 0))
        c["new"] += 1
        b = by.get((r["text"], r["start"], r["end"]))
        if b is None:
            continue
        c["paired"] += 1
        diff = False
        if b["code"] != r["code"]:
            c["code"] += 1
            diff = True
        if b["speaker_text"] != r["speaker_text"]:
            c["written"] += 1
            diff = True
        if sorted(map(tuple, b["mentions"])) != sorted(map(tuple, r["mentions"])):
            c["mentions"] += 1
            diff = True
        if diff:
            changed.append((b, r))
    return counts, changed


_PRONOUNS = frozenset("er sie es ihr ihm ihn ihnen ich wir man dieser diese jener".split())


def speaker_class(speaker: str | None) -> str:
    """The kind of a statement's speaker id: ``author``, ``unknown`` (no actor), ``group``
    (an agent-coded group id such as ``AUTGOV``, made by the reference layer), ``prov`` (a
    provisional actor) or ``kb`` (a knowledge-base actor)."""
    if speaker in (None, "", "unknown"):
        return "unknown"
    if speaker == "author":
        return "author"
    if speaker.startswith("prov:"):
        return "prov"
    return "kb" if ":" in speaker else "group"


def written_class(text: str | None) -> str:
    """The kind of the speaker as written: ``none``, ``pronoun`` (a personal or
    demonstrative pronoun), ``description`` (a phrase opening with a lower-case word: "der
    Minister", "die 58-Jährige") or ``name``."""
    words = (text or "").split()
    if not words:
        return "none"
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return "pronoun"
    return "description" if words[0][:1].islower() or words[0].lower() in ("der", "die", "das", "ein", "eine") else "name"


def change_kinds(changed: List[Tuple[Dict[str, Any], Dict[str, Any]]]) -> Counter:
    """Changed statement pairs counted by ``"<code|same code>: <class before> -> <class
    after> | <written after> | <cue>"`` (:func:`speaker_class`, :func:`written_class`; cue ``turn`` for an
    interview turn label, ``quote`` for quotation marks, else ``verb``)."""
    out: Counter = Counter()
    for b, r in changed:
        cue = r.get("cue") or ""
        cue_kind = "turn" if cue.endswith((":", ".")) and cue[:1].isupper() and len(cue.split()) <= 3 \
            and cue.rstrip(":.").strip() == (r.get("speaker_text") or "").strip() else \
            "quote" if cue and not any(ch.isalpha() for ch in cue) else "verb"
        what = "code" if b["code"] != r["code"] else "same code"
        out[f"{what}: {speaker_class(b['speaker'])} -> {speaker_class(r['speaker'])} | "
            f"{written_class(r['speaker_text'])} | {cue_kind}"] += 1
    return out


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base", type=Path, help="checkout of the base revision")
    ap.add_argument("new", type=Path, help="checkout of the new revision")
    ap.add_argument("--texts", type=Path, help="folder of *.txt articles (one article a file)")
    ap.add_argument("--gold-lines", default="", help="real-de gold lines, separated by spaces or commas")
    ap.add_argument("--kinds", action="store_true", help="count the changed statements by kind (no text)")
    ap.add_argument("--show", action="store_true", help="print every changed statement (their text)")
    ap.add_argument("--json", type=Path, help="write both sides' records here")
    a = ap.parse_args(argv)
    texts = sorted(str(p.resolve()) for p in a.texts.glob("*.txt")) if a.texts else []
    lines = [x for x in a.gold_lines.replace(",", " ").split() if x]
    base = dump(a.base.resolve(), texts, lines)
    new = dump(a.new.resolve(), texts, lines)
    if a.json:
        a.json.write_text(json.dumps({"base": base, "new": new}, ensure_ascii=False, indent=1), encoding="utf-8")
    counts, changed = compare(base, new)
    print(f"{'text':32} {'base':>5} {'new':>5} {'paired':>6} {'code':>5} {'written':>7} {'mentions':>8}")
    tot = dict.fromkeys(("base", "new", "paired", "code", "written", "mentions"), 0)
    for name in sorted(counts):
        c = counts[name]
        for k in tot:
            tot[k] += c[k]
        print(f"{name:32} {c['base']:5} {c['new']:5} {c['paired']:6} {c['code']:5} {c['written']:7} {c['mentions']:8}")
    print(f"{'total':32} {tot['base']:5} {tot['new']:5} {tot['paired']:6} {tot['code']:5} {tot['written']:7} {tot['mentions']:8}")
    if a.kinds:
        print("\nchanged statements by kind (code changed?: speaker before -> after | written | cue):")
        for kind, n in change_kinds(changed).most_common():
            print(f"  {n:5}  {kind}")
    if a.show:
        for b, r in changed:
            print(f"\n{r['text']} [{r['start']}:{r['end']}]")
            print(f"  base: {b['code']!s:12} {b['speaker_text']!r} id={b['speaker']} mentions={b['mentions'][:4]}")
            print(f"  new:  {r['code']!s:12} {r['speaker_text']!r} id={r['speaker']} mentions={r['mentions'][:4]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
