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

from ..dates import iso_date
from ..model import Timex


@dataclass(slots=True)
class TimeMLDocument:
    id: str
    text: str
    dct: dt.date | None
    timexes: list[Timex] = field(default_factory=list)
    path: Path | None = None


def _date(value: str | None) -> dt.date | None:
    """A document date as TimeML corpora write it: ISO, undashed ("20130215") or day first
    ("15-02-2013", seen in SemEval-2015)."""
    text = value or ""
    if m := re.match(r"(\d{4})(\d{2})(\d{2})", text):
        text = f"{m[1]}-{m[2]}-{m[3]}"
    elif m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", text):
        text = f"{m[3]}-{m[2]}-{m[1]}"
    return iso_date(text)


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
