"""Trigger finding: the event candidates of a sentence, from verbs and event nouns (their
types decided by the type rules, ``rules.TYPE_RULES``), protection as aid, reported
prescriptions, and folding of the complements of speech acts into the governing event."""
from __future__ import annotations

from ...pipeline.budget import spend
from ..common import factuality as fact
from ..common.syntax import crosses
from ..common.reporting import STATEMENT_VERBS
from . import lexicon as lex
from .candidates import Candidate, lemma, of_noun, tree_depth
from .nominal import governed_by_prescription, noun_entry, noun_is_event
from .protection import protection_candidates
from .rules import apply_type_rules, verb_entry
from .typecase import TypeCase


def sentence_candidates(sent) -> list[Candidate]:
    """The event candidates of one sentence, typed, with complements folded."""
    spend(len(sent))
    cands: list[Candidate] = []
    by_anchor: dict[int, Candidate] = {}
    noun_owner: set[int] = set()
    # protection as aid fixes its own roles; a verb it uses ("offered protection to X") is
    # that event, not a second one
    protection = protection_candidates(sent)
    claimed = {c.anchor.i for c in protection if any(w.i == c.anchor.i for w in c.words)
               and c.anchor.pos_ in ("VERB", "AUX")}
    for tok in sent:
        if tok.i in claimed:
            continue
        case = TypeCase(tok, verb_entry(tok))
        entry = apply_type_rules("trigger", case)
        obj = case.obj
        if entry is None:
            continue
        etype, mode, words = entry
        cand = Candidate(tok, etype, mode, list(words))
        for w in words:
            if w.i != tok.i and w.pos_ in ("NOUN", "PROPN"):
                cand.nominal = w
                noun_owner.add(w.i)
        if obj is not None and noun_entry(obj):
            noun_owner.add(obj.i)  # "hosted another round of talks": part of the verb event
            inner = of_noun(obj)
            if inner is not None:
                noun_owner.add(inner.i)
        cands.append(cand)
        by_anchor[tok.i] = cand
    for cand in protection:
        cands.append(cand)
        by_anchor.setdefault(cand.anchor.i, cand)
    # nominal events not owned by a verb event
    for tok in sent:
        if tok.i in noun_owner or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        entry = noun_entry(tok)
        if entry is None or tok.dep_ == "compound":
            continue
        if tok.head.i in by_anchor and tok.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
            continue  # the object of an event verb is part of it
        if tok.dep_ == "pobj" and tok.head.head.i in by_anchor and tok.head.lower_ in (
                "for", "of", "to", "on", "in", "into", "against"):
            if by_anchor[tok.head.head.i].type in lex.CONTENT_TYPES | {"CONSULT"}:
                continue  # "called for a withdrawal", "agreed to a ceasefire"
        if not noun_is_event(tok):
            continue
        anchor = tok
        if tok.dep_ in ("nsubj", "nsubjpass"):
            head = tok.head
            happen = [c for c in head.children if c.dep_ == "xcomp"
                      and lemma(c) in lex.HAPPEN_VERBS]
            if lemma(head) in lex.HAPPEN_VERBS or happen:
                anchor = happen[0] if happen else head
        elif governed_by_prescription(tok):
            continue  # "push them to reduce violence" in an editorial prescription
        entry = apply_type_rules("noun", TypeCase(tok, (entry[0], entry[1], [tok])))
        if entry is None:
            continue
        cand = Candidate(anchor, entry[0], entry[1], list(entry[2]), nominal=tok)
        if tok.dep_ in ("nsubj", "nsubjpass") and anchor.i == tok.i and lemma(tok.head) == "be":
            cand.modal = tok.head
        cands.append(cand)
    cands += _reported_prescriptions(sent, {c.anchor.i for c in cands})
    _fold_complements(cands)
    return [c for c in cands if not c.dropped]


def _reported_prescriptions(sent, anchors: set[int]) -> list[Candidate]:
    """"X declared that Y must drop its barriers": whatever Y must do, the report is a
    demand by X on Y (REQUEST, mode change) even when the demanded act is no trigger."""
    out = []
    for tok in sent:
        if tok.i in anchors or tok.dep_ != "ccomp" or lemma(tok.head) not in \
                STATEMENT_VERBS or tok.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            continue
        if any(c.i in anchors for c in tok.children if c.dep_ in ("conj", "xcomp")):
            continue
        if fact.classify(tok).prescriptive:
            out.append(Candidate(tok, "REQUEST", "change", [tok]))
    return out


def _content_of(cand: Candidate, anchors: dict[int, Candidate]) -> list[Candidate]:
    """Events in the complement of ``cand``: xcomp/ccomp/object/prep-object below it."""
    found = []
    head = cand.anchor
    roots = [c for c in head.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "pcomp",
                                                    "advcl", "oprd")]
    if cand.nominal is not None and cand.nominal.i != head.i:
        roots += [c for c in cand.nominal.children if c.dep_ in ("acl", "ccomp", "prep", "relcl")
                  and c.dep_ != "relcl"]
    for root in roots:
        if root.dep_ == "advcl" and not any(m.lower_ == "to" for m in root.children):
            continue
        for tok in root.subtree:
            if tok.i in anchors and anchors[tok.i] is not cand:
                # stop at clauses of their own (relative clauses, conditions)
                if not crosses(tok, head, ("relcl", "advcl", "acl", "parataxis")) or tok.i == root.i:
                    found.append(anchors[tok.i])
    return found


def _fold_complements(cands: list[Candidate]) -> None:
    anchors: dict[int, Candidate] = {}
    for c in cands:
        anchors.setdefault(c.anchor.i, c)
        if c.nominal is not None:
            anchors.setdefault(c.nominal.i, c)
    # the complement of a speech act or intent is its content, not an event of its own
    for c in sorted(cands, key=lambda c: tree_depth(c.anchor)):
        if c.dropped or c.type not in lex.CONTENT_TYPES:
            continue
        content = [x for x in _content_of(c, anchors) if not x.dropped]
        if not content:
            continue
        first = min(content, key=lambda x: tree_depth(x.anchor))
        c.content = first
        _retype("content", c, content=first)
        for x in content:
            x.dropped = True
    for c in cands:  # "prepared to attack" -> MOBILIZE
        if not c.dropped:
            _retype("governed", c)


def _retype(step: str, cand: Candidate, **extra) -> None:
    """Apply the type rules of ``step`` to a candidate (None from a rule drops it)."""
    entry = apply_type_rules(step, TypeCase(cand.anchor, (cand.type, cand.mode, cand.words),
                                            cand=cand, **extra))
    if entry is None:
        cand.dropped = True
    else:
        cand.type, cand.mode = entry[0], entry[1]
