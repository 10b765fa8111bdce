"""``lagebild serve``: the analyst's workbench (web UI and REST API) over the store."""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import Errors, LagebildError, redact_db
from ..store.backends import PG_PREFIXES
from ._util import DbOption, app, console, err_console


def _check_port(host: str, port: int) -> None:
    """Raise E051 when ``host``:``port`` cannot be bound (in use, no such address): uvicorn
    logged the error and returned, so the command exited 0 with no workbench running."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as e:
        raise LagebildError(Errors.E051.format(host=host, port=port, msg=e.strerror or e)) from e
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: TIME_WAIT is no conflict
        try:
            probe.bind(address)
        except OSError as e:
            raise LagebildError(Errors.E051.format(host=host, port=port, msg=e.strerror or e)) from e


@app.command("serve")
def serve_cli(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind; the default serves this machine only."),
    port: int = typer.Option(8765, "--port", "-p", min=1, max=65535, help="TCP port to listen on."),
    allow_edit: bool = typer.Option(False, "--allow-edit", help="Open the store writable and offer the forecast decision form (as `lagebild resolve`)."),
) -> None:
    """Start the workbench: pages and a REST API (OpenAPI at /openapi.json) over the store.

    Example:
        lagebild serve --db news.duckdb --port 8765
    """
    if not db.startswith(PG_PREFIXES) and not Path(db).exists():
        raise LagebildError(Errors.E040.format(db=redact_db(db)))  # as every reading command: coded, exit 2
    _check_port(host, port)
    import uvicorn

    from ..serve import create_app

    application = create_app(db, allow_edit=allow_edit)  # a LagebildError: one coded line, exit 2
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(f"[yellow]Serving on {host}: anyone who can reach this address can read the store.[/yellow]")
    console.print(f"lagebild workbench on http://{host}:{port}/ ({'editable' if allow_edit else 'read-only'}; Ctrl-C stops)")
    uvicorn.run(application, host=host, port=port, log_level="warning")
