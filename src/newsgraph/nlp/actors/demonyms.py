"""When a demonym stands for its state (eval/news_gold/GUIDE.md, "Demonyms"): modifying a
state organ or office ("the Ruritanian embassy", "Ruritanian army deployments", "his Zendan
and Ruritanian counterparts", "Ruritanian Defence Minister Ada Lind") it is a mention of the
country; a plural demonym ("Ruritanians voted") and one modifying any other noun
("Ruritanian opposition leader Ada Lind", "a Ruritanian national") name a people (NORP).
The organ words are ``state_organs`` in ``data/actor_types.yaml``."""
from __future__ import annotations

_CHAIN = frozenset({"amod", "compound", "nmod", "conj", "cc", "punct", "poss"})
_WINDOW = 6


def first_conjunct(tok):
    """"French" in "Greek, Cypriot and French counterparts" -> "Greek"."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def modifies_organ(tok, organs: frozenset[str]) -> bool:
    """The demonym premodifies a state organ: its noun (or a compound between them, "army"
    in "Turkish army deployments") is an organ word, within a few tokens."""
    first = first_conjunct(tok)
    if first.dep_ not in ("amod", "compound", "nmod"):
        return False
    head = first.head
    if not 0 < head.i - first.i <= _WINDOW:
        return False
    between = [t for t in first.doc[first.i + 1:head.i + 1]
               if t.i == head.i or (t.dep_ in ("compound", "amod") and t.head.i == head.i)]
    return any(t.lower_ in organs for t in between)


def names_a_people(tok) -> bool:
    """A plural demonym ("Mexicans", "Russians") is a people, never the state."""
    return tok.tag_ in ("NNS", "NNPS") or (tok.pos_ in ("NOUN", "PROPN") and tok.lower_.endswith("s"))
