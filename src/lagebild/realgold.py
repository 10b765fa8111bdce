"""Real-text gold: the German news articles we may annotate, and offset-only annotations.

The corpus (10kGNAD test split, ``../shared/data/news-de``) is licensed CC BY-NC-SA and may
not be shipped, so gold files in ``benchmarks/gold/real-de/`` hold offsets, labels and a hash
of each annotated sentence -- never article text. This module is the one place that reads
the corpus for gold work:

    from lagebild import realgold
    for line, split, category in realgold.annotation_lines():
        text = realgold.article(line)          # the raw article text (offsets index into it)
    records = realgold.load_gold(path)         # validated against the corpus by hash

Gold records are JSON Lines objects with at least ``line`` (0-based line index of
``10kGNAD-test.csv``), ``split`` (``dev``|``test``, must match ``annotation_lines.tsv``),
``start``/``end`` (character offsets of the evidence sentence in :func:`article`) and
``sha`` (:func:`sentence_hash` of ``article(line)[start:end]``). Everything else is the
annotation (labels of the component that owns the file).
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import unicodedata
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from .errors import DataFileError
from .language.evaluate import shared_data_dir

SPLITS = ("dev", "test")

#: The date the actor linker reads the KB's offices at for the 10kGNAD articles
#: (``$LAGEBILD_UNDATED_DATE``; the articles stay undated otherwise). The corpus gives no article dates; its
#: articles are those of DER STANDARD's One Million Posts Corpus (Schabus, Skowron and Trapp,
#: SIGIR 2017), whose comments were posted from 2015-06-01 to 2016-05-31 -- the middle of
#: that year. Without a date the actor linker would code a KB person by the office held on
#: the day of the run ("Poroschenko" in a 2015 article as the opposition politician he
#: became in 2019); a user's own articles carry their date (``published``).
NEWS_DE_PUBLISHED = date(2015, 12, 1)


def news_de_dir() -> Path:
    """``../shared/data/news-de`` (or under ``$LAGEBILD_SHARED_DATA``)."""
    return shared_data_dir() / "news-de"


def available() -> bool:
    """Whether the corpus and its annotation list are present (tests skip otherwise)."""
    d = news_de_dir()
    return corpus_path().is_file() and (d / "annotation_lines.tsv").is_file()


def corpus_path() -> Path:
    """The corpus file, ``news-de/10kGNAD-test.csv`` (it may be absent)."""
    return news_de_dir() / "10kGNAD-test.csv"


@lru_cache(maxsize=1)
def _articles() -> Tuple[str, ...]:
    path = corpus_path()
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(row[1] for row in csv.reader(fh, delimiter=";", quotechar="'"))


def article(line: int) -> str:
    """Raw text of the article on 0-based ``line`` of ``10kGNAD-test.csv``.

    Raises FileNotFoundError when the corpus is absent, IndexError for a bad line.
    """
    return _articles()[line]


def news_texts(limit: Optional[int] = None) -> List[str]:
    """The corpus's non-blank article texts in file order, at most ``limit`` (the
    benchmarks' German news input). Raises FileNotFoundError when the corpus is absent."""
    texts = [t for t in _articles() if t.strip()]
    return texts if limit is None else texts[:limit]


@lru_cache(maxsize=1)
def annotation_lines() -> Tuple[Tuple[int, str, str], ...]:
    """``(line, split, category)`` for each annotatable article, in file order."""
    out: List[Tuple[int, str, str]] = []
    path = news_de_dir() / "annotation_lines.tsv"
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            if not raw.strip() or raw.startswith("#"):
                continue
            line, split, category = raw.rstrip("\n").split("\t")[:3]
            out.append((int(line), split, category))
    return tuple(out)


def split_of(line: int) -> Optional[str]:
    """``dev``/``test`` for an annotatable line, None for any other line."""
    return {ln: sp for ln, sp, _ in annotation_lines()}.get(line)


