"""Documents: the list (``/api/documents``), one document (``/api/documents/{id}``) and
the document view ``/documents/{id}`` with every record highlighted in the text."""
from __future__ import annotations

from typing import Annotated, Any, Dict, Optional, Tuple

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from .. import records
from ..filters import DocumentParams
from ..highlight import segments
from ..models import DocumentSummary, Page, Record
from ._common import as_json, check_id, db, listing, not_found, page

router = APIRouter()


@router.get("/api/documents", tags=["api"], response_model=Page[DocumentSummary], summary="List documents")
def api_documents(request: Request, p: Annotated[DocumentParams, Query()]) -> Any:
    """Documents, newest publication first by default; `q` searches title and text."""
    return as_json(listing(*records.list_documents(db(request), p)))


def _document(request: Request, doc_id: str) -> Dict[str, Any]:
    doc = records.get_document(db(request), check_id("document", doc_id))
    if doc is None:
        raise not_found("document", doc_id)
    return doc


@router.get("/api/documents/{doc_id}", tags=["api"], response_model=Record, summary="One document")
def api_document(request: Request, doc_id: str) -> Any:
    """The stored document as the JSON contract (PRODUCT.md): text, actors with mentions,
    events, statements, forecasts (with their current status), captions, sections."""
    return as_json(_document(request, doc_id))


@router.get("/documents.json", tags=["pages"], summary="JSON twin of /documents: a page of the document list")
def documents_json(request: Request, p: Annotated[DocumentParams, Query()]) -> Any:
    return as_json(listing(*records.list_documents(db(request), p)))


@router.get("/documents", tags=["pages"], response_class=Response, summary="Document list with filters (HTML)")
def documents_page(request: Request, p: Annotated[DocumentParams, Query()]) -> Response:
    items, nxt = records.list_documents(db(request), p)
    return page(request, "documents.html", {"docs": items, "next": nxt, "p": p})


@router.get("/documents/{doc_id}.json", tags=["pages"], response_model=Record, summary="JSON twin of /documents/{id}")
def document_json(request: Request, doc_id: str) -> Any:
    return as_json(_document(request, doc_id))


# the document view renders at most this many events, statements and forecasts each (the
# first ones, in text order) and lists at most MENTIONS_SHOWN offsets per actor: a 1 MB
# run-on text with 11,000 events made a 60 MB page that took 50 s to load; the JSON twin,
# the API and the events explorer (?doc=) keep every record
RECORDS_SHOWN = 300
MENTIONS_SHOWN = 50


def shown(doc: Dict[str, Any], limit: Optional[int] = None) -> Tuple[Dict[str, Any], Dict[str, int]]:
    """``doc`` with its events, statements and forecasts cut to the first ``limit`` each
    (default :data:`RECORDS_SHOWN`; indices stay those of the stored record: e0 …
    e{limit-1}), and the total per kind that was cut ({"events": 11434}; empty when
    nothing was cut)."""
    limit = RECORDS_SHOWN if limit is None else limit
    view = dict(doc)
    cut: Dict[str, int] = {}
    for key in ("events", "statements", "forecasts"):
        records = doc.get(key) or []
        if len(records) > limit:
            view[key] = records[:limit]
            cut[key] = len(records)
    return view, cut


@router.get("/documents/{doc_id}", tags=["pages"], response_class=Response, summary="Document view (HTML)")
def document_page(request: Request, doc_id: str) -> Response:
    doc, cut = shown(_document(request, doc_id))
    names = {a["id"]: a["name"] for a in doc.get("actors") or []}
    return page(request, "document.html", {
        "doc": doc, "segments": segments(doc), "names": names, "cut": cut,
        "shown": RECORDS_SHOWN, "mentions_shown": MENTIONS_SHOWN,
    })

