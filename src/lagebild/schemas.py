"""Record types shared by every pipeline stage.

Every record has ``to_dict``/``from_dict``; ``Document.to_dict()`` is the JSON output
contract of PRODUCT.md (fields may be added, never renamed). Offsets are character
offsets into ``Document.text``.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Dict, List, Optional, Tuple, Type, TypeVar

T = TypeVar("T", bound="Record")

ACTOR_TYPES = ("PER", "ORG", "GPE", "LOC", "GRP")
MODALITIES = (
    "asserted",
    "threatened",
    "promised",
    "demanded",
    "proposed",
    "conditional",
    "hypothetical",
    "predicted",
    "reported",
)


# values of exactly these types are already plain (the common case: checked first, as
# to_dict runs for every stored document and record -- the store's largest CPU cost)
_SCALARS = frozenset((str, int, float, bool, type(None)))


def _plain(value: Any) -> Any:
    if value.__class__ in _SCALARS:
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [v if v.__class__ in _SCALARS else _plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_FIELD_NAMES: Dict[type, Tuple[str, ...]] = {}


def _field_names(cls: type) -> Tuple[str, ...]:
    """``dataclasses.fields(cls)``'s names, computed once per class."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    return names


class Record:
    """Mixin: dataclass <-> plain dict (JSON-ready)."""

    def to_dict(self) -> Dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in _field_names(self.__class__)}

    @classmethod
    def from_dict(cls: Type[T], data: Dict[str, Any]) -> T:
        return _construct(cls, data)


def _construct(cls: Type[T], data: Dict[str, Any]) -> T:
    """Build ``cls`` from ``data``, ignoring keys it does not know (newer exports)."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Caption(Record):
    """An image caption of the article and its credit line, as ingest found them."""

    text: str
    credit: Optional[str] = None


@dataclass
class Section(Record):
    """A sub-heading and the character range of text it heads (heading included)."""

    title: str
    start: int
    end: int


@dataclass
class Article(Record):
    """A clean article as produced by ingest, before any linguistic analysis."""

    id: str
    source: Optional[str]
    text: str
    title: Optional[str] = None
    authors: List[str] = field(default_factory=list)
    published: Optional[str] = None  # ISO date, only when plausible
    published_raw: Optional[str] = None  # the date as written in the source
    language: Optional[str] = None
    sections: List[Section] = field(default_factory=list)
    captions: List[Caption] = field(default_factory=list)
    url: Optional[str] = None
    format: str = "text"  # text | html | jsonl | feed | warc
    warnings: List[str] = field(default_factory=list)  # coded messages, e.g. "[W003] ..."
    partial: bool = False  # True when the input was cut or only partly usable

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Article":
        data = dict(data)
        data["sections"] = [Section.from_dict(s) for s in data.get("sections") or []]
        data["captions"] = [Caption.from_dict(c) for c in data.get("captions") or []]
        return _construct(cls, data)

    @property
    def published_date(self) -> Optional[date]:
        return date.fromisoformat(self.published) if self.published else None


@dataclass
class Actor(Record):
    """Someone who acts or is acted on: a person (PER), organisation (ORG), state (GPE),
    place (LOC) or group (GRP). ``id`` is a KB id ("RUS", "per:vladimir_putin") or a
    provisional one ("prov:…", ``provisional`` true) for a name the KB does not know;
    ``country`` ISO 3166 alpha-3; ``code`` the CAMEO actor code; ``role`` the office held at
    the article's date; ``mentions``: ``[start, end)`` character offsets into the
    document's ``text``."""

    id: str
    name: str
    type: str  # one of ACTOR_TYPES
    country: Optional[str] = None  # ISO 3166 alpha-3
    role: Optional[str] = None  # role at the article's date, e.g. "US-Präsident"
    code: Optional[str] = None  # CAMEO-style actor code, e.g. "USAGOV"
    mentions: List[Tuple[int, int]] = field(default_factory=list)
    provisional: bool = False
    wikidata: Optional[str] = None


@dataclass
class Mention(Record):
    """One stretch of text that refers to an actor."""

    actor_id: str
    start: int
    end: int
    text: str
    kind: str = "name"  # name | surname | role | metonymy | pronoun | adjective | demonym


@dataclass
class Event(Record):
    """Who did what to whom: ``source`` and ``target`` are actor ids (or None), ``cameo``
    the CAMEO event code ("190"), with its PLOVER type, ``quad_class`` (1 verbal
    cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) and
    ``goldstein`` (-10 … +10, the Goldstein scale). ``modality`` says whether it happened
    ("asserted", "reported") or not yet (one of ``MODALITIES``: predicted, threatened,
    demanded, hypothetical …); ``negated`` true for "did not …". ``date`` ISO date or
    range ("2025-03-01/2025-03-31") when the text dates it; ``span``/``trigger_span``:
    ``[start, end)`` character offsets into the document's ``text``; ``confidence`` 0–1."""

    source: Optional[str]
    target: Optional[str]
    cameo: str
    plover: Optional[str] = None
    quad_class: Optional[int] = None
    goldstein: Optional[float] = None
    modality: str = "asserted"
    negated: bool = False
    date: Optional[str] = None
    location: Optional[str] = None
    sentence: str = ""
    span: Tuple[int, int] = (0, 0)
    confidence: float = 0.0
    cameo_name: Optional[str] = None
    plover_mode: Optional[str] = None
    condition: Optional[str] = None
    issue: Optional[str] = None  # non-actor target text ("den Waffenstillstand")
    source_text: Optional[str] = None
    target_text: Optional[str] = None
    trigger: Optional[str] = None
    speaker: Optional[str] = None  # who reported it, when modality is "reported"
    modalities: List[str] = field(default_factory=list)  # every modality found, primary first
    holder: Optional[str] = None  # actor who threatens/promises/demands/proposes it
    trigger_span: Optional[Tuple[int, int]] = None  # character offsets of the trigger word
    pattern: Optional[str] = None  # the pattern that coded it ("patterns_de.tsv:42")
    speech_act: Optional[str] = None  # stable id (<doc>:e<idx>) of the speech-act event conveying this one
    content_of: List[str] = field(default_factory=list)  # on a speech act: stable ids of its content events
    mentions: List[Tuple[int, int]] = field(default_factory=list)  # trigger spans of later sentences that repeat this event (merged re-mentions)
    method: str = "rules"  # rules (the event lexicon) | learnt (events/learnt.py; confidence = its probability)


