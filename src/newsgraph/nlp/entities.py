"""Named entities: spaCy NER spans grouped into one Entity per name, with every mention.

This is the plain layer that the actor knowledge base refines (canonical names, codes,
coreference). Surname-only mentions of a person join the full name written elsewhere in
the document; header people (the masthead's editor) become PERSON entities with a role; a
name in apposition to a role noun that the recogniser missed ("the chancellor, Ada Lind") is
a PERSON.
"""
from __future__ import annotations

import re

from ..model import Document, Entity, Mention
from ..pipeline import Stage
from .common.people import PERSON_NOUNS
from .common.words import lemma
from .entity_filters import keep_entities

# NER labels that name actors, places and things; numbers and times belong to other stages.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING = re.compile(r"(?:['’]s|['’])$")
_SLUG = re.compile(r"[^a-z0-9]+")
# Labels a one-word name may carry and still be a person's surname or given name.
FOLDABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "LAW"})
_SURNAME_PAIR = re.compile(r"([A-Z][\w'’-]+) (?:and|&) ([A-Z][\w'’-]+)")
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
        from .actors.acronyms import link_acronyms  # the actors package imports this module
        from .actors.spans import join_name_pieces, split_span
        from .actors.things import split_things
        from .actors.types import known_place, retype

        by_key: dict[tuple[str, str], Entity] = {}
        for person in doc.people:
            key = ("PERSON", person.name.lower())
            start = doc.text.find(person.name)
            mentions = [Mention(start, start + len(person.name), person.name)] if start >= 0 else []
            by_key[key] = Entity(entity_id("PERSON", person.name), person.name, "PERSON", mentions,
                                 roles=[person.role] if person.role else [])
        header_spans = {(m.start, m.end) for e in by_key.values() for m in e.mentions}
        ner = [(s.start_char, s.end_char, s.label_) for s in doc.nlp.ents]
        ner = sorted(ner + role_apposition_names(doc.nlp, ner))
        for start, end, span_label in join_name_pieces(doc.text, join_state_and_body(doc.text, ner)):
            if span_label not in ENTITY_LABELS:
                continue
            if any(s <= start < e for s, e in header_spans):
                continue
            end = _open_paren_end(doc.text[start:end], start, end)
            for a, b, label in split_span(doc.text[start:end], span_label):
                self._add(doc, by_key, start + a, start + b, label)
        entities = [e for e in unify_labels(list(by_key.values())) if _named_in_body(e, doc.body_start)]
        entities = merge_surnames(link_acronyms(doc, entities), lambda e: known_place(doc, e))
        doc.entities = keep_entities(doc, split_things(doc, retype(doc, entities)))

    @staticmethod
    def _add(doc: Document, by_key: dict, start: int, end: int, label: str) -> None:
        """A mention of the text's [start, end) under its name and label."""
        name = normal_name(doc.text[start:end])
        if not name or name in TIME_ZONES:
            return
        if _is_dateline_city(doc, start, name):
            label, name = "GPE", doc.dateline_city  # "KABUL, March 2 -" is a place
        key = (label, name.lower())
        entity = by_key.get(key)
        if entity is None:
            entity = by_key[key] = Entity(entity_id(label, name), name, label)
        entity.mentions.append(Mention(start, end, doc.text[start:end]))


