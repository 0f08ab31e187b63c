"""The store: an embedded DuckDB file by default, or a PostgreSQL server given a
``postgresql://`` URL, through the same code (``backend.py``). One writer, one transaction
per document.

Documents are keyed by content hash, so ingesting the same article twice adds nothing.
Each document and all its annotations are written in one transaction: an interrupted
ingest leaves either the whole document or none of it. One process writes a DuckDB file at a
time (its file lock), an ingest only while it stores a batch (``batches.py``); readers open the
file read-only. PostgreSQL takes many writers: a document is written under its own lock. The tables and their migrations are in
``schema.py``; rows by column name in ``rows.py`` and ``writer.py``; every read in ``queries/``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import NewsgraphError
from ..model import Document
from ..record import to_record

from . import backend, duplicates, schema
from .queries import documents
from .schema import ANNOTATION_TABLES, SCHEMA_VERSION
from .writer import write_record

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
        """True when a document with this content hash is stored."""
        return documents.has_document(self.con, content_hash)

    def add(self, doc: Document) -> bool:
        """Store one analysed document atomically; False when it was already stored."""
        if self.has(doc.content_hash):
            return False
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            # Another ingest of the same document (PostgreSQL) waits here; then it sees the
            # stored row and adds nothing, as a single run would.
            con.lock(doc.content_hash)
            added = not self.has(doc.content_hash)
            if added:
                write_record(con, to_record(doc))
                duplicates.link(con, doc.id, doc.text)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return added

    def record(self, doc_id: str) -> dict[str, Any] | None:
        """The stored record of a document by id, id prefix, external id or content hash."""
        return documents.record(self.con, doc_id)

    def stats(self) -> dict[str, Any]:
        """Counts of documents and of each annotation, plus the date range."""
        return documents.stats(self.con)
