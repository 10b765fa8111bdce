"""lagebild: news and commentary → events, statements and forecasts (German, English).

    >>> import lagebild
    >>> doc = lagebild.analyze("Putin lehnt den Waffenstillstand ab.", published="2025-04-19")
    >>> doc.to_dict()["language"]
    'de'
"""
from ._startup import defer_spacy_cli, keep_torch_out_of_thinc, memoize_entry_points

keep_torch_out_of_thinc()  # before spaCy is imported: thinc need not import PyTorch (start-up cost)
defer_spacy_cli()  # nor spaCy its command-line package (start-up cost)
memoize_entry_points()  # registry lookups filter the installed entry points once per group

from .about import __version__  # noqa: E402
from .pipeline import analyze, analyze_article, analyze_batch, load  # noqa: E402
from .schemas import Actor, Article, Caption, Document, Event, Forecast, Section, Statement  # noqa: E402

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
