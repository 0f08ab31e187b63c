"""Claims and commitments merged across documents: pure functions over analysis records
(``claims.py`` chooses the records in SQL, then calls these).

* ``commitment_timeline(records)`` merges the commitments of several records (same agreement
  parties, same party, same action) and lists every status claim from every document in date
  order with its source; nothing is overwritten, each piece of evidence stays.
* ``list_commitments(records, due_before=None, party=None)`` filters that timeline.
* ``claims_about(records, actor)`` lists the relations in which an actor is subject, object
  or source.

Records are the dicts of ``model.to_record`` (see docs/record.md and docs/claims.md).
"""
from __future__ import annotations

import re
from typing import Any

_AGREEMENT_KEY = re.compile(r"^(?P<parties>.*?)\s*(?:peace\s+)?agreement(?:\s+(?P<date>\d{4}(?:-\d{2})?))?$")


def _doc_info(record: dict) -> tuple[str, str | None, str]:
    doc = record.get("document") or {}
    return str(doc.get("id") or ""), doc.get("published"), doc.get("text") or ""


def _agreement_key(c: dict) -> tuple:
    """Agreements match on their parties (ids, order-free); failing that, on the id's parties."""
    parties = c.get("agreement_parties") or []
    if parties:
        return ("parties", tuple(sorted(parties)))
    name = c.get("agreement") or ""
    m = _AGREEMENT_KEY.match(name)
    if m and m.group("parties"):
        return ("named", tuple(sorted(m.group("parties").split("–"))))
    return ("none", name)


def _sort_date(value: str | None) -> str:
    """TIMEX3 dates sort as strings once the unknown ones go last."""
    return value if value and value[:1].isdigit() else "9999"


def commitment_timeline(records: list[dict]) -> list[dict]:
    """Each distinct commitment once, with the documents that state it and every status
    claim from every document, ordered by date (then document, then position)."""
    merged: dict[tuple, dict[str, Any]] = {}
    for record in records:
        doc_id, published, text = _doc_info(record)
        for c in record.get("commitments") or []:
            key = (_agreement_key(c), c.get("party"), c.get("action"))
            item = merged.get(key)
            if item is None:
                item = merged[key] = {
                    "party": c.get("party"), "party_name": c.get("party_name"),
                    "action": c.get("action"), "action_text": c.get("action_text"),
                    "agreement": c.get("agreement"), "agreement_date": c.get("agreement_date"),
                    "agreement_parties": list(c.get("agreement_parties") or []),
                    "deadline": c.get("deadline"), "deadlines": [], "condition": c.get("condition"),
                    "conditions": [], "sources": [], "status_claims": []}
            item["agreement_date"] = item["agreement_date"] or c.get("agreement_date")
            item["party_name"] = item["party_name"] or c.get("party_name")
            if c.get("deadline") and c["deadline"] not in [d["deadline"] for d in item["deadlines"]]:
                item["deadlines"].append({"deadline": c["deadline"], "document": doc_id, "date": published})
                item["deadline"] = item["deadline"] or c["deadline"]
            if c.get("condition") and c["condition"] not in [d["condition"] for d in item["conditions"]]:
                item["conditions"].append({"condition": c["condition"], "document": doc_id})
                item["condition"] = item["condition"] or c["condition"]
            item["sources"].append({"document": doc_id, "published": published,
                                    "stated_by": c.get("stated_by"), "evidence": c.get("evidence")})
            for claim in c.get("status_claims") or []:
                ev = claim.get("evidence") or {}
                entry = {"status": claim.get("status"), "date": claim.get("date") or published,
                         "document": doc_id, "published": published,
                         "claimed_by": claim.get("claimed_by"),
                         "claimed_by_all": list(claim.get("claimed_by_all") or [claim.get("claimed_by")]),
                         "evidence": dict(ev), "text": claim.get("text") or (
                             text[ev["start"]:ev["end"]] if text and "start" in ev else None)}
                if not any(e["document"] == doc_id and e["evidence"] == entry["evidence"]
                           and e["status"] == entry["status"] for e in item["status_claims"]):
                    item["status_claims"].append(entry)
    out = []
    for item in merged.values():
        item["status_claims"].sort(key=lambda e: (_sort_date(e["date"]), _sort_date(e["published"]),
                                                  e["document"], (e["evidence"] or {}).get("start", 0)))
        item["deadlines"].sort(key=lambda d: _sort_date(d["date"]))
        item["latest_status"] = item["status_claims"][-1]["status"] if item["status_claims"] else None
        out.append(item)
    out.sort(key=lambda i: (_sort_date(i["deadline"]), str(i["agreement"]), str(i["party"]), str(i["action"])))
    return out


