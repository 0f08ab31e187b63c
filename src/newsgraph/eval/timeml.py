"""Read TimeML (.tml) files: the TEXT element's plain text and its TIMEX3 gold spans.

Offsets are character offsets into the returned text, which is exactly the content of the
TEXT element with the inline tags removed (so it is what the pipeline is given). The
document creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) is the
anchor date and is not one of the gold expressions.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Timex


@dataclass(slots=True)
class TimeMLDocument:
    id: str
    text: str
    dct: dt.date | None
    timexes: list[Timex] = field(default_factory=list)
    path: Path | None = None


def _date(value: str | None) -> dt.date | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value or "")
    day_first = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value or "")  # seen in SemEval-2015
    if day_first:
        return _date(f"{day_first[3]}-{day_first[2]}-{day_first[1]}")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def parse_timeml(source: str, doc_id: str = "") -> TimeMLDocument:
    """Parse one TimeML document given as a string."""
    root = ET.fromstring(source.encode("utf-8") if source.lstrip().startswith("<?xml") else source)
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _date(timex.get("value"))
            break
    if doc_id == "":
        found = root.find("DOCID")
        doc_id = (found.text or "").strip() if found is not None else ""
    text_el = root.find("TEXT")
    if text_el is None:
        return TimeMLDocument(doc_id, "", dct)
    parts: list[str] = []
    timexes: list[Timex] = []
    length = 0

    def walk(el) -> None:
        nonlocal length
        start = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
            timexes.append(Timex("", start, length, el.get("type") or "", el.get("value"),
                                 el.get("mod")))

    if text_el.text:
        parts.append(text_el.text)
        length += len(text_el.text)
    for child in text_el:
        walk(child)
        if child.tail:
            parts.append(child.tail)
            length += len(child.tail)
    text = "".join(parts)
    for t in timexes:
        t.text = text[t.start:t.end]
    return TimeMLDocument(doc_id, text, dct, timexes)


def read_timeml(path: Path | str) -> TimeMLDocument:
    path = Path(path)
    doc = parse_timeml(path.read_text(encoding="utf-8"), doc_id=path.stem)
    doc.path = path
    return doc


def read_timeml_dirs(dirs: list[Path | str]) -> list[TimeMLDocument]:
    """Every .tml file under the given directories (recursively), sorted by path."""
    docs = []
    for d in dirs:
        d = Path(d)
        files = [d] if d.is_file() else sorted(d.rglob("*.tml"))
        docs.extend(read_timeml(f) for f in files)
    return docs
