"""Linking actor mentions in a Doc to the KB (the work of the ``lagebild_actors`` component).

1. A case-insensitive token matcher (:mod:`.surface_matcher`, cached on disk) finds every KB surface form:
   names and aliases, surnames, German genitives, country adjectives and demonyms, role
   nouns and German prefix compounds ("US-Präsident"), institutions ("Kreml").
   Case is checked afterwards: "WHO"/"US" only in capitals, names only capitalised.
2. Overlaps are resolved longest-first; model entities (``doc.ents``) or, without a
   model, "given name + capitalised word" patterns add provisional actors where the KB
   found nothing.
3. A left-to-right pass over the matches (never over all tokens) composes them:
   adjective/country + role ("der russische Präsident", "Russia's president"), role +
   "der/of" + country ("Präsident der Ukraine"), a person's genitive + role ("Trumps
   Sonderbeauftragter" -> a US role), role + name appositions ("US-Außenminister Marco
   Rubio" is ONE mention of Rubio spanning role and name; with a comma — "Sonderbeauftragten,
   Keith Kellogg" — the role and the name are two mentions of the same actor).
4. Role-only phrases are resolved by the KB's dated offices at ``doc._.published``
   ("der US-Präsident" on 2025-04-19 -> Trump, on 2023-04-19 -> Biden), by roles the
   document taught through appositions, or by the most recent matching person mentioned;
   a person role that stays ambiguous falls back to the country's agent ("USAGOV"), a
   group role ("russische Armee") is the country + agent actor ("RUSMIL").
   A role with no country of its own takes the country the text before it names most
   often ("der Polizeichef" in an article about Turkey -> TURCOP).
   German compounds no surface form covers are read as modifier + role head
   (``data/kb/compound_roles.tsv``: "Bundesjustizminister", "Polizeisprecherin").
5. A person named with a role (apposition, "als Sozialminister", "(SPÖ)", "der Linke X")
   carries the role's CAMEO code in this document (``Actor.code``), provisional and KB
   persons alike, unless the KB's dated offices say otherwise.
6. Capitals with ``metonymy=y`` stand for their government ("Warnung an Moskau" ->
   RUSGOV) unless a locative preposition precedes ("in Moskau" -> the city).
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Dict, FrozenSet, Iterator, List, Optional, Sequence, Set, Tuple

import numpy
from spacy.attrs import ORTH
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..datafiles import data_path, iter_tsv, lang_words
from ..errors import BadInputError, DataFileError
from ..language.timewords import time_words
from ..schemas import Actor, Mention
from ..tokens import doc_text, token_texts
from .gazetteer import (
    ADJECTIVE, CASE_EXACT, CASE_TITLE, METONYMY, NAME, ROLE, SURNAME, Entry, Gazetteer,
)
from .home import HOME_KEY, dateline_country, outlet_country
from .homonyms import resolve_place_homonyms
from .kb import KB, CompoundHead, KBActor, RoleNoun
from .nonroles import NonRoles
from .phoenix import person_code as phoenix_person_code
from .surface_matcher import build_surface_matcher
from .provisional import (  # noqa: F401  (re-exported)
    LEARNT_KEY, _registry, _registry_version, actor_record, clear_provisional, learn_provisional, provisional_actors,
    provisional_id, register_provisional, registered_since,
)

_KIND_ORDER = {"actor": 0, "demonym": 1, "adj": 2, "role": 3, "prov": 4}
# agent codes of organisations that belong to one country's politics (their mentions tell
# the document's country): parties, governments, parliaments, armed forces, police, courts
STATE_AGENTS = frozenset(("PTY", "GOV", "LEG", "MIL", "COP", "JUD", "OPP"))


def _national_prefix(code: str) -> Optional[str]:
    """The country of a CAMEO actor code, its first three letters ("AUTPTY" -> "AUT"), or
    None for an international one ("IGO…") or a code without a country prefix."""
    return code[:3] if len(code) >= 3 and code[:3].isalpha() and code[:3] != "IGO" else None


def _mentions_before(doc: Doc, start: int, out: Sequence["Found"]) -> Iterator["Found"]:
    """The mentions of ``out`` (in text order) that end at or before token ``start``, nearest
    first, as far back as the start of the sentence before the one holding ``start`` (its
    own sentence when it is the first; the whole Doc without sentence boundaries): where a
    possessive determiner looks for its possessor."""
    prev_start = 0
    if doc.has_annotation("SENT_START"):
        here = doc[start].sent.start
        prev_start = max((s.start for s in doc.sents if s.start < here), default=here)
    for f in reversed(out):
        if f.end > start:
            continue
        if f.start < prev_start:
            return
        yield f


# -- match atoms -------------------------------------------------------------------------


@dataclass
class Atom:
    start: int
    end: int
    entries: List[Entry]

    def __post_init__(self) -> None:
        self.entries.sort(key=lambda e: (-e.priority, _KIND_ORDER.get(e.kind, 9)))

    @property
    def length(self) -> int:
        return self.end - self.start

    def role(self) -> Optional[Entry]:
        return next((e for e in self.entries if e.kind == "role"), None)

    def first(self, *kinds: str) -> Optional[Entry]:
        return next((e for e in self.entries if e.kind in kinds), None)


@dataclass
class Found:
    start: int
    end: int
    actor: str
    kind: str


def _fold_name(word: str) -> str:
    """A name part compared case- and accent-insensitively ("Erdoğan" -> "erdogan")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def given_name_variants() -> Dict[str, FrozenSet[str]]:
    """Given name -> the other forms of the same name (``data/kb/given_name_variants.tsv``,
    folded by :func:`_fold_name`; the relation is symmetric: "rudi" -> {"rudolf"},
    "rudolf" -> {"rudi"}). Raises :class:`~lagebild.errors.DataFileError` naming the file
    and line of a row without variants."""
    path = data_path("kb", "given_name_variants.tsv")
    groups: Dict[str, set] = {}
    for row in iter_tsv(path, required=("name", "variants")):
        names = [_fold_name(row["name"])] + [_fold_name(v) for v in (row["variants"] or "").split("|") if v.strip()]
        if len(names) < 2:
            raise DataFileError(f"{path}:{row['_line']}: a given name needs at least one variant")
        for n in names:
            groups.setdefault(n, set()).update(x for x in names if x != n)
    return {k: frozenset(v) for k, v in groups.items()}


@dataclass
class DocState:
    on: date
    learned: Dict[Tuple[str, Optional[str]], str] = field(default_factory=dict)
    learned_roles: Dict[str, Set[str]] = field(default_factory=dict)
    role_text: Dict[str, str] = field(default_factory=dict)
    # person -> the KB role keys the text names them by (an apposition or a role phrase
    # resolved to them): of two offices held at once, the one the text names is shown
    named_roles: Dict[str, Set[str]] = field(default_factory=dict)
    role_code: Dict[str, Tuple[Optional[str], Optional[str]]] = field(default_factory=dict)  # (country, code)
    recent: List[str] = field(default_factory=list)  # person ids in order of mention
    dated: bool = True  # False: the article has no date (``on`` is today)
    context: Optional[str] = None  # the country the document is mostly about
    home: Optional[str] = None  # the country of its dateline ("Wien – …", actors.home)
    outlet: Optional[str] = None  # the country of its outlet (derStandard.at -> AUT)
    implicit: Set[str] = field(default_factory=set)  # persons whose role code took the document's country
    # persons coded by a party-or-state role named without its body ("Generalsekretär X"):
    # a party in brackets after the name decides (ActorLinker._party_codes)
    party_or_state: Set[str] = field(default_factory=set)
    memory: Set[str] = field(default_factory=set)  # provisional actors coded only by an earlier document
    country_marks: List[Tuple[int, str]] = field(default_factory=list)  # (token, country) in order
    # role term -> the actor of the last role phrase with that term that named its body or
    # holder ("ein Sprecher der Caritas" -> org:caritas_at), for "der Sprecher" after it
    role_phrases: Dict[str, str] = field(default_factory=dict)
    # token where a provisional person's name starts -> the country of a singular demonym
    # right before it ("der Syrer Ahmad X"): their code when no role is learned
    # (ActorLinker._demonym_codes)
    demonym_at: Dict[int, str] = field(default_factory=dict)

    def context_before(self, token: int) -> Optional[str]:
        """The country named most often before token ``token`` (the earliest on a tie)."""
        counts: Dict[str, int] = {}
        for i, country in self.country_marks:
            if i >= token:
                break
            counts[country] = counts.get(country, 0) + 1
        return max(counts, key=lambda c: (counts[c], -next(i for i, k in self.country_marks if k == c))) if counts else None

    def where(self, token: Optional[int] = None, whole: bool = True) -> Optional[str]:
        """The country a national office, body or group the text names without a country
        belongs to: the dateline's (the report was filed there), else the one the text
        before ``token`` names most often, else (``whole``) the one the whole document
        names most often, else -- when the document names no country at all -- the
        outlet's. Measured on the real-news dev gold (71 articles with national actor
        codes, the majority code's country as truth): dateline-else-dominant 61 right,
        dominant alone 60, dateline alone 45 of the 51 it is found in
        (``python benchmarks/home_country.py``)."""
        if self.home:
            return self.home
        found = self.context_before(token) if token is not None else None
        if found:
            return found
        if self.context is None:
            return self.outlet
        return self.context if whole else None

    def mentioned(self, actor_id: str) -> None:
        self.recent.append(actor_id)

    def learn(self, noun: RoleNoun, country: Optional[str], actor_id: str, text: str) -> None:
        """Remember that ``actor_id`` holds ``noun``'s role (of ``country``) in this document."""
        for key in role_keys(noun):
            self.learned[(key, country)] = actor_id
            self.learned_roles.setdefault(actor_id, set()).add(key)
        self.named(actor_id, noun)
        self.role_text.setdefault(actor_id, text)

    def named(self, actor_id: str, noun: RoleNoun) -> None:
        """Remember that the text names ``actor_id`` by ``noun``'s KB role keys."""
        if noun.roles:
            self.named_roles.setdefault(actor_id, set()).update(noun.roles)


UNDATED_ENV = "LAGEBILD_UNDATED_DATE"
#: ``doc.user_data`` key: ids of provisional actors whose code only an earlier document gave
#: (the linker's cross-article memory); in-document evidence may replace it
MEMORY_KEY = "lagebild_memory_coded"


