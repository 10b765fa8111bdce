"""spaCy component ``lagebild_events``: fills ``doc._.events`` with CAMEO/PLOVER events.

Runs after ``lagebild_actors`` (mentions) and ``lagebild_statements`` (speakers); see
:mod:`lagebild.events.coder` for how events are found. Extra patterns (for example
converted from PETRARCH dictionaries with :func:`lagebild.events.petrarch.read_verb_dictionary`)
can be added with ``patterns_path``: a TSV file in the format of ``data/events/patterns_*.tsv``
or a PETRARCH verb dictionary (``.txt``), e.g.
``nlp.add_pipe("lagebild_events", config={"patterns_path": "CAMEO.2.0.txt"})``.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..tokens import get_list
from .coder import EventCoder
from .lexicon import load_lexicon
from .patterns import PatternIndex, read_patterns


@Language.factory(
    "lagebild_events",
    assigns=["doc._.events"],
    default_config={"patterns_path": None, "require_actor": True},
)
def make_events_component(
    nlp: Language, name: str, patterns_path: Optional[str] = None, require_actor: bool = True
) -> "EventsComponent":
    return EventsComponent(nlp.lang, patterns_path=patterns_path, require_actor=require_actor)


class EventsComponent:
    """Codes the events of each sentence into ``doc._.events``."""

    def __init__(self, lang: str, *, patterns_path: Optional[str] = None, require_actor: bool = True) -> None:
        lexicon = load_lexicon(lang if lang in ("de", "en") else "en")
        if patterns_path:
            import copy

            lexicon = copy.copy(lexicon)
            index = PatternIndex()
            if str(patterns_path).endswith((".tsv", ".TSV")):
                index.add(read_patterns(patterns_path, lang))
            else:  # a PETRARCH/TABARI verb dictionary (CAMEO.2.0.txt and the like)
                from .petrarch import read_verb_dictionary

                index.add(read_verb_dictionary(patterns_path))
            for key in lexicon.patterns.triggers():
                index.add(lexicon.patterns.get(key))
            lexicon.patterns = index
        self.coder = EventCoder(lang, lexicon=lexicon, require_actor=require_actor)

    def __call__(self, doc: Doc) -> Doc:
        events = get_list(doc, "events")
        events.extend(self.coder.code_doc(doc, first_index=len(events)))
        return doc
