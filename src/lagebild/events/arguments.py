"""Arguments of an event: subjects, objects, prepositional phrases and the actors they
name, with the repairs a weak parse needs (coordination, control, relative clauses,
anaphora, German word order and case). Mixed into :class:`~lagebild.events.coder.EventCoder`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from spacy.tokens import Doc, Token

from .. import tokens
from ..language.clauses import (NOMINATIVE_DE, OBLIQUE_PERSONAL_DE, Phrase, RELATIVE_OBJECT_DE, clause_start, infinitive_controller, is_non_nominative,
                                pronoun_read_as_article, relative_pronoun, sentence_bounds, vorfeld_object, vorfeld_subject, zu_infinitive)
from ..language.dateline import dateline_subject
from ..language.reference import NOMINATIVE_ONLY_DE, group_actor, group_agent
from ..tokens import doc_text, get_list
from .patterns import Pattern

if TYPE_CHECKING:
    from .lexicon import Lexicon


NOMINAL_POS = {"NOUN", "PROPN", "PRON", "X", "NUM", "ADJ", "DET", ""}


# prepositions that make an -ing clause a complement of a noun or verb ("accused X of
# meddling", "blamed X for attacking"), whose doer is not the main clause's subject
GERUND_COMPLEMENT_PREPS = frozenset(("of", "for", "from", "against", "about", "to", "at", "over"))


class Arg:
    """One argument: its head token and the actor it refers to (or None)."""

    __slots__ = ("token", "actor", "text", "start", "end")

    def __init__(self, token: Token, actor: Optional[str], text: str, start: int, end: int) -> None:
        self.token = token
        self.actor = actor
        self.text = text
        self.start = start
        self.end = end


class ArgumentsMixin:
    """Argument finding for the event coder (needs ``self.lex``, ``self.lang`` and the
    coder's ``role``/``children``/``lemma``/``sent_bounds`` helpers)."""

    lex: "Lexicon"
    lang: str
    _args: Dict[int, Arg]
    _bounds: Optional[Tuple[int, int]]
    _dateline_tokens: Set[int]

    def is_passive(self, verb: Token) -> bool:
        if self.children(verb, "aux_pass", "subj_pass"):
            return True
        if self.lang != "de":
            # label sets without subtypes: a be/get auxiliary with a past participle (the
            # Voice feature alone is unreliable: "arrested" is tagged passive in active use)
            participle = verb.tag_ == "VBN" or "Pass" in verb.morph.get("Voice") or (
                "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense"))
            if not self.children(verb, "aux") and self._english_headline_passive(verb):
                return True
            # the parser labels "were" of "were wounded by gunmen" a copula (cop) as often as an
            # auxiliary: a past participle with be/get as its copula is passive too
            # (also when the tagger read the participle as an adjective, "were wounded/JJ in
            # the attack", for the past form of a verb of force, roots 17-20: such a form names
            # an act; "is concerned/JJ about" or "were pleased" name a state)
            return participle and any(self.lemma(a) in ("be", "get") for a in self.children(verb, "aux")) or (
                (verb.tag_ == "VBN" or (verb.tag_ == "JJ" and self._force_participle(verb)))
                and any(c.dep_ == "cop" and self.lemma(c) in ("be", "get") for c in verb.children))
        if self.lang == "de":
            auxes = self.children(verb, "aux")
            ambiguous = verb.tag_ in ("VVFIN", "VAFIN", "VMFIN") or (
                not verb.lower_.startswith("ge") and verb.lower_.endswith("t"))  # "sanktioniert": 3sg or participle
            if not auxes and not ambiguous and verb.dep_ in ("ROOT", "conj") and "Part" in verb.morph.get("VerbForm") and not any(
                    t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in verb.sent):
                return True  # headline participle: "Zwei Palästinenser erschossen"
            if not auxes and self._headline_agent(verb):
                return True  # "Scholz von Macron kritisiert": a participle with its agent, no finite verb

            if not auxes and self._shared_passive(verb):
                return True  # "wurde von der Polizei festgenommen und verhört": the conjunct shares the passive
            if not any(self.lemma(a) == "werden" or a.lower_ in ("wurde", "wurden", "worden", "wird", "werden") for a in auxes):
                return self._stative_passive(verb)
            if any(a.lower_ in ("wurde", "wurden", "worden", "wurdest", "wurdet") for a in auxes) or verb.tag_ == "VVPP":
                return True  # past of werden + verb, or a participle: passive (the future is "wird + infinitive")
            if "Part" in verb.morph.get("VerbForm"):
                return True
            # without VerbForm: "wird angreifen" (future: the infinitive, text == lemma) vs
            # "wurde angegriffen" / "wurde kritisiert" (passive: a participle form)
            text = verb.lower_
            if text == self.lemma(verb):
                return False
            return not text.endswith("en") or text.startswith("ge") or "ge" in text[2:5]
        return False

    def _shared_passive(self, verb: Token) -> bool:
        """German (issue 9, session 27): whether ``verb`` is a past participle coordinated
        with a werden-passive participle before it and shares its auxiliary: "Am Morgen wurde X
        von der Polizei festgenommen und anschließend befragt" -- "befragt" has no auxiliary
        and no subject of its own; X is its patient, not its agent (Duden Grammatik 2016 on
        coordination ellipsis: the finite auxiliary is shared by both conjuncts)."""
        if self.lex.role(verb.dep_) != "conj" or verb.head.i >= verb.i or self.children(verb, "subj"):
            return False
        if not (verb.tag_ == "VVPP" or ("Part" in verb.morph.get("VerbForm") and verb.lower_ != self.lemma(verb))):
            return False
        head = verb.head
        return head.tag_ == "VVPP" and any(
            self.lemma(a) == "werden" or a.lower_ in ("wurde", "wurden", "worden", "wird", "werden")
            for a in self.children(head, "aux", "aux_pass"))

    def _stative_passive(self, verb: Token) -> bool:
        """German (session 26): whether ``verb`` is the participle of a stative passive
        (Zustandspassiv, Duden Grammatik 2016 §799): "sein" + the participle of a verb that
        takes an object ("Der Journalist ist festgenommen", "Die Regierung war informiert"),
        whose subject is the verb's object -- the target, not the source. Not the perfect of
        a verb that forms it with "sein" ("ist zurückgetreten", "ist eingereist": syntax.yaml
        ``sein_perfect_verbs``, the lemma or a separable particle + such a verb), not a
        clause with "haben" or "werden", not a participle with a bare accusative or dative
        phrase of its own ("ist der Nato beigetreten", "ist ein Risiko eingegangen"), and not
        one with a zu-infinitive ("ist gefordert, … anzufordern").
        The participle is known by its tag (VVPP), its VerbForm, or -- when the tagger read it
        as a predicative adjective (ADJD) -- by its "ge" prefix or a lemma of the event
        lexicon's forms."""
        if self.lang != "de" or verb.pos_ not in ("VERB", "ADJ", "AUX"):
            return False
        auxes = [c for c in verb.children if self.lex.role(c.dep_) == "aux" or c.dep_ == "cop"]
        lemmas = {self.lemma(a) for a in auxes} | {a.lemma_.lower() for a in auxes}
        if "sein" not in lemmas or lemmas & {"haben", "werden"} or any(a.lower_ in ("wurde", "worden", "wird") for a in auxes):
            return False
        participle = verb.tag_ == "VVPP" or "Part" in verb.morph.get("VerbForm")
        if not participle:
            return False
        lemma = self.lemma(verb)
        if lemma in self.lex.sein_perfect_verbs or any(
                lemma.startswith(p) and lemma[len(p):] in self.lex.sein_perfect_verbs for p in self.lex.particles):
            return False
        for c in verb.children:
            if c.pos_ in ("NOUN", "PROPN", "PRON") and self.lex.role(c.dep_) in ("obj", "iobj") and not any(
                    self.lex.role(x.dep_) == "case" for x in c.children):
                return False
            if c.pos_ in ("VERB", "AUX") and zu_infinitive(c):
                # "ist gefordert/entschlossen/gezwungen, X zu tun": an adjectival participle
                # whose subject does what the infinitive says (the s26-root audit round
                # lost a labelled event with it read as a passive)
                return False
        return True

    def _force_participle(self, verb: Token) -> bool:
        """English: whether ``verb`` is the past form of a known verb (:meth:`Lexicon.past_lemma`)
        whose own verb patterns (patterns_en.tsv, not the converted PETRARCH rows) all code
        force (CAMEO roots 17-20: "wounded", "killed", "arrested"; not "concerned")."""
        lemma = self.lex.past_lemma(verb.lower_)
        if lemma is None:
            return False
        own = [p for p in self.lex.patterns.get(lemma) if p.tier == 0 and not p.nominal and not p.null]
        return bool(own) and all(p.code[:2] in ("17", "18", "19", "20") for p in own)

    def _english_headline_passive(self, verb: Token) -> bool:
        """English passive without "was/were" ("Three journalists killed in air strike",
        "Two soldiers detained by rebels"): a past participle with a subject and no object
        in a sentence without a finite verb or auxiliary, and either a by-agent phrase or a
        verb whose own event patterns (patterns_en.tsv) all take their target as the
        object and never in a phrase (a transitive verb without its object is passive;
        "protesters clashed/VBN with police" stays active: "clash" takes its target in a
        with-phrase too)."""
        if verb.tag_ not in ("VBN", "VBD"):
            return False
        doc = verb.doc
        start, end = self.sent_bounds(verb)
        # a past form the tagger read as VBD counts in a headline (no final full stop)
        if (verb.tag_ == "VBD" and doc[end - 1].is_punct) or not self.children(verb, "subj") \
                or self.children(verb, "obj"):
            return False
        if any(t.i != verb.i and (t.pos_ == "AUX" or t.tag_ in ("VBZ", "VBD", "VBP", "MD")) for t in doc[start:end]):
            return False
        for c in verb.children:
            if c.lower_ in self.lex.agent_preps or any(
                    g.dep_ == "case" and g.lower_ in self.lex.agent_preps for g in c.children):
                if c.tag_ == "NN" and all(g.dep_ == "case" for g in c.children) and not self._has_actor(doc, c):
                    # session 28: "spoke/VBN by telephone with …" -- a bare singular noun after
                    # "by" is a means ("by telephone", "by letter"), not an agent
                    continue
                return True
        # only a verb that takes its target as the object and never in a phrase
        # ("clash" takes it with "with"/"against" too: "Romendacil clashed over …" is active)
        own = [p for p in self.lex.patterns.get(self.lemma(verb)) if p.tier == 0 and not p.nominal]
        return bool(own) and all(p.target and set(p.target) <= {"obj", "iobj"} for p in own)

    def _headline_agent(self, verb: Token) -> bool:
        """German headline passive: ``verb`` ends its clause, no other verb stands in the
        sentence, and an agent phrase (von/durch + actor) comes right before it."""
        doc = verb.doc
        start, end = self.sent_bounds(verb)
        if verb.i + 1 < end and not doc[verb.i + 1].is_punct:
            return False
        if any(t.pos_ in ("VERB", "AUX") for t in doc[start:end] if t.i != verb.i):
            return False
        for k in range(verb.i - 1, max(start, verb.i - 6) - 1, -1):
            tok = doc[k]
            if tok.is_punct:
                return False
            if tok.pos_ == "ADP" and tok.lower_ in self.lex.agent_preps:
                return any(self._actor_over(doc, [t]) for t in doc[k + 1:verb.i])
        return False

    def mentions_in(self, doc: Doc, start: int, end: int) -> list:
        return tokens.mentions_in(doc, start, end)

    def is_possessive(self, tok: Token) -> bool:
        """A possessive/genitive modifier: nmod:poss, "Israel's" (nmod + 's), a bare German
        genitive ("die Angriffe Russlands")."""
        if self.lex.role(tok.dep_) == "poss":
            return True
        # a weak parse hangs a noun's genitive name as its "subject" or apposition ("die Drohung Russlands")
        under_noun = tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i and self.lex.role(tok.dep_) in ("subj", "appos")
        if not tok.dep_.startswith("nmod") and not under_noun:
            return False
        cases = [x for x in tok.children if self.lex.role(x.dep_) == "case"]
        if any(x.lower_ in ("'s", "'", "’s", "’") for x in cases):
            return True
        if not cases and self.lang == "de" and tok.pos_ == "PROPN" and tok.i > tok.head.i \
                and tok.lower_.endswith(("s", "x", "z")) and tok.text[:1].isupper():
            return True  # a post-nominal German genitive name the tagger gave no case ("der Angriff Russlands")
        return not cases and "Case=Gen" in str(tok.morph)

    def prep_args(self, head: Token) -> Iterable[Tuple[str, Token]]:
        """(preposition, argument) pairs under ``head`` (UD obl/nmod + case, or
        ClearNLP/TIGER prep → pobj)."""
        for c in head.children:
            role = self.lex.role(c.dep_)
            if role in ("obl", "agent_obl", "poss") or (role == "obj" and self.lang == "de" and (any(
                    self.lex.role(x.dep_) == "case" and x.i < c.i for x in c.children) or self._inner_case(c))):
                # (German: an "object" with a preposition before it is a prepositional phrase
                # the parser mislabelled -- "gehen … aber auch gegen Kurdenpolitiker/obj vor")
                case = [x for x in c.children if self.lex.role(x.dep_) == "case"] or self._inner_case(c)
                for x in case:  # "out of the talks": both markers
                    yield self.lex.prep(x.text), c
                if not case and role == "agent_obl":
                    yield next(iter(self.lex.agent_preps), "by"), c
            elif role == "prep_head" and c.pos_ in ("ADP", ""):
                for gc in c.children:
                    if self.lex.role(gc.dep_) in ("pobj", "obj", "obl"):
                        yield self.lex.prep(c.text), gc
                if c.dep_ == "agent":
                    for gc in c.children:
                        if self.lex.role(gc.dep_) == "pobj":
                            yield next(iter(self.lex.agent_preps), "by"), gc

    def _inner_case(self, phrase: Token) -> List[Token]:
        """German: the preposition of a prepositional phrase whose parse hung the marker on a
        word inside the phrase instead of on its head ("vom/case französischen
        Präsidenten/compound Macron/obl": "vom" under "Präsidenten"). ``phrase`` is the
        phrase's head; returns ``[marker]`` when the phrase's first word is a case marker
        under another word of the phrase, else ``[]``. English is left as it was (its
        parses attach "by"/"of" to the head)."""
        if self.lang != "de":
            return []
        first = phrase.left_edge
        if first.i < phrase.i and self.lex.role(first.dep_) == "case" and first.head.i != phrase.i:
            return [first]
        return []

    def noun_agent_phrase(self, before: "Phrase", phrase: "Phrase") -> Optional[Token]:
        """German: whether the von/durch ``phrase`` (a :class:`~lagebild.language.clauses.Phrase`)
        belongs to the noun of the time or circumstance phrase right ``before`` it ("nach dem
        Besuch von Präsident Obama", "trotz einer Genehmigung von der Regierung": syntax.yaml
        ``circumstance_preps``) -- the doer of that noun's act, not the agent of the clause's
        passive verb. The noun before must name no actor itself (a name before "von" is
        the headline patient of "Scholz von Macron kritisiert"). Read by word order (the
        phrase follows the noun directly) or by the parse (the phrase's head hangs on a noun
        before it that has such a preposition: "Während/KOUS des Besuchs von Lawrow").
        Returns that noun, or None."""
        if phrase.prep is None or self.lex.prep(phrase.prep) not in self.lex.agent_preps:
            return None

        def circumstance(noun: Token, prep: Optional[str]) -> bool:
            return prep is not None and self.lex.prep(prep) in self.lex.circumstance_preps \
                and noun.pos_ in ("NOUN", "PROPN") and not self._actor_over(noun.doc, [noun])

        last = before.tokens[-1]
        if last.i + 2 == phrase.tokens[0].i and circumstance(last, before.prep):
            return last
        owner = phrase.head.head
        if owner.i < phrase.head.i and any(self.lex.role(x.dep_) == "case" and circumstance(owner, x.text)
                                           for x in owner.children):
            return owner
        return None

    def coordinated_with(self, first: Token, other: Token) -> bool:
        """Whether ``other`` is a conjunct of the noun phrase of ``first`` in the parse:
        climbing from each over name, apposition and compound links ("Ban" -flat-> "Ki",
        "Hollande" -appos-> "Präsident"), ``other``'s way also over one or more conj links,
        both reach the same word, and ``other``'s way took a conj link ("Präsident Hollande
        und UN-Generalsekretär Ban Ki Moon"). A name link between two words that name two
        different actors is no link ("Guterres Russland/flat": the object the parse hung on
        the name before it). Different words only; False otherwise."""
        if first.i == other.i:
            return False
        links = ("name", "appos", "compound", "flat")
        doc = first.doc

        def climb(tok: Token, conj: bool) -> Dict[int, bool]:
            seen: Dict[int, bool] = {tok.i: False}
            took = False
            for _ in range(16):
                role = self.lex.role(tok.dep_)
                if tok.head.i == tok.i or not (role in links or tok.dep_ in links or (conj and role == "conj")):
                    break
                if role != "conj":
                    mine, up = self._actor_over(doc, [tok]), self._actor_over(doc, [tok.head])
                    if mine and up and mine != up:
                        break
                took = took or role == "conj"
                tok = tok.head
                seen[tok.i] = took
            return seen

        mine = climb(first, False)
        if any(took and i in mine for i, took in climb(other, True).items()):
            return True
        # by word order, for a parse that hung the second name on the first: the two
        # actors' mentions stand side by side with only "und"/"sowie" between them
        # ("Präsident X und UN-Generalsekretär Y")
        ms = self.mentions_in(doc, first.idx, first.idx + len(first))
        mo = self.mentions_in(doc, other.idx, other.idx + len(other))
        if not ms or not mo:
            return False
        a = max(ms, key=lambda m: m.end - m.start)
        b = max(mo, key=lambda m: m.end - m.start)
        return a.actor_id != b.actor_id and a.end < b.start \
            and doc_text(doc)[a.end:b.start].strip().lower() in ("und", "sowie")

    def expand_conj(self, token: Token) -> List[Token]:
        doc = token.doc
        # "mit europäischen und ukrainischen Vertretern", "Eriadori and Calenardhon leaders":
        # coordinated modifiers, one actor each
        for amod in (c for c in token.children if c.dep_ in ("amod", "compound", "flat") and c.i < token.i):
            adjs = [amod] + [c for c in amod.children if self.lex.role(c.dep_) == "conj" and c.pos_ in ("ADJ", "PROPN", "NOUN")]
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
        apposed: List[Token] = []
        while stack:
            t = stack.pop()
            for c in t.children:
                if self.lex.role(c.dep_) == "conj" and c.pos_ in NOMINAL_POS:
                    if t.i == token.i and self._apposed_conjunct(token, c):
                        # "Markou, eine Juristin und die Chefin der Partei, lobte": one person,
                        # described twice; the description names the actor the name lacks
                        apposed += [c] + [x for x in c.subtree if self.lex.role(x.dep_) == "conj" and x.pos_ in NOMINAL_POS]
                        continue
                    out.append(c)
                    stack.append(c)
                elif self.lang == "en" and c.dep_ in ("flat", "appos") and c.i > t.i and c.pos_ == "PROPN":
                    # "French President Nicolas Sarkozy/flat and/cc German Chancellor/conj …",
                    # "Chancellor Angela/appos Merkel and President Emmanuel/conj Macron":
                    # the second name hung on the last word of the first
                    stack.append(c)
                elif self.lang == "de" and c.i > t.i and c.pos_ in ("NOUN", "PROPN"):
                    # "der Regierung Kolumbiens/Gen und den Rebellen/Dat": the parse hung the
                    # second conjunct on the genitive attribute; its case says whose it is
                    for gc in self._case_mismatched_conjuncts(t, c):
                        out.append(gc)
                        stack.append(gc)
                elif self.lex.role(c.dep_) == "cc" and c.dep_ == "cd":  # TIGER: X -cd-> und -cj-> Y
                    for gc in c.children:
                        if self.lex.role(gc.dep_) == "conj":
                            out.append(gc)
                            stack.append(gc)
        if apposed:
            codes = {a.id: a.code for a in get_list(doc, "actors")}
            if not codes.get(self.arg(doc, token).actor or ""):
                coded = [a for a in apposed if codes.get(self.arg(doc, a).actor or "")]
                if coded:
                    out[0] = coded[-1]
        return out

    def _case_mismatched_conjuncts(self, head: Token, gen: Token) -> List[Token]:
        """German (issue 9, session 29): the conjuncts the parse hung on ``gen``, a genitive
        attribute of the noun ``head`` ("die Gespräche zwischen der Regierung Kolumbiens und
        den Rebellen": "Rebellen" as a conjunct of "Kolumbiens"), whose case shows they are
        coordinated with ``head`` instead: conjuncts agree in case (Duden Grammatik 2016 on
        coordination), so a conjunct that is not genitive but shares ``head``'s case belongs
        to ``head``. "der Präsident Kolumbiens und Venezuelas" (both genitive) keeps its
        reading. [] when there is none."""
        gen_cases = set(gen.morph.get("Case"))
        if "Gen" not in gen_cases or "Nom" in gen_cases:
            return []
        head_cases = set(head.morph.get("Case"))
        out = []
        for c in gen.children:
            if self.lex.role(c.dep_) != "conj" or c.pos_ not in NOMINAL_POS or c.i < gen.i:
                continue
            cases = set(c.morph.get("Case"))
            if cases and "Gen" not in cases and (not head_cases or cases & head_cases):
                out.append(c)
        return out

    def _apposed_conjunct(self, name: Token, conj: Token) -> bool:
        """German (issue 9, session 27; events audit s27-prec): whether ``conj``, parsed as
        a conjunct of the name ``name``, is an apposition describing that person: "Eleni
        Markou, eine Juristin und die Chefin der Partei, lobte den Plan" -- a common
        noun with its article right after a comma, in a comma-closed phrase that the finite
        verb follows. A list of names ("Merkel, Macron und Draghi kritisierten") has no such
        phrase. Apposition is a comma-enclosed noun phrase after its head (Duden Grammatik
        2016 §1554)."""
        if self.lang != "de" or name.pos_ != "PROPN" or conj.pos_ != "NOUN" or conj.i < name.i:
            return False
        if not any(self.lex.role(c.dep_) == "det" for c in conj.children):
            return False
        doc = name.doc
        first = min(t.i for t in conj.subtree if not t.is_punct)
        if first == 0 or doc[first - 1].text != ",":
            return False
        end = self.sent_bounds(conj)[1]
        close = next((k for k in range(first, end) if doc[k].text == ","), None)
        if close is None or close + 1 >= end or max(t.i for t in conj.subtree) > close:
            return False
        verb = doc[close + 1]
        return verb.pos_ in ("VERB", "AUX") and "Fin" in verb.morph.get("VerbForm")

    def arg(self, doc: Doc, token: Token) -> Arg:
        """Link an argument to an actor: the head's own name span first, then its subtree
        (without coordinated members, relative clauses and appositions)."""
        cached = self._args.get(token.i)
        if cached is not None and cached.token.doc is doc:
            return cached
        hung = [c for c in token.children if c.i not in self._dateline_tokens and c.i > token.i
                and c.pos_ in ("NOUN", "PROPN")] if token.i in self._dateline_tokens and self.lang == "en" else []
        if hung:
            # "ANKARA (Reuters) - Turkey/flat condemned …": the parse hung the real subject
            # on the dateline place; the phrase after the dash is the argument
            result = self._arg(doc, hung[0])
        elif token.i in self._dateline_tokens:
            result = Arg(token, None, token.text, token.idx, token.idx + len(token))  # dateline place
        else:
            result = self._arg(doc, token)
        self._args[token.i] = result
        return result

    def _arg(self, doc: Doc, token: Token) -> Arg:
        if token.pos_ == "PRON" and "PronType=Prs" in str(token.morph) and not self.mentions_in(doc, token.idx, token.idx + len(token)):
            # a personal pronoun is its own phrase: names the parse hung on it are other arguments
            return Arg(token, None, token.text, token.idx, token.idx + len(token))
        skip_roles = ("conj", "cc", "acl", "appos", "punct", "advcl", "ccomp")
        keep_preps = self.lex.genitive_preps
        agent_pp = self._agent_phrase_in_subject(token)
        core = [token] + [c for c in token.children if self.lex.role(c.dep_) in ("name",)]
        start = min(t.idx for t in core)
        end = max(t.idx + len(t) for t in core)
        # the head's own mention first: "Scholz Selenskyj" parsed as one flat name is two;
        # a pronoun names no one with the name the parse hung on it ("er Trump")
        actor = (self._actor_over(doc, [token]) if self.lang == "de" else None) or (
            self._actor_over(doc, core) if token.pos_ != "PRON" else None)
        # the phrase's text: the subtree without clauses and coordinated members; its actor:
        # that subtree without prepositional modifiers other than genitive ones
        # ("die Delegation in der UN" is not the UN; "der Berater von Trump" leads to Trump)
        phrase: List[Token] = []
        linkable: Set[int] = set()
        stack = [(token, True)]
        while stack:
            t, link = stack.pop()
            phrase.append(t)
            if link:
                linkable.add(t.i)
            for c in t.children:
                if agent_pp is not None and c.i == agent_pp.i:
                    continue  # the passive's agent, hung on its patient ("wurden X von der Polizei festgenommen")
                role = self.lex.role(c.dep_)
                if role in skip_roles and not (
                        # a close apposition naming a modifier ("Anhänger der Jihadistenmiliz
                        # Islamischer Staat"): part of the phrase, unlike ", Peskow," of the head
                        role == "appos" and t is not token and c.left_edge.i == t.i + 1 and c.pos_ in ("PROPN", "NOUN")):
                    continue
                child_link = link
                if role == "obl" and not self.is_possessive(c):
                    case = [x for x in c.children if self.lex.role(x.dep_) == "case"]
                    if t is not token or (case and self.lex.prep(case[0].text) not in keep_preps):
                        child_link = False
                stack.append((c, child_link))
        phrase.sort(key=lambda t: t.i)
        while len(phrase) > 1 and self.lex.role(phrase[0].dep_) == "case":
            phrase.pop(0)
        if actor is None and self.lang == "de" and token.pos_ == "NOUN":
            actor = self._act_author(doc, token)
        if actor is None:
            actor = self._actor_over(doc, [t for t in phrase if t.i in linkable])
        if actor is None and self.lang == "de" and token.pos_ in ("NOUN", "PROPN"):
            actor = self._compound_owner(doc, token)
        if actor is None and token.pos_ in ("NOUN", "PROPN"):
            # a role noun with the name in apposition ("Kreml-Sprecher Peskow" parsed as
            # noun + appos): the name is the actor
            for c in token.children:
                if self.lex.role(c.dep_) == "appos" and c.i == token.i + 1 and c.pos_ == "PROPN":
                    actor = self._actor_over(doc, [c] + [x for x in c.children if self.lex.role(x.dep_) == "name"])
                    if actor:
                        break
        if actor is None and self.lang == "en" and token.pos_ == "NOUN":
            actor = self._agent_of_noun(doc, token)
        if actor is None and self.lex.anaphors.get(self.lemma(token)) == "GPE":
            # "die Regierung in Berlin", "the government in Kyiv": the place names the state
            for c in token.children:
                cases = [x for x in c.children if self.lex.role(x.dep_) == "case"]
                if self.lex.role(c.dep_) == "obl" and cases and self.lex.prep(cases[0].text) in self.lex.location_preps:
                    actor = self._actor_over(doc, [c] + [x for x in c.children if self.lex.role(x.dep_) == "name"])
                    if actor:
                        break
        s = phrase[0].idx
        e = phrase[-1].idx + len(phrase[-1])
        return Arg(token, actor, doc_text(doc)[s:e], min(s, start), max(e, end))

    def _agent_phrase_in_subject(self, token: Token) -> Optional[Token]:
        """German (issue 9, session 29): the agent phrase (von/durch/seitens + noun,
        syntax.yaml ``agent_preps``) that the parse hung inside the subject ``token`` of a
        passive verb, when that subject stands after the finite verb ("Am Dienstag wurden
        drei Reporter von der Polizei Kenias festgenommen": the parse reads "von der Polizei"
        as the reporters' modifier). The passive's agent is the verb's phrase (the coder
        takes it as the source by word order, :meth:`EventCoder._sources_targets`), so it
        is no part of the patient's phrase and must not give the patient its actor. A
        subject before the finite verb keeps its phrases ("Die Reporter von Radio X wurden
        festgenommen"). None when there is none."""
        if self.lang != "de" or token.pos_ not in ("NOUN", "PROPN") or self.lex.role(token.dep_) not in ("subj", "subj_pass"):
            return None
        verb = token.head
        if verb.i == token.i or verb.pos_ not in ("VERB", "AUX") or not self.is_passive(verb):
            return None
        from ..language.clauses import finite_verb

        fin = finite_verb(verb) or verb
        if token.i < fin.i:
            return None
        for c in token.children:
            if c.i > token.i and c.pos_ in ("NOUN", "PROPN") and any(
                    self.lex.role(x.dep_) == "case" and self.lex.prep(x.text) in self.lex.agent_preps for x in c.children):
                return c
        return None

    def _act_author(self, doc: Doc, noun: Token) -> Optional[str]:
        """German: the author of the act a noun names, in its "durch"/"seitens" phrase ("die
        Festnahme des Journalisten durch die türkische Polizei"): condemning or praising an
        act is aimed at its author (CAMEO codes the author as the target), not at the
        act's patient in the genitive. Not "von", which also marks the patient ("die
        Freilassung von Gefangenen"). The phrase may hang on the verb right after the
        noun's phrase when the noun is the verb's object ("kritisierte die Verhaftung von
        X/nmod durch die Polizei/obl": no verb of speech takes a means phrase there).
        Returns the phrase's actor id or None. The English counterpart is
        :meth:`_agent_of_noun` ("the move by the United States")."""
        cands = list(noun.children)
        if self.lex.role(noun.dep_) == "obj" and noun.head.i != noun.i:
            cands += [c for c in noun.head.children if c.left_edge.i == noun.right_edge.i + 1]
        for c in cands:
            if self.lex.role(c.dep_) not in ("obl", "agent_obl") or c.pos_ not in ("NOUN", "PROPN"):
                continue
            case = [x for x in c.children if self.lex.role(x.dep_) == "case"] or self._inner_case(c)
            if case and self.lex.prep(case[0].text) in self.lex.agent_preps and self.lex.prep(case[0].text) != "von":
                found = self._actor_over(doc, [c] + [x for x in c.children if self.lex.role(x.dep_) in ("name", "mod")])
                if found:
                    return found
        return None

    def _compound_owner(self, doc: Doc, noun: Token) -> Optional[str]:
        """German: the actor a hyphenated compound names in its first part ("PKK-Stellungen",
        "IS-Hochburg", "Hamas-Tunnel"): the actor of a mention elsewhere in the document
        whose text is exactly that first part (the nearest one before ``noun``, else the
        first after it). The actor linker links such a part only before a role noun
        ("PKK-Kämpfer"); a place, camp or position of a group is the group's for CAMEO.
        Returns an actor id or None (no hyphen, a lower-case first part, no such mention)."""
        first, sep, rest = noun.text.partition("-")
        if not sep or not rest or not first[:1].isupper() or len(first) < 2:
            return None
        text = doc_text(doc)
        same = [m for m in get_list(doc, "mentions") if m.actor_id and text[m.start:m.end] == first]
        if not same:
            return None
        before = [m for m in same if m.end <= noun.idx]
        pick = max(before, key=lambda m: m.start) if before else min(same, key=lambda m: m.start)
        return pick.actor_id

    def _agent_of_noun(self, doc: Doc, noun: Token) -> Optional[str]:
        """English: the actor behind a noun that names an act or a measure and is no actor
        itself -- its "by"-agent ("the move by the United States") or the "by"-agent of the
        participle describing it ("the move announced by Pompeo"); for a noun of a demand,
        offer or reproach (syntax.yaml ``from_agent_nouns``) also its "from" phrase ("calls
        from the European Union", session 29). Criticising, rejecting or praising such an act
        is aimed at its author (CAMEO codes the author as the target)."""
        preps = self.lex.agent_preps | ({"from"} if self.lemma(noun) in self.lex.from_agent_nouns else set())

        def by_agent(head: Token) -> Optional[str]:
            for c in head.children:
                if self.lex.role(c.dep_) not in ("obl", "other", "agent") or c.pos_ not in ("NOUN", "PROPN"):
                    continue
                if any(self.lex.role(x.dep_) == "case" and x.lower_ in preps for x in c.children):
                    return self._actor_over(doc, [c] + [x for x in c.children if self.lex.role(x.dep_) == "name"])
            return None

        found = by_agent(noun)
        if found is None:
            for c in noun.children:
                if self.lex.role(c.dep_) == "acl" and c.tag_ == "VBN" and c.i > noun.i:
                    found = by_agent(c)
                    if found:
                        break
        return found

    def _actor_over(self, doc: Doc, tokens: Sequence[Token]) -> Optional[str]:
        if not tokens:
            return None
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t) for t in tokens)
        found = self.mentions_in(doc, start, end)
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

    def relative_antecedent(self, pron: Token) -> Optional[Token]:
        """The noun a relative pronoun refers to: the relative clause's head when the
        parse attached it to a noun, else the nearest noun before the pronoun."""
        clause = pron.head
        if self.role(clause) == "acl" and clause.head.pos_ in ("NOUN", "PROPN") and not (
                self.lang == "de" and self._disagrees(pron, clause.head)):
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
            if tok.pos_ == "PROPN" and k == pron.i - 2 and pron.doc[k + 1].text == ",":
                g = []  # the name right before ", den …": a name's gender is the tagger's guess
            if (not gender or not g or g == gender) and (not number or not n or n == number):
                return tok
        return nearest if pron.i - (nearest.i if nearest is not None else 0) <= 3 else None

    @staticmethod
    def _disagrees(pron: Token, noun: Token) -> bool:
        """German: whether the relative pronoun ``pron`` cannot refer to ``noun`` by
        agreement -- a relative pronoun agrees with its antecedent in number, and in the
        singular in gender ("Sanktionen gegen Russland, das …": "das" is neuter singular,
        so not "Sanktionen"). Only where the tagger gives both
        words the feature; then the agreeing noun nearest before the pronoun is looked for."""
        pn, nn = pron.morph.get("Number"), noun.morph.get("Number")
        if pn and nn and pn != nn:
            return True
        pg, ng = pron.morph.get("Gender"), noun.morph.get("Gender")
        return bool(pn == ["Sing"] and nn == ["Sing"] and pg and ng and pg != ng)

    def is_infinitive_clause(self, verb: Token) -> bool:
        """A zu-/to-infinitive ("…, Druck auszuüben", "to meet")."""
        if self.lang == "de" and "Inf" in verb.morph.get("VerbForm") and not zu_infinitive(verb) and not any(
                self.lex.role(c.dep_) == "mark" and c.lower_ == "zu" for c in verb.children):
            from ..language.clauses import finite_verb

            fin = finite_verb(verb)
            if fin is not None and fin is not verb:
                return False  # the infinitive of a modal or future clause ("soll Scholz gehen") has its own subject
        return "Inf" in verb.morph.get("VerbForm") or any(
            self.lex.role(c.dep_) == "mark" and c.lower_ in ("zu", "to") for c in verb.children
        ) or (self.lang == "de" and "zu" in verb.lower_[2:-3] and verb.lower_.endswith("en"))

    def _german_core_args(self, verb: Token) -> Tuple[List[Token], List[Token]]:
        """(subjects, objects) of a German clause: the parse, repaired by word order and
        case (:meth:`_german_core_args_parse`), and where it still lacks a subject or an
        object with an actor, the linear verb-second/verb-final reading of the clause
        (:func:`lagebild.language.clauses.clause_phrases`)."""
        cache = self.__dict__.setdefault("_core_cache", {})
        key = (id(verb.doc), verb.i)
        hit = cache.get(key)
        if hit is not None:
            return hit
        subj, objs = self._german_core_args_parse(verb)
        doc = verb.doc
        for x in subj + objs:
            # "hatte er/det Scholz getroffen": the pronoun is the subject, the name an object
            p = pronoun_read_as_article(x)
            if p is not None and all(s.i == x.i for s in subj):
                subj, objs = [p], sorted([o for o in objs if o.i != x.i] + [x], key=lambda t: t.i)
                break
        if subj and all(s.lower_ in OBLIQUE_PERSONAL_DE for s in subj) and not self.is_passive(verb):
            # "Danach traf ihn/nsubj Macron": an accusative or dative pronoun is no subject;
            # the word-order reading names the subject
            lin_s = [t for t in self._linear_args(verb)[0] if t.lower_ not in OBLIQUE_PERSONAL_DE]
            if lin_s:
                objs = sorted([o for o in objs if o.i != lin_s[0].i] + subj, key=lambda t: t.i)
                subj = lin_s[:1]
        if any(s.i in self._dateline_tokens or s.head.i in self._dateline_tokens for s in subj):
            subj, objs = self._dateline_subject(verb, subj, objs)
        if zu_infinitive(verb) and not self.children(verb, "subj_pass"):
            # a zu-infinitive has no subject of its own (its controller's is shared, see
            # subjects()): what the parse or word order took for one is an object
            lin_s, lin_o = self._linear_args(verb)
            found: List[Token] = []
            for x in objs + [s for s in subj if s.pos_ in ("NOUN", "PROPN", "PRON") and not self._is_reciprocal(s)] + lin_s + lin_o:
                if x.i not in {y.i for y in found} and x.i != verb.i:
                    found.append(x)
            cache[key] = ([], found)
            return [], found
        if not any(self._has_actor(doc, x) for x in subj) or not any(self._has_actor(doc, x) for x in objs):
            lin_s, lin_o = self._linear_args(verb)
            taken = {t.i for x in subj + objs for t in x.subtree}
            if not any(self._has_actor(doc, x) or x.pos_ == "PRON" for x in subj) and lin_s and self.role(verb) not in ("conj", "xcomp") \
                    and not self.is_infinitive_clause(verb) and not any(self.lex.role(c.dep_) in ("subj", "subj_pass") for c in verb.children
                                                                        if self._has_actor(doc, c)):
                if lin_s[0].i not in taken or any(o.i == lin_s[0].i for o in objs):
                    objs = [o for o in objs if o.i != lin_s[0].i]
                    subj = lin_s
            if not any(self._has_actor(doc, x) for x in objs):
                subj_ids = {x.i for x in subj}
                objs = objs + [o for o in lin_o if o.i not in subj_ids and o.i not in {x.i for x in objs}]
        if len(cache) > 5000:
            cache.clear()
        cache[key] = (subj, objs)
        return subj, objs

    def _dateline_subject(self, verb: Token, subj: List[Token], objs: List[Token]) -> Tuple[List[Token], List[Token]]:
        """(subjects, objects) of a German clause whose parse took the dateline for the
        subject ("Warschau – Der Parteichef X hat Deutschland … vorgeworfen"): the place is
        no one's argument (:func:`lagebild.language.dateline.dateline_tokens`). The subject is, in this order,
        the first noun phrase without a preposition that the parse hung on the place before
        the verb (:func:`lagebild.language.dateline.dateline_subject`) (the real Vorfeld subject: "Wien – ÖGB-Präsident X nennt …"; one with an
        actor first), else another subject of the parse ("Wien – Nach der Genehmigung …
        prangert Pilz … an"), else the word-order reading of the clause; other subjects of
        the parse become objects (a dative the parser read as a second subject)."""
        doc = verb.doc
        dl = self._dateline_tokens
        places = {s.i if s.i in dl else s.head.i for s in subj if s.i in dl or s.head.i in dl}
        hung = dateline_subject([doc[d] for d in sorted(places)], verb.i, dl, has_actor=lambda c: self._has_actor(doc, c))
        others = [c for c in self.children(verb, "subj", "subj_pass") if c.i not in dl and c.head.i not in dl]
        if hung:
            new_subj = hung[:1]  # one with an actor first
        elif others:
            new_subj = others[:1]
        else:
            lin_s, lin_o = self._linear_args(verb)
            new_subj = [x for x in lin_s if x.i not in dl][:1]
            objs = objs + [x for x in lin_o if x.i not in dl]
        seen = {x.i for x in new_subj} | set(dl)
        out_objs = [x for x in objs + others if x.i not in seen and not seen.add(x.i)]  # type: ignore[func-returns-value]
        return new_subj, out_objs

    def _linear_args(self, verb: Token) -> Tuple[List[Token], List[Token]]:
        """(subject, objects) heads from word order alone (German): the Vorfeld phrase, or
        else the first bare Mittelfeld phrase not marked accusative/dative, is the subject
        (none in a coordinated verb-first clause, whose subject is shared); the other bare
        phrases are objects. Adjacent names of different actors are separate phrases
        ("warnte Macron Scholz")."""
        fin, phrases = self.clause_phrases(verb)  # type: ignore[attr-defined]
        doc = verb.doc
        parts: List[Tuple[List[Token], bool, bool]] = []  # tokens, front, non-nominative
        front_pp = False
        active = not self.is_passive(verb)
        for ph in phrases:
            if ph.prep is not None:
                front_pp = front_pp or (active and ph.front and ph.prep not in self.lex.agent_preps | self.lex.occasion_preps)
                continue
            if ph.front and front_pp:
                # session 30: the Vorfeld holds one constituent, so a bare phrase after a
                # fronted prepositional phrase is its attribute ("Gegen die Pläne der
                # Regierung X protestierten Tausende", "Nach Angaben der Polizei griffen …"),
                # not the subject; but the owner of an agent or occasion phrase's noun may be
                # the one who acts ("Durch Granatfeuer der Separatisten wurden … verletzt"),
                # and a passive clause is left as it was (its word-order "subject" is the patient)
                continue
            if any(t.lower_ in self.lex.postpositions and t.pos_ in ("ADP", "ADV") for t in ph.tokens) or (
                    ph.tokens and ph.tokens[-1].i + 1 < len(doc) and doc[ph.tokens[-1].i + 1].lower_ in self.lex.postpositions):
                continue  # "Dem Bericht der Uno zufolge": an adverbial, not an argument
            nonnom = is_non_nominative(ph)
            run: List[Token] = []
            last_actor: Optional[str] = None
            for tok in ph.tokens:
                ms = self.mentions_in(doc, tok.idx, tok.idx + len(tok))
                actor = ms[0].actor_id if ms else None
                prev = run[-1] if run else None
                if run and ((actor is not None and last_actor is not None and actor != last_actor) or (
                        # a name and then a common noun: two phrases ("lieferte Scholz Waffen"),
                        # unless the name is a prenominal genitive ("Putins Krieg")
                        actor is None and prev is not None and prev.text[:1].isupper() and prev.pos_ != "DET" and tok.pos_ == "NOUN"
                        and last_actor is not None and not prev.lower_.endswith("s"))):
                    parts.append((run, ph.front, nonnom))
                    run = []
                    last_actor = None
                run.append(tok)
                last_actor = actor if actor is not None else last_actor
            if run:
                parts.append((run, ph.front, nonnom))

        def head(run: List[Token]) -> Token:
            nouns = [t for t in run if t.pos_ in ("NOUN", "PROPN", "PRON", "X")]
            while len(nouns) >= 2 and self._genitive_attribute(nouns[-1], nouns[-2]) and self._same_mention(nouns[-2], nouns[-1]):
                nouns.pop()  # "die Regierung Norwegens": the government is the head, not the country
            return nouns[-1] if nouns else run[-1]

        if not parts:
            return [], []
        shared = fin is not None and (fin.dep_ == "conj" or clause_start(fin) >= fin.i) and fin.i > 0 and \
            doc[fin.i - 1].lower_ in ("und", "oder", "aber", "sowie")
        subj: List[Token] = []
        rest = list(parts)
        # the speech verb after its content ("…, soll er gehen, meinte der Premier", "„…“,
        # sagte X"): verb-first, the content is its Vorfeld, the subject follows the verb
        inverted = fin is not None and fin.i > 0 and doc[fin.i - 1].text in (",", "“", "”", '"', "«", "»", "'") \
            and any(k in self.lex.reporting or k in self.lex.cue_verbs for k in self.trigger_keys(fin))  # type: ignore[attr-defined]
        if inverted:
            parts = [p for p in parts if p[0][0].i > fin.i]  # type: ignore[union-attr]
            if not parts:
                return [], []
        if not shared:
            front = [p for p in parts if p[1] and not p[2]] if not inverted else []
            cand = front[:1] or [p for p in parts if not p[1] and not p[2]][:1]
            if cand:
                subj = [head(cand[0][0])]
                rest = [p for p in parts if p is not cand[0]]
        objs = [head(p[0]) for p in rest if not p[1]]
        return subj, objs

    def _same_mention(self, a: Token, b: Token) -> bool:
        """Whether the tokens ``a`` and ``b`` lie in one actor mention ("Regierung Norwegens"
        is one mention of the Norwegian government; in "die Haltung Deutschlands" only the
        country is a mention)."""
        doc = a.doc
        ma = {m.actor_id for m in self.mentions_in(doc, a.idx, a.idx + len(a))}
        return bool(ma) and bool(ma & {m.actor_id for m in self.mentions_in(doc, b.idx, b.idx + len(b))})

    @staticmethod
    def _article_of_next(det: Token, subject_ids: Set[int]) -> bool:
        """Whether the determiner ``det`` is the article of a noun right after it (adjectives
        between) that is itself one of ``subject_ids`` -- a split the parser sometimes makes
        of one noun phrase ("der/nsubj Außenminister/nsubj"); a demonstrative standing alone
        ("Das ergab eine Umfrage") has no such noun."""
        doc = det.doc
        k = det.i + 1
        while k < len(doc) and doc[k].pos_ == "ADJ":
            k += 1
        return k < len(doc) and k in subject_ids and doc[k].pos_ in ("NOUN", "PROPN")

    @staticmethod
    def _genitive_attribute(tok: Token, before: Token) -> bool:
        """German (issue 9, session 29): whether ``tok`` is a post-nominal genitive attribute
        of the common noun ``before`` right in front of it ("die Regierung Norwegens", "der
        Präsident Kenias", "die Armee Sudans") -- so that the phrase's head is ``before``
        (Duden Grammatik 2016 on the genitive attribute: it follows its head noun). A
        genitive is known by its morphology (Case=Gen without Nom) or, where the tagger
        guessed another case for a name, by the name's form: the lemma plus the genitive
        "-s" ("Venezuelas" of "Venezuela"). Not a name after a title ("Kanzlerin Merkel":
        no genitive ending) and not after a name ("Putin Macron")."""
        if tok.i != before.i + 1 or before.pos_ != "NOUN" or tok.pos_ not in ("NOUN", "PROPN"):
            return False
        cases = set(tok.morph.get("Case"))
        if "Gen" in cases and "Nom" not in cases:
            return True
        text = tok.text
        return len(text) > 3 and text[:1].isupper() and text.endswith("s") and tok.lemma_ == text[:-1]

    def _german_core_args_parse(self, verb: Token) -> Tuple[List[Token], List[Token]]:
        """(subjects, objects) of a German clause, repaired by word order when the parse
        gives two subjects or only objects: in a verb-second main clause the noun phrase
        before the finite verb is the subject (the usual case in news prose)."""
        bare = lambda c: c.pos_ in ("NOUN", "PROPN", "PRON") and not any(  # noqa: E731
            self.lex.role(x.dep_) == "case" for x in c.children) and "Case=Gen" not in str(c.morph)
        # a phrase with a postposition is an adverbial, whatever the parse says ("Der Nato
        # zufolge/flat hat Russland …": the source of the report, not the subject)
        post = self.lex.postpositions
        subj = [c for c in self.children(verb, "subj", "subj_pass") + self._auxiliary_subjects(verb)
                if not any(x.i > c.i and x.lower_ in post and x.pos_ in ("ADP", "ADV") for x in c.children)]
        subj.sort(key=lambda c: c.i)
        ids = {c.i for c in subj}
        # an article the parse split from its noun and called a subject of its own ("der/nsubj
        # Außenminister/nsubj Polens habe …"): the noun after it is the phrase
        subj = [c for c in subj if not (c.pos_ == "DET" and not list(c.children) and self._article_of_next(c, ids))]
        objs = self.children(verb, "obj")
        shared = self._asyndetic_conjunct(verb, subj)
        if shared is not None:
            # "X kritisierte Y, lobte aber Z": the verb-first conjunct shares X; Z is its object
            return shared[0], objs + shared[1]
        pron = relative_pronoun(verb)
        if pron is not None:
            # a relative clause the parse did not read as one (", der Scholz kritisierte"
            # as article + name): the pronoun stands for its antecedent, as subject or
            # (den/dem/denen) object; the other bare phrases are the rest
            ante = self.relative_antecedent(pron)
            if ante is not None and ante.i < pron.i:
                others = []
                for x in subj + objs + self._linear_args(verb)[0] + self._linear_args(verb)[1]:
                    if x.i != pron.i and bare(x) and not self._is_reciprocal(x) and x.i not in {y.i for y in others} and x.i > pron.i:
                        others.append(x)
                if pron.lower_ in RELATIVE_OBJECT_DE:
                    return others[:1], [ante] + others[1:]
                if not self.is_passive(verb) or not subj or all(s.i == pron.i or pron in s.children for s in subj):
                    return [ante], others
        light = [c for c in subj if self.fronted_light_noun(c)]
        if light:
            # "Kritik übte auch die SPÖ an …", "Die Schuld gab X den Geldgebern": the fronted
            # noun of a light verb is its object; the actor after the verb is the subject
            after = [x for x in self._bare_after(verb) if x.i not in {t.i for t in light[0].subtree}]
            if after:
                return after[:1], [light[0]] + [o for o in objs if o.i != after[0].i and o.i != light[0].i]
        front_obj = vorfeld_object(verb)
        if front_obj is not None and any(x.i in {t.i for t in front_obj.subtree} for x in subj):
            # "Den Präsidenten Selenskyj kritisierte Poroschenko": an accusative Vorfeld is
            # the object; the subject follows the finite verb
            inner = {t.i for t in front_obj.subtree}
            lin_s, lin_o = self._linear_args(verb)
            after = [h for h in lin_s + lin_o if h.i not in inner and h.i > front_obj.i]
            if after:
                return after[:1], [front_obj] + [o for o in objs if o.i not in inner and o.i != after[0].i]
        nominative = [c for c in verb.children if c.pos_ == "PRON" and c.lower_ in NOMINATIVE_DE and c not in subj]
        if nominative and not any(s.lower_ in NOMINATIVE_DE for s in subj):
            # "Danach warnte er Scholz" parsed with "er" as the object: "er" is nominative
            return nominative[:1], [o for o in objs if o not in nominative] + [s for s in subj if bare(s)]
        strong = [s for s in subj if s.pos_ == "PRON" and s.lower_ in NOMINATIVE_ONLY_DE]
        if strong and len(subj) >= 2:
            # "Schäuble warf er vor", "Putin hat er kritisiert": two parse subjects, one a
            # pronoun that is nominative only (er/ich/wir/du): it is the subject, and the
            # noun phrase the parser also called a subject is an object (German case)
            return strong[:1], objs + [s for s in subj if s.i != strong[0].i and bare(s) and s.pos_ != "PRON"]
        if not self.is_passive(verb) or not subj:
            # verb-second word order and case: the Vorfeld noun phrase is the subject
            # ("Poroschenko kritisierte Selenskyj" parsed object-verb-subject)
            front = vorfeld_subject(verb, names=lambda t: bool(self._actor_over(verb.doc, [t])))
            front = self._conjunct_of(verb, front, subj)
            if front is not None and front.i not in {x.i for x in subj} and not self._is_reciprocal(front) \
                    and front.lower_ not in self.lex.relative_pronouns:
                rest = [x for x in subj if bare(x) and x.i > front.i]
                return [front], [o for o in objs if o.i != front.i] + rest
        if len(subj) >= 2:
            # two "subjects" of one event verb: the first is the subject, the others objects
            subj = sorted(subj, key=lambda c: c.i)
            after = self._inverted_clause_subjects(verb, subj)
            if after:
                # "Das Problem ist, dass …, kritisiert X die Regierung": a verb-first clause
                # after a complete clause and a comma has its subject after the verb; a
                # "subject" before the comma belongs to the clause before
                return [after[0]], objs + [s for s in after[1:] if bare(s)]
            return [subj[0]], objs + [s for s in subj[1:] if bare(s)]
        if not subj and len([o for o in objs if bare(o)]) >= 2:
            first = min(objs, key=lambda c: c.i)
            if first.i < verb.i and not self._is_reciprocal(first):
                return [first], [o for o in objs if o is not first]
        return subj, objs

    def _asyndetic_conjunct(self, verb: Token, subj: List[Token]) -> Optional[Tuple[List[Token], List[Token]]]:
        """German (issue 9, session 30): ``(subjects, objects)`` for the parse subjects of
        ``verb`` when they are its objects because ``verb`` is a verb-first conjunct after a
        comma that shares the subject of the clause it is coordinated with ("Die Regierung
        kritisierte die Opposition, lobte aber die Kirche": the parse makes "die Kirche" the
        subject of "lobte"). A German
        main clause with the finite verb first after a comma, no subject before it and a
        coordinating adverb right after the verb (syntax.yaml ``asyndetic_adverbs``: "aber",
        "jedoch", "dann" …) is a coordinated clause with an elided subject (Duden Grammatik
        2016, Koordination: "Ellipse des Subjekts"); an inverted reporting clause ("Das sei
        falsch, kritisierte X") has no such adverb, and reporting or cue verbs and a
        nominative-only pronoun after the verb ("…, lobte er aber Z") are excluded. Only
        when the clause before the comma -- the verb it is coordinated with, or a clause the
        parse hung on it as parataxis -- has a parse subject of its own and every parse
        subject of ``verb`` follows its finite verb. The subjects are [] for a parse
        conjunct (:meth:`subjects` inherits its head's) and the subjects of the clause before
        (:meth:`_german_core_args`) for a parse parataxis; the objects are the demoted noun
        phrases. None when the rule does not apply."""
        from ..language.clauses import finite_verb

        if self.lang != "de" or not subj:
            return None
        fin = finite_verb(verb) or verb
        doc = verb.doc
        if fin.i < 1 or doc[fin.i - 1].text != "," or fin.i + 1 >= len(doc) or doc[fin.i + 1].lower_ not in self.lex.asyndetic_adverbs:
            return None
        # the clause before the comma: the verb this one is coordinated with, or the clause
        # the parse hung on it (as parataxis or conjunct)
        if self.role(verb) == "conj" and verb.head.i < verb.i:
            before: List[Token] = [verb.head]
        else:
            before = [c for c in verb.children if c.i < fin.i and c.pos_ in ("VERB", "AUX")
                      and (c.dep_ == "parataxis" or self.role(c) == "conj")]
        if not before or before[0].pos_ not in ("VERB", "AUX") or not self.children(before[0], "subj"):
            return None
        if any(s.i < fin.i for s in subj) or any(s.pos_ == "PRON" and s.lower_ in NOMINATIVE_ONLY_DE for s in subj):
            return None
        if any(k in self.lex.reporting or k in self.lex.cue_verbs for k in self.trigger_keys(fin)):  # type: ignore[attr-defined]
            return None
        demoted = [s for s in subj if s.pos_ in ("NOUN", "PROPN")]
        if not demoted:
            return None
        return ([] if before[0].i == verb.head.i else self._german_core_args(before[0])[0]), demoted

    def _auxiliary_subjects(self, verb: Token) -> List[Token]:
        """German (issue 9, session 29): the subjects the parse hung on an auxiliary or modal
        of ``verb`` instead of on ``verb`` itself ("Am Dienstag hat/aux die Regierung/nsubj→hat
        X … unterstützt", "Sie/nsubj→haben haben X als Vorbild gerühmt"). The finite
        auxiliary of a verb complex carries no arguments of its own (Duden Grammatik 2016 on
        the verb complex: the auxiliary only marks tense, voice or mood), so a noun phrase
        or pronoun hung on it as subject is the subject of the clause's main verb. Only
        auxiliaries that are ``verb``'s own children (labels ``aux``/``aux_pass``); nothing
        in English (its own subjects() rule covers the label there). [] when there is none."""
        if self.lang != "de":
            return []
        return [c for a in self.children(verb, "aux", "aux_pass") for c in self.children(a, "subj", "subj_pass")
                if c.pos_ in ("NOUN", "PROPN", "PRON")]

    def _conjunct_of(self, verb: Token, front: Optional[Token], subj: List[Token]) -> Optional[Token]:
        """German (session 26): in a clause in the perfect (``verb`` with the auxiliary
        "haben" or "sein"), the parse subject of ``subj`` whose coordination holds ``front``
        -- the word-order subject, which reads a Vorfeld "Merkel und Macron" from the "und"
        on as a clause of its own and so names only the last conjunct -- else ``front``
        unchanged (None stays None). The head of the coordination stands for all its
        conjuncts (:meth:`expand_conj`): "Merkel und Macron haben Russland kritisiert" is
        two events, one per conjunct. Not with a modal or "werden" (with any auxiliary,
        dev-B lost one event: 127 -> 128 predicted, source accuracy 0.835 -> 0.824)."""
        if front is None or not any(self.lemma(a) in ("haben", "sein") for a in self.children(verb, "aux")):
            return front
        ids = {x.i for x in subj}
        top = front
        while self.lex.role(top.dep_) == "conj" and top.head.i != top.i and top.head.i < top.i:
            top = top.head
            if top.i in ids:
                return top
        return front

    def _light_words(self, verb: Token) -> Set[str]:
        """The required words of the verb's own light-verb patterns ("üben" + kritik, "geben"
        + schuld), lower case."""
        keys = tuple(self.trigger_keys(verb))
        cache = self.__dict__.setdefault("_light_cache", {})
        hit = cache.get(keys)
        if hit is not None:
            return hit
        out: Set[str] = set()
        for key in keys:
            for p in self.lex.patterns.get(key) or ():
                if not p.nominal and p.tier == 0:
                    for alts in p.words:
                        out |= alts
        cache[keys] = out
        return out

    def _bare_after(self, verb: Token) -> List[Token]:
        """Bare noun phrases (no preposition) with an actor, hung on ``verb`` after its finite
        verb as subject or object, in order."""
        from ..language.clauses import finite_verb

        fin = finite_verb(verb) or verb
        return [c for c in verb.children if c.i > fin.i and c.pos_ in ("NOUN", "PROPN", "PRON")
                and self.lex.role(c.dep_) in ("subj", "subj_pass", "obj", "iobj")
                and not any(self.lex.role(x.dep_) == "case" for x in c.children) and self._has_actor(verb.doc, c)]

    def fronted_light_noun(self, tok: Token) -> bool:
        """German: ``tok`` is the noun of a light-verb construction fronted into the Vorfeld
        and parsed as the subject ("Kritik/nsubj übte auch die SPÖ/obj an …"): a common noun
        before the finite verb whose lemma a light-verb pattern of its verb requires, no
        actor itself, while a bare actor phrase follows the finite verb."""
        if self.lang != "de" or tok.pos_ != "NOUN" or self.lex.role(tok.dep_) not in ("subj", "subj_pass"):
            return False
        verb = tok.head
        if verb.i == tok.i or verb.pos_ not in ("VERB", "AUX") or tok.i > verb.i:
            return False
        if self.lemma(tok).lower() not in self._light_words(verb) or self._has_actor(verb.doc, tok):
            return False
        return bool(self._bare_after(verb))

    def _inverted_clause_subjects(self, verb: Token, subj: List[Token]) -> List[Token]:
        """German: the candidate subjects after the finite verb of ``verb`` when that verb
        opens a clause right after a comma (or colon) that closes a complete clause of its
        own (one with a finite verb: "Die Lage ist ernst, warnte X …"); [] otherwise (a
        comma after a listed name or an apposition: "Merkel, die Kanzlerin, kritisierte …")."""
        from ..language.clauses import finite_verb, is_finite

        fin = finite_verb(verb) or verb
        doc = verb.doc
        start = self.sent_bounds(verb)[0]
        if fin.i <= start or doc[fin.i - 1].text not in (",", ":"):
            return []
        if not any(t.pos_ in ("VERB", "AUX") and is_finite(t) for t in doc[start:fin.i - 1]):
            return []
        return [s for s in subj if s.i > fin.i]

    def _fronted_word_as_subject(self, tok: Token) -> bool:
        """German, weak parse: a capitalised sentence-initial adjective or adverb read as a
        subject ("Kritisch/nsubj äußerte sich X"): a lone first token whose lemma is lower
        case (German nouns keep their capital), that is no actor and has a second subject
        beside it, belongs to the predicate."""
        # the sentence's first word, or the first after its dateline ("Jerusalem – Erneut/nsubj
        # hat …": every word after the dash is capitalised too)
        first = tok.i == sentence_bounds(tok)[0] or (tok.i >= 2 and tok.doc[tok.i - 1].text in ("–", "—", "--", "-")
                                             and tok.i - 2 in self._dateline_tokens)
        if not (self.lang == "de" and first and not list(tok.children)
                and self.lex.role(tok.dep_) in ("subj", "subj_pass") and tok.text[:1].isupper()
                and self.lemma(tok)[:1].islower() and tok.pos_ not in ("PRON", "DET")):
            return False
        # only beside a second subject of the same verb, and never a coded actor ("Macron";
        # a provisional one may be the parser's guess at a capitalised adverb: "Scharf")
        actor = self.arg(tok.doc, tok).actor
        return (not (actor and not actor.startswith(("---", "prov:")))
                and any(c.i != tok.i and self.lex.role(c.dep_) in ("subj", "subj_pass") for c in tok.head.children))

    def subjects(self, verb: Token, seen: Optional[Set[int]] = None) -> List[Token]:
        """Subject tokens of ``verb``, inherited through coordination, control and
        relative clauses."""
        seen = seen or set()
        if verb.i in seen:
            return []
        seen.add(verb.i)
        if self.lang == "de" and zu_infinitive(verb) and not self.children(verb, "subj_pass"):
            # German zu-infinitives share the subject of the clause they depend on, or its
            # object after an object-control verb ("forderte Scholz auf, Putin
            # freizulassen"), wherever the parse hung them
            ctrl = infinitive_controller(verb)
            if ctrl is None or ctrl.i in seen:
                return []
            ctrl = self.control_head(verb, ctrl)
            k = verb.i - 1
            while k > 0 and verb.doc[k].text not in (",", ";", ":", "–"):
                k -= 1
            um = any(t.lower_ in ("um", "ohne", "statt", "anstatt") for t in verb.doc[k:verb.i])
            if not um and any(k in self.lex.object_control for k in self.trigger_keys(ctrl)):
                objs = [o for o in self._german_core_args(ctrl)[1] if o.i < verb.i]
                if objs and any(self._has_actor(verb.doc, o) for o in objs):
                    return [o for o in objs if self._has_actor(verb.doc, o)][:1]
            return self.subjects(ctrl, seen)
        subj = self.children(verb, "subj", "subj_pass")
        if not subj and self.lang == "en":
            # "Officers had earlier threatened …" parsed with the subject on the auxiliary
            subj = [s for a in self.children(verb, "aux", "aux_pass") for s in self.children(a, "subj", "subj_pass")]
        if self.lang == "de":
            subj = self._german_core_args(verb)[0]
            if subj and all(self._fronted_word_as_subject(s) for s in subj):
                subj = [c for c in self.children(verb, "subj", "subj_pass") if not self._fronted_word_as_subject(c)]
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
        if head.pos_ == "AUX" and role in ("obj", "xcomp", "ccomp", "other") and verb.i > head.i:
            return self.subjects(head, seen)  # "toll has risen" with "has" parsed as the head
        if role == "conj" and self.lang == "en" and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i \
                and verb.pos_ == "VERB" and not self.children(head, "subj", "subj_pass") and head.head.i == head.i:
            # "The Lebanese army, the last … of the state, accused Israel …": a parse that makes
            # the subject the root and its verb a conjunct of it -- the noun is the subject
            return [head]
        if role == "conj":
            inherited = self.subjects(head, seen)
            if self.lang == "en" and self._finite_conjunct(verb) and self.role(head) == "ccomp" \
                    and not any(self._has_actor(verb.doc, x) for x in inherited):
                said = self._reporting_governor(head)
                if said is not None and said.i not in seen:
                    # "Turkey said the vote was illegal and urged Greece to …": the parse
                    # coordinates the finite verb with the reported clause, whose subject is
                    # no actor; the speaker goes on acting
                    outer = self.subjects(said, seen)
                    if any(self._has_actor(verb.doc, x) for x in outer):
                        return outer
            gov = self._gerund_governor(verb, head) if self.lang == "en" else None
            if gov is not None and gov.i not in seen:
                return self.subjects(gov, seen)
            return inherited
        if role == "xcomp" or (role in ("advcl", "ccomp", "acl") and head.pos_ in ("VERB", "AUX") and self.is_infinitive_clause(verb)):
            head = self.control_head(verb, head)
            if any(k in self.lex.object_control for k in self.trigger_keys(head)):
                objs = self.children(head, "obj", "iobj")
                if not objs and self.lang == "en":
                    # "called on Iran to release …", "appealed to X to …": the addressee is
                    # the object of the verb's on/upon/to phrase
                    objs = [a for p, a in self.prep_args(head) if p in ("on", "upon", "to") and a.i < verb.i]
                # an instructed body that is no actor ("seine Delegation") acts for the
                # one who instructs it: fall back to the controller's subject
                if objs and any(self._has_actor(verb.doc, o) for o in objs):
                    return objs
            return self.subjects(head, seen)
        if (role == "advcl" or verb.dep_ == "parataxis") and self.lang == "en" and verb.tag_ == "VBG" and head.pos_ in ("VERB", "AUX") \
                and (head.i < verb.i or (role == "advcl" and self._fronted_participle_clause(verb))) and not any(c.dep_ in ("mark", "case") and c.lower_ in GERUND_COMPLEMENT_PREPS
                                                for c in verb.children):
            # a participle clause after its main clause takes the main clause's subject
            # ("Officials banned firecrackers, arresting 210 people"; "… before convicting X"),
            # not a gerund complement ("convicted X of kidnapping the girl": X did it)
            return self.subjects(head, seen)
        if role == "acl" and self.lang == "en" and self._finite_acl(verb):
            # "the … ministries accused U.S. forces of …": a finite past verb the parser
            # read as a reduced relative -- its head noun (or, when that is no actor, the
            # nearest actor before it) is the subject
            if self._has_actor(verb.doc, head):
                return [head]
            return self._fallback_subject(verb, clause_roles=False)
        if role == "acl" and head.pos_ in ("NOUN", "PROPN") and verb.morph.get("VerbForm") == ["Part"]:
            return []
        return []

    def _finite_conjunct(self, verb: Token) -> bool:
        """English: whether a coordinated verb is finite -- a past/present form, or a form
        the tagger read as a participle after a passive conjunct ("was planned and called
        on Somalia to …") that has a direct object or an addressee phrase, which a passive
        participle cannot take (cf. :meth:`_finite_acl`)."""
        if verb.tag_ in ("VBD", "VBZ", "VBP"):
            return True
        if verb.tag_ != "VBN" or self.children(verb, "aux", "aux_pass", "subj_pass"):
            return False
        if self.children(verb, "obj"):
            return True
        return any(k in self.lex.object_control for k in self.trigger_keys(verb)) and any(
            p in ("on", "upon") for p, _ in self.prep_args(verb))

    def _gerund_governor(self, verb: Token, head: Token) -> Optional[Token]:
        """English (issue 9, session 28): the verb that governs the gerund complement
        ``head`` when the finite conjunct ``verb`` was parsed as coordinated with that
        gerund ("Chad accused Sudan of backing the rebels and threatened to cut ties": the
        fast parser makes "threatened" a conjunct of "backing"). A finite past or present
        form cannot be coordinated with an -ing form (coordination joins like forms: Quirk
        et al. 1985, 13.25), so it goes on the clause of the verb that took the gerund
        complement; None when ``head`` is no gerund after of/for/… or its governor is no
        verb before it."""
        if head.tag_ != "VBG" or not self._finite_conjunct(verb) or not any(
                c.dep_ in ("mark", "case") and c.lower_ in GERUND_COMPLEMENT_PREPS for c in head.children):
            return None
        gov = head.head
        if gov.pos_ in ("NOUN", "PROPN") and self.role(gov) == "obj" and gov.head.i < gov.i:
            gov = gov.head  # "criticised Burundi for expelling …": the gerund hung on the object
        if gov.i == head.i or gov.i > head.i or gov.pos_ != "VERB" or self.children(gov, "subj_pass"):
            return None
        return gov

    def _reporting_governor(self, clause: Token) -> Optional[Token]:
        """English: the reporting verb ("said", "told", "announced": modality_en.yaml
        ``reporting``) whose complement clause ``clause`` is, before it; else None."""
        gov = clause.head
        if gov.i == clause.i or gov.i > clause.i or gov.pos_ not in ("VERB", "AUX"):
            return None
        return gov if any(k in self.lex.reporting for k in self.trigger_keys(gov)) else None

    def _fronted_participle_clause(self, verb: Token) -> bool:
        """English: whether the -ing clause of ``verb`` stands before its main clause and ends
        at a comma before that clause's subject ("After meeting Putin in Moscow, Macron
        criticised NATO"; "Speaking in Kyiv, the minister condemned …"). English grammar
        gives a non-finite adverbial clause the main clause's subject as its own (the
        "dangling participle" rule: Quirk et al. 1985, 15.58); the subject must follow the
        clause, or the clause is no fronted adjunct of it."""
        head = verb.head
        if head.i <= verb.i:
            return False
        end = max(t.i for t in verb.subtree if not t.is_punct)
        subj = self.children(head, "subj", "subj_pass")
        return end + 1 < len(verb.doc) and verb.doc[end + 1].text == "," and bool(subj) and all(end < s.i < head.i for s in subj)

    def _finite_acl(self, verb: Token) -> bool:
        """English: whether a verb parsed as a reduced relative clause ("acl") of the noun
        before it is really the finite verb of that noun ("ministries accused U.S. forces",
        "Jordan - also sharply criticised the shift"). A past participle that modifies a
        noun is passive and takes no direct object ("the forces accused of …"), so an
        -ed/irregular past form with a direct object -- or coordinated with a finite verb or
        a past form with an object ("troops crossed into Iraq and attacked rebel bases") --,
        no auxiliary, no "by"-agent and no relative pronoun is a misparsed finite verb."""
        head = verb.head
        if head.i >= verb.i or not (verb.tag_ in ("VBN", "VBD") or "Past" in verb.morph.get("Tense")):
            return False
        if self.children(verb, "aux", "aux_pass", "subj", "subj_pass"):
            return False
        if not self.children(verb, "obj") and not any(
                c.tag_ in ("VBD", "VBZ", "VBP") or (c.tag_ == "VBN" and self.children(c, "obj"))
                for c in self.children(verb, "conj") if c.pos_ == "VERB"):
            # without an object, a finite conjunct shows the verb finite: coordination joins
            # like with like ("troops crossed into Iraq and attacked rebel bases")
            return False
        if any(c.lower_ in self.lex.agent_preps for c in verb.subtree if c.head.head is verb or c.head is verb):
            return False
        # only adverbs, punctuation and the noun's own modifiers may stand between
        return all(t.pos_ in ("ADV", "PUNCT", "PART") or t.head is head for t in verb.doc[head.i + 1:verb.i])

    def control_head(self, verb: Token, head: Token) -> Token:
        """The verb controlling the infinitive ``verb``. A weak parse often hangs a
        zu-infinitive on the main clause's verb although an object-control verb stands
        between them ("…, der seine Delegation anweist, mit X gegen Y zu stimmen"): the
        nearest such verb between the parser's head and the infinitive is the controller."""
        if head.i >= verb.i:
            return head
        for tok in reversed(verb.doc[head.i + 1 : verb.i]):
            if tok.pos_ in ("VERB", "AUX") and any(k in self.lex.object_control for k in self.trigger_keys(tok)):
                return tok
        return head

    def _has_actor(self, doc: Doc, token: Token) -> bool:
        cache = self.__dict__.setdefault("_has_actor_cache", {})
        key = (id(doc), token.i)
        hit = cache.get(key)
        if hit is None:
            hit = cache[key] = any(self.arg(doc, t).actor or self._group_phrase(t) for t in self.expand_conj(token))
        return hit

    def _group_phrase(self, token: Token) -> bool:
        """German: ``token`` heads a generic group noun phrase ("die Armee", "Rebellen",
        "Polizisten"; :func:`lagebild.language.reference.group_agent`). Such a phrase has
        no actor mention -- its agent-coded actor is made only when an event is coded
        (:meth:`_refer`) -- but it stands for an actor, so argument selection must not
        pass it over for a word-order reading that finds a thing ("dass die Armee
        Stellungen der Rebellen angegriffen hat": the subject is the army, not the
        positions). Off with ``generic_groups`` (PETRARCH's dictionaries code agents
        themselves) and for English, whose argument rules were measured without it."""
        if self.lang != "de" or not getattr(self, "generic_groups", False):
            return False
        return group_agent(token) is not None

    def _is_reciprocal(self, token: Token) -> bool:
        """Whether ``token`` is a reflexive or reciprocal pronoun ("sich", "einander"; a
        pronoun the tagger marks ``Reflex=Yes``), or a first/second-person pronoun whose
        verb has the matching personal pronoun as subject ("wie wir uns das versprechen":
        ``syntax.yaml`` ``reflexive_persons``)."""
        if token.lower_ in self.lex.reciprocal or (token.pos_ == "PRON" and "Reflex=Yes" in str(token.morph)):
            return True
        person = self.lex.reflexive_persons.get(token.lower_)
        return person is not None and token.head is not token and any(
            c.lower_ == person and self.role(c) == "subj" for c in token.head.children)

    def _nominal_fallback(self, doc: Doc, noun: Token, p: Pattern, srcs: List[Arg], tgts: List[Arg],
                          issue: Optional[Arg]) -> Tuple[Pattern, List[Arg], List[Arg], Optional[Arg]]:
        """Nominal events whose arguments the parse scattered ("das Treffen von A, B und C
        mit D in Paris"): actors after a source preposition up to a target preposition are
        the sources, actors after the target preposition the targets (linear, one clause)."""
        tgt_preps = {s[5:] for s in p.target if s.startswith("prep:")}
        # a preposition the pattern names for the target ("die Festnahme von X") is no source's
        src_preps = {s[5:] for s in self.lex.nominal_source if s.startswith("prep:")} - tgt_preps
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
            if low in self.lex.location_preps and tok.pos_ == "ADP" and (zone == "tgt" or found["src"]):
                break  # "a meeting between X and Y in Chile": the place is no participant
            nxt = doc[tok.i + 1] if tok.i + 1 < end else None
            for m in self.mentions_in(doc, tok.idx, tok.idx + len(tok)):
                actor = actors.get(m.actor_id)
                if m.actor_id in seen or (actor is not None and actor.type == "LOC"):
                    continue
                if m.end <= tok.idx + len(tok) and nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and tok.pos_ == "PROPN" \
                        and self.mentions_in(doc, nxt.idx, nxt.idx + len(nxt)) and tok.lower_.endswith("s"):
                    continue  # prenominal genitive: "Trumps Sonderbeauftragter Witkoff"

                seen.add(m.actor_id)
                found[zone].append(Arg(tok, m.actor_id, m.text, m.start, m.end))
        dep_sources = {a.actor for a in srcs if a.actor}
        if len({a.actor for a in found["src"]}) <= len(dep_sources):
            return p, srcs, tgts, issue
        dep_targets = [a for a in tgts if a.actor]
        return p, found["src"], found["tgt"] if len(found["tgt"]) >= len(dep_targets) else tgts, issue

    def _fallback_subject(self, verb: Token, clause_roles: bool = True) -> List[Token]:
        """The nearest actor to the left of a subject-less finite verb, within its clause
        (robustness against parses that attach the subject elsewhere). ``clause_roles``
        False: also for a verb the parse hangs on as a clause (see :meth:`_finite_acl`)."""
        if clause_roles and (self.role(verb) in ("xcomp", "acl", "conj", "advcl") or any(
                self.lex.role(c.dep_) == "mark" and c.lower_ in ("to", "zu") for c in verb.children)
                or "Part" in verb.morph.get("VerbForm") and verb.dep_ != "ROOT" or zu_infinitive(verb)):
            return []
        if self.lang == "en":
            misread = self._subject_read_as_conjunct(verb)
            if misread is not None:
                return [misread]
        own = {t.i for c in verb.children if self.lex.role(c.dep_) in ("obj", "iobj", "obl", "ccomp", "xcomp", "advcl", "acl", "prep_head")
               for t in c.subtree}
        start = self.sent_bounds(verb)[0]
        for k in range(verb.i - 1, start - 1, -1):
            tok = verb.doc[k]
            if tok.i in own:
                continue
            if tok.pos_ == "VERB" or tok.text in (";", ":", "–", "—"):
                break
            if tok.pos_ in ("PROPN", "NOUN") and self.arg(verb.doc, tok).actor:
                if self.lang == "de" and (any(self.lex.role(x.dep_) == "case" for x in tok.children)
                                          or (tok.morph.get("Case") and "Nom" not in tok.morph.get("Case"))):
                    continue  # German verb-final clauses: only a bare nominative can be the subject
                return [tok]
        return []

    def _subject_read_as_conjunct(self, verb: Token) -> Optional[Token]:
        """English: the subject a parse read as a conjunct of a fronted adverbial ("On
        Monday, the People's Daily … warned": "Daily" as a conjunct, an apposition or even
        punctuation of "Monday"). A time or place adverbial is never coordinated with, or
        renamed by, an actor, so a noun phrase hung on an adverbial before the verb, starting
        after the comma that ends the adverbial, is the subject-less verb's subject. None when
        there is no such phrase."""
        for c in verb.children:
            if c.i >= verb.i or self.role(c) not in ("obl", "advmod") or c.dep_ == "conj":
                continue
            for x in c.children:
                if x.dep_ not in ("conj", "appos", "punct", "dep") or x.pos_ not in ("NOUN", "PROPN") or x.i >= verb.i:
                    continue
                edge = min((t.i for t in x.subtree if not t.is_punct), default=x.i)
                if edge > 0 and verb.doc[edge - 1].text == "," and not any(
                        t.lower_ in ("and", "or", "but") for t in verb.doc[c.i:edge]):
                    return x  # (a group noun, "the Lebanese army", is resolved like any subject)
        return None

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

    def _plural_antecedents(self, doc: Doc, verb: Token, a: Arg) -> List[str]:
        """English (issue 9, session 30): the actors a third-person plural personal pronoun
        ``a`` ("they", "them") stands for when the subject of the governing clause is a
        coordination ("Britain and France said they would …", "Kenya and Ethiopia said they
        had …"): the actor of every conjunct, in order; ``[]`` for any other argument or a
        single antecedent (then :meth:`_resolve_anaphor` has given the one actor)."""
        tok = a.token
        if tok.pos_ != "PRON" or "Number=Plur" not in str(tok.morph) or "Person=3" not in str(tok.morph) \
                or "PronType=Prs" not in str(tok.morph) or "Poss=Yes" in str(tok.morph):
            return []
        ante = self._antecedent(doc, verb)
        if ante is None:
            return []
        conjuncts = self.expand_conj(ante.token)
        if len(conjuncts) < 2:
            return []
        actors = [self.arg(doc, t).actor for t in conjuncts]
        return [x for x in dict.fromkeys(actors) if x] if all(actors) else []

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
        agent = group_agent(tok) if possessive and self.lang == "en" else None
        if agent is not None:
            # session 29: "Uganda said its soldiers had killed …", "X said his forces …": a
            # group noun with a possessive is the possessor's country's agents (UGAMIL), not
            # the possessor itself (UGA) -- as the reference layer's _group_owner codes it
            actors = {x.id: x for x in get_list(doc, "actors")}
            country = getattr(actors.get(ante.actor), "country", None)
            if country and len(country) == 3:
                return group_actor(doc, agent, country, a.text, a.start, a.end)
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
