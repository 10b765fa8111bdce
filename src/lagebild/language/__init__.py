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


def detect_language(text: str, *, default: str = "en") -> Tuple[str, float]:
    """ISO 639-1 code of ``text`` and a confidence in [0, 1].

    Uses the first ~2,000 characters; returns ``(default, 0.0)`` when nothing is known.
    """
    sample = " ".join(text[:2000].split())
    if not sample:
        return default, 0.0
    with _lock:
        values = _detector().compute_language_confidence_values(sample)
    if not values:
        return default, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def available_models() -> Tuple[str, ...]:
    """Languages with a shipped trained pipeline."""
    if not MODELS_DIR.is_dir():
        return ()
    return tuple(
        sorted(p.name for p in MODELS_DIR.iterdir() if (p / "config.cfg").is_file())
    )


@lru_cache(maxsize=8)
def load_base(lang: str, model: Optional[str] = None):  # type: ignore[no-untyped-def]
    """The linguistic spaCy pipeline for ``lang`` (see module docstring)."""
    import spacy

    if model:
        try:
            return spacy.load(model)
        except (OSError, IOError, ValueError) as e:
            raise ModelError(Errors.E013.format(name=model, msg=e)) from e
    path = MODELS_DIR / lang
    if (path / "config.cfg").is_file():
        try:
            return spacy.load(path)
        except (OSError, IOError, ValueError) as e:
            raise ModelError(Errors.E013.format(name=str(path), msg=e)) from e
    try:
        nlp = spacy.blank(lang)
    except ImportError as e:
        raise ModelError(Errors.E014.format(lang=lang, supported=", ".join(SUPPORTED))) from e
    nlp.add_pipe("sentencizer")
    warnings.warn(Warnings.W006.format(lang=lang), stacklevel=2)
    return nlp
