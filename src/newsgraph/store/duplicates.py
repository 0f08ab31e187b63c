"""Near-duplicate articles in the store (wire copies, lightly edited reprints).

Each stored document keeps its MinHash signature and its LSH band keys
(``newsgraph.store.near_duplicates``). A new document's candidates are the stored documents that
share a band key (an indexed equality lookup, so the cost does not grow with the corpus);
those whose estimated Jaccard similarity reaches ``NEAR_DUPLICATE_THRESHOLD`` are linked to it
in ``near_duplicates`` (the new document, the earlier one, the similarity). Exact copies never
get here: the content hash stops them first.
"""
from __future__ import annotations

from .near_duplicates import NEAR_DUPLICATE_THRESHOLD, band_keys, signature, similarity

DDL = """
CREATE TABLE document_signatures (doc_id VARCHAR PRIMARY KEY, minhash BIGINT[] NOT NULL);
CREATE TABLE document_bands (band_key VARCHAR NOT NULL, doc_id VARCHAR NOT NULL);
CREATE INDEX document_bands_by_key ON document_bands (band_key);
CREATE TABLE near_duplicates (
    doc_id VARCHAR NOT NULL, duplicate_of VARCHAR NOT NULL, similarity DOUBLE PRECISION);
"""


def link(con, doc_id: str, text: str) -> list[tuple[str, float]]:
    """Store DOC_ID's signature and link it to the stored near duplicates of TEXT (inside the
    caller's transaction); returns [(earlier doc id, similarity)]."""
    try:
        sig = signature(text)
    except ValueError:  # no words at all: nothing to compare
        return []
    keys = band_keys(sig)
    found = []
    for other, other_sig in con.execute(
            "SELECT s.doc_id, s.minhash FROM document_signatures s WHERE s.doc_id IN"
            " (SELECT b.doc_id FROM document_bands b WHERE b.band_key = ANY(CAST(? AS VARCHAR[])))"
            " ORDER BY s.doc_id", [keys]).fetchall():
        score = similarity(sig, list(other_sig))
        if score >= NEAR_DUPLICATE_THRESHOLD and other != doc_id:
            found.append((other, round(score, 4)))
    con.execute("INSERT INTO document_signatures VALUES (?, ?)", [doc_id, sig])
    con.executemany("INSERT INTO document_bands VALUES (?, ?)", [(key, doc_id) for key in keys])
    if found:
        con.executemany("INSERT INTO near_duplicates VALUES (?, ?, ?)",
                        [(doc_id, other, score) for other, score in found])
    return found


def create(con) -> None:
    """Migration to schema v3: the tables, then every stored document in ingest order."""
    for statement in DDL.split(";"):
        if statement.strip():
            con.execute(statement)
    for doc_id, text in con.execute("SELECT id, text FROM documents ORDER BY ingested_at, id").fetchall():
        link(con, doc_id, text)
