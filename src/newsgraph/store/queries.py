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
* ``event_members_for(ids)``, ``event_clusters_for(ids)``, ``dyad_weekly_for(ids)`` (optional
  ``_type :=`` a PLOVER type, ``_with :=`` ids on the other side): the same rows as the views
  for the events in which one of the actor ids takes part, clustered over those actors'
  partitions only. The clustering key (type, actor ids, recipient ids) is the partition, so a
  partition holds all or none of an actor's events and its clusters do not depend on the other
  partitions: filtering before clustering gives exactly the rows of filtering after. The
  actor, timeline and dyad queries use these (``pushdown=False`` filters the views instead).
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


def _members_sql(source: str) -> str:
    """Every row of SOURCE (``event_rows`` columns and ``_rid``, a unique row id) with its
    cluster id and ``member_no`` (its rank in one sort of all rows by partition, then
    ``when_day, place, doc_id, event_id``: so the order of the members of a cluster), for the
    window ``days`` (a macro parameter).

    One sort of all the rows, by partition first, instead of one window per partition (many
    tiny partitions are slow): a row starts a partition when its key differs from the previous
    row's, and the previous known place counts only when it is from the same partition. The
    window functions run over the few columns they need; the wide rows (lists, texts) are
    joined back by ``_rid``.
    """
    order = f"ORDER BY event, actor_key, recipient_key, {_ORDER}"
    key = "{'e': event, 'a': actor_key, 'r': recipient_key}"
    return f"""
WITH base AS (SELECT * FROM {source}),
marked AS (
    SELECT _rid, event, actor_key, recipient_key, when_day, place, doc_id, event_id,
           row_number() OVER ({order}) AS member_no,
           lag({key}) OVER ({order}) IS DISTINCT FROM {key} AS new_partition,
           lag(when_day) OVER ({order}) AS prior_day,
           last_value(CASE WHEN place IS NOT NULL
                           THEN {{'e': event, 'a': actor_key, 'r': recipient_key, 'p': place}} END
                      IGNORE NULLS) OVER (
               {order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prior_placed
    FROM base),
flagged AS (
    SELECT *, CASE WHEN new_partition OR when_day IS NULL OR prior_day IS NULL
                     OR when_day - prior_day > days
                     OR (place IS NOT NULL AND prior_placed IS NOT NULL
                         AND prior_placed.e IS NOT DISTINCT FROM event
                         AND prior_placed.a IS NOT DISTINCT FROM actor_key
                         AND prior_placed.r IS NOT DISTINCT FROM recipient_key
                         AND place <> prior_placed.p)
                   THEN 1 ELSE 0 END AS starts
    FROM marked),
islands AS (
    SELECT _rid, event, actor_key, recipient_key, when_day, doc_id, event_id, member_no,
           sum(starts) OVER (ORDER BY member_no ROWS UNBOUNDED PRECEDING) AS island
    FROM flagged),
clusters AS (
    SELECT island,
           substr(md5(concat_ws('|', any_value(event), any_value(actor_key),
                                any_value(recipient_key), CAST(min(when_day) AS VARCHAR),
                                CAST(min(doc_id || '/' || event_id) AS VARCHAR))),
                  1, 16) AS cluster_id
    FROM islands GROUP BY island)
SELECT c.cluster_id, b.* EXCLUDE (_rid), i.member_no
FROM base b JOIN islands i ON i._rid = b._rid JOIN clusters c ON c.island = i.island"""


def _rows_sql(events: str) -> str:
    """``event_rows`` over EVENTS (``events`` columns and ``_rid``): every stored event with its
    document, quad class, the day used for ordering and the place key."""
    quad = _case("e.event", PLOVER_QUAD)
    code = _case("e.event", {k: QUAD_CODE[v] for k, v in PLOVER_QUAD.items()})
    weight = _case("e.event", {k: QUAD_WEIGHT[v] for k, v in PLOVER_QUAD.items()})
    return f"""
SELECT e.*, d.published, d.title, d.url, d.source,
       {quad} AS quad_class, {code} AS quad_code, {weight} AS weight,
       coalesce(e.day, d.published) AS when_day,
       lower(coalesce(e.location_entity, e.location_name)) AS place
FROM {events} e JOIN documents d ON d.id = e.doc_id"""


