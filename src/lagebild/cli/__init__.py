"""Command line interface: one module per verb, each a thin wrapper over a library function.

A verb module registers itself on :data:`lagebild.cli._util.app` when imported; the list
below is the order ``lagebild --help`` shows them in.
"""
from __future__ import annotations

import importlib

from ._util import app, reflow_commands

VERB_MODULES = (
    "analyze",
    "ingest",
    "load_parquet",
    "documents",
    "export",
    "forecasts",
    "resolve",
    "score",
    "eval_forecasts",
    "eval_events",
    "kb",
    "eval_actors",
    "eval",
    "serve",
)

for _name in VERB_MODULES:
    importlib.import_module(f"{__name__}.{_name}")

reflow_commands(app)


def main() -> None:
    app()
