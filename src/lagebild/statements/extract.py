"""Find statements in a Doc: direct quotes, reported speech, Konjunktiv I, "laut X",
interview turns. See component.py for how they are stored.

Order of work per document:

1. interview turns (``turns.py``) — each named/answer turn is a direct statement;
2. quotes (``quotes.py``);
3. per sentence: speech verbs (``speech_verbs.tsv``) with their content (the parse's
   ccomp/parataxis subtree, else the stretch after "," / "dass" / "that", or before
   "…, sagte X"); a quote in the same sentence becomes a direct statement of the verb's
   subject;
4. attribution phrases ("laut X", "according to X", "X zufolge");
5. German Konjunktiv I without a speech verb, attributed to the preceding speaker;
6. quotes left over, attributed to the preceding speaker in the paragraph.

The speaker is the subject of the speech verb resolved with ``tokens.actor_in``; first
person outside quotes is the author (inside an interview answer: the one who answers);
a third-person pronoun falls back to the latest PER actor mentioned before it.
"""
from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Dict, FrozenSet, Iterator, List, Optional, Tuple

from spacy.tokens import Doc, Span, Token

from .. import tokens
from ..datafiles import data_path, lang_words
from ..language.continuation import continues_speech, cue_words
from ..language.dateline import dateline_tokens, report_start, dateline_subject
from ..language.reference import (classify, document_country, group_actor, group_agent, person_gender, proxy_kind,
                                  represented, resolve_reference)
from ..language.timewords import time_phrase_head
from ..language.turns import Turn, get_turns, person_role_heads, turn_at
from ..language.word_class import heads_in_class
from ..language.speech import (
    ANAPHORS,
    SpeechFrame,
    content_kind,
    frame_for,
    has_content,
    is_finite,
    is_impersonal,
    konjunktiv1_form,
    mistagged_konjunktiv1,
)
from ..schemas import Statement
from .lexicon import SpeechVerb, StatementLexicon, match_phrases, statement_lexicon
from .quotes import Quote, find_quotes
from .syntax import (
    CONTENT_LABELS,
    DETERMINERS,
    char_span,
    clause_bounds,
    doc_text,
    dep,
    feat,
    find_condition,
    has_morph,
    has_parse,
    sentences,
    subjects_of,
    subtree_span,
    trim,
)

THIRD_PERSON = {
    "de": {"er", "sie", "es"},
    "en": {"he", "she", "they", "it"},
}
MIN_QUOTE_WORDS = 3
QUOTE_CLOSERS = {"“", "”", "\"", "«", "»", "’", "'"}
# "heißt es", "it is said": an expletive subject names nobody
IMPERSONAL_PRONOUNS = {"es", "it"}
# free relative pronouns: "wer …, (der) …" / "whoever …" names a class of people, no speaker
IMPERSONAL_SUBJECT_WORDS = {"man", "one", "you"}
UNKNOWN = "unknown"