def _clusters_sql(members: str) -> str:
    """One row per cluster of MEMBERS (rows of ``_members_sql``).

    The members of a cluster are consecutive in their partition, so ``member_no`` orders them
    as ``when_day, place, doc_id, event_id`` does: "the first X in that order" is
    ``arg_min_null(X, member_no)`` (NULL when the first row's X is NULL, like ``first``),
    which is much cheaper than an ordered aggregate over many small groups.
    """
    not_happened = ", ".join(f"'{f}'" for f in NOT_HAPPENED)
    mention = ("{'doc_id': doc_id, 'event_id': event_id, 'published': published, 'date': date,"
               " 'event_text': event_text, 'factuality': factuality,"
               " 'attributed_to': attributed_to, 'start': start_char, 'end': end_char}")
    ranked = "{'member_no': member_no, 'm': " + mention + "}"
    first = {c: f"arg_min_null({c}, member_no) AS {c}" for c in (
        "actor_ids", "actor_names", "actor_codes", "recipient_ids", "recipient_names",
        "recipient_codes")}
    return f"""
SELECT cluster_id, event, quad_class, quad_code, weight, mode, actor_ids, actor_names,
       actor_codes, recipient_ids, recipient_names, recipient_codes, first_day, last_day, place,
       CAST(len(sources) AS BIGINT) AS n_sources, n_mentions, sources, factualities, happened,
       mentions, event_text
FROM (
    SELECT cluster_id, any_value(event) AS event, any_value(quad_class) AS quad_class,
           any_value(quad_code) AS quad_code, any_value(weight) AS weight,
           min(mode) AS mode,
           {", ".join(first.values())},
           min(when_day) AS first_day, max(when_day) AS last_day,
           arg_min(coalesce(location_name, location_entity), {{'place': place, 'n': member_no}})
               FILTER (WHERE place IS NOT NULL) AS place,
           count(*) AS n_mentions,
           list_sort(list_distinct(list(doc_id))) AS sources,
           list_concat(list_sort(list_distinct(list(factuality))),
                       CASE WHEN count(factuality) < count(*) THEN [NULL] ELSE [] END)
               AS factualities,
           bool_or(factuality IS NULL OR factuality NOT IN ({not_happened})) AS happened,
           list_transform(list_sort(list({ranked})), {_LAMBDA_M}) AS mentions,
           arg_min_null(event_text, member_no) AS event_text
    FROM {members}
    GROUP BY cluster_id)"""


def _dyad_weekly_sql(clusters: str) -> str:
    return f"""
SELECT a.id AS actor_id, r.id AS recipient_id,
       CAST(date_trunc('week', c.first_day) AS DATE) AS week,
       count(*) FILTER (WHERE c.quad_code = 1) AS verbal_cooperation,
       count(*) FILTER (WHERE c.quad_code = 2) AS material_cooperation,
       count(*) FILTER (WHERE c.quad_code = 3) AS verbal_conflict,
       count(*) FILTER (WHERE c.quad_code = 4) AS material_conflict,
       count(*) AS events,
       round(sum(c.weight) / count(*), 3) AS coop_conflict_index
FROM {clusters} c
CROSS JOIN unnest(c.actor_ids) AS a(id)
CROSS JOIN unnest(c.recipient_ids) AS r(id)
WHERE c.happened AND c.quad_code IS NOT NULL AND c.first_day IS NOT NULL
  AND a.id IS NOT NULL AND r.id IS NOT NULL AND a.id <> r.id
GROUP BY ALL"""


# DuckDB 1.3 has Python-style lambdas; 2.0 refuses the older arrow unless told otherwise.
_LAMBDA_M = ("lambda x: x.m" if tuple(int(p) for p in duckdb.__version__.split(".")[:2]) >= (1, 3)
             else "x -> x.m")
