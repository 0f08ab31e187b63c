"""Lines of a (possibly gzip-compressed) batch file, each bounded before it is held in memory.

The file is read in chunks of ``CHUNK`` bytes; a line longer than the limit is skipped to its
end without being kept (so a gzip bomb of one huge line costs one chunk of memory) and
reported as an ``InputError`` naming the file and line. Damage to compressed data ends the
file with one ``InputError``; the lines before it have been yielded already.
"""
from __future__ import annotations

import codecs
import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .decode import GZIP_MAGIC, unicode_encoding

CHUNK = 1 << 20


def _open(path: Path):
    """PATH opened for binary reading, decompressed when it is gzip (by name or by content)."""
    where = str(path)
    try:
        with path.open("rb") as probe:
            magic = probe.read(2)
    except OSError as exc:
        raise InputError(where, f"cannot read ({exc.strerror or exc})") from None
    if magic == GZIP_MAGIC:
        return gzip.open(path, "rb")
    if path.suffix.lower() == ".gz":
        raise InputError(where, "is not gzip-compressed data (the name ends in .gz)")
    return path.open("rb")


def numbered_lines(path: Path, max_bytes: int) -> Iterator[tuple[int, str | InputError]]:
    """(line number, text) for each line of PATH, or (line number, InputError) for a line over
    MAX_BYTES; a final InputError (line number 0) when the file cannot be read on to its end.

    Text is UTF-8 (or UTF-16/32 shown by a byte-order mark or detected) with undecodable bytes
    replaced, line ends kept.
    """
    where = str(path)
    lineno = 0
    try:
        handle = _open(path)
    except InputError as exc:
        yield 0, exc
        return
    parts: list[bytes] = []
    held = 0
    too_long = False  # inside a line already refused: skip to its end
    try:
        with handle:
            for chunk in _utf8_chunks(handle):
                start = 0
                while start < len(chunk):
                    end = chunk.find(b"\n", start)
                    piece = chunk[start:] if end < 0 else chunk[start:end + 1]
                    start = len(chunk) if end < 0 else end + 1
                    if not too_long:
                        held += len(piece)
                        if held > max_bytes:
                            too_long, parts = True, []
                        else:
                            parts.append(piece)
                    if end < 0:
                        continue
                    lineno += 1
                    yield lineno, _line(parts, too_long, where, lineno, max_bytes)
                    parts, held, too_long = [], 0, False
    except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        yield 0, InputError(where, _damage(exc, lineno))
        return
    if parts or too_long:  # a last line without a line end
        lineno += 1
        yield lineno, _line(parts, too_long, where, lineno, max_bytes)


def _utf8_chunks(handle) -> Iterator[bytes]:
    """The file's bytes as UTF-8, chunk by chunk (transcoded when it is UTF-16/32 or has a BOM)."""
    first = handle.read1(CHUNK)  # read1: what is there, not all-or-EOFError
    encoding = unicode_encoding(first) if first else None
    if encoding is None:
        chunk = first
        while chunk:
            yield chunk
            chunk = handle.read1(CHUNK)
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    chunk = first
    while chunk:
        yield decoder.decode(chunk).encode("utf-8", "surrogatepass")
        chunk = handle.read1(CHUNK)
    yield decoder.decode(b"", final=True).encode("utf-8", "surrogatepass")


def _line(parts: list[bytes], too_long: bool, where: str, lineno: int, max_bytes: int):
    if too_long:
        return InputError(f"{where}:{lineno}", f"line is longer than the {max_bytes:,}-byte limit "
                                               "for one row (raise it with --max-bytes)")
    return b"".join(parts).decode("utf-8", errors="replace")


def _damage(exc: BaseException, lineno: int) -> str:
    after = f" after line {lineno:,} (the lines before it were read)" if lineno else ""
    if isinstance(exc, EOFError):
        return f"compressed data is truncated{after}"
    if isinstance(exc, gzip.BadGzipFile) and not lineno:
        return f"is not valid gzip data ({exc})"
    if isinstance(exc, (zlib.error, gzip.BadGzipFile)):
        return f"compressed data is damaged{after} ({exc})"
    return f"cannot be read on{after} ({getattr(exc, 'strerror', None) or exc})"


def text_lines(path: Path, max_bytes: int) -> Iterator[str]:
    """The lines of PATH as text, for the csv module; a line over the limit or damage to the
    file raises the InputError (the csv reader cannot skip part of a row)."""
    for _lineno, line in numbered_lines(path, max_bytes):
        if isinstance(line, InputError):
            raise line
        yield line
