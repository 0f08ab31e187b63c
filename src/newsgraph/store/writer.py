"""The one writer: a record's rows into the tables, every insert by column name.

``Store.add`` (new documents, also those loaded from Ray's Parquet records) and the v1 -> v2
migration (which replays stored records) both write through ``write_record``; the caller owns
the transaction.
"""
from __future__ import annotations

from typing import Any

from .rows import table_rows

# The tables a document's rows go to, in write order (documents first: the others refer to it).
DOCUMENT_TABLES = ("documents", "entities", "mentions", "timexes", "quantities", "stage_errors",
                   "quotes", "events", "relations", "commitments")
LINKED_TABLES = ("quotes", "events", "relations", "commitments")  # added by schema v2


def table_columns(con, table: str) -> frozenset[str]:
    """The columns TABLE has on this connection (looked up once per connection and table)."""
    known = con.column_cache
    if table not in known:
        known[table] = frozenset(r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ?", [table]).fetchall())
    return known[table]


def forget_columns(con) -> None:
    """Drop the cached column lists (after a migration changed a table)."""
    con.column_cache.clear()


def insert_rows(con, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert ROWS (dicts with the same keys) into TABLE, naming each column. Keys the table
    has no column for yet are left out, so a migration can replay today's rows into an older
    schema and add the newer columns after."""
    if not rows:
        return
    have = table_columns(con, table)
    columns = [c for c in rows[0] if c in have]
    marks = ", ".join("?" * len(columns))
    con.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                    [[row[c] for c in columns] for row in rows])


def merge_actors(con, rows: list[dict[str, Any]]) -> None:
    """Add a document's actors to the actors table: new ones inserted, known ones updated
    (more documents and mentions, the union of aliases, the date range widened; a demonym's
    name and type give way to the actor's own)."""
    if not rows:
        return
    columns = list(rows[0])
    marks = ", ".join("?" * len(columns))
    con.executemany(
        f"INSERT INTO actors ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT (actor_id) DO UPDATE SET"
        " kb_id = coalesce(actors.kb_id, excluded.kb_id),"
        " name = CASE WHEN actors.type = 'NORP' AND excluded.type <> 'NORP' THEN excluded.name"
        "        ELSE actors.name END,"
        " code = CASE WHEN actors.type = 'NORP' AND excluded.type <> 'NORP'"
        "        THEN coalesce(excluded.code, actors.code) ELSE coalesce(actors.code, excluded.code) END,"
        " type = CASE WHEN actors.type = 'NORP' AND excluded.type <> 'NORP' THEN excluded.type"
        "        ELSE actors.type END,"
        f" aliases = {con.sorted_union('actors.aliases', 'excluded.aliases')},"
        " doc_count = actors.doc_count + 1,"
        " mention_count = actors.mention_count + excluded.mention_count,"
        " first_seen = least(actors.first_seen, excluded.first_seen),"
        " last_seen = greatest(actors.last_seen, excluded.last_seen)",
        [[row[c] for c in columns] for row in rows])


def write_record(con, record: dict[str, Any], tables: tuple[str, ...] = DOCUMENT_TABLES) -> None:
    """Write one analysis record's rows to TABLES and merge its actors (inside the caller's
    transaction)."""
    rows = table_rows(record)
    for table in tables:
        insert_rows(con, table, rows[table])
    merge_actors(con, rows["actors"])


def set_entity_actors(con, record: dict[str, Any]) -> None:
    """Fill ``entities.actor_id`` of a document stored before schema v2."""
    for row in table_rows(record)["entity_actor"]:
        con.execute("UPDATE entities SET actor_id = ? WHERE doc_id = ? AND entity_id = ?",
                    [row["actor_id"], row["doc_id"], row["entity_id"]])
