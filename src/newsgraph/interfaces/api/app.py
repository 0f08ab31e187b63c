"""``create_app(db, ...)``: the FastAPI application over one store: the REST API and the web pages.

Routes live in ``routes/`` and call ``newsgraph.store.queries`` (and the analysis and export
functions) only; the guards of ``security.py`` wrap them all. See docs/api.md.
"""
from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware

from ..web.site import install_web
from .access import StoreAccess
from .docs import install_docs, swagger_folder
from .errors import ERROR_RESPONSES, install_error_handlers
from .models import About
from .routes import ROUTERS
from .security import DEFAULT_MAX_BODY, BodyLimit, TokenGuard

TITLE = "newsgraph API"
DESCRIPTION = """Read a newsgraph store as data: documents and their records, actors, events
(PLOVER, deduplicated across articles), quotes, claims, commitments, timelines, dyads, the
actor network, counts and every export format; and analyse new text.

Lists take `limit` and `offset` and give the `total`. Errors are JSON `{"error": message}`.
POST requests need the server's token (`Authorization: Bearer <token>`); a server bound to
another address than loopback needs it for every request."""


def _version() -> str:
    try:
        return version("newsgraph")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0"


def create_app(db: str, *, read_only: bool = False, token: str | None = None,
               token_for_reads: bool = False, max_body_bytes: int = DEFAULT_MAX_BODY,
               cors_origins: Sequence[str] = ()) -> FastAPI:
    """The API over the store DB (a DuckDB file or a PostgreSQL URL).

    ``token``: what POST requests must send as ``Authorization: Bearer <token>`` (without one,
    POST is refused); ``token_for_reads``: every request must send it (for a server bound to a
    non-loopback address). ``read_only``: nothing is stored (``?store=true`` is 403).
    ``max_body_bytes``: larger request bodies are 413. ``cors_origins``: the origins allowed
    to call the API from a browser (none by default: CORS is off).
    """
    if token_for_reads and not token:
        raise ValueError("token_for_reads needs a token")
    folder = swagger_folder()
    app = FastAPI(title=TITLE, description=DESCRIPTION, version=_version(), openapi_url="/openapi.json",
                  docs_url=None if folder is not None else "/docs", redoc_url=None)
    app.state.access = StoreAccess(db, read_only=read_only)
    app.state.token_for_reads = token_for_reads
    install_error_handlers(app)

    api = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

    @api.get("", response_model=About, tags=["about"], summary="About this server")
    def about(request: Request):
        """The version, and whether the server is read-only and needs a token for reads."""
        return {"version": _version(), "read_only": request.app.state.access.read_only,
                "token_required_for_reads": request.app.state.token_for_reads}

    for router in ROUTERS:
        api.include_router(router)
    app.include_router(api)
    if folder is not None:
        install_docs(app, TITLE, folder)
    install_web(app)

    # The last added runs first: CORS (answers preflights), then the token, then the body size.
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(TokenGuard, token=token, always=token_for_reads)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    return app
