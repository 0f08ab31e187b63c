"""Read-only SQL from users (``newsgraph sql``): one SELECT, checked, then run."""
from __future__ import annotations

import re
from typing import Any

from ...errors import NewsgraphError
from ..backend import database_errors
from .connection import rows


def check_read_only(con, sql: str) -> None:
    """Refuse anything but a single SELECT (or WITH ... SELECT) statement.

    DuckDB parses the text; on PostgreSQL the session is read-only and one statement per call
    is all the server accepts with parameters, so the first word is what is left to check.
    """
    if con.dialect == "duckdb":
        import duckdb

        try:
            statements = con.raw.extract_statements(sql)
        except duckdb.Error as exc:
            raise NewsgraphError(f"cannot parse the query: {exc}") from None
        count = len(statements)
        kind = str(statements[0].type).rsplit(".", 1)[-1] if statements else "nothing"
    else:
        body = re.sub(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"", "''", sql).strip().rstrip(";").strip()
        count = body.count(";") + 1 if body else 0
        kind = body.split(None, 1)[0].upper() if body else "nothing"
        kind = "SELECT" if kind in ("SELECT", "WITH", "VALUES", "TABLE") else kind
    if count != 1:
        raise NewsgraphError(f"give exactly one SELECT statement (got {count})")
    if kind != "SELECT":
        raise NewsgraphError(f"only SELECT or WITH ... SELECT queries are allowed here (got {kind});"
                             " the store is opened read-only")


def run_select(con, sql: str) -> list[dict[str, Any]]:
    """Check that SQL is one SELECT, run it, and turn a database error into a clear message."""
    check_read_only(con, sql)
    try:
        return rows(con, sql)
    except database_errors() as exc:
        raise NewsgraphError(f"query failed: {str(exc).strip()}") from None
