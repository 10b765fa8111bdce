"""The analyst's workbench: ``lagebild serve``, a REST API and server-rendered pages over
the store (see :mod:`lagebild.serve.app`)."""
from .app import create_app

__all__ = ["create_app"]
