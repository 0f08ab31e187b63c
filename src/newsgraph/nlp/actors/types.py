"""Entity types corrected from the name itself, an offline gazetteer and the words around a
mention, for the entities the knowledge base does not know (``entities.v1`` calls
``retype`` before its filters; see docs/actors.md, "Types").

In order, for an entity without a knowledge-base id or role:

* a vessel named after a vessel noun ("the dive boat Marigold", "The ship, Marigold,") is no
  entity (vehicles and ships are not annotated);
* a name every mention of which stands before "and <Name> Party/Parties" ("the Zenda and
  Kessel parties") is a party, ORG;
* a continent, pole or large region ("Antarctica", "Patagonia") is LOC;
* the head of the name (its last word, or the word before "of"/"for") says FAC ("Zenda
  General Hospital", "Kessel Avenue", "RAF Zenda"), ORG ("the Zenda Rowing Club", "Band of
  Renown"), LOC ("Kessel Island") or GPE ("Zenda County");
* a common noun next to a mention says LOC ("the island of Kessel"), GPE ("the town of
  Zenda", "east of Zenda"), ORG ("the band Kessel", "the broadcaster Zenda", not for a name
  like a person's or a known place) or FAC ("the Kessel gas pipeline"); a country or state
  stays GPE;
* a known place of the gazetteer (``gazetteer.py``) that spaCy called an organisation, a
  product, a facility or a people is GPE; one it called a person is GPE only when a mention
  is followed by ", <a state or country>" ("Zenda Falls, Wisconsin") or the place has a
  million people;
* a name of two or three capitalised words opening with a common given name, with no such
  head, is PERSON ("Nikos Dendrinos" tagged ORG);
* last, a PERSON or ORG name listed only with places ("Zenda, Kessel, Varna and Lorn") is
  GPE (``listed_places``).
"""
from __future__ import annotations

import functools
import re
from importlib import resources

import yaml

from ...model import Document, Entity
from .gazetteer import BIG, is_place

_SMALL = frozenset({"of", "for", "and", "the", "de", "del", "la", "in", "on"})
_ATTACHERS = frozenset({"of", "for"})
_CENTRES = frozenset({"center", "centre"})
_WORD = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$")
# Labels a type rule may overrule (types the knowledge base fixed are left alone).
_FROM_ANY = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "LAW"})
_TO_GPE = frozenset({"ORG", "PRODUCT", "FAC", "NORP", "LOC", "EVENT", "LAW"})
_TO_PERSON = frozenset({"ORG", "GPE", "FAC", "LOC", "PRODUCT"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "across", "throughout", "from"})


@functools.lru_cache(maxsize=1)
def type_words() -> dict[str, frozenset[str]]:
    """The lists of ``data/actor_types.yaml`` as sets, plus the gendered given names of
    ``data/actor_words.yaml``."""
    text = resources.files("newsgraph.data").joinpath("actor_types.yaml").read_text(encoding="utf-8")
    data = {key: frozenset(str(w).lower() for w in words) for key, words in yaml.safe_load(text).items()}
    from .kb import words

    gender = words()["gender"]
    data["given_names"] = data["given_names"] | set(gender["male_names"]) | set(gender["female_names"])
    return data


def known_place(doc: Document, entity: Entity) -> bool:
    """A place by its name and use, so that it is no surname: a country or state, or a known
    place typed GPE/LOC/NORP that a mention shows as a place ("in Allen", "Allen, Texas");
    "Allen said" may be the police chief Greg Allen."""
    if is_place(entity.name, BIG):
        return True
    return entity.type in ("GPE", "LOC", "NORP") and is_place(entity.name) and _locative(doc, entity)


def head_of(name: str) -> tuple[str, str]:
    """The head of a name and the word before it: the last word, or the word before the
    first "of"/"for" ("University of Zenda" -> "university")."""
    words = name.lower().split()
    for i, w in enumerate(words[1:], 1):
        if w in _ATTACHERS:
            return words[i - 1], words[i - 2] if i >= 2 else ""
    return (words[-1], words[-2] if len(words) > 1 else "") if words else ("", "")


