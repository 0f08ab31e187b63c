"""The actor network as nodes and edges for the API: the same actors, relations and event
dyads as ``export/graph.py``, but filtered (dates, event type, kind, claimant) and with
parallel edges merged (one edge per source, target, kind and label, with how many it stands
for), so a page can draw it. The merging is done in SQL (``queries.relation_edges`` and
``queries.event_edges``): only the strongest edges are read, whatever the store's size."""
from __future__ import annotations

import datetime as dt
from typing import Any

from ...errors import NewsgraphError
from ...store import queries

DOC_IDS_PER_EDGE = 20
POLARITY = {"verbal_cooperation": "cooperation", "material_cooperation": "cooperation",
            "verbal_conflict": "conflict", "material_conflict": "conflict"}


def claimant_keys(con, claimant: str) -> list[str]:
    """What CLAIMANT may appear as in a claim's source: as written, and, when it names actors,
    their ids, names and aliases (lower-cased)."""
    keys = {claimant.strip().lower()}
    try:
        ids = queries.resolve_actor(con, claimant)
    except NewsgraphError:  # not an actor: the claimant as written ("editorial", a name)
        return sorted(keys)
    for a in queries.actors_by_id(con, ids):
        keys.update(str(v).lower() for v in [a["actor_id"], a.get("name"), *(a.get("aliases") or [])] if v)
    return sorted(keys)


def network(con, since: dt.date | None = None, until: dt.date | None = None,
            event_type: str | None = None, kinds: tuple[str, ...] = ("relation", "event"),
            limit: int = 2000, claimant: str | None = None) -> dict[str, Any]:
    """Nodes (the actors on at least one kept edge) and up to LIMIT edges, strongest first;
    with CLAIMANT, only the claims and event reports attributed to it."""
    keys = claimant_keys(con, claimant) if claimant else None
    edges: list[dict[str, Any]] = []
    total = 0
    if "relation" in kinds:
        n, found = queries.relation_edges(con, since, until, keys, limit)
        total, edges = total + n, edges + found
    if "event" in kinds:
        n, found = queries.event_edges(con, since, until, event_type, keys, limit)
        total, edges = total + n, edges + found
    edges.sort(key=lambda e: (-e["count"], e["kind"], e["label"], e["source"], e["target"]))
    kept = edges[:limit]
    names: dict[str, str] = {}
    degree: dict[str, int] = {}
    for edge in kept:
        for end, name in ((edge["source"], edge.pop("source_name")), (edge["target"], edge.pop("target_name"))):
            degree[end] = degree.get(end, 0) + 1
            if name:
                names.setdefault(end, name)
        edge["polarity"] = POLARITY.get(edge.get("quad_class") or "")
        edge["doc_ids"] = edge["doc_ids"][:DOC_IDS_PER_EDGE]
    actors = {a["actor_id"]: a for a in queries.actors_by_id(con, sorted(degree))}
    nodes = []
    for node_id in sorted(degree):
        a = actors.get(node_id, {})
        nodes.append({"id": node_id, "label": a.get("name") or names.get(node_id) or node_id,
                      "type": a.get("type"), "code": a.get("code"), "kb_id": a.get("kb_id"),
                      "doc_count": a.get("doc_count"), "degree": degree[node_id]})
    return {"nodes": nodes, "edges": kept, "total_edges": total}
