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
from .lexicon import load_lexicon, verb_forms
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
            added = [key for key in index.triggers() if key not in lexicon.patterns]
            for key in lexicon.patterns.triggers():
                index.add(lexicon.patterns.get(key))
            # the added triggers' inflected forms ("überflog") and noun triggers, as for the shipped ones
            lexicon.forms = {**verb_forms(lexicon.lang, added, lexicon.particles), **lexicon.forms}
            lexicon.nominal_triggers = lexicon.nominal_triggers | {
                key for key in added if any(p.nominal for p in index.get(key))}
            lexicon.patterns = index
        self.coder = EventCoder(lang, lexicon=lexicon, require_actor=require_actor)
        self._legal: Optional[frozenset] = None

    def __call__(self, doc: Doc) -> Doc:
        events = get_list(doc, "events")
        coder = self.coder
        if not coder.begin_doc(doc):
            return doc
        coded = coder.code_sentences(doc)
        if coder.lang == "en" and coder.require_coded_actor and uncoded_persons(doc):
            # English persons the KB does not know, coded from what the text says: a named
            # person the text says was arrested or charged (an event the coder drops while
            # the person has no code) is a criminal suspect (CRM); a group noun in
            # apposition gives its code ("John Carter, a police officer,"). Then the
            # sentences that can involve them are coded again, so the events they took
            # part in count
            actors = get_list(doc, "actors")
            before = {a.id: getattr(a, "code", None) for a in actors}
            changed = False
            legal = self._legal_lemmas()
            if any(t.lemma_.lower() in legal for t in doc):
                # only the sentences with a legal trigger can code a suspect; the actor
                # requirement is off for them, so the uncoded target's event is found
                relaxed = coder.code_sentences(doc, only=lambda sent: any(t.lemma_.lower() in legal for t in sent),
                                               require_coded_actor=False)
                changed = code_suspects(doc, coder.merge_repeats([e for sent in relaxed for e in (sent or [])]))
            changed = code_appositions(doc) or changed
            if changed:
                newly = [a for a in actors if getattr(a, "code", None) != before.get(a.id)]
                again = self._affected(doc, newly)
                recoded = coder.code_sentences(doc, only=lambda sent: sent.start in again)
                coded = [new if sent.start in again else old
                         for sent, old, new in zip(coder.doc_sentences(doc), coded, recoded)]
        events.extend(coder.finish_doc(doc, [e for sent in coded for e in (sent or [])], first_index=len(events)))
        return doc

    @staticmethod
    def _affected(doc: Doc, actors: list) -> set:  # type: ignore[type-arg]
        """Start tokens of the sentences whose events can change when ``actors`` got a code:
        a sentence that mentions one of them, and from the first such mention on, one with
        a word that may refer back to them (a pronoun or a description or group noun of
        the reference lexicon, :mod:`lagebild.language.reference`)."""
        from ..language.reference import load_reference_lexicon

        spans = [m for a in actors for m in (getattr(a, "mentions", None) or [])]
        if not spans:
            return set()
        first = min(s for s, _ in spans)
        lex = load_reference_lexicon(doc.lang_ if doc.lang_ in ("de", "en") else "en")
        out = set()
        for sent in EventCoder.doc_sentences(doc):
            if any(sent.start_char < e and s < sent.end_char for s, e in spans):
                out.add(sent.start)
            elif sent.end_char > first and any(
                    t.pos_ in ("PRON", "DET") or lex.lookup(t.lower_) is not None or lex.lookup(t.lemma_.lower()) is not None
                    for t in sent):
                out.add(sent.start)
        return out

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
