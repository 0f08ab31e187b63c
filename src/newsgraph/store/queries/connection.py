"""Opening a store for reading, its temporary views, and the helpers every query uses.

``connect`` opens a store read-only (upgrading an older schema first) and creates temporary
views on that connection only, so query logic can change without a schema migration:
``event_rows``, ``event_members``, ``event_clusters`` and ``dyad_weekly`` (see
``store/clusters.py`` for what each holds).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import NewsgraphError
from .. import backend, schema
from ..clusters import DEFAULT_WINDOW_DAYS, clusters_sql, dyad_weekly_sql, events_of_sql, members_sql, rows_sql

__all__ = ["DEFAULT_WINDOW_DAYS", "connect", "install_views", "rows", "clusters_of"]


def install_views(con, window_days: int = DEFAULT_WINDOW_DAYS) -> None:
    """Create the temporary query views on this connection (before it is sealed read-only)."""
    members = members_sql("event_rows", window_days)
    for name, sql in (("event_rows", rows_sql()), ("event_members", members),
                      ("event_clusters", clusters_sql(con, "SELECT * FROM event_members")),
                      ("dyad_weekly", dyad_weekly_sql("SELECT * FROM event_clusters"))):
        con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS {sql}")
    con.window_days = int(window_days)


def connect(path: str | Path, window_days: int = DEFAULT_WINDOW_DAYS, external_access: bool = True):
    """Open a store read-only, upgrading an older schema in place first, with the views.

    ``external_access=False`` forbids reading or writing other files from SQL (used by
    ``newsgraph sql``).
    """
    con = backend.connect(path, read_only=True, external_access=external_access)
    current = schema.version(con)
    if current is None and backend.is_server(path):
        con.close()
        raise NewsgraphError(f"{con.target}: no newsgraph store there (run `newsgraph ingest` first)")
    if current is None or current < schema.SCHEMA_VERSION:
        con.close()
        from ..database import Store  # the one writer upgrades the store, then we read

        Store(path).close()
        con = backend.connect(path, read_only=True, external_access=external_access)
    install_views(con, window_days)
    con.seal()
    return con


def rows(con, sql: str, params: list | dict | None = None) -> list[dict[str, Any]]:
    """Run a query and return its rows as dicts."""
    cur = con.execute(sql, params if params is not None else [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def clusters_of(con, ids: list[str], event_type: str | None = None,
                 with_ids: list[str] | None = None, raw: bool = False) -> str:
    """The cluster (or member) rows of the partitions of IDS, as a subquery (``$_ids``...)."""
    events = events_of_sql(con, ids, event_type, with_ids)
    members = members_sql(f"({rows_sql(events)}) r", con.window_days)
    return f"({members}) x" if raw else f"({clusters_sql(con, members)}) x"
