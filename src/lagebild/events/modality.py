"""Modality and negation of a coded event, from cue words (data files), morphology
(Mood=Sub, VerbForm), the clause structure (governing cue verbs, conditional clauses) and
the statements found before (``doc._.statements``).

GDELT codes threats and hypotheticals as facts; lagebild keeps them apart: every event
has one primary ``modality`` (the first of :data:`PRIORITY` that applies) and the full
list in ``modalities``.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, List, Optional, Set

from spacy.tokens import Doc, Token

from ..tokens import doc_text, token_texts

if TYPE_CHECKING:
    from .coder import EventCoder

PRIORITY = (
    "conditional",
    "hypothetical",
    "threatened",
    "promised",
    "demanded",
    "proposed",
    "predicted",
    "reported",
    "asserted",
)


@dataclass
class ModalityInfo:
    modality: str = "asserted"
    modalities: List[str] = field(default_factory=list)
    negated: bool = False
    condition: Optional[str] = None
    speaker: Optional[str] = None
    holder: Optional[str] = None
    announced: bool = False  # the cue verb codes the act itself ("kündigte Sanktionen an")


def _subject_actor(coder: "EventCoder", doc: Doc, verb: Token) -> Optional[str]:
    for s in coder.subjects(verb):
        actor = coder.arg(doc, s).actor
        if actor:
            return actor
    return None


def _is_negation(coder: "EventCoder", token: Token) -> bool:
    return coder.role(token) == "neg" or token.lower_ in coder.lex.negation and coder.role(token) in (
        "mod", "det", "other", "neg", "advmod"
    ) or (token.lower_ in coder.lex.negation and token.dep_ in ("advmod", "det", "neg", "ng", "nk", "mo"))


def _condition_clause(coder: "EventCoder", doc: Doc, clause: Token) -> Optional[str]:
    """The text of ``clause`` when it is introduced by a conditional mark."""
    marks = [c for c in clause.children if coder.role(c) == "mark"]
    skip = {t.i for c in clause.children if coder.role(c) == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
    inside = {t.i for t in clause.subtree if t.i not in skip}
    first = min(inside)
    # the contiguous stretch from the clause's first token, cut before ", und …"
    tokens = []
    for tok in doc[first:]:
        if tok.i not in inside:
            break
        if tokens and tok.is_punct and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in (
                "und", "and", "aber", "but", "doch", "sondern", "oder", "or"):
            break
        tokens.append(tok)
    while tokens and (tokens[-1].is_punct or coder.role(tokens[-1]) == "cc"):
        tokens.pop()
    lead = " ".join(t.lower_ for t in tokens[:3])
    for m in coder.lex.conditional_marks:
        if any(x.lower_ == m for x in marks) or (" " in m and lead.startswith(m)) or (
            not marks and tokens and tokens[0].lower_ == m
        ):
            start = tokens[0].idx
            end = tokens[-1].idx + len(tokens[-1])
            text = doc_text(doc)[start:end].strip(" ,;")
            return text
    return None


def _linear_condition(coder: "EventCoder", doc: Doc, verb: Token) -> Optional[str]:
    """A conditional clause after the event verb in the same sentence, when the parse did
    not attach it (weak parsers often make it the root): from the mark to the clause end."""
    s_start, s_end = coder.sent_bounds(verb)
    sent = doc[s_start:s_end]
    # Token objects are made only for the positions looked at (the sentence's first three,
    # then those after the verb): spaCy creates one per index access
    texts = token_texts(doc)
    # a fronted condition: "(Und) falls das scheitert, wird sie …" — up to its comma
    lead = [t for t in (doc[i] for i in range(s_start, min(s_start + 3, s_end)))
            if t.lower_ not in ("und", "and", "aber", "but", "doch", "denn")]
    if lead and lead[0].lower_ in coder.lex.conditional_marks and lead[0].i < verb.i:
        comma = next((i for i in range(lead[0].i + 1, verb.i) if texts[i] == ","), None)
        if comma is not None:
            text = doc[lead[0].i:comma].text.strip(" ,;.")
            if text:
                return text
    start = None
    for t in (doc[i] for i in range(verb.i + 1, s_end)):
        if t.pos_ in ("VERB",) and start is None and t.i > verb.i + 1 and coder.lex.patterns.get(coder.lemma(t)) and t.head.i == verb.i:
            return None  # another coded clause comes first
        if t.lower_ in coder.lex.conditional_marks and coder.role(t) in ("mark", "other", "advmod", "cc") and (
                t.i == 0 or doc[t.i - 1].is_punct):
            start = t.i
            break
    if start is None:
        return None
    end = start
    for t in doc[start:sent.end]:
        if t.text in (";", ":") or (t.is_punct and t.i + 1 < sent.end and doc[t.i + 1].lower_ in ("und", "and", "aber", "but", "doch")):
            break
        end = t.i
    text = doc[start:end + 1].text.strip(" ,;.")
    return text or None


def _linear_negation(coder: "EventCoder", doc: Doc, verb: Token) -> bool:
    """German sentential negation the parse hung elsewhere: "nicht"/"nie" in the event
    verb's own clause (after the finite verb up to the clause end, or — verb-final — before
    the verb up to the clause start), not inside a prepositional phrase."""
    from ..language.clauses import clause_phrases, finite_verb

    fin = finite_verb(verb) or verb
    start_i, end_i = coder.sent_bounds(verb)
    lo, hi = min(fin.i, verb.i), max(fin.i, verb.i)
    k = hi + 1
    while k < end_i and not (doc[k].is_punct or doc[k].lower_ in ("und", "oder", "aber", "sondern") or doc[k].pos_ in ("VERB", "AUX")):
        k += 1
    window = list(doc[lo + 1:k])
    if fin.i >= verb.i or fin is verb and verb.i > start_i and any(t.lower_ in ("dass", "weil", "ob", "wenn") for t in doc[start_i:verb.i]):
        # verb-final: the Mittelfeld lies before the verb
        j = lo - 1
        while j >= start_i and not (doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX", "SCONJ")):
            j -= 1
        window = list(doc[j + 1:lo]) + window
    del clause_phrases
    return any(t.lower_ in ("nicht", "nie", "niemals") and not any(coder.role(x) == "case" for x in t.head.children if x.i < t.i)
               for t in window)


def analyse_modality(coder: "EventCoder", doc: Doc, verb: Token, statements: list, stmt_starts: List[int]) -> ModalityInfo:
    lex = coder.lex
    mods: Set[str] = set()
    info = ModalityInfo()
    reporting_context = False

    # the clause chain: the event verb and the verbs governing it
    chain: List[Token] = [verb]
    cur = verb
    while cur.head.i != cur.i and len(chain) < 6:
        link = coder.role(cur)
        if link in ("advcl", "acl") and cur.head.pos_ in ("VERB", "AUX") and coder.is_infinitive_clause(cur):
            link = "xcomp"
        if cur.dep_.startswith(("ccomp", "csubj")) and cur.head.pos_ in ("ADJ", "NOUN"):
            # "es ist wichtig, dass …", "it is possible that …": an evaluation, not an assertion
            mods.add("hypothetical")
        if link not in ("xcomp", "ccomp", "conj"):
            break
        cur = coder.control_head(cur, cur.head) if link == "xcomp" else cur.head
        chain.append(cur)
        lemma_keys = coder.trigger_keys(cur)
        if link in ("xcomp", "ccomp"):
            for key in lemma_keys:
                kind = lex.cue_verbs.get(key)
                if kind:
                    mods.add(kind)
                    info.holder = info.holder or _subject_actor(coder, doc, cur)
                    break
            if link == "xcomp" and any(k in lex.negating_verbs for k in lemma_keys):
                info.negated = True
            if any(k in lex.reporting for k in lemma_keys) and (link == "ccomp" or (
                    link == "xcomp" and any(k in lex.object_control for k in lemma_keys))):
                # said, or alleged of someone ("warf Putin vor, … anzugreifen")
                mods.add("reported")
                reporting_context = True
                info.speaker = info.speaker or _subject_actor(coder, doc, cur)

    if lex.lang == "de" and len(chain) == 1:
        # a zu-infinitive the parse did not hang on its controller ("forderte X auf, Y
        # freizulassen" with the infinitive read as a compound): the controller by word order
        from ..language.clauses import infinitive_controller, zu_infinitive

        if zu_infinitive(verb):
            ctrl = infinitive_controller(verb)
            if ctrl is not None:
                keys = coder.trigger_keys(ctrl)
                kind = next((lex.cue_verbs[k] for k in keys if k in lex.cue_verbs), None)
                if kind:
                    mods.add(kind)
                    mods.discard("reported")
                    info.holder = info.holder or _subject_actor(coder, doc, ctrl)
                if any(k in lex.negating_verbs for k in keys):
                    info.negated = True

    # auxiliaries, modals and negation on the event verb and its governors
    has_have = False
    hyp_words: List[str] = []
    for i, v in enumerate(chain):
        if i > 0 and coder.role(chain[i - 1]) == "conj" and coder.children(chain[i - 1], "aux", "aux_pass", "subj", "subj_pass"):
            break  # a coordinated clause with its own auxiliary or subject keeps its own modality
        auxes = coder.children(v, "aux", "aux_pass")
        passive = coder.is_passive(v)
        for a in auxes:
            w = a.lower_
            if w in lex.future_aux and not (coder.role(a) == "aux_pass" or (lex.lang == "de" and passive and "Part" in v.morph.get("VerbForm"))):
                mods.add("predicted")
            if w in lex.hypothetical_aux or ("Sub" in a.morph.get("Mood") and coder.lemma(a) in ("werden", "haben", "sein", "können", "müssen", "dürfen", "sollen")
                                             and w not in lex.reported_aux):
                hyp_words.append(w)
            if w in lex.reported_aux:
                mods.add("reported")
            if coder.lemma(a) in ("have", "haben"):
                has_have = True
            kind = lex.cue_verbs.get(coder.lemma(a))
            if kind:
                mods.add(kind)
            for c in a.children:
                if _is_negation(coder, c):
                    info.negated = True
        # negation counts on the event verb and on a governing cue verb ("drohte nicht, …
        # abzuziehen"), not on a reporting or unrelated governing clause
        if i == 0 or any(k in lex.cue_verbs for k in coder.trigger_keys(v)):
            for c in v.children:
                if _is_negation(coder, c):
                    info.negated = True
        if i == 0:
            for o in coder.children(v, "obj", "subj_pass"):
                if any(d.lower_ in lex.negation for d in o.children if coder.role(d) in ("det", "mod", "neg", "other")):
                    info.negated = True
        # conditions: an if-clause attached to the clause, or the event inside one
        for c in v.children:
            if coder.role(c) == "advcl":
                cond = _condition_clause(coder, doc, c)
                if cond and info.condition is None:
                    info.condition = cond
                    mods.add("conditional")
        if coder.role(v) == "advcl" and _condition_clause(coder, doc, v):
            mods.add("hypothetical")
    if not info.negated and lex.lang == "de" and verb.pos_ in ("VERB", "AUX", "ADJ", "PROPN", "NOUN", "X", "ADV"):
        info.negated = _linear_negation(coder, doc, verb)
    if info.condition is None:
        cond = _linear_condition(coder, doc, verb)
        if cond:
            info.condition = cond
            mods.add("conditional")
    if lex.lang == "de" and "Sub" in verb.morph.get("Mood") and not coder.children(verb, "aux", "aux_pass"):
        # a finite main verb in the subjunctive: Konjunktiv I (present stem: "greife an",
        # "sei") reports speech, Konjunktiv II (past stem: "griffe", "wäre") is hypothetical
        if verb.lower_ in lex.reported_aux or "Pres" in verb.morph.get("Tense"):
            mods.add("reported")
        elif verb.lower_ in lex.hypothetical_aux or "Past" in verb.morph.get("Tense"):
            mods.add("hypothetical")
    if hyp_words:
        # "er sagte, er würde …" / "he said he would …" is a reported prediction
        if reporting_context and not has_have and all(w in ("würde", "würden", "would", "'d") for w in hyp_words):
            mods.add("predicted")
        else:
            mods.add("hypothetical")

    # attributed to a speaker by the statements component
    if statements:
        k = bisect_right(stmt_starts, verb.idx)
        for stmt in statements[max(0, k - 8):k][::-1]:
            if stmt.span[0] <= verb.idx < stmt.span[1] and stmt.speaker != "author" \
                    and not (stmt.cue and verb.text in stmt.cue.split()):
                # (a statement whose cue is the event verb itself, "Danach lobte er X": the
                # speech act is the event, narrated by the author, not reported content)
                mods.add("reported")
                info.speaker = info.speaker or stmt.speaker
                break
    s_start, s_end = coder.sent_bounds(verb)
    last = next((t for t in reversed(doc[s_start:s_end]) if not (t.is_space or t.text in ('"', "“", "”", "»", "«", "'"))), None)
    if last is not None and last.text == "?" and not info.speaker:
        mods.add("hypothetical")  # a question asserts nothing
    info.modalities = [m for m in PRIORITY if m in mods] or ["asserted"]
    info.modality = info.modalities[0]
    return info
