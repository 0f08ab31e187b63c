"""``newsgraph watch``: poll RSS/Atom feeds and store their new articles (see docs/store.md)."""
from __future__ import annotations

import re
import signal
import sys
import threading

import click

from ...ingest.decode import DEFAULT_MAX_BYTES
from .messages import bounded
from .options import COUNT, db_option

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def interval_value(_ctx, _param, value: str) -> float:
    """``15m``, ``90s``, ``1h`` or plain seconds, as seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value or "")
    if not match or float(match.group(1)) <= 0:
        raise click.BadParameter(f"{value!r}: give a duration such as 90s, 15m or 1h")
    return float(match.group(1)) * _UNITS[match.group(2) or "s"]


@click.command()
@click.argument("feeds", nargs=-1)
@click.option("--sources", "sources_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A YAML file with a `sources:` list of feeds ({url, name, tags}), instead of or"
                   " besides FEEDS.")
@db_option
@click.option("--every", default="15m", show_default=True, callback=interval_value,
              help="Time between two polls (90s, 15m, 1h).")
@click.option("--once", is_flag=True, help="Poll each feed once, then stop.")
@click.option("--max-per-feed", type=COUNT, default=None,
              help="New entries handled per feed and poll (the rest wait for the next poll).")
@click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Largest feed or article page accepted.")
@click.option("--timeout", default=20.0, show_default=True, type=click.FloatRange(0.01),
              help="Seconds to wait for an answer.")
@click.option("--retries", default=2, show_default=True, type=click.IntRange(0, 10),
              help="Retries after a timeout, a connection error or a 429/5xx answer.")
@click.option("--backoff", default=1.0, show_default=True, type=click.FloatRange(0),
              help="Seconds before the first retry (doubled for each next one).")
@click.option("--host-interval", default=1.0, show_default=True, type=click.FloatRange(0),
              help="Least seconds between two requests to the same host.")
def watch(feeds, sources_file, db, every, once, max_per_feed, max_bytes, timeout, retries, backoff,
          host_interval) -> None:
    """Poll RSS/Atom FEEDS, fetch each new entry's page, analyse and store it.

    The store remembers each feed's validators and handled entries, so a restart resumes
    without refetching. Ctrl-C stops after the current article. Exit 1 if anything failed."""
    from ...ingest.fetch import Fetcher
    from ...ingest.readers import IngestOptions
    from ...ingest.watch import Source, Watcher, load_sources
    from ...store.database import Store

    sources = [Source(url) for url in feeds] + (load_sources(sources_file) if sources_file else [])
    if not sources:
        raise click.UsageError("give FEED_URL... or --sources FILE")
    stopping = threading.Event()

    def interrupt(_signum, _frame) -> None:
        if stopping.is_set():  # a second Ctrl-C: stop now
            raise KeyboardInterrupt
        stopping.set()
        click.echo("newsgraph: stopping after the current article (Ctrl-C again to stop now)", err=True)

    previous = signal.signal(signal.SIGINT, interrupt)
    fetcher = Fetcher(timeout=timeout, retries=retries, backoff=backoff, host_interval=host_interval,
                      max_bytes=max_bytes)
    failed = 0
    try:
        watcher = Watcher(None, fetcher, IngestOptions(max_bytes=max_bytes), max_per_feed=max_per_feed,
                          on_problem=lambda line: click.echo(bounded(f"newsgraph: failed {line}", sys.argv),
                                                             err=True),
                          stop=stopping.is_set)
        while not stopping.is_set():
            # The store is open only during a poll, so readers can open a DuckDB file between polls.
            with Store(db) as store:
                watcher.store = store
                for report in watcher.poll_all(sources):
                    failed += report.failed
                    click.echo(report.line())
            if once:
                break
            stopping.wait(every)
    finally:
        fetcher.close()
        signal.signal(signal.SIGINT, previous)
    if failed:
        sys.exit(1)
