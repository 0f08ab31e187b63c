"""One record per real event in a document: later mentions of an event already coded ("shot
shoppers ... the shooting ... the attack"), and the casualties of an attack ("killed three
and injured three others", "six were killed in the attack"), are folded into the first record
instead of standing as events of their own (annotation guide 5.1). A folded mention gives the
record the roles it lacked. See docs/events.md, "One record per event"."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import lexicon as lex
from .candidates import lemma
from .nominal import noun_entry

DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})


@dataclass
class Mention:
    """An event record with the tokens it was coded from."""

    event: Any
    anchor: Any  # the anchor token of its candidate
    actor_heads: list
    noun: Any = None  # the event noun of its candidate, if any

    @property
    def nominal(self) -> bool:
        """Named by a noun: a bare event noun, or one that happens ("the arrest came ...")."""
        return self.anchor.pos_ in ("NOUN", "PROPN") or self.noun is not None and \
            self.noun.dep_ in ("nsubj", "nsubjpass") and self.noun.head.i == self.anchor.i

    @property
    def head_noun(self):
        return self.anchor if self.anchor.pos_ in ("NOUN", "PROPN") else self.noun

    @property
    def agentless(self) -> bool:
        """No party acts in it: no actor, or only event nouns as actors ("the stabbing
        killed three")."""
        return all(noun_entry(h) for h in self.actor_heads)


def _keys(parts: list) -> set[str]:
    """Each party's entity id and its name and text (lower case)."""
    return {k for p in parts for k in (p.get("entity"), (p.get("name") or "").lower(),
                                        (p.get("text") or "").lower()) if k}


def _role_fits(a: list, b: list) -> bool:
    """Two role lists agree when one is empty or they share a party (same entity, or one
    description inside the other: "gunman" / "the suspected gunman")."""
    if not a or not b:
        return True
    if _keys(a) & _keys(b):
        return True
    # a description fits the other's text also when one side is resolved to an entity
    # ("a 25-year-old man", named later, and "the man")
    texts_a = [(p.get("text") or "").lower() for p in a]
    texts_b = [(p.get("text") or "").lower() for p in b]
    return any(x and y and (x == y or x.endswith(" " + y) or y.endswith(" " + x))
               for x in texts_a for y in texts_b)


def _compatible(first: Any, later: Any, recipients: bool = True) -> bool:
    return first.event == later.event and first.factuality == later.factuality and (
        first.mode is None or later.mode is None or first.mode == later.mode) and (
        first.date is None or later.date is None or first.date == later.date) and \
        _role_fits(first.actor, later.actor) and (
            not recipients or _role_fits(first.recipient, later.recipient))


def _definite(noun) -> bool:
    return any(c.dep_ in ("det", "poss") and (c.lower_ in DEFINITE or c.dep_ == "poss")
               for c in noun.children) or any(c.dep_ == "compound" for c in noun.children)


def attack_named(verb):
    """"killed in the attack", "injured in the shooting": the attack whose casualties a
    casualty verb counts (its noun), else None."""
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by", "during"):
            for pobj in prep.children:
                entry = noun_entry(pobj) if pobj.dep_ == "pobj" else None
                if entry and entry[0] == "ASSAULT" and _definite(pobj):
                    return pobj
    return None


def _casualty(m: Mention) -> bool:
    """A casualty verb with no party acting ("were killed", "with 25 others injured", "the
    stabbing killed three"), or an attack verb whose subject is the attack ("the shelling
    destroyed the harbour"): the toll of an attack."""
    tok = m.anchor
    if m.event.event != "ASSAULT":
        return False
    if lemma(tok) not in lex.CASUALTY_VERBS:  # "the shelling destroyed the harbour"
        return bool(m.actor_heads) and m.agentless
    participle = tok.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "agent") and (c.dep_ == "agent" or lemma(c) == "have")
        for c in tok.children)
    return m.agentless or participle


def _repeat_of(m: Mention, earlier: list[Mention], done: list[Mention]) -> Mention | None:
    """The earlier record ``m`` mentions again, or None (``done``: every earlier mention)."""
    if _casualty(m):
        sent = m.anchor.sent.start
        for e in reversed(done):  # the toll of the attack just told, or of the one named
            if e.event.event == "ASSAULT" and (e.anchor.sent.start == sent or
                                               attack_named(m.anchor) is not None):
                return e
    if m.nominal and _definite(m.head_noun):  # "the shooting", "Basilashvili's arrest"
        for e in earlier:
            if _compatible(e.event, m.event, recipients=False):
                return e
    for e in earlier:
        if not _compatible(e.event, m.event):
            continue
        if m.nominal and not m.event.actor:
            return e  # "talks" after "X and Y met"
        if not m.nominal and not m.event.actor and lemma(e.anchor) == lemma(m.anchor):
            return e  # "he had been poisoned" after "X was poisoned"
        if not m.nominal and m.event.actor and e.event.actor and \
                _keys(m.event.actor) <= _keys(e.event.actor):
            return e  # the same parties doing it again in other words
    for e in earlier:  # "marched in London, protesting X": one act in two verbs
        if not m.nominal and not e.nominal and e.anchor.sent.start == m.anchor.sent.start and \
                m.actor_heads and [h.i for h in m.actor_heads] == [h.i for h in e.actor_heads] and \
                _compatible(e.event, m.event, recipients=False):
            return e
    return None


def merge_repeats(mentions: list[Mention]) -> list[Any]:
    """The events of a document (in order) minus the repeats, each folded into its first
    record (which takes the roles it lacked from the repeat)."""
    kept: list[Mention] = []
    done: list[Mention] = []
    target: dict[int, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.event.start):
        first = _repeat_of(m, kept, done)
        done.append(m)
        if first is None:
            kept.append(m)
            noun = attack_named(m.anchor) if _casualty(m) else None
            if noun is not None:  # "four were injured in the shooting": the shooting
                ev = m.event
                end = noun.idx + len(noun)
                ev.event_text, ev.start, ev.end = f"{ev.event_text} {noun.text}", \
                    min(ev.start, noun.idx), max(ev.end, end)
            continue
        first = target.get(id(first), first)
        for role in ("actor", "recipient"):
            if not getattr(first.event, role) and getattr(m.event, role):
                setattr(first.event, role, list(getattr(m.event, role)))
        target[id(m)] = first
    order = {id(m.event) for m in kept}
    return [m.event for m in mentions if id(m.event) in order]
