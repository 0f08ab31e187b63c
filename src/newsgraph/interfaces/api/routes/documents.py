"""Documents: a page of them, one record by id, full-text search, and analysing new text."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Query, Security

from ....errors import NewsgraphError
from ....ingest.readers import IngestOptions, from_record
from ....model import Document
from ....record import to_record
from ....store import queries
from ..errors import BODY_ERRORS, NOT_FOUND, ApiError
from ..models import DocumentSummary, ErrorBody, Page, SearchHit
from ..params import DEFAULT_LIMIT, NOT_BLANK, Limit, Offset, Since, StoreDep, Until, bearer, date_range, page
from ..records import AnalyzeRequest, AnalyzeResponse, Article, Record, articles

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


def _document(article: Article, number: int) -> Document:
    row = {"text": article.text, "title": article.title, "url": article.url, "source": article.source,
           "published": article.published.isoformat() if article.published else None, "id": article.id}
    doc = from_record(row, f"documents[{number}]", IngestOptions())
    doc.source = article.source  # not the position in the request
    return doc


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
    if store and access.read_only:
        raise ApiError(403, "this server is read-only (started with --read-only): nothing is stored")
    docs = [_document(article, i) for i, article in enumerate(articles(body))]
    from ....analysis import analyze_many
    from ....ingest.run import analysis_failure

    with access.analysis:
        analysed = list(analyze_many(docs))
    if len(analysed) != len(docs):
        raise NewsgraphError("the pipeline returned fewer documents than it was given")
    added = 0
    # a document not analysed (over its budget, not parsed) is never stored: its record's
    # errors say why, and storing it would make a later ingest skip it as already stored
    failed = sum(1 for doc in analysed if analysis_failure(doc) is not None)
    if store:
        with access.write() as writer:
            added = sum(1 for doc in analysed if analysis_failure(doc) is None and writer.add(doc))
    records = [to_record(doc) for doc in analysed]
    if not include_text:
        for record in records:
            record["document"].pop("text", None)
    return {"records": records, "stored": store, "added": added,
            "already_stored": len(analysed) - failed - added if store else 0}
