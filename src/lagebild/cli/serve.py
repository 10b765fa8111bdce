"""``lagebild serve``: the analyst's workbench (web UI and REST API) over the store."""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import LagebildError, redact_db
from ..store.backends import PG_PREFIXES
from ._util import DbOption, app, console, err_console, safe


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
        err_console.print(f"[red]No database at {safe(redact_db(db))}; run `lagebild ingest` first.[/red]")
        raise typer.Exit(1)
    import uvicorn

    from ..serve import create_app

    try:
        application = create_app(db, allow_edit=allow_edit)
    except LagebildError as e:
        err_console.print(f"[red]{e}[/red]")
        raise typer.Exit(1) from e
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(f"[yellow]Serving on {host}: anyone who can reach this address can read the store.[/yellow]")
    console.print(f"lagebild workbench on http://{host}:{port}/ ({'editable' if allow_edit else 'read-only'}; Ctrl-C stops)")
    uvicorn.run(application, host=host, port=port, log_level="warning")
