"""How the API reaches the store: a read-only connection per request, a short-lived writer.

Each request opens the store read-only (``queries.connect``) and closes it when done, so no
connection outlives a request: a DuckDB file is not held between requests, and a
``newsgraph ingest`` can write it while the server is idle. A write (``POST /api/analyze
?store=true``) opens a ``Store`` for just the documents it adds. DuckDB refuses a writer and
a reader of one file in one process at once, so a read-write lock makes writes wait for the
reads in flight (and new reads wait for a waiting write). While another process holds the
file (an ingest writing a batch), a request waits a few seconds, not the CLI's minutes, then
gets 503.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ...errors import NewsgraphError
from ...store import queries
from ...store.backend import waits
from ...store.database import Store
from .errors import ApiError

# An ingest holds the file only while it writes a batch (seconds): a request waits that long.
API_READ_WAIT_SECONDS = 5.0
API_WRITE_WAIT_SECONDS = 10.0


class ReadWriteLock:
    """Many readers or one writer; a waiting writer goes before new readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class StoreAccess:
    """The store the server serves: ``read()`` and ``write()`` context managers."""

    def __init__(self, db: str, read_only: bool = False):
        self.db = str(db)
        self.read_only = read_only
        self.lock = ReadWriteLock()
        self.analysis = threading.Lock()  # one analysis at a time: the spaCy pipeline is shared

    @contextmanager
    def read(self, window_days: int | None = None) -> Iterator[object]:
        """A read-only connection with the query views (events merged within WINDOW_DAYS)."""
        window = queries.DEFAULT_WINDOW_DAYS if window_days is None else int(window_days)
        with self.lock.reading():
            try:
                with waits(API_READ_WAIT_SECONDS, API_WRITE_WAIT_SECONDS):
                    con = queries.connect(self.db, window_days=window)
            except NewsgraphError as exc:  # the server's store, not the request, is at fault
                raise ApiError(503, f"the store cannot be read now: {exc}") from None
            try:
                yield con
            finally:
                con.close()

    @contextmanager
    def write(self) -> Iterator[Store]:
        """The one writer, for as long as the block runs (403 on a read-only server)."""
        if self.read_only:
            raise ApiError(403, "this server is read-only (started with --read-only): nothing is stored")
        with self.lock.writing():
            try:
                with waits(API_READ_WAIT_SECONDS, API_WRITE_WAIT_SECONDS):
                    store = Store(self.db)
            except NewsgraphError as exc:
                raise ApiError(503, f"the store cannot be written now: {exc}") from None
            try:
                yield store
            finally:
                store.close()


def prepare(db: str, read_only: bool = False) -> None:
    """Check at start that the store opens (creating an empty one when it may be written)."""
    try:
        queries.connect(db).close()
    except NewsgraphError:
        if read_only:
            raise
        Store(db).close()
        queries.connect(db).close()
