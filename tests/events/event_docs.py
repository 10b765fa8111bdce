"""Hand-built parsed Docs for the event coder tests (no statistical model needed)."""
from __future__ import annotations

from datetime import date
from typing import Dict, List, Optional, Sequence, Tuple

import spacy
from spacy.tokens import Doc

from lagebild import tokens as _tokens  # noqa: F401  (registers Doc._ attributes)
from lagebild.schemas import Actor, Mention, Statement

Row = Tuple  # (word, head, dep, pos, lemma[, morph])

ACTORS = {
    "USA": ("USA", "GPE"), "RUS": ("Russland", "GPE"), "UKR": ("Ukraine", "GPE"), "FRA": ("Frankreich", "GPE"),
    "PAR": ("Paris", "GPE"), "PUTIN": ("Wladimir Putin", "PER"), "SELENSKYJ": ("Wolodymyr Selenskyj", "PER"),
    "RUBIO": ("Marco Rubio", "PER"), "WITKOFF": ("Steve Witkoff", "PER"), "KELLOGG": ("Keith Kellogg", "PER"),
    "EU": ("Europäische Union", "ORG"), "UN": ("Vereinte Nationen", "ORG"), "TRUMP": ("Donald Trump", "PER"),
    "NATO": ("NATO", "ORG"), "CHN": ("China", "GPE"), "KYIV": ("Kiew", "GPE"),
}


def build(
    lang: str,
    rows: Sequence[Row],
    actors: Dict[int, str],
    *,
    published: Optional[date] = date(2025, 4, 19),
    statements: Sequence[Tuple[int, int, str]] = (),
    spans: Dict[Tuple[int, int], str] = None,  # (first, last word) → actor id
) -> Doc:
    """A parsed Doc: ``rows`` give word, head index (absolute), dep, pos, lemma and
    morph; ``actors`` maps word index → actor id (one-word mentions)."""
    nlp = spacy.blank(lang)
    words = [r[0] for r in rows]
    heads = [r[1] for r in rows]
    spaces = [not (i + 1 < len(words) and words[i + 1] in ",.;:!?") for i in range(len(words))]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
        morphs=[r[5] if len(r) > 5 else "" for r in rows],
        sent_starts=[i == 0 for i in range(len(words))],
    )
    mentions: List[Mention] = []
    used = set()
    for (first, last), actor_id in (spans or {}).items():
        s, e = doc[first].idx, doc[last].idx + len(doc[last])
        mentions.append(Mention(actor_id, s, e, doc.text[s:e]))
        used.add(actor_id)
    for i, actor_id in actors.items():
        t = doc[i]
        mentions.append(Mention(actor_id, t.idx, t.idx + len(t), t.text))
        used.add(actor_id)
    mentions.sort(key=lambda m: m.start)
    doc._.mentions = mentions
    doc._.actors = [Actor(a, ACTORS.get(a, (a, "PER"))[0], ACTORS.get(a, (a, "PER"))[1]) for a in sorted(used)]
    doc._.published = published
    doc._.statements = [
        Statement(speaker=spk, kind="indirect", text=doc.text[doc[a].idx:doc[b].idx + len(doc[b])],
                  span=(doc[a].idx, doc[b].idx + len(doc[b])))
        for a, b, spk in statements
    ]
    doc._.events = []
    return doc


def triples(events):
    return sorted((e.source, e.target, e.cameo) for e in events)


def content_events(events):
    """The events that are not speech acts about other events (issue 9: a cue verb that is
    itself a speech act — "drohte, …", "rief X auf, …" — is coded too), after checking
    that every link between the two kinds points at an event of the list."""
    ids = {f"e{i}" for i in range(len(events))}  # hand-built Docs carry no article id
    for e in events:
        assert all(c in ids for c in e.content_of)
        assert e.speech_act is None or e.speech_act in ids
    return [e for e in events if not e.content_of]
