"""Listings for browsing the store page by page (the web API): documents with limit, offset
and a total, and one actor by id with its codes, types, roles, aliases and counts."""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from .connection import rows

# How many of an actor's documents (newest first) are read for the roles and affiliations
# that its entities carry in the records (they have no column of their own).
ROLE_DOCUMENTS = 200


def _document_filter(since: dt.date | str | None, until: dt.date | str | None
                     ) -> tuple[str, dict[str, Any]]:
    where, params = [], {}
    if since:
        where.append("published >= CAST($since AS DATE)")
        params["since"] = str(since)
    if until:
        where.append("published <= CAST($until AS DATE)")
        params["until"] = str(until)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def list_documents(con, limit: int = 100, offset: int = 0, since: dt.date | str | None = None,
              until: dt.date | str | None = None) -> list[dict[str, Any]]:
    """Documents without their text or record, newest first (then by id); optionally only
    those published from SINCE to UNTIL (inclusive). ``chars`` is the text's length."""
    where, params = _document_filter(since, until)
    return rows(con, f"""
        SELECT id, title, published, source, url, genre, language, external_id, content_hash,
               length(text) AS chars
        FROM documents{where}
        ORDER BY published DESC NULLS LAST, id
        LIMIT {max(int(limit), 0)} OFFSET {max(int(offset), 0)}""", params)


def count_documents(con, since: dt.date | str | None = None, until: dt.date | str | None = None) -> int:
    """How many documents ``list_documents`` would list with these filters and no limit."""
    where, params = _document_filter(since, until)
    return int(con.execute(f"SELECT count(*) FROM documents{where}", params).fetchone()[0])


def actor(con, actor_id: str) -> dict[str, Any] | None:
    """One canonical actor by its exact id, or None: the actors table's row plus

    * ``codes`` and ``types``: each code (type) its entities carry, with in how many documents;
    * ``entity_ids``: the per-document entity ids standing for it (what claims name);
    * ``roles`` and ``affiliations``: from the records of its newest ``ROLE_DOCUMENTS``
      documents, each with how many entities carry it;
    * ``counts``: its event mentions (either side), quotes, relations and commitments.
    """
    found = rows(con, "SELECT * FROM actors WHERE actor_id = $id", {"id": actor_id})
    if not found:
        return None
    out = found[0]
    out["aliases"] = list(out.get("aliases") or [])
    params = {"id": actor_id}
    for column, key in (("code", "codes"), ("type", "types")):
        out[key] = rows(con, f"""
            SELECT {column} AS value, count(DISTINCT doc_id) AS documents FROM entities
            WHERE actor_id = $id AND {column} IS NOT NULL
            GROUP BY {column} ORDER BY documents DESC, value""", params)
    out["entity_ids"] = [r["entity_id"] for r in rows(
        con, "SELECT DISTINCT entity_id FROM entities WHERE actor_id = $id ORDER BY entity_id", params)]
    out.update(_roles(con, actor_id))
    value = "CAST($id AS VARCHAR)"
    out["counts"] = {
        "event_mentions": _count(con, f"SELECT count(*) FROM events WHERE {con.contains('actor_ids', value)}"
                                      f" OR {con.contains('recipient_ids', value)}", params),
        "quotes": _count(con, "SELECT count(*) FROM quotes WHERE speaker_actor = $id", params),
        "relations": _count(con, "SELECT count(*) FROM relations WHERE subject_id = $id"
                                 " OR object_id = $id", params),
        "commitments": _count(con, "SELECT count(*) FROM commitments WHERE party_id = $id", params),
    }
    return out


def _count(con, sql: str, params: dict[str, Any]) -> int:
    return int(con.execute(sql, params).fetchone()[0])


def _roles(con, actor_id: str) -> dict[str, list[dict[str, Any]]]:
    """The roles and affiliations the actor's entities carry in its newest records."""
    found = rows(con, f"""
        SELECT e.entity_id, CAST(d.record AS VARCHAR) AS record
        FROM (SELECT DISTINCT doc_id, entity_id FROM entities WHERE actor_id = $id) e
        JOIN documents d ON d.id = e.doc_id
        ORDER BY d.published DESC NULLS LAST, d.id, e.entity_id LIMIT {ROLE_DOCUMENTS}""",
        {"id": actor_id})
    roles: Counter[str] = Counter()
    affiliations: Counter[str] = Counter()
    for row in found:
        for entity in json.loads(row["record"]).get("entities") or []:
            if entity.get("id") != row["entity_id"]:
                continue
            roles.update(r for r in entity.get("roles") or [] if r)
            if entity.get("affiliation"):
                affiliations[entity["affiliation"]] += 1

    def listed(counts: Counter[str], key: str) -> list[dict[str, Any]]:
        return [{key: k, "count": n} for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    return {"roles": listed(roles, "role"), "affiliations": listed(affiliations, "affiliation")}
