"""Documents: a page of them, one record by id, full-text search, and analysing new text."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Query, Security

from ....store import queries
from ..analysing import analyse_articles
from ..errors import BODY_ERRORS, NOT_FOUND, ApiError
from ..models import DocumentSummary, ErrorBody, Page, SearchHit
from ..params import DEFAULT_LIMIT, NOT_BLANK, Limit, Offset, Since, StoreDep, Until, bearer, date_range, page
from ..records import AnalyzeRequest, AnalyzeResponse, Record, articles

router = APIRouter(tags=["documents"])

IncludeText = Annotated[bool, Query(description="Include the document's full text.")]


@router.get("/documents", response_model=Page[DocumentSummary], summary="Documents, newest first")
def list_documents(access: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                   since: Since = None, until: Until = None):
    """Stored documents (no text), newest first, optionally published between two days."""
    date_range(since, until)
    with access.read() as con:
        total = queries.count_documents(con, since, until)
        items = queries.list_documents(con, limit, offset, since, until)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/documents/{doc_id}", response_model=Record, response_model_exclude_unset=True,
            summary="One stored record", responses=NOT_FOUND)
def get_document(doc_id: Annotated[str, Path(description="Id, id prefix, your own id or content hash.")],
                 access: StoreDep, include_text: IncludeText = True):
    """The stored analysis record of a document: by id, id prefix, your own id or content hash."""
    with access.read() as con:
        record = queries.record(con, doc_id)
    if record is None:
        raise ApiError(404, f"{doc_id}: no such document")
    if not include_text:
        record["document"].pop("text", None)
    return record


@router.get("/search", response_model=Page[SearchHit], summary="Full-text search")
def search(q: Annotated[str, Query(min_length=1, max_length=1000, pattern=NOT_BLANK,
                                   description="Text to find (case-insensitive).")],
           access: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    """Documents whose text contains Q, newest first, with a snippet around the first hit."""
    with access.read() as con:
        found = queries.search(con, q)
    return page(found, limit, offset)


@router.post("/analyze", response_model=AnalyzeResponse, response_model_exclude_unset=True,
             dependencies=[Security(bearer)],
             summary="Analyse one article or a batch",
             responses={**BODY_ERRORS,
                        403: {"model": ErrorBody, "description": "?store=true on a read-only server"},
                        503: {"model": ErrorBody, "description": "The store cannot be written now"}})
def analyze(body: Annotated[AnalyzeRequest, Body(description="One article, or a batch of them.")],
            access: StoreDep,
            store: Annotated[bool, Query(description="Also store the documents (a writable server).")] = False,
            include_text: IncludeText = True):
    """Analyse the text (plain or HTML) and return its records; nothing is stored unless
    ``store=true``. Documents already stored are analysed again but not stored twice."""
    return analyse_articles(access, articles(body), store=store, include_text=include_text)
