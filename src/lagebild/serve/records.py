"""What the workbench reads from the store: the five lists, one document, one actor, the
relation graph and the search, as plain JSON-ready dicts (the API answers them as they
are; the pages render them).

Lists are :class:`~lagebild.serve.db.ListQuery` objects over constant SQL; each item is
the record of the JSON contract (PRODUCT.md) plus where it comes from (``doc_id``,
``idx``, ``published``, ``title``) and the names of the actors it names.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from typing import Any, Dict, List, Optional, Tuple

from ..events.cameo import load_ontology
from ..forecasts.query import HORIZON_END_SQL, effective_status
from .db import Database, ListQuery, encode_cursor, words
from .filters import (
    ActorParams, DocumentParams, EventParams, ForecastParams, IncidentParams, StatementParams,
    actor_where, document_where, event_where, forecast_where, incident_where, statement_where,
)

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

DOCUMENTS = ListQuery(
    "documents",
    "SELECT d.id, d.published, d.language, d.title, d.authors, d.source, d.url, d.partial, "
    "d.n_actors, d.n_events, d.n_statements, d.n_forecasts, d.warnings FROM documents d",
    [("id", "str")],
    {"published": "date", "title": "str", "n_events": "int", "n_forecasts": "int"},
)

DOCUMENTS_TEXT = ListQuery(DOCUMENTS.name, DOCUMENTS.base.replace(" FROM documents d", ", d.text AS _text FROM documents d"),
                           DOCUMENTS.pk, DOCUMENTS.sorts)

# by documents or name: the count alone is an index-only scan; mentions are added for the
# page's rows (list_actors). By mentions: the whole aggregate.
ACTORS = ListQuery(
    "actors",
    "SELECT a.id, a.name, a.type, a.country, a.code, a.provisional, a.wikidata, "
    "coalesce(c.documents, 0) AS documents "
    "FROM actors a LEFT JOIN (SELECT actor_id, count(*) AS documents "
    "FROM document_actors GROUP BY actor_id) c ON c.actor_id = a.id",
    [("id", "str")],
    {"documents": "int", "name": "str"},
)
ACTORS_BY_MENTIONS = ListQuery(
    "actors",
    "SELECT a.id, a.name, a.type, a.country, a.code, a.provisional, a.wikidata, "
    "coalesce(c.documents, 0) AS documents, coalesce(c.mentions, 0) AS mentions "
    "FROM actors a LEFT JOIN (SELECT actor_id, count(*) AS documents, sum(n_mentions) AS mentions "
    "FROM document_actors GROUP BY actor_id) c ON c.actor_id = a.id",
    [("id", "str")],
    {"mentions": "int"},
)

EVENTS = ListQuery(
    "events",
    "SELECT e.doc_id, e.idx, e.source, e.target, e.cameo, e.plover, e.quad_class, e.goldstein, "
    "e.modality, e.negated, e.date, e.location, e.sentence, e.start_char, e.end_char, e.confidence, "
    "e.data, coalesce(e.date, d.published) AS day, d.published, d.language, d.title, "
    "sa.name AS source_name, ta.name AS target_name "
    "FROM events e JOIN documents d ON d.id = e.doc_id "
    "LEFT JOIN actors sa ON sa.id = e.source LEFT JOIN actors ta ON ta.id = e.target",
    [("doc_id", "str"), ("idx", "int")],
    {"day": "date", "goldstein": "num", "confidence": "num"},
)

INCIDENTS = ListQuery(
    "incidents",
    "SELECT i.id, i.source, i.target, i.cameo, i.root, i.quad_class, i.goldstein, i.plover, i.modality, "
    "i.negated, i.date, i.location, i.num_mentions, i.num_documents, i.num_sources, i.first_seen, "
    "i.last_seen, sa.name AS source_name, ta.name AS target_name "
    "FROM incidents i LEFT JOIN actors sa ON sa.id = i.source LEFT JOIN actors ta ON ta.id = i.target",
    [("id", "str")],
    {"date": "date", "num_mentions": "int", "num_documents": "int"},
)

# the most mentions an incident page lists (an incident of a big story has thousands)
INCIDENT_MENTIONS = 500

STATEMENTS = ListQuery(
    "statements",
    "SELECT s.doc_id, s.idx, s.speaker, s.kind, s.text, s.start_char, s.end_char, s.data, "
    "d.published, d.language, d.title, sp.name AS speaker_name "
    "FROM statements s JOIN documents d ON d.id = s.doc_id LEFT JOIN actors sp ON sp.id = s.speaker",
    [("doc_id", "str"), ("idx", "int")],
    {"published": "date"},
)

FORECASTS = ListQuery(
    "forecasts",
    "SELECT f.doc_id, f.idx, f.holder, f.text, f.condition, f.horizon_start, f.horizon_end, "
    "f.probability, f.status, f.published, f.start_char, f.end_char, f.data, d.language, d.title, "
    "h.name AS holder_name, h.id AS holder_actor, d.authors AS doc_authors, d.source AS doc_source "
    "FROM forecasts f JOIN documents d ON d.id = f.doc_id LEFT JOIN actors h ON h.id = f.holder",
    [("doc_id", "str"), ("idx", "int")],
    {"published": "date", "horizon_end": "date", "probability": "num"},
)


def _merge(db: Database, row: Dict[str, Any], drop: Tuple[str, ...] = ()) -> Dict[str, Any]:
    """The contract record (``data``) with the row's columns over it."""
    record = db.json(row.pop("data", None)) or {}
    for key in drop:
        row.pop(key, None)
    return {**record, **{k: v for k, v in row.items()}}


