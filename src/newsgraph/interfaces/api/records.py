"""The analysis record as the API returns it (docs/record.md), and what POST /api/analyze
takes: one article or a batch, with the limits on their size."""
from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from .models import IsoDate, Open

# Largest article text POST /api/analyze accepts (spaCy's own limit is 1,000,000 characters),
# and the most articles in one batch.
MAX_TEXT_CHARS = 500_000
MAX_BATCH = 100


class DocumentInfo(Open):
    id: str
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    source: str | None = None
    url: str | None = None
    authors: list[str] = []
    people: list[dict[str, Any]] = []
    genre: str | None = None
    language: str | None = None
    content_hash: str | None = None
    external_id: str | None = None
    text: str | None = Field(None, description="The full text; offsets point into it.")


class Span(Open):
    start: int
    end: int


class MentionItem(Span):
    text: str


class EntityItem(Open):
    id: str
    name: str
    type: str
    kb_id: str | None = None
    code: str | None = None
    roles: list[str] = []
    affiliation: str | None = None
    aliases: list[str] = []
    mentions: list[MentionItem] = []


class QuoteItem(Span):
    id: str
    kind: str
    text: str
    cue: str | None = None
    medium: str | None = None
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_name: str | None = None
    co_speakers: list[str] = []


class TimexItem(Span):
    text: str
    type: str
    value: str | None = None
    mod: str | None = None


class QuantityItem(Span):
    text: str
    value: float | None = None
    unit: str | None = None
    approximate: bool = False
    of: str | None = None


class EventItem(Open):
    id: str
    event: str
    event_text: str
    mode: str | None = None
    context: list[str] = []
    actor: list[dict[str, Any]] = []
    recipient: list[dict[str, Any]] = []
    date: str | None = None
    date_text: str | None = None
    location: dict[str, Any] | None = None
    factuality: str | None = None
    attributed_to: str | None = None
    evidence: dict[str, Any] = {}


class RelationItem(Open):
    subject: str
    predicate: str
    object: str
    subject_name: str | None = None
    object_name: str | None = None
    factuality: str | None = None
    attributed_to: str | None = None
    attributed_to_name: str | None = None
    evidence: dict[str, Any] = {}


class CommitmentItem(Open):
    party: str
    action: str
    party_name: str | None = None
    deadline: str | None = None
    condition: str | None = None
    agreement: str | None = None
    agreement_date: str | None = None
    status_claims: list[dict[str, Any]] = []


class StageErrorItem(Open):
    stage: str
    message: str


class Record(Open):
    """An analysis record (docs/record.md): the document and every annotation, with offsets."""

    document: DocumentInfo
    entities: list[EntityItem] = []
    quotes: list[QuoteItem] = []
    timexes: list[TimexItem] = []
    quantities: list[QuantityItem] = []
    events: list[EventItem] = []
    relations: list[RelationItem] = []
    commitments: list[CommitmentItem] = []
    errors: list[StageErrorItem] = []


class Article(BaseModel):
    """One article to analyse: its text (plain or HTML) and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    title: str | None = Field(None, max_length=1_000)
    published: IsoDate | None = Field(None, description="Anchors relative dates ('last week').")
    url: str | None = Field(None, max_length=4_000)
    source: str | None = Field(None, max_length=1_000)
    id: str | None = Field(None, max_length=200, description="Your own id (the record's external_id).")


class Batch(BaseModel):
    """Several articles, analysed in one go: their records come back in this order."""

    model_config = ConfigDict(extra="forbid")

    documents: list[Article] = Field(min_length=1, max_length=MAX_BATCH)


def _kind(value: Any) -> str:
    return "batch" if (isinstance(value, dict) and "documents" in value) or isinstance(value, Batch) else "article"


# The body of POST /api/analyze: a batch when it has "documents", else one article (so that
# an error names the fields of the one that was meant).
AnalyzeRequest = Annotated[Annotated[Article, Tag("article")] | Annotated[Batch, Tag("batch")],
                           Discriminator(_kind)]


def articles(body: Article | Batch) -> list[Article]:
    return list(body.documents) if isinstance(body, Batch) else [body]


class AnalyzeResponse(BaseModel):
    records: list[Record]
    stored: bool = Field(description="Whether the records were stored (?store=true).")
    added: int = Field(0, description="Documents newly stored.")
    already_stored: int = Field(0, description="Documents that were in the store already.")
