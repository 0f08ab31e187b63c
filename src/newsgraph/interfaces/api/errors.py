"""Every error as JSON ``{"error": message}`` with the status that says what went wrong.

* 400: a bad query or path parameter (a date that is no date, a limit out of range, an
  unknown event type) and every ``NewsgraphError`` (its message, never a traceback);
* 401 / 403: a missing or wrong token / a write to a read-only server;
* 404: an unknown id, route or export format; 405: a method the route does not take;
* 413: a body over the limit; 422: a body that is not the JSON the endpoint takes;
* 500: a bug (the message says only that; the traceback goes to the server's log).
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ...errors import NewsgraphError
from .models import ErrorBody

log = logging.getLogger("newsgraph.api")

# For the OpenAPI schema: the errors of every route, and those of some.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A bad parameter or filter, or a refused request"},
    401: {"model": ErrorBody, "description": "Missing or wrong token"},
    "default": {"model": ErrorBody, "description": "Any other error (its status says which)"},
}
NOT_FOUND = {404: {"model": ErrorBody, "description": "No such item"}}
BODY_ERRORS = {413: {"model": ErrorBody, "description": "Request body too large"},
               422: {"model": ErrorBody, "description": "Invalid request body"}}


class ApiError(Exception):
    """An error with its HTTP status and a message for people."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def error_response(status: int, message: str, details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status, headers=headers)


def _where(loc: tuple | list) -> str:
    """``('query', 'since')`` -> ``since``; ``('body', 'documents', 0, 'text')`` -> ``body.documents[0].text``."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "header", "cookie") and len(parts) > 1:
        parts = parts[1:]
    out = ""
    for part in parts:
        out += f"[{part}]" if part.isdigit() else (f".{part}" if out else part)
    return out or "request"


def _message(error: dict[str, Any]) -> str:
    if error.get("type") == "string_pattern_mismatch" and (error.get("ctx") or {}).get("pattern") == r"\S":
        return "should not be blank"
    return error.get("msg", "invalid")


def validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Where and what, without the input (which may be large, binary or a secret)."""
    return [{"where": _where(e.get("loc", ())), "message": _message(e), "type": e.get("type")}
            for e in exc.errors()]


async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.message, headers=exc.headers)


async def _newsgraph_error(_request: Request, exc: NewsgraphError) -> JSONResponse:
    return error_response(400, str(exc))


async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = "no such resource (the API is under /api; see /docs)"
    return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    details = validation_details(exc)
    in_body = any(tuple(e.get("loc", ()))[:1] == ("body",) for e in exc.errors())
    status = 422 if in_body else 400
    first = "; ".join(f"{d['where']}: {d['message']}" for d in details[:3])
    more = f" (and {len(details) - 3} more)" if len(details) > 3 else ""
    kind = "invalid request body" if in_body else "bad parameter"
    return error_response(status, f"{kind}: {first}{more}", details)


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.error("internal error", exc_info=exc)
    return error_response(500, "internal error (the server's log has the details)")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(NewsgraphError, _newsgraph_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
