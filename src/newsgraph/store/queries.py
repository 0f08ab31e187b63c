"""Cross-document queries over the store: read-only SQL, no writes.

``connect`` opens a database read-only (upgrading an older schema first) and installs
temporary views and macros on that connection only, so query logic can change without a
schema migration:

* ``event_rows``: every stored event with its document, PLOVER quad class and the day used
  for ordering (the event's own day, else the publication day).
* ``event_cluster_members_within(days)`` / ``event_members``: each event with the id of the
  cluster it belongs to.
* ``event_clusters_within(days)`` / ``event_clusters``: events deduplicated across documents
  (same PLOVER type, same actor and recipient actor ids, days chained within the window,
  same place or an unknown place), each with all its source documents and mentions.
* ``dyad_weekly``: per directed dyad and ISO week, counts per quad class and a
  cooperation/conflict index.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from ..errors import NewsgraphError
from . import schema

DEFAULT_WINDOW_DAYS = 3

# PLOVER event type -> quad class, from the definitions of each type (verbal acts that
# promise, meet, back or concede are verbal cooperation; material help, joint action and
# immediate concessions are material cooperation; demands, accusations, refusals and threats
# are verbal conflict; protest, reduced relations, mobilisation, repression and violence are
# material conflict).
VERBAL_COOPERATION = "verbal_cooperation"
MATERIAL_COOPERATION = "material_cooperation"
VERBAL_CONFLICT = "verbal_conflict"
MATERIAL_CONFLICT = "material_conflict"
PLOVER_QUAD: dict[str, str] = {
    "AGREE": VERBAL_COOPERATION, "CONSULT": VERBAL_COOPERATION,
    "SUPPORT": VERBAL_COOPERATION, "CONCEDE": VERBAL_COOPERATION,
    "COOPERATE": MATERIAL_COOPERATION, "AID": MATERIAL_COOPERATION,
    "RETREAT": MATERIAL_COOPERATION,
    "REQUEST": VERBAL_CONFLICT, "ACCUSE": VERBAL_CONFLICT, "REJECT": VERBAL_CONFLICT,
    "THREATEN": VERBAL_CONFLICT,
    "PROTEST": MATERIAL_CONFLICT, "SANCTION": MATERIAL_CONFLICT, "MOBILIZE": MATERIAL_CONFLICT,
    "COERCE": MATERIAL_CONFLICT, "ASSAULT": MATERIAL_CONFLICT,
}
# The PLOVER/CAMEO quad code (1-4) and the weight of each class in the index.
QUAD_CODE = {VERBAL_COOPERATION: 1, MATERIAL_COOPERATION: 2, VERBAL_CONFLICT: 3,
             MATERIAL_CONFLICT: 4}
QUAD_WEIGHT = {VERBAL_COOPERATION: 1, MATERIAL_COOPERATION: 2, VERBAL_CONFLICT: -1,
               MATERIAL_CONFLICT: -2}
# Events reported as not having happened do not count in the index.
NOT_HAPPENED = ("negated", "counterfactual")


def _case(column: str, mapping: dict[str, Any]) -> str:
    whens = " ".join(f"WHEN '{k}' THEN {v!r}" if isinstance(v, str) else f"WHEN '{k}' THEN {v}"
                     for k, v in mapping.items())
    return f"CASE upper({column}) {whens} END"


def _views_sql(window_days: int) -> str:
    quad = _case("e.event", PLOVER_QUAD)
    code = _case("e.event", {k: QUAD_CODE[v] for k, v in PLOVER_QUAD.items()})
    weight = _case("e.event", {k: QUAD_WEIGHT[v] for k, v in PLOVER_QUAD.items()})
    order = "when_day, place, doc_id, event_id"
    part = "PARTITION BY event, actor_key, recipient_key"
    not_happened = ", ".join(f"'{f}'" for f in NOT_HAPPENED)
    return f"""
CREATE OR REPLACE TEMP VIEW event_rows AS
SELECT e.*, d.published, d.title, d.url, d.source,
       {quad} AS quad_class, {code} AS quad_code, {weight} AS weight,
       coalesce(e.day, d.published) AS when_day,
       lower(coalesce(e.location_entity, e.location_name)) AS place
FROM events e JOIN documents d ON d.id = e.doc_id;

