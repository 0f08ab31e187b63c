"""A fuzz harness over the real ingest path: generated folders of hostile inputs (plain text,
HTML, JSONL, CSV, feeds, gzip) through ``newsgraph.ingest.run.ingest`` with the NLP pipeline
into a new DuckDB store. No input may raise; every stored annotation points inside its text;
a second run adds nothing.

The budget is small by default (CI); ``NEWSGRAPH_FUZZ_EXAMPLES=200`` (or more) for a long
local run (each example analyses a few short documents, about 0.1-0.2 s each)."""
from __future__ import annotations

import gzip
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest.readers import IngestOptions
from newsgraph.ingest.run import ingest
from newsgraph.store.database import Store
from newsgraph.store.queries.listing import list_documents

EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "12"))

WORDS = st.sampled_from([
    "The", "minister", "said", "talks", "in", "Geneva", "will", "resume", "on", "Monday", ".",
    "\"", "“", "”", ",", "according", "to", "officials", "Reuters", "about", "3,000", "troops",
    "agreed", "to", "withdraw", "by", "May", "2021", "-", "KABUL", "(AP)", "—", "\n", "\n\n",
    "\x00", "\x1b", "\ud800", "\ufeff", "é", "Ω", "🙂", "http://example.org/a", "<b>", "</p>",
])
PROSE = st.lists(st.one_of(WORDS, st.text(max_size=8)), min_size=1, max_size=40).map(" ".join)


def _item(text: str) -> str:
    return f"<item><title>Report</title><description>{text}</description></item>"


INPUTS = st.one_of(
    st.tuples(st.just("a.txt"), PROSE.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.tuples(st.just("b.html"), PROSE.map(
        lambda t: f"<html><body><article><p>{t}</p></article></body></html>".encode("utf-8", "surrogatepass"))),
    st.tuples(st.sampled_from(["c.jsonl", "d.jsonl.gz"]), st.lists(st.fixed_dictionaries(
        {"text": PROSE}, optional={"title": PROSE, "published": st.sampled_from(["2021-04-13", "13/04", 7]),
                                   "id": st.integers() | PROSE, "authors": st.lists(PROSE, max_size=2)}),
        min_size=1, max_size=3).map(lambda rows: "\n".join(json.dumps(r) for r in rows).encode())),
    st.tuples(st.just("e.csv"), st.lists(PROSE, min_size=1, max_size=3).map(
        lambda texts: ("text\n" + "".join(json.dumps(t.replace("\n", " ")) + "\n" for t in texts))
        .encode("utf-8", "surrogatepass"))),
    st.tuples(st.just("f.rss"), st.lists(PROSE, min_size=1, max_size=2).map(
        lambda texts: ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
                       + "".join(_item(t) for t in texts) + "</channel></rss>").encode("utf-8", "surrogatepass"))),
    st.tuples(st.just("g.txt"), st.binary(min_size=1, max_size=200)),
)


def spans(record: dict):
    """(start, end) of every annotation in a stored record."""
    for entity in record["entities"]:
        yield from ((m["start"], m["end"]) for m in entity["mentions"])
    for kind in ("quotes", "timexes", "quantities"):
        yield from ((item["start"], item["end"]) for item in record[kind])
    for kind in ("events", "relations"):
        yield from ((item["evidence"]["start"], item["evidence"]["end"]) for item in record[kind])


def test_generated_inputs_through_ingest(tmp_path_factory):
    """No generated input raises; what is stored points inside its text; a rerun adds nothing;
    and the inputs are neither all refused nor all accepted (the harness reached the analysis
    and the store as well as the readers' refusals)."""
    runs: list[tuple[int, int]] = []  # (documents stored, problems) of each example

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(inputs=st.lists(INPUTS, min_size=1, max_size=3, unique_by=lambda i: i[0]))
    def one_example(inputs):
        folder = tmp_path_factory.mktemp("inputs")
        for name, data in inputs:
            (folder / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        db = str(tmp_path_factory.mktemp("store") / "fuzz.duckdb")
        report = ingest([str(folder)], db, IngestOptions(max_bytes=100_000), batch_size=4)
        assert all(isinstance(p, str) and p.strip() for p in report.problems)
        with Store(db) as store:
            records = [store.record(row["id"]) for row in list_documents(store.con, limit=1000)]
        assert report.total == len(records) == report.added
        runs.append((report.added, len(report.problems)))
        for record in records:
            text = record["document"]["text"]
            assert text.strip() and "\x00" not in text
            for start, end in spans(record):
                assert 0 <= start <= end <= len(text), (start, end, len(text))
        again = ingest([str(folder)], db, IngestOptions(max_bytes=100_000), batch_size=4)
        assert again.added == 0 and again.total == report.total

    one_example()
    assert runs and sum(added for added, _ in runs) > 0 and sum(problems for _, problems in runs) > 0
    print(f"ingest fuzz: {len(runs)} examples, {sum(a for a, _ in runs)} documents stored, "
          f"{sum(p for _, p in runs)} inputs refused")
