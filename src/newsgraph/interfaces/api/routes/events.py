"""Events (deduplicated or raw), the actor network, the store's counts and its watched feeds."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from ....store import queries
from ..graph import network
from ..models import EventCluster, EventMention, FeedState, Graph, Page, Stats
from ..params import (DEFAULT_LIMIT, NOT_BLANK, Actor, EventType, Limit, Offset, Recipient, Since, StoreDep, Until,
                      actor_ids, date_range, event_type)

router = APIRouter(tags=["events"])

@router.get("/events", response_model=Page[EventCluster | EventMention], summary="Events")
def events(access: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
           actor: Actor = None,
           recipient: Recipient = None, type: EventType = None, since: Since = None, until: Until = None,
           raw: Annotated[bool, Query(description="Every report instead of deduplicated events.")] = False,
           window: Annotated[int, Query(ge=0, le=365, description="Days within which reports of an event merge.")]
           = queries.DEFAULT_WINDOW_DAYS):
    """PLOVER events across the store, deduplicated across articles (one item per real event
    with its sources), or every report with ``raw=true``; in date order. Actors are named by
    id, name, alias or code."""
    date_range(since, until)
    kind = event_type(type)
    with access.read(window) as con:
        a = actor_ids(con, actor) if actor else None
        r = actor_ids(con, recipient) if recipient else None
        total, items = queries.events_page(con, a, r, kind, since, until, raw=raw, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/graph", response_model=Graph, summary="The actor network")
def graph(access: StoreDep, since: Since = None, until: Until = None, type: EventType = None,
          kind: Annotated[Literal["all", "relation", "event"], Query(description="Which edges.")] = "all",
          limit: Annotated[int, Query(ge=0, le=20_000, description="At most this many edges, strongest first.")]
          = 2000,
          claimant: Annotated[str | None, Query(min_length=1, max_length=500, pattern=NOT_BLANK,
                                                description="Only what this source asserts: an actor (id, name,"
                                                            " alias, code) or a source as written.")] = None):
    """Actors as nodes; relations (claims) and deduplicated event dyads as edges, merged per
    source, target, kind and label with their count, dates and documents. Event edges carry
    their PLOVER quad class and whether it is cooperation or conflict."""
    date_range(since, until)
    kinds = ("relation", "event") if kind == "all" else (kind,)
    with access.read() as con:
        return network(con, since, until, event_type(type), kinds, limit, claimant)


@router.get("/feeds", response_model=list[FeedState], summary="The watched feeds")
def feeds(access: StoreDep):
    """The feeds ``newsgraph watch`` follows in this store, with their last poll."""
    with access.read() as con:
        return queries.feed_states(con)


@router.get("/stats", response_model=Stats, summary="What the store holds")
def stats(access: StoreDep):
    """Counts of documents and of each annotation, the date range and the genres."""
    with access.read() as con:
        return queries.stats(con)
