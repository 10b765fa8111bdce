"""Clause structure that a weak dependency parse gets wrong, recovered from word order and
morphology: the verb complex of a clause (finite verb, auxiliaries, participle/infinitive,
separable particle → tense, voice, mood, modal) and, for German, the topological fields.

German main clauses are verb-second: exactly one constituent (the *Vorfeld*) precedes the
finite verb, and in news prose it is the subject far more often than not; subordinate
clauses are verb-final. When the parser reads "Poroschenko kritisierte Selenskyj" as
object–verb–subject (two bare names give no case morphology to go by), the Vorfeld is the
better witness — unless case morphology says otherwise ("Den Präsidenten kritisierte der
Kanzler": "den" is accusative). See Zifonun et al., *Grammatik der deutschen Sprache*
(1997), and Höhle's topological field model.

Functions take spaCy tokens of a parsed Doc (UD labels as lagebild's models predict, or
TIGER labels) and never raise on odd parses; they answer None when unsure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, FrozenSet, List, Optional, Tuple

from spacy.tokens import Token

from .timewords import time_words

# German auxiliaries and modals (lemmas)
AUX_DE = frozenset(("haben", "sein", "werden"))
MODALS_DE = frozenset(("wollen", "sollen", "müssen", "können", "dürfen", "mögen", "möchten"))
MODALS_EN = frozenset(("will", "would", "shall", "should", "can", "could", "may", "might", "must"))
SUBORDINATORS_DE = frozenset((
    "dass", "daß", "weil", "ob", "wenn", "falls", "als", "nachdem", "bevor", "obwohl", "während", "damit",
    "sodass", "indem", "seit", "seitdem", "bis", "sobald", "solange", "wie", "wo", "wobei", "weshalb", "warum",
))


def is_subordinator(tok: Token) -> bool:
    """A German subordinating conjunction opening a verb-final clause: a word of
    :data:`SUBORDINATORS_DE` that the tagger did not read as a preposition ("Seit Jahren
    fordert …", "Bis Montag …"), a comparative particle ("Als Redner trat …") or a
    pronominal adverb ("Damit hat …")."""
    return tok.lower_ in SUBORDINATORS_DE and not (
        tok.pos_ == "ADP" or tok.dep_ == "case" or tok.tag_ in ("APPR", "KOKOM", "PROAV", "PWAV") and tok.lower_ not in ("wie", "wo", "warum", "weshalb")
    )


RELATIVE_DE = frozenset(("der", "die", "das", "dem", "den", "dessen", "deren", "denen", "welcher", "welche", "welches", "welchem", "welchen"))
# determiners and pronouns that rule out the nominative
NON_NOMINATIVE_DE = frozenset((
    "den", "dem", "des", "einen", "einem", "eines", "diesen", "diesem", "dieses", "jenen", "jenem",
    "ihn", "ihm", "ihnen", "mich", "mir", "dich", "dir", "uns", "euch", "seinen", "seinem", "ihren", "ihrem",
    "unseren", "unserem", "keinen", "keinem", "allen", "beiden",
))
NOMINATIVE_DE = frozenset(("er", "ich", "wir", "du", "ihr"))
SUBJECT_DEPS = frozenset(("nsubj", "nsubj:pass", "sb", "csubj"))
CLAUSAL_DEPS = frozenset(("advcl", "ccomp", "acl", "conj", "parataxis", "csubj", "xcomp", "relcl", "rc", "oc", "re", "cj"))
CLAUSE_BREAK = frozenset((",", ";", ":", "–", "—", "(", ")", "\""))


@dataclass
class VerbComplex:
    """The verb complex of a clause: ``head`` (the lexical verb), ``finite`` (the finite
    verb, possibly the head itself), ``auxiliaries`` (tokens, finite one included),
    ``particle`` (a separable particle token), ``tense`` (past|present|future|perfect|
    pluperfect), ``voice`` (active|passive), ``mood`` (indicative|subjunctive),
    ``modal`` (the modal verb's lemma or None)."""

    head: Token
    finite: Optional[Token]
    auxiliaries: List[Token] = field(default_factory=list)
    particle: Optional[Token] = None
    tense: str = "present"
    voice: str = "active"
    mood: str = "indicative"
    modal: Optional[str] = None


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD", "VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"))
NONFINITE_TAGS = frozenset(("VVPP", "VAPP", "VMPP", "VVINF", "VAINF", "VMINF", "VVIZU", "VBN", "VBG"))
AUX_LEMMAS = AUX_DE | MODALS_DE


def is_finite(tok: Token) -> bool:
    """A finite verb form (the fine-grained tag first — German models tag more reliably
    than they fill VerbForm —, then morphology)."""
    if tok.tag_ in FINITE_TAGS:
        return True
    if tok.tag_ in NONFINITE_TAGS:
        return False
    if "Fin" in tok.morph.get("VerbForm"):
        return True
    return bool(tok.morph.get("Mood")) and not tok.morph.get("VerbForm")


# The sentence the event coder is coding, (doc, start, end), or None: set by
# :func:`sentence_hint` for the duration of one sentence. ``Token.sent`` builds two Spans
# and scans the sentence (~15 µs); the clause helpers below ask for the bounds of the same
# sentence tens of times per sentence.
_HINT: List[Optional[Tuple[object, int, int]]] = [None]


class sentence_hint:  # noqa: N801 (a context manager used like a function)
    """``with sentence_hint(doc, start, end):`` -- within the block, :func:`sentence_bounds`
    answers for tokens of ``doc[start:end]`` from these bounds. The caller promises that
    ``doc[start:end]`` is a sentence of ``doc`` as ``Token.sent`` finds it (one of
    ``doc.sents``, or the whole Doc when it has no sentence boundaries) and that the parse
    is not changed inside the block. Blocks nest; the previous hint comes back at exit."""

    def __init__(self, doc: object, start: int, end: int) -> None:
        self.value = (doc, start, end)
        self.saved: Optional[Tuple[object, int, int]] = None

    def __enter__(self) -> "sentence_hint":
        self.saved, _HINT[0] = _HINT[0], self.value
        return self

    def __exit__(self, *exc: object) -> None:
        _HINT[0] = self.saved


def sentence_bounds(tok: Token) -> Tuple[int, int]:
    """``(start, end)`` token indices of the sentence of ``tok`` (``tok.sent``'s), or
    ``(0, len(doc))`` when the Doc has no sentence boundaries; from the active
    :func:`sentence_hint` when ``tok`` lies in its sentence."""
    hint = _HINT[0]
    doc = tok.doc
    if hint is not None and hint[0] is doc and hint[1] <= tok.i < hint[2]:
        return hint[1], hint[2]
    if doc.has_annotation("SENT_START"):
        sent = tok.sent
        return sent.start, sent.end
    return 0, len(doc)


def _bracket_aux(verb: Token) -> Optional[Token]:
    """German: a finite auxiliary/modal to the left of a clause-final verb in the same
    stretch (no clause break between): the verb is then the right bracket of that
    auxiliary's clause, whatever its tag ("hatte … annektiert und … überfallen")."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and not (nxt.is_punct or nxt.lower_ in ("und", "oder", "aber")):
        return None
    sent_start = sentence_bounds(verb)[0]
    for k in range(verb.i - 1, sent_start - 1, -1):
        tok = doc[k]
        if tok.text in CLAUSE_BREAK or is_subordinator(tok):
            return None
        if tok.pos_ in ("AUX", "VERB") and is_finite(tok) and _lemma(tok) in AUX_LEMMAS:
            return tok
    return None


def finite_verb(verb: Token) -> Optional[Token]:
    """The finite verb of ``verb``'s clause: ``verb`` itself when finite, else a finite
    auxiliary/modal child or head, else (German) the nearest finite verb to the left in
    the sentence with no clause break between (parses that hang "hatte … annektiert und …
    überfallen" wrongly)."""
    if verb.pos_ not in ("VERB", "AUX") and verb.text.islower() and verb.tag_ not in NONFINITE_TAGS and not verb.lower_.startswith("ge"):
        return verb  # a verb the tagger missed ("griff/ADJ"): the caller knows it is one
    if verb.pos_ in ("VERB", "AUX") and is_finite(verb):
        if verb.doc.lang_ == "de" and _lemma(verb) not in AUX_LEMMAS:
            aux = _bracket_aux(verb)
            if aux is not None:
                return aux
        return verb
    for c in verb.children:
        if c.pos_ == "AUX" and is_finite(c) and c.dep_.split(":")[0] not in CLAUSAL_DEPS:
            return c  # not the finite verb of an embedded clause ("Wenn er es nicht kann/advcl, soll …")
    head = verb.head
    if head.i != verb.i and head.pos_ == "AUX" and head.i < verb.i and is_finite(head):
        return head
    sent_start = sentence_bounds(verb)[0]
    for k in range(verb.i - 1, sent_start - 1, -1):
        tok = verb.doc[k]
        if tok.text in CLAUSE_BREAK or is_subordinator(tok):
            break
        if tok.pos_ in ("VERB", "AUX") and is_finite(tok):
            return tok
    # no finite verb before it: a form that is both participle and 3rd person present
    # ("entführt", "kritisiert") tagged as a participle is the finite verb itself
    if verb.doc.lang_ == "de" and verb.pos_ == "VERB" and verb.lower_.endswith("t") and not verb.lower_.startswith("ge") \
            and not any(c.pos_ == "AUX" for c in verb.children):
        return verb
    return None


def is_subordinate(fin: Token) -> bool:
    """A verb-final (subordinate or relative) clause: a subordinator or relative pronoun
    opens it, or the parser marks it."""
    if any(c.dep_ in ("mark", "cp") for c in fin.children):
        return True
    if fin.dep_ in ("acl", "acl:relcl", "rc", "advcl", "relcl"):
        return True
    start = clause_start(fin)
    first = fin.doc[start]
    return is_subordinator(first) or (first.lower_ in RELATIVE_DE and start > 0 and fin.doc[start - 1].text == ",")


def clause_start(fin: Token) -> int:
    """Index of the first token of the clause the finite verb ``fin`` stands in, found
    linearly: after the last clause break (comma, colon, dash, coordinator after a comma)
    before it, or the sentence start."""
    doc = fin.doc
    s = sentence_bounds(fin)[0]
    k = fin.i - 1
    # a root clause runs from the sentence start (commas there separate listed names or
    # a fronted clause, which the caller sees as a verb in the field); a coordinated or
    # embedded clause from the last comma or coordinator
    embedded = fin.dep_ not in ("ROOT",) and fin.head.i != fin.i
    while k >= s:
        tok = doc[k]
        if tok.text in (";", ":", "–", "—") or (tok.text in CLAUSE_BREAK and embedded):
            return k + 1
        if embedded and tok.lower_ in ("und", "aber", "oder", "doch", "sondern"):
            return k + 1
        k -= 1
    start = s
    while start < fin.i and (doc[start].is_punct or doc[start].lower_ in ("und", "aber", "doch", "denn", "oder")):
        start += 1
    return start


def _non_nominative(tok: Token) -> bool:
    """Case morphology (determiners, pronoun forms, a case-marking preposition) that rules
    out the nominative for the noun phrase headed by ``tok``."""
    if tok.lower_ in NON_NOMINATIVE_DE:
        return True
    for c in tok.children:
        if c.dep_ in ("case",) or (c.pos_ == "ADP" and c.i < tok.i):
            return True
        if c.dep_ in ("det", "nk", "det:poss") and c.i < tok.i and c.lower_ in NON_NOMINATIVE_DE:
            return True
    case = tok.morph.get("Case")
    return bool(case) and "Nom" not in case and tok.pos_ == "PRON"


def _clearly_nominative(tok: Token) -> bool:
    if tok.lower_ in NOMINATIVE_DE:
        return True
    for c in tok.children:
        if c.dep_ in ("det", "nk") and c.i < tok.i and c.lower_ in ("der", "ein", "dieser", "kein") \
                and "Masc" in tok.morph.get("Gender"):
            return True
    return False


def vorfeld_subject(verb: Token, names: Optional[Callable[[Token], bool]] = None) -> Optional[Token]:
    """German: the head of the noun phrase in the Vorfeld of ``verb``'s verb-second main
    clause when word order and case make it the subject (module docstring), else None.
    Nothing for verb-final clauses, verb-first clauses, or a Vorfeld holding an adverbial,
    a prepositional phrase, a clause or a noun phrase marked accusative/dative/genitive."""
    fin = finite_verb(verb)
    if fin is None or is_subordinate(fin):
        return None
    start = clause_start(fin)
    if start >= fin.i:
        return None  # verb-first: question, imperative, conditional
    field_ = [t for t in fin.doc[start:fin.i] if not t.is_punct]
    if not field_:
        return None
    ids = {t.i for t in field_}
    roots = [t for t in field_ if t.head.i not in ids or t.head.i == t.i]
    nominal = [t for t in roots if t.pos_ in ("NOUN", "PROPN", "PRON", "ADV", "X", "ADJ") and t.dep_ not in ("case", "advmod") or (
        t.pos_ in ("PROPN", "ADV", "X") and t.text[:1].isupper() and t.i == start) or (
        # a name the tagger took for an adverbial noun ("Macron/NOUN/advmod soll …")
        t.pos_ in ("NOUN", "PRON") and t.dep_ == "advmod" and t.i == start and t.text[:1].isupper() and names is not None and names(t))]
    if len(nominal) != 1:
        return None
    np = nominal[0]
    if any(t.pos_ in ("VERB", "AUX") or is_subordinator(t) for t in field_):
        return None  # a clause in the Vorfeld
    if any(t.pos_ == "ADP" and t.head.i == np.i or (t.pos_ == "ADP" and t.i == start) for t in field_):
        return None  # a prepositional phrase ("Am Samstag", "Nach dem Treffen")
    if np.pos_ in ("ADV", "X", "ADJ") and (not np.text[:1].isupper() or names is None or not names(np)):
        return None
    if np.pos_ == "PRON" and np.lower_ in ("es", "das", "dies") and np.dep_ in ("expl", "ep"):
        return None
    if _non_nominative(np):
        return None
    if np.pos_ in ("NOUN", "PROPN", "ADV", "X") and ("Dat" in np.morph.get("Case") or "Gen" in np.morph.get("Case")) and not np.text[:1].isupper():
        return None
    # a clearly nominative phrase after the verb keeps its subject role (object topicalised)
    for c in list(fin.children) + (list(verb.children) if verb is not fin else []):
        if c.i > fin.i and c.dep_ in SUBJECT_DEPS and _clearly_nominative(c) and not _clearly_nominative(np):
            return None
    return np


def vorfeld_object(verb: Token) -> Optional[Token]:
    """German: the head of a Vorfeld noun phrase that case marks as an object ("Den
    Präsidenten kritisierte der Kanzler"), else None."""
    fin = finite_verb(verb)
    if fin is None or is_subordinate(fin):
        return None
    start = clause_start(fin)
    field_ = [t for t in fin.doc[start:fin.i] if not t.is_punct]
    if not field_ or any(t.pos_ in ("VERB", "AUX") or t.pos_ == "ADP" for t in field_):
        return None
    ids = {t.i for t in field_}
    roots = [t for t in field_ if (t.head.i not in ids or t.head.i == t.i) and t.pos_ in ("NOUN", "PROPN", "PRON")]
    if len(roots) == 1 and _non_nominative(roots[0]):
        return roots[0]
    return None


def verb_complex(verb: Token) -> VerbComplex:
    """The :class:`VerbComplex` of the lexical verb ``verb`` (German or English)."""
    fin = finite_verb(verb)
    auxes = [c for c in verb.children if c.pos_ == "AUX" or c.dep_ in ("aux", "aux:pass", "auxpass", "oc_aux")]
    if fin is not None and fin is not verb and fin not in auxes:
        auxes.append(fin)
    auxes.sort(key=lambda t: t.i)
    particle = next((c for c in verb.children if c.dep_ in ("compound:prt", "prt", "svp")), None)
    if particle is None and fin is not None and fin is verb:
        particle = next((c for c in verb.children if c.dep_ in ("compound", "advmod", "mo") and c.i > verb.i
                         and c.pos_ in ("ADP", "ADV", "PART") and (c.i + 1 >= len(verb.doc) or verb.doc[c.i + 1].is_punct)), None)
    lemmas = [_lemma(a) for a in auxes]
    vc = VerbComplex(head=verb, finite=fin, auxiliaries=auxes, particle=particle)
    modal = next((lem for lem in lemmas if lem in MODALS_DE or lem in MODALS_EN and lem not in ("will", "shall")), None)
    vc.modal = modal
    fin_tense = fin.morph.get("Tense") if fin is not None else []
    if any(lem in ("werden", "will", "shall") for lem in lemmas) and (
            "Part" not in verb.morph.get("VerbForm") or any(lem in ("sein", "be") for lem in lemmas)):
        vc.tense = "future"
    elif any(lem in ("haben", "have") or (lem == "sein" and "Part" in verb.morph.get("VerbForm")) for lem in lemmas):
        vc.tense = "pluperfect" if "Past" in fin_tense else "perfect"
    elif "Past" in fin_tense or "Past" in verb.morph.get("Tense") and is_finite(verb):
        vc.tense = "past"
    passive_aux = any(a.dep_ in ("aux:pass", "auxpass") for a in auxes) or any(
        a.lower_ in ("wurde", "wurden", "worden", "wurdest", "wurdet") for a in auxes)
    if passive_aux or ("werden" in lemmas and "Part" in verb.morph.get("VerbForm")):
        vc.voice = "passive"
        if vc.tense == "future" and not any(lem == "werden" and a.lower_ in ("wird", "werden") for lem, a in zip(lemmas, auxes) if a is not fin):
            vc.tense = "past" if any(a.lower_ in ("wurde", "wurden") for a in auxes) else "present"
    if fin is not None and "Sub" in fin.morph.get("Mood"):
        vc.mood = "subjunctive"
    return vc


# nouns that end a temporal prepositional phrase ("am Montag", "im März", "am Abend"): the
# temporal lexicon's months, weekdays, day parts and time nouns (lagebild.language.timewords)
TIME_NOUNS_DE = time_words("de").time_nouns()
NOMINAL_RUN = frozenset(("DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON", "X"))
SKIP_IN_FIELD = frozenset(("nicht", "nie", "auch", "noch", "bereits", "schon", "erneut", "dann", "dort", "danach",
                           "heute", "gestern", "morgen", "zudem", "jedoch", "aber", "nun", "jetzt", "wieder", "offenbar"))


@dataclass
class Phrase:
    """A noun phrase found linearly: its tokens, the preposition before it (lower case, or
    None for a bare phrase) and whether it stands before the finite verb (Vorfeld)."""

    tokens: List[Token]
    prep: Optional[str] = None
    front: bool = False

    @property
    def head(self) -> Token:
        nouns = [t for t in self.tokens if t.pos_ in ("NOUN", "PROPN", "PRON", "X")]
        return nouns[-1] if nouns else self.tokens[-1]


def clause_phrases(verb: Token) -> Tuple[Optional[Token], List[Phrase]]:
    """German: the finite verb of ``verb``'s clause and the noun phrases of that clause in
    word order, found from positions alone (the verb-second/verb-final frame: Vorfeld,
    finite verb, Mittelfeld, right bracket), for parses too broken to trust. Phrases stop
    at any verb, clause break or subordinator; a preposition opens a prepositional phrase."""
    fin = finite_verb(verb)
    anchor = fin if fin is not None else verb
    doc = verb.doc
    start = clause_start(anchor)
    sent_end = sentence_bounds(verb)[1]
    end = max(anchor.i, verb.i) + 1
    while end < sent_end and (t := doc[end]).text not in CLAUSE_BREAK and not (t.pos_ in ("VERB", "AUX") and t.i != verb.i) \
            and t.lower_ not in ("und", "oder", "aber", "sondern"):
        end += 1
    phrases: List[Phrase] = []
    current: List[Token] = []
    prep: Optional[str] = None
    v2 = fin is not None and not is_subordinate(fin)  # verb-final clauses have no Vorfeld

    def close() -> None:
        nonlocal current, prep
        if current and any(t.pos_ in ("NOUN", "PROPN", "PRON", "X") for t in current):
            phrases.append(Phrase(current, prep, front=v2 and fin is not None and current[-1].i < fin.i))
        current, prep = [], None

    for tok in doc[start:end]:
        pos = tok.pos_  # (read once: each read builds the string)
        if tok.i in (verb.i, anchor.i) or pos in ("VERB", "AUX") or tok.is_punct or is_subordinator(tok):
            close()
            continue
        if pos == "ADP" or (pos == "PART" and tok.lower_ == "zu" and tok.i + 1 < end and doc[tok.i + 1].pos_ == "VERB"):
            close()
            if tok.i + 1 < end and doc[tok.i + 1].pos_ in NOMINAL_RUN:
                prep = tok.lower_
            continue
        if pos in NOMINAL_RUN and tok.lower_ not in SKIP_IN_FIELD and not (pos == "PRON" and "Reflex=Yes" in str(tok.morph)):
            if prep is not None and current and current[-1].lower_ in TIME_NOUNS_DE and pos in ("PROPN", "NOUN", "PRON") \
                    and tok.lower_ not in TIME_NOUNS_DE:
                close()  # "am Montag Scholz": the time phrase ends, a bare phrase begins
            if current and (pos == "DET" and current[-1].pos_ in ("NOUN", "PROPN") or current[-1].pos_ == "PRON"
                            and "Poss=Yes" not in str(current[-1].morph)):
                close()  # a determiner opens the next phrase ("… den Präsidenten die Hilfe …")
            if pos == "PRON" and "PronType=Prs" in str(tok.morph) and "Poss=Yes" not in str(tok.morph):
                close()  # a personal pronoun is a phrase of its own ("warnte er Scholz")
            current.append(tok)
            continue
        close()
    close()
    return fin, phrases


def is_non_nominative(phrase: Phrase) -> bool:
    """Case morphology of a bare German phrase that rules out the subject role."""
    return any(t.lower_ in NON_NOMINATIVE_DE for t in phrase.tokens if t.pos_ in ("DET", "PRON"))


def repair_english_verbs(sent, is_verb_form: Callable[[str], bool],  # type: ignore[no-untyped-def]
                         past_lemma: Optional[Callable[[str], Optional[str]]] = None,
                         reporting: FrozenSet[str] = frozenset()) -> int:
    """Repair two English misparses of short news sentences, in place: (1) the only finite
    verb read as a modifier of the noun after it ("Macron threatened/amod Scholz/ROOT") is
    made the root with that noun as its object; (2) in a sentence without a finite verb,
    the first ``-s`` word read as a plural noun with a name as its compound ("Scholz
    appeals/NNS to Putin") that ``is_verb_form`` knows as an inflected verb becomes the
    finite verb (``pos_ = VERB``, ``tag_ = VBZ``) with that name as its subject.
    ``past_lemma`` (word -> lemma of a known verb's past form, or None; see
    :meth:`lagebild.events.lexicon.Lexicon.past_lemma`) also repairs a past verb read as
    the root noun or as an adjective after it (:func:`_past_verb_read_as_nominal`) and a
    clause read as a noun phrase (:func:`_clause_read_as_noun_phrase`, with ``reporting``:
    the lemmas of reporting verbs, ``modality_en.yaml``). Returns the number of repaired
    verbs (0 or 1)."""
    for tok in sent:
        # a verb read as a noun after an auxiliary or "to" ("did not sanction/NN",
        # "plans to sanction/NN")
        if tok.pos_ == "NOUN" and tok.tag_ == "NN" and is_verb_form(tok.lower_ + "s") and any(
                (c.pos_ == "AUX" and c.i < tok.i) or (c.tag_ == "TO" and c.i == tok.i - 1) for c in tok.children) \
                and not any(c.dep_ == "det" for c in tok.children):
            tok.pos_, tok.tag_ = "VERB", "VB"
            if tok.dep_ in ("nmod", "compound", "obj", "dobj"):
                tok.dep_ = "xcomp"
    _infinitive_read_as_modifier(sent)
    if past_lemma is not None:
        _coordinated_verb_read_as_modifier(sent, past_lemma)
        _first_verb_read_as_modifier(sent, past_lemma)
        _reported_clause_read_as_modifier(sent, past_lemma, reporting)
    if past_lemma is not None and _past_verb_read_as_nominal(sent, past_lemma):
        return 1
    if past_lemma is not None and _verb_after_relative_clause(sent, past_lemma):
        return 1
    if _coordinated_subject_as_root(sent):
        return 1
    if past_lemma is not None and _clause_read_as_noun_phrase(sent, past_lemma, reporting):
        return 1
    _participle_before_object(sent)
    _appositive_subject(sent)
    _plural_subject_verb(sent, is_verb_form)
    if _noun_root_participle(sent) or _apposition_then_amod_verb(sent):
        return 1
    finite = [t for t in sent if t.pos_ == "VERB" and t.tag_ in ("VBZ", "VBD", "VBP", "MD", "VBN")]
    later = _later_conjuncts(finite)
    if later:
        finite = finite[:1]
    obj = _possessed_object(finite[0]) if len(finite) == 1 and finite[0].dep_ in ("amod", "compound") else None
    if obj is not None and obj.dep_ == "ROOT" and obj.pos_ in ("NOUN", "PROPN") and finite[0].i > sent.start \
            and any(c.pos_ in ("NOUN", "PROPN") and c.i < finite[0].i and c.dep_ in ("nsubj", "compound")
                    for c in list(finite[0].children) + list(obj.children)):
        # "The Elysee/nsubj welcomed/amod Berlin's decision/ROOT", "The Quai d'Orsay
        # condemned/amod Tehran's/amod-head decision/ROOT": the verb read as a modifier of
        # its object or of the object's possessor between them
        finite[0].head = obj
        _rehead(finite[0])
        _rehang_conjuncts(later, obj, finite[0])
        return 1
    if len(finite) == 1 and finite[0].dep_ in ("amod", "compound") and finite[0].head.i == finite[0].i + 1 \
            and finite[0].head.dep_ == "ROOT" and finite[0].head.pos_ in ("NOUN", "PROPN") and finite[0].i > sent.start \
            and finite[0].tag_ != "VBN" or (len(finite) == 1 and finite[0].tag_ == "VBN" and finite[0].dep_ == "amod"
                                             and finite[0].head.dep_ == "ROOT" and finite[0].head.i == finite[0].i + 1
                                             and any(c.dep_ in ("compound", "nsubj") and c.pos_ in ("PROPN", "NOUN")
                                                     and c.i < finite[0].i for c in finite[0].children)):
        # "Macron threatened/amod Scholz/ROOT …": the verb read as a modifier of its object
        old_root = finite[0].head
        _rehead(finite[0])
        _rehang_conjuncts(later, old_root, finite[0])
        return 1
    subj = _amod_verb_subject(finite[0]) if len(finite) == 1 else None
    if subj is not None:
        # "Chinese police fired/amod teargas/ROOT at …", "Police in Poland fired/amod tear
        # gas/nmod at …", "Obama begged/amod lawmakers/nsubj not to forget/ROOT …"
        old_root = sent.root
        _make_clause(finite[0], subj)
        _rehang_conjuncts(later, old_root, finite[0])
        return 1
    if later:
        finite = finite + later
    if finite:
        return 0
    for tok in sent:
        if tok.pos_ == "NOUN" and tok.tag_ in ("NNS", "NN") and tok.lower_.endswith("s") and is_verb_form(tok.lower_) \
                and any(c.dep_ == "compound" and c.i < tok.i for c in tok.children):
            tok.pos_, tok.tag_ = "VERB", "VBZ"
            for c in tok.children:
                if c.dep_ == "compound" and c.i < tok.i:
                    c.dep_ = "nsubj"
            if tok.dep_ in ("compound", "amod") and tok.head.i == tok.i + 1 and tok.head.dep_ == "ROOT":
                _rehead(tok)
            return 1
    return 0


def _possessed_object(verb: Token) -> Optional[Token]:
    """The noun after ``verb`` whose possessor ("Berlin 's", "its") stands between them
    and on which (or on whose possessor) the parse hung the verb: "welcomed/amod Berlin's
    decision", "condemned/amod Tehran/nmod 's decision" -> "decision"; None when the verb
    hangs elsewhere, right before its noun, or other words stand between them."""
    head = verb.head
    if head.i <= verb.i:
        return None
    if any(c.tag_ == "POS" for c in head.children) and head.head.i > head.i:
        head = head.head
    if head.i == verb.i + 1 or not _possessor_between(verb, head):
        return None
    return head


def _possessor_between(verb: Token, head: Token) -> bool:
    """Whether every word between ``verb`` and the noun ``head`` after it belongs to the
    noun's possessor ("Berlin 's", "its") or to the noun's own modifiers: the object's
    phrase, so that ``verb`` can be the object's verb."""
    doc = verb.doc
    for t in doc[verb.i + 1:head.i]:
        up = t
        while up.head.i != head.i and up.head.i != up.i and verb.i < up.head.i < head.i:
            up = up.head
        if up.head.i != head.i:
            return False
        if up.dep_ in ("compound", "amod", "nummod") or up.tag_ == "PRP$":
            continue
        if up.dep_ in ("nmod", "nmod:poss", "poss") and any(c.tag_ == "POS" for c in up.children):
            continue
        return False
    return True


def _later_conjuncts(finite: List[Token]) -> List[Token]:
    """English (issue 9, session 28): the finite verbs after the first of ``finite`` when the
    first was read as a modifier (``amod``) and every later one only as a conjunct ("Kenyan
    police fired/amod tear gas/ROOT at protesters and arrested/conj dozens …", "Tanzania
    criticised/amod Burundi/ROOT for expelling its diplomats and demanded/conj an apology"):
    the sentence then has one predicate the parser missed plus verbs coordinated with it, and
    the one-verb repairs below apply to the first. Empty otherwise."""
    if len(finite) < 2 or finite[0].dep_ != "amod":
        return []
    rest = finite[1:]
    return rest if all(t.dep_ == "conj" and t.i > finite[0].i for t in rest) else []


def _rehang_conjuncts(later: List[Token], old_root: Token, verb: Token) -> None:
    """After a repair made ``verb`` the predicate: a later conjunct hung on the noun that was
    the root (``old_root``) is coordinated with ``verb`` ("… and arrested dozens")."""
    for t in later:
        if t.head.i == old_root.i and t.head.pos_ in ("NOUN", "PROPN"):
            t.head = verb


def _infinitive_read_as_modifier(sent) -> None:  # type: ignore[no-untyped-def]
    """English (issue 9, session 28): an infinitive read as a modifier of its own object,
    in place: "Sudan has threatened to expel/amod UN peacekeepers/obj …", "Chad threatened
    to expel/amod French troops/xcomp" -- a base form (``VB``) right after "to" cannot modify
    a noun, so it becomes the complement (``xcomp``) of the verb that governed the noun, the
    noun its object and "to" its marker. Only when that governor is a verb before it."""
    doc = sent.doc
    for tok in sent:
        if tok.tag_ != "VB" or tok.dep_ not in ("amod", "compound") or tok.i <= sent.start or doc[tok.i - 1].tag_ != "TO":
            continue
        noun = tok.head
        gov = noun.head
        if noun.i <= tok.i or noun.pos_ not in ("NOUN", "PROPN") or gov.i == noun.i or gov.i >= tok.i \
                or gov.pos_ not in ("VERB", "AUX"):
            continue
        mark = doc[tok.i - 1]
        tok.head = gov
        tok.dep_ = "xcomp"
        tok.pos_ = "VERB"
        noun.head = tok
        noun.dep_ = "obj"
        mark.head = tok
        mark.dep_ = "mark"


def _coordinated_verb_read_as_modifier(sent, past_lemma: Callable[[str], Optional[str]]) -> None:  # type: ignore[no-untyped-def]
    """English (issue 9, session 28): a past verb after "and"/"but" read as a modifier of
    the name after it, in place: "Biden arrived in Berlin on Monday and praised/amod
    Scholz/conj" -- the parser coordinated the name with "Monday". A known verb's past form
    (``past_lemma``) right before a name that is a conjunct becomes a conjunct of the verb
    that governs the first conjunct, the name its object. Only a name (``PROPN``) right after
    it: "and armed/VBN men" stays a noun phrase."""
    doc = sent.doc
    for tok in sent:
        if tok.dep_ != "amod" or tok.tag_ not in ("VBN", "VBD") or tok.i - 1 <= sent.start \
                or doc[tok.i - 1].lower_ not in ("and", "but") or tok.i + 1 >= sent.end:
            continue
        noun = doc[tok.i + 1]
        lemma = past_lemma(tok.lower_)
        if lemma is None or tok.head.i != noun.i or noun.pos_ != "PROPN" or noun.dep_ != "conj":
            continue
        first = noun.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        gov = first.head
        if gov.i == first.i or gov.pos_ not in ("VERB", "AUX") or gov.i >= tok.i:
            continue
        _attach(gov, (tok, "conj"))
        tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VBD", lemma
        _attach(tok, (noun, "obj"), (doc[tok.i - 1], "cc"))


def _first_verb_read_as_modifier(sent, past_lemma: Callable[[str], Optional[str]]) -> None:  # type: ignore[no-untyped-def]
    """English (issue 9, session 30): the first of two coordinated verbs sharing a subject
    read as a modifier inside the subject's prepositional phrase, in place: "Rebels in
    eastern Congo attacked/amod government positions/nmod near … and seized/ROOT a camp" --
    the fast parser reads "in eastern Congo attacked government positions" as one phrase and
    makes the second verb the only predicate (or the subject the root and the second verb its
    conjunct: "Protesters/ROOT in Bangkok besieged/amod offices … and demanded/conj …").
    Shape: the root is a finite verb with "and" before it and a subject before that (or the
    subject, with such a verb as its conjunct); a known verb's past form (``past_lemma``) inside
    the subject's phrase, after a noun and before the noun it modifies (only that noun's own
    modifiers between them), is read as a modifier. Then that verb becomes the root with the
    subject and its old head noun as object, the noun before it heads the subject's
    prepositional phrase again, and the old root becomes its conjunct. "The recently
    attacked/amod positions" (a determiner or adverb before the participle) keeps its parse."""
    doc = sent.doc
    root = sent.root
    if root.pos_ in ("NOUN", "PROPN"):
        # "Protesters/ROOT in central Bangkok besieged/amod government offices … and
        # demanded/conj …": the subject read as the root, the second verb its conjunct
        later = [c for c in root.children if c.dep_ == "conj" and c.i > root.i and c.tag_ in ("VBD", "VBZ", "VBP")]
        if not later:
            return
        s_tok, root = root, later[0]
    else:
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < root.i]
        if root.pos_ != "VERB" or root.tag_ not in ("VBD", "VBZ", "VBP") or not subj:
            return
        s_tok = subj[0]
    cc = [c for c in root.children if c.dep_ == "cc" and c.lower_ == "and" and c.i < root.i]
    if not cc:
        return
    inside = {t.i for t in s_tok.subtree}
    for tok in doc[s_tok.i + 1:cc[0].i]:
        if tok.dep_ != "amod" or tok.tag_ not in ("VBN", "VBD") or tok.i not in inside:
            continue
        lemma = past_lemma(tok.lower_)
        noun, prev = tok.head, doc[tok.i - 1]
        if lemma is None or not tok.i < noun.i < cc[0].i or prev.i <= s_tok.i \
                or prev.pos_ not in ("NOUN", "PROPN") or prev.head.i not in (noun.i, tok.i):
            continue
        if any(t.head.i != noun.i or t.dep_ not in ("compound", "amod", "nummod") for t in doc[tok.i + 1:noun.i]):
            continue
        for t in doc[s_tok.i + 1:tok.i]:
            if t.i != prev.i and t.head.i in (noun.i, tok.i):
                _attach(prev, (t, "case" if t.pos_ == "ADP" else t.dep_))
        _attach(s_tok, (prev, "nmod"))
        tok.head, tok.dep_ = tok, "ROOT"
        tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VBD", lemma
        _attach(tok, (s_tok, "nsubj"), (noun, "obj"), (root, "conj"))
        return


def _attach(head: Token, *deps: Tuple[Token, str]) -> None:
    """Hang each ``(token, label)`` of ``deps`` on ``head`` with that label."""
    for tok, dep in deps:
        tok.head = head
        tok.dep_ = dep


def _reported_clause_read_as_modifier(sent, past_lemma: Callable[[str], Optional[str]],  # type: ignore[no-untyped-def]
                                      reporting: FrozenSet[str]) -> None:
    """English (issue 9, session 29): the verb of a clause reported after its reporting verb
    read as a modifier of its own object, in place: "The ministry said Turkish warplanes
    bombed/amod rebel positions …", "Witnesses said Venezuelan police/obl fired/amod tear
    gas/obj at students" -- wire copy drops the "that", and the fast parser then hangs the
    reported subject or object on the reporting verb and the reported verb on its object.

    For a finite reporting verb (lemma in ``reporting``, ``modality_en.yaml``) followed, after
    nothing or after "that", by a noun phrase whose last word is a noun or name and right
    after that a past form of a known verb (``past_lemma``) parsed as a modifier
    (``amod``/``compound``, tag ``VBD``/``VBN``/``VBP``/``JJ``) of a noun after it (the
    subject may hang on that noun as a compound: "police/compound tortured/amod detained
    activists"), with only that noun's own modifiers in between and no finite verb since
    the reporting verb: the past form becomes the reporting verb's clausal complement
    (``ccomp``, ``VERB``/``VBD``), the noun phrase before it its subject, the noun after it
    its object, and the words after the object that hung on the reporting verb or on the
    subject hang on it ("at students", "overnight"). A reported clause the parser read right ("said Israeli soldiers/nsubj
    detained/ccomp …") has no such modifier and is left alone; so is a participle with a
    determiner or nothing nominal before it ("said the injured/amod men …")."""
    doc = sent.doc
    for rep in sent:
        if rep.pos_ != "VERB" or rep.tag_ not in _FINITE_TAGS or _lemma(rep) not in reporting:
            continue
        for verb in doc[rep.i + 2:sent.end]:
            if verb.tag_ in _FINITE_TAGS and verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("amod", "compound"):
                break  # a finite verb the parser saw: the reported clause has its predicate
            if verb.dep_ not in ("amod", "compound") or verb.tag_ not in ("VBD", "VBN", "VBP", "JJ"):
                continue
            obj = verb.head
            subj = doc[verb.i - 1]
            lemma = past_lemma(verb.lower_)
            if lemma is None or obj.i <= verb.i or obj.pos_ not in ("NOUN", "PROPN") \
                    or subj.pos_ not in ("NOUN", "PROPN") or subj.dep_ == "flat" \
                    or (subj.dep_ == "compound" and subj.head.i != obj.i):
                break
            if any(t.head.i != obj.i or t.dep_ not in ("compound", "amod", "nummod") for t in doc[verb.i + 1:obj.i]):
                break
            if any(c.dep_.startswith("nsubj") and c.i != subj.i for c in verb.children):
                break
            opener = doc[subj.left_edge.i - 1] if subj.left_edge.i > sent.start else None
            that = opener if opener is not None and opener.lower_ == "that" and opener.i > rep.i else None
            if opener is None or (opener.i != rep.i and that is None):
                break
            if any(t.i != subj.i and t.head.i != subj.i and subj not in t.ancestors
                   for t in doc[subj.left_edge.i:subj.i]):
                break
            _attach(rep, (verb, "ccomp"))
            verb.pos_, verb.tag_, verb.lemma_ = "VERB", "VBD", lemma
            _attach(verb, (obj, "obj"), (subj, "nsubj"), *([(that, "mark")] if that is not None else []))
            last = sent.end - 1
            for t in doc[obj.i + 1:sent.end]:
                if (t.head.i == rep.i and not (t.i == last and t.dep_ == "punct")) or t.head.i == subj.i:
                    t.head = verb
                    if t.dep_ == "nmod":
                        t.dep_ = "obl"
            return


#: relative words that open a non-restrictive relative clause after a comma
_RELATIVE_EN = frozenset(("who", "which", "whose"))


def _verb_after_relative_clause(sent, past_lemma: Callable[[str], Optional[str]]) -> bool:  # type: ignore[no-untyped-def]
    """English (issue 9, session 28): the predicate after a subject's non-restrictive
    relative clause read as a modifier, in place; returns whether it repaired one.

    "The Serbian president, who faces elections next month, accused/amod Croatia …" and
    "Protesters, who blame the mayor, clashed/JJ with police": the fast parser ends the
    relative clause at the wrong place and reads the past verb after its closing comma as
    an adjective or participle, so the sentence has no predicate and the subject no verb.
    When the word right after the comma that closes a ``, who|which|whose …,`` clause is a
    past form of a known verb (``past_lemma``) that is not already the root, and no finite
    verb outside that clause comes before it, the word becomes the root (``VERB``/``VBD``),
    the noun the clause hangs on its subject, and an old noun root after it its object
    (``obl`` with a preposition). Wire copy opens sentences this way all the time
    ("X, who …, said/accused/met …")."""
    doc = sent.doc
    for rel in sent:
        if rel.lower_ not in _RELATIVE_EN or rel.i - 1 <= sent.start or doc[rel.i - 1].text != ",":
            continue
        clause = rel.head if rel.head.pos_ in ("VERB", "AUX") else None
        if clause is None or clause.i <= rel.i:
            continue
        ante = clause.head
        if ante.pos_ not in ("NOUN", "PROPN") or ante.i >= rel.i:
            return False
        close = next((t for t in doc[clause.i + 1:sent.end] if t.text == ","), None)
        if close is None or close.i + 1 >= sent.end:
            return False
        verb = doc[close.i + 1]
        lemma = past_lemma(verb.lower_)
        if lemma is None or verb.dep_ == "ROOT" or verb.tag_ not in ("VBD", "VBN", "JJ"):
            return False
        inside = {t.i for t in doc[rel.i:close.i]}
        if any(t.tag_ in _FINITE_TAGS and t.pos_ in ("VERB", "AUX") and t.i not in inside for t in doc[sent.start:verb.i]):
            return False
        root = sent.root
        if root.i not in (ante.i, verb.i) and (root.i < verb.i or root.pos_ not in ("NOUN", "PROPN", "PRON")):
            return False
        verb.head = verb
        verb.dep_ = "ROOT"
        verb.pos_, verb.tag_, verb.lemma_ = "VERB", "VBD", lemma
        ante.head = verb
        ante.dep_ = "nsubj"
        if root.i not in (ante.i, verb.i):
            root.head = verb
            root.dep_ = "obl" if any(c.dep_ == "case" for c in root.children) else "obj"
        for t in doc[verb.i + 1:sent.end]:
            if t.head.i in inside or t.head.i == ante.i:
                t.head = verb  # "…, accused/amod Croatia/obj>faces": the words after the verb are its own
        return True
    return False


#: tags of a finite verb (a sentence with one has a predicate the parser found)
_FINITE_TAGS = frozenset(("VBZ", "VBD", "VBP", "MD"))


def _past_verb_read_as_nominal(sent, past_lemma: Callable[[str], Optional[str]]) -> bool:  # type: ignore[no-untyped-def]
    """Two misreadings of a past verb in a sentence whose root is a noun and that has no
    finite verb outside the root's own conjuncts, in place; returns whether it repaired one.

    (1) The verb read as the root noun with its subject as a compound: "Police shot/NN
    dead two protesters/obj", "Soldiers shot/NN and killed/conj …". A noun root with a
    verb's dependents (an object, or a conjunct verb after it) whose word ``past_lemma``
    knows as a past form becomes that verb (``VERB``/``VBD``, the lemma set); the noun
    before it hung on it as compound or nmod (no prepositional object) becomes its subject.

    (2) The verb read as an adjective or reduced relative after the root noun, with a
    prepositional phrase or object of its own: "Government troops/ROOT clashed/JJ
    with/obl rebels" -- as :func:`_noun_root_participle`, for an ``amod`` or a ``JJ`` word
    ``past_lemma`` knows: the verb becomes the root (``VBD``; a ``VBN`` keeps its tag, the
    coder decides on the passive) and the noun its subject.

    A noun or adjective form that is also a past verb form ("the shot", "a trained army")
    without such dependents, or one in a sentence with a finite verb, is left alone."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.i == sent.start:
        return False
    conjuncts = {c.i for c in root.children if c.dep_ == "conj"}
    if any((t.tag_ in _FINITE_TAGS or t.pos_ == "AUX") and t.i not in conjuncts for t in sent):
        return False
    doc = root.doc
    lemma = past_lemma(root.lower_) if root.tag_ in ("NN", "NNS") else None
    if lemma is not None and any(c.i > root.i and (c.dep_ == "obj" or (c.dep_ == "conj" and c.pos_ == "VERB"))
                                 for c in root.children):
        subj = next((c for c in sorted(root.children, key=lambda c: -c.i) if c.i < root.i
                     and c.dep_ in ("compound", "nmod", "nsubj") and c.pos_ in ("NOUN", "PROPN", "PRON")
                     and not any(x.dep_ == "case" for x in c.children)), None)
        if subj is None:
            return False
        root.pos_, root.tag_, root.lemma_ = "VERB", "VBD", lemma
        subj.dep_ = "nsubj"
        return True
    if root.i + 1 >= sent.end:
        return False
    verb = doc[root.i + 1]
    if verb.head.i != root.i or verb.dep_ not in ("amod", "acl") or verb.tag_ not in ("JJ", "VBN"):
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return False  # _noun_root_participle's case
    lemma = past_lemma(verb.lower_)
    if lemma is None or not any(c.i > verb.i and (c.dep_ == "obj" or (c.dep_ in ("obl", "nmod") and any(
            x.dep_ == "case" for x in c.children))) for c in verb.children):
        return False
    verb.pos_, verb.lemma_ = "VERB", lemma
    if verb.tag_ == "JJ":
        verb.tag_ = "VBD"
    _verb_after_root_noun(sent, verb)
    return True


def _clause_read_as_noun_phrase(sent, past_lemma: Callable[[str], Optional[str]],  # type: ignore[no-untyped-def]
                                reporting: FrozenSet[str]) -> bool:
    """A whole clause "Subject verbed Object …" read as one noun phrase whose head is the
    object, with the verb as its modifier (``amod``) and the subject as a compound, in place;
    returns whether it repaired one. Two places of that noun phrase:

    * the sentence root: "The European Union condemned/amod Russia's recognition/ROOT of …
      and called/conj for …" -- the verb becomes the root, and the root noun's conjunct
      verbs become the verb's;
    * the complement of a reporting verb after it: "Turkish warplanes bombed/amod rebel
      positions/obl …, the army said/ROOT" -- the verb becomes that verb's clausal
      complement (``ccomp``); likewise when the reporting clause hangs on the root noun
      ("… positions/ROOT …, the army said/acl"), which then becomes the root.

    The verb is a past form ``past_lemma`` knows (``VBD``/``VBN``), the first verb-tagged word
    of the phrase; its subject is the noun or name right before it, hung on the same head
    and in no prepositional phrase; every word between the verb and the head noun belongs to
    the head noun's phrase ("Russia's", "rebel"); and the noun phrase has no finite verb of
    its own. The verb's tag becomes ``VBD``."""
    root = sent.root
    doc = root.doc
    reported = root.pos_ == "VERB" and root.lemma_ in reporting
    if reported and _reported_clause_subject(root, past_lemma):
        return True
    if reported:
        # "…, the army said": the noun phrase before the comma and the reporting clause's subject
        heads = [c for c in root.children if c.i < root.i and c.pos_ in ("NOUN", "PROPN")
                 and c.dep_ in ("obl", "obj", "nsubj", "ccomp", "nmod", "dep") and c.left_edge.i == sent.start]
        if len(heads) != 1 or not any(c.dep_ == "nsubj" and heads[0].i < c.i < root.i for c in root.children):
            return False
        head = heads[0]
    elif root.pos_ in ("NOUN", "PROPN"):
        head = root
    else:
        return False
    span = [t for t in doc[sent.start:sent.end] if t.i == head.i or head in t.ancestors]
    conjuncts = {c.i for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")}
    # "rebel positions/ROOT …, the army said/acl": the reporting clause hung on the root noun
    tail = None if reported else next((c for c in head.children if c.i > head.i and c.pos_ == "VERB"
                                       and c.lemma_ in reporting and c.left_edge.i > sent.start
                                       and doc[c.left_edge.i - 1].text == ","
                                       and any(x.dep_ == "nsubj" for x in c.children)), None)
    skip = conjuncts | ({tail.i} if tail is not None else set())
    inside = [t for t in span if not any(a.i in skip for a in t.ancestors) and t.i not in skip]
    if any((t.tag_ in _FINITE_TAGS or t.pos_ == "AUX") for t in inside if t.tag_ != "VBD" or t.dep_ != "amod"):
        return False
    verb = next((t for t in inside if t.tag_ in ("VBD", "VBN") or t.pos_ == "VERB"), None)
    if verb is None or verb.dep_ != "amod" or verb.head.i != head.i or verb.i >= head.i or verb.i == sent.start:
        return False
    if past_lemma(verb.lower_) is None:
        return False
    subj = doc[verb.i - 1]
    if subj.pos_ not in ("NOUN", "PROPN") or subj.head.i != head.i or subj.dep_ not in ("compound", "nmod", "nsubj") \
            or any(x.dep_ == "case" for x in subj.children) \
            or (subj.left_edge.i > sent.start and doc[subj.left_edge.i - 1].pos_ == "ADP"):
        return False
    if any(head not in t.ancestors for t in doc[verb.i + 1:head.i]):
        return False
    if tail is not None:
        # the reporting verb becomes the root, the repaired clause its complement
        tail.head = tail
        tail.dep_ = "ROOT"
        verb.head = tail
        verb.dep_ = "ccomp"
        reported = True
    elif reported:
        verb.head = root
        verb.dep_ = "ccomp"
    else:
        verb.head = verb
        verb.dep_ = "ROOT"
    verb.tag_, verb.pos_ = "VBD", "VERB"
    head.head = verb
    head.dep_ = "obj"
    subj.head = verb
    subj.dep_ = "nsubj"
    for c in list(head.children):
        if c.i in conjuncts or (c.dep_ in ("punct", "cc") and c.i > head.i and not reported):
            c.head = verb
    return True


def _reported_clause_subject(root: Token, past_lemma: Callable[[str], Optional[str]]) -> bool:
    """"Israeli jets/nsubj struck/advcl Hamas targets …, the army/nsubj said/ROOT": the
    subject of a reported clause before "…, X said" hung on the reporting verb, which then
    has two subjects. The clause's verb (a past form ``past_lemma`` knows, hung on the
    reporting verb between the two subjects, with no subject of its own) takes the first
    subject and becomes the reporting verb's clausal complement (``ccomp``, ``VBD``).
    Returns whether it re-hung one."""
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i]
    if len(subjects) != 2:
        return False
    first, second = subjects
    verb = next((c for c in root.children if first.i < c.i < second.i and c.dep_ in ("advcl", "ccomp", "parataxis", "dep")
                 and c.tag_ in ("VBD", "VBN")), None)
    if verb is None or past_lemma(verb.lower_) is None or any(c.dep_.startswith("nsubj") for c in verb.children) \
            or any(c.dep_ in ("aux", "aux:pass", "mark") for c in verb.children):
        return False
    first.head = verb
    verb.dep_ = "ccomp"
    verb.tag_, verb.pos_ = "VBD", "VERB"
    return True


def _coordinated_subject_as_root(sent) -> bool:  # type: ignore[no-untyped-def]
    """"India/ROOT and Pakistan/nsubj held/conj talks": two coordinated subjects read as a
    root noun and a second clause whose subject is the second noun. When the root is a
    noun or name at the start of the sentence, its conjunct is a finite verb whose subject
    is a noun or name right after "and"/"or" (the verb's own ``cc``), and the root has no
    dependents but that conjunct and punctuation, the verb becomes the root with the first
    noun as its subject and the second as that subject's conjunct. Returns whether it
    re-hung one."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.left_edge.i != sent.start:
        return False
    verb = next((c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                 and c.tag_ in _FINITE_TAGS), None)
    if verb is None or any(c.i > root.i and c.i != verb.i and c.dep_ != "punct" for c in root.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")), None)
    cc = next((c for c in verb.children if c.dep_ == "cc" and c.i < verb.i), None)
    doc = root.doc
    if subj is None or cc is None or cc.lower_ not in ("and", "or") or cc.i != subj.left_edge.i - 1 \
            or cc.i != root.i + 1:
        return False
    verb.head = verb
    verb.dep_ = "ROOT"
    root.head = verb
    root.dep_ = "nsubj"
    subj.head = root
    subj.dep_ = "conj"
    cc.head = subj
    for c in list(doc[sent.start:sent.end]):
        if c.head.i == root.i and c.dep_ == "punct" and c.i > verb.i:
            c.head = verb
    return True


# plural group nouns without an -s ("police deny", "people fear")
_PLURAL_GROUPS = frozenset(("police", "people", "military", "militia", "youth", "clergy", "staff"))


def _plural_subject_verb(sent, is_verb_form: Callable[[str], bool]) -> None:  # type: ignore[no-untyped-def]
    """"… while the city's police deny/NN accusations of brutality": a present-tense verb
    after a plural subject read as a noun compound ("police deny accusations" as one noun
    phrase). A base verb form that ``is_verb_form`` knows (by its inflections), tagged as a
    noun modifying the noun after it, with no determiner of its own, right after a plural
    noun hung on the same head, in a clause with no finite verb of its own, is made that
    clause's verb: the plural noun its subject, the noun after it its object."""
    doc = sent.doc
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.dep_ != "compound" or tok.i == sent.start:
            continue
        word = tok.lower_
        forms = [word + "s", word + "es", word + "ed", word + "d"] + ([word[:-1] + "ies"] if word.endswith("y") else [])
        if not any(is_verb_form(f) for f in forms):
            continue
        obj, prev = tok.head, doc[tok.i - 1]
        if obj.i <= tok.i or obj.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "det" for c in tok.children):
            continue
        if prev.pos_ not in ("NOUN", "PROPN") or prev.head.i not in (obj.i, tok.i):
            continue
        edge = prev.left_edge.i
        if edge - 1 > sent.start and doc[edge - 1].pos_ == "ADP":
            # "Police in Lithuania deny …": the subject stands before the prepositional phrase
            subj = doc[edge - 2]
            if subj.pos_ not in ("NOUN", "PROPN") or not any(a.i == subj.i for a in obj.ancestors):
                continue
        else:
            subj = prev
        if not (subj.tag_ in ("NNS", "NNPS") or subj.lower_ in _PLURAL_GROUPS):
            continue
        if any(t.head.i != obj.i or t.dep_ not in ("compound", "amod", "nummod") for t in doc[tok.i + 1:obj.i]):
            continue
        # the clause: from the last comma, conjunction or subordinator before the subject
        k = prev.left_edge.i
        while k > sent.start and not (doc[k - 1].is_punct or doc[k - 1].pos_ in ("SCONJ", "CCONJ")):
            k -= 1
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[k:tok.i]):
            continue
        tok.pos_, tok.tag_ = "VERB", "VBP"
        if subj.i != prev.i:
            # the verb takes the subject's place; the subject's phrases after the verb are its own
            top = subj.i == subj.head.i
            tok.head = tok if top else subj.head
            tok.dep_ = "ROOT" if top else subj.dep_
            for c in list(subj.children):
                if c.i > tok.i:
                    c.head = tok
                    if c.dep_ == "nmod":
                        c.dep_ = "obl"
            prev.head, prev.dep_ = subj, "nmod"
            doc[prev.left_edge.i - 1].head = prev  # its preposition
            subj.head, subj.dep_ = tok, "nsubj"
            obj.head, obj.dep_ = tok, "obj"
            return
        attach, dep = obj.head, obj.dep_
        top = obj.i == obj.head.i
        tok.head = tok if top else attach
        tok.dep_ = "ROOT" if top else ("advcl" if dep in ("obl", "nmod", "advcl") else dep)
        for c in list(obj.children):
            if c.i < tok.i and c.i != prev.i:
                c.head = prev if c.i >= prev.left_edge.i else tok
        prev.head, prev.dep_ = tok, "nsubj"
        obj.head, obj.dep_ = tok, "obj"
        if top:
            for c in list(doc[sent.start:sent.end]):
                if c.head.i == obj.i and c.i < tok.i and c.i != prev.i:
                    c.head = tok
        return