def sentence_hash(text: str) -> str:
    """First 16 hex digits of SHA-256 over the NFC-normalised, whitespace-collapsed text."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def load_gold(path: Path | str, *, split: Optional[str] = None, verify: bool = True) -> List[Dict[str, Any]]:
    """Gold records of a JSON Lines file, optionally only one ``split``.

    Each record is checked: required keys, CAMEO-shaped ``root``/``code`` values (2 and
    2-4 digits), an annotatable line, the split matching
    ``annotation_lines.tsv`` and (``verify``, needs the corpus) the sentence hash. A record
    that fails raises :class:`DataFileError` with the file and line number. Each returned
    dict gains ``_line`` (its line in the gold file).
    """
    splits = {ln: sp for ln, sp, _ in annotation_lines()}
    return _load_records(path, "line", splits, article, split=split, verify=verify)


def iter_articles(split: Optional[str] = None) -> Iterator[Tuple[int, str, str]]:
    """``(line, split, text)`` for the annotatable articles (of one split)."""
    for line, sp, _ in annotation_lines():
        if split is None or sp == split:
            yield line, sp, article(line)


# -- offsets of an analysed document back to the raw article ---------------------------------

def offset_mapper(raw: str, text: str):
    """A function mapping a character offset in ``text`` (the analysed document's ``text``,
    which ingestion may have re-spaced or trimmed) to the corresponding offset in ``raw``.

    Built from the matching blocks of :class:`difflib.SequenceMatcher` (no junk heuristic);
    an offset inside an unmatched stretch maps to the raw offset of the preceding match plus
    the distance, clamped to ``len(raw)``. Identical strings map to themselves.
    """
    if raw == text:
        return lambda off: off
    import bisect
    from difflib import SequenceMatcher

    blocks = [b for b in SequenceMatcher(None, raw, text, autojunk=False).get_matching_blocks() if b.size]
    starts = [b.b for b in blocks]

    def mapper(off: int) -> int:
        i = bisect.bisect_right(starts, off) - 1
        if i < 0:
            return max(0, min(len(raw), off - (starts[0] - blocks[0].a) if blocks else off))
        b = blocks[i]
        return max(0, min(len(raw), b.a + (off - b.b)))

    return mapper


# -- English real-text gold: pages of the Article Extraction Benchmark ------------------------

EN_STOPWORDS = frozenset(
    "the of and to in a is that for on with as was by it at from he said his be are have has "
    "an not this but they were which their its who been will would had or".split()
)


def html_aeb_dir() -> Path:
    """``../shared/data/html-aeb`` (or under ``$LAGEBILD_SHARED_DATA``)."""
    return shared_data_dir() / "html-aeb"


def en_available() -> bool:
    """Whether the Article Extraction Benchmark ground truth is present."""
    return (html_aeb_dir() / "ground-truth.json").is_file()


@lru_cache(maxsize=1)
def _aeb_bodies() -> Dict[str, str]:
    with (html_aeb_dir() / "ground-truth.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {key: (val.get("articleBody") or "") for key, val in data.items()}


def _looks_english(text: str) -> bool:
    words = [w.strip(".,;:!?\"'()“”’").lower() for w in text.split()[:400]]
    words = [w for w in words if w]
    return len(words) >= 80 and sum(w in EN_STOPWORDS for w in words) / len(words) >= 0.25


@lru_cache(maxsize=1)
def en_pages(n: int = 80) -> Tuple[Tuple[str, str], ...]:
    """``(page, split)`` for the English gold pages: the first ``n`` pages of
    ``ground-truth.json`` in sorted-hash order whose ``articleBody`` is English (at least 80
    words, a quarter of them English function words), alternately ``dev`` and ``test``
    (even positions dev). Deterministic; no page is chosen by content beyond the language."""
    out: List[Tuple[str, str]] = []
    bodies = _aeb_bodies()
    for key in sorted(bodies):
        if _looks_english(bodies[key]):
            out.append((key, SPLITS[len(out) % 2]))
            if len(out) == n:
                break
    return tuple(out)


def en_article(page: str) -> str:
    """``articleBody`` of an Article Extraction Benchmark page (offsets of real-en gold
    index into it). Raises KeyError for an unknown page hash."""
    return _aeb_bodies()[page]


def load_gold_en(path: Path | str, *, split: Optional[str] = None, verify: bool = True) -> List[Dict[str, Any]]:
    """Like :func:`load_gold` for ``real-en`` records, keyed by ``page`` (the page hash)
    instead of ``line``; the split must match :func:`en_pages`."""
    return _load_records(Path(path), "page", dict(en_pages()), en_article, split=split, verify=verify)


def _load_records(
    path: Path | str,
    key: str,
    splits: Dict[Any, str],
    text_of: Callable[[Any], str],
    *,
    split: Optional[str],
    verify: bool,
) -> List[Dict[str, Any]]:
    """The shared reader of :func:`load_gold` and :func:`load_gold_en`: ``key`` names the
    field that identifies the text (``line``/``page``), ``splits`` maps it to its split and
    ``text_of`` gives the text the offsets index into."""
    path = Path(path)
    out: List[Dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip() or raw.lstrip().startswith("//"):
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise DataFileError(str(path), lineno, f"invalid JSON: {exc.msg}") from None
            for field in (key, "split", "start", "end", "sha"):
                if field not in rec:
                    raise DataFileError(str(path), lineno, f"missing key {field!r}")
            if splits.get(rec[key]) != rec["split"]:
                raise DataFileError(
                    str(path), lineno, f"{key} {rec[key]!r} is not an annotatable {rec['split']!r} text"
                )
            for field, lengths in (("root", (2,)), ("code", (2, 3, 4))):
                # a CAMEO root has 2 digits, a code 2 to 4 ("17", "175", "1121"); a stray
                # "1" among the accepted values matched nothing and went unnoticed
                values = rec.get(field)
                for value in (values if isinstance(values, list) else [values]) if field in rec else ():
                    if not (isinstance(value, str) and value.isdigit() and len(value) in lengths):
                        raise DataFileError(str(path), lineno, f"{field} {value!r} is no CAMEO {field} "
                                            f"({' or '.join(map(str, lengths))} digits)")
            if verify and sentence_hash(text_of(rec[key])[rec["start"]:rec["end"]]) != rec["sha"]:
                raise DataFileError(
                    str(path), lineno, "sentence hash does not match the corpus text at these offsets"
                )
            if split is None or rec["split"] == split:
                rec["_line"] = lineno
                out.append(rec)
    return out


# -- GigaWord sample: real AFP/Reuters news sentences of PETRARCH's sample file ------------------

def gigaword_path() -> Path:
    """``../shared/data/petrarch2/GigaWord.sample.PETR.xml`` (PETRARCH 2's "fair use" sample of
    news sentences, with the project's unit-test sentences appended; it may be absent)."""
    return shared_data_dir() / "petrarch2" / "GigaWord.sample.PETR.xml"


def gigaword_available() -> bool:
    """Whether PETRARCH's GigaWord sample file is present (tests skip otherwise)."""
    return gigaword_path().is_file()


@lru_cache(maxsize=1)
def _gigaword_sentences() -> Dict[str, Tuple[str, Optional[str]]]:
    """Sentence key -> (text, ISO date or None) of every ``<Sentence>`` of the sample, in
    file order.

    The key is the sentence's ``id`` attribute; an id that the file repeats (``GOLD_9``)
    gets ``#2``, ``#3``… on its later occurrences. The text is the ``<Text>`` element with
    its line breaks and runs of white space collapsed to single spaces (the sentence as
    one line; gold offsets index into it). The date is the ``date`` attribute
    (``"20080804"`` -> ``"2008-08-04"``; None when absent or not eight digits). Raises
    FileNotFoundError when the file is absent and :class:`DataFileError` when it is not
    well-formed XML.
    """
    import xml.etree.ElementTree as ET

    path = gigaword_path()
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise DataFileError(str(path), exc.position[0], f"not well-formed XML: {exc}") from None
    out: Dict[str, Tuple[str, Optional[str]]] = {}
    for el in root.iter("Sentence"):
        sid = el.get("id", "").strip()
        key, n = sid, 1
        while key in out:
            n += 1
            key = f"{sid}#{n}"
        raw = (el.get("date") or "").strip()
        date = f"{raw[:4]}-{raw[4:6]}-{raw[6:]}" if re.fullmatch(r"\d{8}", raw) else None
        out[key] = (" ".join((el.findtext("Text") or "").split()), date)
    return out


def _gigaword() -> Dict[str, str]:
    """Sentence key -> text of every ``<Sentence>`` of the sample (see
    :func:`_gigaword_sentences`)."""
    return {k: text for k, (text, _) in _gigaword_sentences().items()}


def _gigaword_dates() -> Dict[str, Optional[str]]:
    """Sentence key (as :func:`_gigaword`) -> the sentence's ISO date or None (see
    :func:`_gigaword_sentences`)."""
    return {k: d for k, (_, d) in _gigaword_sentences().items()}


def gigaword_date(sid: str) -> Optional[str]:
    """The date PETRARCH's sample gives a sentence (ISO ``YYYY-MM-DD``; None if it gives
    none): the sentence's publication date, at which the actor linker reads dated offices
    ("Bush" in August 2008 is the president). Raises KeyError for an unknown key."""
    return _gigaword_sentences()[sid][1]


def gigaword_sentence(sid: str) -> str:
    """The text of one sentence of the GigaWord sample by key (see :func:`_gigaword`).
    Raises KeyError for an unknown key, FileNotFoundError when the file is absent."""
    return _gigaword_sentences()[sid][0]


def load_gold_gigaword(path: Path | str, splits: Dict[str, str], *, split: Optional[str] = None,
                       verify: bool = True) -> List[Dict[str, Any]]:
    """Like :func:`load_gold` for ``gigaword`` records, keyed by ``sid`` (the sentence key
    of :func:`gigaword_sentence`); ``splits`` maps each annotated sentence to its split
    (the gold folder's ``articles_<split>.tsv``: every sentence is ``dev``)."""
    return _load_records(Path(path), "sid", splits, gigaword_sentence, split=split, verify=verify)
