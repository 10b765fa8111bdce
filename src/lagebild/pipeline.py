"""The analysis pipeline: article → language → actors → statements → events → forecasts.

``load(lang)`` gives the full spaCy pipeline (the linguistic base from
:func:`lagebild.language.load_base` plus lagebild's components, named in
``config/default.cfg``); ``analyze`` and ``analyze_batch`` turn articles into
:class:`~lagebild.schemas.Document` records.
"""
from __future__ import annotations

import configparser
import importlib
import warnings
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple, Union

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
    if "parser" in nlp.pipe_names and "lagebild_sentence_guard" not in nlp.pipe_names:
        from .language import sentences  # noqa: F401  (registers the component)

        nlp.add_pipe("lagebild_sentence_guard", before="parser")
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
        if lang not in SUPPORTED or confidence < 0.5:
            # short texts: prefer the supported language whose lexicon matches
            from .language.lexicon_id import lexicon_language

            by_lexicon = lexicon_language(article.text)
            if by_lexicon is not None:
                lang, confidence = by_lexicon, max(confidence, 0.5)
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


_LOAD_WARNINGS: Dict[Tuple[str, Optional[str]], List[str]] = {}


def _load_noting_warnings(lang: str, model: Optional[str]) -> Tuple[Language, List[str]]:
    """``load(lang, model)`` plus the coded warnings its first load raised (W006 …), so
    every document analysed with a fallback pipeline carries them, not just the first."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = load(lang, model)
    key = (lang, model)
    if key not in _LOAD_WARNINGS:
        _LOAD_WARNINGS[key] = [str(w.message) for w in caught if str(w.message).startswith("[W")]
    return nlp, _LOAD_WARNINGS[key]


def analyze_batch(
    articles: Sequence[Article],
    *,
    language: Optional[str] = None,
    model: Optional[str] = None,
    with_tokens: bool = False,
) -> List[Union[Document, Exception]]:
    """Analyse ``articles`` with ``nlp.pipe`` per language; in input order, each a
    :class:`Document` or the exception that document raised (the others are unaffected)."""
    results: List[Union[Document, Exception, None]] = [None] * len(articles)
    groups: Dict[str, List[int]] = {}
    for i, article in enumerate(articles):
        try:
            groups.setdefault(choose_language(article, language=language), []).append(i)
        except Exception as e:  # noqa: BLE001 - reported per document
            results[i] = e
    for lang, indices in groups.items():
        nlp, load_warnings = _load_noting_warnings(lang, model)
        name = model or f"{nlp.lang}_{nlp.meta.get('name', '')}"
        for i in indices:
            articles[i].warnings.extend(w for w in load_warnings if w not in articles[i].warnings)
        try:
            docs: List[Union[Doc, Exception]] = list(
                nlp.pipe([_prepare(nlp, articles[i]) for i in indices], batch_size=len(indices))
            )
        except Exception:  # noqa: BLE001 - find the document that failed, one by one
            docs = []
            for i in indices:
                try:
                    docs.append(nlp(_prepare(nlp, articles[i])))
                except Exception as e:  # noqa: BLE001
                    docs.append(e)
        for i, doc in zip(indices, docs):
            results[i] = doc if isinstance(doc, Exception) else to_document(
                articles[i], doc, model=name, with_tokens=with_tokens
            )
    return results  # type: ignore[return-value]


def analyze_article(
    article: Article,
    *,
    language: Optional[str] = None,
    model: Optional[str] = None,
    with_tokens: bool = False,
) -> Document:
    """Analyse one already-ingested article (``with_tokens``: include token offsets)."""
    (result,) = analyze_batch([article], language=language, model=model, with_tokens=with_tokens)
    if isinstance(result, Exception):
        raise result
    return result


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
