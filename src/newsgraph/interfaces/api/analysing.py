"""Analysing posted articles, for POST /api/analyze and the web's Analyse page: the same
documents, the same pipeline, the same optional store."""
from __future__ import annotations

from typing import Any

from ...errors import NewsgraphError
from ...ingest.readers import IngestOptions, from_record
from ...ingest.run import analysis_failure
from ...model import Document
from ...record import to_record
from .access import StoreAccess
from .errors import ApiError
from .records import Article


def _document(article: Article, number: int) -> Document:
    row = {"text": article.text, "title": article.title, "url": article.url, "source": article.source,
           "published": article.published.isoformat() if article.published else None, "id": article.id}
    doc = from_record(row, f"documents[{number}]", IngestOptions())
    doc.source = article.source  # not the position in the request
    return doc


def analyse_articles(access: StoreAccess, posted: list[Article], store: bool = False,
                     include_text: bool = True) -> dict[str, Any]:
    """Analyse POSTED and return ``{records, stored, added, already_stored}``; the documents
    are stored only when STORE (403 on a read-only server). Documents already stored are
    analysed again but not stored twice."""
    if store and access.read_only:
        raise ApiError(403, "this server is read-only (started with --read-only): nothing is stored")
    docs = [_document(article, i) for i, article in enumerate(posted)]
    from ...analysis import analyze_many  # loads spaCy: only when something is analysed

    with access.analysis:
        analysed = list(analyze_many(docs))
    if len(analysed) != len(docs):
        raise NewsgraphError("the pipeline returned fewer documents than it was given")
    added = 0
    # A document not analysed (over its budget, not parsed) is never stored: its record's
    # errors say why, and storing it would make a later ingest skip it as already stored.
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
