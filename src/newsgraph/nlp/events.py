"""PLOVER events from dependency patterns over the spaCy parse (stage ``events.v1``).

For every sentence: each verb (with its particle, preposition or object) and each event noun
found in ``event_lexicon`` is a candidate; complements of speech acts (what was requested,
promised, rejected, threatened, alleged) are folded into the governing event; light verbs
("held talks") take their type from the noun. Each event gets actors (subject, agent of a
passive, conjuncts), recipients (object, "with/to/against/on X"), factuality
(``factuality.py``), attribution (quote speaker, "X said", "according to X", "reportedly"),
a date (its own timex, else the publication date for present/perfect reports) and a place
("in/at PLACE"). Editorial prescriptions ("have to", "must", "should" + verb) are not coded.
See docs/events.md.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Document, Entity, Event
from ..pipeline import Stage, register
from . import event_lexicon as lex
from . import factuality as fact

ACTOR_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
RECIPIENT_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "into", "at",
                   "from", "for", "over", "between", "among")
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them",
                      "who", "which", "that", "his", "their", "its"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
UNATTRIBUTED = "unattributed report"
REPORT_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
REQUEST_MODE = {"AID": "assist", "COOPERATE": "assist", "CONSULT": "meet", "AGREE": "meet",
                "RETREAT": "yield", "CONCEDE": "yield"}
THREAT_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations",
               "MOBILIZE": "violence"}


@dataclass
class Candidate:
    anchor: Any  # the verb (or noun for a bare nominal event) whose syntax gives the roles
    type: str
    mode: str | None
    words: list = field(default_factory=list)  # trigger tokens for event_text
    nominal: Any = None  # the event noun, if the event is named by a noun
    content: Candidate | None = None  # the folded complement (what was requested, ...)
    dropped: bool = False
    modal: Any = None  # a verb whose modality also counts ("would be" of a nominal subject)


# ---------------------------------------------------------------- lexicon lookups

def lemma(tok) -> str:
    return (tok.lemma_ or tok.lower_).lower()


def _object(tok):
    for child in tok.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    for child in tok.children:  # passive "talks were held": the subject is the object
        if child.dep_ == "nsubjpass":
            return child
    return None


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


def _noun_entry(tok):
    if tok is None or tok.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    entry = lex.NOUNS.get(lemma(tok)) or lex.NOUNS.get(tok.lower_)
    if entry and lemma(tok) in ("call", "round") and not _has_prep(tok, ("for", "of", "to")):
        return None
    return entry


def _has_prep(tok, preps) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children)


def verb_entry(tok) -> tuple[str, str | None, list] | None:
    """PLOVER (type, mode, trigger words) of a verb token, or None."""
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return None
    if tok.dep_ in ("amod", "compound", "nmod"):  # "the negotiating sides"
        return None
    lem = lemma(tok)
    obj = _object(tok)
    parts = [c for c in tok.children if c.dep_ == "prt"]
    preps = [c for c in tok.children if c.dep_ in ("prep", "agent")]
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
    for prep in preps:
        key = f"{lem} {prep.lower_}"
        if key in lex.PHRASAL:
            t, m = lex.PHRASAL[key]
            return t, m, [tok, prep]
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


# ---------------------------------------------------------------- candidates

def _candidates(sent) -> list[Candidate]:
    cands: list[Candidate] = []
    by_anchor: dict[int, Candidate] = {}
    noun_owner: set[int] = set()
    for tok in sent:
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
        if tok.dep_ in ("nsubj", "nsubjpass") and anchor.i == tok.i and lemma(tok.head) == "be":
            cand.modal = tok.head
        cands.append(cand)
    _fold_complements(cands)
    return [c for c in cands if not c.dropped]


def _governed_prescription(noun) -> bool:
    verb = noun.head
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and fact.classify(verb).prescriptive


def _prt(tok, word) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == word for c in tok.children)


def _of_noun(tok):
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _designation(tok) -> bool:
    """"designated/listed X as a terrorist organisation"."""
    for child in tok.children:
        if child.lower_ == "as" or child.dep_ == "oprd":
            words = {lemma(t) for t in child.subtree} | {t.lower_ for t in child.subtree}
            if words & lex.TERROR_WORDS:
                return True
    return False


def _noun_is_event(tok) -> bool:
    """A bare event noun is coded when it happens, is a subject, or has its own actors/date."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    if tok.dep_ in ("ROOT",) and tok.pos_ == "NOUN":
        return True
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
            return True
        if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ACTOR_ENTITY_TYPES:
            return True
        if child.dep_ == "prep" and child.lower_ in ("by", "between", "against", "with", "on"):
            for g in child.children:
                if g.dep_ == "pobj" and _actor_like(g):
                    return True
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "in"):
            if any(g.ent_type_ == "DATE" for g in child.subtree):
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


