"""Documents: one stored record by id, full-text search, the store's counts, near duplicates."""
from __future__ import annotations

import json
from typing import Any

from ...errors import NewsgraphError
from ..schema import ANNOTATION_TABLES
from .connection import rows


def record(con, doc_id: str) -> dict[str, Any] | None:
    """The stored record of a document by id, id prefix, external id or content hash."""
    found = con.execute(
        "SELECT CAST(record AS VARCHAR) FROM documents WHERE id = ? OR external_id = ?"
        " OR content_hash = ? OR substr(id, 1, length(?)) = ? ORDER BY id LIMIT 2",
        [doc_id, doc_id, doc_id, doc_id, doc_id]).fetchall()
    if len(found) > 1:
        raise NewsgraphError(f"{doc_id}: matches several documents; give more of the id")
    return json.loads(found[0][0]) if found else None


def has_document(con, content_hash: str) -> bool:
    """True when a document with this content hash is stored."""
    return con.execute("SELECT 1 FROM documents WHERE content_hash = ?",
                       [content_hash]).fetchone() is not None


def stats(con) -> dict[str, Any]:
    """Counts of documents and of each annotation, plus the date range and genres."""
    out: dict[str, Any] = {}
    out["documents"] = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    ).fetchall()}
    for table in (*ANNOTATION_TABLES, "actors", "near_duplicates"):
        if table in present:  # a read-only v1 database lacks the v2 tables
            out[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    out["distinct_entities"] = con.execute("SELECT count(DISTINCT entity_id) FROM entities").fetchone()[0]
    first, last = con.execute("SELECT min(published), max(published) FROM documents").fetchone()
    out["published_from"] = first.isoformat() if first else None
    out["published_to"] = last.isoformat() if last else None
    out["genres"] = dict(con.execute(
        "SELECT coalesce(genre, 'unknown'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC").fetchall())
    return out


def near_duplicates(con) -> list[dict[str, Any]]:
    """Every linked pair of near-duplicate documents with both titles and dates, most similar first."""
    return rows(con, """
        SELECT n.doc_id, d.title, d.published, n.duplicate_of, o.title AS duplicate_of_title,
               o.published AS duplicate_of_published, n.similarity
        FROM near_duplicates n JOIN documents d ON d.id = n.doc_id
        JOIN documents o ON o.id = n.duplicate_of
        ORDER BY n.similarity DESC, n.doc_id, n.duplicate_of""")


def search(con, text: str, width: int = 60, limit: int | None = None) -> list[dict[str, Any]]:
    """Documents whose text contains TEXT (case-insensitive), with a snippet around the first hit."""
    t = "CAST($t AS VARCHAR)"
    sql = f"""
    SELECT id AS doc_id, published, title, hits, pos,
           (CASE WHEN pos > {width} THEN '...' ELSE '' END)
           || replace(substr(text, greatest(pos - {width}, 1),
                             least(pos, {width + 1}) + length({t}) + {width} - 1), chr(10), ' ')
           || (CASE WHEN pos + length({t}) + {width} <= length(text) THEN '...' ELSE '' END)
           AS snippet
    FROM (SELECT id, published, title, text, strpos(lower(text), lower({t})) AS pos,
                 CAST((length(lower(text)) - length(replace(lower(text), lower({t}), '')))
                      / length({t}) AS BIGINT) AS hits
          FROM documents) found
    WHERE pos > 0
    ORDER BY published DESC NULLS LAST, id"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    return rows(con, sql, {"t": text})




def entity_actors(con, doc_id: str) -> dict[str, str]:
    """The actor id each entity of the document stands for (entities without one left out)."""
    return {r["entity_id"]: r["actor_id"] for r in rows(
        con, "SELECT entity_id, actor_id FROM entities WHERE doc_id = ? AND actor_id IS NOT NULL",
        [doc_id])}
