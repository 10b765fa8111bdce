"""Schema migrations, applied in order and recorded in ``_lagebild_migrations``.

Add a migration by appending a function to :data:`MIGRATIONS`; never edit one that has
shipped. Each runs in its own transaction with its record, so a crash leaves either the
old or the new schema, never half of one.
"""
from __future__ import annotations

from typing import Any, Callable, List, Tuple

Migration = Tuple[str, Callable[[Any], None]]


def m001_initial(db: Any) -> None:
    db.execute(
        """
        CREATE TABLE documents (
            id VARCHAR PRIMARY KEY,
            source VARCHAR,
            url VARCHAR,
            language VARCHAR,
            title VARCHAR,
            authors {TEXT_ARRAY},
            published DATE,
            published_raw VARCHAR,
            text VARCHAR NOT NULL,
            partial BOOLEAN DEFAULT FALSE,
            warnings {TEXT_ARRAY},
            model VARCHAR,
            n_actors INTEGER, n_events INTEGER, n_statements INTEGER, n_forecasts INTEGER,
            ingested_at TIMESTAMP DEFAULT current_timestamp,
            data {JSON} NOT NULL
        );
        CREATE TABLE actors (
            id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            type VARCHAR,
            country VARCHAR,
            code VARCHAR,
            provisional BOOLEAN DEFAULT FALSE,
            wikidata VARCHAR,
            first_seen TIMESTAMP DEFAULT current_timestamp,
            data {JSON}
        );
        CREATE TABLE document_actors (
            doc_id VARCHAR NOT NULL,
            actor_id VARCHAR NOT NULL,
            role VARCHAR,
            n_mentions INTEGER,
            data {JSON},
            PRIMARY KEY (doc_id, actor_id)
        );
        CREATE TABLE mentions (
            doc_id VARCHAR NOT NULL,
            actor_id VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR
        );
        CREATE TABLE events (
            doc_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            source VARCHAR, target VARCHAR,
            cameo VARCHAR, plover VARCHAR, quad_class INTEGER, goldstein {DOUBLE},
            modality VARCHAR, negated BOOLEAN,
            date DATE, location VARCHAR,
            sentence VARCHAR, start_char INTEGER, end_char INTEGER, confidence {DOUBLE},
            data {JSON},
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE statements (
            doc_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            speaker VARCHAR, kind VARCHAR, text VARCHAR,
            start_char INTEGER, end_char INTEGER,
            data {JSON},
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE forecasts (
            doc_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            holder VARCHAR, text VARCHAR, condition VARCHAR,
            horizon_start DATE, horizon_end DATE,
            probability {DOUBLE}, status VARCHAR DEFAULT 'open',
            published DATE,
            start_char INTEGER, end_char INTEGER,
            data {JSON},
            PRIMARY KEY (doc_id, idx)
        );
        CREATE INDEX mentions_doc ON mentions (doc_id);
        CREATE INDEX mentions_actor ON mentions (actor_id);
        CREATE INDEX events_source ON events (source);
        CREATE INDEX forecasts_holder ON forecasts (holder);
        """.format(**db.types)
    )


def m002_resolutions(db: Any) -> None:
    """Analysts' decisions on forecasts (``lagebild resolve``): append-only, so every
    decision and its undoing stays in the history. The current outcome of a forecast is its
    latest row with ``undone_at`` NULL. ``evidence``: ``[{event_id, document_id}]``;
    ``forecast``: the forecast as it was when decided (text, holder, probability)."""
    db.execute(
        """
        CREATE TABLE resolutions (
            id VARCHAR PRIMARY KEY,
            forecast_id VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            outcome VARCHAR NOT NULL,
            evidence {JSON},
            note VARCHAR,
            decided_by VARCHAR NOT NULL,
            decided_at TIMESTAMP NOT NULL,
            undone_by VARCHAR,
            undone_at TIMESTAMP,
            forecast {JSON}
        );
        CREATE INDEX resolutions_forecast ON resolutions (doc_id, idx);
        """.format(**db.types)
    )


def m_serve_indexes(db: Any) -> None:
    """Indexes the workbench's lists and pages look up by (``lagebild serve``)."""
    db.execute(
        """
        CREATE INDEX IF NOT EXISTS events_target ON events (target);
        CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
        CREATE INDEX IF NOT EXISTS statements_speaker ON statements (speaker);
        CREATE INDEX IF NOT EXISTS document_actors_actor ON document_actors (actor_id);
        CREATE INDEX IF NOT EXISTS documents_published ON documents (published);
        """
    )


def m_serve_trigram(db: Any) -> None:
    """PostgreSQL: trigram indexes so that the workbench's substring search (ILIKE) over
    titles and texts does not read every text, and the newest-first order of the document
    list as an index. pg_trgm is a contrib extension; where it cannot be created the search
    still works, only slower. DuckDB (which scans, and sorts without indexes): nothing."""
    if getattr(db, "name", "") != "postgresql":
        return
    db.execute("CREATE INDEX IF NOT EXISTS documents_newest ON documents (published DESC NULLS LAST, id)")
    db.execute("SAVEPOINT trgm")
    try:
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        db.execute("CREATE INDEX IF NOT EXISTS documents_text_trgm ON documents USING gin (text gin_trgm_ops)")
        db.execute("CREATE INDEX IF NOT EXISTS documents_title_trgm ON documents USING gin (title gin_trgm_ops)")
        db.execute("RELEASE SAVEPOINT trgm")
    except Exception:  # no pg_trgm, or no right to create it
        db.execute("ROLLBACK TO SAVEPOINT trgm")


