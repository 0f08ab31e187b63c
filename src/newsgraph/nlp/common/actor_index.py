"""The actor a token names (``ActorIndex``): token -> entity from the mentions of
``actors.v1``, with the phrases that stand for an actor ("leaders of al-Qaeda", "Taliban
fighters", an apposition), for every stage that reads parties from the parse."""
from __future__ import annotations

import functools

from ...model import Document, Entity
from ...data import load_yaml, unique_words
from .syntax import conjuncts

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@functools.lru_cache(maxsize=1)
def party_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/party_words.yaml`` as sets."""
    return {key: unique_words(words, f"data/party_words.yaml {key}")
            for key, words in load_yaml("party_words.yaml").items()}


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
        if tok.lower_ in party_words()["member_nouns"] or tok.pos_ == "NOUN" and _is_person_noun(tok):
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
        if tok.lower_ not in party_words()["group_nouns"] or tok.pos_ != "NOUN":
            return None
        words = [t.text for t in tok.lefts if t.dep_ in ("amod", "compound", "nmod")
                 for t in t.subtree] + [tok.text]
        return " ".join(words) if words else None


def _is_person_noun(tok) -> bool:
    return tok.lower_ in ("man", "woman", "men", "women", "person", "people")
