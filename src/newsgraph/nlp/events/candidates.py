"""Shared pieces of the events stage: the candidate record, constants and small parse
helpers used by triggers, nominal events and arguments (see docs/events.md)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..common.words import lemma as word_lemma
from . import lexicon as lex


ACTOR_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
RECIPIENT_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "into", "at",
                   "from", "for", "over", "between", "among")
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them",
                      "who", "which", "that", "his", "their", "its"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
REQUEST_MODE = {"AID": "assist", "COOPERATE": "assist", "CONSULT": "meet", "AGREE": "meet",
                "RETREAT": "yield", "CONCEDE": "yield"}
THREAT_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations",
               "MOBILIZE": "violence"}


@dataclass
class Candidate:
    anchor: Any  # the verb (or noun for a bare nominal event) whose syntax gives the roles
    type: str
    mode: str | None
    words: list = field(default_factory=list)  # trigger tokens for event_text
    nominal: Any = None  # the event noun, if the event is named by a noun
    content: Candidate | None = None  # the folded complement (what was requested, ...)
    dropped: bool = False
    modal: Any = None  # a verb whose modality also counts ("would be" of a nominal subject)
    # roles fixed by the rule that found the event (protection: protector and protected);
    # None means the general actor/recipient rules decide
    actor_heads: list | None = None
    recipient_heads: list | None = None


def lemma(tok) -> str:
    """The token's lemma (``common.words.lemma``) checked against the event verbs."""
    return word_lemma(tok, lex.KNOWN_VERBS)


def direct_object(tok):
    """The direct object of a verb, the subject of a passive ("talks were held"), or the noun
    a past participle modifies ("the curfew imposed by X")."""
    for child in tok.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    for child in tok.children:  # passive "talks were held": the subject is the object
        if child.dep_ == "nsubjpass":
            return child
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "NOUN":
        return tok.head  # a reduced relative: "the martial law imposed by X" (X imposed it)
    return None


def of_noun(tok):
    """The object of an "of" preposition on ``tok`` ("a round of talks": talks), or None."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def has_particle(tok, word) -> bool:
    """True when ``tok`` has the particle ``word`` ("called off")."""
    return any(c.dep_ == "prt" and c.lower_ == word for c in tok.children)


def has_prep(tok, preps) -> bool:
    """True when ``tok`` has a preposition child in ``preps``."""
    return any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children)


def tree_depth(tok) -> int:
    """How many heads are above ``tok`` in the dependency tree."""
    depth = 0
    while tok.head.i != tok.i:
        tok = tok.head
        depth += 1
    return depth


def conjuncts(tok) -> list:
    """``tok`` and its nominal conjuncts, recursively ("Iran and Russia")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(conjuncts(child))
    return out


def is_named(tok) -> bool:
    """A named participant token: an actor-type entity or a proper noun."""
    return tok.ent_type_ in ACTOR_ENTITY_TYPES or tok.pos_ == "PROPN"


def is_actor_like(tok) -> bool:
    """A token that can be a party: an actor-type entity, a proper noun, a personal pronoun
    or a people/group noun (``actor_nouns``), never a date, number or amount."""
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return False
    if tok.ent_type_ in ACTOR_ENTITY_TYPES:
        return True
    if tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON" and tok.lower_ in PRONOUNS:
        return True
    return lemma(tok) in lex.PARTY_NOUNS or tok.lower_ in lex.PARTY_NOUNS
