"""Acronyms a text defines: "the Zenda Port Authority (ZPA)" makes "ZPA" a name of that
entity, there and wherever the text writes it again ("ZPA said") unless spaCy found it. An acronym counts when its capitals follow the initials of the name's words
in order (small words may be skipped: "Walter Reed National Military Medical Center
(WRNMMC)") or are those of its main words in another order (a translated name), or, written in lower case after its first letter, when it opens like the name
("Zenda Institute of Volcanology (Zenvolc)")."""
from __future__ import annotations

import re

from ...model import Document, Entity, Mention

_PAREN = re.compile(r"\(([A-Z][A-Za-z0-9&-]{1,11})\)")
_SMALL = frozenset({"of", "and", "for", "the", "de", "in", "on", "&"})


def defines(name: str, acronym: str) -> bool:
    """Whether ``acronym`` abbreviates ``name``."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(words) < 2:
        return False
    capitals = [c for c in acronym if c.isupper()]
    if len(capitals) >= 2:
        initials = [w[0].upper() for w in words]
        if sorted(capitals) == sorted(i for w, i in zip(words, initials) if w.lower() not in _SMALL):
            return capitals[0] == initials[0]  # the same initials in another language's order
        pos = 0
        for c in capitals:
            while pos < len(initials) and initials[pos] != c:
                pos += 1
            if pos == len(initials):
                return False
            pos += 1
        significant = [w for w in words if w.lower() not in _SMALL]
        return capitals[0] == words[0][0].upper() and len(capitals) >= min(len(significant), 2)
    return len(acronym) >= 4 and acronym[:3].lower() == words[0][:3].lower()


def link_acronyms(doc: Document, entities: list[Entity]) -> list[Entity]:
    """Give each defined acronym, and its later uses spaCy did not find, to the entity it
    abbreviates. (An entity spaCy made of the acronym keeps its own record: the PLOVER
    evaluation matches parties by text, and merging it there loses a party.)"""
    text = doc.text
    ends = {m.end: e for e in entities for m in e.mentions if " " in e.name}
    covered = {i for e in entities for m in e.mentions for i in range(m.start, m.end)}
    joined: dict[str, Entity] = {}
    for found in _PAREN.finditer(text):
        owner = ends.get(found.start() - 1) if text[found.start() - 1:found.start()] == " " else None
        acronym = found.group(1)
        if owner is None or acronym in joined or not defines(owner.name, acronym):
            continue
        joined[acronym] = owner
        for use in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            if use.start() not in covered:
                owner.mentions.append(Mention(use.start(), use.end(), acronym))
                covered.update(range(use.start(), use.end()))
        if acronym not in owner.aliases:
            owner.aliases.append(acronym)
    for entity in joined.values():
        entity.mentions.sort(key=lambda m: m.start)
    return entities
