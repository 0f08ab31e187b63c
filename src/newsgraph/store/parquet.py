"""Analysis records staged as Parquet files (by ``ingest --engine ray``), read back for loading."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import NewsgraphError


def read_records(folder: Path) -> Iterator[dict[str, Any]]:
    """Rows ``{id, content_hash, record, error}`` of every Parquet file in ``folder``, by id."""
    import duckdb

    files = sorted(str(p) for p in Path(folder).rglob("*.parquet"))
    if not files:
        raise NewsgraphError(f"{folder}: no Parquet files to load")
    con = duckdb.connect()
    try:
        cursor = con.execute("SELECT id, content_hash, record, error FROM read_parquet(?) ORDER BY id",
                             [files])
        columns = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(256):
            yield from (dict(zip(columns, row)) for row in rows)
    finally:
        con.close()
