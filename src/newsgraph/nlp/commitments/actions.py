"""Action classes of ``commitments.v1``: a verb or an action noun normalised to a small set
of classes (withdraw, sever_ties, release, ceasefire, reduce_violence, negotiate, prevent) so
that documents can be merged, and the phrase the action is about.
"""
from __future__ import annotations

from .terms import DEADLINE_PREPS
from ..parse import doc_text
from ..common.actor_index import ActorIndex
from ..common.words import is_word, lemma
from .lexicon import words
from ..relations.lexicon import patterns

# action class -> (verbs, nouns); "sever_ties" needs a tie noun as object.
ACTIONS = {
    "withdraw": ({"withdraw", "leave", "depart", "exit", "quit", "pull", "draw"},
                 {"withdrawal", "departure", "pullout", "pull-out", "exit", "drawdown", "pullback"}),
    "sever_ties": ({"sever", "cut", "break", "end", "renounce"}, {"severance", "severing"}),
    "release": ({"release", "free"}, {"release"}),
    "ceasefire": ({"declare", "observe"}, {"ceasefire", "cease-fire", "truce"}),
    "reduce_violence": ({"reduce", "curb"}, {"reduction"}),
    "negotiate": ({"negotiate", "talk"}, {"talks", "negotiations", "negotiation", "meeting",
                                          "meet", "summit", "dialogue"}),
    "prevent": ({"prevent", "stop", "bar"}, {"prevention"}),
}


def action_class(tok) -> str | None:
    """The action class of a verb or an action noun, or None."""
    pat = patterns()
    for name, (verbs, nouns) in ACTIONS.items():
        if tok.pos_ == "NOUN" and tok.lower_ in nouns:
            if name == "reduce_violence" and not any("violen" in t.lower_ for t in tok.subtree):
                continue
            if name == "release" and not _frees(tok, ("prep", "compound")):
                continue
            return name
        if tok.pos_ in ("VERB", "AUX") and is_word(tok, verbs):
            if name == "release" and not _frees(tok, ("dobj", "nsubjpass")):
                continue
            if name == "sever_ties":
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if obj is None or obj.lower_ not in pat["tie_nouns"]:
                    continue
            if name in ("withdraw",) and is_word(tok, {"pull", "draw"}) and not any(
                    c.dep_ == "prt" and c.lower_ in ("out", "down", "back") for c in tok.children):
                continue
            if name == "reduce_violence" and not any("violen" in t.lower_ for t in tok.subtree):
                continue
            if name == "ceasefire" and not any(t.lower_ in ACTIONS["ceasefire"][1] for t in tok.subtree):
                continue
            if name == "negotiate" and tok.lower_.startswith("talk") and not any(
                    c.lower_ == "with" for c in tok.children):
                continue
            return name
    return None


def action_name(tok) -> str:
    """The action of a commitment: its class, else the verb or noun (base form); a word
    that names a class it does not fit here ("release a new phone") is ``other``."""
    name = action_class(tok)
    if name is not None:
        return name
    word = lemma(tok)
    return "other" if word in ACTIONS else word


def _frees(tok, deps) -> bool:
    """A release of people or seized property ("released the hostages", "the release of
    two sailors"), not of a product or a report."""
    freed = words()["release_objects"]
    for child in tok.children:
        if child.dep_ not in deps:
            continue
        targets = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" \
            and child.lower_ == "of" else [child] if child.dep_ != "prep" else []
        for t in targets:
            if lemma(t) in freed or t.lower_ in freed or t.ent_type_ in ("PERSON", "NORP"):
                return True
    return False


def object_phrase(index: ActorIndex, tok) -> tuple[str | None, list[str]]:
    """What the action is about: "links with terrorist organizations such as al-Qaeda"."""
    skip = DEADLINE_PREPS | {"in", "on"} | ({"of"} if tok.pos_ == "NOUN" else set())
    for child in tok.children:
        if child.dep_ in ("dobj", "prep") and child.lower_ not in skip:
            words = list(child.subtree)
            ents = sorted({e.id for t in words for e in [index.entity(t)] if e is not None})
            return doc_text(tok.doc)[words[0].idx: words[-1].idx + len(words[-1])], ents
    return None, []
