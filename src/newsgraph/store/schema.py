"""The store's tables and their versioned migrations.

A new database is created at version 1 and then migrated like any old one, so a fresh store
and an upgraded store always have the same tables. Each migration runs in one transaction and
appends its version to ``schema_version``; the highest row is the database's version. The DDL
and statements are the SQL both DuckDB and PostgreSQL accept (see ``backend.py``).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # DuckDBConnection or PostgresConnection
    from .backend import DuckDBConnection as Connection

SCHEMA_VERSION = 5

V1 = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL UNIQUE, external_id VARCHAR,
    title VARCHAR, published DATE, source VARCHAR, url VARCHAR, genre VARCHAR,
    language VARCHAR, text VARCHAR NOT NULL, record JSON NOT NULL,
    ingested_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS entities (
    doc_id VARCHAR NOT NULL, entity_id VARCHAR NOT NULL, name VARCHAR, type VARCHAR,
    kb_id VARCHAR, code VARCHAR, mention_count INTEGER);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL, entity_id VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER,
    text VARCHAR);
CREATE TABLE IF NOT EXISTS timexes (
    doc_id VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER, text VARCHAR, type VARCHAR,
    value VARCHAR, mod VARCHAR);
CREATE TABLE IF NOT EXISTS quantities (
    doc_id VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER, text VARCHAR, value DOUBLE PRECISION,
    unit VARCHAR, approximate BOOLEAN, of_entity VARCHAR);
CREATE TABLE IF NOT EXISTS stage_errors (doc_id VARCHAR NOT NULL, stage VARCHAR, message VARCHAR);
"""

V2 = """
ALTER TABLE entities ADD COLUMN actor_id VARCHAR;
CREATE TABLE quotes (
    doc_id VARCHAR NOT NULL, quote_id VARCHAR, kind VARCHAR, start_char INTEGER,
    end_char INTEGER, text VARCHAR, cue VARCHAR, medium VARCHAR, speaker VARCHAR,
    speaker_actor VARCHAR, speaker_text VARCHAR, speaker_name VARCHAR, co_speakers VARCHAR[]);
CREATE TABLE events (
    doc_id VARCHAR NOT NULL, event_id VARCHAR, event VARCHAR, mode VARCHAR, context VARCHAR[],
    actor_ids VARCHAR[], actor_names VARCHAR[], actor_codes VARCHAR[],
    recipient_ids VARCHAR[], recipient_names VARCHAR[], recipient_codes VARCHAR[],
    actor_key VARCHAR, recipient_key VARCHAR,
    date VARCHAR, day DATE, date_text VARCHAR,
    location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE PRECISION, location_lon DOUBLE PRECISION,
    location_entity VARCHAR, factuality VARCHAR, attributed_to VARCHAR, attributed_to_id VARCHAR,
    event_text VARCHAR, start_char INTEGER, end_char INTEGER);
CREATE TABLE relations (
    doc_id VARCHAR NOT NULL, relation_no INTEGER, subject VARCHAR, subject_id VARCHAR,
    subject_name VARCHAR, predicate VARCHAR, object VARCHAR, object_id VARCHAR,
    object_name VARCHAR, factuality VARCHAR, attributed_to VARCHAR, attributed_to_id VARCHAR,
    start_char INTEGER, end_char INTEGER);
CREATE TABLE commitments (
    doc_id VARCHAR NOT NULL, commitment_no INTEGER, party VARCHAR, party_id VARCHAR,
    party_name VARCHAR, action VARCHAR, deadline VARCHAR, condition VARCHAR, agreement VARCHAR,
    agreement_date VARCHAR, status_claims JSON);
CREATE TABLE actors (
    actor_id VARCHAR PRIMARY KEY, kb_id VARCHAR, name VARCHAR, type VARCHAR, code VARCHAR,
    aliases VARCHAR[], doc_count INTEGER, mention_count INTEGER, first_seen DATE,
    last_seen DATE);
"""

# Tables with one or more rows per document (what a document's transaction writes).
ANNOTATION_TABLES = ("entities", "mentions", "timexes", "quantities", "stage_errors",
                     "quotes", "events", "relations", "commitments")
# Near-duplicate detection (v3): signatures and band keys are internal, the links are data.
DUPLICATE_TABLES = ("document_signatures", "document_bands", "near_duplicates")
ALL_TABLES = ("documents", *ANNOTATION_TABLES, "actors", "near_duplicates")


def _v1_to_v2(con: Connection) -> None:
    """Add quotes, events, relations, commitments and actors; fill them from stored records."""
    for statement in V2.split(";"):
        if statement.strip():
            con.execute(statement)
    from .writer import LINKED_TABLES, set_entity_actors, write_record

    for (text,) in con.execute(
            "SELECT CAST(record AS VARCHAR) FROM documents ORDER BY ingested_at, id").fetchall():
        record = json.loads(text)
        write_record(con, record, tables=LINKED_TABLES)
        set_entity_actors(con, record)
    # Entities of records without an id map (should not happen) still get an actor id.
    con.execute("UPDATE entities SET actor_id = coalesce(kb_id, entity_id) WHERE actor_id IS NULL")


def _v2_to_v3(con: Connection) -> None:
    """Near-duplicate detection: signatures, band keys and links for every stored document."""
    from . import duplicates

    duplicates.create(con)


def _v3_to_v4(con: Connection) -> None:
    """Relations that have ended (``former``), filled from the stored records."""
    from .writer import forget_columns

    con.execute("ALTER TABLE relations ADD COLUMN former BOOLEAN DEFAULT FALSE")
    forget_columns(con)
    ended = [(doc_id, n) for doc_id, text in con.execute(
                 "SELECT id, CAST(record AS VARCHAR) FROM documents ORDER BY id").fetchall()
             for n, rel in enumerate(json.loads(text).get("relations") or []) if rel.get("former")]
    if ended:
        con.executemany("UPDATE relations SET former = TRUE WHERE doc_id = ? AND relation_no = ?", ended)


# Watched feeds (v5, `newsgraph watch`): validators and the entries already handled, so a
# restart resumes without refetching.
V5 = """
CREATE TABLE feed_state (
    feed_url VARCHAR PRIMARY KEY, name VARCHAR, tags JSON, etag VARCHAR, last_modified VARCHAR,
    seen JSON NOT NULL, last_poll TIMESTAMP)
"""


def _v4_to_v5(con: Connection) -> None:
    """The state of watched feeds."""
    con.execute(V5)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _v1_to_v2, 3: _v2_to_v3, 4: _v3_to_v4,
                                                       5: _v4_to_v5}


def version(con: Connection) -> int | None:
    """The database's schema version; None for an empty database."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        " AND table_schema = current_schema()").fetchone()[0]
    if not exists:
        return None
    return con.execute("SELECT max(version) FROM schema_version").fetchone()[0]


def migrate(con: Connection) -> list[int]:
    """Create or upgrade the schema to SCHEMA_VERSION; returns the versions applied.

    Each step locks the schema and reads the version again inside its transaction, so two
    writers starting at once on PostgreSQL apply each step once (DuckDB has one writer)."""
    applied = []
    while True:
        con.execute("BEGIN TRANSACTION")
        try:
            con.lock("newsgraph schema")
            current = version(con)
            if current is not None and current >= SCHEMA_VERSION:
                con.execute("COMMIT")
                return applied
            if current is None:
                target = 1
                con.execute(V1)
            else:
                target = current + 1
                MIGRATIONS[target](con)
            con.execute("INSERT INTO schema_version VALUES (?)", [target])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        if target > 1:
            applied.append(target)