class _Ctx:
    def __init__(self, doc: Doc, lex: StatementLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.lang = doc.lang_
        self.parsed = has_parse(doc)
        self.morph = has_morph(doc)
        self.turns: List[Turn] = get_turns(doc)
        self.quotes: List[Quote] = find_quotes(doc_text(doc), lex.quote_pairs)
        self._quote_starts = [q.start for q in self.quotes]
        self.used_quotes: set = set()
        self.subject_head: Optional[Token] = None
        # (end char, speaker, speaker text) of speech verbs without content of their own
        self.anchors: List[Tuple[int, str, Optional[str]]] = []
        # (start char, speaker, speaker text) of "Diese Einschätzung äußerte X": the speaker
        # of the quote right before
        self.back_anchors: List[Tuple[int, str, Optional[str]]] = []
        self.out: List[Statement] = []
        actors = tokens.get_list(doc, "actors")
        self.actor_type = {a.id: a.type for a in actors}
        self.actor_country = {a.id: a.country for a in actors}
        self.actor_name = {a.id: a.name for a in actors}
        self.actor_code = {a.id: a.code for a in actors}

    def quote_at(self, char: int) -> Optional[Quote]:
        # quotes are sorted and do not overlap
        i = bisect_right(self._quote_starts, char) - 1
        if i >= 0 and self.quotes[i].start <= char < self.quotes[i].end:
            return self.quotes[i]
        return None


# ---------------------------------------------------------------- speakers


CORE_LABELS = {"appos", "flat", "flat:name", "compound", "det", "amod", "nummod"}


def _core_actor(ctx: _Ctx, head: Token) -> Tuple[bool, Optional[str]]:
    """The actor of the noun phrase headed by ``head``, read from the head and its
    appositions/names only — in "der Sprecher von Präsident Putin, Dmitri Peskow" the
    speaker is Peskow, not Putin. Returns (parse was usable, actor id or None)."""
    core = [head]
    for c in head.children:
        if dep(c) in CORE_LABELS:
            core.extend(c.subtree)
    # not the addressee the parser hung on the subject ("der Kanzler der Bild-Zeitung")
    end = _subject_end(ctx, head)
    core = [t for t in core if t.idx < end]
    if head.lower_ in lang_words(ctx.lang, "people_counts.txt"):
        # "Tausende Syrer sagten": the count is the head the parser chose (or a second
        # subject beside it); the people counted are the noun right after it
        nxt = head.nbor(1) if head.i + 1 < len(head.doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
            core.append(nxt)
    found = []
    for t in core:
        found.extend(tokens.mentions_in(ctx.doc, t.idx, t.idx + len(t)))
    if not found:
        return True, None
    best = max(found, key=lambda m: (m.end - m.start, -m.start))
    return True, best.actor_id


# police and prosecutors report on cases in their own jurisdiction: "In Istanbul wurden zwei
# Männer festgenommen, wie die Polizei mitteilte" is the Turkish police
LOCAL_AGENTS = frozenset(("COP", "JUD"))


def _group_country_only_in(
    ctx: _Ctx, actor_id: str, content: Optional[Tuple[int, int]], speaker: Tuple[int, int]
) -> bool:
    """A generic group the resolver placed in a country ("Many diplomats" → RUSGOV) whose
    country is named only inside the reported content ("… that Moscow will …"): the content
    does not say where the speakers come from."""
    if content is None or ":" in actor_id or actor_id[3:6] in LOCAL_AGENTS:
        return False
    actors = {a.id: a for a in tokens.get_list(ctx.doc, "actors")}
    actor = actors.get(actor_id)
    country = actor.country if actor is not None else None
    if not country:
        return False
    here = [m for m in tokens.mentions_in(ctx.doc, 0, len(doc_text(ctx.doc)))
            if not (speaker[0] <= m.start < speaker[1])
            and (m.actor_id in (country, actor_id) or (actors.get(m.actor_id) is not None and actors[m.actor_id].country == country))]
    if not here:
        return False
    # a dateline is where the report was filed, not what was said ("Wien – Die Preise
    # würden steigen, wie das Ministerium mitteilte": the Austrian ministry)
    return all(content[0] <= m.start < content[1] and not _in_dateline(ctx, m.start) for m in here)


def _in_dateline(ctx: _Ctx, char: int) -> bool:
    """Whether the character ``char`` lies in a dateline ("Wien – …",
    :func:`lagebild.language.dateline.dateline_tokens`)."""
    tok = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    if tok is None or not len(tok):
        return False
    return tok[0].i in dateline_tokens(tok[0].sent, hyphen=True)


def resolve_speaker(
    ctx: _Ctx, start: int, end: int, *, head: Optional[Token] = None, np_head: Optional[Token] = None,
    content: Optional[Tuple[int, int]] = None,
) -> Tuple[str, str]:
    """``(speaker id, speaker text)`` for the subject at ``[start, end)``; ``np_head``:
    the subject's head token from the parse (then only its core names count). A generic
    group the phrase names without a country of its own takes the country of the same
    group named before (:func:`_named_group_before`)."""
    actor, text = _resolve_speaker(ctx, start, end, head=head, np_head=np_head, content=content)
    return _named_group_before(ctx, actor, start, end), text


def _named_group_before(ctx: _Ctx, actor_id: str, start: int, end: int) -> str:
    """``actor_id``, or the group the text named before with its country when ``actor_id``
    is an agent-coded group ("CUBGOV"), or a provisional person coded by a role in one,
    that the phrase at ``[start, end)`` names only by a definite group noun ("der
    Chefunterhändler der Regierung") with no country of its own:
    the nearest earlier mention, in the same sentence or the one before it, of a group with
    the same agent and head noun and a named country ("die Unterhändler der kolumbianischen
    Regierung" -> COLGOV). A mention of ``actor_id`` itself nearer than that keeps it. The
    head-noun match of definite descriptions (Lee et al. 2013) before the context's country,
    which a dateline ("Havanna – …") sets."""
    # a group ("CUBGOV"), or a person the text knows only by a role in that group
    # ("prov:…" coded CUBGOV from "Chefunterhändler der Regierung")
    code = actor_id if ":" not in actor_id else (ctx.actor_code.get(actor_id) or "") if actor_id.startswith("prov:") else ""
    if len(code) < 6 or code.startswith(("---", "IGO")) or not ctx.parsed:
        return actor_id
    agent = code[3:6]
    if any(m.actor_id != actor_id for m in tokens.mentions_in(ctx.doc, start, end)):
        return actor_id  # the phrase names a country or body of its own
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return actor_id
    # the phrase and its head's dependents (the speaker text may stop at the head noun:
    # "der Chefunterhändler" of "der Chefunterhändler der Regierung, X")
    words = list(span) + [t for t in span.root.subtree if t.i >= span.end]
    if any(m.actor_id != actor_id for w in words for m in tokens.mentions_in(ctx.doc, w.idx, w.idx + len(w))):
        return actor_id
    # a definite group noun with no attribute of its own ("der Regierung", not "der
    # bahrainischen Regierung" or "die Regierung in Kiew")
    nouns = {(t.lemma_ or t.lower_).lower() for t in words
             if group_agent(t) == agent and any(dep(c) == "det" and c.lower_ in DEFINITE_ARTICLES for c in t.children)
             and not any(dep(c) in ("amod", "nmod", "flat", "appos", "compound") for c in t.children)}
    if not nouns:
        return actor_id
    before = _this_and_previous_sentence(ctx, start)
    if not before:
        return actor_id
    codes = {a.id: (a.type, a.code) for a in tokens.get_list(ctx.doc, "actors")}
    for m in reversed(tokens.mentions_in(ctx.doc, before[0].start_char, start)):
        if m.end > start:
            continue
        if m.actor_id == actor_id:
            return actor_id
        atype, code = codes.get(m.actor_id, (None, None))
        if ":" in m.actor_id or atype not in ("ORG", "GRP") or not code or len(code) < 6 \
                or code[3:6] != agent or code.startswith(("---", "IGO")):
            continue
        # the same head noun (Lee et al. 2013): "der kolumbianischen Regierung"
        named = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if named is not None and any((t.lemma_ or t.lower_).lower() in nouns for t in named):
            return m.actor_id
    return actor_id


def _this_and_previous_sentence(ctx: _Ctx, start: int) -> List[Span]:
    """The sentence holding character ``start`` and the one before it, in that order;
    only the first when a paragraph break lies between them; [] before the first."""
    before = [sp for sp in sentences(ctx.doc) if sp.start_char < start][-2:]
    if len(before) == 2 and "\n\n" in doc_text(ctx.doc)[before[0].end_char:before[1].start_char + 1]:
        before = before[1:]
    return before


def _resolve_speaker(
    ctx: _Ctx, start: int, end: int, *, head: Optional[Token] = None, np_head: Optional[Token] = None,
    content: Optional[Tuple[int, int]] = None,
) -> Tuple[str, str]:
    """:func:`resolve_speaker` before the group-country step."""
    doc = ctx.doc
    text = doc_text(doc)[start:end]
    if _modifier_only(ctx, start, end):
        # "…, sagte der CDU-Politiker": the party names the speaker's affiliation, not the
        # speaker — a description of a person named before (the reference resolver would
        # answer with the party the compound overlaps)
        prev = _previous_person(ctx, start)
        if prev and "\n\n" not in doc_text(doc)[_last_mention_end(ctx, prev, start) : start]:
            return prev, text
        # no person named before: an unnamed member speaks for the body ("der
        # PiS-Vorsitzende" -> the PiS's code), as a spokesperson does
        found = tokens.mentions_in(doc, start, end)
        return (found[0].actor_id if found else UNKNOWN), text
    bare = _bare_spokesperson(ctx, start, end, np_head)
    if bare:
        return bare, text
    if np_head is not None and np_head.lower_ not in ctx.lex.author_pronouns | THIRD_PERSON.get(ctx.lang, set()):
        _, actor = _core_actor(ctx, np_head)
        if actor:
            return actor, text
    # a spokesperson, office or lawyer speaks for the actor it depends on ("ein Sprecher
    # des Innenministeriums", "Netanyahus Büro", "sein Anwalt")
    rep = represented(doc, start, end)
    if rep:
        return rep, text
    # "Die Bank erklärte" after "Die Unicredit …", "eine Sprecherin der Organisation"
    # after "des Samariterbundes": a definite body noun is the body the text named before
    body = _body_anaphor(ctx, start, end, np_head)
    if body:
        return body, text
    if proxy_kind(doc, start, end) == "person" and not tokens.mentions_in(doc, start, end):
        # "Der Sprecher fügte hinzu" after "ein Sprecher des Innenministeriums": the same
        # proxy, introduced before with whom it speaks for
        authored = _report_author(ctx, start, end, kind="person")
        if authored:
            return authored, text
    if proxy_kind(doc, start, end) == "report" and "-" not in text:
        media = _media_reports(ctx, start, end)
        if media:
            return media, text
        # "dem Bericht zufolge", "den Angaben zufolge" with no author of their own: the
        # report of the source the text named last ("nach einem Bericht von Spiegel
        # online … Dem Bericht zufolge …")
        authored = _report_author(ctx, start, end) or _outlet_before(ctx, start, end)
        if authored:
            return authored, text
        prev = _previous_speaker(ctx, start)
        if prev is not None and prev.speaker != UNKNOWN:
            return prev.speaker, text
        return UNKNOWN, text
    if np_head is not None and np_head.lower_ not in ctx.lex.author_pronouns | THIRD_PERSON.get(ctx.lang, set()):
        named = _apposed_person(ctx, start, end) or _seated_group(ctx, start, end, np_head)
        if named:
            return named, text
        if tokens.mentions_in(doc, start, end):
            return UNKNOWN, text  # only a dependent names an actor ("der Vorwurf der Staatsanwaltschaft")
    actor = tokens.actor_in(doc, start, end)
    if actor:
        return actor, text
    low = text.strip().lower()
    first = low.split()[0] if low.split() else ""
    if first in ctx.lex.author_pronouns or (head is not None and head.lower_ in ctx.lex.author_pronouns):
        turn = turn_at(ctx.turns, start)
        if turn is not None:
            return _turn_speaker(turn), text
        if ctx.quote_at(start) is None:
            return "author", text
    if low not in IMPERSONAL_PRONOUNS and first not in IMPERSONAL_SUBJECT_WORDS:
        # pronouns, descriptions ("der 70-Jährige"), generic groups ("die Polizei") — the
        # language layer's reference resolver
        ref = _reference(ctx, start, end)
        if ref and not _group_country_only_in(ctx, ref, content, (start, end)):
            return _placeless_group(ctx, ref, start, end, np_head if np_head is not None else head), text
    if low in THIRD_PERSON.get(ctx.lang, set()) and low not in IMPERSONAL_PRONOUNS:
        group = _previous_group_subject(ctx, start, head)
        if group:
            return group, text
        prev = _previous_person(ctx, start)
        if prev:
            return prev, text
        # "Er fügte hinzu" right after "…, sagte der General": the same speaker
        before = [st for st in ctx.out if st.span[1] <= start and start - st.span[1] <= 300 and st.verb_class != "turn"]
        if before and before[-1].speaker_text and before[-1].speaker != "author":
            last = max(before, key=lambda st: st.span[1])
            return last.speaker, last.speaker_text
    described = _described_person(ctx, start, end) or _titled_person(ctx, start, end, np_head)
    if described is not None:
        return described, text
    return UNKNOWN, text


# first parts of a title compound that make it another office than its head ("Vizepräsident"
# is not "der Präsident")
_TITLE_PREFIXES_OTHER = ("vize", "ex", "co", "ko", "alt", "stellvertret", "ehemalig", "interims", "schatten")


def _titled_person(ctx: _Ctx, start: int, end: int, np_head: Optional[Token]) -> Optional[str]:
    """German (session 31, #11): the person a definite singular title noun names when the
    resolver found none -- "Die Caritas-Direktorin Nora X … sagte die Direktorin", "Werks-
    leiter X … sagte der Werksleiter": the nearest person named before with that title
    right before the name, the title equal to the noun or a compound ending in it
    (hyphenated or not) whose first part names the body, not another office ("Vize-",
    "Ex-"). The title's form carries the gender ("Direktorin" is no "Direktor"). None for
    another phrase, a phrase naming an actor of its own, or when no person carries it."""
    if ctx.lang != "de" or not ctx.parsed or np_head is None or np_head.pos_ != "NOUN":
        return None
    if "Plur" in np_head.morph.get("Number") or tokens.mentions_in(ctx.doc, start, end):
        return None
    if not any(dep(c) == "det" and c.lower_ in DEFINITE_ARTICLES for c in np_head.children):
        return None
    word = np_head.lower_
    if len(word) < 5:
        return None
    for m in reversed(tokens.mentions_in(ctx.doc, max(0, start - 3000), start)):
        if m.end > start or ctx.actor_type.get(m.actor_id) != "PER":
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        # the title right before the name, or inside the mention ("Caritas-Direktorin Nora X")
        titles = [t.lower_ for t in ctx.doc[max(0, span.start - 1): span.end - 1]]
        for title in titles:
            if title == word:
                return m.actor_id
            if title.endswith(word) and len(title) > len(word):
                first = title[: -len(word)].rstrip("-")
                if first and not first.startswith(_TITLE_PREFIXES_OTHER):
                    return m.actor_id
    return None


def _described_person(ctx: _Ctx, start: int, end: int) -> Optional[str]:
    """German: the person a definite singular person description names when the reference
    resolver found no antecedent in its window ("Johanna X … [five sentences] … Darauf sei
    sie stolz, sagt die 58-Jährige"; session 30, #11): the nearest person named before it
    whose grammatical gender (:func:`lagebild.language.reference.person_gender`) does not
    contradict the article's. A profile names its subject once and describes them later by
    age or role; the resolver looks back only
    :data:`lagebild.language.reference.MAX_SENTENCES_BACK` sentences, the
    right window for pronouns among several actors. None for another phrase (a pronoun, a
    group noun, a plural) or when no person agrees."""
    if ctx.lang != "de" or not ctx.parsed:
        return None
    hit = classify(ctx.doc, start, end)
    if hit is None or hit[1].kind != "description" or "PER" not in hit[1].types:
        return None
    head = hit[0]
    if "Plur" in head.morph.get("Number"):
        return None
    dets = [c for c in head.children if dep(c) == "det" and c.lower_ in DEFINITE_ARTICLES]
    if not dets:
        return None
    genders = dets[0].morph.get("Gender") or head.morph.get("Gender")
    gender = {"Masc": "m", "Fem": "f"}.get(genders[0]) if len(genders) == 1 else None
    if gender is None:
        return None
    for m in reversed(tokens.mentions_in(ctx.doc, 0, start)):
        if m.end <= start and ctx.actor_type.get(m.actor_id) == "PER" \
                and person_gender(ctx.doc, m.actor_id) in ("*", gender):
            return m.actor_id
    return None


# the grammatical gender/number a German third-person pronoun agrees with
PRONOUN_AGREEMENT = {"er": ("Masc", "Sing"), "sie": ("Fem", None), "es": ("Neut", "Sing")}


def _previous_group_subject(ctx: _Ctx, start: int, pron: Optional[Token]) -> Optional[str]:
    """A pronoun subject ("Sie teilte mit, …") whose antecedent is the generic group that is
    the subject of the sentence right before it, in the same paragraph ("Die Polizei nahm
    drei Männer fest."), when no actor mention stands between them: the group's
    agent-coded actor (:func:`lagebild.language.reference.resolve_reference`). The group
    noun must agree in gender ("sie": feminine, or any plural). None otherwise. German
    only; needs a parse."""
    if ctx.lang != "de" or not ctx.parsed:
        return None
    tok = pron if pron is not None else ctx.doc.char_span(start, start + 1, alignment_mode="expand")
    tok = tok[0] if tok is not None and not isinstance(tok, Token) else tok
    if tok is None or tok.lower_ not in PRONOUN_AGREEMENT:
        return None
    sent = tok.sent
    if sent.start == 0:
        return None
    prev = ctx.doc[sent.start - 1].sent
    if "\n\n" in doc_text(ctx.doc)[prev.end_char : sent.start_char]:
        return None
    if any(m.end <= start for m in tokens.mentions_in(ctx.doc, prev.start_char, start)):
        return None  # a named actor stands nearer: the resolver's business
    gender, number = PRONOUN_AGREEMENT[tok.lower_]
    for subj in subjects_of(prev.root):
        if subj.pos_ != "NOUN":
            continue
        g, n = subj.morph.get("Gender"), subj.morph.get("Number")
        plural = "Plur" in n
        if tok.lower_ == "sie" and not (plural or "Fem" in g):
            continue
        if tok.lower_ != "sie" and (plural or (g and gender not in g)):
            continue
        s0, e0 = subtree_span(subj)
        actor = _reference(ctx, s0, e0)
        if actor:
            return actor
    return None


def _report_author(ctx: _Ctx, start: int, end: int, window: int = 800, kind: str = "report") -> Optional[str]:
    """The author of a report noun with no author of its own ("dem Bericht zufolge", "der
    Statistik zufolge"): a definite description of a report the text introduced before
    with its author ("nach einem Bericht von Spiegel online", "aus einer Erhebung des
    Bundeskriminalamts") -- the nearest earlier report noun of the same lemma, else the
    nearest report noun of any lemma ("Statistik" after "Erhebung"), in the same paragraph
    and at most ``window`` characters back; the author is
    :func:`lagebild.language.reference.represented` of its noun phrase. None when no
    authored report stands before (then the previous speaker is the source).
    ``kind="person"``: the same for a person proxy ("Der Sprecher" after "ein Sprecher des
    Innenministeriums"), same lemma only -- a lawyer is no spokesman. Head-noun
    match before class match is the order of the definite-description sieves of Lee et
    al. (2013)."""
    if not ctx.parsed:
        return None
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    lemma = (head.lemma_ or head.lower_).lower()
    text = doc_text(ctx.doc)
    lo = max(0, start - window)
    para = text.rfind("\n\n", lo, start)
    lo = para + 2 if para >= 0 else lo
    same: Optional[str] = None
    other: Optional[str] = None
    first = ctx.doc.char_span(lo, start, alignment_mode="expand")
    toks = [t for t in first if t.pos_ in ("NOUN", "PROPN")] if first is not None else []
    for tok in reversed(toks):
        if tok.idx + len(tok) > start or proxy_kind(ctx.doc, tok.idx, tok.idx + len(tok)) != kind:
            continue
        if kind != "report" and (tok.lemma_ or tok.lower_).lower() != lemma:
            continue
        s0, e0 = subtree_span(tok)
        author = represented(ctx.doc, max(s0, tok.idx), min(e0, start))
        if not author and dep(tok) == "obj" and tok.head.pos_ in ("VERB", "AUX"):
            # "Der Rechnungshof legte einen Bericht vor", "Forsa veröffentlichte eine
            # Umfrage": the subject of the verb that publishes it wrote it
            # (a subject the parser hung on the auxiliary counts: "Die Kammer hat einen
            # Antrag eingebracht" with "hat" taken for a full verb)
            subs = subjects_of(tok.head) + [g for c in tok.head.children if dep(c) in ("aux", "aux:pass")
                                            for g in subjects_of(c)]
            subj = [c for c in _undatelined(subs, tok.head) if c.pos_ in ("NOUN", "PROPN") and not _oblique_np(ctx, c)]
            if subj:
                a0, a1 = subtree_span(subj[0])
                author = _reference(ctx, a0, a1) or tokens.actor_in(ctx.doc, a0, a1)
        if not author:
            continue
        if (tok.lemma_ or tok.lower_).lower() == lemma and same is None:
            same = author
            break
        if other is None:
            other = author
    return same or other


@lru_cache(maxsize=4)
def body_nouns(lang: str) -> Dict[str, FrozenSet[str]]:
    """``{lower-case noun lemma: accepted agents}`` of ``data/<lang>/body_nouns.tsv`` (nouns
    naming a body, each with the CAMEO agent codes of the bodies it may refer back to;
    ``IGO`` for an intergovernmental organisation, ``*`` for any); empty for a language
    without the file. Raises DataFileError (file and line) on a row without agents."""
    from ..datafiles import iter_tsv

    path = data_path(lang, "body_nouns.tsv")
    if not path.is_file():
        return {}
    return {r["noun"].lower(): frozenset(r["agents"].split("|"))
            for r in iter_tsv(path, required=("noun", "agents"))}


DEFINITE_ARTICLES = frozenset(("der", "die", "das", "des", "dem", "den", "the"))


def _body_lemma(tok: Token) -> str:
    """The lower-case lemma of a body noun under which ``body_nouns.tsv`` lists it."""
    nouns = body_nouns(tok.doc.lang_)
    lemma = (tok.lemma_ or tok.lower_).lower()
    return lemma if lemma in nouns else tok.lower_


def _definite_body_noun(ctx: _Ctx, tok: Token) -> Optional[FrozenSet[str]]:
    """The agents a definite body noun ``tok`` may refer back to ("die Bank", "des
    Konzerns"), or None when ``tok`` is no body noun of ``body_nouns.tsv``, has no
    definite article, or carries a name or attribute that names an actor of its own."""
    agents = body_nouns(ctx.lang).get(_body_lemma(tok))
    if agents is None:
        return None
    if not any(dep(c) == "det" and c.lower_ in DEFINITE_ARTICLES for c in tok.children):
        return None
    s0, s1 = subtree_span(tok)
    if tokens.mentions_in(ctx.doc, s0, s1):
        return None  # "die Bank Austria", "der Konzern Henkel": a name of its own
    return agents


def _agent_of(code: Optional[str]) -> Optional[str]:
    """The agent of a CAMEO code at the level the body nouns name: ``IGO`` for an
    intergovernmental organisation, else the second three letters (``AUTBUS`` -> BUS)."""
    if not code:
        return None
    return "IGO" if code.startswith("IGO") else (code[3:6] or "GOV")


def _body_antecedent(ctx: _Ctx, before: int, agents: FrozenSet[str], noun: str = "",
                     window: int = 600) -> Optional[str]:
    """The body a definite body noun at character ``before`` refers back to, searched in
    the same paragraph at most ``window`` characters back, the nearer of:

    - the nearest organisation (actor type ORG, a KB or provisional body, not a group the
      resolver made from a noun) whose code's agent is in ``agents`` (``*``: any coded
      body);
    - the name that followed the same noun, or a compound ending in it, when the text
      introduced the body ("der Menschenrechtsorganisation Cepadho zufolge … Wie die
      Organisation mitteilte"): that name's actor, whatever its type or code.

    None when there is neither."""
    text = doc_text(ctx.doc)
    lo = max(0, before - window)
    para = text.rfind("\n\n", lo, before)
    lo = para + 2 if para >= 0 else lo
    found: Optional[Tuple[int, str]] = None
    for m in reversed(tokens.mentions_in(ctx.doc, lo, before)):
        if m.end > before or ctx.actor_type.get(m.actor_id) != "ORG" or not (":" in m.actor_id):
            continue
        agent = _agent_of(ctx.actor_code.get(m.actor_id))
        if agent and ("*" in agents or agent in agents):
            found = (m.start, m.actor_id)
            break
    if noun:
        span = ctx.doc.char_span(lo, before, alignment_mode="contract")
        for tok in reversed(list(span) if span is not None else []):
            if found is not None and tok.idx < found[0]:
                break
            if tok.pos_ != "NOUN" or not tok.lower_.endswith(noun) or tok.i + 1 >= len(ctx.doc):
                continue
            nxt = ctx.doc[tok.i + 1]
            named = [m for m in tokens.mentions_in(ctx.doc, nxt.idx, nxt.idx + len(nxt)) if m.start >= nxt.idx]
            if named:
                return named[0].actor_id
    return found[1] if found else None


# dependents that give a spokesperson a body, a name or an owner of its own
_OWNER_DEPS = frozenset(("nmod", "nmod:poss", "poss", "det:poss", "appos", "flat", "flat:name", "compound", "ag", "pg"))


def _bare_spokesperson(ctx: _Ctx, start: int, end: int, np_head: Optional[Token]) -> Optional[str]:
    """The actor a bare spokesperson speaks for ("…, sagte ein Sprecher", with no body,
    name or possessive of its own; nouns of ``data/<lang>/spokesperson_nouns.txt``): the
    subject of the sentence before (or of the same sentence before the phrase) when it is
    a body, an agent-coded group ("Die Polizei nahm … fest") or a person with a code;
    else the nearest organisation of the KB or a provisional one named in those two
    sentences ("aus Sicht der EU-Kommission"). Never a state or a place (the role noun
    takes the context's country anyway), nor a mention in a dateline. None when the
    phrase is no bare spokesperson or no such actor stands there (the linker's reading of
    the role noun stays)."""
    if np_head is None or not ctx.parsed:
        return None
    if np_head.lower_ not in lang_words(ctx.lang, "spokesperson_nouns.txt"):
        return None
    for c in np_head.children:
        if dep(c) == "det" and "Poss=Yes" in str(c.morph):
            return None
        if dep(c) in _OWNER_DEPS and c.i > np_head.i:
            cases = [g.lower_ for g in c.children if dep(g) == "case"]
            if not cases or cases[0] in ("von", "vom", "of", "für", "for"):
                return None  # "ein Sprecher der Polizei", "ein Sprecher, Max Muster"
        elif dep(c) in _OWNER_DEPS:
            return None
    head_end = np_head.idx + len(np_head)
    if any(not (m.start >= np_head.idx and m.end <= head_end) or ":" in m.actor_id
           for m in tokens.mentions_in(ctx.doc, start, end)):
        return None  # a name or a body in the phrase
    before = _this_and_previous_sentence(ctx, start)
    if not before:
        return None

    def usable(actor_id: Optional[str]) -> bool:
        # the resolver may have just added a group actor ("AUTCOP"): look it up afresh
        a = next((x for x in tokens.get_list(ctx.doc, "actors") if x.id == actor_id), None) if actor_id else None
        if a is None or not a.code:
            return False
        return a.type in ("ORG", "GRP") or (a.type == "PER" and len(a.code) >= 6)

    for sp in reversed(before):
        root = sp.root
        subs = subjects_of(root) + [g for c in root.children if dep(c) in ("aux", "aux:pass")
                                    for g in subjects_of(c)]
        for tok in sorted(_undatelined(subs, root, sp), key=lambda t: t.i):
            if tok.idx >= start:
                continue
            s0, s1 = subtree_span(tok)
            s1 = min(s1, start)
            if _in_dateline(ctx, tok.idx):
                continue
            got = tokens.actor_in(ctx.doc, tok.idx, tok.idx + len(tok)) or (
                _reference(ctx, s0, s1) if group_agent(tok) else None)
            if usable(got):
                return got
    lo = before[0].start_char
    actors = {a.id: a for a in tokens.get_list(ctx.doc, "actors")}
    for m in reversed(tokens.mentions_in(ctx.doc, lo, start)):
        a = actors.get(m.actor_id)
        if a is not None and m.end <= start and a.type == "ORG" and a.code and ":" in m.actor_id \
                and not _in_dateline(ctx, m.start):
            return m.actor_id
    return None


def _body_anaphor(ctx: _Ctx, start: int, end: int, np_head: Optional[Token]) -> Optional[str]:
    """The body a speaker phrase at ``[start, end)`` refers back to by a definite body
    noun (:func:`body_nouns`): the phrase's own head ("Die Bank erklärte") or, for a
    spokesperson or other proxy, the head of its genitive ("eine Sprecherin der
    Organisation"); the body is :func:`_body_antecedent`. None otherwise or without a
    parse."""
    if not ctx.parsed:
        return None
    head = np_head
    if head is None:
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        head = span.root
    agents = _definite_body_noun(ctx, head)
    if agents is not None:
        return _body_antecedent(ctx, start, agents, _body_lemma(head))
    if proxy_kind(ctx.doc, start, end) != "person":
        return None
    for c in head.children:
        if c.i > head.i and start <= c.idx < end and dep(c) in ("nmod", "ag", "pg", "nmod:poss"):
            agents = _definite_body_noun(ctx, c)
            if agents is not None:
                return _body_antecedent(ctx, start, agents, _body_lemma(c))
    return None


def _undatelined(subjects: List[Token], verb: Token, sent: Optional[Span] = None) -> List[Token]:
    """``subjects`` of ``verb`` (in the sentence ``sent``, default the verb's) with a
    dateline place the parser took for one replaced by the real Vorfeld subject it hung on
    it ("Wien – Die SPÖ hat eine Aussendung verschickt": the SPÖ, not Vienna). This is
    language.dateline's one repair (:func:`lagebild.language.dateline.dateline_subject`): a
    German V2 clause holds one constituent before the finite verb, so every head the parser
    hung on the place there is part of the subject ("Paris – Präsident Emmanuel Macron
    verurteilte …" with "Macron" hung on "Paris" as a flat name part)."""
    if not subjects:
        return subjects
    dl = dateline_tokens(sent if sent is not None else verb.sent, hyphen=True)
    if not dl:
        return subjects
    finite_i = min([verb.i] + [c.i for c in verb.children if dep(c) in ("aux", "aux:pass")])
    out: List[Token] = []
    for t in subjects:
        out += dateline_subject([t], finite_i, dl) if t.i in dl else [t]
    return out


def _untimed(ctx: _Ctx, subjects: List[Token], verb: Token, content: Tuple[int, int]) -> List[Token]:
    """Subjects without a fronted time phrase the parser took for one ("Anfang März hatte
    er betont", "Mitte Mai sagte sie", "Gestern sagte er": "Anfang"/"Mitte"/"Gestern" as
    nsubj). A subject whose head is a time noun or day word of
    :mod:`lagebild.language.timewords` and holds no actor mention names no one;
    when it was the only one, the pronoun or noun the parser hung after the verb as an object
    is the subject (the V2 order puts the real subject there)."""
    timed = [t for t in subjects if t.i < verb.i and time_phrase_head(t, ctx.lang)]
    if not timed:
        return subjects
    rest = [t for t in subjects if t not in timed]
    if rest:
        return rest
    after = [c for c in verb.children if c.i > verb.i and dep(c) in ("nsubj", "obj", "iobj")
             and c.pos_ in ("PRON", "NOUN", "PROPN") and not (content[0] <= c.idx < content[1])]
    return after[:1]


def _modifier_only(ctx: _Ctx, start: int, end: int) -> bool:
    """Every actor mention in ``[start, end)`` is only the first part of a hyphenated
    compound ("CDU-Politiker", "Kreml-Sprecher", "SPD-Chefin"): the compound's head (its
    last part) is a person described by that affiliation."""
    text = doc_text(ctx.doc)
    found = tokens.mentions_in(ctx.doc, start, end)
    if not found:
        return False
    heads = _person_heads(ctx.lang)
    for m in found:
        # the whole word around the mention ("CDU-Politiker" for a mention "CDU")
        e = m.end
        while e < len(text) and (text[e].isalnum() or text[e] == "-"):
            e += 1
        word = text[m.start : e]
        if "-" not in word or ctx.actor_type.get(m.actor_id) not in ("ORG", "GPE", "NORP", None):
            return False
        head = word.rsplit("-", 1)[1].lower()
        if not head or head in ctx.actor_name.get(m.actor_id, "").lower() or not head.endswith(heads):
            return False  # "CDU-Fraktion" is the party's group; "Baden-Württemberg" a name
    return True


_person_heads = person_role_heads  # the interview rules' list (language.turns)


def _media_reports(ctx: _Ctx, start: int, end: int) -> Optional[str]:
    """The media of unknown country ("---MED") for a speaker phrase that is only a plural
    report noun with no article, owner or mention of its own ("Laut Berichten", "Berichten
    zufolge", "laut übereinstimmenden Meldungen"; lemmas in
    ``data/<lang>/media_report_nouns.txt``): the media at large, not the source the text
    named last. None otherwise."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or tokens.mentions_in(ctx.doc, start, end):
        return None
    head = span[-1]
    if (head.lemma_ or head.text) not in lang_words(ctx.lang, "media_report_nouns.txt", lower=False):
        return None
    # adjectives only before it; a capitalised participle the tagger took for a noun
    # ("Übereinstimmenden Berichten zufolge") has a lower-case lemma
    prefix = list(span[:-1])
    if "Plur" not in head.morph.get("Number") or not all(t.pos_ == "ADJ" or t.lemma_[:1].islower() for t in prefix):
        return None
    if any(c not in prefix and dep(c) not in ("case", "punct") for c in head.children):
        return None  # "Berichten der Zeitung", "Berichten aus Washington"
    return group_actor(ctx.doc, "MED", None, doc_text(ctx.doc)[start:end], start, end)


def _placeless_group(ctx: _Ctx, ref: str, start: int, end: int, head: Optional[Token]) -> str:
    """``ref``, or the group of unknown country ("---GOV") when ``ref`` is a country's group
    ("AUTGOV") that the reference resolver gave a speaker phrase headed by a group noun
    whose members serve another state than the one they are in ("Viele Diplomaten",
    ``data/<lang>/placeless_groups.txt``) and that names no country or body of its own,
    when that country is the document's (:func:`document_country`: the dateline's or the
    one named most): where they are, not whom they serve. A group of another country the
    resolver found named before ("russische Diplomaten … Die Diplomaten") keeps it."""
    if head is None or len(ref) != 6 or ":" in ref or ref.startswith("---"):
        return ref
    if (head.lemma_ or head.text) not in lang_words(ctx.lang, "placeless_groups.txt", lower=False):
        return ref
    if tokens.mentions_in(ctx.doc, start, end) or ref[:3] != document_country(ctx.doc):
        return ref  # its own words, or a group of another country named before ("russische Diplomaten")
    return group_actor(ctx.doc, ref[3:6], None, doc_text(ctx.doc)[start:end], start, end)


def _reference(ctx: _Ctx, start: int, end: int) -> Optional[str]:
    """The actor a description or pronoun refers to (the language layer's resolver)."""
    return resolve_reference(ctx.doc, start, end)


def _last_mention_end(ctx: _Ctx, actor: str, before: int) -> int:
    ends = [m.end for m in tokens.mentions_in(ctx.doc, 0, before) if m.actor_id == actor and m.end <= before]
    return max(ends) if ends else before


def _turn_speaker(turn: Turn) -> str:
    return turn.speaker_actor_id or turn.speaker_text


def _outlet_before(ctx: _Ctx, start: int, end: int) -> Optional[str]:
    """The news outlet (an actor whose code has the agent MED) named last in the sentence
    of ``start`` before it or in the sentence before ("Die Landung wurde vom Sender X
    übertragen. Dem Bericht zufolge …"): the author of the report noun phrase at
    ``[start, end)`` that has none of its own -- no owner phrase ("Angaben der Behörden")
    or possessive -- and no authored report before it (:func:`_report_author`). Not one
    in a dateline; None when no outlet stands there."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand") if ctx.parsed else None
    if span is None or not len(span) or any(dep(c) in _OWNER_DEPS and start <= c.idx < end for c in span.root.children):
        return None
    before = _this_and_previous_sentence(ctx, start)
    if not before:
        return None
    codes = {a.id: a.code for a in tokens.get_list(ctx.doc, "actors")}
    for m in reversed(tokens.mentions_in(ctx.doc, before[0].start_char, start)):
        code = codes.get(m.actor_id) or ""
        if m.end <= start and code[3:6] == "MED" and not _in_dateline(ctx, m.start):
            return m.actor_id
    return None


def _apposed_person(ctx: _Ctx, start: int, end: int) -> Optional[str]:
    """The person a speaker phrase at ``[start, end)`` names in apposition after a comma
    ("die Richterin am Landesgericht, Maria X"): a person mention after a comma inside the
    phrase, or right after its end (the parse may end the subject at the role's
    of-phrase), with no other person named in the phrase before it. None otherwise -- a
    dependent that names another actor ("der Vorwurf der Staatsanwaltschaft") keeps the
    phrase unresolved."""
    text = doc_text(ctx.doc)
    found = tokens.mentions_in(ctx.doc, start, end)
    # the name may stand inside the phrase or right after it (the parse ended the subject
    # at the role's of-phrase: "sagte die Richterin am Landesgericht, Maria X, am Montag")
    after = [m for m in tokens.mentions_in(ctx.doc, end, end + 4) if m.start >= end] \
        if text[end:end + 3].lstrip().startswith(",") else []
    for m in found + after[:1]:
        if m.start <= start or not text[start:m.start].rstrip().endswith(",") \
                or ctx.actor_type.get(m.actor_id) != "PER":
            continue
        # no other person in the phrase before the name ("die Mutter von Anna Y, Eva Z")
        if any(o.start < m.start and o.actor_id != m.actor_id and ctx.actor_type.get(o.actor_id) == "PER"
               for o in found):
            return None
        return m.actor_id
    return None


@lru_cache(maxsize=None)
def _seat_words(lang: str) -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """``(seat prepositions, seated agents)`` of the KB's ``linking.yaml`` (``seat``,
    ``seated_agents``) for ``lang``; empty sets without a KB."""
    try:
        from ..actors.kb import load_kb

        linking = load_kb(include_user=False).linking
    except Exception:  # pragma: no cover - the KB is optional here
        return frozenset(), frozenset()
    pick = lambda name: frozenset((linking.get(name) or {}).get(lang) or [])  # noqa: E731
    return frozenset(w.lower() for w in pick("seat")), pick("seated_agents")


def _seated_group(ctx: _Ctx, start: int, end: int, np_head: Optional[Token]) -> Optional[str]:
    """A group noun of a seated agent (a court, the police: ``linking.yaml``
    seated_agents) followed by a seat preposition and a place ("die Polizei in
    Manchester", "die Staatsanwaltschaft in Lyon") speaks for that agent of the place's
    country (GBRCOP, FRAJUD), as the linker codes "ein Richter in Manchester"; None
    otherwise."""
    if np_head is None or not ctx.parsed:
        return None
    preps, agents = _seat_words(ctx.lang)
    agent = group_agent(np_head)
    if agent not in agents:
        return None
    countries = {a.id: (a.type, a.country) for a in tokens.get_list(ctx.doc, "actors")}
    for c in np_head.children:
        if c.i < np_head.i or dep(c) not in ("nmod", "obl") \
                or not any(dep(g) == "case" and g.lower_ in preps for g in c.children):
            continue
        for m in tokens.mentions_in(ctx.doc, c.idx, c.idx + len(c)):
            atype, country = countries.get(m.actor_id, (None, None))
            if atype in ("GPE", "LOC") and country and len(country) == 3:
                return group_actor(ctx.doc, agent, country, doc_text(ctx.doc)[start:end], start, end)
    return None


def _previous_person(ctx: _Ctx, before: int) -> Optional[str]:
    for m in reversed(tokens.mentions_in(ctx.doc, 0, before)):
        if ctx.actor_type.get(m.actor_id) in ("PER", None) and m.end <= before:
            return m.actor_id
    return None


def _is_passive(verb: Token) -> bool:
    """"wurden bestätigt", "was confirmed": a participle with a passive auxiliary."""
    if not (verb.tag_ in ("VVPP", "VBN") or "Part" in tokens.morph_values(verb, "VerbForm")):
        if not (verb.tag_ == "VVFIN" and verb.lower_.endswith("t") and any(
            dep(c) == "aux" and (c.lemma_ or "").lower() == "werden" and c.i < verb.i for c in verb.children
        )):
            return False
        # ("Ein Anstieg wird im Herbst erwartet": a finite verb takes no "werden" auxiliary —
        # the tagger's VVFIN on an -t form under "wird" is the participle)
    for c in verb.children:
        if dep(c) == "aux:pass" or (dep(c) == "aux" and ("Pass" in tokens.morph_values(c, "Voice") or c.lemma_ == "werden")):
            return True
    return False


PASSIVE_SPEAKER_PREPOSITIONS = {"de": {"von", "vom", "im", "aus", "in"}, "en": {"by"}}


def _passive_like(verb: Token) -> bool:
    """A passive, also where the tagger calls the participle an adjective ("wurde … betont")."""
    if _is_passive(verb):
        return True
    return verb.tag_ in ("VVPP", "ADJD") and any(
        dep(c) in ("aux", "aux:pass") and (c.lemma_ or "").lower() == "werden" for c in verb.children
    )


def _institution_noun(lang: str, word: str) -> bool:
    """``word`` or its compound head ("Innenministerium" -> "Ministerium") is a group noun of
    the reference lexicon (an institution or body that can speak)."""
    from ..language.reference import load_reference_lexicon

    lex = load_reference_lexicon(lang)
    low = word.lower()
    for k in range(0, max(1, len(low) - 4)):
        hit = lex.lookup(low[k:]) if k == 0 else lex.words.get(low[k:])
        if hit is not None:
            return hit.kind == "group"
    return False


def _passive_speaker(ctx: _Ctx, verb: Token, sent: Span, content: Tuple[int, int]) -> List[Token]:
    """The speaker of a passive speech verb: its "von"/"by" agent, or the institution it was
    said in ("im Innenministerium", "aus dem Kanzleramt") when that is an actor mention or a
    group the reference lexicon knows — else none."""
    preps = PASSIVE_SPEAKER_PREPOSITIONS.get(ctx.lang, set())
    heads = [verb] + [c for c in verb.children if dep(c) in ("aux", "aux:pass")]
    for h in heads:
        for c in h.children:
            if dep(c) not in ("obl", "obl:agent", "nmod") or c.pos_ not in ("NOUN", "PROPN"):
                continue
            if not any(g.lower_ in preps and dep(g) == "case" for g in c.children):
                continue
            s, e = subtree_span(c)
            if content[0] <= s < content[1]:
                continue
            known = tokens.mentions_in(ctx.doc, c.idx, c.idx + len(c)) or _reference(ctx, c.idx, c.idx + len(c))
            if not known:
                known = _institution_noun(ctx.lang, c.text)
            if known:
                ctx.subject_head = c
                return [t for t in sent if s <= t.idx < e and t.lower_ not in preps]
    return []


def _bare_fronted(ctx: _Ctx, tok: Token, sent: Span) -> bool:
    """A one-word sentence opener with no dependents and no actor mention."""
    return tok.i == sent.start and not list(tok.children) and not tokens.mentions_in(ctx.doc, tok.idx, tok.idx + len(tok))


# German determiners that are never nominative (accusative, dative or genitive forms only):
# a noun phrase they open cannot be a subject, whatever the parser says. From the
# declension tables of the definite and indefinite article and the possessives.
OBLIQUE_DETERMINERS = {
    "de": frozenset("den dem des einen einem eines diesen diesem jenen jenem keinen keinem keines "
                    "seinen seinem ihren ihrem unseren unserem euren eurem meinen meinem deinen deinem".split()),
}


def _oblique_np(ctx: _Ctx, tok: Token) -> bool:
    """``tok`` heads a noun phrase opened by a determiner that is never nominative ("den
    Vorwurf", "dem Minister"): no subject."""
    dets = [c for c in tok.children if dep(c) == "det" and c.i < tok.i]
    return bool(dets) and dets[0].lower_ in OBLIQUE_DETERMINERS.get(ctx.lang, frozenset())


def _named_np(ctx: _Ctx, tok: Token) -> bool:
    """A noun phrase with a determiner, or one that mentions an actor."""
    s, e = subtree_span(tok)
    return any(dep(c) == "det" for c in tok.children) or bool(tokens.mentions_in(ctx.doc, s, e))


@lru_cache(maxsize=4)
def _source_prepositions(lang: str) -> frozenset:
    """``data/<lang>/source_prepositions.txt`` (empty when the language has none)."""
    return lang_words(lang, "source_prepositions.txt")


@lru_cache(maxsize=4)
def _document_prepositions(lang: str) -> frozenset:
    """``data/<lang>/document_prepositions.txt`` (empty when the language has none)."""
    return lang_words(lang, "document_prepositions.txt")


def _source_preposition(ctx: _Ctx, prep: Token, noun: Optional[Token]) -> bool:
    """Whether ``prep`` + its object ``noun`` name the source of an impersonal report: a
    source preposition ("seitens", "aus", ``source_prepositions.txt``), or a document
    preposition ("im", ``document_prepositions.txt``) whose object is a document an actor
    issued (a ``report`` noun of ``proxy_nouns.tsv``: "heißt es im Antrag")."""
    low = prep.lower_
    if low in _source_prepositions(ctx.lang):
        return True
    return noun is not None and low in _document_prepositions(ctx.lang) \
        and proxy_kind(ctx.doc, noun.idx, noun.idx + len(noun)) == "report"


def _impersonal_source(ctx: _Ctx, verb: Token, sent: Span, content: Tuple[int, int]) -> List[Token]:
    """The source of an impersonal report with an expletive subject ("heißt es seitens der
    SPÖ", "Aus dem Büro Nagl heißt es", "hieß es aus dem Ministerium", "heißt es im
    Antrag"): the object of a source preposition (:func:`_source_preposition`) attached to
    the verb, outside the content; empty when there is none ("In dem Brief heißt es …"
    names no speaker)."""
    if not ctx.parsed or not any(c.lower_ in IMPERSONAL_PRONOUNS and dep(c) in ("nsubj", "expl", "ep", "sb") for c in verb.children):
        return []
    preps = _source_prepositions(ctx.lang)
    for c in verb.children:
        if c.pos_ == "ADP" and not (content[0] <= c.idx < content[1]):
            # the parser hung the preposition on the verb ("heißt es seitens der SPÖ")
            objs = [g for g in c.children if g.pos_ in ("NOUN", "PROPN")]
            if objs and _source_preposition(ctx, c, objs[0]):
                s, e = subtree_span(objs[0])
                return [t for t in sent if s <= t.idx < e]
        if c.pos_ not in ("NOUN", "PROPN") or content[0] <= c.idx < content[1]:
            continue
        case = [g for g in c.children if dep(g) == "case" and _source_preposition(ctx, g, c)]
        if not case:
            continue
        s, e = subtree_span(c)
        return [t for t in sent if s <= t.idx < e and t.i != case[0].i and t.i > case[0].i]
    # a dateline may capture the fronted phrase in the parse ("Graz – Aus dem Büro X heißt
    # es"): a source phrase opening the Vorfeld right before the verb
    start = report_start(sent)
    first = ctx.doc[start] if start < sent.end else None
    if first is not None and first.lower_ in preps and first.i < verb.i and not (content[0] <= first.idx < content[1]):
        phrase = [t for t in ctx.doc[first.i + 1 : verb.i] if not t.is_punct]
        if phrase and any(t.pos_ in ("NOUN", "PROPN") for t in phrase) and not any(t.pos_ in ("VERB", "AUX") for t in phrase):
            return phrase
    return _there_source(ctx, verb, sent, content)


def _there_source(ctx: _Ctx, verb: Token, sent: Span, content: Tuple[int, int]) -> List[Token]:
    """The source of "heißt es dort" (session 31, #11): the tokens of the last mention of
    an organisation (actor type ORG) in the sentence before, when ``verb`` has a "dort"
    adverb outside the content; [] otherwise (a place named last -- "in Wien. Dort hieß
    es" -- is no source, and nothing is guessed across a paragraph break)."""
    words = lang_words(ctx.lang, "there_adverbs.txt")  # "dort", "dorther"
    there = [c for c in verb.children if c.lower_ in words and not (content[0] <= c.idx < content[1])]
    if not there:
        adp = [c for c in verb.children if c.pos_ == "ADP" and c.lower_ == "von"]
        there = [g for c in adp for g in c.children if g.lower_ in words]
    if not there or sent.start == 0:
        return []
    prev = ctx.doc[sent.start - 1].sent
    text = doc_text(ctx.doc)
    if "\n\n" in text[prev.start_char:sent.start_char]:
        return []
    orgs = [m for m in tokens.mentions_in(ctx.doc, prev.start_char, prev.end_char)
            if ctx.actor_type.get(m.actor_id) == "ORG"]
    if not orgs:
        return []
    last = max(orgs, key=lambda m: m.start)
    return [t for t in prev if last.start <= t.idx < last.end]


@lru_cache(maxsize=4)
def _outlet_nouns(lang: str) -> FrozenSet[str]:
    """Lower-case nouns of news outlets: the KB's agent nouns with the CAMEO agent MED
    (``data/kb/agents.tsv``: "Zeitung", "Sender", "Nachrichtenagentur" …), less those naming
    a person ("Journalist")."""
    from ..datafiles import iter_tsv

    out = set()
    for row in iter_tsv(data_path("kb", "agents.tsv"), required=("lang", "term", "agent")):
        if row["lang"] == lang and row["agent"] == "MED" and not row.get("infl") == "ent":
            out.add(row["term"].lower())
    return frozenset(out)


def _outlet(ctx: _Ctx, tok: Token) -> bool:
    """``tok`` heads a news outlet: an outlet noun or a compound of one ("Bild-Zeitung",
    "Tageszeitung"), or an actor mention coded as media (…MED) on the phrase's own core
    (the head and its name parts, flat/appos/compound children) -- not on a phrase hung
    below it: in "sagte ein Sprecher der Feuerwehr der APA" the parser may hang the
    addressee "der APA" on "Feuerwehr", which is no outlet for that (session 31, #11)."""
    low = tok.lower_
    nouns = _outlet_nouns(ctx.lang)
    if low in nouns or any(low.endswith(n) and len(low) > len(n) for n in nouns):
        return True
    core = [tok] + [c for c in tok.children if dep(c) in ("flat", "flat:name", "appos", "compound")]
    s, e = min(t.idx for t in core), max(t.idx + len(t) for t in core)
    codes = {a.id: a.code for a in tokens.get_list(ctx.doc, "actors")}
    return any((codes.get(m.actor_id) or "").endswith("MED") for m in tokens.mentions_in(ctx.doc, s, e))


def _subject_end(ctx: _Ctx, head: Token) -> int:
    """End of the subject headed by ``head``: its subtree, less a noun phrase the parser hung
    on a pronoun or a person's name that is the verb's addressee ("sagte er der
    Bild-Zeitung", "sagte Sinn der Passauer Neuen Presse") — a pronoun or a name takes no
    genitive."""
    end = subtree_span(head)[1]
    person = head.pos_ == "PRON" or (head.pos_ in ("PROPN", "NOUN") and any(
        ctx.actor_type.get(m.actor_id) == "PER" for m in tokens.mentions_in(ctx.doc, head.idx, head.idx + len(head))))
    for c in head.subtree:
        if c.i > head.i and dep(c) in ("nmod", "iobj", "obj", "appos", "flat", "flat:name") and c.pos_ in ("NOUN", "PROPN"):
            first = min(c.subtree, key=lambda x: x.i)
            det = first.lower_ if first.pos_ == "DET" else ""
            # a dative ("dem Sender ORF", "einem Reporter") is never a noun's attribute; an
            # outlet after a description or name is the addressee ("sagte der Kanzler der
            # Bild-Zeitung", "sagte Sinn der Passauer Neuen Presse"); a person's name or a
            # pronoun takes no genitive at all
            if det in ("dem", "einem") or (det in ("der", "den") and (person or _outlet(ctx, c))):
                end = min(end, first.idx)
    while end > head.idx + len(head) and doc_text(ctx.doc)[end - 1].isspace():  # (Doc.text joins every token)
        end -= 1
    return end


def _subject_tokens(ctx: _Ctx, verb: Token, sent: Span, content: Tuple[int, int]) -> List[Token]:
    """Tokens of the speech verb's subject: from the parse, else by position."""
    if ctx.parsed:
        source = _impersonal_source(ctx, verb, sent, content)
        if source:
            return source
        subjects = subjects_of(verb)
        if not subjects and dep(verb) in {"conj", "advcl", "xcomp"}:
            subjects = subjects_of(verb.head)  # "…, arguing that …": the main clause's subject
        subjects = [t for t in subjects if not (content[0] <= subtree_span(t)[0] < content[1])]
        if len(subjects) > 1 and any(t.pos_ in ("NOUN", "PROPN") for t in subjects):
            # "Ähnlich sieht das der Geschäftsführer …": the anaphoric object "das" the
            # parser also called a subject names no one
            subjects = [t for t in subjects if not (t.pos_ in ("DET", "PRON") and t.lower_ in ANAPHORS.get(ctx.lang, set()))]
        # a dateline ("Wien – …") is never the subject; the parser may hang the real one on
        # it as an apposition ("Wien – Die Opposition kritisierte: …")
        subjects = _undatelined(subjects, verb, sent)
        subjects = _untimed(ctx, subjects, verb, content)
        if ctx.lang == "de" and any(t.i < verb.i for t in subjects) and any(t.i > verb.i for t in subjects):
            # two "subjects" around a V2 verb: the Vorfeld one -- unless that is a bare
            # fronted word naming no one ("Kritisch äußerte sich der ÖVP-Chef …", a
            # sentence adverb the parser took for a name) and the one after the verb is a
            # real noun phrase (a determiner or an actor mention)
            before = [t for t in subjects if t.i < verb.i]
            after = [t for t in subjects if t.i > verb.i]
            if verb.i > sent.start and ctx.doc[verb.i - 1].text == "," and not all(_oblique_np(ctx, t) for t in after):
                # "…, seien nur zwei Beispiele, erklärte der Naturschutzbund": a verb right
                # after a comma opens a closing frame; its subject follows it
                subjects = after
            elif all(_oblique_np(ctx, t) for t in before) and not all(_oblique_np(ctx, t) for t in after):
                # "Den Vorwurf, … wies der Minister zurück": a fronted object the parser
                # called a subject; its determiner's case rules it out
                subjects = after
            elif not (len(before) == 1 and _bare_fronted(ctx, before[0], sent) and any(_named_np(ctx, t) for t in after)):
                subjects = before
            else:
                subjects = after
        if subjects and (all(dep(t) == "nsubj:pass" for t in subjects) or _is_passive(verb)) or (not subjects and _passive_like(verb)):
            # "Die Listen wurden bestätigt": the passive subject is what was said, not who;
            # the speaker is the agent or the institution it was said in ("wurde im
            # Innenministerium betont", "von der Polizei mitgeteilt")
            return _passive_speaker(ctx, verb, sent, content)
        if not subjects and content[1] <= verb.idx and verb.i + 1 < sent.end:
            # "…, schrieb die Zeitung": the parser may take the inverted subject for an object
            after = [c for c in verb.children if c.i > verb.i and dep(c) in ("obj", "iobj", "obl") and c.pos_ in ("NOUN", "PROPN")]
            if not after and verb.head.i > verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
                after = [verb.head]  # "…, hebt Weinberg hervor": the parser hung the verb on its subject
            if after and after[0].i - verb.i <= 3:
                s, e = subtree_span(after[0])
                if after[0].i == verb.head.i:  # only the name, not the sentence it heads
                    parts = [after[0]] + [c for c in after[0].children if dep(c) in ("flat", "flat:name", "compound", "det", "amod") and c.i > verb.i]
                    s, e = min(t.idx for t in parts), max(t.idx + len(t) for t in parts)
                ctx.subject_head = after[0]
                return [t for t in sent if s <= t.idx < e]
        if subjects and ctx.lang == "de" and all(_oblique_np(ctx, t) for t in subjects):
            # "Seinem Nachfolger warf der Bürgermeister vor, …": the parser took the fronted
            # dative for the subject and the subject after the verb for an object
            real = [c for c in verb.children if c.i > verb.i and dep(c) in ("obj", "iobj", "nsubj")
                    and c.pos_ in ("NOUN", "PROPN") and not _oblique_np(ctx, c)
                    and not (content[0] <= c.idx < content[1])]
            if real:
                subjects = real[:1]
        if subjects:
            # "The economist Petra Lang expects": a parser may split one subject in two
            s = min(subtree_span(t)[0] for t in subjects)
            e = max(_subject_end(ctx, t) for t in subjects)
            if s < content[0] < e:
                # "sagte der Gewerkschaftschef, die Löhne müssten steigen": the parser hung
                # the content on the subject
                e = content[0]
            if s < verb.idx < e:
                e = verb.idx  # "Sie sagte, die Gespräche seien …" with the content hung on "Sie"
            names = [t for t in subjects if t.pos_ == "PROPN"]
            ctx.subject_head = names[0] if names else subjects[0]
            out = [t for t in sent if s <= t.idx < e]
            while len(out) > 1 and out[-1].is_punct:
                out.pop()
            return out
    # the parser saw a verb without subject (impersonal passive, "heißt es"): no guess —
    # unless the tagger took the verb for a noun ("The minister fears that …")
    parse_found_none = ctx.parsed and verb.pos_ in ("VERB", "AUX")
    # surface: mentions nearest to the verb outside the content
    cands = [
        m
        for m in tokens.mentions_in(ctx.doc, sent.start_char, sent.end_char)
        if not (content[0] <= m.start < content[1])
    ]
    if cands:
        # the subject precedes the verb ("X sagte", "wie X feststellte") unless inverted
        # ("…, sagte X"): the nearest mention on the left, else the nearest on the right
        left = [m for m in cands if m.end <= verb.idx]
        best = max(left, key=lambda m: m.end) if left else min(cands, key=lambda m: m.start)
        return [t for t in sent if best.start <= t.idx < best.end]
    # the noun phrase right before the verb (V2/SVO) or right after it (inversion)
    left: List[Token] = []
    j = verb.i - 1
    while j >= sent.start and not ctx.doc[j].is_punct and not (content[0] <= ctx.doc[j].idx < content[1]):
        left.insert(0, ctx.doc[j])
        j -= 1
    if left and ctx.lex.clause_kind(left[0].lower_) in ("as_reported", "complementizer", "conditional"):
        left = left[1:]
    if parse_found_none:
        # the parser sees no subject: only a plain noun phrase before the verb is taken
        # ("Experten erwarten, …"); "Unterdessen wurde … betont" (impersonal) is not
        plain = left and len(left) <= 5 and any(t.pos_ in ("NOUN", "PROPN") for t in left) and not any(
            t.pos_ in ("VERB", "AUX", "ADP", "ADV", "SCONJ") for t in left
        )
        return left if plain else []
    if left and len(left) <= 10:
        return left
    right: List[Token] = []
    j = verb.i + 1
    while j < sent.end and not ctx.doc[j].is_punct and not (content[0] <= ctx.doc[j].idx < content[1]):
        right.append(ctx.doc[j])
        j += 1
    if right:
        # "sagte der Sprecher am Montag" -> keep the capitalised/determiner head part
        keep: List[Token] = []
        for t in right:
            if keep and t.is_lower and t.lower_ not in DETERMINERS.get(ctx.lang, set()) and ctx.lang == "de":
                break
            keep.append(t)
            if len(keep) >= 4:
                break
        return keep
    return left


# ---------------------------------------------------------------- speech verbs


def _finite_after_vorfeld(ctx: _Ctx, tok: Token, sent: Span) -> bool:
    """A past-tense form the tagger called an attributive adjective ("meinte" tagged ADJA
    in "Zur Rolle seiner Partei meinte Mitterlehner …") that the parser still made a verb
    and that follows a noun, name, pronoun or adverb -- the Vorfeld of a V2 clause --, not
    a determiner or adjective as an attributive form does ("das erwartete Urteil")."""
    if tok.pos_ not in ("VERB", "AUX") or tok.i <= sent.start:
        return False
    prev = ctx.doc[tok.i - 1]
    return prev.pos_ in ("NOUN", "PROPN", "PRON", "ADV") and prev.lower_ not in DETERMINERS.get(ctx.lang, set())


def _frame_after_comma(ctx: _Ctx, tok: Token, sent: Span) -> bool:
    """A speech verb the tagger took for an attributive adjective in the closing frame
    "…, sagten/ADJA Sicherheitskräfte am Donnerstag.": right after a comma, not a
    participle ("die gesagten Worte"), a noun phrase after it and the sentence's end within
    eight words (the frame is the end of the sentence)."""
    if ctx.lang != "de" or tok.i <= sent.start or ctx.doc[tok.i - 1].text != ",":
        return False
    if tok.lower_.startswith("ge") or tok.i + 1 >= sent.end:
        return False
    nxt = ctx.doc[tok.i + 1]
    if nxt.pos_ not in ("DET", "NOUN", "PROPN", "PRON"):
        return False
    return not any(t.text == "," for t in ctx.doc[tok.i + 1 : sent.end]) and sent.end - tok.i <= 9


def _speech_candidates(ctx: _Ctx, tok: Token) -> List[SpeechVerb]:
    """The speech-verb entries (speech_verbs.tsv) of ``tok``'s form, else of its lemma."""
    return ctx.lex.verbs_by_form.get(tok.lower_) or ctx.lex.verbs_by_lemma.get(tok.lemma_.lower() if tok.lemma_ else "", [])


def _speech_positions(ctx: _Ctx) -> List[int]:
    """Indices of the Doc's tokens that have :func:`_speech_candidates`, ascending; read
    once per document from its LOWER and LEMMA arrays (no Token objects)."""
    positions = ctx.__dict__.get("_speech_positions")
    if positions is None:
        from spacy.attrs import LEMMA, LOWER

        strings = ctx.doc.vocab.strings
        by_form, by_lemma = ctx.lex.verbs_by_form, ctx.lex.verbs_by_lemma
        # the answer per (LOWER, LEMMA) hash pair, kept on the lexicon across documents
        # (hashes of strings do not change; most pairs recur)
        known = ctx.lex.__dict__.setdefault("_speech_ids", {})
        if len(known) > 200_000:
            known.clear()
        positions = []
        for i, pair in enumerate(map(tuple, ctx.doc.to_array([LOWER, LEMMA]).tolist())):
            hit = known.get(pair)
            if hit is None:
                lower, lemma = pair
                lemma_text = strings[lemma]
                hit = known[pair] = bool(by_form.get(strings[lower]) or by_lemma.get(lemma_text.lower() if lemma_text else "", []))
            if hit:
                positions.append(i)
        ctx.__dict__["_speech_positions"] = positions
    return positions


def _verb_entry(ctx: _Ctx, tok: Token, sent: Span) -> Optional[SpeechVerb]:
    cands = _speech_candidates(ctx, tok)
    if not cands:
        return None
    # German nouns are capitalised: "Berichte", "Sage" are no verbs mid-sentence
    if ctx.lang == "de" and tok.text[:1].isupper() and not tok.is_sent_start:
        return None
    if tok.i > sent.start and ctx.lang == "de" and ctx.doc[tok.i - 1].lower_ == "zu":
        return None  # "ist … zu erwarten": impersonal, left to the forecast cues
    if tok.tag_ == "VB" and tok.i == sent.start:
        return None  # imperative: "Expect delays." has no speaker
    if (tok.tag_ == "ADJA" and not _finite_after_vorfeld(ctx, tok, sent) and not _frame_after_comma(ctx, tok, sent)) \
            or (tok.pos_ == "ADJ" and ctx.lang == "en"):
        return None  # attributive "das erwartete Urteil", "the expected result"
    if tok.pos_ in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "NUM"):
        return None  # "meine Art der Politik": a possessive, not "meinen"
    if tok.pos_ in ("NOUN", "PROPN"):
        # the tagger says noun ("a warning", "the claims") — unless a "that"/"dass" clause
        # follows at once ("The minister fears that …")
        nxt = ctx.doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if nxt is None or ctx.lex.clause_kind(nxt.lower_) != "complementizer":
            return None
    if tok.i > sent.start and ctx.doc[tok.i - 1].lower_ in DETERMINERS.get(ctx.lang, set()):
        return None
    if tok.i > sent.start:
        prev_kind = ctx.lex.clause_kind(ctx.doc[tok.i - 1].lower_)
        nxt = ctx.doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if prev_kind == "comparative" or (prev_kind == "as_reported" and (nxt is None or nxt.is_punct)):
            return None  # "stärker als erwartet", "wie erwartet,", "as expected."
        for j in range(tok.i - 1, max(sent.start, tok.i - 6) - 1, -1):
            t = ctx.doc[j]
            if t.is_punct:
                break
            if ctx.lex.clause_kind(t.lower_) == "comparative" and j > sent.start:
                k = j - 1
                while k > sent.start and ctx.doc[k].is_punct:
                    k -= 1
                before = ctx.doc[k]
                if "Cmp" in before.morph.get("Degree") or before.tag_ in ("JJR", "RBR") or before.lower_ in ("mehr", "weniger", "more", "less", "anders"):
                    return None  # "größer, als wir bisher erwarteten"
    # a verb with a separable particle needs it in its clause before the content
    particles = set()
    if ctx.parsed:
        particles |= {c.lower_ for c in tok.children if dep(c) == "compound:prt"}
    j = tok.i + 1
    while j < sent.end and ctx.doc[j].text not in {",", ":", ";"} and j - tok.i <= 20:
        particles.add(ctx.doc[j].lower_)
        j += 1
    with_particle = [v for v in cands if v.particle and v.particle in particles]
    if with_particle:
        return with_particle[0]
    if ctx.parsed and any(
        dep(c) in ("compound:prt", "compound") and c.pos_ in ("ADP", "PART", "ADV") and c.i > tok.i
        and c.lower_ not in {v.particle for v in cands}
        for c in tok.children
    ):
        return None  # a particle no entry lists makes another verb: "rechnete … aus" (calculate), "sagte … ab" (cancel)
    plain = [v for v in cands if not v.particle]
    return plain[0] if plain else None


def _content_span(ctx: _Ctx, verb: Token, sent: Span) -> Optional[Tuple[int, int]]:
    """Character range of what was said, or None (clipped to the verb's paragraph)."""
    span = _content_span_raw(ctx, verb, sent)
    if span is None:
        return None
    text = doc_text(ctx.doc)
    s, e = span
    para_start = text.rfind("\n\n", 0, verb.idx)
    if para_start != -1 and s < para_start:
        s = para_start + 2
    para_end = text.find("\n\n", verb.idx)
    if para_end != -1 and e > para_end:
        e = para_end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e - s > 3 else None


def _content_span_raw(ctx: _Ctx, verb: Token, sent: Span) -> Optional[Tuple[int, int]]:
    toks = list(sent)
    k = verb.i - sent.start
    after = toks[k + 1 :]
    before = toks[:k]
    # "…, wie X feststellte" / "…, as X said": the content is the clause before "wie"
    for n in range(len(before) - 1, max(-1, len(before) - 12), -1):
        if before[n].is_punct:
            break
        if ctx.lex.clause_kind(before[n].lower_) == "as_reported":
            if n >= 2 and (
                before[n - 1].text != "," or ctx.lex.clause_kind(before[n - 2].lower_) == "comparative"
            ):
                return None  # "so, wie wir erwartet hatten": a comparison
            if n >= 2:
                return char_span(before[:n])
            if before[n].is_lower and sent.start > 0:
                # the sentence splitter cut "…, wie X sagte" off its main clause
                prev = ctx.doc[sent.start - 1].sent
                return char_span(list(prev))
            # sentence-initial "Wie X sagte, …": the content follows the clause
            for m, t in enumerate(after):
                if t.text == ",":
                    return char_span(after[m + 1 :])
            return None
    if ctx.parsed:
        for child in verb.children:
            if dep(child) in CONTENT_LABELS and child.i != verb.i:
                s, e = subtree_span(child)
                if e - s > 3 and not (s <= verb.idx < e):
                    if dep(child) == "xcomp":
                        # "expects the euro to lose value": the object belongs to the content
                        objs = [c for c in verb.children if dep(c) == "obj" and verb.i < c.i < child.i]
                        if objs:
                            s = subtree_span(objs[0])[0]
                    return s, e
    # "…, sagte X." / "…, X said." — the verb near the end after a comma
    stop = len(after)
    for n, t in enumerate(after):
        if t.text in {",", ":", ";"}:
            stop = n
            break
    tail = trim(after)
    tail_is_short = (
        stop >= len(tail) and len(tail) <= 6
        and not (tail and ctx.lex.clause_kind(tail[0].lower_) == "complementizer")  # "…, arguing that …"
    )
    comma_before = None
    for n in range(len(before) - 1, max(-1, len(before) - 6), -1):
        if before[n].text in {",", ":"}:
            comma_before = n
            break
    # "…, und sie forderte mehr Geld": a coordinated main clause (a conjunction or a subject
    # between the comma and the verb) is no reporting frame; German puts the frame's verb
    # right after the comma, at most after an adverb ("…, so betonte X")
    coordinated = ctx.lang == "de" and comma_before is not None and any(
        t.pos_ != "ADV" for t in before[comma_before + 1 :])
    if comma_before is not None and tail_is_short and comma_before >= 2 and not coordinated:
        return char_span(before[:comma_before])
    # "Dass …, vermutet Josef Kalina, SPÖ-naher Berater, …": the verb right after the comma,
    # its subject right after it and then an apposition or relative clause
    head = trim(after[:stop])
    if (
        comma_before is not None and comma_before == len(before) - 1 and comma_before >= 2
        and 0 < len(head) <= 6 and ctx.lex.clause_kind(head[0].lower_) != "complementizer"
        and (ctx.lex.clause_kind(before[0].lower_) == "complementizer" or any(t.text in QUOTE_CLOSERS for t in before[-3:]))
    ):
        return char_span(before[:comma_before])
    # after the verb: skip to ",", ":" or a complementizer; else the rest (English "said he …")
    for n, t in enumerate(after):
        if t.text in {",", ":"} and n <= 12:
            rest = trim(after[n + 1 :])
            if rest:
                return char_span(rest)
            return None
        if (t.lower_,) in ctx.lex.clause_words and ctx.lex.clause_words[(t.lower_,)] == "complementizer" and n <= 6:
            return char_span(after[n:])
    rest = trim(after)
    if ctx.lang != "de" and len(rest) >= 3:
        return char_span(rest)
    return None


def _conditional_commitment(ctx: _Ctx, speaker: str, span: Tuple[int, int]) -> Optional[str]:
    """"conditional" when reported content is a conditional future about the speaker's
    own (or its state's) action: "Er behauptete, dass die USA … würden, wenn …"."""
    doc = ctx.doc
    cspan = doc.char_span(span[0], span[1], alignment_mode="expand")
    toks = list(cspan) if cspan is not None else []
    low = [t.lower_ for t in toks]
    conditional = any(ctx.lex.clause_words.get((w,)) == "conditional" for w in low)
    if not conditional:
        return None
    future = any(
        w in ctx.lex.konjunktiv2 or w in {"werde", "werden", "wird", "will", "would", "'ll", "could"} for w in low
    )
    if not future or speaker in ("author", UNKNOWN):
        return None
    country = ctx.actor_country.get(speaker)
    own = {speaker}
    if country:
        own.add(country)
    for m in tokens.mentions_in(doc, span[0], span[1]):
        if m.actor_id in own or (country and ctx.actor_country.get(m.actor_id) == country and ctx.actor_type.get(m.actor_id) in ("GPE", "ORG")):
            return "conditional"
    # a pronoun subject right after the complementizer that refers back ("dass er …")
    if len(low) >= 2 and low[1] in THIRD_PERSON.get(ctx.lang, set()) | ctx.lex.author_pronouns:
        return "conditional"
    return None


def _add(ctx: _Ctx, stmt: Statement) -> None:
    for old in ctx.out:
        if old.span == stmt.span:
            return
    ctx.out.append(stmt)


def _quote_end(ctx: _Ctx, sent: Span) -> int:
    q = ctx.quote_at(sent.start_char)
    return q.outer[1] if q is not None else sent.start_char


def _has_verb(ctx: _Ctx, start: int, end: int) -> Optional[bool]:
    """Whether ``[start, end)`` holds a verb (None when the Doc is untagged)."""
    if not (ctx.doc.has_annotation("POS") or ctx.doc.has_annotation("TAG")):
        return None
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def is_pseudo_quote(ctx: _Ctx, q: Quote) -> bool:
    """Scare quotes and quoted names — „Diener des Volkes“, "interim" — are no quotations:
    a quote glued into running text (a word right before its opening mark) that holds no
    verb, or any quote without a verb of fewer than three words."""
    text = doc_text(ctx.doc)
    verb = _has_verb(ctx, q.start, q.end)
    n = q.n_words(text)
    if verb is False and n < MIN_QUOTE_WORDS:
        return True
    j = q.outer[0] - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    embedded = j >= 0 and (text[j].isalnum() or text[j] in "-")
    if embedded and verb is False:
        return True
    if verb is None and embedded and n < 4:
        return True
    return False


def _addressee(ctx: _Ctx, verb: Token, frame: Optional[SpeechFrame], content: Tuple[int, int]) -> Optional[str]:
    """The addressee of ``verb`` as written, by the frame's markers (parse needed)."""
    if frame is None or not frame.addressee or not ctx.parsed:
        return None
    for c in verb.children:
        s, e = subtree_span(c)
        if content[0] <= s < content[1]:
            continue
        d = dep(c)
        if d in frame.addressee and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return doc_text(ctx.doc)[s:e]
        if c.lower_ in frame.addressee and d in ("case", "prep", "obl", "mark") or (
            c.lower_ in frame.addressee and c.pos_ == "ADP"
        ):
            return doc_text(ctx.doc)[s:e]
        if d in ("obl", "nmod") and any(g.lower_ in frame.addressee and dep(g) == "case" for g in c.children):
            return doc_text(ctx.doc)[s:e]
    return None


def _clause_words_after(ctx: _Ctx, tok: Token, sent: Span) -> List[str]:
    out = []
    j = tok.i + 1
    while j < sent.end and ctx.doc[j].text not in {",", ":", ";"} and j - tok.i <= 12:
        out.append(ctx.doc[j].lower_)
        j += 1
    j = tok.i - 1
    while j >= sent.start and ctx.doc[j].text not in {",", ":", ";"} and tok.i - j <= 6:
        out.append(ctx.doc[j].lower_)
        j -= 1
    return out


def _anaphoric_object(ctx: _Ctx, tok: Token, sent: Span) -> bool:
    """"Diese Einschätzung äußerte X", "Das sagte X": the verb's object points back."""
    ana = ANAPHORS.get(ctx.lang, set())
    if ctx.parsed:
        for c in tok.children:
            if dep(c) in ("obj", "nsubj:pass") and (
                c.lower_ in ana or any(d.lower_ in ana and dep(d) == "det" for d in c.children)
            ):
                return True
    # surface: the sentence opens with a demonstrative before the verb
    first = ctx.doc[sent.start]
    return first.lower_ in ana and tok.i - sent.start <= 3


EXPECTATIONS_KEY = "lagebild_expectations"


def _reporting_frame(ctx: _Ctx, span: Tuple[int, int], sent: Span) -> bool:
    """The candidate content is itself a short reporting frame that opens with a speech
    verb ("hebt Weinberg hervor", "sagte der Minister"): it attributes the clause before it,
    it is no content of the verb before it."""
    toks = [t for t in sent if span[0] <= t.idx < span[1] and not t.is_punct]
    if not toks or len(toks) > 6:
        return False
    first = toks[0]
    return bool(ctx.lex.verbs_by_form.get(first.lower_)) and first.i > sent.start and ctx.doc[first.i - 1].text == ","


def _correlate_preposition_near(correlate: Optional[str], tok: Token, sent: Span) -> bool:
    """The preposition of a required correlate ("damit" -> "mit", "davon" -> "von") stands
    in the verb's sentence: an expectation verb that needs its correlate takes a noun-phrase
    object only with that preposition ("rechnet mit einer Eskalation", "geht von einem
    Wachstum aus"); "ging … leer aus" or "rechnet die Kosten durch" expects nothing."""
    if not correlate:
        return True
    prep = correlate[3:] if correlate.startswith("dar") else correlate[2:] if correlate.startswith("da") else correlate
    return any(t.lower_ in (prep, correlate) for t in sent if t.i != tok.i)


def _demanded_object(lang: str, obj: Token) -> bool:
    """The noun-phrase object of an expectation verb names conduct one asks of someone
    ("erwartet Respekt von seinen Kollegen", "erwartet von ihren Schülern Pünktlichkeit",
    "erwarten sich klare Antworten", "expects loyalty from"), or a child on the way ("erwartet
    ihr zweites Kind", "is expecting twins"): "erwarten"/"expect" of a demand or of a
    pregnancy, no prediction (Duden "erwarten" 2 "verlangen"; ``expect_demand_objects`` and
    ``expect_birth_objects`` in forecast_words.tsv; a demand on the word and its lemma, a child
    on the word as written only)."""
    from ..forecasts.lexicon import forecast_words  # (the forecasts package reads this module)

    demands = forecast_words("expect_demand_objects", lang)
    # (the child as written, not its lemma: "erwartet 300 Kinder" counts pupils)
    return obj.lower_ in demands or (obj.lemma_ or "").lower() in demands or obj.lower_ in forecast_words("expect_birth_objects", lang)


def _expected_np(ctx: _Ctx, tok: Token, sent: Span) -> bool:
    """An expectation verb whose object is a noun phrase — "Experten erwarten eine
    Eskalation", "rechnet mit 8.000 Flüchtlingskindern", "sagt hohe Zollkosten voraus",
    "expect a recession": no statement (nothing is reported as said), but an expectation of
    the subject, kept in ``doc.user_data["lagebild_expectations"]`` as
    ``(sentence start, sentence end, holder id, holder text, cue)`` for the forecasts."""
    if not ctx.parsed:
        return False
    if _is_passive(tok):
        # "Am Montag wurden 5.000 Schutzsuchende erwartet": an expectation whose holder the
        # sentence does not name (the forecasts take the reporting speaker, else the author)
        # (a bare noun phrase the parser calls "obl" or "obj" — no preposition; a passive
        # takes no accusative object — is the subject it missed: "Zur Premiere werden rund
        # 5.000 Zuschauer erwartet", forecasts s20)
        if any(
            (dep(c) in ("nsubj", "nsubj:pass") and c.pos_ in ("NOUN", "NUM", "PROPN"))
            or (dep(c) in ("obl", "obj") and c.pos_ in ("NOUN", "NUM") and not any(dep(g) == "case" for g in c.children))
            for c in tok.children
        ):
            ctx.doc.user_data.setdefault(EXPECTATIONS_KEY, []).append(
                (sent.start_char, sent.end_char, UNKNOWN, None, tok.text)
            )
            return True
        return False
    if ctx.lang == "de" and (tok.lemma_ or "").lower() == "rechnen" and _computed_object(ctx, tok, sent):
        # "Der Schüler rechnet die Aufgabe mit dem Taschenrechner": "rechnen" with an
        # accusative object computes it; only "rechnen mit" without one expects (Duden)
        return False
    fronted = _fronted_mit_object(ctx, tok, sent) or _dateline_held(ctx, tok, sent)
    if fronted is not None:
        head, holder = fronted
        s, e = holder[0].idx, holder[-1].idx + len(holder[-1])
        if is_impersonal(ctx.lang, holder[0].text):
            return False
        speaker, speaker_text = resolve_speaker(ctx, s, e, head=head if len(holder) == 1 else None, np_head=head)
        ctx.doc.user_data.setdefault(EXPECTATIONS_KEY, []).append(
            (sent.start_char, sent.end_char, speaker, speaker_text, tok.text)
        )
        return True
    obj = None
    kids = list(tok.children)
    kids += [g for c in kids if dep(c) in ("xcomp", "compound:prt") for g in c.children]
    # "Für 2027 rechnet das Unternehmen mit einem Anstieg": after a fronted phrase the parser
    # may hang the "mit" object on the subject that follows the verb (s23)
    kids += [g for c in list(tok.children) if dep(c) == "nsubj" and c.i > tok.i for g in c.children
             if dep(g) == "nmod" and g.i > c.i and any(x.lower_ == "mit" and dep(x) == "case" for x in g.children)]
    dl = dateline_tokens(sent, hyphen=True)  # (a dateline place the parser called a subject is none)
    subjects = [c for c in tok.children if dep(c) == "nsubj" and c.i not in dl]
    # of two subjects, one with an accusative or dative article is the object ("Einen
    # Anstieg erwartet der Verband"); else the second is ("Für den Montag erwartet die Polizei … Flüchtlinge")
    oblique = [c for c in subjects if _oblique_np(ctx, c)] if len(subjects) > 1 else []
    if len(oblique) == 1:
        kids = oblique + [c for c in kids if c.i != oblique[0].i]
    for c in kids:
        d = dep(c)
        if oblique and c.i == oblique[0].i:
            obj = c
            break
        if d == "nsubj" and len(subjects) > 1 and c.i != subjects[0].i and (c.pos_ in ("NOUN", "NUM") or (
            c.pos_ == "PROPN" and c.i > tok.i and not tokens.mentions_in(ctx.doc, c.idx, c.idx + len(c))
        )):
            obj = c  # "Für den Montag erwartet die Polizei … Flüchtlinge": the parser's second subject
            break
        if d in ("obj", "nsubj") and c.head.i != tok.i and c.pos_ in ("NOUN", "NUM"):
            obj = c  # (a parser slip under the particle: "sagt … hohe Zollkosten … voraus")
            break
        if d == "obj" and c.pos_ in ("NOUN", "PROPN", "NUM") and c.i > tok.i - 8:
            obj = c
            break
        if d in ("obl", "nmod") and c.pos_ in ("NOUN", "PROPN", "NUM") and any(
            g.lower_ in ("mit", "with") and dep(g) == "case" for g in c.children
        ):
            obj = c
            break
        if d == "obl" and c.lower_ in ("mit",):
            obj = c
            break
        if (bare := _bare_object_after(ctx, tok, c)) is not None:
            obj = bare  # "erwartet … an allen Deichen Hochwasser": the object the parser misread
            break
    if obj is None:
        obj = _slipped_object(ctx, tok, sent)
    if obj is None or _demanded_object(ctx.lang, obj):
        return False
    ospan = subtree_span(obj)
    ctx.subject_head = None
    subj = [t for t in _subject_tokens(ctx, tok, sent, ospan) if not (ospan[0] <= t.idx < ospan[1])]
    if not subj:
        return False
    s, e = subj[0].idx, subj[-1].idx + len(subj[-1])
    if is_impersonal(ctx.lang, subj[0].text):
        return False
    speaker, speaker_text = resolve_speaker(ctx, s, e, head=subj[0] if len(subj) == 1 else None, np_head=ctx.subject_head)
    ctx.doc.user_data.setdefault(EXPECTATIONS_KEY, []).append(
        (sent.start_char, sent.end_char, speaker, speaker_text, tok.text)
    )
    return True


def _speaker_after_verb(ctx: _Ctx, tok: Token, sent: Span) -> List[Token]:
    """The speaker of "Diese Einschätzung äußerte der Politologe X": the noun phrase after
    the verb (the fronted demonstrative is the object)."""
    ana = ANAPHORS.get(ctx.lang, set())
    mentions = [m for m in tokens.mentions_in(ctx.doc, tok.idx + len(tok), sent.end_char)]
    out: List[Token] = []
    j = tok.i + 1
    while j < sent.end and not ctx.doc[j].is_punct and len(out) < 8:
        t = ctx.doc[j]
        if out and ctx.lang == "de" and t.is_lower and t.pos_ not in ("ADJ", "NOUN", "PROPN", "DET") and t.lower_ not in DETERMINERS["de"]:
            break
        if t.lower_ not in ana:
            out.append(t)
        j += 1
    if mentions and out and mentions[0].start < out[-1].idx + len(out[-1]):
        end = max(m.end for m in mentions if m.start < out[-1].idx + len(out[-1]))
        out = [t for t in out if t.idx < end]
    return out


def _speech_verbs(ctx: _Ctx, sent: Span) -> bool:
    found = False
    lowers = tokens.token_lowers(ctx.doc)
    if ctx.lang == "de" and any(_jussive(ctx, ctx.doc[i], sent) for i in range(sent.start, sent.end)
                                if lowers[i] in ("sei", "seien")):
        return False  # "Hier sei angemerkt, dass …": the author's own exhortation
    positions = _speech_positions(ctx)
    for i in positions[bisect_left(positions, sent.start):bisect_left(positions, sent.end)]:
        # (only tokens with a listed speech verb form or lemma: _verb_entry says None to the rest)
        tok = ctx.doc[i]
        if ctx.quote_at(tok.idx) is not None or ctx.quote_at(sent.start_char) is not None and tok.idx < _quote_end(ctx, sent):
            continue
        entry = _verb_entry(ctx, tok, sent)
        if entry is None or _no_act_sense(ctx.lang, tok, entry.lemma):
            continue
        frame = frame_for(ctx.lang, entry.lemma)
        near = _clause_words_after(ctx, tok, sent)
        if frame is not None and frame.correlate_required and frame.correlate not in near:
            if entry.cls == "expect" and _correlate_preposition_near(frame.correlate, tok, sent):
                _expected_np(ctx, tok, sent)  # "rechnet mit einer Eskalation"
            continue  # "Es besteht Gefahr" — bestehen is speech only as "besteht darauf, dass"
        # a quote in this sentence, or one that ends in it (a quote of several sentences:
        # „Satz eins. Satz zwei“, sagte X.)
        quotes = [
            q for q in ctx.quotes
            if ((sent.start_char - 2 <= q.outer[0] and q.outer[1] <= sent.end_char + 2)
            or (q.outer[0] < sent.start_char <= q.outer[1] <= sent.end_char + 2 and q.outer[1] <= tok.idx))
            and not is_pseudo_quote(ctx, q)
        ]
        # "X sagte: „…“" may put the quote into the next sentence
        if not quotes and tokens.span_text(sent).rstrip().endswith(":"):
            quotes = [q for q in ctx.quotes if 0 <= q.outer[0] - sent.end_char <= 3 and not is_pseudo_quote(ctx, q)]
        if frame is not None and "quote" not in frame.content:
            quotes = []
        if quotes:
            q = quotes[0]
            content = (q.start, q.end)
            kind = "direct"
        else:
            conditional_content = False
            ckind = None
            span = _content_span(ctx, tok, sent)
            if span is not None and ctx.lex.clause_kind(doc_text(ctx.doc)[span[0] : span[1]].split()[0]) in (
                "conditional", "concessive",
            ):
                # "sagte, wenn Putin nicht verhandle, werde er …": the condition and its main
                # clause are the content; "drohte mit Streik, falls …" has none
                span = _with_main_clause(ctx, span, sent)
                conditional_content = span is not None
            if span is not None and (span[0] <= tok.idx < span[1] or _fronted_condition(ctx, span, tok, sent)):
                # "Falls die Gespräche scheitern, droht ein Handelskrieg", "Sollte der
                # Vertrag scheitern, droht der Region eine Krise": the verb is the main
                # clause after a fronted condition, not a reporting frame -- a content never
                # holds its own speech verb, and a bare condition is nobody's words
                continue
            framed = span is not None and span[0] > tok.idx and _reporting_frame(ctx, span, sent)
            if framed:
                span = None  # "denkt in Generationen, hebt Weinberg hervor": the clause after is another verb's frame
            if span is not None:
                text = doc_text(ctx.doc)
                j = span[0] - 1
                while j >= 0 and text[j].isspace():
                    j -= 1
                ckind = content_kind(ctx.doc, span[0], span[1], after_colon=j >= 0 and text[j] == ":")
                if conditional_content and ckind is None:
                    ckind = "bare"
                if not has_content(frame, ckind):
                    span = None  # "kritisierte Selenskyj", "sprachen über Flugabwehr"
            if (
                span is not None and entry.cls == "expect" and ctx.parsed and _is_passive(tok)
                and ctx.lex.clause_kind((doc_text(ctx.doc)[span[0] : span[1]].split() or [""])[0].lower()) != "complementizer"
            ):
                # "Am Wochenende werden 5.000 Besucher erwartet, sagte X": the passive
                # expectation's subject is what is expected; the clause after it is the
                # reporting frame, not its content
                span = None
            if span is None and entry.cls == "expect" and _expected_np(ctx, tok, sent):
                continue  # "Die WTO sagt hohe Zollkosten voraus": an expected event, no statement
            if span is None and framed:
                continue  # part of the content of the frame after it: no speaker of its own
            if span is None:
                # "Der Bürgermeister äußerte sich." — no content here, but the speaker of
                # the Konjunktiv-I sentences that follow; "Diese Einschätzung äußerte X" —
                # the speaker of the quote before
                anaphor = (frame is None or "anaphor" in frame.content) and _anaphoric_object(ctx, tok, sent)
                if anaphor:
                    subj = _speaker_after_verb(ctx, tok, sent)
                else:
                    subj = _subject_tokens(ctx, tok, sent, (sent.end_char, sent.end_char))
                if subj and not is_impersonal(ctx.lang, subj[0].text):
                    s, e = subj[0].idx, subj[-1].idx + len(subj[-1])
                    speaker, speaker_text = resolve_speaker(ctx, s, e, head=subj[0] if len(subj) == 1 else None)
                    if speaker != UNKNOWN or (subj[0].text[:1].isupper() and len(subj) <= 4):
                        ctx.anchors.append((sent.end_char, speaker, speaker_text))
                        if anaphor:
                            ctx.back_anchors.append((sent.start_char, speaker, speaker_text))
                continue
            content = span
            # "meinte X: Wir haben …" -- the corpus drops quotation marks; a main clause in
            # the indicative after a colon is the speaker's words (a Konjunktiv-I one is not)
            kind = "direct" if ckind == "colon" else "indirect"
        ctx.subject_head = None
        subj = _subject_tokens(ctx, tok, sent, content)
        if subj and is_impersonal(ctx.lang, subj[0].text) and len(subj) == 1:
            continue  # "Man kann sagen, dass …": the author's own hedge
        if subj and len(subj) == 1 and subj[0].lower_ in lang_words(ctx.lang, "free_relatives.txt"):
            continue  # "wer nur an die nächste Wahl denkt, sollte …": anyone who, no speaker (session 31)
        if subj:
            s, e = subj[0].idx, subj[-1].idx + len(subj[-1])
            speaker, speaker_text = resolve_speaker(
                ctx, s, e, head=subj[0] if len(subj) == 1 else None, np_head=ctx.subject_head, content=content
            )
        else:
            speaker, speaker_text = UNKNOWN, None
        commitment = entry.commitment
        if entry.cls == "expect" and "sich" in near and ("von" in near or "from" in near):
            commitment = "demand"  # "erwartet sich von der Politik, dass …": a demand, not a forecast
        if commitment in (None, "announcement"):
            commitment = _conditional_commitment(ctx, speaker, content) or commitment
        condition = None
        ctoks = [t.i for t in sent if content[0] <= t.idx < content[1]]
        if ctoks:
            cond = find_condition(ctx.doc, ctoks[0], ctoks[-1] + 1, ctx.lex.clause_words)
            if cond:
                condition = doc_text(ctx.doc)[cond[0] : cond[1]]
        cue = tok.text
        if entry.particle:
            cue = f"{tok.text} … {entry.particle}"
        elif frame is not None and frame.correlate and frame.correlate in near:
            nxt = ctx.doc[tok.i + 1] if tok.i + 1 < sent.end else None
            cue = f"{tok.text} {frame.correlate}" if nxt is not None and nxt.lower_ == frame.correlate else f"{tok.text} … {frame.correlate}"
        stmt = Statement(
            speaker=speaker,
            kind=kind,
            text=doc_text(ctx.doc)[content[0] : content[1]],
            span=content,
            speaker_text=speaker_text,
            cue=cue,
            commitment=commitment,
            verb_class=entry.cls,
            condition=condition,
            addressee=_addressee(ctx, tok, frame, content),
        )
        if kind == "direct":
            ctx.used_quotes.update(quotes[:1])
        _add(ctx, stmt)
        found = True
    return found


def _fronted_condition(ctx: _Ctx, span: Tuple[int, int], verb: Token, sent: Span) -> bool:
    """True when the content ``span`` found before ``verb`` ("…, VERB X") is only the
    sentence's fronted condition: its clause opens with a conditional word ("wenn",
    "falls", "sofern", "if") or with an inverted conditional "Sollte(n)" (German V1 condition,
    :func:`_v1_condition`; any verb-first clause: "Kommt es zu keiner Einigung, …"), and no main clause follows the condition inside the content
    ("Wenn Putin nicht verhandle, werde er …, sagte Trump" keeps its content). Such a verb
    is the main clause's own finite verb: "Sollten die Gespräche scheitern, warnt die
    Opposition vor einem Streik" reports no statement."""
    if span[1] > verb.idx:
        return False
    toks = [t for t in sent if t.idx < span[1] and not t.is_punct]
    if not toks:
        return False
    first = toks[0]
    conditional = ctx.lex.clause_kind(first.lower_) == "conditional" or (
        ctx.lang == "de" and ctx.lex.clause_kind(first.lower_) == "conditional_inverted" and _v1_condition(ctx, first, sent)
    ) or (ctx.lang == "de" and (first.lower_ in ("sollten",) or first.pos_ in ("VERB", "AUX") and is_finite(first))
          and _v1_condition(ctx, first, sent))  # "Kommt es zu keiner Einigung, droht …"
    if not conditional:
        return False
    return not _conditional_then_main(ctx, (first.idx, span[1]))


def _with_main_clause(ctx: _Ctx, span: Tuple[int, int], sent: Span) -> Optional[Tuple[int, int]]:
    """Content that opens with a condition: the condition plus the main clause that follows
    it in the sentence, or None when no main clause follows ("drohte mit Streik, falls …")."""
    if _conditional_then_main(ctx, span):
        return span
    end = sent.end_char
    ext = (span[0], end)
    tail = ctx.doc.char_span(span[1], end, alignment_mode="expand")
    if tail is None or not _conditional_then_main(ctx, ext):
        return None
    s, e = char_span(list(ctx.doc.char_span(span[0], end, alignment_mode="expand")) or []) or (None, None)
    if s is None:
        return None
    # stop before a trailing ", sagte X" / ", so X"
    return (s, e)


def _conditional_then_main(ctx: _Ctx, span: Tuple[int, int]) -> bool:
    """Reported content that opens with its condition and goes on with a main clause:
    "sagte, wenn Putin nicht verhandle, werde er …" — a conditional statement."""
    cspan = ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
    if cspan is None:
        return False
    toks = list(cspan)
    modal = ctx.lex.konjunktiv1 | ctx.lex.konjunktiv2 | MAIN_CLAUSE_AUX.get(ctx.lang, set())
    for k, t in enumerate(toks[:-1]):
        if t.text != "," or k < 2:
            continue
        rest = [x for x in toks[k + 1 : k + 8] if not x.is_punct]
        if ctx.lang == "de":
            # V1 after the fronted condition: "wenn …, werde er …"
            if rest and (rest[0].lower_ in modal or is_finite(rest[0]) or rest[0].lower_ == "dann"):
                return True
        elif any(x.lower_ in modal or is_finite(x) for x in rest):
            return True  # "if …, we will …", "if …, the United States would strike …"
    return False


MAIN_CLAUSE_AUX = {
    "de": {"wird", "werden", "werde", "würde", "würden", "dann"},
    "en": {"will", "would", "'ll", "could", "might", "may", "wo", "then", "shall"},
}


# ---------------------------------------------------------------- "laut X"


POSSESSIVE_SOURCES = {"seiner", "ihrer", "seinen", "ihren"}


def _possessive_attribution(ctx: _Ctx, sent: Span, toks: List[Token], low: List[str]) -> bool:
    """"Nach seiner Einschätzung würde …", "Nach ihren Worten …": an attribution phrase with
    a possessive in it — the speaker is the person the possessive points back to (the
    previous speaker, else the reference resolver's actor)."""
    nouns = {p[1] for p, pos in ctx.lex.attribution.items() if len(p) == 2 and p[0] == "nach" and pos == "before"}
    for k in range(len(low) - 2):
        pre = low[k] == "nach" and low[k + 1] in POSSESSIVE_SOURCES and low[k + 2] in nouns
        # the postposition: "Seiner Meinung nach sei …", "Ihrer Einschätzung nach …"
        post = low[k] in POSSESSIVE_SOURCES and low[k + 1] in nouns and low[k + 2] == "nach"
        if pre or post:
            rest = toks[:k] + toks[k + 3 :]
            span = char_span([t for t in rest if not t.is_space])
            if span is None:
                return False
            pos = toks[k + 1] if pre else toks[k]
            # the reference resolver agrees the possessive in gender ("seiner" is no poll);
            # without an antecedent, the previous speaker
            speaker = _reference(ctx, pos.idx, pos.idx + len(pos))
            speaker_text = pos.text
            if speaker is None:
                # the person last named before the sentence ("Premierminister David Cameron
                # macht sich … stark. Nach seiner Einschätzung …")
                types = {a.id: a.type for a in tokens.get_list(ctx.doc, "actors")}
                people = [m for m in tokens.mentions_in(ctx.doc, max(0, sent.start_char - 400), sent.start_char)
                          if types.get(m.actor_id) == "PER" and m.end <= sent.start_char]
                if people:
                    m = max(people, key=lambda m: m.end)
                    speaker, speaker_text = m.actor_id, doc_text(ctx.doc)[m.start : m.end]
            if speaker is None:
                prev = _previous_speaker(ctx, sent.start_char)
                speaker, speaker_text = (prev.speaker, prev.speaker_text) if prev is not None else (UNKNOWN, None)
            _add(ctx, Statement(speaker=speaker, kind="indirect", text=doc_text(ctx.doc)[span[0] : span[1]], span=span,
                                speaker_text=speaker_text, cue=" ".join(t.text for t in toks[k : k + 3]), verb_class="say"))
            return True
    return False


#: German determiners that cannot open a genitive attribute: after the source's noun
#: ("laut Entwurf eine Eröffnungsbilanz", "laut Prognose die Pension") they start the
#: clause's own noun phrase; "des", "der", "eines", "einer" may go on the source ("laut
#: Angaben der Polizei")
NON_GENITIVE_DETERMINERS = frozenset(DETERMINERS["de"] - {"des", "der", "eines", "einer"})


def _attributions(ctx: _Ctx, sent: Span) -> bool:
    toks = list(sent)
    low = [t.lower_ for t in toks]
    if ctx.lang == "de" and _possessive_attribution(ctx, sent, toks, low):
        return True
    for s, e, phrase in match_phrases(low, ctx.lex.attribution):
        position = ctx.lex.attribution[phrase]
        if position == "final":
            # "…, so der Minister.": the source runs to the end of the sentence, no verb
            rest_toks = [t for t in toks[e:] if not (t.is_punct or t.is_space)]
            comma = next((k for k, t in enumerate(toks[e:]) if t.text == ","), None)
            if comma is not None and comma > 0 and toks[e].text != ",":
                # "…, so die Ökonomin Maria Huber, Forscherin am Institut für …": an apposition
                # after the source's own comma describes it; the source is what comes before
                rest_toks = [t for t in toks[e : e + comma] if not (t.is_punct or t.is_space)]
            if not rest_toks or len(rest_toks) > 8 or any(t.pos_ in ("VERB", "AUX") for t in rest_toks):
                continue
            if rest_toks[0].is_lower and rest_toks[0].lower_ not in DETERMINERS.get(ctx.lang, set()):
                continue  # ", so lange …", ", so dass …"
            position = "before"
        if position == "before":
            src: List[Token] = []
            after = tokens.mentions_in(ctx.doc, toks[e].idx if e < len(toks) else sent.end_char, sent.end_char)
            if after and e < len(toks) and after[0].start - toks[e].idx <= 12:
                m = after[0]
                src = [t for t in toks[e:] if t.idx < m.end]
            for t in toks[e:] if not src else ():
                if t.is_punct:
                    break
                if src and t.lower_ in ("auf", "bei", "um") and t.i + 1 < sent.end and (
                        ctx.doc[t.i + 1].like_num or ctx.doc[t.i + 1].tag_ == "CARD"):
                    # "laut Prognose auf 7,5 Prozent", "… bei zwei Prozent": the amount the clause
                    # reports, not the source's attribute ("laut einer Umfrage unter 500 Lehrern" is)
                    break
                if src and ctx.lang == "de" and t.is_lower and t.lower_ not in DETERMINERS["de"] and t.pos_ not in ("ADJ", "ADP", "PROPN", "NOUN"):
                    break
                if src and ctx.lang == "de" and src[-1].pos_ in ("NOUN", "PROPN") and (
                        t.lower_ in NON_GENITIVE_DETERMINERS or (t.is_lower and t.pos_ in ("ADJ", "ADV") and not (
                            t.i + 1 < sent.end and ctx.doc[t.i + 1].pos_ in ("ADJ", "NOUN", "PROPN")))):
                    # "laut Entwurf eine Bilanz", "laut den Einsatzkräften laufend": a new noun
                    # phrase or an adverbial after the source's noun, not the source's
                    # attribute; an adjective before a noun still belongs to it ("laut dem für
                    # Terrorismus zuständigen Staatsanwalt")
                    break
                src.append(t)
                if len(src) >= 6:
                    break
            if not src:
                continue
            rest = toks[: s] + toks[e + len(src) :]
        else:
            src = []
            j = s - 1
            while j >= 0 and not toks[j].is_punct and len(src) < 5:
                src.insert(0, toks[j])
                j -= 1
            # "Deutlich gestiegen ist dem Bericht zufolge …": the source noun phrase starts
            # after the last verb/adverb before it
            cut = max((k for k, t in enumerate(src[:-1]) if t.pos_ in ("VERB", "AUX", "ADV", "SCONJ", "CCONJ")), default=-1)
            src = src[cut + 1 :]
            if not src:
                continue
            rest = toks[: j + 1] + toks[e:]
        span = char_span(rest)
        if span is None:
            continue
        sstart, send = src[0].idx, src[-1].idx + len(src[-1])
        np_head = None
        if ctx.parsed:
            ids = {t.i for t in src}
            heads = [t for t in src if t.head.i not in ids or t.head.i == t.i]
            np_head = heads[0] if len(heads) == 1 else None
        speaker, speaker_text = resolve_speaker(ctx, sstart, send, np_head=np_head)
        _add(
            ctx,
            Statement(
                speaker=speaker,
                kind="indirect",
                text=doc_text(ctx.doc)[span[0] : span[1]],
                span=span,
                speaker_text=speaker_text,
                cue=" ".join(phrase),
                verb_class="say",
            ),
        )
        return True
    return False


# ---------------------------------------------------------------- Konjunktiv I


JUSSIVE_SUBJECTS = {"es", "hier", "nebenbei", "dazu", "daran", "angemerkt", "gesagt", "erwähnt", "betont", "erinnert", "bemerkt"}


def _jussive(ctx: _Ctx, tok: Token, sent: Span) -> bool:
    """"Es sei daran erinnert, dass …", "Hier sei angemerkt …", "Gesagt sei …": a
    Konjunktiv-I passive of "sein" with no personal subject is the author's own exhortation
    (jussive), not reported speech."""
    if tok.lower_ not in ("sei", "seien"):
        return False
    clause = [t for t in sent if t.i >= sent.start and not t.is_space]
    # tokens up to the first comma after the verb (the main clause of the formula)
    end = next((t.i for t in clause if t.i > tok.i and t.text in {",", ":", ";"}), sent.end)
    before = [t for t in clause if t.i < tok.i]
    if not before or len(before) > 2 or not all(t.lower_ in JUSSIVE_SUBJECTS or t.lower_.endswith("t") for t in before):
        return False
    after = [ctx.doc[j] for j in range(tok.i + 1, end)]
    part = [t for t in before + after if "Part" in t.morph.get("VerbForm") or t.tag_ == "VVPP" or (t.is_lower and t.lower_.endswith("t") and t.lower_ not in ("nicht", "jetzt", "erst", "selbst", "mit"))]
    return bool(part) and not any(t.pos_ in ("NOUN", "PROPN") for t in after)


WUERDE = {"würde", "würden"}
# Konjunktiv-II forms identical to the past indicative: no marker of reported speech
INDICATIVE_LOOKALIKES = {"sollte", "sollten", "wollte", "wollten", "sollten", "solltest"}


def _wuerde_substitute(ctx: _Ctx, sent: Span) -> Optional[Token]:
    """"würde" or another Konjunktiv II ("hätten", "bräuchten") standing in for Konjunktiv I
    right after reported speech ("…, schrieb die Zeitung. Die Zahlen würden noch steigen,
    …"): no condition, no comparison ("als
    würde"), no first person, and a reported (indirect) statement ends at most 300
    characters before in the same paragraph."""
    if ctx.lang != "de":
        return None
    toks = list(sent)
    # plural Konjunktiv II is the classic substitute (plural Konjunktiv I equals the
    # indicative: "sie haben" → "sie hätten"); singular "hätte/wäre" is mostly hypothetical
    forms = WUERDE | {w for w in ctx.lex.konjunktiv2 - INDICATIVE_LOOKALIKES if w.endswith("en")}
    hit = next((t for t in toks if t.lower_ in forms and t.is_lower), None)
    if hit is None:
        return None
    if any(ctx.lex.clause_kind(t.lower_) in ("conditional", "conditional_inverted", "as_if") for t in toks):
        return None
    if hit.i > sent.start and ctx.doc[hit.i - 1].lower_ in ("als", "wie"):
        return None
    if any(t.lower_ in ctx.lex.author_pronouns or t.lower_ in ("ich", "wir", "man") for t in toks):
        return None
    prev = _previous_speaker(ctx, sent.start_char, window=300)
    if prev is None or prev.kind != "indirect":
        return None
    return hit


def _v1_condition(ctx: _Ctx, tok: Token, sent: Span) -> bool:
    """``tok`` opens a verb-first conditional clause: a comma follows within the clause and
    a finite or subjunctive verb comes right after it."""
    j = tok.i + 1
    while j < sent.end and ctx.doc[j].text not in {",", ";", ":"}:
        j += 1
    if j + 1 >= sent.end or ctx.doc[j].text != ",":
        return False
    nxt = ctx.doc[j + 1]
    return nxt.lower_ in ctx.lex.konjunktiv1 | ctx.lex.konjunktiv2 | {"würde", "würden", "werde", "dann"} or is_finite(nxt)


def _konjunktiv1(ctx: _Ctx, sent: Span) -> Optional[Token]:
    if not ctx.lex.konjunktiv1:
        return None
    for tok in sent:
        if _jussive(ctx, tok, sent):
            return None
        low = tok.lower_
        if low in ctx.lex.konjunktiv2:
            continue
        if tok.i == sent.start and low in ctx.lex.konjunktiv1 and _v1_condition(ctx, tok, sent):
            return tok  # a verb-first condition in Konjunktiv I: "Komme …, würde er …"
        if not tok.is_lower:
            continue
        if ctx.lang == "de" and mistagged_konjunktiv1(sent, tok.i - sent.start, ctx.lang) \
                and not any(t.lower_ == "ich" for t in sent if t.i < tok.i):
            return tok  # "Es fehle/ADV an Personal": a Konjunktiv I the tagger took for another word
        if tok.pos_ and tok.pos_ not in ("VERB", "AUX"):
            continue  # "meine Art der Politik": a possessive, not "meinen"
        mood = feat(tok, "Mood") if ctx.morph else None
        prev = ctx.doc[tok.i - 1].lower_ if tok.i > sent.start else ""
        if mood == "Sub" and feat(tok, "Tense") == "Past" and low.endswith(("te", "ten")) \
                and low not in ctx.lex.konjunktiv1:
            continue  # a weak preterite ("reiste", "lobte"): Konjunktiv II and indicative look alike
        if mood == "Sub":
            if low in ctx.lex.konjunktiv1 or (low.endswith("e") and feat(tok, "Person") != "1"):
                if prev != "ich":
                    return tok
        elif (low in ctx.lex.konjunktiv1 and mood is None or konjunktiv1_form(low, ctx.lang)) \
                and prev not in ("ich",) and tok.i > sent.start \
                and not (tok.i + 1 < sent.end and ctx.doc[tok.i + 1].lower_ == "ich"):  # "lege ich Wert"
            # "habe"/"werde" are also 1st person indicative; "ich" anywhere before in the
            # clause rules them out
            if not any(t.lower_ == "ich" for t in sent if t.i < tok.i):
                return tok
    return None


def _governing_subject(ctx: _Ctx, kj: Token, sent: Span) -> Optional[Tuple[str, str]]:
    """The speaker of a Konjunktiv-I clause embedded under a main clause whose verb is no
    listed speech verb ("Die Ministerin hatte dem Abgeordneten vorgeworfen, er pflege Kontakte …",
    "Juncker stellte es so dar, dass die Affäre … betreffe"): the main clause's subject when
    it names an actor (a mention, not a pronoun), else None (then the previous speaker).
    The Konjunktiv I reports what that subject says or thinks, not a speaker of an earlier
    sentence."""
    if not ctx.parsed:
        return None
    root = sent.root
    if root.i >= kj.i or root.pos_ not in ("VERB", "AUX") or "Sub" in root.morph.get("Mood"):
        return None
    if konjunktiv1_form(root.lower_, ctx.lang) or root.lower_ in ctx.lex.konjunktiv1:
        return None
    # the Konjunktiv I stands in a clause of its own after the main verb ("…, sie hetze …",
    # "…, dass …"), reached from the root in the parse
    t = kj
    while t.head.i != t.i and t.head.i != root.i:
        t = t.head
    if t.head.i != root.i or t.i == root.i or not any(x.text == "," for x in ctx.doc[root.i + 1 : kj.i]):
        return None
    subjects = [x for x in subjects_of(root) if x.i < root.i and x.pos_ in ("NOUN", "PROPN")
                and x.i not in dateline_tokens(sent, hyphen=True)]
    if not subjects:
        return None
    subject = subjects[0]  # the parser may call a fronted dative a second subject
    s, e = subtree_span(subject)
    if e > kj.idx or not tokens.mentions_in(ctx.doc, s, e):
        return None
    speaker, speaker_text = resolve_speaker(ctx, s, e, np_head=subject)
    return (speaker, speaker_text) if speaker not in (UNKNOWN, "author") else None


# CAMEO roots whose events are verbal acts (the quad classes "verbal cooperation" 01-05 and
# "verbal conflict" 10-14 of Schrodt's CAMEO manual) less 04 consult (meetings, visits) and
# 14 protest (demonstrations, strikes): what the subject of such an event says is the
# statement it makes.
VERBAL_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})


