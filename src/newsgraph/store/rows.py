"""Rows of the store's tables, by column name, built from one analysis record
(``record.to_record``).

Working from the record (not the Document) gives one code path for new documents and for
the v1 -> v2 migration, which replays the records already stored.

Cross-document identity: an entity's *actor id* is its ``kb_id`` when the knowledge base
knows it, else its entity id (``type:slug``), which is the same in every document for the
same type and name. Events, quotes, relations and commitments refer to actors by that id.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

# Entity types that can act; places, laws, products and the like are not actors.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def actor_id(entity: dict[str, Any]) -> str:
    return entity.get("kb_id") or entity["id"]


def day_of(value: str | None) -> dt.date | None:
    """The calendar day of a TIMEX3 value when it names one ("2021-04-13"), else None."""
    if value and _DAY.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


class Resolver:
    """Maps what a record writes for a party (entity id or name) to the canonical actor."""

    def __init__(self, entities: list[dict[str, Any]]):
        self.by_id = {e["id"]: e for e in entities}
        self.by_name: dict[str, dict[str, Any]] = {}
        for e in entities:
            for name in [e.get("name"), *(e.get("aliases") or [])]:
                if name:
                    self.by_name.setdefault(name.lower(), e)

    def entity(self, ref: str | None) -> dict[str, Any] | None:
        if not ref:
            return None
        return self.by_id.get(ref) or self.by_name.get(str(ref).lower())

    def resolve(self, ref: str | None) -> tuple[str | None, str | None]:
        """(actor id, canonical name) for a reference; (None, ref) when no entity matches."""
        ent = self.entity(ref)
        if ent is None:
            return None, ref
        return actor_id(ent), ent.get("name")

    def participant(self, part: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
        """(actor id, name, code) of an event participant ``{entity, name, code, ...}``."""
        ent = self.entity(part.get("entity")) or self.entity(part.get("name"))
        if ent is None:
            return None, part.get("name") or part.get("text"), part.get("code")
        return actor_id(ent), ent.get("name"), part.get("code") or ent.get("code")


def _key(ids: list[str | None], names: list[str | None]) -> str:
    """An order-free key of a participant list: actor ids, or lower-cased names without one."""
    parts = {i if i else "~" + (n or "").lower() for i, n in zip(ids, names)}
    return "|".join(sorted(parts))


def table_rows(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every per-document table for one record, as {table: [{column: value}]}.

    Also ``entity_actor`` (document, entity, actor id) for the v1 -> v2 migration, and
    ``actors`` (this document's share of each actor, merged into the table by the writer).
    """
    doc = record["document"]
    doc_id = doc["id"]
    published = day_of(doc.get("published"))
    entities = record.get("entities") or []
    out: dict[str, list[dict[str, Any]]] = {
        "documents": [{
            "id": doc_id, "content_hash": doc.get("content_hash"), "external_id": doc.get("external_id"),
            "title": doc.get("title"), "published": published, "source": doc.get("source"),
            "url": doc.get("url"), "genre": doc.get("genre"), "language": doc.get("language"),
            "text": doc.get("text"), "record": json.dumps(record, ensure_ascii=False)}],
        "entities": [{
            "doc_id": doc_id, "entity_id": e["id"], "name": e.get("name"), "type": e.get("type"),
            "kb_id": e.get("kb_id"), "code": e.get("code"), "mention_count": len(e.get("mentions") or []),
            "actor_id": actor_id(e)} for e in entities],
        "mentions": [{"doc_id": doc_id, "entity_id": e["id"], "start_char": m.get("start"),
                      "end_char": m.get("end"), "text": m.get("text")}
                     for e in entities for m in e.get("mentions") or []],
        "timexes": [{"doc_id": doc_id, "start_char": t.get("start"), "end_char": t.get("end"),
                     "text": t.get("text"), "type": t.get("type"), "value": t.get("value"),
                     "mod": t.get("mod")} for t in record.get("timexes") or []],
        "quantities": [{"doc_id": doc_id, "start_char": q.get("start"), "end_char": q.get("end"),
                        "text": q.get("text"), "value": _float(q.get("value")), "unit": q.get("unit"),
                        "approximate": q.get("approximate"), "of_entity": q.get("of")}
                       for q in record.get("quantities") or []],
        "stage_errors": [{"doc_id": doc_id, "stage": e.get("stage"), "message": e.get("message")}
                         for e in record.get("errors") or []],
    }
    out.update(_linked_rows(record, doc_id, entities))
    out["actors"] = _actor_rows(entities, published)
    out["entity_actor"] = [{"doc_id": doc_id, "entity_id": e["id"], "actor_id": actor_id(e)}
                           for e in entities]
    return out


