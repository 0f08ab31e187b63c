"""``serve``: check the settings, open the store once, and run the API on uvicorn.

Loopback (127.0.0.1) by default. Bound to any other address, the server refuses to start
without a token (of at least ``MIN_REMOTE_TOKEN`` characters) and then asks for it on every
request. On loopback without a token one is made up and printed, so POST still needs one.
"""
from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Sequence

from ...errors import NewsgraphError
from .access import prepare
from .app import create_app
from .security import DEFAULT_MAX_BODY, MIN_REMOTE_TOKEN, TOKEN_ENV, is_loopback


def settings(host: str, token: str | None) -> tuple[str, bool, bool]:
    """(token, whether it was made up here, whether every request needs it) for HOST."""
    token = token or os.environ.get(TOKEN_ENV) or None
    remote = not is_loopback(host)
    if remote:
        if not token:
            raise NewsgraphError(f"--host {host} lets other machines reach the store: give a token"
                                 f" (--token or ${TOKEN_ENV}), which every request must then send")
        if len(token) < MIN_REMOTE_TOKEN:
            raise NewsgraphError(f"the token must have at least {MIN_REMOTE_TOKEN} characters"
                                 f" when the server is bound to {host}")
        return token, False, True
    if token:
        return token, False, False
    return secrets.token_urlsafe(24), True, False


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, read_only: bool = False,
          token: str | None = None, max_body_bytes: int = DEFAULT_MAX_BODY,
          cors_origins: Sequence[str] = (), echo: Callable[[str], None] = print) -> None:
    """Serve the API over DB until interrupted."""
    import uvicorn

    token, made_up, for_reads = settings(host, token)
    prepare(db, read_only)
    app = create_app(db, read_only=read_only, token=token, token_for_reads=for_reads,
                     max_body_bytes=max_body_bytes, cors_origins=cors_origins)
    shown = f"[{host}]" if ":" in host else host
    echo(f"newsgraph: serving {db}{' (read-only)' if read_only else ''} on http://{shown}:{port}"
         f" - web pages at http://{shown}:{port}/, API docs at http://{shown}:{port}/docs")
    if made_up:
        echo(f"newsgraph: POST requests need 'Authorization: Bearer {token}'"
             f" (made up for this run; set one with --token or ${TOKEN_ENV})")
        # The token rides in the fragment, which the browser keeps to itself (never sent or logged).
        echo(f"newsgraph: the Analyse page with this token: http://{shown}:{port}/analyse#token={token}")
    elif for_reads:
        echo("newsgraph: every request needs 'Authorization: Bearer <token>'; in a browser,"
             f" sign in once at http://{shown}:{port}/login")
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)
