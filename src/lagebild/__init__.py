"""lagebild: news and commentary → events, statements and forecasts (German, English).

    >>> import lagebild
    >>> doc = lagebild.analyze("Putin lehnt den Waffenstillstand ab.", published="2025-04-19")
    >>> doc.to_dict()["language"]
    'de'
"""
from .about import __version__
from .pipeline import analyze, analyze_article, analyze_batch, load
from .schemas import Actor, Article, Caption, Document, Event, Forecast, Section, Statement

__all__ = [
    "__version__",
    "analyze",
    "analyze_article",
    "analyze_batch",
    "load",
    "Actor",
    "Article",
    "Caption",
    "Document",
    "Event",
    "Forecast",
    "Section",
    "Statement",
]
