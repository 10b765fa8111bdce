"""The event coder: dependency parse + patterns → :class:`~lagebild.schemas.Event` records.

For every verb whose lemma (with its separable/phrasal particle) is a pattern trigger the
coder finds the source (subject, or the von/by-agent of a passive), the target (the
pattern's slots: object, dative object, prepositional phrase), expands coordination
("Rubio, Witkoff und Kellogg trafen …" → one event per source), links arguments to actors
through ``doc._.mentions`` and adds modality, negation, condition, date and place.
An argument without an actor stays None; a clause where no actor acts is not coded.
"""
from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

from spacy.tokens import Doc, Span, Token

from ..schemas import Event
from ..tokens import get_list, mentions_in
from .cameo import CameoOntology, load_ontology
from .lexicon import Lexicon, load_lexicon
from .modality import ModalityInfo, analyse_modality
from .patterns import Pattern

NOMINAL_POS = {"NOUN", "PROPN", "PRON", "X", "NUM", "ADJ", "DET", ""}


class Arg:
    """One argument: its head token and the actor it refers to (or None)."""

    __slots__ = ("token", "actor", "text", "start", "end")

    def __init__(self, token: Token, actor: Optional[str], text: str, start: int, end: int) -> None:
        self.token = token
        self.actor = actor
        self.text = text
        self.start = start
        self.end = end


