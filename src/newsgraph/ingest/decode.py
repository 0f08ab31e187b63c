"""Bytes to text with clear refusals: empty, binary, too large, undecodable."""
from __future__ import annotations

import gzip
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError

# One article above this is almost certainly not an article (a dump, a log, a book).
DEFAULT_MAX_BYTES = 5_000_000
_GZIP_MAGIC = b"\x1f\x8b"


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, where: str | None = None) -> bytes:
    """Read a whole file, refusing one larger than ``max_bytes`` before reading it."""
    where = where or str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(where, f"cannot read ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise InputError(where, f"{size:,} bytes is larger than the {max_bytes:,}-byte limit for "
                                "one article (raise it with --max-bytes)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(where, f"cannot read ({exc.strerror or exc})") from None


def decode(data: bytes, where: str, warnings: list[str] | None = None) -> str:
    """Decode article bytes: UTF-8 first, else the detected encoding (with a warning)."""
    if data.startswith(_GZIP_MAGIC):
        raise InputError(where, "is gzip-compressed; name it *.gz (for .jsonl.gz / .csv.gz)")
    if not data.strip():
        raise InputError(where, "is empty")
    if _looks_binary(data):
        raise InputError(where, "is binary, not text (no article can be read from it)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(where, "is not UTF-8 and its encoding could not be detected")
    if warnings is not None:
        warnings.append(f"{where}: not UTF-8; decoded as {best.encoding}")
    return str(best)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def open_text(path: Path, where: str):
    """Open a (possibly .gz) text file for line-wise reading, UTF-8 with replacement."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", errors="replace", newline="")
    return path.open("r", encoding="utf-8", errors="replace", newline="")
