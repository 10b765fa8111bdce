"""Documents: the list (``/api/documents``), one document (``/api/documents/{id}``) and
the document view ``/documents/{id}`` with every record highlighted in the text."""
from __future__ import annotations

from typing import Annotated, Any, Dict, List, Optional, Tuple

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from .. import records
from ..filters import DocumentParams
from ..highlight import segments
from ..models import DocumentSummary, Page, Record
from ._common import as_json, db, listing, one_or_404, page

router = APIRouter()


@router.get("/api/documents", tags=["api"], response_model=Page[DocumentSummary], summary="List documents")
def api_documents(request: Request, p: Annotated[DocumentParams, Query()]) -> Any:
    """Documents, newest publication first by default; `q` searches title and text."""
    return as_json(listing(*records.list_documents(db(request), p)))


def _document(request: Request, doc_id: str) -> Dict[str, Any]:
    return one_or_404("document", doc_id, lambda i: records.get_document(db(request), i))


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
# a longer text is shown in parts of about this many characters (?part=2 …), each with the
# highlights and records that start in it: a 1.25 MB one-line text made a 7.2 MB page
TEXT_PART_CHARS = 50_000
KINDS = ("events", "statements", "forecasts")


def text_parts(text: str, size: Optional[int] = None) -> List[Tuple[int, int]]:
    """``[(start, end)]`` character ranges that cover ``text`` without gaps, each at most
    ``size`` (default :data:`TEXT_PART_CHARS`) long, cut after the last paragraph break,
    line break, sentence end (". ") or space in its second half, else hard; one range for
    a text no longer than ``size`` (and ``[(0, 0)]`` for an empty one)."""
    size = TEXT_PART_CHARS if size is None else size
    out: List[Tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        hard = start + size
        cut = hard
        for sep in ("\n\n", "\n", ". ", " "):
            i = text.rfind(sep, start + size // 2, hard)
            if i >= 0:
                cut = i + len(sep)
                break
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _record_start(record: Dict[str, Any]) -> int:
    span = record.get("span") or record.get("trigger_span") or (0, 0)
    try:
        return int(span[0])
    except (TypeError, ValueError, IndexError):
        return 0


def shown(doc: Dict[str, Any], limit: Optional[int] = None,
          span: Optional[Tuple[int, int]] = None) -> Tuple[Dict[str, Any], Dict[str, int]]:
    """``doc`` with its events, statements and forecasts cut to the first ``limit`` each
    (default :data:`RECORDS_SHOWN`) -- with ``span`` ``(start, end)``, of those whose
    evidence starts in that part of the text -- and the number per kind there was before
    the cut ({"events": 11434}; empty when nothing was cut). The records keep the indices
    of the stored document (e0, e17 …): ``view["indices"]`` lists them per kind."""
    limit = RECORDS_SHOWN if limit is None else limit
    view = dict(doc)
    cut: Dict[str, int] = {}
    indices: Dict[str, List[int]] = {}
    for key in KINDS:
        pairs = list(enumerate(doc.get(key) or []))
        if span is not None:
            pairs = [(i, r) for i, r in pairs if span[0] <= _record_start(r) < span[1]]
        if len(pairs) > limit:
            cut[key] = len(pairs)
            pairs = pairs[:limit]
        view[key] = [r for _, r in pairs]
        indices[key] = [i for i, _ in pairs]
    view["indices"] = indices
    return view, cut


def _part_of(parts: List[Tuple[int, int]], offset: Any) -> int:
    """The 1-based number of the part of ``parts`` that holds character ``offset``."""
    try:
        at = int(offset)
    except (TypeError, ValueError):
        return 1
    return next((k for k, (_, end) in enumerate(parts, 1) if at < end), len(parts))


@router.get("/documents/{doc_id}", tags=["pages"], response_class=Response, summary="Document view (HTML)")
def document_page(request: Request, doc_id: str,
                  part: Annotated[int, Query(ge=1, description="part of a long text (1 = the first)")] = 1) -> Response:
    full = _document(request, doc_id)
    parts = text_parts(full.get("text") or "")
    if part > len(parts):
        raise HTTPException(status_code=404, detail=f"Document {doc_id!r} has {len(parts)} part(s) of text, no part {part}")
    span = parts[part - 1]
    doc, cut = shown(full, span=span if len(parts) > 1 else None)
    names = {a["id"]: a["name"] for a in doc.get("actors") or []}
    totals = {key: len(full.get(key) or []) for key in KINDS}
    return page(request, "document.html", {
        "doc": doc, "segments": segments(doc, *span), "names": names, "cut": cut,
        "shown": RECORDS_SHOWN, "mentions_shown": MENTIONS_SHOWN,
        "parts": parts, "part": part, "totals": totals, "chars": len(full.get("text") or ""),
        "section_parts": [_part_of(parts, sec.get("start")) for sec in doc.get("sections") or []],
    })