@lru_cache(maxsize=4)
def verbal_act_triggers(lang: str) -> Dict[str, Tuple[FrozenSet[str], ...]]:
    """Verb lemmas whose events are verbal acts, derived from the event coder's CAMEO verb
    patterns (``data/events/patterns_<lang>*``): lemma -> the word sets a light-verb
    pattern needs (() when the verb alone is one: "zurückweisen", "kritisieren", "loben").
    A lemma counts only when every verbal (non-nominal) pattern of it has a code in
    :data:`VERBAL_ROOTS` -- "unterstützen" (05 or 07 aid) and "treffen" (04, 18) do not;
    a row that codes nothing for one argument class (``---`` with ``arg=``) is left out of
    that test (:func:`verbal_act_exceptions` keeps that sense from being a verbal act).
    Judgement verbs count with no words: a lemma with a ``predicative`` pattern (the
    closed class of object-predicative verbs of German grammar -- "finden", "halten für",
    "sehen als", "bezeichnen", "einstufen" -- which the 051/111 rows list) judges whatever
    its object, so its subject is a speaker even where the judgement codes no event
    ("Der Minister hält die Sorgen für unbegründet"); so does a row flagged ``judgement``,
    a stance in words that codes no event ("sich für/gegen X aussprechen", with its
    words). The event patterns are the one source of this class (there is no second
    list). Empty for a language without patterns."""
    from ..events.patterns import load_patterns

    out: Dict[str, Tuple[FrozenSet[str], ...]] = {}
    try:
        index = load_patterns(lang)
    except FileNotFoundError:
        index = None
    for trigger in index.triggers() if index is not None else ():
        # a null row restricted by argument class ("bedauern --- arg=obj:@entwicklung": regret
        # of a state of affairs codes no event) says nothing about the verb's other senses
        pats = [p for p in index.get(trigger) if not p.nominal and not (p.null and p.args)]
        if any(p.predicative for p in pats):
            out[trigger.lower()] = ()  # a judgement verb
            continue
        if not pats or any(p.code[:2] not in VERBAL_ROOTS for p in pats if not p.judgement):
            # another sense ("unterstützen" 07): only rows flagged judgement count
            pats = [p for p in pats if p.judgement]
            if not pats:
                continue
        if any(not p.words for p in pats):
            out[trigger] = ()
        else:
            out[trigger] = tuple(w for p in pats for w in p.words)
    return out


