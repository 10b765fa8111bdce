"""Who holds a forecast, by name: a quoted actor, or the document's named author.

The store keeps a forecast's holder as an actor id or the literal "author". A scorecard
must never lump every author together, so "author" is replaced by the document's authors
("Vitaly Portnikov"; several are joined with " & "), and a document without a named
author gets a holder of its own, named after its source ("unnamed author (blog.example)").

A holder the linker could not resolve to an actor (the id "unknown", a turn label, or any
id with no row in ``actors``) is no identity either: "Experten" in one article and
"Experten" in another, or a pronoun ("es"), are not one forecaster. Each such holder is
kept apart per document and per wording: "Experten (unlinked; a3.txt)".
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Sequence, Tuple

AUTHOR = "author"


def holder_identity(
    doc_id: str,
    holder: Optional[str],
    holder_text: Optional[str] = None,
    *,
    actor_name: Optional[str] = None,
    linked: bool = False,
    authors: Sequence[str] = (),
    source: Optional[str] = None,
    title: Optional[str] = None,
) -> Tuple[str, str]:
    """``(key, name)`` of a forecast's holder: the key groups forecasts of one holder
    (scorecards, the workbench's ledger), the name is what a reader sees.

    - a linked actor (``linked``: the id has a row in ``actors``): its id, and its name;
    - "author" (or no holder): ``author:<names>`` and the authors joined with " & ", or,
      with no named author, ``author?:<source>`` and "unnamed author (<source>)";
    - anything else (unlinked): ``unlinked:<doc_id>:<wording>``, "<wording> (unlinked;
      <source>)" -- one holder per document and wording, never merged across documents.
    """
    where = source or title or doc_id
    if holder and holder != AUTHOR:
        if linked:
            return holder, actor_name or holder_text or holder
        words = " ".join((holder_text or "").split()) or (holder if holder != "unknown" else "unknown holder")
        return f"unlinked:{doc_id}:{words.casefold()}", f"{words} (unlinked; {where})"
    names = [a for a in authors or () if a]
    if names:
        return f"author:{' & '.join(names)}", " & ".join(names)
    return f"author?:{source or doc_id}", f"unnamed author ({where})"


class HolderNames:
    """Display names and grouping keys of holders, read from a store once."""

    def __init__(self, store: Any, actors: Optional[Dict[str, Dict[str, Any]]] = None) -> None:
        self.actors = actors if actors is not None else {
            r["id"]: r for r in store.query("SELECT id, name, type, country, code FROM actors")
        }
        self.docs: Dict[str, Tuple[list, Optional[str], Optional[str]]] = {}
        for r in store.query(
            "SELECT id, authors, source, title FROM documents WHERE id IN "
            "(SELECT doc_id FROM forecasts WHERE holder = 'author' OR holder IS NULL "
            "OR holder NOT IN (SELECT id FROM actors))"
        ):
            self.docs[r["id"]] = (list(r["authors"] or []), r["source"], r["title"])

    def _identity(self, doc_id: str, holder: Optional[str], holder_text: Optional[str]) -> Tuple[str, str]:
        row = self.actors.get(holder) if holder else None
        authors, source, title = self.docs.get(doc_id, ([], None, None))
        return holder_identity(
            doc_id, holder, holder_text, actor_name=(row or {}).get("name"), linked=row is not None,
            authors=authors, source=source, title=title,
        )

    def key(self, doc_id: str, holder: Optional[str], holder_text: Optional[str] = None) -> str:
        """The grouping key: an actor id, ``author:<names>``, ``author?:<source>`` or
        ``unlinked:<doc_id>:<wording>`` (:func:`holder_identity`)."""
        return self._identity(doc_id, holder, holder_text)[0]

    def name(self, doc_id: str, holder: Optional[str], holder_text: Optional[str] = None) -> str:
        """The holder as a reader knows it: the actor's name, the author's name, …"""
        return self._identity(doc_id, holder, holder_text)[1]