# Order of the mentions of one partition, and the partition (the dedup key).
_ORDER = "when_day, place, doc_id, event_id"
_PART = "PARTITION BY event, actor_key, recipient_key"
# The events of every partition (dedup key) in which one of the actor ids ``_ids`` takes part,
# on either side; unless NULL, of the PLOVER type ``_type``, and with one of the ids ``_with``
# on the other side. Whole partitions, so their clusters are exactly those of the whole-store
# view (``event``, ``actor_key`` and ``recipient_key`` are the partition, and the actor and
# recipient ids are the same in all its rows). The partitions' rows are found on the few key
# columns first and then fetched by row id, which reads the wide columns of those rows only.
def _has(column: str, ids: str) -> str:
    """COLUMN (a list) holds one of IDS; list_contains is much faster for the usual one id."""
    return (f"CASE WHEN len({ids}) = 1 THEN list_contains({column}, {ids}[1])"
            f" ELSE list_has_any({column}, {ids}) END")


_EVENTS_OF = f"""(SELECT *, rowid AS _rid FROM events WHERE rowid IN (
    SELECT ev.rowid FROM events ev SEMI JOIN (
        SELECT DISTINCT event, actor_key, recipient_key FROM events
        WHERE ({_has("actor_ids", "_ids")} OR {_has("recipient_ids", "_ids")})
          AND (_type IS NULL OR upper(event) = upper(_type))
          AND (_with IS NULL
               OR ({_has("actor_ids", "_ids")} AND {_has("recipient_ids", "_with")})
               OR ({_has("actor_ids", "_with")} AND {_has("recipient_ids", "_ids")}))) k
    ON ev.event IS NOT DISTINCT FROM k.event AND ev.actor_key IS NOT DISTINCT FROM k.actor_key
       AND ev.recipient_key IS NOT DISTINCT FROM k.recipient_key))"""
_EVENTS_ALL = "(SELECT *, rowid AS _rid FROM events)"


def _views_sql(window_days: int) -> str:
    days = int(window_days)
    return f"""
CREATE OR REPLACE TEMP VIEW event_rows AS
{_rows_sql("events")};

CREATE OR REPLACE TEMP MACRO _event_members_numbered(days) AS TABLE
{_members_sql(f"({_rows_sql(_EVENTS_ALL)})")};

CREATE OR REPLACE TEMP MACRO _event_members_numbered_of(days, _ids, _type, _with) AS TABLE
{_members_sql(f"({_rows_sql(_EVENTS_OF)})")};

CREATE OR REPLACE TEMP MACRO event_cluster_members_within(days) AS TABLE
SELECT * EXCLUDE (member_no) FROM _event_members_numbered(days);

CREATE OR REPLACE TEMP MACRO event_clusters_within(days) AS TABLE
{_clusters_sql("_event_members_numbered(days)")};

CREATE OR REPLACE TEMP VIEW event_members AS
SELECT * FROM event_cluster_members_within({days});
CREATE OR REPLACE TEMP VIEW event_clusters AS
SELECT * FROM event_clusters_within({days});

CREATE OR REPLACE TEMP MACRO event_members_for(_ids, _type := NULL, _with := NULL) AS TABLE
SELECT * EXCLUDE (member_no) FROM _event_members_numbered_of({days}, _ids, _type, _with);
CREATE OR REPLACE TEMP MACRO event_clusters_for(_ids, _type := NULL, _with := NULL) AS TABLE
{_clusters_sql(f"_event_members_numbered_of({days}, _ids, _type, _with)")};

CREATE OR REPLACE TEMP VIEW dyad_weekly AS
{_dyad_weekly_sql("event_clusters")};
CREATE OR REPLACE TEMP MACRO dyad_weekly_for(_ids, _with := NULL) AS TABLE
{_dyad_weekly_sql("event_clusters_for(_ids, _with := _with)")};
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
           since=None, until=None, raw: bool = False, pushdown: bool = True
           ) -> list[dict[str, Any]]:
    """Deduplicated events (or every mention with ``raw``), filtered, in date order.

    ``actor`` and ``recipient`` are lists of actor ids; with only ``actor`` given, an event
    matches when the actor is on either side. With an actor or recipient, only that actor's
    partitions are clustered (``event_clusters_for``), which gives the same rows as
    filtering the whole-store view; ``pushdown=False`` filters the view instead.
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
    who = "$a" if actor else "$r" if recipient else None
    if who and pushdown:
        of = who + (", _type := $t" if event_type else "") + (
            ", _with := $r" if actor and recipient else "")
        members, clusters = f"event_members_for({of})", f"event_clusters_for({of})"
    else:
        members, clusters = "event_members", "event_clusters"
    if raw:
        sql = f"""SELECT when_day AS day, event, mode, actor_names, recipient_names, factuality,
                         attributed_to, event_text, doc_id, event_id, cluster_id, actor_ids,
                         recipient_ids, date, date_text, location_name, title
                  FROM {members} WHERE {cond} ORDER BY when_day NULLS LAST, doc_id, event_id"""
    else:
        sql = f"""SELECT first_day, last_day, event, quad_class, mode, actor_names, recipient_names,
                         place, n_sources, factualities, event_text, sources, cluster_id,
                         actor_ids, recipient_ids, mentions
                  FROM {clusters} WHERE {cond} ORDER BY first_day NULLS LAST, cluster_id"""
    return rows(con, sql, params)


