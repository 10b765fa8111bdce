"""The store: every analysed document with its actors, mentions, events, statements
and forecasts, in embedded DuckDB (a file path) or PostgreSQL (a ``postgresql://`` URL).

Each document is written in one transaction (delete its old rows, insert the new), so a
crash or Ctrl-C mid-batch leaves every finished document stored and none half-stored,
and re-ingesting a document replaces it instead of duplicating it (ids are content-based).
"""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from datetime import date
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, TypeVar

from ..errors import Errors, NotFoundError
from ..schemas import Document
from .backends import Backend, connect, lock_wait, refused
from .migrations import migrate

T = TypeVar("T")
_MIGRATION_LOCK = 7_215_640_014  # pg_advisory_lock key held while migrating

CHILD_TABLES = ("document_actors", "mentions", "events", "statements", "forecasts")
# tables with defaulted columns (timestamps) name the columns they are written with
_COLUMNS = {
    "documents": (
        "id", "source", "url", "language", "title", "authors", "published", "published_raw",
        "text", "partial", "warnings", "model", "n_actors", "n_events", "n_statements",
        "n_forecasts", "data",
    ),
    "actors": ("id", "name", "type", "country", "code", "provisional", "wikidata", "data"),
    "document_actors": ("doc_id", "actor_id", "role", "n_mentions", "data", "country", "code"),
}


