"""An analysis record as the Article page shows it: the text cut into segments, each carrying
the records whose evidence covers it, and the side panel's items pointing back at them.

Every annotation with a character span becomes a *mark* with a reference (``ent-3``, ``q-q1``,
``ev-2``...). The text is cut at every mark boundary (a sweep over the sorted boundaries, so
nested and overlapping spans both work); a segment lists the references of the marks covering
it, which is what the page's script looks up when a record is clicked.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SPEAKER_COLOURS = 8  # quote colours cycle through this many classes (spk-0 ... spk-7)


@dataclass(frozen=True)
class Mark:
    """One annotation's span in the text: ``ref`` names its record, ``css`` its look."""

    start: int
    end: int
    ref: str
    css: str


@dataclass
class Segment:
    text: str
    refs: list[str] = field(default_factory=list)
    css: list[str] = field(default_factory=list)


def _span(item: dict[str, Any]) -> tuple[int, int] | None:
    evidence = item.get("evidence") if isinstance(item.get("evidence"), dict) else item
    start, end = evidence.get("start"), evidence.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        return start, end
    return None


def speaker_colours(record: dict[str, Any]) -> dict[str, int]:
    """A colour number for each quote speaker, in order of first quote (unattributed: none)."""
    colours: dict[str, int] = {}
    for quote in record.get("quotes") or []:
        speaker = quote.get("speaker")
        if speaker and speaker not in colours:
            colours[speaker] = len(colours) % SPEAKER_COLOURS
    return colours


def marks(record: dict[str, Any]) -> list[Mark]:
    """Every span of RECORD as a mark: entity mentions, quotes (coloured by speaker), events,
    relations, commitment claims, time expressions and quantities."""
    found: list[Mark] = []

    def add(item: dict[str, Any], ref: str, css: str) -> None:
        span = _span(item)
        if span:
            found.append(Mark(span[0], span[1], ref, css))

    for i, entity in enumerate(record.get("entities") or []):
        for mention in entity.get("mentions") or []:
            add(mention, f"ent-{i}", f"ent ent-{(entity.get('type') or 'X').lower()}")
    colours = speaker_colours(record)
    for quote in record.get("quotes") or []:
        colour = colours.get(quote.get("speaker") or "")
        add(quote, f"q-{quote.get('id')}", "quote" + (f" spk-{colour}" if colour is not None else " spk-none"))
    for i, event in enumerate(record.get("events") or []):
        add(event, f"ev-{i}", "event")
    for i, relation in enumerate(record.get("relations") or []):
        add(relation, f"rel-{i}", "relation")
    for i, commitment in enumerate(record.get("commitments") or []):
        for j, claim in enumerate(commitment.get("status_claims") or []):
            add(claim, f"cm-{i}-{j}", "commitment")
    for i, timex in enumerate(record.get("timexes") or []):
        add(timex, f"tx-{i}", "timex")
    for i, quantity in enumerate(record.get("quantities") or []):
        add(quantity, f"qty-{i}", "quantity")
    return found


def segments(text: str, found: list[Mark]) -> list[Segment]:
    """TEXT cut at every boundary of FOUND; each segment with the marks covering it."""
    size = len(text)
    cuts = sorted({0, size} | {min(max(m.start, 0), size) for m in found}
                  | {min(max(m.end, 0), size) for m in found})
    starting: dict[int, list[Mark]] = {}
    for mark in found:
        starting.setdefault(mark.start, []).append(mark)
    active: list[Mark] = []
    out: list[Segment] = []
    for left, right in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > left] + starting.get(left, [])
        covering = sorted(active, key=lambda m: (m.start, -m.end, m.ref))
        out.append(Segment(text[left:right], [m.ref for m in covering],
                           sorted({c for m in covering for c in m.css.split()})))
    return out