def _participle_before_object(sent) -> None:  # type: ignore[no-untyped-def]
    """"police have laid/amod siege/VB-ROOT to …": after a perfect auxiliary, a participle
    parsed as the modifier of a bare base form that the parser made the root is the verb,
    and that "verb" its object noun; the root's dependents move to the participle."""
    root = sent.root
    doc = root.doc
    if root.lemma_ == "have" and root.pos_ == "AUX" and root.i + 1 < sent.end:
        # "police have/ROOT laid/amod siege/obj …": the auxiliary made the root
        part = doc[root.i + 1]
        noun = part.head
        if part.tag_ == "VBN" and part.dep_ == "amod" and noun.i > part.i and noun.head.i == root.i \
                and noun.pos_ in ("NOUN", "PROPN") and all(t.head.i == noun.i for t in doc[part.i + 1:noun.i]):
            part.head = part
            part.dep_ = "ROOT"
            for c in list(root.children):
                c.head = part
            root.head = part
            root.dep_ = "aux"
            noun.dep_ = "obj"
            for c in list(noun.children):
                if c.i > noun.i and c.dep_ == "nmod" and any(x.dep_ == "case" for x in c.children):
                    c.head = part  # "laid siege to/nmod a university": the verb's phrase
                    c.dep_ = "obl"
        return
    if root.tag_ != "VB" or root.i == sent.start:
        return
    part = doc[root.i - 1]
    if part.tag_ != "VBN" or part.head.i != root.i or part.dep_ not in ("amod", "compound"):
        return
    if not any(c.dep_ == "aux" and c.lemma_ == "have" and c.i < part.i for c in root.children):
        return
    if any(c.tag_ in ("TO", "MD") or (c.dep_ == "aux" and c.lemma_ != "have") for c in root.children):
        return
    part.head = part
    part.dep_ = "ROOT"
    for c in list(root.children):
        if c.i != part.i and c.dep_ not in ("det", "amod", "compound", "nummod"):
            c.head = part
            if c.dep_ == "nmod":
                c.dep_ = "obl"
    root.head = part
    root.dep_ = "obj"
    root.pos_, root.tag_ = "NOUN", "NN"