def _actor_matches(value: str | None, actor: str, names: dict[str, set[str]]) -> bool:
    if not value:
        return False
    want = actor.lower()
    return value.lower() == want or want in names.get(value, set())


def _names(record: dict) -> dict[str, set[str]]:
    """Entity id -> lower-case names it goes by (name, aliases, kb id, code's actor)."""
    out: dict[str, set[str]] = {}
    for e in record.get("entities") or []:
        names = {str(e.get("name", "")).lower(), str(e.get("id", "")).lower()}
        names |= {str(a).lower() for a in e.get("aliases") or []}
        if e.get("kb_id"):
            names.add(str(e["kb_id"]).lower())
        if e.get("code"):
            names.add(str(e["code"]).split()[0].lower())
        out[e["id"]] = {n for n in names if n}
    return out


def claims_about(records: list[dict], actor: str) -> list[dict]:
    """Relations with ``actor`` (entity id, name, alias or KB id) as subject, object or source,
    each with its document, ordered by date."""
    out = []
    for record in records:
        doc_id, published, text = _doc_info(record)
        names = _names(record)
        for rel in record.get("relations") or []:
            roles = [r for r, key in (("subject", "subject"), ("object", "object"), ("source", "attributed_to"))
                     if _actor_matches(rel.get(key), actor, names)]
            roles += ["source"] if "source" not in roles and any(
                _actor_matches(a, actor, names) for a in rel.get("attributed_to_all") or []) else []
            if not roles:
                continue
            ev = rel.get("evidence") or {}
            out.append({**rel, "document": doc_id, "published": published, "as": roles,
                        "date": rel.get("date") or published,
                        "text": rel.get("text") or (text[ev["start"]:ev["end"]] if text and "start" in ev else None)})
    out.sort(key=lambda r: (_sort_date(r["date"]), r["document"], (r.get("evidence") or {}).get("start", 0)))
    return out


def _all_names(records: list[dict]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for record in records:
        for k, v in _names(record).items():
            names.setdefault(k, set()).update(v)
    return names


def _party_matches(c: dict, party: str, names: dict[str, set[str]]) -> bool:
    return (_actor_matches(c.get("party"), party, names)
            or (c.get("party_name") or "").lower() == party.lower())


def commitment_parties(records: list[dict], party: str) -> list[str]:
    """The party values (entity ids or names) of the records' commitments that PARTY names."""
    names = _all_names(records)
    return sorted({c["party"] for record in records for c in record.get("commitments") or []
                   if c.get("party") and _party_matches(c, party, names)})


def list_commitments(records: list[dict], due_before: str | None = None,
                     party: str | None = None) -> list[dict]:
    """The merged commitments, optionally those due before a date (a deadline whose first day
    is earlier: "2021-05" is due before "2021-05-02") and those of one party (id, name, KB id)."""
    names = _all_names(records)
    out = []
    for item in commitment_timeline(records):
        if due_before is not None:
            deadline = item.get("deadline")
            if not deadline or not deadline[:1].isdigit() or _first_day(deadline) >= due_before:
                continue
        if party is not None and not _party_matches(item, party, names):
            continue
        out.append(item)
    return out


def _first_day(value: str) -> str:
    """The first day of a TIMEX3 date: 2021 -> 2021-01-01, 2021-05 -> 2021-05-01."""
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    if re.match(r"^\d{4}-\d{2}$", value):
        return value + "-01"
    if re.match(r"^\d{4}$", value):
        return value + "-01-01"
    return value
