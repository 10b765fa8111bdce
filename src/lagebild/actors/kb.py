"""The actor knowledge base: countries, cities, organisations, persons with dated offices,
role nouns (agents) and metonymic institutions, read from the TSV files in
``lagebild/data/kb/`` plus a user KB directory.

The user KB (``$LAGEBILD_KB``, default ``~/.local/share/lagebild/kb``) holds files with the
same columns as the built-in ones: ``actors*.tsv`` (persons.tsv columns plus ``type``),
``offices*.tsv``, ``organisations*.tsv``, ``agents*.tsv``, ``institutions*.tsv``,
``aliases*.tsv`` (``actor``, ``lang``, ``alias``). Entries written by ``lagebild kb add``
take precedence over the built-in KB; files under ``imported/`` (``lagebild kb import``)
only add names the built-in KB does not know.

Every row is validated on load; a bad row raises :class:`~lagebild.errors.DataFileError`
naming the file and line.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from ..datafiles import data_path, iter_tsv, load_yaml, word_list
from ..errors import DataFileError
from ..language.names import given_names
from ..schemas import ACTOR_TYPES

KB_DIR = data_path("kb")
PRIORITY_IMPORTED, PRIORITY_BUILTIN, PRIORITY_USER = 0, 1, 2


def user_kb_dir(path: Optional[os.PathLike | str] = None) -> Path:
    """The user KB directory: ``path``, else ``$LAGEBILD_KB``, else the XDG data dir."""
    if path:
        return Path(path).expanduser()
    env = os.environ.get("LAGEBILD_KB")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "lagebild" / "kb"


def split_list(value: Optional[str]) -> List[str]:
    """``"a|b| c"`` -> ``["a", "b", "c"]``."""
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def parse_date(value: Optional[str]) -> Optional[date]:
    if not value:
        return None
    return date.fromisoformat(value)


@dataclass
class Office:
    """One term in an office: ``roles`` (role keys) of ``of`` (country or organisation)."""

    actor: str
    roles: Tuple[str, ...]
    of: Optional[str]
    code: Optional[str]
    start: Optional[date]
    end: Optional[date]
    label_en: Optional[str] = None
    label_de: Optional[str] = None

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    def ended_before(self, on: date) -> bool:
        return self.end is not None and self.end <= on


@dataclass
class KBActor:
    """An actor the KB knows, with its names per language (``"*"``: every language)."""

    id: str
    name: str
    type: str
    country: Optional[str] = None
    code: Optional[str] = None
    wikidata: Optional[str] = None
    names: Dict[str, List[str]] = field(default_factory=dict)
    surnames: List[str] = field(default_factory=list)
    offices: List[Office] = field(default_factory=list)
    adjectives: Dict[str, List[str]] = field(default_factory=dict)
    demonyms: Dict[str, List[str]] = field(default_factory=dict)
    prefixes: List[str] = field(default_factory=list)
    capital: Optional[str] = None
    metonymy: bool = False
    metonymy_of: Optional[str] = None  # the actor a metonymic place stands for (default: its government)
    parent: Optional[str] = None
    priority: int = PRIORITY_BUILTIN
    name_de: Optional[str] = None
    source: Optional[str] = None  # "file:line" it was read from

    def add_names(self, lang: str, names: Iterable[str]) -> None:
        bucket = self.names.setdefault(lang, [])
        for n in names:
            if n and n not in bucket:
                bucket.append(n)

    def office_at(self, on: date, roles: Optional[Iterable[str]] = None) -> Optional[Office]:
        """The office held on ``on``; None when none. Of several concurrent offices, the one
        whose role keys meet ``roles`` (the roles the text names the person by: "The
        Secretary of State" -> ``{"foreign_minister"}``; Rubio is also acting national
        security adviser), else -- and among several such -- the most recently started."""
        active = [o for o in self.offices if o.active(on)]
        if not active:
            return None
        wanted = set(roles or ())
        named = [o for o in active if wanted & set(o.roles)] if wanted else []
        return max(named or active, key=lambda o: o.start or date.min)


@dataclass(frozen=True)
class RoleNoun:
    """A role/agent noun of one language with its generated forms."""

    lang: str
    term: str
    forms: Tuple[Tuple[str, bool], ...]  # (form, plural_only)
    agent: str
    roles: Tuple[str, ...]
    person: bool
    implies: Optional[str]
    priority: int = PRIORITY_BUILTIN


@dataclass(frozen=True)
class CompoundHead:
    """The last part of a compound role noun ("minister" in "Bundesjustizminister"):
    one inflected form (lower case), its base term, agent code, whether it names one
    person (singular) and whether it is ``generic`` (names no sector by itself) or
    ``modifier_wins`` (names a role inside whatever body the modifier names: its sector
    wins over the head's agent, "Wahlkampfmanager" -> PTY; ``generic`` column ``m``)."""

    form: str
    term: str
    agent: str
    person: bool
    plural: bool
    generic: bool
    modifier_wins: bool = False


@dataclass
class KB:
    actors: Dict[str, KBActor] = field(default_factory=dict)
    role_keys: Dict[str, dict] = field(default_factory=dict)
    agents: Dict[str, dict] = field(default_factory=dict)
    role_nouns: List[RoleNoun] = field(default_factory=list)
    institutions: List[Tuple[str, str, str]] = field(default_factory=list)  # (lang, form, actor)
    ner_labels: Dict[str, str] = field(default_factory=dict)
    linking: dict = field(default_factory=dict)
    given_names: frozenset = frozenset()
    by_office: Dict[Tuple[str, str], List[Office]] = field(default_factory=dict)
    user_dir: Optional[Path] = None
    #: German compound role nouns (compound_roles.tsv): lang -> heads, longest form first
    compound_heads: Dict[str, List["CompoundHead"]] = field(default_factory=dict)
    #: lang -> (modifier ending, agent code), longest first
    compound_modifiers: Dict[str, List[Tuple[str, str]]] = field(default_factory=dict)

    # -- lookups ---------------------------------------------------------------
    def get(self, actor_id: str) -> Optional[KBActor]:
        """The actor ``actor_id``; composite country+agent ids ("RUSMIL") are made on demand."""
        actor = self.actors.get(actor_id)
        if actor is None and len(actor_id) >= 6 and actor_id[:3] in self.actors:
            actor = self.composite(actor_id[:3], actor_id[3:])
        return actor

    def composite(self, of: str, agent: str) -> Optional[KBActor]:
        """The group actor "``of`` + ``agent``" (e.g. RUS + MIL -> "RUSMIL", Russian military);
        for an organisation, the organisation itself."""
        base = self.actors.get(of)
        info = self.agents.get(agent)
        if base is None or info is None:
            return None
        if base.type == "ORG":
            return base
        ident = f"{of}{agent}"
        actor = self.actors.get(ident)
        if actor is None:
            adj = (base.adjectives.get("en") or [None])[0]
            name = f"{adj} {info['label_en']}" if adj else f"{base.name} ({info['label_en']})"
            adj_de = (base.adjectives.get("de") or [None])[0]
            name_de = f"{adj_de}e {info['label_de']}" if adj_de else f"{info['label_de']} ({base.name_de or base.name})"
            actor = KBActor(
                id=ident, name=name, type=info["type"], country=base.country,
                code=ident, name_de=name_de[:1].upper() + name_de[1:],
            )
            self.actors[ident] = actor
        return actor

    def holders(self, role: str, of: str, on: date) -> List[Office]:
        """Offices with role key ``role`` of ``of`` active on ``on``."""
        return [o for o in self.by_office.get((role, of), []) if o.active(on)]

    def former_holders(self, role: str, of: str, on: date) -> List[Office]:
        """Offices with role key ``role`` of ``of`` that ended before ``on``, latest first."""
        done = [o for o in self.by_office.get((role, of), []) if o.ended_before(on)]
        return sorted(done, key=lambda o: o.end or date.min, reverse=True)

    def role_label(self, office: Office, lang: str) -> Optional[str]:
        label = office.label_de if lang == "de" else office.label_en
        if label:
            return label
        if not office.roles:
            return None
        key = self.role_keys.get(office.roles[0], {})
        base = key.get("label_de" if lang == "de" else "label_en") or office.roles[0]
        of = self.actors.get(office.of or "")
        return f"{base} ({of.name if of else office.of})" if office.of else base

    def search(self, query: str, limit: int = 20) -> List[KBActor]:
        """Actors whose id, name or any alias contains ``query`` (case-insensitive)."""
        q = query.casefold()
        exact, partial = [], []
        for actor in self.actors.values():
            names = [actor.id, actor.name] + [n for ns in actor.names.values() for n in ns]
            folded = [n.casefold() for n in names]
            if q in folded:
                exact.append(actor)
            elif any(q in n for n in folded):
                partial.append(actor)
        return (exact + partial)[:limit]


# -- loading ------------------------------------------------------------------

def _need(row: dict, *cols: str) -> Optional[str]:
    for c in cols:
        if not row.get(c):
            return f"column {c!r} is empty"
    return None


def _check_date(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"{value!r} is not an ISO date (YYYY-MM-DD)"
    return None


def _org_codes(kb: KB) -> frozenset:
    """The codes of the organisations loaded so far (for :func:`_check_code`)."""
    return frozenset(a.code for a in kb.actors.values() if a.type == "ORG" and a.code)


def _check_code(kb: KB, code: Optional[str], org_codes: frozenset) -> Optional[str]:
    """Why ``code`` is no CAMEO actor code the KB can read, or None when it is (or empty):
    a country or region id with an optional agent code from agent_codes.tsv after it
    ("AUT", "AUTGOV", "RUSMILMER": the first agent is checked), or the code of an
    organisation the KB has (``org_codes``: "IGOEUREEC", "IGOUNOREFHCR")."""
    if not code:
        return None
    base = kb.actors.get(code[:3])
    if base is not None and base.type == "GPE":
        if len(code) > 3 and code[3:6] not in kb.agents:
            return f"code {code!r}: agent {code[3:6]!r} is not in agent_codes.tsv"
        return None
    if code in org_codes:
        return None
    return f"code {code!r} is neither a country + agent code nor an organisation's code"


#: the first three letters of a CAMEO code that names no country: international and
#: non-governmental organisations, international militant groups, multinational companies
#: (CAMEO actor codebook, Schrodt 2012, ch. 2-3)
TRANSNATIONAL_CODES = frozenset({"IGO", "NGO", "IMG", "MNC"})


def _check_org_code(kb: KB, code: str) -> Optional[str]:
    """Why ``code`` is no CAMEO code an organisation row may carry, or None when it is: a
    country or region with an optional agent from agent_codes.tsv ("DEUBUS", "AUTCOP",
    "RUSMILMER": the first agent is checked) or a transnational code ("IGOUNOREFHCR",
    "NGOHLHIRC", "IMGMUSISI": :data:`TRANSNATIONAL_CODES`)."""
    if not code.isalpha() or not code.isupper() or len(code) < 3:
        return f"code {code!r} is not a CAMEO code (three or more capital letters)"
    if code[:3] in TRANSNATIONAL_CODES:
        return None
    return _check_code(kb, code, frozenset())


def _add_actor(kb: KB, actor: KBActor, path: Path, line: int) -> None:
    old = kb.actors.get(actor.id)
    if old is not None and old.priority == actor.priority == PRIORITY_IMPORTED:
        for lang, names in actor.names.items():  # one name in several imported files
            old.add_names(lang, names)
        return
    if old is not None and old.priority == actor.priority:
        raise DataFileError(str(path), line, f"duplicate actor id {actor.id!r} (first in {old.source})")
    if old is not None and old.priority > actor.priority:
        return
    if old is not None:  # a user entry overrides: keep the built-in offices and names
        for lang, names in old.names.items():
            actor.add_names(lang, names)
        actor.offices = actor.offices or old.offices
    kb.actors[actor.id] = actor


def _load_countries(kb: KB, path: Path) -> None:
    for row in iter_tsv(path, required=("id", "name_en")):
        actor = KBActor(
            id=row["id"], name=row["name_en"], type="GPE",
            country=row["id"] if row.get("iso2") else None,  # regions (EUR, WST) have no ISO code
            code=row["id"], name_de=row.get("name_de"), source=f"{path.name}:{row['_line']}",
        )
        actor.add_names("en", split_list(row.get("names_en")))
        actor.add_names("de", split_list(row.get("names_de")))
        actor.adjectives = {"en": split_list(row.get("adj_en")), "de": split_list(row.get("adj_de"))}
        actor.demonyms = {"en": split_list(row.get("demonyms_en")), "de": split_list(row.get("demonyms_de"))}
        actor.prefixes = split_list(row.get("prefixes_de"))
        _add_actor(kb, actor, path, row["_line"])


def _load_cities(kb: KB, path: Path) -> None:
    def validate(row: dict) -> Optional[str]:
        country = kb.actors.get(row["country"])
        if country is None or country.type != "GPE":
            return f"unknown country {row['country']!r} (an id of countries.tsv)"
        return None

    for row in iter_tsv(path, required=("id", "name_en", "country"), validate=validate):
        actor = KBActor(
            id=row["id"], name=row["name_en"], type="LOC", country=row["country"], code=row["country"],
            name_de=row.get("name_de"), metonymy=bool(row.get("metonymy")),
            metonymy_of=row["metonymy"] if row.get("metonymy") not in (None, "y") else None,
            source=f"{path.name}:{row['_line']}",
        )
        actor.add_names("en", split_list(row.get("names_en")))
        actor.add_names("de", split_list(row.get("names_de")))
        _add_actor(kb, actor, path, row["_line"])
        if row.get("capital") == "y" and row["country"] in kb.actors:
            kb.actors[row["country"]].capital = row["id"]


def _load_organisations(kb: KB, path: Path, priority: int) -> None:
    """Read an organisations file. Each row's code is checked (:func:`_check_org_code`;
    rows of ``imported/`` keep codes of their own) and so is its id (``org:`` + a slug); the
    parent is checked once every organisation is read (:func:`_check_parents`)."""
    def validate(row: dict) -> Optional[str]:
        if not row["id"].startswith("org:"):
            return f"id {row['id']!r} does not start with 'org:'"
        if priority == PRIORITY_IMPORTED:
            return None
        return _check_org_code(kb, row["code"])

    for row in iter_tsv(path, required=("id", "name_en", "code"), validate=validate):
        actor = KBActor(
            id=row["id"], name=row["name_en"], type="ORG", code=row["code"],
            name_de=row.get("name_de"), parent=row.get("parent"), wikidata=row.get("wikidata"),
            priority=priority, source=f"{path.name}:{row['_line']}",
        )
        actor.add_names("en", [row["name_en"]] + split_list(row.get("aliases_en")))
        actor.add_names("de", [row.get("name_de") or row["name_en"]] + split_list(row.get("aliases_de")))
        actor.prefixes = split_list(row.get("prefixes"))
        _add_actor(kb, actor, path, row["_line"])


def _check_parents(kb: KB) -> None:
    """Every organisation's ``parent`` must be an organisation the KB has; raises
    :class:`DataFileError` naming the row's file and line ("org:at_oe1 ... parent org:orf")."""
    for actor in kb.actors.values():
        if actor.type != "ORG" or not actor.parent:
            continue
        parent = kb.actors.get(actor.parent)
        if parent is None or parent.type != "ORG":
            where, _, line = (actor.source or "?:0").rpartition(":")
            raise DataFileError(where, int(line), f"parent {actor.parent!r} of {actor.id!r} is no organisation of the KB")


def _load_persons(kb: KB, path: Path, priority: int) -> None:
    org_codes = _org_codes(kb)

    def validate(row: dict) -> Optional[str]:
        kind = row.get("type") or "PER"
        if kind not in ACTOR_TYPES:
            return f"type {kind!r} is not one of {ACTOR_TYPES}"
        if row.get("country") and row["country"] not in kb.actors:
            return f"unknown country {row['country']!r}"
        if priority == PRIORITY_IMPORTED:
            return None  # PETRARCH's dictionaries have agents of their own ("USAASM")
        return _check_code(kb, row.get("code"), org_codes)

    for row in iter_tsv(path, required=("id", "name"), validate=validate):
        actor = KBActor(
            id=row["id"], name=row["name"], type=row.get("type") or "PER", country=row.get("country"),
            code=row.get("code"), wikidata=row.get("wikidata"), priority=priority,
            source=f"{path.name}:{row['_line']}",
        )
        actor.add_names("*", [row["name"]] + split_list(row.get("aliases")))
        surname = row.get("surname")
        if surname is None and actor.type == "PER" and " " in row["name"]:
            actor.surnames = [row["name"].split()[-1]]
        elif surname and surname != "-":
            actor.surnames = split_list(surname)
        _add_actor(kb, actor, path, row["_line"])


def _load_offices(kb: KB, path: Path, check_codes: bool = True) -> None:
    """Read an offices file; ``check_codes`` False for imported files (PETRARCH's
    dictionaries have agent codes of their own)."""
    org_codes = _org_codes(kb)

    def validate(row: dict) -> Optional[str]:
        if row["actor"] not in kb.actors:
            return f"unknown actor {row['actor']!r}"
        for key in split_list(row.get("roles")):
            if key not in kb.role_keys:
                return f"unknown role key {key!r} (see role_keys.tsv)"
        if row.get("of") and kb.get(row["of"]) is None:
            return f"unknown country/organisation {row['of']!r}"
        problem = _check_date(row.get("start")) or _check_date(row.get("end"))
        if problem:
            return problem
        if row.get("start") and row.get("end") and row["end"] < row["start"]:
            return "end is before start"
        return _check_code(kb, row.get("code"), org_codes) if check_codes else None

    for row in iter_tsv(path, required=("actor",), validate=validate):
        office = Office(
            actor=row["actor"], roles=tuple(split_list(row.get("roles"))), of=row.get("of"),
            code=row.get("code"), start=parse_date(row.get("start")), end=parse_date(row.get("end")),
            label_en=row.get("label_en"), label_de=row.get("label_de"),
        )
        kb.actors[office.actor].offices.append(office)
        if office.of:
            for key in office.roles:
                kb.by_office.setdefault((key, office.of), []).append(office)


def _load_aliases(kb: KB, path: Path, priority: int = PRIORITY_USER) -> None:
    taken: set = set()
    if priority == PRIORITY_IMPORTED:  # an imported alias never takes another actor's name
        taken = {n.casefold() for a in kb.actors.values() for ns in a.names.values() for n in ns}
    for row in iter_tsv(path, required=("actor", "alias")):
        actor = kb.get(row["actor"])
        if actor is None:
            raise DataFileError(str(path), row["_line"], f"unknown actor {row['actor']!r}")
        if row["alias"].casefold() in taken:
            continue
        actor.add_names(row.get("lang") or "*", [row["alias"]])


def _inflections(path: Path) -> Dict[Tuple[str, str], Tuple[str, List[Tuple[str, bool]]]]:
    table = {}
    for row in iter_tsv(path, required=("class", "lang", "suffixes")):
        suffixes = []
        for s in split_list(row["suffixes"]):
            form, _, tag = s.partition(":")
            suffixes.append(("" if form == "0" else form, tag == "pl"))
        table[(row["class"], row["lang"])] = (row.get("strip") or "", suffixes)
    return table


def _load_agents(kb: KB, path: Path, infl: dict, priority: int = PRIORITY_BUILTIN) -> None:
    def validate(row: dict) -> Optional[str]:
        if row["agent"] not in kb.agents:
            return f"unknown agent code {row['agent']!r} (see agent_codes.tsv)"
        for key in split_list(row.get("role")):
            if key not in kb.role_keys:
                return f"unknown role key {key!r}"
        cls = row.get("infl") or "-"
        if (cls, row["lang"]) not in infl and (cls, "*") not in infl:
            return f"unknown inflection class {cls!r} for {row['lang']!r}"
        if row.get("implies") and kb.get(row["implies"]) is None:
            return f"unknown country/organisation {row['implies']!r}"
        return None

    for row in iter_tsv(path, required=("lang", "term", "agent"), validate=validate):
        cls = row.get("infl") or "-"
        strip, suffixes = infl.get((cls, row["lang"])) or infl[(cls, "*")]
        term = row["term"]
        stem = term[: -len(strip)] if strip and term.endswith(strip) else term
        forms: Dict[str, bool] = {}
        for suffix, plural in suffixes:
            forms.setdefault(stem + suffix, plural)
        for extra in split_list(row.get("forms")):
            forms.setdefault(extra, False)
        kb.role_nouns.append(RoleNoun(
            lang=row["lang"], term=term, forms=tuple(forms.items()), agent=row["agent"],
            roles=tuple(split_list(row.get("role"))), person=row.get("person") == "y",
            implies=row.get("implies"), priority=priority,
        ))


def _load_institutions(kb: KB, path: Path) -> None:
    for row in iter_tsv(path, required=("lang", "forms", "actor")):
        if kb.get(row["actor"]) is None:
            raise DataFileError(str(path), row["_line"], f"unknown actor {row['actor']!r}")
        for form in split_list(row["forms"]):
            kb.institutions.append((row["lang"], form, row["actor"]))


def _load_compounds(kb: KB, path: Path, infl: dict) -> None:
    """Heads and modifiers of German compound role nouns (see compound_roles.tsv)."""
    if not path.is_file():
        return

    def validate(row: dict) -> Optional[str]:
        if row["part"] not in ("head", "mod"):
            return f"part {row['part']!r} is not head or mod"
        if row["agent"] not in kb.agents:
            return f"unknown agent code {row['agent']!r} (see agent_codes.tsv)"
        cls = row.get("infl") or "-"
        if row["part"] == "head" and (cls, row["lang"]) not in infl and (cls, "*") not in infl:
            return f"unknown inflection class {cls!r} for {row['lang']!r}"
        if row["part"] == "mod" and row["form"] != row["form"].lower():
            return f"a modifier ending is written in lower case, not {row['form']!r}"
        return None

    for row in iter_tsv(path, required=("lang", "part", "form", "agent"), validate=validate):
        lang = row["lang"]
        if row["part"] == "mod":
            kb.compound_modifiers.setdefault(lang, []).append((row["form"], row["agent"]))
            continue
        cls = row.get("infl") or "-"
        strip, suffixes = infl.get((cls, lang)) or infl[(cls, "*")]
        term = row["form"]
        stem = term[: -len(strip)] if strip and term.endswith(strip) else term
        seen = set()
        for suffix, plural in suffixes:
            form = (stem + suffix).lower()
            if form in seen:
                continue
            seen.add(form)
            kb.compound_heads.setdefault(lang, []).append(CompoundHead(
                form=form, term=term, agent=row["agent"], person=row.get("person") == "y",
                plural=plural, generic=row.get("generic") == "y", modifier_wins=row.get("generic") == "m",
            ))
    for heads in kb.compound_heads.values():
        heads.sort(key=lambda h: -len(h.form))
    for mods in kb.compound_modifiers.values():
        mods.sort(key=lambda m: -len(m[0]))


def _user_files(user_dir: Optional[Path], stem: str) -> List[Tuple[Path, int]]:
    """The files of ``stem`` to load after the built-in ones: the built-in KB's own
    ``imported/`` folder (PETRARCH dictionaries converted by ``lagebild kb import``: the
    armed groups of Phoenix.MilNonState, MIT), then the user KB's ``imported/`` folder and
    its own files; imported files have the lowest priority."""
    found = [(p, PRIORITY_IMPORTED) for p in sorted((KB_DIR / "imported").glob(f"{stem}*.tsv"))]
    if user_dir is None or not user_dir.is_dir():
        return found
    found += [(p, PRIORITY_IMPORTED) for p in sorted((user_dir / "imported").glob(f"{stem}*.tsv"))]
    found += [(p, PRIORITY_USER) for p in sorted(user_dir.glob(f"{stem}*.tsv"))]
    return found


def load_kb(user_dir: Optional[os.PathLike | str] = None, *, include_user: bool = True) -> KB:
    """Read the built-in KB and (unless ``include_user`` is False) the user KB.

    Cached per process by the user KB directory and its ``*.tsv`` files' paths and
    modification times. A user KB directory that is missing or holds no ``*.tsv`` file
    adds nothing, so it shares the built-in KB's entry: a process that asks for both
    (the actor linker with the user KB, the statement and non-role layers without it)
    builds the KB once, not twice (0.10-0.13 CPU s each, measured in session 30 on
    the shared 2-core machine)."""
    udir = user_kb_dir(user_dir) if include_user else None
    signature = _signature(udir)
    key = (str(udir), signature) if signature else (None, ())
    return _load_kb_cached(*key)


def _signature(udir: Optional[Path]) -> Tuple:
    if udir is None or not udir.is_dir():
        return ()
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in udir.rglob("*.tsv")))