@lru_cache(maxsize=4)
def verbal_act_exceptions(lang: str) -> Dict[str, Tuple[Tuple[str, FrozenSet[str]], ...]]:
    """Senses in which a verbal-act lemma of :func:`verbal_act_triggers` is no verbal act:
    lemma -> its ``(slot, words)`` argument classes from the event patterns' null rows with
    an ``arg=`` flag ("drohen --- arg=subj:@unpersönlich_droht": "ihm drohen 24 Jahre Haft";
    "bedauern --- arg=obj:@entwicklung"). :func:`verbal_act_subject` skips a verb whose
    subject or object head is of such a class; the verb's other senses stay verbal acts.
    Empty for a language without such rows."""
    from ..events.patterns import load_patterns

    try:
        index = load_patterns(lang)
    except FileNotFoundError:
        return {}
    out: Dict[str, Tuple[Tuple[str, FrozenSet[str]], ...]] = {}
    for trigger in index.triggers():
        conds = tuple((slot, words) for p in index.get(trigger) if p.null and not p.nominal
                      for slot, words in p.args if words)
        if conds:
            out[trigger.lower()] = conds
    return out


def _in_arg_class(lang: str, verb: Token, slot: str, words: FrozenSet[str]) -> bool:
    """Whether the head of ``verb``'s subject (``slot`` "subj") or object ("obj") is one of
    ``words`` by the event patterns' matching rule
    (:func:`lagebild.language.word_class.heads_in_class`: lemma or form, German compounds by
    their last part, "Haftstrafe" ~ "strafe")."""
    heads = subjects_of(verb) if slot == "subj" else [c for c in verb.children if dep(c) in ("obj", "iobj")]
    return heads_in_class(heads, words, lang)


