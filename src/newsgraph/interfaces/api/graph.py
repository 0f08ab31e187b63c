"""The actor network as nodes and edges for the API: the same actors, relations and event
dyads as ``export/graph.py``, but filtered (dates, event type, kind) and with parallel edges
merged (one edge per source, target, kind and label, with how many it stands for), so a
page can draw it. Built from ``store.queries`` only, without networkx."""
from __future__ import annotations

import datetime as dt
from typing import Any

from ...errors import NewsgraphError
from ...store import queries

DOC_IDS_PER_EDGE = 20
POLARITY = {"verbal_cooperation": "cooperation", "material_cooperation": "cooperation",
            "verbal_conflict": "conflict", "material_conflict": "conflict"}


def _day(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class _Edges:
    def __init__(self) -> None:
        self.edges: dict[tuple[str, str, str, str], dict[str, Any]] = {}
        self.names: dict[str, str] = {}

    def add(self, source: str, target: str, kind: str, label: str, day_from, day_to,
            doc_ids: list[str], attributed: list[str], quad_class: str | None = None) -> None:
        key = (source, target, kind, label)
        edge = self.edges.setdefault(key, {
            "source": source, "target": target, "kind": kind, "label": label,
            "quad_class": quad_class, "polarity": POLARITY.get(quad_class or ""), "count": 0,
            "first_day": None, "last_day": None, "doc_ids": set(), "attributed_to": set()})
        edge["count"] += 1
        for field, day, better in (("first_day", _day(day_from), min), ("last_day", _day(day_to), max)):
            if day is not None:
                edge[field] = day if edge[field] is None else better(edge[field], day)
        edge["doc_ids"].update(d for d in doc_ids if d)
        edge["attributed_to"].update(a for a in attributed if a)


def claimant_keys(con, claimant: str) -> set[str]:
    """What CLAIMANT may appear as in a claim's source: as written, and, when it names actors,
    their ids, names and aliases (lower-cased)."""
    keys = {claimant.strip().lower()}
    try:
        ids = set(queries.resolve_actor(con, claimant))
    except NewsgraphError:  # not an actor: the claimant as written ("editorial", a name)
        return keys
    for a in queries.actor_records(con):
        if a["actor_id"] in ids:
            keys.update(str(v).lower() for v in [a["actor_id"], a.get("name"), *(a.get("aliases") or [])] if v)
    return keys


def network(con, since: dt.date | None = None, until: dt.date | None = None,
            event_type: str | None = None, kinds: tuple[str, ...] = ("relation", "event"),
            limit: int = 2000, claimant: str | None = None) -> dict[str, Any]:
    """Nodes (the actors on at least one kept edge) and up to LIMIT edges, strongest first;
    with CLAIMANT, only the claims and event reports attributed to it."""
    found = _Edges()
    keys = claimant_keys(con, claimant) if claimant else None

    def claimed(*sources: Any) -> bool:
        return keys is None or any(str(s).lower() in keys for s in sources if s)

    if "relation" in kinds:
        for r in queries.actor_relations(con):
            day = _day(r.get("published"))
            if (since and (day is None or day < since)) or (until and (day is None or day > until)):
                continue
            if not claimed(r.get("attributed_to_id"), r.get("attributed_to")):
                continue
            found.names.setdefault(r["subject_id"], r.get("subject_name") or r["subject_id"])
            found.names.setdefault(r["object_id"], r.get("object_name") or r["object_id"])
            found.add(r["subject_id"], r["object_id"], "relation", r["predicate"], day, day,
                      [r["doc_id"]], [r.get("attributed_to_id") or r.get("attributed_to")])
    if "event" in kinds:
        for c in queries.events(con, event_type=event_type, since=since, until=until):
            attributed = [m.get("attributed_to") for m in c.get("mentions") or [] if isinstance(m, dict)]
            if not claimed(*attributed):
                continue
            for a_id, a_name in zip(c["actor_ids"], c["actor_names"]):
                for r_id, r_name in zip(c["recipient_ids"], c["recipient_names"]):
                    if not a_id or not r_id or a_id == r_id:
                        continue
                    found.names.setdefault(a_id, a_name or a_id)
                    found.names.setdefault(r_id, r_name or r_id)
                    found.add(a_id, r_id, "event", c["event"], c["first_day"], c["last_day"],
                              list(c.get("sources") or []), attributed, c.get("quad_class"))
    edges = sorted(found.edges.values(),
                   key=lambda e: (-e["count"], e["kind"], e["label"], e["source"], e["target"]))
    kept = edges[:limit]
    for edge in kept:
        edge["doc_ids"] = sorted(edge["doc_ids"])[:DOC_IDS_PER_EDGE]
        edge["attributed_to"] = sorted(edge["attributed_to"])
    degree: dict[str, int] = {}
    for edge in kept:
        for end in (edge["source"], edge["target"]):
            degree[end] = degree.get(end, 0) + 1
    actors = {a["actor_id"]: a for a in queries.actor_records(con) if a["actor_id"] in degree}
    nodes = []
    for node_id in sorted(degree):
        a = actors.get(node_id, {})
        nodes.append({"id": node_id, "label": a.get("name") or found.names.get(node_id) or node_id,
                      "type": a.get("type"), "code": a.get("code"), "kb_id": a.get("kb_id"),
                      "doc_count": a.get("doc_count"), "degree": degree[node_id]})
    return {"nodes": nodes, "edges": kept, "total_edges": len(edges)}
