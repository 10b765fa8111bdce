"""Stores for CLI tests (importable: ``tests`` is on pytest's ``pythonpath``)."""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable, Dict

_STORES: Dict[str, Path] = {}


def stored_copy(name: str, fill: Callable[[Any], None], dest: Path) -> Path:
    """A DuckDB store at ``dest`` holding what ``fill(store)`` saves: built once per session
    under the key ``name`` and copied for each test (a fresh store per test costs its schema
    and saves, ~0.2 CPU s; a file copy ~3 ms), so every test still gets a store of its own."""
    from lagebild.store import Store

    if name not in _STORES:
        folder = tempfile.mkdtemp(prefix="lagebild-store-")
        atexit.register(shutil.rmtree, folder, True)
        path = Path(folder) / f"{name}.duckdb"
        with Store(path) as store:
            fill(store)
        _STORES[name] = path
    shutil.copyfile(_STORES[name], dest)
    return dest


def filled(target: str, name: str, fill: Callable[[Any], None]) -> str:
    """``target`` (a ``store_target``: a DuckDB path that does not exist yet, or a PostgreSQL
    URL of a new database) holding what ``fill(store)`` saves: a DuckDB target is a copy of
    the store built once per session (:func:`stored_copy`), a PostgreSQL one is filled."""
    from lagebild.store import Store

    if "://" in target:
        with Store(target) as store:
            fill(store)
    else:
        stored_copy(name, fill, Path(target))
    return target
