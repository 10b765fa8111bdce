"""Storage: the embedded DuckDB store, its migrations, and exports."""
from .db import Store
from .export import EXPORT_FORMATS, export

__all__ = ["EXPORT_FORMATS", "Store", "export"]