def m003_incidents(db: Any) -> None:
    """Deduplicated events (lagebild.incidents): one row per real-world incident with its
    mention counts; ``event_ids`` are the events' stable ids, ``"<doc_id>:e<idx>"``."""
    db.execute(
        """
        CREATE TABLE incidents (
            id VARCHAR PRIMARY KEY,
            source VARCHAR, target VARCHAR,
            cameo VARCHAR, root VARCHAR, quad_class INTEGER, goldstein {DOUBLE}, plover VARCHAR,
            modality VARCHAR, negated BOOLEAN,
            date DATE, location VARCHAR,
            num_mentions INTEGER, num_documents INTEGER, num_sources INTEGER,
            first_seen DATE, last_seen DATE,
            event_ids {TEXT_ARRAY},
            data {JSON}
        );
        CREATE INDEX incidents_date ON incidents (date);
        """.format(**db.types)
    )


def m004_ingest_order(db: Any) -> None:
    """``documents.seq``: the order documents were first stored in (kept when a document
    is replaced), and ``actors.first_seq``: the ``seq`` of the document an actor was first
    stored with. Provisional actors are reused only in documents stored after the one they
    were learnt from, which makes a re-ingest reproduce the first analysis (see
    :func:`lagebild.batch.ingest_paths`)."""
    db.execute("ALTER TABLE documents ADD COLUMN seq BIGINT")
    db.execute("ALTER TABLE actors ADD COLUMN first_seq BIGINT")
    db.execute(
        "UPDATE documents SET seq = r.n FROM (SELECT id, row_number() OVER (ORDER BY ingested_at, id) AS n "
        "FROM documents) r WHERE documents.id = r.id"
    )
    db.execute(
        "UPDATE actors SET first_seq = coalesce((SELECT min(d.seq) FROM document_actors da "
        "JOIN documents d ON d.id = da.doc_id WHERE da.actor_id = actors.id), 0)"
    )


def m005_forecast_status(db: Any) -> None:
    """``forecasts.status`` from the decisions, once: before, a re-ingested document's
    forecasts came back ``open`` and ``lagebild resolve`` repaired them on every listing
    (a write, which on DuckDB could not run beside the workbench); now the store keeps
    the status when it writes (``Store._keep_decided``)."""
    db.execute(
        "UPDATE forecasts SET status = CASE WHEN EXISTS (SELECT 1 FROM resolutions r WHERE "
        "r.doc_id = forecasts.doc_id AND r.idx = forecasts.idx AND r.undone_at IS NULL) "
        "THEN 'resolved' ELSE 'open' END"
    )


def m006_learnt_records(db: Any) -> None:
    """A provisional actor's row in ``actors`` holds the record later documents learn
    (``Document.learnt_actors``: without a code the text gave only weakly), and
    ``actors.learnt_seq`` is the ``seq`` of the first stored document that taught it
    (NULL: no document did -- an actor a later stage added, e.g. an interview's speaker --
    and ingest does not preload it); each document's own code and country of its actors
    are ``document_actors.code`` / ``.country`` (also in its ``data``). Rows stored
    before keep their records: every stored provisional actor was preloaded then, so
    ``learnt_seq`` is its ``first_seq``; the per-document columns are read from ``data``."""
    db.execute("ALTER TABLE actors ADD COLUMN learnt_seq BIGINT")
    db.execute("UPDATE actors SET learnt_seq = first_seq WHERE provisional")
    db.execute("ALTER TABLE document_actors ADD COLUMN country VARCHAR")
    db.execute("ALTER TABLE document_actors ADD COLUMN code VARCHAR")
    db.execute(
        f"UPDATE document_actors SET country = {db.json_text('data', 'country')}, code = {db.json_text('data', 'code')}"
    )


MIGRATIONS: List[Migration] = [
    ("001_initial", m001_initial),
    ("002_resolutions", m002_resolutions),
    ("serve_001_indexes", m_serve_indexes),
    ("serve_002_trigram", m_serve_trigram),
    ("003_incidents", m003_incidents),
    ("004_ingest_order", m004_ingest_order),
    ("005_forecast_status", m005_forecast_status),
    ("006_learnt_records", m006_learnt_records),
]


def migrate(con: Any) -> List[str]:
    """Apply pending migrations to a :class:`~lagebild.store.backends.Backend`; returns
    the names applied. Migrations write their DDL with the backend's type names
    (``{JSON}``, ``{TEXT_ARRAY}``, ``{DOUBLE}``). A store that is up to date gets no DDL at
    all: PostgreSQL checks the right to CREATE in the schema even for ``CREATE TABLE IF NOT
    EXISTS`` on a table that exists, so a role granted only SELECT/INSERT/UPDATE/DELETE (a
    newsroom's writer role) could not open a store the owner had created."""
    known = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = '_lagebild_migrations'"
    ).fetchone()[0]
    if not known:
        con.execute(
            "CREATE TABLE IF NOT EXISTS _lagebild_migrations "
            "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
    done = {row[0] for row in con.execute("SELECT name FROM _lagebild_migrations").fetchall()}
    applied = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            fn(con)
            con.execute("INSERT INTO _lagebild_migrations (name) VALUES (?)", [name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
