"""A small web site on 127.0.0.1 for the tests that fetch: feeds and article pages we write,
every request logged on the server side (path, status, headers)."""
from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    """A threading server that does not print a traceback when a client hangs up (a timed-out
    or killed fetcher does, on purpose)."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def article_page(title: str, sentences: list[str]) -> bytes:
    """An HTML news page with a headline and a few paragraphs (enough for trafilatura)."""
    paragraphs = "".join(f"<p>{s}</p>" for s in sentences)
    return (f"<!doctype html><html><head><title>{title}</title>"
            f"<meta property='og:site_name' content='Local Wire'></head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article><footer>Copyright Local Wire</footer>"
            f"</body></html>").encode("utf-8")


class Site:
    """Routes (path -> callable(handler) or (status, headers, body)) and a request log."""

    def __init__(self):
        self.routes: dict = {}
        self.log: list[dict] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (http.server's name)
                route = site.routes.get(self.path)
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/html"}, b"<html>not here</html>"
                elif callable(route):
                    status, headers, body = route(self)
                else:
                    status, headers, body = route
                with site.lock:
                    site.log.append({"path": self.path, "status": status, "headers": dict(self.headers)})
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers and "Transfer-Encoding" not in headers and status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, *args):  # quiet: the log above is what the tests read
                pass

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def requests(self, path: str) -> list[int]:
        """The statuses answered for PATH, in order."""
        with self.lock:
            return [r["status"] for r in self.log if r["path"] == path]


def feed_route(items: list[tuple[str, str, str]], etag: str = '"v1"'):
    """An RSS feed of (guid, title, link) items that answers 304 to its own ETag."""
    body = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Local Wire</title>"
            + "".join(f"<item><guid>{g}</guid><title>{t}</title><link>{link}</link>"
                      f"<description>{t}, in short.</description></item>" for g, t, link in items)
            + "</channel></rss>").encode("utf-8")

    def answer(handler):
        if handler.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "application/rss+xml", "ETag": etag,
                     "Last-Modified": "Mon, 07 Jun 2021 10:00:00 GMT"}, body

    return answer