# --- timelines -----------------------------------------------------------------------------

def timeline(con: duckdb.DuckDBPyConnection, ids: list[str], pushdown: bool = True
             ) -> list[dict[str, Any]]:
    """Events, quotes, relations and commitments involving the actors, by date.

    Clusters only the actors' partitions unless ``pushdown=False`` (the same rows).
    """
    clusters = "event_clusters_for($ids)" if pushdown else "event_clusters"
    sql = f"""
    SELECT first_day AS day, 'event' AS kind, event AS what,
           CASE WHEN list_has_any(actor_ids, $ids) THEN array_to_string(recipient_names, ', ')
                ELSE array_to_string(actor_names, ', ') END AS counterpart,
           CASE WHEN list_has_any(actor_ids, $ids) THEN 'actor' ELSE 'recipient' END AS role,
           event_text AS text, array_to_string(factualities, ',') AS factuality,
           n_sources, array_to_string(sources, ',') AS doc_ids
    FROM {clusters}
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
    ORDER BY day NULLS LAST, kind, doc_ids, what, role, counterpart, text, factuality, n_sources"""
    return rows(con, sql, {"ids": ids})


def dyad(con: duckdb.DuckDBPyConnection, a: list[str], b: list[str], pushdown: bool = True
         ) -> list[dict[str, Any]]:
    """Events (either direction) and relations between two actors, by date.

    Clusters only the partitions of A and B unless ``pushdown=False`` (the same rows).
    """
    clusters = "event_clusters_for($a, _with := $b)" if pushdown else "event_clusters"
    sql = f"""
    SELECT first_day AS day, 'event' AS kind, event AS what,
           CASE WHEN list_has_any(actor_ids, $a) THEN 'A->B' ELSE 'B->A' END AS direction,
           quad_class, event_text AS text, array_to_string(factualities, ',') AS factuality,
           n_sources, array_to_string(sources, ',') AS doc_ids
    FROM {clusters}
    WHERE (list_has_any(actor_ids, $a) AND list_has_any(recipient_ids, $b))
       OR (list_has_any(actor_ids, $b) AND list_has_any(recipient_ids, $a))
    UNION ALL
    SELECT d.published, 'relation', r.predicate,
           CASE WHEN list_contains($a, r.subject_id) THEN 'A->B' ELSE 'B->A' END, NULL,
           d.text[r.start_char + 1 : r.end_char], r.factuality, 1, r.doc_id
    FROM relations r JOIN documents d ON d.id = r.doc_id
    WHERE (list_contains($a, r.subject_id) AND list_contains($b, r.object_id))
       OR (list_contains($b, r.subject_id) AND list_contains($a, r.object_id))
    ORDER BY day NULLS LAST, kind, doc_ids, what, direction, quad_class, text, factuality,
             n_sources"""
    return rows(con, sql, {"a": a, "b": b})


def dyad_index(con: duckdb.DuckDBPyConnection, a: list[str], b: list[str],
               directed: bool = False, pushdown: bool = True) -> list[dict[str, Any]]:
    """Weekly quad-class counts and the cooperation/conflict index between two actors.

    The index is the mean weight of the week's events: verbal cooperation +1, material
    cooperation +2, verbal conflict -1, material conflict -2 (so it lies in [-2, 2]).
    Undirected unless ``directed`` (then only A -> B). Clusters only the partitions of A and B
    unless ``pushdown=False`` (the same rows).
    """
    weekly = "dyad_weekly_for($a, $b)" if pushdown else "dyad_weekly"
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
    FROM {weekly} WHERE {cond} GROUP BY week ORDER BY week"""
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
