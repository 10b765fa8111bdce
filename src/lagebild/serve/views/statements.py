"""Statements: ``/api/statements`` (quotes and reported speech with their speakers)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from .. import records
from ..filters import StatementParams
from ..models import Page, StatementItem
from ._common import as_json, db, listing

router = APIRouter()


@router.get("/api/statements", tags=["api"], response_model=Page[StatementItem], summary="List statements")
def api_statements(request: Request, p: Annotated[StatementParams, Query()]) -> Any:
    """Statements, newest publication first; filter by speaker (actor id, 'author',
    'unknown'), kind, document, date, language; `q` searches the statement text."""
    return as_json(listing(*records.list_statements(db(request), p)))
