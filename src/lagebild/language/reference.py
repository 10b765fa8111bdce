"""Within-document reference: which actor a pronoun, a demonstrative, a description or a
generic group noun stands for.

``resolve_reference(doc, start, end)`` answers for any stretch of a parsed, actor-linked
Doc (``doc._.mentions`` and ``doc._.actors`` filled by ``lagebild_actors``); the event
coder, the statements and the forecasts components share it.

The method is a small salience-ranked search (in the spirit of Lappin & Leass 1994 and the
rule-based sieves of Lee et al. 2013, reduced to what an event coder needs):

- a stretch that overlaps an actor mention is that actor;
- a personal pronoun, demonstrative or description ("er", "dieser", "der 70-Jährige",
  "der Republikaner", "the spokesman") is the nearest earlier mention whose actor type,
  number and — in German — grammatical gender agree, preferring subjects and the current
  and previous sentences (at most :data:`MAX_SENTENCES_BACK` back);
- German, session 29: the interviewer's polite "Sie" is the interviewee
  (:func:`interview_addressee`); a pronoun with no agreeing mention before it takes a
  generic group-noun subject ("Rebellen … sie", "die Polizei … sie", "das Militär … es") or
  the actors of a coordinated subject ("Frankreich und Italien … Sie", "Beide");
  a person description with a country adjective ("der norwegische Sozialdemokrat") looks
  back for a person, one of that country first;
- a generic group ("die Polizei", "Rebellen", "Bewaffnete", "gunmen") is an agent-coded
  actor: the country of the nearest place or state mentioned in the sentence (else the
  sentences before, else the country the whole document names most often) plus the CAMEO
  agent code (COP, REB, MIL, OPP …), or ``---`` + code when the document names no country. Such actors are added to ``doc._.actors`` so that
  every id an event carries is listed;
- a member noun ("Mitglieder", "Vertreter", "Angehörige"; session 31) is the body its
  genitive or "von" attribute names, whatever that body's code ("Vertreter der Opposition"
  -> OPP, "Mitglieder der Regierung" -> GOV, "Vertreter Russlands" -> RUSGOV); with no
  such attribute it is the context's agent of its row, or no one when the row has none.

The words come from ``data/language/reference.tsv`` and the group nouns of the actor
knowledge base (``data/kb/agents.tsv``); both are data files a user can extend.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span, Token

from ..datafiles import data_path, iter_tsv, word_list
from ..errors import DataFileError
from ..tokens import doc_text, get_list, mentions_in
from .turns import get_turns, lead_interviewee, turn_at

MAX_SENTENCES_BACK = 3
KINDS = ("pronoun", "demonstrative", "description", "group", "member")
TYPES = ("PER", "ORG", "GPE", "GRP", "LOC")


@dataclass(frozen=True)
class RefWord:
    """One referring word: its kind, number (sg/pl/*), German gender (m/f/n/*), the actor
    types it may stand for and, for a group, the CAMEO agent code."""

    kind: str
    number: str = "*"
    gender: str = "*"
    types: FrozenSet[str] = frozenset(TYPES)
    agent: Optional[str] = None


@dataclass
class RefLexicon:
    words: Dict[str, RefWord]
    suffixes: List[Tuple[str, RefWord]]

    def lookup(self, form: str) -> Optional[RefWord]:
        """The entry of ``form`` (any case): its own word, else the first of ``suffixes``
        (in list order) that ``form`` ends with and is longer than; None."""
        form = form.lower()
        hit = self.words.get(form)
        if hit is not None:
            return hit
        # the first matching suffix in list order, by one dict probe per suffix length
        # instead of a scan of every suffix (built on first use, again if the list grew)
        index = self.__dict__.get("_suffix_index")
        if index is None or index[0] != len(self.suffixes):
            by_len: Dict[int, Dict[str, Tuple[int, RefWord]]] = {}
            for k, (suffix, word) in enumerate(self.suffixes):
                by_len.setdefault(len(suffix), {}).setdefault(suffix, (k, word))
            index = (len(self.suffixes), sorted(by_len.items()))
            self.__dict__["_suffix_index"] = index
        best: Optional[Tuple[int, RefWord]] = None
        n = len(form)
        for length, table in index[1]:
            if length >= n:
                break
            found = table.get(form[-length:]) if length else table.get("")
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        return best[1] if best is not None else None


def _validate(row: dict) -> Optional[str]:
    if row["kind"] not in KINDS:
        return f"kind {row['kind']!r} is not one of {', '.join(KINDS)}"
    if (row.get("number") or "*") not in ("sg", "pl", "*"):
        return f"number {row['number']!r} is not sg, pl or *"
    if (row.get("gender") or "*") not in ("m", "f", "n", "*"):
        return f"gender {row['gender']!r} is not m, f, n or *"
    bad = [t for t in (row.get("types") or "").split("|") if t and t not in TYPES]
    if bad:
        return f"unknown actor type(s) {bad} (one of {', '.join(TYPES)})"
    if row["kind"] == "group" and not row.get("agent"):
        return "a group needs an agent code"
    return None


def group_agent(tok: Token) -> Optional[str]:
    """The CAMEO agent code of ``tok`` when it heads a generic group noun phrase ("die
    Polizei" -> ``"COP"``, "Rebellen" -> ``"REB"``),
    else None: a pronoun, a description, a compared noun ("wie Soldaten") or any other
    word. Cheap (one lexicon lookup); the actor itself is made only when an event needs
    it (:func:`resolve_references`). Used by argument selection, which must know that
    such a phrase stands for an actor before any actor exists for it."""
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    word = _word_of(load_reference_lexicon(_lang(tok.doc)), tok)
    if word is None or word.kind != "group" or not word.agent:
        return None
    if _compared(tok) or any(c.lower_ in ("beiden", "both") for c in tok.children):
        return None
    return word.agent


@lru_cache(maxsize=4)
def load_reference_lexicon(lang: str) -> RefLexicon:
    """The referring words of ``lang``: ``data/language/reference.tsv`` plus the group
    nouns of the actor KB. Raises :class:`~lagebild.errors.DataFileError` (file, line)
    on a malformed row."""
    words: Dict[str, RefWord] = {}
    suffixes: List[Tuple[str, RefWord]] = []
    try:
        from ..actors.kb import load_kb

        kb = load_kb(include_user=False)
        for noun in kb.role_nouns:
            if noun.lang != lang:
                continue
            info = kb.agents.get(noun.agent) or {}
            for form, plural in noun.forms:
                if noun.person and not plural:
                    # English keeps the role's agent: "the sheriff" with no sheriff before
                    # it is the context's police (see resolve_references)
                    word = RefWord("description", "sg", "*", frozenset(("PER",)), noun.agent if lang == "en" else None)
                else:
                    word = RefWord("group", "pl" if plural else "*", "*", frozenset((str(info.get("type") or "GRP"), "GRP")), noun.agent)
                words.setdefault(form.lower(), word)
        # German compounds ending in a group head ("Bildungsministerium", "Landesgewerkschaft"):
        # kb/compound_roles.tsv heads that name no single person, matched as word endings
        for head in kb.compound_heads.get(lang, []):
            if not head.person and not head.generic:
                info = kb.agents.get(head.agent) or {}
                suffixes.append((head.form, RefWord(
                    "group", "pl" if head.plural else "*", "*",
                    frozenset((str(info.get("type") or "GRP"), "GRP")), head.agent,
                )))
    except Exception:  # pragma: no cover - the KB is optional for this module
        pass
    own: Dict[str, RefWord] = {}
    for row in iter_tsv(data_path("language", "reference.tsv"), required=("lang", "form", "kind"), validate=_validate):
        if row["lang"] != lang:
            continue
        types = frozenset(t for t in (row.get("types") or "").split("|") if t) or frozenset(TYPES)
        word = RefWord(row["kind"], row.get("number") or "*", row.get("gender") or "*", types, row.get("agent"))
        form = row["form"].lower()
        if form.startswith("-"):
            suffixes.append((form[1:], word))
        else:
            own[form] = word
    words.update(own)  # this file's entries win over the KB's
    suffixes.sort(key=lambda s: -len(s[0]))
    return RefLexicon(words, suffixes)


# ---------------------------------------------------------------------------- helpers
def _lang(doc: Doc) -> str:
    return "de" if doc.lang_ == "de" else "en"


def _head(span: Span) -> Token:
    try:
        return span.root
    except Exception:  # pragma: no cover - no parse
        return span[-1]


def _sentences(doc: Doc, char: int) -> List[Tuple[int, int]]:
    """Character bounds of the sentence holding ``char`` and of up to
    :data:`MAX_SENTENCES_BACK` sentences before it, earliest first (found from the token,
    not by listing every sentence of a long document)."""
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc_text(doc)))]
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return [(0, len(doc_text(doc)))]
    sent = span[0].sent
    out = [(sent.start_char, sent.end_char)]
    while len(out) <= MAX_SENTENCES_BACK and sent.start > 0:
        sent = doc[sent.start - 1].sent
        out.append((sent.start_char, sent.end_char))
    return out[::-1]


def _sentence_index(bounds: Sequence[Tuple[int, int]], char: int) -> int:
    for k, (s, e) in enumerate(bounds):
        if s <= char < e:
            return k
    return len(bounds) - 1


def _word_of(lex: RefLexicon, tok: Token) -> Optional[RefWord]:
    word = lex.lookup(tok.text)
    if word is None and tok.lemma_:
        word = lex.lookup(tok.lemma_)
        if word is not None and word.kind == "group" and word.number == "*" and tok.lower_ != tok.lemma_.lower():
            word = RefWord(word.kind, "pl" if "Plur" in tok.morph.get("Number") else "*", word.gender, word.types, word.agent)
    if word is not None and word.agent and _not_a_role(tok):
        return None  # "in the head", "Schiedsrichter", "the Spurs captain" (actors.nonroles)
    if word is not None and word.kind == "group" and tok.lemma_.lower() in _name_heads(_lang(tok.doc)) \
            and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
        return None  # "der Bund der Steuerzahler": an association's name, not the government
    if word is not None and word.kind == "group" and word.agent == "CVL" and any(
            c.dep_ in ("amod", "nk", "nmod") and (c.lower_ in _armed_modifiers() or c.lemma_.lower() in _armed_modifiers())
            for c in tok.children if c.i < tok.i):
        # "bewaffnete Männer", "armed men": an armed group, not civilians (session 30)
        word = RefWord(word.kind, word.number, word.gender, word.types, "REB")
    return word


@lru_cache(maxsize=2)
def _name_heads(lang: str) -> FrozenSet[str]:
    """Group nouns that head an organisation's name when a noun phrase follows
    (``data/language/name_heads_<lang>.txt``: "Bund" in "Bund der Steuerzahler"); empty for a
    language without the file."""
    path = data_path(f"language/name_heads_{lang}.txt")
    return word_list(str(path)) if path.exists() else frozenset()


@lru_cache(maxsize=1)
def _armed_modifiers() -> FrozenSet[str]:
    """Modifiers that make a civilian group an armed one (``data/language/armed_modifiers.txt``:
    "bewaffnet", "maskiert", "armed"), lower case."""
    return frozenset(w.lower() for w in word_list(str(data_path("language/armed_modifiers.txt"))))


def _not_a_role(tok: Token) -> bool:
    """Whether the actor layer reads ``tok``'s role noun as no role here
    (:mod:`lagebild.actors.nonroles`); a mention coded MIL is military context."""
    from ..actors.nonroles import non_roles

    rules = non_roles(_lang(tok.doc))
    if not rules.active():
        return False
    doc = tok.doc
    spans: List[Tuple[int, int]] = []

    def military_at(j: int) -> bool:  # the mentions are read only for a rank ("captain")
        if not spans:
            spans.extend((m.start, m.end) for m in (getattr(doc._, "mentions", None) or [])
                         if (m.actor_id or "")[3:6] == "MIL")
            spans.append((-1, -1))
        return any(s <= doc[j].idx < e for s, e in spans)

    return rules.rules_out(doc, tok.i, military_at)


def _number_of(tok: Token, word: RefWord) -> str:
    number = tok.morph.get("Number")
    if number:
        return "pl" if "Plur" in number else "sg"
    return word.number


def _gender_of(tok: Token) -> str:
    g = tok.morph.get("Gender")
    if not g:
        return "*"
    return {"Masc": "m", "Fem": "f", "Neut": "n"}.get(g[0], "*")


def classify(doc: Doc, start: int, end: int) -> Optional[Tuple[Token, RefWord]]:
    """The head token of ``doc`` between characters ``start`` and ``end`` and the
    referring word it is (None when it is no pronoun, description or group noun)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    lex = load_reference_lexicon(_lang(doc))
    head = _head(span)
    word = None
    if _lang(doc) == "en":
        # a role of several words ends in its head: "attorney general" (GOV/JUD), not
        # "general" (MIL); "house of representatives" is headed by "house"
        for k in (3, 2):
            lead = doc[max(head.i - k + 1, 0): head.i]
            if len(lead) == k - 1 and (lead.start >= span.start or all(
                    t.head.i == head.i and t.dep_ in ("compound", "amod") for t in doc[lead.start: span.start])):
                word = lex.lookup(" ".join(t.lower_ for t in doc[head.i - k + 1: head.i + 1]))
                if word is not None:
                    break
    word = word or _word_of(lex, head)
    if word is None:
        # "die beiden Minister", "der 70-Jährige", "the 70-year-old": a telling modifier
        for tok in span:
            w = _word_of(lex, tok)
            if w is not None and w.kind == "description":
                return head, w
        return None
    if word.kind in ("group", "description") and _compared(head):
        return None  # "wie ein Mann", "like a man": a comparison refers to no one
    if word.kind == "group" and any(c.lower_ in ("beiden", "both") for c in head.children):
        return head, RefWord("description", "pl", "*", frozenset(("PER", "GPE", "ORG")))
    return head, word


COMPARISON = frozenset(("wie", "als", "like", "as"))


def _compared(head: Token) -> bool:
    """The noun phrase headed by ``head`` is the standard of a comparison."""
    doc = head.doc

    def comparing(tok: Token) -> bool:  # "als" after "mehr"/"more" counts a quantity
        return tok.lower_ in COMPARISON and not (tok.i > 0 and doc[tok.i - 1].lower_ in ("mehr", "weniger", "more", "less", "fewer"))

    if _clause_subject(head):
        # "wie die Polizei mitteilte", "as the police said": "wie"/"as" opens a clause
        # whose subject the phrase is -- a source, not the standard of a comparison
        return False
    first = min((t for t in head.subtree), key=lambda t: t.i)
    before = doc[first.i - 1] if first.i > 0 else None
    return any(comparing(c) and c.i < head.i for c in head.children) or (before is not None and comparing(before))


SUBJECT_DEPS = frozenset(("nsubj", "nsubj:pass", "sb", "nsubjpass"))


def _clause_subject(head: Token) -> bool:
    """``head`` is the subject of a finite verb that follows it in a clause opened by
    "wie"/"as" ("wie die Polizei mitteilte"); a comparison ("stark wie ein Bär") has no
    verb of its own. A bare plural the parser took for the object ("wie Rebellen
    berichteten") counts when "wie" hangs on that verb."""
    verb = head.head
    if verb.i == head.i or verb.i < head.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    opened = any(c.lower_ in COMPARISON and c.i < head.i for c in verb.children)
    if head.dep_ in SUBJECT_DEPS:
        return opened or any(t.lower_ in COMPARISON for t in head.doc[max(0, head.i - 4):head.i])
    return head.dep_ in ("obj", "oa") and opened and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _actors(doc: Doc) -> Dict[str, object]:
    return {a.id: a for a in get_list(doc, "actors")}


def _mention_number(doc: Doc, m) -> str:  # type: ignore[no-untyped-def]
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return "*"
    number = _head(span).morph.get("Number")
    return ("pl" if "Plur" in number else "sg") if number else "*"


def _mention_gender(doc: Doc, m) -> str:  # type: ignore[no-untyped-def]
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return "*"
    head = _head(span)
    # the article is the better witness of German gender ("die Ukraine", "der Kreml")
    for c in head.children:
        if c.dep_ in ("det",) and c.morph.get("Gender"):
            return _gender_of(c)
    return _gender_of(head)


_PERSON_GENDER_KEY = "lagebild_person_gender"


def person_gender(doc: Doc, actor_id: str) -> str:
    """The grammatical gender (``"m"``, ``"f"``, or ``"*"`` when the text does not show it
    or shows both) a German text gives a person through the role nouns and articles of its
    mentions: "Innenministerin X", "die Grünen-Chefin X", "X, die Sprecherin der Partei" ->
    ``"f"``; "Innenminister X", "der Abgeordnete X" -> ``"m"``. A role noun is one of the
    role lexicon (:func:`lagebild.language.ner_roles.lexicon`): its feminine form ends in
    "-in" (German motion suffix); an adjectival role ("Abgeordnete", "Vorsitzende") is read
    by its article. When neither says anything, a given name that names one sex does
    (:func:`given_name_genders`, session 30: "Walter X" -> ``"m"``); a surname says
    nothing. Computed once per document."""
    cache = doc.user_data.setdefault(_PERSON_GENDER_KEY, {})
    if actor_id in cache:
        return cache[actor_id]
    from .ner_roles import lexicon

    try:
        lex = lexicon("de")
    except Exception:  # pragma: no cover - the role lexicon ships with the package
        cache[actor_id] = "*"
        return "*"
    seen = set()
    for m in get_list(doc, "mentions"):
        if m.actor_id != actor_id:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        first = span.start
        toks = list(span)
        if first > 0 and doc[first - 1].pos_ == "DET":
            toks.insert(0, doc[first - 1])
        for tok in toks:
            if tok.pos_ == "DET" and tok.morph.get("Number") != ["Plur"]:
                g = _gender_of(tok)
                if g in ("m", "f"):
                    seen.add(g)
                continue
            text = tok.text
            if not text[:1].isupper() or not lex.is_role(text):
                continue
            last = text.rsplit("-", 1)[-1].lower()
            if last.endswith("in"):
                seen.add("f")
            elif not last.endswith(("e", "en", "em")):  # "-e"/"-en": adjectival or plural
                seen.add("m")
    if not seen:
        # no role noun or article: a given name that names one sex (session 30, #11;
        # ``data/language/given_name_gender_de.tsv``) -- "Walter X" is no "sie"
        names = given_name_genders()
        for m in get_list(doc, "mentions"):
            if m.actor_id == actor_id:
                # the words before the surname ("Lehrer Walter X": the entity model may
                # take a role word into the name)
                seen.update(names[w] for w in m.text.split()[:-1] if w in names)
    out = seen.pop() if len(seen) == 1 else "*"
    cache[actor_id] = out
    return out


@lru_cache(maxsize=1)
def given_name_genders() -> Dict[str, str]:
    """German: given name -> ``"f"`` or ``"m"`` (``data/language/given_name_gender_de.tsv``).
    Raises :class:`~lagebild.errors.DataFileError` naming the file and line of a row whose
    gender is neither."""
    path = data_path("language/given_name_gender_de.tsv")
    out: Dict[str, str] = {}
    for row in iter_tsv(path, required=("name", "gender")):
        if row["gender"] not in ("f", "m"):
            raise DataFileError(f"{path}:{row['_line']}: gender must be f or m, not {row['gender']!r}")
        out[row["name"]] = row["gender"]
    return out


def _compatible(doc: Doc, m, actor, word: RefWord, number: str, gender: str, lang: str) -> bool:  # type: ignore[no-untyped-def]
    atype = getattr(actor, "type", None) if actor is not None else None
    if atype is None or atype == "LOC":
        return False
    if atype not in word.types:
        return False
    if number == "sg" and atype == "GRP":
        return False
    mnum = _mention_number(doc, m)
    if number == "pl" and atype == "PER" and word.kind in ("pronoun", "demonstrative"):
        return False
    if number == "pl" and atype in ("GPE", "ORG") and mnum == "sg" and word.kind in ("pronoun", "demonstrative") and lang == "de":
        return False
    if number == "sg" and mnum == "pl" and atype != "PER":
        return False
    if lang == "de" and gender != "*" and atype != "PER" and number != "pl":
        # a state or organisation must show the pronoun's gender ("die EU … sie",
        # "Russland … es"); "er" with an ungendered country is a person's pronoun
        mg = _mention_gender(doc, m)
        if mg != gender:
            return False
    if lang == "de" and atype == "PER" and gender == "n":
        return False
    if lang == "en" and word.kind == "description" and word.agent and atype == "PER":
        # "the sheriff" is no senator the text named before: a coded person must hold
        # the role noun's agent (COP); a person with no code may
        code = getattr(actor, "code", None) or ""
        if len(code) >= 6 and code[3:6] != word.agent:
            return False
    if lang == "de" and atype == "PER" and gender in ("m", "f") and number != "pl":
        # "Der 70-Jährige", "er" is no woman the text calls "Ministerin"; "sie" no man
        # it calls "Minister" (the person's gender as its role nouns show it)
        pg = person_gender(doc, m.actor_id)
        if pg != "*" and pg != gender:
            return False
    return True


def _is_subject(doc: Doc, m) -> bool:  # type: ignore[no-untyped-def]
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    head = _head(span)
    return head.dep_ in ("nsubj", "nsubj:pass", "sb") or (head.dep_ in ("flat", "appos", "compound") and head.head.dep_ in ("nsubj", "nsubj:pass", "sb"))


#: clause-heading dependency labels (UD; TIGER "oc" clausal object, "rc" relative clause)
CLAUSE_DEPS = frozenset(("ccomp", "advcl", "acl", "acl:relcl", "csubj", "xcomp", "oc", "rc"))


def _embedded(doc: Doc, m, anchor: Optional[Token]) -> bool:  # type: ignore[no-untyped-def]
    """True when mention ``m`` stands in a clause embedded below the clause it shares with
    ``anchor`` (the referring word): on the way up from the mention's head to the first
    ancestor of ``anchor`` lies a clause head (:data:`CLAUSE_DEPS`). "Pilz glaubt, dass Kurz
    zu wenig tut, und er fordert …": Kurz is embedded, Pilz is not. Hobbs (1978) searches
    the tree breadth-first from the pronoun's clause, so a main-clause argument comes
    before one of a clause embedded in it."""
    if anchor is None:
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tops = {anchor.i} | {a.i for a in anchor.ancestors}
    tok = _head(span)
    for _ in range(64):
        if tok.i in tops or tok.head.i == tok.i:
            return False
        if tok.dep_ in CLAUSE_DEPS:
            return True
        tok = tok.head
    return False


def _speaker(doc: Doc, m) -> bool:  # type: ignore[no-untyped-def]
    """True when mention ``m`` is the subject of a verb of saying (a lemma with a frame in
    ``data/<lang>/speech_frames.tsv``): "Der Minister lüge, sagte die Abgeordnete" -- the
    Abgeordnete is the speaker, the Minister the subject of what was said."""
    from .speech import frame_for

    if not _is_subject(doc, m):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = _head(span)
    if head.dep_ in ("flat", "appos", "compound"):
        head = head.head
    verb = head.head
    return verb.pos_ in ("VERB", "AUX") and frame_for(_lang(doc), verb.lemma_) is not None


def _antecedents(doc: Doc, start: int, end: int, word: RefWord, number: str, gender: str, limit: int,
                 exclude: FrozenSet[str] = frozenset()) -> List[str]:
    lang = _lang(doc)
    bounds = _sentences(doc, start)
    here = _sentence_index(bounds, start)
    lo = bounds[0][0]
    actors = _actors(doc)
    ranked: List[Tuple[Tuple[int, ...], str]] = []
    here_span = doc.char_span(start, end, alignment_mode="expand")
    anchor = _head(here_span) if here_span is not None and len(here_span) else None
    for m in mentions_in(doc, lo, start):
        if m.end > start:
            continue
        actor = actors.get(m.actor_id)
        if m.actor_id in exclude or not _compatible(doc, m, actor, word, number, gender, lang):
            continue
        dist = here - _sentence_index(bounds, m.start)
        # the current sentence's earlier actors first, then earlier sentences; subjects
        # before other roles; nearer before farther
        # a masculine pronoun is far more often a man than a masculine-named state
        type_rank = 1 if gender == "m" and getattr(actor, "type", None) != "PER" else 0
        # within the pronoun's own sentence the nearest actor, in earlier ones the first
        # (topic, usually the subject); in its own sentence an actor of a clause embedded
        # below the pronoun's comes after the others (:func:`_embedded`)
        embedded = 1 if dist == 0 and _embedded(doc, m, anchor) else 0
        if lang == "de" and word.kind == "demonstrative":
            # "Merkel traf Erdogan. Dieser kritisierte …": a German demonstrative pronoun
            # avoids the topic -- it refers to the last-mentioned actor that is not the
            # subject, not to the subject a personal pronoun prefers (Bosch & Umbach 2007,
            # "Reference determination for demonstrative pronouns"; Bosch, Katz & Umbach 2007)
            ranked.append(((type_rank, dist, 1 if _is_subject(doc, m) else 0, -m.start), m.actor_id))
            continue
        # German (session 27): in an earlier sentence that reports speech ("X lüge, sagte Y.
        # Er verlangte …"), a personal pronoun continues the speaker, the
        # subject of the verb of saying, before the subject of what was said -- as Hobbs's
        # search reaches the reporting clause before the content clause below it
        speaker = 0 if dist == 0 or lang != "de" or word.kind != "pronoun" or _speaker(doc, m) else 1
        ranked.append(((type_rank, dist, embedded, speaker if _is_subject(doc, m) else 1,
                        0 if _is_subject(doc, m) else 1, -m.start if dist == 0 else m.start),
                       m.actor_id))
    ranked.sort()
    out: List[str] = []
    for _, actor_id in ranked:
        if actor_id not in out:
            out.append(actor_id)
        if len(out) >= limit:
            break
    return out


@lru_cache(maxsize=1)
def path_prepositions() -> FrozenSet[str]:
    """Lower-case prepositions of a path (``data/language/path_prepositions.txt``)."""
    return frozenset(w.lower() for w in word_list(str(data_path("language/path_prepositions.txt"))))


#: German articles between a preposition and its place ("aus dem Irak"), for a Doc with no
#: part-of-speech tags
_ARTICLES = frozenset(("der", "die", "das", "dem", "den", "des", "the"))
#: the origin of a "von X nach Y" path; alone, "von" is also a genitive ("die Regierung von
#: Slowenien"), so it counts only with a path preposition right after the place
_ORIGIN = frozenset(("von", "vom", "from"))


def path_object(doc: Doc, first: int, last: int) -> bool:
    """Whether the name at tokens ``first..last`` (inclusive) is the object of a path
    preposition (:func:`path_prepositions`: "nach Katar", "aus dem Irak", "gegen Russland",
    "to Moscow"), articles and adjectives between them skipped, or the origin of a "von X
    nach Y" path ("die Grenze von Slowenien nach Österreich"): a place where someone goes,
    comes from or acts against. Token-level; no parse needed."""
    words = path_prepositions()
    k = first - 1
    while k >= 0 and (doc[k].pos_ in ("DET", "ADJ") or doc[k].lower_ in _ARTICLES):
        k -= 1
    if k < 0:
        return False
    if doc[k].lower_ in words:
        return True
    if doc[k].lower_ in _ORIGIN:
        after = [t.lower_ for t in doc[last + 1 : last + 4]]
        return bool(after) and after[0] in words
    return False


def _on_path(doc: Doc, start: int, end: int) -> bool:
    """Whether the mention at characters ``[start, end)`` is the object of a path
    preposition ("nach Katar", "aus Syrien", "gegen Russland", "to Moscow";
    :func:`path_object`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    words = path_prepositions()
    first = span[0]
    if path_object(doc, first.i, span[-1].i):
        return True
    # German "in" with an accusative article is a direction ("in die Emirate exportiert",
    # "ins Land"), not where the group is: only the unambiguous accusatives count
    k = first.i - 1
    while k > 0 and doc[k].pos_ == "ADJ":
        k -= 1
    if k >= 0 and (doc[k].lower_ in ("ins", "ans") or (
            k > 0 and doc[k - 1].lower_ in ("in", "an") and doc[k].lower_ in ("die", "das"))):
        return True
    head = span.root
    return any(c.dep_ == "case" and c.lower_ in words for c in head.children) \
        or (head.head.pos_ == "ADP" and head.head.lower_ in words and head.head.i < head.i)


#: English dependency labels of a clause's arguments and complements (UD and ClearNLP): a
#: country named inside one of them, other than the phrase being resolved, names whom or what
#: the clause is about ("The foreign minister criticised Israel", "Police arrested two Iraqi
#: nationals", "urged lawmakers to condemn Russia"), not the country
#: the phrase's group or office belongs to (session 31)
_COARGUMENT_DEPS = frozenset(("nsubj", "nsubjpass", "nsubj:pass", "csubj", "obj", "dobj", "iobj", "dative",
                              "obl", "prep", "agent", "ccomp", "xcomp", "attr", "oprd"))
#: dependency labels a group noun climbs through to the phrase that is the clause's argument
#: ("rebel/compound positions/obj", "troops/conj")
_INSIDE_ARGUMENT_DEPS = frozenset(("compound", "amod", "nmod", "poss", "nmod:poss", "conj", "appos", "pobj"))


def _coargument_ranges(doc: Doc, start: int, end: int) -> List[Tuple[int, int]]:
    """English: character ranges ``[lo, hi)`` of the other arguments and complements of the
    clause whose subject or object holds the phrase at ``[start, end)``: for a subject, the
    objects, complement clauses and prepositional phrases of the clause, except those of
    place ("in Kabul", "near Idlib", :func:`locative_prepositions_en`: where a group acts is where
    it belongs); for an object, its complement clause only (the subject's country is often
    the object's own in a domestic act: "Iraqi police arrested protesters"). Empty for
    German, for a phrase that is no argument of a verb, or without a parse. (:func:`context_country`; session 31, issue 9: on real-en dev, lawmakers a US
    official begged about the Ukraine conflict were coded UKRLEG.)"""
    if doc.lang_ != "en" or not doc.has_annotation("DEP"):
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    arg = span.root
    steps = 0
    while arg.dep_ in _INSIDE_ARGUMENT_DEPS and arg.head.i != arg.i and steps < 4:
        if arg.dep_ == "pobj" and arg.head.lower_ not in ("of",):
            return []  # "troops in the north": a phrase of place or path, not the argument
        arg = arg.head
        if arg.pos_ == "ADP":
            arg = arg.head if arg.lower_ == "of" and arg.head.i != arg.i else arg
        steps += 1
    gov = arg.head
    if arg.dep_ not in ("nsubj", "nsubjpass", "nsubj:pass", "obj", "dobj", "iobj", "dative") \
            or gov.i == arg.i or gov.pos_ not in ("VERB", "AUX"):
        return []
    out: List[Tuple[int, int]] = []
    subject = arg.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")
    for c in gov.children:
        if c.i == arg.i or c.dep_ not in _COARGUMENT_DEPS:
            continue
        if not subject and c.dep_ not in ("ccomp", "xcomp"):
            # a group in the object shares the subject's country when the act is domestic
            # ("Syrian troops attacked rebel positions", "Iraqi police arrested protesters"):
            # only what it is asked or said to do is no clue to it ("urged lawmakers to
            # support Ukraine")
            continue
        if c.dep_ in ("obl", "prep"):
            case = c.lower_ if c.dep_ == "prep" else next((x.lower_ for x in c.children if x.dep_ == "case"), "")
            if case in locative_prepositions_en() or c.ent_type_ in ("DATE", "TIME"):
                continue
        lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
        if c.dep_ in ("obj", "dobj", "iobj", "dative"):
            # "arrested two men in Kabul" parsed with the place on the object: a phrase of
            # place right on the object is still where the clause happens
            places = sorted((x.left_edge.idx, x.right_edge.idx + len(x.right_edge)) for x in c.children
                            if _locative_phrase(x))
            for plo, phi in places:
                if lo < plo:
                    out.append((lo, plo))
                lo = max(lo, phi)
        if lo < hi:
            out.append((lo, hi))
    return out


def _describes_group(doc: Doc, start: int, end: int) -> bool:
    """Whether the mention at ``[start, end)`` is the country adjective or noun of a generic
    group noun ("four Congolese farmers", "Algerian smugglers": ``reference.tsv`` group
    words), which names the group's own country, not a state the clause acts on."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    if tok.dep_ not in ("amod", "compound", "nmod") or tok.head.i == tok.i:
        return False
    word = _word_of(load_reference_lexicon(_lang(doc)), tok.head)
    return word is not None and word.kind == "group"


def _locative_phrase(tok: Token) -> bool:
    """English: whether ``tok`` heads a prepositional phrase of place (:func:`locative_prepositions_en`;
    UD ``nmod`` + case, or ClearNLP ``prep``)."""
    if tok.dep_ == "prep":
        return tok.lower_ in locative_prepositions_en()
    return tok.dep_ in ("nmod", "obl") and any(x.dep_ == "case" and x.lower_ in locative_prepositions_en() for x in tok.children)


@lru_cache(maxsize=1)
def locative_prepositions_en() -> FrozenSet[str]:
    """English prepositions of place (``data/language/locative_prepositions_en.txt``): a
    country in such a phrase of the clause is where a generic group acts ("Police arrested
    two men in Kabul"), so it still names the group's country."""
    return frozenset(w.lower() for w in word_list(str(data_path("language/locative_prepositions_en.txt"))))


def context_country(doc: Doc, start: int, end: int, home_first: bool = False) -> Optional[str]:
    """ISO 3166 alpha-3 code of the country the text around ``[start, end)`` is about: the
    nearest state, place or state body mentioned in the same sentence, else in up to
    :data:`MAX_SENTENCES_BACK` sentences before (the document's main country,
    :func:`document_country`, when one of them names it -- "die Justiz" in a Turkish
    article after a sentence about Syria is Turkish --, else the nearest of the latest
    sentence naming one), else the document's main country; None when the document
    names none. A place on a path
    ("nach Katar", "aus Syrien", "gegen Russland": :func:`path_prepositions`) names
    where someone goes or acts against, not where the group belongs, and is skipped.
    English also counts a person the KB does not know whose country this document gave
    by a role ("Chicago Mayor X" -> USA: the place is part of the person's mention); both
    languages count a person mentioned by a role alone ("der russische Innenminister", a
    KB office holder: the role names the state, as the state body it stood for before
    the KB knew the holder did).
    English (session 31): a country inside another argument or complement of the clause
    the phrase is an argument of (:func:`_coargument_ranges`: "The foreign minister
    criticised Israel", "Police arrested two Iraqi nationals") names whom the clause is
    about, not where the phrase's group belongs, and is skipped in its own sentence.
    ``home_first``: when the sentence itself names no country, the document's home
    (``actors.home``: its dateline's country, else its outlet's) before earlier
    sentences -- for a government body ("versicherte das Ressort" after a sentence about
    the Emirates, in a report filed in Vienna, is the Austrian ministry)."""
    bounds = _sentences(doc, start)
    here = _sentence_index(bounds, start)
    actors = _actors(doc)
    main = document_country(doc)
    from ..actors.home import HOME_KEY

    home = doc.user_data.get(HOME_KEY) if home_first else None
    found: Optional[str] = None
    role_persons = doc.lang_ == "en"
    coargs = _coargument_ranges(doc, start, end)
    for k in range(here, -1, -1):
        s, e = bounds[k]
        best: Optional[Tuple[int, str]] = None
        named = set()
        for m in mentions_in(doc, s, e):
            actor = actors.get(m.actor_id)
            country = getattr(actor, "country", None)
            if actor is None or not country:
                continue
            if k == here and coargs and not getattr(actor, "provisional", False) and getattr(actor, "type", None) != "GRP" \
                    and any(lo <= m.start and m.end <= hi for lo, hi in coargs) and not _describes_group(doc, m.start, m.end):
                # "The foreign minister criticised Israel": the state the clause acts on (a
                # group the context coded, "killed four Congolese farmers", still counts: the
                # victims of a domestic act share the country of those who act)
                continue
            if getattr(actor, "type", None) not in ("GPE", "LOC", "ORG") and not (
                    role_persons and getattr(actor, "provisional", False) and len(country) == 3) \
                    and not (getattr(m, "kind", None) == "role" and len(country) == 3):
                continue  # a person counts only when named by a state role ("der russische Innenminister")
            if _on_path(doc, m.start, m.end):
                continue
            named.add(country)
            dist = abs(m.start - start)
            if best is None or dist < best[0]:
                best = (dist, country)
        if k == here and best is not None:
            return best[1]  # the sentence's own place or state
        if k == here and home:
            return home  # the country the report was filed in (dateline or outlet)
        if main is not None and main in named:
            return main  # the document's country, named again nearby, wins over a foreign place
        if found is None and best is not None:
            found = best[1]
        if here - k >= MAX_SENTENCES_BACK:
            break
    return found or main


def document_country(doc: Doc) -> Optional[str]:
    """The country a whole document is mostly about: the one its states, places and
    state bodies are mentioned with most often (the earliest on a tie); None when it names
    none. Used when the sentences around a generic group name no country ("Die Armee
    machte die PKK verantwortlich" in an article about Turkey -> TURMIL). A document
    with a dateline is about the dateline's country (``actors.home``: "Wien – …" -> AUT);
    one that names no country at all, its outlet's."""
    key = "lagebild_document_country"
    if key in doc.user_data:
        return doc.user_data[key]
    from ..actors.home import HOME_KEY

    if doc.user_data.get(HOME_KEY):  # the dateline's country (or the outlet's), as the linker found it
        doc.user_data[key] = doc.user_data[HOME_KEY]
        return doc.user_data[key]
    actors = _actors(doc)
    counts: Dict[str, int] = {}
    first: Dict[str, int] = {}
    for m in get_list(doc, "mentions"):
        actor = actors.get(m.actor_id)
        country = getattr(actor, "country", None)
        if actor is None or not country or len(country) != 3 or getattr(actor, "type", None) not in ("GPE", "LOC", "ORG"):
            continue
        counts[country] = counts.get(country, 0) + 1
        first.setdefault(country, m.start)
    found = max(counts, key=lambda c: (counts[c], -first[c])) if counts else None
    doc.user_data[key] = found
    return found


def group_actor(doc: Doc, agent: str, country: Optional[str], text: str, start: int, end: int) -> str:
    """The id of the agent-coded group actor ``country + agent`` ("NGAREB", or "---REB"
    without a country), added to ``doc._.actors`` (type from the agent code) if absent."""
    from ..schemas import Actor

    ident = f"{country or '---'}{agent}"
    actors = get_list(doc, "actors")
    for a in actors:
        if a.id == ident:
            if (start, end) not in a.mentions:
                a.mentions.append((start, end))
            return ident
    name = text
    atype = "GRP"
    try:
        from ..actors.kb import load_kb

        kb = load_kb(include_user=False)
        info = kb.agents.get(agent) or {}
        atype = str(info.get("type") or "GRP")
        label = info.get("label_de" if _lang(doc) == "de" else "label_en") or text
        composite = kb.composite(country, agent) if country else None
        name = composite.name if composite is not None else f"{label} ({country or 'unknown country'})"
    except Exception:  # pragma: no cover
        pass
    actors.append(Actor(id=ident, name=name, type=atype if atype in ("ORG", "GRP") else "GRP", country=country,
                        code=ident, mentions=[(start, end)], provisional=True))
    return ident


#: English prepositions that attach a group noun to the body it belongs to ("officers in
#: the army", "members of Hamas", "fighters from the Islamic State")
BODY_PREPS_EN = frozenset(("of", "in", "from", "within"))


def _group_body(doc: Doc, head: Token) -> Optional[str]:
    """English: the organisation or armed body a group noun ``head`` belongs to, named in a
    prepositional phrase on it ("three generals in the Russian military" -> RUSMIL,
    "members of Hamas" -> Hamas); None when the phrase names a state or place ("civilians
    in Lithuania": a country, not the referent) or there is none."""
    if _lang(doc) != "en":
        return None
    actors = _actors(doc)
    for c in head.children:
        if c.i <= head.i or c.dep_ not in ("nmod", "prep"):
            continue
        case = [g for g in c.children if g.dep_ == "case"] if c.dep_ == "nmod" else [c]
        if not case or case[0].lower_ not in BODY_PREPS_EN:
            continue
        obj = c if c.dep_ == "nmod" else next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is None:
            continue
        lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
        for m in mentions_in(doc, lo, hi):
            if lo <= m.start and m.end <= hi:
                actor = actors.get(m.actor_id)
                if getattr(actor, "type", None) in ("ORG", "GRP") and (getattr(actor, "code", None) or getattr(actor, "country", None)):
                    return m.actor_id
    return None


# dependency labels of a noun's genitive or "von" attribute (UD and TIGER labels)
_GENITIVE_DEPS = frozenset(("nmod", "nmod:poss", "ag", "pg", "poss"))
# agents of a non-state body whose members a group noun names ("Kämpfer der Miliz X")
_MEMBER_AGENTS = frozenset(("REB", "PTY", "OPP", "NGO", "RAD", "CRM", "IMG", "ETH", "REL", "LAB", "BUS", "MED"))

# agents of state offices and services (as lagebild.actors.linker.STATE_AGENTS, less the
# parties): a group of these never belongs to a news outlet named after it (session 31)
_OFFICE_AGENTS = frozenset(("GOV", "LEG", "MIL", "COP", "JUD", "SPY"))


def _group_owner(doc: Doc, head: Token, agent: str, start: int, end: int) -> Optional[str]:
    """The actor a generic group belongs to by its own phrase, not by the context:

    - a genitive or "von" attribute naming a non-state body ("Kämpfer der Jihadistenmiliz
      Islamischer Staat" -> the IS; "Anhänger der HDP" -> the HDP) is that body; one
      naming a state ("Soldaten Russlands") is the state's agents (RUSMIL); one naming a
      generic group of a member agent is that group, for a civilian group noun
      ("Anhänger der Opposition" -> the context country's OPP; session 30);
    - a possessive determiner ("seine früheren Beamten", "ihre Soldaten") is the agents
      of the country of the actor the possessive refers to ("Ex-Finanzminister Nigel
      Lawson warf seinen früheren Beamten vor …" -> GBRGOV, whatever foreign capital the
      sentence names).

    Returns an actor id (a KB/provisional actor, or a group added with
    :func:`group_actor`) or None."""
    actors = _actors(doc)
    for child in head.children:
        if child.dep_ not in _GENITIVE_DEPS or child.i < head.i or child.i - head.i > 6:
            continue
        if any(c.dep_ == "case" and c.lower_ not in ("von", "vom", "of") for c in child.children) \
                or doc[child.left_edge.i - 1].pos_ == "ADP" and doc[child.left_edge.i - 1].lower_ not in ("von", "vom", "of"):
            continue  # "Polizisten nach Ungarn": a prepositional attribute, no owner
        sub = list(child.subtree)
        s_char, e_char = sub[0].idx, sub[-1].idx + len(sub[-1])
        for m in mentions_in(doc, s_char, e_char):
            actor = actors.get(m.actor_id)
            if actor is None:
                continue
            code = getattr(actor, "code", None) or ""
            atype = getattr(actor, "type", None)
            if code[3:6] == "MED" and agent in _OFFICE_AGENTS:
                # "ein Sprecher der Feuerwehr der APA": an office of state belongs to no
                # news outlet; the outlet is the addressee of the speech (dative)
                continue
            if atype in ("ORG", "GRP") and (code.startswith("IMG") or code[3:6] in _MEMBER_AGENTS):
                return m.actor_id
            if atype == "GPE" and getattr(actor, "country", None):
                return group_actor(doc, agent, actor.country, doc_text(doc)[start:end], start, end)
        owner_word = _word_of(load_reference_lexicon(_lang(doc)), child)
        if agent == "CVL" and owner_word is not None and owner_word.kind == "group" and owner_word.agent in _MEMBER_AGENTS \
                and not mentions_in(doc, s_char, e_char):
            # session 30: "Anhänger der Opposition", "Unterstützer der Rebellen": supporters
            # named by a generic group act for that group (of the context's country)
            return group_actor(doc, str(owner_word.agent), context_country(doc, start, end), doc_text(doc)[start:end], start, end)
    for child in head.children:
        if child.i < head.i and "Poss=Yes" in str(child.morph) and child.pos_ in ("DET", "PRON"):
            owner = resolve_references(doc, child.idx, child.idx + len(child), limit=1, groups=False)
            if not owner and child.morph.get("Person") == ["3"]:
                # "seine"/"ihre": the possessor's number and gender (Number[psor], Gender[psor])
                num = child.morph.get("Number[psor]")
                gen = child.morph.get("Gender[psor]")
                number = "pl" if num == ["Plur"] else "sg" if num == ["Sing"] else "*"
                gender = "f" if gen == ["Fem"] else "m" if gen and "Masc" in gen[0] else "*"
                word = RefWord("pronoun", number, gender, frozenset(("PER", "ORG", "GPE")))
                owner = _antecedents(doc, child.idx, child.idx + len(child), word, number, gender, 1)
            if agent == "CVL" and _lang(doc) == "de" and child.morph.get("Person") == ["3"]:
                # "Ihre Anhänger": a group noun subject before ("Die Opposition rief …")
                num = child.morph.get("Number[psor]")
                gen = child.morph.get("Gender[psor]")
                g = "f" if gen == ["Fem"] else "m" if gen and "Masc" in gen[0] else "n" if gen == ["Neut"] else "*"
                # (a place the pronoun search gave is no possessor of supporters)
                place = bool(owner) and getattr(actors.get(owner[0]), "type", None) in ("GPE", "LOC")
                group = _group_antecedent(doc, child, [] if place else (owner or []), plural=num == ["Plur"], gender=g)
                if group is None and num != ["Plur"] and g in ("f", "*"):
                    # "ihre" is a feminine or a plural possessor alike ("Die Rebellen … Ihre Anhänger")
                    group = _group_antecedent(doc, child, [] if place else (owner or []), plural=True)
                if group is not None:
                    owner, actors = [group], _actors(doc)  # the group actor may be new
            actor = actors.get(owner[0]) if owner else None
            code = getattr(actor, "code", None) or ""
            if agent == "CVL" and getattr(actor, "type", None) in ("ORG", "GRP") and code[3:6] in _MEMBER_AGENTS:
                # session 31: "Die Opposition rief zu Protesten auf. Ihre Anhänger …": the
                # supporters of a group act for it, as "Anhänger der Opposition" (above)
                return owner[0]
            country = getattr(actor, "country", None) if actor is not None else None
            if country and len(country) == 3:
                return group_actor(doc, agent, country, doc_text(doc)[start:end], start, end)
    return None


def _member_of(doc: Doc, head: Token, word: RefWord, start: int, end: int) -> List[str]:
    """German (issue 9, session 31): the body a member noun ``head`` ("Mitglieder",
    "Vertreter", "Angehörige"; reference.tsv kind ``member``) belongs to, named by its
    genitive or "von" attribute: an organisation or group actor mentioned there, whatever
    its code ("Vertreter der Polizei" -> the police, "Mitglieder der Regierung" -> the
    government, "Mitglieder der Hamas" -> Hamas); a state there gives the state's agent of
    the row ("Vertreter Russlands" -> RUSGOV); a generic group noun there gives that group
    of the context's country ("Vertreter der Opposition" -> OPP). With no attribute: the
    row's agent of the context's country ("Vertreter sagten" -> GOV, as the role noun
    did), or ``[]`` for a row without one ("Mitglieder" alone names no one). CAMEO codes a
    member or a representative as the body represented (Schrodt 2012, ch. 3). Returns a
    list of at most one actor id."""
    actors = _actors(doc)
    lex = load_reference_lexicon(_lang(doc))
    owned = False
    for child in head.children:
        if child.dep_ not in _GENITIVE_DEPS or child.i < head.i or child.i - head.i > 6:
            continue
        if any(c.dep_ == "case" and c.lower_ not in ("von", "vom") for c in child.children) \
                or doc[child.left_edge.i - 1].pos_ == "ADP" and doc[child.left_edge.i - 1].lower_ not in ("von", "vom"):
            continue  # "Vertreter aus Kenia", "Mitglieder in Kenia": where, not whose
        owned = True
        sub = list(child.subtree)
        s_char, e_char = sub[0].idx, sub[-1].idx + len(sub[-1])
        c0, c1 = child.idx, child.idx + len(child)
        found = mentions_in(doc, s_char, e_char)
        # the attribute's own head word first ("der Opposition in Kenia" is the opposition,
        # not Kenya), then its generic group noun, then an organisation nested in it
        own = [m for m in found if m.start < c1 and c0 < m.end]
        for m in own + [m for m in found if m not in own]:
            actor = actors.get(m.actor_id)
            if actor is None:
                continue
            atype = getattr(actor, "type", None)
            if atype in ("ORG", "GRP") and (getattr(actor, "code", None) or getattr(actor, "country", None)):
                return [m.actor_id]
            if atype == "GPE" and getattr(actor, "country", None) and word.agent and m in own:
                return [group_actor(doc, str(word.agent), actor.country, doc_text(doc)[start:end], start, end)]
            if m in own:
                break
            owner = _word_of(lex, child)
            if owner is not None and owner.kind in ("group", "member"):
                break
        owner = _word_of(lex, child)
        if owner is not None and owner.kind == "group" and owner.agent:
            return [group_actor(doc, str(owner.agent), context_country(doc, start, end), doc_text(doc)[start:end], start, end)]
        if owner is not None and owner.kind == "member":
            return _member_of(doc, child, owner, start, end)
    if owned or not word.agent:
        return []
    return [group_actor(doc, str(word.agent), context_country(doc, start, end, home_first=str(word.agent) == "GOV"),
                        doc_text(doc)[start:end], start, end)]


def resolve_references(doc: Doc, start: int, end: int, *, limit: int = 2, groups: bool = True) -> List[str]:
    """Actor ids the phrase at characters ``[start, end)`` of ``doc`` refers to (see the
    module docstring): one for a singular phrase, up to ``limit`` for a plural description
    ("die beiden Minister"), ``[]`` when it refers to none; ``groups=False`` leaves generic
    group nouns alone (for actor dictionaries that code agents themselves, like
    PETRARCH's). The Doc needs a parse (head, morphology, sentences) and the actors
    component's mentions."""
    found = mentions_in(doc, start, end)
    hit = classify(doc, start, end)
    if hit is not None and hit[1].kind == "group" and groups:
        # "officers in the Russian military", "members of Hamas": the body the group
        # belongs to is the referent
        body = _group_body(doc, hit[0])
        if body is not None:
            return [body]
    if hit is not None and hit[1].kind == "group" and _lang(doc) == "en":
        # "the man who abducted the child, Michael Webb,", "the suspect, John Carter,":
        # a named person in apposition to the group noun is the referent
        actors = _actors(doc)
        for c in hit[0].children:
            if c.dep_ != "appos" or c.pos_ != "PROPN":
                continue
            lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
            named = [m for m in mentions_in(doc, lo, hi) if lo <= m.start and m.end <= hi
                     and getattr(actors.get(m.actor_id), "type", None) == "PER"]
            if named:
                return [named[0].actor_id]
    if found and hit is not None and hit[1].kind == "group":
        head = hit[0]
        # "Zivilisten in Litauen": the place names the group's country, not the referent
        found = [m for m in found if m.start < head.idx + len(head) and head.idx < m.end]
    demonym = _demonym_of_description(doc, hit, found)
    if demonym is not None:
        # "der norwegische Sozialdemokrat": the country adjective describes a person named
        # before; it is not the referent (it only chooses among the antecedents, below)
        found = []
    if found:
        best = max(found, key=lambda m: (m.end - m.start, -m.start))
        actor = _actors(doc).get(best.actor_id)
        # "der Republikaner" (one person) is not the party the actors component saw in it
        # (a role phrase the actors component resolved -- "der Regierungssprecher" ->
        # FRAGOV -- is its own mention, not a description to look back from)
        if getattr(best, "kind", None) == "role" or not (hit is not None and hit[1].kind == "description" and hit[1].types == frozenset(("PER",))
                and getattr(actor, "type", None) in ("ORG", "GRP") and _number_of(hit[0], hit[1]) == "sg"
                and any(c.dep_ == "det" for c in hit[0].children)):
            return [best.actor_id]
    if hit is None:
        return []
    head, word = hit
    if head.pos_ == "PRON" and "Reflex=Yes" in str(head.morph):
        return []
    if word.kind == "pronoun" and _lang(doc) == "de":
        addressee = interview_addressee(doc, head)
        if addressee is not None:
            return [addressee]
    number = _number_of(head, word)
    if word.kind == "description" and _lang(doc) == "de":
        named = _apposed_person(doc, head)
        if named is not None:
            return [named]
    if word.kind == "member":
        if not groups:
            return []
        return _member_of(doc, head, word, start, end)
    if word.kind == "group":
        if not groups:
            return []
        owner = _group_owner(doc, head, str(word.agent), start, end)
        if owner is not None:
            return [owner]
        # a determiner-less or definite group noun; not "ein Soldat" as an object of
        # comparison — a group stands for the agents of the context's country
        country = context_country(doc, start, end, home_first=str(word.agent) == "GOV")
        return [group_actor(doc, str(word.agent), country, doc_text(doc)[start:end], start, end)]
    gender = word.gender
    if _lang(doc) == "de" and word.kind in ("pronoun", "demonstrative") and gender == "f" and number == "*":
        number = "sg"
    if _lang(doc) == "de" and head.lower_ == "sie" and "Plur" in head.morph.get("Number"):
        number, gender = "pl", "*"
    if _lang(doc) == "de" and head.lower_ == "sie" and head.dep_ in SUBJECT_DEPS:
        # the finite verb agrees with its subject: "sie griffen" is plural, "sie griff"
        # singular, whatever number the tagger gave the pronoun
        from .clauses import finite_verb

        fin = finite_verb(head.head) if head.head.i != head.i else None
        agree = fin.morph.get("Number") if fin is not None and fin.morph.get("Person") == ["3"] else []
        if agree == ["Plur"]:
            number, gender = "pl", "*"
        elif agree == ["Sing"]:
            number, gender = "sg", "f"
    if _lang(doc) == "de" and word.kind == "description" and gender == "*":
        for c in head.children:
            if c.dep_ == "det" and c.morph.get("Gender"):
                gender = _gender_of(c)
        if gender == "*":
            # the article before the description ("Der 70-Jährige", parsed as "dep"), then
            # the noun's own morphology
            k = head.i - 1
            while k >= 0 and doc[k].pos_ == "ADJ":
                k -= 1
            if k >= 0 and doc[k].pos_ == "DET" and doc[k].morph.get("Number") != ["Plur"] \
                    and _gender_of(doc[k]) in ("m", "f"):
                gender = _gender_of(doc[k])
        if gender == "*" and head.morph.get("Number") != ["Plur"] and _gender_of(head) in ("m", "f"):
            gender = _gender_of(head)
    want = limit if number == "pl" and word.kind == "description" else 1
    if word.kind == "description" and _lang(doc) == "de" and head.lower_ == "beide":
        # "Lawrow und Blinken trafen sich. Beide lehnten ab": the pronoun "beide" names the
        # actors of a coordinated subject before it, and nothing else (session 29: the
        # nearest two antecedents, and "die beiden X" resolved so, cost dev-B events)
        return _coordinated_antecedent(doc, head, want)
    exclude = _coargument_subject(doc, head) if word.kind == "pronoun" else frozenset()
    # a subject pronoun is not bound by an object of its own clause either ("Schäuble warf
    # er vor, …": "er" is not Schäuble)
    not_objects = _coargument_objects(doc, head) if word.kind == "pronoun" else frozenset()
    out = _antecedents(doc, start, end, word, number, gender, max(want, 4) if demonym is not None else want,
                       exclude | not_objects)
    if demonym is not None:
        # among the agreeing antecedents the nearest of the adjective's country, else the
        # nearest; none at all: the country itself (as before session 29)
        actors = _actors(doc)
        country = getattr(actors.get(demonym.actor_id), "country", None) or demonym.actor_id[:3]
        same = [a for a in out if getattr(actors.get(a), "country", None) == country]
        return (same or out)[:want] or [demonym.actor_id]
    if word.kind == "pronoun" and number == "pl" and not out:
        # "Frankreich und Italien kritisierten den Plan. Sie verlangen …": a plural pronoun
        # with no plural antecedent refers to a coordinated subject, each conjunct an actor
        both = _coordinated_antecedent(doc, head, limit)
        if both:
            return both
    # German singular: only with no agreeing antecedent among the mentions -- "Ministerin X
    # … Die Polizei hatte … geräumt. …, sagte sie" is the minister (a female person named
    # before wins over a feminine group noun; merged, the rule without this condition moved
    # the speakers of whole articles to "die Polizei"/"die Regierung")
    german_sg = _lang(doc) == "de" and number != "pl" and gender in ("m", "f", "n") and not out
    if groups and word.kind == "pronoun" and (number == "pl" or german_sg or (_lang(doc) == "en" and word.types == frozenset(("PER",)))):
        # "Police said they arrested the man", "Prosecutors … They charged him": a plural
        # pronoun whose nearest agreeing antecedent is a generic group noun subject; "The
        # suspect fled. He was arrested": "he"/"she" and a singular noun naming one person
        # of a group (suspect, gunman, officer). German alike (session 29), the singular by
        # gender: "Im Süden kämpfen Rebellen. Am Montag griffen sie … an", "Die
        # Staatsanwaltschaft ermittelt. Sie wirft dem Mann … vor"
        group = _group_antecedent(doc, head, out, plural=number == "pl", gender=gender if german_sg else "*")
        if group is not None:
            return [group]
    if not out and groups and word.kind == "description" and word.agent and _lang(doc) == "en":
        # English: a person role with no holder in the text before ("the sheriff", "a
        # federal judge", "the attorney general") is the agents of the context's country
        # (USACOP), "---COP" when the text names none, as CAMEO coders code an unnamed
        # office holder
        return [group_actor(doc, word.agent, context_country(doc, start, end), doc_text(doc)[start:end], start, end)]
    if not out and word.kind == "pronoun" and _lang(doc) == "de" and head.lower_ == "sie" and number == "sg" \
            and head.dep_ not in SUBJECT_DEPS:
        # session 31: an object "sie" has no verb to agree with -- singular feminine or
        # plural alike; when the singular reading finds no one ("Die Polizei setzte
        # Tränengas gegen sie ein": not its own clause's subject), it is plural
        # ("Demonstranten zogen vor das Parlament. Die Polizei setzte Tränengas gegen sie ein")
        out = _antecedents(doc, start, end, word, "pl", "*", 1, exclude | not_objects)
        if not out and groups:
            group = _group_antecedent(doc, head, [], plural=True)
            if group is not None:
                return [group]
    if exclude and out and _thing_between(doc, head, out[0], gender, number):
        # "Rom lehnt den Plan ab, Paris unterstützt ihn": not the subject,
        # and a matching noun that is no actor stands nearer -- the pronoun means that thing
        return []
    return out


@lru_cache(maxsize=1)
def polite_address_de() -> FrozenSet[str]:
    """German polite forms of address, case as written (``data/language/polite_address_de.txt``)."""
    return word_list(str(data_path("language/polite_address_de.txt")))


def interview_addressee(doc: Doc, pron: Token) -> Optional[str]:
    """German: the actor id of the interviewee a polite "Sie"/"Ihnen" in the interviewer's
    turn addresses ("STANDARD: Sie haben die Reform kritisiert." -> the person whose answer
    turns follow), else None.

    An interviewer's turn is a question turn ("Frage:") or one labelled by a media actor
    (code agent ``MED``: "STANDARD:"); the interviewee is the speaker of the nearest answer
    turn after it (a turn neither a question nor a media actor's), else before it, else the
    one person the lead names (:func:`lagebild.language.turns.lead_interviewee`). The
    turns are those of :func:`lagebild.language.turns.get_turns` (labels at paragraph
    starts). Outside an interviewer's turn, and for a lower-case "sie", None: the ordinary
    search decides. An interview's questions address its interviewee, so the polite form
    there is the interviewee whatever its place in the sentence."""
    if pron.text not in polite_address_de():
        return None
    turns = get_turns(doc)
    turn = turn_at(turns, pron.idx) if turns else None
    if turn is None:
        return None
    actors = _actors(doc)

    def media(t) -> bool:  # type: ignore[no-untyped-def]
        return (getattr(actors.get(t.speaker_actor_id or ""), "code", None) or "")[3:6] == "MED"

    if not (turn.role == "question" or media(turn)):
        return None
    k = turns.index(turn)
    answers = [t for t in turns[k + 1:] + turns[:k][::-1]
               if t.role != "question" and not media(t) and t.speaker_actor_id in actors]
    if answers:
        return answers[0].speaker_actor_id
    return lead_interviewee(doc, turns)


def _demonym_of_description(doc: Doc, hit: Optional[Tuple[Token, RefWord]], found: list):  # type: ignore[no-untyped-def]
    """German: the one mention of a definite singular person description that lies on an
    adjective modifying its head ("der norwegische Sozialdemokrat", "die dänische
    Milliardärin": the country adjective), else None. Such a description refers back to a
    person named before (:func:`resolve_references` then prefers one of that country)."""
    if hit is None or len(found) != 1 or _lang(doc) != "de":
        return None
    head, word = hit
    if word.kind != "description" or word.types != frozenset(("PER",)) or _number_of(head, word) != "sg":
        return None
    if not any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in head.children):
        return None
    m = found[0]
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span) or any(t.pos_ != "ADJ" or t.head.i != head.i for t in span):
        return None
    actor = _actors(doc).get(m.actor_id)
    return m if getattr(actor, "type", None) == "GPE" else None


def _apposed_person(doc: Doc, head: Token) -> Optional[str]:
    """German: the person a description names in apposition ("Die Präsidentin der
    Organisation X, Cornelia Y, warnte …"): the actor id of a person mention covered by an
    apposition of ``head``, else None. Such a description introduces that person; it does
    not refer back to an earlier actor of its gender (an earlier "Präsident")."""
    actors = _actors(doc)
    for c in head.children:
        if c.dep_ not in ("appos", "app") or c.pos_ != "PROPN" or c.i < head.i:
            continue
        lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
        named = [m for m in mentions_in(doc, lo, hi) if lo <= m.start and m.end <= hi
                 and getattr(actors.get(m.actor_id), "type", None) == "PER"]
        if named:
            return named[0].actor_id
    return None


#: agents of a singular group noun that names one person ("the suspect", "the gunman",
#: "the officer") whom "he"/"she" may refer to
PERSON_GROUP_AGENTS = frozenset(("CRM", "COP", "REB", "MIL"))


def _group_antecedent(doc: Doc, pron: Token, found: List[str], plural: bool = True,
                      gender: str = "*") -> Optional[str]:
    """The group actor a pronoun ``pron`` refers to when a generic group noun that is a
    clause subject ("Police", "Prosecutors", "Officials", "Rebellen") stands between it and
    the antecedent the mentions gave (``found``), in its own or the sentence before; the
    group is resolved as any group noun (:func:`resolve_references`). Group nouns are no
    mentions of their own (their actors are made when an event needs them), so the
    mention search cannot see them. ``plural``: a plural pronoun and a plural group noun;
    else a singular one -- in English a noun naming one person of a group ("the suspect"),
    in German (``gender`` m/f/n) any singular group noun of that grammatical gender ("die
    Polizei … sie", "das Gericht … es"), never a subject of the pronoun's own clause."""
    lex = load_reference_lexicon(_lang(doc))
    sent = pron.sent
    lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    limit = lo
    if found:
        actors = _actors(doc)
        for m in get_list(doc, "mentions"):
            if m.actor_id == found[0] and m.end <= pron.idx:
                tok = doc.char_span(m.start, m.end, alignment_mode="expand")
                if tok is not None and len(tok):
                    limit = max(limit, tok.end)
        if getattr(actors.get(found[0]), "type", None) == "GRP":
            return None
    for k in range(pron.i - 1, limit - 1, -1):
        tok = doc[k]
        if tok.pos_ not in ("NOUN", "PROPN") or (tok.dep_ not in SUBJECT_DEPS and (plural or tok.dep_ not in ("obj", "dobj"))):
            continue
        w = _word_of(lex, tok)
        if w is None or w.kind != "group" or not w.agent:
            continue
        sing = "Sing" in tok.morph.get("Number") and tok.lower_ not in ("police",)
        if plural and sing:
            continue
        if not plural and gender != "*":
            if not sing or _GENDER_MORPH[gender] not in tok.morph.get("Gender") or tok.head.i == pron.head.i:
                continue
        elif not plural and (not sing or w.agent not in PERSON_GROUP_AGENTS):
            continue
        if not plural and found and tok.head.dep_ != "ROOT":
            # "Sen. Smith said the suspect had fled. He criticized …": a named person
            # before wins over a group noun of an embedded clause
            continue
        lo_c, hi_c = tok.left_edge.idx, tok.idx + len(tok)
        got = resolve_references(doc, lo_c, hi_c, limit=1)
        return got[0] if got else None
    return None


_GENDER_MORPH = {"m": "Masc", "f": "Fem", "n": "Neut"}


def _coordinated_antecedent(doc: Doc, pron: Token, limit: int) -> List[str]:
    """The actors of the nearest coordinated subject before the plural pronoun ``pron`` in
    its own or the previous sentence ("Frankreich und Italien kritisierten den Plan. Sie
    verlangen …" -> France, Italy; "Merkel und Macron trafen sich. Sie …"): a subject with
    a conjunct (UD ``conj``, TIGER ``cj`` under ``cd``) whose head and conjuncts each carry
    an actor mention of a person, state or organisation; at most ``limit`` actors, in text
    order; ``[]`` when there is none. A subject of the pronoun's own clause is skipped (it
    is a co-argument, not an antecedent)."""
    sent = pron.sent
    lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    actors = _actors(doc)
    for k in range(pron.i - 1, lo - 1, -1):
        tok = doc[k]
        if tok.dep_ not in SUBJECT_DEPS or tok.pos_ not in ("NOUN", "PROPN") or tok.head.i == pron.head.i:
            continue
        heads = [tok] + [c for c in tok.subtree if c.dep_ in ("conj", "cj") and c.i != tok.i
                         and c.pos_ in ("NOUN", "PROPN")]
        if len(heads) < 2:
            continue
        ids: List[str] = []
        for h in heads:
            named = [m.actor_id for m in mentions_in(doc, h.idx, h.idx + len(h))
                     if getattr(actors.get(m.actor_id), "type", None) in ("PER", "GPE", "ORG")]
            if not named:
                ids = []
                break
            if named[0] not in ids:
                ids.append(named[0])
        if len(ids) >= 2:
            return ids[:limit]
    return []


def _thing_between(doc: Doc, pron: Token, actor_id: str, gender: str, number: str) -> bool:
    """Whether a common noun that is no actor and agrees with the pronoun in gender (and
    number, when singular) stands between the actor's last mention before the pronoun and
    the pronoun itself."""
    before = [m for m in mentions_in(doc, 0, pron.idx) if m.actor_id == actor_id and m.end <= pron.idx]
    if not before:
        return False
    last = max(m.end for m in before)
    spans = [(m.start, m.end) for m in mentions_in(doc, last, pron.idx)]
    want = _GENDER_MORPH.get(gender)
    for t in doc:
        if t.idx < last or t.i >= pron.i:
            continue
        if t.pos_ != "NOUN" or any(a <= t.idx < b for a, b in spans):
            continue
        if want and want not in t.morph.get("Gender"):
            continue
        if number == "sg" and "Plur" in t.morph.get("Number"):
            continue
        return True
    return False


#: dependency labels of a verb's object pronouns (UD and TIGER)
_OBJECT_DEPS = frozenset(("obj", "iobj", "dobj", "dative", "oa", "da", "og"))


def _coargument_subject(doc: Doc, pron: Token) -> FrozenSet[str]:
    """Actors of the subject of the clause whose object the personal pronoun ``pron`` is:
    a non-reflexive object pronoun does not refer to its own clause's subject (binding
    principle B: "Merkel telefonierte mit Putin. Sie forderte ihn auf" -- "ihn" is not
    Merkel). Empty for a pronoun that is no object (a German nominative-only pronoun,
    "er", is none whatever the parse says), or a subject without an actor."""
    if _nominative_only(pron):
        return frozenset()
    if pron.head.i == pron.i or not (pron.dep_ in _OBJECT_DEPS or (
            # a dative or prepositional argument of the verb ("sagte ihm … zu", "sprach mit ihm")
            pron.dep_ in ("obl", "op", "mo") and pron.head.pos_ in ("VERB", "AUX") and "Nom" not in pron.morph.get("Case"))):
        return frozenset()
    verb = pron.head
    while verb.dep_ in ("conj", "cj") and verb.head.i != verb.i and not any(
            c.dep_ in ("nsubj", "nsubj:pass", "sb") for c in verb.children):
        verb = verb.head  # "X traf Y und sprach mit ihm": the shared subject of coordinated verbs
    out = set()
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubj:pass", "sb") and c.i != pron.i:
            span = doc[c.left_edge.i:c.right_edge.i + 1]
            found = [m.actor_id for m in mentions_in(doc, span.start_char, span.end_char)]
            if not found and c.pos_ == "PRON":
                found = resolve_references(doc, c.idx, c.idx + len(c))
            out.update(found)
    return frozenset(out)


#: German personal pronouns that are nominative only ("ihr" is also a dative, "sie"/"es"
#: also accusatives): the subject of their clause whatever label the parser gave them
NOMINATIVE_ONLY_DE = frozenset(("er", "ich", "wir", "du"))


def _nominative_only(pron: Token) -> bool:
    return pron.lower_ in NOMINATIVE_ONLY_DE and pron.doc.lang_ == "de"


def _coargument_objects(doc: Doc, pron: Token) -> FrozenSet[str]:
    """Actors named by the noun-phrase objects of the clause whose subject the personal
    pronoun ``pron`` is: a non-reflexive subject pronoun does not refer to a co-argument of
    its own verb (binding principle B, the converse of :func:`_coargument_subject`; a German
nominative-only pronoun is a subject whatever the parse says, "Schäuble warf er/obj vor"):
    "Scholz traf Schäuble. Schäuble warf er vor, …" -- "er" is Scholz, not the fronted
    dative "Schäuble"; "Den Kanzler kritisierte er scharf"; "Der Ministerin dankte sie".
    Objects are the verb's accusative/dative objects, its prepositional objects ("mit
    Putin sprach er"), a second noun "subject" the parser gave the verb, and those of the verbs of its verb complex (the participle or
    infinitive under an auxiliary or modal); an object that is itself a pronoun is not
    resolved (no circular binding). Empty for a pronoun that is no subject."""
    if pron.head.i == pron.i or not (pron.dep_ in SUBJECT_DEPS or _nominative_only(pron)) or "Reflex=Yes" in str(pron.morph):
        return frozenset()
    verbs = [pron.head]
    # the verb complex: "hat er ihm vorgeworfen" (the subject hangs on the participle or on
    # the auxiliary, depending on the parse)
    verbs += [c for c in pron.head.children if c.dep_ in ("xcomp", "oc", "aux", "aux:pass") and c.pos_ in ("VERB", "AUX")]
    out = set()
    for verb in verbs:
        for c in verb.children:
            if c.i == pron.i or c.pos_ not in ("NOUN", "PROPN"):
                continue
            # a second "subject" of the verb is a co-argument the parser misread ("Schäuble/nsubj
            # warf er/nsubj vor"): a clause has one subject
            if not (c.dep_ in _OBJECT_DEPS or c.dep_ in SUBJECT_DEPS or (
                    c.dep_ in ("obl", "op", "mo") and "Nom" not in c.morph.get("Case") and any(x.dep_ == "case" for x in c.children))):
                continue
            # the actor the object names: a mention over its head word, not one inside its
            # modifiers ("nach einem Anschlag auf türkische Polizisten griff sie … an": "sie"
            # may well be Turkey)
            out.update(m.actor_id for m in mentions_in(doc, c.idx, c.idx + len(c)) if m.start <= c.idx and c.idx + len(c) <= m.end)
    return frozenset(out)


PROXY_KINDS = ("person", "report")


@lru_cache(maxsize=4)
def load_proxy_nouns(lang: str) -> Dict[str, Tuple[FrozenSet[str], Tuple[str, ...]]]:
    """``{kind: (words, hyphen suffixes)}`` of ``data/language/proxy_nouns.tsv`` for
    ``lang``, kind ``person`` ("Sprecher", "Büro", "spokesman") or ``report`` ("Bericht",
    "Angaben", "survey"). Raises :class:`~lagebild.errors.DataFileError` (file, line) on a
    malformed row."""
    def check(row: dict) -> Optional[str]:
        kind = row.get("kind") or "person"
        return None if kind in PROXY_KINDS else f"kind {kind!r} is not one of {', '.join(PROXY_KINDS)}"

    found: Dict[str, Tuple[set, list]] = {k: (set(), []) for k in PROXY_KINDS}
    for row in iter_tsv(data_path("language", "proxy_nouns.tsv"), required=("lang", "form"), validate=check):
        if row["lang"] != lang:
            continue
        words, suffixes = found[row.get("kind") or "person"]
        form = row["form"].lower()
        if form.startswith("-"):
            suffixes.append(form)
        else:
            words.add(form)
    return {k: (frozenset(w), tuple(x)) for k, (w, x) in found.items()}


def proxy_kind(doc: Doc, start: int, end: int) -> Optional[str]:
    """``"person"`` or ``"report"`` when the phrase at ``[start, end)`` is headed by a
    proxy noun of ``proxy_nouns.tsv`` ("ein Sprecher des Ministeriums", "dem Bericht"),
    else None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = _head(span)
    low, lemma = head.lower_, head.lemma_.lower()
    for kind, (words, suffixes) in load_proxy_nouns(_lang(doc)).items():
        if low in words or lemma in words or ("-" in low and low.endswith(suffixes)):
            return kind
    # a closed German compound of a person proxy ("Integrationssprecherin der SPÖ",
    # "Pressebüro"); one the KB reads as a role of its own ("Regierungssprecher") is a
    # mention and wins in :func:`represented`
    if _lang(doc) == "de" and len(low) > 6:
        words, _ = load_proxy_nouns("de")["person"]
        # a listed word ending ``low`` after at least 3 letters: one set lookup per
        # suffix, not one endswith() per listed word
        if any(low[k:] in words for k in range(3, len(low) + 1)):
            return "person"
    return None


def represented(doc: Doc, start: int, end: int) -> Optional[str]:
    """The actor a proxy phrase at characters ``[start, end)`` speaks for: a phrase headed
    by a noun of ``proxy_nouns.tsv`` ("ein Sprecher des Innenministeriums" -> the
    ministry's actor, "Netanyahus Büro" -> Netanyahu, "Ein Clinton-Sprecher" -> Clinton)
    is the actor of the mention that depends on its head (genitive, "von"/"of",
    possessive, hyphenated first part), else of the nearest mention inside the phrase.
    None when the head is no proxy noun, or a mention covers the head itself (a name
    in apposition: "der Sprecher, Dmitri Peskow" is Peskow -- the caller's business), or
    the phrase names no actor. Needs a parsed Doc with the actors component's mentions.
    Source: CAMEO codes a spokesperson by the actor represented (Schrodt 2012, ch. 3)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = _head(span)
    if proxy_kind(doc, start, end) is None:
        return None
    hyphened = "-" in head.lower_
    found = mentions_in(doc, start, end)
    h0, h1 = head.idx, head.idx + len(head)
    if hyphened:
        inside = [m for m in found if h0 <= m.start and m.end <= h1]
        if inside:
            return inside[0].actor_id
        if any(m.start < h1 and h0 < m.end for m in found):
            return None
        # "die Vize-Chefin des UNHCR": no actor inside the compound, its dependents name it
    if any(m.start <= h0 and h1 <= m.end for m in found):
        return None  # the head is part of a mention ("Regierungssprecher" as a role)
    # the dependents that name whom the proxy serves, nearest first: a genitive or
    # "von"/"of" phrase, a possessive ("sein Büro"); each is resolved like any phrase
    # (a name, a pronoun, a group noun with the context's country)
    deps = [c for c in head.children if c.dep_ in PROXY_DEPS and start <= c.idx < end
            and not any(g.dep_ == "case" and g.lower_ in TOPIC_CASE for g in c.children)]
    # whom it serves before where it is: "die stellvertretende Leiterin des UNHCR in Kenia" is the UNHCR's
    deps.sort(key=lambda c: (any(g.dep_ == "case" and g.lower_ in LOCATIVE_CASE for g in c.children), abs(c.i - head.i)))
    for c in deps:
        sub = list(c.subtree)
        s0, s1 = sub[0].idx, sub[-1].idx + len(sub[-1])
        # the dependent's own word first: in "des UNHCR in Uganda" the UNHCR, not Uganda
        got = resolve_reference(doc, c.idx, c.idx + len(c)) if mentions_in(doc, c.idx, c.idx + len(c)) else None
        got = got or resolve_reference(doc, s0, min(s1, end))
        if got:
            return got
    return min(found, key=lambda m: abs(m.start - h1)).actor_id if found else None


# prepositions of a topic or target: "die Anklage gegen den Mann", "ein Bericht über die
# Polizei", "eine Stellungnahme zur Reform" name what the text is about, not its author
TOPIC_CASE = frozenset(("gegen", "über", "zu", "zum", "zur", "against", "about", "on"))

# prepositions of place: a proxy's "in Uganda" says where it works, not whom it serves
LOCATIVE_CASE = frozenset(("in", "im", "aus", "bei", "beim", "at"))

# dependents of a proxy noun that name whom it speaks for (UD and TIGER labels)
PROXY_DEPS = frozenset(("nmod", "nmod:poss", "poss", "det:poss", "obl", "ag", "pg", "nk", "compound"))


def resolve_reference(doc: Doc, start: int, end: int) -> Optional[str]:
    """The actor id the phrase at characters ``[start, end)`` of ``doc`` refers to, or None.

    ``doc``: a parsed spaCy Doc whose ``doc._.mentions``/``doc._.actors`` the actors
    component filled. A name, role or other mention overlapping the span gives its actor;
    a pronoun, demonstrative or description gives the nearest agreeing earlier actor; a
    generic group noun gives an agent-coded actor (``"RUSCOP"``, ``"---REB"``), which is
    added to ``doc._.actors``. See the module docstring for the method."""
    found = resolve_references(doc, start, end, limit=1)
    return found[0] if found else None
