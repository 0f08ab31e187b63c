"""A STIX 2.1 bundle (JSON) of actors, their relations and events, made with ``stix2``.

* actors: ``threat-actor`` for armed non-state groups (code sector REB), ``identity`` for
  everyone else (identity_class individual / organization / group);
* relations: ``relationship`` objects, relationship_type = the predicate with hyphens
  (``member-of``, ``allied-with``; STIX allows terms outside its vocabulary);
* events (deduplicated): ``relationship`` from each actor to each recipient, type = the
  PLOVER event in lower case (``consult``, ``assault``), start/stop time from the dates;
* documents: one ``report`` per article listing what it supports, with its URL as an
  external reference.

newsgraph's own fields ride on custom properties (``x_newsgraph_factuality``,
``x_newsgraph_attributed_to``, ``x_newsgraph_doc_ids``, ``x_newsgraph_quad_class``), so
parse the bundle with ``allow_custom=True``. Ids are UUIDv5 of newsgraph ids, so exporting
the same store twice gives the same ids.
"""
from __future__ import annotations

import datetime as dt
import uuid
from typing import IO

from ..store.queries import actor_records, actor_relations, articles, document_actors, event_clusters
from . import exporter, require

NAMESPACE = uuid.UUID("6f1f6c2e-5a4b-4d35-9a51-6e6577736772")  # newsgraph's STIX namespace
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def _id(kind: str, *key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join(key))}"


def _ts(day) -> dt.datetime:
    if day is None:
        return EPOCH
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def is_armed_group(actor: dict) -> bool:
    parts = (actor.get("code") or "").split()
    return len(parts) > 1 and parts[1] == "REB"


def stix_objects(con) -> list:
    stix2 = require("stix2", "stix2")
    producer = stix2.Identity(id=_id("identity", "newsgraph"), name="newsgraph",
                              identity_class="system", created=EPOCH, modified=EPOCH)
    common = {"created_by_ref": producer.id, "allow_custom": True}
    objects = [producer]
    actors = {}
    for a in actor_records(con):
        when = _ts(a["first_seen"])
        aliases = [x for x in a["aliases"] or [] if x != a["name"]]
        extra = {"x_newsgraph_actor_id": a["actor_id"], "x_newsgraph_code": a["code"]}
        extra = {k: v for k, v in extra.items() if v}
        if is_armed_group(a):
            obj = stix2.ThreatActor(id=_id("threat-actor", a["actor_id"]), name=a["name"],
                                    aliases=aliases or None, created=when, modified=when,
                                    **extra, **common)
        else:
            kind = {"PERSON": "individual", "NORP": "group"}.get(a["type"], "organization")
            obj = stix2.Identity(id=_id("identity", a["actor_id"]), name=a["name"],
                                 identity_class=kind, created=when, modified=when, **extra, **common)
        actors[a["actor_id"]] = obj
        objects.append(obj)
    by_doc: dict[str, list[str]] = {}
    for r in actor_relations(con, known_actors=True):
        when = _ts(r["published"])
        extra = {"x_newsgraph_factuality": r["factuality"], "x_newsgraph_attributed_to": r["attributed_to"],
                 "x_newsgraph_doc_ids": [r["doc_id"]]}
        rel = stix2.Relationship(
            id=_id("relationship", "relation", r["doc_id"], str(r["relation_no"])),
            relationship_type=r["predicate"].replace("_", "-").lower(),
            source_ref=actors[r["subject_id"]].id, target_ref=actors[r["object_id"]].id,
            created=when, modified=when, **{k: v for k, v in extra.items() if v}, **common)
        objects.append(rel)
        by_doc.setdefault(r["doc_id"], []).append(rel.id)
    for c in event_clusters(con):
        when = _ts(c["first_day"])
        attributions = sorted({m["attributed_to"] for m in c["mentions"] if m["attributed_to"]})
        for a_id in c["actor_ids"]:
            for r_id in c["recipient_ids"]:
                if a_id not in actors or r_id not in actors or a_id == r_id:
                    continue
                extra = {"x_newsgraph_factuality": c["factualities"],
                         "x_newsgraph_attributed_to": attributions or None,
                         "x_newsgraph_doc_ids": c["sources"], "x_newsgraph_quad_class": c["quad_class"],
                         "x_newsgraph_cluster_id": c["cluster_id"]}
                times = {}
                if c["first_day"]:
                    times = {"start_time": when, "stop_time": _ts(c["last_day"]) + dt.timedelta(days=1)}
                rel = stix2.Relationship(
                    id=_id("relationship", "event", c["cluster_id"], a_id, r_id),
                    relationship_type=c["event"].lower(), description=c["event_text"],
                    source_ref=actors[a_id].id, target_ref=actors[r_id].id, created=when,
                    modified=when, **times, **{k: v for k, v in extra.items() if v}, **common)
                objects.append(rel)
                for doc_id in c["sources"]:
                    by_doc.setdefault(doc_id, []).append(rel.id)
    for doc_id, actor_id in document_actors(con):
        if actor_id in actors:
            by_doc.setdefault(doc_id, []).append(actors[actor_id].id)
    for d in sorted(articles(con), key=lambda d: d["id"]):
        refs = list(dict.fromkeys(by_doc.get(d["id"], [])))
        if not refs:
            continue  # a report must refer to something
        when = _ts(d["published"])
        refs_ext = [{"source_name": d["source"] or "article", "url": d["url"]}] if d["url"] else None
        objects.append(stix2.Report(
            id=_id("report", d["id"]), name=d["title"] or d["id"], published=when, created=when,
            modified=when, object_refs=refs, report_types=["threat-actor"],
            external_references=refs_ext, x_newsgraph_doc_id=d["id"], **common))
    return objects


@exporter("stix", "newsgraph.stix.json")
def write_stix(con, out: IO[str]) -> int:
    """A STIX 2.1 bundle: identities and threat actors, relationships, reports."""
    stix2 = require("stix2", "stix2")
    objects = stix_objects(con)
    bundle = stix2.Bundle(objects=objects, id=_id("bundle", "newsgraph", str(len(objects))),
                          allow_custom=True)
    out.write(bundle.serialize(pretty=True) + "\n")
    return len(objects)
