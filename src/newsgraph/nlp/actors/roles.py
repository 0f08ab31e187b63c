"""Roles and affiliations of people, read from the dependency parse.

Patterns (each with the affiliation taken from any actor mention inside the phrase):
  * premodifiers of the name: "Hamas political spokesperson Jane Roe",
    "US Special Envoy John Doe", "a UN official Ann Smith";
  * apposition either way: "X, the foreign minister of Y", "the spokesman of Y, X";
  * copula: "X is commander of this outfit" (the outfit resolved by coreference first);
  * the knowledge base: an office the person held on the publication date.
A role is kept only when its head noun is a role word of ``data/actor_words.yaml``; the word's
sector gives the person's code when the affiliation is a state ("USA GOV", "AFG MIL").
"""
from __future__ import annotations

import datetime as dt

from ...model import Entity
from .gazetteer import country_of

_PREMOD = frozenset({"compound", "amod", "nmod", "poss", "det", "punct", "case"})
_ARTICLES = frozenset({"a", "an", "the", "this", "that"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "'s", "’s"})


def assign(sdoc, entities: list[Entity], info: dict, kb, words: dict, published: dt.date | None) -> None:
    """Fill ``roles``, ``affiliation`` and (for people) ``code`` of the entities in place."""
    sectors = words["role_sector"]
    owner: dict[int, Entity] = {}
    for entity in entities:
        for m in entity.mentions:
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    owner.setdefault(i, entity)
    by_kb = {e.kb_id: e for e in entities if e.kb_id}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        found: list[tuple[str, Entity | None]] = []
        for m in entity.mentions:
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.pos_ != "PROPN":
                continue
            found += _premodifier_role(span, owner, entity, sectors)
            found += _appos_and_copula(span, owner, entity, sectors)
        for role, aff in found:
            if role and role not in entity.roles:
                entity.roles.append(role)
            if aff is not None and entity.affiliation is None:
                entity.affiliation = aff.id
        _from_kb(entity, kb, by_kb, published)
        if entity.code is None:
            entity.code = _person_code(entity, entities, info, sectors)


def _premodifier_role(span, owner, person, sectors) -> list[tuple[str, Entity | None]]:
    """Tokens before the name that hang on it (or on each other) inside one noun phrase."""
    doc = span.doc
    toks = []
    i = span.start - 1
    while i >= 0 and doc[i].dep_ in _PREMOD and span.start <= _np_head(doc[i]).i < span.end:
        toks.insert(0, doc[i])
        i -= 1
    return _split(toks, owner, person, sectors)


def _np_head(tok):
    """Follow modifier links rightwards to the token they finally modify."""
    while tok.dep_ in _PREMOD and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _split(toks, owner, person, sectors) -> list[tuple[str, Entity | None]]:
    role_words, aff = [], None
    for tok in toks:
        ent = owner.get(tok.i)
        if ent is not None and ent is not person:
            aff = aff or ent
            continue
        word = tok.text.strip("“”\"'‘’").lower()
        if tok.is_punct or tok.dep_ in ("case",) or word in _ARTICLES or not word:
            continue
        if tok.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") or "-" in word:
            role_words.append(word)
    role = _role(role_words, sectors)
    return [(role, aff)] if role or aff else []


def _role(role_words: list[str], sectors: dict) -> str | None:
    """Keep a role whose head (last word, or last two) is a role word."""
    if not role_words:
        return None
    if role_words[-1] in sectors or " ".join(role_words[-2:]) in sectors:
        return " ".join(role_words)
    return None


def _noun_role(noun, owner, person, sectors) -> list[tuple[str, Entity | None]]:
    """ "the foreign minister of Y" -> ("foreign minister", Y)."""
    left = [c for c in noun.lefts if c.dep_ in _PREMOD]
    found = _split([*left, noun], owner, person, sectors)
    for prep in (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            ent = owner.get(pobj.i)
            if ent is not None and ent is not person:
                role = found[0][0] if found else _role([noun.lower_], sectors)
                found = [(role, ent)]
    return found


def _appos_and_copula(span, owner, person, sectors) -> list[tuple[str, Entity | None]]:
    root = span.root
    found = []
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    subject = root
    head = root.head if root.dep_ == "appos" else None
    if head is not None and head.dep_ == "pobj" and head.head.head.pos_ == "NOUN":
        head = head.head.head  # "the spokesman of Y, X": spaCy hangs X on Y
    if head is not None and head.pos_ == "NOUN":
        nouns.append(head)
        subject = head
    if subject.dep_ == "nsubj" and subject.head.lower_ in _BE:
        nouns += [c for c in subject.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    for noun in nouns:
        found += _noun_role(noun, owner, person, sectors)
    return found


def _from_kb(entity: Entity, kb, by_kb: dict, published) -> None:
    """Offices the knowledge base says the person held on the publication date."""
    if not entity.kb_id or published is None:
        return
    for office, holder in kb.holders_named(entity.name):
        if kb.person_id(holder.name) != entity.kb_id or not holder.holds_on(published):
            continue
        if not any(office.title.endswith(r.split()[-1]) or r in office.title for r in entity.roles):
            entity.roles.append(office.title)
        if entity.affiliation is None:
            aff = by_kb.get(office.owner)
            owner_actor = kb.actors.get(office.owner)
            entity.affiliation = aff.id if aff else owner_actor.name if owner_actor else office.owner
        if entity.code is None and office.owner in kb.actors:
            actor = kb.actors[office.owner]
            entity.code = f"{actor.id} GOV" if actor.kind == "country" else actor.code


def _person_code(entity: Entity, entities: list[Entity], info: dict, sectors: dict) -> str | None:
    """The code of a person from the role and the body the role is held in: the body's code
    (a person is coded through an organisation or a state, never through another person,
    "her son Ada Lind"); for a state, or a town or region of one ("the mayor of Zenda"), the
    country and the role's sector. A role outside government (an actress, a resident) gives
    no sector, and no code; a state office with no body named stays uncoded (the document's
    most named country is often not the office's)."""
    aff = next((e for e in entities if e.id == entity.affiliation), None)
    role = entity.roles[0] if entity.roles else ""
    sector = _sector(role, sectors)
    if aff is not None and aff.type == "PERSON":
        aff = None
    if aff is not None and aff.code:
        meta = info.get(aff.id)
        if meta is None or meta.kind != "state":
            return aff.code
        return f"{aff.kb_id} {sector}" if sector else None
    if not sector or sector not in _STATE_SECTORS:
        return None
    country = country_of(aff.name) if aff is not None and aff.type in ("GPE", "LOC") else None
    return f"{country} {sector}" if country else None


_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP"})
_CIVIL_GENERALS = frozenset({"attorney", "solicitor", "secretary", "surgeon", "inspector",
                             "governor", "postmaster", "auditor", "director", "consul"})


def _sector(role: str, sectors: dict) -> str | None:
    """The sector of a role: its head word's ("foreign minister" -> GOV); "police" anywhere
    makes COP ("police chief"); a state's "chief executive" is its head of government."""
    words = role.split()
    if not words:
        return None
    if "police" in words:
        return "COP"
    if role.endswith("chief executive") or (len(words) > 1 and words[-1] == "general"
                                            and words[-2] in _CIVIL_GENERALS):
        return "GOV"  # a state's chief executive; "solicitor general" is no general
    return sectors.get(" ".join(words[-2:])) or sectors.get(words[-1])
