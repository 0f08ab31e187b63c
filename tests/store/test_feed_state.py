"""The state table of `newsgraph watch` (schema v5) on both engines: saved, replaced, read back;
and the stored-URL lookup that lets a watcher skip an article it already has."""
from __future__ import annotations

import datetime as dt

from newsgraph.model import Document
from newsgraph.store.database import Store
from newsgraph.store.queries import feeds


def test_a_feed_state_is_saved_replaced_and_read_back(store_target):
    polled = dt.datetime(2026, 12, 3, 18, 0, 0)
    with Store(store_target()) as store:
        assert feeds.feed_state(store.con, "http://127.0.0.1/feed") is None
        feeds.save_feed_state(store.con, "http://127.0.0.1/feed", etag='"v1"', last_modified=None,
                              seen=["urn:a"], last_poll=polled)
        feeds.save_feed_state(store.con, "http://127.0.0.1/feed", etag='"v2"',
                              last_modified="Mon, 07 Jun 2021 10:00:00 GMT", seen=["urn:a", "urn:b"],
                              last_poll=polled + dt.timedelta(minutes=15))
        state = feeds.feed_state(store.con, "http://127.0.0.1/feed")
        listed = feeds.feed_states(store.con)
    assert state["etag"] == '"v2"' and state["last_modified"] == "Mon, 07 Jun 2021 10:00:00 GMT"
    assert state["seen"] == ["urn:a", "urn:b"]
    assert state["last_poll"].replace(tzinfo=None) == dt.datetime(2026, 12, 3, 18, 15)
    assert [(f["feed_url"], f["name"], f["tags"], f["seen"]) for f in listed] == [
        ("http://127.0.0.1/feed", None, [], 2)]


def test_stored_urls_names_only_the_urls_a_document_has(store_target):
    doc = Document(text="The envoy arrived in the port city on Monday.", id="d1" * 8,
                   content_hash="c" * 64, url="http://127.0.0.1/news/1")
    with Store(store_target()) as store:
        store.add(doc)
        found = feeds.stored_urls(store.con, ["http://127.0.0.1/news/1", "http://127.0.0.1/news/2", ""])
        none = feeds.stored_urls(store.con, [])
    assert found == {"http://127.0.0.1/news/1"}
    assert none == set()
