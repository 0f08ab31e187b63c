"""Actors across the store: resolving a name, alias or code to actor ids, listing actors,
and a speaker's quotes."""
from __future__ import annotations

from typing import Any

from ...errors import NewsgraphError
from .connection import rows


def resolve_actor(con, text: str) -> list[str]:
    """Actor ids matching TEXT: id, kb id, canonical name, alias, or code ("TAL", "USA GOV").

    Case-insensitive. An exact id/name/alias match wins over a code match.
    """
    t = "lower(CAST($t AS VARCHAR))"
    found = [r[0] for r in con.execute(
        f"SELECT actor_id FROM actors WHERE lower(actor_id) = {t} OR lower(kb_id) = {t}"
        f" OR lower(name) = {t}"
        f" OR EXISTS (SELECT 1 FROM unnest(aliases) AS u(alias) WHERE lower(u.alias) = {t})"
        " ORDER BY doc_count DESC, actor_id", {"t": text}).fetchall()]
    if not found:
        t = "upper(CAST($t AS VARCHAR))"
        found = [r[0] for r in con.execute(
            f"SELECT actor_id FROM actors WHERE upper(code) = {t}"
            f" OR split_part(upper(code), ' ', 1) = {t} ORDER BY doc_count DESC, actor_id",
            {"t": text}).fetchall()]
    if not found:
        raise NewsgraphError(f"{text}: no such actor in the store (see `newsgraph actors`)")
    return found


def actors(con, type_: str | None = None, limit: int | None = None,
           event_counts: bool = True) -> list[dict[str, Any]]:
    """Every canonical actor with how often it occurs and in how many events (without
    ``event_counts``, ``events`` is None: counting them clusters every event of the store)."""
    events = ("""LEFT JOIN (SELECT u.id, count(DISTINCT c.cluster_id) AS n FROM event_clusters c
               CROSS JOIN unnest(c.actor_ids || c.recipient_ids) AS u(id) GROUP BY u.id) ev
           ON ev.id = a.actor_id""" if event_counts else "")
    sql = f"""
    SELECT a.actor_id, a.name, a.type, a.code, a.kb_id, a.doc_count, a.mention_count,
           {"coalesce(ev.n, 0)" if event_counts else "CAST(NULL AS BIGINT)"} AS events,
           coalesce(qu.n, 0) AS quotes, a.first_seen, a.last_seen, a.aliases
    FROM actors a
    {events}
    LEFT JOIN (SELECT speaker_actor, count(*) AS n FROM quotes GROUP BY speaker_actor) qu
           ON qu.speaker_actor = a.actor_id"""
    params: dict[str, Any] = {}
    if type_:
        sql += " WHERE upper(a.type) = upper(CAST($type AS VARCHAR))"
        params["type"] = type_
    sql += " ORDER BY a.doc_count DESC, a.mention_count DESC, a.actor_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return rows(con, sql, params)


def quotes(con, speaker: str) -> list[dict[str, Any]]:
    """A speaker's quotes across the store: canonical name, alias, speaker_text or speaker_name
    matching SPEAKER case-insensitively (also an actor id or code)."""
    s = "lower(CAST($s AS VARCHAR))"
    sql = f"""
    SELECT d.published, q.doc_id, d.title, coalesce(a.name, q.speaker_name, q.speaker_text)
           AS speaker, q.speaker_text, q.kind, q.cue, q.medium, q.text, q.quote_id, q.speaker_actor
    FROM quotes q JOIN documents d ON d.id = q.doc_id
    LEFT JOIN actors a ON a.actor_id = q.speaker_actor
    WHERE lower(q.speaker_text) = {s} OR lower(q.speaker_name) = {s}
       OR lower(a.name) = {s} OR lower(a.actor_id) = {s}
       OR EXISTS (SELECT 1 FROM unnest(a.aliases) AS u(alias) WHERE lower(u.alias) = {s})
       OR lower(a.code) = {s}
    ORDER BY d.published NULLS LAST, q.doc_id, q.start_char"""
    return rows(con, sql, {"s": speaker})