# PostgreSQL search of the document list: the newest PROBE_WINDOW documents are tried first
PROBE_WINDOW = 250


def _probe_newest(db: Database, p: DocumentParams) -> Optional[Tuple[List[Dict[str, Any]], Optional[str]]]:
    """A text search over the document list, tried on the next ``PROBE_WINDOW`` documents
    in list order before the whole store (PostgreSQL only).

    Substring search cannot avoid reading each candidate text (the trigram index narrows
    the candidates; ILIKE still rechecks them, about 0.1–0.2 ms per text here). A frequent
    word matches many documents, so the page is found among the first few hundred in
    order (an index walk); the planner cannot know that and reads every candidate. Returns
    None when the window holds fewer matches than the page needs (then the plain query
    runs): the rows found are the same either way.
    """
    where, params = document_where(p.model_copy(update={"q": None}))
    text_where, text_params = document_where(DocumentParams(q=p.q))
    text_where = [w.replace("d.title", "w.title").replace("d.text", "w._text") for w in text_where]
    inner, inner_params = DOCUMENTS_TEXT.sql(where, params, sort=p.sort, order=p.order, cursor=p.cursor, limit=PROBE_WINDOW - 1)
    # no ORDER BY outside: PostgreSQL keeps the window's order through the filter, and the
    # outer LIMIT stops reading (and detoasting texts) as soon as the page is full
    rows = db.query(f"SELECT * FROM ({inner}) w WHERE {' AND '.join(text_where)} LIMIT {int(p.limit) + 1}",
                    inner_params + text_params)
    if len(rows) <= p.limit:
        n = db.scalar(f"SELECT count(*) FROM ({inner}) w", inner_params)
        if int(n or 0) >= PROBE_WINDOW:  # the window was full: more matches may lie beyond it
            return None
    for r in rows:
        r.pop("_text", None)
    nxt = None
    if len(rows) > p.limit:
        rows = rows[: p.limit]
        last = rows[-1]
        nxt = encode_cursor(DOCUMENTS._key(p.sort, p.order), [last[p.sort]] + [last[c] for c, _ in DOCUMENTS.pk])
    return rows, nxt


