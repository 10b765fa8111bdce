"""The analysis pipeline: article → language → actors → statements → events → forecasts.

``load(lang)`` gives the full spaCy pipeline (the linguistic base from
:func:`lagebild.language.load_base` plus lagebild's components, named in
``config/default.cfg``); ``analyze`` and ``analyze_batch`` turn articles into
:class:`~lagebild.schemas.Document` records.
"""
from __future__ import annotations

import configparser
import importlib
import os
import warnings
from contextlib import nullcontext
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable, ContextManager, Dict, List, Optional, Sequence, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc

from . import tokens
from .actors.provisional import LEARNT_KEY
from .errors import Warnings
from .language import SUPPORTED, detect_language, load_base
from .schemas import Article, Document

CONFIG_PATH = Path(__file__).parent / "config" / "default.cfg"

# The most characters one spaCy Doc holds. A longer text is analysed in windows of whole
# paragraphs (:func:`windows`) whose results are shifted back into the full text, so the
# parser's memory (measured ~4 KB per character with all components, benchmarks/memory.py)
# stays bounded for any length.
WINDOW_CHARS = 100_000
RUNON_CHARS = 10_000  # a window with no paragraph, line or sentence end is at most this long

# The most characters of one document that are analysed (``$LAGEBILD_MAX_CHARS``
# overrides it; 0 means no limit). The analysis costs CPU in proportion to the sentences:
# ~3.5 CPU s per 1,000 short sentences (measured on "Putin droht der Ukraine. " * n, fast
# pipeline), so a 1.25 MB one-line text of 50,000 sentences took minutes. 200,000
# characters is six times the longest article of the 10kGNAD news (32,600) and costs
# seconds; a longer text is stored whole, analysed up to this limit (cut at a paragraph,
# line or sentence end) and marked partial with warning W162.
MAX_CHARS = 200_000


def pipeline_config(path: Path = CONFIG_PATH) -> List[Tuple[str, str]]:
    """``[(factory name, module that registers it)]`` from the ``[components]`` section."""
    parser = configparser.ConfigParser()
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    order = [n.strip() for n in parser.get("pipeline", "components").split(",") if n.strip()]
    return [(name, parser.get("components", name)) for name in order]


def load(lang: str, model: Optional[str] = None, pipeline: Optional[str] = None) -> Language:
    """The full lagebild pipeline for ``lang`` (``model``: another spaCy pipeline to use
    as the linguistic base, by package name or path; ``pipeline``: "fast" or "accurate",
    default ``$LAGEBILD_PIPELINE`` or "fast", see :func:`lagebild.language.load_base`)."""
    from .language.accurate import pipeline_choice

    return _load(lang, model, pipeline_choice(pipeline))


@lru_cache(maxsize=8)
def _load(lang: str, model: Optional[str], pipeline: str) -> Language:
    import gc

    # Loading builds a few hundred thousand long-lived objects (models, lexicons, the
    # knowledge base); the cyclic collector would traverse them again and again while they
    # are made, and once more in every later full collection. So it is off while loading,
    # and what was loaded is moved out of its reach (gc.freeze, Python >= 3.7: "the
    # objects are ignored for all future collections").
    enabled = gc.isenabled()
    gc.disable()
    try:
        nlp = _build(lang, model, pipeline)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return nlp


def _build(lang: str, model: Optional[str], pipeline: str) -> Language:
    nlp = load_base(lang, model, pipeline)
    from .language.sentences import add_sentence_guard  # also registers the component

    add_sentence_guard(nlp)
    for name, module in pipeline_config():
        importlib.import_module(module)  # registers the factory
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def detect_article_language(article: Article) -> None:
    """The detection step of :func:`choose_language`: an ``article`` without a language
    gets the one detected in its title and text (and warning W007 when the detector is
    unsure); one with a language is left as it is. Parallel analysis runs it in the
    parent before sending articles to the workers (:mod:`lagebild.scale.local`), so that
    the detector's models (~2 s CPU and ~230 MB on the first call) are loaded once, not
    per worker; the workers' :func:`choose_language` then finds the language set, as it
    would have set it."""
    if not article.language:
        lang, confidence = detect_language(" ".join(filter(None, [article.title, article.text])))
        article.language = lang
        if confidence < 0.5:
            article.warnings.append(Warnings.W007.format(lang=lang))


