"""Helpers the view modules share."""
from __future__ import annotations

from typing import Any, Callable, Dict, Optional, Tuple

from fastapi import HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from ..db import Database


def db(request: Request) -> Database:
    return request.app.state.db


def page(request: Request, template: str, context: Dict[str, Any], status_code: int = 200) -> Response:
    """Render ``template`` (autoescaped) with ``context``."""
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code)


def as_json(data: Any) -> JSONResponse:
    return JSONResponse(jsonable_encoder(data))


def listing(items: Any, nxt: Any) -> Dict[str, Any]:
    return {"items": items, "next": nxt}


def check_id(kind: str, ident: str) -> str:
    """``ident`` if it can be an id (no control characters, ≤ 200 chars); else 404."""
    if len(ident) > 200 or any(ord(ch) < 32 for ch in ident):
        raise not_found(kind, ident)
    return ident


def one_or_404(kind: str, ident: str, fetch: Callable[[str], Optional[Dict[str, Any]]]) -> Dict[str, Any]:
    """``fetch(ident)`` for an id that can be one (:func:`check_id`); 404 naming the
    ``kind`` when it finds nothing."""
    found = fetch(check_id(kind, ident))
    if found is None:
        raise not_found(kind, ident)
    return found


def not_found(kind: str, ident: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"No {kind} with id {ident!r} in this store")


def split_doc_idx(value: str) -> Tuple[str, int]:
    """``"<doc id>:<index>"`` → (doc id, index); 422 otherwise."""
    doc_id, _, idx = value.rpartition(":")
    if not doc_id or not idx.isdigit():
        raise HTTPException(status_code=422, detail=f"Invalid request: expected <document id>:<index>, not {value!r}")
    return doc_id, int(idx)
