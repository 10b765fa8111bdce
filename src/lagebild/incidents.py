"""Event deduplication: from mention-level events to real-world incidents.

``events`` in the store stay one row per mention, with their provenance (document,
sentence, span). An *incident* groups the mentions that report one real-world event —
repeated within an article, back-referenced ("die Entführung", "nach dem Angriff"), or
reported by many outlets — and counts them as GDELT's root events do
(``num_mentions``, ``num_documents``, ``num_sources``), but from one event per incident.

Two steps (:func:`cluster`):

1. **Within a document**, in text order, an event joins the latest earlier cluster it is
   compatible with: the same CAMEO root — or, for a *nominal back-reference* (an event
   noun after a determiner from ``data/incidents/backreference.tsv``), any root of the
   same quad class —, compatible source and target (an unknown side is compatible),
   the same date where both are known, compatible places, the same negation and
   modality class (asserted/reported facts vs. each kind of threat, promise, …).
2. **Across documents**, clusters of the same day (the event's date, else the document's
   publication date; a cluster with neither, dated by its document's ingest day, stays
   alone) merge when their CAMEO roots are equal (or of one quad class when
   one side is only a nominal back-reference), their sources and targets are compatible
   with at least one side positively matching (the same actor, the same CAMEO code, or a
   country and one of its organs: two different organs of one state are not enough), and
   their places are compatible.

Actor compatibility (:func:`actors_compatible`): the same actor; or, within one country,
the country itself, its state organs (``data/incidents/agents.tsv``: GOV, MIL, …) and
persons coded as such (its leader "Putin" is RUSGOV) — except two different persons; a
city or region is compatible with its country. Provisional and unknown actors match only
themselves.

The result is written to the ``incidents`` table by :func:`refresh_incidents`, which
recomputes it from the stored events (fast: a pass over the events, grouped by day).
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple
from urllib.parse import urlparse

from .datafiles import data_path, iter_tsv

FACTUAL = ("asserted", "reported")
_INCIDENT_COLUMNS = (
    "id", "source", "target", "cameo", "root", "quad_class", "goldstein", "plover", "modality",
    "negated", "date", "location", "num_mentions", "num_documents", "num_sources",
    "first_seen", "last_seen", "event_ids", "data",
)


@lru_cache(maxsize=1)
def backreference_words() -> Dict[str, frozenset]:
    """lang -> determiners that make a following event noun a back-reference."""
    out: Dict[str, set] = {}
    for row in iter_tsv(data_path("incidents", "backreference.tsv"), required=("lang", "word")):
        out.setdefault(row["lang"], set()).add(row["word"].lower())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def state_agents() -> frozenset:
    """CAMEO agent codes that make an actor part of its country's state."""
    return frozenset(
        row["agent"] for row in iter_tsv(data_path("incidents", "agents.tsv"), required=("agent", "state"))
        if (row["state"] or "").lower() in ("y", "yes", "1", "true")
    )


@dataclass(frozen=True)
class ActorInfo:
    """What deduplication needs to know about an actor (from the store's ``actors``)."""

    id: str
    type: Optional[str] = None
    country: Optional[str] = None
    code: Optional[str] = None
    name: Optional[str] = None

    @property
    def is_country(self) -> bool:
        return bool(self.country) and self.id == self.country

    @property
    def is_place(self) -> bool:
        return self.type in ("GPE", "LOC") and not self.is_country

    @property
    def is_state(self) -> bool:
        """The country itself, one of its state organs, or a person coded as one."""
        if self.is_country:
            return True
        code, country = self.code or "", self.country or ""
        return bool(country) and code.startswith(country) and code[len(country):] in state_agents()


def actors_compatible(a: Optional[str], b: Optional[str], info: Dict[str, ActorInfo]) -> Optional[bool]:
    """True if ``a`` and ``b`` can be one side of one incident, False if not, None if
    either is unknown (no actor)."""
    if a is None or b is None:
        return None
    if a == b:
        return True
    ia, ib = info.get(a), info.get(b)
    if ia is None or ib is None or not ia.country or ia.country != ib.country:
        return False
    if ia.type == "PER" and ib.type == "PER":
        return False  # two different people
    if ia.is_place or ib.is_place:
        # a city/region goes with its country only
        return (ia.is_place and ib.is_country) or (ib.is_place and ia.is_country)
    return ia.is_state and ib.is_state


