"""Human-readable rendering of an analysis record for the terminal."""
from __future__ import annotations

from typing import Any


def _section(title: str, rows: list[str]) -> list[str]:
    if not rows:
        return []
    return [f"{title} ({len(rows)})", *(f"  {row}" for row in rows)]


def render_table(record: dict[str, Any], text: str = "") -> str:
    """A compact summary: document facts, then one line per entity, timex and quantity."""
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
    lines += _section("stage errors", [f"{e['stage']}: {e['message']}" for e in record.get("errors", [])])
    return "\n".join(lines) + "\n"
