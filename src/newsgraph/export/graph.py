"""The actor network as GEXF, GraphML (Gephi, yEd) or Cytoscape JSON, built with networkx.

Nodes are canonical actors (id, label, type, code, kb_id, doc_count, aliases). Edges are
directed: one per relation (kind "relation", predicate, factuality, attributed_to, doc_id,
evidence offsets) and one per deduplicated event and actor/recipient pair (kind "event",
event_type, quad_class, date, factuality, attributed_to, doc_ids, n_sources, cluster_id).
Attribute values are strings or numbers (lists joined with "; "), as both formats require.
"""
from __future__ import annotations

import json
from typing import IO

from ..store.queries import actor_records, actor_relations, event_clusters
from . import exporter, require


def _clean(attrs: dict) -> dict:
    out = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            value = "; ".join(str(v) for v in value if v is not None)
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        out[key] = value
    return out


def build_graph(con):
    """A networkx MultiDiGraph of actors, relations and events."""
    nx = require("networkx", "networkx")
    graph = nx.MultiDiGraph(name="newsgraph")
    for a in actor_records(con):
        graph.add_node(a["actor_id"], **_clean({
            "label": a["name"], "type": a["type"], "code": a["code"], "kb_id": a["kb_id"],
            "doc_count": a["doc_count"], "mention_count": a["mention_count"],
            "aliases": a["aliases"]}))

    def node(actor_id, name):
        if actor_id not in graph:
            graph.add_node(actor_id, **_clean({"label": name or actor_id, "type": "UNKNOWN"}))

    for r in actor_relations(con):
        node(r["subject_id"], r["subject_name"])
        node(r["object_id"], r["object_name"])
        graph.add_edge(r["subject_id"], r["object_id"], key=f"relation:{r['doc_id']}:{r['relation_no']}",
                       **_clean({"kind": "relation", "label": r["predicate"], "predicate": r["predicate"],
                                 "factuality": r["factuality"], "attributed_to": r["attributed_to"],
                                 "doc_id": r["doc_id"], "start": r["start_char"], "end": r["end_char"]}))
    for c in event_clusters(con):
        c["attributions"] = sorted({m["attributed_to"] for m in c["mentions"] if m["attributed_to"]})
        for a_id, a_name in zip(c["actor_ids"], c["actor_names"]):
            for r_id, r_name in zip(c["recipient_ids"], c["recipient_names"]):
                if not a_id or not r_id or a_id == r_id:
                    continue
                node(a_id, a_name)
                node(r_id, r_name)
                graph.add_edge(a_id, r_id, key=f"event:{c['cluster_id']}:{a_id}:{r_id}", **_clean({
                    "kind": "event", "label": c["event"], "event_type": c["event"],
                    "quad_class": c["quad_class"], "date": c["first_day"], "mode": c["mode"],
                    "factuality": c["factualities"], "attributed_to": c["attributions"],
                    "doc_id": c["sources"], "n_sources": c["n_sources"],
                    "cluster_id": c["cluster_id"], "event_text": c["event_text"]}))
    return graph


@exporter("gexf", "newsgraph.gexf")
def write_gexf(con, out: IO[str]) -> int:
    """The actor network as GEXF 1.2 (Gephi): actors, relations and event dyads."""
    nx = require("networkx", "networkx")
    graph = build_graph(con)
    for line in nx.generate_gexf(graph):
        out.write(line + "\n")
    return graph.number_of_nodes() + graph.number_of_edges()


@exporter("graphml", "newsgraph.graphml")
def write_graphml(con, out: IO[str]) -> int:
    """The actor network as GraphML: actors, relations and event dyads."""
    nx = require("networkx", "networkx")
    graph = build_graph(con)
    for line in nx.generate_graphml(graph):
        out.write(line + "\n")
    return graph.number_of_nodes() + graph.number_of_edges()


@exporter("cytoscape", "newsgraph.cyjs")
def write_cytoscape(con, out: IO[str]) -> int:
    """The actor network as Cytoscape.js JSON: actors, relations and event dyads."""
    nx = require("networkx", "networkx")
    graph = build_graph(con)
    data = nx.cytoscape_data(graph)
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return graph.number_of_nodes() + graph.number_of_edges()

