"""Who holds a forecast, by name: a quoted actor, or the document's named author.

The store keeps a forecast's holder as an actor id or the literal "author". A scorecard
must never lump every author together, so "author" is replaced by the document's authors
("Vitaly Portnikov"; several are joined with " & "), and a document without a named
author gets a holder of its own, named after its source ("unnamed author (blog.example)").
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

AUTHOR = "author"


class HolderNames:
    """Display names and grouping keys of holders, read from a store once."""

    def __init__(self, store: Any, actors: Optional[Dict[str, Dict[str, Any]]] = None) -> None:
        self.actors = actors if actors is not None else {
            r["id"]: r for r in store.query("SELECT id, name, type, country, code FROM actors")
        }
        self.docs: Dict[str, Tuple[list, Optional[str], Optional[str]]] = {}
        for r in store.query(
            "SELECT id, authors, source, title FROM documents WHERE id IN "
            "(SELECT doc_id FROM forecasts WHERE holder = 'author' OR holder IS NULL)"
        ):
            self.docs[r["id"]] = (list(r["authors"] or []), r["source"], r["title"])

    def key(self, doc_id: str, holder: Optional[str], holder_text: Optional[str] = None) -> str:
        """The grouping key: an actor id, ``author:<names>``, or ``author?:<source>``."""
        if holder and holder != AUTHOR:
            return holder
        authors, source, _ = self.docs.get(doc_id, ([], None, None))
        return f"author:{' & '.join(authors)}" if authors else f"author?:{source or doc_id}"

    def name(self, doc_id: str, holder: Optional[str], holder_text: Optional[str] = None) -> str:
        """The holder as a reader knows it: the actor's name, the author's name, …"""
        if holder and holder != AUTHOR:
            row = self.actors.get(holder)
            return (row or {}).get("name") or holder_text or holder
        authors, source, title = self.docs.get(doc_id, ([], None, None))
        if authors:
            return " & ".join(authors)
        where = source or title or doc_id
        return f"unnamed author ({where})"
