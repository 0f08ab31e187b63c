"""The web pages: server-rendered templates over ``store.queries`` (the functions the CLI and
the REST API call), one route per page. The Network page draws ``/api/graph``; the Analyse
page posts to ``/analyse`` with the server's token, like any other write."""
from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ...errors import NewsgraphError
from ...store import queries
from ..api.analysing import analyse_articles
from ..api.errors import ApiError
from ..api.params import StoreDep
from ..api.records import Article
from .marks import marks, segments
from .views import actor_chart, events_rows, record_panel

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
PAGE_SIZE = 100
# Scripts only from this server (no inline script, no CDN); styles may be set by the chart
# and graph libraries at run time.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
       " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")

router = APIRouter(include_in_schema=False)

Text = Annotated[str | None, Query(max_length=500)]
Day = Annotated[str | None, Query(max_length=10)]


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """TEMPLATE filled with CONTEXT, with the pages' security headers."""
    response = TEMPLATES.TemplateResponse(request, template, context, status_code=status)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def not_found(request: Request, message: str, status: int = 404) -> HTMLResponse:
    return render(request, "error.html", status=status, title="Not found" if status == 404 else "Error",
                  message=message)


def _day(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"{name}={value!r}: not a day (YYYY-MM-DD)") from None


def _resolve(con, name: str) -> list[str] | None:
    try:
        return queries.resolve_actor(con, name)
    except NewsgraphError:
        return None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, access: StoreDep):
    """What the store holds, its newest documents and its most frequent actors."""
    with access.read() as con:
        stats = queries.stats(con)
        documents = queries.list_documents(con, 20, 0)
        actors = queries.actors(con, limit=25, event_counts=False)
    return render(request, "home.html", title="newsgraph", stats=stats, documents=documents, actors=actors)


def article_context(record: dict[str, Any], entity_actors: dict[str, str]) -> dict[str, Any]:
    """What the article body template needs: the segments and the side panel."""
    text = record["document"].get("text") or ""
    return {"record": record, "segments": segments(text, marks(record)),
            "panel": record_panel(record, entity_actors)}


@router.get("/article/{doc_id}", response_class=HTMLResponse)
def article(request: Request, doc_id: str, access: StoreDep):
    """One document's text with its records highlighted, and the records beside it."""
    with access.read() as con:
        try:
            record = queries.record(con, doc_id)
        except NewsgraphError as exc:
            return not_found(request, str(exc), 400)
        if record is None:
            return not_found(request, f"{doc_id}: no such document in the store")
        linked = queries.entity_actors(con, record["document"]["id"])
    title = record["document"].get("title") or record["document"]["id"]
    return render(request, "article.html", title=title, **article_context(record, linked))


@router.get("/actor/{actor:path}", response_class=HTMLResponse)
def actor(request: Request, actor: str, access: StoreDep):
    """An actor: codes, aliases, roles, a chart of its events, quotes, claims, commitments."""
    with access.read() as con:
        ids = _resolve(con, actor)
        if not ids:
            return not_found(request, f"{actor}: no such actor in the store")
        found = queries.actor(con, ids[0]) or {"actor_id": ids[0], "name": actor}
        timeline = queries.timeline(con, ids[:1])  # the page is the one actor's, as its quotes and claims
        quotes = queries.quotes(con, ids[0])
        claims = queries.claims(con, ids[0])
        commitments = queries.commitments(con, party=ids[0])
    return render(request, "actor.html", title=found.get("name") or ids[0], actor=found,
                  chart=actor_chart(timeline), timeline=timeline[:PAGE_SIZE], timeline_total=len(timeline),
                  quotes=quotes[:PAGE_SIZE], claims=claims[:PAGE_SIZE], commitments=commitments[:PAGE_SIZE])


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, since: Day = None, until: Day = None, type: Text = None,
            claimant: Text = None, kind: Annotated[str, Query(pattern="^(all|relation|event)$")] = "all"):
    """The actor network, drawn in the browser from /api/graph with the same filters."""
    return render(request, "network.html", title="Network", since=since or "", until=until or "",
                  type=type or "", claimant=claimant or "", kind=kind, event_types=sorted(queries.PLOVER_QUAD))


