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
from .modality import PRIORITY, ModalityInfo, analyse_modality
from .patterns import PHRASAL_PARTICLES, Pattern

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
        self._warned = False
        self._bounds: Optional[Tuple[int, int]] = None
        self._lemmas: Dict[int, str] = {}
        self._args: Dict[int, "Arg"] = {}
        self._words: Optional[Set[str]] = None
        self._words_for: Optional[Tuple[int, int]] = None
        self.lang = lang
        self.lex = lexicon or load_lexicon(lang)
        self.ontology = ontology or load_ontology()
        self.require_actor = require_actor

    # ------------------------------------------------------------------ syntax helpers
    def sent_bounds(self, token: Token) -> Tuple[int, int]:
        """(start, end) token indices of the sentence being coded (cached per sentence)."""
        b = self._bounds
        if b is not None and b[0] <= token.i < b[1]:
            return b
        if token.doc.has_annotation("SENT_START"):
            s = token.sent
            self._bounds = (s.start, s.end)
        else:
            self._bounds = (0, len(token.doc))
        return self._bounds

    def role(self, token: Token) -> str:
        return self.lex.role(token.dep_)

    def children(self, token: Token, *roles: str) -> List[Token]:
        return [c for c in token.children if self.lex.role(c.dep_) in roles]

    def lemma(self, token: Token) -> str:
        cached = self._lemmas.get(token.i)
        if cached is not None:
            return cached
        lemma = (token.lemma_ or "").lower()
        text = token.lower_
        if not lemma or lemma == text:
            lemma = self.lex.forms.get(text, lemma or text)
        self._lemmas[token.i] = lemma
        return lemma

    def trigger_keys(self, token: Token) -> List[str]:
        """Pattern keys for a verb: particle + lemma (de "ablehnen"), lemma + particle
        (en "pull out"), then the lemma alone."""
        lemma = self.lemma(token)
        if token.pos_ in ("NOUN", "PROPN"):
            keys = [lemma]
            for suffix in ("en", "n", "e", "s"):
                if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 4:
                    keys.append(lemma[: -len(suffix)])
            return keys
        keys: List[str] = []
        particles = self.lex.particles if self.lang == "de" else PHRASAL_PARTICLES
        prts = [c for c in token.children if self.lex.role(c.dep_) == "prt" or (
            c.dep_ in ("compound", "xcomp", "advmod", "mo") and c.i > token.i and c.pos_ in ("ADP", "ADV", "PART", "ADJ")
            and c.lower_ in particles and not list(c.children)
            and (c.dep_ == "compound" or self.lang != "de" or c.i + 1 >= len(token.doc) or token.doc[c.i + 1].is_punct))]
        for prt in prts:
            p = prt.text.lower()
            keys.append(p + lemma if self.lang == "de" else f"{lemma} {p}")
        if prts:
            # a separable/phrasal verb is not its base verb ("schlug vor" is not "schlagen")
            return keys
        if token.lower_ != lemma and lemma not in self.lex.reporting:
            keys.append(token.lower_)  # dictionaries that list inflected forms (PETRARCH "CALLED")
        if self.lang != "de" and token.i + 1 < len(token.doc):
            nxt = token.doc[token.i + 1]
            if nxt.pos_ in ("ADP", "PART", "ADV") or self.role(nxt) == "prt":
                keys.append(f"{lemma} {nxt.text.lower()}")
        keys.append(lemma)
        return keys

    def is_passive(self, verb: Token) -> bool:
        if self.children(verb, "aux_pass", "subj_pass"):
            return True
        if self.lang == "de":
            auxes = self.children(verb, "aux")
            if not any(self.lemma(a) == "werden" or a.lower_ in ("wurde", "wurden", "worden", "wird", "werden") for a in auxes):
                return False
            if "Part" in verb.morph.get("VerbForm"):
                return True
            # without VerbForm: "wird angreifen" (future: the infinitive, text == lemma) vs
            # "wurde angegriffen" / "wurde kritisiert" (passive: a participle form)
            text = verb.lower_
            if text == self.lemma(verb):
                return False
            return not text.endswith("en") or text.startswith("ge") or "ge" in text[2:5]
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
        doc = token.doc
        # "mit europäischen und ukrainischen Vertretern": coordinated adjectives, one actor each
        for amod in (c for c in token.children if c.dep_ == "amod" and c.i < token.i):
            adjs = [amod] + [c for c in amod.children if self.lex.role(c.dep_) == "conj" and c.pos_ == "ADJ"]
            if len(adjs) >= 2:
                actors = {a.i: self._actor_over(doc, [a]) for a in adjs}
                if len({v for v in actors.values() if v}) >= 2:
                    return [a for a in adjs if actors[a.i]]
        mods = [c for c in token.children if self.lex.role(c.dep_) in ("name", "mod") and c.i < token.i]
        if len(mods) >= 2 and any(self.lex.role(x.dep_) == "cc" for m in mods for x in m.children):
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
        cached = self._args.get(token.i)
        if cached is not None and cached.token.doc is doc:
            return cached
        result = self._arg(doc, token)
        self._args[token.i] = result
        return result

    def _arg(self, doc: Doc, token: Token) -> Arg:
        skip_roles = ("conj", "cc", "acl", "appos", "punct", "advcl", "ccomp")
        keep_preps = self.lex.genitive_preps
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
                if self.lex.role(c.dep_) in skip_roles:
                    continue
                if self.lex.role(c.dep_) == "obl" and t is not token:
                    continue
                if self.lex.role(c.dep_) == "obl":
                    # "die Delegation in der UN" is not the UN; "der Berater von Trump" leads to Trump
                    case = [x for x in c.children if self.lex.role(x.dep_) == "case"]
                    if case and self.lex.prep(case[0].text) not in keep_preps:
                        continue
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
    def relative_antecedent(self, pron: Token) -> Optional[Token]:
        """The noun a relative pronoun refers to: the relative clause's head when the
        parse attached it to a noun, else the nearest noun before the pronoun."""
        clause = pron.head
        if self.role(clause) == "acl" and clause.head.pos_ in ("NOUN", "PROPN"):
            return clause.head
        # nearest noun before it that agrees in gender and number (German relative clauses
        # are often extraposed: "… passt dem Präsidenten nicht, der …")
        start = self.sent_bounds(pron)[0]
        gender, number = pron.morph.get("Gender"), pron.morph.get("Number")
        nearest = None
        for k in range(pron.i - 1, max(start - 1, pron.i - 15), -1):
            tok = pron.doc[k]
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            nearest = nearest or tok
            g, n = tok.morph.get("Gender"), tok.morph.get("Number")
            if (not gender or not g or g == gender) and (not number or not n or n == number):
                return tok
        return nearest if pron.i - (nearest.i if nearest is not None else 0) <= 3 else None

    def is_infinitive_clause(self, verb: Token) -> bool:
        """A zu-/to-infinitive ("…, Druck auszuüben", "to meet")."""
        return "Inf" in verb.morph.get("VerbForm") or any(
            self.lex.role(c.dep_) == "mark" and c.lower_ in ("zu", "to") for c in verb.children
        ) or (self.lang == "de" and "zu" in verb.lower_[2:-3] and verb.lower_.endswith("en"))

    def _german_core_args(self, verb: Token) -> Tuple[List[Token], List[Token]]:
        """(subjects, objects) of a German clause, repaired by word order when the parse
        gives two subjects or only objects: in a verb-second main clause the noun phrase
        before the finite verb is the subject (the usual case in news prose)."""
        bare = lambda c: c.pos_ in ("NOUN", "PROPN", "PRON") and not any(  # noqa: E731
            self.lex.role(x.dep_) == "case" for x in c.children) and "Case=Gen" not in str(c.morph)
        subj = self.children(verb, "subj", "subj_pass")
        objs = self.children(verb, "obj")
        if len(subj) >= 2:
            subj = sorted(subj, key=lambda c: c.i)
            return [subj[0]], objs + [s for s in subj[1:] if bare(s) and "Case=Nom" not in str(s.morph) or s.i > verb.i]
        if not subj and len([o for o in objs if bare(o)]) >= 2:
            first = min(objs, key=lambda c: c.i)
            if first.i < verb.i and not self._is_reciprocal(first):
                return [first], [o for o in objs if o is not first]
        return subj, objs

    def subjects(self, verb: Token, seen: Optional[Set[int]] = None) -> List[Token]:
        """Subject tokens of ``verb``, inherited through coordination, control and
        relative clauses."""
        seen = seen or set()
        if verb.i in seen:
            return []
        seen.add(verb.i)
        subj = self.children(verb, "subj", "subj_pass")
        if self.lang == "de":
            subj = self._german_core_args(verb)[0]
        if subj:
            out: List[Token] = []
            for s in subj:
                if s.lower_ in self.lex.relative_pronouns and s.i < verb.i and (
                        self.role(verb) == "acl" or s.pos_ == "PRON" or "PronType=Rel" in str(s.morph)):
                    ante = self.relative_antecedent(s)
                    if ante is not None:
                        out.append(ante)
                        continue
                out.append(s)
            return out
        role = self.role(verb)
        head = verb.head
        if self.lang == "de" and role not in ("conj", "xcomp") and not self.is_infinitive_clause(verb):
            # German case morphology when the parser missed the subject label: a bare
            # nominative noun phrase of a finite verb
            for c in verb.children:
                if (c.pos_ in ("NOUN", "PROPN") and "Case=Nom" in str(c.morph)
                        and self.lex.role(c.dep_) in ("obj", "obl", "other", "iobj")
                        and not any(self.lex.role(x.dep_) == "case" for x in c.children)):
                    return [c]
        if head is verb:
            return []
        if role == "conj":
            return self.subjects(head, seen)
        if role == "xcomp" or (role in ("advcl", "ccomp", "acl") and head.pos_ in ("VERB", "AUX") and self.is_infinitive_clause(verb)):
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
                direct = self._german_core_args(verb)[1] if (self.lang == "de" and slot == "obj") else self.children(verb, slot)
                found = [c for c in direct if not self._is_reciprocal(c) and c.pos_ != "VERB"]
                if not any(self._has_actor(verb.doc, c) for c in found) and self.lang == "de":
                    # case morphology: a bare accusative/dative actor the parse hung elsewhere
                    # in the predicate ("griff in der Nacht Kiew an") is the (indirect) object
                    case = "Case=Acc" if slot == "obj" else "Case=Dat"
                    subj_ids = {x.i for s in subjects for x in s.subtree}
                    extra = [c for c in self.predicate_scope(verb) if c.pos_ in ("NOUN", "PROPN") and case in str(c.morph)
                             and c.i not in subj_ids and not self._is_reciprocal(c)
                             and not any(self.lex.role(x.dep_) == "case" for x in c.children)
                             and not any(self.lex.role(x.dep_) == "case" for x in c.head.children if c.head.i != verb.i and c.head.i > c.i)
                             and self._has_actor(verb.doc, c)]
                    found = found + [c for c in extra if c not in found]
                return found
            if slot == "poss":
                return [c for c in verb.children if self.lex.role(c.dep_) == "poss" or (
                    c.dep_.startswith("nmod") and "Case=Gen" in str(c.morph) and not any(self.lex.role(x.dep_) == "case" for x in c.children))
                    or (c.dep_ == "det" and c.pos_ == "PROPN")]
            if slot == "any":
                # the first actor in the predicate (PETRARCH: the first actor of the verb phrase)
                banned = {t.i for s in subjects for t in s.subtree}
                banned |= {t.i for c in verb.children if c.dep_ in ("parataxis", "punct", "advcl") for t in c.subtree}
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
                found = [a for p, a in prep_cache if (p == want or want == "*") and not (passive and p in self.lex.agent_preps)]
                if not found and want != "*":
                    # the phrase may hang deeper in the predicate ("celebrated Eid at X with Y")
                    for tok in self.predicate_scope(verb):
                        if tok.pos_ in ("NOUN", "PROPN", "PRON") and any(
                                self.lex.role(x.dep_) == "case" and self.lex.prep(x.text) == want for x in tok.children):
                            found.append(tok)
                            break
                return found
            return []

        def pick(slots: Sequence[str]) -> List[Token]:
            """The first slot holding a known actor; else one holding a placeholder actor
            (PETRARCH's "---GOV"); else the first filled slot."""
            first: List[Token] = []
            weak: List[Token] = []
            for slot in slots:
                cands = slot_tokens(slot)
                if cands and not first:
                    first = cands
                actors = [self.arg(verb.doc, x).actor for c in cands for x in self.expand_conj(c)]
                if any(a and not a.startswith("---") for a in actors):
                    return cands
                if not weak and any(actors):
                    weak = cands
            return weak or first

        if pattern.nominal:
            sources = pick(self.lex.nominal_source)
            targets = pick(pattern.target)
            return sources, targets, None
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

    def _sentence_words(self, verb: Token) -> Optional[Set[str]]:
        """Lemmas, forms and short-suffix-stripped forms of the sentence's tokens, for a
        quick pattern prefilter (None for German, whose compounds match by suffix)."""
        if self.lang == "de":
            return None
        bounds = self.sent_bounds(verb)
        if self._words_for == bounds and self._words is not None:
            return self._words
        words: Set[str] = set()
        for tok in verb.doc[bounds[0]:bounds[1]]:
            text = tok.lower_
            words.add(text)
            words.add(self.lemma(tok))
            for k in range(1, 4):
                if len(text) - k >= 4:
                    words.add(text[:-k])
        self._words, self._words_for = words, bounds
        return words

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
            is_noun = verb.pos_ in ("NOUN", "PROPN")
            words_here = self._sentence_words(verb)
            for p in candidates:
                if p.codeless or p.nominal != is_noun:
                    continue
                # cheap rejection: a required single word that occurs nowhere in the sentence
                if words_here is not None and any(
                        not any((" " in w) or (w in words_here) for w in alts) for alts in p.words + p.pre_words):
                    continue
                if p.compound_source and not any(
                        self.lex.role(c.dep_) == "conj" for s in self.subjects(verb) for c in s.children):
                    continue
                if p.pre_words:
                    if before is None:
                        start = self.sent_bounds(verb)[0]
                        before = list(verb.doc[start:verb.i])
                    if p.ordered:
                        if not self._in_order(before, p.pre_words):
                            continue
                    elif not all(any(self._token_matches(t, w) for t in before for w in alts) for alts in p.pre_words):
                        continue
                if p.words and p.ordered:
                    if after is None:
                        end = self.sent_bounds(verb)[1]
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
        """The events of ``doc`` (which needs a dependency parse; without one: none)."""
        if len(doc) == 0 or not doc.has_annotation("DEP"):
            if len(doc) and not self._warned:
                import warnings

                from ..errors import Warnings

                warnings.warn(Warnings.W201.format(lang=self.lang), stacklevel=2)
                self._warned = True
            return []
        events: List[Event] = []
        self._lemmas, self._args, self._bounds, self._words, self._words_for = {}, {}, None, None, None
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
        self._bounds = (sent.start, sent.end)
        matched: Dict[int, List[Pattern]] = {}
        nominal = self.lex.nominal_triggers
        for token in sent:
            if token.pos_ in ("NOUN", "PROPN"):
                if not nominal or not any(k in nominal for k in self.trigger_keys(token)):
                    continue
            elif token.pos_ not in ("VERB", "AUX", "") and not (token.pos_ == "ADJ" and token.dep_ == "ROOT"):
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
            if head.i == t.i or head.i not in matched:
                continue
            keys = self.trigger_keys(head)
            link = self.role(t)
            if link in ("advcl", "acl") and self.is_infinitive_clause(t):
                link = "xcomp"
            if (link in ("xcomp", "ccomp") and any(k in self.lex.cue_verbs for k in keys)) or (
                link == "xcomp" and any(k in self.lex.negating_verbs for k in keys)
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
                if p.requires_target and not tgts:
                    continue
                chosen.append((p, srcs, tgts, issue))
                break
            for p in extras:
                srcs, tgts, issue = self._resolve(doc, verb, p)
                if any(a.actor for a in tgts):
                    chosen.append((p, srcs, tgts, issue))
            if not chosen:
                continue
            if verb.pos_ in ("NOUN", "PROPN"):
                gov = verb.head
                while gov.i != gov.head.i and gov.pos_ not in ("VERB", "AUX"):
                    gov = gov.head
                info = analyse_modality(self, doc, gov, statements, stmt_starts) if gov.pos_ in ("VERB", "AUX") else ModalityInfo(modalities=["asserted"])
                info.negated = False
                chosen = [self._nominal_fallback(doc, verb, p, s, tg, iss) for p, s, tg, iss in chosen]
            else:
                info = analyse_modality(self, doc, verb, statements, stmt_starts)
            if times is None:
                times = self._times(sent, published)
            when = self._date_for(verb, times)
            where = self._location(doc, verb, actor_types)
            for p, srcs, tgts, issue in chosen:
                if p.nominal and verb.head.i in matched and any(
                        q.code[:2] == p.code[:2] for q in matched[verb.head.i]):
                    continue  # "unterzeichnete das Abkommen": the verb's event already says it
                out.extend(self._events(doc, sent, verb, p, srcs, tgts, issue, info, when, where))
                if p.reverse_code and any(ch.isalnum() for ch in p.reverse_code):
                    back = Pattern(trigger=p.trigger, code=p.reverse_code, origin=p.origin)
                    out.extend(e for e in self._events(doc, sent, verb, back, tgts, srcs, None, info, when, where)
                               if e.source and e.target)
        return out

    def _nominal_fallback(self, doc: Doc, noun: Token, p: Pattern, srcs: List[Arg], tgts: List[Arg],
                          issue: Optional[Arg]) -> Tuple[Pattern, List[Arg], List[Arg], Optional[Arg]]:
        """Nominal events whose arguments the parse scattered ("das Treffen von A, B und C
        mit D in Paris"): actors after a source preposition up to a target preposition are
        the sources, actors after the target preposition the targets (linear, one clause)."""
        src_preps = {s[5:] for s in self.lex.nominal_source if s.startswith("prep:")}
        tgt_preps = {s[5:] for s in p.target if s.startswith("prep:")}
        end = self.sent_bounds(noun)[1]
        k = noun.i + 1
        if k >= end or doc[k].lower_ not in src_preps:
            return p, srcs, tgts, issue
        actors = {a.id: a for a in get_list(doc, "actors")}
        zone = "src"
        found: Dict[str, List[Arg]] = {"src": [], "tgt": []}
        seen: Set[str] = set()
        for tok in doc[k + 1:end]:
            if tok.pos_ in ("VERB", "AUX") or tok.text in (";", ":", "(", ")"):
                break
            low = self.lex.prep(tok.text)
            if low in tgt_preps and tok.pos_ == "ADP":
                zone = "tgt"
                continue
            if zone == "tgt" and low in self.lex.location_preps and tok.pos_ == "ADP":
                break
            nxt = doc[tok.i + 1] if tok.i + 1 < end else None
            for m in mentions_in(doc, tok.idx, tok.idx + len(tok)):
                actor = actors.get(m.actor_id)
                if m.actor_id in seen or (actor is not None and actor.type == "LOC"):
                    continue
                if m.end <= tok.idx + len(tok) and nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and tok.pos_ == "PROPN" \
                        and mentions_in(doc, nxt.idx, nxt.idx + len(nxt)) and tok.lower_.endswith("s"):
                    continue  # prenominal genitive: "Trumps Sonderbeauftragter Witkoff"

                seen.add(m.actor_id)
                found[zone].append(Arg(tok, m.actor_id, m.text, m.start, m.end))
        dep_sources = {a.actor for a in srcs if a.actor}
        if len({a.actor for a in found["src"]}) <= len(dep_sources):
            return p, srcs, tgts, issue
        dep_targets = [a for a in tgts if a.actor]
        return p, found["src"], found["tgt"] if len(found["tgt"]) >= len(dep_targets) else tgts, issue

    def _fallback_subject(self, verb: Token) -> List[Token]:
        """The nearest actor to the left of a subject-less finite verb, within its clause
        (robustness against parses that attach the subject elsewhere)."""
        if self.role(verb) in ("xcomp", "acl", "conj", "advcl") or any(
                self.lex.role(c.dep_) == "mark" and c.lower_ in ("to", "zu") for c in verb.children) \
                or "Part" in verb.morph.get("VerbForm") and verb.dep_ != "ROOT":
            return []
        own = {t.i for c in verb.children for t in c.subtree}
        start = self.sent_bounds(verb)[0]
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
            if cur.head.i == cur.i:
                return None
            if self.role(cur) == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                a = self.arg(doc, cur.head)
                return a if a.actor else None
            if self.role(cur) not in ("ccomp", "xcomp", "advcl", "conj") and not (
                    self.role(cur) == "acl" and self.is_infinitive_clause(cur)):
                return None
            cur = cur.head
            for s in self.children(cur, "subj"):
                ante = self.relative_antecedent(s) if s.lower_ in self.lex.relative_pronouns and s.i < cur.i else None
                a = self.arg(doc, ante if ante is not None else s)
                if a.actor:
                    return a
        return None

    def _resolve_anaphor(self, doc: Doc, verb: Token, a: Arg) -> Optional[str]:
        """An actor-less subject that points back: a personal pronoun ("es", "it"), an
        anaphoric noun ("das Land", "the country": the country of the antecedent) or a
        possessive ("seine Delegation": the possessor). The antecedent is the subject of the
        governing clause, or the noun a relative clause hangs from."""
        tok = a.token
        lower = tok.lower_
        anaphor_type = self.lex.anaphors.get(self.lemma(tok)) or self.lex.anaphors.get(lower)
        possessive = [c for c in tok.children if c.pos_ in ("DET", "PRON") and (
            "Poss=Yes" in str(c.morph) or self.lex.role(c.dep_) == "poss" or c.lower_ in self.lex.possessives)]
        if tok.pos_ == "PRON" and lower not in self.lex.relative_pronouns and lower not in self.lex.reciprocal:
            pass
        elif anaphor_type and any(self.lex.role(c.dep_) == "det" and c.lower_ in self.lex.definite for c in tok.children):
            pass
        elif possessive:
            pass
        else:
            return None
        ante = self._antecedent(doc, verb)
        if ante is None or ante.actor is None:
            return None
        if anaphor_type == "GPE":
            return self._country_of(doc, ante.actor)
        return ante.actor

    def _country_of(self, doc: Doc, actor_id: str) -> Optional[str]:
        actors = {x.id: x for x in get_list(doc, "actors")}
        actor = actors.get(actor_id)
        if actor is None or actor.type == "GPE":
            return actor_id
        if actor.country:
            for x in actors.values():
                if x.type == "GPE" and x.country == actor.country:
                    return x.id
            if actor.country in actors:
                return actor.country
        return None

    def _resolve(self, doc: Doc, verb: Token, p: Pattern) -> Tuple[List[Arg], List[Arg], Optional[Arg]]:
        s_tok, t_tok, issue_tok = self._sources_targets(verb, p)
        if not s_tok and not p.nominal and p.source_slots == ("subj",) and not self.is_passive(verb):
            s_tok = self._fallback_subject(verb)
        srcs = [self.arg(doc, t) for s in s_tok for t in self.expand_conj(s)]
        for k, a in enumerate(srcs):
            if a.actor is None:
                resolved = self._resolve_anaphor(doc, verb, a)
                if resolved is not None:
                    srcs[k] = Arg(a.token, resolved, a.text, a.start, a.end)
        tgts = [self.arg(doc, t) for s in t_tok for t in self.expand_conj(s)]
        issue = self.arg(doc, issue_tok) if issue_tok is not None else None
        if issue is not None and issue.actor is not None:
            issue = None
        if issue is not None and issue.token.pos_ == "PRON" and self.role(verb) in ("conj", "ccomp", "parataxis") and verb.head.i != verb.i:
            prev = [o for o in self.children(verb.head, "obj") if o.pos_ in ("NOUN", "PROPN")]
            if prev:
                issue = self.arg(doc, prev[0])
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
        modalities = list(info.modalities)
        if "promised" in modalities and cameo.goldstein is not None and cameo.goldstein < 0:
            # announcing a hostile act is a threat, not a promise
            modalities = sorted({m if m != "promised" else "threatened" for m in modalities}, key=PRIORITY.index)
        modality = modalities[0] if modalities else info.modality
        out: List[Event] = []
        seen: Set[Tuple[Optional[str], Optional[str]]] = set()
        passive = self.is_passive(verb)
        for a, b in pairs:
            source = a.actor if a else None
            target = b.actor if b else None
            if target is not None and target == source:
                target = None
            # an event needs an actor who acts; only an agentless passive may lack one
            if self.require_actor and source is None and (target is None or not passive):
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
                modality=modality,
                negated=info.negated,
                date=when,
                location=where,
                sentence=sent.text,
                span=(sent.start_char, sent.end_char),
                confidence=round(min(confidence, 0.95), 2),
                cameo_name=cameo.name,
                plover_mode=cameo.plover_mode,
                condition=info.condition,
                issue=(issue.text if issue is not None else (b.text if b is not None and b.actor is None else None))
                if target is None else None,
                source_text=a.text if a else None,
                target_text=b.text if b else None,
                trigger=verb.text,
                speaker=info.speaker,
                modalities=modalities,
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
        found = self._location_dep(doc, verb, actors)
        if found or verb.pos_ not in ("NOUN", "PROPN"):
            return found
        end = self.sent_bounds(verb)[1]
        for tok in doc[verb.i + 1:end]:
            if tok.pos_ in ("VERB", "AUX"):
                break
            if tok.pos_ == "ADP" and self.lex.prep(tok.text) in self.lex.location_preps:
                for nxt in doc[tok.i + 1:min(end, tok.i + 4)]:
                    for m in mentions_in(doc, nxt.idx, nxt.idx + len(nxt)):
                        actor = actors.get(m.actor_id)
                        if actor is not None and getattr(actor, "type", None) in ("GPE", "LOC"):
                            return getattr(actor, "name", None) or m.text
        return None

    def _location_dep(self, doc: Doc, verb: Token, actors: Dict[str, object]) -> Optional[str]:
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
