"""Analysis records: a ``Document`` as plain JSON values and back (see docs/record.md).

``to_record`` is what ``analyze``, the store and every export read; ``from_record`` rebuilds
the Document, so records written elsewhere (Parquet from a Ray cluster) load through the same
store code.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from .model import (Commitment, Document, Entity, Event, Mention, Person, Quantity, Quote, Relation,
                    StageError, Timex)


def plain(value: Any) -> Any:
    """Dataclasses, dates (and datetimes), decimals, lists, tuples and dicts as JSON values."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return float(value)
    return value


def to_record(doc: Document) -> dict[str, Any]:
    """The analysis record of ``../design/RECORD.md``: plain JSON-ready dicts."""
    document = {
        "id": doc.id,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "source": doc.source,
        "url": doc.url,
        "authors": list(doc.authors),
        "people": plain(doc.people),
        "genre": doc.genre,
        "language": doc.language,
        "content_hash": doc.content_hash,
        "external_id": doc.external_id,
        "text": doc.text,
    }
    if doc.fetched_at:  # fetched from the web: only then, so other records stay as they were
        document["fetched_url"], document["fetched_at"] = doc.fetched_url, doc.fetched_at
    quotes = plain(doc.quotes)
    events = []
    for ev in doc.events:
        item = plain(ev)
        item["evidence"] = {"start": item.pop("start"), "end": item.pop("end")}
        events.append(item)
    relations = []
    for rel in doc.relations:
        item = plain(rel)
        item["evidence"] = {"start": item.pop("start"), "end": item.pop("end")}
        relations.append(item)
    return {
        "document": document,
        "entities": plain(doc.entities),
        "quotes": quotes,
        "timexes": plain(doc.timexes),
        "quantities": plain(doc.quantities),
        "events": events,
        "relations": relations,
        "commitments": plain(doc.commitments),
        "errors": plain(doc.errors),
    }


def _build(cls, data: dict[str, Any]):
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def _with_evidence(item: dict[str, Any]) -> dict[str, Any]:
    evidence = item.get("evidence") or {}
    return {**item, "start": evidence.get("start", 0), "end": evidence.get("end", 0)}


def from_record(record: dict[str, Any]) -> Document:
    """The Document an analysis record describes (the inverse of ``to_record``), so records
    written elsewhere (Parquet from a Ray cluster) load through the same store code."""
    meta = record["document"]
    published = meta.get("published")
    doc = Document(
        text=meta.get("text") or "", id=meta["id"], title=meta.get("title"),
        published=dt.date.fromisoformat(published) if published else None,
        source=meta.get("source"), url=meta.get("url"), authors=list(meta.get("authors") or []),
        people=[_build(Person, p) for p in meta.get("people") or []], genre=meta.get("genre"),
        language=meta.get("language") or "en", content_hash=meta.get("content_hash") or "",
        external_id=meta.get("external_id"), fetched_url=meta.get("fetched_url"),
        fetched_at=meta.get("fetched_at"),
    )
    doc.entities = [_build(Entity, {**e, "mentions": [_build(Mention, m) for m in e.get("mentions", [])]})
                    for e in record.get("entities", [])]
    doc.quotes = [_build(Quote, q) for q in record.get("quotes", [])]
    doc.timexes = [_build(Timex, t) for t in record.get("timexes", [])]
    doc.quantities = [_build(Quantity, q) for q in record.get("quantities", [])]
    doc.events = [_build(Event, _with_evidence(e)) for e in record.get("events", [])]
    doc.relations = [_build(Relation, _with_evidence(r)) for r in record.get("relations", [])]
    doc.commitments = [_build(Commitment, c) for c in record.get("commitments", [])]
    doc.errors = [_build(StageError, e) for e in record.get("errors", [])]
    return doc