def _norm(text: Optional[str]) -> Optional[str]:
    return " ".join(text.lower().split()) if text else None


def places_compatible(a: Optional[str], b: Optional[str], places: Dict[str, ActorInfo]) -> bool:
    """Locations (names as the coder gives them): unknown, equal, or a place and its
    country (resolved through the actors of the documents, ``places``: name -> actor)."""
    if not a or not b:
        return True
    na, nb = _norm(a), _norm(b)
    if na == nb:
        return True
    ia, ib = places.get(na or ""), places.get(nb or "")
    if ia is None or ib is None:
        return False
    if ia.id == ib.id:
        return True
    return bool(ia.country) and ia.country == ib.country and (ia.is_country or ib.is_country)


@dataclass
class Mention:
    """One event row: a mention of an incident."""

    doc_id: str
    idx: int
    source: Optional[str]
    target: Optional[str]
    cameo: str
    quad_class: Optional[int]
    goldstein: Optional[float]
    plover: Optional[str]
    modality: str
    negated: bool
    date: Optional[str]  # as coded from the text (None: not stated)
    location: Optional[str]
    start: int
    nominal: bool = False

    @property
    def root(self) -> str:
        return (self.cameo or "")[:2]

    @property
    def event_id(self) -> str:
        """The event's stable id, ``<document id>:e<index>`` (lagebild.resolve.ids)."""
        return f"{self.doc_id}:e{self.idx}"

    @property
    def modality_class(self) -> str:
        return "fact" if self.modality in FACTUAL else self.modality


@dataclass
class DocMeta:
    id: str
    published: Optional[str] = None
    outlet: str = ""
    lead_end: int = 0  # characters: mentions before it are in the lead paragraph
    # what ``published`` is: the document's publication date ("published") or, for a
    # document without one, the day it was ingested ("ingested")
    basis: str = "published"


@dataclass
class Incident:
    mentions: List[Mention] = field(default_factory=list)
    day: Optional[str] = None
    _cache: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def add(self, mentions: Iterable[Mention], *, refresh: bool = True) -> None:
        """Add mentions; ``refresh=False`` keeps the representative values (source,
        target, root …) of the mentions so far, as cross-document merging compares
        against the incident's first cluster."""
        self.mentions.extend(mentions)
        if refresh:
            self._cache.clear()

    def _cached(self, name: str, compute) -> Any:  # type: ignore[no-untyped-def]
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    # -- representative values: the most frequent among the mentions, verbal first ---------
    def _pick(self, values: Iterable[Optional[Any]]) -> Optional[Any]:
        counted = Counter(v for v in values if v is not None)
        # most_common keeps first-seen order among equal counts
        return counted.most_common(1)[0][0] if counted else None

    @property
    def verbal(self) -> List[Mention]:
        return [m for m in self.mentions if not m.nominal] or self.mentions

    @property
    def source(self) -> Optional[str]:
        return self._cached("source", lambda: self._pick([m.source for m in self.verbal]) or self._pick([m.source for m in self.mentions]))

    @property
    def target(self) -> Optional[str]:
        return self._cached("target", lambda: self._pick([m.target for m in self.verbal]) or self._pick([m.target for m in self.mentions]))

    @property
    def cameo(self) -> str:
        return self._cached("cameo", lambda: self._pick([m.cameo for m in self.verbal]) or self.mentions[0].cameo)

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def quad_class(self) -> Optional[int]:
        return self._cached("quad_class", self._quad_class)

    def _quad_class(self) -> Optional[int]:
        return next((m.quad_class for m in self.verbal if m.cameo == self.cameo and m.quad_class), None) or next(
            (m.quad_class for m in self.mentions if m.quad_class), None
        )

    @property
    def only_nominal(self) -> bool:
        return self._cached("only_nominal", lambda: all(m.nominal for m in self.mentions))

    @property
    def location(self) -> Optional[str]:
        return self._cached("location", lambda: self._pick([m.location for m in self.mentions]))

    @property
    def id(self) -> str:
        first = min(self.mentions, key=lambda m: (m.doc_id, m.idx))
        return hashlib.sha1(f"incident:{first.event_id}".encode()).hexdigest()[:16]