def list_documents(db: Database, p: DocumentParams) -> Tuple[List[Dict[str, Any]], Optional[str]]:
    found = _probe_newest(db, p) if db.backend == "postgresql" and words(p.q) else None
    if found is not None:
        rows, nxt = found
    else:
        where, params = document_where(p)
        rows, nxt = DOCUMENTS.page(db, where, params, sort=p.sort, order=p.order, cursor=p.cursor, limit=p.limit)
    if rows:
        # length and lead of the page's rows only: reading every text (TOASTed in
        # PostgreSQL) to sort the list costs more than the whole page otherwise
        extra = {r["id"]: r for r in db.query(
            f"SELECT id, length(text) AS chars, substr(text, 1, 100) AS lead FROM documents "
            f"WHERE id IN ({', '.join('?' * len(rows))})", [r["id"] for r in rows])}
        for r in rows:
            r.update({k: extra.get(r["id"], {}).get(k) for k in ("chars", "lead")})
    return rows, nxt


def list_actors(db: Database, p: ActorParams) -> Tuple[List[Dict[str, Any]], Optional[str]]:
    where, params = actor_where(p)
    query = ACTORS_BY_MENTIONS if p.sort == "mentions" else ACTORS
    rows, nxt = query.page(db, where, params, sort=p.sort, order=p.order, cursor=p.cursor, limit=p.limit)
    if rows and p.sort != "mentions":
        counts = {r["actor_id"]: int(r["n"] or 0) for r in db.query(
            f"SELECT actor_id, sum(n_mentions) AS n FROM document_actors WHERE actor_id IN "
            f"({', '.join('?' * len(rows))}) GROUP BY actor_id", [r["id"] for r in rows])}
        for r in rows:
            r["mentions"] = counts.get(r["id"], 0)
    for r in rows:
        r["mentions"] = int(r.get("mentions") or 0)
        r["documents"] = int(r.get("documents") or 0)
    return rows, nxt


def event_item(db: Database, row: Dict[str, Any]) -> Dict[str, Any]:
    item = _merge(db, row)
    item["date"] = row.get("date")
    item["quad_name"] = QUAD_NAMES.get(item.get("quad_class"))
    return item


def list_events(db: Database, p: EventParams) -> Tuple[List[Dict[str, Any]], Optional[str]]:
    where, params = event_where(p)
    rows, nxt = EVENTS.page(db, where, params, sort=p.sort, order=p.order, cursor=p.cursor, limit=p.limit)
    return [event_item(db, r) for r in rows], nxt


def _incident_item(row: Dict[str, Any]) -> Dict[str, Any]:
    onto = load_ontology()
    row["cameo_name"] = onto.lookup(row["cameo"]).name if row.get("cameo") else None
    row["quad_name"] = QUAD_NAMES.get(row.get("quad_class"))
    return row


def list_incidents(db: Database, p: IncidentParams) -> Tuple[List[Dict[str, Any]], Optional[str]]:
    """A page of incidents (deduplicated events, :mod:`lagebild.incidents`) with the names
    of their source and target and the CAMEO code's name."""
    where, params = incident_where(p)
    rows, nxt = INCIDENTS.page(db, where, params, sort=p.sort, order=p.order, cursor=p.cursor, limit=p.limit)
    return [_incident_item(r) for r in rows], nxt


def get_incident(db: Database, incident_id: str) -> Optional[Dict[str, Any]]:
    """One incident with its mentions: each mention is the stored event (sentence, modality,
    the document's title and date, as in the event list), in document and text order, at
    most :data:`INCIDENT_MENTIONS` (``mentions_shown`` < ``num_mentions`` then); and the
    documents that report it. None when there is no such incident."""
    rows = db.query(f"SELECT * FROM ({INCIDENTS.base} WHERE i.id = ?) t", [incident_id])
    if not rows:
        return None
    incident = _incident_item(rows[0])
    data = db.json(db.scalar("SELECT data FROM incidents WHERE id = ?", [incident_id])) or {}
    keys = [(m["doc_id"], int(m["idx"])) for m in data.get("mentions", [])][:INCIDENT_MENTIONS]
    mentions: List[Dict[str, Any]] = []
    for start in range(0, len(keys), 100):  # a bounded number of parameters per query
        chunk = keys[start:start + 100]
        where = ["(" + " OR ".join("(e.doc_id = ? AND e.idx = ?)" for _ in chunk) + ")"]
        params = [v for key in chunk for v in key]
        sql, all_params = EVENTS.sql(where, params, sort="day", order="asc", cursor=None, limit=None)
        mentions += [event_item(db, r) for r in db.query(sql, all_params)]
    order = {key: i for i, key in enumerate(keys)}
    mentions.sort(key=lambda m: order.get((m["doc_id"], int(m["idx"])), len(order)))
    documents: Dict[str, Dict[str, Any]] = {}
    for m in mentions:
        documents.setdefault(m["doc_id"], {"id": m["doc_id"], "title": m.get("title"),
                                           "published": m.get("published"), "mentions": 0})["mentions"] += 1
    incident.update({
        "date_basis": data.get("date_basis"),
        "is_root_event": data.get("is_root_event"),
        "mentions": mentions,
        "mentions_shown": len(mentions),
        "documents": list(documents.values()),
    })
    return incident


