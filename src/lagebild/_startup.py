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

import importlib.util
import os
import sys
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