def is_backreference(text: str, trigger_span: Optional[Sequence[int]], lang: Optional[str]) -> bool:
    """Is the event trigger at ``trigger_span`` of ``text`` a noun after a determiner
    ("Die Entführung", "nach dem Angriff", "the attack")?"""
    if not trigger_span or not text:
        return False
    start = int(trigger_span[0])
    trigger = text[start:int(trigger_span[1])]
    words = backreference_words()
    dets = words.get(lang or "", frozenset()) or frozenset().union(*words.values())
    if lang == "de" and not trigger[:1].isupper():
        return False  # German nouns are capitalised; a verb form is not a back-reference
    before = text[max(0, start - 40):start].split()
    if not before:
        return False
    prev = before[-1].strip("\"'„“”‚‘’»«(").lower()
    return prev in dets


def _compatible_in_doc(m: Mention, inc: Incident, info: Dict[str, ActorInfo], places: Dict[str, ActorInfo]) -> bool:
    if m.negated != inc.mentions[0].negated or m.modality_class != inc.mentions[0].modality_class:
        return False
    if m.root != inc.root and not ((m.nominal or inc.only_nominal) and m.quad_class and m.quad_class == inc.quad_class):
        return False
    dates = {x.date for x in inc.mentions if x.date}
    if m.date and dates and m.date not in dates:
        return False
    for a, b in ((m.source, inc.source), (m.target, inc.target)):
        if actors_compatible(a, b, info) is False:
            return False
    return places_compatible(m.location, inc.location, places)


def _compatible_across(a: Incident, b: Incident, info: Dict[str, ActorInfo], places: Dict[str, ActorInfo]) -> bool:
    ma, mb = a.mentions[0], b.mentions[0]
    if ma.negated != mb.negated or ma.modality_class != mb.modality_class:
        return False
    if a.root != b.root and not ((a.only_nominal or b.only_nominal) and a.quad_class and a.quad_class == b.quad_class):
        return False
    positive = False
    for x, y in ((a.source, b.source), (a.target, b.target)):
        compatible = actors_compatible(x, y, info)
        if compatible is False:
            return False  # a clash
        positive = positive or (compatible is True and _same_side(x, y, info))
    if not positive:
        return False  # nothing positively in common
    return places_compatible(a.location, b.location, places)


def _same_side(a: Optional[str], b: Optional[str], info: Dict[str, ActorInfo]) -> bool:
    """Whether two compatible actors (:func:`actors_compatible` True) are positive evidence
    across documents that ``a`` and ``b`` are one side: the same actor, the same CAMEO code
    (the leader "Putin" and RUSGOV), or a country and one of its state organs. Two
    different organs of one state (the police and a court: DEUCOP, DEUJUD) are compatible
    but no evidence on their own -- two same-day reports that share only that are two
    incidents."""
    if a == b:
        return True
    ia, ib = info.get(a or ""), info.get(b or "")
    if ia is None or ib is None:
        return False
    return (bool(ia.code) and ia.code == ib.code) or ia.is_country or ib.is_country


def _block_keys(inc: Incident, info: Dict[str, ActorInfo]) -> List[Tuple[str, str]]:
    """("s"|"t", country or id) of the incident's known source and target."""
    keys = []
    for side, actor in (("s", inc.source), ("t", inc.target)):
        if actor is not None:
            known = info.get(actor)
            keys.append((side, (known.country if known is not None and known.country else actor)))
    return keys


