"""Read-only SQL from users (``newsgraph sql``): one SELECT, checked by the engine's own parser,
then run within a time, memory and row bound.

DuckDB: ``extract_statements`` (DuckDB's parser) must find exactly one SELECT; the file is
open read-only with external access off; the query runs with ``memory_limit`` and a capped
temporary directory, and the connection is interrupted when the time limit passes.
PostgreSQL: see ``sql_postgres.py`` (server-side parse, function allow-list, read-only role,
read-only transaction with a statement timeout).
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...errors import NewsgraphError
from ..backend import database_errors
from . import sql_postgres

DEFAULT_TIMEOUT = 30.0  # seconds
MAX_TIMEOUT = 2_147_483  # PostgreSQL's statement_timeout is at most 2^31 - 1 ms
DEFAULT_MAX_MEMORY = "1GB"
DEFAULT_MAX_ROWS = 100_000
MAX_TEMP = "4GB"  # DuckDB may spill to disk beyond the memory limit, this far
_SIZE = re.compile(r"^\s*\d+(?:\.\d+)?\s*(?:[KMGT]i?B|bytes)\s*$", re.IGNORECASE)


def _quiet(_message: str) -> None:
    """The default warning callback: say nothing."""


@dataclass(frozen=True)
class Limits:
    """How far one query may go: seconds, DuckDB memory (e.g. '1GB'), rows returned."""

    timeout: float = DEFAULT_TIMEOUT
    max_memory: str = DEFAULT_MAX_MEMORY
    max_rows: int = DEFAULT_MAX_ROWS

    def __post_init__(self) -> None:
        if not 0 < self.timeout <= MAX_TIMEOUT:
            raise NewsgraphError(f"--timeout must be more than 0 and at most {MAX_TIMEOUT} seconds"
                                 f" (got {self.timeout:g})")
        if not _SIZE.match(self.max_memory):
            raise NewsgraphError(f"--max-memory must be a size such as 512MB or 2GB (got {self.max_memory[:40]!r})")
        if self.max_rows < 1:
            raise NewsgraphError(f"--max-rows must be at least 1 (got {self.max_rows})")


def check_read_only(con, sql: str) -> None:
    """Refuse anything but a single SELECT (or WITH ... SELECT) statement, as the engine's
    own parser reads it (on PostgreSQL also: only allowed functions and the store's tables)."""
    if con.dialect != "duckdb":
        sql_postgres.check(con, sql)
        return
    import duckdb

    try:
        statements = con.raw.extract_statements(sql)
    except duckdb.Error as exc:
        raise NewsgraphError(f"cannot parse the query: {exc}") from None
    count = len(statements)
    kind = str(statements[0].type).rsplit(".", 1)[-1] if statements else "nothing"
    if count != 1:
        raise NewsgraphError(f"give exactly one SELECT statement (got {count})")
    if kind != "SELECT":
        raise NewsgraphError(f"only SELECT or WITH ... SELECT queries are allowed here (got {kind});"
                             " the store is opened read-only")


def fetch_rows(cursor, max_rows: int) -> list[dict[str, Any]]:
    """At most MAX_ROWS rows of CURSOR as dicts; more is an error (the whole result would be
    held in memory)."""
    names = [d[0] for d in cursor.description]
    found = cursor.fetchmany(max_rows + 1)
    if len(found) > max_rows:
        raise NewsgraphError(f"the query returns more than {max_rows} rows (--max-rows):"
                             " add a LIMIT, or raise --max-rows")
    return [dict(zip(names, row)) for row in found]


def _bound_duckdb(con, limits: Limits) -> None:
    """Memory and spill limits (DuckDB has no function that changes them from a SELECT)."""
    raw = con.raw
    raw.execute(f"SET memory_limit = '{limits.max_memory.strip()}'")
    raw.execute(f"SET max_temp_directory_size = '{MAX_TEMP}'")


def _run_duckdb(con, sql: str, limits: Limits) -> list[dict[str, Any]]:
    import duckdb

    check_read_only(con, sql)
    _bound_duckdb(con, limits)
    # DuckDB has no statement timeout: a timer interrupts the connection instead.
    timer = threading.Timer(limits.timeout, con.raw.interrupt)
    timer.start()
    try:
        return fetch_rows(con.raw.execute(sql), limits.max_rows)
    except duckdb.InterruptException:
        raise NewsgraphError(f"the query ran past the time limit ({limits.timeout:g} s; --timeout)") from None
    except duckdb.OutOfMemoryException:
        raise NewsgraphError(f"the query needs more memory than the limit ({limits.max_memory.strip()};"
                             " --max-memory)") from None
    except database_errors() as exc:
        raise NewsgraphError(f"query failed: {str(exc).strip()}") from None
    finally:
        timer.cancel()
        timer.join()  # a timer thread still alive at exit aborts the interpreter


def run_select(con, sql: str, limits: Limits | None = None,
               on_warning: Callable[[str], None] = _quiet) -> list[dict[str, Any]]:
    """Check that SQL is one SELECT, run it within LIMITS, and turn a database error into a
    clear message. ON_WARNING hears why a safeguard could not be used (PostgreSQL's role)."""
    limits = limits or Limits()
    if con.dialect == "duckdb":
        return _run_duckdb(con, sql, limits)
    return sql_postgres.run(con, sql, limits.timeout, limits.max_rows, on_warning, fetch_rows)
