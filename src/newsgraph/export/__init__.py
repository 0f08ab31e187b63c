"""Exports of the store: PLOVER JSONL, CSV/Parquet tables, graphs, FollowTheMoney, STIX 2.1.

Every exporter reads the store through a read-only connection from
``newsgraph.store.queries.connect`` and writes one file (or, for tables, one directory).
``export(db, fmt, out)`` is the single entry point the CLI uses.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO

from ..errors import NewsgraphError

# format -> (default output, kind): "file" formats may also go to stdout.
FORMATS = {
    "plover": ("events.plover.jsonl", "file"),
    "csv": ("newsgraph-csv", "dir"),
    "parquet": ("newsgraph-parquet", "dir"),
    "gexf": ("newsgraph.gexf", "file"),
    "graphml": ("newsgraph.graphml", "file"),
    "cytoscape": ("newsgraph.cyjs", "file"),
    "ftm": ("newsgraph.ftm.jsonl", "file"),
    "stix": ("newsgraph.stix.json", "file"),
}


def export(con, fmt: str, out: str | Path | IO[str]) -> str:
    """Write the store in FORMAT to OUT (a path, or an open text stream for file formats).

    Returns a one-line summary of what was written.
    """
    if fmt not in FORMATS:
        raise NewsgraphError(f"{fmt}: unknown export format (one of {', '.join(FORMATS)})")
    if fmt in ("csv", "parquet"):
        from .tables import write_tables

        if not isinstance(out, (str, Path)):
            raise NewsgraphError(f"--format {fmt} writes a directory of files: give --out DIR")
        files = write_tables(con, Path(out), fmt)
        return f"wrote {len(files)} {fmt} file(s) to {out}"
    if fmt == "plover":
        from .plover import write_plover as writer
    elif fmt in ("gexf", "graphml", "cytoscape"):
        from .graph import writer_for

        writer = writer_for(fmt)
    elif fmt == "ftm":
        from .ftm import write_ftm as writer
    else:
        from .stix import write_stix as writer
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="\n") as handle:
            count = writer(con, handle)
    else:
        count = writer(con, out)
    return f"wrote {count} {fmt} record(s)" + (f" to {out}" if isinstance(out, (str, Path)) else "")


def require(module: str, package: str):
    """Import an optional export library or say which package to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise NewsgraphError(f"this export needs the {package!r} package: pip install {package}") from None
