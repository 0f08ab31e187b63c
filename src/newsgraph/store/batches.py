"""The store as an ingest writes it: a batch at a time, so readers get in between.

A DuckDB file has one writer, and while a process holds it for writing no other process can
open it at all. So an ingest does not hold it while it reads and analyses: it opens the file
read-only to see which of the next documents are already stored, closes it, analyses, and
opens it for writing only to store a batch of analysed documents (each in its own
transaction, as before), then closes it again. Readers that arrive during a batch write wait
for it (``backend.READ_WAIT_SECONDS``); a batch write that arrives while readers have the file
open waits for them (``backend.WRITE_WAIT_SECONDS``). A PostgreSQL store keeps one connection:
the server has many readers and writers at once.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Document
from . import backend
from .database import Store
from .queries import documents


class BatchWriter:
    """Opens the store for each batch (DuckDB) or once (PostgreSQL); ``close()`` when done."""

    def __init__(self, target: str):
        self.target = str(target)
        self._store: Store | None = Store(self.target)  # creates or upgrades the schema now
        self.where = self._store.path
        if not backend.is_server(self.target):
            self._store.close()
            self._store = None

    def stored(self, hashes: Iterable[str]) -> set[str]:
        """The content hashes among HASHES that the store already holds."""
        hashes = list(hashes)
        if not hashes:
            return set()
        if self._store is not None:
            return {h for h in hashes if self._store.has(h)}
        con = backend.connect(self.target, read_only=True)
        try:
            return {h for h in hashes if documents.has_document(con, h)}
        finally:
            con.close()

    def add(self, docs: list[Document]) -> list[bool]:
        """Store DOCS, one transaction each; for each, False when it was already stored."""
        if not docs:
            return []
        if self._store is not None:
            return [self._store.add(doc) for doc in docs]
        with Store(self.target) as store:
            return [store.add(doc) for doc in docs]

    def count(self) -> int:
        """How many documents the store holds."""
        if self._store is not None:
            return self._store.stats()["documents"]
        con = backend.connect(self.target, read_only=True)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
