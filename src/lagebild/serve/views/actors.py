"""Actors: the list, one actor, and the actor page (identity, roles over time, mentions,
weekly event timeline as source and target, network of counterparts)."""
from __future__ import annotations

from typing import Annotated, Any, Dict

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from .. import records, svg
from ..filters import ActorParams
from ..models import ActorSummary, Page, Record
from ._common import as_json, check_id, db, listing, not_found, page

router = APIRouter()


@router.get("/api/actors", tags=["api"], response_model=Page[ActorSummary], summary="List actors")
def api_actors(request: Request, p: Annotated[ActorParams, Query()]) -> Any:
    """Actors by the number of documents naming them (default) or by name; `q` matches
    name, id and actor code."""
    return as_json(listing(*records.list_actors(db(request), p)))


MENTIONS = Query(100, ge=0, le=10_000, description="How many of the latest mentions to include (0–10,000).")


def _actor(request: Request, actor_id: str, mentions: int = 100) -> Dict[str, Any]:
    actor = records.get_actor(db(request), check_id("actor", actor_id), mentions=mentions)
    if actor is None:
        raise not_found("actor", actor_id)
    return actor


# `.json` first: `{actor_id:path}` would take the suffix otherwise (actor ids hold ':')
@router.get("/actors/{actor_id:path}.json", tags=["pages"], response_model=Record, summary="JSON twin of /actors/{id}")
def actor_json(request: Request, actor_id: str, mentions: int = MENTIONS) -> Any:
    return as_json(_actor(request, actor_id, mentions))


@router.get("/api/actors/{actor_id:path}", tags=["api"], response_model=Record, summary="One actor")
def api_actor(request: Request, actor_id: str, mentions: int = MENTIONS) -> Any:
    """Identity, roles over time (first/last publication date per role), the latest
    mentions with context, the weekly event timeline and the counterparts."""
    return as_json(_actor(request, actor_id, mentions))


@router.get("/actors/{actor_id:path}", tags=["pages"], response_class=Response, summary="Actor page (HTML)")
def actor_page(request: Request, actor_id: str, mentions: int = MENTIONS) -> Response:
    actor = _actor(request, actor_id, mentions)
    return page(request, "actor.html", {
        "actor": actor,
        "timeline": svg.timeline(actor["timeline"]),
        "network": svg.ego_graph(actor, actor["counterparts"]),
    })
