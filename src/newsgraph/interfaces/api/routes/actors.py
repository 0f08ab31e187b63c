"""Actors: the list, one actor, its timeline, what passed between two, quotes, claims and
commitments. An actor is named by id, name, alias or code, as in the CLI."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from ....store import queries
from ..errors import NOT_FOUND, ApiError
from ..models import (ActorDetail, IsoDate, ActorSummary, ClaimRow, CommitmentRow, DyadResponse, Page, QuoteRow,
                      TimelinePage)
from ..params import (DEFAULT_LIMIT, About, ActorA, ActorB, Limit, Offset, Party, Speaker, StoreDep, actor_ids,
                      page)

router = APIRouter(tags=["actors"])

ActorPath = Annotated[str, Path(description="Actor id, or name, alias or code (e.g. TAL, Taliban, TAL REB).")]


@router.get("/actors", response_model=Page[ActorSummary], summary="Actors, most frequent first")
def list_actors(access: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                type: Annotated[str | None, Query(max_length=40, description="PERSON, ORG, GPE, NORP...")]
                = None):
    """Canonical actors across documents with how often they occur, in events and as speakers."""
    with access.read() as con:
        found = queries.actors(con, type)
    return page(found, limit, offset)


@router.get("/actors/{actor:path}", response_model=ActorDetail, summary="One actor", responses=NOT_FOUND)
def get_actor(actor: ActorPath, access: StoreDep):
    """An actor by id, or by name, alias or code (the most frequent match): its codes, types,
    aliases, roles, the entity ids standing for it and its counts."""
    with access.read() as con:
        found = queries.actor(con, actor)
        if found is None:
            found = queries.actor(con, actor_ids(con, actor, 404)[0])
    if found is None:
        raise ApiError(404, f"{actor}: no such actor in the store")
    return found


@router.get("/timeline/{actor:path}", response_model=TimelinePage, summary="An actor's timeline",
            responses=NOT_FOUND)
def timeline(actor: ActorPath, access: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    """Events, quotes, relations and commitments involving the actor, by date."""
    with access.read() as con:
        ids = actor_ids(con, actor, 404)
        found = queries.timeline(con, ids)
    return page(found, limit, offset, actor_ids=ids)


@router.get("/dyad", response_model=DyadResponse, summary="Between two actors", responses=NOT_FOUND)
def dyad(a: ActorA, b: ActorB, access: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
         directed: Annotated[bool, Query(description="Weekly index of A -> B only.")] = False):
    """Events (either direction) and relations between A and B by date (``items``), and their
    weekly cooperation/conflict index from PLOVER quad classes (``weekly``, every week)."""
    with access.read() as con:
        ids_a, ids_b = actor_ids(con, a, 404), actor_ids(con, b, 404)
        found = queries.dyad(con, ids_a, ids_b)
        weekly = queries.dyad_index(con, ids_a, ids_b, directed=directed)
    return page(found, limit, offset, a=ids_a, b=ids_b, weekly=weekly)


@router.get("/quotes", response_model=Page[QuoteRow], summary="A speaker's quotes")
def quotes(speaker: Speaker, access: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    """Quotes whose speaker is SPEAKER (canonical name, alias, actor id or code, or as written)."""
    with access.read() as con:
        found = queries.quotes(con, speaker)
    return page(found, limit, offset)


@router.get("/claims", response_model=Page[ClaimRow], summary="Claims about or by an actor")
def claims(about: About, access: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    """Relations with the actor as subject, object or source, each with who asserts it."""
    with access.read() as con:
        found = queries.claims(con, about)
    return page(found, limit, offset)


@router.get("/commitments", response_model=Page[CommitmentRow], summary="Commitments")
def commitments(access: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                party: Party = None,
                due_before: Annotated[IsoDate | None, Query(description="Deadline before this day.")] = None):
    """Commitments merged across documents with their trail of status claims; optionally a
    party's (id, name or KB id), or those due before a day."""
    with access.read() as con:
        found = queries.commitments(con, due_before=due_before.isoformat() if due_before else None,
                                    party=party)
    return page(found, limit, offset)
