"""Cross-document queries over the store (DuckDB or PostgreSQL): read-only SQL, no writes.

``connect`` opens a store read-only (upgrading an older schema first) and creates temporary
views on that connection only, so query logic can change without a schema migration:
``event_rows``, ``event_members``, ``event_clusters`` and ``dyad_weekly`` (see
``clusters.py`` for what each holds). The actor, timeline and dyad queries cluster only the
partitions of the actors asked about (``clusters.events_of_sql``), which gives the same rows as
filtering the whole-store views (``pushdown=False`` does that instead).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...errors import NewsgraphError
from .. import backend, schema
from ..clusters import (DEFAULT_WINDOW_DAYS, PLOVER_QUAD, clusters_sql, dyad_weekly_sql,
                        events_of_sql, has_any, members_sql, rows_sql)

__all__ = ["DEFAULT_WINDOW_DAYS", "PLOVER_QUAD", "connect", "rows", "resolve_actor", "actors",
           "events", "timeline", "dyad", "dyad_index", "quotes", "search", "check_read_only"]


def install_views(con, window_days: int = DEFAULT_WINDOW_DAYS) -> None:
    """Create the temporary query views on this connection (before it is sealed read-only)."""
    members = members_sql("event_rows", window_days)
    for name, sql in (("event_rows", rows_sql()), ("event_members", members),
                      ("event_clusters", clusters_sql(con, "SELECT * FROM event_members")),
                      ("dyad_weekly", dyad_weekly_sql("SELECT * FROM event_clusters"))):
        con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS {sql}")
    con.window_days = int(window_days)


def connect(path: str | Path, window_days: int = DEFAULT_WINDOW_DAYS, external_access: bool = True):
    """Open a store read-only, upgrading an older schema in place first, with the views.

    ``external_access=False`` forbids reading or writing other files from SQL (used by
    ``newsgraph sql``).
    """
    con = backend.connect(path, read_only=True, external_access=external_access)
    current = schema.version(con)
    if current is None and backend.is_server(path):
        con.close()
        raise NewsgraphError(f"{con.target}: no newsgraph store there (run `newsgraph ingest` first)")
    if current is None or current < schema.SCHEMA_VERSION:
        con.close()
        from ..database import Store  # the one writer upgrades the store, then we read

        Store(path).close()
        con = backend.connect(path, read_only=True, external_access=external_access)
    install_views(con, window_days)
    con.seal()
    return con


def rows(con, sql: str, params: list | dict | None = None) -> list[dict[str, Any]]:
    """Run a query and return its rows as dicts."""
    cur = con.execute(sql, params if params is not None else [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _clusters_of(con, ids: list[str], event_type: str | None = None,
                 with_ids: list[str] | None = None, raw: bool = False) -> str:
    """The cluster (or member) rows of the partitions of IDS, as a subquery (``$_ids``...)."""
    events = events_of_sql(con, ids, event_type, with_ids)
    members = members_sql(f"({rows_sql(events)}) r", con.window_days)
    return f"({members}) x" if raw else f"({clusters_sql(con, members)}) x"


# --- actors --------------------------------------------------------------------------------

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


def actors(con, type_: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Every canonical actor with how often it occurs and in how many events."""
    sql = """
    SELECT a.actor_id, a.name, a.type, a.code, a.kb_id, a.doc_count, a.mention_count,
           coalesce(ev.n, 0) AS events, coalesce(qu.n, 0) AS quotes,
           a.first_seen, a.last_seen, a.aliases
    FROM actors a
    LEFT JOIN (SELECT u.id, count(DISTINCT c.cluster_id) AS n FROM event_clusters c
               CROSS JOIN unnest(c.actor_ids || c.recipient_ids) AS u(id) GROUP BY u.id) ev
           ON ev.id = a.actor_id
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


# --- events --------------------------------------------------------------------------------

def events(con, actor: list[str] | None = None, recipient: list[str] | None = None,
           event_type: str | None = None, since=None, until=None, raw: bool = False,
           pushdown: bool = True) -> list[dict[str, Any]]:
    """Deduplicated events (or every mention with ``raw``), filtered, in date order.

    ``actor`` and ``recipient`` are lists of actor ids; with only ``actor`` given, an event
    matches when the actor is on either side. With an actor or recipient, only that actor's
    partitions are clustered, which gives the same rows as filtering the whole-store view;
    ``pushdown=False`` filters the view instead.
    """
    where, params = [], {}
    if actor and recipient:
        where.append(f"{has_any(con, 'actor_ids', '_ids', actor)}"
                     f" AND {has_any(con, 'recipient_ids', '_with', recipient)}")
        params.update(_ids=actor, _with=recipient)
    elif actor or recipient:
        ids = actor or recipient
        where.append(f"{has_any(con, 'recipient_ids', '_ids', ids)}" if recipient else
                     f"({has_any(con, 'actor_ids', '_ids', ids)}"
                     f" OR {has_any(con, 'recipient_ids', '_ids', ids)})")
        params["_ids"] = ids
    if event_type:
        where.append("upper(event) = upper(CAST($_type AS VARCHAR))")
        params["_type"] = event_type
    first, last = ("when_day", "when_day") if raw else ("first_day", "last_day")
    if since:
        where.append(f"{last} >= CAST($since AS DATE)")
        params["since"] = str(since)
    if until:
        where.append(f"{first} <= CAST($until AS DATE)")
        params["until"] = str(until)
    cond = " AND ".join(where) or "TRUE"
    if (actor or recipient) and pushdown:
        source = _clusters_of(con, actor or recipient, event_type, recipient if actor else None, raw)
    else:
        source = "event_members" if raw else "event_clusters"
    if raw:
        sql = f"""SELECT when_day AS day, event, mode, actor_names, recipient_names, factuality,
                         attributed_to, event_text, doc_id, event_id, cluster_id, actor_ids,
                         recipient_ids, date, date_text, location_name, title
                  FROM {source} WHERE {cond} ORDER BY when_day NULLS LAST, doc_id, event_id"""
    else:
        sql = f"""SELECT first_day, last_day, event, quad_class, mode, actor_names, recipient_names,
                         place, n_sources, factualities, event_text, sources, cluster_id,
                         actor_ids, recipient_ids, mentions
                  FROM {source} WHERE {cond} ORDER BY first_day NULLS LAST, cluster_id"""
    return rows(con, sql, params)


# --- timelines -----------------------------------------------------------------------------

def _in(column: str, param: str) -> str:
    """SQL: the scalar COLUMN is one of the ids bound to ``$PARAM``."""
    return f"{column} = ANY(CAST(${param} AS VARCHAR[]))"


def _evidence(alias: str) -> str:
    """SQL: the document text of the span of the row ALIAS (``d`` is its document)."""
    return f"substr(d.text, {alias}.start_char + 1, {alias}.end_char - {alias}.start_char)"


def timeline(con, ids: list[str], pushdown: bool = True) -> list[dict[str, Any]]:
    """Events, quotes, relations and commitments involving the actors, by date.

    Clusters only the actors' partitions unless ``pushdown=False`` (the same rows).
    """
    clusters = _clusters_of(con, ids) if pushdown else "event_clusters"
    acts = has_any(con, "actor_ids", "_ids", ids)
    sql = f"""
    SELECT first_day AS day, 'event' AS kind, event AS what,
           CASE WHEN {acts} THEN array_to_string(recipient_names, ', ')
                ELSE array_to_string(actor_names, ', ') END AS counterpart,
           CASE WHEN {acts} THEN 'actor' ELSE 'recipient' END AS role,
           event_text AS text, array_to_string(factualities, ',') AS factuality,
           n_sources, array_to_string(sources, ',') AS doc_ids
    FROM {clusters}
    WHERE {acts} OR {has_any(con, "recipient_ids", "_ids", ids)}
    UNION ALL
    SELECT d.published, 'quote', q.kind, NULL, 'speaker', q.text, NULL, 1, q.doc_id
    FROM quotes q JOIN documents d ON d.id = q.doc_id
    WHERE {_in("q.speaker_actor", "_ids")}
    UNION ALL
    SELECT d.published, 'relation', r.predicate,
           CASE WHEN {_in("r.subject_id", "_ids")} THEN r.object_name ELSE r.subject_name END,
           CASE WHEN {_in("r.subject_id", "_ids")} THEN 'subject' ELSE 'object' END,
           {_evidence("r")}, r.factuality, 1, r.doc_id
    FROM relations r JOIN documents d ON d.id = r.doc_id
    WHERE {_in("r.subject_id", "_ids")} OR {_in("r.object_id", "_ids")}
    UNION ALL
    SELECT d.published, 'commitment', c.action, c.agreement, 'party',
           concat_ws('; ', c.action, 'deadline ' || c.deadline, 'if ' || c.condition), NULL, 1,
           c.doc_id
    FROM commitments c JOIN documents d ON d.id = c.doc_id
    WHERE {_in("c.party_id", "_ids")}
    ORDER BY day NULLS LAST, kind, doc_ids, what, role, counterpart, text, factuality, n_sources"""
    return rows(con, sql, {"_ids": ids})


def dyad(con, a: list[str], b: list[str], pushdown: bool = True) -> list[dict[str, Any]]:
    """Events (either direction) and relations between two actors, by date.

    Clusters only the partitions of A and B unless ``pushdown=False`` (the same rows).
    """
    clusters = _clusters_of(con, a, with_ids=b) if pushdown else "event_clusters"
    a_acts = has_any(con, "actor_ids", "_ids", a)
    sql = f"""
    SELECT first_day AS day, 'event' AS kind, event AS what,
           CASE WHEN {a_acts} THEN 'A->B' ELSE 'B->A' END AS direction,
           quad_class, event_text AS text, array_to_string(factualities, ',') AS factuality,
           n_sources, array_to_string(sources, ',') AS doc_ids
    FROM {clusters}
    WHERE ({a_acts} AND {has_any(con, "recipient_ids", "_with", b)})
       OR ({has_any(con, "actor_ids", "_with", b)} AND {has_any(con, "recipient_ids", "_ids", a)})
    UNION ALL
    SELECT d.published, 'relation', r.predicate,
           CASE WHEN {_in("r.subject_id", "_ids")} THEN 'A->B' ELSE 'B->A' END, NULL,
           {_evidence("r")}, r.factuality, 1, r.doc_id
    FROM relations r JOIN documents d ON d.id = r.doc_id
    WHERE ({_in("r.subject_id", "_ids")} AND {_in("r.object_id", "_with")})
       OR ({_in("r.subject_id", "_with")} AND {_in("r.object_id", "_ids")})
    ORDER BY day NULLS LAST, kind, doc_ids, what, direction, quad_class, text, factuality,
             n_sources"""
    return rows(con, sql, {"_ids": a, "_with": b})


def dyad_index(con, a: list[str], b: list[str], directed: bool = False, pushdown: bool = True
               ) -> list[dict[str, Any]]:
    """Weekly quad-class counts and the cooperation/conflict index between two actors.

    The index is the mean weight of the week's events: verbal cooperation +1, material
    cooperation +2, verbal conflict -1, material conflict -2 (so it lies in [-2, 2]).
    Undirected unless ``directed`` (then only A -> B). Clusters only the partitions of A and B
    unless ``pushdown=False`` (the same rows).
    """
    weekly = (f"({dyad_weekly_sql(f'SELECT * FROM {_clusters_of(con, a, with_ids=b)}')}) w"
              if pushdown else "dyad_weekly")
    cond = f"({_in('actor_id', '_ids')} AND {_in('recipient_id', '_with')})"
    if not directed:
        cond += f" OR ({_in('actor_id', '_with')} AND {_in('recipient_id', '_ids')})"
    sql = f"""
    SELECT week, sum(verbal_cooperation) AS verbal_cooperation,
           sum(material_cooperation) AS material_cooperation,
           sum(verbal_conflict) AS verbal_conflict, sum(material_conflict) AS material_conflict,
           sum(events) AS events,
           CAST(round(CAST(sum(verbal_cooperation) + 2 * sum(material_cooperation)
                           - sum(verbal_conflict) - 2 * sum(material_conflict) AS NUMERIC)
                      / sum(events), 3) AS DOUBLE PRECISION) AS coop_conflict_index
    FROM {weekly} WHERE {cond} GROUP BY week ORDER BY week"""
    return rows(con, sql, {"_ids": a, "_with": b})


# --- quotes and documents ------------------------------------------------------------------

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


# --- read-only SQL -------------------------------------------------------------------------

def check_read_only(con, sql: str) -> None:
    """Refuse anything but a single SELECT (or WITH ... SELECT) statement.

    DuckDB parses the text; on PostgreSQL the session is read-only and one statement per call
    is all the server accepts with parameters, so the first word is what is left to check.
    """
    if con.dialect == "duckdb":
        import duckdb

        try:
            statements = con.raw.extract_statements(sql)
        except duckdb.Error as exc:
            raise NewsgraphError(f"cannot parse the query: {exc}") from None
        count = len(statements)
        kind = str(statements[0].type).rsplit(".", 1)[-1] if statements else "nothing"
    else:
        body = re.sub(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"", "''", sql).strip().rstrip(";").strip()
        count = body.count(";") + 1 if body else 0
        kind = body.split(None, 1)[0].upper() if body else "nothing"
        kind = "SELECT" if kind in ("SELECT", "WITH", "VALUES", "TABLE") else kind
    if count != 1:
        raise NewsgraphError(f"give exactly one SELECT statement (got {count})")
    if kind != "SELECT":
        raise NewsgraphError(f"only SELECT or WITH ... SELECT queries are allowed here (got {kind});"
                             " the store is opened read-only")
