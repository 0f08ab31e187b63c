"""Saved RSS and Atom feed files: every entry becomes one Document.

A feed file is read with ``feedparser`` (RSS 0.9x/1.0/2.0 and Atom). Each entry gives the
title, link, published (else updated) date, id/guid and text: the full content
(``content:encoded`` or Atom ``<content>``) when there is one, else the summary
(``<description>`` / Atom ``<summary>``). Entry HTML is turned into plain text here with
lxml, not with trafilatura (``html.py``): trafilatura looks for the main article of a whole
page and, on a fragment that already is the article, drops text (a short or tag-less
summary comes back empty). The feed's own title becomes each Document's ``source``.

Problems are yielded as ``InputError``s naming the file (and the entry), never raised, so one
bad entry or feed does not stop the others. Documents come back unfinished: ``readers.py``
applies the header rules, the content hash and the id, as for every other input.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import io
import re
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import feedparser
import lxml.html
from lxml import etree

from ..dates import iso_date
from ..errors import InputError
from ..model import Document
from .decode import DEFAULT_MAX_BYTES, clean_controls, decode, read_bytes

# Always feeds; a .xml file is a feed when its root element is one of FEED_ROOTS.
FEED_SUFFIXES = {".rss", ".atom"}
FEED_ROOTS = {"rss", "feed", "RDF"}  # RSS 0.9x/2.0, Atom, RSS 1.0 (<rdf:RDF>)
_SNIFF_BYTES = 16_384
# What may stand before the root element: XML declaration, processing instructions,
# comments and a DOCTYPE (with or without an internal subset).
_PROLOG_PART = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.S | re.I)
_ROOT = re.compile(r"\s*<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)[\s/>]")
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
# Elements that end a line or a paragraph when entry HTML becomes text.
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre",
           "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
           "tr", "figure", "figcaption", "hr", "address"}
_SPACES = re.compile(r"\s+")
_DROPPED = ("script", "style", "noscript", "template", "iframe", "object")


def looks_like_feed(head: bytes) -> bool:
    """True when XML bytes open with an ``<rss>``, ``<feed>`` or ``<rdf:RDF>`` root element."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    pos = 0
    while match := _PROLOG_PART.match(text, pos):
        pos = match.end()
    root = _ROOT.match(text, pos)
    return bool(root) and root.group(1).rpartition(":")[2] in FEED_ROOTS


def is_feed_file(path: Path) -> bool:
    """Whether a (possibly gzip-compressed) file's root element is a feed's; False if unreadable."""
    try:
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        return False
    return looks_like_feed(head)


def read_feed(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
              warnings: list[str] | None = None) -> Iterator[Document | InputError]:
    """Every entry of a saved feed file as a Document, or an InputError for what cannot be read.

    A feed that is not well-formed XML but still yields entries with text is read leniently
    (as feedparser does) with a line in ``warnings``; one that yields none is one problem.
    """
    where = str(path)
    try:
        data = _read_feed_bytes(path, max_bytes)
    except InputError as exc:
        yield exc
        return
    yield from feed_documents(data, where, warnings)


