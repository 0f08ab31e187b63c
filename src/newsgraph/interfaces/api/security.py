"""The guards in front of every route, as plain ASGI middleware (they answer before a route
reads anything):

* ``TokenGuard``: the bearer token, for every request that may write (any method but GET,
  HEAD and OPTIONS) and, when the server is bound to a non-loopback address, for every request;
* ``BodyLimit``: a request body over the limit is refused with 413, whether it announces
  its length or streams (a body is read into memory only up to the limit).
"""
from __future__ import annotations

import hmac
import ipaddress

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DEFAULT_MAX_BODY = 2_000_000  # bytes
TOKEN_ENV = "NEWSGRAPH_API_TOKEN"
MIN_REMOTE_TOKEN = 16  # characters, for a server other machines can reach


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

    def authorised(self, scope: Scope) -> bool:
        given = _header(scope, b"authorization") or ""
        scheme, _, value = given.partition(" ")
        if not self.token or scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(value.strip().encode("utf-8", "replace"), self.token.encode("utf-8"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
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
        response = error_response(401, message, headers={"WWW-Authenticate": "Bearer"})
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