class EventCoder:
    def __init__(
        self,
        lang: str,
        *,
        lexicon: Optional[Lexicon] = None,
        ontology: Optional[CameoOntology] = None,
        require_actor: bool = True,
        nested: str = "embedded",
    ) -> None:
        """nested: which event a verb governing another coded verb keeps —
        "embedded" (lagebild: "droht, … abzuziehen" codes the withdrawal, threatened) or
        "governing" (PETRARCH: the first verb of the chain is coded)."""
        self.nested = nested
        self.lang = lang
        self.lex = lexicon or load_lexicon(lang)
        self.ontology = ontology or load_ontology()
        self.require_actor = require_actor

    # ------------------------------------------------------------------ syntax helpers
    def role(self, token: Token) -> str:
        return self.lex.role(token.dep_)

    def children(self, token: Token, *roles: str) -> List[Token]:
        return [c for c in token.children if self.lex.role(c.dep_) in roles]

    def lemma(self, token: Token) -> str:
        lemma = (token.lemma_ or "").lower()
        text = token.text.lower()
        if not lemma or lemma == text:
            return self.lex.forms.get(text, lemma or text)
        return lemma

    def trigger_keys(self, token: Token) -> List[str]:
        """Pattern keys for a verb: particle + lemma (de "ablehnen"), lemma + particle
        (en "pull out"), then the lemma alone."""
        lemma = self.lemma(token)
        keys: List[str] = []
        prts = self.children(token, "prt")
        for prt in prts:
            p = prt.text.lower()
            keys.append(p + lemma if self.lang == "de" else f"{lemma} {p}")
        if prts:
            # a separable/phrasal verb is not its base verb ("schlug vor" is not "schlagen")
            return keys
        if self.lang != "de" and token.i + 1 < len(token.doc):
            nxt = token.doc[token.i + 1]
            if nxt.pos_ in ("ADP", "PART", "ADV") or self.role(nxt) == "prt":
                keys.append(f"{lemma} {nxt.text.lower()}")
        keys.append(lemma)
        return keys

    def is_passive(self, verb: Token) -> bool:
        if self.children(verb, "aux_pass", "subj_pass"):
            return True
        if self.lang == "de" and "Part" in verb.morph.get("VerbForm"):
            return any(self.lemma(a) == "werden" for a in self.children(verb, "aux"))
        return False

    def prep_args(self, head: Token) -> Iterable[Tuple[str, Token]]:
        """(preposition, argument) pairs under ``head`` (UD obl/nmod + case, or
        ClearNLP/TIGER prep → pobj)."""
        for c in head.children:
            role = self.lex.role(c.dep_)
            if role in ("obl", "agent_obl", "poss"):
                case = [x for x in c.children if self.lex.role(x.dep_) == "case"]
                if case:
                    yield self.lex.prep(case[0].text), c
                elif role == "agent_obl":
                    yield next(iter(self.lex.agent_preps), "by"), c
            elif role == "prep_head" and c.pos_ in ("ADP", ""):
                for gc in c.children:
                    if self.lex.role(gc.dep_) in ("pobj", "obj", "obl"):
                        yield self.lex.prep(c.text), gc
                if c.dep_ == "agent":
                    for gc in c.children:
                        if self.lex.role(gc.dep_) == "pobj":
                            yield next(iter(self.lex.agent_preps), "by"), gc

    def expand_conj(self, token: Token) -> List[Token]:
        mods = [c for c in token.children if self.lex.role(c.dep_) in ("name", "mod") and c.i < token.i]
        if len(mods) >= 2 and any(self.lex.role(x.dep_) == "cc" for m in mods for x in m.children):
            doc = token.doc
            if self._actor_over(doc, [token]) is None:
                linked = [m for m in mods if self._actor_over(doc, [m])]
                if len(linked) >= 2:
                    return linked
        out = [token]
        stack = [token]
        while stack:
            t = stack.pop()
            for c in t.children:
                if self.lex.role(c.dep_) == "conj" and c.pos_ in NOMINAL_POS:
                    out.append(c)
                    stack.append(c)
                elif self.lex.role(c.dep_) == "cc" and c.dep_ == "cd":  # TIGER: X -cd-> und -cj-> Y
                    for gc in c.children:
                        if self.lex.role(gc.dep_) == "conj":
                            out.append(gc)
                            stack.append(gc)
        return out

    def arg(self, doc: Doc, token: Token) -> Arg:
        """Link an argument to an actor: the head's own name span first, then its subtree
        (without coordinated members, relative clauses and appositions)."""
        skip_roles = ("conj", "cc", "acl", "appos", "punct", "advcl", "ccomp")
        core = [token] + [c for c in token.children if self.lex.role(c.dep_) in ("name",)]
        start = min(t.idx for t in core)
        end = max(t.idx + len(t) for t in core)
        actor = self._actor_over(doc, core)
        tokens: List[Token] = []
        stack = [token]
        while stack:
            t = stack.pop()
            tokens.append(t)
            for c in t.children:
                if self.lex.role(c.dep_) not in skip_roles:
                    stack.append(c)
        tokens.sort(key=lambda t: t.i)
        while len(tokens) > 1 and self.lex.role(tokens[0].dep_) == "case":
            tokens.pop(0)
        if actor is None:
            actor = self._actor_over(doc, tokens)
        s = tokens[0].idx
        e = tokens[-1].idx + len(tokens[-1])
        text = doc.text[s:e]
        return Arg(token, actor, text, min(s, start), max(e, end))

    @staticmethod
    def _actor_over(doc: Doc, tokens: Sequence[Token]) -> Optional[str]:
        if not tokens:
            return None
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t) for t in tokens)
        found = mentions_in(doc, start, end)
        if not found:
            return None
        inside = []
        bounds = [(t.idx, t.idx + len(t)) for t in tokens]
        for m in found:
            if any(m.start < e and s < m.end for s, e in bounds):
                inside.append(m)
        if not inside:
            return None
        return max(inside, key=lambda m: (m.end - m.start, -m.start)).actor_id

    # ------------------------------------------------------------------ arguments
    def subjects(self, verb: Token, seen: Optional[Set[int]] = None) -> List[Token]:
        """Subject tokens of ``verb``, inherited through coordination, control and
        relative clauses."""
        seen = seen or set()
        if verb.i in seen:
            return []
        seen.add(verb.i)
        subj = self.children(verb, "subj", "subj_pass")
        if subj:
            out: List[Token] = []
            for s in subj:
                if s.lower_ in self.lex.relative_pronouns and self.role(verb) == "acl":
                    out.append(verb.head)
                else:
                    out.append(s)
            return out
        role = self.role(verb)
        head = verb.head
        if head is verb:
            return []
        if role == "conj":
            return self.subjects(head, seen)
        if role == "xcomp" or (role in ("advcl", "ccomp") and verb.morph.get("VerbForm") == ["Inf"]):
            if any(k in self.lex.object_control for k in self.trigger_keys(head)):
                objs = self.children(head, "obj", "iobj")
                if objs:
                    return objs
            return self.subjects(head, seen)
        if role == "acl" and head.pos_ in ("NOUN", "PROPN") and verb.morph.get("VerbForm") == ["Part"]:
            return []
        return []

    def _sources_targets(self, verb: Token, pattern: Pattern) -> Tuple[List[Token], List[Token], Optional[Token]]:
        """(source tokens, target tokens, issue token) before coordination expansion."""
        passive = self.is_passive(verb)
        subjects = self.subjects(verb)
        objs = self.children(verb, "obj")
        prep_cache: Optional[List[Tuple[str, Token]]] = None

        def slot_tokens(slot: str) -> List[Token]:
            nonlocal prep_cache
            if slot == "subj":
                return subjects
            if slot in ("obj", "iobj"):
                return [c for c in self.children(verb, slot) if not self._is_reciprocal(c) and c.pos_ != "VERB"]
            if slot == "any":
                # the first actor in the predicate (PETRARCH: the first actor of the verb phrase)
                banned = {t.i for s in subjects for t in s.subtree}
                banned |= {t.i for c in verb.children if c.dep_ in ("parataxis", "punct") for t in c.subtree}
                for tok in verb.subtree:
                    if tok.i > verb.i and tok.i not in banned and tok.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
                        actor = self.arg(verb.doc, tok).actor
                        if actor and not actor.startswith("---"):
                            return [tok]
                return []
            if slot.startswith("prep:"):
                if prep_cache is None:
                    prep_cache = list(self.prep_args(verb))
                    for o in objs:
                        prep_cache.extend(self.prep_args(o))
                want = slot[5:]
                return [a for p, a in prep_cache if (p == want or want == "*") and not (passive and p in self.lex.agent_preps)]
            return []

        def pick(slots: Sequence[str]) -> List[Token]:
            first: List[Token] = []
            for slot in slots:
                cands = slot_tokens(slot)
                if cands and not first:
                    first = cands
                if cands and any(self._has_actor(verb.doc, c) for c in cands):
                    return cands
            return first

        if passive:
            agents = [a for p, a in self.prep_args(verb) if p in self.lex.agent_preps]
            sources, targets = agents, subjects
        elif pattern.source_slots != ("subj",):
            sources = pick(pattern.source_slots)
            targets = pick(pattern.target)
        else:
            sources = subjects
            targets = pick(pattern.target)
        issue: Optional[Token] = None
        for obj in objs:
            if not self._is_reciprocal(obj) and obj.pos_ != "VERB":
                issue = issue or obj
        return sources, targets, issue

    def _has_actor(self, doc: Doc, token: Token) -> bool:
        return any(self.arg(doc, t).actor for t in self.expand_conj(token))

    def _is_reciprocal(self, token: Token) -> bool:
        return token.lower_ in self.lex.reciprocal or (
            token.pos_ == "PRON" and "Reflex=Yes" in str(token.morph)
        )

    def _token_matches(self, token: Token, word: str) -> bool:
        lemma = self.lemma(token)
        text = token.lower_
        if lemma == word or text == word:
            return True
        if " " in word:
            parts = word.split(" ")
            doc = token.doc
            i = token.i
            if i + len(parts) <= len(doc):
                window = [self.lemma(doc[i + k]) for k in range(len(parts))]
                texts = [doc[i + k].lower_ for k in range(len(parts))]
                if all(w in (a, b) or b.startswith(w) for w, a, b in zip(parts, window, texts)):
                    return True
            return False
        if len(word) >= 4:
            if self.lang == "de" and (lemma.endswith(word) or any(text.endswith(word + s) for s in ("", "e", "en", "n", "s", "es", "er", "ern"))):
                return True
            if text.startswith(word) and len(text) - len(word) <= 3:
                return True
        return False

    def _matches_words(self, token: Token, pattern: Pattern) -> bool:
        return any(self._token_matches(token, w) for alts in pattern.words for w in alts)

    def predicate_scope(self, verb: Token) -> List[Token]:
        """Tokens a pattern's words may come from: the verb's subtree without its subject
        and without embedded clauses."""
        out: List[Token] = []
        stack = [c for c in verb.children if self.lex.role(c.dep_) not in ("subj", "subj_pass", "advcl", "ccomp", "conj", "acl", "punct")]
        while stack:
            t = stack.pop()
            out.append(t)
            for c in t.children:
                if self.lex.role(c.dep_) not in ("advcl", "ccomp", "acl", "punct") and not (c.pos_ in ("VERB", "AUX") and self.lex.role(c.dep_) == "conj"):
                    stack.append(c)
        return out

    def _in_order(self, tokens: List[Token], words: Sequence[FrozenSet[str]], adjacent: Sequence[bool] = ()) -> bool:
        """Each word set matched by a later token than the one before; gaps allowed unless
        ``adjacent`` says the word must directly follow (backtracking over choices)."""
        def step(k: int, j: int) -> bool:
            if j == len(words):
                return True
            glue = j < len(adjacent) and adjacent[j]
            last = k if glue else len(tokens) - 1
            for pos in range(k, min(last, len(tokens) - 1) + 1):
                tok = tokens[pos]
                if any(self._token_matches(tok, w) for w in words[j]):
                    span = max((len(w.split(" ")) for w in words[j] if self._token_matches(tok, w)), default=1)
                    if step(pos + span, j + 1):
                        return True
            return False

        return step(0, 0)

    def match(self, verb: Token) -> List[Pattern]:
        """Patterns for ``verb``, best first; patterns flagged ``extra`` come along."""
        scope: Optional[List[Token]] = None
        for key in self.trigger_keys(verb):
            candidates = self.lex.patterns.get(key)
            if not candidates:
                continue
            out: List[Pattern] = []
            before: Optional[List[Token]] = None
            after: Optional[List[Token]] = None
            for p in candidates:
                if p.codeless:
                    continue
                if p.pre_words:
                    if before is None:
                        start = verb.sent.start if verb.doc.has_annotation("SENT_START") else 0
                        before = list(verb.doc[start:verb.i])
                    if p.ordered:
                        if not self._in_order(before, p.pre_words):
                            continue
                    elif not all(any(self._token_matches(t, w) for t in before for w in alts) for alts in p.pre_words):
                        continue
                if p.words and p.ordered:
                    if after is None:
                        end = verb.sent.end if verb.doc.has_annotation("SENT_START") else len(verb.doc)
                        after = list(verb.doc[verb.i + 1:end])
                    if not self._in_order(after, p.words, p.adjacent):
                        continue
                elif p.words:
                    if scope is None:
                        scope = self.predicate_scope(verb)
                    if not all(any(self._token_matches(t, w) for t in scope for w in alts) for alts in p.words):
                        continue
                out.append(p)
            if out:
                return out
        return []

    # ------------------------------------------------------------------ coding
    def code_doc(self, doc: Doc) -> List[Event]:
        events: List[Event] = []
        sents: Iterable[Span] = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        actor_types = {a.id: a for a in get_list(doc, "actors")}
        statements = sorted(get_list(doc, "statements"), key=lambda s: s.span[0])
        stmt_starts = [s.span[0] for s in statements]
        published: Optional[date] = doc._.published
        for sent in sents:
            events.extend(self.code_sentence(doc, sent, actor_types, statements, stmt_starts, published))
        return events

    def _candidate_verbs(self, sent: Span) -> List[Token]:
        return [t for t in sent if t.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "") and not t.is_punct
                and (t.pos_ != "NOUN" or self.role(t) in ("root", "other", "conj", "xcomp", "ccomp", "advcl") and t.dep_ == "ROOT")]

    def code_sentence(self, doc: Doc, sent: Span, actor_types: Dict[str, object], statements: list,
                      stmt_starts: List[int], published: Optional[date]) -> List[Event]:
        matched: Dict[int, List[Pattern]] = {}
        for token in sent:
            if token.pos_ not in ("VERB", "AUX", "") and not (token.pos_ in ("NOUN", "ADJ") and token.dep_ == "ROOT"):
                continue
            if token.pos_ == "AUX" and self.role(token) in ("aux", "aux_pass", "cop"):
                continue
            pats = self.match(token)
            if pats:
                matched[token.i] = pats
        if not matched:
            return []
        # a cue verb ("droht", "weigert sich", "promised") that governs a coded event is
        # not coded itself: the governed event carries the modality
        suppressed: Set[int] = set()
        if self.nested == "governing":
            for i in matched:
                t = doc[i]
                if t.head.i != i and t.head.i in matched and self.role(t) in ("xcomp", "ccomp") and not matched[t.head.i][0].null:
                    suppressed.add(i)
        for i in matched if self.nested != "governing" else ():
            t = doc[i]
            head = t.head
            if head.i != t.i and head.i in matched and self.role(t) in ("xcomp", "ccomp", "advcl") and (
                self.lemma(head) in self.lex.cue_verbs or self.lemma(head) in self.lex.negating_verbs
                or any(k in self.lex.cue_verbs or k in self.lex.negating_verbs for k in self.trigger_keys(head))
            ):
                suppressed.add(head.i)
        times = None
        out: List[Event] = []
        for i, pats in matched.items():
            if i in suppressed:
                continue
            verb = doc[i]
            best = [p for p in pats if not p.extra]
            extras = [p for p in pats if p.extra]
            chosen: List[Tuple[Pattern, List[Arg], List[Arg], Optional[Arg]]] = []
            if best and best[0].null:
                continue
            for p in best:
                srcs, tgts, issue = self._resolve(doc, verb, p)
                if p.requires_target and not any(a.actor for a in tgts):
                    continue
                chosen.append((p, srcs, tgts, issue))
                break
            for p in extras:
                srcs, tgts, issue = self._resolve(doc, verb, p)
                if any(a.actor for a in tgts):
                    chosen.append((p, srcs, tgts, issue))
            if not chosen:
                continue
            info = analyse_modality(self, doc, verb, statements, stmt_starts)
            if times is None:
                times = self._times(sent, published)
            when = self._date_for(verb, times)
            where = self._location(doc, verb, actor_types)
            for p, srcs, tgts, issue in chosen:
                out.extend(self._events(doc, sent, verb, p, srcs, tgts, issue, info, when, where))
                if p.reverse_code and any(ch.isalnum() for ch in p.reverse_code):
                    back = Pattern(trigger=p.trigger, code=p.reverse_code, origin=p.origin)
                    out.extend(e for e in self._events(doc, sent, verb, back, tgts, srcs, None, info, when, where)
                               if e.source and e.target)
        return out

    def _fallback_subject(self, verb: Token) -> List[Token]:
        """The nearest actor to the left of a subject-less finite verb, within its clause
        (robustness against parses that attach the subject elsewhere)."""
        if self.role(verb) in ("xcomp", "acl", "conj", "advcl") or "Inf" in verb.morph.get("VerbForm") \
                or "Part" in verb.morph.get("VerbForm") and self.role(verb) != "root" and verb.dep_ != "ROOT":
            return []
        own = {t.i for c in verb.children for t in c.subtree}
        start = verb.sent.start if verb.doc.has_annotation("SENT_START") else 0
        for k in range(verb.i - 1, start - 1, -1):
            tok = verb.doc[k]
            if tok.i in own:
                continue
            if tok.pos_ == "VERB" or tok.text in (";", ":"):
                break
            if tok.pos_ in ("PROPN", "NOUN") and self.arg(verb.doc, tok).actor:
                return [tok]
        return []

    def _antecedent(self, doc: Doc, verb: Token) -> Optional[Arg]:
        """For a pronoun subject ("Äthiopien erklärte, es werde …"): the subject of the
        governing clause."""
        cur = verb
        for _ in range(4):
            if cur.head.i == cur.i or self.role(cur) not in ("ccomp", "xcomp", "advcl", "conj"):
                return None
            cur = cur.head
            for s in self.children(cur, "subj"):
                a = self.arg(doc, s)
                if a.actor:
                    return a
        return None

    def _resolve(self, doc: Doc, verb: Token, p: Pattern) -> Tuple[List[Arg], List[Arg], Optional[Arg]]:
        s_tok, t_tok, issue_tok = self._sources_targets(verb, p)
        if not s_tok and p.source_slots == ("subj",) and not self.is_passive(verb):
            s_tok = self._fallback_subject(verb)
        srcs = [self.arg(doc, t) for s in s_tok for t in self.expand_conj(s)]
        for k, a in enumerate(srcs):
            if a.actor is None and a.token.pos_ == "PRON" and a.token.lower_ not in self.lex.relative_pronouns:
                ante = self._antecedent(doc, verb)
                if ante is not None:
                    srcs[k] = Arg(a.token, ante.actor, a.text, a.start, a.end)
        tgts = [self.arg(doc, t) for s in t_tok for t in self.expand_conj(s)]
        issue = self.arg(doc, issue_tok) if issue_tok is not None else None
        if issue is not None and issue.actor is not None:
            issue = None
        return srcs, tgts, issue

    def _events(self, doc: Doc, sent: Span, verb: Token, p: Pattern, srcs: List[Arg], tgts: List[Arg],
                issue: Optional[Arg], info: ModalityInfo, when: Optional[str], where: Optional[str]) -> List[Event]:
        src_actors = [a for a in srcs if a.actor] or ([srcs[0]] if srcs else [])
        tgt_actors = [a for a in tgts if a.actor] or ([tgts[0]] if tgts else [])
        pairs: List[Tuple[Optional[Arg], Optional[Arg]]] = []
        distinct_src = {a.actor for a in src_actors if a.actor}
        no_target = not any(a.actor for a in tgts) and all(self.role(a.token) in ("obj", "iobj") for a in tgts)
        if p.mutual and no_target and len(distinct_src) >= 2:
            for a in src_actors:
                for b in src_actors:
                    if a.actor and b.actor and a.actor != b.actor:
                        pairs.append((a, b))
        else:
            for a in src_actors or [None]:
                for b in tgt_actors or [None]:
                    pairs.append((a, b))
        cameo = self.ontology.lookup(p.code)
        out: List[Event] = []
        seen: Set[Tuple[Optional[str], Optional[str]]] = set()
        for a, b in pairs:
            source = a.actor if a else None
            target = b.actor if b else None
            if target is not None and target == source:
                target = None
            if self.require_actor and source is None and target is None:
                continue
            if (source, target) in seen:
                continue
            seen.add((source, target))
            confidence = 0.4 + (0.25 if source else 0) + (0.2 if target else 0) + (0.1 if p.words else 0)
            out.append(Event(
                source=source,
                target=target,
                cameo=p.code,
                plover=cameo.plover,
                quad_class=cameo.quad_class,
                goldstein=cameo.goldstein,
                modality=info.modality,
                negated=info.negated,
                date=when,
                location=where,
                sentence=sent.text,
                span=(sent.start_char, sent.end_char),
                confidence=round(min(confidence, 0.95), 2),
                cameo_name=cameo.name,
                plover_mode=cameo.plover_mode,
                condition=info.condition,
                issue=issue.text if issue is not None and (target is None) else None,
                source_text=a.text if a else None,
                target_text=b.text if b else None,
                trigger=verb.text,
                speaker=info.speaker,
                modalities=list(info.modalities),
                holder=info.holder,
                trigger_span=(verb.idx, verb.idx + len(verb)),
                pattern=p.origin or None,
            ))
        return out

    # ------------------------------------------------------------------ date and place
    def _times(self, sent: Span, published: Optional[date]) -> list:
        from ..temporal import find_time_expressions

        base = sent.start_char
        return [(base + t.start, base + t.end, t) for t in find_time_expressions(sent.text, self.lang, published)
                if t.kind in ("date", "range")]

    def _date_for(self, verb: Token, times: list) -> Optional[str]:
        if not times:
            return None
        clause = list(verb.subtree)
        lo = min(t.idx for t in clause)
        hi = max(t.idx + len(t) for t in clause)
        inside = [t for s, e, t in times if s >= lo and e <= hi]
        pick = inside[0] if inside else (times[0][2] if len(times) == 1 else None)
        if pick is None or pick.start_date is None:
            return None
        if pick.start_date == pick.end_date:
            return pick.start_date.isoformat()
        return f"{pick.start_date.isoformat()}/{pick.end_date.isoformat()}"

    def _location(self, doc: Doc, verb: Token, actors: Dict[str, object]) -> Optional[str]:
        for prep, arg in self.prep_args(verb):
            if prep not in self.lex.location_preps:
                continue
            a = self.arg(doc, arg)
            for m in mentions_in(doc, a.start, a.end):
                actor = actors.get(m.actor_id)
                if actor is not None and getattr(actor, "type", None) in ("GPE", "LOC"):
                    return getattr(actor, "name", None) or m.text
            for ent in doc.ents:
                if ent.label_ in self.lex.place_labels and ent.start_char >= a.start and ent.end_char <= a.end:
                    return ent.text
        return None
