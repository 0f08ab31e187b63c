"""Header rules for plain-text articles: dateline, masthead, byline and title lines.

Plain-text news arrives with a few lines before the body: a publication date
("Tuesday, April 13th, 2021"), a masthead ("Editor in Chief: NAME"), a byline ("By NAME")
and a title. These rules are general layouts, not any one paper's; everything they find
keeps its place in the original text (the body offset), so nothing is rewritten.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import Person

MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "Tuesday, April 13th, 2021" | "13 April 2021" | "2021-04-13"
DATE_PATTERNS = [
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),
    re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR, re.I),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)"),
]
# "Editor in Chief: NAME", "Editor-in-Chief - NAME", "Managing Editor: NAME"
MASTHEAD = re.compile(
    r"^\s*(?P<role>(?:[A-Z][\w-]*\s+){0,3}?(?:Editor(?:[\s-]+in[\s-]+Chief)?|Publisher|"
    r"Editor-in-Chief))\s*[:\-–—]\s*(?P<name>.+?)\s*$"
)
BYLINE = re.compile(r"^\s*(?:By|BY|Written by)\s+(?P<names>[A-Z][^\n]{1,120})$")
# A dateline city opening the body: "KABUL, April 2 (Reuters) -", "GENEVA —", "Kabul (AP) —"
DATELINE_CITY = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'\- ]{1,40}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"(?:,\s*[A-Za-z.]+(?: \d{1,2})?)?\s*(?:\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s"
)
_MAX_HEADER_LINES = 6
_MAX_TITLE_CHARS = 200


@dataclass
class Header:
    """What the header lines of a plain-text article say."""

    published: dt.date | None = None
    title: str | None = None
    people: list[Person] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    has_masthead: bool = False
    dateline_city: str | None = None
    dateline_end: int = 0
    body_start: int = 0


def find_date(text: str) -> tuple[dt.date, re.Match] | None:
    """The first calendar date written out in ``text`` and its match."""
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        month = match.group("month")
        month_num = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
        try:
            return dt.date(int(match.group("year")), month_num, int(match.group("day"))), match
        except ValueError:
            continue
    return None


def _looks_like_title(line: str) -> bool:
    stripped = line.strip()
    return (
        0 < len(stripped) <= _MAX_TITLE_CHARS
        and not stripped.endswith((".", ":", ";", ","))
        and len(stripped.split()) <= 30
        and (stripped[0].isupper() or stripped[0] in "\"“'‘")
        and not DATELINE_CITY.match(stripped + " ")
    )


def _header_date(line: str) -> tuple[dt.date, str] | None:
    """The date of a header line and what else the line says (a masthead, a byline, a
    place), or None when the line is a sentence that merely mentions a date."""
    found = find_date(line)
    if not found:
        return None
    date, match = found
    rest = (line[: match.start()].strip(" ,|-–—") + " " + line[match.end():].strip(" ,|-–—")).strip()
    if not rest or MASTHEAD.match(rest) or BYLINE.match(rest):
        return date, rest
    if len(rest.split()) <= 4 and not rest.endswith("."):  # "Posted", "Kabul", "Updated 08:15"
        return date, ""
    return None


def parse_header(text: str) -> Header:
    """Read dateline, masthead, byline and title from the first lines of ``text``."""
    header = Header()
    lines = []
    offset = 0
    for line in text.splitlines(keepends=True):
        lines.append((offset, line))
        offset += len(line)
    consumed_end = 0
    seen = 0
    for index, (offset, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if seen:
                consumed_end = offset + len(line)
            continue
        if seen >= _MAX_HEADER_LINES:
            break
        seen += 1
        rest = stripped
        dated = _header_date(stripped) if header.published is None else None
        if dated:
            header.published, rest = dated
        masthead = MASTHEAD.match(rest) if rest else None
        byline = BYLINE.match(rest) if rest else None
        if masthead:
            header.has_masthead = True
            header.people.append(Person(name=masthead.group("name").strip(),
                                        role=_role(masthead.group("role"))))
        elif byline:
            names = re.split(r",\s*|\s+and\s+", byline.group("names").strip())
            header.authors.extend(n.strip() for n in names if n.strip())
        elif not rest:
            pass
        elif header.title is None and rest == stripped and _looks_like_title(rest) \
                and _ends_header_line(lines, index):
            header.title = stripped
        else:
            break  # the body starts here
        consumed_end = offset + len(line)
    header.body_start = consumed_end
    city = DATELINE_CITY.match(text[consumed_end:consumed_end + 120])
    if city:
        header.dateline_city = city.group("city").strip().title()
        header.dateline_end = consumed_end + city.end()
    return header


def _ends_header_line(lines: list[tuple[int, str]], index: int) -> bool:
    """A title stands alone: a blank line or another header line follows, then a body."""
    following = [line.strip() for _, line in lines[index + 1:]]
    if not any(following):
        return False
    nxt = following[0]
    return not nxt or bool(BYLINE.match(nxt) or MASTHEAD.match(nxt) or _header_date(nxt))


def _role(raw: str) -> str:
    return re.sub(r"[\s-]+", " ", raw).strip().lower()
