"""`newsgraph ingest URL` and the fetcher, against a local site on 127.0.0.1 (conftest.py):
pages are extracted as saved HTML files are; each failure is one line and the rest goes on."""
from __future__ import annotations

import json
import socket
import threading

import duckdb
import pytest
from click.testing import CliRunner

from local_site import article_page
from newsgraph.errors import InputError
from newsgraph.ingest.fetch import USER_AGENT, Fetcher
from newsgraph.ingest.readers import IngestOptions
from newsgraph.interfaces.cli.main import cli

TALKS = ["Negotiators from both delegations met in the lakeside town on Tuesday to discuss a ceasefire.",
         "The mediator, Dana Whitfield, said the two sides agreed to exchange prisoners next month.",
         "Officials said a second round of talks would follow before the end of the year."]
HARBOUR = ["The port authority reopened the northern harbour on Wednesday after repairs to the pier.",
           "About 300 workers returned to the docks, according to a statement from the authority.",
           "Shipping companies said cargo traffic should reach its usual level within two weeks."]


def slow(release: threading.Event):
    def answer(_handler):
        release.wait(5)  # past the client's small timeout; released at the end of the test
        return 200, {"Content-Type": "text/html"}, article_page("Late", TALKS)
    return answer


def test_ingest_urls_stores_pages_and_gives_one_line_per_failure(site, tmp_path):
    release = threading.Event()
    site.routes.update({
        "/talks": (200, {"Content-Type": "text/html; charset=utf-8"}, article_page("Ceasefire talks", TALKS)),
        "/old-harbour": (301, {"Location": "/harbour"}, b""),
        "/harbour": (200, {"Content-Type": "text/html"}, article_page("Harbour reopens", HARBOUR)),
        "/slow": slow(release),
        "/huge": (200, {"Content-Type": "text/html"}, article_page("Huge", TALKS * 400)),
        "/data.json": (200, {"Content-Type": "application/json"}, b'{"a": 1}'),
    })
    db = tmp_path / "web.duckdb"
    urls = [f"{site.url}/{p}" for p in ("talks", "old-harbour", "missing", "slow", "huge", "data.json")]
    try:
        result = CliRunner().invoke(cli, ["ingest", *urls, "--db", str(db), "--timeout", "0.3",
                                          "--max-bytes", "20000"])
    finally:
        release.set()
    assert result.exit_code == 1, result.output
    lines = [l for l in result.stderr.splitlines() if l.startswith("newsgraph: skipped")]
    assert len(lines) == 4
    assert any(f"{site.url}/missing" in l and "HTTP 404" in l for l in lines)
    assert any(f"{site.url}/slow" in l and "timed out" in l for l in lines)
    assert any(f"{site.url}/huge" in l and "20,000-byte limit" in l for l in lines)
    assert any(f"{site.url}/data.json" in l and "not an HTML page" in l for l in lines)
    assert "ingested 2 new document(s)" in result.stdout
    con = duckdb.connect(str(db), read_only=True)
    records = [json.loads(r[0])["document"] for r in
               con.execute("SELECT CAST(record AS VARCHAR) FROM documents ORDER BY title").fetchall()]
    con.close()
    assert [r["title"] for r in records] == ["Ceasefire talks", "Harbour reopens"]
    harbour = records[1]
    assert harbour["fetched_url"] == f"{site.url}/old-harbour"
    assert harbour["url"] == f"{site.url}/harbour"  # after the redirect
    assert harbour["fetched_at"].endswith("+00:00")
    assert "northern harbour" in harbour["text"]


def test_the_fetcher_names_newsgraph_and_retries_a_server_error(site):
    answers = iter([(503, {}, b"busy"), (200, {"Content-Type": "text/html"}, article_page("Talks", TALKS))])
    site.routes["/flaky"] = lambda _h: next(answers)
    fetcher = Fetcher(timeout=2, retries=2, backoff=0, host_interval=0)
    try:
        doc = fetcher.document(f"{site.url}/flaky", IngestOptions())
    finally:
        fetcher.close()
    assert site.requests("/flaky") == [503, 200]
    assert all(r["headers"]["User-Agent"] == USER_AGENT for r in site.log)
    assert USER_AGENT.startswith("newsgraph/")
    assert "Dana Whitfield" in doc.text


def test_a_page_without_a_length_is_refused_once_it_passes_the_limit(site):
    # No Content-Length: the limit must be enforced while the body streams in.
    body = article_page("Huge", HARBOUR * 500)
    site.routes["/stream"] = (200, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"},
                              b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 4096]), body[i:i + 4096])
                                       for i in range(0, len(body), 4096)) + b"0\r\n\r\n")
    fetcher = Fetcher(timeout=2, retries=0, host_interval=0, max_bytes=10_000)
    try:
        with pytest.raises(InputError, match="10,000-byte limit"):
            fetcher.get(f"{site.url}/stream")
    finally:
        fetcher.close()
    assert site.requests("/stream") == [200]


def test_a_refused_connection_is_one_clear_problem():
    with socket.socket() as probe:  # a port on 127.0.0.1 that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fetcher = Fetcher(timeout=1, retries=0, host_interval=0)
    try:
        with pytest.raises(InputError, match="could not connect"):
            fetcher.get(f"http://127.0.0.1:{port}/talks")
    finally:
        fetcher.close()
