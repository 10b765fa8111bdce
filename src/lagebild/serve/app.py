"""The workbench application: FastAPI over a store, with server-rendered pages.

    from lagebild.serve import create_app
    app = create_app("news.duckdb")            # or "postgresql://user@host/db"
    # uvicorn.run(app, host="127.0.0.1", port=8765)

Routes live in :mod:`lagebild.serve.views` (one module per page kind, like Datasette's
``views/``); templates in ``serve/templates`` (partials are ``_*.html``), CSS and JS in
``serve/static`` — shipped in the package, nothing is fetched from the network.

Safety: Jinja autoescaping is on for every template, so article text is always data;
a Content-Security-Policy allows only this server's own scripts and styles (no inline
script can run even if markup slipped through); errors answer 404/422 with a message
(JSON under ``/api`` and for ``.json`` paths, a page otherwise), never a traceback.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Dict, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..about import __version__
from .db import CursorError, Database

HERE = Path(__file__).parent
log = logging.getLogger("lagebild.serve")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(HERE / "templates"))
    # autoescape every template, whatever its file name (Jinja2Templates does for .html)
    t.env.autoescape = True
    from . import filters_jinja

    filters_jinja.install(t.env)
    return t


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path == "/openapi.json"


def create_app(db: str, *, allow_edit: bool = False, title: str = "lagebild workbench") -> FastAPI:
    """The application over the store ``db`` (a DuckDB path or a ``postgresql://`` URL).

    allow_edit: open the store writable and offer the edit forms (forecast resolution);
        otherwise the store is opened read-only (DuckDB) or in a read-only session
        (PostgreSQL) and every write route answers 403.
    Raises :class:`lagebild.errors.LagebildError` when the store cannot be opened.
    """
    from .views import actors, documents, events, forecasts, home, incidents, statements

    database = Database(db, read_only=not allow_edit)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        yield
        database.close()

    app = FastAPI(
        lifespan=lifespan,
        title=title,
        version=__version__,
        description=(
            "Read the lagebild store: documents, actors, events (CAMEO/PLOVER), statements and "
            "forecasts. Lists answer `{\"items\": [...], \"next\": cursor|null}`; pass `next` back as "
            "`cursor` for the following page. Every HTML page has a JSON twin (append `.json`)."
        ),
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: offline, only /openapi.json
        redoc_url=None,
    )
    app.state.db = database
    app.state.allow_edit = allow_edit
    app.state.templates = templates()
    app.state.templates.env.globals.update(allow_edit=allow_edit, backend=database.backend, version=__version__)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for module in (home, documents, actors, events, incidents, statements, forecasts):
        app.include_router(module.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" with
        # the workbench's own form posts, and the cross-site check refused every decision
        # made in a browser; other sites still get no referrer (and a cross-site post "null")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    def error(request: Request, status: int, message: str, details: Optional[Any] = None) -> Response:
        if wants_json(request):
            body: Dict[str, Any] = {"error": {"status": status, "message": message}}
            if details is not None:
                body["error"]["details"] = details
            return JSONResponse(body, status_code=status)
        return app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message, "details": details}, status_code=status
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"No page at {request.url.path}"
        return error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        def explain(e: Dict[str, Any]) -> str:
            if e.get("type") == "string_pattern_mismatch":  # the regex itself says little
                return f"{str(e.get('input'))[:60]!r} is not a valid value here"
            return e.get("msg", "")

        details = [
            {"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]) or "request", "message": explain(e)}
            for e in exc.errors()
        ]
        message = "Invalid request: " + "; ".join(f"{d['parameter']}: {d['message']}" for d in details)
        return error(request, 422, message, details)

    @app.exception_handler(CursorError)
    async def bad_cursor(request: Request, exc: CursorError) -> Response:
        return error(request, 422, f"Invalid request: cursor: {exc}")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("error answering %s", request.url.path)
        return error(request, 500, f"Internal error ({type(exc).__name__}); the server log has the details.")

    return app
