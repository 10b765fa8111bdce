"""Coding speed of the event coder on top of already-parsed documents.

    OMP_NUM_THREADS=1 python benchmarks/events_speed.py --lang en [--model PATH] [--runs 5]
    OMP_NUM_THREADS=1 python benchmarks/events_speed.py --lang de --limit 300
    OMP_NUM_THREADS=1 python benchmarks/events_speed.py --lang en --component [--limit 300]

Texts are parsed once (lagebild's base pipeline + the actor and statement components, or
for English the PETRARCH unit-test sentences tagged with their actor dictionary); then the
coder (``EventCoder.code_doc``) alone is timed over all of them, ``--runs`` times, and the
median sentences/second is reported, with the number of events found. Data comes from
../shared (skipped when absent); nothing is written.

``--component`` times the whole events component (``lagebild_events``) instead of the bare
coder, on real pages: for English the English pages of ../shared/data/html-aeb (up to
``--limit``), whose named private persons make the component code a document's legal
sentences again and code persons from the text (:mod:`lagebild.events.legal_roles`); for
German the news-de articles. Each run starts from the documents as the earlier components
left them (events cleared, actor codes restored).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import List

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def english_docs(model: str | None, limit: int) -> list:
    from lagebild.events.evaluate import read_records
    from lagebild.events.petrarch import ActorDictionary
    from lagebild.language import load_base

    base = SHARED / "petrarch2"
    nlp = load_base("en", model)
    actors = ActorDictionary().read_actors(base / "PETR.Validate.actors.txt").read_agents(base / "PETR.Validate.agents.txt")
    texts = [(r.text, r.date) for r in read_records(base / "PETR.UnitTest.records.xml")]
    docs = []
    for doc, (_, when) in zip(nlp.pipe(t for t, _ in texts[:limit]), texts[:limit]):
        doc._.mentions = actors.tag(doc, when)
        doc._.actors, doc._.statements, doc._.published = [], [], when
        docs.append(doc)
    return docs


def german_docs(model: str | None, limit: int) -> list:
    from lagebild.pipeline import load
    from lagebild.realgold import news_texts

    nlp = load("de", model)
    texts = news_texts(limit)
    keep = [n for n in nlp.pipe_names if n not in ("lagebild_events", "lagebild_forecasts")]
    with nlp.select_pipes(enable=keep):
        return list(nlp.pipe(texts))


def english_pages(model: str | None, limit: int) -> list:
    from lagebild.pipeline import load
    from lagebild.realgold import _aeb_bodies, _looks_english

    nlp = load("en", model)
    bodies = _aeb_bodies()
    texts = [bodies[p] for p in sorted(bodies) if _looks_english(bodies[p])][:limit]
    keep = [n for n in nlp.pipe_names if n not in ("lagebild_events", "lagebild_forecasts")]
    with nlp.select_pipes(enable=keep):
        return list(nlp.pipe(texts))


def time_component(lang: str, model: str | None, docs: list, runs: int) -> tuple:
    """``(wall seconds, CPU seconds, events)`` of each run of the events component over
    ``docs``, every run from the same start (events cleared, actors' codes restored)."""
    from lagebild.pipeline import load

    component = load(lang, model).get_pipe("lagebild_events")
    start_state = [[(a, getattr(a, "code", None), getattr(a, "country", None)) for a in (d._.actors or [])]
                   for d in docs]
    out = []
    for _ in range(runs):
        for d, state in zip(docs, start_state):
            d._.events = []
            for a, code, country in state:
                a.code, a.country = code, country
        start, cpu_start = time.perf_counter(), time.process_time()
        for d in docs:
            component(d)
        out.append((time.perf_counter() - start, time.process_time() - cpu_start, sum(len(d._.events) for d in docs)))
    return out


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", default="en", choices=("de", "en"))
    ap.add_argument("--model", default=None, help="spaCy pipeline to parse with (default: lagebild's)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--limit", type=int, default=300, help="documents (de: articles, en: sentences)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--component", action="store_true",
                    help="time the whole events component on real pages (en: html-aeb, de: news-de)")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not present")
        return 0
    if args.component:
        docs = english_pages(args.model, args.limit) if args.lang == "en" else german_docs(args.model, args.limit)
        n_sents = sum(len(list(d.sents)) for d in docs)
        runs = time_component(args.lang, args.model, docs, args.runs)
        med, med_cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        result = {"lang": args.lang, "component": True, "documents": len(docs), "sentences": n_sents,
                  "events": runs[-1][2], "runs": args.runs, "median_seconds": round(med, 4),
                  "median_cpu_seconds": round(med_cpu, 4),
                  "sentences_per_cpu_second": round(n_sents / med_cpu) if med_cpu else None}
        print(json.dumps(result) if args.json else
              f"{args.lang} events component: {len(docs)} documents, {n_sents} sentences, {result['events']} events; "
              f"median {med:.3f} s wall, {med_cpu:.3f} s CPU over {args.runs} runs "
              f"= {result['sentences_per_cpu_second']:,} sentences per CPU-second")
        return 0
    from lagebild.events.coder import EventCoder

    docs = english_docs(args.model, args.limit) if args.lang == "en" else german_docs(args.model, args.limit)
    n_sents = sum(len(list(d.sents)) if d.has_annotation("SENT_START") else 1 for d in docs)
    coder = EventCoder(args.lang)
    if args.lang == "en":
        import copy

        from lagebild.events.lexicon import load_lexicon
        from lagebild.events.patterns import PatternIndex
        from lagebild.events.petrarch import read_verb_dictionary

        lex = copy.copy(load_lexicon("en"))
        # lagebild's English patterns plus the suite's verb dictionary (its actors are tagged)
        lex.patterns = PatternIndex(load_lexicon("en").patterns.patterns()
                                    + read_verb_dictionary(SHARED / "petrarch2" / "PETR.Validate.verbs.txt"))
        coder = EventCoder("en", lexicon=lex)
    timings = []
    cpu = []
    events = 0
    for _ in range(args.runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        events = sum(len(coder.code_doc(d)) for d in docs)
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    med = statistics.median(timings)
    med_cpu = statistics.median(cpu)
    result = {"lang": args.lang, "documents": len(docs), "sentences": n_sents, "events": events,
              "runs": args.runs, "median_seconds": round(med, 4),
              "sentences_per_second": round(n_sents / med) if med else None,
              # CPU time of this process: what one core gives when the machine is shared
              "sentences_per_cpu_second": round(n_sents / med_cpu) if med_cpu else None}
    print(json.dumps(result) if args.json else
          f"{args.lang}: {n_sents} sentences, {events} events; coding median {med:.3f} s over {args.runs} runs "
          f"= {result['sentences_per_second']:,} sentences/s (CPU median {med_cpu:.3f} s "
          f"= {result['sentences_per_cpu_second']:,} sentences per CPU-second)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
