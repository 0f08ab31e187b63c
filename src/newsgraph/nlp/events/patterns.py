"""Syntactic tests that the type rules (``rules.py``) use: the heads of an object, a
military mover, civilians en masse, a joint exercise, "out of the question", a terrorist
designation, an "unless" clause."""
from __future__ import annotations

from . import lexicon as lex
from .candidates import lemma, of_noun


def object_heads(obj) -> list:
    """The object and, for a measuring/framing head, the noun it frames."""
    heads = [obj]
    if lemma(obj) in lex.GENERIC_HEADS or obj.lower_ in lex.GENERIC_HEADS:
        inner = of_noun(obj)
        if inner is not None:
            heads.append(inner)
        heads.extend(c for c in obj.children if c.dep_ == "compound")
    else:
        heads.extend(c for c in obj.children if c.dep_ == "compound")
    return heads


def given_lemma(head) -> str:
    """The lemma of an object head as a thing given: "bases" (lemmatised "basis") is "base"."""
    hl = lemma(head)
    if hl not in lex.AID_OBJECTS and head.lower_.endswith("s") and \
            head.lower_[:-1] in lex.AID_OBJECTS:
        hl = head.lower_[:-1]
    return hl


def is_military(tok) -> bool:
    """A head naming armed forces, their units or vehicles (``military_nouns``)."""
    lem = lemma(tok)
    if lem in lex.MILITARY_NOUNS or tok.lower_.rstrip("s") in lex.MILITARY_NOUNS:
        return True
    return False


def military_mover(verb):
    """The subject of a movement verb when it is a force, or holds one ("the deployment of
    troops"); else None."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if is_military(subj):
        return subj
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and is_military(pobj):
                    return subj
    return None


def mass_of_civilians(obj) -> bool:
    """"more than 1,000 Palestinian refugees", "thousands of villagers"."""
    head = obj
    if obj.lower_ in lex.MASS_WORDS:
        inner = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"), None)
        return inner is not None and lemma(inner) in lex.CIVILIAN_NOUNS
    if lemma(head) not in lex.CIVILIAN_NOUNS or head.tag_ not in ("NNS", "NNPS"):
        return False
    for num in head.children:
        if num.dep_ == "nummod":
            digits = num.text.replace(",", "")
            if digits.isdigit() and int(digits) >= 100 or num.lower_ in lex.MASS_WORDS or \
                    num.lower_ in ("hundred", "thousand", "million"):
                return True
    return False


def joint_exercise(noun, verb=None) -> bool:
    """A joint exercise: "joint/combined" on the noun, coordinated holders ("French and
    Egyptian warships", "X and Y held ..."), or "with X" on the noun or the verb."""
    if lemma(noun) not in lex.EXERCISE_NOUNS:
        return False
    if lemma(noun) == "game" and not any(lemma(c) == "war" for c in noun.children):
        return False
    if any(c.lower_ in lex.JOINT_WORDS for c in noun.children if c.dep_ in ("amod", "compound")):
        return True
    holders = [noun, verb] if verb is not None else [noun]
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj"
                                                               for g in c.children):
                return True
    if verb is not None:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if any(c.dep_ == "conj" for c in subj.children):
                return True
            for mod in subj.children:
                if mod.dep_ in ("amod", "compound", "nmod") and \
                        any(c.dep_ == "conj" for c in mod.children):
                    return True
    return False


def ruled_out(anchor) -> bool:
    """"removing the sanctions is out of the question": the act is the subject of a copula
    whose predicate is "out of the question"."""
    if anchor.dep_ not in ("csubj", "nsubj") or lemma(anchor.head) != "be":
        return False
    for c in anchor.head.children:
        if c.lower_ == "out":
            words = [t.lower_ for t in c.subtree]
            if "question" in words:
                return True
    return False


def terrorist_designation(tok) -> bool:
    """"designated/listed X as a terrorist organisation"."""
    for child in tok.children:
        if child.lower_ == "as" or child.dep_ == "oprd":
            words = {lemma(t) for t in child.subtree} | {t.lower_ for t in child.subtree}
            if words & lex.TERROR_WORDS:
                return True
    return False


def has_unless_clause(verb) -> bool:
    """The verb has an adverbial clause marked "unless"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                         for m in c.children) for c in verb.children)
