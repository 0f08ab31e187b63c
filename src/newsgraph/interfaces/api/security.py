"""The guards in front of every route, as plain ASGI middleware (they answer before a route
reads anything):

* ``TokenGuard``: the bearer token, for every request that may write (any method but GET,
  HEAD and OPTIONS) and, when the server is bound to a non-loopback address, for every request.
  So that a browser can read the pages of such a server, ``/login`` takes the token once in a
  form and sets it as an HttpOnly, SameSite=Strict cookie, which is accepted for reads only
  (a cookie never authorises a write: no cross-site request can post with it);
* ``BodyLimit``: a request body over the limit is refused with 413, whether it announces
  its length or streams (a body is read into memory only up to the limit).
"""
from __future__ import annotations

import hmac
import ipaddress
from urllib.parse import parse_qs

from starlette.responses import HTMLResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DEFAULT_MAX_BODY = 2_000_000  # bytes
TOKEN_ENV = "NEWSGRAPH_API_TOKEN"
MIN_REMOTE_TOKEN = 16  # characters, for a server other machines can reach
LOGIN_PATH = "/login"
TOKEN_COOKIE = "newsgraph_token"
_LOGIN_FORM_BYTES = 4096  # a token form is tiny; more is not read
_LOGIN_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>newsgraph: sign in</title></head><body><main><h1>newsgraph</h1>
<p>This server needs its token to show its pages.</p>{message}
<form method="post" action="/login"><label>Token <input name="token" type="password"
autocomplete="current-password" required></label> <button type="submit">Sign in</button></form>
</main></body></html>"""


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1); False for every other
    name or address, ``0.0.0.0`` included (it listens on every interface)."""
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _cookie(scope: Scope, name: str) -> str | None:
    """The value of cookie ``name`` in the request, or None."""
    for part in (_header(scope, b"cookie") or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key.lower() == name:
            return value.decode("latin-1")
    return None


class TokenGuard:
    """Refuse requests that need the token and do not carry it (``Authorization: Bearer T``)."""

    def __init__(self, app: ASGIApp, token: str | None, always: bool = False):
        if always and not token:
            raise ValueError("a token is required when every request needs one")
        self.app = app
        self.token = token
        self.always = always

    def needs_token(self, method: str) -> bool:
        return self.always or method.upper() not in READ_METHODS

    def matches(self, value: str) -> bool:
        """``value`` is the server's token (compared in constant time)."""
        return bool(self.token) and hmac.compare_digest(value.strip().encode("utf-8", "replace"),
                                                        self.token.encode("utf-8"))

    def authorised(self, scope: Scope) -> bool:
        given = _header(scope, b"authorization") or ""
        scheme, _, value = given.partition(" ")
        if scheme.lower() == "bearer":
            return self.matches(value)
        if scope.get("method", "GET").upper() in READ_METHODS:  # never a write by cookie
            return self.matches(_cookie(scope, TOKEN_COOKIE) or "")
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("path") == LOGIN_PATH and self.token:
            await self._login(scope, receive, send)
            return
        if scope["type"] != "http" or not self.needs_token(scope.get("method", "GET")):
            await self.app(scope, receive, send)
            return
        if self.authorised(scope):
            await self.app(scope, receive, send)
            return
        if not self.token:
            message = ("this server was started without a token, so it takes no POST requests:"
                       f" start it with --token (or ${TOKEN_ENV})")
        elif _header(scope, b"authorization") is None:
            message = "this request needs the server's token: send 'Authorization: Bearer <token>'"
        else:
            message = "wrong token"
        if self.always and "text/html" in (_header(scope, b"accept") or ""):
            response = RedirectResponse(LOGIN_PATH, status_code=303)  # a browser: sign in first
        else:
            response = error_response(401, message, headers={"WWW-Authenticate": "Bearer"})
        await response(scope, receive, send)

    async def _login(self, scope: Scope, receive: Receive, send: Send) -> None:
        """GET: the sign-in form; POST (a form with ``token``): the cookie, then the start page."""
        method = scope.get("method", "GET").upper()
        if method != "POST":
            await HTMLResponse(_LOGIN_PAGE.format(message=""))(scope, receive, send)
            return
        body, more = b"", True
        while more and len(body) <= _LOGIN_FORM_BYTES:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        fields = parse_qs(body[:_LOGIN_FORM_BYTES].decode("utf-8", "replace"))
        given = (fields.get("token") or [""])[0]
        if not self.matches(given):
            page = _LOGIN_PAGE.format(message="<p role=\"alert\">Wrong token.</p>")
            await HTMLResponse(page, status_code=401)(scope, receive, send)
            return
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(TOKEN_COOKIE, given.strip(), httponly=True, samesite="strict", path="/")
        await response(scope, receive, send)


class BodyLimit:
    """Refuse a request body larger than ``max_bytes`` with 413; pass smaller ones on whole."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY):
        self.app = app
        self.max_bytes = int(max_bytes)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, f"request body too large (the limit is {self.max_bytes:,} bytes)")
        await response(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length is not None:
            if not length.strip().isdigit():
                response = error_response(400, "bad Content-Length header")
                await response(scope, receive, send)
                return
            if int(length) > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