def _apposition_then_amod_verb(sent) -> bool:  # type: ignore[no-untyped-def]
    """"Jan Novak, the foreign minister of Slovakia, criticised/amod Hungary/appos": after a
    subject with a comma apposition, the only verb of a sentence whose root is a noun, read
    as a modifier of the noun right after it, is the clause's verb; that noun is its object
    and the root noun its subject. Returns whether it re-hung one."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "VBN", "MD")]
    if len(verbs) != 1:
        return False
    verb = verbs[0]
    doc = verb.doc
    if verb.dep_ != "amod" or verb.head.i != verb.i + 1 or verb.head.pos_ not in ("NOUN", "PROPN") \
            or verb.i - 1 <= sent.start or doc[verb.i - 1].text != "," \
            or not any(t.dep_ == "appos" and t.head.i == root.i and t.i < verb.i for t in sent):
        return False
    _rehang(verb, verb.head, root)
    return True


def _noun_root_participle(sent) -> bool:  # type: ignore[no-untyped-def]
    """"Activists protested/acl against China", "Two soldiers detained/acl by rebels": in a
    sentence without a finite verb or auxiliary, a participle right after the root noun,
    parsed as the noun's reduced relative clause, is the clause's verb and the noun its
    subject (a headline or a news sentence always has a predicate). The verb keeps its
    ``VBN`` tag: whether the clause is passive ("detained by rebels", a transitive verb
    without its object) is the event coder's decision. Returns whether it re-hung one."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or any(
            t.pos_ == "AUX" or t.tag_ in ("VBZ", "VBD", "VBP", "MD") for t in sent):
        return False
    verb = next((c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == root.i + 1), None)
    if verb is None:
        return False
    _verb_after_root_noun(sent, verb)
    return True


