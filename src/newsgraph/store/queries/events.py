"""Events across the store (deduplicated clusters or raw mentions), an actor's timeline,
and what passed between two actors (with the weekly cooperation/conflict index).

The actor, timeline and dyad queries cluster only the partitions of the actors asked about
(``clusters.events_of_sql``), which gives the same rows as filtering the whole-store views
(``pushdown=False`` does that instead).
"""
from __future__ import annotations

from typing import Any

from ..clusters import dyad_weekly_sql, has_any
from .connection import clusters_of, rows


def events(con, actor: list[str] | None = None, recipient: list[str] | None = None,
           event_type: str | None = None, since=None, until=None, raw: bool = False,
           pushdown: bool = True) -> list[dict[str, Any]]:
    """Deduplicated events (or every mention with ``raw``), filtered, in date order.

    ``actor`` and ``recipient`` are lists of actor ids; with only ``actor`` given, an event
    matches when the actor is on either side. With an actor or recipient, only that actor's
    partitions are clustered, which gives the same rows as filtering the whole-store view;
    ``pushdown=False`` filters the view instead.
    """
    sql, params = _events_sql(con, actor, recipient, event_type, since, until, raw, pushdown)
    return rows(con, sql, params)


def events_page(con, actor: list[str] | None = None, recipient: list[str] | None = None,
                event_type: str | None = None, since=None, until=None, raw: bool = False,
                limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(how many match, the LIMIT of them after OFFSET): ``events`` with the page cut in SQL,
    so a page of a large store does not bring every event into Python."""
    sql, params = _events_sql(con, actor, recipient, event_type, since, until, raw, True,
                              total=True)
    page = rows(con, f"{sql} LIMIT {max(int(limit), 0)} OFFSET {max(int(offset), 0)}", params)
    if page:
        total = int(page[0]["_total"])
    elif offset <= 0 < limit:
        total = 0
    else:  # past the end, or an empty page asked for: count alone
        total = int(con.execute(f"SELECT count(*) FROM ({sql}) p", params).fetchone()[0])
    for item in page:
        del item["_total"]
    return total, page


def _events_sql(con, actor, recipient, event_type, since, until, raw, pushdown,
                total: bool = False) -> tuple[str, dict[str, Any]]:
    """The events query and its parameters (``total``: each row also has ``_total``, the
    number of matching rows, counted before any LIMIT)."""
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
        source = clusters_of(con, actor or recipient, event_type, recipient if actor else None, raw)
    else:
        source = "event_members" if raw else "event_clusters"
    counted = ", count(*) OVER () AS _total" if total else ""
    if raw:
        sql = f"""SELECT when_day AS day, event, mode, actor_names, recipient_names, factuality,
                         attributed_to, event_text, doc_id, event_id, cluster_id, actor_ids,
                         recipient_ids, date, date_text, location_name, title{counted}
                  FROM {source} WHERE {cond} ORDER BY when_day NULLS LAST, doc_id, event_id"""
    else:
        sql = f"""SELECT first_day, last_day, event, quad_class, mode, actor_names, recipient_names,
                         place, n_sources, factualities, event_text, sources, cluster_id,
                         actor_ids, recipient_ids, mentions{counted}
                  FROM {source} WHERE {cond} ORDER BY first_day NULLS LAST, cluster_id"""
    return sql, params


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
    clusters = clusters_of(con, ids) if pushdown else "event_clusters"
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
    clusters = clusters_of(con, a, with_ids=b) if pushdown else "event_clusters"
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
    weekly = (f"({dyad_weekly_sql(f'SELECT * FROM {clusters_of(con, a, with_ids=b)}')}) w"
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