def incidents_lag(db: Database) -> int:
    """How many stored events the incidents table does not hold (events stored after the
    last refresh, e.g. an ingest stopped with Ctrl-C; ``lagebild ingest`` and ``export``
    refresh it); negative when it holds events that are gone."""
    events = int(db.scalar("SELECT count(*) FROM events", []) or 0)
    counted = int(db.scalar("SELECT coalesce(sum(num_mentions), 0) FROM incidents", []) or 0)
    return events - counted


def list_statements(db: Database, p: StatementParams) -> Tuple[List[Dict[str, Any]], Optional[str]]:
    where, params = statement_where(p, db.store.backend.json_text)
    rows, nxt = STATEMENTS.page(db, where, params, sort=p.sort, order=p.order, cursor=p.cursor, limit=p.limit)
    return [_merge(db, r) for r in rows], nxt


def forecast_item(db: Database, row: Dict[str, Any], today: date) -> Dict[str, Any]:
    """One forecast row as the ledger shows it; ``holder_key``/``holder_label`` name its
    holder as the scorecards do (:func:`lagebild.resolve.holders.holder_identity`: one
    author per name, an unlinked holder apart per document)."""
    from ..resolve.holders import holder_identity

    linked = row.pop("holder_actor", None) is not None
    authors, source = row.pop("doc_authors", None), row.pop("doc_source", None)
    item = _merge(db, row)
    item["holder_key"], item["holder_label"] = holder_identity(
        item["doc_id"], item.get("holder"), item.get("holder_text"), actor_name=item.get("holder_name"),
        linked=linked, authors=list(authors or []),
        source=source, title=item.get("title"),
    )
    item["stored_status"] = row.get("status")
    item["status"] = effective_status(row.get("status"), row.get("horizon_end"), today, row.get("published"))
    return item


def list_forecasts(db: Database, p: ForecastParams, today: Optional[date] = None) -> Tuple[List[Dict[str, Any]], Optional[str]]:
    """A page of forecasts, each with its current decision (``decision``: outcome, who,
    when, note, evidence ``[{event_id, document_id}]`` — or None) from the ``resolutions`` table of :mod:`lagebild.resolve`."""
    today = today or date.today()
    where, params = forecast_where(p, today, db.store.backend.json_text)
    rows, nxt = FORECASTS.page(db, where, params, sort=p.sort, order=p.order, cursor=p.cursor, limit=p.limit)
    items = [forecast_item(db, r, today) for r in rows]
    decisions: Dict[Tuple[str, int], Dict[str, Any]] = {}
    if items and _has_resolutions(db):
        docs = sorted({it["doc_id"] for it in items})
        for r in db.query(
            "SELECT doc_id, idx, seq, outcome, note, decided_by, decided_at, evidence FROM resolutions "
            f"WHERE undone_at IS NULL AND doc_id IN ({', '.join('?' * len(docs))}) ORDER BY doc_id, idx, seq", docs,
        ):
            r["evidence"] = db.json(r["evidence"]) or []  # [{event_id, document_id}]: the ledger links them
            decisions[(r["doc_id"], r["idx"])] = r  # the latest not undone wins
    for it in items:
        it["decision"] = decisions.get((it["doc_id"], it["idx"]))
    return items, nxt


