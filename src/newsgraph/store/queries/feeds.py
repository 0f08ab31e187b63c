"""The state of watched feeds (``newsgraph watch``): validators, entries handled, last poll;
and which article URLs are stored already. The same SQL on DuckDB and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any


def feed_state(con, feed_url: str) -> dict[str, Any] | None:
    """The saved state of one feed (etag, last_modified, seen ids, last_poll); None if new."""
    row = con.execute("SELECT etag, last_modified, CAST(seen AS VARCHAR), last_poll FROM feed_state"
                      " WHERE feed_url = ?", [feed_url]).fetchone()
    if row is None:
        return None
    return {"etag": row[0], "last_modified": row[1], "seen": json.loads(row[2]), "last_poll": row[3]}


def feed_states(con) -> list[dict[str, Any]]:
    """Every watched feed (name, tags) with its last poll and how many entries were handled."""
    return [{"feed_url": url, "name": name, "tags": json.loads(tags) if tags else [],
             "last_poll": poll, "seen": len(json.loads(seen))}
            for url, name, tags, seen, poll in con.execute(
                "SELECT feed_url, name, CAST(tags AS VARCHAR), CAST(seen AS VARCHAR), last_poll"
                " FROM feed_state ORDER BY feed_url").fetchall()]


def save_feed_state(con, feed_url: str, *, etag: str | None, last_modified: str | None,
                    seen: list[str], last_poll: dt.datetime | None, name: str | None = None,
                    tags: list[str] | tuple[str, ...] = ()) -> None:
    """Replace a feed's state in one transaction (delete and insert: both engines take it)."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM feed_state WHERE feed_url = ?", [feed_url])
        con.execute("INSERT INTO feed_state (feed_url, name, tags, etag, last_modified, seen, last_poll)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)", [feed_url, name, json.dumps(list(tags)), etag,
                                                      last_modified, json.dumps(seen), last_poll])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def stored_urls(con, urls: Iterable[str]) -> set[str]:
    """The URLs among URLS that a stored document has."""
    wanted = sorted({u for u in urls if u})
    if not wanted:
        return set()
    marks = ", ".join("?" for _ in wanted)
    return {r[0] for r in con.execute(f"SELECT url FROM documents WHERE url IN ({marks})", wanted).fetchall()}
