"""Hypothesis over every input reader: arbitrary bytes and hostile-but-structured inputs (plain
text, HTML, JSONL, CSV, RSS/Atom, gzip) give Documents or the project's own InputError, never
another exception, and every Document's text and offsets are consistent.

``NEWSGRAPH_FUZZ_EXAMPLES`` sets the examples per property (small by default, for CI)."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.ingest.decode import clean_controls, decode
from newsgraph.ingest.header import parse_header
from newsgraph.ingest.readers import IngestOptions, content_hash, iter_inputs
from newsgraph.model import Document

EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "12"))
FUZZ = settings(max_examples=EXAMPLES * 4, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))

# Pieces that readers treat specially: header lines, markup, quotes, controls, odd Unicode.
PIECES = st.sampled_from([
    "By Dana Reyes\n", "Editor in Chief: Sam Ortiz\n", "Tuesday, April 13th, 2021\n",
    "KABUL, April 2 (Reuters) - ", "GENEVA — ", "<html><body><p>", "</p></body></html>",
    "<article>", "<!doctype html>", "\"", "“", "\x00", "\x1b", "\x85", "\ud800", "\ufeff",
    "\r\n", "\n\n", " ", "\t", "2021-02-30", "said", "The minister said talks would resume.",
])
HOSTILE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=12).map("".join)
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                           | st.text(max_size=20), lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)
ROW_KEYS = st.sampled_from(["text", "content", "body", "title", "published", "date", "id", "url",
                            "source", "authors", "author"])
ROWS = st.dictionaries(ROW_KEYS, st.one_of(HOSTILE_TEXT, JSON_VALUES), max_size=6)


def read(folder, name: str, data: bytes, max_bytes: int = 100_000) -> list:
    """Every item the readers give for one file of NAME holding DATA."""
    path = folder / uuid.uuid4().hex / name
    path.parent.mkdir()
    path.write_bytes(data)
    return list(iter_inputs([str(path)], IngestOptions(max_bytes=max_bytes)))


def check(items: list) -> list[Document]:
    """Only Documents and InputErrors; each Document consistent; returns the Documents."""
    docs = []
    for item in items:
        assert isinstance(item, (Document, InputError)), type(item)
        if isinstance(item, InputError):
            assert str(item).strip() and item.where
            continue
        assert item.text.strip()
        assert clean_controls(item.text) == item.text  # no NUL, C0/C1 control or lone surrogate
        item.text.encode("utf-8")  # storable on both engines
        assert 0 <= item.body_start <= len(item.text)
        assert item.dateline_end == 0 or item.body_start <= item.dateline_end <= len(item.text)
        assert item.content_hash == content_hash(item.text) and item.id == item.content_hash[:16]
        for value in (item.title, item.url, item.source, item.external_id, *item.authors):
            assert value is None or clean_controls(value) == value
        docs.append(item)
    return docs


@FUZZ
@given(data=st.binary(max_size=400))
def test_decode_gives_text_or_an_input_error(data):
    try:
        text = decode(data, "x.txt")
    except InputError as exc:
        assert exc.where == "x.txt"
    else:
        assert isinstance(text, str) and text.strip()


@FUZZ
@given(text=HOSTILE_TEXT)
def test_cleaning_controls_keeps_every_offset(text):
    cleaned = clean_controls(text)
    assert len(cleaned) == len(text)
    assert all(a == b for a, b in zip(text, cleaned) if a.isprintable() and not "\ud800" <= a <= "\udfff")


@FUZZ
@given(text=HOSTILE_TEXT)
def test_header_offsets_stay_inside_the_text(text):
    header = parse_header(text)
    assert 0 <= header.body_start <= len(text)
    assert header.dateline_end == 0 or header.body_start < header.dateline_end <= len(text)


@FUZZ
@given(data=st.binary(max_size=300), name=st.sampled_from(
    ["a.txt", "a.md", "a.html", "a.jsonl", "a.csv", "a.rss", "a.atom", "a.xml", "a.jsonl.gz",
     "a.csv.gz", "a.conllu"]))
def test_arbitrary_bytes_in_every_kind_of_file(tmp_path_factory, data, name):
    check(read(tmp_path_factory.mktemp("bytes"), name, data))


@FUZZ
@given(text=HOSTILE_TEXT, name=st.sampled_from(["a.txt", "a.html"]),
       encoding=st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig"]))
def test_hostile_text_and_html_files(tmp_path_factory, text, name, encoding):
    data = text.encode(encoding, "surrogatepass")
    check(read(tmp_path_factory.mktemp("text"), name, data))


@FUZZ
@given(rows=st.lists(st.one_of(ROWS, JSON_VALUES), max_size=5), gz=st.booleans(),
       cut=st.integers(min_value=0, max_value=40))
def test_hostile_jsonl_rows_plain_gzipped_and_truncated(tmp_path_factory, rows, gz, cut):
    data = "\n".join(json.dumps(r) for r in rows).encode("utf-8", "surrogatepass")
    if gz:
        data = gzip.compress(data)
        data = data[:len(data) - cut] if cut < len(data) else data
    docs = check(read(tmp_path_factory.mktemp("jsonl"), "a.jsonl.gz" if gz else "a.jsonl", data))
    assert len(docs) <= len(rows)


@FUZZ
@given(rows=st.lists(st.dictionaries(ROW_KEYS, HOSTILE_TEXT, max_size=4), max_size=4),
       max_bytes=st.sampled_from([20, 100_000]))
def test_hostile_csv_rows(tmp_path_factory, rows, max_bytes):
    out = io.StringIO()
    columns = sorted({key for row in rows for key in row}) or ["text"]
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    writer.writerows(rows)
    data = out.getvalue().encode("utf-8", "surrogatepass")
    docs = check(read(tmp_path_factory.mktemp("csv"), "a.csv", data, max_bytes))
    assert len(docs) <= len(rows)


def _xml(text: str) -> str:
    return clean_controls(text).replace("&", "&amp;").replace("<", "&lt;")


@FUZZ
@given(entries=st.lists(st.tuples(HOSTILE_TEXT, HOSTILE_TEXT, st.sampled_from(
           ["Tue, 13 Apr 2021 21:30:00 -0400", "2021-13-45", "", "yesterday"])), max_size=4),
       atom=st.booleans(), escape=st.booleans())
def test_hostile_feeds(tmp_path_factory, entries, atom, escape):
    # Entry text escaped (as a feed should) or raw (markup and broken XML inside the feed).
    body = _xml if escape else (lambda t: t)
    if atom:
        items = "".join(f"<entry><title>{body(t)}</title><updated>{d}</updated>"
                        f"<content type='html'>{body(c)}</content></entry>" for t, c, d in entries)
        feed = f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>{items}</feed>"
    else:
        items = "".join(f"<item><title>{body(t)}</title><pubDate>{d}</pubDate>"
                        f"<description>{body(c)}</description></item>" for t, c, d in entries)
        feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>W</title>{items}</channel></rss>"
    docs = check(read(tmp_path_factory.mktemp("feed"), "a.atom" if atom else "a.rss",
                      feed.encode("utf-8", "surrogatepass")))
    assert len(docs) <= len(entries)