def _verb_after_root_noun(sent, verb: Token) -> None:  # type: ignore[no-untyped-def]
    """Make ``verb``, a word hung on the sentence's root noun right after it, the root: the
    noun becomes its subject and the noun's dependents after the verb the verb's (a noun
    modifier ``nmod`` becomes an oblique ``obl``)."""
    root = verb.head
    verb.head = verb
    verb.dep_ = "ROOT"
    root.head = verb
    root.dep_ = "nsubj"
    for t in sent:
        if t.i > verb.i and t.head.i == root.i:
            t.head = verb
            if t.dep_ == "nmod":
                t.dep_ = "obl"


def _appositive_subject(sent) -> None:  # type: ignore[no-untyped-def]
    """"On Friday, the state broadcaster, the voice of the junta, warned that …": the
    subject with an apposition parsed as the root and the finite verb after it as its
    parataxis; the verb becomes the root with that noun as its subject."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return
    for c in root.children:
        if c.dep_ == "parataxis" and c.i > root.i and c.pos_ == "VERB" and c.tag_ in ("VBD", "VBZ", "VBP") \
                and not any(x.dep_ in ("nsubj", "nsubj:pass", "expl") for x in c.children) \
                and root.doc[c.i - 1].text == "," and any(x.dep_ == "appos" for x in root.children):
            verb = c
            verb.head = verb
            verb.dep_ = "ROOT"
            for x in list(root.children):
                if x.i < root.i and x.dep_ in ("obl", "advmod", "punct") and x.left_edge.i == sent.start:
                    x.head = verb  # the fronted adverbial belongs to the verb
            root.head = verb
            root.dep_ = "nsubj"
            return


def _amod_verb_subject(verb: Token) -> Optional[Token]:
    """The subject of ``verb`` when it is the only finite-looking verb of its sentence but
    was parsed as a participle modifying the noun after it (its object): a noun or pronoun
    hung on the verb before it; else the noun right before the verb when it hangs on the
    same head (and is no prepositional object); else the sentence's root noun before the
    verb when the object hangs under it ("Police in Poland fired tear gas at …"). None
    when the sentence does not have that shape."""
    head = verb.head
    doc = verb.doc
    sent = verb.sent
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ != "amod" or head.i <= verb.i or verb.i == sent.start:
        return None
    if head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    # only the object's own modifiers between the verb and its head ("fired tear gas")
    if any(t.head.i != head.i or t.dep_ not in ("compound", "amod", "nummod") for t in doc[verb.i + 1:head.i]):
        return None

    def in_pp(tok: Token) -> bool:  # a prepositional object ("in Poland"), wherever the case hangs
        return any(x.dep_ == "case" for x in tok.children) or (
            tok.left_edge.i > sent.start and doc[tok.left_edge.i - 1].pos_ == "ADP")

    for c in verb.children:
        if c.i < verb.i and c.dep_ in ("nsubj", "compound") and c.pos_ in ("NOUN", "PROPN", "PRON") and not in_pp(c):
            return c
        if c.i == verb.i - 1 and c.dep_ == "obl" and c.pos_ in ("NOUN", "PROPN") and not in_pp(c) \
                and c.left_edge.i == sent.start:
            return c  # "Kenyan police/obl fired/amod tear gas …": a bare noun phrase opening the sentence
    prev = doc[verb.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN"):
        return None
    while prev.dep_ == "conj" and sent.start <= prev.head.i < prev.i and prev.head.pos_ in ("NOUN", "PROPN"):
        prev = prev.head  # "Armenia and Azerbaijan traded/amod accusations": the first conjunct
    prev_pp = in_pp(prev)
    root = sent.root
    if root.pos_ in ("NOUN", "PROPN") and root.i < verb.i and (prev_pp or prev.i == root.i) \
            and any(a.i == root.i for a in prev.ancestors) | (prev.i == root.i) \
            and any(a.i == root.i for a in head.ancestors):
        return root
    if prev_pp or prev.head.i not in (head.i, verb.i) or prev.dep_ not in ("compound", "amod", "nmod"):
        return None
    if head.dep_ == "ROOT":
        return prev
    up = head.head
    if head.dep_ in ("nsubj", "nsubj:pass") and up.dep_ == "ROOT" and up.tag_ in ("VB", "VBG") and up.i > head.i:
        return prev
    return None


def _rehang(verb: Token, obj: Token, subj: Token) -> None:
    """The core of a clause repair: ``verb`` becomes the sentence root (a participle read
    as a modifier becomes a past tense), ``obj`` its object and ``subj`` its subject."""
    verb.head = verb
    verb.dep_ = "ROOT"
    if verb.tag_ == "VBN":
        verb.tag_ = "VBD"
    obj.head = verb
    obj.dep_ = "obj"
    subj.head = verb
    subj.dep_ = "nsubj"


def _make_clause(verb: Token, subj: Token) -> None:
    """Re-hang a misparsed clause on ``verb``: the verb becomes the sentence root, ``subj``
    its subject and its old head noun its object; the subject phrase keeps the words
    before the verb, the verb takes the old root's phrases after it; an old verbal root
    after the object ("… lawmakers not to forget/ROOT …") becomes the verb's complement."""
    doc = verb.doc
    sent = verb.sent
    obj = verb.head
    root = sent.root
    _rehang(verb, obj, subj)
    first = subj.left_edge.i
    for t in doc[sent.start:verb.i]:
        if t.i == subj.i or t.head.i not in (obj.i, verb.i) or t.head.i == t.i:
            continue
        if first <= t.i:
            t.head = subj  # "Police in Poland": the phrase between subject and verb
    if root.i == subj.i:
        for t in doc[verb.i + 1:sent.end]:
            if t.head.i == subj.i:
                t.head = verb  # "Police … fired tear gas at/nmod protesters": the verb's phrase
                if t.dep_ == "nmod":
                    t.dep_ = "obl"
    elif root.i not in (verb.i, obj.i) and root.i > obj.i and root.pos_ in ("VERB", "AUX"):
        root.head = verb
        root.dep_ = "xcomp" if any(c.tag_ == "TO" for c in root.children) else "ccomp"


