"""Turn inputs (files, directories, stdin, JSONL/CSV batches, HTML, RSS/Atom feeds) into Documents.

Readers yield either a ``Document`` or an ``InputError`` naming the input, so one bad
file or line never stops the others. Batch rows carry their own metadata; plain text gets
the header rules of ``header.py``.
"""
from __future__ import annotations

import csv
import datetime as dt
import errno
import hashlib
import json
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import iso_date
from ..errors import InputError
from ..model import Document
from .decode import DEFAULT_MAX_BYTES, clean_controls, decode, read_bytes
from .feeds import FEED_SUFFIXES, is_feed_file, read_feed
from .header import find_date, parse_header
from .html import document_from_html, looks_like_html
from .lines import numbered_lines, text_lines

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
CSV_SUFFIXES = {".csv"}
# Annotated corpora of news text: MEANTIME CAT XML and GUM CoNLL-U (their text is rebuilt
# from tokens; the annotations are read by `newsgraph eval`, ingest keeps the text).
CORPUS_SUFFIXES = {".xml", ".conllu"}
# Batch column names, first match wins.
TEXT_KEYS = ("text", "content", "body", "article")
DATE_KEYS = ("published", "date", "publish_date", "published_at")

Item = Document | InputError


@dataclass
class IngestOptions:
    """How inputs are read: a date that overrides theirs, the size limit, what was warned."""

    published: dt.date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    warnings: list[str] = field(default_factory=list)
    fetcher: Any = None  # a fetch.Fetcher: http(s) inputs are fetched (only `ingest` sets it)


def content_hash(text: str) -> str:
    """A hash of the text that ignores Unicode form and whitespace layout."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def finish(doc: Document, options: IngestOptions, where: str | None = None) -> Document:
    """Control characters out, header rules, date override, content hash and id: the common
    end of every reader. Raises InputError (naming WHERE) when no text is left."""
    _clean_fields(doc)
    if not doc.text.strip():  # a text of control characters only is blank once cleaned
        raise InputError(where or doc.source or "<text>", "has no text once its control "
                                                           "characters are removed")
    header = parse_header(doc.text)
    doc.body_start = doc.body_start or header.body_start
    doc.title = doc.title or header.title
    doc.published = options.published or doc.published or header.published
    doc.people = doc.people or header.people
    doc.authors = doc.authors or header.authors
    doc.has_masthead = header.has_masthead
    doc.dateline_city = header.dateline_city
    if doc.body_start == header.body_start:  # the dateline opens this body
        doc.dateline_end = header.dateline_end
    doc.content_hash = content_hash(doc.text)
    doc.id = doc.content_hash[:16]
    return doc


def _clean_fields(doc: Document) -> None:
    # One for one, so offsets into the text (HTML body starts, gold spans) stay valid; the same
    # text is stored on both engines, and PostgreSQL, which refuses NUL, never ends a batch.
    doc.text = clean_controls(doc.text)
    for name in ("title", "url", "source", "external_id"):
        value = getattr(doc, name)
        if isinstance(value, str):
            setattr(doc, name, clean_controls(value))
    doc.authors = [clean_controls(a) for a in doc.authors] if doc.authors else doc.authors


def parse_date(value: object) -> dt.date | None:
    """A date from a batch field: ISO (with or without time) or a written-out date."""
    if value in (None, ""):
        return None
    day = iso_date(value)
    if day is not None:
        return day
    found = find_date(str(value).strip())
    return found[0] if found else None


def from_text(text: str, where: str, options: IngestOptions) -> Document:
    """A Document from plain text (HTML is recognised and extracted)."""
    if looks_like_html(text):
        return finish(document_from_html(text, where), options, where)
    if not text.strip():
        raise InputError(where, "is empty")
    return finish(Document(text=text, source=where), options, where)


def from_record(row: dict, where: str, options: IngestOptions) -> Document:
    """A Document from one JSONL object or CSV row."""
    if not isinstance(row, dict):
        raise InputError(where, "is not a JSON object")
    text = next((row[k] for k in TEXT_KEYS if isinstance(row.get(k), str)), None)
    if text is None or not text.strip():
        raise InputError(where, f"has no text (expected one of the fields {', '.join(TEXT_KEYS)})")
    # Rows that reach here without a line reader (Ray partitions, API bodies) meet the limit too.
    if len(text) > options.max_bytes // 4 and len(text.encode("utf-8", "surrogatepass")) > options.max_bytes:
        raise InputError(where, f"text is larger than the {options.max_bytes:,}-byte limit for one "
                                "article (raise it with --max-bytes)")
    date = next((parse_date(row[k]) for k in DATE_KEYS if row.get(k)), None)
    if looks_like_html(text):
        doc = document_from_html(text, where)
    else:
        doc = Document(text=text)
    doc.title = _field(row, "title") or doc.title
    doc.published = date or doc.published
    doc.url = _field(row, "url") or doc.url
    doc.source = _field(row, "source") or doc.source or where
    doc.external_id = str(row["id"]) if row.get("id") not in (None, "") else None
    authors = row.get("authors") or row.get("author")
    if authors:
        items = authors if isinstance(authors, list) else [authors]
        doc.authors = [a if isinstance(a, str) else json.dumps(a) for a in items if a not in (None, "")]
    return finish(doc, options, where)


def _field(row: dict, key: str) -> str | None:
    """A metadata field as text: JSON rows may hold numbers, lists or objects there."""
    value = row.get(key)
    if value in (None, "") or isinstance(value, str):
        return value or None
    return json.dumps(value, ensure_ascii=False)


def read_jsonl(path: Path, options: IngestOptions) -> Iterator[Item]:
    """One Document (or error) per line of a JSONL file; no line is held past ``max_bytes``."""
    for lineno, line in numbered_lines(path, options.max_bytes):
        if isinstance(line, InputError):
            yield line
            continue
        where = f"{path}:{lineno}"
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield from _guard(lambda: from_record(row, where, options))


def read_csv(path: Path, options: IngestOptions) -> Iterator[Item]:
    """One Document (or error) per row of a CSV file with a header line."""
    csv.field_size_limit(options.max_bytes)
    reader = csv.DictReader(text_lines(path, options.max_bytes))
    try:
        for row in reader:
            where = f"{path}:{reader.line_num}"
            yield from _guard(lambda: from_record(row, where, options))
    except InputError as exc:
        yield exc
    except csv.Error as exc:
        yield InputError(f"{path}:{reader.line_num}", f"malformed CSV ({exc})")


def read_file(path: Path, options: IngestOptions) -> Iterator[Item]:
    """Every Document (or error) in one file, by its kind."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    kind = suffixes[-2] if suffixes[-1:] == [".gz"] and len(suffixes) == 2 else suffixes[-1:] and suffixes[-1]
    if kind in JSONL_SUFFIXES:
        yield from read_jsonl(path, options)
    elif kind in FEED_SUFFIXES or (kind == ".xml" and is_feed_file(path)):
        yield from read_feed_file(path, options)
    elif kind in CORPUS_SUFFIXES:
        yield from read_corpus_file(path, options)
    elif kind in CSV_SUFFIXES:
        yield from read_csv(path, options)
    else:
        def single() -> Document:
            text = decode(read_bytes(path, options.max_bytes), str(path), options.warnings)
            if kind in HTML_SUFFIXES:
                doc = finish(document_from_html(text, str(path)), options, str(path))
            else:
                doc = from_text(text, str(path), options)
            doc.source = doc.source or str(path)
            return doc

        yield from _guard(single)


