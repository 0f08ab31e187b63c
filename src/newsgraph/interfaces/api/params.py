"""What the routes share: pagination, date and actor parameters, the store, the token scheme."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.security import HTTPBearer

from ...errors import NewsgraphError
from ...store import queries
from .access import StoreAccess
from .errors import ApiError
from .models import IsoDate

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000

Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"At most this many items (0 to {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=2**31 - 1, description="Skip this many items first.")]
Since = Annotated[IsoDate | None, Query(description="From this day on (YYYY-MM-DD, inclusive).")]
Until = Annotated[IsoDate | None, Query(description="Up to this day (YYYY-MM-DD, inclusive).")]
NOT_BLANK = r"\S"  # holds a character other than white space
Actor = Annotated[str | None, Query(min_length=1, max_length=500, pattern=NOT_BLANK,
                                    description="On either side, unless recipient is given: id, name,"
                                                " alias or code.")]
Recipient = Annotated[str | None, Query(min_length=1, max_length=500, pattern=NOT_BLANK,
                                        description="The recipient: id, name, alias or code.")]
ActorA = Annotated[str, Query(min_length=1, max_length=500, pattern=NOT_BLANK,
                              description="One actor: id, name, alias or code.")]
ActorB = Annotated[str, Query(min_length=1, max_length=500, pattern=NOT_BLANK,
                              description="The other actor: id, name, alias or code.")]
Speaker = Annotated[str, Query(min_length=1, max_length=500, pattern=NOT_BLANK,
                               description="Canonical name, alias, actor id or code, or as written.")]
About = Annotated[str, Query(min_length=1, max_length=500, pattern=NOT_BLANK,
                             description="Actor id, name, alias or KB id.")]
Party = Annotated[str | None, Query(min_length=1, max_length=500, pattern=NOT_BLANK,
                                    description="Only this party's: id, name or KB id.")]

# Declares the bearer token in the OpenAPI schema ("Authorize" in /docs); the check itself is
# ``security.TokenGuard``, which runs before any body is read.
bearer = HTTPBearer(auto_error=False, description="The server's token (--token or $NEWSGRAPH_API_TOKEN).")


def store_access(request: Request) -> StoreAccess:
    return request.app.state.access


StoreDep = Annotated[StoreAccess, Depends(store_access)]


def page(rows: list[Any], limit: int, offset: int, **extra: Any) -> dict[str, Any]:
    """One page of ROWS with their total."""
    return {"total": len(rows), "limit": limit, "offset": offset,
            "items": rows[offset:offset + limit], **extra}


def date_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise ApiError(400, f"since ({since}) is after until ({until})")


def actor_ids(con, name: str, status: int = 400) -> list[str]:
    """The actor ids NAME resolves to (id, name, alias or code); an unknown actor is STATUS."""
    try:
        return queries.resolve_actor(con, name)
    except NewsgraphError as exc:
        raise ApiError(status, str(exc)) from None


EventType = Annotated[str | None, Query(max_length=40, description="A PLOVER event type (any case), e.g. CONSULT.",
                                       json_schema_extra={"enum": sorted(queries.PLOVER_QUAD)})]


def event_type(value: str | None) -> str | None:
    """A PLOVER event type, upper-cased; an unknown one is a bad filter."""
    if value is None:
        return None
    found = value.strip().upper()
    if found not in queries.PLOVER_QUAD:
        known = ", ".join(sorted(queries.PLOVER_QUAD))
        raise ApiError(400, f"type: {value!r} is no PLOVER event type (one of {known})")
    return found
