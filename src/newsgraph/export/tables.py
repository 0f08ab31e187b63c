"""Every table and cross-document view as CSV or Parquet files (one per table, in a folder)."""
from __future__ import annotations

from pathlib import Path

from ..store.queries import write_tables
from . import exporter


@exporter("csv", "newsgraph-csv", kind="dir")
def write_csv(con, out_dir: Path) -> int:
    """Every table and view as a CSV file with a header line."""
    return len(write_tables(con, out_dir, "csv"))


@exporter("parquet", "newsgraph-parquet", kind="dir")
def write_parquet(con, out_dir: Path) -> int:
    """Every table and view as a zstd-compressed Parquet file."""
    return len(write_tables(con, out_dir, "parquet"))
