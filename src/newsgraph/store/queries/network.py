"""The actor network as merged edges, aggregated in SQL: one edge per source, target, kind
and label, with how many claims or deduplicated events it stands for, its first and last
day, its documents and who asserts it. Only the strongest edges leave the database, so the
network of a large store is one query per kind, not every event in Python."""
from __future__ import annotations

import datetime as dt
from typing import Any

from .connection import rows


def _filters(day: str, since: dt.date | None, until: dt.date | None, claimed_by: list[str] | None,
             claim_columns: tuple[str, ...], params: dict[str, Any]) -> str:
    where = []
    if since:
        where.append(f"{day} >= CAST($since AS DATE)")
        params["since"] = since.isoformat()
    if until:
        where.append(f"{day} <= CAST($until AS DATE)")
        params["until"] = until.isoformat()
    if claimed_by is not None:
        params["_claimants"] = sorted(claimed_by)
        where.append("(" + " OR ".join(f"lower({c}) = ANY(CAST($_claimants AS VARCHAR[]))"
                                        for c in claim_columns) + ")")
    return "".join(f" AND {w}" for w in where)


def relation_edges(con, since: dt.date | None = None, until: dt.date | None = None,
                   claimed_by: list[str] | None = None, limit: int = 2000) -> tuple[int, list[dict[str, Any]]]:
    """(how many edges, the LIMIT strongest): relations between two actors, merged per
    subject, object and predicate, dated by their documents. CLAIMED_BY: only those whose
    source (actor id or as written, lower-cased) is one of these."""
    params: dict[str, Any] = {}
    cond = _filters("d.published", since, until, claimed_by, ("r.attributed_to_id", "r.attributed_to"), params)
    return _edges(con, f"""
        SELECT r.subject_id AS source, r.object_id AS target, 'relation' AS kind, r.predicate AS label,
               CAST(NULL AS VARCHAR) AS quad_class, count(*) AS count,
               min(d.published) AS first_day, max(d.published) AS last_day,
               array_agg(DISTINCT r.doc_id) AS doc_ids,
               array_agg(DISTINCT coalesce(r.attributed_to_id, r.attributed_to))
                   FILTER (WHERE coalesce(r.attributed_to_id, r.attributed_to) IS NOT NULL) AS attributed_to,
               min(r.subject_name) AS source_name, min(r.object_name) AS target_name,
               count(*) OVER () AS _total
        FROM relations r JOIN documents d ON d.id = r.doc_id
        WHERE r.subject_id IS NOT NULL AND r.object_id IS NOT NULL{cond}
        GROUP BY r.subject_id, r.object_id, r.predicate""", params, limit)


def event_edges(con, since: dt.date | None = None, until: dt.date | None = None, event_type: str | None = None,
                claimed_by: list[str] | None = None, limit: int = 2000) -> tuple[int, list[dict[str, Any]]]:
    """(how many edges, the LIMIT strongest): every actor -> recipient pair of the
    deduplicated events, merged per pair and PLOVER type; ``count`` is the number of events
    (clusters), the days and documents those of their reports dated within SINCE..UNTIL."""
    params: dict[str, Any] = {}
    cond = _filters("m.when_day", since, until, claimed_by, ("m.attributed_to",), params)
    if event_type:
        cond += " AND upper(m.event) = upper(CAST($_type AS VARCHAR))"
        params["_type"] = event_type
    return _edges(con, f"""
        SELECT a.id AS source, r.id AS target, 'event' AS kind, m.event AS label,
               min(m.quad_class) AS quad_class, count(DISTINCT m.cluster_id) AS count,
               min(m.when_day) AS first_day, max(m.when_day) AS last_day,
               array_agg(DISTINCT m.doc_id) AS doc_ids,
               array_agg(DISTINCT m.attributed_to) FILTER (WHERE m.attributed_to IS NOT NULL) AS attributed_to,
               CAST(NULL AS VARCHAR) AS source_name, CAST(NULL AS VARCHAR) AS target_name,
               count(*) OVER () AS _total
        FROM event_members m CROSS JOIN unnest(m.actor_ids) AS a(id) CROSS JOIN unnest(m.recipient_ids) AS r(id)
        WHERE a.id IS NOT NULL AND r.id IS NOT NULL AND a.id <> r.id{cond}
        GROUP BY a.id, r.id, m.event""", params, limit)


def _edges(con, sql: str, params: dict[str, Any], limit: int) -> tuple[int, list[dict[str, Any]]]:
    found = rows(con, f"{sql} ORDER BY count DESC, label, source, target LIMIT {max(int(limit), 0)}", params)
    total = int(found[0]["_total"]) if found else 0
    if not found and limit <= 0:
        total = int(con.execute(f"SELECT count(*) FROM ({sql}) e", params).fetchone()[0])
    for edge in found:
        del edge["_total"]
        edge["doc_ids"] = sorted(edge["doc_ids"] or [])
        edge["attributed_to"] = sorted(edge["attributed_to"] or [])
    return total, found


def actors_by_id(con, ids: list[str]) -> list[dict[str, Any]]:
    """The actors table's rows of IDS, by actor id."""
    if not ids:
        return []
    return rows(con, "SELECT * FROM actors WHERE actor_id = ANY(CAST($_ids AS VARCHAR[])) ORDER BY actor_id",
                {"_ids": list(ids)})
