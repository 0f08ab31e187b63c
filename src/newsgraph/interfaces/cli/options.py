"""Click options shared by every command group."""
from __future__ import annotations

import datetime as dt

import click

from ... import config


def date_value(_ctx, _param, value: str | None) -> dt.date | None:
    """Click callback: a YYYY-MM-DD option as a date, with a clear error otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def db_option(func):
    """The ``--db`` option: a DuckDB file (default ./newsgraph.duckdb or $NEWSGRAPH_DB) or a
    PostgreSQL server URL."""
    return click.option("--db", default=config.db_path, show_default="newsgraph.duckdb",
                        help="DuckDB database file, or postgresql://user@host/dbname for a PostgreSQL"
                             " server (env NEWSGRAPH_DB).")(func)
