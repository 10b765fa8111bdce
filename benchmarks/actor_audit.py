"""Speaker-code audit on unseen German news: are the actor codes of lagebild's statements
right on articles nobody tuned on? Judged by hand, scored on any later code.

    python benchmarks/actor_audit.py sample --seed 2424 --n 60 --out /tmp/actor_audit.jsonl
    python benchmarks/actor_audit.py score benchmarks/gold/real-de/actor_audit.jsonl [--audit NAME]

``sample`` shuffles the 10kGNAD test articles that are NOT in ``annotation_lines.tsv`` with
``--seed`` and analyses them in that order (dated as the real-news gold is, outlet
derStandard.at). From each article it draws up to ``--per-article`` statements whose speaker
is not the author, one per distinct speaker text, until it has ``--n``. It writes them, WITH
the sentence and the text before it, to ``--out`` -- a scratch file for the human judge that
must never be committed (the corpus licence forbids shipping article text).

The judge writes the CAMEO code the speaker has by the conventions of
``benchmarks/gold/real-de/README.md`` (``code``: one code or a list of accepted codes;
``---AGT`` for a group of unknown country; ``null`` when the speaker is no political actor the
gold would code -- such records are left out of the accuracy) and commits only audit name,
line, offsets, the statement's hash and the code to ``actor_audit.jsonl``.

``score`` checks each record's hash against the corpus, analyses its article with the code
at hand and matches the record to a predicted statement (spans overlapping by at least half
of the shorter, as ``lagebild eval statements``); it prints, per audit, the speaker accuracy
over the matched records (codes compared as the real-news scorers do:
:func:`lagebild.events.realeval.actor_matches`) with a 95 % Wilson interval, and how many
records found no statement. Run it on two versions of the code for a before/after figure
that no dev article shaped.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from forecast_audit import wilson


def _analyse(raw: str):
    """``(document, raw-offset mapper)`` of one unseen article, dated and sourced as the
    real-news gold articles are (:func:`lagebild.events.realeval.analyse`)."""
    import lagebild
    from lagebild import realgold
    from lagebild.actors.linker import UNDATED_ENV

    before = os.environ.get(UNDATED_ENV)
    os.environ[UNDATED_ENV] = realgold.NEWS_DE_PUBLISHED.isoformat()
    try:
        doc = lagebild.analyze(raw, language="de", source="derStandard.at")
    finally:
        if before is None:
            os.environ.pop(UNDATED_ENV, None)
        else:
            os.environ[UNDATED_ENV] = before
    return doc, realgold.offset_mapper(raw, doc.text)


def sample(seed: int, n: int, out: Path, per_article: int = 2, exclude: Optional[Path] = None) -> None:
    """Draw ``n`` statements with a non-author speaker from unseen articles (see the module
    docstring) and write them with their text to ``out`` (scratch, never committed)."""
    from lagebild import realgold
    from lagebild.events.realeval import actor_code

    arts = realgold._articles()
    pool = realgold.unseen_lines(random.Random(seed), exclude)
    rows: List[Dict[str, Any]] = []
    for ln in pool:
        if len(rows) >= n:
            break
        raw = arts[ln]
        doc, to_raw = _analyse(raw)
        seen = set()
        taken = 0
        for s in doc.statements:
            if taken >= per_article or len(rows) >= n:
                break
            if s.speaker == "author" or not s.speaker_text or s.speaker_text in seen:
                continue
            seen.add(s.speaker_text)
            taken += 1
            a, b = to_raw(s.span[0]), to_raw(s.span[1])
            rows.append(dict(line=ln, start=a, end=b, sha=realgold.sentence_hash(raw[a:b]),
                             speaker_text=s.speaker_text, predicted=actor_code(doc.actors, s.speaker),
                             before=raw[max(0, a - 400):a], text=raw[a:b]))
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} statements from {len({r['line'] for r in rows})} articles -> {out}")


def _match(span: Tuple[int, int], preds: List[Tuple[int, int, Optional[str]]]) -> Optional[Optional[str]]:
    """The code of the predicted statement that overlaps ``span`` most (at least half of the
    shorter span); the sentinel ``...`` when none does."""
    from lagebild.statements.realeval import overlap

    best, code = 0.0, ...
    for s, e, c in preds:
        o = overlap(span, (s, e))
        if o >= 0.5 and o > best:
            best, code = o, c
    return code  # type: ignore[return-value]


def verified(path: Path) -> List[Dict[str, Any]]:
    """The records of an audit file, each checked against the corpus: its statement's hash
    must match the article text at its offsets. Exits naming ``file:line`` otherwise."""
    from lagebild import realgold

    try:
        return realgold.load_audit(path)
    except ValueError as err:
        sys.exit(str(err))


def score(path: Path, audit: str = "") -> Dict[str, Dict[str, int]]:
    """Speaker accuracy per audit of the committed records (module docstring); returns
    ``{audit: {"judged", "matched", "right", "lost"}}``."""
    from lagebild import realgold
    from lagebild.events.realeval import actor_code, actor_matches

    by: Dict[str, List[Dict[str, Any]]] = defaultdict(list)
    for r in verified(path):
        if (not audit or r["audit"] == audit) and r.get("code") is not None:
            by[r["audit"]].append(r)
    preds: Dict[int, List[Tuple[int, int, Optional[str]]]] = {}
    out: Dict[str, Dict[str, int]] = {}
    for name, rs in by.items():
        c = {"judged": len(rs), "matched": 0, "right": 0, "lost": 0}
        wrong: List[str] = []
        for r in rs:
            if r["line"] not in preds:
                doc, to_raw = _analyse(realgold.article(r["line"]))
                preds[r["line"]] = [(to_raw(s.span[0]), to_raw(s.span[1]), actor_code(doc.actors, s.speaker))
                                    for s in doc.statements]
            got = _match((r["start"], r["end"]), preds[r["line"]])
            if got is ...:
                c["lost"] += 1
                continue
            c["matched"] += 1
            if actor_matches(r["code"], got):
                c["right"] += 1
            else:
                wrong.append(f"{r['line']}:{r['start']} want {r['code']} got {got}")
        lo, hi = wilson(c["right"], c["matched"])
        print(f"{name}: speaker accuracy {c['right']}/{c['matched']} = {c['right'] / max(1, c['matched']):.3f} "
              f"({lo:.3f}-{hi:.3f}); {c['lost']} of {c['judged']} judged records found no statement")
        for w in wrong:
            print("  wrong:", w)
        out[name] = c
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--n", type=int, default=60)
    s.add_argument("--per-article", type=int, default=2)
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--exclude", type=Path, help="an audit file whose articles are left out (a fresh sample)")
    c = sub.add_parser("score")
    c.add_argument("path", type=Path)
    c.add_argument("--audit", default="")
    a = ap.parse_args()
    if a.cmd == "sample":
        sample(a.seed, a.n, a.out, a.per_article, a.exclude)
    else:
        score(a.path, a.audit)


if __name__ == "__main__":
    main()
