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
from .legal_roles import LEGAL_CODES, code_appositions, code_suspects, uncoded_persons
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
        self._legal: Optional[frozenset] = None

    def __call__(self, doc: Doc) -> Doc:
        events = get_list(doc, "events")
        found = self.coder.code_doc(doc, first_index=len(events))
        if self.coder.lang == "en" and self.coder.require_coded_actor and uncoded_persons(doc):
            # English persons the KB does not know, coded from what the text says: a named
            # person the text says was arrested or charged (an event the coder drops while
            # the person has no code) is a criminal suspect (CRM); a group noun in
            # apposition gives its code ("John Carter, a police officer,"). Then the
            # document's events are coded again, so the events they took part in count
            changed = False
            legal = self._legal_lemmas()
            if any(t.lemma_.lower() in legal for t in doc):
                self.coder.require_coded_actor = False
                try:
                    # only the sentences with a legal trigger can code a suspect
                    relaxed = self.coder.code_doc(doc, first_index=len(events),
                                                  only=lambda sent: any(t.lemma_.lower() in legal for t in sent))
                finally:
                    self.coder.require_coded_actor = True
                changed = code_suspects(doc, relaxed)
            changed = code_appositions(doc) or changed
            if changed:
                found = self.coder.code_doc(doc, first_index=len(events))
        events.extend(found)
        return doc

    def _legal_lemmas(self) -> frozenset:
        """Trigger lemmas with a legal-coercion pattern (see :mod:`.legal_roles`)."""
        if self._legal is None:
            index = self.coder.lex.patterns
            # the trigger's plain sense (a pattern without required words) is coercion (17)
            # or a verdict (116): arrest, charge, convict, sentence, detain … -- not
            # "take" ("take into custody"), whose plain sense is another
            self._legal = frozenset(k for k in index.triggers()
                                    if any(p.code.startswith(("17",) + LEGAL_CODES) and not p.words for p in index.get(k)))
        return self._legal