def feed_documents(data: bytes, where: str,
                   warnings: list[str] | None = None) -> Iterator[Document | InputError]:
    """Every entry of a feed's bytes (a saved file, or fetched by ``watch``) as in ``read_feed``."""
    try:
        decode(data, where)  # the common refusals: empty, binary, gzip without .gz
    except InputError as exc:
        yield exc
        return
    try:
        parsed = feedparser.parse(io.BytesIO(data))  # a stream: never a URL or a path
    except Exception as exc:  # feedparser recovers from most things; be safe on the rest
        yield InputError(where, f"feed could not be parsed ({type(exc).__name__}: {exc})")
        return
    entries = list(parsed.entries)
    texts = [entry_text(entry) for entry in entries]
    if parsed.bozo and not any(texts):
        problem = parsed.get("bozo_exception")
        yield InputError(where, f"is not a readable RSS/Atom feed ({_describe(problem)}); "
                                "no entries could be read")
        return
    if parsed.bozo and warnings is not None:
        warnings.append(f"{where}: feed is not well-formed ({_describe(parsed.get('bozo_exception'))}); "
                        f"read {sum(1 for t in texts if t)} of its {len(entries)} entries leniently")
    if not entries:
        yield InputError(where, "is a feed with no entries")
        return
    source = _plain_title(parsed.feed) or where
    for number, (entry, text) in enumerate(zip(entries, texts), start=1):
        if not text:
            label = entry.get("id") or entry.get("link") or _plain_title(entry)
            entry_where = f"{where} entry {number}" + (f" ({label})" if label else "")
            yield InputError(entry_where, "has no text (neither content nor a summary)")
            continue
        yield document_from_entry(entry, text, source)


def document_from_entry(entry: dict, text: str, source: str) -> Document:
    """A Document from one feedparser entry and its text (see ``entry_text``)."""
    doc = Document(text=text)
    doc.title = _plain_title(entry)
    doc.url = entry.get("link") or None
    doc.published = entry_date(entry)
    doc.source = source
    doc.external_id = entry.get("id") or None
    doc.authors = [a["name"].strip() for a in entry.get("authors", []) if (a.get("name") or "").strip()]
    return doc


def entry_text(entry: dict) -> str:
    """The entry's full content if it has any, else its summary, as plain text ('' if none)."""
    candidates = [(c.get("value"), c.get("type")) for c in entry.get("content", [])]
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary"), detail.get("type", "text/html")))
    for value, kind in candidates:
        if not value or not value.strip():
            continue
        text = html_to_text(value) if kind in _HTML_TYPES else _tidy(value)
        if text:
            return text
    return ""


def entry_date(entry: dict) -> dt.date | None:
    """The entry's published (else updated) date, as written in the feed's own time zone.

    RFC 822 (RSS) and ISO 8601 (Atom) dates are read as written, so an evening story keeps
    its local date; anything else falls back to feedparser's parse, which is in UTC.
    """
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        local = _local_date(raw)
        if local:
            return local
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, paragraphs kept apart by blank lines.

    Whitespace is collapsed as HTML renders it, so only ``<br>`` and block elements break lines.
    """
    fragment = clean_controls(fragment)  # lxml refuses to set text holding control characters
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(fragment)
    for bad in root.xpath("|".join(f"//{tag}" for tag in _DROPPED)):
        bad.drop_tree()
    for element in root.iter():
        # As a browser does: runs of whitespace (source line wrapping) are one space.
        element.text = _SPACES.sub(" ", element.text) if element.text else element.text
        element.tail = _SPACES.sub(" ", element.tail) if element.tail else element.tail
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    """Collapse spaces within lines and runs of blank lines; strip the ends."""
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _plain_title(item: dict) -> str | None:
    title = item.get("title")
    if not title:
        return None
    if (item.get("title_detail") or {}).get("type") in _HTML_TYPES and "<" in title:
        title = html_to_text(title)
    return " ".join(title.split()) or None


def _local_date(raw: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    return iso_date(raw)


def _read_feed_bytes(path: Path, max_bytes: int) -> bytes:
    if path.suffix.lower() != ".gz":
        return read_bytes(path, max_bytes)
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(str(path), f"cannot be decompressed ({exc})") from None
    if len(data) > max_bytes:
        raise InputError(str(path), f"is larger than the {max_bytes:,}-byte limit once decompressed "
                                    "(raise it with --max-bytes)")
    return data


def _describe(problem: object) -> str:
    if problem is None:
        return "malformed"
    message = getattr(problem, "getMessage", None)
    detail = message() if callable(message) else str(problem)
    line = getattr(problem, "getLineNumber", None)
    return f"{detail} at line {line()}" if callable(line) else detail
