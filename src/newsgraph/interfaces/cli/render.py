"""Human-readable rendering of an analysis record for the terminal."""
from __future__ import annotations

from typing import Any


def _section(title: str, rows: list[str]) -> list[str]:
    if not rows:
        return []
    return [f"{title} ({len(rows)})", *(f"  {row}" for row in rows)]


def _short(text: str, width: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _names(parties: list[dict[str, Any]]) -> str:
    return ", ".join(str(p.get("name") or p.get("entity")) for p in parties)


def render_table(record: dict[str, Any], text: str = "") -> str:
    """A compact summary: document facts, then one line per entity, timex, quantity, quote,
    event, relation and commitment."""
    doc = record["document"]
    people = ", ".join(f"{p['name']} ({p['role']})" if p.get("role") else p["name"]
                       for p in doc.get("people", []))
    lines = [
        f"document  {doc['id']}  {doc.get('published') or 'date unknown'}  genre {doc.get('genre')}",
        f"title     {doc.get('title') or '-'}",
        f"source    {doc.get('source') or '-'}",
    ]
    if people:
        lines.append(f"people    {people}")
    if doc.get("authors"):
        lines.append(f"authors   {', '.join(doc['authors'])}")
    lines += _section("entities", [
        f"{e['type']:<7} {e['name']}" + (f"  [{', '.join(e['roles'])}]" if e.get("roles") else "")
        + f"  x{len(e['mentions'])}" for e in record.get("entities", [])])
    lines += _section("timexes", [
        f"{t['type']:<8} {t['value'] or '?':<12} {t['text']!r} @{t['start']}"
        for t in record.get("timexes", [])])
    lines += _section("quantities", [
        f"{q['value']:>12,.10g} {q.get('unit') or '':<12}"
        + (" approx" if q.get("approximate") else "       ")
        + (f"  of {q['of']}" if q.get("of") else "") + f"  {q['text']!r}"
        for q in record.get("quantities", [])])
    lines += _section("quotes", [
        f"{q['kind']:<8} {q.get('speaker_name') or q.get('speaker_text') or '?'}"
        f" ({q.get('cue') or '-'}): {_short(q['text'])}" for q in record.get("quotes", [])])
    lines += _section("events", [
        f"{e['event']:<9} {_names(e['actor']) or '-'} -> {_names(e['recipient']) or '-'}"
        f"  [{e['factuality']}{', ' + e['date'] if e.get('date') else ''}"
        f"{', per ' + str(e['attributed_to']) if e.get('attributed_to') else ''}]  {e['event_text']!r}"
        for e in record.get("events", [])])
    lines += _section("relations", [
        f"{r.get('subject_name') or r['subject']} {r['predicate']} {r.get('object_name') or r['object']}"
        f"  [{r['factuality']}, per {r.get('attributed_to_name') or r.get('attributed_to') or 'author'}]"
        for r in record.get("relations", [])])
    lines += _section("commitments", [
        f"{c.get('party_name') or c['party']}: {c['action']} by {c.get('deadline') or '?'}"
        + (f" if {_short(c['condition'])}" if c.get("condition") else "")
        + "".join(f"; {s['status']} per {s.get('claimed_by') or 'author'}" for s in c.get("status_claims", []))
        for c in record.get("commitments", [])])
    lines += _section("stage errors", [f"{e['stage']}: {e['message']}" for e in record.get("errors", [])])
    return "\n".join(lines) + "\n"