def cluster(
    mentions: Sequence[Mention],
    docs: Dict[str, DocMeta],
    info: Dict[str, ActorInfo],
    places: Optional[Dict[str, ActorInfo]] = None,
) -> List[Incident]:
    """Group event mentions into incidents (see the module docstring). Deterministic:
    the result depends on the mentions, not on their order in ``mentions``."""
    places = places or {}
    by_doc: Dict[str, List[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    doc_clusters: List[Incident] = []
    alone: set = set()  # id() of clusters dated only by their document's ingest day
    for doc_id in sorted(by_doc):
        clusters: List[Incident] = []
        for m in sorted(by_doc[doc_id], key=lambda m: (m.start, m.idx)):
            for inc in reversed(clusters):  # the latest compatible one: back-references look back
                if _compatible_in_doc(m, inc, info, places):
                    inc.add([m])
                    break
            else:
                clusters.append(Incident([m]))
        meta = docs.get(doc_id, DocMeta(doc_id))
        for inc in clusters:
            stated = Counter(x.date for x in inc.mentions if x.date)
            inc.day = stated.most_common(1)[0][0] if stated else meta.published
            if not stated and meta.basis != "published":
                alone.add(id(inc))
        doc_clusters.extend(clusters)
    # across documents: one day at a time; undated clusters stay alone, and so do those
    # dated only by the day their document was ingested: every undated document of one
    # ingest has that day, and a batch of undated articles from many months merged into
    # one incident ("AUTGOV criticises a newspaper": 8 mentions in 7 unrelated articles)
    incidents: List[Incident] = []
    by_day: Dict[Optional[str], List[Incident]] = {}
    for inc in doc_clusters:
        by_day.setdefault(None if id(inc) in alone else inc.day, []).append(inc)
    for day in sorted(by_day, key=lambda d: (d is None, d or "")):
        group = by_day[day]
        if day is None:
            incidents.extend(group)
            continue
        merged: List[Incident] = []
        # Blocking: compatible clusters share the root (or, for back-references, the quad
        # class) and the country (or the id) of their source or of their target — one side
        # must match positively — so only those are compared.
        index: Dict[Tuple[Any, ...], List[int]] = {}
        # verbal clusters first, so that a nominal-only one joins a coded incident
        for inc in sorted(group, key=lambda i: (i.only_nominal, min((m.doc_id, m.idx) for m in i.mentions))):
            kind = ("q", inc.quad_class) if inc.only_nominal else ("r", inc.root)
            positions = sorted({p for key in _block_keys(inc, info) for p in index.get(kind + key, ())})
            for pos in positions:
                target = merged[pos]
                if _compatible_across(inc, target, info, places):
                    target.add(inc.mentions, refresh=False)
                    break
            else:
                merged.append(inc)
                for key in _block_keys(inc, info):
                    index.setdefault(("r", inc.root) + key, []).append(len(merged) - 1)
                    index.setdefault(("q", inc.quad_class) + key, []).append(len(merged) - 1)
        for inc in merged:
            inc._cache.clear()  # representative values of all its mentions from here on
        incidents.extend(merged)
    return incidents


def outlet(url: Optional[str], authors: Sequence[str], doc_id: str) -> str:
    """Who published a document, for ``num_sources``: the web host of its URL
    ("www.spiegel.de" -> "spiegel.de"); without a URL the first author; else the document."""
    if url:
        host = (urlparse(url).hostname or "").lower()
        if host.startswith("www."):
            host = host[4:]
        if host:
            return host
    if authors:
        return "author:" + " ".join(authors[0].lower().split())
    return "doc:" + doc_id


def lead_end(text: str) -> int:
    """End (character offset) of the lead paragraph: the first paragraph of 100+
    characters; for one-paragraph texts, the end of the second sentence."""
    pos = 0
    for para in text.split("\n\n"):
        end = pos + len(para)
        if len(para.strip()) >= 100:
            if end < len(text.rstrip()):
                return end
            break
        pos = end + 2
    # one paragraph: two sentences
    count, i = 0, pos
    while i < len(text):
        if text[i] in ".!?" and (i + 1 == len(text) or text[i + 1].isspace()):
            count += 1
            if count == 2:
                return i + 1
        i += 1
    return len(text)


# -- the store ----------------------------------------------------------------------------


def _iso(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10] or None


def load_mentions(store: Any) -> Tuple[List[Mention], Dict[str, DocMeta], Dict[str, ActorInfo], Dict[str, ActorInfo]]:
    """Every stored event as a :class:`Mention`, the documents, actors and place names."""
    load = store.backend.load_json
    docs: Dict[str, DocMeta] = {}
    langs: Dict[str, Optional[str]] = {}
    texts: Dict[str, str] = {}
    for row in store.query(
        "SELECT id, published, CAST(ingested_at AS DATE) AS ingested, url, authors, language, text FROM documents "
        "WHERE id IN (SELECT DISTINCT doc_id FROM events)"
    ):
        docs[row["id"]] = DocMeta(
            row["id"], _iso(row["published"]) or _iso(row["ingested"]),
            outlet(row["url"], list(row["authors"] or []), row["id"]), lead_end(row["text"] or ""),
            basis="published" if _iso(row["published"]) else "ingested",
        )
        langs[row["id"]] = row["language"]
        texts[row["id"]] = row["text"] or ""
    info = {
        r["id"]: ActorInfo(r["id"], r["type"], r["country"], r["code"], r["name"])
        for r in store.query("SELECT id, type, country, code, name FROM actors")
    }
    places: Dict[str, ActorInfo] = {}
    for a in info.values():
        if a.type in ("GPE", "LOC") and a.name:
            places.setdefault(_norm(a.name) or "", a)
    mentions: List[Mention] = []
    for r in store.query(
        "SELECT doc_id, idx, source, target, cameo, plover, quad_class, goldstein, modality, negated, "
        "date, location, start_char, data FROM events ORDER BY doc_id, idx"
    ):
        if not r["cameo"]:
            continue
        data = load(r["data"]) or {}
        mentions.append(Mention(
            r["doc_id"], int(r["idx"]), r["source"], r["target"], str(r["cameo"]), r["quad_class"],
            r["goldstein"], r["plover"], r["modality"] or "asserted", bool(r["negated"]), _iso(r["date"]),
            r["location"], int((data.get("trigger_span") or [r["start_char"] or 0])[0]),
            nominal=is_backreference(texts.get(r["doc_id"], ""), data.get("trigger_span"), langs.get(r["doc_id"])),
        ))
    return mentions, docs, info, places


def date_basis(inc: Incident, metas: Sequence[DocMeta]) -> Optional[str]:
    """Where an incident's ``date`` comes from: ``"stated"`` (a mention's text dates the
    event), ``"published"`` (no stated date: the publication date of a report, as GDELT
    dates most of its events) or ``"ingested"`` (no stated or publication date: the day
    the report was ingested); ``None`` for an undated incident."""
    if inc.day is None:
        return None
    if any(m.date == inc.day for m in inc.mentions):
        return "stated"
    if any(d.published == inc.day and d.basis == "published" for d in metas):
        return "published"
    return "ingested"


def incident_rows(incidents: Sequence[Incident], docs: Dict[str, DocMeta]) -> List[Dict[str, Any]]:
    """One dict per incident, in the ``incidents`` table's columns (``data``: the
    mentions with their documents, whether each is a back-reference, lead flag)."""
    rows = []
    for inc in incidents:
        metas = [docs.get(m.doc_id, DocMeta(m.doc_id)) for m in inc.mentions]
        seen = sorted({d.published for d in metas if d.published})
        cameo = inc.cameo
        rep = next((m for m in inc.verbal if m.cameo == cameo), inc.mentions[0])
        mentions = sorted(inc.mentions, key=lambda m: (m.doc_id, m.idx))
        rows.append({
            "id": inc.id,
            "source": inc.source,
            "target": inc.target,
            "cameo": cameo,
            "root": cameo[:2],
            "quad_class": inc.quad_class,
            "goldstein": rep.goldstein,
            "plover": rep.plover,
            "modality": rep.modality,
            "negated": rep.negated,
            "date": inc.day,
            "location": inc.location,
            "num_mentions": len(inc.mentions),
            "num_documents": len({m.doc_id for m in inc.mentions}),
            "num_sources": len({d.outlet or d.id for d in metas}),
            "first_seen": seen[0] if seen else None,
            "last_seen": seen[-1] if seen else None,
            "event_ids": [m.event_id for m in mentions],
            "data": {
                "date_basis": date_basis(inc, metas),
                "is_root_event": any(m.start < docs.get(m.doc_id, DocMeta(m.doc_id)).lead_end for m in inc.mentions),
                "mentions": [
                    {"event_id": m.event_id, "doc_id": m.doc_id, "idx": m.idx, "cameo": m.cameo,
                     "source": m.source, "target": m.target, "nominal": m.nominal}
                    for m in mentions
                ],
            },
        })
    rows.sort(key=lambda r: (r["date"] or "", r["id"]))
    return rows


def compute_incidents(store: Any) -> List[Dict[str, Any]]:
    """The incidents of everything in ``store`` (not written)."""
    mentions, docs, info, places = load_mentions(store)
    return incident_rows(cluster(mentions, docs, info, places), docs)


def _insert_duckdb(backend: Any, rows: List[Dict[str, Any]]) -> None:
    """DuckDB: one INSERT … SELECT from an Arrow table (parameter binding of thousands
    of values is what costs there)."""
    import pyarrow as pa

    table = pa.Table.from_pylist([
        {c: (json.dumps(r[c], ensure_ascii=False) if c == "data" else r[c]) for c in _INCIDENT_COLUMNS} for r in rows
    ], schema=pa.schema([
        ("id", pa.string()), ("source", pa.string()), ("target", pa.string()), ("cameo", pa.string()),
        ("root", pa.string()), ("quad_class", pa.int32()), ("goldstein", pa.float64()), ("plover", pa.string()),
        ("modality", pa.string()), ("negated", pa.bool_()), ("date", pa.string()), ("location", pa.string()),
        ("num_mentions", pa.int32()), ("num_documents", pa.int32()), ("num_sources", pa.int32()),
        ("first_seen", pa.string()), ("last_seen", pa.string()), ("event_ids", pa.list_(pa.string())),
        ("data", pa.string()),
    ]))
    con = backend.con
    con.register("_lagebild_incidents_new", table)
    try:
        con.execute(
            f"INSERT INTO incidents ({', '.join(_INCIDENT_COLUMNS)}) SELECT "
            + ", ".join(
                f"CAST({c} AS DATE)" if c in ("date", "first_seen", "last_seen")
                else f"CAST({c} AS JSON)" if c == "data" else c
                for c in _INCIDENT_COLUMNS
            )
            + " FROM _lagebild_incidents_new"
        )
    finally:
        con.unregister("_lagebild_incidents_new")


def refresh_incidents(store: Any) -> int:
    """Recompute the ``incidents`` table from the stored events in one transaction;
    returns the number of incidents."""
    rows = compute_incidents(store)
    backend = store.backend
    backend.execute("BEGIN TRANSACTION")
    try:
        backend.execute("DELETE FROM incidents")
        if backend.name == "duckdb" and rows:
            _insert_duckdb(backend, rows)
            backend.execute("COMMIT")
            return len(rows)
        placeholders = "(" + ", ".join("?" * len(_INCIDENT_COLUMNS)) + ")"
        for i in range(0, len(rows), 200):
            part = rows[i:i + 200]
            values: List[Any] = []
            for r in part:
                values.extend(
                    json.dumps(r[c], ensure_ascii=False) if c == "data" else r[c] for c in _INCIDENT_COLUMNS
                )
            backend.execute(
                f"INSERT INTO incidents ({', '.join(_INCIDENT_COLUMNS)}) VALUES "
                + ", ".join([placeholders] * len(part)),
                values,
            )
        backend.execute("COMMIT")
    except BaseException:
        backend.execute("ROLLBACK")
        raise
    return len(rows)
