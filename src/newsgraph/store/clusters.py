"""The SQL of cross-document event deduplication, in SQL both DuckDB and PostgreSQL run.

* ``rows_sql``: every stored event with its document, PLOVER quad class, the day used for
  ordering (the event's own day, else the publication day) and its place key.
* ``members_sql``: each event with the id of the cluster it belongs to and ``member_no``.
* ``clusters_sql``: events deduplicated across documents (same PLOVER type, same actor and
  recipient actor ids, days chained within the window, same place or an unknown place), each
  with all its source documents and mentions.
* ``dyad_weekly_sql``: per directed dyad and ISO week, counts per quad class and a
  cooperation/conflict index.
* ``events_of_sql``: the events of every partition (the dedup key: type, actor ids, recipient
  ids) in which given actor ids take part. A partition holds all or none of an actor's events
  and its clusters do not depend on other partitions, so clustering only those partitions
  gives exactly the whole-store rows for that actor, much faster on a large store.

Text order (clusters' ids and mention order) follows the database's collation: DuckDB
compares bytes; a PostgreSQL database created with the C or C.UTF-8 locale gives the same
clusters and ids.
"""
from __future__ import annotations

from typing import Any

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

# The partition (dedup key) as one text, and the order of the members of a partition.
_PART = ("coalesce({p}event, '') || chr(31) || coalesce({p}actor_key, '') || chr(31)"
         " || coalesce({p}recipient_key, '')")
_ORDER = "when_day, place, doc_id, event_id"


def _case(column: str, mapping: dict[str, Any]) -> str:
    whens = " ".join(f"WHEN '{k}' THEN {v!r}" if isinstance(v, str) else f"WHEN '{k}' THEN {v}"
                     for k, v in mapping.items())
    return f"CASE upper({column}) {whens} END"


def rows_sql(events: str = "events") -> str:
    """Every row of EVENTS (a table or subquery with the ``events`` columns) with its document,
    quad class, the day used for ordering and the place key."""
    quad = _case("e.event", PLOVER_QUAD)
    code = _case("e.event", {k: QUAD_CODE[v] for k, v in PLOVER_QUAD.items()})
    weight = _case("e.event", {k: QUAD_WEIGHT[v] for k, v in PLOVER_QUAD.items()})
    return f"""
SELECT e.*, d.published, d.title, d.url, d.source,
       {quad} AS quad_class, {code} AS quad_code, {weight} AS weight,
       coalesce(e.day, d.published) AS when_day,
       lower(coalesce(e.location_entity, e.location_name)) AS place
FROM {events} e JOIN documents d ON d.id = e.doc_id"""


def members_sql(source: str, window_days: int) -> str:
    """Every row of SOURCE (``rows_sql`` columns) with its ``cluster_id`` and ``member_no``
    (its rank in one sort of all rows by partition, then ``when_day, place, doc_id,
    event_id``: so the order of the members of a cluster).

    One sort of all the rows, partition first, instead of one window per partition (many tiny
    partitions are slow): a row starts a cluster when its partition differs from the previous
    row's, when its day is unknown or more than the window after the previous day, or when its
    place differs from the last known place of its partition. The windows run over the few
    columns they need; the wide rows are joined back by (doc_id, event_id).
    """
    days = int(window_days)
    return f"""
WITH base AS (SELECT * FROM {source}),
keyed AS (
    SELECT doc_id, event_id, when_day, place, event, actor_key, recipient_key,
           {_PART.format(p="")} AS part
    FROM base),
marked AS (
    SELECT *, row_number() OVER w AS member_no, lag(part) OVER w AS prior_part,
           lag(when_day) OVER w AS prior_day
    FROM keyed WINDOW w AS (ORDER BY part, {_ORDER})),
placed AS (
    SELECT *, max(CASE WHEN place IS NOT NULL THEN member_no END) OVER (
               ORDER BY member_no ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS placed_no
    FROM marked),
flagged AS (
    SELECT m.doc_id, m.event_id, m.member_no, m.event, m.actor_key, m.recipient_key, m.when_day,
           CASE WHEN m.prior_part IS DISTINCT FROM m.part OR m.when_day IS NULL
                     OR m.prior_day IS NULL OR m.when_day - m.prior_day > {days}
                     OR (m.place IS NOT NULL AND p.part = m.part AND m.place <> p.place)
                THEN 1 ELSE 0 END AS starts
    FROM placed m LEFT JOIN marked p ON p.member_no = m.placed_no),
islands AS (
    SELECT *, sum(starts) OVER (ORDER BY member_no ROWS UNBOUNDED PRECEDING) AS island
    FROM flagged),
clusters AS (
    SELECT island,
           substr(md5(concat_ws('|', min(event), min(actor_key), min(recipient_key),
                                CAST(min(when_day) AS VARCHAR),
                                CAST(min(doc_id || '/' || event_id) AS VARCHAR))),
                  1, 16) AS cluster_id
    FROM islands GROUP BY island)
SELECT c.cluster_id, b.*, i.member_no
FROM base b JOIN islands i ON i.doc_id = b.doc_id AND i.event_id = b.event_id
JOIN clusters c ON c.island = i.island"""


