"""Load a script of the repository (``benchmarks/``, ``scripts/``, ``tests/hostile/``) as a module.

Those scripts are not part of the ``lagebild`` package, so tests import them by path. This is the
one place that does it (``pyproject.toml`` puts ``tests/`` on pytest's ``pythonpath``).
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]


def load_script(relpath: str, name: Optional[str] = None) -> ModuleType:
    """The module at ``ROOT/relpath`` (e.g. ``"benchmarks/events_breakdown.py"``), executed once per
    test session and registered in ``sys.modules`` under ``name`` (default
    ``lagebild_script_<stem>``) so that dataclasses and pickling inside it work.

    Raises ``ImportError`` when the file cannot be loaded as a module.
    """
    path = ROOT / relpath
    name = name or f"lagebild_script_{path.stem}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path} as a module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module
