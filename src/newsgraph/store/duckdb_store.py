"""The embedded store: DuckDB, one writer, one transaction per document.

Documents are keyed by content hash, so ingesting the same article twice adds nothing.
Each document and all its annotations are written in one transaction: an interrupted
ingest leaves either the whole document or none of it.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from ..errors import NewsgraphError
from ..model import Document, to_record

SCHEMA_VERSION = 1
SCHEMA = """
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
    doc_id VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER, text VARCHAR, value DOUBLE,
    unit VARCHAR, approximate BOOLEAN, of_entity VARCHAR);
CREATE TABLE IF NOT EXISTS stage_errors (doc_id VARCHAR NOT NULL, stage VARCHAR, message VARCHAR);
"""
# Tables holding per-document annotations, deleted with their document.
ANNOTATION_TABLES = ("entities", "mentions", "timexes", "quantities", "stage_errors")


class Store:
    """A DuckDB database file holding documents and their analysis records."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        try:
            if read_only and not Path(self.path).exists():
                raise NewsgraphError(f"{self.path}: no such database (run `newsgraph ingest` first)")
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise NewsgraphError(f"{self.path}: cannot open the database ({exc})") from None
        if not read_only:
            self._migrate()

    def _migrate(self) -> None:
        self.con.execute(SCHEMA)
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        if row[0] is None:
            self.con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
        elif row[0] > SCHEMA_VERSION:
            raise NewsgraphError(f"{self.path}: written by a newer newsgraph (schema {row[0]})")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, content_hash: str) -> bool:
        return self.con.execute(
            "SELECT 1 FROM documents WHERE content_hash = ?", [content_hash]).fetchone() is not None

    def add(self, doc: Document) -> bool:
        """Store one analysed document atomically; False when it was already stored."""
        if self.has(doc.content_hash):
            return False
        record = to_record(doc)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(
                "INSERT INTO documents (id, content_hash, external_id, title, published, source, url,"
                " genre, language, text, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc.id, doc.content_hash, doc.external_id, doc.title, doc.published, doc.source,
                 doc.url, doc.genre, doc.language, doc.text, json.dumps(record, ensure_ascii=False)])
            _insert_many(con, "entities", [
                (doc.id, e.id, e.name, e.type, e.kb_id, e.code, len(e.mentions)) for e in doc.entities])
            _insert_many(con, "mentions", [
                (doc.id, e.id, m.start, m.end, m.text) for e in doc.entities for m in e.mentions])
            _insert_many(con, "timexes", [
                (doc.id, t.start, t.end, t.text, t.type, t.value, t.mod) for t in doc.timexes])
            _insert_many(con, "quantities", [
                (doc.id, q.start, q.end, q.text, q.value, q.unit, q.approximate, q.of)
                for q in doc.quantities])
            _insert_many(con, "stage_errors", [(doc.id, e.stage, e.message) for e in doc.errors])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return True

    def record(self, doc_id: str) -> dict[str, Any] | None:
        """The stored record of a document by id, id prefix, external id or content hash."""
        row = self.con.execute(
            "SELECT record FROM documents WHERE id = ? OR external_id = ? OR content_hash = ?"
            " OR starts_with(id, ?) ORDER BY id LIMIT 2", [doc_id, doc_id, doc_id, doc_id]).fetchall()
        if len(row) > 1:
            raise NewsgraphError(f"{doc_id}: matches several documents; give more of the id")
        return json.loads(row[0][0]) if row else None

    def stats(self) -> dict[str, Any]:
        """Counts of documents and of each annotation, plus the date range."""
        out: dict[str, Any] = {}
        out["documents"] = self.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        for table in ANNOTATION_TABLES:
            out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        out["distinct_entities"] = self.con.execute(
            "SELECT count(DISTINCT entity_id) FROM entities").fetchone()[0]
        first, last = self.con.execute("SELECT min(published), max(published) FROM documents").fetchone()
        out["published_from"] = first.isoformat() if first else None
        out["published_to"] = last.isoformat() if last else None
        out["genres"] = dict(self.con.execute(
            "SELECT coalesce(genre, 'unknown'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC").fetchall())
        return out


def _insert_many(con, table: str, rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