def _crosses(tok, top, deps) -> bool:
    current = tok
    while current.i != top.i and current.head.i != current.i:
        if current.dep_ in deps:
            return True
        current = current.head
    return False


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


def _depth(tok) -> int:
    depth = 0
    while tok.head.i != tok.i:
        tok = tok.head
        depth += 1
    return depth


# ---------------------------------------------------------------- roles

def _subject(verb, seen=None):
    """Actor head tokens of a verb: subject, agent of a passive, inherited through xcomp/conj."""
    seen = seen or set()
    if verb.i in seen:
        return [], False
    seen.add(verb.i)
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "expl")]
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj" and _actor_like(g)]
        return agents, True
    if subj:
        s = subj[0]
        if s.lower_ in RELATIVE and verb.dep_ == "relcl":
            return [verb.head], False
        if s.dep_ == "expl" or s.lower_ in RELATIVE:
            return [], False
        return [s], False
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and verb.head.i != verb.i:
        head = verb.head
        if head.dep_ == "prep":
            head = head.head
        if verb.dep_ == "xcomp":
            # object control: "urged X to leave" -> X
            obj = [c for c in head.children if c.dep_ in ("dobj",)]
            if obj and lemma(head) not in lex.INTENT_VERBS:
                return obj, False
        return _subject(head, seen)
    if verb.dep_ == "relcl":
        return [verb.head], False
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head], False
    return [], False


def _conjuncts(tok) -> list:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(_conjuncts(child))
    return out


def _actor_like(tok) -> bool:
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return False
    if tok.ent_type_ in ACTOR_ENTITY_TYPES:
        return True
    if tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON" and tok.lower_ in PRONOUNS:
        return True
    return lemma(tok) in lex.ACTOR_NOUNS or tok.lower_ in lex.ACTOR_NOUNS


def _np_span(tok) -> tuple[int, int]:
    """Token range [start, end] of a compact noun phrase around ``tok``."""
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in ("punct", "cc", "preconj"):
            continue
        left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod", "poss"):
            right = max(right, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from") and tok.pos_ == "NOUN":
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if pobj:
                right = max(right, max(pobj[0].i, _np_span(pobj[0])[1]))
        elif child.dep_ == "appos" and child.ent_type_ == "PERSON":
            right = max(right, child.right_edge.i)
    doc = tok.doc
    while left < tok.i and doc[left].lower_ in ("the", "a", "an", ",", "-", "'s"):
        left += 1
    return left, right


def _entity_at(doc: Document, start: int, end: int, head_start: int | None = None):
    best = None
    for ent in doc.entities:
        for m in ent.mentions:
            if m.start < end and start < m.end:
                if ent.type not in ACTOR_ENTITY_TYPES and ent.type != "PERSON":
                    continue
                covers_head = head_start is not None and m.start <= head_start < m.end
                score = (covers_head, ent.type in ("PERSON", "ORG"), m.end - m.start)
                if best is None or score > best[0]:
                    best = (score, ent, m)
    return best


def _participant(doc: Document, tok) -> dict[str, Any]:
    sdoc = tok.doc
    first, last = _np_span(tok)
    start, end = sdoc[first].idx, sdoc[last].idx + len(sdoc[last])
    text = doc.text[start:end]
    found = _entity_at(doc, start, end, tok.idx)
    item: dict[str, Any] = {"entity": None, "name": text, "code": None, "text": text,
                            "start": start, "end": end}
    if found:
        _, ent, _m = found
        item.update(entity=ent.id, name=ent.name, code=ent.code)
    return item


def _participants(doc: Document, heads: Iterable) -> list[dict[str, Any]]:
    out, seen = [], set()
    for head in heads:
        for tok in _expand_members(head):
            item = _participant(doc, tok)
            key = item["entity"] or item["name"].lower()
            if key in seen:
                continue
            seen.add(key)
            out.append(item)
    return out


def _expand_members(tok) -> list:
    """Conjuncts of a head ("Iran and Russia"); a group with "including X" gives X."""
    result = []
    for t in _conjuncts(tok):
        members = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("including",)
                   for g in c.children if g.dep_ == "pobj"]
        if members and t.pos_ == "NOUN":
            for m in members:
                result.extend(_conjuncts(m))
        else:
            result.append(t)
    return result


