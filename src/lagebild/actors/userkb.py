"""The user's actor KB: show, search, add entries, import PETRARCH/Phoenix dictionaries.

These plain functions back ``lagebild kb show|search|add|import``. The user KB is a
directory (:func:`~lagebild.actors.kb.user_kb_dir`) of TSV files with the built-in
columns; ``add`` writes ``actors.tsv``/``offices.tsv``/``aliases.tsv``, ``import`` writes
``imported/<kind>_<source>.tsv``. Everything written is validated by loading the KB again;
a row that does not load is removed and the error re-raised.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from ..errors import DataFileError, LagebildError
from ..schemas import ACTOR_TYPES
from .build import slug
from .kb import KB, PRIORITY_IMPORTED, KBActor, load_kb, user_kb_dir

ACTOR_COLUMNS = ("id", "name", "type", "country", "code", "aliases", "surname", "wikidata")
OFFICE_COLUMNS = ("actor", "roles", "of", "code", "start", "end", "label_en", "label_de")
ALIAS_COLUMNS = ("actor", "lang", "alias")
AGENT_COLUMNS = ("lang", "term", "infl", "forms", "agent", "role", "person", "implies")


class KBEntryError(LagebildError):
    """An entry for the user KB is invalid."""


# -- show / search ------------------------------------------------------------------------

def describe(actor: KBActor, kb: KB, on: Optional[date] = None) -> Dict[str, object]:
    """A plain dict describing ``actor`` (offices included) for display or JSON."""
    on = on or date.today()
    office = actor.office_at(on)
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "code": (office.code if office and office.code else actor.code),
        "role": kb.role_label(office, "en") if office else None,
        "wikidata": actor.wikidata,
        "names": {lang: list(names) for lang, names in actor.names.items()},
        "surnames": list(actor.surnames),
        "adjectives": {k: v for k, v in actor.adjectives.items() if v},
        "offices": [
            {
                "roles": list(o.roles), "of": o.of, "code": o.code,
                "start": o.start.isoformat() if o.start else None,
                "end": o.end.isoformat() if o.end else None,
                "label": o.label_en,
            }
            for o in sorted(actor.offices, key=lambda o: o.start or date.min)
        ],
        "source": actor.source,
    }


def show_actor(actor_id: str, *, kb_dir: Optional[Path] = None, on: Optional[date] = None) -> Dict[str, object]:
    """The KB entry ``actor_id`` (also composite ids like "RUSMIL"); KeyError if unknown."""
    kb = load_kb(kb_dir)
    actor = kb.get(actor_id)
    if actor is None:
        hits = kb.search(actor_id, limit=1)
        if not hits:
            raise KeyError(actor_id)
        actor = hits[0]
    return describe(actor, kb, on)


def search_actors(query: str, *, kb_dir: Optional[Path] = None, limit: int = 20) -> List[Dict[str, object]]:
    """Actors whose id, name or alias contains ``query``, exact matches first."""
    kb = load_kb(kb_dir)
    return [describe(a, kb) for a in kb.search(query, limit=limit)]


# -- add -----------------------------------------------------------------------------------

def _append_rows(path: Path, columns: Sequence[str], rows: Iterable[Dict[str, str]]) -> int:
    """Append ``rows`` (creating the file with a header); returns the size before."""
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.stat().st_size if path.exists() else 0
    with path.open("a", encoding="utf-8") as fh:
        if before == 0:
            fh.write("\t".join(columns) + "\n")
        for row in rows:
            cells = [str(row.get(c) or "").replace("\t", " ").replace("\n", " ") for c in columns]
            fh.write("\t".join(cells) + "\n")
    return before


def _truncate(path: Path, size: int) -> None:
    if size == 0:
        path.unlink(missing_ok=True)
    else:
        with path.open("r+", encoding="utf-8") as fh:
            fh.truncate(size)


def add_actor(
    actor_id: str,
    name: str,
    *,
    type: str = "PER",
    country: Optional[str] = None,
    code: Optional[str] = None,
    aliases: Sequence[str] = (),
    surname: Optional[str] = None,
    wikidata: Optional[str] = None,
    roles: Sequence[str] = (),
    of: Optional[str] = None,
    start: Optional[str] = None,
    end: Optional[str] = None,
    office_code: Optional[str] = None,
    label: Optional[str] = None,
    kb_dir: Optional[Path] = None,
) -> KBActor:
    """Append an actor (and, with ``roles``, one dated office) to the user KB.

    An id that exists in the built-in KB adds names/offices to it and overrides its fields.
    Raises :class:`KBEntryError` (nothing is written) when the entry does not validate.
    """
    if type not in ACTOR_TYPES:
        raise KBEntryError(f"type must be one of {ACTOR_TYPES}, not {type!r}")
    if not actor_id or not name or any(c in actor_id for c in " \t|"):
        raise KBEntryError("an id (no spaces) and a name are required")
    for value in (start, end):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError as e:
                raise KBEntryError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from e
    kb_dir = user_kb_dir(kb_dir)
    existing = load_kb(kb_dir)
    if country and existing.get(country) is None:
        raise KBEntryError(f"unknown country {country!r} (use an ISO 3166 alpha-3 code)")
    for key in roles:
        if key not in existing.role_keys:
            raise KBEntryError(f"unknown role key {key!r}; known: {', '.join(sorted(existing.role_keys))}")
    written: List[Tuple[Path, int]] = []
    actors_path = kb_dir / "actors.tsv"
    written.append((actors_path, _append_rows(actors_path, ACTOR_COLUMNS, [{
        "id": actor_id, "name": name, "type": type, "country": country or "",
        "code": code or "", "aliases": "|".join(aliases), "surname": surname or "",
        "wikidata": wikidata or "",
    }])))
    if roles or office_code:
        offices_path = kb_dir / "offices.tsv"
        written.append((offices_path, _append_rows(offices_path, OFFICE_COLUMNS, [{
            "actor": actor_id, "roles": "|".join(roles), "of": of or country or "",
            "code": office_code or code or "", "start": start or "", "end": end or "",
            "label_en": label or "", "label_de": label or "",
        }])))
    try:
        kb = load_kb(kb_dir)
    except DataFileError:
        for path, size in reversed(written):
            _truncate(path, size)
        raise
    actor = kb.get(actor_id)
    assert actor is not None
    return actor


# -- import PETRARCH / Phoenix ------------------------------------------------------------------

_CODE_RE = re.compile(r"\[([^\]\[]*)\]")
# brackets that are no CAMEO code by design: PETRARCH's null code [---] and Phoenix's
# issue labels ([NAMED_TERROR_GROUP]); not worth a note when importing
_NOT_A_CODE = re.compile(r"-+|[A-Z]+(?:_[A-Z]+)+")


@dataclass
class _Block:
    name: str
    line: int
    aliases: List[str] = field(default_factory=list)
    codes: List[Tuple[str, Optional[date], Optional[date]]] = field(default_factory=list)
    comment: str = ""
    # (line, what): code brackets that could not be read, for the import's notes
    bad: List[Tuple[int, str]] = field(default_factory=list)


def _pdate(text: str) -> Optional[date]:
    """"991231" -> 1999-12-31, "080507" -> 2008-05-07, "20170120" -> 2017-01-20."""
    text = text.strip()
    try:
        if len(text) == 8 and text.isdigit():
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6 and text.isdigit():
            yy = int(text[:2])
            return date((1900 if yy >= 30 else 2000) + yy, int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None


def parse_code(spec: str) -> Optional[Tuple[str, Optional[date], Optional[date]]]:
    """``"RUSGOV 991231-080507"`` -> ("RUSGOV", 1999-12-31, 2008-05-07); ``">080508"`` and
    ``"<080508"`` give an open start or end. None for an unusable spec."""
    parts = spec.split()
    if not parts:
        return None
    code = parts[0].lstrip("~")
    if not re.fullmatch(r"[A-Z]{3,15}", code):
        return None
    if len(parts) == 1:
        return code, None, None
    when = parts[1]
    if when.startswith(">"):
        start = _pdate(when[1:])
        return (code, start, None) if start else None
    if when.startswith("<"):
        end = _pdate(when[1:])
        return (code, None, end) if end else None
    if "-" in when:
        a, b = when.split("-", 1)
        start, end = _pdate(a), _pdate(b)
        if start and end and start <= end:
            return code, start, end
    return None


def _phrase(raw: str) -> str:
    """"VLADIMIR_PUTIN_" -> "Vladimir Putin"; short all-caps words stay ("UN", "NATO")."""
    raw = re.sub(r"\(.*?\)", " ", raw).replace("_", " ").strip(" +")
    words = []
    for w in raw.split():
        if (len(w) <= 4 and w.isalpha() and len(raw.split()) == 1) or "." in w:
            words.append(w)
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


def parse_actor_file(path: Path) -> Iterator[_Block]:
    """Blocks of a TABARI/PETRARCH ``.actors`` dictionary: a name line, ``+alias`` lines
    and ``[CODE dates]`` lines (on the name line or indented below it)."""
    block: Optional[_Block] = None
    with path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n")
            text, _, comment = line.partition("#")
            if not text.strip():
                continue
            specs = _CODE_RE.findall(text)
            codes = [c for c in (parse_code(s) for s in specs) if c]
            bad = [(lineno, f"[{s}] is not a CAMEO code with optional dates ([NORGOV] or [NORGOV 240101-251231])")
                   for s in specs if parse_code(s) is None and not _NOT_A_CODE.fullmatch(s.strip())]
            body = _CODE_RE.sub(" ", text).strip()
            if "[" in body or "]" in body:  # a bracket left over: not closed, or not opened
                bad.append((lineno, f"unbalanced bracket in {text.strip()!r}"))
                body = re.sub(r"[\[\]].*", "", body).strip() if body.find("[") >= 0 else body.replace("]", " ").strip()
            if body.startswith("+"):
                if block is not None:
                    block.aliases.extend(_phrase(a) for a in body.split("+") if a.strip())
                    block.codes.extend(codes)
                    block.bad.extend(bad)
                continue
            if not body or raw[:1] in (" ", "\t"):
                if block is not None:
                    block.codes.extend(codes)
                    block.bad.extend(bad)
                continue
            if block is not None:
                yield block
            block = _Block(name=_phrase(body), line=lineno, codes=list(codes), comment=comment, bad=bad)
    if block is not None:
        yield block


_SUBST_RE = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


def parse_agent_file(path: Path) -> Iterator[Tuple[str, List[str], str]]:
    """(term, explicit plural forms, agent code) for each line of a Phoenix agents file;
    ``!SET!`` substitution sets are expanded."""
    sets: Dict[str, List[str]] = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            text = raw.split("#", 1)[0].strip()
            if not text:
                continue
            m = _SUBST_RE.match(text)
            if m:
                sets[m.group(1)] = [v.strip() for v in m.group(2).split(",") if v.strip()]
                continue
            codes = _CODE_RE.findall(text)
            if not codes:
                continue
            agent = codes[-1].strip().lstrip("~")[:3]
            body = _CODE_RE.sub(" ", text)
            plural: List[str] = []
            pm = re.search(r"\{([^}]*)\}", body)
            if pm:
                plural = [_phrase(p).lower() for p in pm.group(1).split(",") if p.strip()]
                body = body[: pm.start()] + body[pm.end():]
            body = body.strip()
            if not body:
                continue
            terms = [body]
            for name, values in sets.items():
                if f"!{name}!" in body:
                    terms = [t.replace(f"!{name}!", v) for t in terms for v in values]
            for term in terms:
                yield _phrase(term).lower(), plural, agent


#: CAMEO agents of armed non-state groups (``IMG…`` codes are such groups too): the blocks whose
#: names :func:`import_petrarch` guards with :func:`group_name_kept`
ARMED_GROUP_AGENTS = frozenset({"REB", "INS", "SEP", "UAF"})


def ordinary_english_words() -> frozenset:
    """The lower-case words of the English pipeline's lemmatizer index (``lemma_index``:
    the WordNet nouns, verbs, adjectives and adverbs spaCy's rule lemmatizer ships with the
    model, about 90,000 words): ordinary English words. Empty when the English model or
    its table is not available."""
    try:
        from ..pipeline import load

        lemmatizer = load("en").get_pipe("lemmatizer")
        table = lemmatizer.lookups.get_table("lemma_index")
    except Exception:  # noqa: BLE001 -- no English model: no guard, the import still works
        return frozenset()
    return frozenset(w.lower() for key in table.keys() for w in table[key])


def group_name_kept(name: str, ordinary: frozenset, known: frozenset) -> bool:
    """Whether ``name`` (as :func:`_phrase` writes it) is worth matching in text as the name
    of a group: it has letters; it does not open with a bare connective (a fragment of a
    longer name: "Of Mohammed And …"); it is no name the KB already gives another actor
    (``known``, lower case: a place, a state, an organisation); and it is not made only of
    ordinary English words (``ordinary``, :func:`ordinary_english_words`; a plural is
    looked up without its -s or -es) unless it is an acronym written in capitals ("FARC",
    "ETA"): "Front", "Youth", "Tigers", "Popular Army", "Revolutionary Cells" would read
    every such phrase in news as the group."""
    if not any(c.isalpha() for c in name) or name.split()[0].lower() in ("of", "and", "or", "for"):
        return False
    if name.lower() in known:
        return False
    if name.replace("-", "").isupper():
        return True
    parts = [p.lower() for p in re.split(r"[\s\-/']+", name) if p]

    def common(word: str) -> bool:
        return len(word) <= 2 or word in ordinary or (word.endswith("s") and word[:-1] in ordinary) or (
            word.endswith("es") and word[:-2] in ordinary) or (word.endswith("ies") and word[:-3] + "y" in ordinary)

    return not (ordinary and all(common(w) for w in parts))


def _title_stripper(kb: KB):  # type: ignore[no-untyped-def]
    """A function removing leading titles, role nouns and country adjectives from a name
    ("Russian President Vladimir Putin" -> "Vladimir Putin"): the linker composes those
    itself, and a name swallowing them would hide the built-in actor."""
    prefixes = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "the", "lady", "baroness"}
    for noun in kb.role_nouns:
        if noun.lang == "en" and noun.priority >= 1:
            prefixes.update(form.lower() for form, _ in noun.forms)
    for actor in kb.actors.values():
        prefixes.update(a.lower() for a in actor.adjectives.get("en", []))

    def strip(name: str) -> str:
        words = name.split()
        changed = True
        while changed and len(words) > 1:
            changed = False
            for n in (3, 2, 1):
                if len(words) > n and " ".join(words[:n]).lower() in prefixes:
                    words = words[n:]
                    changed = True
                    break
        return " ".join(words)

    return strip


def import_petrarch(paths: Sequence[Path], *, kb_dir: Optional[Path] = None,
                    notes: Optional[List[str]] = None) -> Dict[str, int]:
    """Convert PETRARCH/Phoenix actor and agent dictionaries into the user KB's
    ``imported/`` folder; returns counts of what was written.

    Persons and groups become actors with id ``phx:<name>`` and their dated codes become
    offices (code only, no role key); blocks coded only with a country code become aliases
    of that country. Agents files (``*agents*``) become English role nouns.
    ``notes``, when a list, receives ``"FILE:LINE: what"`` for every code bracket that
    could not be read (``[NORGOV 2501`` not closed, ``[norgov]``) and every name skipped
    for having no code, so a user finds the lines to mend; before, only a count of the
    skipped was printed.
    """
    def note(path: Path, line: int, what: str) -> None:
        if notes is not None:
            notes.append(f"{path}:{line}: {what}")

    kb_dir = user_kb_dir(kb_dir)
    kb = load_kb(kb_dir)
    out = kb_dir / "imported"
    out.mkdir(parents=True, exist_ok=True)
    counts = {"actors": 0, "offices": 0, "aliases": 0, "agents": 0, "skipped": 0}
    strip = _title_stripper(kb)
    ordinary: Optional[frozenset] = None  # loaded on the first group block
    known: frozenset = frozenset()
    for path in map(Path, paths):
        stem = slug(path.stem) or "import"
        if "agent" in path.name.lower():
            rows, seen = [], set()
            for term, plural, agent in parse_agent_file(path):
                if agent not in kb.agents or term in seen or not term:
                    counts["skipped"] += 1
                    continue
                seen.add(term)
                rows.append({
                    "lang": "en", "term": term, "infl": "-" if plural else "s",
                    "forms": "|".join(plural), "agent": agent, "role": "", "person": "", "implies": "",
                })
            target = out / f"agents_{stem}.tsv"
            target.unlink(missing_ok=True)
            _append_rows(target, AGENT_COLUMNS, rows)
            counts["agents"] += len(rows)
            continue
        actors: Dict[str, Dict[str, str]] = {}
        offices: List[Dict[str, str]] = []
        aliases: List[Dict[str, str]] = []
        for block in parse_actor_file(path):
            for line, what in block.bad:
                note(path, line, what)
            names = list(dict.fromkeys(n for n in (strip(x) for x in [block.name] + block.aliases) if n))
            if not names or not block.codes:
                counts["skipped"] += 1
                if names:
                    note(path, block.line, f"{names[0]!r} skipped: no readable [CODE] on its line or the lines below it")
                continue
            bare = [c for c, s, e in block.codes if s is None and e is None]
            countries = {c[:3] for c, _, _ in block.codes if kb.actors.get(c[:3]) is not None and kb.actors[c[:3]].type == "GPE"}
            if len(block.codes) == 1 and bare and bare[0] in kb.actors and kb.actors[bare[0]].type == "GPE":
                aliases.extend({"actor": bare[0], "lang": "en", "alias": n} for n in names)
                continue
            ident = "phx:" + slug(names[0])
            if ident == "phx:":
                counts["skipped"] += 1
                continue
            dated = any(s or e for _, s, e in block.codes)
            is_org = any(c.startswith(("IGO", "NGO", "MNC", "IMG")) for c, _, _ in block.codes) and not dated
            if not dated and any(c.startswith("IMG") or c[3:6] in ARMED_GROUP_AGENTS for c, _, _ in block.codes):
                # an armed group (Phoenix.MilNonState: "BOKO_HARAM [NGAREB]"): only names
                # that read as its name in news (:func:`group_name_kept`)
                if ordinary is None:
                    ordinary = ordinary_english_words()
                    known = frozenset(n.lower() for a in kb.actors.values() if a.priority > PRIORITY_IMPORTED
                                       for ns in a.names.values() for n in ns)
                kept = [n for n in names if group_name_kept(n, ordinary, known)]
                kept += [n.replace("Al-", "al-", 1) for n in kept if n.startswith("Al-")]  # wire copy: "al-Shabaab"
                if not kept:
                    counts["skipped"] += 1
                    note(path, block.line, f"{names[0]!r} skipped: no name of the group reads as a name in news (ordinary words, a known name)")
                    continue
                if kept[0] != names[0]:
                    ident = "phx:" + slug(kept[0])
                names = kept
            country = sorted(countries)[0] if len(countries) == 1 else ""
            row = actors.get(ident)
            if row is None:
                row = actors[ident] = {
                    "id": ident, "name": names[0], "type": "PER" if (dated or "CountryInfo" in block.comment) and not is_org else "ORG",
                    "country": country, "code": (bare[-1] if bare else block.codes[-1][0]),
                    "aliases": "", "surname": "-", "wikidata": "",
                }
            row["aliases"] = "|".join(dict.fromkeys([a for a in row["aliases"].split("|") if a] + names[1:]))
            for code, start, end in block.codes:
                if start or end:
                    offices.append({
                        "actor": ident, "roles": "", "of": code[:3] if code[:3] in countries else "",
                        "code": code, "start": start.isoformat() if start else "",
                        "end": end.isoformat() if end else "",
                    })
        for kind, columns, rows in (
            ("actors", ACTOR_COLUMNS, list(actors.values())),
            ("offices", OFFICE_COLUMNS, offices),
            ("aliases", ALIAS_COLUMNS, aliases),
        ):
            target = out / f"{kind}_{stem}.tsv"
            target.unlink(missing_ok=True)
            if rows:
                _append_rows(target, columns, rows)
            counts[kind] += len(rows)
    load_kb(kb_dir)  # validate what was written
    return counts
