"""Every table (and the cross-document views) as CSV or Parquet files, written by DuckDB COPY.

A PostgreSQL store is first copied into an in-memory DuckDB database with the same schema
and views (so both stores give the same files; the copy needs the store to fit in memory).
"""
from __future__ import annotations

from pathlib import Path

from .. import backend, schema
from ..schema import ALL_TABLES
from ..writer import insert_rows
from .connection import install_views, rows

VIEWS = ("event_clusters", "event_members", "dyad_weekly")


def write_tables(con, out_dir: Path, fmt: str) -> list[Path]:
    """One file per table and view in OUT_DIR (created); returns the paths written."""
    if con.dialect != "duckdb":
        con = _in_memory_copy(con)
    out_dir.mkdir(parents=True, exist_ok=True)
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet, COMPRESSION zstd"
    written = []
    for name in (*ALL_TABLES, *VIEWS):
        path = out_dir / f"{name}.{fmt}"
        target = str(path).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {name}) TO '{target}' ({options})")
        written.append(path)
    return written


def _in_memory_copy(con):
    """The store behind CON copied into a new in-memory DuckDB database, with the views."""
    mirror = backend.connect(":memory:")
    schema.migrate(mirror)
    for table in ALL_TABLES:
        columns = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            [table]).fetchall()
        select = ", ".join(f"CAST({name} AS VARCHAR) AS {name}" if kind.lower() in ("json", "jsonb")
                           else name for name, kind in columns)
        insert_rows(mirror, table, rows(con, f"SELECT {select} FROM {table}"))
    install_views(mirror, con.window_days)
    return mirror
