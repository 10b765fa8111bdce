"""Keep PyTorch out of thinc's import (start-up cost; no output changes).

thinc (spaCy's machine-learning library) imports PyTorch when it is installed, to offer
its PyTorch wrappers (``thinc/compat.py``). lagebild's pipelines never use them: the fast
pipeline runs thinc's own numpy layers, and the accurate pipeline's encoder and heads
(:mod:`lagebild.language.encoder`, :mod:`lagebild.language.accurate`) import ``torch``
themselves, when they are built. Yet with the ``[encoder]`` extra installed, every
process that imports lagebild -- the CLI, each worker of a parallel ingest, the parent --
paid for importing PyTorch: ``import lagebild`` took 2.2-2.3 s of CPU instead of 0.73-0.77 s
and 333 MB of resident memory instead of 100 MB (``python -c "import lagebild"`` on the
project's shared 2-core machine, torch 2.13 CPU; tests/test_startup.py checks that torch
stays out and still imports afterwards).

:func:`keep_torch_out_of_thinc` imports ``thinc.compat`` with ``torch`` made unimportable
for that one import, so thinc records that it has no PyTorch; ``import torch`` works
normally afterwards (the accurate pipeline). It does nothing when

* thinc or torch is already imported (the caller chose; thinc then keeps its view),
* a package that builds thinc models on PyTorch is installed (``spacy-transformers``,
  ``spacy-curated-transformers``, ``spacy-llm``: a ``--model`` pipeline may need thinc's
  PyTorch wrappers),
* the environment sets ``LAGEBILD_THINC_TORCH=1``.
"""
from __future__ import annotations

import contextlib
import importlib.abc
import importlib.util
import os
import sys
import threading
import types
from typing import Any, Optional

# packages whose spaCy components are thinc models on PyTorch
TORCH_MODEL_PACKAGES = ("spacy_transformers", "spacy_curated_transformers", "spacy_llm")