def _has_resolutions(db: Database) -> bool:
    """Whether the store has the ``resolutions`` table (migration 002; a store written by
    an older lagebild and opened read-only may lack it)."""
    if not hasattr(db, "_resolutions"):
        db._resolutions = bool(db.scalar(  # type: ignore[attr-defined]
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'resolutions'"))
    return db._resolutions  # type: ignore[attr-defined]


def forecast_status_counts(db: Database, p: ForecastParams, today: Optional[date] = None) -> Dict[str, int]:
    """How many forecasts of the filter (status ignored) are open, due and resolved."""
    today = today or date.today()
    where, params = forecast_where(p.model_copy(update={"status": None}), today, db.store.backend.json_text)
    rows = db.query(
        "SELECT CASE WHEN f.status = 'resolved' THEN 'resolved' "
        f"WHEN {HORIZON_END_SQL} < ? THEN 'due' ELSE 'open' END AS st, count(*) AS n "
        "FROM forecasts f JOIN documents d ON d.id = f.doc_id LEFT JOIN actors h ON h.id = f.holder"
        + (" WHERE " + " AND ".join(where) if where else "") + " GROUP BY 1",
        [today] + params,
    )
    counts = {"open": 0, "due": 0, "resolved": 0}
    counts.update({r["st"]: int(r["n"]) for r in rows})
    return counts


# -- one document -------------------------------------------------------------------------


def get_document(db: Database, doc_id: str) -> Optional[Dict[str, Any]]:
    """The stored document (the JSON contract) with the stored status of each forecast and
    the names of its actors; None if there is no document ``doc_id``."""
    row = db.one("SELECT data, ingested_at FROM documents WHERE id = ?", [doc_id])
    if row is None:
        return None
    doc = db.json(row["data"])
    doc["ingested_at"] = row["ingested_at"]
    today = date.today()
    stored = {r["idx"]: r for r in db.query(
        "SELECT idx, status, horizon_end, published FROM forecasts WHERE doc_id = ?", [doc_id])}
    for i, fc in enumerate(doc.get("forecasts", [])):
        r = stored.get(i)
        if r:
            fc["status"] = effective_status(r["status"], r["horizon_end"], today, r["published"])
    return doc


# -- one actor --------------------------------------------------------------------------------


def week_of(day: Any) -> Optional[date]:
    if day is None:
        return None
    if isinstance(day, datetime):
        day = day.date()
    if not isinstance(day, date):
        day = date.fromisoformat(str(day)[:10])
    return day - timedelta(days=day.weekday())


def get_actor(db: Database, actor_id: str, *, mentions: int = 100) -> Optional[Dict[str, Any]]:
    """Identity, roles over time, the latest mentions, the weekly event timeline (as
    source and as target, per quad class) and the counterparts of actor ``actor_id``."""
    row = db.one("SELECT id, name, type, country, code, provisional, wikidata, first_seen, data FROM actors WHERE id = ?", [actor_id])
    if row is None:
        return None
    actor = _merge(db, row)
    for key in ("mentions", "role"):  # per-document fields of the stored record
        actor.pop(key, None)
    stats = db.one(
        "SELECT count(*) AS documents, coalesce(sum(n_mentions), 0) AS mentions FROM document_actors WHERE actor_id = ?",
        [actor_id],
    ) or {}
    actor["documents"] = int(stats.get("documents") or 0)
    actor["mention_count"] = int(stats.get("mentions") or 0)
    actor["roles"] = [
        {"role": r["role"], "first": r["first"], "last": r["last"], "documents": int(r["n"])}
        for r in db.query(
            "SELECT da.role, min(d.published) AS first, max(d.published) AS last, count(*) AS n "
            "FROM document_actors da JOIN documents d ON d.id = da.doc_id "
            "WHERE da.actor_id = ? AND da.role IS NOT NULL GROUP BY da.role ORDER BY first NULLS LAST, da.role",
            [actor_id],
        )
    ]
    # the latest mentions first, then their context (80 characters each side) for those only
    actor["mentions"] = db.query(
        "SELECT x.doc_id, x.start_char, x.end_char, x.text, x.published, x.title, "
        "substr(d.text, greatest(x.start_char - 79, 1), least(x.start_char, 80)) AS before, "
        "substr(d.text, x.end_char + 1, 80) AS after FROM ("
        "SELECT m.doc_id, m.start_char, m.end_char, m.text, d.published, d.title "
        "FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.actor_id = ? "
        "ORDER BY d.published DESC NULLS LAST, m.doc_id, m.start_char LIMIT ?) x "
        "JOIN documents d ON d.id = x.doc_id "
        "ORDER BY x.published DESC NULLS LAST, x.doc_id, x.start_char",
        [actor_id, int(mentions)],
    )
    rows = db.query(
        "SELECT coalesce(e.date, d.published) AS day, e.quad_class, "
        "CASE WHEN e.source = ? THEN 'source' ELSE 'target' END AS side, "
        "CASE WHEN e.source = ? THEN e.target ELSE e.source END AS other, count(*) AS n "
        "FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.source = ? OR e.target = ? "
        "GROUP BY 1, 2, 3, 4",
        [actor_id, actor_id, actor_id, actor_id],
    )
    weeks: Dict[Tuple[date, str, int], int] = Counter()
    others: Dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        wk = week_of(r["day"])
        q = int(r["quad_class"] or 0)
        if wk is not None:
            weeks[(wk, r["side"], q)] += int(r["n"])
        if r["other"] and r["other"] != actor_id:
            others[r["other"]][q] += int(r["n"])
    actor["timeline"] = [
        {"week": wk, "side": side, "quad_class": q, "events": n} for (wk, side, q), n in sorted(weeks.items())
    ]
    names = _names(db, list(others))
    actor["counterparts"] = sorted(
        (
            {"id": o, "name": names.get(o, o), "events": sum(c.values()),
             "cooperation": c[1] + c[2], "conflict": c[3] + c[4]}
            for o, c in others.items()
        ),
        key=lambda x: (-x["events"], x["id"]),
    )
    return actor


def _names(db: Database, ids: List[str]) -> Dict[str, str]:
    names: Dict[str, str] = {}
    for i in range(0, len(ids), 200):
        chunk = ids[i : i + 200]
        if chunk:
            marks = ", ".join("?" * len(chunk))
            names.update({r["id"]: r["name"] for r in db.query(f"SELECT id, name FROM actors WHERE id IN ({marks})", chunk)})
    return names


# -- the relation graph ---------------------------------------------------------------------


def relation_graph(db: Database, p: EventParams, *, nodes: int = 24, edges: int = 60) -> Dict[str, Any]:
    """Actors as nodes, event counts as edges (source → target) of the filtered events,
    with the cooperation (quad 1–2) and conflict (quad 3–4) counts of each edge; the
    ``nodes`` actors in most events and the ``edges`` heaviest edges among them."""
    where, params = event_where(p)
    where = where + ["e.source IS NOT NULL", "e.target IS NOT NULL", "e.source <> e.target"]
    rows = db.query(
        "SELECT e.source, e.target, "
        "sum(CASE WHEN e.quad_class IN (1, 2) THEN 1 ELSE 0 END) AS coop, "
        "sum(CASE WHEN e.quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict, count(*) AS n "
        "FROM events e JOIN documents d ON d.id = e.doc_id "
        "LEFT JOIN actors sa ON sa.id = e.source LEFT JOIN actors ta ON ta.id = e.target "
        "WHERE " + " AND ".join(where) + " GROUP BY e.source, e.target",
        params,
    )
    weight: Counter = Counter()
    for r in rows:
        weight[r["source"]] += int(r["n"])
        weight[r["target"]] += int(r["n"])
    keep = {a for a, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:nodes]}
    kept = sorted(
        (r for r in rows if r["source"] in keep and r["target"] in keep),
        key=lambda r: (-int(r["n"]), r["source"], r["target"]),
    )[:edges]
    used = sorted({r["source"] for r in kept} | {r["target"] for r in kept}, key=lambda a: (-weight[a], a))
    names = _names(db, used)
    return {
        "nodes": [{"id": a, "name": names.get(a, a), "events": weight[a]} for a in used],
        "edges": [
            {"source": r["source"], "target": r["target"], "events": int(r["n"]),
             "cooperation": int(r["coop"]), "conflict": int(r["conflict"])}
            for r in kept
        ],
    }


# -- search and overview ----------------------------------------------------------------------


def search(db: Database, q: str, *, limit: int = 20) -> Dict[str, List[Dict[str, Any]]]:
    """Documents (title or text), actors (name, id, code) and CAMEO/PLOVER codes (code or
    name) matching every word of ``q``."""
    terms = words(q)
    if not terms:
        return {"documents": [], "actors": [], "codes": []}
    p = DocumentParams(q=q, limit=limit)
    docs, _ = list_documents(db, p)
    if docs:
        texts = {r["id"]: r["text"] for r in db.query(
            f"SELECT id, text FROM documents WHERE id IN ({', '.join('?' * len(docs))})", [d["id"] for d in docs])}
        for d in docs:
            d["snippet"] = _snippet(texts.get(d["id"], ""), terms[0])
    actors, _ = list_actors(db, ActorParams(q=q, limit=limit))
    onto = load_ontology()
    low = [t.lower() for t in terms]
    codes = []
    for code, info in sorted(onto.codes.items()):
        plover = onto.plover.get(code, {}).get("type") if code in onto.plover else None
        hay = f"{code} {info['name']} {plover or ''}".lower()
        if all(code.startswith(t) or t in hay for t in low):
            codes.append({"cameo": code, "name": info["name"], "quad_class": info["quad_class"],
                          "goldstein": info["goldstein"], "plover": plover})
    codes = codes[:limit]
    if codes:
        counts = {r["cameo"]: int(r["n"]) for r in db.query(
            f"SELECT cameo, count(*) AS n FROM events WHERE cameo IN ({', '.join('?' * len(codes))}) GROUP BY cameo",
            [c["cameo"] for c in codes])}
        for c in codes:
            c["events"] = counts.get(c["cameo"], 0)
    return {"documents": docs, "actors": actors, "codes": codes}


def _snippet(text: str, term: str, width: int = 90) -> str:
    i = text.lower().find(term.lower())
    if i < 0:
        return text[: 2 * width]
    start = max(0, i - width)
    return ("…" if start else "") + text[start : i + len(term) + width] + ("…" if i + len(term) + width < len(text) else "")


def overview(db: Database) -> Dict[str, Any]:
    """Counts, the latest documents, the most-mentioned actors, events per quad class and
    CAMEO root, forecasts per status: the home page."""
    counts = db.one(
        "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM actors) AS actors, "
        "(SELECT count(*) FROM events) AS events, (SELECT count(*) FROM statements) AS statements, "
        "(SELECT count(*) FROM forecasts) AS forecasts, (SELECT min(published) FROM documents) AS first, "
        "(SELECT max(published) FROM documents) AS last"
    ) or {}
    latest, _ = list_documents(db, DocumentParams(limit=15))
    actors, _ = list_actors(db, ActorParams(limit=15))
    quads = {int(r["quad_class"]): int(r["n"]) for r in db.query(
        "SELECT quad_class, count(*) AS n FROM events WHERE quad_class IS NOT NULL GROUP BY quad_class")}
    onto = load_ontology()
    roots = [
        {"root": r["root"], "name": (onto.codes.get(r["root"]) or {}).get("name"), "events": int(r["n"])}
        for r in db.query("SELECT substr(cameo, 1, 2) AS root, count(*) AS n FROM events GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20")
    ]
    p = ForecastParams()
    return {
        "counts": {k: (int(v) if isinstance(v, int) else v) for k, v in counts.items()},
        "latest_documents": latest,
        "top_actors": actors,
        "events_by_quad_class": [{"quad_class": q, "name": QUAD_NAMES[q], "events": quads.get(q, 0)} for q in (1, 2, 3, 4)],
        "events_by_root": roots,
        "forecasts_by_status": forecast_status_counts(db, p),
    }


__all__ = [
    "DOCUMENTS", "ACTORS", "EVENTS", "STATEMENTS", "FORECASTS", "QUAD_NAMES", "get_actor", "get_document",
    "list_actors", "list_documents", "list_events", "list_forecasts", "list_statements", "overview",
    "relation_graph", "search",
]
