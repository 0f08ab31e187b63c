"""Where an export may write, and writing it there whole or not at all.

An output that resolves to the store's own file (or its write-ahead log) is refused before
anything is opened. A file is written to a temporary file in its target directory and renamed
into place, so an export that fails half way leaves the old file (or none) and never a stub;
a directory format writes its files into a temporary folder inside the target, then renames
each. Every problem is a ``NewsgraphError`` of one line naming the output.
"""
from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import NewsgraphError


def store_files(con) -> set[str]:
    """The real paths of the DuckDB store behind CON and of its WAL (empty for a server)."""
    if getattr(con, "dialect", None) != "duckdb" or not getattr(con, "target", None):
        return set()
    return paths_of_store(con.target)


def paths_of_store(db: str) -> set[str]:
    """The real paths of the DuckDB file DB and of its WAL (empty for a server or in memory)."""
    from ..store.backend import is_server

    if db == ":memory:" or is_server(db):
        return set()
    store = os.path.realpath(db)
    return {store, store + ".wal"}


def refuse_store(path: Path, protected: set[str], option: str = "--out") -> None:
    """Raise a one-line error when PATH resolves (through any symlink) to one of PROTECTED."""
    if os.path.realpath(path) in protected:
        raise NewsgraphError(f"{option} {path}: that is the store itself (or its WAL); refusing to"
                             " write over it, choose another path")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _check_parent(out: Path) -> Path:
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.exists():
        raise NewsgraphError(f"--out {out}: the directory {parent} does not exist")
    if not parent.is_dir():
        raise NewsgraphError(f"--out {out}: {parent} is not a directory")
    return parent


@contextlib.contextmanager
def file_output(out: Path, protected: set[str]) -> Iterator[IO[str]]:
    """A text stream whose content becomes the file OUT only when the block completes."""
    refuse_store(out, protected)
    if out.is_dir():
        raise NewsgraphError(f"--out {out}: is a directory; give a file name")
    parent = _check_parent(out)
    if out.is_symlink():  # replace the file it points to, not the link
        out = Path(os.path.realpath(out))
        parent = out.parent
    if out.exists() and not stat.S_ISREG(out.stat().st_mode):
        # A device or a pipe (/dev/stdout, a FIFO) is written as it is: it cannot be replaced.
        with _writing(out):
            with open(out, "w", encoding="utf-8", newline="\n") as handle:
                yield handle
        return
    with _writing(out):
        fd, temp = _new_temporary(parent, out.name)
    try:
        with _writing(out):
            if out.exists():  # the replacement keeps the old file's permissions
                os.fchmod(fd, stat.S_IMODE(out.stat().st_mode))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                yield handle
            os.replace(temp, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _new_temporary(parent: Path, name: str) -> tuple[int, Path]:
    """A new file beside the target, created with mode 0666 less the umask (as the target
    would be; mkstemp's 0600 would not, and reading the umask means changing it)."""
    for _attempt in range(100):
        temp = parent / f".{name}.{secrets.token_hex(6)}.tmp"
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {parent}")


@contextlib.contextmanager
def dir_output(out: Path, protected: set[str]) -> Iterator[Path]:
    """A temporary folder inside OUT (created) whose files are moved into OUT when the block
    completes; a file of the same name in OUT is replaced."""
    refuse_store(out, protected)
    if out.exists() and not out.is_dir():
        raise NewsgraphError(f"--out {out}: is a file, not a directory (this format writes a"
                             " folder of files)")
    _check_parent(out)
    with _writing(out):
        out.mkdir(exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".newsgraph-export-", dir=out))
    try:
        with _writing(out, database=True):
            yield work
            for made in sorted(work.iterdir()):
                target = out / made.name
                refuse_store(target, protected)
                if target.is_dir():
                    raise NewsgraphError(f"--out {out}: {target} is a directory; cannot replace it")
                os.replace(made, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def _writing(out: Path, database: bool = False) -> Iterator[None]:
    """OS errors (and with DATABASE, the engine's, as from DuckDB's COPY) as one line naming OUT."""
    from ..store.backend import database_errors

    caught = (OSError, *database_errors()) if database else (OSError,)
    try:
        yield
    except NewsgraphError:
        raise
    except caught as exc:
        raise NewsgraphError(f"--out {out}: cannot write ({_describe(exc)})") from None
