"""Fetching article pages and feeds over HTTP(S), only when a command asks for it
(``newsgraph ingest URL``, ``newsgraph watch``).

One ``Fetcher`` holds one httpx client: a User-Agent naming newsgraph and its version,
timeouts, retries with backoff on timeouts, connection errors and 429/5xx, and a pause
between two requests to the same host. Bodies are read as a stream and refused once they pass
``max_bytes``, so a huge page never sits in memory. Every failure is an ``InputError`` naming
the URL with one clear reason (host not found, timeout, HTTP status, not HTML, too large).
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

import newsgraph
from ..errors import InputError
from ..model import Document
from .decode import DEFAULT_MAX_BYTES, decode
from .html import document_from_html, looks_like_html
from .readers import IngestOptions, finish

USER_AGENT = f"newsgraph/{newsgraph.__version__} (news analysis; +https://pypi.org/project/newsgraph/)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = {429, 500, 502, 503, 504}
DEFAULT_TIMEOUT = 20.0


def is_url(text: str) -> bool:
    """True for an http:// or https:// address (what ``ingest`` fetches instead of opening)."""
    return text.lower().startswith(("http://", "https://"))


@dataclass
class Fetched:
    """One response: the URL asked for, the URL after redirects, status, headers, body."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str


@dataclass
class Fetcher:
    """A polite HTTP client shared by every request of one command."""

    timeout: float = DEFAULT_TIMEOUT
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubled for each next one
    host_interval: float = 1.0  # at least this long between two requests to one host
    max_bytes: int = DEFAULT_MAX_BYTES
    last_request: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.client = httpx.Client(timeout=self.timeout, follow_redirects=True, max_redirects=10,
                                   headers={"User-Agent": USER_AGENT}, trust_env=False)

    def close(self) -> None:
        """Close the connections."""
        self.client.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        """GET URL (304 is returned, not refused); InputError with one clear reason on failure."""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            self._pause(url)
            try:
                return self._get_once(url, headers or {}, retry=not last)
            except _Retry:
                time.sleep(self.backoff * 2 ** attempt)
            except httpx.TimeoutException:
                if last:
                    raise InputError(url, f"timed out (no answer within {self.timeout:g}s)") from None
                time.sleep(self.backoff * 2 ** attempt)
            except httpx.TooManyRedirects:
                raise InputError(url, "too many redirects") from None
            except httpx.ConnectError as exc:
                if last:
                    raise InputError(url, _connect_problem(exc)) from None
                time.sleep(self.backoff * 2 ** attempt)
            except httpx.HTTPError as exc:
                raise InputError(url, f"could not be fetched ({type(exc).__name__}: {exc})") from None
        raise InputError(url, "could not be fetched")  # not reached: the last attempt raises

    def document(self, url: str, options: IngestOptions) -> Document:
        """The article of the HTML page at URL, as the HTML reader extracts a saved page."""
        got = self.get(url)
        kind = got.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind and kind not in HTML_TYPES:
            raise InputError(url, f"is not an HTML page (content type {kind})")
        text = decode(got.body, url, options.warnings)
        if not kind and not looks_like_html(text):
            raise InputError(url, "is not an HTML page")
        doc = finish(document_from_html(text, url), options, url)
        doc.url, doc.fetched_url, doc.fetched_at = got.final_url, url, got.fetched_at
        doc.source = doc.source or urlsplit(got.final_url).hostname
        return doc

    def _pause(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        wait = self.last_request.get(host, -1e9) + self.host_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self.last_request[host] = time.monotonic()

    def _get_once(self, url: str, headers: dict[str, str], retry: bool) -> Fetched:
        fetched_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self.client.stream("GET", url, headers=headers) as response:
            if response.status_code in RETRY_STATUSES and retry:
                raise _Retry()
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            size = response.headers.get("content-length", "")
            if size.isdigit() and int(size) > self.max_bytes:
                raise InputError(url, f"is larger than the {self.max_bytes:,}-byte limit "
                                      "(raise it with --max-bytes)")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:  # stop reading: the page never sits whole in memory
                    raise InputError(url, f"is larger than the {self.max_bytes:,}-byte limit "
                                          "(raise it with --max-bytes)")
            return Fetched(url=url, final_url=str(response.url), status=response.status_code,
                           headers={k.lower(): v for k, v in response.headers.items()},
                           body=bytes(body), fetched_at=fetched_at)


class _Retry(Exception):
    """A status worth asking again for (429, 5xx)."""


def _connect_problem(exc: Exception) -> str:
    text = str(exc)
    if any(s in text for s in ("Name or service not known", "nodename nor servname", "getaddrinfo",
                               "No address associated", "Temporary failure in name resolution")):
        return "host not found (DNS lookup failed)"
    return f"could not connect ({text or type(exc).__name__})"
