"""What the export formats read: whole-store listings in a stable order (see ``export/``)."""
from __future__ import annotations

from typing import Any

from .connection import rows


def articles(con) -> list[dict[str, Any]]:
    """Every document with its text and record (JSON text), by date then id."""
    return rows(con, "SELECT id, title, published, url, source, genre, language, text,"
                     " CAST(record AS VARCHAR) AS record FROM documents ORDER BY published NULLS LAST, id")


def actor_records(con) -> list[dict[str, Any]]:
    """Every row of the actors table, by actor id."""
    return rows(con, "SELECT * FROM actors ORDER BY actor_id")


def document_actors(con) -> list[tuple[str, str]]:
    """(document id, actor id) for every actor a document mentions, sorted."""
    return [(r["doc_id"], r["actor_id"]) for r in rows(
        con, "SELECT DISTINCT doc_id, actor_id FROM entities WHERE actor_id IS NOT NULL ORDER BY 1, 2")]


def actor_relations(con, known_actors: bool = False) -> list[dict[str, Any]]:
    """Relations whose subject and object are both actors (``known_actors``: both in the actors
    table), with the document's date and the evidence text, by document and position."""
    where = ("r.subject_id IN (SELECT actor_id FROM actors) AND r.object_id IN (SELECT actor_id FROM actors)"
             if known_actors else "r.subject_id IS NOT NULL AND r.object_id IS NOT NULL")
    return rows(con, f"""SELECT r.*, d.published,
                                substr(d.text, r.start_char + 1, r.end_char - r.start_char) AS evidence
                         FROM relations r JOIN documents d ON d.id = r.doc_id
                         WHERE {where} ORDER BY r.doc_id, r.relation_no""")


def event_clusters(con) -> list[dict[str, Any]]:
    """Every deduplicated event with its mentions, by first day then cluster id."""
    return rows(con, "SELECT * FROM event_clusters ORDER BY first_day NULLS LAST, cluster_id")


def event_mentions(con) -> list[dict[str, Any]]:
    """Every event mention with its document fields and its cluster's source count, by date."""
    return rows(con, """SELECT m.*, c.n_sources FROM event_members m JOIN event_clusters c USING (cluster_id)
                        ORDER BY m.when_day NULLS LAST, m.doc_id, m.event_id""")
