"""Trigger finding: verbs (with particle, preposition or object) and event nouns from
``event_lexicon``, the general light-verb/stop-verb/give-verb rules, and folding of the
complements of speech acts into the governing event."""
from __future__ import annotations

from ..common.reporting import STATEMENT_VERBS
from . import lexicon as lex
from ..common import factuality as fact
from .candidates import (REQUEST_MODE, THREAT_MODE, Candidate, _crosses, _depth, _object, _of_noun,
                         _prt, lemma)
from .nominal import _governed_prescription, _noun_entry, _noun_is_event
from .protection import protection_candidates
from . import rules as rules


def _object_heads(obj) -> list:
    """The object and, for a measuring/framing head, the noun it frames."""
    heads = [obj]
    if lemma(obj) in lex.GENERIC_HEADS or obj.lower_ in lex.GENERIC_HEADS:
        inner = _of_noun(obj)
        if inner is not None:
            heads.append(inner)
        heads.extend(c for c in obj.children if c.dep_ == "compound")
    else:
        heads.extend(c for c in obj.children if c.dep_ == "compound")
    return heads


def verb_entry(tok) -> tuple[str, str | None, list] | None:
    """PLOVER (type, mode, trigger words) of a verb token, or None."""
    return rules.refine_verb_entry(tok, _verb_entry(tok))


def _verb_entry(tok) -> tuple[str, str | None, list] | None:
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return None
    if tok.dep_ in ("amod", "compound", "nmod"):  # "the negotiating sides"
        return None
    lem = lemma(tok)
    obj = _object(tok)
    parts = [c for c in tok.children if c.dep_ == "prt"]
    # Phrasal prepositions follow the verb: "on" in "on Saturday agreed" is not "agree on".
    preps = [c for c in tok.children if c.dep_ in ("prep", "agent") and c.i > tok.i]
    for part in parts:
        key = f"{lem} {part.lower_}"
        if obj is not None and f"{key} {lemma(obj)}" in lex.VERB_OBJECT:
            t, m = lex.VERB_OBJECT[f"{key} {lemma(obj)}"]
            return t, m, [tok, part, obj]
        if key in lex.PHRASAL:
            t, m = lex.PHRASAL[key]
            return t, m, [tok, part]
    if obj is not None:
        for head in _object_heads(obj):
            key = f"{lem} {lemma(head)}"
            if key in lex.VERB_OBJECT:
                t, m = lex.VERB_OBJECT[key]
                return t, m, [tok, head]
            hl = lemma(head)
            if hl not in lex.AID_OBJECTS and head.lower_.endswith("s") and \
                    head.lower_[:-1] in lex.AID_OBJECTS:
                hl = head.lower_[:-1]  # "bases" (lemmatised "basis")
            if hl in lex.AID_OBJECTS:
                if lem in lex.GIVE_VERBS:
                    return "AID", "asylum" if hl == "asylum" else None, [tok, head]
                if lem in lex.CUT_VERBS:
                    return "SANCTION", "discontinue", [tok, head]
                if lem in lex.SHARE_VERBS:
                    return "COOPERATE", None, [tok, head]
            noun = _noun_entry(head)
            if noun and lem in lex.EASE_VERBS and noun[0] in ("COERCE", "SANCTION"):
                return ("CONCEDE" if hl in ("ban", "restriction") else "RETREAT"), "ease", \
                    [tok, head]
            if noun and lem in lex.REPRESS_VERBS and noun[0] in ("PROTEST",):
                return "COERCE", "restrict", [tok, head]
        # "put troops on alert", "placed under house arrest": verb + the object of a prep
    for prep in preps:
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and f"{lem} {lemma(pobj)}" in lex.VERB_OBJECT:
                t, m = lex.VERB_OBJECT[f"{lem} {lemma(pobj)}"]
                return t, m, [tok, prep, pobj]
    if lem in lex.PREP_LIGHT_VERBS:  # "engaged in ethnic cleansing", "took part in talks"
        for prep in preps:
            for pobj in prep.children:
                noun = _noun_entry(pobj) if pobj.dep_ == "pobj" else None
                if noun:
                    return noun[0], noun[1], [tok, pobj]
    for prep in preps:
        key = f"{lem} {prep.lower_}"
        if key in lex.PHRASAL:
            t, m = lex.PHRASAL[key]
            return t, m, [tok, prep]
    marked = rules.for_clause_phrasal(tok, lem)  # "called for Israel to withdraw"
    if marked is not None:
        return marked
    if lem in lex.VERBS:
        t, m = lex.VERBS[lem]
        if lem == "strike" and obj is not None:
            return "ASSAULT", None, [tok]
        if lem == "protest" and any(c.dep_ in ("ccomp",) for c in tok.children) or \
                lem == "protest" and tok.dep_ in ("parataxis", "ROOT") and \
                any(c.dep_ == "ccomp" for c in tok.children):
            return "ACCUSE", "disapprove", [tok]
        return t, m, [tok]
    return None