def choose_language(article: Article, *, language: Optional[str] = None) -> str:
    """The language to analyse ``article`` in; sets ``article.language``. A forced
    ``language`` is an ISO 639-1 code in any case ("DE" is "de")."""
    language = language.strip().lower() if language else language
    if language:
        article.language = language
        return language
    detect_article_language(article)
    if article.language not in SUPPORTED:
        # Analysed with the English base so the document is still stored; flagged (W008
        # names the language: W007's "could not be identified" was wrong for a text
        # identified as Arabic with confidence 0.99)
        article.warnings.append(Warnings.W008.format(lang=article.language))
        return "en"
    return article.language


def _prepare(nlp: Language, article: Article, text: Optional[str] = None) -> Doc:
    text = article.text if text is None else text
    doc = nlp.make_doc(text)
    # spaCy's tokenisation is non-destructive (``doc.text == text``): the text the
    # components slice (:func:`lagebild.tokens.doc_text`) is the input string itself, not
    # a join of every token
    doc.user_data["lagebild_text"] = text
    doc._.article = article
    doc._.published = article.published_date
    return doc


def windows(text: str, limit: Optional[int] = None) -> List[Tuple[int, int]]:
    """``[(start, end)]`` character ranges that cover ``text`` without gaps, each at most
    ``limit`` (default :data:`WINDOW_CHARS`, read at call time) long, cut after a paragraph break (blank line) when there is one in the
    second half of the window, else after a line break, else after a sentence end
    (". "); a run-on stretch with none of these is cut after a space within
    :data:`RUNON_CHARS`, else hard. ``text[s:e]`` for all ranges, joined, is ``text``."""
    if limit is None:
        limit = WINDOW_CHARS
    spans: List[Tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > limit or (
        n - start > RUNON_CHARS and text.find("\n", start) < 0 and text.find(". ", start) < 0
    ):
        hard = min(start + limit, n)
        floor = start + (hard - start) // 2
        cut = -1
        for sep in ("\n\n", "\n", ". "):
            i = text.rfind(sep, floor, hard)
            if i >= 0:
                cut = i + len(sep)
                break
        if cut < 0:
            # a run-on stretch without any sentence end: the parser's and the coders'
            # cost grows with sentence length, so cut it short, after a space
            short = start + min(limit, RUNON_CHARS)
            i = text.rfind(" ", start + min(limit, RUNON_CHARS) // 2, short)
            cut = i + 1 if i >= 0 else short
        if cut <= start:
            cut = hard
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def analysis_limit() -> Optional[int]:
    """The most characters of a document that are analysed: ``$LAGEBILD_MAX_CHARS`` when
    set (a whole number; 0 or below: no limit), else :data:`MAX_CHARS` (read at call
    time). None means no limit. Raises :class:`~lagebild.errors.LagebildError` (E052) for
    a value that is not a whole number (the CLI checks it before anything is read)."""
    from .errors import Errors, LagebildError

    raw = os.environ.get("LAGEBILD_MAX_CHARS", "").strip()
    if not raw:
        return MAX_CHARS if MAX_CHARS and MAX_CHARS > 0 else None
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise LagebildError(Errors.E052.format(value=raw)) from None
    return value if value > 0 else None


def analysed_end(text: str, limit: Optional[int] = None) -> int:
    """Where the analysed part of ``text`` ends: ``len(text)`` when it is no longer than
    ``limit`` (default :func:`analysis_limit`; None: no limit), else the end of the last
    paragraph break, line break or sentence end (". ") in the second half of the first
    ``limit`` characters, else after the last space there, else ``limit`` itself."""
    if limit is None:
        limit = analysis_limit()
    if limit is None or len(text) <= limit:
        return len(text)
    floor = limit // 2
    for sep in ("\n\n", "\n", ". ", " "):
        i = text.rfind(sep, floor, limit)
        if i >= 0:
            return i + len(sep)
    return limit


def limit_analysis(article: Article) -> int:
    """The end of the part of ``article.text`` to analyse (:func:`analysed_end`); when it
    is short of the text, the article is marked partial and gets warning W162 (once, however
    often it is analysed). The text itself is kept whole: it is stored and offsets index it."""
    end = analysed_end(article.text)
    if end < len(article.text):
        article.partial = True
        note = Warnings.W162.format(chars=len(article.text), analysed=end)
        if note not in article.warnings:
            article.warnings.append(note)
    return end


def _shift_pair(pair, offset: int):  # type: ignore[no-untyped-def]
    return None if pair is None else (pair[0] + offset, pair[1] + offset)


def _shift_event_ref(ref: str, offset: int) -> str:
    """A stable event id (``<doc>:e<idx>`` or ``e<idx>``) of a window's own event list,
    moved ``offset`` places on, to where that event stands in the merged document."""
    head, _, idx = ref.rpartition("e")
    return f"{head}e{int(idx) + offset}"


def _analyze_windowed(
    nlp: Language, article: Article, *, model: Optional[str], with_tokens: bool,
    on_doc: Optional[Callable[[Doc], None]] = None, end: Optional[int] = None,
) -> Document:
    """Analyse a long ``article`` window by window (one Doc in memory at a time) and
    merge: actors by id (mentions concatenated), events/statements/forecasts in order,
    every character offset shifted into ``article.text``. ``end``: analyse only
    ``article.text[:end]`` (the analysis limit, :func:`limit_analysis`; default: all)."""
    end = len(article.text) if end is None else end
    spans = windows(article.text[:end])
    article.warnings.append(Warnings.W155.format(chars=end, windows=len(spans)))
    merged: Optional[Document] = None
    actors: Dict[str, object] = {}
    for start, end in spans:
        doc = nlp(_prepare(nlp, article, article.text[start:end]))
        if on_doc is not None:
            on_doc(doc)
        part = to_document(article, doc, model=model, with_tokens=with_tokens)
        del doc
        for actor in part.actors:
            actor.mentions = [_shift_pair(m, start) for m in actor.mentions]
            if actor.id in actors:
                actors[actor.id].mentions.extend(actor.mentions)  # type: ignore[attr-defined]
            else:
                actors[actor.id] = actor
        before = len(merged.events) if merged is not None else 0
        for ev in part.events:
            ev.span = _shift_pair(ev.span, start)
            ev.trigger_span = _shift_pair(ev.trigger_span, start)
            ev.mentions = [_shift_pair(m, start) for m in ev.mentions]
            # speech-act links index the window's events; the merged list continues after
            # the earlier windows' events
            ev.speech_act = _shift_event_ref(ev.speech_act, before) if ev.speech_act else None
            ev.content_of = [_shift_event_ref(ref, before) for ref in ev.content_of]
        for st in part.statements:
            st.span = _shift_pair(st.span, start)
        for fc in part.forecasts:
            fc.span = _shift_pair(fc.span, start)
        part.sentences = [_shift_pair(s, start) for s in part.sentences]
        if part.tokens is not None:
            part.tokens = [_shift_pair(t, start) for t in part.tokens]
        if merged is None:
            merged = part
        else:
            # a window learns from the earlier ones: the first record of an id is the one learnt
            seen = {r["id"] for r in merged.learnt_actors}
            merged.learnt_actors.extend(r for r in part.learnt_actors if r["id"] not in seen)
            merged.events.extend(part.events)
            merged.statements.extend(part.statements)
            merged.forecasts.extend(part.forecasts)
            merged.sentences.extend(part.sentences)
            if merged.tokens is not None and part.tokens is not None:
                merged.tokens.extend(part.tokens)
    assert merged is not None
    merged.actors = list(actors.values())  # type: ignore[arg-type]
    merged.warnings = list(article.warnings)
    return merged


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
        learnt_actors=[dict(r) for r in doc.user_data.get(LEARNT_KEY, ())],
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


_LOAD_WARNINGS: Dict[Tuple[str, Optional[str], Optional[str]], List[str]] = {}


def _load_noting_warnings(lang: str, model: Optional[str],
                          pipeline: Optional[str] = None) -> Tuple[Language, List[str]]:
    """``load(lang, model, pipeline)`` plus the coded warnings its first load raised (W006 …),
    so every document analysed with a fallback pipeline carries them, not just the first."""
    from .language.accurate import pipeline_choice

    pipeline = pipeline_choice(pipeline)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = load(lang, model, pipeline)
    key = (lang, model, pipeline)
    if key not in _LOAD_WARNINGS:
        _LOAD_WARNINGS[key] = [str(w.message) for w in caught if str(w.message).startswith("[W")]
    return nlp, _LOAD_WARNINGS[key]


def memory_zone(nlp: Language) -> ContextManager[object]:
    """``nlp.memory_zone()`` (spaCy >= 3.8) when ``$LAGEBILD_MEMORY_ZONE`` is "1", else no
    zone (the default: a zone costs ~3-5 % CPU a document, measured on news-de, because the
    lexemes of every batch are created again): a block after which the strings, lexemes and
    tokenizer cache entries created inside it are freed. Without it, every new word of every
    document stays in the vocabulary of the process (about 6,000 lexemes and 5,000 strings
    per 100 news articles, measured on news-de). Components that keep string ids across documents must
    add them with ``allow_transient=False`` (the linker's ``prov:`` keys) or drop them when
    the zone ends (the lemmatizer's id cache, :mod:`lagebild.language.lemmas`). Nothing
    created inside may be used after the block."""
    if os.environ.get("LAGEBILD_MEMORY_ZONE", "0") != "1" or not hasattr(nlp, "memory_zone"):
        return nullcontext()
    return nlp.memory_zone()


def _each_alone(
    articles: Sequence[Article],
    on_doc: Optional[Callable[[int, Doc], None]],
    analyse: Callable[[List[Article], Optional[Callable[[int, Doc], None]]], List[Union[Document, Exception]]],
) -> List[Union[Document, Exception]]:
    """:func:`analyze_batch` with ``learn=False``: ``analyse(articles, on_doc)`` (the
    learning analysis) on the texts up to ``WINDOW_CHARS`` as one batch under
    :func:`~lagebild.actors.provisional.freeze_provisional` (no document teaches another),
    then on each longer text alone under
    :func:`~lagebild.actors.provisional.forget_learnt` (its windows learn from its own
    earlier windows only). Results in input order; ``on_doc`` gets indices into
    ``articles``."""
    from .actors.provisional import forget_learnt, freeze_provisional

    results: List[Union[Document, Exception, None]] = [None] * len(articles)

    def run(indices: List[int]) -> None:
        sub_doc = None if on_doc is None else (lambda j, doc: on_doc(indices[j], doc))
        for i, r in zip(indices, analyse([articles[i] for i in indices], sub_doc)):
            results[i] = r

    short = [i for i, a in enumerate(articles) if len(a.text) <= WINDOW_CHARS]
    if short:
        with freeze_provisional():
            run(short)
    for i in sorted(set(range(len(articles))) - set(short)):
        with forget_learnt():
            run([i])
    return results  # type: ignore[return-value]


def analyze_batch(
    articles: Sequence[Article],
    *,
    language: Optional[str] = None,
    model: Optional[str] = None,
    with_tokens: bool = False,
    pipeline: Optional[str] = None,
    on_doc: Optional[Callable[[int, Doc], None]] = None,
    learn: bool = False,
) -> List[Union[Document, Exception]]:
    """Analyse ``articles`` with ``nlp.pipe`` per language; in input order, each a
    :class:`Document` or the exception that document raised (the others are unaffected).
    ``pipeline``: "fast" or "accurate" (default ``$LAGEBILD_PIPELINE`` or "fast").
    ``on_doc(i, doc)``: called with the index in ``articles`` and each analysed spaCy Doc
    of that article (a long text: one per window, in order) before it is turned into a
    Document -- for a caller that needs more of the Doc than the Document keeps (the
    parallel ingest reads the token texts from it instead of tokenising again).

    ``learn``: False (the default) analyses each document with the provisional actors
    registered before the call (:func:`lagebild.actors.register_provisional`, e.g. a
    store's) and nothing else: documents of the batch do not teach each other, and what a
    long text taught its own later windows is forgotten after it
    (:func:`~lagebild.actors.provisional.forget_learnt`), so the same text gives the same
    result whichever texts this process analysed before, in any batch order. True: each
    document registers the provisional actors it found for the documents after it and
    for later calls -- the one-process ``lagebild ingest`` / ``analyze`` of files
    (:func:`lagebild.batch.analyze_items`), whose store makes this reproducible."""
    if not learn:
        return _each_alone(articles, on_doc, lambda sub, sub_doc: analyze_batch(
            sub, language=language, model=model, with_tokens=with_tokens, pipeline=pipeline,
            on_doc=sub_doc, learn=True))
    results: List[Union[Document, Exception, None]] = [None] * len(articles)
    groups: Dict[str, List[int]] = {}
    for i, article in enumerate(articles):
        try:
            groups.setdefault(choose_language(article, language=language), []).append(i)
        except Exception as e:  # noqa: BLE001 - reported per document
            results[i] = e
    for lang, indices in groups.items():
        nlp, load_warnings = _load_noting_warnings(lang, model, pipeline)
        name = model or f"{nlp.lang}_{nlp.meta.get('name', '')}"
        for i in indices:
            articles[i].warnings.extend(w for w in load_warnings if w not in articles[i].warnings)
        # with $LAGEBILD_MEMORY_ZONE=1 the strings and lexemes of the batch's new words are
        # freed after it (the documents are converted inside the zone): bounded vocabulary
        with memory_zone(nlp):
            # the analysed part of each text (the whole text up to the analysis limit)
            ends = {i: limit_analysis(articles[i]) for i in indices}
            long = [i for i in indices if ends[i] > WINDOW_CHARS]
            for i in long:
                try:
                    results[i] = _analyze_windowed(
                        nlp, articles[i], model=name, with_tokens=with_tokens,
                        on_doc=None if on_doc is None else (lambda doc, i=i: on_doc(i, doc)), end=ends[i],
                    )
                except Exception as e:  # noqa: BLE001 - reported per document
                    results[i] = e
            indices = [i for i in indices if ends[i] <= WINDOW_CHARS]

            def prepared(i: int) -> Doc:
                text = articles[i].text
                return _prepare(nlp, articles[i], text if ends[i] >= len(text) else text[: ends[i]])

            try:
                docs: List[Union[Doc, Exception]] = list(
                    nlp.pipe([prepared(i) for i in indices], batch_size=max(1, len(indices)))
                )
            except Exception:  # noqa: BLE001 - find the document that failed, one by one
                docs = []
                for i in indices:
                    try:
                        docs.append(nlp(prepared(i)))
                    except Exception as e:  # noqa: BLE001
                        docs.append(e)
            for i, doc in zip(indices, docs):
                if on_doc is not None and not isinstance(doc, Exception):
                    on_doc(i, doc)
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
    pipeline: Optional[str] = None,
) -> Document:
    """Analyse one already-ingested article (``with_tokens``: include token offsets;
    ``pipeline``: "fast" or "accurate", default ``$LAGEBILD_PIPELINE`` or "fast")."""
    (result,) = analyze_batch([article], language=language, model=model, with_tokens=with_tokens,
                              pipeline=pipeline)
    if isinstance(result, Exception):
        raise result
    return result


def analyze(
    text_or_html: str | bytes,
    *,
    url: Optional[str] = None,
    published: Optional[str | date] = None,
    language: Optional[str] = None,
    model: Optional[str] = None,
    source: Optional[str] = None,
    with_tokens: bool = False,
    pipeline: Optional[str] = None,
) -> Document:
    """Analyse a text or an HTML page given as a string (or as bytes, decoded as a file
    is) and return the :class:`~lagebild.schemas.Document` of PRODUCT.md's contract
    (``doc.to_dict()`` is the JSON object; character offsets index ``doc.text``).

    ``published`` (ISO date or :class:`date`) overrides a date found in the text.
    ``language``: force "de" or "en" (default: detected; another code gets a blank
    tokenizer and warning W006). Errors: :class:`lagebild.errors.BadInputError` for empty
    (E001), binary (E002) or textless (E005) input; ``ModelError`` E170 for "accurate"
    without the ``[encoder]`` extra; ``ValueError`` E171 for an unknown ``pipeline``;
    ``TypeError`` for anything but str/bytes. Soft problems (no date, unsure language, a
    cut text) are warnings in ``doc.warnings``, not exceptions.
    ``pipeline``: "fast" (CNN) or "accurate" (e5 encoder heads; needs the ``[encoder]``
    extra), default ``$LAGEBILD_PIPELINE`` or "fast".
    """
    from .ingest import article_from_string

    article = article_from_string(
        text_or_html, source=source or url, url=url, published=published
    )
    return analyze_article(article, language=language, model=model, with_tokens=with_tokens,
                           pipeline=pipeline)