def _linked_rows(record: dict[str, Any], doc_id: str,
                 entities: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Quotes, events, relations and commitments, their parties resolved to actors."""
    res = Resolver(entities)
    quotes = []
    for q in record.get("quotes") or []:
        speaker_actor, canonical = res.resolve(q.get("speaker"))
        quotes.append({
            "doc_id": doc_id, "quote_id": q.get("id"), "kind": q.get("kind"),
            "start_char": q.get("start"), "end_char": q.get("end"), "text": q.get("text"),
            "cue": q.get("cue"), "medium": q.get("medium"), "speaker": q.get("speaker"),
            "speaker_actor": speaker_actor, "speaker_text": q.get("speaker_text"),
            "speaker_name": q.get("speaker_name") or (canonical if speaker_actor else None),
            "co_speakers": list(q.get("co_speakers") or [])})

    events = []
    for ev in record.get("events") or []:
        actors = [res.participant(p) for p in ev.get("actor") or []]
        recips = [res.participant(p) for p in ev.get("recipient") or []]
        loc = ev.get("location") or {}
        evidence = ev.get("evidence") or {}
        attributed_id, _ = res.resolve(ev.get("attributed_to"))
        a_ids, a_names, a_codes = ([x[i] for x in actors] for i in range(3))
        r_ids, r_names, r_codes = ([x[i] for x in recips] for i in range(3))
        mode = ev.get("mode")
        if isinstance(mode, list):
            mode = ",".join(mode) or None
        events.append({
            "doc_id": doc_id, "event_id": ev.get("id"), "event": ev.get("event"), "mode": mode,
            "context": list(ev.get("context") or []),
            "actor_ids": a_ids, "actor_names": a_names, "actor_codes": a_codes,
            "recipient_ids": r_ids, "recipient_names": r_names, "recipient_codes": r_codes,
            "actor_key": _key(a_ids, a_names), "recipient_key": _key(r_ids, r_names),
            "date": ev.get("date"), "day": day_of(ev.get("date")), "date_text": ev.get("date_text"),
            "location_name": loc.get("name"), "location_country": loc.get("country"),
            "location_lat": _float(loc.get("lat")), "location_lon": _float(loc.get("lon")),
            "location_entity": loc.get("entity"), "factuality": ev.get("factuality"),
            "attributed_to": ev.get("attributed_to"), "attributed_to_id": attributed_id,
            "event_text": ev.get("event_text"), "start_char": evidence.get("start"),
            "end_char": evidence.get("end")})

    relations = []
    for n, rel in enumerate(record.get("relations") or []):
        s_id, s_name = res.resolve(rel.get("subject"))
        o_id, o_name = res.resolve(rel.get("object"))
        attributed_id, _ = res.resolve(rel.get("attributed_to"))
        evidence = rel.get("evidence") or {}
        relations.append({
            "doc_id": doc_id, "relation_no": n, "subject": rel.get("subject"), "subject_id": s_id,
            "subject_name": s_name, "predicate": rel.get("predicate"), "object": rel.get("object"),
            "object_id": o_id, "object_name": o_name, "factuality": rel.get("factuality"),
            "attributed_to": rel.get("attributed_to"), "attributed_to_id": attributed_id,
            "start_char": evidence.get("start"), "end_char": evidence.get("end"),
            "former": bool(rel.get("former"))})

    commitments = []
    for n, com in enumerate(record.get("commitments") or []):
        p_id, p_name = res.resolve(com.get("party"))
        commitments.append({
            "doc_id": doc_id, "commitment_no": n, "party": com.get("party"), "party_id": p_id,
            "party_name": p_name, "action": com.get("action"), "deadline": com.get("deadline"),
            "condition": com.get("condition"), "agreement": com.get("agreement"),
            "agreement_date": com.get("agreement_date"),
            "status_claims": json.dumps(com.get("status_claims") or [], ensure_ascii=False)})
    return {"quotes": quotes, "events": events, "relations": relations, "commitments": commitments}


def _actor_rows(entities: list[dict[str, Any]], published: dt.date | None) -> list[dict[str, Any]]:
    """One row per actor of this document; several entities can share one actor id (a
    country and its demonym both carry the country's kb_id)."""
    actors: dict[str, dict[str, Any]] = {}
    for e in entities:
        if e.get("type") not in ACTOR_TYPES and not e.get("kb_id") and not e.get("code"):
            continue
        aid = actor_id(e)
        names = {e.get("name"), *(e.get("aliases") or [])} - {None}
        row = actors.get(aid)
        if row is None:
            actors[aid] = {"actor_id": aid, "kb_id": e.get("kb_id"), "name": e.get("name"),
                           "type": e.get("type"), "code": e.get("code"), "aliases": sorted(names),
                           "doc_count": 1, "mention_count": len(e.get("mentions") or []),
                           "first_seen": published, "last_seen": published}
            continue
        if row["type"] == "NORP" and e.get("type") != "NORP":  # prefer the actor over its demonym
            row["name"], row["type"] = e.get("name"), e.get("type")
            row["code"] = e.get("code") or row["code"]
        row["code"] = row["code"] or e.get("code")
        row["aliases"] = sorted(set(row["aliases"]) | names)
        row["mention_count"] += len(e.get("mentions") or [])
    return list(actors.values())


def _float(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
