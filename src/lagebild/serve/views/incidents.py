"""Incidents: the deduplicated events (:mod:`lagebild.incidents`) — the list with filters by
actor, day and CAMEO code, and one incident with its mentions (the events that report it,
each with its evidence sentence) and the documents they are in."""
from __future__ import annotations

from typing import Annotated, Any, Dict

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...events.cameo import load_ontology
from .. import records
from ..filters import IncidentParams, incident_where
from ..models import IncidentItem, Page, Record
from ._common import as_json, db, listing, one_or_404, page

router = APIRouter()


@router.get("/api/incidents", tags=["api"], response_model=Page[IncidentItem], summary="List incidents")
def api_incidents(request: Request, p: Annotated[IncidentParams, Query()]) -> Any:
    """Incidents (one per real-world event, its mentions counted), newest first; `actor`
    matches source or target, `root`/`cameo` the code and its sub-codes."""
    return as_json(listing(*records.list_incidents(db(request), p)))


def _listing(request: Request, p: IncidentParams) -> Dict[str, Any]:
    d = db(request)
    items, nxt = records.list_incidents(d, p)
    where, params = incident_where(p)
    return {"items": items, "next": nxt, "total": records.INCIDENTS.count(d, where, params),
            "lag": records.incidents_lag(d)}


@router.get("/incidents.json", tags=["pages"], summary="JSON twin of /incidents: a page of incidents and the total")
def incidents_json(request: Request, p: Annotated[IncidentParams, Query()]) -> Any:
    return as_json(_listing(request, p))


@router.get("/incidents", tags=["pages"], response_class=Response, summary="Incident list (HTML)")
def incidents_page(request: Request, p: Annotated[IncidentParams, Query()]) -> Response:
    onto = load_ontology()
    roots = [(c, info["name"]) for c, info in sorted(onto.codes.items()) if len(c) == 2]
    return page(request, "incidents.html", {**_listing(request, p), "p": p, "roots": roots})


def _incident(request: Request, incident_id: str) -> Dict[str, Any]:
    return one_or_404("incident", incident_id, lambda i: records.get_incident(db(request), i))


@router.get("/incidents/{incident_id}.json", tags=["pages"], response_model=Record, summary="JSON twin of /incidents/{id}")
def incident_json(request: Request, incident_id: str) -> Any:
    return as_json(_incident(request, incident_id))


@router.get("/api/incidents/{incident_id}", tags=["api"], response_model=Record, summary="One incident")
def api_incident(request: Request, incident_id: str) -> Any:
    """The incident with its mentions (the stored events, at most 500, in document and
    text order) and the documents that report it."""
    return as_json(_incident(request, incident_id))


@router.get("/incidents/{incident_id}", tags=["pages"], response_class=Response, summary="Incident page (HTML)")
def incident_page(request: Request, incident_id: str) -> Response:
    return page(request, "incident.html", {"incident": _incident(request, incident_id)})