def _iso_or_none(value: Optional[str]) -> Optional[str]:
    """A date string DuckDB accepts, or None (event dates may be partial like '2025-04')."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        return None


# actor rows as Store._rows builds them (+ first_seq, learnt_seq): these columns follow the
# KB; a provisional actor's learnt record (name, type, country, code, data) replaces a record
# no document taught
_A_ID, _A_NAME, _A_TYPE, _A_PROVISIONAL, _A_WIKIDATA, _A_FIRST_SEQ, _A_LEARNT_SEQ = 0, 1, 2, 5, 6, 8, 9
_A_LEARNT = (1, 2, 3, 4, 7, 9)  # name, type, country, code, data, learnt_seq


def _merge_actor_rows(rows: List[List[Any]]) -> Tuple[List[List[Any]], List[List[Any]]]:
    """Actor rows of a batch (in document order) as two upserts (each with one row per
    id, as one INSERT … ON CONFLICT needs) whose effect equals upserting ``rows`` one
    after the other with :meth:`Store._insert_rows`: ``(firsts, lasts)``.

    firsts: each id's first row, with the smallest ``first_seq`` of its rows and, if it
        holds no learnt record (``learnt_seq`` NULL) and a later row does, that row's
        learnt record; it is inserted, or updates a stored row as those rows would.
    lasts: for an id whose later rows include a non-provisional one, the last such row:
        upserted after ``firsts`` it sets the KB fields (name, type, wikidata) as the
        later rows would; other later provisional rows change nothing but ``first_seq``,
        which ``firsts`` already holds."""
    firsts: Dict[str, List[Any]] = {}
    lasts: Dict[str, List[Any]] = {}
    for row in rows:
        first = firsts.get(row[_A_ID])
        if first is None:
            firsts[row[_A_ID]] = list(row)
            continue
        first[_A_FIRST_SEQ] = min(first[_A_FIRST_SEQ], row[_A_FIRST_SEQ])
        if first[_A_LEARNT_SEQ] is None and row[_A_LEARNT_SEQ] is not None and row[_A_PROVISIONAL]:
            for i in _A_LEARNT:
                first[i] = row[i]
        if not row[_A_PROVISIONAL]:
            lasts[row[_A_ID]] = row
    return list(firsts.values()), list(lasts.values())


def _with_seq(actor_rows: List[List[Any]], seq: int) -> None:
    """Complete the actor rows of :meth:`Store._rows` (whose last cell says whether the row
    holds a learnt record) with ``first_seq`` and ``learnt_seq`` for the document ``seq``."""
    for row in actor_rows:
        row[-1:] = [seq, seq if row[-1] else None]


def _keep_decided(backend: Backend, doc_ids: List[str]) -> None:
    """Mark the just-written forecasts of ``doc_ids`` that have a current decision (a row
    of ``resolutions`` not undone) ``resolved``: a re-ingested or re-analysed document
    gets new forecast rows (status ``open``), while its decisions stay. Part of the write's
    transaction, so no reader (``lagebild forecasts``, the workbench's ledger) needs to
    repair the status, and ``lagebild resolve``'s listing only reads."""
    for i in range(0, len(doc_ids), 500):
        part = doc_ids[i : i + 500]
        backend.execute(
            f"UPDATE forecasts SET status = 'resolved' WHERE doc_id IN ({', '.join('?' * len(part))}) "
            "AND EXISTS (SELECT 1 FROM resolutions r WHERE r.doc_id = forecasts.doc_id "
            "AND r.idx = forecasts.idx AND r.undone_at IS NULL)",
            part,
        )


# the record lists of the contract whose records are also stored one per row (with
# their JSON text in a ``data`` column): their texts are kept from the document's dump
_RECORD_LISTS = frozenset(("actors", "events", "statements", "forecasts"))


class _ContractData(dict):
    """The parsed contract (a plain ``dict``, as ``json.loads`` gives it) that also keeps
    ``pieces``: ``{list name: [JSON text of each record]}`` for the lists of
    :data:`_RECORD_LISTS`, the texts the document's own JSON text was joined from. A
    record's text equals ``json.dumps`` of its parsed value (see :func:`_contract`), so
    :meth:`Store._rows` stores it instead of dumping the record a second time."""

    pieces: Dict[str, List[str]]


def _contract(doc: Document) -> Tuple[str, Dict[str, Any]]:
    """``doc.to_dict()`` as stored: its JSON text and that text parsed (plain JSON values:
    lists, not tuples). The text equals ``json.dumps(data, ensure_ascii=False)`` -- dumping
    what ``json.loads`` gave back gives the same text again (keys are strings already,
    floats round-trip by ``repr``) -- so the documents row stores it without a second
    dump of the whole document.

    The text is ``json.dumps(doc.to_dict(), ensure_ascii=False)``, joined from the dumps
    of the top-level values, and of each record of the lists the store also keeps one
    per row (:data:`_RECORD_LISTS`), exactly as ``json.dumps`` joins them (``", "``
    between items, ``": "`` after a key); the records' texts are kept in the parsed
    value's ``pieces`` (:class:`_ContractData`), so that no record is encoded twice
    (0.3 ms of CPU per news article; tests/store/test_save_batch.py checks the text
    against ``json.dumps`` for any JSON value)."""
    dumps = _dumps
    parts: List[str] = []
    pieces: Dict[str, List[str]] = {}
    for key, value in doc.to_dict().items():
        if key in _RECORD_LISTS and value.__class__ is list:
            texts = pieces[key] = [dumps(v) for v in value]
            parts.append(f"{dumps(key)}: [{', '.join(texts)}]")
        else:
            parts.append(f"{dumps(key)}: {dumps(value)}")
    text = "{" + ", ".join(parts) + "}"
    data = _ContractData(json.loads(text))
    data.pieces = pieces
    return text, data


def _dumps(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False)``."""
    return json.dumps(obj, ensure_ascii=False)


def _same_json(backend: Backend, stored: Any, text: str, data: Dict[str, Any]) -> bool:
    """Is the stored ``data`` column the same JSON as ``data`` (whose JSON text is ``text``)?
    Text equal to ``text`` (what an unchanged re-ingest finds) answers without parsing it;
    else the parsed values are compared, as before."""
    if isinstance(stored, str) and stored == text:
        return True
    return backend.load_json(stored) == data


class Store:
    """A lagebild database. Use as a context manager or call :meth:`close`.

    path (str | Path): the DuckDB file, created with its schema if missing (":memory:"
        for a throw-away store), or a PostgreSQL URL ``postgresql://user@host/db``.
    read_only: open without writing (no file is created, no migration is applied).
    wait: seconds to wait for a DuckDB file another process is writing (default
        $LAGEBILD_LOCK_WAIT or 10); then :class:`~lagebild.errors.DatabaseLockedError`.

    Writing: :meth:`save_document` stores one document in one transaction. On PostgreSQL
    the document row is claimed first (``INSERT … ON CONFLICT DO NOTHING``, else ``SELECT
    … FOR UPDATE``), so concurrent writers of the same document wait for each other
    instead of failing on a unique key; actor rows are upserted in id order (no deadlock).
    """

    def __init__(self, path: str | Path = "lagebild.duckdb", *, read_only: bool = False,
                 wait: Optional[float] = None) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._wait = wait
        self._backend: Optional[Backend] = None
        self._released_at = time.monotonic()
        self._close_seconds = 0.0  # how long the last release took (DuckDB: a checkpoint)
        if not read_only:
            self._migrate()

    @contextmanager
    def exclusive(self, key: int = 7_215_640_015) -> Iterator[None]:
        """Run a store-wide rewrite (e.g. refreshing derived tables) one process at a time:
        a PostgreSQL session advisory lock on ``key``; DuckDB has one writer anyway."""
        if self.backend.name != "postgresql":
            yield
            return
        self.backend.execute("SELECT pg_advisory_lock(?)", [key])
        try:
            yield
        finally:
            self.backend.execute("SELECT pg_advisory_unlock(?)", [key])

    def _migrate(self) -> None:
        backend = self.backend
        if backend.name != "postgresql":  # DuckDB: this process is the only writer
            migrate(backend)
            return
        # several processes may open a fresh PostgreSQL database at once: one migrates,
        # the others wait for it (a session-level advisory lock; the key is arbitrary)
        backend.execute("SELECT pg_advisory_lock(?)", [_MIGRATION_LOCK])
        try:
            migrate(backend)
        except Exception as e:
            raise refused(e) or e
        finally:
            backend.execute("SELECT pg_advisory_unlock(?)", [_MIGRATION_LOCK])

    @property
    def backend(self) -> Backend:
        """The open connection (reopened after :meth:`release`)."""
        if self._backend is None:
            self._backend = connect(self.path, read_only=self.read_only, wait=self._wait)
        return self._backend

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    def release(self) -> None:
        """Let other processes at a DuckDB file until this store is used again.

        DuckDB admits one writing process per file and no reader beside it; ``ingest``
        calls this after each committed batch, so ``lagebild documents`` (or a second
        ingest) gets in while the next batch is being analysed. PostgreSQL: no-op."""
        if self._backend is not None and self._backend.name == "duckdb" and self.path != ":memory:":
            t = time.monotonic()
            self.close()
            self._released_at = time.monotonic()
            self._close_seconds = self._released_at - t

    def release_due(self) -> bool:
        """:meth:`release`, if it is due; True if the file was released.

        Closing a DuckDB file checkpoints it, and a checkpoint costs more the larger the
        database (measured: 0.1 s at 300 news articles, 0.3-0.4 s at 1,200, on the
        shared 2-core machine), so releasing after every batch made ingest quadratic
        in the store's size. It is due once the file was held (since the last release)
        for 10 times the last release's duration, at least 1 s, and at most half of
        what a reader waits for the lock ($LAGEBILD_LOCK_WAIT, default 10 s) -- so a
        reader still gets in, and releasing costs at most ~10 % of the time."""
        if self._backend is None:
            return False
        interval = min(lock_wait() / 2, max(1.0, 10 * self._close_seconds))
        if time.monotonic() - self._released_at < interval:
            return False
        self.release()
        return True

    # -- writing ---------------------------------------------------------------------

    def save(self, doc: Document) -> bool:
        """Store ``doc`` (replacing an earlier version); True if it was new."""
        return self.save_document(doc) == "new"

    def save_many(self, docs: Sequence[Document]) -> List[bool]:
        """Store ``docs``, each in its own transaction; per document, True if new. An error
        is raised at the first document that fails (the ones before it stay stored)."""
        return [self.save_document(doc) == "new" for doc in docs]

    def save_document(self, doc: Document) -> str:
        """Store ``doc`` in one transaction; returns "new", "updated" (a stored document
        with this id had a different analysis: replaced, its ``seq`` kept) or "unchanged"
        (the stored analysis is identical: nothing is written, not even a timestamp).

        Raises whatever the database raised, after rolling back this document only."""
        text, data = _contract(doc)
        return self._in_transaction(lambda backend: self._write(backend, doc, data, text))

    def _in_transaction(self, write: Callable[[Backend], T]) -> T:
        """``write(backend)`` between BEGIN and COMMIT; on any exception (Ctrl-C too) the
        transaction is rolled back and the exception re-raised."""
        backend = self.backend
        backend.execute("BEGIN TRANSACTION")
        try:
            result = write(backend)
            backend.execute("COMMIT")
        except BaseException:
            try:
                backend.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - the connection may be gone; the first error matters
                pass
            raise
        return result

    def save_documents(self, docs: Sequence[Document]) -> List[str]:
        """Store ``docs`` in ONE transaction, with the result :meth:`save_document` gives
        them one after the other (outcomes, ``seq`` numbers, actor rows and their
        ``first_seq``, all the same), but with one multi-row INSERT per table for the
        whole batch instead of one per document: DuckDB's per-statement cost (~3 ms)
        made storing cost ~20 ms of CPU per news article (``benchmarks/store_speed.py``).

        Returns the outcome per document ("new", "updated", "unchanged"), in order.
        Raises whatever the database raised, after rolling back the WHOLE batch (nothing
        of it is stored); :func:`lagebild.batch.save_results` then stores the documents
        one by one, so that only the refused document fails. On PostgreSQL, where
        concurrent writers claim documents one at a time, this is
        :meth:`save_document` per document (each in its own transaction)."""
        if self.backend.name != "duckdb" or len(docs) < 2:
            return [self.save_document(doc) for doc in docs]
        outcomes: List[str] = []
        group: List[Document] = []
        ids: set = set()
        for doc in docs:
            if doc.id in ids:  # the same document twice: the second one sees the first stored
                outcomes += self._save_group(group)
                group, ids = [], set()
            group.append(doc)
            ids.add(doc.id)
        return outcomes + self._save_group(group)

    def _save_group(self, docs: List[Document]) -> List[str]:
        """:meth:`save_documents` for documents with distinct ids (DuckDB)."""
        if not docs:
            return []
        contracts = [_contract(doc) for doc in docs]
        return self._in_transaction(lambda backend: self._write_group(backend, docs, contracts))

    def _write_group(self, backend: Backend, docs: List[Document], contracts: List[Tuple[str, Dict[str, Any]]]) -> List[str]:
        ids = [doc.id for doc in docs]
        old = {
            r[0]: (r[1], r[2]) for r in backend.execute(
                f"SELECT id, data, seq FROM documents WHERE id IN ({', '.join('?' * len(ids))})", ids
            ).fetchall()
        }
        # as save_document: a new document gets max(seq) + 1 at its turn, an updated one keeps its seq
        next_seq = int(backend.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0])
        outcomes: List[str] = []
        tables: Dict[str, List[List[Any]]] = {t: [] for t in ("documents", "actors") + CHILD_TABLES}
        updated: List[tuple] = []
        for doc, (text, data) in zip(docs, contracts):
            rows = self._rows(doc, data, text)
            doc_row = rows.pop("documents")[0]
            if doc.id in old:
                stored, seq = old[doc.id]
                if _same_json(backend, stored, text, data):
                    outcomes.append("unchanged")
                    continue
                seq = seq if seq is not None else next_seq
                outcomes.append("updated")
                updated.append((doc_row, seq))
            else:
                seq = next_seq
                next_seq += 1
                outcomes.append("new")
                tables["documents"].append(doc_row + [seq])
            _with_seq(rows["actors"], seq)
            for table, table_rows in rows.items():
                tables[table].extend(table_rows)
        if updated:
            gone = [row[0] for row, _ in updated]
            for table in CHILD_TABLES:
                backend.execute(f"DELETE FROM {table} WHERE doc_id IN ({', '.join('?' * len(gone))})", gone)
            sets = ", ".join(f"{c} = ?" for c in _COLUMNS["documents"][1:])
            for row, seq in updated:
                backend.execute(
                    f"UPDATE documents SET {sets}, seq = ?, ingested_at = current_timestamp WHERE id = ?",
                    row[1:] + [seq, row[0]],
                )
        firsts, lasts = _merge_actor_rows(tables.pop("actors"))
        for table, table_rows in [("actors", firsts), ("actors", lasts)] + list(tables.items()):
            if table == "actors":
                table_rows.sort(key=lambda r: r[0])
            for i in range(0, len(table_rows), 500):
                self._insert_rows(table, table_rows[i : i + 500], seq=table == "documents")
        _keep_decided(backend, [doc.id for doc, outcome in zip(docs, outcomes) if outcome != "unchanged"])
        return outcomes

    def _write(self, backend: Backend, doc: Document, data: Dict[str, Any], text: str) -> str:
        pg = backend.name == "postgresql"
        rows = self._rows(doc, data, text)
        seq = int(backend.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0])
        doc_row = rows.pop("documents")[0] + [seq]
        cols = _COLUMNS["documents"] + ("seq",)
        inserted = backend.execute(
            f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
            "ON CONFLICT (id) DO NOTHING RETURNING id",
            doc_row,
        ).fetchall()
        outcome = "new"
        if not inserted:
            old = backend.execute(
                "SELECT data, seq FROM documents WHERE id = ?" + (" FOR UPDATE" if pg else ""), [doc.id]
            ).fetchone()
            if _same_json(backend, old[0], text, data):
                return "unchanged"
            seq = old[1] if old[1] is not None else seq
            outcome = "updated"
            for table in CHILD_TABLES:
                backend.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc.id])
            sets = ", ".join(f"{c} = ?" for c in _COLUMNS["documents"][1:])
            backend.execute(
                f"UPDATE documents SET {sets}, seq = ?, ingested_at = current_timestamp WHERE id = ?",
                doc_row[1:-1] + [seq, doc.id],
            )
        _with_seq(rows["actors"], seq)
        rows["actors"].sort(key=lambda r: r[0])  # one lock order for every writer
        for table, table_rows in rows.items():
            for i in range(0, len(table_rows), 500):
                self._insert_rows(table, table_rows[i : i + 500])
        _keep_decided(backend, [doc.id])
        return outcome

    def _insert_rows(self, table: str, rows: List[List[Any]], seq: bool = False) -> None:
        """One multi-row INSERT per table: DuckDB's per-statement cost dominates otherwise.
        seq: documents rows end with their ``seq``."""
        if not rows:
            return
        columns = _COLUMNS[table] + (("first_seq", "learnt_seq") if table == "actors" else ()) if table in _COLUMNS else ()
        columns += ("seq",) if seq else ()
        column_sql = f" ({', '.join(columns)})" if columns else ""
        arrow = None
        if self.backend.name == "duckdb" and len(rows) > 8:
            import pyarrow as pa
            arrow = pa.table({f"c{i}": pa.array(list(col)) for i, col in enumerate(zip(*rows))})
            sql = f"INSERT INTO {table}{column_sql} SELECT * FROM _lagebild_rows"
        else:
            placeholders = "(" + ", ".join("?" * len(rows[0])) + ")"
            sql = f"INSERT INTO {table}{column_sql} VALUES " + ", ".join([placeholders] * len(rows))
        if table == "actors":
            # KB fields follow the KB; everything a document contributed (role, data) and a
            # provisional actor's record stay as first stored: later documents never
            # rewrite what earlier ones were analysed with -- except that a provisional
            # actor's first learnt record (learnt_seq set) replaces one no document taught
            # (a speaker an interview added), as the linker's registry learns it then
            learn = "actors.learnt_seq IS NULL AND excluded.learnt_seq IS NOT NULL AND excluded.provisional"
            sql += (
                " ON CONFLICT (id) DO UPDATE SET "
                f"name = CASE WHEN {learn} OR NOT excluded.provisional THEN excluded.name ELSE actors.name END, "
                f"type = CASE WHEN {learn} OR NOT excluded.provisional THEN excluded.type ELSE actors.type END, "
                "wikidata = CASE WHEN excluded.provisional THEN actors.wikidata ELSE excluded.wikidata END, "
                f"country = CASE WHEN {learn} THEN excluded.country ELSE actors.country END, "
                f"code = CASE WHEN {learn} THEN excluded.code ELSE actors.code END, "
                f"data = CASE WHEN {learn} THEN excluded.data ELSE actors.data END, "
                "learnt_seq = coalesce(actors.learnt_seq, excluded.learnt_seq), "
                "first_seq = least(coalesce(actors.first_seq, excluded.first_seq), excluded.first_seq)"
            )
        if arrow is not None:
            _lagebild_rows = arrow  # noqa: F841 - read by DuckDB's replacement scan below
            self.backend.con.execute(sql)
            return
        self.backend.execute(sql, [value for row in rows for value in row])

    def _rows(self, doc: Document, data: Dict[str, Any], text: str) -> Dict[str, List[List[Any]]]:
        """The rows ``doc`` becomes, per table, in the tables' column order; ``data`` and its
        JSON ``text`` as :func:`_contract` gives them (the documents row stores ``text``)."""
        dump = _dumps
        # each record's JSON text, as the document's text holds it (_contract), when given
        pieces: Dict[str, List[str]] = getattr(data, "pieces", None) or {}

        def texts(key: str) -> List[str]:
            kept = pieces.get(key)
            return kept if kept is not None and len(kept) == len(data[key]) else [dump(r) for r in data[key]]

        rows: Dict[str, List[List[Any]]] = {t: [] for t in ("documents", "actors") + CHILD_TABLES}
        rows["documents"].append([
            doc.id, doc.source, doc.url, doc.language, doc.title, doc.authors,
            _iso_or_none(doc.published), doc.published_raw, doc.text, doc.partial,
            doc.warnings, doc.model, len(doc.actors), len(doc.events), len(doc.statements),
            len(doc.forecasts), text,
        ])
        # a provisional actor's row is the record later documents learn (Document.learnt_actors:
        # no weak code), not this document's coded one, which document_actors keeps
        learnt = {r.get("id"): r for r in data.get("learnt_actors") or []}
        for actor, adict, atext in zip(doc.actors, data["actors"], texts("actors")):
            rec = learnt.get(actor.id) if actor.provisional else None
            if rec is not None:
                rows["actors"].append([
                    actor.id, rec.get("name") or actor.name, rec.get("type") or actor.type, rec.get("country"),
                    rec.get("code"), True, rec.get("wikidata"), dump({**rec, "provisional": True}), True,
                ])
            else:
                rows["actors"].append([
                    actor.id, actor.name, actor.type, actor.country, actor.code,
                    actor.provisional, actor.wikidata, atext, False,
                ])
            rows["document_actors"].append([
                doc.id, actor.id, actor.role, len(actor.mentions), atext, actor.country, actor.code,
            ])
            rows["mentions"].extend([doc.id, actor.id, s, e, doc.text[s:e]] for s, e in actor.mentions)
        # one actor row per id even if a component listed an actor twice
        rows["actors"] = list({r[0]: r for r in rows["actors"]}.values())
        rows["document_actors"] = list({r[1]: r for r in rows["document_actors"]}.values())
        for i, (ev, etext) in enumerate(zip(doc.events, texts("events"))):
            rows["events"].append([
                doc.id, i, ev.source, ev.target, ev.cameo, ev.plover, ev.quad_class,
                ev.goldstein, ev.modality, ev.negated, _iso_or_none(ev.date), ev.location,
                ev.sentence, ev.span[0], ev.span[1], ev.confidence, etext,
            ])
        for i, (st, stext) in enumerate(zip(doc.statements, texts("statements"))):
            rows["statements"].append([doc.id, i, st.speaker, st.kind, st.text, st.span[0], st.span[1], stext])
        for i, (fc, ftext) in enumerate(zip(doc.forecasts, texts("forecasts"))):
            horizon = fc.horizon or {}
            rows["forecasts"].append([
                doc.id, i, fc.holder, fc.text, fc.condition,
                _iso_or_none(horizon.get("start")), _iso_or_none(horizon.get("end")),
                fc.probability, fc.status, _iso_or_none(doc.published),
                fc.span[0], fc.span[1], ftext,
            ])
        return rows

    def delete(self, doc_id: str) -> bool:
        """Remove a document and its rows; True if it existed."""
        if not self.has(doc_id):
            return False
        self.backend.execute("BEGIN TRANSACTION")
        try:
            for table in CHILD_TABLES:
                self.backend.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
            self.backend.execute("DELETE FROM documents WHERE id = ?", [doc_id])
            self.backend.execute("COMMIT")
        except BaseException:
            self.backend.execute("ROLLBACK")
            raise
        return True

    # -- reading ---------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> List[Dict[str, Any]]:
        """Rows of ``sql`` (with ``?`` placeholders) as dicts."""
        return self.backend.query(sql, params)

    def has(self, doc_id: str) -> bool:
        return bool(self.backend.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone())

    def count(self, table: str = "documents") -> int:
        if table not in ("documents", "actors", "resolutions") + CHILD_TABLES:
            raise ValueError(table)
        return int(self.backend.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one document whose id starts with ``prefix``.

        Raises NotFoundError: [E011] when none matches, [E042] (listing up to 10 matching
        ids) when several do."""
        rows = self.backend.execute(
            "SELECT id FROM documents WHERE left(id, ?) = ? ORDER BY id LIMIT 11", [len(prefix), prefix]
        ).fetchall()
        if not rows:
            raise NotFoundError(Errors.E011.format(id=prefix, db=self.path))
        if len(rows) > 1 and rows[0][0] != prefix:
            ids = ", ".join(r[0] for r in rows[:10]) + (", …" if len(rows) > 10 else "")
            raise NotFoundError(Errors.E042.format(id=prefix, db=self.path, ids=ids))
        return rows[0][0]

    def get(self, doc_id: str) -> Document:
        """The stored document ``doc_id`` (a unique prefix is enough)."""
        full = self.resolve_id(doc_id)
        row = self.backend.execute("SELECT data FROM documents WHERE id = ?", [full]).fetchone()
        return Document.from_dict(self.backend.load_json(row[0]))

    def documents(
        self,
        *,
        limit: Optional[int] = 50,
        offset: int = 0,
        language: Optional[str] = None,
        search: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """Summary rows, newest publication first (``limit`` None or 0: all)."""
        where, params = self._filter(language, search)
        sql = (
            "SELECT id, published, language, title, authors, source, partial, n_actors, "
            "n_events, n_statements, n_forecasts, length(text) AS chars FROM documents"
            + where + " ORDER BY published DESC NULLS LAST, id"
        )
        if limit:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self.query(sql, params)

    def count_documents(self, *, language: Optional[str] = None, search: Optional[str] = None) -> int:
        """How many documents :meth:`documents` would list without a limit."""
        where, params = self._filter(language, search)
        return int(self.backend.execute("SELECT count(*) FROM documents" + where, params).fetchone()[0])

    @staticmethod
    def _filter(language: Optional[str], search: Optional[str]) -> tuple:
        where: List[str] = []
        params: List[Any] = []
        if language:
            where.append("language = ?")
            params.append(language)
        if search:
            # a literal substring: %, _ and \\ in the search are not wildcards
            pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append("(title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\')")
            params += [pattern, pattern]
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def stored_seqs(self) -> Dict[str, int]:
        """``{document id: seq}`` of every stored document (for resume and re-ingest)."""
        return {r[0]: int(r[1] or 0) for r in self.backend.execute("SELECT id, seq FROM documents").fetchall()}

    def iter_documents(self, ids: Optional[Iterable[str]] = None) -> Iterable[Document]:
        """Every stored document (or those in ``ids``), in id order, streaming."""
        if ids is None:
            cur = self.backend.execute("SELECT data FROM documents ORDER BY id")
            while True:
                rows = cur.fetchmany(256)
                if not rows:
                    break
                for (data,) in rows:
                    yield Document.from_dict(self.backend.load_json(data))
        else:
            for doc_id in ids:
                yield self.get(doc_id)

    def provisional_actors(self) -> List[Dict[str, Any]]:
        """Actors created on the fly (not in the knowledge base) that documents taught the
        actor linker, for reuse across documents, as it learnt them (no code the text gave
        only weakly: ``Document.learnt_actors``), in the order they were learnt; each dict
        has ``first_seq`` added: the ``seq`` of the first stored document that taught it
        (``actors.learnt_seq``), after which ingest registers it
        (:class:`lagebild.batch._ProvisionalReplay`). Provisional actors no document taught
        (a later stage added them) are not listed: no analysis learns them either."""
        out = []
        for r in self.query(
            "SELECT data, learnt_seq FROM actors WHERE provisional AND learnt_seq IS NOT NULL ORDER BY learnt_seq, id"
        ):
            actor = dict(self.backend.load_json(r["data"]) or {})
            actor["first_seq"] = int(r["learnt_seq"] or 0)
            out.append(actor)
        return out
