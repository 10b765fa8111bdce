"""The analysis pipeline: article → language → actors → statements → events → forecasts.

``load(lang)`` gives the full spaCy pipeline (the linguistic base from
:func:`lagebild.language.load_base` plus lagebild's components, named in
``config/default.cfg``); ``analyze`` and ``analyze_articles`` turn articles into
:class:`~lagebild.schemas.Document` records.
"""
from __future__ import annotations

import configparser
import importlib
import warnings
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from . import tokens
from .errors import Warnings
from .language import SUPPORTED, detect_language, load_base
from .schemas import Article, Document

CONFIG_PATH = Path(__file__).parent / "config" / "default.cfg"


def pipeline_config(path: Path = CONFIG_PATH) -> List[Tuple[str, str]]:
    """``[(factory name, module that registers it)]`` from the ``[components]`` section."""
    parser = configparser.ConfigParser()
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    order = [n.strip() for n in parser.get("pipeline", "components").split(",") if n.strip()]
    return [(name, parser.get("components", name)) for name in order]


@lru_cache(maxsize=8)
def load(lang: str, model: Optional[str] = None) -> Language:
    """The full lagebild pipeline for ``lang`` (``model``: another spaCy pipeline to use
    as the linguistic base, by package name or path)."""
    nlp = load_base(lang, model)
    for name, module in pipeline_config():
        importlib.import_module(module)  # registers the factory
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def choose_language(article: Article, *, language: Optional[str] = None) -> str:
    """The language to analyse ``article`` in; sets ``article.language``."""
    if language:
        article.language = language
        return language
    if not article.language:
        lang, confidence = detect_language(" ".join(filter(None, [article.title, article.text])))
        article.language = lang
        if confidence < 0.5:
            article.warnings.append(Warnings.W007.format(lang=lang))
    if article.language not in SUPPORTED:
        # Analysed with the English base so the document is still stored; flagged.
        article.warnings.append(Warnings.W007.format(lang="en"))
        return "en"
    return article.language


def _prepare(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article = article
    doc._.published = article.published_date
    return doc


def to_document(
    article: Article, doc: Doc, *, model: Optional[str] = None, with_tokens: bool = False
) -> Document:
    """Collect what the components wrote on ``doc`` into the output record."""
    return Document(
        id=article.id,
        source=article.source,
        language=article.language,
        title=article.title,
        authors=list(article.authors),
        published=article.published,
        sections=list(article.sections),
        captions=list(article.captions),
        text=article.text,
        actors=list(tokens.get_list(doc, "actors")),
        events=list(tokens.get_list(doc, "events")),
        statements=list(tokens.get_list(doc, "statements")),
        forecasts=list(tokens.get_list(doc, "forecasts")),
        sentences=[(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else [],
        tokens=[(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space] if with_tokens else None,
        published_raw=article.published_raw,
        url=article.url,
        warnings=list(article.warnings),
        partial=article.partial,
        model=model,
    )


def analyze_article(
    article: Article,
    *,
    language: Optional[str] = None,
    model: Optional[str] = None,
    with_tokens: bool = False,
) -> Document:
    """Analyse one already-ingested article (``with_tokens``: include token offsets)."""
    lang = choose_language(article, language=language)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = load(lang, model)
    article.warnings.extend(str(w.message) for w in caught if str(w.message).startswith("[W"))
    doc = nlp(_prepare(nlp, article))
    name = model or f"{nlp.lang}_{nlp.meta.get('name', '')}"
    return to_document(article, doc, model=name, with_tokens=with_tokens)


def analyze_articles(
    articles: Iterable[Article],
    *,
    language: Optional[str] = None,
    model: Optional[str] = None,
    batch_size: int = 32,
) -> Iterator[Document]:
    """Analyse many articles, streaming, in input order."""
    for article in articles:
        yield analyze_article(article, language=language, model=model)


def analyze(
    text_or_html: str,
    *,
    url: Optional[str] = None,
    published: Optional[str | date] = None,
    language: Optional[str] = None,
    model: Optional[str] = None,
    source: Optional[str] = None,
    with_tokens: bool = False,
) -> Document:
    """Analyse a text or an HTML page given as a string.

    ``published`` (ISO date or :class:`date`) overrides a date found in the text.
    """
    from .ingest import article_from_string

    article = article_from_string(
        text_or_html, source=source or url, url=url, published=published
    )
    return analyze_article(article, language=language, model=model, with_tokens=with_tokens)
