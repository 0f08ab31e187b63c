"""Watching RSS/Atom feeds (``newsgraph watch``): poll, fetch each new entry's page, analyse
and store it, and remember what was handled in the store's ``feed_state`` table.

Resuming after a crash or a kill loses nothing and stores nothing twice: an entry is marked
handled only after its document is stored (one transaction), and a document already stored
(same URL, or same content hash) is skipped. The feed's validators (ETag, Last-Modified) are
saved only once every new entry of a poll was handled; until then the next poll reads the
whole feed again, so an interrupted or partly failed poll is finished by the next one.
Entries that failed (timeout, HTTP error, ...) are not marked and are tried again.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Document
from .feeds import feed_documents
from .fetch import Fetcher
from .readers import IngestOptions, content_hash, finish
from .run import analysis_failure

MAX_SEEN = 10_000  # entry ids remembered per feed: far more than any feed lists at once


def _never() -> bool:
    return False


def _quiet(_message: str) -> None:
    """The default callback: say nothing."""


@dataclass
class PollReport:
    """What one poll of one feed did."""

    feed: str
    new: int = 0
    skipped: int = 0  # already stored (same URL or same text)
    failed: int = 0
    not_modified: bool = False
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The progress line of the poll."""
        if self.not_modified and not self.failed:
            return f"{self.feed}: not modified; 0 new, 0 skipped, 0 failed"
        return f"{self.feed}: {self.new} new, {self.skipped} skipped, {self.failed} failed"


@dataclass(frozen=True)
class Source:
    """A feed to watch: its URL, and from a sources file a name (for the progress lines) and tags."""

    url: str
    name: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the feed is named in progress lines."""
        return self.name or self.url


def load_sources(path: str) -> list[Source]:
    """The ``sources:`` list of a YAML file: ``- {url: ..., name: ..., tags: [...]}`` or bare URLs."""
    import yaml

    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(path, f"cannot be read as a sources file ({exc})") from None
    items = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise InputError(path, "has no `sources:` list of feeds")
    sources = []
    for number, item in enumerate(items, start=1):
        item = {"url": item} if isinstance(item, str) else item
        url = item.get("url") if isinstance(item, dict) else None
        if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
            raise InputError(f"{path} source {number}", "needs a `url:` starting with http:// or https://")
        tags = item.get("tags") or []
        sources.append(Source(url, str(item["name"]) if item.get("name") else None,
                              tuple(str(t) for t in (tags if isinstance(tags, list) else [tags]))))
    return sources


def entry_key(entry: Document) -> str:
    """What identifies a feed entry across polls: its id/guid, else its link, else its text."""
    return entry.external_id or entry.url or content_hash(entry.text)


class Watcher:
    """Polls feeds into one store with one fetcher and one pipeline (spaCy loaded once)."""

    def __init__(self, store, fetcher: Fetcher, options: IngestOptions, *,
                 max_per_feed: int | None = None, kb_paths: tuple[str, ...] = (),
                 on_problem: Callable[[str], None] = _quiet, stop: Callable[[], bool] = _never):
        from ..pipeline import build

        self.store, self.fetcher, self.options = store, fetcher, options
        self.max_per_feed, self.on_problem, self.stop = max_per_feed, on_problem, stop
        self.pipeline = build(kb_paths=kb_paths)

    def poll_all(self, feeds: Iterable[Source]) -> list[PollReport]:
        """Poll each feed once (stopping early when ``stop()`` says so)."""
        reports = []
        for source in feeds:
            if self.stop():
                break
            reports.append(self.poll(source.url, source))
        return reports

    def poll(self, feed: str, source: Source | None = None) -> PollReport:
        """Poll one feed: conditional GET, then every entry not handled before."""
        from ..store.queries import feeds as state_queries

        con = self.store.con
        source = source or Source(feed)
        report = PollReport(source.label)
        state = state_queries.feed_state(con, feed) or {"etag": None, "last_modified": None, "seen": []}
        seen = list(state["seen"])
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

        def save(etag: str | None, last_modified: str | None) -> None:
            state_queries.save_feed_state(con, feed, etag=etag, last_modified=last_modified,
                                          seen=seen[-MAX_SEEN:], last_poll=now, name=source.name,
                                          tags=source.tags)

        headers = {}
        if state["etag"]:
            headers["If-None-Match"] = state["etag"]
        if state["last_modified"]:
            headers["If-Modified-Since"] = state["last_modified"]
        try:
            got = self.fetcher.get(feed, headers)
        except InputError as exc:
            self._failed(report, str(exc))
            save(state["etag"], state["last_modified"])
            return report
        if got.status == 304:
            report.not_modified = True
            save(state["etag"], state["last_modified"])
            return report
        known = set(seen)
        fresh: list[tuple[str, Document]] = []
        for item in feed_documents(got.body, feed, self.options.warnings):
            if isinstance(item, InputError):
                self._failed(report, str(item))
            elif entry_key(item) not in known:
                known.add(entry_key(item))
                fresh.append((entry_key(item), item))
        complete = not report.failed
        if self.max_per_feed is not None and len(fresh) > self.max_per_feed:
            fresh, complete = fresh[:self.max_per_feed], False  # the rest waits for the next poll
        for key, entry in fresh:
            if self.stop():
                complete = False
                break
            if self._handle(entry, report):
                seen.append(key)
                save(state["etag"], state["last_modified"])  # old validators: the poll is not done
            else:
                complete = False
        if complete:
            save(got.headers.get("etag"), got.headers.get("last-modified"))
        return report

    def _handle(self, entry: Document, report: PollReport) -> bool:
        """Fetch, analyse and store one entry; True when it is handled (stored or skipped)."""
        from ..store.queries import feeds as state_queries

        if entry.url and state_queries.stored_urls(self.store.con, [entry.url]):
            report.skipped += 1
            return True
        try:
            if entry.url:
                doc = self.fetcher.document(entry.url, self.options)
                doc.title = doc.title or entry.title
                doc.published = doc.published or entry.published
                doc.external_id = entry.external_id
            else:  # no page to fetch: the entry's own text is the article
                doc = finish(entry, self.options, report.feed)
        except InputError as exc:
            self._failed(report, str(exc))
            return False
        if self.store.has(doc.content_hash) or state_queries.stored_urls(self.store.con, [doc.url]):
            report.skipped += 1
            return True
        doc = self.pipeline.run_batch([doc])[0]
        failure = analysis_failure(doc)
        if failure is not None:
            self._failed(report, failure)
            return False
        if self.store.add(doc):
            report.new += 1
        else:
            report.skipped += 1
        return True

    def _failed(self, report: PollReport, problem: str) -> None:
        report.failed += 1
        report.problems.append(problem)
        self.on_problem(problem)
