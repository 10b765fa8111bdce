"""The ``Doc._`` attributes through which lagebild components talk to each other.

Components run in spaCy's pipeline in this order: ``lagebild_actors`` (fills ``mentions``
and ``actors``), ``lagebild_statements``, ``lagebild_events``, ``lagebild_forecasts``.
Each reads what earlier ones wrote; none reaches into another's internals.

- ``doc._.article``: the :class:`~lagebild.schemas.Article` being analysed (or None)
- ``doc._.published``: :class:`datetime.date` the text is anchored to (or None)
- ``doc._.actors``: list of :class:`~lagebild.schemas.Actor`
- ``doc._.mentions``: list of :class:`~lagebild.schemas.Mention`, sorted by start
- ``doc._.statements`` / ``events`` / ``forecasts``: lists of the matching records
"""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Dict, List, Optional, Tuple

from spacy.tokens import Doc

if TYPE_CHECKING:
    from .schemas import Mention

_LIST_ATTRS = ("actors", "mentions", "statements", "events", "forecasts")


def register_extensions() -> None:
    """Register the ``Doc._`` attributes once (idempotent)."""
    for name in ("article", "published"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in _LIST_ATTRS:
        if not Doc.has_extension(name):
            # a getter-less default must not be a shared mutable list
            Doc.set_extension(name, default=None)


def get_list(doc: Doc, name: str) -> list:
    """``doc._.<name>`` as a list, creating it on first use."""
    if not isinstance(doc, Doc):
        value = getattr(doc._, name)
        if value is None:
            value = []
            setattr(doc._, name, value)
        return value
    # ``doc._.<name>`` (an extension with a None default, no getter) lives in user_data
    # under spaCy's key; reading it there saves creating an Underscore per call
    key = ("._.", name, None, None)
    value = doc.user_data.get(key)
    if value is None:
        value = []
        doc.user_data[key] = value
    return value


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy joins every token on each access, which makes
    per-argument slicing of long documents quadratic."""
    text = doc.user_data.get("lagebild_text")
    if text is None:
        text = doc.text
        doc.user_data["lagebild_text"] = text
    return text


def span_text(span) -> str:  # type: ignore[no-untyped-def]
    """``span.text`` (a Span or a Doc) sliced from :func:`doc_text`: spaCy builds
    ``Span.text`` by joining the span's tokens on each access; this is the same string
    (``doc.text[span.start_char:span.end_char]``, without the last token's trailing
    whitespace) for the cost of a slice."""
    if isinstance(span, Doc):
        return doc_text(span)
    return doc_text(span.doc)[span.start_char:span.end_char]


def token_texts(doc: Doc) -> List[str]:
    """``[t.text for t in doc]``, read from the Doc's ORTH array (no Token objects) and
    cached on the doc (keyed by its length: no lagebild component retokenises, and a
    retokenisation that changes texts changes the length). For whole-Doc loops that skip
    most tokens by their text before touching the Token. Callers must not change it."""
    return _token_strings(doc, "ORTH", "lagebild_token_texts")


def token_lowers(doc: Doc) -> List[str]:
    """``[t.lower_ for t in doc]``, read from the Doc's LOWER array (no Token objects) and
    cached on the doc like :func:`token_texts` (keyed by its length; the lower-case form
    is the lexeme's, fixed by the text). For loops over many sentences that test each
    token's lower-case form first. Callers must not change it."""
    return _token_strings(doc, "LOWER", "lagebild_token_lowers")


def _token_strings(doc: Doc, attr: str, key: str) -> List[str]:
    """The strings of the lexeme attribute ``attr`` (ORTH, LOWER) of every token, kept in
    ``doc.user_data[key]`` with the Doc's length."""
    cache = doc.user_data.get(key)
    if cache is None or cache[0] != len(doc):
        strings = doc.vocab.strings
        cache = (len(doc), [strings[o] for o in doc.to_array(attr).tolist()])
        doc.user_data[key] = cache
    return cache[1]


_MORPH_VALUES: Dict[Tuple[int, str], Tuple[str, ...]] = {}


def morph_values(token, name: str) -> Tuple[str, ...]:  # type: ignore[no-untyped-def]
    """``tuple(token.morph.get(name))``: the values of the morphological feature ``name``
    ("Mood" -> ("Sub",)), kept per (analysis hash, feature): the analysis is a pure
    function of its hash, and parsing it costs ~4 µs a call against ~0.7 µs for the hash."""
    morph = token.morph
    key = (morph.key, name)
    hit = _MORPH_VALUES.get(key)
    if hit is None:
        if len(_MORPH_VALUES) > 100_000:
            _MORPH_VALUES.clear()  # (a bound for a long-running process)
        hit = _MORPH_VALUES[key] = tuple(morph.get(name))
    return hit


def mentions_in(doc: Doc, start: int, end: int) -> List["Mention"]:
    """Actor mentions that overlap the character range ``[start, end)``.

    The sorted index is cached on the doc (components ask thousands of times per
    document) and rebuilt when the mention list changes.
    """
    mentions = get_list(doc, "mentions")
    key = (id(mentions), len(mentions))
    cache = doc.user_data.get("lagebild_mention_index")
    if cache is None or cache[0] != key:
        ordered = sorted(mentions, key=lambda m: m.start)
        longest = max((m.end - m.start for m in ordered), default=0)
        cache = (key, ordered, [m.start for m in ordered], longest)
        doc.user_data["lagebild_mention_index"] = cache
    _, ordered, starts, longest = cache
    out = []
    # a mention starting up to `longest` characters before `start` may still overlap it
    for m in ordered[bisect_left(starts, start - longest):]:
        if m.start >= end:
            break
        if m.end > start:
            out.append(m)
    return out


def actor_in(doc: Doc, start: int, end: int) -> Optional[str]:
    """Id of the actor most prominently mentioned in ``[start, end)``, or None.

    The longest overlapping mention wins: in "der Berater Trumps" the head noun phrase's
    own mention is preferred by the caller passing the head's span.
    """
    found = mentions_in(doc, start, end)
    if not found:
        return None
    return max(found, key=lambda m: (m.end - m.start, -m.start)).actor_id


register_extensions()
