"""Ingest: from files, feeds, archives and strings to clean articles.

    >>> from lagebild.ingest import read_paths, article_from_string
"""
from .build import article_from_html, article_from_string, article_from_text
from .readers import IngestFailure, detect_format, read_paths, readers

__all__ = [
    "IngestFailure",
    "article_from_html",
    "article_from_string",
    "article_from_text",
    "detect_format",
    "read_paths",
    "readers",
]