@lru_cache(maxsize=4)
def _load_kb_cached(udir: Optional[str], signature: Tuple) -> KB:
    user = Path(udir) if udir else None
    kb = KB(user_dir=user)
    for row in iter_tsv(
        KB_DIR / "agent_codes.tsv", required=("agent", "type"),
        validate=lambda r: None if r["type"] in ACTOR_TYPES else f"type {r['type']!r} unknown",
    ):
        kb.agents[row["agent"]] = row
    for row in iter_tsv(
        KB_DIR / "role_keys.tsv", required=("key", "agent"),
        validate=lambda r: None if r["agent"] in kb.agents else f"agent {r['agent']!r} is not in agent_codes.tsv",
    ):
        if row["key"] in kb.role_keys:
            raise DataFileError(str(KB_DIR / "role_keys.tsv"), row["_line"], f"duplicate role key {row['key']!r}")
        kb.role_keys[row["key"]] = row
    _load_countries(kb, KB_DIR / "countries.tsv")
    _load_cities(kb, KB_DIR / "cities.tsv")
    _load_cities(kb, KB_DIR / "places.tsv")
    _load_cities(kb, KB_DIR / "regions.tsv")
    _load_organisations(kb, KB_DIR / "organisations.tsv", PRIORITY_BUILTIN)
    for path in sorted(KB_DIR.glob("organisations_*.tsv")):  # regional blocks (organisations_at.tsv)
        _load_organisations(kb, path, PRIORITY_BUILTIN)
    for path, prio in _user_files(user, "organisations"):
        _load_organisations(kb, path, prio)
    _check_parents(kb)
    _load_persons(kb, KB_DIR / "persons.tsv", PRIORITY_BUILTIN)
    for path, prio in _user_files(user, "actors"):
        _load_persons(kb, path, prio)
    _load_offices(kb, KB_DIR / "offices.tsv")
    for path, prio in _user_files(user, "offices"):
        _load_offices(kb, path, check_codes=prio != PRIORITY_IMPORTED)
    for path, prio in _user_files(user, "aliases"):
        _load_aliases(kb, path, prio)
    infl = _inflections(KB_DIR / "inflection.tsv")
    _load_agents(kb, KB_DIR / "agents.tsv", infl)
    if (KB_DIR / "agents_phoenix.tsv").is_file():
        # English agent nouns converted from PETRARCH's Phoenix dictionary (MIT; see the
        # file's header and scripts/phoenix_agents_to_kb.py), below the hand-made rows
        _load_agents(kb, KB_DIR / "agents_phoenix.tsv", infl, PRIORITY_IMPORTED)
    _load_compounds(kb, KB_DIR / "compound_roles.tsv", infl)
    for path, prio in _user_files(user, "agents"):
        _load_agents(kb, path, infl, prio)
    _load_institutions(kb, KB_DIR / "institutions.tsv")
    for path in sorted(KB_DIR.glob("institutions_*.tsv")):
        # institutions_phoenix.tsv: state bodies converted from PETRARCH's Phoenix country
        # dictionary (MIT; scripts/phoenix_institutions_to_kb.py)
        _load_institutions(kb, path)
    for path, _ in _user_files(user, "institutions"):
        _load_institutions(kb, path)
    for row in iter_tsv(KB_DIR / "ner_labels.tsv", required=("label", "type")):
        kb.ner_labels[row["label"]] = row["type"]
    kb.linking = load_yaml(KB_DIR / "linking.yaml") or {}
    # one given-name list for every mechanism that reads a name (lagebild.language.names)
    kb.given_names = given_names()
    return kb