def _events(con, actor: str | None, recipient: str | None, type: str | None, since: str | None,
            until: str | None, page: tuple[int, int] | None = None) -> tuple[int, list[dict[str, Any]]]:
    """(total, events) matching the filters; PAGE = (limit, offset) cuts them in SQL."""
    a = _resolve(con, actor) if actor else None
    r = _resolve(con, recipient) if recipient else None
    if (actor and not a) or (recipient and not r):
        return 0, []
    kind = type.strip().upper() if type and type.strip() else None
    if kind and kind not in queries.PLOVER_QUAD:
        raise ApiError(400, f"type={type!r}: not a PLOVER event type ({', '.join(sorted(queries.PLOVER_QUAD))})")
    filters = (a, r, kind, _day(since, "since"), _day(until, "until"))
    if page is None:
        found = queries.events(con, *filters)
        return len(found), found
    return queries.events_page(con, *filters, limit=page[0], offset=page[1])


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, access: StoreDep, actor: Text = None, recipient: Text = None, type: Text = None,
           since: Day = None, until: Day = None, offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0):
    """Deduplicated events, filtered as in the CLI, a page at a time, with a CSV download."""
    try:
        with access.read() as con:
            total, found = _events(con, actor, recipient, type, since, until, (PAGE_SIZE, offset))
    except ApiError as exc:
        return not_found(request, exc.message, exc.status)
    filters = {k: v for k, v in {"actor": actor, "recipient": recipient, "type": type, "since": since,
                                 "until": until}.items() if v}
    return render(request, "events.html", title="Events", rows=events_rows(found),
                  total=total, offset=offset, page_size=PAGE_SIZE, filters=filters,
                  event_types=sorted(queries.PLOVER_QUAD))


@router.get("/events.csv")
def events_csv(access: StoreDep, actor: Text = None, recipient: Text = None, type: Text = None,
               since: Day = None, until: Day = None):
    """The Events page's rows (all of them) as CSV."""
    with access.read() as con:
        found = events_rows(_events(con, actor, recipient, type, since, until)[1])
    out = io.StringIO()
    columns = ["first_day", "last_day", "event", "quad_class", "actors", "recipients", "text", "factuality",
               "n_sources", "sources"]
    writer = csv.DictWriter(out, columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(found)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="newsgraph-events.csv"'})


@router.get("/commitments", response_class=HTMLResponse)
def commitments(request: Request, access: StoreDep, party: Text = None, due_before: Day = None):
    """Commitments with their deadlines, conditions and the trail of status claims."""
    try:
        due = _day(due_before, "due_before")
    except ApiError as exc:
        return not_found(request, exc.message, exc.status)
    with access.read() as con:
        found = queries.commitments(con, due_before=due.isoformat() if due else None, party=party or None)
    return render(request, "commitments.html", title="Commitments", commitments=found[:PAGE_SIZE],
                  total=len(found), party=party or "", due_before=due_before or "")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, access: StoreDep, q: Annotated[str, Query(max_length=1000)] = ""):
    """Full-text search over the stored documents."""
    hits: list[dict[str, Any]] = []
    if q.strip():
        with access.read() as con:
            hits = queries.search(con, q.strip(), limit=PAGE_SIZE)
    return render(request, "search.html", title="Search", q=q, hits=hits)


@router.get("/analyse", response_class=HTMLResponse)
def analyse_form(request: Request, access: StoreDep):
    """Paste or upload an article; the page posts it to /analyse and shows it as data."""
    return render(request, "analyse.html", title="Analyse", read_only=access.read_only)


@router.post("/analyse", response_class=HTMLResponse)
def analyse(request: Request, access: StoreDep, body: Annotated[Article, Body()],
            store: Annotated[bool, Query()] = False):
    """The Article view of a posted text (a fragment the Analyse page inserts); stored only
    with ``store=true``. Needs the server's token, like every POST."""
    result = analyse_articles(access, [body], store=store)
    record = result["records"][0]
    linked: dict[str, str] = {}
    if store:
        with access.read() as con:
            linked = queries.entity_actors(con, record["document"]["id"])
    return render(request, "_analysed.html", stored=result["stored"], added=result["added"],
                  **article_context(record, linked))

