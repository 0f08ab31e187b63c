"""Every table (and the cross-document views) as CSV or Parquet files, written by DuckDB COPY."""
from __future__ import annotations

from pathlib import Path

from ..store.schema import ALL_TABLES

VIEWS = ("event_clusters", "event_members", "dyad_weekly")


def write_tables(con, out_dir: Path, fmt: str) -> list[Path]:
    """One file per table and view in OUT_DIR (created); returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet, COMPRESSION zstd"
    written = []
    for name in (*ALL_TABLES, *VIEWS):
        path = out_dir / f"{name}.{fmt}"
        target = str(path).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {name}) TO '{target}' ({options})")
        written.append(path)
    return written
