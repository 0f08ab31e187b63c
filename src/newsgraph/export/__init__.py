"""Exports of the store: PLOVER JSONL, CSV/Parquet tables, graphs, FollowTheMoney, STIX 2.1.

Each format is one function registered with ``@exporter(name, ...)`` in a module of this
package (listed in ``BUILTIN_MODULES``); the CLI's ``--format`` choices, the docs check and
``export(con, fmt, out)`` read that one registry. Exporters read the store only through
``newsgraph.store.queries`` on a read-only connection. To add a format, write the function in
a module here, decorate it, and add the module to ``BUILTIN_MODULES``.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import NewsgraphError
from .output import dir_output, file_output, store_files

BUILTIN_MODULES = ("plover", "tables", "graph", "ftm", "stix")


@dataclass(frozen=True)
class Exporter:
    """One export format: how it writes, where by default, and whether to a file or a folder."""

    name: str
    write: Callable  # file: (con, text stream) -> count; dir: (con, Path) -> count of files
    default_out: str
    kind: str  # "file" (may also go to stdout) or "dir"
    description: str


_REGISTRY: dict[str, Exporter] = {}


def exporter(name: str, default_out: str, kind: str = "file", description: str = ""):
    """Register the decorated function as the export format NAME."""
    if kind not in ("file", "dir"):
        raise ValueError(f"export {name}: kind must be 'file' or 'dir', not {kind!r}")

    def register(func: Callable) -> Callable:
        if name in _REGISTRY and _REGISTRY[name].write is not func:
            raise NewsgraphError(f"export format {name!r} is registered twice")
        _REGISTRY[name] = Exporter(name, func, default_out, kind,
                                   description or (func.__doc__ or "").strip().splitlines()[0])
        return func

    return register


def formats() -> dict[str, Exporter]:
    """Every registered export format by name (the built-in modules are imported on first use)."""
    for module in BUILTIN_MODULES:
        importlib.import_module(f"{__name__}.{module}")
    return dict(_REGISTRY)


def export(con, fmt: str, out: str | Path | IO[str]) -> str:
    """Write the store in FORMAT to OUT (a path, or an open text stream for file formats).

    A path is written whole or not at all (see ``output.py``), and never over the store
    behind CON. Returns a one-line summary of what was written.
    """
    known = formats()
    if fmt not in known:
        raise NewsgraphError(f"{fmt}: unknown export format (one of {', '.join(known)})")
    spec = known[fmt]
    protected = store_files(con)
    if spec.kind == "dir":
        if not isinstance(out, (str, Path)):
            raise NewsgraphError(f"--format {fmt} writes a directory of files: give --out DIR")
        with dir_output(Path(out), protected) as work:
            count = spec.write(con, work)
        return f"wrote {count} {fmt} file(s) to {out}"
    if isinstance(out, (str, Path)):
        with file_output(Path(out), protected) as handle:
            count = spec.write(con, handle)
    else:
        count = spec.write(con, out)
    return f"wrote {count} {fmt} record(s)" + (f" to {out}" if isinstance(out, (str, Path)) else "")


def require(module: str, package: str):
    """Import an optional export library or say which package to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise NewsgraphError(f"this export needs the {package!r} package: pip install {package}") from None
