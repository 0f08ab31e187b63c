"""Click options shared by every command group."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

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


# Counts users give: at least one, and small enough for every engine's 64-bit integers.
MAX_COUNT = 1_000_000_000
COUNT = click.IntRange(1, MAX_COUNT)


def limit_option(what: str):
    """A ``--limit N`` option: at most N WHAT (a whole number from 1 to ``MAX_COUNT``)."""
    return click.option("--limit", type=COUNT, metavar="N", help=f"At most this many {what}.")


def not_empty(_ctx, _param, value):
    """Click callback: refuse an empty (or all-blank) filter rather than read it as no filter."""
    if value is not None and not value.strip():
        raise click.BadParameter("is empty (leave the option out for no filter)")
    return value


def choice_of(known: Iterable[str] | Callable[[], Iterable[str]], what: str):
    """Click callback: VALUE upper-cased, and refused (naming every valid value) when it is not
    among KNOWN (a callable, so the list is only loaded when the option is given)."""

    def check(ctx, param, value):
        value = not_empty(ctx, param, value)
        if value is None:
            return None
        valid = sorted(known() if callable(known) else known)
        found = value.strip().upper()
        if found not in valid:
            raise click.BadParameter(f"{value!r} is not {what} (one of {', '.join(valid)})")
        return found

    return check