def _recipients(cand: Candidate, actor_heads: list) -> list:
    verb = cand.anchor
    skip = {t.i for a in actor_heads for t in _conjuncts(a)}
    out: list = []

    def take(tok):
        if tok is not None and tok.i not in skip and _actor_like(tok):
            out.append(tok)
            return True
        return False

    sources = [verb]
    if cand.nominal is not None and cand.nominal.i != verb.i:
        sources.append(cand.nominal)
    if verb.tag_.startswith("VB") or verb.pos_ in ("VERB", "AUX"):
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive and cand.nominal is None:
            take(passive[0])
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj") and (cand.nominal is None or c.i != cand.nominal.i):
                if not take(c):
                    ent = _entity_inside(c)
                    if ent is not None and c.dep_ == "dobj":
                        take(ent)
    if not out:
        for src in sources:
            objs = [c for c in src.children if c.dep_ == "dobj"]
            for holder in [src, *objs]:
                for prep in holder.children:
                    if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("DATE", "TIME"):
                                if prep.lower_ in ("at", "from", "into", "over") and \
                                        pobj.ent_type_ in PLACE_TYPES and holder.i == src.i \
                                        and cand.type not in ("RETREAT", "ASSAULT"):
                                    continue
                                take(pobj)
                if out:
                    break
            if out:
                break
    if not out and cand.content is not None:
        out.extend(_recipients(cand.content, actor_heads))
    return out


def _entity_inside(tok):
    for t in tok.subtree:
        if t.ent_type_ in ACTOR_ENTITY_TYPES and t.dep_ in ("poss", "compound", "amod", "nmod"):
            return t
    return None


def _nominal_actors(noun) -> tuple[list, list]:
    """Actors and recipients written inside an event noun phrase."""
    actors, recips = [], []
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in PRONOUNS:
            actors.append(child)
        elif child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ACTOR_ENTITY_TYPES:
            actors.append(child)
        elif child.dep_ == "compound" and _actor_like(child) and child.pos_ == "PROPN":
            actors.append(child)
        elif child.dep_ == "prep":
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if not pobj:
                continue
            if child.lower_ in ("by", "between", "among"):
                actors.append(pobj[0])
            elif child.lower_ == "of" and _actor_like(pobj[0]):
                actors.append(pobj[0])
            elif child.lower_ in ("with", "against", "on", "to", "toward", "towards") and \
                    _actor_like(pobj[0]):
                recips.append(pobj[0])
    # hyphenated pairs ("US-Taliban deal") come as several compound children
    extra = [t for t in noun.lefts for t in t.subtree
             if t.ent_type_ in ACTOR_ENTITY_TYPES and t not in actors and t.dep_ != "poss"]
    for t in extra:
        if not any(t.i in range(a.left_edge.i, a.right_edge.i + 1) for a in actors):
            actors.append(t)
    return actors, recips


# ---------------------------------------------------------------- attribution, time, place

def _quote_speaker(doc: Document, start: int, end: int) -> str | None:
    if "quotes" not in doc.provided:
        return None
    for q in doc.quotes:
        if q.start <= start and end <= q.end:
            return q.speaker_name or q.speaker or q.speaker_text
    return None


