"""Calendar dates from the strings inputs carry (batch fields, feeds, HTML metadata, data
files, gold sets): the one parser, so every reader accepts the same forms."""
from __future__ import annotations

import datetime as dt
import re

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?$")


def iso_date(value: object, partial: bool = False) -> dt.date | None:
    """The date a value names: a ``date`` (a datetime gives its day), or a string starting
    ``YYYY-MM-DD`` (a time may follow); with ``partial``, also ``YYYY-MM`` and ``YYYY`` (their
    first day). None for anything else, including impossible days ("2021-02-30")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if value is not None else ""
    m = _ISO_DAY.match(text)
    parts = (m[1], m[2], m[3]) if m else None
    if parts is None and partial and (p := _ISO_PARTIAL.match(text)):
        parts = (p[1], p[2] or "01", "01")
    if parts is None:
        return None
    try:
        return dt.date(*(int(x) for x in parts))
    except ValueError:
        return None
