"""One connection interface over the two stores: an embedded DuckDB file (the default) or a
PostgreSQL server (``--db postgresql://user@host/db``).

Every query in the package is written once, in the SQL that both engines accept, with DuckDB's
parameter style (``?`` and ``$name``); the PostgreSQL connection rewrites the placeholders
into psycopg's (``%s`` and ``%(name)s``). The few constructs that differ (list membership,
an ordered list aggregate of records, a non-empty JSON array test) are methods of the
connection, so callers never branch on the engine.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import duckdb

from ..errors import NewsgraphError

SERVER_SCHEMES = ("postgresql://", "postgres://")
# DuckDB 1.3 has Python-style lambdas; 2.0 refuses the older arrow unless told otherwise.
_LAMBDA_M = ("lambda x: x.m" if tuple(int(p) for p in duckdb.__version__.split(".")[:2]) >= (1, 3)
             else "x -> x.m")


# How long an open waits for a DuckDB file another process holds: a reader waits for an
# ingest's batch write, a writer (an ingest's next batch) for the readers in flight.
READ_WAIT_SECONDS = 30.0
WRITE_WAIT_SECONDS = 300.0
_waits: ContextVar[tuple[float, float] | None] = ContextVar("newsgraph_store_waits", default=None)


@contextmanager
def waits(read_seconds: float, write_seconds: float) -> Iterator[None]:
    """Opens within the block wait at most these times for a busy DuckDB file (a server
    answers 503 soon rather than hold a request for minutes behind an ingest)."""
    token = _waits.set((read_seconds, write_seconds))
    try:
        yield
    finally:
        _waits.reset(token)
_busy_handlers: list[Callable[[str], None]] = []


def on_busy(handler: Callable[[str], None] | None) -> None:
    """Call HANDLER with one line when an open has to wait for another process (None: quiet).
    The command line prints it; the store itself never prints."""
    _busy_handlers[:] = [handler] if handler else []


def is_server(target: str | Path) -> bool:
    """True when TARGET names a PostgreSQL server rather than a DuckDB file."""
    return str(target).startswith(SERVER_SCHEMES)


def database_errors() -> tuple[type[Exception], ...]:
    """The exception classes either engine raises for a failed statement."""
    errors: list[type[Exception]] = [duckdb.Error]
    try:
        import psycopg
    except ImportError:  # the server driver is only needed for PostgreSQL stores
        return tuple(errors)
    return (*errors, psycopg.Error)


def connect(target: str | Path, read_only: bool = False, external_access: bool = True):
    """Open TARGET (a DuckDB path or a postgresql:// URL).

    ``read_only`` opens a DuckDB file read-only (several readers, no writer lock) and puts a
    PostgreSQL session in read-only transactions. ``external_access=False`` keeps SQL from
    reading or writing other files (DuckDB; a PostgreSQL role has no file access anyway).
    """
    if is_server(target):
        return PostgresConnection(str(target), read_only)
    return DuckDBConnection(str(target), read_only, external_access)


class DuckDBConnection:
    """A DuckDB file."""

    dialect = "duckdb"
    row_id = "rowid"  # the physical row id, for fetching chosen rows' wide columns only

    def __init__(self, path: str, read_only: bool, external_access: bool = True):
        if read_only and not Path(path).exists():
            raise NewsgraphError(f"{path}: no such database (run `newsgraph ingest` first)")
        config = {} if external_access else {"enable_external_access": False}
        self.raw = _open_waiting(path, read_only, config)
        self.target = path
        self.column_cache: dict[str, frozenset[str]] = {}  # table -> columns (store.writer)

    def execute(self, sql: str, params: Any = None):
        """Run one statement; the result has ``fetchone``, ``fetchall``, ``description``."""
        return self.raw.execute(sql, params if params is not None else [])

    def executemany(self, sql: str, rows: list) -> None:
        self.raw.executemany(sql, rows)

    def close(self) -> None:
        self.raw.close()

    def seal(self) -> None:
        """Nothing to do: a read-only DuckDB file refuses writes from the start."""

    def lock(self, key: str) -> None:
        """Nothing to do: the file lock already makes this process the only writer."""

    # --- the few constructs that differ ---------------------------------------------------

    @staticmethod
    def contains(array: str, value: str) -> str:
        """SQL: the list ARRAY holds VALUE (list_contains is DuckDB's fast path)."""
        return f"list_contains({array}, {value})"

    @staticmethod
    def sorted_union(a: str, b: str) -> str:
        """SQL: the distinct items of lists A and B, sorted (usable in ON CONFLICT DO UPDATE)."""
        return f"list_sort(list_distinct(list_concat({a}, {b})))"

    @staticmethod
    def record_list(fields: dict[str, str], order: str) -> str:
        """SQL aggregate: the rows' FIELDS as a list of records ordered by ORDER.

        Sorting a list of (order, record) pairs is much cheaper in DuckDB than an ordered
        aggregate over many small groups."""
        struct = ", ".join(f"'{name}': {expr}" for name, expr in fields.items())
        return f"list_transform(list_sort(list({{'n': {order}, 'm': {{{struct}}}}})), {_LAMBDA_M})"

    @staticmethod
    def first_by(expr: str, order: list[str], where: str) -> str:
        """SQL aggregate: EXPR of the first row by ORDER among the rows where WHERE holds."""
        key = ", ".join(f"'k{i}': {column}" for i, column in enumerate(order))
        return f"arg_min({expr}, {{{key}}}) FILTER (WHERE {where})"



def _open_waiting(path: str, read_only: bool, config: dict):
    """Open a DuckDB file; while another process holds its lock (one writer, or readers when
    we want to write), retry for a bounded time, saying so once."""
    read_wait, write_wait = _waits.get() or (READ_WAIT_SECONDS, WRITE_WAIT_SECONDS)
    wait = read_wait if read_only else write_wait
    deadline, pause, told = time.monotonic() + wait, 0.02, False
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=config)
        except duckdb.Error as exc:
            if "Could not set lock" not in str(exc) or time.monotonic() >= deadline:
                busy = " (still busy after waiting)" if told else ""
                raise NewsgraphError(f"{path}: cannot open the database{busy} ({exc})") from None
            if not told:
                holder = "an ingest is writing" if read_only else "another process has it open"
                for handler in _busy_handlers:
                    handler(f"store is busy ({holder}); retrying for up to {wait:g} s")
                told = True
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


class PostgresConnection:
    """A PostgreSQL database through psycopg 3 (autocommit; callers send BEGIN/COMMIT)."""

    dialect = "postgres"
    row_id = "ctid"

    def __init__(self, url: str, read_only: bool):
        try:
            import psycopg
        except ImportError:
            raise NewsgraphError("PostgreSQL stores need the driver: pip install 'psycopg[binary]'"
                                 " (or install newsgraph with its [postgres] extra)") from None
        shown = re.sub(r"//([^:@/]*):[^@/]*@", r"//\1:***@", url)  # no password in messages
        try:
            self.raw = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise NewsgraphError(f"{shown}: cannot connect ({str(exc).strip()})") from None
        self.read_only = read_only
        self.target = shown
        self.column_cache: dict[str, frozenset[str]] = {}  # table -> columns (store.writer)

    def seal(self) -> None:
        """Make a read-only session refuse writes from here on (after temporary views exist:
        PostgreSQL refuses even those in a read-only transaction)."""
        if self.read_only:
            self.raw.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    def lock(self, key: str) -> None:
        """Hold KEY (within this schema) until the transaction ends: writers of one document,
        or of the schema, take turns instead of colliding (PostgreSQL has many writers)."""
        self.raw.execute("SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ':' || %s, 0))",
                         [key])

    def execute(self, sql: str, params: Any = None):
        if params is None:  # no placeholders: sent as written (may hold several statements)
            return self.raw.execute(sql)
        return self.raw.execute(_placeholders(sql), _params(params))

    def executemany(self, sql: str, rows: list) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(_placeholders(sql), [_params(r) for r in rows])

    def close(self) -> None:
        self.raw.close()

    @staticmethod
    def contains(array: str, value: str) -> str:
        return f"({value}) = ANY({array})"

    @staticmethod
    def sorted_union(a: str, b: str) -> str:
        empty = "CAST(ARRAY[] AS VARCHAR[])"
        return (f"ARRAY(SELECT DISTINCT u.x FROM unnest(coalesce({a}, {empty}) || coalesce({b}, {empty}))"
                " AS u(x) ORDER BY 1)")

    @staticmethod
    def first_by(expr: str, order: list[str], where: str) -> str:
        return f"(array_agg({expr} ORDER BY {', '.join(order)}) FILTER (WHERE {where}))[1]"

    @staticmethod
    def record_list(fields: dict[str, str], order: str) -> str:
        pairs = ", ".join(f"'{name}', {expr}" for name, expr in fields.items())
        return f"json_agg(json_build_object({pairs}) ORDER BY {order})"



# Quoted strings and identifiers are copied as they are; outside them `?` and `$name` become
# psycopg placeholders and a literal `%` is doubled.
_TOKENS = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|\$[A-Za-z_]\w*|\?|%""")


def _placeholders(sql: str) -> str:
    def swap(match: re.Match) -> str:
        token = match.group()
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        if token.startswith("$"):
            return f"%({token[1:]})s"
        return token

    return _TOKENS.sub(swap, sql)


def _params(params: Any) -> Any:
    """psycopg adapts tuples as records; the store's rows are tuples of values: use lists."""
    if params is None:
        return None
    if isinstance(params, dict):
        return params
    return list(params)
