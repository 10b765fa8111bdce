"""Surface forms of the KB for one language: every phrase the linker's PhraseMatcher looks
for, with what it can mean (:class:`Entry`).

Generated forms: German genitives of names ("Putins", "Russlands"), German adjective
inflections ("russisch" -> "russische/-en/-er/-es/-em"), role-noun inflections from
``inflection.tsv`` and German compounds of a prefix and a role noun ("US-Präsident",
"EU-Kommissionspräsidentin", "UN-Generalsekretär").

Prefix compounds are not listed one by one: 140 organisation prefixes x 800 German role
forms and 169 leaders' surnames x 69 government-noun forms would be about 124,000 phrases
(three quarters of the linker's start-up). They are kept as :class:`CompoundFamily` tables
(prefixes x forms) and resolved when a text contains one: the surface matcher splits a
token at its hyphen (:mod:`.surface_matcher`) and :meth:`Gazetteer.lookup` builds the
entries of that compound in exactly the order the listed cross product gave them. A
compound spelled like another phrase ("SPD-Fraktion", a name and a prefix + role form)
is still listed, in its place, so that its entries keep their order.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

from .kb import KB, KBActor, RoleNoun

ADJ_ENDINGS_DE = ("", "e", "en", "er", "es", "em")
# Mention kinds (schemas.Mention.kind)
NAME, SURNAME, ROLE, METONYMY, ADJECTIVE, DEMONYM = (
    "name", "surname", "role", "metonymy", "adjective", "demonym",
)
CASE_ANY, CASE_TITLE, CASE_EXACT = 0, 1, 2


@dataclass(frozen=True)
class Entry:
    """One meaning of a phrase.

    kind: "actor" (names, surnames, institutions), "adj" (country adjective),
    "demonym" or "role" (a role noun; ``target`` is then the country/organisation a
    compound prefix gives, or None).
    """

    kind: str
    target: Optional[str]
    mention_kind: str
    case: int
    surface: str
    priority: int = 10  # names: 10 x KB priority (user 20, built-in 10, imported 0); surnames -5
    genitive: bool = False
    role: Optional[RoleNoun] = None
    plural: bool = False


def case_of(surface: str) -> int:
    letters = [c for c in surface if c.isalpha()]
    if letters and (surface.isupper() or (len(letters) <= 4 and sum(c.isupper() for c in letters) >= 2)):
        return CASE_EXACT
    if surface[:1].isupper():
        return CASE_TITLE
    return CASE_ANY


def german_genitive(name: str) -> Optional[str]:
    """"Putin" -> "Putins"; None where German writes no -s ("Merz", "Ukraine", "USA")."""
    last = name[-1:]
    if not last.isalpha() or last.lower() in "sxzße" or name.isupper():
        return None
    return name + "s"


def german_genitives(name: str, organisation: bool = False) -> List[str]:
    """The generated German genitives of ``name``: :func:`german_genitive`'s "-s" form and,
    for a one-word organisation name ending in a part of ``kb/genitive_es_heads.txt``, the
    "-es" form as well ("Samariterbund" -> "Samariterbunds", "Samariterbundes")."""
    gen = german_genitive(name)
    out = [gen] if gen else []
    if organisation and gen and " " not in name and name.lower().endswith(_genitive_es_heads()):
        out.append(name + "es")
    return out


@lru_cache(maxsize=1)
def _genitive_es_heads() -> Tuple[str, ...]:
    from ..datafiles import data_path, word_list

    return tuple(sorted(word_list(str(data_path("kb", "genitive_es_heads.txt")))))


def german_feminine(demonym: str) -> List[str]:
    """"Ukrainer" -> Ukrainerin/-innen, "Russe" -> Russin/-innen; plurals give nothing."""
    if demonym.endswith("er"):
        return [demonym + "in", demonym + "innen"]
    if demonym.endswith("e") and not demonym.endswith("ee"):
        return [demonym[:-1] + "in", demonym[:-1] + "innen"]
    return []


def normal(surface: str) -> str:
    """A surface form as the gazetteer keys it: runs of white space made one space."""
    return " ".join(surface.split())


class CompoundFamily:
    """German compounds "PREFIX-FORM" of every prefix with every role-noun form, as two
    tables instead of their cross product.

    ``prefixes``: ``(prefix as written, target id)`` in KB order; ``forms``:
    ``(role noun, form as written, plural)`` in the order the gazetteer visits them.
    The compound of prefix ``p`` and form ``f`` means
    ``Entry("role", target, ROLE, CASE_TITLE, "p-f", 10 * noun.priority, role=noun, plural=plural)``.
    """

    def __init__(self, prefixes: Sequence[Tuple[str, Optional[str]]],
                 forms: Sequence[Tuple[RoleNoun, str, bool]]) -> None:
        self.prefixes = list(prefixes)
        self.forms = list(forms)
        # lower-cased piece -> [(index, piece as written, …)]
        self.prefix_by_lower: Dict[str, List[Tuple[int, str, Optional[str]]]] = {}
        for i, (prefix, target) in enumerate(self.prefixes):
            self.prefix_by_lower.setdefault(prefix.lower(), []).append((i, prefix, target))
        self.form_by_lower: Dict[str, List[Tuple[int, RoleNoun, str, bool]]] = {}
        for i, (noun, form, plural) in enumerate(self.forms):
            self.form_by_lower.setdefault(form.lower(), []).append((i, noun, form, plural))

    def __len__(self) -> int:
        return len(self.prefixes) * len(self.forms)

    def pieces(self) -> Tuple[List[str], List[str]]:
        """(distinct prefixes, distinct forms) as written, each sorted."""
        return sorted({p for p, _ in self.prefixes}), sorted({f for _, f, _ in self.forms})

    @staticmethod
    def entry(prefix: str, target: Optional[str], noun: RoleNoun, form: str, plural: bool) -> Entry:
        compound = f"{prefix}-{form}"
        return Entry("role", target, ROLE, CASE_TITLE, compound, 10 * noun.priority, role=noun, plural=plural)

    def splits(self, key: str) -> List[Tuple[str, str]]:
        """The (lower-cased prefix, lower-cased form) pairs of this family whose compound
        is ``key`` (lower-cased), one per hyphen of ``key`` that splits it so."""
        out = []
        at = key.find("-")
        while at > 0:
            p, f = key[:at], key[at + 1:]
            if p in self.prefix_by_lower and f in self.form_by_lower:
                out.append((p, f))
            at = key.find("-", at + 1)
        return out


class Gazetteer:
    """``phrases``: surface form (as written) -> list of :class:`Entry`, all but the
    prefix compounds; ``families``: the prefix compounds (:class:`CompoundFamily`), looked
    up with :meth:`lookup`."""

    def __init__(self, kb: KB, lang: str) -> None:
        self.kb = kb
        self.lang = lang
        self.phrases: Dict[str, List[Entry]] = {}
        self.families: List[CompoundFamily] = []
        self._compound_memo: Dict[str, List[Entry]] = {}
        self._build()

    def lookup(self, key: str) -> List[Entry]:
        """The entries of a prefix compound, ``key`` lower-cased and white space normalised
        ("spö-chef"), in the order listing the whole cross product in :attr:`phrases` and
        grouping by lower-cased form would give them (spellings in the order they were
        first listed, each spelling's entries in order, equal entries once). [] when
        ``key`` is no compound of the families. Keys that also name a listed phrase are
        listed (see :meth:`_build`) and must be read from :attr:`phrases`."""
        found = self._compound_memo.get(key)
        if found is not None:
            return found
        # (family, form index, prefix index) is the order of the listing loops
        hits = []
        for k, fam in enumerate(self.families):
            for p, f in fam.splits(key):
                for fi, noun, form, plural in fam.form_by_lower[f]:
                    for pi, prefix, target in fam.prefix_by_lower[p]:
                        hits.append(((k, fi, pi), prefix, target, noun, form, plural))
        hits.sort(key=lambda h: h[0])
        spellings: Dict[str, List[Entry]] = {}
        for _, prefix, target, noun, form, plural in hits:
            e = CompoundFamily.entry(prefix, target, noun, form, plural)
            surface = normal(e.surface)  # the listing keyed the normalised form (the entry keeps its own)
            if surface.lower() != key:
                continue
            bucket = spellings.setdefault(surface, [])
            if e not in bucket:
                bucket.append(e)
        found = [e for bucket in spellings.values() for e in bucket]
        self._compound_memo[key] = found
        return found

    def add(self, surface: str, entry: Entry) -> None:
        surface = " ".join(surface.split())
        if not surface:
            return
        bucket = self.phrases.setdefault(surface, [])
        if entry not in bucket:
            bucket.append(entry)

    def _names(self, actor: KBActor) -> List[str]:
        return list(actor.names.get(self.lang, [])) + list(actor.names.get("*", []))

    def _build(self) -> None:
        kb, lang, de = self.kb, self.lang, self.lang == "de"
        for actor in kb.actors.values():
            mention_kind = NAME  # a metonymic city is decided in context (place or government)
            for name in self._names(actor):
                self.add(name, Entry("actor", actor.id, mention_kind, case_of(name), name, 10 * actor.priority))
                for gen in (german_genitives(name, actor.type == "ORG") if de else []):
                    self.add(gen, Entry("actor", actor.id, mention_kind, case_of(gen), gen, 10 * actor.priority, genitive=True))
            if actor.type == "PER" and len(actor.surnames) > 1:
                # every given-name spelling with every surname spelling: "Volodymyr Zelenskiy"
                names = set(self._names(actor))
                givens = {n.split()[0] for n in names if len(n.split()) == 2}
                for given in givens:
                    for surname in actor.surnames:
                        combo = f"{given} {surname}"
                        if combo not in names:
                            self.add(combo, Entry("actor", actor.id, NAME, CASE_TITLE, combo, 10 * actor.priority))
                            gen = german_genitive(combo) if de else None
                            if gen:
                                self.add(gen, Entry("actor", actor.id, NAME, CASE_TITLE, gen, 10 * actor.priority, genitive=True))
            for surname in actor.surnames:
                # a surname alone ranks below full names and below other actors' names
                self.add(surname, Entry("actor", actor.id, SURNAME, case_of(surname), surname, 10 * actor.priority - 5))
                gen = german_genitive(surname) if de else None
                if gen:
                    self.add(gen, Entry("actor", actor.id, SURNAME, case_of(gen), gen, 10 * actor.priority - 5, genitive=True))
            for adj in actor.adjectives.get(lang, []):
                forms = [adj + e for e in ADJ_ENDINGS_DE] if de else [adj]
                for form in forms:
                    self.add(form, Entry("adj", actor.id, ADJECTIVE, case_of(form) if not de else CASE_ANY, form))
            for dem in actor.demonyms.get(lang, []):
                self.add(dem, Entry("demonym", actor.id, DEMONYM, case_of(dem), dem))
                for fem in german_feminine(dem) if de else ():
                    self.add(fem, Entry("demonym", actor.id, DEMONYM, case_of(fem), fem))
        prefixes = [(p, a.id) for a in kb.actors.values() for p in a.prefixes] if de else []
        role_forms = [(noun, form, plural) for noun in kb.role_nouns if noun.lang == lang
                      for form, plural in noun.forms]
        # "Trump-Regierung", "Putin-Regime": leaders' surnames as compound prefixes of the
        # government nouns (linking.yaml seat_nouns)
        seat_nouns = {w.lower() for w in (kb.linking.get("seat_nouns", {}).get(lang) or [])}
        leaders: List[Tuple[str, Optional[str]]] = []
        leader_forms: List[Tuple[RoleNoun, str, bool]] = []
        if de and seat_nouns:
            leaders = [
                (surname, actor.country) for actor in kb.actors.values()
                if actor.type == "PER" and actor.country and any(
                    set(o.roles) & {"leader", "head_of_government", "president"} for o in actor.offices)
                for surname in actor.surnames
            ]
            person_nouns = {w.lower() for w in (kb.linking.get("leader_compound_nouns", {}).get(lang) or [])}
            leader_forms = [
                (noun, form, plural or noun.term.lower() in seat_nouns)
                for noun in kb.role_nouns
                if noun.lang == lang and (noun.term.lower() in seat_nouns or noun.term.lower() in person_nouns)
                for form, plural in noun.forms
            ]
        self.families = [CompoundFamily(prefixes, role_forms if prefixes else []),
                         CompoundFamily(leaders, leader_forms if leaders else [])]
        # a compound spelled like a listed phrase is listed too, where the cross product
        # listed it, so that the phrase's entries keep their order (see lookup)
        listed = {k.lower() for k in self.phrases}
        listed.update(normal(form).lower() for _, form, _ in role_forms)
        listed.update(normal(form).lower() for ilang, form, _ in kb.institutions if ilang in (lang, "*"))
        clash: List[Dict[str, Set[str]]] = [{}, {}]
        for key in listed:
            if "-" in key:
                for k, fam in enumerate(self.families):
                    for p, f in fam.splits(key):
                        clash[k].setdefault(f, set()).add(p)
        for noun, form, plural in role_forms:
            # a written title abbreviation ("Sen.", "Gov.") is a title only when capitalised
            case = CASE_EXACT if form.isupper() else (
                CASE_TITLE if form.endswith(".") and form[:1].isupper() else CASE_ANY)
            self.add(form, Entry("role", noun.implies, ROLE, case, form, 10 * noun.priority, role=noun, plural=plural))
            listed_prefixes = clash[0].get(form.lower())
            if listed_prefixes and prefixes:
                for prefix, target in prefixes:
                    if prefix.lower() in listed_prefixes:
                        e = CompoundFamily.entry(prefix, target, noun, form, plural)
                        self.add(e.surface, e)
        for noun, form, plural in leader_forms:
            listed_prefixes = clash[1].get(form.lower())
            if listed_prefixes:
                for surname, country in leaders:
                    if surname.lower() in listed_prefixes:
                        e = CompoundFamily.entry(surname, country, noun, form, plural)
                        self.add(e.surface, e)
        for ilang, form, actor_id in kb.institutions:
            if ilang in (lang, "*"):
                self.add(form, Entry("actor", actor_id, METONYMY, case_of(form), form, 10))
        # a generated German genitive never takes a name another actor has as written:
        # "Hamas" is the organisation, not the genitive of the Syrian city Hama (a written
        # form that is itself the genitive of a shared name stays shared: "Bundeskriminalamts")
        for surface, bucket in self.phrases.items():
            named = {e.target for e in bucket if e.kind == "actor" and not e.genitive}
            if not named or not any(e.genitive and e.target not in named for e in bucket):
                continue
            base = self.phrases.get(surface[:-1], [])
            shared = {e.target for e in base if e.kind == "actor" and not e.genitive}
            if named & shared:
                continue
            bucket[:] = [e for e in bucket if not (e.genitive and e.target not in named)]