def _rehead(verb: Token) -> None:
    """Make ``verb`` the root of its sentence and its parse head (the noun right after it)
    its object; names before the verb hung on that noun become the verb's subject."""
    obj = verb.head
    verb.head = verb
    verb.dep_ = "ROOT"
    obj.head = verb
    obj.dep_ = "obj"
    if verb.tag_ == "VBN":
        verb.tag_ = "VBD"
    for c in list(verb.children):
        if c.dep_ == "compound" and c.i < verb.i:
            c.dep_ = "nsubj"
    for c in list(obj.children):
        if c.i < verb.i:
            c.head = verb
            if c.dep_ in ("compound", "nmod", "amod") and c.pos_ in ("PROPN", "NOUN"):
                c.dep_ = "nsubj"


# relative pronouns that are the subject of their clause (nominative; "der" and "die" may
# also be dative/accusative, but in news prose the subject reading is by far the commoner)
RELATIVE_SUBJECT_DE = frozenset(("der", "die", "das", "welcher", "welche", "welches"))
RELATIVE_OBJECT_DE = frozenset(("den", "dem", "denen", "welchen", "welchem"))


#: personal pronouns that are never nominative: a subject the parse gave one of these
#: ("Danach traf ihn/nsubj Macron/obj") is an object, and the clause's subject is elsewhere
OBLIQUE_PERSONAL_DE = frozenset({"mich", "mir", "dich", "dir", "ihn", "ihm", "ihnen", "euch"})


