"""Named entities: spaCy NER spans grouped into one Entity per name, with every mention.

This is the plain layer that the actor knowledge base refines (canonical names, codes,
coreference). Surname-only mentions of a person join the full name written elsewhere in
the document; header people (the masthead's editor) become PERSON entities with a role.
"""
from __future__ import annotations

import re

from ..model import Document, Entity, Mention
from ..pipeline import Stage
from .entity_filters import keep_entities

# NER labels that name actors, places and things; numbers and times belong to other stages.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING = re.compile(r"(?:['’]s|['’])$")
_SLUG = re.compile(r"[^a-z0-9]+")
# Time-zone abbreviations spaCy often tags as ORG ("at 0600 UTC"); they name no actor.
TIME_ZONES = frozenset({"UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "CET",
                        "CEST", "BST", "IST", "JST", "AEST", "AEDT", "MSK", "EET", "EEST", "WIB"})


def normal_name(text: str) -> str:
    """The name as a key: no leading article, no possessive, single spaces."""
    name = _TRAILING.sub("", _LEADING.sub("", " ".join(text.split())))
    return name.strip(" .,;:\"“”‘’'")


def entity_id(label: str, name: str) -> str:
    """A stable id from type and name, so the same actor gets the same id in every document."""
    return f"{label.lower()}:{_SLUG.sub('-', name.lower()).strip('-')}"


class EntityStage(Stage):
    name = "entities.v1"
    requires = ("ner",)
    provides = ("entities",)

    def __call__(self, doc: Document) -> None:
        by_key: dict[tuple[str, str], Entity] = {}
        for person in doc.people:
            key = ("PERSON", person.name.lower())
            start = doc.text.find(person.name)
            mentions = [Mention(start, start + len(person.name), person.name)] if start >= 0 else []
            by_key[key] = Entity(entity_id("PERSON", person.name), person.name, "PERSON", mentions,
                                 roles=[person.role] if person.role else [])
        header_spans = {(m.start, m.end) for e in by_key.values() for m in e.mentions}
        for span in doc.nlp.ents:
            if span.label_ not in ENTITY_LABELS:
                continue
            if any(s <= span.start_char < e for s, e in header_spans):
                continue
            name = normal_name(span.text)
            if not name or name in TIME_ZONES:
                continue
            label = span.label_
            if _is_dateline_city(doc, span.start_char, name):
                label, name = "GPE", doc.dateline_city  # "KABUL, March 2 -" is a place
            key = (label, name.lower())
            entity = by_key.get(key)
            if entity is None:
                entity = by_key[key] = Entity(entity_id(label, name), name, label)
            entity.mentions.append(Mention(span.start_char, span.end_char, span.text))
        entities = [e for e in by_key.values() if _named_in_body(e, doc.body_start)]
        doc.entities = keep_entities(doc, merge_surnames(entities))


def _is_dateline_city(doc: Document, start: int, name: str) -> bool:
    """The city of a dateline opening the body ("KABUL, March 2 -"), which NER often takes
    for an organisation because it is written in capitals."""
    return (bool(doc.dateline_city) and name.lower() == doc.dateline_city.lower()
            and not doc.text[doc.body_start:start].strip())


def _named_in_body(entity: Entity, body_start: int) -> bool:
    """Title-case headlines fool NER ("Ceasefire Talks" as an ORG): a name seen only in the
    title is kept for people and places, dropped for organisations and the rest."""
    if entity.roles or entity.type in ("PERSON", "GPE", "NORP"):
        return True
    return any(m.start >= body_start for m in entity.mentions)


def merge_surnames(entities: list[Entity]) -> list[Entity]:
    """Fold a one-word name ("Kabulov") into the one full PERSON name ending with it; spaCy
    often types a lone surname ORG ("Trump said"), so ORG surnames fold in too."""
    people = [e for e in entities if e.type == "PERSON" and " " in e.name]
    kept = []
    for entity in entities:
        if (entity.type in ("PERSON", "ORG") and " " not in entity.name and not entity.roles
                and not entity.kb_id):
            owners = [p for p in people if p.name.split()[-1].lower() == entity.name.lower()]
            if len(owners) == 1:
                owners[0].mentions.extend(entity.mentions)
                owners[0].aliases.append(entity.name)
                continue
        kept.append(entity)
    for entity in kept:
        entity.mentions.sort(key=lambda m: m.start)
    return kept
