"""Restrictions on a population (lockdowns, curfews, states of emergency): the recipient is
the population of the authority's jurisdiction, named by the place it governs.

"The mayor of Zenda extended the city lockdown", "the parliament voted to extend the
national state of emergency", "the governor declared a state of emergency for the state":
the text names the place once, as the authority's own (a state acting, a person's office),
and the restriction only by a jurisdiction noun ("city", "national", "the state") or not
at all. An explicit recipient that is a named party ("a curfew on Mecca and Medina") stays.
"""
from __future__ import annotations

from typing import Any

from ...model import Document, Entity

# COERCE modes that restrict a population rather than a party.
POPULATION_MODES = frozenset({"restrict", "curfew", "martial-law"})
# Nouns that stand for the jurisdiction itself ("for the state", "across the country").
JURISDICTION_NOUNS = frozenset({"state", "city", "country", "nation", "province", "region",
                                "county", "town", "territory", "capital", "island", "islands"})
_PLACE_TYPES = frozenset({"GPE"})


def _jurisdiction(by_id: dict[str, Entity], actor: dict[str, Any]) -> Entity | None:
    """The place an actor governs: the actor itself when it is a state or place, else the
    place a person's office belongs to (``affiliation``)."""
    ent = by_id.get(actor.get("entity"))
    if ent is None:
        return None
    if ent.type in _PLACE_TYPES:
        return ent
    place = by_id.get(ent.affiliation) if ent.type == "PERSON" and ent.affiliation else None
    return place if place is not None and place.type in _PLACE_TYPES else None


def _bare_jurisdiction(item: dict[str, Any]) -> bool:
    words = (item.get("text") or "").lower().split()
    return item.get("entity") is None and bool(words) and words[-1] in JURISDICTION_NOUNS \
        and len(words) <= 2


def population_recipients(doc: Document, etype: str, mode: str | None, actors: list,
                          recipients: list, before: int) -> list:
    """``recipients`` of a restriction, with the jurisdiction of its actors when the text
    names no party as its target (nothing, or only "the state"/"the city")."""
    if etype != "COERCE" or mode not in POPULATION_MODES:
        return recipients
    if any(not _bare_jurisdiction(r) for r in recipients):
        return recipients
    out: list[dict[str, Any]] = []
    by_id = {e.id: e for e in doc.entities}
    for actor in actors:
        place = _jurisdiction(by_id, actor)
        if place is None or any(r["entity"] == place.id for r in out):
            continue
        named = [m for m in place.mentions if m.text[:1].isupper()]
        prior = [m for m in named if m.end <= before] or named
        if not prior:
            continue
        m = prior[-1]
        out.append({"entity": place.id, "name": place.name, "code": place.code,
                    "text": m.text, "start": m.start, "end": m.end})
    return out or recipients
