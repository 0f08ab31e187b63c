"""Factuality of an event from the words around its trigger in the dependency parse.

Classes (one per event, checked in this order, the first that applies wins):

``counterfactual``  "would have" with an if-clause in the past perfect, or the if-clause itself
``conditional``     an if/unless/provided clause, "in return for", "in exchange for", "on
                    (the) condition that", "as long as", "conditions-based"; also what such
                    a phrase names as the condition ("in return for X agreeing to ...")
``possible``        might, may, could, likely/unlikely to, possibly, perhaps, probably, want/hope to
``negated``         not, n't, never, "no" before the event noun, "fail to"
``future``          will, shall, "is set to", "plans to", "is expected to", "is going to", "about to"
``asserted``        none of the above

Independently, ``prescriptive`` tells an editorial prescription ("have to", "must", "need to",
"should", "ought to" + verb): the events stage does not code those as events. ``prescribed``
also finds events that are only the means, purpose or object of a prescription ("have to
agree ... in order to pave the ground for striking a deal", "prove their sincerity through
agreeing with a ceasefire") and gerund subjects of a necessity predicate ("hosting the
delegations is a must", "... is needed/essential").
"""
from __future__ import annotations

from dataclasses import dataclass

from .syntax import pruned_subtree
from .words import lemma

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
POSSIBLE_AUX = frozenset({"might", "may", "could"})
PRESCRIPTIVE_AUX = frozenset({"must", "should", "ought"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
FUTURE_VERBS = frozenset({"plan", "intend", "schedule", "expect", "go", "set", "due", "aim",
                          "prepare", "poise"})
POSSIBLE_VERBS = frozenset({"want", "hope", "wish", "seek", "consider", "mull", "weigh"})
POSSIBLE_ADJ = frozenset({"likely", "unlikely", "possible", "probable", "able", "poised"})
POSSIBLE_ADV = frozenset({"possibly", "perhaps", "probably", "maybe", "likely", "potentially"})
NEGATIVE_VERBS = frozenset({"fail", "refrain"})
CONDITION_MARKS = frozenset({"if", "unless", "provided", "providing", "lest"})
CONDITION_WORDS = ("conditions-based", "condition-based", "conditional", "on condition",
                   "on the condition", "upon condition", "in return for", "in exchange for",
                   "provided that", "providing that", "as long as", "so long as")
# Nouns of a condition phrase whose "for X" / "that X" is the condition ("in return for X",
# "in exchange for X", "on (the) condition that X").
CONDITION_NOUNS = frozenset({"return", "exchange", "condition"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"})
# "X is a must / a necessity", "X is essential / needed / required".
NECESSITY_NOUNS = frozenset({"must", "necessity", "imperative", "prerequisite", "requirement",
                             "precondition", "priority"})
NECESSITY_ADJ = frozenset({"necessary", "essential", "needed", "required", "vital", "crucial",
                           "imperative", "indispensable", "mandatory", "key"})
# Dependencies through which an event is the means, purpose or object of its governor.
_GOVERNED_DEPS = frozenset({"xcomp", "pcomp", "pobj", "prep", "dobj", "conj", "acl", "advcl",
                            "nsubj", "csubj", "attr", "appos", "compound", "amod", "advmod"})


@dataclass(frozen=True)
class Factuality:
    value: str
    prescriptive: bool = False
    cue: str | None = None


def modal_chain(token) -> list:
    """The trigger and the verbs it depends on within its clause: through ``xcomp``
    ("is unlikely to take place"), ``conj`` (shared auxiliaries) and predicate adjectives."""
    chain = [token]
    current = token
    while current.dep_ in ("xcomp", "conj", "acomp", "oprd", "pcomp", "auxpass", "advcl") \
            and current.head.i != current.i:
        if current.dep_ == "pcomp" and current.head.lower_ not in ("about", "to"):
            break
        if current.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to"
                                               for c in current.children):
            break
        current = current.head
        if current.dep_ == "prep":  # "about to": prep -> its verb
            current = current.head
        chain.append(current)
    return chain


def _kids(tok, deps):
    return [c for c in tok.children if c.dep_ in deps]


def _in_condition(token) -> tuple[object | None, str | None]:
    """The if/unless clause head that contains ``token`` (walking up clause boundaries)."""
    current = token
    while current.head.i != current.i:
        if current.dep_ == "advcl":
            marks = [c.lower_ for c in current.children if c.dep_ == "mark"]
            for mark in marks:
                if mark in CONDITION_MARKS:
                    return current, mark
        if current.dep_ in ("ccomp", "relcl", "parataxis"):
            return None, None
        current = current.head
    return None, None


def _in_condition_phrase(token) -> str | None:
    """The cue when ``token`` is (inside) the condition of a condition phrase: "in return
    for X", "in exchange for X", "on (the) condition that X", "provided (that) X", "as long
    as X". Like an if-clause, what the condition names has not (yet) happened."""
    current = token
    while current.head.i != current.i:
        head = current.head
        if current.dep_ in ("pobj", "pcomp") and head.lower_ == "for" and \
                head.head.lower_ in ("return", "exchange"):
            return f"in {head.head.lower_} for"
        if current.dep_ in ("acl", "ccomp", "advcl") and head.lower_ == "condition" and \
                any(m.dep_ == "mark" and m.lower_ == "that" for m in current.children):
            return "on condition that"
        if current.dep_ in ("pcomp", "ccomp", "advcl", "pobj") and \
                head.lower_ in ("provided", "providing") and head.i < current.i:
            return head.lower_
        if current.dep_ == "advcl" and head.lower_ == "long" and \
                any(m.dep_ == "mark" and m.lower_ == "as" for m in current.children):
            return "as long as"
        if current.dep_ in ("relcl", "parataxis") or current.dep_ == "ccomp" and \
                head.pos_ in ("VERB", "AUX"):
            return None  # a clause of its own: the condition does not reach it
        current = head
    return None


def _perfect(tok) -> bool:
    return any(c.lower_ in ("had", "'d") and c.dep_ in ("aux", "auxpass") for c in tok.children)


def _has_would_have(tok) -> bool:
    aux = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return any(a in ("would", "could", "might", "'d") for a in aux) and "have" in aux


def classify(token, extra: list | None = None) -> Factuality:
    """The factuality of the event triggered at ``token``; ``extra`` adds tokens whose
    modifiers also count (the event noun of a light verb or of "take place")."""
    chain = modal_chain(token)
    for tok in extra or ():
        if tok not in chain:
            chain.append(tok)
    aux = []
    negated = possible = future = prescriptive = conditional = counterfactual = False
    cue = None
    for tok in chain:
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass"):
                aux.append((tok, low))
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "preconj")
                                        and low in NEGATORS):
                negated, cue = True, cue or low
            if child.dep_ == "advmod" and low in POSSIBLE_ADV:
                possible, cue = True, cue or low
            if child.dep_ in ("acomp", "oprd") and lemma(child) in POSSIBLE_ADJ | {low}:
                if low in POSSIBLE_ADJ:
                    possible, cue = True, cue or low
            if child.dep_ == "advcl":
                marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
                if marks & CONDITION_MARKS:
                    conditional, cue = True, cue or next(iter(marks & CONDITION_MARKS))
                    if _perfect(child) and _has_would_have(tok):
                        counterfactual = True
            if child.dep_ == "prep" and low in ("in", "on", "upon"):
                obj = [g.lower_ for g in child.children if g.dep_ == "pobj"]
                if obj and obj[0] in CONDITION_NOUNS:
                    conditional, cue = True, cue or f"{low} {obj[0]}"
            if low in ("provided", "providing") and child.i > tok.i and (
                    child.dep_ == "prep" or any(
                        m.dep_ == "mark" and m.lower_ == "that"
                        for g in child.children if g.dep_ in ("ccomp", "advcl")
                        for m in g.children)):
                conditional, cue = True, cue or low  # "will withdraw provided (that) X"
            if child.dep_ == "advmod" and low == "long" and any(
                    g.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as"
                                              for m in g.children) for g in child.children):
                conditional, cue = True, cue or "as long as"  # "will stay as long as X"
        lem = lemma(tok)
        if tok.i != token.i:
            if lem in FUTURE_VERBS and tok.pos_ in ("VERB", "ADJ", "AUX"):
                future, cue = True, cue or lem
            elif lem in POSSIBLE_VERBS:
                possible, cue = True, cue or lem
            elif lem in NEGATIVE_VERBS:
                negated, cue = True, cue or lem
            elif lem in ("have", "need") and tok.tag_ in ("VBP", "VBZ", "VB") \
                    and any(c.dep_ == "xcomp" for c in tok.children):
                prescriptive, cue = True, cue or f"{lem} to"
            if tok.lower_ in POSSIBLE_ADJ:
                possible, cue = True, cue or tok.lower_
            if tok.lower_ == "about" or (tok.lower_ == "due" and tok.pos_ == "ADJ"):
                future, cue = True, cue or tok.lower_
    for tok, low in aux:
        if low in FUTURE_AUX:
            future = True
        elif low in POSSIBLE_AUX:
            possible = True
        elif low in PRESCRIPTIVE_AUX:
            prescriptive = True
        elif low in ("would", "'d"):
            if _has_would_have(tok):
                # "would have" without an if-clause of its own: look for one in the sentence
                sent = tok.sent
                if any(t.dep_ == "advcl" and _perfect(t) and
                       {c.lower_ for c in t.children if c.dep_ == "mark"} & CONDITION_MARKS
                       for t in sent):
                    counterfactual = True
                else:
                    possible = True
            else:
                future = True
    head, mark = _in_condition(token)
    if head is not None:
        conditional, cue = True, cue or mark
        if _perfect(head) and _has_would_have(head.head):
            counterfactual = True
    phrase_cue = _in_condition_phrase(token)
    if phrase_cue is not None:
        conditional, cue = True, cue or phrase_cue
    if not conditional:
        window = " ".join(t.lower_ for t in pruned_subtree(chain[-1], CLAUSE_DEPS)
                          ).replace(" - ", "-")
        for word in CONDITION_WORDS:
            if word in window:
                conditional, cue = True, cue or word
                break
    value = ("counterfactual" if counterfactual else "conditional" if conditional
             else "possible" if possible else "negated" if negated
             else "future" if future else "asserted")
    return Factuality(value, prescriptive, cue)