class _NoTorch:
    """A meta-path finder under which ``torch`` and its submodules cannot be imported."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Optional[Any]:
        if name == "torch" or name.startswith("torch."):
            raise ImportError(f"{name} is kept out of thinc's import by lagebild "
                              "(LAGEBILD_THINC_TORCH=1 allows it)")
        return None


def keep_torch_out_of_thinc() -> bool:
    """Import ``thinc.compat`` without PyTorch (see the module docstring); True if it did."""
    if os.environ.get("LAGEBILD_THINC_TORCH", "").strip() not in ("", "0"):
        return False
    if "thinc" in sys.modules or "torch" in sys.modules:
        return False
    try:
        if any(importlib.util.find_spec(name) is not None for name in TORCH_MODEL_PACKAGES):
            return False
    except (ImportError, ValueError):  # a broken installation: leave thinc alone
        return False
    blocker = _NoTorch()
    sys.meta_path.insert(0, blocker)
    try:
        import thinc.compat  # noqa: F401 - records has_torch = False
    except ImportError:  # no thinc at all: spaCy's import reports it
        return False
    finally:
        sys.meta_path.remove(blocker)
    return True


def memoize_entry_points() -> bool:
    """Look up each catalogue registry's entry points once per process, not at every
    lookup (CPU cost; no output changes).

    ``catalogue`` (spaCy's and lagebild's function registries) reads the installed
    packages' entry points once, at its import (``catalogue.AVAILABLE_ENTRY_POINTS``),
    but then filters that whole list by group again at every ``Registry.get``,
    ``get_all`` and ``in`` test of a registry that accepts entry points: ~1.2 ms per
    lookup in this environment (~500 entry points). lagebild's reader registry is looked
    up once per input file (``ingest.readers.iter_items``: 1.7 ms of the parent's CPU per
    article of a parallel ingest, cProfile of ``benchmarks/ingest_cpu.py --limit 300``),
    and loading a spaCy pipeline does ~230 such lookups. The filtered list depends only
    on ``AVAILABLE_ENTRY_POINTS`` (fixed at import) and the group, so it is kept per
    (that object, group): the same entry points, in the same order, as before; a test
    or plugin that replaces ``AVAILABLE_ENTRY_POINTS`` gets a fresh lookup. Returns True
    if it installed the memo (False: catalogue is missing or has no such method, or the
    environment sets ``LAGEBILD_CATALOGUE_MEMO=0``)."""
    if os.environ.get("LAGEBILD_CATALOGUE_MEMO", "").strip() == "0":
        return False
    try:
        import catalogue
    except ImportError:
        return False
    registry = getattr(catalogue, "Registry", None)
    original = getattr(registry, "_get_entry_points", None)
    if original is None:
        return False
    if getattr(original, "_lagebild_memo", False):
        return True
    memo: dict = {}

    def _get_entry_points(self: Any) -> Any:
        key = (id(catalogue.AVAILABLE_ENTRY_POINTS), self.entry_point_namespace)
        hit = memo.get(key)
        if hit is None or hit[0] is not catalogue.AVAILABLE_ENTRY_POINTS:
            hit = memo[key] = (catalogue.AVAILABLE_ENTRY_POINTS, tuple(original(self)))
        return hit[1]

    _get_entry_points._lagebild_memo = True  # type: ignore[attr-defined]
    registry._get_entry_points = _get_entry_points  # type: ignore[union-attr]
    return True


def defer_spacy_cli() -> bool:
    """Import spaCy without its command-line package (start-up cost; no output changes).

    ``spacy/__init__.py`` runs ``from .cli.info import info``, which imports
    ``spacy.cli`` with every spaCy subcommand and their libraries (typer, weasel,
    requests, httpx, jinja2 …): ~360 modules and 0.24 CPU s of the 0.74 s that
    ``import spacy`` takes (measured on the project's shared 2-core machine), in the CLI
    and in every worker of a parallel ingest; lagebild's analysis never uses them.

    A meta-path finder (:class:`_DeferCli`) makes the first import of ``spacy.cli`` create
    the package without running its ``__init__``: submodules import as usual, and the
    first attribute looked up on it (``spacy.cli.download``, ``spacy.cli.app``) runs the
    real ``spacy/cli/__init__.py`` into it. The first import of ``spacy.cli.info`` gives a
    small stand-in whose ``info`` imports the real module when called (``spacy.info()``
    works as before). One difference remains: a submodule imported by name before any
    attribute of ``spacy.cli`` was looked up (``import spacy.cli.download``) is, as that
    attribute, the submodule rather than the function of the same name that the package
    body would have bound. Returns True if it installed the finder; it does nothing when spaCy
    or ``spacy.cli`` is already imported or when the environment sets
    ``LAGEBILD_SPACY_CLI=1``."""
    if os.environ.get("LAGEBILD_SPACY_CLI", "").strip() not in ("", "0"):
        return False
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return False
    if any(isinstance(f, _DeferCli) for f in sys.meta_path):
        return True
    sys.meta_path.insert(0, _DeferCli())
    return True


class _DeferCli:
    """The meta-path finder of :func:`defer_spacy_cli`: it answers the first import of
    ``spacy.cli`` and of ``spacy.cli.info`` each, then steps aside."""

    def __init__(self) -> None:
        self.pending = {"spacy.cli", "spacy.cli.info"}
        self.lock = threading.RLock()

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Optional[Any]:
        if name not in self.pending:
            return None
        from importlib.machinery import PathFinder

        with self.lock:
            if name not in self.pending:
                return None
            self.pending.discard(name)
            if not self.pending:
                with contextlib.suppress(ValueError):
                    sys.meta_path.remove(self)
            spec = PathFinder.find_spec(name, path, target)
            if spec is None or spec.loader is None:
                return spec
            if name == "spacy.cli":
                spec.loader = _DeferredPackageLoader(spec.loader)
            else:
                spec.loader = _DeferredInfoLoader()
            return spec


class _DeferredPackageLoader(importlib.abc.Loader):
    """Creates ``spacy.cli`` without running it; the first missing attribute runs it."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.lock = threading.RLock()

    def create_module(self, spec: Any) -> Optional[types.ModuleType]:
        return None  # the default module, with __path__ from the spec

    def exec_module(self, module: types.ModuleType) -> None:
        real, lock = self.real, self.lock

        def load_rest(name: str) -> Any:
            # the real package body, run once into this module; its own imports
            # (``from . import download``) then see ordinary attributes, not this hook
            with lock:
                if module.__dict__.pop("__getattr__", None) is not None:
                    info = sys.modules.get(module.__name__ + ".info")
                    if getattr(info, "_lagebild_deferred", False):  # the real one replaces the stand-in
                        del sys.modules[module.__name__ + ".info"]
                    real.exec_module(module)
            return getattr(module, name)

        module.__getattr__ = load_rest  # type: ignore[attr-defined]


class _DeferredInfoLoader(importlib.abc.Loader):
    """Creates a stand-in ``spacy.cli.info`` whose ``info`` imports the real one when called."""

    def create_module(self, spec: Any) -> Optional[types.ModuleType]:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        name = module.__name__

        def info(*args: Any, **kwargs: Any) -> Any:
            """``spacy.cli.info.info``: imports the real command module, then calls it."""
            package = sys.modules.get(name.rpartition(".")[0])
            if package is not None and "__getattr__" in package.__dict__:
                getattr(package, "app", None)  # runs the package body (it imports the real module)
            if getattr(sys.modules.get(name), "_lagebild_deferred", False):
                del sys.modules[name]
            return importlib.import_module(name).info(*args, **kwargs)

        module._lagebild_deferred = True  # type: ignore[attr-defined]
        module.info = info  # type: ignore[attr-defined]
