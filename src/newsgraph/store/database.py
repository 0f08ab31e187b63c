"""The store: an embedded DuckDB file by default, or a PostgreSQL server given a
``postgresql://`` URL, through the same code (``backend.py``). One writer, one transaction
per document.

Documents are keyed by content hash, so ingesting the same article twice adds nothing.
Each document and all its annotations are written in one transaction: an interrupted
ingest leaves either the whole document or none of it. One process writes at a time (DuckDB's
file lock); readers open the file read-only. The tables and their migrations are in
``schema.py``; cross-document queries in ``queries.py``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import NewsgraphError
from ..model import Document
from ..record import to_record

from . import backend, duplicates, schema
from .rows import actor_id
from .schema import ANNOTATION_TABLES, SCHEMA_VERSION, insert_many as _insert_many

__all__ = ["Store", "SCHEMA_VERSION", "ANNOTATION_TABLES"]


class Store:
    """A database (DuckDB file or PostgreSQL URL) holding documents and their records."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.con = backend.connect(path, read_only=read_only)
        self.path = self.con.target
        if not read_only:
            self._migrate()
        elif schema.version(self.con) is None:
            self.con.close()
            raise NewsgraphError(f"{self.path}: no newsgraph store there (run `newsgraph ingest` first)")
        else:
            self.con.seal()

    def _migrate(self) -> None:
        current = schema.version(self.con)
        if current is not None and current > SCHEMA_VERSION:
            raise NewsgraphError(f"{self.path}: written by a newer newsgraph (schema {current})")
        schema.migrate(self.con)

    @property
    def version(self) -> int | None:
        """The schema version of the open database."""
        return schema.version(self.con)

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
                (doc.id, e.id, e.name, e.type, e.kb_id, e.code, len(e.mentions),
                 actor_id({"id": e.id, "kb_id": e.kb_id})) for e in doc.entities])
            _insert_many(con, "mentions", [
                (doc.id, e.id, m.start, m.end, m.text) for e in doc.entities for m in e.mentions])
            _insert_many(con, "timexes", [
                (doc.id, t.start, t.end, t.text, t.type, t.value, t.mod) for t in doc.timexes])
            _insert_many(con, "quantities", [
                (doc.id, q.start, q.end, q.text, q.value, q.unit, q.approximate, q.of)
                for q in doc.quantities])
            _insert_many(con, "stage_errors", [(doc.id, e.stage, e.message) for e in doc.errors])
            schema.write_v2_rows(con, record)
            duplicates.link(con, doc.id, doc.text)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return True

    def record(self, doc_id: str) -> dict[str, Any] | None:
        """The stored record of a document by id, id prefix, external id or content hash."""
        row = self.con.execute(
            "SELECT CAST(record AS VARCHAR) FROM documents WHERE id = ? OR external_id = ?"
            " OR content_hash = ? OR substr(id, 1, length(?)) = ? ORDER BY id LIMIT 2",
            [doc_id, doc_id, doc_id, doc_id, doc_id]).fetchall()
        if len(row) > 1:
            raise NewsgraphError(f"{doc_id}: matches several documents; give more of the id")
        return json.loads(row[0][0]) if row else None

    def stats(self) -> dict[str, Any]:
        """Counts of documents and of each annotation, plus the date range."""
        out: dict[str, Any] = {}
        out["documents"] = self.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        present = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchall()}
        for table in (*ANNOTATION_TABLES, "actors", "near_duplicates"):
            if table in present:  # a read-only v1 database lacks the v2 tables
                out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        out["distinct_entities"] = self.con.execute(
            "SELECT count(DISTINCT entity_id) FROM entities").fetchone()[0]
        first, last = self.con.execute("SELECT min(published), max(published) FROM documents").fetchone()
        out["published_from"] = first.isoformat() if first else None
        out["published_to"] = last.isoformat() if last else None
        out["genres"] = dict(self.con.execute(
            "SELECT coalesce(genre, 'unknown'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC").fetchall())
        return out