def _attribution(doc: Document, cand: Candidate) -> tuple[str | None, Any]:
    """(attributed_to, reporting-verb token) for an event."""
    tok = cand.anchor
    speaker = _quote_speaker(doc, tok.idx, tok.idx + len(tok))
    if speaker:
        return speaker, None
    current = tok
    while current.head.i != current.i:
        parent = current.head
        if lemma(parent) in lex.REPORTING_VERBS and current.dep_ in (
                "ccomp", "parataxis", "xcomp", "advcl", "conj", "dobj"):
            if current.dep_ != "conj":
                name = _speaker_name(doc, parent)
                if name:
                    return name, parent
        current = parent
    root = current
    for child in root.children:  # "..., officials said" parsed as a parataxis of the event
        if child.dep_ in ("parataxis", "ccomp") and lemma(child) in lex.REPORTING_VERBS \
                and child.i > tok.i:
            name = _speaker_name(doc, child)
            if name:
                return name, child
    sent = tok.sent
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = [g for g in t.doc[t.i + 1].children if g.dep_ == "pobj"] or \
                   [g for c in t.children for g in c.children if g.dep_ == "pobj"]
            if pobj:
                return _names(doc, pobj[0]), None
    chain = fact.modal_chain(tok)
    if any(c.lower_ in REPORT_ADVERBS for t in chain for c in t.children) or \
            any(t.lower_ in REPORT_ADVERBS for t in sent if t.head in chain):
        return UNATTRIBUTED, None
    return None, None


def _speaker_name(doc: Document, verb) -> str | None:
    heads, _ = _subject(verb)
    if not heads:
        return None
    return _names(doc, heads[0])


def _names(doc: Document, tok) -> str:
    return " and ".join(p["name"] for p in _participants(doc, [tok]))


def _clause_tokens(anchor) -> list:
    out = []
    for t in anchor.subtree:
        if t.i == anchor.i or not _crosses(t, anchor, ("ccomp", "advcl", "relcl", "xcomp",
                                                    "parataxis", "conj", "acl", "csubj")):
            out.append(t)
    return out


def _date(doc: Document, cand: Candidate) -> tuple[str | None, str | None]:
    tokens = _clause_tokens(cand.anchor)
    if cand.nominal is not None and cand.nominal.i != cand.anchor.i:
        tokens += [t for t in cand.nominal.subtree if t not in tokens]
    spans = [(t.idx, t.idx + len(t)) for t in tokens]
    if "timex" in doc.provided or doc.timexes:
        for tx in sorted(doc.timexes, key=lambda x: abs(x.start - cand.anchor.idx)):
            if tx.type not in ("DATE", "TIME"):
                continue
            if any(s < tx.end and tx.start < e for s, e in spans):
                return tx.value, tx.text
    else:
        for ent in cand.anchor.doc.ents:
            if ent.label_ in ("DATE", "TIME") and any(t in tokens for t in ent):
                return None, ent.text
    return _default_date(doc, cand), None


def _default_date(doc: Document, cand: Candidate) -> str | None:
    """No own timex: the publication date for present-tense or present-perfect reports."""
    if doc.published is None:
        return None
    verb = cand.anchor
    if not verb.tag_.startswith("VB"):
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    present_aux = any(a.tag_ in ("VBZ", "VBP") for a in aux)
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ in ("VBN", "VBG") and present_aux):
        if not any(a.lower_ in fact.FUTURE_AUX | fact.POSSIBLE_AUX for a in aux):
            return doc.published.isoformat() if isinstance(doc.published, dt.date) else None
    return None


