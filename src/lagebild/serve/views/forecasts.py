"""Forecasts: ``/api/forecasts`` and the forecast ledger ``/forecasts`` (open, due and
resolved, by holder, with condition, horizon and probability).

With ``--allow-edit`` each ledger row offers a status form (``_forecast_resolution.html``)
posting to ``/forecasts/{doc_id}/{idx}/status``; a fuller resolution workflow (outcome,
evidence, Brier scores) can replace the partial and the route without touching the rest.
"""
from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Annotated, Any, Dict, List
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from .. import records
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
        key = it.get("holder") or "unknown"
        g = groups.setdefault(key, {"holder": key, "actor": bool(it.get("holder_name")),
                                       "name": it.get("holder_name") or it.get("holder_text") or key, "forecasts": []})
        g["forecasts"].append(it)
    return {
        "items": items,
        "next": nxt,
        "counts": records.forecast_status_counts(d, p),
        "by_holder": sorted(groups.values(), key=lambda g: (-len(g["forecasts"]), g["holder"])),
        "today": date.today(),
    }


@router.get("/forecasts.json", tags=["pages"], summary="JSON twin of /forecasts: a page of the ledger with status counts")
def forecasts_json(request: Request, p: Annotated[ForecastParams, Query()]) -> Any:
    data = _ledger(request, p)
    data.pop("by_holder")
    return as_json(data)


@router.get("/forecasts", tags=["pages"], response_class=Response, summary="Forecast ledger (HTML)")
def forecasts_page(request: Request, p: Annotated[ForecastParams, Query()]) -> Response:
    return page(request, "forecasts.html", {**_ledger(request, p), "p": p})


@router.post("/forecasts/{doc_id}/{idx}/status", tags=["edit"], summary="Set a forecast's stored status (--allow-edit)")
def set_status(request: Request, doc_id: str, idx: int, status: Annotated[str, Form(pattern="^(open|resolved)$")]) -> Response:
    """Mark a forecast resolved or open again. 403 unless the server runs with --allow-edit."""
    if not request.app.state.allow_edit:
        raise HTTPException(status_code=403, detail="The workbench is read-only; start it with --allow-edit")
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.url.netloc:  # a form posted from another site
        raise HTTPException(status_code=403, detail="Cross-site form posts are refused")
    d = db(request)
    check_id("forecast", doc_id)
    if d.one("SELECT 1 AS x FROM forecasts WHERE doc_id = ? AND idx = ?", [doc_id, idx]) is None:
        raise HTTPException(status_code=404, detail=f"No forecast {idx} in document {doc_id!r}")
    d.execute_write([("UPDATE forecasts SET status = ? WHERE doc_id = ? AND idx = ?", [status, doc_id, idx])])
    return RedirectResponse("/forecasts", status_code=303)


__all__: List[str] = ["router"]
