"""What the pages show, shaped from query rows and records: the Article page's side panel,
the Actor page's chart, the Events table's rows. Plain data; the templates do the markup."""
from __future__ import annotations

from collections import Counter
from typing import Any

from .marks import speaker_colours


def _party(part: dict[str, Any], entity_actors: dict[str, str]) -> dict[str, Any]:
    """An event's actor or recipient: its name and, when known, the actor page it links to."""
    return {"name": part.get("name") or part.get("text") or "?", "text": part.get("text"),
            "actor": entity_actors.get(part.get("entity") or "")}


def _named(entity_id: str | None, name: str | None, entity_actors: dict[str, str]) -> dict[str, Any]:
    return {"name": name or entity_id or "?", "actor": entity_actors.get(entity_id or "")}


def record_panel(record: dict[str, Any], entity_actors: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The side panel's sections, each a list of items with the ``ref`` of their marks
    (``marks.marks`` gives the same references to the spans in the text)."""
    colours = speaker_colours(record)
    quotes = [{"ref": f"q-{q.get('id')}", "kind": q.get("kind"),
               "colour": f"spk-{colours[q['speaker']]}" if q.get("speaker") in colours else "spk-none", "text": q.get("text"), "cue": q.get("cue"),
               "speaker": _named(q.get("speaker"), q.get("speaker_name") or q.get("speaker_text"), entity_actors)
               if q.get("speaker") or q.get("speaker_text") else None}
              for q in record.get("quotes") or []]
    events = [{"ref": f"ev-{i}", "event": e.get("event"), "text": e.get("event_text"),
               "actors": [_party(p, entity_actors) for p in e.get("actor") or []],
               "recipients": [_party(p, entity_actors) for p in e.get("recipient") or []],
               "date": e.get("date"), "factuality": e.get("factuality"), "attributed_to": e.get("attributed_to")}
              for i, e in enumerate(record.get("events") or [])]
    entities = [{"ref": f"ent-{i}", "name": e.get("name"), "type": e.get("type"), "code": e.get("code"),
                 "mentions": len(e.get("mentions") or []), "actor": entity_actors.get(e.get("id") or "")}
                for i, e in enumerate(record.get("entities") or [])]
    relations = [{"ref": f"rel-{i}", "predicate": r.get("predicate"), "text": r.get("text"),
                  "subject": _named(r.get("subject"), r.get("subject_name"), entity_actors),
                  "object": _named(r.get("object"), r.get("object_name"), entity_actors),
                  "claimant": _named(r.get("attributed_to"), r.get("attributed_to_name"), entity_actors)
                  if r.get("attributed_to") else None, "factuality": r.get("factuality")}
                 for i, r in enumerate(record.get("relations") or [])]
    commitments = [{"refs": [f"cm-{i}-{j}" for j, _ in enumerate(c.get("status_claims") or [])],
                    "party": _named(c.get("party"), c.get("party_name"), entity_actors),
                    "action": c.get("action"), "deadline": c.get("deadline"), "condition": c.get("condition"),
                    "agreement": c.get("agreement"),
                    "claims": [{"ref": f"cm-{i}-{j}", "status": s.get("status"),
                                "by": s.get("claimed_by_name") or s.get("claimed_by"), "text": s.get("text")}
                               for j, s in enumerate(c.get("status_claims") or [])]}
                   for i, c in enumerate(record.get("commitments") or [])]
    timexes = [{"ref": f"tx-{i}", "text": t.get("text"), "type": t.get("type"), "value": t.get("value")}
               for i, t in enumerate(record.get("timexes") or [])]
    quantities = [{"ref": f"qty-{i}", "text": q.get("text"), "value": q.get("value"), "unit": q.get("unit"),
                   "of": q.get("of")} for i, q in enumerate(record.get("quantities") or [])]
    return {"quotes": quotes, "events": events, "entities": entities, "relations": relations,
            "commitments": commitments, "timexes": timexes, "quantities": quantities}


def actor_chart(timeline: list[dict[str, Any]]) -> dict[str, Any]:
    """The actor's events per month and PLOVER type, for a stacked bar chart:
    ``{"labels": [months], "datasets": [{"label": type, "data": [count per month]}]}``."""
    counts: Counter[tuple[str, str]] = Counter()
    for row in timeline:
        if row.get("kind") == "event" and row.get("day"):
            counts[(str(row["day"])[:7], row.get("what") or "?")] += 1
    months = sorted({month for month, _ in counts})
    types = sorted({kind for _, kind in counts}, key=lambda k: (-sum(n for (_, t), n in counts.items() if t == k), k))
    return {"labels": months,
            "datasets": [{"label": kind, "data": [counts.get((month, kind), 0) for month in months]}
                         for kind in types]}


def _links(ids, names) -> list[dict[str, Any]]:
    return [{"id": i, "name": n or i} for i, n in zip(ids or [], names or []) if i or n]


def events_rows(clusters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Deduplicated events as table rows (lists joined; the first source kept for its link)."""
    out = []
    for c in clusters:
        sources = list(c.get("sources") or [])
        out.append({"first_day": c.get("first_day"), "last_day": c.get("last_day"), "event": c.get("event"),
                    "quad_class": c.get("quad_class"),
                    "actors": ", ".join(n for n in c.get("actor_names") or [] if n),
                    "recipients": ", ".join(n for n in c.get("recipient_names") or [] if n),
                    "actor_links": _links(c.get("actor_ids"), c.get("actor_names")),
                    "recipient_links": _links(c.get("recipient_ids"), c.get("recipient_names")),
                    "text": c.get("event_text"), "factuality": ",".join(c.get("factualities") or []),
                    "n_sources": c.get("n_sources"), "sources": " ".join(sources),
                    "first_source": sources[0] if sources else None})
    return out
