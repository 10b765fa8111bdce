"""Surface forms of the KB for one language: every phrase the linker's PhraseMatcher looks
for, with what it can mean (:class:`Entry`).

Generated forms: German genitives of names ("Putins", "Russlands"), German adjective
inflections ("russisch" -> "russische/-en/-er/-es/-em"), role-noun inflections from
``inflection.tsv`` and German compounds of a prefix and a role noun ("US-Präsident",
"EU-Kommissionspräsidentin", "UN-Generalsekretär").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional

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


def german_feminine(demonym: str) -> List[str]:
    """"Ukrainer" -> Ukrainerin/-innen, "Russe" -> Russin/-innen; plurals give nothing."""
    if demonym.endswith("er"):
        return [demonym + "in", demonym + "innen"]
    if demonym.endswith("e") and not demonym.endswith("ee"):
        return [demonym[:-1] + "in", demonym[:-1] + "innen"]
    return []


class Gazetteer:
    """``phrases``: surface form (as written) -> list of :class:`Entry`."""

    def __init__(self, kb: KB, lang: str) -> None:
        self.kb = kb
        self.lang = lang
        self.phrases: Dict[str, List[Entry]] = {}
        self._build()

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
                gen = german_genitive(name) if de else None
                if gen:
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
        for noun in kb.role_nouns:
            if noun.lang != lang:
                continue
            for form, plural in noun.forms:
                # a written title abbreviation ("Sen.", "Gov.") is a title only when capitalised
                case = CASE_EXACT if form.isupper() else (
                    CASE_TITLE if form.endswith(".") and form[:1].isupper() else CASE_ANY)
                self.add(form, Entry("role", noun.implies, ROLE, case, form, 10 * noun.priority, role=noun, plural=plural))
                for prefix, target in prefixes:
                    compound = f"{prefix}-{form}"
                    self.add(compound, Entry("role", target, ROLE, CASE_TITLE, compound, 10 * noun.priority, role=noun, plural=plural))
        # "Trump-Regierung", "Putin-Regime": leaders' surnames as compound prefixes of the
        # government nouns (linking.yaml seat_nouns)
        seat_nouns = {w.lower() for w in (kb.linking.get("seat_nouns", {}).get(lang) or [])}
        if de and seat_nouns:
            leaders = [
                (surname, actor.country) for actor in kb.actors.values()
                if actor.type == "PER" and actor.country and any(
                    set(o.roles) & {"leader", "head_of_government", "president"} for o in actor.offices)
                for surname in actor.surnames
            ]
            person_nouns = {w.lower() for w in (kb.linking.get("leader_compound_nouns", {}).get(lang) or [])}
            for noun in kb.role_nouns:
                term = noun.term.lower()
                if noun.lang != lang or (term not in seat_nouns and term not in person_nouns):
                    continue
                for form, plural in noun.forms:
                    for surname, country in leaders:
                        compound = f"{surname}-{form}"
                        self.add(compound, Entry(
                            "role", country, ROLE, CASE_TITLE, compound, 10 * noun.priority,
                            role=noun, plural=plural or term in seat_nouns,
                        ))
        for ilang, form, actor_id in kb.institutions:
            if ilang in (lang, "*"):
                self.add(form, Entry("actor", actor_id, METONYMY, case_of(form), form, 10))
