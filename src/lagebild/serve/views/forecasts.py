"""Forecasts: ``/api/forecasts`` and the forecast ledger ``/forecasts`` (open, due and
resolved, by holder, with condition, horizon and probability).

Each row shows the forecast's current decision (``resolutions``, :mod:`lagebild.resolve`);
with ``--allow-edit`` it offers the form of ``_forecast_resolution.html``, which records a
decision or undoes one through :mod:`lagebild.resolve.decisions` like ``lagebild resolve``.
"""
from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Annotated, Any, Dict, List, Optional
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from .. import records
from ...errors import LagebildError, NotFoundError
from ..filters import ForecastParams
from ..models import ForecastItem, Page
from ._common import as_json, check_id, db, listing, page

router = APIRouter()


@router.get("/api/forecasts", tags=["api"], response_model=Page[ForecastItem], summary="List forecasts")
def api_forecasts(request: Request, p: Annotated[ForecastParams, Query()]) -> Any:
    """Forecasts, newest publication first; `status` is computed against today (due: the
    horizon ended, not resolved)."""
    return as_json(listing(*records.list_forecasts(db(request), p)))


def _ledger(request: Request, p: ForecastParams) -> Dict[str, Any]:
    d = db(request)
    items, nxt = records.list_forecasts(d, p)
    groups: "OrderedDict[str, Dict[str, Any]]" = OrderedDict()
    for it in items:
        key = it["holder_key"]  # as the scorecards group: authors by name, unlinked holders apart
        g = groups.setdefault(key, {"holder": it.get("holder"), "actor": bool(it.get("holder_name")),
                                       "name": it["holder_label"], "forecasts": []})
        g["forecasts"].append(it)
    return {
        "items": items,
        "next": nxt,
        "decided": _decided(d, p.decided),
        "counts": records.forecast_status_counts(d, p),
        "by_holder": sorted(groups.values(), key=lambda g: (-len(g["forecasts"]), g["name"])),
        "today": date.today(),
    }


def _decided(d: Any, fid: Optional[str]) -> Optional[Dict[str, Any]]:
    """What the ledger says after a decision form: the forecast's current decision and the
    warning ``lagebild resolve`` prints for it (W135: a miss decided before the horizon
    ends), computed from the store (never text from the URL); None without ``decided``."""
    if not fid:
        return None
    from ...resolve.decisions import premature
    from ...resolve.ids import parse_id

    doc_id, idx = parse_id(fid, "f")
    with d.lock:
        rows = d.store.query(
            "SELECT seq, outcome, decided_by FROM resolutions WHERE doc_id = ? AND idx = ? AND undone_at IS NULL "
            "ORDER BY seq DESC LIMIT 1", [doc_id, idx])
        current = dict(rows[0]) if rows else None
        warning = premature(d.store, fid, current["outcome"]) if current else None
    return {"id": fid, "doc_id": doc_id, "decision": current, "warnings": [warning] if warning else []}


@router.get("/forecasts.json", tags=["pages"], summary="JSON twin of /forecasts: a page of the ledger with status counts")
def forecasts_json(request: Request, p: Annotated[ForecastParams, Query()]) -> Any:
    data = _ledger(request, p)
    data.pop("by_holder")
    return as_json(data)


@router.get("/forecasts", tags=["pages"], response_class=Response, summary="Forecast ledger (HTML)")
def forecasts_page(request: Request, p: Annotated[ForecastParams, Query()]) -> Response:
    return page(request, "forecasts.html", {**_ledger(request, p), "p": p})


def _edit_allowed(request: Request) -> None:
    if not request.app.state.allow_edit:
        raise HTTPException(status_code=403, detail="The workbench is read-only; start it with --allow-edit")
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.url.netloc:  # a form posted from another site
        raise HTTPException(status_code=403, detail="Cross-site form posts are refused")


def _decide(request: Request, action: Any, fid: str) -> Response:
    """Run a decision of :mod:`lagebild.resolve.decisions` on the store; its coded errors
    become 404 (no such forecast, event or decision), 409 (decided meanwhile: the form was
    stale, E136) or 422 (bad id or outcome). Success redirects to the ledger with
    ``?decided=<fid>``, which names the decision and its warning (W135)."""
    d = db(request)
    try:
        with d.lock:
            action(d.store)
    except NotFoundError as e:
        raise HTTPException(status_code=404, detail=str(e)) from e
    except LagebildError as e:
        if str(e).startswith("[E136]"):
            raise HTTPException(status_code=409, detail=str(e)) from e
        raise HTTPException(status_code=422, detail=str(e)) from e
    from urllib.parse import urlencode

    return RedirectResponse("/forecasts?" + urlencode({"decided": fid}), status_code=303)


@router.post("/forecasts/{doc_id}/{idx}/resolve", tags=["edit"], summary="Record a decision on a forecast (--allow-edit)")
def resolve_forecast(
    request: Request,
    doc_id: str,
    idx: int,
    outcome: Annotated[str, Form(description="true | false | partly | void")],
    note: Annotated[str, Form(max_length=2000)] = "",
    evidence: Annotated[str, Form(max_length=2000, description="Event or document ids, separated by spaces")] = "",
    expect: Annotated[Optional[int], Form(ge=0, description="The current decision's number the page showed (0: none); 409 if it changed meanwhile")] = None,
) -> Response:
    """Record how forecast ``<doc_id>:f<idx>`` turned out, as ``lagebild resolve ID
    --outcome …`` does (who: $LAGEBILD_ANALYST or the login name). 403 unless the server
    runs with --allow-edit; 409 when ``expect`` is given and another decision was recorded
    or undone since (a stale page never overrides it)."""
    _edit_allowed(request)
    check_id("forecast", doc_id)
    from ...resolve.decisions import record
    from ...resolve.ids import forecast_id

    fid = forecast_id(doc_id, idx)
    return _decide(request, lambda store: record(
        store, fid, outcome, evidence=evidence.split(), note=note.strip() or None, expect=expect,
    ), fid)


@router.post("/forecasts/{doc_id}/{idx}/undo", tags=["edit"], summary="Undo the current decision on a forecast (--allow-edit)")
def undo_forecast(
    request: Request,
    doc_id: str,
    idx: int,
    expect: Annotated[Optional[int], Form(ge=0, description="The decision's number the page showed; 409 if another is current now")] = None,
) -> Response:
    """Undo the current decision (the history keeps it), as ``lagebild resolve ID --undo``;
    409 when ``expect`` names a decision that is no longer the current one."""
    _edit_allowed(request)
    check_id("forecast", doc_id)
    from ...resolve.decisions import undo
    from ...resolve.ids import forecast_id

    fid = forecast_id(doc_id, idx)
    return _decide(request, lambda store: undo(store, fid, expect=expect), fid)


__all__: List[str] = ["router"]
