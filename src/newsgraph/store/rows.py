"""Rows of the store's tables, built from one analysis record (``model.to_record``).

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


def document_rows(record: dict[str, Any]) -> dict[str, list[tuple]]:
    """Rows of the v2 tables for one record (not documents/timexes/quantities/stage_errors)."""
    doc = record["document"]
    doc_id = doc["id"]
    published = day_of(doc.get("published"))
    entities = record.get("entities") or []
    res = Resolver(entities)
    out: dict[str, list[tuple]] = {}

    out["quotes"] = []
    for q in record.get("quotes") or []:
        speaker_actor, canonical = res.resolve(q.get("speaker"))
        out["quotes"].append((
            doc_id, q.get("id"), q.get("kind"), q.get("start"), q.get("end"), q.get("text"),
            q.get("cue"), q.get("medium"), q.get("speaker"), speaker_actor, q.get("speaker_text"),
            q.get("speaker_name") or (canonical if speaker_actor else None),
            list(q.get("co_speakers") or [])))

    out["events"] = []
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
        context = ev.get("context") or []
        out["events"].append((
            doc_id, ev.get("id"), ev.get("event"), mode, list(context),
            a_ids, a_names, a_codes, r_ids, r_names, r_codes,
            _key(a_ids, a_names), _key(r_ids, r_names),
            ev.get("date"), day_of(ev.get("date")), ev.get("date_text"),
            loc.get("name"), loc.get("country"), _float(loc.get("lat")), _float(loc.get("lon")),
            loc.get("entity"), ev.get("factuality"), ev.get("attributed_to"), attributed_id,
            ev.get("event_text"), evidence.get("start"), evidence.get("end")))

    out["relations"] = []
    for n, rel in enumerate(record.get("relations") or []):
        s_id, s_name = res.resolve(rel.get("subject"))
        o_id, o_name = res.resolve(rel.get("object"))
        attributed_id, _ = res.resolve(rel.get("attributed_to"))
        evidence = rel.get("evidence") or {}
        out["relations"].append((
            doc_id, n, rel.get("subject"), s_id, s_name, rel.get("predicate"), rel.get("object"),
            o_id, o_name, rel.get("factuality"), rel.get("attributed_to"), attributed_id,
            evidence.get("start"), evidence.get("end")))

    out["commitments"] = []
    for n, com in enumerate(record.get("commitments") or []):
        p_id, p_name = res.resolve(com.get("party"))
        out["commitments"].append((
            doc_id, n, com.get("party"), p_id, p_name, com.get("action"), com.get("deadline"),
            com.get("condition"), com.get("agreement"), com.get("agreement_date"),
            json.dumps(com.get("status_claims") or [], ensure_ascii=False)))

    # One row per actor of this document; several entities can share one actor id (a
    # country and its demonym both carry the country's kb_id).
    actors: dict[str, list] = {}
    for e in entities:
        if e.get("type") not in ACTOR_TYPES and not e.get("kb_id") and not e.get("code"):
            continue
        aid = actor_id(e)
        names = {e.get("name"), *(e.get("aliases") or [])} - {None}
        row = actors.get(aid)
        if row is None:
            actors[aid] = [aid, e.get("kb_id"), e.get("name"), e.get("type"), e.get("code"),
                           sorted(names), 1, len(e.get("mentions") or []), published, published]
        else:
            if row[3] == "NORP" and e.get("type") != "NORP":  # prefer the actor over its demonym
                row[2], row[3] = e.get("name"), e.get("type")
                row[4] = e.get("code") or row[4]
            row[4] = row[4] or e.get("code")
            row[5] = sorted(set(row[5]) | names)
            row[7] += len(e.get("mentions") or [])
    out["actors"] = [tuple(r) for r in actors.values()]
    out["entity_actor"] = [(doc_id, e["id"], actor_id(e)) for e in entities]
    return out


def _float(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
