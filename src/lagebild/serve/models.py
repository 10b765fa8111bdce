"""Response shapes of the API, for the OpenAPI schema. Items carry the fields of the JSON
contract (PRODUCT.md) plus where they come from; extra fields pass through."""
from __future__ import annotations

from datetime import date
from typing import Any, Dict, Generic, List, Optional, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list. ``next`` is the cursor of the following page (null: last)."""

    items: List[T]
    next: Optional[str] = None


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class DocumentSummary(_Open):
    id: str
    published: Optional[date] = None
    language: Optional[str] = None
    title: Optional[str] = None
    authors: Optional[List[str]] = None
    n_actors: Optional[int] = None
    n_events: Optional[int] = None
    n_statements: Optional[int] = None
    n_forecasts: Optional[int] = None


class ActorSummary(_Open):
    id: str
    name: str
    type: Optional[str] = None
    country: Optional[str] = None
    code: Optional[str] = None
    provisional: Optional[bool] = None
    documents: int = 0
    mentions: int = 0


class EventItem(_Open):
    doc_id: str
    idx: int
    source: Optional[str] = None
    target: Optional[str] = None
    cameo: Optional[str] = None
    plover: Optional[str] = None
    quad_class: Optional[int] = None
    goldstein: Optional[float] = None
    modality: Optional[str] = None
    negated: Optional[bool] = None
    date: Optional[Any] = None
    sentence: Optional[str] = None
    published: Optional[date] = None


class IncidentItem(_Open):
    id: str
    source: Optional[str] = None
    target: Optional[str] = None
    cameo: Optional[str] = None
    quad_class: Optional[int] = None
    date: Optional[Any] = None
    num_mentions: int = 0
    num_documents: int = 0
    num_sources: int = 0


class StatementItem(_Open):
    doc_id: str
    idx: int
    speaker: Optional[str] = None
    kind: Optional[str] = None
    text: Optional[str] = None


class ForecastItem(_Open):
    doc_id: str
    idx: int
    holder: Optional[str] = None
    text: Optional[str] = None
    condition: Optional[str] = None
    horizon_start: Optional[date] = None
    horizon_end: Optional[date] = None
    probability: Optional[float] = None
    status: str = "open"
    published: Optional[date] = None


class Record(_Open):
    """A whole record: a document (the JSON contract) or an actor with its timeline."""

    id: str


class Overview(_Open):
    counts: Dict[str, Any] = {}