def _candidates(sent) -> list[Candidate]:
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
        entry = verb_entry(tok)
        obj = _object(tok)
        noun = _noun_entry(obj) if obj is not None else None
        lem = lemma(tok)
        if lem in lex.DESIGNATE_VERBS and _designation(tok):
            entry = ("SANCTION", "designate", [tok])
        elif noun and lem in lex.STOP_VERBS and (lem != "call" or _prt(tok, "off")):
            ntype = noun[0]
            if ntype in ("ASSAULT", "PROTEST", "MOBILIZE", "COERCE", "THREATEN"):
                entry = ("RETREAT" if ntype != "PROTEST" else "CONCEDE",
                         "ceasefire" if ntype == "ASSAULT" else None, [tok, obj])
            elif ntype in lex.COOPERATIVE_TYPES:
                entry = ("SANCTION", "discontinue", [tok, obj])
        elif noun and (entry is None or lem in lex.LIGHT_VERBS) and lem in lex.LIGHT_VERBS:
            entry = (noun[0], noun[1], [tok, obj])
        elif noun and lem in rules.ORDER_VERBS and not any(
                c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            entry = (noun[0], noun[1], [tok, obj])  # "ordered patrols": the act ordered
        elif noun is None and obj is not None and lem in lex.LIGHT_VERBS:
            # "held their first meeting": the object's head is the noun; also "a round of talks"
            for inner in _object_heads(obj)[1:]:
                if _noun_entry(inner):
                    entry = (*_noun_entry(inner), [tok, inner])
                    break
        if entry is None and tok.pos_ == "ADJ" and tok.lower_ in lex.INTENT_ADJECTIVES:
            xcomp = [c for c in tok.children if c.dep_ == "xcomp"]
            if xcomp:
                entry = ("AGREE", None, [tok])
        if entry is None:
            continue
        etype, mode, words = entry
        if etype == "MOBILIZE" and any(rules.joint_exercise(w, tok) for w in words
                                       if w.pos_ in ("NOUN", "PROPN")):
            etype, mode = "COOPERATE", None  # joint exercises (PLOVER COOPERATE)
        if rules.ruled_out(tok):
            etype, mode = "REJECT", REQUEST_MODE.get(etype, "change")
        cand = Candidate(tok, etype, mode, list(words))
        for w in words:
            if w.i != tok.i and w.pos_ in ("NOUN", "PROPN"):
                cand.nominal = w
                noun_owner.add(w.i)
        if obj is not None and _noun_entry(obj):
            noun_owner.add(obj.i)  # "hosted another round of talks": part of the verb event
            inner = _of_noun(obj)
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
        entry = _noun_entry(tok)
        if entry is None or tok.dep_ == "compound":
            continue
        if tok.head.i in by_anchor and tok.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
            continue  # the object of an event verb is part of it
        if tok.dep_ == "pobj" and tok.head.head.i in by_anchor and tok.head.lower_ in (
                "for", "of", "to", "on", "in", "into", "against"):
            if by_anchor[tok.head.head.i].type in lex.CONTENT_TYPES | {"CONSULT"}:
                continue  # "called for a withdrawal", "agreed to a ceasefire"
        if not _noun_is_event(tok):
            continue
        anchor = tok
        if tok.dep_ in ("nsubj", "nsubjpass"):
            head = tok.head
            happen = [c for c in head.children if c.dep_ == "xcomp"
                      and lemma(c) in lex.HAPPEN_VERBS]
            if lemma(head) in lex.HAPPEN_VERBS or happen:
                anchor = happen[0] if happen else head
        elif _governed_prescription(tok):
            continue  # "push them to reduce violence" in an editorial prescription
        cand = Candidate(anchor, entry[0], entry[1], [tok], nominal=tok)
        if cand.type == "MOBILIZE" and rules.joint_exercise(tok):
            cand.type, cand.mode = "COOPERATE", None
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
        if any(t.i in anchors for t in tok.subtree if t.dep_ in ("conj", "xcomp") and
               t.head.i == tok.i):
            continue
        if fact.classify(tok).prescriptive:
            out.append(Candidate(tok, "REQUEST", "change", [tok]))
    return out


def _designation(tok) -> bool:
    """"designated/listed X as a terrorist organisation"."""
    for child in tok.children:
        if child.lower_ == "as" or child.dep_ == "oprd":
            words = {lemma(t) for t in child.subtree} | {t.lower_ for t in child.subtree}
            if words & lex.TERROR_WORDS:
                return True
    return False


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
                if not _crosses(tok, head, ("relcl", "advcl", "acl", "parataxis")) or tok.i == root.i:
                    found.append(anchors[tok.i])
    return found


def _fold_complements(cands: list[Candidate]) -> None:
    anchors: dict[int, Candidate] = {}
    for c in cands:
        anchors.setdefault(c.anchor.i, c)
        if c.nominal is not None:
            anchors.setdefault(c.nominal.i, c)
    # governing non-lexicon verbs: "prepared to resume shelling" -> MOBILIZE
    for c in sorted(cands, key=lambda c: _depth(c.anchor)):
        if c.dropped or c.type not in lex.CONTENT_TYPES:
            continue
        content = [x for x in _content_of(c, anchors) if not x.dropped]
        if not content:
            continue
        first = min(content, key=lambda x: _depth(x.anchor))
        c.content = first
        lem = lemma(c.anchor)
        if c.type == "AGREE" and (lem in lex.INTENT_VERBS or c.anchor.lower_ in
                                  lex.INTENT_ADJECTIVES) and first.type in lex.HOSTILE_TYPES:
            c.type, c.mode = "THREATEN", THREAT_MODE.get(first.type)
        elif c.type == "THREATEN":
            c.mode = c.mode or THREAT_MODE.get(first.type)
        elif c.type in ("REQUEST", "REJECT") and not c.mode:
            c.mode = REQUEST_MODE.get(first.type, "change")
        for x in content:
            x.dropped = True
    for c in cands:
        head = c.anchor
        if c.dropped or head.dep_ != "xcomp" or not head.head.tag_.startswith("VB"):
            continue
        if lemma(head.head) in ("prepare", "ready", "poise", "gear") and c.type == "ASSAULT":
            c.type, c.mode = "MOBILIZE", "troops"