def read_feed_file(path: Path, options: IngestOptions) -> Iterator[Item]:
    """Entries of a saved RSS/Atom feed (see ``feeds.py``), finished like any other Document."""
    for item in read_feed(path, options.max_bytes, options.warnings):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _guard(lambda: finish(item, options, f"{path} (an entry)"))


# Files that sit beside articles in a corpus folder but are not articles.
NOT_ARTICLES = ("readme", "license", "licence", "copying", "changelog", "contributing")


def read_corpus_file(path: Path, options: IngestOptions) -> Iterator[Item]:
    """Articles of an annotated corpus file: MEANTIME (CAT XML) or GUM (CoNLL-U)."""
    where = str(path)
    try:
        data = read_bytes(path, options.max_bytes)
        if path.suffix == ".conllu":
            from ..eval.gum import parse_conllu

            parsed = parse_conllu(decode(data, where), path.stem)
        elif b"<Document" in data[:2000] and b"<token" in data:
            from ..eval.meantime import parse_meantime

            parsed = [parse_meantime(data, path.stem)]
        else:
            raise InputError(where, "XML that is not a MEANTIME (CAT) document; for GUM, read the "
                                    ".conllu files in its dep/ folder")
    except InputError as exc:
        yield exc
        return
    except Exception as exc:  # malformed XML or CoNLL-U
        yield InputError(where, f"could not be parsed ({type(exc).__name__}: {exc})")
        return
    for gold in parsed:
        doc = gold.document()
        if not doc.text.strip():  # a file (or GUM document) with no tokens: no article
            yield InputError(where, "is an annotated corpus file with no text (no tokens)")
            continue
        doc.source = where
        yield from _guard(lambda: finish(doc, options, where))


def _wanted(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith(".") or name.startswith(NOT_ARTICLES):
        return False
    base = name[:-3] if name.endswith(".gz") else name
    suffix = Path(base).suffix
    return suffix in (TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | CORPUS_SUFFIXES
                      | FEED_SUFFIXES)


def iter_inputs(paths: Iterable[str], options: IngestOptions) -> Iterator[Item]:
    """Documents from paths: files, directories (recursively, sorted) and ``-`` for stdin."""
    for raw in paths:
        if raw == "-":
            yield from _guard(lambda: from_text(_read_stdin(options), "<stdin>", options))
            continue
        if options.fetcher is not None and raw.lower().startswith(("http://", "https://")):
            yield from _guard(lambda: options.fetcher.document(raw, options))
            continue
        path = Path(raw)
        kind = _kind_of(path)
        if kind == "dir":
            try:
                files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p))
            except OSError as exc:
                yield InputError(raw, f"cannot be listed ({exc.strerror or exc})")
                continue
            if not files:
                yield InputError(raw, "directory holds no .txt, .html, .jsonl or .csv files")
            for file in files:
                yield from read_file(file, options)
        elif kind == "file":
            yield from read_file(path, options)
        else:
            yield InputError(raw, kind)


def _kind_of(path: Path) -> str:
    """"dir", "file", or why PATH cannot be read (a FIFO, a symlink loop...) in a few words."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link loop (it points, in the end, to itself)"
        if exc.errno == errno.ENOENT and path.is_symlink():
            return "is a broken symbolic link (its target does not exist)"
        if exc.errno == errno.ENOENT:
            return "no such file or directory"
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file; to read a stream, give - and pipe it to stdin"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is a device, not a file"


def _read_stdin(options: IngestOptions) -> str:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputError("<stdin>", f"is larger than the {options.max_bytes:,}-byte limit")
    return decode(data, "<stdin>", options.warnings)


def _guard(make) -> Iterator[Item]:
    try:
        yield make()
    except InputError as exc:
        yield exc

