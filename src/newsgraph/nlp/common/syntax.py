"""Syntax every stage shares: the subject of a verb (the one subject/agent finder), conjuncts.

``subject_of`` reads a verb's subject from the dependency parse in one order:

1. its own subject (``nsubj``, ``csubj`` or the patient ``nsubjpass``; an expletive "there" or
   "it" names nobody); a relative pronoun of a relative clause ("officials who said") stands
   for the noun the clause modifies (elsewhere it names nobody);
2. the subject it inherits through the clause link that attaches it (``inherit``): an object
   controls an infinitive complement ("urged X to leave" -> X) unless the governor binds its
   own subject ("promised X to leave" -> the promiser); an active conjunct of a passive verb
   shares its patient ("X was indicted and will resign" -> X); a relative clause, an -ing or
   infinitive modifier has the noun it modifies, a past participle has it as its patient
   ("troops stationed there by X"); "precluded X from engaging" -> X; any other link passes
   the question to the governing verb.

Which links pass a subject on is the caller's choice (``inherit``): a cue of a quote also
inherits across a parenthetical (``parataxis``), the owner of a quantity across a reported
clause (``ccomp``). Agents of a passive ("by X") are in ``Subject.agents``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...pipeline.budget import spend
from .words import lemma

SUBJECT_DEPS = ("nsubj", "csubj", "nsubjpass")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Clause links through which a verb inherits its governor's subject by default.
CLAUSE_LINKS = frozenset({"conj", "xcomp", "advcl", "pcomp", "acomp", "relcl", "acl"})
# Governors whose own subject, not their object, does the infinitive ("promised them to go").
SUBJECT_CONTROL = frozenset({"promise", "pledge", "vow", "swear", "offer", "commit", "undertake",
                             "guarantee"})


@dataclass(slots=True)
class Subject:
    """What ``subject_of`` found: the subject token (or None), whether it is the patient of a
    passive, the passive's agents, and how it was reached (``own``, a link name, ``object``
    for object control, ``modified`` for the noun a clause modifies)."""

    token: object = None
    passive: bool = False
    agents: list = field(default_factory=list)
    via: str = "own"


def own_subject(verb):
    """(subject, passive, has_one) of the verb's own subject child: a relative pronoun of a
    relative clause stands for the modified noun; a relative pronoun elsewhere or an
    expletive ("there were ...") is a subject that names nobody (None, with ``has_one``).
    Of two subjects before the verb the nearer one is the subject ("According to the mayor,
    Lind, ..., police were investigating": the parse hangs the name as another), unless
    commas set it off as an apposition of the first ("Members of X, a body linked to Y,
    investigated")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    nearest = subjects[-1] if len(subjects) > 1 else None
    if nearest is not None and _set_off(nearest):
        nearest = subjects[0]
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and (nearest is None or child.i == nearest.i):
            passive = child.dep_ == "nsubjpass"
            if child.lower_ in RELATIVE_PRONOUNS:  # "officials who said": the officials
                return (verb.head if verb.dep_ == "relcl" else None), passive, True
            return child, passive, True
        if child.dep_ == "expl":
            return None, False, True
    return None, False, False


def _set_off(tok) -> bool:
    """True when commas enclose the phrase of ``tok`` (", a body linked to Y,")."""
    doc, left, right = tok.doc, tok.left_edge.i, tok.right_edge.i
    before = doc[left] if doc[left].text == "," else doc[left - 1] if left > 0 else None
    after = doc[right] if doc[right].text == "," else doc[right + 1] if right + 1 < len(doc) else None
    return before is not None and after is not None and before.text == after.text == ","


def _modified(verb) -> tuple[bool, bool] | None:
    """For a clause modifying a noun (``acl``): (the noun is its subject, as the patient),
    or None when the clause gives the noun no role."""
    tag = verb.tag_
    if tag == "VBZ" or tag == "VBD" and verb.head.dep_ == "ROOT":
        return True, False  # a finite verb the parse hung on the root noun: "The envoy called on X"
    if tag in ("VBN", "VBD"):
        return True, True  # a reduced relative: "the deal signed in 2015" (the deal is signed)
    if tag == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True, False  # "officials saying ...", "a plan to withdraw"
    return None


def passive_agents(verb) -> list:
    """The "by X" agents of a passive verb."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def subject_of(verb, inherit: frozenset[str] = CLAUSE_LINKS, max_depth: int = 6) -> Subject:
    """The subject of ``verb`` by the rules of the module docstring."""
    current = verb
    for _ in range(max_depth):
        subj, passive, has_one = own_subject(current)
        if has_one:
            return Subject(subj, passive, passive_agents(current) if passive else [],
                           "own" if current is verb else verb.dep_)
        link, head = current.dep_, current.head
        if link not in inherit or head.i == current.i:
            return Subject(via="none")
        if link == "xcomp":
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None and lemma(head) not in SUBJECT_CONTROL:
                return Subject(obj, False, [], "object")
        if link == "conj" and not any(c.dep_ == "auxpass" for c in current.children):
            patient = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if patient is not None and patient.lower_ not in RELATIVE_PRONOUNS:
                return Subject(patient, False, [], "conj")
        if link == "relcl":
            return Subject(head, False, [], "modified")
        if link == "acl":
            role = _modified(current)
            if role is None:
                return Subject(via="none")
            passive = role[1]
            return Subject(head, passive, passive_agents(current) if passive else [], "modified")
        if link == "pcomp" and head.lower_ == "from":
            obj = next((c for c in head.head.children if c.dep_ == "dobj"), None)
            return Subject(obj, False, [], "object")
        current = head.head if head.dep_ == "prep" else head
    return Subject(via="none")


def conjuncts(tok) -> list:
    """Every token coordinated with ``tok`` ("Iran, Russia and China"), not ``tok`` itself."""
    out = []
    for child in tok.children:
        if child.dep_ == "conj":
            out.append(child)
            out.extend(conjuncts(child))
    return out


# Links that open a clause of its own below a verb: what "the verb's own clause" leaves out.
SUBORDINATE_LINKS = ("ccomp", "advcl", "relcl", "parataxis", "csubj")


def crosses(tok, top, deps) -> bool:
    """True when the path from ``tok`` up to ``top`` passes through one of the ``deps``."""
    current = tok
    while current.i != top.i and current.head.i != current.i:
        if current.dep_ in deps:
            return True
        current = current.head
    return False


def pruned_subtree(top, deps) -> list:
    """``top.subtree`` (same tokens, same order) without the tokens whose path up to ``top``
    passes through one of the ``deps``: ``[t for t in top.subtree if t.i == top.i or not
    crosses(t, top, deps)]`` without walking up from every token (on a deep tree of a long
    sentence that is quadratic)."""
    out = []
    stack = [(top, True)]  # (token, expand its children) -- Token.subtree's order, iteratively
    while stack:
        tok, expand = stack.pop()
        if not expand:
            out.append(tok)
            continue
        stack.extend((c, True) for c in reversed(list(tok.rights)) if c.dep_ not in deps)
        stack.append((tok, False))
        stack.extend((c, True) for c in reversed(list(tok.lefts)) if c.dep_ not in deps)
    spend(len(out))
    return out


def clause_tokens(anchor, leave_out: tuple[str, ...] = SUBORDINATE_LINKS) -> list:
    """The tokens of ``anchor``'s own clause: its subtree minus what hangs below a
    ``leave_out`` link (subordinate clauses by default)."""
    return pruned_subtree(anchor, leave_out)
