"""Claims (relations with who asserts them) and commitments across the store.

SQL chooses the stored records that can hold what is asked for; ``merge`` then matches actors
by every name the records give them and merges commitments across documents. A record can
only name an actor it holds as text, so the text prefilter drops no match.
"""
from __future__ import annotations

import json
from typing import Any

from .connection import rows
from .merge import claims_about, commitment_parties, list_commitments


def _records(con, table: str, containing: str | None = None,
             parties: list[str] | None = None) -> list[dict[str, Any]]:
    """Stored records with rows in TABLE, by date; optionally only those whose JSON holds the
    text CONTAINING (case-insensitive) or with a commitment by one of PARTIES."""
    assert table in ("relations", "commitments")  # a table name, never user input
    where, params = [f"id IN (SELECT doc_id FROM {table})"], {}
    if containing is not None:
        # As the record stores it: JSON-escaped (quotes, backslashes), non-ASCII as written.
        needle = json.dumps(containing.lower(), ensure_ascii=False)[1:-1]
        where.append("strpos(lower(CAST(record AS VARCHAR)), CAST($needle AS VARCHAR)) > 0")
        params["needle"] = needle
    if parties is not None:
        where.append("id IN (SELECT doc_id FROM commitments WHERE party = ANY(CAST($parties AS VARCHAR[])))")
        params["parties"] = parties
    found = rows(con, f"SELECT CAST(record AS VARCHAR) AS record FROM documents"
                      f" WHERE {' AND '.join(where)} ORDER BY published, id", params)
    return [json.loads(r["record"]) for r in found]


def claims(con, actor: str) -> list[dict[str, Any]]:
    """Relations with ACTOR (entity id, name, alias or KB id) as subject, object or source,
    each with its document, by date."""
    return claims_about(_records(con, "relations", containing=actor), actor)


def commitments(con, due_before: str | None = None, party: str | None = None) -> list[dict[str, Any]]:
    """Commitments merged across documents with their trail of status claims; optionally
    only those due before a day (YYYY-MM-DD) and those of one party (id, name or KB id)."""
    if party is None:
        return list_commitments(_records(con, "commitments"), due_before=due_before)
    # The records that name the party give its ids; every record with a commitment by one
    # of those ids then takes part in the merge, whatever name it uses.
    naming = _records(con, "commitments", containing=party)
    ids = commitment_parties(naming, party)
    if not ids:
        return []
    seen = {r["document"]["id"] for r in naming}
    records = naming + [r for r in _records(con, "commitments", parties=ids)
                        if r["document"]["id"] not in seen]
    records.sort(key=lambda r: (r["document"].get("published") or "\uffff", r["document"]["id"]))
    return list_commitments(records, due_before=due_before, party=party)