def _no_act_sense(lang: str, verb: Token, lemma: str) -> bool:
    """Whether ``verb`` (lemma ``lemma``) is used in a sense that the event patterns code as
    nothing by its argument class (:func:`verbal_act_exceptions`): "Die Mannschaft bestritt
    das Finale", "Ihm drohen Jahre in Haft" -- no act of speech, whatever else the verb is."""
    return any(_in_arg_class(lang, verb, slot, ws) for slot, ws in verbal_act_exceptions(lang).get(lemma.lower(), ()))


@lru_cache(maxsize=4)
def predicative_judgement_verbs(lang: str) -> FrozenSet[str]:
    """Lemmas of the object-predicative judgement verbs: every trigger with a
    ``predicative`` row in the event patterns (``data/events/patterns_<lang>*``; "finden",
    "halten für", "bezeichnen als", "einstufen" …) -- the same one list
    :func:`verbal_act_triggers` reads. Empty for a language without such rows."""
    from ..events.patterns import load_patterns

    try:
        index = load_patterns(lang)
    except FileNotFoundError:
        return frozenset()
    return frozenset(t.lower() for t in index.triggers() if any(p.predicative and not p.nominal for p in index.get(t)))


COMPARATIVE_WORDS = frozenset(("mehr", "weniger", "anders", "lieber", "früher", "später"))