def necessity_predicate(verb) -> bool:
    """"... is a must", "... is essential", "... is needed": a copula or passive of need
    whose subject is what the writer prescribes."""
    lem = lemma(verb)
    if lem in ("need", "require") and any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if lem != "be":
        return False
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "attr" and (lemma(child) in NECESSITY_NOUNS):
            return True
        if child.dep_ == "acomp" and low in NECESSITY_ADJ:
            return True
    return False


def prescribed(token) -> bool:
    """True when the event at ``token`` is (part of) what a prescription asks for: the
    governing verbs, walked up to a clause boundary, include a prescriptive one ("have to",
    "must", ...), or a necessity predicate has it in its subject."""
    current = token
    while current.head.i != current.i:
        dep = current.dep_
        parent = current.head
        if dep in ("relcl", "ccomp", "parataxis"):
            return False
        if dep == "advcl":
            marks = {c.lower_ for c in current.children if c.dep_ == "mark"}
            if marks - {"in", "order", "so"} - CONDITION_MARKS:
                return False  # "because/when ..." clauses are not the prescription
            # (an if-clause of a prescription is hypothetical too: walk on)
        if dep not in _GOVERNED_DEPS:
            return False
        if dep in ("nsubj", "csubj"):
            return necessity_predicate(parent)
        if parent.pos_ in ("VERB", "AUX"):
            if classify(parent).prescriptive or necessity_predicate(parent) or \
                    _have_to(parent):
                return True
        current = parent
    return False


def _have_to(verb) -> bool:
    """"have to" / "need to" itself (the governing verb of the prescribed infinitive)."""
    lem = lemma(verb)
    return lem in ("have", "need") and verb.tag_ in ("VBP", "VBZ", "VB") and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children)