def _location(doc: Document, cand: Candidate, taken: set[int]) -> dict[str, Any] | None:
    holders = [cand.anchor] + ([cand.nominal] if cand.nominal is not None else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in PLACE_TYPES and pobj.i not in taken:
                        item = _participant(doc, pobj)
                        return {"name": item["name"], "country": None, "lat": None, "lon": None,
                                "entity": item["entity"]}
    return None


# ---------------------------------------------------------------- the stage

def _ensure_lemmas(sdoc) -> None:
    content = [t for t in sdoc if t.pos_ in ("NOUN", "VERB", "ADJ")]
    if content and sum(1 for t in content if not t.lemma_) > len(content) // 2:
        from .parse import UNUSED_COMPONENTS
        from .spacy_model import load_model

        try:
            load_model(UNUSED_COMPONENTS).get_pipe("lemmatizer")(sdoc)
        except Exception:  # no lemmatizer: fall back to lower-case forms
            pass


def extract_events(doc: Document, include_prescriptions: bool = False) -> list[Event]:
    """All PLOVER events of a parsed Document (``doc.nlp`` must hold the spaCy Doc)."""
    sdoc = doc.nlp
    _ensure_lemmas(sdoc)
    events: list[Event] = []
    for sent in sdoc.sents:
        if sent.end_char <= doc.body_start:
            continue
        for cand in _candidates(sent):
            event = _build(doc, cand, len(events), include_prescriptions)
            if event is not None:
                events.append(event)
    return events


def _build(doc: Document, cand: Candidate, n: int, include_prescriptions: bool) -> Event | None:
    anchor = cand.anchor
    extra = [cand.nominal] if cand.nominal is not None else []
    if cand.nominal is not None and cand.nominal.i != anchor.i and anchor.pos_ not in ("VERB", "AUX"):
        extra = []
    if cand.modal is not None:
        extra = list(extra) + fact.modal_chain(cand.modal)
    verdict = fact.classify(anchor, extra)
    attributed, reporter = _attribution(doc, cand)
    etype, mode = cand.type, cand.mode
    if cand.nominal is not None and anchor.i == cand.nominal.i:
        actor_heads, recip_heads = _nominal_actors(cand.nominal)
    else:
        actor_heads, _ = _subject(anchor)
        recip_heads = _recipients(cand, actor_heads)
        if cand.nominal is not None and not actor_heads:
            actor_heads, more = _nominal_actors(cand.nominal)
            recip_heads = recip_heads or more
        if cand.nominal is not None and (lemma(anchor) in lex.HAPPEN_VERBS
                                         or lemma(anchor) == "be"):
            actor_heads, recip_heads = _nominal_actors(cand.nominal)
    actors = _participants(doc, actor_heads)
    recipients = _participants(doc, recip_heads)
    if verdict.prescriptive:
        if reporter is None or include_prescriptions:
            if not include_prescriptions:
                return None
        else:  # "X said Y must leave": a demand by the speaker
            recipients, actors = actors, _participants(doc, _subject(reporter)[0])
            etype, mode = "REQUEST", REQUEST_MODE.get(cand.type, "change")
    taken = {t.i for h in actor_heads + recip_heads for t in _conjuncts(h)}
    words = sorted({w.i: w for w in cand.words}.values(), key=lambda w: w.i)
    if cand.content is not None:
        words += [w for w in cand.content.words if w not in words]
    date, date_text = _date(doc, cand)
    start = min(w.idx for w in words)
    end = max(w.idx + len(w) for w in words)
    context = []
    if mode == "designate":
        context, mode = ["terrorism"], None
    return Event(
        id=f"{doc.id or 'doc'}-ev{n + 1}",
        event=etype,
        start=start,
        end=end,
        event_text=" ".join(w.text for w in words),
        mode=mode,
        context=context,
        actor=actors,
        recipient=[r for r in recipients if r["name"] not in {a["name"] for a in actors}],
        date=date,
        date_text=date_text,
        location=_location(doc, cand, taken),
        factuality=verdict.value,
        attributed_to=attributed,
    )


@register
class EventStage(Stage):
    """PLOVER events over the parse and entities; uses timexes and quotes when present."""

    name = "events.v1"
    requires = ("parse", "entities")
    provides = ("events",)

    def __call__(self, doc: Document) -> None:
        doc.events = extract_events(doc)


# ---------------------------------------------------------------- one-sentence API

def code_sentence(text: str, published: str | dt.date | None = None,
                  extra_entities: list[Entity] | None = None) -> list[Event]:
    """Code one sentence (or short text) into PLOVER events: parse, entities, events.

    ``extra_entities`` adds entities (e.g. from an actor dictionary) before coding, so that
    their codes flow into actor and recipient.
    """
    from .entities import EntityStage
    from .parse import ParseStage

    doc = code_document(text, published, extra_entities, _stages=(ParseStage, EntityStage))
    return doc.events


_STAGE_CACHE: dict[type, Any] = {}


def code_document(text: str, published: str | dt.date | None = None,
                  extra_entities: list[Entity] | None = None, _stages=()) -> Document:
    from .entities import EntityStage
    from .parse import ParseStage

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    doc = Document(text=text, published=published)
    doc.provided.update({"text", "metadata"})
    for cls in _stages or (ParseStage, EntityStage):
        stage = _STAGE_CACHE.get(cls) or _STAGE_CACHE.setdefault(cls, cls())
        stage.process_batch([doc])
    if extra_entities:
        doc.entities = list(doc.entities) + list(extra_entities)
    EventStage().process_batch([doc])
    return doc