def pronoun_read_as_article(phrase: Token) -> Optional[Token]:
    """The personal pronoun (STTS ``PPER``, nominative) that the parse hung as an article
    on the name or noun ``phrase`` right after it ("hatte er/det Scholz getroffen",
    "nachdem er/det Scholz gelobt hatte", "drohte er/det Scholz"), else None.

    A personal pronoun never determines a noun: it is a phrase of its own, and a
    nominative one is the clause's subject (German puts a pronoun subject before a full
    noun phrase in the Mittelfeld; Duden-Grammatik, word order of the Mittelfeld), so the
    noun after it is an object. Only ``ich du er wir ihr sie`` count ("es" and "sie" are
    also accusative: "sie" only with ``Case=Nom``)."""
    if phrase.pos_ not in ("PROPN", "NOUN") or phrase.i == 0:
        return None
    p = phrase.doc[phrase.i - 1]
    if p.head.i != phrase.i or p.tag_ != "PPER" or p.lower_ not in ("ich", "du", "er", "wir", "ihr", "sie"):
        return None
    case = p.morph.get("Case")
    if (case and "Nom" not in case) or (p.lower_ == "sie" and not case):
        return None
    return p


def relative_pronoun(verb: Token) -> Optional[Token]:
    """German: the relative pronoun opening ``verb``'s clause when the clause is a relative
    clause by word order, whatever the parse made of it (a weak parse often reads ", der
    Scholz am Montag kritisierte" as article + name): the clause begins after a comma with a
    d-/w-relative word and is verb-final (nothing but verbs, particles and punctuation
    after its finite verb up to the next clause break). None otherwise."""
    if verb.doc.lang_ != "de":
        return None
    fin = finite_verb(verb)
    doc = verb.doc
    if fin is None or not is_finite(fin) or zu_infinitive(verb):
        return None  # a relative clause has a finite verb ("die Ukraine zu unterstützen" is none)
    if fin.i < verb.i:
        return None  # verb-second ("…, der Minister habe X angerufen"): a main clause
    lo = min(verb.i, fin.i) if fin is not None else verb.i
    hi = max(verb.i, fin.i) if fin is not None else verb.i
    s_start, s_end = sentence_bounds(verb)
    k = lo - 1
    while k >= s_start and doc[k].text not in CLAUSE_BREAK:
        if doc[k].pos_ in ("VERB", "AUX") or is_subordinator(doc[k]):
            return None
        k -= 1
    if k < s_start or doc[k].text != "," or k + 1 >= lo:
        return None
    pron = doc[k + 1]
    if pron.lower_ not in RELATIVE_DE:
        return None
    for t in doc[hi + 1:s_end]:
        if t.text in CLAUSE_BREAK or t.is_punct or t.lower_ in ("und", "oder", "aber", "sondern"):
            break
        if t.pos_ not in ("VERB", "AUX", "PART", "ADP", "ADV"):
            return None  # a verb-second clause with an article ("die Lage war ernst")
    return pron


