"""The one shared vocabulary: a ``Document`` and the annotations every stage adds to it.

All offsets are character offsets into ``Document.text`` (end exclusive), so every record
can point back at its evidence. Stages read and extend a Document; nothing here knows about
spaCy, DuckDB or the CLI.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Mention:
    """One place in the text where an entity is named or referred to."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """A real-world actor, place or thing, with every mention of it in one document."""

    id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    kb_id: str | None = None
    code: str | None = None
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Person:
    """A person named in the document's header (author, editor), with their role."""

    name: str
    role: str | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Timex:
    """A time expression with its TIMEX3 type and value resolved against the anchor date."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    mod: str | None = None  # TIMEX3 mod: APPROX, MORE_THAN, LESS_THAN, START, END, ...


@dataclass(slots=True)
class Quantity:
    """A number with what it counts: "about 8,000 troops" -> 8000 troops, approximate."""

    text: str
    start: int
    end: int
    value: float
    unit: str | None = None
    approximate: bool = False
    of: str | None = None  # entity id (or name) the quantity belongs to


@dataclass(slots=True)
class Quote:
    id: str
    kind: str  # direct | indirect | mixed
    text: str
    start: int
    end: int
    cue: str | None = None
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_name: str | None = None
    medium: str | None = None  # statement | tweet | letter | interview | ... when the text says
    co_speakers: list[str] = field(default_factory=list)  # other speakers: "the US and NATO said"


@dataclass(slots=True)
class Event:
    id: str
    event: str
    start: int
    end: int
    event_text: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[dict[str, Any]] = field(default_factory=list)
    recipient: list[dict[str, Any]] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    location: dict[str, Any] | None = None
    factuality: str = "asserted"
    attributed_to: str | None = None


@dataclass(slots=True)
class Relation:
    """subject -predicate-> object between actors (entity ids), as asserted by a source."""

    subject: str
    predicate: str
    object: str
    start: int
    end: int
    attributed_to: str | None = None
    factuality: str = "asserted"
    id: str = ""
    date: str | None = None
    subject_name: str | None = None
    object_name: str | None = None
    object_kind: str = "actor"  # actor | description (an object no actor stands for)
    attributed_to_name: str | None = None
    attributed_to_all: list[str] = field(default_factory=list)  # every co-source
    attribution_via: str = "author"  # author | quote | according_to | ...
    pattern: str = ""
    cue: str | None = None
    text: str = ""
    former: bool = False  # the tie has ended ("former mayor of X", "then-governor")


@dataclass(slots=True)
class Commitment:
    """A provision of an agreement: who must do what, by when, on which condition."""

    party: str
    action: str
    deadline: str | None = None
    condition: str | None = None
    agreement: str | None = None
    agreement_date: str | None = None
    status_claims: list[dict[str, Any]] = field(default_factory=list)
    id: str = ""
    party_name: str | None = None
    party_text: str | None = None
    action_text: str = ""
    object: str | None = None
    object_entities: list[str] = field(default_factory=list)
    deadline_text: str | None = None
    condition_marker: str | None = None
    condition_commitment: str | None = None  # id of the commitment this one depends on
    counterpart_of: list[str] = field(default_factory=list)  # commitments that depend on it
    agreement_parties: list[str] = field(default_factory=list)
    agreement_text: str | None = None
    stated_by: str | None = None
    date: str | None = None  # when the provision was reported (publication date by default)
    evidence: dict[str, Any] = field(default_factory=dict)
    party_from_description: bool = False
    negative: bool = False  # a promise not to act ("will not raise taxes", "will refrain from")


@dataclass(slots=True)
class StageError:
    """A stage that failed on one document; the other stages and documents go on."""

    stage: str
    message: str


@dataclass(slots=True)
class Document:
    """One article: its text, metadata and every annotation the stages add."""

    text: str
    id: str = ""
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    fetched_url: str | None = None  # the URL asked for, when fetched (``url`` is after redirects)
    fetched_at: str | None = None  # when it was fetched: ISO 8601, UTC
    authors: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    genre: str | None = None
    language: str = "en"
    content_hash: str = ""
    external_id: str | None = None
    body_start: int = 0  # where the body begins after header lines (dateline, masthead, title)
    has_masthead: bool = False  # an "Editor in Chief: NAME" line heads the text
    dateline_city: str | None = None  # "KABUL, April 2 -" opening the body
    dateline_end: int = 0  # where that dateline ends (0: no dateline)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    errors: list[StageError] = field(default_factory=list)
    provided: set[str] = field(default_factory=set)  # what the stages run so far provide
    nlp: Any = None  # the spaCy Doc while the pipeline runs; never serialised

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]