@lru_cache(maxsize=4)
def _pure_judgement_verbs(lang: str) -> FrozenSet[str]:
    """The judgement verbs (:func:`predicative_judgement_verbs`) that are no speech act by
    themselves: every verbal pattern row needs words ("finden", "halten", "sehen"), so a
    bare adjective after them is the judgement; "kritisieren", "verurteilen", "loben" code
    an event with no words, and their adjective is manner ("kritisierte scharf")."""
    from ..events.patterns import load_patterns

    verbs = predicative_judgement_verbs(lang)
    if not verbs:
        return frozenset()
    index = load_patterns(lang)
    return frozenset(t.lower() for t in index.triggers() if t.lower() in verbs
                     and all(p.words for p in index.get(t) if not p.nominal))


def _has_predicative(ctx: _Ctx, verb: Token, sent: Span, lemma: str) -> bool:
    """Whether ``sent`` gives judgement verb ``verb`` a predicative complement, read from the
    surface (the parse of these frames is unreliable): an "als" phrase ("bezeichnete die Pläne
    als realitätsfern", "stufte X als Gefahr ein"), "für" + an adjective or a noun phrase
    after "halten" ("hält X für unrealistisch"), a predicative adjective that depends on the
    verb ("sieht die Lage kritisch"), or a bare fronted word the parser took for the
    subject ("Überzogen findet die Ärztekammer die Auflagen")."""
    toks = [t for t in sent]
    for k, t in enumerate(toks[:-1]):
        nxt = toks[k + 1]
        between = toks[min(k, verb.i - sent.start) : max(k, verb.i - sent.start)]
        if any(x.text in (",", ";", ":") or x.pos_ == "SCONJ" for x in between):
            continue  # another clause's "als" ("…, nur weil die Kosten weniger als erwartet steigen")
        prev = toks[k - 1] if k else None
        if t.lower_ == "als" and nxt.pos_ in ("ADJ", "NOUN", "PROPN", "DET", "ADV", "NUM") and not (
                prev is not None and ("Cmp" in prev.morph.get("Degree") or prev.lower_ in COMPARATIVE_WORDS)):
            return True
        if t.lower_ == "für" and lemma == "halten" and nxt.pos_ in ("ADJ", "ADV", "DET", "NOUN"):
            return True
    if lemma in _pure_judgement_verbs(ctx.lang) and any(
            c.tag_ == "ADJD" and c.i > verb.i and not any(x.text in (",", ";", ":") for x in ctx.doc[verb.i : c.i])
            for c in verb.children):
        return True  # "sieht die Lage kritisch" -- not "kritisierte den Haushalt scharf" (manner)
    # a fronted bare predicative: the finite judgement verb second, then subject and object
    # ("Überzogen findet die Ärztekammer die Auflagen"; not "Namen wollte er nicht nennen")
    first = toks[0]
    nps_after = [c for c in verb.children if c.i > verb.i and c.pos_ in ("NOUN", "PROPN", "PRON")]
    return dep(first) in ("nsubj", "advmod", "obj") and first.head.i == verb.i and _bare_fronted(ctx, first, sent) \
        and first.pos_ in ("NOUN", "ADJ", "ADV") and verb.i == first.i + 1 and len(nps_after) >= 2