@dataclass
class Statement(Record):
    """A quotation or reported speech: ``speaker`` (actor id or "author"), ``kind``
    direct (quoted) or indirect, the quoted ``text`` and its ``[start, end)`` ``span`` in the
    document's ``text``."""

    speaker: str  # actor id or "author"
    kind: str  # direct | indirect
    text: str
    span: Tuple[int, int]
    speaker_text: Optional[str] = None
    cue: Optional[str] = None  # the speech verb, "laut", quote marks, turn label …
    commitment: Optional[str] = None  # promise / threat / demand … when the statement commits
    verb_class: Optional[str] = None  # say | claim | believe | expect | turn (speech verb class)
    condition: Optional[str] = None  # the "wenn/if" clause of a conditional commitment
    addressee: Optional[str] = None  # to whom it was said, as written ("den Reportern", "reporters")


@dataclass
class Forecast(Record):
    """A claim about the future: ``holder`` (actor id or "author") expects ``predicted``
    ({source, cameo, target} or None) within ``horizon`` ({text, start, end}, ISO dates) with
    ``probability`` (0–1, from the hedge words; None when unstated), under ``condition``.
    ``span``: ``[start, end)`` offsets into the document's ``text``; ``status`` open, due or
    resolved (``lagebild resolve`` records how it turned out)."""

    holder: str  # actor id or "author"
    text: str
    span: Tuple[int, int]
    condition: Optional[str] = None
    horizon: Optional[Dict[str, Any]] = None  # {"text", "start", "end"}
    probability: Optional[float] = None
    predicted: Optional[Dict[str, Any]] = None  # {source, cameo, target} or None
    cues: List[str] = field(default_factory=list)
    status: str = "open"  # open | due | resolved
    holder_text: Optional[str] = None  # the holder as written ("Portnikov", "der Minister")
    negated: bool = False  # the predicted event is negated ("wird nicht …")
    kind: Optional[str] = None  # future | modal | conditional | expectation | hedged
    condition_event: Optional[Dict[str, Any]] = None  # {source, cameo, target} of the condition


@dataclass
class Document(Record):
    """The analysed document: the output contract of ``lagebild analyze``."""

    id: str
    source: Optional[str]
    language: Optional[str]
    title: Optional[str]
    authors: List[str]
    published: Optional[str]
    sections: List[Section]
    captions: List[Caption]
    text: str
    actors: List[Actor] = field(default_factory=list)
    events: List[Event] = field(default_factory=list)
    statements: List[Statement] = field(default_factory=list)
    forecasts: List[Forecast] = field(default_factory=list)
    sentences: List[Tuple[int, int]] = field(default_factory=list)
    tokens: Optional[List[Tuple[int, int]]] = None  # [start, end) per token, on request
    published_raw: Optional[str] = None
    url: Optional[str] = None
    warnings: List[str] = field(default_factory=list)
    partial: bool = False
    model: Optional[str] = None
    # the provisional actors of this document as the actor linker learnt them, in order of
    # first mention: {id, name, type, country, role, code, wikidata} -- what later documents
    # link the name with. A code the text gave only weakly (the dateline's country for a bare
    # office, "Finanzminister X" filed in Athens) is this document's alone (``actors``
    # keeps it) and is not learnt (country and code null here). The store keeps these
    # records as the actors' cross-document records (lagebild.store, issue 15).
    learnt_actors: List[Dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> Dict[str, Any]:
        """The JSON contract; each event and forecast carries its stable id,
        ``<document id>:e<index>`` / ``<document id>:f<index>`` (see lagebild.resolve.ids)."""
        data = super().to_dict()
        for key, tag in (("events", "e"), ("forecasts", "f")):
            data[key] = [{"id": f"{self.id}:{tag}{i}", **rec} for i, rec in enumerate(data[key])]
        return data

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Document":
        data = dict(data)
        data["sections"] = [Section.from_dict(s) for s in data.get("sections") or []]
        data["captions"] = [Caption.from_dict(c) for c in data.get("captions") or []]
        data["actors"] = [Actor.from_dict(a) for a in data.get("actors") or []]
        data["events"] = [Event.from_dict(e) for e in data.get("events") or []]
        data["statements"] = [Statement.from_dict(s) for s in data.get("statements") or []]
        data["forecasts"] = [Forecast.from_dict(f) for f in data.get("forecasts") or []]
        return _construct(cls, data)
