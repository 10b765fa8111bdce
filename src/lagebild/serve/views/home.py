"""``/``: the overview of the store and the search across documents, actors and codes."""
from __future__ import annotations

from typing import Any, Dict, Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from .. import records
from ._common import as_json, db, page

router = APIRouter()

Q = Query(None, max_length=200, pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$", description="Search documents (title, text), actors (name, id, code) and CAMEO/PLOVER codes.")


def _data(request: Request, q: Optional[str]) -> Dict[str, Any]:
    if q and q.strip():
        return {"q": q, "results": records.search(db(request), q)}
    return {"q": None, "overview": records.overview(db(request))}


@router.get("/.json", tags=["pages"], summary="Overview or search results (JSON twin of /)")
@router.get("/index.json", tags=["pages"], include_in_schema=False)
def home_json(request: Request, q: Optional[str] = Q) -> Response:
    return as_json(_data(request, q))


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/", tags=["pages"], summary="Overview and search (HTML)", response_class=Response)
def home(request: Request, q: Optional[str] = Q) -> Response:
    return page(request, "home.html", _data(request, q))
