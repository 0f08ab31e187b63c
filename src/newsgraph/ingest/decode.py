"""Bytes to text with clear refusals: empty, binary, too large, undecodable.

Decoding goes by byte-order mark, then strict UTF-8, then charset-normalizer's detection; when
several encodings read the bytes equally well (short Western text fits a dozen 8-bit code
pages), ``PREFERENCE`` decides, so Latin-1 text is read as Windows-1252/Latin-1, not cp1250.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError

# One article above this is almost certainly not an article (a dump, a log, a book).
DEFAULT_MAX_BYTES = 5_000_000
GZIP_MAGIC = b"\x1f\x8b"

# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Among equally good readings, the first of these wins (charset-normalizer's names); the
# Western code pages come first because most non-UTF-8 news text is Western European.
PREFERENCE = ("utf_8", "utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be", "cp1252", "latin_1",
              "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "iso8859_5", "cp1253",
              "iso8859_7", "cp1254", "iso8859_9", "cp1255", "cp1256", "cp1257", "gb18030", "big5",
              "shift_jis", "euc_jp", "euc_kr")
_WESTERN = ("cp1252", "latin_1")
_TIE = 0.01  # chaos scores this close count as equally good readings
_COHERENCE_TIE = 0.1

# C0 controls other than tab, line feed, vertical tab, form feed and carriage return, DEL,
# and C1 controls: PostgreSQL refuses NUL and none of them is text. Lone surrogates (from a
# JSON "\ud800") cannot be encoded to UTF-8 at all.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


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
        with path.open("rb") as handle:  # read at most the limit: the file may grow meanwhile
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(where, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(where, f"is larger than the {max_bytes:,}-byte limit for one article "
                                "(raise it with --max-bytes)")
    return data


def decode(data: bytes, where: str, warnings: list[str] | None = None) -> str:
    """Decode article bytes: by BOM, else UTF-8, else the detected encoding (with a warning)."""
    if data.startswith(GZIP_MAGIC):
        raise InputError(where, "is gzip-compressed; name it *.gz (for .jsonl.gz / .csv.gz)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(where, f"starts with a {encoding.replace('-sig', '')} byte-order "
                                        "mark but is not valid in that encoding") from None
            return _text_or_refuse(text, where)
    if not data.strip():
        raise InputError(where, "is empty")
    if b"\x00" not in data[:8192]:  # UTF-16/32 without a mark hold NULs; UTF-8 text does not
        try:
            return _text_or_refuse(data.decode("utf-8"), where)
        except UnicodeDecodeError:
            pass
    encoding, text = _detect(data)
    if text is None:
        if b"\x00" in data[:8192] or _mostly_controls(data[:8192].decode("latin-1")):
            raise InputError(where, "is binary, not text (no article can be read from it)")
        raise InputError(where, "is not UTF-8 and its encoding could not be detected")
    text = _text_or_refuse(text, where)
    if warnings is not None and not encoding.startswith("utf"):
        warnings.append(f"{where}: not UTF-8; decoded as {encoding}")
    return text


def unicode_encoding(sample: bytes) -> str | None:
    """The Unicode encoding the first bytes of a batch file show, by byte-order mark or (when
    they hold NULs, which UTF-8 text does not) as detected; None for plain UTF-8."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    if b"\x00" not in sample[:4096]:
        return None
    best = from_bytes(sample[:4096]).best()
    if best is not None and best.encoding.startswith(("utf_16", "utf_32")):
        return best.encoding
    return None


def _detect(data: bytes) -> tuple[str, str | None]:
    """The best reading of DATA by charset-normalizer, ties broken by ``PREFERENCE``.

    The detector stops early once some readings look clean, so on short text the Western code
    pages may not be among its answers: they are scored on their own as well.
    """
    matches = list(from_bytes(data)) + list(from_bytes(data, cp_isolation=list(_WESTERN)))
    if not matches:
        return "", None
    best = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best + _TIE]
    # A reading in which a language is recognised beats mere absence of mess.
    coherent = max(m.coherence for m in tied)
    tied = [m for m in tied if m.coherence >= coherent - _COHERENCE_TIE]
    rank = {name: i for i, name in enumerate(PREFERENCE)}
    chosen = min(tied, key=lambda m: (rank.get(m.encoding, len(rank)), -m.coherence))
    return chosen.encoding, str(chosen)


def _text_or_refuse(text: str, where: str) -> str:
    if not text.strip():
        raise InputError(where, "is empty")
    if _mostly_controls(text[:8192]):
        raise InputError(where, "is binary, not text (no article can be read from it)")
    return text


def _mostly_controls(sample: str) -> bool:
    control = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\f\r") or ch == "\x7f")
    return control > len(sample) * 0.05


def clean_controls(text: str) -> str:
    """TEXT with each control character (NUL, C0 but whitespace, DEL, C1) replaced by a space
    and each lone surrogate by U+FFFD: one character for one, so offsets stay valid."""
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub(" ", text))
