"""Status claims of ``commitments.v1``.

Later mentions of a commitment's action (same action class, a compatible actor) with what the
clause says about it: fulfilled, not_fulfilled, in_progress, at_risk, delayed, suspended,
conditional (also "the withdrawal would be conditions-based"), reaffirmed; claimed by a
quote's speaker, a reporting verb's subject, "according to X", "X consensus is that", or the
author.
"""
from __future__ import annotations

import re

from ...model import Commitment, Document, Entity
from ..common import factuality as fact
from .actions import action_class
from .terms import condition_of
from ..common.actor_index import ActorIndex
from ..common.attribution import attribution, clause_date
from ..common.syntax import clause_tokens, subject_of
from ..common.words import is_word

STATUS_VERBS = {
    "fulfilled": {"complete", "finish", "conclude", "implement", "fulfil", "fulfill", "honor",
                  "honour", "execute", "meet", "carry", "achieve"},
    "in_progress": {"begin", "start", "launch", "continue", "proceed", "commence"},
    "delayed": {"delay", "postpone", "defer", "extend", "slow", "push"},
    "suspended": {"halt", "suspend", "cancel", "abandon", "scrap", "reverse", "freeze"},
    "reaffirmed": {"commit", "pledge", "promise", "vow", "reaffirm", "reiterate", "agree"},
}
STATUS_VALUES = ("fulfilled", "not_fulfilled", "in_progress", "at_risk", "delayed", "suspended",
                 "conditional", "reaffirmed")
_CONDITIONS_BASED = re.compile(r"\bconditions?[- ]based\b|\bconditional\b", re.I)


def add_status_claims(doc: Document, index: ActorIndex, commitments: list[Commitment],
                      used: set[int]) -> None:
    """Status claims: later mentions of a commitment's action (same action class, a
    compatible actor) with what the clause says about it, appended to the commitment's
    ``status_claims``; tokens in ``used`` (they stated a provision) are skipped."""
    if not commitments:
        return
    for sent in doc.nlp.sents:
        if sent.end_char <= doc.body_start:
            continue
        for tok in sent:
            if tok.i in used:
                continue
            action = action_class(tok)
            if action is None:
                continue
            _claim(doc, index, commitments, used, tok, action)


def _claim(doc: Document, index: ActorIndex, commitments: list[Commitment], used: set[int],
           trigger, action: str) -> None:
    anchor, governor = trigger, None
    actor_tok = None
    if trigger.pos_ == "NOUN":
        if trigger.dep_ in ("nsubj", "nsubjpass"):
            anchor = trigger.head
            take = next((c for c in anchor.children if c.dep_ == "xcomp"), None)
            governor = None if take is None or is_word(take, {"take", "happen", "occur", "go"}) else take
        elif trigger.dep_ in ("dobj", "pobj"):
            head = trigger.head
            if trigger.dep_ == "pobj":
                head = head.head
            if head.pos_ not in ("VERB", "AUX"):
                return
            anchor = governor = head
        else:
            return
        actor_tok = next((g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"), None)
        if actor_tok is None and governor is not None:
            actor_tok = subject_of(governor).token
    else:
        subj = subject_of(trigger).token
        actor_tok = subj
        anchor = fact.modal_chain(trigger)[-1]
    status = _status(trigger, anchor, governor)
    if status is None:
        return
    actors = index.actors(actor_tok) if actor_tok is not None else []
    targets = [c for c in commitments if c.action == action and _compatible(commitments, c, actors)]
    if not targets:
        return
    toks = [t for t in clause_tokens(anchor) if not (t.dep_ == "mark" and t.head == anchor)]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    while end > start and doc.text[end - 1] in ".,;:”\" ":
        end -= 1
    src = attribution(doc, index, anchor, start, end)
    event_date, _ = clause_date(doc, anchor)
    published = doc.published.isoformat() if doc.published else None
    marker, cond = condition_of(*fact.modal_chain(trigger))
    condition = (doc.text[cond.left_edge.idx: cond.right_edge.idx + len(cond.right_edge)]
                 if cond is not None else None)
    for c in targets:
        c.status_claims.append({
            "status": status, "claimed_by": src.id,
            "claimed_by_all": list(src.all), "claimed_by_name": index.name(src.id),
            "via": src.via, "date": published, "event_date": event_date,
            "evidence": {"start": start, "end": end}, "text": doc.text[start:end],
            "condition": condition, "condition_marker": marker})
    used.add(trigger.i)


def _compatible(commitments: list[Commitment], c: Commitment, actors: list[Entity]) -> bool:
    """A status statement about ``actors`` concerns ``c`` when they are its party, or when
    its party was a description ("all foreign forces") and they are not a counterpart."""
    if not actors:
        return True
    ids = {a.id for a in actors}
    if c.party in ids:
        return True
    if c.party_from_description:
        others = {o.party for o in commitments if o is not c and o.action != c.action}
        return not ids & others
    return False


def _status(trigger, anchor, governor) -> str | None:
    words = " ".join(t.lower_ for t in anchor.subtree)
    if _CONDITIONS_BASED.search(words.replace(" - ", "-")):
        return "conditional"
    chain = fact.modal_chain(anchor) + ([trigger] if trigger not in fact.modal_chain(anchor) else [])
    f = fact.classify(anchor)
    if f.prescriptive:
        return None
    negated = any(c.dep_ == "neg" or (c.lower_ in fact.NEGATORS and c.dep_ in ("advmod", "det"))
                  for t in chain for c in t.children)
    negated = negated or any(c.dep_ == "det" and c.lower_ in ("no", "any") and negated
                             for c in trigger.children)
    possible = any((c.dep_ in ("aux",) and c.lower_ in fact.POSSIBLE_AUX)
                   or (c.lower_ in fact.POSSIBLE_ADJ) or (c.lower_ in fact.POSSIBLE_ADV)
                   for t in chain for c in t.children) or any(t.lower_ in fact.POSSIBLE_ADJ for t in chain)
    unlikely = any(t.lower_ == "unlikely" for t in chain) or any(
        c.lower_ == "unlikely" for t in chain for c in t.children)
    future = any(c.lower_ in fact.FUTURE_AUX | {"would"} for t in chain for c in t.children if c.dep_ == "aux")
    cls = None
    if governor is not None:
        cls = next((name for name, verbs in STATUS_VERBS.items() if is_word(governor, verbs)), None)
        if cls is None:
            return None
    if cls in ("delayed", "suspended"):
        return "at_risk" if possible and not negated else None if negated else cls
    if cls == "reaffirmed":
        return "at_risk" if negated or unlikely else "reaffirmed"
    if unlikely or (possible and negated):
        return "at_risk"
    if possible:
        return None
    if cls == "in_progress":
        return None if negated else "in_progress"
    progressive = anchor.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "was", "were")
                                              for c in anchor.children)
    if negated:
        return "not_fulfilled" if not future else "at_risk"
    if f.value == "conditional":
        return "conditional"
    if future:
        return "reaffirmed"
    if progressive:
        return "in_progress"
    if cls == "fulfilled" or anchor.tag_ in ("VBD", "VBN") and f.value == "asserted":
        return "fulfilled"
    return None
