"""The store: every analysed document with its actors, mentions, events, statements
and forecasts, in embedded DuckDB (a file path) or PostgreSQL (a ``postgresql://`` URL).

Each document is written in one transaction (delete its old rows, insert the new), so a
crash or Ctrl-C mid-batch leaves every finished document stored and none half-stored,
and re-ingesting a document replaces it instead of duplicating it (ids are content-based).
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any, Dict, Iterable, List, Optional, Sequence

from ..errors import Errors, NotFoundError
from ..schemas import Document
from .backends import Backend, connect
from .migrations import migrate

CHILD_TABLES = ("document_actors", "mentions", "events", "statements", "forecasts")
# tables with defaulted columns (timestamps) name the columns they are written with
_COLUMNS = {
    "documents": (
        "id", "source", "url", "language", "title", "authors", "published", "published_raw",
        "text", "partial", "warnings", "model", "n_actors", "n_events", "n_statements",
        "n_forecasts", "data",
    ),
    "actors": ("id", "name", "type", "country", "code", "provisional", "wikidata", "data"),
}


def _iso_or_none(value: Optional[str]) -> Optional[str]:
    """A date string DuckDB accepts, or None (event dates may be partial like '2025-04')."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        return None


class Store:
    """A lagebild database. Use as a context manager or call :meth:`close`.

    path (str | Path): the DuckDB file, created with its schema if missing (":memory:"
        for a throw-away store), or a PostgreSQL URL ``postgresql://user@host/db``.
    """

    def __init__(self, path: str | Path = "lagebild.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        self.backend: Backend = connect(self.path, read_only=read_only)
        if not read_only:
            migrate(self.backend)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()

    # -- writing ---------------------------------------------------------------------

    def save(self, doc: Document) -> bool:
        """Store ``doc`` (replacing an earlier version); True if it was new."""
        return self.save_many([doc])[0]

    def save_many(self, docs: Sequence[Document]) -> List[bool]:
        """Store ``docs`` in one transaction (all or none); per document, True if new.

        One commit per batch instead of per document: the commit, not the insert, is what
        costs (about 5 ms each here).
        """
        if not docs:
            return []
        latest = {doc.id: doc for doc in docs}  # the same document twice in a batch: last wins
        replaced = [doc_id for doc_id in latest if self.has(doc_id)]
        seen = set(replaced)
        new: List[bool] = []
        for doc in docs:
            new.append(doc.id not in seen)
            seen.add(doc.id)
        rows: Dict[str, List[List[Any]]] = {t: [] for t in ("documents", "actors") + CHILD_TABLES}
        for doc in latest.values():
            for table, table_rows in self._rows(doc, doc.to_dict()).items():
                rows[table].extend(table_rows)
        rows["actors"] = list({r[0]: r for r in rows["actors"]}.values())
        self.backend.execute("BEGIN TRANSACTION")
        try:
            for doc_id in replaced:
                for table in CHILD_TABLES:
                    self.backend.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
                self.backend.execute("DELETE FROM documents WHERE id = ?", [doc_id])
            for table, table_rows in rows.items():
                for i in range(0, len(table_rows), 500):
                    self._insert_rows(table, table_rows[i : i + 500])
            self.backend.execute("COMMIT")
        except BaseException:
            self.backend.execute("ROLLBACK")
            raise
        return new

    def _insert_rows(self, table: str, rows: List[List[Any]]) -> None:
        """One multi-row INSERT per table: DuckDB's per-statement cost dominates otherwise."""
        if not rows:
            return
        placeholders = "(" + ", ".join("?" * len(rows[0])) + ")"
        columns = f" ({', '.join(_COLUMNS[table])})" if table in _COLUMNS else ""
        sql = f"INSERT INTO {table}{columns} VALUES " + ", ".join([placeholders] * len(rows))
        if table == "actors":
            sql += (
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, "
                "country = excluded.country, code = excluded.code, "
                "provisional = excluded.provisional, wikidata = excluded.wikidata, data = excluded.data"
            )
        self.backend.execute(sql, [value for row in rows for value in row])

    def _rows(self, doc: Document, data: Dict[str, Any]) -> Dict[str, List[List[Any]]]:
        """The rows ``doc`` becomes, per table, in the tables' column order."""
        dump = lambda obj: json.dumps(obj, ensure_ascii=False)  # noqa: E731
        rows: Dict[str, List[List[Any]]] = {t: [] for t in ("documents", "actors") + CHILD_TABLES}
        rows["documents"].append([
            doc.id, doc.source, doc.url, doc.language, doc.title, doc.authors,
            _iso_or_none(doc.published), doc.published_raw, doc.text, doc.partial,
            doc.warnings, doc.model, len(doc.actors), len(doc.events), len(doc.statements),
            len(doc.forecasts), dump(data),
        ])
        for actor, adict in zip(doc.actors, data["actors"]):
            rows["actors"].append([
                actor.id, actor.name, actor.type, actor.country, actor.code,
                actor.provisional, actor.wikidata, dump(adict),
            ])
            rows["document_actors"].append([doc.id, actor.id, actor.role, len(actor.mentions), dump(adict)])
            rows["mentions"].extend([doc.id, actor.id, s, e, doc.text[s:e]] for s, e in actor.mentions)
        # one actor row per id even if a component listed an actor twice
        rows["actors"] = list({r[0]: r for r in rows["actors"]}.values())
        rows["document_actors"] = list({r[1]: r for r in rows["document_actors"]}.values())
        for i, (ev, edict) in enumerate(zip(doc.events, data["events"])):
            rows["events"].append([
                doc.id, i, ev.source, ev.target, ev.cameo, ev.plover, ev.quad_class,
                ev.goldstein, ev.modality, ev.negated, _iso_or_none(ev.date), ev.location,
                ev.sentence, ev.span[0], ev.span[1], ev.confidence, dump(edict),
            ])
        for i, (st, sdict) in enumerate(zip(doc.statements, data["statements"])):
            rows["statements"].append([doc.id, i, st.speaker, st.kind, st.text, st.span[0], st.span[1], dump(sdict)])
        for i, (fc, fdict) in enumerate(zip(doc.forecasts, data["forecasts"])):
            horizon = fc.horizon or {}
            rows["forecasts"].append([
                doc.id, i, fc.holder, fc.text, fc.condition,
                _iso_or_none(horizon.get("start")), _iso_or_none(horizon.get("end")),
                fc.probability, fc.status, _iso_or_none(doc.published),
                fc.span[0], fc.span[1], dump(fdict),
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
        """The full id of the one document whose id starts with ``prefix``."""
        rows = self.backend.execute(
            "SELECT id FROM documents WHERE id LIKE ? || '%' LIMIT 2", [prefix]
        ).fetchall()
        if len(rows) != 1:
            raise NotFoundError(Errors.E011.format(id=prefix, db=self.path))
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
        """Summary rows, newest publication first."""
        where, params = [], []
        if language:
            where.append("language = ?")
            params.append(language)
        if search:
            where.append("(title ILIKE ? OR text ILIKE ?)")
            params += [f"%{search}%", f"%{search}%"]
        sql = (
            "SELECT id, published, language, title, authors, source, partial, n_actors, "
            "n_events, n_statements, n_forecasts, length(text) AS chars FROM documents"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY published DESC NULLS LAST, id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self.query(sql, params)

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
        """Actors created on the fly (not in the knowledge base), for reuse across documents."""
        return [self.backend.load_json(r["data"]) for r in self.query("SELECT data FROM actors WHERE provisional")]
