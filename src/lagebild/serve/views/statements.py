"""Statements: ``/api/statements`` and the page ``/statements`` (quotes and reported speech
with their speakers, found by speaker, words, kind and date), each linking to its document.

Before, statements were only an API list: an editor could not search them by speaker in
the workbench, only read them document by document."""
from __future__ import annotations

from typing import Annotated, Any, Dict

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from .. import records
from ..filters import StatementParams, statement_where
from ..models import Page, StatementItem
from ._common import as_json, db, listing, page

router = APIRouter()


@router.get("/api/statements", tags=["api"], response_model=Page[StatementItem], summary="List statements")
def api_statements(request: Request, p: Annotated[StatementParams, Query()]) -> Any:
    """Statements, newest publication first; filter by speaker (actor id, 'author',
    'unknown', or part of the speaker's name), kind, document, date, language; `q`
    searches the statement text."""
    return as_json(listing(*records.list_statements(db(request), p)))


def _listing(request: Request, p: StatementParams) -> Dict[str, Any]:
    d = db(request)
    items, nxt = records.list_statements(d, p)
    where, params = statement_where(p, d.store.backend.json_text)
    return {"items": items, "next": nxt, "total": records.STATEMENTS.count(d, where, params)}


@router.get("/statements.json", tags=["pages"], summary="JSON twin of /statements: a page of statements and the total")
def statements_json(request: Request, p: Annotated[StatementParams, Query()]) -> Any:
    return as_json(_listing(request, p))


@router.get("/statements", tags=["pages"], response_class=Response, summary="Statements by speaker (HTML)")
def statements_page(request: Request, p: Annotated[StatementParams, Query()]) -> Response:
    return page(request, "statements.html", {**_listing(request, p), "p": p})
