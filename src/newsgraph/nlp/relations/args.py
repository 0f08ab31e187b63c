"""Actors in the dependency parse, for ``relations.v1`` and ``commitments.v1``: the actor a
token names (``ActorIndex``), conjuncts, and the subject of a verb (``subject_of``).
"""
from __future__ import annotations

from ...model import Document, Entity
from .lexicon import patterns

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


class ActorIndex:
    """Token -> entity, built from the mentions of ``actors.v1`` (pronouns included)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.by_id: dict[str, Entity] = {e.id: e for e in doc.entities}
        best: dict[int, tuple[int, Entity]] = {}
        sdoc = doc.nlp
        for entity in doc.entities:
            if entity.type not in ACTOR_TYPES:
                continue
            for m in entity.mentions:
                span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    size = m.end - m.start
                    if t.i not in best or size < best[t.i][0]:
                        best[t.i] = (size, entity)
        # A demonym standing for its state ("Russian troops") joins the state's entity.
        states = {e.kb_id: e for e in doc.entities if e.type == "GPE" and e.kb_id}
        self.token: dict[int, Entity] = {
            i: (states.get(e.kb_id, e) if e.type == "NORP" and e.kb_id else e)
            for i, (_, e) in best.items()}

    def name(self, ident: str | None) -> str | None:
        if ident is None:
            return None
        ent = self.by_id.get(ident)
        return ent.name if ent else ident

    def entity(self, tok) -> Entity | None:
        return self.token.get(tok.i)

    def actors(self, tok, depth: int = 0) -> list[Entity]:
        """The actors a noun phrase headed by ``tok`` names, with its conjuncts:
        "Russia", "the group" (coreference), "leaders of al-Qaeda", "Taliban fighters",
        "the man ... Abu Omar" (apposition)."""
        out: list[Entity] = []
        for head in [tok, *conjuncts(tok)]:
            ent = self._one(head, depth)
            if ent is not None and ent not in out:
                out.append(ent)
        return out

    def _one(self, tok, depth: int) -> Entity | None:
        ent = self.token.get(tok.i)
        if ent is not None:
            return ent
        if depth > 2:
            return None
        for child in tok.children:
            if child.dep_ == "appos" and child.i in self.token:
                return self.token[child.i]
        if tok.lower_ in patterns()["member_nouns"] or tok.pos_ == "NOUN" and _is_person_noun(tok):
            for child in tok.children:
                if child.dep_ in ("compound", "poss", "amod", "nmod") and child.i in self.token:
                    return self.token[child.i]
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return self._one(pobj, depth + 1)
        return None

    def description(self, tok) -> str | None:
        """A group description ("international terrorist groups") for a noun with no actor."""
        if tok.lower_ not in patterns()["group_nouns"] or tok.pos_ != "NOUN":
            return None
        words = [t.text for t in tok.lefts if t.dep_ in ("amod", "compound", "nmod")
                 for t in t.subtree] + [tok.text]
        return " ".join(words) if words else None


def _is_person_noun(tok) -> bool:
    return tok.lower_ in ("man", "woman", "men", "women", "person", "people")


def conjuncts(tok) -> list:
    out = []
    for child in tok.children:
        if child.dep_ == "conj":
            out.append(child)
            out.extend(conjuncts(child))
    return out


def subject_of(verb):
    """(subject token, passive) of a verb: its own subject, a shared subject of a
    coordinated verb, the controller of an xcomp, the noun a relative clause hangs on."""
    current, seen = verb, 0
    while seen < 6:
        seen += 1
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in ("who", "which", "that") and current.dep_ == "relcl":
                    return current.head, False
                return child, False
            if child.dep_ == "nsubjpass":
                return child, True
        if current.dep_ == "conj" or current.dep_ == "xcomp":
            if current.dep_ == "xcomp":
                obj = next((c for c in current.head.children if c.dep_ in ("dobj", "dative")), None)
                if obj is not None and current.head.lower_ not in ("promise", "promised", "promises"):
                    return obj, False  # "urged X to ...": the object controls
            current = current.head
            continue
        if current.dep_ == "relcl":
            return current.head, False
        if current.dep_ == "pcomp" and current.head.lower_ == "from":
            governor = current.head.head  # "precluded it from engaging"
            obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
            return (obj, False) if obj is not None else (None, False)
        if current.dep_ == "acl" and current.tag_ == "VBG":
            return current.head, False
        return None, False
    return None, False