def type_by_head(name: str, words: dict) -> str | None:
    """FAC, ORG, LOC or GPE from the head (or opener) of a name of two or more words."""
    parts = name.lower().split()
    if len(parts) < 2:
        return None
    head, before = head_of(name)
    last = parts[-1]
    if parts[0] in words["fac_openers"] or last in words["fac_heads"] or head in words["fac_heads"]:
        return "FAC"
    if last in _CENTRES:  # a bare "Center" may be a building or a body: left as spaCy says
        return "FAC" if before in words["fac_centre_modifiers"] else None
    if head in words["org_heads"] or last in words["org_heads"] or (head == "house" and head != last):
        return "ORG"
    if last in words["loc_heads"]:
        return "LOC"
    if last in words["gpe_heads"]:
        return "GPE"
    return None


def looks_like_person(name: str, words: dict) -> bool:
    """Two or three capitalised words, the first a common given name ("Nils-Erik" counts by
    "Nils"), and no place."""
    parts = name.split()
    if not 2 <= len(parts) <= 3 or not all(_WORD.match(p) for p in parts):
        return False
    if any(p.lower() in _SMALL for p in parts):
        return False
    first = parts[0].split("-")[0].lower()
    return first in words["given_names"] and not is_place(name)


def _vessel(doc: Document, entity: Entity, words: dict) -> bool:
    """A mention right after "the <vessel noun>": "the dive boat Marigold", or between
    commas after it: "The ship, Marigold, sank" (not "the aircraft, Boeing said")."""
    for m in entity.mentions:
        before = doc.text[max(0, m.start - 40):m.start]
        found = re.search(r"\b(?:the|a|an)\s+(?:[a-z-]+\s+)?([a-z]+)(,?)\s+$", before, re.I)
        if not found or found.group(1).lower() not in words["vessel_nouns"]:
            continue
        if not found.group(2) or doc.text[m.end:m.end + 1] == ",":
            return True
    return False


def _place_cue(doc: Document, entity: Entity) -> bool:
    """A mention followed by ", <state or country>" and a stop: "Zenda Falls, Wisconsin"."""
    for m in entity.mentions:
        after = doc.text[m.end:m.end + 40]
        found = re.match(r", ([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?=$|[\s,.;:)])", after)
        if not found:
            continue
        place = found.group(1).rstrip(".")
        if is_place(place, BIG) or (" " in place and is_place(place.split()[0], BIG)):
            return True
    return False


def retype(doc: Document, entities: list[Entity]) -> list[Entity]:
    """The entities with corrected types; vessels dropped (see the module docstring)."""
    words = type_words()
    kept = []
    for entity in entities:
        if entity.kb_id or entity.roles or entity.type not in _FROM_ANY:
            kept.append(entity)
            continue
        multiword_person = entity.type == "PERSON" and " " in entity.name
        if not multiword_person and _vessel(doc, entity, words):
            continue
        new = _new_type(doc, entity, words)
        if new and new != entity.type:
            from ..entities import entity_id

            entity.type, entity.id = new, entity_id(new, entity.name)
        kept.append(entity)
    return listed_places(doc, kept)


_ITEM = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
_LIST = re.compile(rf"{_ITEM}(?:, {_ITEM}){{2,}},? and {_ITEM}")


def listed_places(doc: Document, entities: list[Entity]) -> list[Entity]:
    """A name listed with places is a place: in "Zenda, Kessel, Varna, Ada and Lorn" with at
    least three items GPE and two thirds of the typed ones, a PERSON or ORG item whose every
    mention stands in such a list becomes GPE (spaCy reads small towns as anything)."""
    from ..entities import entity_id

    at = {m.start: e for e in entities for m in e.mentions}
    in_lists: set[int] = set()
    for found in _LIST.finditer(doc.text):
        items = [found.start() + i.start() for i in re.finditer(_ITEM, found.group())]
        typed = [at[i] for i in items if i in at]
        places = sum(e.type == "GPE" for e in typed)
        if places >= 3 and 3 * places >= 2 * len(typed):
            in_lists.update(items)
    for entity in entities:
        if (entity.type in ("PERSON", "ORG") and not entity.kb_id and not entity.roles
                and entity.mentions and all(m.start in in_lists for m in entity.mentions)):
            entity.type, entity.id = "GPE", entity_id("GPE", entity.name)
    return entities


