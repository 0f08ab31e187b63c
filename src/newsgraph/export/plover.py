"""PLOVER event records, one JSON object per line, one per event mention.

Fields of the PLOVER record (id, date, actor, recipient, event, mode, context, event_text,
quad_code, event_loc) plus ours: factuality, attributed_to, evidence {doc_id, start, end},
source {doc_id, title, url, published}, and cluster (the id of the deduplicated event the
mention belongs to, so users can count an event once across articles).
"""
from __future__ import annotations

import json
from typing import IO

from ..store.queries import event_mentions
from . import exporter


def _entity(actor_id, name, code):
    code_parts = (code or "").split()
    return {"entity_text": name, "code": code_parts[0] if code_parts else None,
            "sector": code_parts[1] if len(code_parts) > 1 else None,
            "identifier_id": actor_id, "identifier_text": name}


def plover_records(con):
    for ev in event_mentions(con):
        loc = None
        if ev["location_name"] or ev["location_entity"]:
            loc = {"name": ev["location_name"], "country": ev["location_country"],
                   "lat": ev["location_lat"], "lon": ev["location_lon"]}
        yield {
            "id": f"{ev['doc_id']}:{ev['event_id']}",
            "date": ev["when_day"].isoformat() if ev["when_day"] else None,
            "date_value": ev["date"], "date_text": ev["date_text"],
            "actor": [_entity(*x) for x in zip(ev["actor_ids"], ev["actor_names"], ev["actor_codes"])],
            "recipient": [_entity(*x) for x in zip(ev["recipient_ids"], ev["recipient_names"],
                                                   ev["recipient_codes"])],
            "event": ev["event"], "mode": ev["mode"], "context": ev["context"] or [],
            "quad_code": ev["quad_code"], "event_loc": loc, "event_text": ev["event_text"],
            "factuality": ev["factuality"], "attributed_to": ev["attributed_to"],
            "evidence": {"doc_id": ev["doc_id"], "start": ev["start_char"], "end": ev["end_char"]},
            "source": {"doc_id": ev["doc_id"], "title": ev["title"], "url": ev["url"],
                       "published": ev["published"].isoformat() if ev["published"] else None},
            "cluster": ev["cluster_id"], "cluster_sources": ev["n_sources"],
        }


@exporter("plover", "events.plover.jsonl")
def write_plover(con, out: IO[str]) -> int:
    """PLOVER event records (JSON lines), one per event mention, with cluster ids."""
    count = 0
    for record in plover_records(con):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