def role_apposition_names(sdoc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """PERSON spans for names of two to four capitalised words in apposition to a role noun
    ("University X's chancellor, Ada Lind"; "its leader, Ivo Marrow") that no span of
    ``spans`` touches: the role says the name is a person's, whatever the recogniser missed."""
    out = []
    for tok in sdoc:
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or lemma(tok.head) not in PERSON_NOUNS:
            continue
        first = tok.i
        while first > 0 and sdoc[first - 1].head.i in range(first, tok.i + 1) and \
                sdoc[first - 1].dep_ in ("compound", "flat") and sdoc[first - 1].pos_ == "PROPN":
            first -= 1
        words = sdoc[first:tok.i + 1]
        if not 2 <= len(words) <= 4 or not all(
                w.text[:1].isupper() and w.text.replace("-", "").replace("'", "").isalpha()
                for w in words):
            continue
        start, end = words.start_char, words.end_char
        if not any(s < end and start < e for s, e, _ in spans):
            out.append((start, end, "PERSON"))
    return out


def join_state_and_body(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """NER spans ``(start, end, label)`` with a place spaCy cut off the organisation it names
    joined to it: "United States" GPE + "House of Representatives" ORG, or + "Marines" (a
    force spaCy calls NORP), is one ORG name (gold marks no nested names: "US Air Force" is
    one ORG mention)."""
    from .actors.kb import words

    forces = {w.lower() for w in words()["military_heads"]}
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        body = label == "ORG" or (label == "NORP" and text[start:end].lower() in forces)  # "US Marines"
        if out and body and out[-1][2] == "GPE" and text[out[-1][1]:start] == " " \
                and not text[out[-1][0]:out[-1][1]].endswith(("'", "’", "'s", "’s")):
            out[-1] = (out[-1][0], end, "ORG")
            continue
        out.append((start, end, label))
    return out


def _open_paren_end(text: str, start: int, end: int) -> int:
    """The end of a span without an unclosed parenthesis spaCy took in: "the Zenda Port
    Authority (ZPA" -> "the Zenda Port Authority" (the acronym is linked later)."""
    cut = text.rfind("(")
    if cut > 0 and ")" not in text[cut:]:
        return start + len(text[:cut].rstrip())
    return end


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


def unify_labels(entities: list[Entity]) -> list[Entity]:
    """One entity per name: spaCy labels the same name differently from one sentence to the
    next ("Omsk" ORG, then GPE). The label of most mentions wins, ties the earliest; names
    with a role (header people) keep theirs."""
    by_name: dict[str, list[Entity]] = {}
    for entity in entities:
        by_name.setdefault(entity.name.lower(), []).append(entity)
    kept = []
    for entity in entities:
        group = by_name[entity.name.lower()]
        if len(group) == 1 or any(e.roles for e in group):
            kept.append(entity)
            continue
        if entity is not group[0]:
            continue
        best = max(group, key=lambda e: (_votes(e), -min(m.start for m in e.mentions)))
        merged = Entity(entity_id(best.type, best.name), best.name, best.type,
                        sorted((m for e in group for m in e.mentions), key=lambda m: m.start))
        kept.append(merged)
    return kept


def _votes(entity: Entity) -> float:
    """Mentions as votes for a label; PERSON, spaCy's usual mistake for a one-word name that
    is no surname ("Twitter", "Ryanair"), counts half."""
    return len(entity.mentions) * (0.5 if entity.type == "PERSON" and " " not in entity.name else 1)


def _first_start(entity: Entity) -> int:
    return min((m.start for m in entity.mentions), default=1 << 30)


def merge_surnames(entities: list[Entity], is_place=lambda entity: False) -> list[Entity]:
    """Fold a one-word name into the full PERSON name it is part of: a surname ("Kabulov";
    with two people of that surname, the one named first, the article's subject) or the given
    name of a single person ("Ada" for Ada Lind). spaCy types a lone surname anything ("Trump"
    ORG, "Mendez" GPE); an entity ``is_place`` says is a known place is none. Two surnames
    spaCy ran together ("Lind and Berg's" as one ORG) go to their two people."""
    people = sorted((e for e in entities if e.type == "PERSON" and " " in e.name and e.mentions),
                    key=_first_start)

    from .actors.gazetteer import fold

    def owner_of(name: str, typ: str) -> Entity | None:
        key = fold(name)  # "Brudzinski" is Jan Brudziński written without the accent
        owners = [p for p in people if fold(p.name.split()[-1]) == key]
        if not owners and typ in ("PERSON", "ORG", "NORP", "PRODUCT"):
            owners = [p for p in people if fold(p.name.split()[0]) == key]
            owners = owners if len(owners) == 1 else []
        return owners[0] if owners else None

    kept = []
    for entity in entities:
        foldable = (not entity.roles and not entity.kb_id and entity.type in FOLDABLE
                    and entity.name[:1].isupper() and not is_place(entity))
        owner = owner_of(entity.name, entity.type) if foldable and " " not in entity.name else None
        if owner is not None:
            owner.mentions.extend(entity.mentions)
            owner.aliases.append(entity.name)
            continue
        pair = _SURNAME_PAIR.fullmatch(entity.name) if foldable else None
        owners = [owner_of(n, "PERSON") for n in pair.groups()] if pair else []
        if owners and all(owners) and owners[0] is not owners[1]:
            for m in entity.mentions:
                for n, o in zip(pair.groups(), owners):
                    at = m.text.find(n)
                    if at >= 0:
                        o.mentions.append(Mention(m.start + at, m.start + at + len(n), n))
            continue
        kept.append(entity)
    for entity in kept:
        entity.mentions.sort(key=lambda m: m.start)
    return kept
