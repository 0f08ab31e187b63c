"""Syntax every stage shares: conjuncts and the subject of a verb in the dependency parse."""
from __future__ import annotations


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