def _judgement_statement(ctx: _Ctx, sent: Span) -> bool:
    """A judgement with an object-predicative verb is the subject's indirect statement: "Einen
    offenen Unizugang hält sie für unrealistisch", "Deplatziert findet die Vorsitzende X
    jeglichen Jubel", "Der Verband bezeichnete die Pläne als realitätsfern" -- the judged
    sentence is the content (the real-news gold's convention: an attributed opinion is a
    statement). The verbs are
    :func:`predicative_judgement_verbs` (the event patterns' one list); the speaker is
    :func:`verbal_act_subject`'s. Needs a predicative complement and an object, and a
    subject that names someone (:func:`_has_predicative`); German only (the list is
    German). True when added."""
    if not ctx.parsed or ctx.lang != "de" or turn_at(ctx.turns, sent.start_char) is not None:
        return False
    verbs = predicative_judgement_verbs(ctx.lang)
    if not verbs:
        return False
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or _verb_lemma(ctx, root) not in verbs:
        return False
    if any(t.lower_ in ("ich", "wir") for t in root.children if dep(t) in ("nsubj",)):
        return False  # the author's own judgement (outside a turn) is no statement
    if not _has_predicative(ctx, root, sent, _verb_lemma(ctx, root)):
        return False
    who = verbal_act_subject(ctx, sent, sent.end_char)
    if who is None or who[0] in (UNKNOWN, "author"):
        return False
    # the sentence is the content, as for a Konjunktiv-I report: the judged object and
    # the judgement stand on both sides of the verb and the subject
    span = char_span(list(sent))
    if span is None:
        return False
    _add(ctx, Statement(speaker=who[0], kind="indirect", text=doc_text(ctx.doc)[span[0] : span[1]], span=span,
                        speaker_text=who[1], cue=root.text, verb_class="say"))
    return True


def _verb_lemma(ctx: _Ctx, verb: Token) -> str:
    """Lemma of ``verb`` with its separable particle ("wies … zurück" -> "zurückweisen")."""
    lemma = (verb.lemma_ or verb.lower_).lower()
    prt = [c.lower_ for c in verb.children if dep(c) == "compound:prt"
           or (dep(c) == "compound" and c.pos_ in ("ADP", "PART", "ADV") and c.i > verb.i)]
    return prt[0] + lemma if prt and not lemma.startswith(prt[0]) else lemma


def _manner_back_anchor(ctx: _Ctx, sent: Span) -> None:
    """"„…“ Mit diesen Worten beruhigte der Finanzminister die Wirtschaft.", "„…“ So
    kommentierte die Oppositionschefin das Urteil.": a sentence that opens with an
    anaphoric manner phrase -- "so", or "mit" + a demonstrative + a noun -- and the finite
    verb, whatever the verb, names the speaker of the quote right before it: the subject
    after the verb, when it can speak (an actor, a person or group the reference layer
    knows, a person-role compound). Adds a back anchor (see ``_Ctx.back_anchors``). German
    only; needs a parse."""
    if ctx.lang != "de" or not ctx.parsed or len(sent) < 4:
        return
    toks = list(sent)
    first = toks[0].lower_
    if first == "so":
        k = 1
    elif first == "mit" and toks[1].lower_ in ANAPHORS.get(ctx.lang, set()) and toks[2].pos_ == "NOUN":
        k = 3
    else:
        return
    verb = toks[k]
    if verb.pos_ not in ("VERB", "AUX") or not is_finite(verb):
        return
    head = verb if verb.head.i == verb.i or dep(verb) not in ("aux", "aux:pass") else verb.head
    subjects = [c for c in subjects_of(head) if c.i > verb.i and c.pos_ in ("NOUN", "PROPN", "PRON")
                and not _oblique_np(ctx, c) and not is_impersonal(ctx.lang, c.text) and c.lower_ not in IMPERSONAL_PRONOUNS]
    if not subjects:
        return
    subj = subjects[0]
    s0, e0 = subtree_span(subj)
    e0 = min(e0, _subject_end(ctx, subj))
    if not (tokens.mentions_in(ctx.doc, s0, e0) or classify(ctx.doc, s0, e0) is not None
            or subj.lower_.endswith(_person_heads(ctx.lang))):
        return
    speaker, speaker_text = resolve_speaker(ctx, s0, e0, np_head=subj)
    if speaker != "author":
        ctx.back_anchors.append((sent.start_char, speaker, speaker_text))


def _inverted_frame(ctx: _Ctx, sent: Span) -> bool:
    """A main clause closed by a comma and a verb-first clause with its subject after the
    verb -- the German reporting parenthesis, whatever the verb: "Eine Frist hat noch nie
    geholfen, spielte der Kammerpräsident den Ball zurück", "Wir sind bereit, zeigte sich
    der Bürgermeister kämpferisch", "Das werde man nicht hinnehmen, gab sich die
    Gewerkschaft entschlossen". The clause before the comma is the subject's statement
    (direct, or indirect in Konjunktiv I). A verb-first clause after a comma is a main
    clause only after a fronted clause; when the first clause is itself a verb-first
    condition ("Wird das Gesetz beschlossen, steigen die Preise") or a subordinate clause
    ("Wenn …, steigen …"), it is not a frame. Returns True when a statement was added.
    German only; needs a parse."""
    if ctx.lang != "de" or not ctx.parsed:
        return False
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.i < sent.start + 3 or ctx.doc[root.i - 1].text != ",":
        return False
    if not is_finite(root) or _verb_entry(ctx, root, sent) is not None:
        return False  # a speech verb of the lexicon has its own rules
    first = ctx.doc[sent.start]
    if first.pos_ in ("VERB", "AUX", "SCONJ") or ctx.lex.clause_kind(first.lower_) is not None:
        return False
    before = [t for t in ctx.doc[sent.start : root.i - 1] if not t.is_punct]
    if len(before) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in before):
        return False
    # the content opens with a main clause of its own: its first comma-free stretch holds a
    # finite verb ("Nach Berichten lokaler Zeitungen, im Grenzgebiet seien …, leitete die
    # Türkei … ein" is one main clause with a fronted phrase, no frame)
    head_clause = []
    for t in ctx.doc[sent.start : root.i - 1]:
        if t.text == ",":
            break
        head_clause.append(t)
    if not any(t.pos_ in ("VERB", "AUX") and is_finite(t) for t in head_clause):
        return False
    if any(t.text == "," for t in ctx.doc[sent.start : root.i - 1]) and not any(
            c.i < root.i and dep(c) in CONTENT_LABELS for c in root.children):
        return False  # several clauses before: only when the parse makes them the verb's content
    after = ctx.doc[root.i + 1 : sent.end]
    if any(t.pos_ in ("VERB", "AUX") and t.head.i != root.i and dep(t) != "xcomp" for t in after) or \
            any(t.text in (",", ":", ";") for t in after):
        return False  # the frame ends the sentence
    subjects = [c for c in after if dep(c) in ("nsubj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN", "PRON")
                and (c.head.i == root.i or dep(c.head) == "xcomp" and c.head.head.i == root.i)]
    subjects = [c for c in subjects if not _oblique_np(ctx, c) and not is_impersonal(ctx.lang, c.text)
                and c.lower_ not in IMPERSONAL_PRONOUNS]
    if not subjects:
        # the parser took a noun of the clause before for the subject and the real one,
        # first after the verb, for an object ("Das sei ein Fehler, wies Finanzminister X
        # die Kritik zurück"): in the parenthesis the subject comes first after the verb
        first_np = next((t for t in after if t.pos_ not in ("DET", "ADJ", "PUNCT")), None)
        if first_np is not None and first_np.pos_ in ("NOUN", "PROPN") and dep(first_np) in ("obj", "iobj") \
                and first_np.head.i == root.i and not _oblique_np(ctx, first_np):
            subjects = [first_np]
    if not subjects or subjects[0].i > root.i + 4:
        return False
    subj = subjects[0]
    s0, e0 = subtree_span(subj)
    e0 = min(e0, _subject_end(ctx, subj))
    # someone who can speak: an actor, a person or group the reference layer knows, or a
    # person-role compound ("Kammerpräsident") -- not "die Proteste" ("Kaum war er da,
    # begannen die Proteste")
    if not (tokens.mentions_in(ctx.doc, s0, e0) or classify(ctx.doc, s0, e0) is not None
            or subj.lower_.endswith(_person_heads(ctx.lang))):
        return False
    speaker, speaker_text = resolve_speaker(ctx, s0, e0, np_head=subj)
    if speaker == "author":
        return False
    span = char_span(before)
    if span is None:
        return False
    text = doc_text(ctx.doc)
    ckind = content_kind(ctx.doc, span[0], span[1])
    _add(ctx, Statement(speaker=speaker, kind="indirect" if ckind == "kj1" else "direct",
                        text=text[span[0] : span[1]], span=span, speaker_text=speaker_text,
                        cue=root.text, verb_class="say"))
    return True


def _verbal_act_anchor(ctx: _Ctx, sent: Span) -> None:
    """A sentence whose main verb is a verbal act or a judgement with a named subject and
    no content of its own -- "Der Minister wies die Vorwürfe zurück.", "Die Grünen
    begrüßten die Einigung.", "Überzogen findet die Ärztekammer die Auflagen." -- makes that
    subject the speaker of the Konjunktiv-I sentences after it (an anchor, as a speech
    verb without content gives one): a new named subject starts a new report; the last
    statement's speaker before it no longer speaks. A pronoun subject ("Er lobte …") is
    resolved like any speaker; an impersonal one ("man", "es") names no one. Needs a parse."""
    if ctx.quote_at(sent.start_char) is not None or turn_at(ctx.turns, sent.start_char) is not None:
        return
    who = verbal_act_subject(ctx, sent, sent.end_char)
    if who is not None:
        ctx.anchors.append((sent.end_char, who[0], who[1]))


def verbal_act_subject(ctx: _Ctx, sent: Span, before: int) -> Optional[Tuple[str, Optional[str]]]:
    """``(speaker, speaker text)`` of the subject of ``sent``'s main verb (or a verb
    coordinated with it) before character ``before`` when that verb is a verbal act or a
    judgement (:func:`verbal_act_triggers`) and the subject names someone (an actor, a
    description such as "der Parteichef", a resolved pronoun); else None. Needs a parse."""
    if not ctx.parsed:
        return None
    triggers = verbal_act_triggers(ctx.lang)
    if not triggers:
        return None
    root = sent.root
    verbs = [root] + [c for c in root.children if dep(c) == "conj" and c.pos_ in ("VERB", "AUX")]
    for verb in verbs:
        if verb.pos_ not in ("VERB", "AUX") or verb.idx >= before:
            continue
        lemma = _verb_lemma(ctx, verb)
        if lemma not in triggers:
            continue
        if _no_act_sense(ctx.lang, verb, lemma):
            continue  # "ihm drohen Jahre in Haft": this sense of the verb is no verbal act
        words = triggers[lemma]
        if words:
            lemmas = {(t.lemma_ or t.lower_).lower() for t in sent if t.idx < before}
            if not any(any(l == w or l.endswith(w) for l in lemmas) for ws in words for w in ws):
                continue
        ctx.subject_head = None
        subj = _subject_tokens(ctx, verb, sent, (before, sent.end_char))
        subj = [t for t in subj if t.idx < before]
        if len(subj) == 1 and (_bare_fronted(ctx, subj[0], sent) or subj[0].lower_ in ANAPHORS.get(ctx.lang, set())):
            # "Überzogen/NOUN findet die Ärztekammer die Auflagen": the parser made the
            # fronted predicative the subject and the real one an object
            after = [c for c in verb.children if c.i > verb.i and dep(c) in ("obj", "nsubj", "iobj")
                     and c.pos_ in ("NOUN", "PROPN") and _named_np(ctx, c) and c.idx < before]
            if not after:
                continue
            s0, e0 = subtree_span(after[0])
            subj = [t for t in sent if s0 <= t.idx < min(e0, before)]
            ctx.subject_head = after[0]
        while subj and subj[-1].is_punct:
            subj = subj[:-1]
        if not subj or is_impersonal(ctx.lang, subj[0].text):
            continue
        s, e = subj[0].idx, subj[-1].idx + len(subj[-1])
        speaker, speaker_text = resolve_speaker(ctx, s, e, head=subj[0] if len(subj) == 1 else None,
                                                np_head=ctx.subject_head)
        if speaker == UNKNOWN and not tokens.mentions_in(ctx.doc, s, e):
            # "Die Entscheidung hält sie für richtig": of two parsed subjects the one that
            # names nobody is the fronted object; a judge is someone
            # a personal pronoun right after the verb is the inverted subject even when the
            # parser calls it an object ("… hält sie für richtig")
            inverted = [c for c in verb.children if c.i == verb.i + 1 and c.pos_ == "PRON"
                        and c.lower_ in THIRD_PERSON.get(ctx.lang, set()) - IMPERSONAL_PRONOUNS]
            for c in subjects_of(verb) + inverted:
                if c in subj or not (c.pos_ in ("PRON", "PROPN") or tokens.mentions_in(ctx.doc, c.idx, c.idx + len(c))):
                    continue
                c0, c1 = subtree_span(c)
                other, other_text = resolve_speaker(ctx, c0, c1, head=c if c1 - c0 == len(c) else None)
                if other not in (UNKNOWN, "author"):
                    speaker, speaker_text, s, e = other, other_text, c0, c1
                    subj = [t for t in sent if c0 <= t.idx < c1]
                    break
        if speaker == UNKNOWN:
            # "die Obfrau des Verbands, Martina Koss": the person named in
            # apposition to the description (the parser may hang it on the genitive)
            people = [m for m in tokens.mentions_in(ctx.doc, s, e) if ctx.actor_type.get(m.actor_id) == "PER"]
            if people:
                speaker = people[-1].actor_id
        described = len(subj) <= 10 and any(t.pos_ in ("NOUN", "PROPN") and t.text[:1].isupper() for t in subj)
        if speaker == "author" or (speaker == UNKNOWN and not described):
            continue  # "die Landesrätin", "der Parteichef": a description names a speaker too
        return speaker, speaker_text
    return None


def _previous_speaker(ctx: _Ctx, before: int, window: int = 600) -> Optional[Statement]:
    best = None
    cands = list(ctx.out) + [
        Statement(speaker=sp, kind="indirect", text="", span=(end, end), speaker_text=st)
        for end, sp, st in ctx.anchors
    ]
    for st in cands:
        if st.verb_class == "turn" or (st.speaker == UNKNOWN and not st.speaker_text):
            continue
        if st.span[1] <= before + 1 and before - st.span[1] <= window and st.speaker != "author":
            if best is None or st.span[1] > best.span[1]:
                best = st
    if best is not None and "\n\n" in doc_text(ctx.doc)[best.span[1] : before]:
        return None
    return best


@lru_cache(maxsize=4)  # asked per sentence: a file test and a set each time
def _source_adverbs(lang: str) -> frozenset:
    return lang_words(lang, "source_adverbs.txt", lower=False)


def _source_adverb(ctx: _Ctx, sent: Span) -> Optional[Token]:
    """"demnach"/"demzufolge" in a sentence right after a statement (within the window of
    :func:`_previous_speaker`): the sentence reports that source ("Das Verfahren wurde
    demnach eingeleitet"); without a statement before it, "demnach" is the author's
    inference and no statement."""
    words = _source_adverbs(ctx.lang)
    hit = next((t for t in sent if t.lower_ in words), None)
    if hit is None or ctx.quote_at(hit.idx) is not None:
        return None
    prev = _previous_speaker(ctx, sent.start_char, window=400)
    return hit if prev is not None and prev.speaker not in (UNKNOWN, "author") else None


def _first_person(ctx: _Ctx, toks) -> bool:  # type: ignore[no-untyped-def]
    return any(t.lower_ in ctx.lex.author_pronouns for t in toks)


def _person_before(ctx: _Ctx, start: int, end: int) -> Optional[Tuple[str, str]]:
    """``(actor id, text)`` of the last person (or organisation) mentioned in
    ``[start, end)``, else None."""
    found = [m for m in tokens.mentions_in(ctx.doc, start, end)
             if ctx.actor_type.get(m.actor_id) in ("PER", "ORG") or m.actor_id.startswith("prov:")]
    if not found:
        return None
    # a person before an organisation: "Bürgermeister Kurt Fischer (VP) sieht …:"
    people = [m for m in found if ctx.actor_type.get(m.actor_id) in ("PER", None)]
    m = (people or found)[-1]
    return m.actor_id, doc_text(ctx.doc)[m.start:m.end]


@lru_cache(maxsize=4)  # asked per sentence: a file test and a set each time
def _first_person_words(lang: str) -> frozenset:
    """Lower-case first-person pronouns and possessives (``data/<lang>/first_person.txt``)."""
    return lang_words(lang, "first_person.txt")


def _after_named_statement(ctx: _Ctx, sents: List[Span]) -> Iterator[Tuple[Span, Statement]]:
    """The sentences a continuation rule may take, each with the statement it would
    continue: a sentence no statement covers, outside quotes and interview turns, in the
    same paragraph as the sentence before it, which holds a statement of a named speaker
    (not the author, not unknown, not an interview turn); the latest-ending such statement.
    Lazy: a statement added for one sentence is the antecedent the next one sees (chains)."""
    text = doc_text(ctx.doc)
    for k in range(1, len(sents)):
        sent, prev_sent = sents[k], sents[k - 1]
        s0, s1 = sent.start_char, sent.end_char
        if _covered(ctx, s0, s1) or ctx.quote_at(s0) is not None or turn_at(ctx.turns, s0) is not None:
            continue
        if "\n\n" in text[prev_sent.end_char : s0]:
            continue
        before = [st for st in ctx.out if st.span[0] < prev_sent.end_char and st.span[1] > prev_sent.start_char
                  and st.speaker not in ("author", UNKNOWN) and st.verb_class != "turn"]
        if before:
            yield sent, max(before, key=lambda st: st.span[1])


def _first_person_continuations(ctx: _Ctx, sents: List[Span], author_voice: bool = False) -> None:
    """A sentence in the first person right after a statement of a named speaker, in the
    same paragraph, continues that speaker's words without quotation marks (the corpus
    dropped most of them): "Schon sein Vater sei ermordet worden, sagt er. … Ich wurde
    gefoltert." -- a direct statement of the same speaker. Outside such a context the first
    person is the author's own voice (``author_pronouns.txt``), so the sentence must follow
    the statement directly (a chain of such sentences continues it). ``author_voice``
    (:func:`_author_voice`): the text is a commentary, its first person the author's."""
    if author_voice:
        return  # session 30: a commentary's first person is its author's
    text = doc_text(ctx.doc)
    words = _first_person_words(ctx.lang)
    for sent, last in _after_named_statement(ctx, sents):
        if not any(t.lower_ in words for t in sent):
            continue
        span = char_span(list(sent))
        if span is None:
            continue
        _add(ctx, Statement(
            speaker=last.speaker, kind="direct", text=text[span[0] : span[1]], span=span,
            speaker_text=None, cue=None, verb_class="say",
        ))


