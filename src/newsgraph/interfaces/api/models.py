"""The API's request and response models (pydantic): what /openapi.json describes.

Response models name the fields the store's queries return and keep any others
(``extra="allow"``): the record is a contract to which fields may be added (docs/record.md),
so a field added there reaches API clients without a change here.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

T = TypeVar("T")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: Any) -> Any:
    """Only a day written YYYY-MM-DD (pydantic alone also takes timestamps and datetimes)."""
    if isinstance(value, dt.date) or (isinstance(value, str) and ISO_DAY.fullmatch(value)):
        return value
    raise ValueError("should be a day written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_day)]

class Open(BaseModel):
    """A response object: the named fields, plus any the store adds."""

    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    """Every error: a message for people; ``details`` lists each invalid parameter or field."""

    error: str
    details: list[dict[str, Any]] | None = None


class Page(BaseModel, Generic[T]):
    """One page of a list: ``total`` items match, ``items`` holds those from ``offset``."""

    total: int
    limit: int
    offset: int
    items: list[T]


# --- documents -------------------------------------------------------------------------------

class DocumentSummary(Open):
    id: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    genre: str | None = None
    language: str | None = None
    external_id: str | None = None
    content_hash: str | None = None
    chars: int | None = Field(None, description="Length of the text in characters.")


class SearchHit(Open):
    doc_id: str
    published: dt.date | None = None
    title: str | None = None
    hits: int
    snippet: str


# --- actors ------------------------------------------------------------------------------------

class ActorBase(Open):
    actor_id: str
    name: str | None = None
    type: str | None = None
    code: str | None = None
    kb_id: str | None = None
    doc_count: int | None = None
    mention_count: int | None = None
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    aliases: list[str] = []


class ActorSummary(ActorBase):
    events: int = Field(0, description="Deduplicated events it takes part in.")
    quotes: int = Field(0, description="Quotes it is the speaker of.")


class Counted(Open):
    value: str
    documents: int


class ActorDetail(ActorBase):
    """One actor: its row, every code and type its entities carry, roles and counts."""

    codes: list[Counted] = []
    types: list[Counted] = []
    entity_ids: list[str] = []
    roles: list[dict[str, Any]] = []
    affiliations: list[dict[str, Any]] = []
    counts: dict[str, int] = {}


class QuoteRow(Open):
    published: dt.date | None = None
    doc_id: str
    title: str | None = None
    speaker: str | None = None
    speaker_text: str | None = None
    kind: str | None = None
    cue: str | None = None
    medium: str | None = None
    text: str
    quote_id: str | None = None
    speaker_actor: str | None = None


class ClaimRow(Open):
    subject: str | None = None
    subject_name: str | None = None
    predicate: str
    object: str | None = None
    object_name: str | None = None
    factuality: str | None = None
    attributed_to: str | None = None
    attributed_to_name: str | None = None
    date: str | None = None
    document: str
    text: str | None = None
    evidence: dict[str, Any] = {}
    as_: list[str] = Field([], alias="as", description="subject, object and/or source")

    model_config = ConfigDict(extra="allow")


class CommitmentRow(Open):
    party: str
    party_name: str | None = None
    action: str
    deadline: str | None = None
    condition: str | None = None
    agreement: str | None = None
    latest_status: str | None = None
    status_claims: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []


# --- events ------------------------------------------------------------------------------------

class EventCluster(Open):
    """One deduplicated event: the reports of one event across articles."""

    cluster_id: str
    first_day: dt.date | None
    last_day: dt.date | None = None
    event: str
    quad_class: str | None = None
    mode: str | None = None
    actor_ids: list[str | None] = []
    actor_names: list[str | None] = []
    recipient_ids: list[str | None] = []
    recipient_names: list[str | None] = []
    place: str | None = None
    n_sources: int
    factualities: list[str | None] = []
    event_text: str | None = None
    sources: list[str] = []
    mentions: list[dict[str, Any]] = []


class EventMention(Open):
    """One report of an event in one article (``raw=true``)."""

    day: dt.date | None
    doc_id: str
    event_id: str
    event: str
    cluster_id: str | None = None
    mode: str | None = None
    actor_ids: list[str | None] = []
    actor_names: list[str | None] = []
    recipient_ids: list[str | None] = []
    recipient_names: list[str | None] = []
    factuality: str | None = None
    attributed_to: str | None = None
    event_text: str | None = None
    date: str | None = None
    date_text: str | None = None
    location_name: str | None = None
    title: str | None = None


class TimelineRow(Open):
    day: dt.date | None = None
    kind: str = Field(description="event, quote, relation or commitment")
    what: str | None = None
    counterpart: str | None = None
    role: str | None = None
    text: str | None = None
    factuality: str | None = None
    n_sources: int | None = None
    doc_ids: str | None = Field(None, description="Comma-separated document ids.")


class TimelinePage(Page[TimelineRow]):
    actor_ids: list[str] = Field(description="The actor ids the name resolved to.")


class DyadRow(Open):
    day: dt.date | None = None
    kind: str
    what: str | None = None
    direction: str = Field(description="A->B or B->A")
    quad_class: str | None = None
    text: str | None = None
    factuality: str | None = None
    n_sources: int | None = None
    doc_ids: str | None = None


class DyadWeek(Open):
    week: dt.date
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    events: int
    coop_conflict_index: float | None = Field(description="Mean weight of the week's events, in [-2, 2].")


class DyadResponse(Page[DyadRow]):
    a: list[str]
    b: list[str]
    weekly: list[DyadWeek]


class GraphNode(BaseModel):
    id: str
    label: str
    type: str | None = None
    code: str | None = None
    kb_id: str | None = None
    doc_count: int | None = None
    degree: int = 0


class GraphEdge(BaseModel):
    source: str
    target: str
    kind: str = Field(description="relation or event")
    label: str = Field(description="The predicate of a relation, the PLOVER type of an event.")
    quad_class: str | None = None
    polarity: str | None = Field(None, description="cooperation or conflict (events)")
    count: int = Field(description="Relations or deduplicated events merged into this edge.")
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    doc_ids: list[str] = Field(description="Up to 20 of the supporting documents.")
    attributed_to: list[str] = []


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    total_edges: int = Field(description="Edges before the limit (the strongest are kept).")


class FeedState(Open):
    """A feed ``newsgraph watch`` follows: its name and tags (from a sources file), its last
    poll and how many of its entries were handled."""

    feed_url: str
    name: str | None = None
    tags: list[str] = []
    last_poll: dt.datetime | None = None
    seen: int = 0


class Stats(Open):
    documents: int
    actors: int | None = None
    events: int | None = None
    quotes: int | None = None
    relations: int | None = None
    commitments: int | None = None
    distinct_entities: int | None = None
    published_from: str | None = None
    published_to: str | None = None
    genres: dict[str, int] = {}


class ExportFormat(BaseModel):
    name: str
    kind: str = Field(description="file, or dir (downloaded as a zip of its files)")
    filename: str
    media_type: str
    description: str
    url: str


class About(BaseModel):
    name: str = "newsgraph"
    version: str
    read_only: bool
    token_required_for_reads: bool
    docs: str = "/docs"
    openapi: str = "/openapi.json"