def zu_infinitive(verb: Token) -> bool:
    """German: ``verb`` is a zu-infinitive ("zu treffen", "anzugreifen", "freizulassen"),
    by form: "zu" right before it, or "zu" between a separable particle and the stem."""
    if verb.doc.lang_ != "de" or verb.pos_ in ("NOUN", "PROPN", "PRON", "DET"):
        return False
    if verb.i > 0 and verb.doc[verb.i - 1].lower_ == "zu" and verb.doc[verb.i - 1].pos_ in ("PART", "ADP", "ADV") \
            and verb.lower_.endswith(("en", "ern", "eln")) and verb.text.islower():
        return True
    low = verb.lower_
    k = low.find("zu", 2)
    # "hinzugezogen" is a participle of "hinzuziehen", not an infinitive
    return verb.text.islower() and k >= 2 and low.endswith("en") and len(low) - k >= 5 \
        and not (low[k + 2:].startswith("ge") and verb.tag_ == "VVPP")


def infinitive_controller(verb: Token) -> Optional[Token]:
    """German: the verb of the clause a zu-infinitive depends on, by word order when the
    parse hung it elsewhere: the parse head when that is a verb before it, else the nearest
    lexical verb (or, failing that, auxiliary) left of the comma that opens the infinitive
    clause. None when the infinitive clause comes first."""
    doc = verb.doc
    s_start = sentence_bounds(verb)[0]
    head = verb.head
    if head.i != verb.i and head.i < verb.i and head.pos_ in ("VERB", "AUX"):
        return head
    k = verb.i - 1
    while k >= s_start and doc[k].text not in (",", ";", ":", "–", "—"):
        k -= 1
    aux = None
    for j in range(k - 1, s_start - 1, -1):
        t = doc[j]
        if t.text in (";", ":", "–", "—"):
            break
        if t.pos_ == "VERB":
            return t
        if t.pos_ == "AUX" and aux is None:
            aux = t
    return aux