def _author_voice(ctx: _Ctx, sents: List[Span]) -> bool:
    """Whether the author speaks in the first person (a commentary, a column): two sentences
    with a first-person word (``first_person.txt``) that no statement covers, outside quotes
    and interview turns, before the first statement of a named speaker (a first-person
    sentence after one may continue that speaker's words; one alone may be a headline
    quoting the speaker)."""
    words = _first_person_words(ctx.lang)
    named = [st.span[0] for st in ctx.out if st.speaker not in ("author", UNKNOWN) and st.verb_class != "turn"]
    first = min(named, default=len(doc_text(ctx.doc)))
    found = 0
    for sent in sents:
        s0, s1 = sent.start_char, sent.end_char
        if s1 > first:
            break
        if not any(t.lower_ in words and t.pos_ in ("PRON", "DET") for t in sent):
            continue
        if not (_covered(ctx, s0, s1) or ctx.quote_at(s0) is not None or turn_at(ctx.turns, s0) is not None):
            found += 1
    return found >= 2


def _speech_continuations(ctx: _Ctx, sents: List[Span], author_voice: bool = False) -> None:
    """A sentence right after a statement of a named speaker, in the same paragraph, that
    goes on with that speaker's words without quotation marks or a speech verb ("Die
    Ministerin kritisierte den Entwurf. Das ist inakzeptabel. Man muss jetzt handeln."):
    a statement of the same speaker, of the kind the classifier gives
    (:func:`lagebild.language.continuation.continues_speech`: direct, or indirect in
    Konjunktiv). A chain goes on while each next sentence continues; it stops at a
    sentence the classifier reads as narration (a new actor, the speaker named again or a
    pronoun of the reference layer resolves to the speaker -- "Man sollte ihm nicht
    glauben" is the author on the speaker --, a Präteritum verb, a speech verb, a time word
    of narration, a dateline), at a paragraph break, a quote or an interview turn.
    Interview turns and the author are no antecedents. With ``author_voice`` (the author
    speaks in the first person, :func:`_author_voice`) a first-person sentence is the
    author's, never a continuation."""
    text = doc_text(ctx.doc)
    words = _first_person_words(ctx.lang)
    objects = cue_words(ctx.lang, "object_pronoun")
    for sent, last in _after_named_statement(ctx, sents):
        s0, s1 = sent.start_char, sent.end_char
        if author_voice and any(t.lower_ in words for t in sent):
            continue  # a commentary: the first person is the author's
        ments = tokens.mentions_in(ctx.doc, s0, s1)
        mine = frozenset([(m.start, m.end) for m in ments if m.actor_id == last.speaker] + [
            (t.idx, t.idx + len(t.text)) for t in sent  # "Man sollte ihm nicht glauben": the author on the speaker
            if t.pos_ == "PRON" and t.lower_ in objects
            and _reference(ctx, t.idx, t.idx + len(t.text)) == last.speaker])
        others = frozenset((m.start, m.end) for m in ments if m.actor_id != last.speaker)
        kind = continues_speech(sent, ctx.lang, mine, others)
        span = char_span(list(sent))
        if kind is None or span is None:
            continue
        _add(ctx, Statement(
            speaker=last.speaker, kind=kind, text=text[span[0] : span[1]], span=span,
            speaker_text=last.speaker_text, cue=None, verb_class="say",
        ))


def _covered(ctx: _Ctx, start: int, end: int) -> bool:
    return any(st.span[0] < end and start < st.span[1] for st in ctx.out)


def _colon_quotes(ctx: _Ctx, sents: List[Span]) -> None:
    """Direct speech after a colon without quotation marks (the corpus dropped most of
    them): "Frühstücks Schlussfolgerung: Wir müssen …", "Bürgermeister X sieht strukturelle
    Gründe: Wir haben keine …", "…, meint aber: Seis drum, …". The clause after the colon
    is the speaker's when the text before it names a person (or a speech verb there had no
    content of its own) and the clause speaks in the first person -- or follows that
    speech verb. The speaker is the speech verb's subject, else the last person or
    organisation named before the colon."""
    text = doc_text(ctx.doc)
    anchors = {end: (sp, st) for end, sp, st in ctx.anchors}
    for k, sent in enumerate(sents):
        if turn_at(ctx.turns, sent.start_char) is not None or ctx.quote_at(sent.start_char) is not None:
            continue
        texts = tokens.token_texts(ctx.doc)
        colons = [ctx.doc[i] for i in range(sent.start + 1, sent.end - 2) if texts[i] == ":"]
        if colons:  # inside the sentence
            c = colons[0]
            right = [t for t in sent if t.i > c.i]
            span = char_span(right)
            if span is None or _covered(ctx, *span) or not right[0].text[:1].isupper():
                continue
            if _first_person(ctx, right):
                who = _person_before(ctx, sent.start_char, c.idx)
            else:
                # "Ähnlich sieht das der Geschäftsführer X: Jüngste Einzelfälle dürfen …",
                # "Die Opposition kritisierte: Die Regierung …": a verbal act or judgement
                # of a named subject before the colon frames what follows it
                who = verbal_act_subject(ctx, sent, c.idx) if len([t for t in right if not t.is_punct]) >= 3 else None
            if who is None:
                continue
            speaker, speaker_text = who
        elif k > 0 and tokens.span_text(sents[k - 1]).rstrip().endswith(":") and "\n\n" not in text[sents[k - 1].end_char : sent.start_char]:
            prev = sents[k - 1]
            span = char_span(list(sent))
            if span is None or _covered(ctx, *span):
                continue
            anchored = anchors.get(prev.end_char)
            if anchored is not None and (anchored[0] != UNKNOWN or anchored[1]):
                # "Der Minister sagte:" | "Die Lage ist ernst." — the splitter cut at the
                # colon; the speaker is the speech verb's subject even when no actor is known
                speaker, speaker_text = anchored
            elif _first_person(ctx, sent):
                who = _person_before(ctx, prev.start_char, prev.end_char)
                if who is None:
                    continue
                speaker, speaker_text = who
            else:
                continue
        else:
            continue
        _add(ctx, Statement(speaker=speaker, kind="direct", text=text[span[0]:span[1]], span=span,
                            speaker_text=speaker_text, cue=":", verb_class="say"))


# ---------------------------------------------------------------- main


def extract_statements(doc: Doc, lang: Optional[str] = None) -> List[Statement]:
    """All statements of ``doc`` (see module docstring)."""
    lex = statement_lexicon(lang or doc.lang_)
    ctx = _Ctx(doc, lex)
    doc.user_data[EXPECTATIONS_KEY] = []
    sents = sentences(doc)
    # interview turns: one direct statement per sentence of the turn (the interviewer's
    # turns too — a question put in an interview states the paper's framing)
    for turn in ctx.turns:
        if turn.body_start >= turn.end:
            continue
        for sent in sents:
            if sent.end_char <= turn.body_start or sent.start_char >= turn.end:
                continue
            s0, s1 = max(sent.start_char, turn.body_start), min(sent.end_char, turn.end)
            span = char_span([t for t in sent if s0 <= t.idx < s1])
            if span is None or span[1] - span[0] < 3:
                continue
            _add(
                ctx,
                Statement(
                    speaker=_turn_speaker(turn),
                    kind="direct",
                    text=doc_text(doc)[span[0] : span[1]],
                    span=span,
                    speaker_text=turn.speaker_text,
                    cue=doc_text(doc)[turn.start : turn.body_start].strip(),
                    verb_class="turn",
                ),
            )
    for sent in sents:
        _manner_back_anchor(ctx, sent)
        if _speech_verbs(ctx, sent):
            continue
        if _attributions(ctx, sent):
            continue
        if ctx.quote_at(sent.start_char) is not None:
            continue
        if _inverted_frame(ctx, sent):
            continue
        kj = _konjunktiv1(ctx, sent) or _wuerde_substitute(ctx, sent) or _source_adverb(ctx, sent)
        if kj is None:
            _verbal_act_anchor(ctx, sent)
            if _judgement_statement(ctx, sent):
                continue
        if kj is not None:
            prev = _previous_speaker(ctx, sent.start_char)
            span = char_span(list(sent))
            if span is None:
                continue
            governing = _governing_subject(ctx, kj, sent)
            speaker, speaker_text = governing or ((prev.speaker, prev.speaker_text) if prev else (UNKNOWN, None))
            _add(
                ctx,
                Statement(
                    speaker=speaker,
                    kind="indirect",
                    text=doc_text(doc)[span[0] : span[1]],
                    span=span,
                    speaker_text=speaker_text,
                    cue=kj.text,
                    verb_class="say",
                ),
            )
    _colon_quotes(ctx, sents)
    author_voice = _author_voice(ctx, sents)
    _first_person_continuations(ctx, sents, author_voice)
    _speech_continuations(ctx, sents, author_voice)
    # quotes with no speech verb: the preceding speaker in the paragraph, or the turn's
    for q in ctx.quotes:
        if q in ctx.used_quotes or q.n_words(doc_text(doc)) < MIN_QUOTE_WORDS or is_pseudo_quote(ctx, q):
            continue
        if any(st.span[0] <= q.start and q.end <= st.span[1] and st.kind == "direct" for st in ctx.out):
            continue
        turn = turn_at(ctx.turns, q.start)
        prev = _previous_speaker(ctx, q.outer[0])
        # "„…“. Diese Einschätzung äußerte der Politologe X": the next sentence names the speaker
        back = [
            (sp, st) for start, sp, st in ctx.back_anchors
            if 0 <= start - q.outer[1] <= 4 and not doc_text(doc)[q.outer[1] : start].strip(" .!?\u00a0")
        ]
        if back:
            speaker, speaker_text = back[0]
        elif prev is not None:
            speaker, speaker_text = prev.speaker, prev.speaker_text
        elif turn is not None:
            speaker, speaker_text = _turn_speaker(turn), turn.speaker_text
        else:
            speaker, speaker_text = UNKNOWN, None
        _add(
            ctx,
            Statement(
                speaker=speaker,
                kind="direct",
                text=doc_text(doc)[q.start : q.end],
                span=(q.start, q.end),
                speaker_text=speaker_text,
                cue=q.open_mark + q.close_mark,
                verb_class="say",
            ),
        )
    _first_person_after_colon(ctx, sents)
    ctx.out.sort(key=lambda s: s.span)
    return ctx.out


def _first_person_after_colon(ctx: _Ctx, sents: List[Span]) -> None:
    """"Vor dem Finale zeigte sich die Trainerin zuversichtlich: Ich glaube, dass …": a first-person
    speaker after a colon speaks for the person named before the colon in the same sentence
    (outside interview turns and quotes), not the author."""
    starts = [sent.start_char for sent in sents]
    for k, st in enumerate(ctx.out):
        if st.speaker != "author" or turn_at(ctx.turns, st.span[0]) is not None:
            continue
        i = bisect_right(starts, st.span[0]) - 1
        if i < 0:
            continue
        sent = sents[i]
        colons = [t for t in sent if t.text == ":" and t.idx < st.span[0]]
        if not colons or ctx.quote_at(colons[0].idx) is not None:
            continue
        who = _person_before(ctx, sent.start_char, colons[0].idx)
        if who is not None:
            ctx.out[k] = dataclasses.replace(st, speaker=who[0], speaker_text=who[1])


def _fronted_mit_object(ctx: _Ctx, tok: Token, sent: Span) -> Optional[Tuple[Token, List[Token]]]:
    """``(holder head, holder tokens)`` of a German V2 expectation whose Vorfeld is its
    "mit" object ("Mit 40 neuen Stellen rechnet die Kammer für 2026", also after a dateline,
    "Linz – Mit … rechnet das Amt …"), else None. A V2 clause holds one constituent before
    the finite verb ``tok``; when that constituent opens with "mit" it is the object, and the
    subject is the noun phrase the parser hung after the verb (as nsubj, obj or iobj) -- the
    parser often hangs the fronted phrase on the dateline or on a number instead, and makes
    the dateline or the fronted noun the subject. The phrase must hold a noun or number
    whose head lies outside it (the object's head); the holder is the post-verbal head with its left
    dependents (article, adjectives) and flat name parts, without trailing phrases. None
    when a "mit" phrase also follows the verb ("Mit Blick auf … rechnet sie mit …"), when a
    verb stands in the Vorfeld, or when no such subject follows."""
    if ctx.lang != "de" or not ctx.parsed or tok.pos_ not in ("VERB", "AUX"):
        return None
    doc = ctx.doc
    dl = dateline_tokens(sent, hyphen=True)
    start = max(dl) + 1 if dl else sent.start
    while start < tok.i and doc[start].is_punct:
        start += 1
    if start >= tok.i or doc[start].lower_ != "mit":
        return None
    phrase = range(start + 1, tok.i)
    if any(doc[j].pos_ in ("VERB", "AUX") or doc[j].text == "," for j in phrase):
        return None
    clause_end = next((t.i for t in doc[tok.i + 1 : sent.end] if t.text in (",", ":", ";")), sent.end)
    if any(doc[j].lower_ == "mit" for j in range(tok.i + 1, clause_end)):
        return None
    obj = next((doc[j] for j in phrase if doc[j].pos_ in ("NOUN", "PROPN", "NUM")
                and not (start <= doc[j].head.i < tok.i)), None)
    if obj is None:
        return None
    subj = next((c for c in tok.children if c.i > tok.i and dep(c) in ("nsubj", "obj", "iobj")
                 and c.pos_ in ("NOUN", "PROPN", "PRON")
                 and not any(dep(g) == "case" for g in c.children)), None)
    if subj is None:
        return None
    return subj, _np_core(subj)


def _np_core(head: Token) -> List[Token]:
    """The tokens of the noun phrase headed by ``head`` up to the head and its flat name
    parts: article, adjectives and compounds before it, no phrase after it ("die Stadt",
    not "die Stadt für 2026")."""
    flat = ("flat", "flat:name")
    first = min(t.i for t in head.subtree if t.i <= head.i or dep(t) in flat)
    last = max([head.i] + [t.i for t in head.subtree if dep(t) in flat])
    return [head.doc[j] for j in range(first, last + 1)]


def _dateline_held(ctx: _Ctx, tok: Token, sent: Span) -> Optional[Tuple[Token, List[Token]]]:
    """``(holder head, holder tokens)`` of a German expectation ``tok`` whose only subject
    in the parse is the dateline place, with two bare noun phrases after the verb ("Köln –
    Für das Quartal erwartet die Kammer weniger Aufträge": "Köln" nsubj, "Kammer" and
    "Aufträge" obj). In V2 order the first noun phrase after the finite verb is the
    subject and the second the object. None otherwise (a dateline is no one's argument,
    :func:`lagebild.language.dateline.dateline_tokens`)."""
    if ctx.lang != "de" or not ctx.parsed:
        return None
    dl = dateline_tokens(sent, hyphen=True)
    subjects = [c for c in tok.children if dep(c) == "nsubj"]
    if not dl or not subjects or any(t.i not in dl for t in subjects) or _undatelined(subjects, tok, sent):
        return None
    after = [c for c in tok.children if c.i > tok.i and dep(c) in ("obj", "iobj", "nsubj")
             and c.pos_ in ("NOUN", "PROPN") and not any(dep(g) == "case" for g in c.children)]
    if len(after) < 2:
        return None
    return after[0], _np_core(after[0])


def _computed_object(ctx: _Ctx, verb: Token, sent: Span) -> bool:
    """"rechnen" has an accusative object of its own ("rechnet die Aufgabe mit dem
    Taschenrechner"): a bare noun the parser calls ``obj``, while the verb has a subject
    besides it (not a dateline place) and no "mit" phrase stands before the verb (a subject
    after the verb may come out as ``obj``: "Mit 8.000 Kindern rechnet das Ministerium"),
    and not the end of a "mit" phrase the parser cut ("rechnet mit zwei
    Milliarden Euro Flüchtlingskosten": the noun right after the phrase continues it)."""
    doc = ctx.doc
    dl = dateline_tokens(sent, hyphen=True)  # ("Wien – Mit 8.000 Kindern rechnet das Ministerium": no subject)
    if not any(dep(c) == "nsubj" and c.i not in dl for c in verb.children):
        return False
    mits = [t for t in sent if any(dep(g) == "case" and g.lower_ == "mit" for g in t.children)]
    if any(t.lower_ == "mit" and t.i < verb.i for t in sent):
        return False  # a fronted "mit" phrase (by its word: the parse may mislabel it): the noun after the verb is the subject
    mit_ends = {t.right_edge.i for t in mits}
    return any(
        dep(c) == "obj" and c.pos_ == "NOUN" and not any(dep(g) == "case" for g in c.children)
        and (c.left_edge.i - 1) not in mit_ends and doc[c.left_edge.i - 1].lower_ != "mit"
        for c in verb.children
    )


def _slipped_object(ctx: _Ctx, verb: Token, sent: Span) -> Optional[Token]:
    """The object of a German expectation verb that the parser hung on another noun of its
    clause (forecast inventory, session 31): an indefinite noun phrase hung on the subject
    after the verb ("Für 2027 prognostiziert das Wifo ein Plus …": "ein Plus" nmod of
    "Wifo"); the "mit" phrase of "rechnen" hung on another prepositional phrase of the verb
    ("rechnet für das kommende Jahr mit einem Verlust"; not "von": "geht am Montag von Bord
    aus" is no expectation); a bare noun before the
    separated particle ("sagen für das Wochenende Schnee voraus": "Schnee" advmod of
    "voraus"). Returns the object's head, or None (also without a German parse)."""
    if ctx.lang != "de" or not ctx.parsed:
        return None
    doc = ctx.doc
    cs, ce = clause_bounds(sent, verb.i)
    subjects = [c for c in verb.children if dep(c) == "nsubj"]
    particles = [c for c in verb.children if dep(c) in ("compound:prt", "advmod", "compound") and c.i > verb.i and c.is_lower]
    for j in range(max(cs, verb.i + 1), ce):
        t = doc[j]
        if t.pos_ != "NOUN" or tokens.mentions_in(doc, t.idx, t.idx + len(t)):
            continue
        cases = [g.lower_ for g in t.children if dep(g) == "case"]
        dets = [g.lower_ for g in t.children if dep(g) == "det"]
        head = t.head
        if dep(t) == "nmod" and not cases and head in subjects and dets and dets[0] in ("ein", "eine", "einen") and head.i < t.i:
            return t
        if dep(t) == "nmod" and cases and cases[0] == "mit" and (verb.lemma_ or "").lower() == "rechnen" and (
            head.head.i == verb.i and dep(head) == "obl" and any(dep(g) == "case" for g in head.children)
        ):
            return t
        if not cases and dep(t) in ("advmod", "obl", "nmod") and head in particles and not t.text[:1].islower():
            return t
    return None


def _bare_object_after(ctx: _Ctx, verb: Token, c: Token) -> Optional[Token]:
    """The accusative object of the German expectation verb ``verb`` that the parser gave
    another label, when ``c`` (a dependent of ``verb``) shows it: a bare noun right after a
    prepositional phrase that the parser hung on that phrase as an apposition ("erwartet …
    an allen Ufern Hochwasser": "Hochwasser" appos of "Ufern"), or a bare noun (no
    preposition, no actor mention) that ends the sentence and that the parser called an
    oblique ("erwartet … auf allen Linien Verspätungen"). Returns the object's head, or None."""
    if ctx.lang != "de" or c.i <= verb.i:
        return None
    def bare(t: Token) -> bool:
        return t.pos_ in ("NOUN", "PROPN") and not any(dep(g) == "case" for g in t.children) and (
            t.left_edge.pos_ != "ADP") and not tokens.mentions_in(ctx.doc, t.idx, t.idx + len(t))
    if dep(c) in ("obl", "nmod") and any(dep(g) == "case" for g in c.children):
        return next((g for g in c.children if dep(g) == "appos" and g.i == c.i + 1 and bare(g)), None)
    last = max((t.i for t in c.sent if not t.is_punct), default=-1)
    if dep(c) == "obl" and c.i == last and bare(c) and not c.text[:1].islower():
        return c
    return None