def _locative(doc: Document, entity: Entity) -> bool:
    """A mention after a locative preposition ("in Zenda", "near Zenda") or before ", <state
    or country>"."""
    for m in entity.mentions:
        before = doc.text[max(0, m.start - 12):m.start].lower().split()
        if before and before[-1] in _LOCATIVE:
            return True
    return _place_cue(doc, entity)


# "the Zenda and Kessel Parties": the first name is a party too, its head left out
_ELIDED_PARTY = re.compile(r"^,? (?:and|or) [A-Z][\w-]+ [Pp]art(?:y|ies)\b")


def _new_type(doc: Document, entity: Entity, words: dict) -> str | None:
    name, typ = entity.name, entity.type
    if name.lower() in words["loc_names"]:
        return "LOC"
    if typ in ("NORP", "GPE", "PERSON") and entity.mentions and all(
            _ELIDED_PARTY.match(doc.text[m.end:m.end + 40]) for m in entity.mentions):
        return "ORG"
    person_like = looks_like_person(name, words)
    by_head = type_by_head(name, words)
    if by_head and typ == "PERSON" and person_like and len(name.split()) < 3:
        by_head = None  # "Jim Press", "Ada Park": a surname like a head
    if by_head and not (by_head in ("LOC", "GPE") and is_place(name)):
        return by_head
    cued = _cued_type(doc, entity, words)
    if cued and not is_place(name, BIG) and not (cued == "ORG" and (person_like or is_place(name))):
        return cued
    if not _gazetteer_candidate(name, words) or person_like:
        return "PERSON" if typ in _TO_PERSON and person_like else None
    if typ in _TO_GPE and is_place(name, 50_000) and (
            typ not in ("ORG", "PRODUCT") or is_place(name, 1_000_000) or _locative(doc, entity)):
        return "GPE"  # "Toyota" the company is no city: an organisation needs "in Toyota"
    if typ == "PERSON" and is_place(name) and (_place_cue(doc, entity) or is_place(name, 1_000_000)):
        return "GPE"
    if typ == "PERSON" and " " in name and _place_cue(doc, entity):
        return "GPE"
    return None


# "the island of Kessel", "the island Kessel", "east of Zenda": a noun (and "of") before
_CUE_BEFORE = re.compile(r"\b([a-z]+)(?: of)? $")
# "the Kessel pipeline", "the Kessel gas pipeline", "the Kessel oil field": a noun after
_CUE_AFTER = re.compile(r"^(?: (gas|oil|natural gas|hydroelectric|international))? ([a-z]+)\b")


def _cued_type(doc: Document, entity: Entity, words: dict) -> str | None:
    """LOC, GPE or FAC from a common noun next to a mention; the first cue found wins
    (GPE and LOC before, then FAC and LOC after)."""
    for m in entity.mentions:
        before = _CUE_BEFORE.search(doc.text[max(0, m.start - 24):m.start])
        if before:
            noun, has_of = before.group(1), doc.text[:m.start].endswith(" of ")
            if noun in words["loc_cues_before"]:
                return "LOC"
            if noun in words["gpe_cues_before"] and has_of:
                return "GPE"
            if noun in words["org_cues_before"] and not has_of and entity.type != "ORG":
                return "ORG"
        after = _CUE_AFTER.match(doc.text[m.end:m.end + 30])
        if after and m.text[-1:].isalnum():
            noun, phrase = after.group(2), " ".join(g for g in after.groups() if g)
            if noun in words["org_cues_after"] and entity.type in ("GPE", "PERSON") and not after.group(1):
                return "ORG"
            if noun in words["fac_cues_after"] and entity.type in ("ORG", "PERSON", "PRODUCT", "NORP"):
                return "FAC"
            if phrase in words["loc_cues_after"] and entity.type in ("ORG", "PERSON", "PRODUCT", "FAC"):
                return "LOC"
    return None


def _gazetteer_candidate(name: str, words: dict) -> bool:
    """A name the gazetteer may type: not an acronym ("GAO"), not a given name ("Martin")."""
    if name.isupper() and len(name) <= 5:
        return False
    return " " in name or name.lower() not in words["given_names"]