def clusters_sql(con, members: str) -> str:
    """One row per cluster of MEMBERS (rows of ``members_sql``).

    The members of a cluster are consecutive in their partition, so the cluster's first row
    (``min(member_no)``) is its first in ``when_day, place, doc_id, event_id`` order; the
    columns that may differ between members (names as written, the text) are that row's.
    """
    not_happened = ", ".join(f"'{f}'" for f in NOT_HAPPENED)
    mention = {"doc_id": "doc_id", "event_id": "event_id", "published": "published",
               "date": "date", "event_text": "event_text", "factuality": "factuality",
               "attributed_to": "attributed_to", "start": "start_char", "end": "end_char"}
    first_place = con.first_by("coalesce(location_name, location_entity)", ["place", "member_no"],
                               "place IS NOT NULL")
    return f"""
WITH m AS ({members})
SELECT g.cluster_id, g.event, g.quad_class, g.quad_code, g.weight, g.mode, f.actor_ids,
       f.actor_names, f.actor_codes, f.recipient_ids, f.recipient_names, f.recipient_codes,
       g.first_day, g.last_day, g.place, g.n_sources, g.n_mentions, g.sources, g.factualities,
       g.happened, g.mentions, f.event_text
FROM (
    SELECT cluster_id, min(event) AS event, min(quad_class) AS quad_class,
           min(quad_code) AS quad_code, min(weight) AS weight, min(mode) AS mode,
           min(when_day) AS first_day, max(when_day) AS last_day,
           {first_place} AS place,
           count(DISTINCT doc_id) AS n_sources, count(*) AS n_mentions,
           array_agg(DISTINCT doc_id ORDER BY doc_id) AS sources,
           array_agg(DISTINCT factuality ORDER BY factuality NULLS LAST) AS factualities,
           bool_or(factuality IS NULL OR factuality NOT IN ({not_happened})) AS happened,
           {con.record_list(mention, "member_no")} AS mentions,
           min(member_no) AS first_member
    FROM m GROUP BY cluster_id) g
JOIN m f ON f.member_no = g.first_member"""


def dyad_weekly_sql(clusters: str) -> str:
    """Per directed dyad and ISO week of CLUSTERS: counts per quad class and the index."""
    return f"""
SELECT a.id AS actor_id, r.id AS recipient_id,
       CAST(date_trunc('week', c.first_day) AS DATE) AS week,
       count(*) FILTER (WHERE c.quad_code = 1) AS verbal_cooperation,
       count(*) FILTER (WHERE c.quad_code = 2) AS material_cooperation,
       count(*) FILTER (WHERE c.quad_code = 3) AS verbal_conflict,
       count(*) FILTER (WHERE c.quad_code = 4) AS material_conflict,
       count(*) AS events,
       CAST(round(CAST(sum(c.weight) AS NUMERIC) / count(*), 3) AS DOUBLE PRECISION)
           AS coop_conflict_index
FROM ({clusters}) c
CROSS JOIN unnest(c.actor_ids) AS a(id)
CROSS JOIN unnest(c.recipient_ids) AS r(id)
WHERE c.happened AND c.quad_code IS NOT NULL AND c.first_day IS NOT NULL
  AND a.id IS NOT NULL AND r.id IS NOT NULL AND a.id <> r.id
GROUP BY 1, 2, 3"""


def has_any(con, column: str, param: str, ids: list[str]) -> str:
    """SQL: the list COLUMN holds one of the ids bound to ``$PARAM`` (a list of ``ids``).

    One id (the usual case) tests membership, which is much faster than a list overlap."""
    if len(ids) == 1:
        return con.contains(column, f"(CAST(${param} AS VARCHAR[]))[1]")
    return f"{column} && CAST(${param} AS VARCHAR[])"


def events_of_sql(con, ids: list[str], event_type: str | None = None,
                  with_ids: list[str] | None = None) -> str:
    """The ``events`` rows of every partition in which one of ``ids`` (bound as ``$_ids``)
    takes part, on either side; of the PLOVER type ``$_type`` when given, and with one of
    ``with_ids`` (``$_with``) on the other side when given. Whole partitions, so their
    clusters are exactly those of the whole store."""
    def has(column: str, param: str, values: list[str]) -> str:
        return has_any(con, column, param, values)

    where = [f"({has('actor_ids', '_ids', ids)} OR {has('recipient_ids', '_ids', ids)})"]
    if event_type:
        where.append("upper(event) = upper(CAST($_type AS VARCHAR))")
    if with_ids:
        where.append(f"(({has('actor_ids', '_ids', ids)} AND {has('recipient_ids', '_with', with_ids)})"
                     f" OR ({has('actor_ids', '_with', with_ids)} AND {has('recipient_ids', '_ids', ids)}))")
    # The partitions' rows are found on the key columns first and then fetched by row id,
    # which reads the wide columns (lists, texts) of those rows only.
    # ``event`` and both keys are never NULL (rows.py writes "" for no party), so a row-value
    # IN matches exactly the partitions' rows.
    return f"""(SELECT * FROM events WHERE {con.row_id} IN (
    SELECT {con.row_id} FROM events WHERE (event, actor_key, recipient_key) IN (
        SELECT DISTINCT event, actor_key, recipient_key FROM events WHERE {" AND ".join(where)})))"""