CREATE OR REPLACE TEMP MACRO event_cluster_members_within(days) AS TABLE
WITH marked AS (
    SELECT *, last_value(place IGNORE NULLS) OVER (
                  {part} ORDER BY {order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                  AS prior_place,
              lag(when_day) OVER ({part} ORDER BY {order}) AS prior_day,
              row_number() OVER ({part} ORDER BY {order}) AS n_in_part
    FROM event_rows),
flagged AS (
    SELECT *, CASE WHEN n_in_part = 1 OR when_day IS NULL OR prior_day IS NULL
                     OR when_day - prior_day > days
                     OR (place IS NOT NULL AND prior_place IS NOT NULL AND place <> prior_place)
                   THEN 1 ELSE 0 END AS starts
    FROM marked),
islands AS (
    SELECT *, sum(starts) OVER ({part} ORDER BY {order} ROWS UNBOUNDED PRECEDING) AS island
    FROM flagged)
SELECT substr(md5(concat_ws('|', event, actor_key, recipient_key,
                  CAST(min(when_day) OVER (PARTITION BY event, actor_key, recipient_key, island)
                       AS VARCHAR),
                  CAST(min(doc_id || '/' || event_id)
                       OVER (PARTITION BY event, actor_key, recipient_key, island) AS VARCHAR))),
              1, 16) AS cluster_id,
       * EXCLUDE (prior_place, prior_day, n_in_part, starts, island)
FROM islands;

CREATE OR REPLACE TEMP MACRO event_clusters_within(days) AS TABLE
SELECT cluster_id, any_value(event) AS event, any_value(quad_class) AS quad_class,
       any_value(quad_code) AS quad_code, any_value(weight) AS weight,
       first(mode ORDER BY mode NULLS LAST) AS mode,
       first(actor_ids ORDER BY {order}) AS actor_ids,
       first(actor_names ORDER BY {order}) AS actor_names,
       first(actor_codes ORDER BY {order}) AS actor_codes,
       first(recipient_ids ORDER BY {order}) AS recipient_ids,
       first(recipient_names ORDER BY {order}) AS recipient_names,
       first(recipient_codes ORDER BY {order}) AS recipient_codes,
       min(when_day) AS first_day, max(when_day) AS last_day,
       first(coalesce(location_name, location_entity) ORDER BY place NULLS LAST) AS place,
       count(DISTINCT doc_id) AS n_sources, count(*) AS n_mentions,
       list(DISTINCT doc_id ORDER BY doc_id) AS sources,
       list(DISTINCT factuality ORDER BY factuality) AS factualities,
       bool_or(factuality IS NULL OR factuality NOT IN ({not_happened})) AS happened,
       list({{'doc_id': doc_id, 'event_id': event_id, 'published': published,
             'date': date, 'event_text': event_text, 'factuality': factuality,
             'attributed_to': attributed_to, 'start': start_char, 'end': end_char}}
            ORDER BY {order}) AS mentions,
       first(event_text ORDER BY {order}) AS event_text
FROM event_cluster_members_within(days)
GROUP BY cluster_id;

CREATE OR REPLACE TEMP VIEW event_members AS
SELECT * FROM event_cluster_members_within({int(window_days)});
CREATE OR REPLACE TEMP VIEW event_clusters AS
SELECT * FROM event_clusters_within({int(window_days)});

CREATE OR REPLACE TEMP VIEW dyad_weekly AS
SELECT a.id AS actor_id, r.id AS recipient_id,
       CAST(date_trunc('week', c.first_day) AS DATE) AS week,
       count(*) FILTER (WHERE c.quad_code = 1) AS verbal_cooperation,
       count(*) FILTER (WHERE c.quad_code = 2) AS material_cooperation,
       count(*) FILTER (WHERE c.quad_code = 3) AS verbal_conflict,
       count(*) FILTER (WHERE c.quad_code = 4) AS material_conflict,
       count(*) AS events,
       round(sum(c.weight) / count(*), 3) AS coop_conflict_index
FROM event_clusters c
CROSS JOIN unnest(c.actor_ids) AS a(id)
CROSS JOIN unnest(c.recipient_ids) AS r(id)
WHERE c.happened AND c.quad_code IS NOT NULL AND c.first_day IS NOT NULL
  AND a.id IS NOT NULL AND r.id IS NOT NULL AND a.id <> r.id
GROUP BY ALL;
"""


def install_views(con: duckdb.DuckDBPyConnection, window_days: int = DEFAULT_WINDOW_DAYS) -> None:
    """Create the temporary query views on this connection (works on read-only connections)."""
    for statement in _views_sql(window_days).split(";\n"):
        if statement.strip():
            con.execute(statement)


def connect(path: str | Path, window_days: int = DEFAULT_WINDOW_DAYS,
            external_access: bool = True) -> duckdb.DuckDBPyConnection:
    """Open a store read-only, upgrading an older schema in place first, with the views.

    ``external_access=False`` forbids reading or writing other files from SQL (used by
    ``newsgraph sql``).
    """
    path = str(path)
    if not Path(path).exists():
        raise NewsgraphError(f"{path}: no such database (run `newsgraph ingest` first)")
    con = _open(path, external_access)
    current = schema.version(con)
    if current is None or current < schema.SCHEMA_VERSION:
        con.close()
        from .duckdb_store import Store  # the one writer upgrades the file, then we read

        Store(path).close()
        con = _open(path, external_access)
    install_views(con, window_days)
    return con


def _open(path: str, external_access: bool) -> duckdb.DuckDBPyConnection:
    config = {} if external_access else {"enable_external_access": False}
    try:
        return duckdb.connect(path, read_only=True, config=config)
    except duckdb.Error as exc:
        raise NewsgraphError(f"{path}: cannot open the database ({exc})") from None


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    """Run a query and return its rows as dicts."""
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


# --- actors --------------------------------------------------------------------------------

def resolve_actor(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """Actor ids matching TEXT: id, kb id, canonical name, alias, or code ("TAL", "USA GOV").

    Case-insensitive. An exact id/name/alias match wins over a code match.
    """
    found = [r[0] for r in con.execute(
        "SELECT actor_id FROM actors WHERE lower(actor_id) = lower($t) OR lower(kb_id) = lower($t)"
        " OR lower(name) = lower($t)"
        " OR EXISTS (SELECT 1 FROM unnest(aliases) AS u(alias) WHERE lower(u.alias) = lower($t))"
        " ORDER BY doc_count DESC, actor_id", {"t": text}).fetchall()]
    if not found:
        found = [r[0] for r in con.execute(
            "SELECT actor_id FROM actors WHERE upper(code) = upper($t)"
            " OR split_part(upper(code), ' ', 1) = upper($t) ORDER BY doc_count DESC, actor_id",
            {"t": text}).fetchall()]
    if not found:
        raise NewsgraphError(f"{text}: no such actor in the store (see `newsgraph actors`)")
    return found


def actors(con: duckdb.DuckDBPyConnection, type_: str | None = None, limit: int | None = None
           ) -> list[dict[str, Any]]:
    """Every canonical actor with how often it occurs and in how many events."""
    sql = """
    SELECT a.actor_id, a.name, a.type, a.code, a.kb_id, a.doc_count, a.mention_count,
           (SELECT count(*) FROM event_clusters c
             WHERE list_contains(c.actor_ids, a.actor_id)
                OR list_contains(c.recipient_ids, a.actor_id)) AS events,
           (SELECT count(*) FROM quotes q WHERE q.speaker_actor = a.actor_id) AS quotes,
           a.first_seen, a.last_seen, a.aliases
    FROM actors a WHERE ($type IS NULL OR upper(a.type) = upper($type))
    ORDER BY a.doc_count DESC, a.mention_count DESC, a.actor_id"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    return rows(con, sql, {"type": type_})


# --- events --------------------------------------------------------------------------------

def events(con: duckdb.DuckDBPyConnection, actor: list[str] | None = None,
           recipient: list[str] | None = None, event_type: str | None = None,
           since=None, until=None, raw: bool = False) -> list[dict[str, Any]]:
    """Deduplicated events (or every mention with ``raw``), filtered, in date order.

    ``actor`` and ``recipient`` are lists of actor ids; with only ``actor`` given, an event
    matches when the actor is on either side.
    """
    where, params = [], {}
    if actor and recipient:
        where.append("list_has_any(actor_ids, $a) AND list_has_any(recipient_ids, $r)")
        params.update(a=actor, r=recipient)
    elif actor:
        where.append("(list_has_any(actor_ids, $a) OR list_has_any(recipient_ids, $a))")
        params["a"] = actor
    elif recipient:
        where.append("list_has_any(recipient_ids, $r)")
        params["r"] = recipient
    if event_type:
        where.append("upper(event) = upper($t)")
        params["t"] = event_type
    first, last = ("when_day", "when_day") if raw else ("first_day", "last_day")
    if since:
        where.append(f"{last} >= $since")
        params["since"] = since
    if until:
        where.append(f"{first} <= $until")
        params["until"] = until
    cond = " AND ".join(where) or "TRUE"
    if raw:
        sql = f"""SELECT when_day AS day, event, mode, actor_names, recipient_names, factuality,
                         attributed_to, event_text, doc_id, event_id, cluster_id, actor_ids,
                         recipient_ids, date, date_text, location_name, title
                  FROM event_members WHERE {cond} ORDER BY when_day NULLS LAST, doc_id, event_id"""
    else:
        sql = f"""SELECT first_day, last_day, event, quad_class, mode, actor_names, recipient_names,
                         place, n_sources, factualities, event_text, sources, cluster_id,
                         actor_ids, recipient_ids, mentions
                  FROM event_clusters WHERE {cond} ORDER BY first_day NULLS LAST, cluster_id"""
    return rows(con, sql, params)


# --- timelines -----------------------------------------------------------------------------

def timeline(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict[str, Any]]:
    """Events, quotes, relations and commitments involving the actors, by date."""
    sql = """
    SELECT first_day AS day, 'event' AS kind, event AS what,
           CASE WHEN list_has_any(actor_ids, $ids) THEN array_to_string(recipient_names, ', ')
                ELSE array_to_string(actor_names, ', ') END AS counterpart,
           CASE WHEN list_has_any(actor_ids, $ids) THEN 'actor' ELSE 'recipient' END AS role,
           event_text AS text, array_to_string(factualities, ',') AS factuality,
           n_sources, array_to_string(sources, ',') AS doc_ids
    FROM event_clusters
    WHERE list_has_any(actor_ids, $ids) OR list_has_any(recipient_ids, $ids)
    UNION ALL
    SELECT d.published, 'quote', q.kind, NULL, 'speaker', q.text, NULL, 1, q.doc_id
    FROM quotes q JOIN documents d ON d.id = q.doc_id
    WHERE list_contains($ids, q.speaker_actor)
    UNION ALL
    SELECT d.published, 'relation', r.predicate,
           CASE WHEN list_contains($ids, r.subject_id) THEN r.object_name ELSE r.subject_name END,
           CASE WHEN list_contains($ids, r.subject_id) THEN 'subject' ELSE 'object' END,
           d.text[r.start_char + 1 : r.end_char], r.factuality, 1, r.doc_id
    FROM relations r JOIN documents d ON d.id = r.doc_id
    WHERE list_contains($ids, r.subject_id) OR list_contains($ids, r.object_id)
    UNION ALL
    SELECT d.published, 'commitment', c.action, c.agreement, 'party',
           concat_ws('; ', c.action, 'deadline ' || c.deadline, 'if ' || c.condition), NULL, 1,
           c.doc_id
    FROM commitments c JOIN documents d ON d.id = c.doc_id
    WHERE list_contains($ids, c.party_id)
    ORDER BY day NULLS LAST, kind, doc_ids, what"""
    return rows(con, sql, {"ids": ids})


def dyad(con: duckdb.DuckDBPyConnection, a: list[str], b: list[str]) -> list[dict[str, Any]]:
    """Events (either direction) and relations between two actors, by date."""
    sql = """
    SELECT first_day AS day, 'event' AS kind, event AS what,
           CASE WHEN list_has_any(actor_ids, $a) THEN 'A->B' ELSE 'B->A' END AS direction,
           quad_class, event_text AS text, array_to_string(factualities, ',') AS factuality,
           n_sources, array_to_string(sources, ',') AS doc_ids
    FROM event_clusters
    WHERE (list_has_any(actor_ids, $a) AND list_has_any(recipient_ids, $b))
       OR (list_has_any(actor_ids, $b) AND list_has_any(recipient_ids, $a))
    UNION ALL
    SELECT d.published, 'relation', r.predicate,
           CASE WHEN list_contains($a, r.subject_id) THEN 'A->B' ELSE 'B->A' END, NULL,
           d.text[r.start_char + 1 : r.end_char], r.factuality, 1, r.doc_id
    FROM relations r JOIN documents d ON d.id = r.doc_id
    WHERE (list_contains($a, r.subject_id) AND list_contains($b, r.object_id))
       OR (list_contains($b, r.subject_id) AND list_contains($a, r.object_id))
    ORDER BY day NULLS LAST, kind, doc_ids, what"""
    return rows(con, sql, {"a": a, "b": b})


def dyad_index(con: duckdb.DuckDBPyConnection, a: list[str], b: list[str],
               directed: bool = False) -> list[dict[str, Any]]:
    """Weekly quad-class counts and the cooperation/conflict index between two actors.

    The index is the mean weight of the week's events: verbal cooperation +1, material
    cooperation +2, verbal conflict -1, material conflict -2 (so it lies in [-2, 2]).
    Undirected unless ``directed`` (then only A -> B).
    """
    cond = "(list_contains($a, actor_id) AND list_contains($b, recipient_id))"
    if not directed:
        cond += " OR (list_contains($b, actor_id) AND list_contains($a, recipient_id))"
    sql = f"""
    SELECT week, sum(verbal_cooperation) AS verbal_cooperation,
           sum(material_cooperation) AS material_cooperation,
           sum(verbal_conflict) AS verbal_conflict, sum(material_conflict) AS material_conflict,
           sum(events) AS events,
           round((sum(verbal_cooperation) + 2 * sum(material_cooperation) - sum(verbal_conflict)
                  - 2 * sum(material_conflict)) / sum(events), 3) AS coop_conflict_index
    FROM dyad_weekly WHERE {cond} GROUP BY week ORDER BY week"""
    return rows(con, sql, {"a": a, "b": b})


# --- quotes and documents ------------------------------------------------------------------

def quotes(con: duckdb.DuckDBPyConnection, speaker: str) -> list[dict[str, Any]]:
    """A speaker's quotes across the store: canonical name, alias, speaker_text or speaker_name
    matching SPEAKER case-insensitively (also an actor id or code)."""
    sql = """
    SELECT d.published, q.doc_id, d.title, coalesce(a.name, q.speaker_name, q.speaker_text)
           AS speaker, q.speaker_text, q.kind, q.cue, q.medium, q.text, q.quote_id, q.speaker_actor
    FROM quotes q JOIN documents d ON d.id = q.doc_id
    LEFT JOIN actors a ON a.actor_id = q.speaker_actor
    WHERE lower(q.speaker_text) = lower($s) OR lower(q.speaker_name) = lower($s)
       OR lower(a.name) = lower($s) OR lower(a.actor_id) = lower($s)
       OR EXISTS (SELECT 1 FROM unnest(a.aliases) AS u(alias) WHERE lower(u.alias) = lower($s))
       OR upper(a.code) = upper($s)
    ORDER BY d.published NULLS LAST, q.doc_id, q.start_char"""
    return rows(con, sql, {"s": speaker})


def search(con: duckdb.DuckDBPyConnection, text: str, width: int = 60,
           limit: int | None = None) -> list[dict[str, Any]]:
    """Documents whose text contains TEXT (case-insensitive), with a snippet around the first hit."""
    sql = f"""
    SELECT id AS doc_id, published, title, hits, pos,
           (CASE WHEN pos > {width} THEN '...' ELSE '' END)
           || replace(substr(text, greatest(pos - {width}, 1),
                             least(pos, {width + 1}) + length($t) + {width} - 1), chr(10), ' ')
           || (CASE WHEN pos + length($t) + {width} <= length(text) THEN '...' ELSE '' END)
           AS snippet
    FROM (SELECT id, published, title, text, strpos(lower(text), lower($t)) AS pos,
                 (length(lower(text)) - length(replace(lower(text), lower($t), '')))
                 // length($t) AS hits
          FROM documents)
    WHERE pos > 0
    ORDER BY published DESC NULLS LAST, id"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    return rows(con, sql, {"t": text})


# --- read-only SQL -------------------------------------------------------------------------

def check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Refuse anything but a single SELECT (or WITH ... SELECT) statement."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise NewsgraphError(f"cannot parse the query: {exc}") from None
    if len(statements) != 1:
        raise NewsgraphError(f"give exactly one SELECT statement (got {len(statements)})")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        name = str(kind).rsplit(".", 1)[-1]
        raise NewsgraphError(f"only SELECT or WITH ... SELECT queries are allowed here (got {name});"
                             " the store is opened read-only")