def undated_on() -> Optional[date]:
    """The date at which the KB's dated offices are read for an article without a date:
    ``$LAGEBILD_UNDATED_DATE`` (ISO, e.g. ``2015-12-01``) for an undated archive whose
    time is known only roughly, else None (the day of the run). Only the actor codes use
    it: the article stays undated for everything that reasons about time (forecast
    horizons, "next year"), which a date known to a few months would get wrong. Raises
    BadInputError for a value that is no ISO date."""
    raw = os.environ.get(UNDATED_ENV, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        raise BadInputError(f"${UNDATED_ENV}={raw!r} is no ISO date (YYYY-MM-DD)") from None


def role_keys(noun: RoleNoun) -> Tuple[str, ...]:
    """The role keys a noun teaches and looks up within a document: its KB role keys, else
    ``"~<term>"`` ("Bischof Martin X" … "der Bischof" is X again)."""
    return noun.roles or (f"~{noun.term.lower()}",)


def load_shared_titles(kb: KB, lang: str, path=None) -> Dict[str, FrozenSet[str]]:
    """``data/kb/shared_titles.tsv``: role terms (as in ``agents.tsv``) that name an office
    in several countries -> those countries' ISO alpha-3 codes ("Bundeskanzler" -> DEU,
    AUT). Raises :class:`lagebild.errors.DataFileError` (file and line) for a row with a
    term no German/English role noun has or a country the KB does not know."""
    terms = {n.term for n in kb.role_nouns if n.lang == lang}
    all_terms = {(n.lang, n.term) for n in kb.role_nouns}

    def validate(row: dict) -> Optional[str]:
        if (row["lang"], row["term"]) not in all_terms:
            return f"no role noun {row['term']!r} ({row['lang']}) in agents.tsv"
        bad = [c for c in row["countries"].split("|") if kb.get(c) is None or len(c) != 3]
        if bad:
            return f"unknown country code(s) {bad}"
        return None

    out: Dict[str, FrozenSet[str]] = {}
    for row in iter_tsv(path or data_path("kb/shared_titles.tsv"), required=("lang", "term", "countries"), validate=validate):
        if row["lang"] == lang and row["term"] in terms:
            out[row["term"]] = frozenset(row["countries"].split("|"))
    return out


class ActorLinker:
    """Finds and resolves actor mentions; build once per pipeline (vocab + language)."""

    def __init__(self, nlp, kb: KB) -> None:  # type: ignore[no-untyped-def]
        self.kb = kb
        self.lang = nlp.lang
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
        lk = kb.linking
        pick = lambda name: set(lk.get(name, {}).get(self.lang, []) or [])  # noqa: E731
        self.locative = {w.lower() for w in pick("locative")}
        self.former = {w.lower() for w in pick("former")}
        self.of_words = {w.lower() for w in pick("of")}
        self.possessive = pick("possessive")
        self.possessive_det = set(pick("possessive_det"))
        self.member_of = {w.lower() for w in pick("member_of")}
        self.place_kind = pick("place_kind")
        self.coordinators = {w.lower() for w in pick("coordinators")}
        self.apposition_det = {w.lower() for w in pick("apposition_det")}
        self.current_role_words = {w.lower() for w in pick("current_role_words")}
        self.level_prefixes = {w.lower() for w in pick("level_prefixes")}
        self.name_particles = {w.lower() for w in pick("name_particles")}
        self.representative_roles = set(pick("representative_roles"))
        self.apposition_dashes = set(lk.get("apposition_dashes") or [])
        self.government_deps = set(lk.get("government_deps") or [])
        self.seat_words = {w.lower() for w in pick("seat")}
        self.deputy = {w.lower() for w in pick("deputy")}
        self.people_counts = lang_words(self.lang, "people_counts.txt")
        self.apposition_group_nouns = pick("apposition_group_nouns")
        self.party_or_state_roles = pick("party_or_state_roles")
        self.directional = set(pick("directional"))
        self.institution_nouns = set(pick("institution_nouns"))
        self.common_words = {w.lower() for w in pick("common_surname_words")}
        # every form of the language's person role nouns (agents.tsv, role nouns of the KB),
        # lower case: a word ending in one ("Regierungskollege", "Ministerkollegin") is a
        # role, not a given name (see _role_word)
        self.person_noun_forms = frozenset(f.lower() for n in kb.role_nouns if n.lang == self.lang and n.person
                                           for f, _ in n.forms if len(f) >= 5)
        # German weekdays and months are common words too (never a surname matched alone:
        # "der Politologe Freitag"); read from the temporal lexicon, not repeated here
        self.time_words = time_words(self.lang)
        if self.lang == "de":
            self.common_words |= self.time_words.months | self.time_words.weekdays
        self.seat_nouns = {w.lower() for w in pick("seat_nouns")}
        self.generic_body_heads = {w.lower() for w in pick("generic_body_heads")}
        self.legal_forms = set(lk.get("legal_forms") or [])
        self.party_politician_nouns = pick("party_politician_nouns")
        self.body_purpose_preps = {w.lower() for w in pick("body_purpose_preps")}
        self.seated_agents = set(pick("seated_agents"))
        self.origin_words = {w.lower() for w in pick("origin")}
        self.origin_agents = set(pick("origin_agents"))
        self.origin_verbs: Dict[str, str] = dict((lk.get("origin_verbs") or {}).get(self.lang) or {})
        self.affiliation_verbs: Dict[str, FrozenSet[str]] = {
            verb: frozenset(w.lower() for w in preps)
            for verb, preps in ((lk.get("affiliation_verbs") or {}).get(self.lang) or {}).items()}
        self.demonym_persons = bool((lk.get("demonym_persons") or {}).get(self.lang))
        self.surname_once = bool((lk.get("surname_once") or {}).get(self.lang))
        self.subnational = {w.lower() for w in pick("subnational")}
        self.predicative = {w.lower() for w in pick("predicative")}
        self.copula_lemmas = {w.lower() for w in pick("copula_lemmas")}
        self.copula_negations = {w.lower() for w in pick("copula_negations")}
        self.subject_pronouns: Dict[str, str] = dict((lk.get("subject_pronouns") or {}).get(self.lang) or {})
        self.feminine_role_endings = tuple(pick("feminine_role_endings"))
        self.non_roles = NonRoles(kb, self.lang)
        self.shared_titles = load_shared_titles(kb, self.lang)
        self.compound_heads: List[CompoundHead] = list(kb.compound_heads.get(self.lang, []))
        # head form -> head, and the head lengths longest first (one dict probe per length)
        self.head_by_form: Dict[str, CompoundHead] = {}
        for head in self.compound_heads:
            self.head_by_form.setdefault(head.form, head)
        self.head_lengths = sorted({len(f) for f in self.head_by_form}, reverse=True)
        self.compound_mods: List[Tuple[str, str]] = list(kb.compound_modifiers.get(self.lang, []))
        self.party_state_offices = {w.lower() for w in pick("party_state_offices")}
        self.person_of = {tuple(w.lower().split()) for w in pick("person_of")}
        self.definite_det = {w.lower() for w in pick("definite_det")}
        self.compound_prefixes: Dict[str, str] = {
            p.lower(): a.id for a in kb.actors.values() for p in a.prefixes
        } if self.compound_heads else {}
        self.gazetteer = Gazetteer(kb, self.lang)
        # lower-cased surface form -> the entries of all its spellings
        self.entries: Dict[str, List[Entry]] = {}
        for surface, found in self.gazetteer.phrases.items():
            self.entries.setdefault(surface.lower(), []).extend(found)
        # case-insensitive token sequences of every surface form, cached on disk; prefix
        # compounds ("SPÖ-Chef") are matched and looked up from their two tables
        self.matcher, self.matcher_source = build_surface_matcher(
            nlp, self.gazetteer.phrases, families=[fam.pieces() for fam in self.gazetteer.families])
        # lemmas (when the pipeline has a lemmatizer) catch role-noun forms the inflection
        # classes do not generate; base terms only, matched where no surface form matched
        self.lemma_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.lemma_entries: Dict[int, List[Entry]] = {}
        for noun in kb.role_nouns:
            if noun.lang != self.lang or " " in noun.term:
                continue
            key = self.vocab.strings.add(f"lemma:{noun.term}")
            self.lemma_entries.setdefault(key, []).append(
                Entry("role", noun.implies, ROLE, 0, noun.term, 10 * noun.priority, role=noun)
            )
            if len(self.lemma_entries[key]) == 1:
                pattern = Doc(nlp.vocab, words=[noun.term], lemmas=[noun.term])
                self.lemma_matcher.add(f"lemma:{noun.term}", [pattern])
        self.name_matcher = Matcher(nlp.vocab)
        self.name_matcher.add("GIVEN_SURNAME", [[
            {"TEXT": {"IN": sorted(kb.given_names)}},
            {"IS_TITLE": True, "IS_ALPHA": True, "IS_STOP": False, "LENGTH": {">=": 3}},
        ]])
        self.prov_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.prov_entries: Dict[int, List[Entry]] = {}
        self._prov_version = -1
        self._prov_seen = 0

    # -- provisional names ----------------------------------------------------------
    def _sync_provisional(self) -> None:
        """Add the names of provisional actors registered since the last document."""
        if self._prov_version != _registry_version[0]:  # the registry was cleared
            self._prov_version = _registry_version[0]
            self._prov_seen = 0
            self.prov_matcher = PhraseMatcher(self.vocab, attr="ORTH")
            self.prov_entries = {}
        new = registered_since(self._prov_seen)
        self._prov_seen += len(new)
        for actor in new:
            # full names only: a surname alone is linked only inside a document that also
            # has the full name (a bare "Schmidt" in another article is anybody)
            form = actor.name
            # kept past a spaCy memory zone: the matcher returns this key in later batches
            key = self.vocab.strings.add(f"prov:{form}", allow_transient=False)
            if key not in self.prov_entries:
                self.prov_matcher.add(f"prov:{form}", [self.tokenizer(form)])
            self.prov_entries.setdefault(key, []).append(
                Entry("prov", actor.id, NAME, CASE_TITLE, form, priority=-10)
            )

    def _time_word(self, word: str) -> bool:
        """A weekday or month alone or with a part of the day ("Freitagabend", "Montagfrüh"):
        never the last word of a name. The words are the temporal lexicon's
        (:func:`lagebild.language.timewords.time_words`); German only, as English months and
        weekdays are also surnames ("Theresa May")."""
        return self.lang == "de" and word.isalpha() and self.time_words.is_time_word(word)

    def _cut_at_article(self, doc: Doc, start: int, end: int) -> int:
        """The end of a German person entity cut before a lower-case article inside it: the
        entity model runs a name into the dative or genitive phrase after it ("sagte [Sinn
        der Passauer Neuen Presse]", "[Merkel dem Spiegel]"). An article after a name
        particle stays ("Van der Bellen", "Thomas de Maizière", ``linking.yaml``
        name_particles)."""
        for i in range(start + 1, end):
            tok = doc[i]
            if tok.is_lower and tok.lower_ in self.apposition_det and doc[i - 1].lower_ not in self.name_particles:
                return i
        return end

    def _usable_surname(self, form: str) -> bool:
        """May a provisional person's last name be matched alone? Not "The", not "Platz"
        (a common word of the language) and not a short token."""
        if len(form) < 4 or not form[:1].isupper() or not form.replace("-", "").isalpha():
            return False
        lex = self.vocab[form.lower()]
        return not lex.is_stop and form.lower() not in self.common_words

    # -- matching ---------------------------------------------------------------------
    @staticmethod
    def _squash(text: str) -> str:
        return "".join(text.split())

    def _atoms(self, doc: Doc) -> List[Atom]:
        atoms: List[Atom] = []
        for label, start, end in self.matcher(doc):
            found = self.entries.get(label)
            entries = self._case_filter(doc, start, end, self.gazetteer.lookup(label) if found is None else found)
            if entries:
                atoms.append(Atom(start, end, entries))
        if doc.has_annotation("LEMMA"):
            for key, start, end in self.lemma_matcher(doc):
                if doc[start].pos_ in ("VERB", "AUX", "ADV", "ADJ"):
                    continue  # "courted", "headed": verbs share lemmas with role nouns
                atoms.append(Atom(start, end, list(self.lemma_entries.get(key, []))))
        if self.prov_entries:
            for key, start, end in self.prov_matcher(doc):
                atom = Atom(start, end, list(self.prov_entries.get(key, [])))
                known = _registry.get(atom.entries[0].target or "") if atom.entries else None
                atom.prov_type = known.type if known is not None else "PER"  # type: ignore[attr-defined]
                atoms.append(atom)
        return atoms

    def _other_given_name(self, doc: Doc, atoms: List[Atom]) -> List[Atom]:
        """Drop KB surname matches that are part of another person's full name.

        Preceded by a given name that is not the KB person's: "Ulla Rasmussen" is not Lars
        Løkke Rasmussen, "Karin Müller" not Gerd Müller. Used as the given name of a full name
        the entity model reads as one person, the next word being a name of no KB person:
        "Gabriel Felbermayr" is not Sigmar Gabriel, "Kurz Meier" not Sebastian Kurz. The
        entity model's full name then makes a provisional person."""
        per_tokens: Set[int] = set()
        per_start: Dict[int, int] = {}  # token -> start of its multi-word PER entity
        if doc.has_annotation("ENT_IOB"):
            for ent in doc.ents:
                if self.kb.ner_labels.get(ent.label_) == "PER" and len(ent) > 1:
                    per_tokens.update(range(ent.start, ent.end))
                    per_start.update((i, ent.start) for i in range(ent.start, ent.end))
        named = {i for a in atoms for i in range(a.start, a.end)
                 if a.entries[0].kind in ("actor", "prov") and a.entries[0].mention_kind in (NAME, SURNAME)}
        # English: a role noun before the surname is a title, not a given name ("President
        # Trump", "Chancellor Scholz": the entity model's PER span often takes the title in)
        titles = {i for a in atoms for i in range(a.start, a.end) if a.entries[0].kind == "role"} \
            if self.lang == "en" else set()
        out = []
        for a in atoms:
            e = a.entries[0]
            # the word before must be no name of its own ("Macron Scholz": two people)
            if e.kind == "actor" and e.mention_kind == SURNAME and a.start > 0 and a.start - 1 not in named \
                    and a.start - 1 not in titles:
                prev = doc[a.start - 1].text
                if prev in self.kb.given_names or (a.start - 1 in per_tokens and a.start in per_tokens
                                                   and doc[a.start - 1].is_title and doc[a.start - 1].is_alpha):
                    names = [(self.kb.get(x.target or "") or None) for x in a.entries if x.mention_kind == SURNAME]
                    if not any(n is not None and prev in n.name.split() for n in names):
                        continue
            if e.kind == "actor" and e.mention_kind == SURNAME and a.end < len(doc) and a.end not in named \
                    and per_start.get(a.start) == a.start and per_start.get(a.end) == a.start \
                    and doc[a.end].is_title and doc[a.end].is_alpha and not doc[a.end].is_stop:
                continue  # the KB surname is the given name of another person's full name
            out.append(a)
        return out

    def _org_country(self, entry: Entry) -> Optional[str]:
        actor = self.kb.get(entry.target or "") if entry.kind == "actor" else None
        if actor is None or actor.type != "ORG":
            return None
        code = actor.code or ""
        return _national_prefix(code) or actor.country

    def _shared_name(self, atom: Atom) -> bool:
        """Whether the name of ``atom`` is shared by organisations of several countries ("die
        Grünen": the German and the Austrian Greens): it names no country of its own, so it
        is no country mark (it would vote for whichever KB row came first)."""
        return len(atom.entries) > 1 and len({c for c in map(self._org_country, atom.entries) if c}) > 1

    def _prefer_context_orgs(self, atoms: List[Atom], st: DocState) -> None:
        """A name several countries' organisations share ("die Grünen": the German and the
        Austrian Greens; "Sozialdemokraten") is the one of the country the text before it
        is mostly about, else of the document's main country (one sense per discourse)."""
        for a in atoms:
            if len(a.entries) < 2:
                continue
            if not self._shared_name(a):
                continue
            where = st.context_before(a.start) or st.context or st.outlet
            if where is None:
                continue
            a.entries.sort(key=lambda e: 0 if self._org_country(e) == where else 1)

    def _case_filter(self, doc: Doc, start: int, end: int, entries: Sequence[Entry]) -> List[Entry]:
        out = []
        squashed = None
        first = doc[start].text[:1]
        for e in entries:
            if e.case == CASE_EXACT:
                if squashed is None:
                    squashed = self._squash(doc[start:end].text)
                if squashed != self._squash(e.surface):
                    continue
            elif e.case == CASE_TITLE and not first.isupper():
                continue
            out.append(e)
        return out

    @staticmethod
    def _select(atoms: List[Atom]) -> List[Atom]:
        """Longest, then highest-priority atoms first; no two chosen atoms overlap."""
        atoms.sort(key=lambda a: (-a.length, -a.entries[0].priority, a.start))
        taken: Set[int] = set()
        chosen = []
        for a in atoms:
            if any(i in taken for i in range(a.start, a.end)):
                continue
            taken.update(range(a.start, a.end))
            chosen.append(a)
        chosen.sort(key=lambda a: a.start)
        return chosen

    # letters of the German alphabet; a capitalised word with any other letter ("Demirtaş",
    # "Groisman" does not count, "Šiauliai" does) is a foreign name, not a German noun
    _GERMAN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")

    def _foreign_letters(self, word: str) -> bool:
        if self.lang != "de":
            return False
        cache = self.__dict__.setdefault("_foreign_cache", {})
        hit = cache.get(word)
        if hit is None:
            if len(cache) > 200_000:
                cache.clear()  # (a bound for a long-running process)
            hit = cache[word] = any(ch.isalpha() and ch not in self._GERMAN_LETTERS for ch in word)
        return hit

    def _name_like(self, tok, taken: Set[int]) -> bool:  # type: ignore[no-untyped-def]
        """A token that may be part of a person's name: capitalised letters (hyphens and
        apostrophes inside allowed), no stop word, and a proper noun, a known given name or
        a word spelt with letters the language does not use."""
        text = tok.text
        if tok.i in taken or len(text) < 2 or not text[:1].isupper() or tok.is_upper:
            return False
        if not text.replace("-", "").replace("'", "").replace("’", "").isalpha() or tok.is_stop \
                or text.lower() in self.common_words:  # "der Politologe Freitag, …": a weekday
            return False
        return tok.pos_ in ("PROPN", "X") or text in self.kb.given_names or self._foreign_letters(text)

    def _unseen_names(self, doc: Doc, atoms: List[Atom], spans: List[Tuple[int, int, str]]) -> Set[Tuple[int, int]]:
        """Token spans of person names the entity model did not tag (``spans`` are its
        entities): (1) the words right after a singular person role noun ("HDP-Chef
        Demirtaş", "Außenamtssprecher Thomas Schnöll"): up to four name-like tokens
        (:meth:`_name_like`), the first of them a proper noun, a given name or a foreign
        spelling; (2) in German, a capitalised word spelt with letters German does not use
        ("Demirtaş", "Yüksekdağ") that stands as a subject, object or apposition (not after
        a locative preposition: "in Constanța" is a place), with the name-like words
        around it ("Selahattin Demirtaş"). Returns ``{(start, end)}``."""
        if not doc.has_annotation("POS"):
            return set()
        taken = {i for a in atoms for i in range(a.start, a.end)}
        tagged = {i for start, end, _ in spans for i in range(start, end)}
        out: Set[Tuple[int, int]] = set()

        def grow(start: int, end: int) -> Tuple[int, int]:
            # the name-like words around it, also those the model tagged apart (as a place)
            while start > 0 and self._name_like(doc[start - 1], taken) and not doc[start].is_sent_start:
                start -= 1
            while end < len(doc) and end - start < 4 and self._name_like(doc[end], taken):
                end += 1
            return start, end

        for a in atoms:
            e = a.entries[0]
            if e.kind != "role" or e.role is None or not e.role.person or e.plural or a.end >= len(doc):
                continue
            first = doc[a.end]
            if not self._name_like(first, taken) or first.is_sent_start:
                continue
            # the model may have tagged part of the name, even as a place ("Kürkçü": LOC)
            end = a.end
            while end < len(doc) and end - a.end < 4 and self._name_like(doc[end], taken):
                end += 1
            if end - a.end == 1 and end < len(doc) and end not in taken and doc[end].is_title \
                    and doc[end].text.replace("-", "").isalpha() and not doc[end].is_stop and doc[end].lower_ not in self.common_words \
                    and (end + 1 >= len(doc) or doc[end + 1].is_punct or doc[end + 1].pos_ in ("VERB", "AUX")):
                end += 1  # "Politologe Laurenz Obermoser,": a surname the tagger calls a noun
            if any(s == a.end and e == end and typ == "PER" for s, e, typ in spans):
                continue  # the model's own person entity
            out.add((a.end, end))
        if self.lang == "de":
            args = {"nsubj", "nsubj:pass", "obj", "iobj", "appos", "flat", "nmod", "sb", "oa", "da", "nk", "pnc", "ROOT"}
            for i, text in enumerate(token_texts(doc)):
                if not self._foreign_letters(text):  # by the text first (no Token object)
                    continue
                tok = doc[i]
                if tok.i in taken or tok.i in tagged or any(s <= tok.i < e for s, e in out):
                    continue
                if not self._name_like(tok, taken) or tok.pos_ not in ("NOUN", "PROPN", "X"):
                    continue
                if tok.dep_ not in args:
                    continue
                if any(c.dep_ == "case" and c.lower_ in self.locative for c in tok.children) \
                        or (tok.i > 0 and doc[tok.i - 1].lower_ in self.locative):
                    continue
                out.add(grow(tok.i, tok.i + 1))
        return out

    #: dependency relations of a surname standing alone for a person (subject, object, apposition)
    _ALONE_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "appos", "sb", "oa", "da", "ROOT"})
    _NOT_NAME_BEFORE = frozenset({"DET", "ADP", "ADJ", "NUM", "PRON"})

    def _kb_surnames_alone(self, doc: Doc, kb_full: Dict[str, Entry], taken: Set[int], extra: List[Atom]) -> None:
        """Add a SURNAME atom for each later use of the surname of a KB person the text named
        in full whose surname is never matched alone (``kb_full``: surname -> the full name's
        entry): where the word stands as a name stands -- a subject, object or apposition
        with no article, preposition or adjective before it and no determiner of its own
        ("Kern sagte" after "Christian Kern"; not "im Kern", "mit aller Kraft")."""
        # (the tokens spelt as such a surname, found on the ORTH array: no Token per word)
        orth = doc.to_array(ORTH)
        wanted = numpy.array([get_string_id(name) for name in kb_full], dtype=orth.dtype)
        for i in numpy.flatnonzero(numpy.isin(orth, wanted)).tolist():
            tok = doc[i]
            e = kb_full.get(tok.text)
            if e is None or tok.i in taken or tok.dep_ not in self._ALONE_DEPS:
                continue
            if tok.i > 0 and doc[tok.i - 1].pos_ in self._NOT_NAME_BEFORE:
                continue
            if any(c.dep_ in ("det", "case", "amod", "nk", "det:poss") and c.i < tok.i for c in tok.children):
                continue
            extra.append(Atom(tok.i, tok.i + 1, [Entry("actor", e.target, SURNAME, e.case, tok.text, e.priority - 5)]))
            taken.add(tok.i)

    def _provisional_atoms(self, doc: Doc, atoms: List[Atom]) -> List[Atom]:
        taken = {i for a in atoms for i in range(a.start, a.end)}
        extra: List[Atom] = []
        spans: List[Tuple[int, int, str]] = []
        if doc.has_annotation("ENT_IOB") and doc.ents:
            for ent in doc.ents:
                typ = self.kb.ner_labels.get(ent.label_)
                if typ:
                    spans.append((ent.start, ent.end, typ))
        else:
            for _, start, end in self.name_matcher(doc):
                spans.append((start, end, "PER"))
        # names the entity model missed but the text shows (a name after a role noun, a
        # name spelt with letters German does not use): persons, kept even when the
        # tagger calls their words common nouns
        forced = self._unseen_names(doc, atoms, spans)
        spans.extend((start, end, "PER") for start, end in forced)
        spans.extend(self._legal_form_names(doc, spans))
        # A person or organisation name that contains a place ("George Washington", "Bank
        # of Russia", "Universität Wien") is that person/organisation, not the place.
        for start, end, typ in spans:
            if typ not in ("PER", "ORG"):
                continue
            inside = [a for a in atoms if a.start < end and start < a.end]
            rest = [t for t in doc[start:end] if not any(a.start <= t.i < a.end for a in inside)]
            if typ == "PER" and not all(t.pos_ == "PROPN" or t.text in self.kb.given_names for t in rest):
                continue  # a noun is no given name
            if typ == "ORG" and not any(t.text in self.institution_nouns for t in rest):
                continue  # "in der Nacht Charkiw" (a model error) stays Kharkiv
            if inside and all(start <= a.start and a.end <= end and self._is_place(a) for a in inside) \
                    and sum(a.length for a in inside) < end - start:
                for a in inside:
                    atoms.remove(a)
                    taken.difference_update(range(a.start, a.end))
        # full names first, so that a lone surname entity ("Brega") joins its full name
        spans.sort(key=lambda sp: (-(sp[1] - sp[0]), sp[0]))
        surnames: Dict[str, Atom] = {}
        for a in atoms:  # provisional names known from earlier documents
            e = a.entries[0]
            if e.kind == "prov" and e.mention_kind == NAME and a.end - a.start > 1 \
                    and getattr(a, "prov_type", "PER") == "PER" and self._usable_surname(doc[a.end - 1].text):
                surnames.setdefault(doc[a.end - 1].text, a)
        givens: Dict[str, Atom] = {}
        # surnames that open with a particle ("de Maizière" after "Thomas de Maizière", "van
        # den Broek"): the lower-cased tail from the particle on -> the full name's atom
        tails: Dict[str, Atom] = {}
        for a in atoms:
            e = a.entries[0]
            if e.kind == "prov" and e.mention_kind == NAME and a.end - a.start > 1 \
                    and getattr(a, "prov_type", "PER") == "PER":
                givens.setdefault(doc[a.start].text, a)
                self._particle_tail(doc, a, tails)
        # KB persons whose surname is never matched alone (persons.tsv surname "-": "Kern",
        # "Kraft", "Weil" are common words): once the text names one in full, the same
        # surname alone where it stands as a name, or where the entity model tags it as a
        # person, is that person ("Christian Kern ... Kern sagte"; "... so Weber"), found
        # before the model's other spans so that it makes no provisional namesake
        kb_full: Dict[str, Entry] = {}
        for a in atoms:
            e = a.entries[0]
            if e.kind == "actor" and e.mention_kind == NAME and a.end - a.start > 1:
                known = self.kb.get(e.target or "")
                if known is not None and known.type == "PER" and not known.surnames:
                    kb_full.setdefault(doc[a.end - 1].text, e)
        if kb_full:
            self._kb_surnames_alone(doc, kb_full, taken, extra)
        has_pos = doc.has_annotation("POS")
        for start, end, typ in spans:
            if any(i in taken for i in range(start, end)):
                continue
            if end - start == 1 and typ == "PER" and doc[start].text in kb_full:
                e = kb_full[doc[start].text]  # "so Weber" after "Manfred Weber": the model's person
                extra.append(Atom(start, end, [Entry("actor", e.target, SURNAME, e.case, doc[start].text, e.priority - 5)]))
                taken.add(start)
                continue
            if has_pos and not any(t.pos_ == "PROPN" for t in doc[start:end]) and (start, end) not in forced \
                    and not self._propn_elsewhere(doc, start, end, typ) and doc[end - 1].text not in self.legal_forms:
                continue  # "Asyl", "Vorwürfe": a model entity made of common nouns only (not "X GmbH")
            if typ == "PER" and self.lang == "de":
                end = self._cut_at_article(doc, start, end)
            while end > start and (doc[end - 1].is_punct or doc[end - 1].text in self.possessive) \
                    and doc[end - 1].text != ".":
                end -= 1  # "Trump 's" -> "Trump"
            while end - start > 1 and self._time_word(doc[end - 1].text):
                end -= 1  # "Foglar Freitagabend": the entity model ran the name into a time word
            # (trimmed first, whatever label the model gave the span -- "[Foglar Freitagabend]LOC"
            # -- so that a surname alone joins the full name below)
            if end - start == 1 and typ != "PER" and doc[start].text in surnames:
                typ = "PER"  # "Griss" tagged ORG after "Irmgard Griss": the person
            if end - start == 1 and typ == "PER":
                text = doc[start].text
                src = surnames.get(text) or (surnames.get(text[:-1]) if text.endswith("s") else None)
                if src is None:
                    src = givens.get(text)  # "Johanna" after "Johanna Mikl-Leitner"
                    if src is None and text in self.kb.given_names:
                        continue  # a first name alone is nobody in particular
                if src is not None:
                    atom = Atom(start, end, [Entry("prov", src.entries[0].target, SURNAME, 0, src.entries[0].surface, priority=-10)])
                    atom.prov_type = "PER"  # type: ignore[attr-defined]
                    extra.append(atom)
                    taken.add(start)
                    continue
            if end <= start:
                continue
            if typ == "PER" and end - start > 1 and doc[start:end].text.lower() in tails:
                src = tails[doc[start:end].text.lower()]  # "sagte de Maizière": the full name's person
                atom = Atom(start, end, [Entry("prov", src.entries[0].target, SURNAME, 0, src.entries[0].surface, priority=-10)])
                atom.prov_type = "PER"  # type: ignore[attr-defined]
                extra.append(atom)
                taken.update(range(start, end))
                continue
            name = doc[start:end].text
            if typ == "PER" and self.lang == "de" and name.endswith("s") and len(name) > 4:
                base = name[:-1]
                # a German genitive ("Konvičkas") of a name the registry or this text has bare
                if (end - start > 1 and provisional_id(base) in _registry) \
                        or re.search(r"(?<![\w-])" + re.escape(doc[end - 1].text[:-1]) + r"(?![\w-])", doc_text(doc)):
                    name = base
            pid = provisional_id(name)
            if pid == "prov:":
                continue
            taken.update(range(start, end))
            extra.append(Atom(start, end, [Entry("prov", pid, NAME, 0, name, priority=-10)]))
            extra[-1].prov_type = typ  # type: ignore[attr-defined]
            if typ == "PER" and end - start > 1:
                givens.setdefault(doc[start].text, extra[-1])
                self._particle_tail(doc, extra[-1], tails)
                if self._usable_surname(doc[end - 1].text):
                    surnames.setdefault(doc[end - 1].text, extra[-1])
            elif (start, end) in forced and self._usable_surname(doc[start].text):
                surnames.setdefault(doc[start].text, extra[-1])  # "HDP-Chef Demirtaş", later "Demirtaş"
            elif self.surname_once and typ == "PER" and end - start == 1 \
                    and doc[start].text not in self.kb.given_names and self._usable_surname(doc[start].text):
                # a surname the entity model tagged once ("…, sagte Bertholdi") is the same
                # person where it stands untagged ("Bertholdi, die Innenministerin, …")
                surnames.setdefault(doc[start].text, extra[-1])
        if tails:
            # a particle surname the model did not tag ("Van den Broek sagte")
            orth = doc.to_array(ORTH)
            firsts = {t.split()[0] for t in tails}
            wanted = numpy.array([get_string_id(w) for f in firsts for w in (f, f[:1].upper() + f[1:])], dtype=orth.dtype)
            for i in numpy.flatnonzero(numpy.isin(orth, wanted)).tolist():
                for tail, src in tails.items():
                    n = len(tail.split())
                    if i + n > len(doc) or any(k in taken for k in range(i, i + n)) \
                            or doc[i:i + n].text.lower() != tail:
                        continue
                    e = src.entries[0]
                    atom = Atom(i, i + n, [Entry("prov", e.target, SURNAME, 0, e.surface, priority=-10)])
                    atom.prov_type = "PER"  # type: ignore[attr-defined]
                    extra.append(atom)
                    taken.update(range(i, i + n))
                    break
        extra.sort(key=lambda a: a.start)
        # other occurrences of those surnames the model did not tag ("Portnikov")
        if surnames:
            # (the tokens spelt as a surname, found on the ORTH array: no Token per word)
            orth = doc.to_array(ORTH)
            wanted = numpy.array([get_string_id(name) for name in surnames], dtype=orth.dtype)
            for i in numpy.flatnonzero(numpy.isin(orth, wanted)).tolist():
                tok = doc[i]
                if tok.i in taken or tok.text not in surnames:
                    continue
                src = surnames[tok.text]
                e = src.entries[0]
                atom = Atom(tok.i, tok.i + 1, [Entry("prov", e.target, SURNAME, 0, e.surface, priority=-10)])
                atom.prov_type = "PER"  # type: ignore[attr-defined]
                extra.append(atom)
                taken.add(tok.i)
        return extra

    def _legal_form_names(self, doc: Doc, spans: List[Tuple[int, int, str]]) -> List[Tuple[int, int, str]]:
        """Firm names the entity model missed that end with a legal form ("die Brunnhuber
        GmbH", ``linking.yaml`` legal_forms; session 29, #11): up to three capitalised
        nouns or proper nouns right before the legal form, as ``(start, end, "ORG")``
        spans overlapping none of ``spans``."""
        out: List[Tuple[int, int, str]] = []
        if not self.legal_forms:
            return out
        for tok in doc:
            if tok.text not in self.legal_forms or tok.i == 0:
                continue
            start = tok.i
            while start > 0 and start > tok.i - 3 and doc[start - 1].pos_ in ("PROPN", "NOUN") \
                    and doc[start - 1].text[:1].isupper():
                start -= 1
            if start < tok.i and not any(a < tok.i + 1 and start < b for a, b, _ in spans + out):
                out.append((start, tok.i + 1, "ORG"))
        return out

    def _namesake_surnames(self, doc: Doc, atoms: List[Atom]) -> List[Atom]:
        """A surname alone that the KB matched as a known person's ("Kogler") is the person
        the document named in full before with that surname and another given name ("Eva
        Kogler, Sozialsprecherin der Grünen, … sagte Kogler"; session 29, #11), when the
        document names none of the KB persons of that surname in full: the text introduced
        its own namesake, and the role it gave them belongs to every later mention.
        ``atoms`` sorted by start (KB and provisional atoms); returns them with such surname
        atoms replaced by a provisional surname mention of the full name's person."""
        fulls: Dict[str, Atom] = {}
        for a in atoms:
            e = a.entries[0]
            if e.kind == "prov" and e.mention_kind == NAME and a.end - a.start > 1 \
                    and getattr(a, "prov_type", "PER") == "PER" \
                    and not any(self._role_word(t.text) for t in doc[a.start:a.end - 1]):
                # "Regierungskollege Ostermayer" (a role noun the entity model took into the
                # name) names the KB's person, not a namesake
                fulls.setdefault(doc[a.end - 1].text, a)
        if not fulls:
            return atoms
        named = {a.entries[0].target for a in atoms if a.entries[0].kind == "actor" and a.entries[0].mention_kind == NAME}
        out: List[Atom] = []
        for a in atoms:
            e = a.entries[0]
            src = fulls.get(doc[a.start].text) if a.end - a.start == 1 else None
            if src is not None and src.start < a.start and e.kind == "actor" and e.mention_kind == SURNAME \
                    and not any(x.target in named for x in a.entries if x.mention_kind == SURNAME) \
                    and not any(self._same_given_name(doc[src.start:src.end - 1], x.target or "")
                                for x in a.entries if x.mention_kind == SURNAME):
                first = src.entries[0]
                atom = Atom(a.start, a.end, [Entry("prov", first.target, SURNAME, 0, first.surface, priority=-10)])
                atom.prov_type = "PER"  # type: ignore[attr-defined]
                out.append(atom)
                continue
            out.append(a)
        return out

    def _same_given_name(self, given: Sequence[Token], target: str) -> bool:
        """Whether the given names ``given`` (the tokens before a full name's surname) name
        the KB person ``target`` under another form of its given name, so that the full
        name is that person, not a namesake (session 30, #11): a given name the KB's names
        share ("Angela Dorothea X" for "Angela X", "Dmitri Anatoljewitsch Y" for "Dmitri
        Y"), the same names written with a hyphen or accents ("Jean Claude X" for
        "Jean-Claude X"), a short form or nickname (``data/kb/given_name_variants.tsv``:
        "Rudi X" for "Rudolf X", "Hanni Y" for "Johanna Y"), or an initial ("H. X").
        Before, every later mention of the surname left the KB person for an uncoded
        provisional namesake."""
        person = self.kb.get(target)
        if person is None or person.type != "PER":
            return False
        mine = {_fold_name(w) for t in given for w in t.text.replace("-", " ").split()}
        mine.discard("")
        if not mine:
            return False
        theirs = {_fold_name(w) for n in [person.name] + [x for ns in person.names.values() for x in ns]
                  for w in n.replace("-", " ").split()[:-1]}
        variants = given_name_variants()
        for w in mine:
            if w.rstrip(".") and len(w.rstrip(".")) == 1:
                if any(t[:1] == w[:1] for t in theirs):
                    return True
                continue
            if w in theirs or variants.get(w, frozenset()) & theirs:
                return True
        return False

    def _role_word(self, word: str) -> bool:
        """Whether ``word`` is, or ends in, a form of a person role noun of the language
        (``person_noun_forms``, forms of five letters or more: "Kollege" in
        "Regierungskollege") or reads as a compound role noun (:meth:`compound_role`) --
        then it is no given name ("Regierungskollege Ostermayer"), whatever its tag."""
        lower = word.lower()
        if any(lower[k:] in self.person_noun_forms for k in range(0, max(0, len(lower) - 4))):
            return True
        return self.lang == "de" and self.compound_role(word) is not None

    def _propn_elsewhere(self, doc: Doc, start: int, end: int, typ: str) -> bool:
        """Whether a one-word person entity the tagger called a common noun (a surname
        opening a sentence: "Hohenecker, die Sozialministerin, …") stands elsewhere in the
        document tagged as a proper noun -- then it is a name, not a word like "Asyl"."""
        if not self.surname_once or typ != "PER" or end - start != 1 \
                or not self._usable_surname(doc[start].text):
            return False
        word = doc[start].text
        return any(t.i != start and t.text == word and t.pos_ == "PROPN" for t in doc)

    def _particle_tail(self, doc: Doc, atom: Atom, tails: Dict[str, Atom]) -> None:
        """Register the surname of a full name that opens with a name particle
        (``linking.yaml`` ``name_particles``: "Thomas de Maizière" -> "de maizière", "Pieter
        van den Broek" -> "van den broek") in ``tails``, so that the surname alone, which
        the entity model tags as a name of its own, is the same person."""
        for k in range(atom.start + 1, atom.end - 1):
            if doc[k].lower_ in self.name_particles:
                tails.setdefault(doc[k:atom.end].text.lower(), atom)
                return

    # -- compound role nouns (German) -------------------------------------------------
    def compound_role(self, word: str) -> Optional[Tuple[RoleNoun, Optional[str], bool]]:
        """Read a German compound as modifier + role head (``data/kb/compound_roles.tsv``):
        ``"Bundesjustizministerin"`` -> (a GOV person noun, None, singular);
        ``"Polizeisprecher"`` -> COP; ``"SPÖ-Kampagnenleiter"`` -> the SPÖ's role.
        Returns ``(role noun, country/organisation id or None, plural)`` or None when the
        word ends in no head, the modifier is shorter than 3 letters, or a generic head
        ("Chef", "Präsident") gets neither a sector nor a country from its modifier."""
        lower = word.lower()
        for length in self.head_lengths:
            if len(lower) - length < 3:
                continue
            head = self.head_by_form.get(lower[-length:])
            if head is None:
                continue
            modifier = lower[: len(lower) - len(head.form)]
            target: Optional[str] = None
            rest = modifier
            if "-" in modifier:
                first, _, rest = modifier.partition("-")
                target = self.compound_prefixes.get(first)
                if target is None and modifier.count("-") >= 2:
                    # "Bank-Austria-Ökonom": an organisation's name of several words, joined
                    # by hyphens in the compound, names the body as one prefix does
                    target = self._org_prefix(word[: len(word) - len(head.form)].strip("-").replace("-", " "))
                    if target is not None:
                        rest = ""
                if target is None and self._sector(first) is None:
                    # "HDP-Chef": a KB organisation's name (a sector word wins: "Wirtschaftskammer-")
                    target = self._org_prefix(word.partition("-")[0])
                if target is None and first and not rest:
                    rest = first
            rest = rest.strip("-")
            agent = head.agent
            sector = self._sector(rest) if rest else None
            if head.generic and sector is None and target is None and len(modifier) >= 3:
                # the whole word is a body a modifier row names ("Betriebsrat": the row
                # "betriebsrat" -> LAB; "Aufsichtsrat" names none), a row longer than the
                # head ("Insgesamt" ends in the row "amt", which is the head itself)
                sector = next((agent for ending, agent in self.compound_mods
                               if len(ending) > len(head.form) and lower.endswith(ending)), None)
            if head.generic:
                if sector is not None:
                    agent = sector
                elif target is None:
                    return None
            elif head.modifier_wins and sector is not None:
                agent = sector  # "Wahlkampfmanager": a manager of a party's campaign
            if target is None and "-" in modifier and sector is None and head.generic:
                return None
            if not modifier.strip("-").replace("-", "").isalpha():
                return None
            roles = (f"~{lower[: len(lower) - len(head.form)]}{head.term.lower()}",)
            noun = RoleNoun(self.lang, word, ((word, head.plural),), agent, roles,
                            head.person and not head.plural, None, 0)
            return noun, target, head.plural
        return None

    def _party_state_office(self, noun: RoleNoun) -> bool:
        """Whether ``noun`` is an office of state a party member holds for the state
        (``linking.yaml`` ``party_state_offices``): its base term is listed, or -- for a
        compound ("ÖVP-Bundesfinanzministerin") -- the compound head its last part ends with
        (:data:`compound_roles.tsv` heads, longest first). Generic and party roles ("Chef",
        "Sprecher") are not listed, so "SPÖ-Chef" keeps the party's code."""
        if not self.party_state_offices or not noun.person:
            return False
        term = noun.term.lower()
        tail = term.rpartition("-")[2]
        if term in self.party_state_offices or tail in self.party_state_offices:
            return True
        for length in self.head_lengths:
            if length > len(tail):
                continue
            head = self.head_by_form.get(tail[-length:])
            if head is not None:
                return head.term.lower() in self.party_state_offices
        return False

    def _party_country(self, actor_id: str) -> Optional[str]:
        """The country of a political party (KB organisation coded country + PTY:
        ``org:ovp`` -> "AUT"), else None (a country, an IGO, another body)."""
        actor = self.kb.get(actor_id)
        code = actor.code if actor is not None and actor.type == "ORG" else None
        if code and len(code) >= 6 and code[3:6] == "PTY" and code[:3].isalpha():
            return code[:3]
        return None

    def _org_prefix(self, prefix: str) -> Optional[str]:
        """The KB organisation a compound's first part names by one of its names ("HDP" in
        "HDP-Chef", "KPÖ" in "KPÖ-Abgeordneter") when the KB lists no compound prefix for
        it (the first of :meth:`_org_prefixes`); None when none."""
        found = self._org_prefixes(prefix)
        return found[0] if found else None

    def _org_prefixes(self, prefix: str) -> List[str]:
        """Ids of the KB organisations one of whose names is ``prefix`` ("Grünen" -> the
        German and the Austrian Greens), in KB order; a name the KB matches
        case-sensitively must match exactly."""
        if len(prefix) < 2:
            return []
        out: List[str] = []
        for e in self.entries.get(prefix.lower(), []):
            if e.kind != "actor" or e.mention_kind != NAME:
                continue
            if e.case == CASE_EXACT and self._squash(prefix) != self._squash(e.surface):
                continue
            actor = self.kb.get(e.target or "")
            if actor is not None and actor.type == "ORG" and actor.id not in out:
                out.append(actor.id)
        return out

    def _sector(self, modifier: str) -> Optional[str]:
        """The agent code a compound modifier gives ("landespolizei" -> COP)."""
        for stem in (modifier, modifier[:-1] if modifier.endswith(("s", "n")) else None):
            if not stem:
                continue
            for ending, agent in self.compound_mods:
                if stem.endswith(ending):
                    return agent
        return None

    def _compound_atoms(self, doc: Doc, atoms: List[Atom]) -> List[Atom]:
        """Role atoms for capitalised nouns no KB surface form covers that read as a
        compound role noun (:meth:`compound_role`)."""
        if not self.compound_heads:
            return []
        taken = {i for a in atoms for i in range(a.start, a.end)}
        out: List[Atom] = []
        texts = token_texts(doc)
        for i, text in enumerate(texts):
            # by the text first: most tokens are short or lower case (no Token object)
            if i in taken or len(text) < 7 or not text[:1].isupper():
                continue
            tok = doc[i]
            if tok.is_upper:
                continue
            if tok.pos_ and tok.pos_ not in ("NOUN", "PROPN", "X", "ADJ") \
                    and not (tok.pos_ == "SPACE" and not tok.is_space):  # "IS-Kämpfer" tagged SPACE
                continue
            hit = self.compound_role(tok.text)
            if hit is None:
                continue
            noun, target, plural = hit
            out.append(Atom(tok.i, tok.i + 1, [Entry("role", target, ROLE, CASE_TITLE, tok.text, 0, role=noun, plural=plural)]))
            out[-1].compound = True  # type: ignore[attr-defined]
        # a generic head alone ("Leiter", "Direktorin", "Obmann", "Vorsitzender") before an
        # of-phrase ("Referent der Bildungsabteilung in der Landwirtschaftskammer") is a
        # role of the body that phrase names (:meth:`_of_phrase_body`); it names nothing
        # when the phrase names no body
        compounds = {a.start for a in out}
        for i, text in enumerate(texts):
            if i in taken or i in compounds or not text[:1].isupper() or i + 1 >= len(doc):
                continue
            tok = doc[i]
            if doc[tok.i + 1].lower_ not in self.of_words and doc[tok.i + 1].lower_ not in self.member_of \
                    and not (tok.i > 0 and self._possessive_det(doc[tok.i - 1])):
                continue
            head = self.head_by_form.get(tok.lower_) or self._generic_compound_head(tok.text)
            if head is None or not head.generic or not head.person or head.plural \
                    or not tok.lower_.endswith(head.form):
                continue
            noun = RoleNoun(self.lang, tok.text, ((tok.text, False),), head.agent, (f"~{head.term.lower()}",), True, None, 0)
            out.append(Atom(tok.i, tok.i + 1, [Entry("role", None, ROLE, CASE_TITLE, tok.text, 0, role=noun, plural=False)]))
            out[-1].compound = True  # type: ignore[attr-defined]
            out[-1].bare_generic = True  # type: ignore[attr-defined]
        out.sort(key=lambda a: a.start)
        return out

    def _generic_compound_head(self, word: str) -> Optional[CompoundHead]:
        """The generic person head a compound ends with when its modifier names no sector
        ("Sicherheitssprecher", "Budgetsprecherin", "Kampagnenchef": a policy area or task,
        not a body): such a word is a role only of the body an of-phrase or a possessive
        names ("der Budgetsprecher der Grünen", "ihr Sicherheitssprecher"), like the bare
        head. None for a word that is no such compound."""
        low = word.lower()
        for n in self.head_lengths:
            if n >= len(low) - 2:
                continue
            head = self.head_by_form.get(low[-n:])
            if head is not None and head.generic and head.person and not head.plural:
                modifier = low[:-n].rstrip("-")
                return head if modifier.isalpha() and len(modifier) >= 3 else None
        return None

    def _outlet_of_state_role(self, noun: RoleNoun, actor_id: str) -> bool:
        """Whether ``actor_id`` is a news outlet (agent MED) after a state office's role noun
        (agent in :data:`STATE_AGENTS`): German names the addressee of a speech in the
        dative right after the speaker ("sagte der Kanzler der Bild-Zeitung", "sagte ein
        Heeressprecher der APA"), and an office of state never belongs to an outlet."""
        actor = self.kb.get(actor_id)
        return self._state_office(noun) and actor is not None and actor.type == "ORG" \
            and (actor.code or "")[3:6] == "MED"

    def _state_office(self, noun: RoleNoun) -> bool:
        """A role noun of a state office (agent in :data:`STATE_AGENTS`) that is not a
        generic head ("Präsident", "Direktor", "Sprecher", "Chef" of compound_roles.tsv lead
        any body: "Direktor des ORF" belongs to the broadcaster)."""
        head = self.head_by_form.get(noun.term.lower())
        return noun.agent in STATE_AGENTS and not (head is not None and head.generic)

    def _of_phrase_body(
        self, doc: Doc, atoms: List[Atom], k: int, end: int, noun: Optional[RoleNoun] = None,
    ) -> Optional[Tuple[str, int, int, Optional[str]]]:
        """The body a role's of-phrase names when it is not right after the of-word
        ("Referent der Bildungsabteilung in der Landwirtschaftskammer", "Chef der
        konservativen EVP-Fraktion", "Direktor des Instituts für Höhere Studien"): the
        phrase runs from the of-word at token ``end`` to the first punctuation, verb or
        conjunction (at most 10 tokens). A KB organisation in it wins (the last one: the
        body the unit belongs to); else the last noun whose word gives a sector
        (:meth:`_body_sector`: "Instituts" -> EDU). Returns ``(organisation id or agent
        code, end token, next atom index, country adjective or None)`` -- the second
        element is an org id for an organisation, else the sector's agent code -- or
        None when the phrase names neither.

        noun: the role noun. A state office (:meth:`_state_office`: a minister, a
        chancellor, an army spokesman) never belongs to a news outlet: "sagte der
        Kanzler der Bild-Zeitung", "ein Heeressprecher der APA" name the outlet in the dative,
        as the addressee of the speech, and "der Minister bei einem Mediengespräch" a press
        event; the outlet or media sector is then no body of the role (None)."""
        if end >= len(doc) or (doc[end].lower_ not in self.of_words and doc[end].lower_ not in self.member_of):
            return None
        state_office = noun is not None and self._state_office(noun)
        stop = end + 1
        while stop < len(doc) and stop <= end + 10:
            t = doc[stop]
            if t.is_punct and t.text not in ("-", "–") or t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON"):
                break
            stop += 1
        # an outlet after the body ("sagte ein Sprecher der Feuerwehr der APA", "bestätigte
        # eine Sprecherin des Landes gegenüber der Nachrichtenagentur APA"): the addressee of
        # the speech in the dative, for any role -- the phrase ends before it (session 31)
        m = k
        while m < len(atoms) and atoms[m].start < stop:
            a = atoms[m]
            e = a.entries[0]
            outlet = self.kb.get(e.target or "") if e.kind == "actor" and e.mention_kind == NAME else None
            if (outlet is not None and outlet.type == "ORG" and (outlet.code or "")[3:6] == "MED"
                    and any(t.pos_ in ("NOUN", "PROPN") for t in doc[end + 1:a.start])):
                stop = a.start
                while stop > end + 1 and (doc[stop - 1].pos_ in ("DET", "ADP") or doc[stop - 1].lower_ in self.of_words):
                    stop -= 1
                break
            m += 1
        org: Optional[Tuple[str, int, int]] = None
        adjective: Optional[str] = None
        m = k
        while m < len(atoms) and atoms[m].start < stop:
            a = atoms[m]
            e = a.entries[0]
            if a.end > stop:
                break
            if e.kind in ("adj", "demonym"):
                base = self.kb.get(e.target or "")
                adjective = base.country if base is not None else adjective
            elif e.kind == "actor" and e.mention_kind == NAME:
                actor = self.kb.get(e.target or "")
                if actor is not None and actor.type == "ORG" and actor.code:
                    if state_office and actor.code[3:6] == "MED":  # as _outlet_of_state_role
                        return None  # the addressee of the speech, not the office's body
                    org = (actor.id, a.end, m + 1)
                elif actor is not None and actor.type in ("GPE", "PER"):
                    return None  # "Präsident des Landes Kärnten", a person: not a body's role
            elif e.kind == "role" and e.target and (tgt := self.kb.get(e.target)) is not None and tgt.type == "ORG":
                org = (tgt.id, a.end, m + 1)  # "EVP-Fraktion": the organisation of the compound
            m += 1
        if org is not None:
            return org[0], org[1], org[2], adjective
        sector: Optional[Tuple[str, int]] = None
        for t in doc[end + 1:stop]:
            if t.pos_ in ("NOUN", "PROPN") or (not t.pos_ and t.text[:1].isupper()):
                found = self._body_sector(t.text)
                if found is not None:
                    sector = (found, t.i + 1)
        if sector is None or (state_office and sector[0] == "MED"):
            return None
        m = k
        while m < len(atoms) and atoms[m].start < sector[1]:
            m += 1
        return sector[0], sector[1], m, adjective

    def _country_marks(self, atoms: List[Atom], doc: Optional[Doc] = None) -> List[Tuple[int, str]]:
        """``(token, ISO alpha-3)`` of every state, place, country adjective or country
        role prefix among ``atoms``, in document order. With ``doc``, a state or place
        named on a path (:func:`lagebild.language.reference.path_object`: "Aus
        Slowenien kämen neue Flüchtlinge", "von Slowenien nach Österreich") is no mark:
        "…, hieß es von der Polizei" after it is the police of the country the report is
        from (the dateline's, another mark's, else the outlet's), not Slovenia's -- as
        :func:`lagebild.language.reference.context_country` skips such places for a
        sentence's own country."""
        from ..language.reference import path_object

        marks: List[Tuple[int, str]] = []
        for a in atoms:
            e = a.entries[0]
            country: Optional[str] = None
            if e.kind in ("adj", "demonym"):
                base = self.kb.get(e.target or "")
                country = base.country if base is not None else None
            elif e.kind == "actor" and e.mention_kind in (NAME, METONYMY):
                actor = self.kb.get(e.target or "")
                if actor is not None and actor.type in ("GPE", "LOC"):
                    country = None if doc is not None and path_object(doc, a.start, a.end - 1) else actor.country
                elif actor is not None and actor.type == "ORG" and actor.code and actor.code[3:6] in STATE_AGENTS \
                        and _national_prefix(actor.code) and not self._shared_name(a):
                    # a national party or state body names its country ("die Salzburger SPÖ"
                    # -> AUT); outlets, firms and NGOs report on any country and do not
                    country = _national_prefix(actor.code)
            elif e.kind == "role" and e.target:
                base = self.kb.get(e.target)
                country = base.country if base is not None and base.type in ("GPE", "LOC") else None
            if country and len(country) == 3 and country.isalpha():
                marks.append((a.start, country))
        return marks

    @staticmethod
    def _context_country(marks: List[Tuple[int, str]]) -> Optional[str]:
        """The country a document is mostly about: the one its states, places and country
        adjectives name most often (the earliest on a tie); None when it names none."""
        counts: Counter = Counter(c for _, c in marks)
        if not counts:
            return None
        first = {}
        for i, c in marks:
            first.setdefault(c, i)
        return max(counts, key=lambda c: (counts[c], -first[c]))

    # -- composition ------------------------------------------------------------------
    def _country_ref(self, atom: Atom) -> Optional[str]:
        """The country/organisation an atom names or qualifies (adjective, country, IGO)."""
        for e in atom.entries:
            if e.kind in ("adj", "demonym"):
                return e.target
            if e.kind == "actor" and e.mention_kind == METONYMY:  # "des Kremls" -> RUS
                actor = self.kb.get(e.target or "")
                if actor is not None and actor.country:
                    return actor.country
            if e.kind == "actor" and e.mention_kind in (NAME,):
                actor = self.kb.get(e.target or "")
                if actor is not None and actor.type == "GPE":
                    return actor.id
                if actor is not None and actor.type == "ORG" and actor.id.startswith("org:"):
                    return actor.id
        return None

    def _is_place(self, atom: Atom) -> bool:
        e = atom.entries[0]
        if e.kind != "actor" or e.mention_kind not in (NAME, METONYMY):
            return False
        actor = self.kb.get(e.target or "")
        return actor is not None and actor.type in ("GPE", "LOC")

    def _sub_national(self, atom: Atom) -> Optional[str]:
        """The country of a region or town an atom names (a LOC place), else None."""
        e = atom.entries[0]
        actor = self.kb.get(e.target or "") if e.kind == "actor" and e.mention_kind == NAME else None
        return actor.country if actor is not None and actor.type == "LOC" else None

    def _place_country(self, atom: Atom) -> Optional[str]:
        """The country of a place an atom names by name: a region or town's country, or
        the country itself; None for anything else."""
        e = atom.entries[0]
        actor = self.kb.get(e.target or "") if e.kind == "actor" and e.mention_kind == NAME else None
        if actor is None:
            return None
        if actor.type == "GPE":
            return actor.id
        return actor.country if actor.type == "LOC" else None

    def _seat_country(self, atom: Atom) -> Optional[str]:
        """The country whose seat of government an atom names ("Kiew", "Kreml")."""
        e = atom.first("actor")
        actor = self.kb.get(e.target or "") if e is not None else None
        if actor is None:
            return None
        if e.mention_kind == METONYMY or (actor.type == "LOC" and actor.metonymy):
            return actor.country
        return None

    def _person(self, atom: Atom) -> Optional[Entry]:
        for e in atom.entries:
            if e.kind == "prov" and getattr(atom, "prov_type", "PER") == "PER":
                return e
            if e.kind == "actor" and e.mention_kind in (NAME, SURNAME):
                actor = self.kb.get(e.target or "")
                if actor is not None and actor.type == "PER":
                    return e
        return None

    @staticmethod
    def _unknown_org(atom: Atom, agent: str) -> Optional[str]:
        """The provisional id of a name the KB does not know that is no person ("DHA"),
        else None. After an outlet noun (agent MED: "die Nachrichtenagentur", "der
        Sender") the name is the outlet even when the entity model called it a person (it
        often does: "Kathpress", "Ihlas"); after other group nouns a person's name stays a
        person ("die FDP-Abgeordnete Julia X")."""
        e = atom.entries[0]
        if e.kind != "prov" or e.mention_kind != NAME:
            return None
        if getattr(atom, "prov_type", "PER") == "PER" and agent != "MED":
            return None
        return e.target

    def _current_time_phrase(self, toks) -> bool:  # type: ignore[no-untyped-def]
        """Whether the tokens are a present-time adverbial that may open a role apposition
        (``linking.yaml`` current_role_words): one such adverb ("derzeit"), or "seit" with up
        to three words of a time phrase ("seit 2010", "seit zwei Jahren", "seit Anfang
        2015") -- no verb, no punctuation."""
        if not len(toks) or toks[0].lower_ not in self.current_role_words:
            return False
        if len(toks) == 1:
            return toks[0].lower_ != "seit"
        return toks[0].lower_ == "seit" and len(toks) <= 4 and all(
            t.pos_ in ("NUM", "ADJ", "NOUN", "DET", "PROPN") and not t.is_punct for t in toks[1:])

    def _apposition_ends(self, doc: Doc, end: int) -> bool:
        """Whether a role phrase ending at token ``end`` closes an apposition: a comma, a
        dash, a bracket or the end of the sentence follows."""
        return end >= len(doc) or doc[end].is_sent_start or doc[end].text in (",", ")", ".") \
            or doc[end].text in self.apposition_dashes

    def _between(self, doc: Doc, end: int, start: int) -> List[str]:
        return [t.text for t in doc[end:start]]

    def _is_former(self, doc: Doc, start: int) -> bool:
        for i in range(max(0, start - 2), start):
            text = doc[i].text.lower().rstrip("-")
            if text in self.former:
                return True
        tok = doc[start].text.lower()
        return any(tok.startswith(f + "-") for f in ("ex", "alt", "former"))

    def _is_deputy(self, doc: Doc, start: int) -> bool:
        for i in range(max(0, start - 2), start):
            if doc[i].text.lower() in self.deputy:
                return True
        tok = doc[start].text.lower()
        return any(tok.startswith(d) for d in self.deputy if d.endswith("-"))

    def _counterpart_roles(self, st: DocState) -> Tuple[str, ...]:
        """The roles of the most recent office-holder mentioned ("Rubio traf seinen
        russischen Amtskollegen" -> foreign_minister)."""
        for pid in reversed(st.recent):
            actor = self.kb.get(pid)
            office = actor.office_at(st.on, st.named_roles.get(pid)) if actor is not None else None
            if office is not None and office.roles:
                return tuple(r for r in office.roles if r != "leader") or office.roles
            if pid in st.learned_roles:
                return tuple(sorted(st.learned_roles[pid]))
        return ()

    def _resolve_surname(self, entries: List[Entry], st: DocState) -> Optional[str]:
        cands = [e.target for e in entries if e.kind == "actor" and e.mention_kind == SURNAME]
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        for pid in reversed(st.recent):
            if pid in cands:
                return pid
        active = [c for c in cands if (a := self.kb.get(c or "")) is not None and a.office_at(st.on)]
        return (active or cands)[0]

    def _resolve_role(
        self, noun: RoleNoun, plural: bool, country: Optional[str], former: bool, st: DocState,
        context_at: Optional[int] = None,
    ) -> Optional[str]:
        kb = self.kb
        if noun.roles == ("counterpart",):
            roles = self._counterpart_roles(st)
            if country and not roles and noun.lang == "en" and noun.agent:
                # English (issue 9, session 28): "The Iranian foreign minister met his Syrian
                # counterpart" -- the office-holder was named by role only, so no roles are
                # known; a counterpart is still an office of that country's government
                actor = kb.composite(country, noun.agent)
                return actor.id if actor else None
            if not roles or not country:
                return None
            noun = RoleNoun(noun.lang, noun.term, noun.forms, noun.agent, roles, True, None, noun.priority)
        if not noun.person or plural:
            if country:
                actor = kb.composite(country, noun.agent)
                return actor.id if actor else None
            return None
        if country:
            for key in role_keys(noun):
                pid = st.learned.get((key, country))
                if pid:
                    return pid
            for key in noun.roles:
                offices = kb.former_holders(key, country, st.on) if former else kb.holders(key, country, st.on)
                cands: List[str] = []
                for o in offices:
                    if o.actor not in cands:
                        cands.append(o.actor)
                if not cands:
                    continue
                for pid in reversed(st.recent):
                    if pid in cands:
                        return pid
                if (kb.role_keys.get(key) or {}).get("single") != "y":
                    # advisers, envoys, spokespeople: the KB never knows them all, so one
                    # it knows is no evidence unless the document names them
                    break
                if len(cands) == 1 or former:
                    return cands[0]
                # one holder at a time: an open term the KB forgot to end loses
                return max(offices, key=lambda o: o.start or date.min).actor
            actor = kb.composite(country, noun.agent)
            return actor.id if actor else None
        # no country: the most recent person of the document holding that role
        for pid in reversed(st.recent):
            if st.learned_roles.get(pid, set()) & set(role_keys(noun)):
                return pid
            actor = kb.get(pid)
            if actor is None:
                continue
            offices = [o for o in actor.offices if (o.ended_before(st.on) if former else o.active(st.on))]
            if any(set(o.roles) & set(noun.roles) for o in offices):
                return pid
        # nobody in the document holds it: the agents of the country the text before it
        # is mostly about ("der Polizeichef" in an article about Turkey -> TURCOP), as
        # CAMEO coders do; a country named only later does not count (in "The ambassador
        # hopes that the British …" the British are the topic, not the ambassador's state)
        context = st.where(context_at, whole=False) if context_at is not None else None
        if context and not former and not noun.implies:
            actor = kb.composite(context, noun.agent)
            return actor.id if actor else None
        return None

    def _learn(
        self, noun: RoleNoun, country: Optional[str], pid: str, text: str, former: bool, st: DocState,
        guessed: bool = False,
    ) -> None:
        """An apposition teaches a role unless it is a former one or the KB's dated offices
        say otherwise ("Präsident Trump" in a 2023 article does not make him the president:
        he held that office at another time). A role the KB never gave the person
        ("Justizminister Heiko Maas" in 2016, the KB knowing only his later office) or any
        role in an undated article is the text's word and is learned. The person then
        carries the role's CAMEO code for this document: the country (the role's own, else
        the document's main country) plus the role's agent code ("Innenministerin X" in an
        Austrian article -> AUTGOV; "CDU-Abgeordnete X" -> DEULEG). A former role
        ("Ex-Finanzminister X", "der frühere Präsident X") teaches no office; a person the
        KB gives no code of its own is then an elite of that country (``ELI``, as CAMEO
        codes former office holders): "Ex-Finanzminister Nigel Lawson" in a British article
        -> GBRELI; a former role in an organisation keeps the organisation's code.
        ``guessed``: ``country`` is the document's (:meth:`DocState.where`), not the text's
        word for this role -- the code is weak evidence (``DocState.implicit``)."""
        actor = self.kb.get(pid)
        if former:
            if pid not in st.role_code and not (actor is not None and actor.code) and noun.person:
                own = actor.country if actor is not None and actor.country and len(actor.country) == 3 else None
                if guessed or not (country or own):
                    st.implicit.add(pid)
                code = self._role_code(noun, self._role_country(country, own, guessed) or st.where())
                if code is not None and code[0] and code[1] == code[0] + noun.agent:
                    st.role_code[pid] = (code[0], code[0] + "ELI")
                elif code is not None:
                    st.role_code[pid] = code  # "Ex-SPÖ-Chef X": still the party's
            return
        if actor is not None and actor.offices and st.dated:
            active = actor.office_at(st.on, noun.roles)  # of two offices, the one named
            if active is not None and not (set(active.roles) & set(noun.roles)):
                return
            if active is None and any(set(o.roles) & set(noun.roles) for o in actor.offices):
                return
        bodiless = noun.term in self.party_or_state_roles and (country is None or guessed)
        if bodiless and actor is not None and (actor.code or "")[3:6] in ("PTY", "OPP"):
            return  # "Generalsekretär Gernot X" of a party the KB knows him by
        st.learn(noun, country, pid, text)
        if bodiless and pid not in st.role_code:
            st.party_or_state.add(pid)
        if pid not in st.role_code:
            own = actor.country if actor is not None and actor.country and len(actor.country) == 3 else None
            if guessed or not (country or own):
                st.implicit.add(pid)
            code = self._role_code(noun, self._role_country(country, own, guessed) or st.where())
            if code is None and self.lang == "en" and noun.agent:
                # English: "Sen. X", "Judge X" in a text that names no country -- the role's
                # agent with an unknown country ("---LEG"), as CAMEO writes a group of
                # unknown country (German keeps its figures: no code)
                code = (None, "---" + noun.agent)
            if code is not None:
                st.role_code[pid] = code

    @staticmethod
    def _role_country(country: Optional[str], own: Optional[str], guessed: bool) -> Optional[str]:
        """Whose role a learned apposition names: the text's own country or body for the
        role (``country``), else the KB person's own country (``own``, alpha-3). A country the
        document only guessed (``guessed``: :meth:`DocState.where`) does not override the KB's
        country of the person -- "Die Leiterin des Ifo-Instituts, Anna Berger" in an
        article filed in Athens is a German economist (DEUEDU), not a Greek one."""
        if guessed and own:
            return own
        return country or own

    def _role_code(self, noun: RoleNoun, of: Optional[str]) -> Optional[Tuple[Optional[str], str]]:
        """``(country, CAMEO code)`` of a person holding ``noun``'s role of ``of`` (a country,
        place or organisation id): a party's member of parliament is the party's country +
        LEG, its other roles the party's code; an organisation's role its code; a
        country's role country + agent."""
        base = self.kb.get(of) if of else None
        if base is None:
            return None
        if noun.term in self.party_politician_nouns and noun.agent != "PTY":
            # "die Politikerin Eva X": one politician with no office named is a party
            # politician (the gold README's PTY); a group of a country's politicians stays GOV
            noun = replace(noun, agent="PTY")
        if base.type == "ORG":
            code = base.code
            if not code:
                return None
            if len(code) >= 6 and code[3:6] == "PTY" and code[:3].isalpha() and noun.agent not in ("GOV", "PTY"):
                return (code[:3], code[:3] + noun.agent)
            return (code[:3] if code[:3].isalpha() and not code.startswith("IGO") else None, code)
        iso = base.country
        if not iso or len(iso) != 3:
            return None
        return (iso, f"{iso}{noun.agent}")

    def _is_name_part(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """A noun right before a city name makes it part of a name or a place."""
        if tok.is_upper and len(tok) >= 2 and tok.is_alpha:
            return True  # an abbreviation: "OLG Wien"
        if tok.is_sent_start or not tok.is_title or tok.lower_ in self.apposition_det:
            return False
        if tok.pos_:
            return tok.pos_ in ("NOUN", "PROPN")
        return self.lang == "de"  # German nouns are capitalised

    def _stands_for_government(self, doc: Doc, atom: Atom) -> bool:
        """Is a metonymic capital used for its government here (not as a place)?"""
        prev = doc[atom.start - 1].text.lower() if atom.start > 0 else ""
        if prev in self.locative or prev == "/":
            return False
        if atom.start > 0 and self._is_name_part(doc[atom.start - 1]):
            return False  # part of a name or a place: Universität Wien, OLG Wien, Stadt Wien
        nxt = doc[atom.end].text if atom.end < len(doc) else ""
        if nxt in ("–", "—", "-", "/", "(") and (atom.start == 0 or doc[atom.start].is_sent_start):
            return False  # a dateline: "Wien – Der Nationalrat ..."
        if nxt == "," and self.lang == "en" and (atom.start == 0 or doc[atom.start].is_sent_start):
            # a dated English dateline: "PARIS, March 3 (Reuters) - Police …" (session 31)
            from ..language.dateline import dateline_matches

            start = doc[atom.start].idx
            if any(m.start("place") == start for m in dateline_matches(doc_text(doc))):
                return False
        nxt2 = doc[atom.end + 1].text if atom.end + 1 < len(doc) else ""
        if nxt in ("des", "der") or (nxt and nxt[0].isdigit()) or nxt2 == "–":
            return False  # "ins London des Jahres 1918", "Wien/Budapest –"
        if not doc.has_annotation("DEP"):
            return True
        head = doc[atom.end - 1]
        while head.head.i != head.i and atom.start <= head.head.i < atom.end:
            head = head.head
        dep = head.dep_
        hops = 0
        while dep == "conj" and head.head.i != head.i and hops < 5:
            head = head.head
            dep = head.dep_
            hops += 1
        if dep not in self.government_deps:
            # the parse may be wrong ("criticised" as amod of "Brussels"): a verb right
            # before or after still makes the name an argument
            before = doc[atom.start - 1] if atom.start > 0 else None
            after = doc[atom.end] if atom.end < len(doc) else None
            return any(t is not None and t.pos_ in ("VERB", "AUX") for t in (before, after))
        for child in head.children:  # a locative preposition attached in the parse
            if child.dep_ in ("case", "prep") and child.text.lower() in self.locative:
                return False
        return True

    def _emit_plain(self, doc: Doc, atom: Atom, out: List[Found], st: DocState) -> None:
        e = atom.entries[0]
        if e.kind == "prov":
            body_at = self._named_body(doc, atom, st) if e.mention_kind == NAME else None
            if body_at is not None:
                out.append(Found(body_at, atom.end, e.target or "", NAME))
                return
            out.append(Found(atom.start, atom.end, e.target or "", e.mention_kind))
            if getattr(atom, "prov_type", "PER") == "PER":
                st.mentioned(e.target or "")
            elif getattr(atom, "prov_type", "PER") == "ORG" and e.mention_kind == NAME:
                self._code_unknown_body(doc, atom, e.target or "", st)
            return
        if e.kind == "role":
            return
        if e.kind == "actor" and e.mention_kind == SURNAME:
            pid = self._resolve_surname(atom.entries, st)
            if pid:
                out.append(Found(atom.start, atom.end, pid, SURNAME))
                st.mentioned(pid)
            return
        actor = self.kb.get(e.target or "")
        if actor is None:
            return
        if doc[atom.start].text in self.directional and atom.end - atom.start == 1:
            prev = doc[atom.start - 1].text.lower() if atom.start > 0 else ""
            nxt = doc[atom.end] if atom.end < len(doc) else None
            if prev in self.locative or (nxt is not None and (nxt.is_title or nxt.lower_ in self.of_words)):
                return  # "im Westen", "im Osten der Ukraine": a direction, not the West
        kind = e.mention_kind
        if e.kind == "actor" and actor.metonymy and actor.type == "LOC":
            if self._stands_for_government(doc, atom):
                gov = self.kb.get(actor.metonymy_of) if actor.metonymy_of else self.kb.composite(actor.country or "", "GOV")
                if gov is not None:
                    out.append(Found(atom.start, atom.end, gov.id, METONYMY))
                    return
        if e.kind == "demonym" and self._counted_people(doc, atom.start):
            crowd = self.kb.composite(actor.id, "CVL") if actor.type != "ORG" else None
            if crowd is not None:
                out.append(Found(atom.start, atom.end, crowd.id, ROLE))
                return
        out.append(Found(atom.start, atom.end, actor.id, kind))
        if actor.type == "PER":
            st.mentioned(actor.id)

    @staticmethod
    def _text_country(st: DocState, token: int) -> Optional[str]:
        """:meth:`DocState.where` without its last resort: the dateline's country, else the
        one the text names most often before ``token``, else in the whole document -- never
        the outlet's when the text names no country (a body the KB does not know in a report
        filed from a place it does not know is of no known country)."""
        return st.home or st.context_before(token) or st.context

    def _named_body(self, doc: Doc, atom: Atom, st: DocState) -> Optional[int]:
        """The body noun's token when a name the KB does not know follows an article and a body noun whose word
        says its sector ("der Baukonzern Feldmann", "die Reederei Nordwelle", also where the
        entity model's span holds the noun: "[Brauerei Hollmann]"; session 29,
        #11; :meth:`_body_word_agent`, no government sector): the name is that body, coded
        with the sector and the country the text gives (a weak code, :meth:`_text_country`);
        ``st.role_code`` gets it. A noun the KB matches (an agent
        noun: "die Hilfsorganisation X") is the role phrase's business. None otherwise."""
        # the body noun before the name, or inside the entity model's span ("[Brauerei Hollmann]")
        j = atom.start - 1 if atom.start >= 1 and doc[atom.start - 1].pos_ != "DET" else atom.start
        e = atom.entries[0]
        if j < 1 or j >= atom.end - (0 if j < atom.start else 1) or doc[j].pos_ not in ("NOUN", "PROPN") \
                or not doc[j].text[:1].isupper() or doc[j - 1].pos_ != "DET" or e.target in st.role_code:
            return None
        agent, end = self._body_word_agent(doc, j)
        where = self._text_country(st, j)
        if agent is None or agent == "GOV" or end != j + 1 or not where or len(where) != 3:
            return None
        st.role_code[e.target or ""] = (where, f"{where}{agent}")
        st.implicit.add(e.target or "")
        return j

    def _counted_people(self, doc: Doc, start: int) -> bool:
        """Whether a demonym at token ``start`` is counted like people ("Tausende Syrer",
        "200 Iraker", "thousands of Syrians"): a number word (``data/<lang>/people_counts.txt``)
        or a numeral right before it, or before an of-word before it.
        Such a demonym names the country's civilians, not its state (:meth:`_emit_plain`)."""
        i = start - 1
        if i >= 1 and doc[i].lower_ in self.of_words and self.lang == "en":
            i -= 1
        if i < 0:
            return False
        tok = doc[i]
        return tok.lower_ in self.people_counts or (tok.like_num and not tok.is_punct)

    def _code_unknown_body(self, doc: Doc, atom: Atom, org: str, st: DocState) -> None:
        """An organisation the KB does not know, named by the entity model ("Zentralrat
        Deutscher Sinti und Roma", "Bundesverband der Ärzte"), whose name contains a sector
        word (:meth:`_body_sector`, ``compound_roles.tsv`` modifier rows: "verband" -> NGO,
        "ärzte" -> HLH): that sector of the country the text before it is mostly about (a
        weak code, like the document's country for a bare office)."""
        if not org or org in st.role_code:
            return
        agent = None
        for tok in doc[atom.start:atom.end]:
            found = self._body_sector(tok.text) if tok.text[:1].isupper() else None
            if found is not None:
                agent = found
        where = st.where(atom.start)
        if agent is None or not where or len(where) != 3:
            return
        st.role_code[org] = (where, f"{where}{agent}")
        st.implicit.add(org)

    def _role_phrase(
        self, doc: Doc, atoms: List[Atom], j: int, country: Optional[str], start: int,
        out: List[Found], st: DocState,
    ) -> int:
        r = atoms[j]
        entry = r.role()
        assert entry is not None and entry.role is not None
        noun = entry.role
        if entry.target and noun.implies and not country:
            implied = self.kb.get(noun.implies)
            if implied is not None and implied.parent == entry.target:
                entry_target = noun.implies  # "EU-Kommissionspräsident": the Commission of the EU
            else:
                entry_target = entry.target
        else:
            entry_target = entry.target
        if getattr(r, "compound", False) and entry_target and "-" in entry.surface \
                and self.kb.get(entry_target) is not None and self.kb.get(entry_target).type == "ORG":
            # "Grünen-Abgeordneter" in an Austrian article: the Austrian Greens (one sense per
            # discourse, as for the bare name in _prefer_context_orgs)
            cands = self._org_prefixes(entry.surface.partition("-")[0])
            where = st.where(start)
            if len(cands) > 1 and where:
                entry_target = next((c for c in cands if _national_prefix(self.kb.get(c).code or "") == where), entry_target)
        guessed = False  # the country is the document's, not the text's word for this role
        implied_only = not country and (entry_target or noun.implies) == noun.implies and noun.implies is not None
        country = country or entry_target or noun.implies
        if country and self._party_state_office(noun):
            # "ÖVP-Innenministerin X", "die CDU-Kanzlerin": the party names the office's
            # country; the office is the state's (AUTGOV), not the party's (AUTPTY)
            country = self._party_country(country) or country
        shared = self.shared_titles.get(noun.term) if implied_only else None
        if shared:
            # "Bundeskanzler" in an Austrian article: the office of that country; a person
            # the KB knows ("Bundeskanzler Werner Faymann") keeps the KB's country
            known = self._person(atoms[j + 1]) if j + 1 < len(atoms) and atoms[j + 1].start == r.end else None
            known_actor = self.kb.get(known.target or "") if known is not None and known.kind == "actor" else None
            where = known_actor.country if known_actor is not None and known_actor.country in shared else None
            guessed = where is None
            where = where or st.where(start)
            if where in shared:
                country = where
            else:
                guessed = False
        # only forms that are plural by themselves ("Politikern", "presidents") count: the
        # models' Number feature is too unreliable on -er nouns ("den Bundeskanzler")
        plural = entry.plural
        end = r.end
        k = j + 1
        n = len(atoms)
        addressee = False  # an outlet in the dative after the role ("der Kanzler der Bild-Zeitung")
        # "Präsident der Ukraine", "President of Russia", "Präsidenten Russlands"
        if country is None and k < n:
            c = atoms[k]
            cref = self._country_ref(c) if c.first("adj", "demonym") is None else None
            if cref and self._outlet_of_state_role(noun, cref):
                cref = None  # "sagte der Kanzler der Bild-Zeitung": the outlet is the addressee
                addressee = True
            gap = doc[end:c.start]
            # "Chef der prokurdischen HDP": adjectives may stand between "der" and the name
            while len(gap) > 1 and gap[-1].pos_ == "ADJ":
                gap = gap[:-1]
            between = " ".join(t.text for t in gap).lower()
            if cref and ((c.start == end and c.entries[0].genitive) or (between and between in self.of_words)):
                country, end, k = cref, c.end, k + 1
            elif between in self.of_words and c.entries[0].kind == "actor" and self._sub_national(c):
                # "the governor of Georgia" (the US state), "der Bürgermeister von Charkiw": an
                # office of a region or town is its country's agent, never a national office holder
                group = self.kb.composite(self._sub_national(c) or "", noun.agent) if noun.agent else None
                if group is not None:
                    out.append(Found(start, c.end, group.id, ROLE))
                    return k + 1
            elif self.lang == "de" and between in self.of_words and noun.term.lower() in self.seat_nouns \
                    and self._person(c) is not None:
                # "die Regierung von Tsipras", "das Kabinett des Premiers X": the leader's
                # government, as "die Tsipras-Regierung"
                person = self._person(c)
                pid = person.target or ""
                if person.mention_kind == SURNAME and person.kind == "actor":
                    pid = self._resolve_surname(c.entries, st) or pid
                known = self.kb.get(pid)
                iso = (known.country if known is not None else None) or st.role_code.get(pid, (None, None))[0]
                group = self.kb.composite(iso, noun.agent) if iso and noun.agent else None
                if group is not None:
                    out.append(Found(start, c.end, group.id, ROLE))
                    if known is not None and known.type == "PER":
                        st.mentioned(pid)
                    return k + 1
            elif between in self.seat_words and noun.term.lower() in self.seat_nouns:  # "Regierung in Kiew"
                seat = self._seat_country(c)
                if seat:
                    country, end, k = seat, c.end, k + 1
            elif between in self.origin_words and noun.agent in self.origin_agents and not noun.implies:
                # "ein Flüchtling aus Syrien": refugees and civilians by their origin
                origin = self._place_country(c)
                if origin:
                    country, end, k = origin, c.end, k + 1
            elif between in self.seat_words and noun.agent in self.seated_agents and not noun.implies:
                # "ein Richter in Manchester", "ein Polizeisprecher in Lyon": a court or a
                # police force of the place's country (linking.yaml seated_agents)
                seat = self._place_country(c)
                if seat:
                    country, end, k = seat, c.end, k + 1
        # "Referent der Bildungsabteilung in der Landwirtschaftskammer": the body further in
        # the of-phrase; a bare generic head ("Leiter") that names no body is no role
        bare = getattr(r, "bare_generic", False)
        if self.lang == "de" and country is None and noun.person and not plural and start > 0 \
                and self._possessive_det(doc[start - 1]):
            # "Der Zentralrat … sein Vorsitzender Romani X": the role of the body named before
            country = self._possessor(doc, start, out, st)
            principal = self._possessor_person(doc, start, out) \
                if country is None and noun.term in self.representative_roles else None
            if principal is not None:
                # "Konvička … dessen Anwältin Klára X teilte mit": a lawyer or spokesperson
                # speaks for the client (CAMEO codes the principal, as for "ein Sprecher
                # Konvičkas"): a mention of the principal, no role learnt
                if k < n and atoms[k].start == end and self._person(atoms[k]) is not None:
                    out.append(Found(start, atoms[k].end, principal, ROLE))
                    return k + 1
                out.append(Found(start, end, principal, ROLE))
                return k
            if country is None and bare:
                return k
        if self.lang == "de" and country is None and noun.person and (bare or end == r.end):
            body = self._of_phrase_body(doc, atoms, k, end, noun)
            if body is not None and plural and self.kb.get(body[0]) is None:
                body = None  # "Richter am Supreme Court" is the court; a sector alone names no group
            if body is not None:
                what, end, k, adjective = body
                if self.kb.get(what) is not None and self.kb.get(what).type == "ORG":
                    country = what
                else:  # a sector: that body of the adjective's country, else the document's
                    # the body's own role, never a national office ("Präsidentin der
                    # Universitätenkonferenz" is no president of the country)
                    noun = RoleNoun(noun.lang, noun.term, noun.forms, what, (f"~{noun.term.lower()}",), True, None,
                                    noun.priority)
                    country = adjective or st.where(start)
                    guessed = adjective is None
            elif bare:
                return k
        # "der frühere Präsident", "Ex-Präsident", "der britische Ex-Finanzminister"
        former = any(self._is_former(doc, i) for i in range(start, r.end))
        text = doc[start:end].text
        # a group noun + an organisation's name the KB does not know ("die Nachrichtenagentur
        # DHA", "der Sender RTS"): the name is that kind of body of the role's country, else
        # of the country the text before it is mostly about -> TURMED; the name alone later
        # ("berichtete DHA weiter") is the same actor with the same code
        if k < n and atoms[k].start == end and not noun.person and not plural and noun.agent:
            known = atoms[k].first("actor")
            known_actor = self.kb.get(known.target or "") if known is not None and known.mention_kind == NAME else None
            if known_actor is not None and known_actor.type == "ORG":
                # "die Zeitung Haaretz", "der Sender CNN": one mention of the known body
                out.append(Found(start, atoms[k].end, known_actor.id, NAME))
                return k + 1
            org = self._unknown_org(atoms[k], noun.agent)
            if org is not None:
                where = country if country and self.kb.get(country) is not None else None
                place = self.kb.get(where) if where else None
                iso = (place.country if place is not None and place.type in ("GPE", "LOC") else None) \
                    or st.where(start)
                out.append(Found(start, atoms[k].end, org, NAME))
                if org not in st.role_code and not (place is not None and place.type in ("GPE", "LOC")):
                    st.implicit.add(org)
                st.role_code.setdefault(org, (iso, f"{iso or '---'}{noun.agent}"))
                return k + 1
        # apposition: role + name ("US-Außenminister Marco Rubio") -> one mention
        if k < n and atoms[k].start == end:
            person = self._person(atoms[k])
            if person is not None:
                pid = person.target or ""
                if person.mention_kind == SURNAME and person.kind == "actor":
                    pid = self._resolve_surname(atoms[k].entries, st) or pid
                if noun.person and not plural and self._genitive_name(doc, atoms[k], person):
                    # "ein Sprecher Konvičkas", "die Anwältin Merkels": the role is held by
                    # someone else on the person's behalf, who speaks for them (CAMEO codes a
                    # spokesperson as the principal): a mention of the person, no role learnt
                    out.append(Found(start, atoms[k].end, pid, ROLE))
                    return k + 1
                out.append(Found(start, atoms[k].end, pid, NAME))
                self._learn(noun, country, pid, text, former, st, guessed)
                st.mentioned(pid)
                return k + 1
        # apposition with a comma: "Sonderbeauftragten, Keith Kellogg"
        if k < n and end < len(doc) and doc[end].text == ",":
            gap = self._between(doc, end + 1, atoms[k].start)
            # an article, or a given name the entity model left out ("…, Selahattin Demirtas")
            if len(gap) <= 1 and all(t.lower_ in self.apposition_det or (self.lang == "de" and (
                    t.text in self.kb.given_names or (self._name_like(t, set()) and self._person(atoms[k]) is not None)))
                                     for t in doc[end + 1:atoms[k].start]):
                person = self._person(atoms[k])
                if person is not None:
                    pid = person.target or ""
                    if person.mention_kind == SURNAME and person.kind == "actor":
                        pid = self._resolve_surname(atoms[k].entries, st) or pid
                    out.append(Found(start, end, pid, ROLE))
                    self._learn(noun, country, pid, text, former, st, guessed)
                    return k
        # "Marco Rubio, der US-Außenminister"; "Petra X, Abgeordnete der Grünen"
        if out and (noun.person or (noun.term in self.apposition_group_nouns and not plural
                                    and doc[r.end - 1].lower_.endswith(("e", "er")))):
            prev = out[-1]
            gap = self._between(doc, prev.end, start)
            # an article and up to two adjectives: "Sonja X, die neue Vorsitzende der …"; a
            # dash sets the apposition off like a comma, and a present-time adverbial may open
            # it ("Reinhold X – seit zwei Jahren Parteichef –", "Hans Y, derzeit Innenminister,")
            rest = doc[prev.end + 1:start]
            det = 1 if len(rest) and rest[0].lower_ in self.apposition_det else 0
            if gap and (gap[0] == "," or gap[0] in self.apposition_dashes) and (
                (len(rest) - det <= (2 if self.lang == "de" else 0) and all(
                    t.pos_ == "ADJ" and t.is_lower for t in rest[det:]))
                    or (det == 0 and self._current_time_phrase(rest) and self._apposition_ends(doc, end))
            ):
                actor = self.kb.get(prev.actor)
                is_person = prev.actor.startswith("prov:") or (actor is not None and actor.type == "PER")
                if is_person and prev.kind in (NAME, SURNAME):
                    out.append(Found(start, end, prev.actor, ROLE))
                    self._learn(noun, country, prev.actor, text, former, st, guessed)
                    return k
        # "Stöger will als Sozialminister …": the role is a predicate of the person before it
        if noun.person and not plural and self.predicative:
            pid = self._predicate_of(doc, start, out)
            if pid is not None:
                out.append(Found(start, end, pid, ROLE))
                self._learn(noun, country, pid, text, former, st, guessed)
                return k
        if self._is_deputy(doc, start):  # "der stellvertretende Außenminister": not the minister
            plural = True
        # "der Chef der Bewegung X", "Präsident des Tennisverbands": the role of a body the
        # KB does not know, not of the document's country
        owned = end < len(doc) and doc[end].lower_ in self.of_words and not addressee
        resolved = self._resolve_role(noun, plural, country, former, st, context_at=None if owned else start)
        again = self._repeated_role(doc, noun, start, end, r.end, plural, country, owned, former, st)
        if again is not None:
            resolved = again
        if resolved is None and getattr(r, "compound", False) and (not noun.person or plural) \
                and not owned and not former and noun.agent:
            # a group compound ("Kriminalpolizei", "Polizeivertreter", "Sicherheitsbehörden"):
            # the reference resolver knows only whole group words, so the compound is that
            # agent of the country the text before it is mostly about, as a group noun
            # would be ("die Polizei" in an article about the USA -> USACOP)
            where = st.where(start)
            group = self.kb.composite(where, noun.agent) if where else None
            resolved = group.id if group is not None else None
        if resolved is None and owned and noun.person and not plural and not former:
            done = self._owned_body(doc, atoms, k, end, noun, st, start, out)
            if done is not None:
                return done
        if resolved:
            out.append(Found(start, end, resolved, ROLE))
            if noun.person and not plural and not former:
                st.named(resolved, noun)  # "The Secretary of State" -> Rubio, as Secretary
            # "europäischen und ukrainischen Politikern": the first adjective shares the noun
            if (not noun.person or plural) and out and len(out) >= 2:
                prev = out[-2]
                gap = self._between(doc, prev.end, start)
                # "US and British activists", "U.S. and Iraqi forces": a country's abbreviation
                # is a modifier too (a full name before "and" is a conjunct of its own:
                # "talks between Iran and British diplomats")
                if len(gap) == 1 and gap[0].lower() in self.coordinators and (
                        prev.kind == ADJECTIVE or (prev.kind == NAME and self._country_abbreviation(doc, prev))):
                    other = self.kb.composite(prev.actor, noun.agent)
                    if other is not None:
                        prev.actor, prev.kind = other.id, ROLE
        return k

    def _drop_non_roles(self, doc: Doc, atoms: List[Atom]) -> List[Atom]:
        """``atoms`` without the role readings :class:`~lagebild.actors.nonroles.NonRoles`
        rules out (a body part, a sport official, a rank with no military context); an atom
        left with no reading is dropped. A military context counts the KB's military nouns
        and any atom naming a KB actor coded MIL ("IDF")."""
        if not self.non_roles.active():
            return atoms
        military = {j for b in atoms for j in range(b.start, b.end) if self._military(b)}
        out: List[Atom] = []
        for a in atoms:
            if a.role() is not None and a.end - a.start == 1 \
                    and self.non_roles.rules_out(doc, a.start, military.__contains__):
                a.entries = [e for e in a.entries if e.kind != "role"]
                if not a.entries:
                    continue
            out.append(a)
        return out

    def _military(self, atom: Atom) -> bool:
        """Whether ``atom`` names a KB actor whose code has the MIL agent ("IDF" -> ISRMIL)."""
        for e in atom.entries:
            if e.kind == "actor":
                actor = self.kb.get(e.target or "")
                if actor is not None and (actor.code or "")[3:6] == "MIL":
                    return True
        return False

    def _country_abbreviation(self, doc: Doc, found: Found) -> bool:
        """Whether a found name is a state written as an upper-case abbreviation ("US",
        "U.S.", "UK"): the form English uses as a noun modifier."""
        actor = self.kb.get(found.actor)
        text = doc[found.start:found.end].text
        return actor is not None and actor.type == "GPE" and actor.id == actor.country \
            and text.replace(".", "").isalpha() and text.isupper() and len(text.replace(".", "")) <= 3

    def _body_sector(self, word: str) -> Optional[str]:
        """The agent code a body's name gives by the sector word it contains
        (``compound_roles.tsv`` modifier rows): the row the word ends with (the head of a
        German compound, with an inflection ending: "Fußballbundes" -> "bund"), else the
        longest row in it ("Rechtsanwaltskammertag" -> JUD, "Universitätenkonferenz" ->
        EDU). An association head (agent NGO: "…bund", "…verband") takes the sector of a
        word before it ("Bauernbund" -> AGR, "Ärzteverband" -> HLH), not of a level prefix
        (``linking.yaml`` level_prefixes: "Bundesverband" stays NGO); None when none. A
        firm's legal form ("AG", "GmbH": ``linking.yaml`` legal_forms) is BUS."""
        if word in self.legal_forms:
            return "BUS"
        low = word.lower()
        stems = self._inflected_stems(word, min_stem=4)
        head: Optional[Tuple[int, str, str]] = None  # (length, row, agent)
        for ending, agent in self.compound_mods:
            if ending in self.level_prefixes and low != ending:
                continue  # "Fußballbundes" ends in "bundes" but is a "bund" ("des Bundes": the state)
            if len(ending) >= 4 and any(stem.endswith(ending) for stem in stems) \
                    and (head is None or len(ending) > head[0]):
                head = (len(ending), ending, agent)
        if head is not None and head[2] != "NGO":
            return head[2]
        before = low[: low.rfind(head[1])] if head is not None else low
        best: Optional[Tuple[int, str]] = None
        for ending, agent in self.compound_mods:
            if len(ending) >= 4 and ending in before and (best is None or len(ending) > best[0]) \
                    and not (head is not None and ending in self.level_prefixes):
                best = (len(ending), agent)
        if best is not None:
            return best[1]
        return head[2] if head is not None else None

    def _owned_body(
        self, doc: Doc, atoms: List[Atom], k: int, end: int, noun: RoleNoun, st: DocState, start: int,
        out: List[Found],
    ) -> Optional[int]:
        """A person role of a body the KB does not know, whose name says its sector ("die
        Präsidentin des griechischen Bankenverbandes, Louka Katseli" -> GRCBUS; "Präsident
        des Rechtsanwaltskammertags (ÖRAK), Rupert Wolff" -> AUTJUD): the body's country
        (an adjective before it, else the country the text before is mostly about) plus
        the sector's agent code. A name in apposition after the body phrase (a comma, an
        optional article) is that person and carries the code; without one the phrase is
        the group actor (country + agent). Returns the next atom index, or None when the
        phrase names no sector."""
        j = end + 1
        body = None
        while j < len(doc) and j <= end + 5:
            t = doc[j]
            if t.pos_ in ("NOUN", "PROPN") or (not t.pos_ and t.text[:1].isupper()):
                body = t
                break
            if t.pos_ not in ("ADJ", "DET", "ADV"):
                return None
            j += 1
        if body is None:
            return None
        agent = self._body_sector(body.text)
        # a body whose name says no sector ("Chefredakteur von Nordlicht TV, Kemal X"): a role
        # noun with an agent of its own (a chief editor is MED) gives the sector, but only
        # to a person named in apposition after the body (no group is made of the phrase)
        own_agent = agent is None
        if own_agent:
            head = self.head_by_form.get(noun.term.lower())
            if not noun.agent or self._state_office(noun) or (head is not None and head.generic):
                return None  # a state office, or a generic head ("Sprecher", "Chef") of any body
            agent = noun.agent
        country = None
        for a in atoms[k:]:
            if a.start >= body.i:
                break
            e = a.entries[0]
            if a.start > end and e.kind in ("adj", "demonym"):
                base = self.kb.get(e.target or "")
                country = base.country if base is not None else None
        guessed = country is None
        country = country or st.where(start)
        if not country or len(country) != 3:
            return None
        stop = body.i + 1
        while own_agent and stop < len(doc) and stop <= body.i + 3 and not doc[stop].is_punct \
                and (doc[stop].pos_ == "PROPN" or doc[stop].text[:1].isupper()):
            stop += 1  # the rest of the body's name ("Nordlicht TV")
        if stop < len(doc) and doc[stop].text == "(":
            close = next((i for i in range(stop, min(len(doc), stop + 6)) if doc[i].text == ")"), None)
            if close is not None:
                stop = close + 1
        code = (country, f"{country}{agent}")
        m = k
        while m < len(atoms) and atoms[m].start < stop:
            m += 1
        if m < len(atoms) and stop < len(doc) and doc[stop].text == ",":
            gap = self._between(doc, stop + 1, atoms[m].start)
            person = self._person(atoms[m]) if len(gap) <= 1 and all(w.lower() in self.apposition_det for w in gap) else None
            if person is not None:
                pid = person.target or ""
                known = self.kb.get(pid)
                out.append(Found(start, stop, pid, ROLE))
                if pid not in st.role_code and not (known is not None and known.code):
                    st.role_code[pid] = code
                    if guessed:
                        st.implicit.add(pid)
                return m
        if own_agent:
            return None
        group = self.kb.composite(country, agent)
        if group is not None:
            out.append(Found(start, stop, group.id, ROLE))
            return m
        return None

    def _possessive_det(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """A possessive determiner of a third person (``linking.yaml`` possessive_det), in
        lower case or capitalised at the start of a sentence ("Ihr Vorsitzender …"; the
        formal "Ihr" inside a sentence addresses someone)."""
        return tok.text in self.possessive_det or (tok.is_sent_start and tok.text.lower() in self.possessive_det)

    def _possessor(self, doc: Doc, start: int, out: List[Found], st: Optional[DocState] = None) -> Optional[str]:
        """The organisation a possessive determiner before the role at token ``start``
        refers to: the nearest organisation or agent group (KB type ORG/GRP with a code)
        found before it in this or the previous sentence ("Die SPÖ … ihr Kandidat" ->
        the SPÖ), or an organisation the KB does not know that :meth:`_code_unknown_body`
        coded by its name ("der Zentralrat Deutscher Sinti und Roma … sein Vorsitzender" ->
        the country's NGO group); None when a person stands nearer (his or her own role:
        "Putin … sein Sprecher" is no body's role) or none is found."""
        for f in _mentions_before(doc, start, out):
            if f.actor.startswith("prov:"):
                known = _registry.get(f.actor)
                coded = st.role_code.get(f.actor) if st is not None else None
                if coded is not None and coded[1] and (known is None or known.type != "PER"):
                    group = self.kb.composite(coded[0], coded[1][3:]) if coded[0] else None
                    if group is not None and f.kind == NAME:
                        return group.id  # a body the KB does not know, coded by its name
                kind = known.type if known is not None else self.kb.ner_labels.get(doc[f.start].ent_type_)
                if kind in ("LOC", "GPE"):
                    continue  # a place owns no role ("der Zentralrat … Sinti und Roma")
                if known is None or known.type == "PER" or f.kind in (NAME, SURNAME):
                    return None
                continue
            actor = self.kb.get(f.actor)
            if actor is None:
                continue
            if actor.type == "PER":
                return None
            if actor.type in ("ORG", "GRP") and actor.code:
                return actor.id
        return None

    def _possessor_person(self, doc: Doc, start: int, out: List[Found]) -> Optional[str]:
        """The person a possessive determiner before the role at token ``start`` refers to:
        the nearest person found before it in this or the previous sentence ("Konvička …
        dessen Anwältin"), None when an organisation stands nearer or none is found."""
        for f in _mentions_before(doc, start, out):
            if f.actor.startswith("prov:"):
                known = _registry.get(f.actor)
                kind = known.type if known is not None else self.kb.ner_labels.get(doc[f.start].ent_type_)
                if kind in ("LOC", "GPE"):
                    continue
                if f.kind in (NAME, SURNAME) and kind in (None, "PER"):
                    return f.actor
                return None
            actor = self.kb.get(f.actor)
            if actor is None or actor.type in ("LOC", "GPE"):
                continue
            return actor.id if actor.type == "PER" else None
        return None

    def _genitive_name(self, doc: Doc, atom: Atom, person: Entry) -> bool:
        """Whether a person's name after a role noun is a German genitive ("Sprecher
        Konvičkas", "Berater Putins"): the KB says the matched form is one, or the name as
        written ends in "s" where the person's name does not."""
        if self.lang != "de":
            return False
        if person.kind == "actor":
            return bool(person.genitive)
        written = doc[atom.start:atom.end].text
        known = _registry.get(person.target or "")
        name = known.name if known is not None else person.surface
        return written.endswith("s") and not name.endswith("s") and written[:-1] == name[-len(written) + 1:]

    def _predicate_of(self, doc: Doc, start: int, out: List[Found]) -> Optional[str]:
        """The person a role noun at token ``start`` is predicated of: "als"/"as" (up to
        two adjectives or determiners between) and the nearest person mentioned before it
        in the same sentence; None otherwise."""
        i = start - 1
        skipped = 0
        while i >= 0 and skipped < 2 and doc[i].pos_ in ("ADJ", "DET") and doc[i].lower_ not in self.predicative:
            i -= 1
            skipped += 1
        if i < 0 or doc[i].lower_ not in self.predicative:
            return None
        sent_start = doc[i].sent.start if doc.has_annotation("SENT_START") else 0
        for f in reversed(out):
            if f.start < sent_start:
                return None
            if f.kind not in (NAME, SURNAME, ROLE):
                continue
            actor = self.kb.get(f.actor)
            if f.actor.startswith("prov:") or (actor is not None and actor.type == "PER"):
                return f.actor
        return None

    def _compose(self, doc: Doc, atoms: List[Atom], st: DocState) -> List[Found]:
        out: List[Found] = []
        i, n = 0, len(atoms)
        while i < n:
            a = atoms[i]
            nxt = atoms[i + 1] if i + 1 < n else None
            if a.entries[0].kind == "role" or (a.role() is not None and self._person(a) is None and self._country_ref(a) is None):
                n_out = len(out)
                i = self._role_phrase(doc, atoms, i, None, a.start, out, st)
                self._remember_role_phrase(a, out, n_out, st)
                self._copular_role(doc, a, out, n_out, st)
                self._described_next(doc, a, out, n_out, st)
                continue
            if nxt is not None and nxt.role() is not None:
                gap = self._between(doc, a.end, nxt.start)
                possessive = len(gap) == 1 and gap[0] in self.possessive
                cref = self._country_ref(a)
                done = self._local_role(doc, atoms, i, gap, possessive, out, st)
                if done is not None:
                    i = done
                    continue
                if cref and (not gap or possessive):
                    i = self._role_phrase(doc, atoms, i + 1, cref, a.start, out, st)
                    continue
                person = self._person(a)
                if person is not None and (possessive or (not gap and person.genitive)):
                    self._emit_plain(doc, a, out, st)
                    pid = out[-1].actor if out else None
                    actor = self.kb.get(pid or "")
                    country = actor.country if actor is not None else None
                    i = self._role_phrase(doc, atoms, i + 1, country, nxt.start, out, st)
                    continue
                role = nxt.role()
                if person is not None and not gap and role is not None and role.role is not None \
                        and role.role.term.lower() in self.seat_nouns:
                    # "the Trump administration", "das Putin-Regime": the leader's government
                    pid = person.target or ""
                    if person.mention_kind == SURNAME and person.kind == "actor":
                        pid = self._resolve_surname(a.entries, st) or pid
                    actor = self.kb.get(pid)
                    group = self.kb.composite(actor.country, role.role.agent) if actor is not None and actor.country else None
                    if group is not None:
                        out.append(Found(a.start, nxt.end, group.id, ROLE))
                        i += 2
                        continue
            if self.demonym_persons and nxt is not None and nxt.start == a.end and a.entries[0].kind == "demonym" \
                    and not self._counted_people(doc, a.start) and (nxt_person := self._person(nxt)) is not None \
                    and nxt_person.kind == "prov":
                # "der 30-jährige Syrer Ahmad X": the demonym describes the person who follows
                # (their code unless a role is learned, _demonym_codes); it still names its country
                base = self.kb.get(a.entries[0].target or "")
                if base is not None and base.type == "GPE":
                    st.demonym_at.setdefault(nxt.start, base.id)
            # "der Linke Fabio De Masi", "SPD Olaf Scholz": a party name right before a
            # person's name describes the person (party member), it is no actor of its own
            if nxt is not None and nxt.start == a.end and self._person(nxt) is not None \
                    and self._party_code(a) is not None and a.end - a.start == 1:
                code = self._party_code(a)
                self._emit_plain(doc, nxt, out, st)
                if out and out[-1].start == nxt.start:
                    out[-1].start = a.start
                    st.role_code.setdefault(out[-1].actor, (code[:3], code[:6]))  # type: ignore[index]
                i += 2
                continue
            if a.entries[0].kind == "adj":
                done = self._adjective_body(doc, atoms, i, out, st)
                if done is not None:
                    i = done
                    continue
            self._emit_plain(doc, a, out, st)
            i += 1
        return out

    def _adjective_body(self, doc: Doc, atoms: List[Atom], i: int, out: List[Found], st: DocState) -> Optional[int]:
        """A body the KB does not know, named by a country adjective and a head noun whose
        word says its sector ("der russische Ölkonzern" -> RUSBUS, "das ukrainische
        Forschungsinstitut" -> UKREDU, "die spanische Anwaltskammer" -> ESPJUD; session 29,
        #11): the sector is :meth:`_body_sector` of the head (``compound_roles.tsv`` modifier
        rows; "Ärztekammer" ends with a generic body head of ``linking.yaml``
        ``generic_body_heads`` and takes its modifier's), or -- after a bare generic head --
        of the noun of a following "für" phrase ("das ukrainische Zentrum für
        Friedensforschung" -> UKREDU). Other adjectives may stand between ("der griechische
        staatliche Energieversorger"). A name the entity model found right after the head
        ("die griechische Reederei Kalypso Lines") is that body and takes the code; else the
        phrase is the group (country + agent). The head must end with a sector word (a word
        that only holds one, "Außenpolitik", names no body), a government sector (GOV:
        "Hauptstadt", "Stadt") is left to the agent nouns of ``agents.tsv``, and a head the
        KB already matches is the role phrase's business. Returns the index of the next atom,
        or None when the adjective qualifies no such body (``atoms[i]`` is an adjective
        atom; ``out`` gets one Found, ``st.role_code`` the name's code)."""
        country = self._country_ref(atoms[i])
        base = self.kb.get(country or "")
        if base is None or base.type != "GPE":
            return None
        j = atoms[i].end
        while j < len(doc) and j < atoms[i].end + 3 and doc[j].pos_ == "ADJ" and doc[j].text[:1].islower():
            j += 1
        if j >= len(doc) or doc[j].pos_ not in ("NOUN", "PROPN") or not doc[j].text[:1].isupper():
            return None
        rest = [b for b in atoms[i + 1:] if b.end > j]
        if any(b.start <= j and b.entries[0].kind != "prov" for b in rest):
            return None  # the head is a KB term (an agent noun, a name)
        agent, end = self._body_word_agent(doc, j)
        if agent is None or agent == "GOV":
            return None
        name = next((b for b in rest if b.start == end and b.entries[0].kind == "prov"), None) \
            if not any(b.start < end for b in rest) else None
        if name is not None:
            pid = name.entries[0].target or ""
            st.role_code.setdefault(pid, (base.id, f"{base.id}{agent}"))
            out.append(Found(atoms[i].start, name.end, pid, NAME))
            stop = name.end
        else:
            group = self.kb.composite(base.id, agent)
            if group is None:
                return None
            out.append(Found(atoms[i].start, end, group.id, ROLE))
            stop = end
        k = i + 1
        while k < len(atoms) and atoms[k].start < stop:
            k += 1
        return k

    def _body_word_agent(self, doc: Doc, j: int) -> Tuple[Optional[str], int]:
        """``(agent, end token)`` of a body named by the noun at token ``j`` when its word
        ends with a sector word or a generic body head (:meth:`_body_sector`: "Ölkonzern"
        -> BUS, "Ärztekammer" -> HLH), or is a bare generic head whose "für" phrase gives the
        sector ("Zentrum für Friedensforschung" -> EDU, end after the phrase's noun);
        ``(None, j + 1)`` when it names no sector."""
        word = doc[j].text
        end = j + 1
        agent = self._body_sector(word) if self._ends_in_sector(word) or self._generic_body(word) else None
        if agent is None and self._generic_body(word) and end + 1 < len(doc) \
                and doc[end].lower_ in self.body_purpose_preps and doc[end + 1].pos_ == "NOUN":
            agent = self._body_sector(doc[end + 1].text)
            end += 2
        return agent, end

    @staticmethod
    def _inflected_stems(word: str, min_stem: int = 0) -> List[str]:
        """A word in lower case and without each German inflection ending it may carry
        ("Ölkonzerns" -> "ölkonzerns", "ölkonzern"), stems shorter than ``min_stem``
        letters left out."""
        low = word.lower()
        return [low] + [low[:-len(x)] for x in ("es", "s", "en", "n", "e")
                        if low.endswith(x) and len(low) - len(x) >= min_stem]

    def _generic_body(self, word: str) -> bool:
        """Whether a word ends with a body head that says no sector (``linking.yaml``
        ``generic_body_heads``: "Ärztekammer", "Forschungszentrum", "Zentrum")."""
        stems = self._inflected_stems(word)
        return any(stem.endswith(head) for head in self.generic_body_heads for stem in stems)

    def _ends_in_sector(self, word: str) -> bool:
        """Whether a word ends with a sector word of ``compound_roles.tsv`` (modifier rows;
        an inflection ending allowed: "Ölkonzerns"): "Forschungsinstitut", not
        "Außenpolitik" (which holds "außen" inside)."""
        stems = self._inflected_stems(word)
        return any(len(ending) >= 4 and stem.endswith(ending) for ending, _ in self.compound_mods for stem in stems)

    def _is_person_id(self, actor_id: str) -> bool:
        actor = self.kb.get(actor_id)
        return actor_id.startswith("prov:") or (actor is not None and actor.type == "PER")

    def _copular_role(self, doc: Doc, atom: Atom, out: List[Found], n_out: int, st: DocState) -> None:
        """A copular role statement: a singular person role noun that is the predicate of a
        present-tense, indicative, unnegated copula (``linking.yaml`` copula_lemmas,
        copula_negations) is the role of the copula's subject -- a person named there
        ("Jonas X ist Bürgermeister von Linz", "Y ist seit zwei Jahren EU-Kommissarin") or
        a third-person pronoun (``subject_pronouns``) that agrees with the role noun's form
        (``feminine_role_endings``), for the one person named before it in this sentence
        or the one before ("… Heute ist er EU-Kommissar"; with two persons there, nobody).
        The person learns the role (:meth:`_teach_role`). Nothing happens when the role phrase already named a person, the role is
        plural, former or deputy, or the parse shows no such copula (a past tense "war bis
        2010 Bürgermeister" is a former role)."""
        entry = atom.role()
        if entry is None or entry.role is None or not entry.role.person or entry.plural \
                or len(out) <= n_out or not self.copula_lemmas or not doc.has_annotation("DEP"):
            return
        last = out[-1]
        if last.start != atom.start or self._is_person_id(last.actor):
            return
        if self._is_former(doc, atom.start) or self._is_deputy(doc, atom.start):
            return
        head = doc[atom.end - 1]
        cops = [c for c in head.children if c.dep_ == "cop" and c.lemma_.lower() in self.copula_lemmas]
        if not cops or "Tense=Pres" not in str(cops[0].morph) or "Mood=Sub" in str(cops[0].morph):
            return
        clause = [c for c in head.children if c.i != head.i]
        if any(c.lower_ in self.copula_negations or any(g.lower_ in self.copula_negations for g in c.children)
               for c in clause):
            return
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "sb")), None)
        if subj is None:
            return
        pid: Optional[str] = None
        gender = self.subject_pronouns.get(subj.lower_)
        if gender is not None:
            feminine = bool(self.feminine_role_endings) and head.text.endswith(self.feminine_role_endings)
            if (gender == "fem") != feminine:
                return
            sent = head.sent
            prev = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
            named = {f.actor for f in out[:n_out] if prev <= f.start < subj.i and f.kind in (NAME, SURNAME)
                     and self._is_person_id(f.actor)}
            if len(named) != 1:
                return  # no person, or two a pronoun could stand for
            pid = next(iter(named))
        else:
            # the subject or a name in apposition to it ("Die Niederländerin Petra X"; a
            # dateline the parser took for the subject, "Brüssel – Petra X ist …")
            heads = [subj] + [c for c in subj.children if c.dep_ == "appos"]
            pid = next((f.actor for f in reversed(out[:n_out]) if any(f.start <= t.i < f.end for t in heads)
                        and f.kind in (NAME, SURNAME) and self._is_person_id(f.actor)), None)
        if pid is not None:
            self._teach_role(doc, atom, last, pid, st)

    def _teach_role(self, doc: Doc, atom: Atom, last: Found, pid: str, st: DocState) -> None:
        """Person ``pid`` holds the role of the role phrase ``atom`` whose mention ``last``
        the phrase made (a group or an organisation: its country or the organisation is
        the role's body): they learn it for the whole document (:meth:`_learn`) and the
        phrase becomes their mention."""
        entry = atom.role()
        group = self.kb.get(last.actor)
        if entry is None or entry.role is None or group is None:
            return
        country = group.id if group.type == "ORG" else group.country
        self._learn(entry.role, country, pid, doc[atom.start:last.end].text, False, st)
        last.actor, last.kind = pid, ROLE
        st.mentioned(pid)

    def _described_next(self, doc: Doc, atom: Atom, out: List[Found], n_out: int, st: DocState) -> None:
        """A person described in the next sentence: a definite singular person role phrase
        ("Der Sektionschef im Gesundheitsministerium …", ``linking.yaml`` definite_det) that
        opens a copular sentence (its head is the subject of a predicate with a copula of
        ``copula_lemmas``, or of that verb itself: "… war zuvor Leiter eines Spitals", "…
        ist seit 2012 im Amt") right after a sentence that named exactly one person, a
        provisional one with no role code yet, is that person's role (a definite
        description of the antecedent, as "der 56-Jährige" is; :meth:`_teach_role`). A speech or action verb
        ("Der Polizeisprecher sagte") keeps the phrase its own actor (a new speaker)."""
        entry = atom.role()
        if entry is None or entry.role is None or not entry.role.person or entry.plural \
                or len(out) <= n_out or not self.copula_lemmas or not doc.has_annotation("DEP"):
            return
        last = out[-1]
        if last.start != atom.start or self._is_person_id(last.actor) or atom.start == 0:
            return
        if doc[atom.start - 1].lower_ not in self.definite_det or self._is_former(doc, atom.start) \
                or self._is_deputy(doc, atom.start):
            return
        sent = doc[atom.start].sent
        if sent.start != atom.start - 1 or sent.start == 0:
            return  # not the phrase that opens the sentence
        head = doc[atom.end - 1]
        if head.dep_ not in ("nsubj", "sb"):
            return
        pred = head.head
        if not (pred.lemma_.lower() in self.copula_lemmas
                or any(c.dep_ == "cop" and c.lemma_.lower() in self.copula_lemmas for c in pred.children)):
            return
        prev = doc[sent.start - 1].sent.start
        persons = {f.actor for f in out[:n_out] if prev <= f.start < sent.start and f.kind in (NAME, SURNAME)
                   and self._is_person_id(f.actor)}
        if len(persons) != 1:
            return
        pid = next(iter(persons))
        if pid.startswith("prov:") and pid not in st.role_code:
            self._teach_role(doc, atom, last, pid, st)

    def _remember_role_phrase(self, atom: Atom, out: List[Found], n_out: int, st: DocState) -> None:
        """After a role phrase that named more than its role word -- the body or place of an
        of-phrase, a name ("ein Sprecher der Caritas", "eine Sprecherin der
        Landespolizeidirektion Burgenland") -- remember its actor under the role's term for
        a later definite "der Sprecher" (:meth:`_repeated_role`)."""
        entry = atom.role()
        if entry is None or entry.role is None or not entry.role.person or entry.plural or len(out) <= n_out:
            return
        last = out[-1]
        if last.start == atom.start and last.end > atom.end:
            st.role_phrases[entry.role.term.lower()] = last.actor

    def _repeated_role(
        self, doc: Doc, noun: RoleNoun, start: int, end: int, role_end: int, plural: bool,
        country: Optional[str], owned: bool, former: bool, st: DocState,
    ) -> Optional[str]:
        """A bare definite role phrase ("der Sprecher", "die Sprecherin": a definite article
        (``linking.yaml`` ``definite_det``), the role word alone -- no country, body, name or
        plural) after a role phrase of the same term that named its body ("ein Sprecher der
        Caritas") is that phrase's actor again, as a definite description repeats the
        antecedent with the same head noun (Lee et al. 2013, head match); None otherwise."""
        if country is not None or plural or owned or former or not noun.person or end != role_end:
            return None
        if start == 0 or doc[start - 1].lower_ not in self.definite_det:
            return None
        return st.role_phrases.get(noun.term.lower())

    def _local_role(
        self, doc: Doc, atoms: List[Atom], i: int, gap: List[str], possessive: bool,
        out: List[Found], st: DocState,
    ) -> Optional[int]:
        """English: a region or town right before a role noun names that place's office or
        body, an agent of the place's country -- "Texas lawmakers", "the Chicago Police
        Department", "Houston's police" (-> USALEG, USACOP); "Texas Governor Greg Abbott"
        (a person role before a name) is the person with the country's code. Never a
        national office holder (as "the governor of Georgia" in :meth:`_role_phrase`).
        Returns the next atom index, or None when the rule does not apply (German, a gap,
        a country rather than a place)."""
        if self.lang != "en":
            return None
        if gap and gap[-1] in self.possessive:
            gap = gap[:-1]
        if any(w not in self.place_kind for w in gap) or len(gap) > 1:
            return None
        a, nxt = atoms[i], atoms[i + 1]
        where = self._sub_national(a)
        entry = nxt.role()
        if not where or entry is None or entry.role is None or not entry.role.agent or entry.target:
            return None
        noun = entry.role
        after = atoms[i + 2] if i + 2 < len(atoms) else None
        if noun.person and after is not None and after.start == nxt.end and self._person(after) is not None:
            return self._role_phrase(doc, atoms, i + 1, where, a.start, out, st)
        group = self.kb.composite(where, noun.agent)
        if group is None:
            return None
        end, k = nxt.end, i + 2
        # "the Chicago Police Department": further role words of the same body
        while k < len(atoms) and atoms[k].start == end and atoms[k].role() is not None \
                and atoms[k].role().role is not None and not atoms[k].role().role.person:  # type: ignore[union-attr]
            end, k = atoms[k].end, k + 1
        out.append(Found(a.start, end, group.id, ROLE))
        return k

    def _party_code(self, atom: Atom) -> Optional[str]:
        """The CAMEO code of the political party an atom names ("DEUPTY"), else None."""
        e = atom.entries[0]
        if e.kind != "actor" or e.mention_kind != NAME:
            return None
        actor = self.kb.get(e.target or "")
        code = actor.code if actor is not None and actor.type == "ORG" else None
        if code and len(code) >= 6 and code[3:6] == "PTY" and code[:3].isalpha():
            return code
        return None

    # -- output -------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Tuple[List[Mention], List[Actor]]:
        self._sync_provisional()
        dated = bool(doc._.published)
        on = doc._.published or undated_on() or date.today()
        if not isinstance(on, date):
            on = date.fromisoformat(str(on)[:10])
        atoms = resolve_place_homonyms(doc, self._select(self._other_given_name(doc, self._atoms(doc))), self.kb, self.subnational)
        compounds = self._compound_atoms(doc, atoms)
        if compounds:
            atoms = sorted(atoms + compounds, key=lambda a: a.start)
        atoms = self._drop_non_roles(doc, atoms)
        prov = self._provisional_atoms(doc, atoms)
        if prov:
            atoms = self._namesake_surnames(doc, sorted(atoms + prov, key=lambda a: a.start))
        # the path rule (a place on a path is no mark) was measured on German only; on
        # English it cost GigaWord a triple (0.308 -> 0.282), so English keeps every mark
        marks = self._country_marks(atoms, doc if self.lang == "de" else None)
        home, outlet = self.home_country(doc)
        st = DocState(on=on, dated=dated, context=self._context_country(marks), country_marks=marks,
                      home=home, outlet=outlet)
        doc.user_data[HOME_KEY] = home or (outlet if st.context is None else None)
        self._prefer_context_orgs(atoms, st)
        found = self._compose(doc, atoms, st)
        self._defined_abbreviations(doc, found)
        self._party_codes(doc, found, st)
        self._member_codes(doc, found, st)
        self._origin_codes(doc, found, st)
        self._affiliation_codes(doc, found, st)
        self._demonym_codes(found, st)
        records = self._records(doc, found, st, prov)
        doc.user_data[MEMORY_KEY] = tuple(sorted(st.memory))
        return records

    def _origin_codes(self, doc: Doc, found: List[Found], st: DocState) -> None:
        """A provisional person whom nothing in the document gave a role code and who is the
        subject of a verb of origin or flight with "aus" + a country or place ("Ahmad X ist
        aus Kabul geflohen" -> AFGREF, "Rana Y stammt aus Aleppo" -> SYRCVL; ``linking.yaml``
        ``origin_verbs``: verb lemma -> agent; session 29, #11) is that agent of the place's
        country, as "ein Flüchtling aus Eritrea" is (``origin``). The code holds for every
        mention of the person in the document. Needs a parse."""
        if not self.origin_verbs or not doc.has_annotation("DEP"):
            return
        for f in self._uncoded_people(found, st):
            name = doc[f.start:f.end]  # the name's word the parse hangs on the clause
            tok = next((t for t in name if t.dep_ in ("nsubj", "appos") and not (f.start <= t.head.i < f.end)), name.root)
            if tok.dep_ == "appos" and tok.head.dep_ == "nsubj":
                tok = tok.head  # "Wien – Ahmad X ist … geflohen": the parse hangs the name on the dateline
            if tok.dep_ != "nsubj":
                continue
            agent = self.origin_verbs.get(tok.head.lemma_.lower())
            if agent is None:
                continue
            for child in tok.head.children:
                if child.dep_ != "obl" or not any(c.dep_ == "case" and c.lower_ in self.origin_words for c in child.children):
                    continue
                place = next((g for g in found if g.start <= child.i < g.end), None)
                actor = self.kb.get(place.actor) if place is not None else None
                country = actor.id if actor is not None and actor.type == "GPE" else (
                    actor.country if actor is not None and actor.type == "LOC" else None)
                group = self.kb.composite(country, agent) if country and len(country) == 3 else None
                if group is not None and group.code:
                    st.role_code[f.actor] = (country, group.code)
                    break

    @staticmethod
    def _uncoded_people(found: List[Found], st: DocState) -> Iterator[Found]:
        """The mentions in ``found`` of provisional people of this document (``st.recent``)
        whom nothing gave a role code yet -- the people :meth:`_origin_codes` and
        :meth:`_affiliation_codes` may code from their clause; a person coded by one of
        them is skipped by the next, since ``st.role_code`` is read as the loop goes."""
        for f in found:
            if f.actor not in st.role_code and f.actor.startswith("prov:") and f.actor in st.recent:
                yield f

    def _affiliation_codes(self, doc: Doc, found: List[Found], st: DocState) -> None:
        """A provisional person whom nothing in the document gave a role code and who is the
        subject of a verb of working or belonging with its preposition and an organisation
        the KB codes ("Gerhard X ist seit 30 Jahren bei der Gewerkschaft vida" -> AUTLAB,
        "Eva Y arbeitet für die Caritas" -> AUTNGO; ``linking.yaml`` ``affiliation_verbs``:
        verb lemma -> prepositions; session 30, #11) speaks for that organisation, as "X von
        der Gewerkschaft vida" does. The verb is the name's head in the parse (for a nominal
        predicate, "ist … bei der Gewerkschaft", the head's copula), else the word right
        after or before the name ("X ist …", "Seit 2012 ist X …": the parser often hangs the
        name on a time phrase); the preposition follows it in the same clause (no comma
        between) and its noun is the organisation's mention. The code holds for every
        mention of the person in the document. Needs a parse."""
        if not self.affiliation_verbs or not doc.has_annotation("DEP"):
            return
        for f in self._uncoded_people(found, st):
            name = doc[f.start:f.end]
            sent = name[0].sent
            verbs = []
            tok = next((t for t in name if t.dep_ == "nsubj" and not (f.start <= t.head.i < f.end)), None)
            if tok is not None:
                pred = tok.head
                verbs.append(pred if pred.pos_ in ("VERB", "AUX") else next((c for c in pred.children if c.dep_ == "cop"), None))
            verbs += [doc[k] for k in (f.end, f.start - 1) if sent.start <= k < sent.end]
            verb = next((v for v in verbs if v is not None and v.pos_ in ("VERB", "AUX")
                         and v.lemma_.lower() in self.affiliation_verbs), None)
            if verb is None:
                continue
            preps = self.affiliation_verbs[verb.lemma_.lower()]
            for case in doc[max(verb.i, f.end - 1) + 1 : sent.end]:
                if case.text in (",", ";", ":"):
                    break
                if case.dep_ != "case" or case.lower_ not in preps:
                    continue
                org = next((g for g in found if g.start <= case.head.i < g.end and g.actor != f.actor), None)
                actor = self.kb.get(org.actor) if org is not None else None
                if actor is not None and actor.type == "ORG" and actor.code and len(actor.code) >= 3:
                    st.role_code[f.actor] = (actor.country, actor.code)
                    break

    def _demonym_codes(self, found: List[Found], st: DocState) -> None:
        """A provisional person named right after a singular demonym ("der 30-jährige Syrer
        Ahmad X", ``linking.yaml`` demonym_persons) whom nothing else in the document gave a
        role code is a civilian of that country (``SYRCVL``), as counted demonyms are; a
        role learned anywhere in the document wins. The demonym keeps its own mention of
        the country."""
        if not st.demonym_at:
            return
        for f in found:
            country = st.demonym_at.get(f.start)
            if country and f.actor.startswith("prov:") and f.kind == NAME and f.actor not in st.role_code:
                st.role_code[f.actor] = (country, f"{country}CVL")

    def _defined_abbreviations(self, doc: Doc, found: List[Found]) -> None:
        """An abbreviation the text defines in brackets after a name ("Der Österreichische
        Naturschutzbund (ÖNB) …", "die Nationalbank (OeNB)") stands for that name's actor in
        the whole document, also where the KB reads it as another body (ÖNB: the national
        bank) -- one sense per discourse. Rewrites ``found`` in place."""
        defined: Dict[str, str] = {}
        for prev, f in zip(found, found[1:]):
            text = doc[f.start:f.end].text
            if f.end - f.start != 1 or not text.isupper() or len(text) < 2 or f.actor == prev.actor:
                continue
            if f.start < 2 or doc[f.start - 1].text != "(" or f.end >= len(doc) or doc[f.end].text != ")" \
                    or prev.end != f.start - 1:
                continue
            # an organisation named, then its abbreviation -- not a person's party in brackets
            # ("Kanzler Faymann (SPÖ)") nor a place's
            named, abbr = self.kb.get(prev.actor), self.kb.get(f.actor)
            if named is None or named.type != "ORG" or (abbr is not None and abbr.type != "ORG"):
                continue
            defined.setdefault(text, prev.actor)
        if not defined:
            return
        for f in found:
            text = doc[f.start:f.end].text
            if f.end - f.start == 1 and text in defined:
                f.actor = defined[text]

    def _kb_named(self, name: str) -> List[KBActor]:
        """KB actors one of whose names (any case) is ``name``."""
        out: List[KBActor] = []
        for e in self.entries.get(name.lower(), []):
            if e.kind == "actor" and e.mention_kind in (NAME, METONYMY):
                actor = self.kb.get(e.target or "")
                if actor is not None and actor not in out:
                    out.append(actor)
        return out

    def home_country(self, doc: Doc) -> Tuple[Optional[str], Optional[str]]:
        """Where a document was written (:mod:`.home`): ``(dateline country, outlet
        country)`` -- the country of the place its dateline names ("Wien – …" -> AUT) and
        the country of the KB outlet its ``doc._.article`` source or URL names
        ("derStandard.at" -> AUT); either None when not found."""
        if self.lang != "de":
            return None, None  # measured on German news only; English output kept as it was
        article = doc._.article
        outlet = outlet_country(getattr(article, "source", None), getattr(article, "url", None), self._kb_named) \
            if article is not None else None
        return dateline_country(doc_text(doc), self._kb_named), outlet

    def _party_codes(self, doc: Doc, found: List[Found], st: DocState) -> None:
        """A person named with a party in brackets ("Michael Häupl (SPÖ)") who has no role
        code yet gets the party's (country + PTY)."""
        for f, g in zip(found, found[1:]):
            if g.start - f.end != 1 or doc[f.end].text != "(" or g.end >= len(doc) or doc[g.end].text != ")":
                continue
            party = self.kb.get(g.actor)
            code = party.code if party is not None and party.type == "ORG" else None
            if not code or len(code) < 6 or code[3:6] != "PTY" or not code[:3].isalpha():
                self._bracket_body(f, g, code, st)
                continue
            person = self.kb.get(f.actor)
            if f.actor.startswith("prov:") or (person is not None and person.type == "PER"):
                known = st.role_code.get(f.actor)
                if known is not None and f.actor in st.party_or_state:
                    # "Generalsekretär Max X (ÖVP)": the party's general secretary
                    st.role_code[f.actor] = (code[:3], code[:6])
                    st.implicit.discard(f.actor)
                    st.party_or_state.discard(f.actor)
                elif known is not None and f.actor in st.implicit and known[1][3:6] and known[0] != code[:3]:
                    # "Finanzminister Hans Jörg Schelling (ÖVP)" in an article filed in Athens:
                    # the party tells the office's country, the document's country only guessed it
                    st.role_code[f.actor] = (code[:3], code[:3] + known[1][3:6])
                    st.implicit.discard(f.actor)
                st.role_code.setdefault(f.actor, (code[:3], code[:6]))

    def _bracket_body(self, f: Found, g: Found, code: Optional[str], st: DocState) -> None:
        """A person named with a body that is no party in brackets ("Eva X (Universität
        Graz)", "Jan Y (Caritas)"; session 29, #11) speaks for it, as "X (SPÖ)" for a party
        (:meth:`_party_codes`): a provisional person, or a KB person with neither a code nor
        an office, with no role code yet takes the code of the KB organisation (``code``)
        or of the organisation the KB does not know that the text coded by its sector
        (``st.role_code``, :meth:`_code_unknown_body`)."""
        if f.actor in st.role_code or f.kind == ROLE or not (f.actor.startswith("prov:") or self._uncoded_person(f.actor)):
            return
        if code and len(code) >= 3:
            st.role_code[f.actor] = (code[:3] if code[:3].isalpha() and not code.startswith("IGO") else None, code)
        elif g.actor.startswith("prov:") and g.actor in st.role_code and g.actor not in st.recent:
            st.role_code[f.actor] = st.role_code[g.actor]
            if g.actor in st.implicit:
                st.implicit.add(f.actor)

    def _member_codes(self, doc: Doc, found: List[Found], st: DocState, max_words: int = 3) -> None:
        """A person named right before "von der/vom" + an organisation ("sagte Andrea X
        von der Caritas", "Y vom Wifo", "Z von der Europäischen Raumfahrtagentur ESA": up to
        ``max_words`` adjectives or nouns may stand before the organisation's name) speaks
        for it: a provisional person, or a KB person with neither a code nor an office, that
        has no role code of this document takes the organisation's code (``linking.yaml``
        ``person_of``; a party gives country + PTY, as "X (SPÖ)" does in
        :meth:`_party_codes`). Only a KB organisation with a code counts: a place after the
        words ("vom Wiener Westbahnhof") or a name the KB does not know gives nothing."""
        if not self.person_of:
            return
        for f, g in zip(found, found[1:]):
            if f.actor in st.role_code or not (f.actor.startswith("prov:") or self._uncoded_person(f.actor)):
                continue
            if f.kind == ROLE:
                continue  # "der Sprecher von der …": the role phrase's business
            gap = doc[f.end:g.start]
            words = tuple(t.lower_ for t in gap)
            lead = next((w for w in self.person_of if words[:len(w)] == w), None)
            if lead is None:
                continue
            rest = gap[len(lead):]
            if len(rest) > max_words or any(not (t.pos_ in ("ADJ", "NOUN", "PROPN") or (not t.pos_ and t.text[:1].isupper()))
                                            for t in rest):
                continue
            org = self.kb.get(g.actor)
            code = org.code if org is not None and org.type == "ORG" else None
            if not code or len(code) < 3:
                continue
            st.role_code[f.actor] = (code[:3] if code[:3].isalpha() and not code.startswith("IGO") else None, code)
        self._member_of_group(doc, found, st, max_words)
        self._member_of_part(doc, found, st)

    def _member_of_group(self, doc: Doc, found: List[Found], st: DocState, max_words: int = 3) -> None:
        """A person named right before "von der/vom" + a generic group noun of a state body
        ("sagte Anton X von der Polizei", "Y von der Staatsanwaltschaft", "Z von der Wiener
        Feuerwehr": up to ``max_words`` adjectives before the noun) speaks for that body of
        the country the text is about (:meth:`DocState.where`; a weak code, as for a bare
        group noun): a provisional person, or a KB person with neither a code nor an office,
        that has no role code yet. The group nouns and their agents are the reference
        lexicon's (:func:`lagebild.language.reference.group_agent`); a body noun the KB does
        not know names its sector by its word (:meth:`_body_word_agent`: "vom Institut für
        Konfliktforschung" -> EDU) of the country the text gives (:meth:`_text_country`), and
        an organisation the KB does not know that the text coded by its sector
        (:meth:`_code_unknown_body`) gives its code. These codes are weak
        (``DocState.implicit``): later documents do not learn them, and the store keeps them
        per document only (``Document.learnt_actors``; withdrawn at the session-29 merge while
        the store still kept them as the actor's record)."""
        from ..language.reference import group_agent

        for f in found:
            if f.actor in st.role_code or f.kind == ROLE or not (f.actor.startswith("prov:") or self._uncoded_person(f.actor)):
                continue
            words = tuple(t.lower_ for t in doc[f.end : f.end + 3])
            lead = next((w for w in self.person_of if words[:len(w)] == w), None)
            if lead is None:
                continue
            k = f.end + len(lead)
            while k < len(doc) and k < f.end + len(lead) + max_words and doc[k].pos_ == "ADJ":
                k += 1
            named = next((g for g in found if g.start <= k < g.end), None)
            if named is not None and named.actor in st.role_code and named.actor.startswith("prov:") \
                    and named.actor not in st.recent:
                # a body the KB does not know that the text coded by its sector ("vom
                # Institut für Konfliktforschung" as the entity model's organisation)
                st.role_code[f.actor] = st.role_code[named.actor]
                if named.actor in st.implicit:
                    st.implicit.add(f.actor)
                continue
            if k >= len(doc) or named is not None:
                continue  # a body the linker named ("vom Roten Kreuz"): _member_codes's
            agent = group_agent(doc[k])
            where = st.where(f.start)
            if agent is None and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].text[:1].isupper():
                # a body the KB does not know, by the sector its word names ("vom Institut
                # für Konfliktforschung", "von der Ärztekammer"; session 29, #11), of a
                # country the text gives (not the outlet's)
                agent = self._body_word_agent(doc, k)[0]
                where = self._text_country(st, f.start)
            group = self.kb.composite(where, agent) if agent and where else None
            if group is None or not group.code:
                continue
            st.role_code[f.actor] = (where, group.code)
            st.implicit.add(f.actor)

    def _member_of_part(self, doc: Doc, found: List[Found], st: DocState) -> None:
        """A person named right before "von der/vom" + a hyphenated compound whose first
        part names a KB organisation and which is no mention itself ("Andreas X von der
        ORF-Unterhaltung", "Y vom Caritas-Flüchtlingsdienst": a department of the body)
        speaks for that organisation, as :meth:`_member_codes` does for the body's own
        name; a first part several organisations share ("Grünen-") takes the one of the
        document's country (:meth:`DocState.where`)."""
        covered = {i for f in found for i in range(f.start, f.end)}
        for f in found:
            if f.actor in st.role_code or f.kind == ROLE or not (f.actor.startswith("prov:") or self._uncoded_person(f.actor)):
                continue
            words = tuple(t.lower_ for t in doc[f.end : f.end + 3])
            lead = next((w for w in self.person_of if words[:len(w)] == w), None)
            k = f.end + len(lead) if lead is not None else len(doc)
            if k >= len(doc) or k in covered or "-" not in doc[k].text.strip("-"):
                continue
            cands = self._org_prefixes(doc[k].text.partition("-")[0])
            where = st.where(f.start)
            cands = sorted(cands, key=lambda c: 0 if _national_prefix(self.kb.get(c).code or "") == where else 1)
            org = self.kb.get(cands[0]) if cands else None
            code = org.code if org is not None else None
            if code and len(code) >= 3:
                st.role_code[f.actor] = (code[:3] if code[:3].isalpha() and not code.startswith("IGO") else None, code)

    def _uncoded_person(self, actor_id: str) -> bool:
        """A KB person without a code of its own and without an office (the text's
        evidence may code it)."""
        actor = self.kb.get(actor_id)
        return actor is not None and actor.type == "PER" and not actor.code and not actor.offices

    def _records(self, doc: Doc, found: List[Found], st: DocState, prov: List[Atom]):  # type: ignore[no-untyped-def]
        prov_types = {a.entries[0].target: getattr(a, "prov_type", "PER") for a in prov}
        prov_names = {a.entries[0].target: a.entries[0].surface for a in prov if a.entries[0].mention_kind == NAME}
        mentions: List[Mention] = []
        actors: Dict[str, Actor] = {}
        new_prov: List[Actor] = []
        for f in sorted(found, key=lambda f: (f.start, f.end)):
            span = doc[f.start:f.end]
            mentions.append(Mention(
                actor_id=f.actor, start=span.start_char, end=span.end_char, text=span.text, kind=f.kind,
            ))
            actor = actors.get(f.actor)
            if actor is None:
                actor = self._actor_record(f.actor, st, prov_types, prov_names)
                if actor is None:
                    mentions.pop()
                    continue
                actors[f.actor] = actor
                if actor.provisional:  # learn_provisional registers those not known yet
                    new_prov.append(actor)
            actor.mentions.append((span.start_char, span.end_char))
        # what later documents may reuse: a code only from strong evidence -- the text's own
        # word for the role's country or body ("ÖVP-Klubobmann X", "X (SPÖ)", "Leiter der
        # Wirtschaftskammer"), not the document's country guessed for a bare office
        # ("Finanzminister X" in an article filed in Athens): a wrong guess must not spread
        remembered = [a if a.id not in st.implicit else
                      Actor(id=a.id, name=a.name, type=a.type, country=None, role=a.role, code=None,
                            provisional=True, wikidata=a.wikidata)
                      for a in new_prov]
        learn_provisional(remembered, key=doc._.article)  # once per Doc, also when empty (see record_learning)
        # as learnt now: later components may still change the document's own records
        # (an interview lead's role, a name retyped as a person)
        doc.user_data[LEARNT_KEY] = [actor_record(a) for a in remembered]
        return mentions, list(actors.values())

    def _actor_record(self, actor_id: str, st: DocState, prov_types, prov_names) -> Optional[Actor]:  # type: ignore[no-untyped-def]
        if actor_id.startswith("prov:"):
            known = _registry.get(actor_id)
            country, code = st.role_code.get(actor_id, (None, None))
            if code is None and not (known is not None and known.code) \
                    and prov_types.get(actor_id, known.type if known is not None else "PER") == "PER":
                # a person the text names in full but gives no role: the dated code PETRARCH's
                # Phoenix dictionary has for that name at the article's date (:mod:`.phoenix`)
                name = prov_names.get(actor_id) or (known.name if known else "")
                phx = phoenix_person_code(name, st.on)
                if phx is not None:
                    country, code = phx
            if known is not None:
                if code is None and known.code:
                    # only memory codes it: this document's own evidence (an interview lead's
                    # role, language.turns) may still replace it
                    st.memory.add(actor_id)
                return Actor(
                    id=known.id, name=known.name, type=known.type, country=country or known.country,
                    role=st.role_text.get(actor_id) or known.role, code=code or known.code, provisional=True,
                )
            name = prov_names.get(actor_id)
            if not name:
                return None
            return Actor(
                id=actor_id, name=name, type=prov_types.get(actor_id, "PER"), country=country,
                role=st.role_text.get(actor_id), code=code, provisional=True,
            )
        kb_actor = self.kb.get(actor_id)
        if kb_actor is None:
            return None
        return self._kb_record(kb_actor, st)

    def _kb_record(self, actor: KBActor, st: DocState) -> Actor:
        office = actor.office_at(st.on, st.named_roles.get(actor.id)) if actor.offices else None
        role = self.kb.role_label(office, self.lang) if office else st.role_text.get(actor.id)
        if role is None and actor.offices:
            past = [o for o in actor.offices if o.ended_before(st.on)]
            last_label = self.kb.role_label(max(past, key=lambda o: o.end or date.min), self.lang) if past else None
            if last_label:
                role = ("ehem. " if self.lang == "de" else "former ") + last_label
        code = (office.code if office and office.code else None) or actor.code
        country = actor.country
        learned = st.role_code.get(actor.id)
        if learned is not None and office is None:
            code = learned[1]  # the role the text gives ("Justizminister Heiko Maas")
        if actor.type == "ORG" and not country:
            country = None
        return Actor(
            id=actor.id, name=actor.name, type=actor.type, country=country if country and len(country) == 3 else None,
            role=role, code=code, provisional=False, wikidata=actor.wikidata,
        )