def repair_resultative(sent, past_lemma: Callable[[str], Optional[str]],  # type: ignore[no-untyped-def]
                       resultative: Callable[[str, str], bool]) -> int:
    """Repair a verb with a resultative adjective that the fast English parser split, in
    place: "Police shot dead/amod two protesters", "Soldiers shot dead/xcomp a man/obj(dead)",
    "Israeli troops shot/NOUN dead a teenager", "The gunman was shot dead by/obl(dead)
    police". ``resultative(lemma, adjective)`` says whether the pair is a phrasal pattern
    key of the event lexicon ("shoot dead", "plead guilty"); ``past_lemma`` gives the lemma
    of a past form the parser read as a noun ("shot" -> "shoot"). The adjective right after
    the verb becomes its bare complement (``xcomp``: the pattern's required word), the
    adjective's dependents (object, "by" phrase, time) and a noun it modified become the
    verb's, the verb a ``VERB`` (a noun reading: ``VBD``). Nothing is re-hung where that
    would make a cycle (the parse hung the verb under the noun or the adjective: "Police in
    Poland shot/nmod dead two protesters/ROOT" keeps its root). Returns the number of
    repaired verbs. English only (issue 9, session 26: the known leftover "shoot dead" coded
    190 or nothing instead of 1823)."""
    doc = sent.doc
    repaired = 0
    for adj in sent:
        if adj.i == sent.start or adj.pos_ != "ADJ":
            continue
        verb = doc[adj.i - 1]
        if verb.pos_ == "VERB":
            lemma = verb.lemma_.lower()
        elif verb.pos_ == "NOUN" and verb.tag_ in ("NN", "NNS", ""):
            lemma = past_lemma(verb.lower_)
        else:
            continue
        if not lemma or not resultative(lemma, adj.lower_) or _dominates(adj, verb):
            continue
        if verb.pos_ != "VERB":
            verb.pos_, verb.tag_, verb.lemma_ = "VERB", "VBD", lemma
            for c in verb.children:
                if c.i < verb.i and c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN", "PRON"):
                    c.dep_ = "nsubj"
        if adj.dep_ == "amod" and adj.head.i > adj.i and not _dominates(adj.head, verb):
            noun = adj.head  # "shot dead/amod two protesters": the noun is the verb's object
            if noun.head.i != verb.i:
                noun.head = verb
            noun.dep_ = "obj"
        for c in list(adj.children):
            c.head = verb
            if c.dep_ == "nmod" and c.i > verb.i:
                c.dep_ = "obl"
        adj.head = verb
        adj.dep_ = "xcomp"
        repaired += 1
    return repaired


def _dominates(head: Token, tok: Token) -> bool:
    """Whether ``head`` is ``tok`` or one of its ancestors (re-hanging ``head`` on ``tok``
    would make a cycle)."""
    seen = 0
    while seen < 200:
        if tok.i == head.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok, seen = tok.head, seen + 1
    return True
