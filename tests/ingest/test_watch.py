"""`newsgraph watch` against a local site on 127.0.0.1: new entries stored once, 304s honoured,
failures one line each while the rest goes on, and a SIGKILL mid-poll loses and duplicates
nothing. Requests and their statuses are counted on the server side."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from click.testing import CliRunner

from local_site import article_page, feed_route
from newsgraph.errors import InputError
from newsgraph.ingest.fetch import Fetcher
from newsgraph.ingest.readers import IngestOptions
from newsgraph.ingest.watch import Watcher, load_sources
from newsgraph.interfaces.cli.main import cli
from newsgraph.store.database import Store
from newsgraph.store.queries.feeds import feed_states

SRC = Path(__file__).resolve().parents[2] / "src"
PLACES = ["the lakeside town", "the border crossing", "the river port", "the mountain pass",
          "the coastal city", "the old capital"]


def story(n: int) -> list[str]:
    place = PLACES[n % len(PLACES)]
    return [f"Envoys met in {place} on Thursday for round {n} of the talks on the disputed border.",
            f"The mediator said {100 + n} observers would be sent to {place} before the vote.",
            "Both governments said they would publish the text of the agreement next week."]


def publish(site, count: int, first: int = 0) -> list[tuple[str, str, str]]:
    items = []
    for n in range(first, first + count):
        site.routes[f"/news/{n}"] = (200, {"Content-Type": "text/html"}, article_page(f"Round {n}", story(n)))
        items.append((f"urn:wire:{n}", f"Round {n}", f"{site.url}/news/{n}"))
    return items


def watcher(store, **kwargs) -> Watcher:
    fetcher = Fetcher(timeout=kwargs.pop("timeout", 2.0), retries=0, host_interval=0,
                      max_bytes=kwargs.pop("max_bytes", 1_000_000))
    return Watcher(store, fetcher, IngestOptions(max_bytes=fetcher.max_bytes), **kwargs)


def stored(db) -> list[tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT url, title FROM documents ORDER BY url").fetchall()
    finally:
        con.close()


def test_new_entries_are_stored_once_and_a_second_poll_gets_a_304(site, store_target):
    site.routes["/feed"] = feed_route(publish(site, 3))
    with Store(store_target()) as store:  # on DuckDB and on PostgreSQL
        first = watcher(store).poll(f"{site.url}/feed")
        second = watcher(store).poll(f"{site.url}/feed")
        documents = store.stats()["documents"]
    assert (first.new, first.skipped, first.failed) == (3, 0, 0)
    assert (second.new, second.skipped, second.failed, second.not_modified) == (0, 0, 0, True)
    assert site.requests("/feed") == [200, 304]
    assert [site.requests(f"/news/{n}") for n in range(3)] == [[200], [200], [200]]
    assert documents == 3
    # The conditional request carried the validator the first answer gave.
    assert site.log[-1]["headers"].get("If-None-Match") == '"v1"'


def test_a_restart_resumes_from_the_state_table(site, tmp_path):
    site.routes["/feed"] = feed_route(publish(site, 2), etag='"a"')
    db = tmp_path / "watch.duckdb"
    with Store(db) as store:
        watcher(store).poll(f"{site.url}/feed")
    # A new feed version with one more entry, and a new process (a new Store and Watcher).
    site.routes["/feed"] = feed_route(publish(site, 3), etag='"b"')
    with Store(db) as store:
        report = watcher(store).poll(f"{site.url}/feed")
    assert (report.new, report.skipped, report.failed) == (1, 0, 0)
    assert [len(site.requests(f"/news/{n}")) for n in range(3)] == [1, 1, 1]
    assert len(stored(db)) == 3


def test_an_entry_already_stored_under_its_url_is_skipped(site, tmp_path):
    items = publish(site, 2)
    site.routes["/feed"] = feed_route(items)
    site.routes["/other-feed"] = feed_route([("urn:other:1", "Round 0 again", items[0][2])])
    db = tmp_path / "watch.duckdb"
    with Store(db) as store:
        w = watcher(store)
        w.poll(f"{site.url}/feed")
        other = w.poll(f"{site.url}/other-feed")
    assert (other.new, other.skipped) == (0, 1)
    assert site.requests("/news/0") == [200]  # not fetched again


def test_each_failure_is_one_line_and_the_rest_goes_on(site, tmp_path):
    release = threading.Event()

    def late(_handler):
        release.wait(5)  # past the watcher's small timeout; released at the end of the test
        return 200, {"Content-Type": "text/html"}, article_page("Late", story(9))

    items = publish(site, 2)
    site.routes.update({"/late": late, "/moved": (302, {"Location": "/news/1"}, b""),
                        "/big": (200, {"Content-Type": "text/html"}, article_page("Big", story(8) * 300))})
    items[1] = ("urn:wire:1", "Round 1", f"{site.url}/moved")
    items += [("urn:gone", "Gone", f"{site.url}/gone"), ("urn:late", "Late", f"{site.url}/late"),
              ("urn:big", "Big", f"{site.url}/big")]
    site.routes["/feed"] = feed_route(items)
    lines: list[str] = []
    db = tmp_path / "watch.duckdb"
    try:
        with Store(db) as store:
            report = watcher(store, timeout=0.3, max_bytes=20_000, on_problem=lines.append).poll(
                f"{site.url}/feed")
    finally:
        release.set()
    assert (report.new, report.skipped, report.failed) == (2, 0, 3)
    assert len(lines) == 3
    assert any("/gone" in l and "HTTP 404" in l for l in lines)
    assert any("/late" in l and "timed out" in l for l in lines)
    assert any("/big" in l and "byte limit" in l for l in lines)
    assert [u for u, _ in stored(db)] == [f"{site.url}/news/0", f"{site.url}/news/1"]  # after the redirect


def test_max_per_feed_leaves_the_rest_for_the_next_poll(site, tmp_path):
    site.routes["/feed"] = feed_route(publish(site, 3))
    db = tmp_path / "watch.duckdb"
    with Store(db) as store:
        first = watcher(store, max_per_feed=2).poll(f"{site.url}/feed")
        second = watcher(store, max_per_feed=2).poll(f"{site.url}/feed")
        third = watcher(store, max_per_feed=2).poll(f"{site.url}/feed")
    assert (first.new, second.new, third.new, third.not_modified) == (2, 1, 0, True)
    assert site.requests("/feed") == [200, 200, 304]


def run_watch(site, db, log):
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, "-m", "newsgraph", "watch", f"{site.url}/feed", "--once",
                             "--db", str(db), "--host-interval", "0", "--retries", "0"],
                            stdout=log, stderr=log, env=env)


def test_killing_watch_mid_poll_loses_nothing_and_duplicates_nothing(site, tmp_path):
    items = publish(site, 5)
    reached, release = threading.Event(), threading.Event()
    page = site.routes["/news/3"]

    def held(_handler):
        reached.set()  # the watcher is in the middle of its poll: entries 0-2 are handled
        release.wait(30)
        return page

    site.routes["/news/3"] = held
    site.routes["/feed"] = feed_route(items)
    db = tmp_path / "watch.duckdb"
    log = (tmp_path / "watch.log").open("ab")
    first = run_watch(site, db, log)
    try:
        assert reached.wait(120), (tmp_path / "watch.log").read_text()
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    finally:
        release.set()
    site.routes["/news/3"] = page
    second = run_watch(site, db, log)
    assert second.wait(120) == 0, (tmp_path / "watch.log").read_text()
    urls = [u for u, _ in stored(db)]
    assert urls == sorted(f"{site.url}/news/{n}" for n in range(5))
    assert len(set(urls)) == 5
    # Entries handled before the kill were not fetched again by the restarted watcher.
    assert [len(site.requests(f"/news/{n}")) for n in range(3)] == [1, 1, 1]
    assert f"{site.url}/feed: 2 new, 0 skipped, 0 failed" in (tmp_path / "watch.log").read_text()


def test_a_sources_file_names_and_tags_the_feeds(site, tmp_path):
    site.routes["/feed"] = feed_route(publish(site, 1))
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"sources:\n  - url: {site.url}/feed\n    name: Local Wire\n    tags: [talks, border]\n",
                       encoding="utf-8")
    with Store(tmp_path / "watch.duckdb") as store:
        reports = watcher(store).poll_all(load_sources(str(sources)))
        listed = feed_states(store.con)
    assert [r.line() for r in reports] == ["Local Wire: 1 new, 0 skipped, 0 failed"]
    assert [(f["feed_url"], f["name"], f["tags"]) for f in listed] == [
        (f"{site.url}/feed", "Local Wire", ["talks", "border"])]


def test_a_sources_file_without_urls_is_refused(tmp_path):
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - name: No address\n", encoding="utf-8")
    with pytest.raises(InputError, match="source 1: needs a `url:`"):
        load_sources(str(sources))


def test_watch_needs_a_feed():
    result = CliRunner().invoke(cli, ["watch", "--once"])
    assert result.exit_code == 2
    assert "give FEED_URL... or --sources FILE" in result.output
