"""Events: the list with every filter, CSV/Parquet downloads of a filtered list, and the
events explorer (filters, table with the evidence sentence, relation graph)."""
from __future__ import annotations

import io
from typing import Annotated, Any, Dict, List

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...events.cameo import load_ontology
from ...schemas import MODALITIES
from .. import records, svg
from ..filters import EventParams, event_where
from ..models import EventItem, Page
from ._common import as_json, db, listing, page

router = APIRouter()

DOWNLOAD_LIMIT = 1_000_000
DOWNLOAD_COLUMNS = (
    "doc_id", "idx", "published", "date", "source", "source_name", "target", "target_name", "cameo",
    "cameo_name", "plover", "quad_class", "goldstein", "modality", "negated", "location", "sentence",
    "start_char", "end_char", "confidence", "language", "title",
)


@router.get("/api/events", tags=["api"], response_model=Page[EventItem], summary="List events")
def api_events(request: Request, p: Annotated[EventParams, Query()]) -> Any:
    """Events, newest first (event date, else publication date). Filters combine with AND;
    `cameo` matches the code and its sub-codes, `q` searches the evidence sentence."""
    return as_json(listing(*records.list_events(db(request), p)))


def _all(request: Request, p: EventParams) -> List[Dict[str, Any]]:
    onto = load_ontology()
    rows, _ = records.list_events(db(request), p.model_copy(update={"cursor": None, "limit": DOWNLOAD_LIMIT}))
    out = []
    for r in rows:
        r.setdefault("cameo_name", onto.lookup(r["cameo"]).name if r.get("cameo") else None)
        out.append({c: r.get(c) for c in DOWNLOAD_COLUMNS})
    return out


def _table(rows: List[Dict[str, Any]]) -> Any:
    import pyarrow as pa

    if rows:
        return pa.Table.from_pylist(rows)
    return pa.table({c: pa.array([], pa.string()) for c in DOWNLOAD_COLUMNS})


@router.get("/api/events.csv", tags=["api"], summary="Download filtered events as CSV", response_class=Response)
def events_csv(request: Request, p: Annotated[EventParams, Query()]) -> Response:
    """Every event matching the filters (no paging; `limit` and `cursor` are ignored), one
    row each, UTF-8 with a header. A text cell that begins with `=`, `+`, `-`, `@`, tab or
    CR gets a leading single quote, so that a spreadsheet does not run it as a formula."""
    import pyarrow.csv as pacsv

    from ...csvsafe import neutralise_table

    buf = io.BytesIO()
    pacsv.write_csv(neutralise_table(_table(_all(request, p))), buf)  # formula injection: lagebild.csvsafe
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/api/events.parquet", tags=["api"], summary="Download filtered events as Parquet", response_class=Response)
def events_parquet(request: Request, p: Annotated[EventParams, Query()]) -> Response:
    """Every event matching the filters as an Apache Parquet file (columns as in the CSV)."""
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(_table(_all(request, p)), buf)
    return Response(buf.getvalue(), media_type="application/vnd.apache.parquet",
                    headers={"Content-Disposition": 'attachment; filename="events.parquet"'})


def _explorer(request: Request, p: EventParams) -> Dict[str, Any]:
    d = db(request)
    items, nxt = records.list_events(d, p)
    where, params = event_where(p)
    graph = records.relation_graph(d, p)
    return {
        "items": items,
        "next": nxt,
        "total": records.EVENTS.count(d, where, params),
        "graph": graph,
    }


@router.get("/events.json", tags=["pages"], summary="JSON twin of /events: a page of events, the total and the relation graph")
def events_json(request: Request, p: Annotated[EventParams, Query()]) -> Any:
    return as_json(_explorer(request, p))


@router.get("/events", tags=["pages"], response_class=Response, summary="Events explorer (HTML)")
def events_page(request: Request, p: Annotated[EventParams, Query()]) -> Response:
    data = _explorer(request, p)
    onto = load_ontology()
    roots = [(c, info["name"]) for c, info in sorted(onto.codes.items()) if len(c) == 2]
    plovers = sorted({v["type"] for v in onto.plover.values() if v.get("type")})
    return page(request, "events.html", {
        **data, "p": p, "svg": svg.graph(data["graph"]["nodes"], data["graph"]["edges"]),
        "roots": roots, "plovers": plovers, "modalities": MODALITIES,
        "download": p.link(cursor=None, limit=None),
    })
